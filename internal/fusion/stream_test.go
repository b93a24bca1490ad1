package fusion

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

// The real report streams of ../shared/data, read into compact records so
// that a million reports can be replayed without holding a million
// truce.Reports: NASA FIRMS fire detections (2021–2023) as sensor reports
// of explosions, and VIINA's geocoded news lines (2025) as news reports.

// streamRec is one report of a stream.
type streamRec struct {
	from     int64 // Unix seconds
	dur      int32 // seconds
	lat, lon float64
	place    int32 // VIINA place name index; -1 for fires
	kind     truce.Kind
	weapon   string
}

type stream struct {
	recs   []streamRec
	places []string
	span   int64 // seconds from the first to the last record
}

const (
	firmsUncertaintyM = 375  // VIIRS pixel
	viinaUncertaintyM = 3000 // the matched populated place
)

// loadStreams reads FIRMS and VIINA and merges them in time order.
func loadStreams(tb testing.TB) *stream {
	s := &stream{}
	firms := dataDir(tb, "fires/firms_ukraine_raw")
	files, _ := filepath.Glob(filepath.Join(firms, "ukr_fire_data_*.csv"))
	for _, f := range files {
		readCSV(tb, f, func(row []string) {
			d, err := time.Parse("2006-01-02", row[2])
			lat, err1 := strconv.ParseFloat(row[0], 64)
			lon, err2 := strconv.ParseFloat(row[1], 64)
			if err != nil || err1 != nil || err2 != nil {
				return
			}
			s.recs = append(s.recs, streamRec{from: d.Unix(), dur: 86399, lat: lat, lon: lon, place: -1, kind: truce.KindExplosion})
		})
	}
	viina := dataDir(tb, "incidents/viina")
	files, _ = filepath.Glob(filepath.Join(viina, "viina_incidents_2025*.csv"))
	idx := map[string]int32{}
	for _, f := range files {
		readCSV(tb, f, func(row []string) {
			t, err := time.Parse("2006-01-02 15:04:05", row[0])
			lon, err1 := strconv.ParseFloat(row[1], 64)
			lat, err2 := strconv.ParseFloat(row[2], 64)
			if err != nil || err1 != nil || err2 != nil {
				return
			}
			p, ok := idx[row[3]]
			if !ok {
				p = int32(len(s.places))
				idx[row[3]] = p
				s.places = append(s.places, row[3])
			}
			r := streamRec{from: t.Unix(), dur: 86399, lat: lat, lon: lon, place: p}
			if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 {
				r.from, r.dur = t.Unix()-12*3600, 12*3600 // reported at t: the half day before
			}
			r.kind, r.weapon = viinaKind(row[4])
			s.recs = append(s.recs, r)
		})
	}
	sort.SliceStable(s.recs, func(i, j int) bool { return s.recs[i].from < s.recs[j].from })
	s.span = s.recs[len(s.recs)-1].from - s.recs[0].from
	return s
}

// viinaKind maps VIINA's machine labels to a kind and a weapon class.
func viinaKind(labels string) (truce.Kind, string) {
	has := func(l string) bool {
		for _, x := range strings.Split(labels, "|") {
			if x == l {
				return true
			}
		}
		return false
	}
	switch {
	case has("uav"):
		return truce.KindStrike, "drone"
	case has("artillery"):
		return truce.KindStrike, "artillery"
	case has("airstrike"):
		return truce.KindStrike, ""
	case has("property") || has("firefighb") || has("ied"):
		return truce.KindExplosion, ""
	}
	return truce.KindOther, ""
}

func readCSV(tb testing.TB, path string, fn func([]string)) {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3) // byte order mark
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	if _, err := cr.Read(); err != nil {
		tb.Fatal(err)
	}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		if len(row) >= 3 {
			fn(row)
		}
	}
}

// replayer turns records into reports, replay k shifted by k spans (plus
// a year), reusing one report: the engine keeps none of it.
type replayer struct {
	s      *stream
	r      truce.Report
	g      truce.Geocode
	w      []truce.Weapon
	firms  truce.Source
	viina  truce.Source
	places []string // "viina:<name>" entries
}

func newReplayer(s *stream) *replayer {
	p := &replayer{s: s, w: make([]truce.Weapon, 1),
		firms: truce.Source{Type: truce.SourceSensor, Name: "NASA FIRMS", Reliability: "B"},
		viina: truce.Source{Type: truce.SourceNews, Name: "VIINA", Reliability: "C"}}
	for _, n := range s.places {
		p.places = append(p.places, "viina:"+n)
	}
	p.r.Geocode = &p.g
	return p
}

