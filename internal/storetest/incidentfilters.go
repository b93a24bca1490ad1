package storetest

import (
	"fmt"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

// filterIncidents returns 24 incidents that differ in every filtered field,
// and the verdicts of some of them.
func filterIncidents() ([]*truce.Incident, map[string][]truce.Verdict) {
	kinds := []truce.Kind{truce.KindStrike, truce.KindExplosion, truce.KindGroundAssault}
	regions := []string{"Donetsk", "Kharkiv", "Zaporizhzhia", "Kursk"}
	weapons := [][]string{{"drone"}, {"drone.long_range", "artillery"}, {"drone.tactical"}, {"small_arms"}, {"smallxarms"}, {"drone.long_rangex"}}
	targets := [][]string{{"energy.refinery"}, {"residential"}, {"military.air_defence_engagement"}, {"energy"}, nil}
	statuses := []truce.Status{truce.StatusReported, truce.StatusVerified, truce.StatusPublished, truce.StatusDisputed, truce.StatusPublished}
	actors := []string{"RU", "UA", truce.Unknown}
	var ins []*truce.Incident
	verdicts := map[string][]truce.Verdict{}
	for i := range 24 {
		in := newIncident(i)
		in.Kind = kinds[i%3]
		in.Location.Admin1 = regions[(i/3)%4]
		in.Location.Lat, in.Location.Lon = 46+float64(i%5), 30+float64(i%7)*2
		if i == 22 {
			in.Location.Lon = 179.5
		}
		if i == 23 {
			in.Location.Lon = -179.5
		}
		in.Weapons = claims(weapons[i%len(weapons)])
		in.Targets = claims(targets[i%len(targets)])
		in.Actor = actors[i%3]
		in.Actors = claims([]string{in.Actor})
		in.Reports[1].Party = []string{"UA", "", "PL", "UA", "UAX"}[i%5] // UAX: no substring match
		in.Status = statuses[i%len(statuses)]
		in.Window.To = in.Window.From.Add(time.Duration(i%4) * 40 * time.Minute)
		ins = append(ins, in)
		if i%2 == 0 {
			v := []truce.VerdictValue{truce.Violation, truce.NoViolation, truce.Indeterminate}[(i/2)%3]
			verdicts[in.ID] = append(verdicts[in.ID], newVerdict("ceasefire", v))
		}
		if i%3 == 0 {
			verdicts[in.ID] = append(verdicts[in.ID], newVerdict("energy-moratorium", truce.Violation))
		}
	}
	return ins, verdicts
}

func claims(values []string) []truce.Claim {
	var cs []truce.Claim
	for _, v := range values {
		cs = append(cs, truce.Claim{Value: v, Reports: []string{"r"}, Sources: []string{"s"}})
	}
	return cs
}

func hasVerdict(vs []truce.Verdict, agreement string, v truce.VerdictValue) bool {
	for _, x := range vs {
		if (agreement == "" || x.Agreement == agreement) && (v == "" || x.Verdict == v) {
			return true
		}
	}
	return false
}

func covers(classes []string, c string) bool {
	return slices.ContainsFunc(classes, func(x string) bool { return truce.ClassCovers(c, x) })
}

type incidentFilterCase struct {
	name string
	f    truce.IncidentFilter
	want func(in *truce.Incident) bool // the filter's meaning, in Go
}

// incidentFilterCases are the filters tried on filterIncidents.
func incidentFilterCases(verdicts map[string][]truce.Verdict) []incidentFilterCase {
	h := func(n float64) time.Time { return base.Add(time.Duration(n * float64(time.Hour))) }
	named := func(in *truce.Incident, p string) bool { return slices.Contains(in.Parties(), p) }
	return []incidentFilterCase{
		{"none", truce.IncidentFilter{}, func(*truce.Incident) bool { return true }},
		{"from", truce.IncidentFilter{From: h(6.5)}, func(in *truce.Incident) bool { return overlaps(h(6.5), time.Time{}, in.Window) }},
		{"to", truce.IncidentFilter{To: h(4)}, func(in *truce.Incident) bool { return overlaps(time.Time{}, h(4), in.Window) }},
		{"window", truce.IncidentFilter{From: h(9.5), To: h(12)}, func(in *truce.Incident) bool { return overlaps(h(9.5), h(12), in.Window) }},
		{"instant on boundaries", truce.IncidentFilter{From: h(4), To: h(4)}, func(in *truce.Incident) bool { return overlaps(h(4), h(4), in.Window) }},
		{"instant at an end", truce.IncidentFilter{From: h(5), To: h(5)}, func(in *truce.Incident) bool { return overlaps(h(5), h(5), in.Window) }},
		{"agreement and verdict", truce.IncidentFilter{Agreement: "ceasefire", Verdict: truce.Violation},
			func(in *truce.Incident) bool { return hasVerdict(verdicts[in.ID], "ceasefire", truce.Violation) }},
		{"agreement only", truce.IncidentFilter{Agreement: "energy-moratorium"},
			func(in *truce.Incident) bool { return hasVerdict(verdicts[in.ID], "energy-moratorium", "") }},
		{"verdict only", truce.IncidentFilter{Verdict: truce.Violation},
			func(in *truce.Incident) bool { return hasVerdict(verdicts[in.ID], "", truce.Violation) }},
		{"party as actor or reporter", truce.IncidentFilter{Party: "UA"}, func(in *truce.Incident) bool { return named(in, "UA") }},
		{"party only as reporter", truce.IncidentFilter{Party: "PL"}, func(in *truce.Incident) bool { return named(in, "PL") }},
		{"party is case-sensitive", truce.IncidentFilter{Party: "ua"}, func(in *truce.Incident) bool { return false }},
		{"admin1", truce.IncidentFilter{Admin1: "Kharkiv"}, func(in *truce.Incident) bool { return in.Location.Admin1 == "Kharkiv" }},
		{"kind", truce.IncidentFilter{Kind: truce.KindExplosion}, func(in *truce.Incident) bool { return in.Kind == truce.KindExplosion }},
		{"weapon covers subclasses", truce.IncidentFilter{Weapon: "drone"}, func(in *truce.Incident) bool { return covers(in.WeaponClasses(), "drone") }},
		{"weapon subclass", truce.IncidentFilter{Weapon: "drone.long_range"}, func(in *truce.Incident) bool { return covers(in.WeaponClasses(), "drone.long_range") }},
		{"weapon prefix is not a parent", truce.IncidentFilter{Weapon: "drone.long"}, func(in *truce.Incident) bool { return false }},
		{"weapon _ is no wildcard", truce.IncidentFilter{Weapon: "small_arms"}, func(in *truce.Incident) bool { return covers(in.WeaponClasses(), "small_arms") }},
		{"target covers subclasses", truce.IncidentFilter{Target: "energy"}, func(in *truce.Incident) bool { return covers(in.TargetClasses(), "energy") }},
		{"target subclass", truce.IncidentFilter{Target: "military.air_defence_engagement"},
			func(in *truce.Incident) bool { return covers(in.TargetClasses(), "military.air_defence_engagement") }},
		{"bbox", truce.IncidentFilter{BBox: &[4]float64{32, 47, 38, 49}}, func(in *truce.Incident) bool {
			l := in.Location
			return l.Lon >= 32 && l.Lon <= 38 && l.Lat >= 47 && l.Lat <= 49
		}},
		{"bbox across the antimeridian", truce.IncidentFilter{BBox: &[4]float64{170, 40, -170, 60}}, func(in *truce.Incident) bool {
			return in.Location.Lon >= 170 || in.Location.Lon <= -170
		}},
		{"statuses", truce.IncidentFilter{Statuses: []truce.Status{truce.StatusPublished, truce.StatusVerified}}, func(in *truce.Incident) bool {
			return in.Status == truce.StatusPublished || in.Status == truce.StatusVerified
		}},
		{"visible to a party", truce.IncidentFilter{VisibleTo: "RU"}, func(in *truce.Incident) bool {
			return named(in, "RU") || in.Status == truce.StatusPublished
		}},
		{"combined", truce.IncidentFilter{VisibleTo: "PL", Weapon: "drone", From: h(3)}, func(in *truce.Incident) bool {
			return (named(in, "PL") || in.Status == truce.StatusPublished) && covers(in.WeaponClasses(), "drone") && overlaps(h(3), time.Time{}, in.Window)
		}},
	}
}

func testIncidentFilters(t *testing.T, s truce.Store) {
	ins, verdicts := filterIncidents()
	putIncidents(t, s, ins...)
	update(t, s, func(tx truce.Tx) error {
		for id, vs := range verdicts {
			if err := tx.PutVerdicts(id, vs); err != nil {
				return err
			}
		}
		return nil
	})
	for _, tc := range incidentFilterCases(verdicts) {
		t.Run(tc.name, func(t *testing.T) {
			var want []string
			for _, in := range slices.Backward(ins) { // by window start, newest first
				if tc.want(in) {
					want = append(want, in.ID)
				}
			}
			trivial := tc.name == "none" || tc.name == "party is case-sensitive" || tc.name == "weapon prefix is not a parent"
			if !trivial && (len(want) == 0 || len(want) == len(ins)) {
				t.Fatalf("fixture does not exercise the filter: %d of %d match", len(want), len(ins))
			}
			var got []string
			view(t, s, func(tx truce.Tx) error {
				list, next, err := tx.Incidents(tc.f)
				for _, in := range list {
					got = append(got, in.ID)
				}
				if next != "" {
					t.Errorf("next = %q, want none", next)
				}
				return err
			})
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Incidents(%+v) (-want +got):\n%s", tc.f, diff)
			}
		})
	}
}

