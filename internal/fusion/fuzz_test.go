package fusion

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

// fuzzReport builds a report from 8 bytes, in a small area and span so
// that reports meet: windows, places of every precision, kinds, weapons,
// sources, publications, tallies.
func fuzzReport(i int, b []byte) *truce.Report {
	from := t0.Add(time.Duration(b[0]) * 20 * time.Minute)
	r := &truce.Report{
		ID:       fmt.Sprintf("f%d", i),
		Source:   truce.Source{Type: truce.SourceTypes[int(b[6]>>3)%len(truce.SourceTypes)], Name: fmt.Sprintf("S%d", b[6]&3)},
		Kind:     truce.Kinds[int(b[4]>>2)%3], // strike, ground assault, explosion
		Occurred: truce.Window{From: from, To: from.Add(time.Duration(b[1]) * 10 * time.Minute)},
	}
	if r.Source.Type == truce.SourceParty {
		r.Source.Party = []string{"RU", "UA"}[b[6]>>7]
	}
	r.Source.Ref = fmt.Sprintf("doc%d#%d", b[7]>>6, i)
	if b[7]&0x20 != 0 {
		r.Source.Ref = fmt.Sprintf("ref%d", i)
	}
	if c := truce.WeaponClasses[int(b[5])%len(truce.WeaponClasses)]; b[5]&0x80 == 0 {
		r.Weapons = []truce.Weapon{{Class: c}}
	}
	r.AttributedTo = []string{truce.Unknown, "RU", "UA", truce.Unknown}[b[4]>>6]
	killed := int(b[1] & 7)
	if b[5]&0x40 != 0 {
		r.Casualties.Killed = &killed
	}
	lat, lon := 48+float64(b[2])*0.002, 35+float64(b[3])*0.003
	admin1 := []string{"A", "B"}[b[7]&1]
	switch b[4] & 3 {
	case 0:
		r.Geocode = &truce.Geocode{Lat: lat, Lon: lon, UncertaintyM: float64(b[7]&0x1e) * 100, Admin1: admin1, Country: "UA", Precision: "point"}
	case 1:
		e := int(b[7]>>1) & 3
		r.Location.Place = fmt.Sprintf("P%d", e)
		r.Geocode = &truce.Geocode{Lat: 48 + float64(e)*0.05, Lon: 35, UncertaintyM: 3000, Admin1: admin1, Country: "UA", Precision: "settlement", Entry: fmt.Sprintf("e%d", e)}
	case 2:
		r.Geocode = &truce.Geocode{Lat: 48.2, Lon: 35.3, UncertaintyM: 50000, Admin1: admin1, Country: "UA", Precision: "admin1"}
	default:
		r.Geocode = &truce.Geocode{Country: []string{"UA", "RU"}[b[7]>>7], Precision: "country"}
		r.Aggregate = b[6]&4 != 0
		if r.Aggregate && b[0]&1 == 0 {
			n := int(b[0] >> 5)
			r.Counts = &truce.Counts{Launched: &n}
		}
	}
	return r
}

// FuzzEngine adds arbitrary reports, splitting now and then, and checks
// what must always hold: every report is in exactly one incident; an
// incident's members overlap pairwise within the time tolerance, come
// from different items of any one publication, are all tallies or all
// single, and are never on two sides of an analyst's split; every
// incident materialises and encodes.
func FuzzEngine(f *testing.F) {
	f.Add([]byte("\x00\x03\x10\x10\x00\x00\x01\x20\x01\x03\x11\x10\x01\x00\x02\x21\x02\x03\x12\x10\x09\x00\x03\x22"))
	f.Add([]byte("\x10\x90\x10\x10\x01\x81\x01\x20\x11\x03\x10\x10\x02\x05\x11\x61\x12\x03\x10\x10\x03\x00\x45\x22\xff\x01\x02\x03\x04\x05\x06\x07"))
	f.Add(make([]byte, 64))
	f.Fuzz(func(t *testing.T, data []byte) {
		e := newEngine()
		reports := map[string]*truce.Report{}
		for i := 0; (i+1)*8 <= len(data) && i < 64; i++ {
			b := data[i*8 : (i+1)*8]
			r := fuzzReport(i, b)
			reports[r.ID] = r
			e.Add(r)
			if b[0]%17 == 0 && i > 0 { // an analyst splits the new report out
				id := must(e.IncidentOf(r.ID))
				in, _ := e.Incident(id)
				if len(in.Reports) > 1 {
					if _, err := e.Split(id, []string{r.ID}); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		checkInvariants(t, e, reports)
	})
}

func checkInvariants(t *testing.T, e *Engine, reports map[string]*truce.Report) {
	t.Helper()
	seen := map[string]bool{}
	for _, in := range e.Incidents() {
		if _, err := json.Marshal(in); err != nil {
			t.Fatal(err)
		}
		var maxFrom, minTo time.Time
		docs := map[string]bool{}
		for i, m := range in.Reports {
			r := reports[m.ID]
			if seen[m.ID] || r == nil {
				t.Fatalf("report %s listed twice or unknown", m.ID)
			}
			seen[m.ID] = true
			if i == 0 || r.Occurred.From.After(maxFrom) {
				maxFrom = r.Occurred.From
			}
			if i == 0 || r.Occurred.To.Before(minTo) {
				minTo = r.Occurred.To
			}
			if r.Aggregate != in.Aggregate {
				t.Fatalf("%s: tally and single together", in.ID)
			}
			if doc := r.Source.Name + r.Source.Ref[:4]; r.Source.Ref[:3] == "doc" {
				if docs[doc] {
					t.Fatalf("%s: two items of one publication %s", in.ID, doc)
				}
				docs[doc] = true
			}
		}
		if gap := maxFrom.Sub(minTo); gap > DefaultTimeTolerance {
			t.Fatalf("%s: windows %v apart", in.ID, gap)
		}
		for _, sep := range in.Separations {
			var a, b bool
			for _, m := range in.Reports {
				a = a || contains(sep.A, m.ID)
				b = b || contains(sep.B, m.ID)
			}
			if a && b {
				t.Fatalf("%s holds both sides of %s", in.ID, sep.ID)
			}
		}
	}
	if len(seen) != len(reports) {
		t.Fatalf("%d reports in incidents, %d added", len(seen), len(reports))
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
