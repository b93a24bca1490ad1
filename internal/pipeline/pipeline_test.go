package pipeline

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/agreement"
	"github.com/truce-monitor/truce/internal/sqlite"
)

var t0 = time.Date(2025, 8, 20, 6, 0, 0, 0, time.UTC)

func report(id, ref string, lat, lon float64, at time.Time, weapon string) *truce.Report {
	return &truce.Report{
		ID: id, ReceivedAt: at.Add(time.Hour),
		Source:   truce.Source{Type: truce.SourceMonitor, Name: "Patrol " + ref, Ref: ref, Reliability: "B"},
		Kind:     truce.KindStrike,
		Occurred: truce.Window{From: at, To: at.Add(10 * time.Minute)},
		Location: truce.Location{Lat: &lat, Lon: &lon},
		Geocode:  &truce.Geocode{Lat: lat, Lon: lon, UncertaintyM: 300, Admin1: "Dnipropetrovsk", Country: "UA", Precision: "point"},
		Weapons:  []truce.Weapon{{Class: weapon}}, AttributedTo: "RU", Credibility: 6,
	}
}

func airSea(t *testing.T, version int) *truce.AgreementRecord {
	t.Helper()
	tpl, _ := agreement.TemplateByID("air-sea-truce")
	terms, err := agreement.Load(tpl.Source, map[string]string{"start": "2025-08-18T00:00:00+03:00", "days": "30"}, agreement.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	terms.Version = version
	return &truce.AgreementRecord{ID: terms.ID, Version: version, Parties: terms.Parties, Terms: terms, SHA256: "x"}
}

func open(t *testing.T) truce.Store {
	s, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func actTypes(acts []truce.Act) []string {
	var out []string
	for _, a := range acts {
		out = append(out, a.Type)
	}
	return out
}

func accept(t *testing.T, s truce.Store, p *Pipeline, rs ...*truce.Report) []truce.Act {
	t.Helper()
	var acts []truce.Act
	err := s.Update(context.Background(), func(tx truce.Tx) error {
		for _, r := range rs {
			if err := tx.InsertReport(r); err != nil {
				return err
			}
		}
		var err error
		acts, err = p.Accepted(context.Background(), tx, truce.System, rs)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return acts
}

func TestFusesJudgesAndLogs(t *testing.T) {
	s := open(t)
	p := New(truce.NewFixedClock(t0))
	err := s.Update(context.Background(), func(tx truce.Tx) error {
		rec := airSea(t, 1)
		if err := tx.PutAgreement(rec); err != nil {
			return err
		}
		acts, err := p.AgreementLoaded(tx, truce.System, rec)
		if len(acts) != 0 {
			t.Errorf("no incidents yet, but %d acts", len(acts))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	a := report("r1", "a", 48.46, 35.05, t0, "ballistic_missile")
	b := report("r2", "b", 48.461, 35.051, t0.Add(5*time.Minute), "ballistic_missile")
	acts := accept(t, s, p, a, b)
	if diff := cmp.Diff([]string{"incident", "verdict"}, actTypes(acts)); diff != "" {
		t.Errorf("acts of one batch (-want +got):\n%s", diff)
	}
	var id string
	var vs []truce.Verdict
	_ = s.View(context.Background(), func(tx truce.Tx) error {
		id, _ = tx.IncidentOf("r2")
		vs, _ = tx.Verdicts(id)
		return nil
	})
	if len(vs) != 1 || vs[0].Verdict != truce.Violation || vs[0].Party != "RU" {
		t.Fatalf("verdicts %+v, want one violation by RU", vs)
	}
	// A third report of the same event with nothing new changes the
	// incident but not its verdict: no verdict act.
	c := report("r3", "c", 48.4605, 35.0505, t0.Add(2*time.Minute), "ballistic_missile")
	if diff := cmp.Diff([]string{"incident"}, actTypes(accept(t, s, p, c))); diff != "" {
		t.Errorf("acts (-want +got):\n%s", diff)
	}
}

func TestRollbackLeavesNoTrace(t *testing.T) {
	s := open(t)
	p := New(truce.NewFixedClock(t0))
	boom := errors.New("boom")
	err := s.Update(context.Background(), func(tx truce.Tx) error {
		r := report("r1", "a", 48.46, 35.05, t0, "drone.long_range")
		if err := tx.InsertReport(r); err != nil {
			return err
		}
		if _, err := p.Accepted(context.Background(), tx, truce.System, []*truce.Report{r}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	p.RolledBack()
	// The same report id again, in a committed transaction: it must form
	// an incident (the engine forgot the rolled-back one).
	acts := accept(t, s, p, report("r1", "a", 48.46, 35.05, t0, "drone.long_range"))
	if diff := cmp.Diff([]string{"incident"}, actTypes(acts)); diff != "" {
		t.Errorf("acts after rollback (-want +got):\n%s", diff)
	}
}

func TestAgreementVersionRejudges(t *testing.T) {
	s := open(t)
	p := New(truce.NewFixedClock(t0))
	art := report("r1", "a", 48.46, 35.05, t0, "artillery")
	art.Target = &truce.Target{Class: "military"}
	accept(t, s, p, art)
	var acts []truce.Act
	err := s.Update(context.Background(), func(tx truce.Tx) error {
		rec := airSea(t, 1)
		if err := tx.PutAgreement(rec); err != nil {
			return err
		}
		var err error
		acts, err = p.AgreementLoaded(tx, truce.System, rec)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(acts) != 1 || acts[0].Type != "verdict" {
		t.Fatalf("loading an agreement judges every incident: acts %v", actTypes(acts))
	}
	v := acts[0].Record.(VerdictRecord)
	if v.Verdict.Verdict != truce.NoViolation || v.Previous != nil {
		t.Errorf("artillery under the air truce: %+v, want a first no_violation", v)
	}
}
