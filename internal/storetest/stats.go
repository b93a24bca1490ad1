package storetest

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/truce-monitor/truce"
)

// statsFixture is filterIncidents with verdicts under "ceasefire" that
// cite rules and hold different parties responsible.
func statsFixture() ([]*truce.Incident, map[string][]truce.Verdict) {
	ins, _ := filterIncidents()
	verdicts := map[string][]truce.Verdict{}
	for i, in := range ins {
		if i%4 == 3 {
			continue // no verdict under any agreement
		}
		v := truce.Verdict{Agreement: "ceasefire", Version: 2, Reasons: []string{"why"}}
		switch i % 4 {
		case 0:
			v.Verdict, v.Party = truce.Violation, []string{"RU", "UA", truce.Unattributed}[(i/4)%3]
			v.Rules = []string{"ceasefire v2 rule 2"}
			if i%8 == 0 {
				v.Rules = append(v.Rules, "ceasefire v2 rule 10")
			}
		case 1:
			v.Verdict = truce.NoViolation
		case 2:
			v.Verdict = truce.Indeterminate
		}
		other := truce.Verdict{Agreement: "energy-moratorium", Version: 1, Verdict: truce.Violation,
			Rules: []string{"energy-moratorium v1 rule 1"}, Party: "UA"}
		verdicts[in.ID] = []truce.Verdict{v, other}
	}
	// Violations around the night Kyiv moves from UTC+2 to UTC+3.
	var early []*truce.Incident
	for i, at := range []string{"2025-03-29T21:30:00Z", "2025-03-29T22:30:00Z", "2025-03-30T20:30:00Z", "2025-03-30T21:30:00Z"} {
		in := newIncident(100 + i)
		in.Window.From, _ = time.Parse(time.RFC3339, at)
		in.Window.To = in.Window.From.Add(10 * time.Minute)
		early = append(early, in)
		verdicts[in.ID] = []truce.Verdict{{Agreement: "dst", Version: 1, Verdict: truce.Violation, Party: "RU",
			Rules: []string{"dst v1 rule 1"}, Reasons: []string{"why"}}}
	}
	return append(early, ins...), verdicts // in order of window start
}

// kyiv is where a daily report's days begin; the fixture's incidents span
// its midnight.
var kyiv = func() *time.Location {
	z, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		return time.FixedZone("EEST", 3*3600)
	}
	return z
}()

// refStats computes in Go what IncidentStats must answer.
func refStats(ins []*truce.Incident, verdicts map[string][]truce.Verdict, agreement string, zone *time.Location) *truce.IncidentStats {
	st := &truce.IncidentStats{Verdicts: map[truce.VerdictValue]int{}, Kinds: map[truce.Kind]int{}, Regions: map[string]int{}}
	parties := map[string]*truce.PartyStat{}
	party := func(p string) *truce.PartyStat {
		if parties[p] == nil {
			parties[p] = &truce.PartyStat{Party: p}
		}
		return parties[p]
	}
	if zone == nil {
		zone = time.UTC
	}
	days := map[truce.DayStat]int{}
	rules := map[truce.RuleStat]int{}
	for _, in := range ins {
		st.Total++
		st.Kinds[in.Kind]++
		st.Regions[in.Location.Admin1]++
		for _, p := range in.Parties() {
			party(p).Named++
		}
		var v truce.Verdict
		for _, x := range verdicts[in.ID] {
			if x.Agreement == agreement && agreement != "" {
				v = x
			}
		}
		if v.Verdict != "" {
			st.Verdicts[v.Verdict]++
		}
		if v.Verdict == truce.Violation {
			party(v.Party).Violations++
			for _, r := range v.Rules {
				rules[truce.RuleStat{Rule: r, Party: v.Party}]++
			}
			days[truce.DayStat{Day: in.Window.From.In(zone).Format(time.DateOnly), Party: v.Party}]++
		}
	}
	for _, p := range parties {
		st.Parties = append(st.Parties, *p)
	}
	sort.Slice(st.Parties, func(i, j int) bool { return st.Parties[i].Party < st.Parties[j].Party })
	for d, n := range days {
		d.Violations = n
		st.Days = append(st.Days, d)
	}
	sort.Slice(st.Days, func(i, j int) bool {
		a, b := st.Days[i], st.Days[j]
		return a.Day < b.Day || a.Day == b.Day && a.Party < b.Party
	})
	for r, n := range rules {
		r.Count = n
		st.Rules = append(st.Rules, r)
	}
	sort.Slice(st.Rules, func(i, j int) bool {
		a, b := st.Rules[i], st.Rules[j]
		ra, rb := strings.Replace(a.Rule, "rule 2", "rule 02", 1), strings.Replace(b.Rule, "rule 2", "rule 02", 1)
		return ra < rb || ra == rb && a.Party < b.Party
	})
	return st
}

