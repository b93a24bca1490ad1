package storetest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

// newIncident returns an incident numbered i with two member reports.
func newIncident(i int) *truce.Incident {
	from := base.Add(time.Duration(i) * time.Hour)
	ra, rb := fmt.Sprintf("r_i%d_a", i), fmt.Sprintf("r_i%d_b", i)
	return &truce.Incident{
		ID:       fmt.Sprintf("i_%04d", i),
		Kind:     truce.KindStrike,
		Window:   truce.Window{From: from, To: from.Add(30 * time.Minute)},
		Location: truce.Place{Lat: 48, Lon: 37.5, UncertaintyM: 1000, Admin1: "Donetsk", Country: "UA", Precision: "settlement", Why: "both reports name the town"},
		Weapons:  []truce.Claim{{Value: "drone.long_range", Name: "Shahed-136", Reports: []string{ra, rb}, Sources: []string{"omm", "ua-mod"}}},
		Targets:  []truce.Claim{{Value: "energy.power_grid", Reports: []string{ra}, Sources: []string{"omm"}}},
		Actors:   []truce.Claim{{Value: "RU", Reports: []string{rb}, Sources: []string{"ua-mod"}}},
		Actor:    "RU",
		Killed:   truce.Figure{Low: ptr(1), Best: ptr(2), High: ptr(3), Claims: []truce.FigureClaim{{Value: 2, ReportID: ra, Source: "omm"}}},
		Reports: []truce.Member{
			{ID: ra, SourceType: truce.SourceMonitor, SourceName: "omm", SourceRef: "omm-1"},
			{ID: rb, SourceType: truce.SourceParty, SourceName: "ua-mod", Party: "UA"},
		},
		Chains:      2,
		Credibility: 2,
		Explanation: []string{"windows overlap", "within 3 km"},
		Status:      truce.StatusReported,
		CreatedAt:   from.Add(time.Hour),
		UpdatedAt:   from.Add(2 * time.Hour),
	}
}

func putIncidents(t testing.TB, s truce.Store, ins ...*truce.Incident) {
	t.Helper()
	update(t, s, func(tx truce.Tx) error {
		for _, in := range ins {
			if err := tx.PutIncident(in); err != nil {
				return err
			}
		}
		return nil
	})
}

func testIncidentRoundTrip(t *testing.T, s truce.Store) {
	want := newIncident(1)
	want.Aggregate = true
	want.Counts = &truce.Counts{Launched: ptr(40), Intercepted: ptr(0)}
	want.Allegations = []string{"UA"}
	want.NotJoined = []string{"r_x: 40 km away"}
	want.Linked = []string{"i_0009"}
	want.Location.Lat, want.Location.Lon = 48.123456789012, -0.000001
	putIncidents(t, s, want)
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.Incident(want.ID)
		if err != nil {
			return err
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Incident round trip (-want +got):\n%s", diff)
		}
		if got.Injured.Best != nil || got.Killed.Low == nil {
			t.Errorf("figures: killed %+v injured %+v; want killed stated, injured not", got.Killed, got.Injured)
		}
		_, err = tx.Incident("i_missing")
		wantCode(t, "Incident(missing)", err, truce.ENOTFOUND)
		list, _, err := tx.Incidents(truce.IncidentFilter{})
		if err != nil {
			return err
		}
		if len(list) != 1 || cmp.Diff(want, list[0]) != "" {
			t.Errorf("Incidents: got %d, want the one incident unchanged", len(list))
		}
		return nil
	})
}

func incidentOf(t *testing.T, tx truce.Tx, report, want string) {
	t.Helper()
	got, err := tx.IncidentOf(report)
	if want == "" {
		wantCode(t, "IncidentOf("+report+")", err, truce.ENOTFOUND)
		return
	}
	if got != want || err != nil {
		t.Errorf("IncidentOf(%s) = %q, %v; want %q", report, got, err, want)
	}
}

func members(in *truce.Incident, ids ...string) *truce.Incident {
	in.Reports = nil
	for _, id := range ids {
		in.Reports = append(in.Reports, truce.Member{ID: id, SourceType: truce.SourceMonitor, SourceName: "omm"})
	}
	return in
}

func testIncidentMembership(t *testing.T, s truce.Store) {
	a, b := newIncident(1), newIncident(2)
	putIncidents(t, s, members(a, "r1", "r2"), members(b, "r3"))
	view(t, s, func(tx truce.Tx) error {
		incidentOf(t, tx, "r1", a.ID)
		incidentOf(t, tx, "r2", a.ID)
		incidentOf(t, tx, "r3", b.ID)
		incidentOf(t, tx, "r9", "")
		return nil
	})
	// A drops r1 and takes r3 from B; then B is put again with r4.
	a2 := members(newIncident(1), "r2", "r3")
	a2.Status = truce.StatusVerified
	putIncidents(t, s, a2, members(newIncident(2), "r4"))
	view(t, s, func(tx truce.Tx) error {
		incidentOf(t, tx, "r1", "")
		incidentOf(t, tx, "r2", a.ID)
		incidentOf(t, tx, "r3", a.ID)
		incidentOf(t, tx, "r4", b.ID)
		got, err := tx.Incident(a.ID)
		if err != nil {
			return err
		}
		if diff := cmp.Diff(a2, got); diff != "" {
			t.Errorf("replaced incident (-want +got):\n%s", diff)
		}
		list, _, err := tx.Incidents(truce.IncidentFilter{Statuses: []truce.Status{truce.StatusVerified}})
		if len(list) != 1 || list[0].ID != a.ID {
			t.Errorf("filter on the replaced status: got %d incidents, want %s only", len(list), a.ID)
		}
		return err
	})
}

