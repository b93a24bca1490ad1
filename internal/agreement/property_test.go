package agreement

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

// propertyDoc exercises zones, a unilateral declaration, narrowed by,
// disputed readings and an exception, beside the five templates.
const propertyDoc = `id: property-terms
version: 1
parties: [RU, UA]
declared_by: [RU]
timezone: Europe/Kyiv
in_force:
  from: 2025-04-01T00:00
  to: 2025-06-01T00:00
  disputed:
    - {party: UA, from: 2025-04-15T00:00}
    - {party: RU, to: 2025-05-15T00:00}
zones:
  sq: ` + squareZone + `
rules:
  - {id: "1", prohibits: {kinds: [strike], weapons: [drone.long_range, ballistic_missile], where: {beyond_km: 40, of: sq}}}
  - {id: "2", prohibits: {kinds: [ground_assault], where: {outside: sq}}, by: [RU]}
  - {id: "3", prohibits: {targets: [energy.power_grid, residential], where: {country: [UA]}}}
  - {id: "4", prohibits: {kinds: [strike, explosion], weapons: [drone], where: {within_km: 25, of: sq}}}
exceptions:
  - {id: ad, matches: {kinds: [strike], targets: [military.air_defence_engagement]}}
  - {id: own-ground, matches: {kinds: [ground_assault], where: {inside: sq}}}
`

func propertyAgreements(t testing.TB) []*Compiled {
	t.Helper()
	var out []*Compiled
	for _, tp := range Templates() {
		var params map[string]string
		if len(tp.Params) > 0 {
			params = map[string]string{"start": "2025-09-01T00:00+03:00"}
		}
		out = append(out, compileTemplate(t, tp.ID, params))
	}
	return append(out, mustCompile(t, mustLoad(t, propertyDoc, nil, ParseOptions{})))
}

// randIncident draws an incident around the windows of the agreements
// above: kinds, classes at every level (unknown included), actors, places
// near and far from the zone, point and ranged windows.
func randIncident(r *rand.Rand) *truce.Incident {
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	in := &truce.Incident{ID: "i", Kind: truce.KindStrike}
	if r.IntN(3) == 0 {
		in.Kind = truce.Kinds[r.IntN(len(truce.Kinds))]
	}
	for n := r.IntN(4); n > 0; n-- {
		in.Weapons = append(in.Weapons, truce.Claim{Value: pick(truce.WeaponClasses)})
	}
	for n := r.IntN(3); n > 0; n-- {
		in.Targets = append(in.Targets, truce.Claim{Value: pick(truce.TargetClasses)})
	}
	in.Actor = pick([]string{"RU", "RU", "UA", "UA", truce.Unknown, "", "BY"})
	in.Aggregate = r.IntN(20) == 0
	if r.IntN(10) > 0 {
		in.Location.Lat = 46 + r.Float64()*4
		in.Location.Lon = 35 + r.Float64()*4
	}
	in.Location.UncertaintyM = float64(r.IntN(4)) * r.Float64() * 20000
	in.Location.Country = pick([]string{"UA", "UA", "RU", ""})
	base := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	if r.IntN(2) == 0 {
		base = time.Date(2025, 8, 25, 0, 0, 0, 0, time.UTC)
	}
	from := base.Add(time.Duration(r.Int64N(int64(100 * 24 * time.Hour))))
	to := from
	if r.IntN(2) == 0 {
		to = from.Add(time.Duration(r.Int64N(int64(72 * time.Hour))))
	}
	in.Window = truce.Window{From: from, To: to}
	return in
}

func clone(in *truce.Incident) *truce.Incident {
	c := *in
	c.Weapons = slices.Clone(in.Weapons)
	c.Targets = slices.Clone(in.Targets)
	return &c
}

const propertyRuns = 20000