type statsCase struct {
	name string
	q    truce.StatsQuery
	keep func(in *truce.Incident) bool
}

func statsCases() []statsCase {
	named := func(in *truce.Incident, p string) bool { return slices.Contains(in.Parties(), p) }
	h := func(n int) time.Time { return base.Add(time.Duration(n) * time.Hour) }
	all := func(*truce.Incident) bool { return true }
	return []statsCase{
		{"everything under an agreement", truce.StatsQuery{Agreement: "ceasefire"}, all},
		{"no agreement", truce.StatsQuery{}, all},
		{"an agreement without verdicts", truce.StatsQuery{Agreement: "nothing-loaded"}, all},
		{"another agreement", truce.StatsQuery{Agreement: "energy-moratorium"}, all},
		{"visible to a party", truce.StatsQuery{Agreement: "ceasefire", Filter: truce.IncidentFilter{VisibleTo: "RU"}},
			func(in *truce.Incident) bool { return named(in, "RU") || in.Status == truce.StatusPublished }},
		{"published only, by kind", truce.StatsQuery{Agreement: "ceasefire",
			Filter: truce.IncidentFilter{Statuses: []truce.Status{truce.StatusPublished}, Kind: truce.KindStrike}},
			func(in *truce.Incident) bool {
				return in.Status == truce.StatusPublished && in.Kind == truce.KindStrike
			}},
		{"started in a day", truce.StatsQuery{Agreement: "ceasefire", Since: h(5), Until: h(17)},
			func(in *truce.Incident) bool { return !in.Window.From.Before(h(5)) && in.Window.From.Before(h(17)) }},
		{"days in Kyiv", truce.StatsQuery{Agreement: "ceasefire", Zone: kyiv}, all},
		{"days in Kyiv across a change of offset", truce.StatsQuery{Agreement: "dst", Zone: kyiv}, all},
		{"days in Kyiv, since", truce.StatsQuery{Agreement: "ceasefire", Zone: kyiv, Since: h(14)},
			func(in *truce.Incident) bool { return !in.Window.From.Before(h(14)) }},
		{"paging fields are ignored", truce.StatsQuery{Agreement: "ceasefire", Filter: truce.IncidentFilter{Limit: 2, Cursor: "junk"}}, all},
		{"verdicts only", truce.StatsQuery{Agreement: "ceasefire", VerdictsOnly: true, Filter: truce.IncidentFilter{VisibleTo: "UA"}},
			func(in *truce.Incident) bool { return named(in, "UA") || in.Status == truce.StatusPublished }},
	}
}

// testStats checks StatsTx against the same counts computed in Go.
func testStats(t *testing.T, s truce.Store) {
	ins, verdicts := statsFixture()
	putStatsFixture(t, s, ins, verdicts)
	t.Run("IncidentStats", func(t *testing.T) { testIncidentStats(t, s, ins, verdicts) })
	t.Run("IncidentPoints", func(t *testing.T) { testIncidentPoints(t, s, ins, verdicts) })
	t.Run("IncidentGrid", func(t *testing.T) { testIncidentGrid(t, s, ins, verdicts) })
	t.Run("FollowChanges", func(t *testing.T) { testStatsFollowChanges(t, s) })
}

