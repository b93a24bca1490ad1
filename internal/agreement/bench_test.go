package agreement

import (
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

// zoneTerms is an agreement on a real line: DeepStateMap's occupied area of
// 20 April 2025 (read at run time from ../shared/data), with rules beyond,
// outside and inside it, in force from March 2025 on (so every incident of
// the benchmark is inside its window and every zone rule is evaluated).
const zoneTerms = `id: deep-strike-ban
parties: [RU, UA]
timezone: Europe/Kyiv
in_force: {from: 2025-03-01T00:00}
zones:
  occupied: {file: deepstatemap_data_20250420.geojson}
rules:
  - {id: "1", prohibits: {kinds: [strike], where: {beyond_km: 30, of: occupied}}}
  - {id: "2", prohibits: {kinds: [ground_assault], where: {outside: occupied}}}
  - {id: "3", prohibits: {kinds: [strike], weapons: [drone.long_range, cruise_missile], where: {within_km: 10, of: occupied}}}
exceptions:
  - {id: ad, matches: {kinds: [strike], targets: [military.air_defence_engagement]}}
`

// benchAgreements compiles the five templates (the parameterised ones from
// 1 September 2025) and the zone agreement.
func benchAgreements(b testing.TB) []*Compiled {
	var out []*Compiled
	for _, tp := range Templates() {
		var params map[string]string
		if len(tp.Params) > 0 {
			params = map[string]string{"start": "2025-09-01T00:00+03:00", "days": "30"}
		}
		out = append(out, compileTemplate(b, tp.ID, params))
	}
	file := sharedData(b, "geo/deepstate_occupied/deepstatemap_data_20250420.geojson")
	a := mustLoad(b, zoneTerms, nil, ParseOptions{Dir: filepath.Dir(file)})
	return append(out, mustCompile(b, a))
}

// benchWindows are the templates' windows; the "windows" mix puts every
// incident inside one of them.
var benchWindows = [][2]time.Time{
	{at(2025, 3, 18, 0, 0), at(2025, 4, 17, 0, 0)},
	{at(2025, 4, 19, 18, 0), at(2025, 4, 21, 0, 0)},
	{at(2025, 5, 8, 0, 0), at(2025, 5, 11, 0, 0)},
	{at(2025, 9, 1, 0, 0), at(2025, 10, 1, 0, 0)},
}

// benchIncident draws a realistic incident: mostly strikes, a weapon or
// two from the whole taxonomy (parents and unknown included), a target or
// none, places across Ukraine and western Russia (some without
// coordinates), uncertainties up to 25 km, windows from a minute to a night.
// With inWindows, its time lies in a template's window; else anywhere from
// March to October 2025.
func benchIncident(r *rand.Rand, inWindows bool) *truce.Incident {
	in := randIncident(r)
	in.Weapons = in.Weapons[:min(len(in.Weapons), 2)]
	switch {
	case r.IntN(10) == 0:
		in.Location.Lat, in.Location.Lon = 0, 0
	case r.IntN(5) == 0:
		in.Location.Lat, in.Location.Lon, in.Location.Country = 45+r.Float64()*11, 33+r.Float64()*15, "RU"
	default:
		in.Location.Lat, in.Location.Lon, in.Location.Country = 44.4+r.Float64()*8, 22.1+r.Float64()*18, "UA"
	}
	in.Location.UncertaintyM = []float64{0, 100, 500, 2000, 10000, 25000}[r.IntN(6)]
	if hasPoint(&in.Location) && r.IntN(10) > 0 { // geocoding names the region of most points
		in.Location.Admin1 = []string{"Kharkiv Oblast", "Donetsk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast", "Dnipropetrovsk Oblast", "Sumy Oblast", "Odesa Oblast", "Kyiv City", "Belgorod Oblast", "Kursk Oblast"}[r.IntN(10)]
	}
	start, end := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	if inWindows {
		w := benchWindows[r.IntN(len(benchWindows))]
		start, end = w[0], w[1]
	}
	length := []time.Duration{0, 0, 10 * time.Minute, 3 * time.Hour, 10 * time.Hour}[r.IntN(5)]
	from := start.Add(time.Duration(r.Int64N(int64(end.Sub(start) - length)))).Truncate(time.Minute)
	in.Window = truce.Window{From: from, To: from.Add(length)}
	return in
}

// BenchmarkEvaluate1M evaluates 1,000,000 incidents against the five
// templates and the zone agreement (6,000,000 verdicts with reasons) on
// every CPU: the target is under 5 seconds on two cores. "all" calls
// EvaluateAll once per incident, "each" Evaluate once per agreement. The
// incidents come from a pool of 20,000 distinct ones, cycled; "year"
// spreads them over March to October 2025 (most fall outside the short
// windows), "windows" puts each inside a template's window.
//
//	go test -run XXX -bench Evaluate1M -benchtime 1x ./internal/agreement/
func BenchmarkEvaluate1M(b *testing.B) {
	agreements := benchAgreements(b)
	for _, mix := range []struct {
		name      string
		inWindows bool
	}{{"year", false}, {"windows", true}} {
		r := rand.New(rand.NewPCG(11, 12))
		pool := make([]*truce.Incident, 20000)
		for i := range pool {
			pool[i] = benchIncident(r, mix.inWindows)
		}
		for _, api := range []string{"all", "each"} {
			b.Run(mix.name+"/"+api, func(b *testing.B) {
				logMix(b, pool, agreements)
				b.ResetTimer()
				cpu0 := cpuTime()
				for range b.N {
					evaluateMillion(b, pool, agreements, api == "all")
				}
				// On a shared machine wall time depends on the neighbours;
				// CPU time / 2 is what two cores of our own would take.
				b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/1M-incidents")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e9, "s/1M-incidents")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1_000_000*len(agreements)), "ns/verdict")
			})
		}
	}
}

// evaluateMillion evaluates a million incidents from the pool against
// every agreement, on GOMAXPROCS goroutines.
func evaluateMillion(b *testing.B, pool []*truce.Incident, agreements []*Compiled, all bool) {
	const total = 1_000_000
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for i := w; i < total; i += workers {
				in := pool[i%len(pool)]
				if all {
					for _, v := range EvaluateAll(in, agreements) {
						n += len(v.Reasons)
					}
					continue
				}
				for _, c := range agreements {
					n += len(Evaluate(in, c).Reasons)
				}
			}
			if n == 0 {
				b.Error("no reasons")
			}
		}()
	}
	wg.Wait()
}

// logMix logs how the verdicts of the pool fall, so the figure can be
// judged: a mix of mostly quick "outside the window" answers is cheaper.
func logMix(b *testing.B, pool []*truce.Incident, agreements []*Compiled) {
	if b.N > 1 {
		return
	}
	for _, c := range agreements {
		n := map[truce.VerdictValue]int{}
		for _, in := range pool {
			n[Evaluate(in, c).Verdict]++
		}
		b.Logf("%-24s violation %5d  indeterminate %5d  no_violation %5d", c.Agreement.ID, n[truce.Violation], n[truce.Indeterminate], n[truce.NoViolation])
	}
}

// BenchmarkEvaluate measures one verdict under each agreement.
func BenchmarkEvaluate(b *testing.B) {
	r := rand.New(rand.NewPCG(13, 14))
	pool := make([]*truce.Incident, 4096)
	for i := range pool {
		pool[i] = benchIncident(r, true)
	}
	for _, c := range benchAgreements(b) {
		b.Run(c.Agreement.ID, func(b *testing.B) {
			b.ReportAllocs()
			for i := range b.N {
				Evaluate(pool[i%len(pool)], c)
			}
		})
	}
}

// cpuTime returns the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
