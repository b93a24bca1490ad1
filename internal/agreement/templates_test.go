package agreement

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

var septParams = map[string]string{"start": "2025-09-01T00:00+03:00", "days": "30"}

// TestTemplateFacts checks each template against the table "Templates
// shipped with Truce" of agreement-format.md.
func TestTemplateFacts(t *testing.T) {
	type fact struct {
		kind       string
		params     map[string]string
		from, to   time.Time
		declaredBy []string
		disputed   string // "UA from 2025-03-25T00:00+02:00"
	}
	uaFrom := time.Date(2025, 3, 25, 0, 0, 0, 0, time.FixedZone("", 2*3600))
	facts := map[string]fact{
		"energy-moratorium-2025": {"energy", nil, at(2025, 3, 18, 0, 0), at(2025, 4, 17, 0, 0), []string{"RU", "UA"}, "UA " + uaFrom.Format(time.RFC3339)},
		"easter-truce-2025":      {"full", nil, at(2025, 4, 19, 18, 0), at(2025, 4, 21, 0, 0), []string{"RU"}, ""},
		"victory-day-truce-2025": {"full", nil, at(2025, 5, 8, 0, 0), at(2025, 5, 11, 0, 0), []string{"RU"}, ""},
		"full-ceasefire-30d":     {"full", septParams, at(2025, 9, 1, 0, 0), at(2025, 10, 1, 0, 0), []string{"RU", "UA"}, ""},
		"air-sea-truce":          {"air", septParams, at(2025, 9, 1, 0, 0), at(2025, 10, 1, 0, 0), []string{"RU", "UA"}, ""},
	}
	var ids []string
	for _, tp := range Templates() {
		ids = append(ids, tp.ID)
	}
	want := []string{"air-sea-truce", "easter-truce-2025", "energy-moratorium-2025", "full-ceasefire-30d", "victory-day-truce-2025"}
	if !slices.Equal(ids, want) {
		t.Fatalf("templates %v, want %v", ids, want)
	}
	for id, f := range facts {
		a, err := LoadTemplate(id, f.params)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if a.Kind != f.kind || !slices.Equal(a.Parties, []string{"RU", "UA"}) || !slices.Equal(a.BoundParties(), f.declaredBy) {
			t.Errorf("%s: kind %s parties %v bound %v", id, a.Kind, a.Parties, a.BoundParties())
		}
		if !a.InForce.From.Equal(f.from) || a.InForce.To == nil || !a.InForce.To.Equal(f.to) {
			t.Errorf("%s: window %v to %v, want %v to %v", id, a.InForce.From, a.InForce.To, f.from, f.to)
		}
		var disputed string
		for _, d := range a.InForce.Disputed {
			disputed = d.Party + " " + d.From.Format(time.RFC3339)
		}
		if disputed != f.disputed {
			t.Errorf("%s: disputed %q, want %q", id, disputed, f.disputed)
		}
		checkTranslations(t, a)
		tp, _ := TemplateByID(id)
		if (f.params != nil) != (len(tp.Params) == 2) {
			t.Errorf("%s: params %+v", id, tp.Params)
		}
	}
}

func checkTranslations(t *testing.T, a *truce.Agreement) {
	t.Helper()
	texts := map[string]truce.Texts{"title": a.Title, "note": a.Note}
	for _, r := range a.Rules {
		texts["rule "+r.ID] = r.Text
	}
	for _, e := range a.Exceptions {
		texts["exception "+e.ID] = e.Text
	}
	for what, tx := range texts {
		if tx.En == "" || tx.Uk == "" || tx.Ru == "" {
			t.Errorf("%s %s lacks a language: %+v", a.ID, what, tx)
		}
		if strings.ContainsAny(tx.En, "абвгдежзиклмнопрстуфхцчшщыьэюяіїєґ") || !strings.ContainsAny(tx.Uk, "аеиоу") || !strings.ContainsAny(tx.Ru, "аеиоу") {
			t.Errorf("%s %s: languages mixed up: %+v", a.ID, what, tx)
		}
		if strings.ContainsAny(tx.Ru, "іїєґ") || strings.ContainsAny(tx.Uk, "ыэъё") {
			t.Errorf("%s %s: Ukrainian and Russian letters mixed: %+v", a.ID, what, tx)
		}
	}
}

type coverageCheck struct {
	template string
	params   map[string]string
	at       time.Time
	kind     truce.Kind
	weapon   string
	target   string
	actor    string
	want     truce.VerdictValue
}

