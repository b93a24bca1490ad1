package fusion

import (
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

// TestJoinRules adds two reports and checks whether they become one
// incident, and when not, that the second incident says why.
func TestJoinRules(t *testing.T) {
	day := 24 * time.Hour
	krPoint := point(47.9120, 33.3950, 300, "Dnipropetrovsk", "UA")
	tests := []struct {
		name string
		a, b []option
		join bool
		why  string // in the second incident's not_joined when !join
	}{
		{name: "same settlement, same time", join: true},
		{name: "windows 2 h apart, within tolerance", b: []option{shift(2*time.Hour + 30*time.Minute)}, join: true},
		{name: "windows 4 h apart", b: []option{shift(4*time.Hour + 30*time.Minute)}, why: "windows 4 h apart"},
		{name: "same city two days later", b: []option{shift(2 * day)}, why: "windows 2 days apart"},
		{name: "different settlements", a: []option{kyivCity}, b: []option{brovary}, why: "different settlements Kyiv vs Brovary"},
		{name: "different settlements farther", b: []option{zelenodolsk}, why: "different settlements Kryvyi Rih vs Zelenodolsk"},
		{name: "point inside the city", b: []option{krPoint}, join: true},
		{name: "points 500 m apart", a: []option{krPoint}, b: []option{point(47.9165, 33.3950, 300, "Dnipropetrovsk", "UA")}, join: true},
		{name: "points 5 km apart", a: []option{krPoint}, b: []option{point(47.9570, 33.3950, 300, "Dnipropetrovsk", "UA")}, why: "km apart, more than"},
		{name: "region holds the city", b: []option{dnipropetrovsk()}, join: true},
		{name: "another region", b: []option{region("Kherson", "UA", 46.6, 33.4, 120000)}},
		{name: "country holds the city", b: []option{country("UA")}, join: true},
		{name: "another country", b: []option{country("RU")}},
		{name: "another region, explained", a: []option{region("Kherson", "UA", 46.6, 33.4, 120000)}, why: "different regions Kherson vs Dnipropetrovsk"},
		{name: "explosion agrees with strike", b: []option{kind(truce.KindExplosion)}, join: true},
		{name: "ground assault contradicts strike", b: []option{kind(truce.KindGroundAssault)}, why: "kinds contradict"},
		{name: "drone covers long-range drone", a: []option{weapons("drone")}, b: []option{weapons("drone.long_range")}, join: true},
		{name: "drone contradicts ballistic missile", a: []option{weapons("drone")}, b: []option{weapons("ballistic_missile")}, why: "weapons contradict"},
		{name: "unknown weapon agrees", a: []option{weapons("unknown")}, b: []option{weapons("ballistic_missile")}, join: true},
		{name: "combined attack covers a part", a: []option{weapons("drone", "cruise_missile")}, b: []option{weapons("drone")}, join: true},
		{name: "targets disputed, one incident", a: []option{target("residential")}, b: []option{target("military")}, join: true},
		{name: "attribution disputed, one incident", a: []option{actor("RU")}, b: []option{actor("UA")}, join: true},
		{name: "one source, next day: two events",
			a:   []option{from(truce.SourceNews, "Daily"), at(time.Date(2024, 11, 7, 0, 0, 0, 0, time.UTC), day-time.Second)},
			b:   []option{from(truce.SourceNews, "Daily"), at(time.Date(2024, 11, 8, 0, 0, 0, 0, time.UTC), day-time.Second)},
			why: "same source (Daily)"},
		{name: "two sources, next day: the tolerance",
			a: []option{at(time.Date(2024, 11, 7, 0, 0, 0, 0, time.UTC), day-time.Second)},
			b: []option{at(time.Date(2024, 11, 8, 0, 0, 0, 0, time.UTC), day-time.Second)}, join: true},
		{name: "one sensor, successive passes",
			a: []option{from(truce.SourceSensor, "VIIRS"), krPoint, at(t0, 0)},
			b: []option{from(truce.SourceSensor, "VIIRS"), krPoint, at(t0.Add(100*time.Minute), 0)}, join: true},
		{name: "tally and single never fuse", b: []option{tally(20), country("UA")}},
		{name: "two tallies, same count", a: []option{tally(59), country("UA")}, b: []option{tally(59), country("UA")}, join: true},
		{name: "two tallies, different counts", a: []option{tally(59), country("UA")}, b: []option{tally(387), country("UA")}, why: "tallies count launched 59 vs 387"},
		{name: "national and regional tallies", a: []option{tally(-1), country("UA")}, b: []option{tally(-1), dnipropetrovsk()}, why: "different kinds of area"},
		{name: "tallies by different parties", a: []option{tally(-1), country("UA"), actor("RU")}, b: []option{tally(-1), country("UA"), actor("UA")}, why: "tallies attribute to RU vs UA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEngine()
			add(t, e, report("a", tt.a...), report("b", tt.b...))
			if got := together(t, e, "a", "b"); got != tt.join {
				t.Fatalf("joined = %v, want %v; b's incident: %+v", got, tt.join, incidentOf(t, e, "b").NotJoined)
			}
			if tt.why != "" {
				if nj := incidentOf(t, e, "b").NotJoined; !anyContains(nj, tt.why) {
					t.Errorf("not_joined = %q, want a line containing %q", nj, tt.why)
				}
			}
			// The rules are symmetric: the other order gives the same answer.
			e2 := newEngine()
			add(t, e2, report("b", tt.b...), report("a", tt.a...))
			if got := together(t, e2, "a", "b"); got != tt.join {
				t.Errorf("in the other order joined = %v, want %v", got, tt.join)
			}
		})
	}
}

// Items of one publication are separate events; the same source in
// another publication may tell of the same event again.
func TestOnePublicationItems(t *testing.T) {
	e := newEngine()
	ref := func(s string) option { return func(r *truce.Report) { r.Source.Name, r.Source.Ref = "Daily", s } }
	add(t, e, report("a", ref("https://daily.example/1#1")), report("b", ref("https://daily.example/1#2")),
		report("c", ref("https://daily.example/2#1")))
	if together(t, e, "a", "b") {
		t.Error("two items of one publication were fused")
	}
	if nj := incidentOf(t, e, "b").NotJoined; !anyContains(nj, "one publication (https://daily.example/1) lists them as separate events") {
		t.Errorf("not_joined = %q", nj)
	}
	if !together(t, e, "a", "c") && !together(t, e, "b", "c") {
		t.Error("a later publication of the same source was not fused")
	}
}