// TestPropertyShiftInside: moving an incident that lies wholly inside the
// window to another place inside it never turns a violation into no
// violation (in fact it never changes the verdict under the agreement's
// own window).
func TestPropertyShiftInside(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	checked := 0
	for _, c := range propertyAgreements(t) {
		for i := 0; i < propertyRuns; i++ {
			in := randIncident(r)
			if tt, _ := c.main.relation(in.Window.From, in.Window.To); tt != yes {
				continue
			}
			v := Evaluate(in, c)
			length := in.Window.To.Sub(in.Window.From)
			span := c.main.to.Sub(c.main.from) - length
			if !c.main.bounded {
				span = 365 * 24 * time.Hour
			}
			moved := clone(in)
			moved.Window.From = c.main.from.Add(time.Duration(r.Int64N(int64(span))))
			moved.Window.To = moved.Window.From.Add(length)
			w := Evaluate(moved, c)
			if v.Verdict == truce.Violation && w.Verdict == truce.NoViolation || v.Verdict != w.Verdict {
				t.Fatalf("%s: moving %v..%v to %v..%v turned %s into %s", c.Agreement.ID, in.Window.From, in.Window.To, moved.Window.From, moved.Window.To, v.Verdict, w.Verdict)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d incidents fell inside a window", checked)
	}
}

// TestPropertyWiden: widening an incident's time window (or its location's
// uncertainty) never turns indeterminate into violation; more generally a
// less precise incident never gets a more definite verdict.
func TestPropertyWiden(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	counts := map[string]int{}
	for _, c := range propertyAgreements(t) {
		for i := 0; i < propertyRuns; i++ {
			in := randIncident(r)
			v := Evaluate(in, c)
			wide := clone(in)
			wide.Window.From = wide.Window.From.Add(-time.Duration(r.Int64N(int64(48 * time.Hour))))
			wide.Window.To = wide.Window.To.Add(time.Duration(r.Int64N(int64(48 * time.Hour))))
			if r.IntN(2) == 0 {
				wide.Location.UncertaintyM += r.Float64() * 50000
			}
			w := Evaluate(wide, c)
			counts[string(v.Verdict)+">"+string(w.Verdict)]++
			if v.Verdict == truce.Indeterminate && w.Verdict == truce.Violation {
				t.Fatalf("%s: widening turned indeterminate into violation:\n%v\n%v", c.Agreement.ID, v.Reasons, w.Reasons)
			}
			if w.Verdict != v.Verdict && w.Verdict != truce.Indeterminate {
				t.Fatalf("%s: widening turned %s into %s:\n%v\n%v", c.Agreement.ID, v.Verdict, w.Verdict, v.Reasons, w.Reasons)
			}
		}
	}
	for _, k := range []string{"violation>indeterminate", "no_violation>indeterminate", "indeterminate>indeterminate", "violation>violation"} {
		if counts[k] == 0 {
			t.Errorf("the generator never produced %s (counts %v)", k, counts)
		}
	}
}

// TestPropertyOrderIndependent: the order of rules, exceptions, classes,
// parties and readings in the document, and of the claims of an incident,
// does not change the verdict, its rules or its reasons.
func TestPropertyOrderIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, c := range propertyAgreements(t) {
		shuffled := shuffleAgreement(r, c.Agreement)
		cs := mustCompile(t, shuffled)
		for i := 0; i < propertyRuns/4; i++ {
			in := randIncident(r)
			other := clone(in)
			r.Shuffle(len(other.Weapons), func(i, j int) { other.Weapons[i], other.Weapons[j] = other.Weapons[j], other.Weapons[i] })
			r.Shuffle(len(other.Targets), func(i, j int) { other.Targets[i], other.Targets[j] = other.Targets[j], other.Targets[i] })
			if d := cmp.Diff(Evaluate(in, c), Evaluate(other, cs)); d != "" {
				t.Fatalf("%s: order changed the verdict (-document order +shuffled):\n%s", c.Agreement.ID, d)
			}
		}
	}
}

func shuffleAgreement(r *rand.Rand, a *truce.Agreement) *truce.Agreement {
	s := *a
	s.Rules = slices.Clone(a.Rules)
	s.Exceptions = slices.Clone(a.Exceptions)
	s.Parties = slices.Clone(a.Parties)
	s.InForce.Disputed = slices.Clone(a.InForce.Disputed)
	sh := func(n int, swap func(i, j int)) { r.Shuffle(n, swap) }
	sh(len(s.Rules), func(i, j int) { s.Rules[i], s.Rules[j] = s.Rules[j], s.Rules[i] })
	sh(len(s.Exceptions), func(i, j int) { s.Exceptions[i], s.Exceptions[j] = s.Exceptions[j], s.Exceptions[i] })
	sh(len(s.Parties), func(i, j int) { s.Parties[i], s.Parties[j] = s.Parties[j], s.Parties[i] })
	sh(len(s.InForce.Disputed), func(i, j int) {
		s.InForce.Disputed[i], s.InForce.Disputed[j] = s.InForce.Disputed[j], s.InForce.Disputed[i]
	})
	for i := range s.Rules {
		p := &s.Rules[i].Prohibits
		p.Kinds = slices.Clone(p.Kinds)
		p.Weapons = slices.Clone(p.Weapons)
		p.Targets = slices.Clone(p.Targets)
		sh(len(p.Kinds), func(i, j int) { p.Kinds[i], p.Kinds[j] = p.Kinds[j], p.Kinds[i] })
		sh(len(p.Weapons), func(i, j int) { p.Weapons[i], p.Weapons[j] = p.Weapons[j], p.Weapons[i] })
		sh(len(p.Targets), func(i, j int) { p.Targets[i], p.Targets[j] = p.Targets[j], p.Targets[i] })
	}
	return &s
}

// TestPropertyDeterministic: evaluating again, or from many goroutines at
// once, gives the same verdict.
func TestPropertyDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	agreements := propertyAgreements(t)
	incidents := make([]*truce.Incident, 2000)
	for i := range incidents {
		incidents[i] = randIncident(r)
	}
	want := make([][]truce.Verdict, len(agreements))
	for a, c := range agreements {
		for _, in := range incidents {
			want[a] = append(want[a], Evaluate(in, c))
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a, c := range agreements {
				for i, in := range incidents {
					if !cmp.Equal(Evaluate(in, c), want[a][i]) {
						errs <- c.Agreement.ID + ": a second evaluation differs"
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

// TestEvaluateAllIsEvaluate: EvaluateAll gives each agreement's Evaluate.
func TestEvaluateAllIsEvaluate(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	agreements := propertyAgreements(t)
	for i := 0; i < 3000; i++ {
		in := randIncident(r)
		all := EvaluateAll(in, agreements)
		for j, c := range agreements {
			if d := cmp.Diff(Evaluate(in, c), all[j]); d != "" {
				t.Fatalf("%s: EvaluateAll differs (-Evaluate +EvaluateAll):\n%s", c.Agreement.ID, d)
			}
		}
	}
}