// report returns report i of the endless replay.
func (p *replayer) report(i int) *truce.Report {
	n := len(p.s.recs)
	rec := p.s.recs[i%n]
	shift := int64(i/n) * (p.s.span + 366*86400)
	r, g := &p.r, &p.g
	r.ID = "r" + strconv.Itoa(i)
	from := time.Unix(rec.from+shift, 0)
	r.Occurred = truce.Window{From: from, To: from.Add(time.Duration(rec.dur) * time.Second)}
	r.Kind = rec.kind
	r.Weapons = nil
	if rec.weapon != "" {
		p.w[0].Class = rec.weapon
		r.Weapons = p.w
	}
	*g = truce.Geocode{Lat: rec.lat, Lon: rec.lon, Country: "UA", Method: "coordinates"}
	if rec.place < 0 {
		r.Source = p.firms
		g.UncertaintyM, g.Precision = firmsUncertaintyM, "point"
		r.Location.Place = ""
	} else {
		r.Source = p.viina
		g.UncertaintyM, g.Precision, g.Entry = viinaUncertaintyM, "settlement", p.places[rec.place]
		r.Location.Place = p.s.places[rec.place]
	}
	r.Source.Ref = r.ID
	return r
}

// Every report is in exactly one incident, and every incident's members
// overlap pairwise within the tolerance, on a slice of the real streams.
func TestRealStreamInvariants(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the real streams")
	}
	s := loadStreams(t)
	p := newReplayer(s)
	e := newEngine()
	const n = 40000
	start := len(s.recs) - n // the last records: 2025 news and 2023 fires interleaved
	for i := start; i < start+n; i++ {
		e.Add(p.report(i))
	}
	seen := map[string]string{}
	total := 0
	for _, in := range e.Incidents() {
		var maxFrom, minTo time.Time
		for i, m := range in.Reports {
			if prev, dup := seen[m.ID]; dup {
				t.Fatalf("report %s in %s and %s", m.ID, prev, in.ID)
			}
			seen[m.ID] = in.ID
			if got := must(e.IncidentOf(m.ID)); got != in.ID {
				t.Fatalf("IncidentOf(%s) = %s, listed in %s", m.ID, got, in.ID)
			}
			idx, _ := strconv.Atoi(m.ID[1:])
			rec := s.recs[idx%len(s.recs)]
			f, to := time.Unix(rec.from, 0), time.Unix(rec.from+int64(rec.dur), 0)
			if i == 0 || f.After(maxFrom) {
				maxFrom = f
			}
			if i == 0 || to.Before(minTo) {
				minTo = to
			}
		}
		if gap := maxFrom.Sub(minTo); gap > DefaultTimeTolerance {
			t.Fatalf("incident %s: members' windows %v apart", in.ID, gap)
		}
		total += len(in.Reports)
	}
	inc, reps := e.Len()
	if total != n || reps != n {
		t.Fatalf("%d reports listed, %d held, want %d", total, reps, n)
	}
	t.Logf("%d reports -> %d incidents", n, inc)
}

func ExampleEngine() {
	e := New(Options{Clock: truce.NewFixedClock(time.Date(2025, 4, 14, 0, 0, 0, 0, time.UTC))})
	sumy := func(id, outlet string, killed int) *truce.Report {
		at := time.Date(2025, 4, 13, 7, 15, 0, 0, time.UTC)
		return &truce.Report{ID: id, Source: truce.Source{Type: truce.SourceNews, Name: outlet},
			Kind: truce.KindStrike, Occurred: truce.Window{From: at, To: at.Add(15 * time.Minute)},
			Location: truce.Location{Place: "Sumy"}, Casualties: truce.Casualties{Killed: &killed},
			Geocode: &truce.Geocode{Lat: 50.92, Lon: 34.80, UncertaintyM: 8000, Admin1: "Sumy", Country: "UA", Precision: "settlement", Entry: "gn:692194"}}
	}
	e.Add(sumy("r1", "The New Indian Express", 21))
	ch := e.Add(sumy("r2", "upday", 20))
	in, _ := e.Incident(ch.Incident)
	fmt.Println(len(in.Reports), "reports;", "killed", *in.Killed.Low, "to", *in.Killed.High, "best", *in.Killed.Best)
	fmt.Println(in.Explanation[len(in.Explanation)-1])
	// Output:
	// 2 reports; killed 20 to 21 best 20
	// r2 (upday) joined r1 (The New Indian Express): same place Sumy (gn:692194); windows overlap 2025-04-13 07:15–07:30 UTC; no weapon named
}