func testIncidentDelete(t *testing.T, s truce.Store) {
	a, b := newIncident(1), newIncident(2)
	putIncidents(t, s, a, b)
	update(t, s, func(tx truce.Tx) error {
		return tx.PutVerdicts(a.ID, []truce.Verdict{newVerdict("ceasefire", truce.Violation)})
	})
	update(t, s, func(tx truce.Tx) error { return tx.DeleteIncident(a.ID) })
	err := s.Update(t.Context(), func(tx truce.Tx) error { return tx.DeleteIncident(a.ID) })
	wantCode(t, "DeleteIncident twice", err, truce.ENOTFOUND)
	view(t, s, func(tx truce.Tx) error {
		_, err := tx.Incident(a.ID)
		wantCode(t, "Incident(deleted)", err, truce.ENOTFOUND)
		incidentOf(t, tx, a.Reports[0].ID, "")
		incidentOf(t, tx, b.Reports[0].ID, b.ID)
		if vs, err := tx.Verdicts(a.ID); len(vs) != 0 || err != nil {
			t.Errorf("Verdicts(deleted) = %v, %v; want none", vs, err)
		}
		list, _, err := tx.Incidents(truce.IncidentFilter{})
		if len(list) != 1 || list[0].ID != b.ID {
			t.Errorf("Incidents after delete: %d, want only %s", len(list), b.ID)
		}
		return err
	})
	putIncidents(t, s, a) // put again: no verdicts come back
	view(t, s, func(tx truce.Tx) error {
		vs, err := tx.Verdicts(a.ID)
		if len(vs) != 0 {
			t.Errorf("a re-created incident has %d old verdicts", len(vs))
		}
		return err
	})
}

func testEachIncident(t *testing.T, s truce.Store) {
	const n = 1100
	var ins []*truce.Incident
	for i := range n {
		ins = append(ins, newIncident(i))
	}
	putIncidents(t, s, ins...)
	seen := map[string]bool{}
	view(t, s, func(tx truce.Tx) error {
		return tx.EachIncident(func(in *truce.Incident) error {
			if seen[in.ID] {
				t.Errorf("EachIncident: %s twice", in.ID)
			}
			seen[in.ID] = true
			if len(seen)%97 == 0 { // the Tx stays usable inside fn
				if _, err := tx.Incident(in.ID); err != nil {
					return err
				}
				incidentOf(t, tx, in.Reports[0].ID, in.ID)
			}
			return nil
		})
	})
	if len(seen) != n {
		t.Errorf("EachIncident saw %d incidents, want %d", len(seen), n)
	}
	stop := errors.New("stop")
	calls := 0
	err := s.View(t.Context(), func(tx truce.Tx) error {
		return tx.EachIncident(func(*truce.Incident) error {
			calls++
			if calls == 3 {
				return stop
			}
			return nil
		})
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Errorf("EachIncident with fn failing at the 3rd: err %v after %d calls; want fn's error after 3", err, calls)
	}
}

func newVerdict(agreement string, v truce.VerdictValue) truce.Verdict {
	return truce.Verdict{Agreement: agreement, Version: 2, Verdict: v, Rules: []string{"no-strikes-energy"},
		Party: "RU", Reasons: []string{"energy target", "inside window"},
		Readings: []truce.Reading{{Party: "UA", Verdict: v}}}
}

func testVerdicts(t *testing.T, s truce.Store) {
	a := newIncident(1)
	putIncidents(t, s, a, newIncident(2))
	cf, em := newVerdict("ceasefire", truce.Violation), newVerdict("energy-moratorium", truce.NoViolation)
	cf.Version = 5 // listed by agreement, not version
	em.Party, em.Readings = "", nil
	update(t, s, func(tx truce.Tx) error { return tx.PutVerdicts(a.ID, []truce.Verdict{em, cf}) })
	em2 := newVerdict("energy-moratorium", truce.Indeterminate)
	em2.Version, em2.Party = 3, "" // no party held responsible
	update(t, s, func(tx truce.Tx) error { return tx.PutVerdicts(a.ID, []truce.Verdict{em2}) })
	err := s.Update(t.Context(), func(tx truce.Tx) error { return tx.PutVerdicts("i_missing", []truce.Verdict{cf}) })
	wantCode(t, "PutVerdicts(missing incident)", err, truce.ENOTFOUND)
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.Verdicts(a.ID)
		if err != nil {
			return err
		}
		cf.Incident, em2.Incident = a.ID, a.ID
		if diff := cmp.Diff([]truce.Verdict{cf, em2}, got); diff != "" {
			t.Errorf("Verdicts, by agreement (-want +got):\n%s", diff)
		}
		none, err := tx.Verdicts("i_0002")
		if len(none) != 0 {
			t.Errorf("Verdicts of an incident without any: %v", none)
		}
		return err
	})
}