func testIncidentPaging(t *testing.T, s truce.Store) {
	var ins []*truce.Incident
	for i := range 30 {
		in := newIncident(i)
		in.Window.From = base.Add(time.Duration(i/4) * time.Hour) // ties, broken by id
		in.Kind = []truce.Kind{truce.KindStrike, truce.KindExplosion}[i%2]
		ins = append(ins, in)
	}
	// Put in an order unrelated to the listing's.
	shuffled := make([]*truce.Incident, len(ins))
	for k := range ins {
		shuffled[k] = ins[k*7%len(ins)]
	}
	putIncidents(t, s, shuffled...)
	sorted := slices.Clone(ins)
	sort.Slice(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if !a.Window.From.Equal(b.Window.From) {
			return a.Window.From.After(b.Window.From)
		}
		return a.ID > b.ID
	})
	for _, tc := range []struct {
		limit int
		kind  truce.Kind
	}{{1, ""}, {4, ""}, {29, ""}, {30, ""}, {3, truce.KindExplosion}} {
		t.Run(fmt.Sprintf("limit %d kind %q", tc.limit, tc.kind), func(t *testing.T) {
			var want, got []string
			for _, in := range sorted {
				if tc.kind == "" || in.Kind == tc.kind {
					want = append(want, in.ID)
				}
			}
			f := truce.IncidentFilter{Limit: tc.limit, Kind: tc.kind}
			pages := 0
			for ; pages < 100; pages++ {
				var next string
				view(t, s, func(tx truce.Tx) error {
					list, n, err := tx.Incidents(f)
					for _, in := range list {
						got = append(got, in.ID)
					}
					next = n
					return err
				})
				if next == "" {
					break
				}
				f.Cursor = next
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("pages joined (-want +got):\n%s", diff)
			}
			if wantPages := (len(want)+tc.limit-1)/tc.limit - 1; pages != wantPages {
				t.Errorf("%d further pages, want %d", pages, wantPages)
			}
		})
	}
}