// testStatsFollowChanges checks that the counts follow incidents and
// verdicts as they change: a status, a new verdict, a merge's deletion.
func testStatsFollowChanges(t *testing.T, s truce.Store) {
	a, b := newIncident(200), newIncident(201)
	a.Reports, b.Reports = a.Reports[:1], b.Reports[:1]
	a.Reports[0].ID, b.Reports[0].ID = "r_follow_a", "r_follow_b"
	putIncidents(t, s, a, b)
	ag := "followed"
	put := func(id string, v truce.VerdictValue, party string) {
		update(t, s, func(tx truce.Tx) error {
			return tx.PutVerdicts(id, []truce.Verdict{{Agreement: ag, Version: 1, Verdict: v, Party: party, Rules: []string{ag + " v1 rule 1"}}})
		})
	}
	put(a.ID, truce.Violation, "RU")
	put(b.ID, truce.NoViolation, "")
	published := truce.StatsQuery{Agreement: ag, Filter: truce.IncidentFilter{Statuses: []truce.Status{truce.StatusPublished}}}
	check := func(step string, q truce.StatsQuery, want map[truce.VerdictValue]int, wantPoints int) {
		t.Helper()
		view(t, s, func(tx truce.Tx) error {
			st, err := tx.IncidentStats(q)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(want, st.Verdicts, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: verdicts (-want +got):\n%s", step, diff)
			}
			ps, err := tx.IncidentPoints(q, 10)
			if len(ps) != wantPoints {
				t.Errorf("%s: %d points, want %d", step, len(ps), wantPoints)
			}
			return err
		})
	}
	all := truce.StatsQuery{Agreement: ag}
	check("put", all, map[truce.VerdictValue]int{truce.Violation: 1, truce.NoViolation: 1}, 2)
	check("none published", published, nil, 0)
	a.Status = truce.StatusPublished
	putIncidents(t, s, a)
	check("a published", published, map[truce.VerdictValue]int{truce.Violation: 1}, 1)
	put(b.ID, truce.Violation, "UA")
	check("b judged again", all, map[truce.VerdictValue]int{truce.Violation: 2}, 2)
	update(t, s, func(tx truce.Tx) error { return tx.DeleteIncident(a.ID) })
	check("a deleted", all, map[truce.VerdictValue]int{truce.Violation: 1}, 1)
	check("a deleted, published", published, nil, 0)
}

func testIncidentStats(t *testing.T, s truce.Store, ins []*truce.Incident, verdicts map[string][]truce.Verdict) {
	for _, tc := range statsCases() {
		t.Run(tc.name, func(t *testing.T) {
			var kept []*truce.Incident
			for _, in := range ins {
				if tc.keep(in) {
					kept = append(kept, in)
				}
			}
			if len(kept) == 0 {
				t.Fatal("fixture keeps no incident")
			}
			want := refStats(kept, verdicts, tc.q.Agreement, tc.q.Zone)
			if tc.q.VerdictsOnly {
				want = verdictsOnly(want)
			}
			var got *truce.IncidentStats
			view(t, s, func(tx truce.Tx) error {
				var err error
				got, err = tx.IncidentStats(tc.q)
				return err
			})
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("IncidentStats(%+v) (-want +got):\n%s", tc.q, diff)
			}
		})
	}
	t.Run("the fixture exercises rules and parties", func(t *testing.T) {
		st := refStats(ins, verdicts, "ceasefire", kyiv)
		utc := refStats(ins, verdicts, "ceasefire", nil)
		if len(st.Rules) < 4 || len(st.Parties) < 3 || st.Verdicts[truce.Indeterminate] == 0 || len(st.Days) < 4 || cmp.Equal(st.Days, utc.Days) {
			t.Fatalf("weak fixture: %+v", st)
		}
	})
}

func putStatsFixture(t *testing.T, s truce.Store, ins []*truce.Incident, verdicts map[string][]truce.Verdict) {
	t.Helper()
	putIncidents(t, s, ins...)
	update(t, s, func(tx truce.Tx) error {
		for id, vs := range verdicts {
			if err := tx.PutVerdicts(id, vs); err != nil {
				return err
			}
		}
		return nil
	})
}