// coverageChecks are acts the spec's table names (and those it leaves
// out), with the verdict each template must give.
func coverageChecks() []coverageCheck {
	type check = coverageCheck
	energy := []string{"energy.refinery", "energy.oil_gas", "energy.power_generation", "energy.power_grid", "energy.nuclear", "energy.hydro", "energy"}
	var checks []check
	for _, tg := range energy {
		checks = append(checks,
			check{"energy-moratorium-2025", nil, at(2025, 4, 1, 3, 0), "strike", "artillery", tg, "RU", truce.Violation},
			check{"energy-moratorium-2025", nil, at(2025, 4, 1, 3, 0), "strike", "drone.long_range", tg, "UA", truce.Violation},
			check{"air-sea-truce", septParams, at(2025, 9, 2, 3, 0), "strike", "mortar", tg, "RU", truce.Violation})
	}
	checks = append(checks,
		check{"energy-moratorium-2025", nil, at(2025, 4, 1, 3, 0), "strike", "ballistic_missile", "residential", "RU", truce.NoViolation},
		check{"energy-moratorium-2025", nil, at(2025, 4, 1, 3, 0), "ground_assault", "", "energy.power_grid", "RU", truce.NoViolation},
		check{"energy-moratorium-2025", nil, at(2025, 4, 17, 0, 0), "strike", "drone.long_range", "energy.power_grid", "RU", truce.NoViolation},
		check{"energy-moratorium-2025", nil, at(2025, 3, 18, 0, 0), "strike", "drone.long_range", "energy.power_grid", "RU", truce.Violation},
	)
	for _, tpl := range []struct {
		id     string
		params map[string]string
		at     time.Time
	}{{"easter-truce-2025", nil, at(2025, 4, 20, 12, 0)}, {"victory-day-truce-2025", nil, at(2025, 5, 9, 12, 0)}, {"full-ceasefire-30d", septParams, at(2025, 9, 15, 12, 0)}} {
		for _, w := range truce.WeaponClasses {
			checks = append(checks, check{tpl.id, tpl.params, tpl.at, "strike", w, "residential", "RU", truce.Violation})
		}
		checks = append(checks,
			check{tpl.id, tpl.params, tpl.at, "ground_assault", "", "military", "RU", truce.Violation},
			check{tpl.id, tpl.params, tpl.at, "strike", "cruise_missile", "military.air_defence_engagement", "RU", truce.NoViolation})
	}
	for _, w := range []string{"ballistic_missile", "cruise_missile", "hypersonic_missile", "drone.long_range", "glide_bomb", "aircraft"} {
		checks = append(checks, check{"air-sea-truce", septParams, at(2025, 9, 2, 3, 0), "strike", w, "residential", "UA", truce.Violation})
	}
	for _, w := range []string{"drone.tactical", "artillery", "mlrs", "mortar", "tank", "small_arms"} {
		checks = append(checks, check{"air-sea-truce", septParams, at(2025, 9, 2, 3, 0), "strike", w, "military", "RU", truce.NoViolation})
	}
	checks = append(checks,
		check{"air-sea-truce", septParams, at(2025, 9, 2, 3, 0), "ground_assault", "", "military", "RU", truce.NoViolation},
		check{"air-sea-truce", septParams, at(2025, 9, 2, 3, 0), "strike", "drone", "residential", "RU", truce.Indeterminate},
		check{"air-sea-truce", septParams, at(2025, 10, 1, 0, 0), "strike", "cruise_missile", "residential", "RU", truce.NoViolation},
	)
	return checks
}

// TestTemplateCoverage checks what each template prohibits.
func TestTemplateCoverage(t *testing.T) {
	compiled := map[string]*Compiled{}
	for _, c := range coverageChecks() {
		cp := compiled[c.template]
		if cp == nil {
			cp = compileTemplate(t, c.template, c.params)
			compiled[c.template] = cp
		}
		in := inc(kind(c.kind), weapons(c.weapon), targets(c.target), actor(c.actor), when(c.at, c.at))
		if c.weapon == "" {
			in.Weapons = nil
		}
		if v := Evaluate(in, cp); v.Verdict != c.want {
			t.Errorf("%s: %s with %q on %s by %s at %v = %s, want %s\n  %s", c.template, c.kind, c.weapon, c.target, c.actor, c.at, v.Verdict, c.want, strings.Join(v.Reasons, "\n  "))
		}
	}
}