func testIncidentPoints(t *testing.T, s truce.Store, ins []*truce.Incident, verdicts map[string][]truce.Verdict) {
	for _, tc := range statsCases() {
		for _, max := range []int{3, 100} {
			t.Run(fmt.Sprintf("%s, max %d", tc.name, max), func(t *testing.T) {
				want := []truce.IncidentPoint{}
				for _, in := range slices.Backward(ins) { // newest first
					if !tc.keep(in) || len(want) == max || !judged(verdicts[in.ID], tc.q.Agreement) {
						continue
					}
					p := truce.IncidentPoint{ID: in.ID, Lat: in.Location.Lat, Lon: in.Location.Lon, Start: in.Window.From,
						Kind: in.Kind, Admin1: in.Location.Admin1}
					for _, v := range verdicts[in.ID] {
						if v.Agreement == tc.q.Agreement {
							p.Verdict, p.Party = v.Verdict, v.Party
						}
					}
					want = append(want, p)
				}
				var got []truce.IncidentPoint
				view(t, s, func(tx truce.Tx) error {
					var err error
					got, err = tx.IncidentPoints(tc.q, max)
					return err
				})
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("IncidentPoints (-want +got):\n%s", diff)
				}
			})
		}
	}
}

func testIncidentGrid(t *testing.T, s truce.Store, ins []*truce.Incident, verdicts map[string][]truce.Verdict) {
	for _, cell := range []float64{0.5, 2, 400} {
		for _, tc := range statsCases()[:5] {
			t.Run(fmt.Sprintf("%s, cell %v", tc.name, cell), func(t *testing.T) {
				want := refGrid(ins, verdicts, tc, cell)
				var got []truce.GridCell
				view(t, s, func(tx truce.Tx) error {
					var err error
					got, err = tx.IncidentGrid(tc.q, cell)
					return err
				})
				if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
					t.Errorf("IncidentGrid (-want +got):\n%s", diff)
				}
			})
		}
	}
	view(t, s, func(tx truce.Tx) error {
		_, err := tx.IncidentGrid(truce.StatsQuery{}, 0)
		wantCode(t, "IncidentGrid(cell 0)", err, truce.EINVALID)
		return nil
	})
}

// refGrid computes in Go what IncidentGrid must answer, ordered by cell.
func refGrid(ins []*truce.Incident, verdicts map[string][]truce.Verdict, tc statsCase, cell float64) []truce.GridCell {
	type key struct{ y, x int }
	sums := map[key]*truce.GridCell{}
	for _, in := range ins {
		if !tc.keep(in) || !judged(verdicts[in.ID], tc.q.Agreement) {
			continue
		}
		k := key{int(math.Floor((in.Location.Lat + 90) / cell)), int(math.Floor((in.Location.Lon + 180) / cell))}
		g := sums[k]
		if g == nil {
			g = &truce.GridCell{}
			sums[k] = g
		}
		g.Count++
		g.Lat += in.Location.Lat
		g.Lon += in.Location.Lon
		for _, v := range verdicts[in.ID] {
			if v.Agreement == tc.q.Agreement && v.Verdict == truce.Violation {
				g.Violations++
			}
			if v.Agreement == tc.q.Agreement && v.Verdict == truce.Indeterminate {
				g.Indeterminate++
			}
		}
	}
	keys := make([]key, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].y < keys[j].y || keys[i].y == keys[j].y && keys[i].x < keys[j].x })
	out := []truce.GridCell{}
	for _, k := range keys {
		g := *sums[k]
		g.Lat /= float64(g.Count)
		g.Lon /= float64(g.Count)
		out = append(out, g)
	}
	return out
}

// judged reports whether an incident with verdicts vs counts on a map under
// agreement: every incident without one, else those judged under it.
func judged(vs []truce.Verdict, agreement string) bool {
	return agreement == "" || slices.ContainsFunc(vs, func(v truce.Verdict) bool { return v.Agreement == agreement })
}

// verdictsOnly keeps of st what a VerdictsOnly query counts.
func verdictsOnly(st *truce.IncidentStats) *truce.IncidentStats {
	out := &truce.IncidentStats{Verdicts: st.Verdicts}
	for _, p := range st.Parties {
		if p.Violations > 0 {
			out.Parties = append(out.Parties, truce.PartyStat{Party: p.Party, Violations: p.Violations})
		}
	}
	return out
}
