package agreement

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

// termsHead starts the documents of the verdict tests: the Easter window,
// and a square zone sq from 47°N to 49°N and 36°E to 38°E.
const termsHead = `id: test-terms
version: 3
parties: [RU, UA]
timezone: Europe/Moscow
in_force:
  from: 2025-04-19T18:00
  to: 2025-04-21T00:00
zones:
  sq: ` + squareZone + "\n"

const strikesAny = "rules:\n  - {id: \"1\", prohibits: {kinds: [strike], weapons: any}}\n"

type evalCase struct {
	name    string
	doc     string // appended to termsHead
	in      *truce.Incident
	verdict truce.VerdictValue
	rules   []string
	party   string
	reasons []string // each appears in the reasons
}

func runEvalCases(t *testing.T, cases []evalCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			c := mustCompile(t, mustLoad(t, termsHead+tt.doc, nil, ParseOptions{}))
			v := Evaluate(tt.in, c)
			all := strings.Join(v.Reasons, "\n")
			for i, id := range tt.rules {
				tt.rules[i] = "test-terms v3 rule " + id
			}
			if v.Verdict != tt.verdict || !slices.Equal(v.Rules, orEmpty(tt.rules)) || v.Party != tt.party {
				t.Errorf("got %s rules %q party %q, want %s rules %q party %q\n  %s",
					v.Verdict, v.Rules, v.Party, tt.verdict, tt.rules, tt.party, strings.Join(v.Reasons, "\n  "))
			}
			for _, r := range tt.reasons {
				if !strings.Contains(all, r) {
					t.Errorf("reasons lack %q:\n  %s", r, strings.Join(v.Reasons, "\n  "))
				}
			}
			if v.Agreement != "test-terms" || v.Version != 3 || v.Incident != tt.in.ID {
				t.Errorf("verdict names %s v%d incident %s", v.Agreement, v.Version, v.Incident)
			}
		})
	}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// TestEvaluateSpecExample checks the reason of agreement-format.md word for
// word.
func TestEvaluateSpecExample(t *testing.T) {
	c := mustCompile(t, mustLoad(t, termsHead+strikesAny, nil, ParseOptions{}))
	v := Evaluate(inc(), c)
	want := truce.Verdict{
		Incident: "i-test", Agreement: "test-terms", Version: 3, Verdict: truce.Violation,
		Rules: []string{"test-terms v3 rule 1"}, Party: "RU",
		Reasons: []string{
			"strike with ballistic_missile on residential target in Dnipropetrovsk at 2025-04-20T07:10+03:00, inside window 2025-04-19T18:00+03:00 to 2025-04-21T00:00+03:00; rule 1 prohibits strikes by any weapon",
			"attributed to RU, bound by test-terms",
		},
	}
	if d := cmp.Diff(want, v); d != "" {
		t.Errorf("verdict (-want +got):\n%s", d)
	}
}

func TestEvaluateWindow(t *testing.T) {
	runEvalCases(t, []evalCase{
		{"inside", strikesAny, inc(), truce.Violation, []string{"1"}, "RU", []string{", inside window 2025-04-19T18:00+03:00 to 2025-04-21T00:00+03:00; rule 1 prohibits strikes by any weapon"}},
		{"from is inclusive", strikesAny, inc(when(at(2025, 4, 19, 18, 0), at(2025, 4, 19, 18, 0))), truce.Violation, []string{"1"}, "RU", []string{"at 2025-04-19T18:00+03:00, inside window"}},
		{"to is exclusive", strikesAny, inc(when(at(2025, 4, 21, 0, 0), at(2025, 4, 21, 0, 0))), truce.NoViolation, nil, "", []string{"at 2025-04-21T00:00+03:00, outside window 2025-04-19T18:00+03:00 to 2025-04-21T00:00+03:00"}},
		{"before", strikesAny, inc(when(at(2025, 4, 19, 17, 59), at(2025, 4, 19, 17, 59))), truce.NoViolation, nil, "", []string{"outside window"}},
		{"times in other zones", strikesAny, inc(when(time.Date(2025, 4, 19, 14, 59, 0, 0, time.UTC), time.Date(2025, 4, 19, 14, 59, 0, 0, time.UTC))), truce.NoViolation, nil, "", []string{"at 2025-04-19T17:59+03:00, outside window"}},
		{"straddles the start", strikesAny, inc(when(at(2025, 4, 19, 17, 0), at(2025, 4, 19, 19, 0))), truce.Indeterminate, []string{"1"}, "",
			[]string{"between 2025-04-19T17:00+03:00 and 2025-04-19T19:00+03:00, straddling the start of window", "rule 1 prohibits strikes by any weapon, and the reports do not settle whether it happened inside the window"}},
		{"straddles the end", strikesAny, inc(when(at(2025, 4, 20, 23, 0), at(2025, 4, 21, 1, 0))), truce.Indeterminate, []string{"1"}, "", []string{"straddling the end of window"}},
		{"ends at the exclusive end", strikesAny, inc(when(at(2025, 4, 20, 23, 0), at(2025, 4, 21, 0, 0))), truce.Indeterminate, []string{"1"}, "", []string{"straddling the end of window"}},
		{"straddles both ends", strikesAny, inc(when(at(2025, 4, 19, 0, 0), at(2025, 4, 22, 0, 0))), truce.Indeterminate, []string{"1"}, "", []string{"straddling both ends of window"}},
		{"straddles but no rule covers it", strikesAny, inc(kind(truce.KindGroundAssault), when(at(2025, 4, 19, 17, 0), at(2025, 4, 19, 19, 0))), truce.NoViolation, nil, "", []string{"straddling the start of window", "which does not cover it: it is a ground assault"}},
		{"window to before from is a point", strikesAny, inc(when(at(2025, 4, 20, 1, 0), time.Time{})), truce.Violation, []string{"1"}, "RU", []string{"at 2025-04-20T01:00+03:00, inside window"}},
	})
	open := strings.Replace(termsHead, "  to: 2025-04-21T00:00\n", "", 1)
	c := mustCompile(t, mustLoad(t, open+strikesAny, nil, ParseOptions{}))
	v := Evaluate(inc(when(at(2031, 1, 1, 0, 0), at(2031, 1, 1, 0, 0))), c)
	if v.Verdict != truce.Violation || !strings.Contains(v.Reasons[0], "inside window 2025-04-19T18:00+03:00, open-ended") {
		t.Errorf("open-ended window: %s %q", v.Verdict, v.Reasons)
	}
}

func TestEvaluateKindWeaponTarget(t *testing.T) {
	rule := func(p string) string { return "rules:\n  - {id: \"1\", prohibits: " + p + "}\n" }
	runEvalCases(t, []evalCase{
		{"kind not listed", strikesAny, inc(kind(truce.KindGroundAssault), weapons(), targets()), truce.NoViolation, nil, "", []string{"ground assault in Dnipropetrovsk at", "rule 1 prohibits strikes by any weapon, which does not cover it: it is a ground assault"}},
		{"no kinds listed: any kind", rule("{}"), inc(kind(truce.KindExplosion)), truce.Violation, []string{"1"}, "RU", []string{"rule 1 prohibits acts of any kind by any weapon"}},
		{"a named parent covers its child", rule("{weapons: [drone]}"), inc(weapons("drone.long_range")), truce.Violation, []string{"1"}, "RU", []string{"strike with drone.long_range", "prohibits acts of any kind by drone"}},
		{"a parent where the rule names a child", rule("{weapons: [drone.long_range]}"), inc(weapons("drone")), truce.Indeterminate, []string{"1"}, "", []string{"the reports do not settle the weapon: weapon given only as drone (the rule names drone.long_range)"}},
		{"a parent where the rule names every child", rule("{targets: [military.air_defence_engagement]}"), inc(targets("military")), truce.Indeterminate, []string{"1"}, "", []string{"target given only as military"}},
		{"weapon unknown where the rule depends on it", rule("{weapons: [ballistic_missile]}"), inc(weapons("unknown")), truce.Indeterminate, []string{"1"}, "", []string{"strike with unknown weapon", "the weapon: weapon class unknown"}},
		{"weapon unknown where the rule covers any", rule("{weapons: any}"), inc(weapons("unknown")), truce.Violation, []string{"1"}, "RU", nil},
		{"no weapon stated where the rule depends on it", rule("{weapons: [cruise_missile]}"), inc(weapons()), truce.Indeterminate, []string{"1"}, "", []string{"strike on residential target", "the weapon: no weapon class is stated"}},
		{"no weapon stated where the rule covers any", strikesAny, inc(weapons()), truce.Violation, []string{"1"}, "RU", nil},
		{"one of two weapons covered", rule("{weapons: [cruise_missile]}"), inc(weapons("drone.long_range", "cruise_missile")), truce.Violation, []string{"1"}, "RU", []string{"with cruise_missile, drone.long_range"}},
		{"weapon not covered", rule("{weapons: [cruise_missile, glide_bomb]}"), inc(weapons("artillery")), truce.NoViolation, nil, "", []string{"rule 1 prohibits acts of any kind by cruise_missile or glide_bomb, which does not cover it: weapon artillery not covered"}},
		{"unknown beside an uncovered weapon", rule("{weapons: [cruise_missile]}"), inc(weapons("artillery", "unknown")), truce.Indeterminate, []string{"1"}, "", []string{"weapon class unknown"}},
		{"a child of a named target", rule("{targets: [energy]}"), inc(targets("energy.hydro")), truce.Violation, []string{"1"}, "RU", []string{"on energy.hydro target", "prohibits acts of any kind on energy targets by any weapon"}},
		{"a parent target where the rule names a child", rule("{targets: [energy.nuclear, energy.hydro]}"), inc(targets("energy")), truce.Indeterminate, []string{"1"}, "", []string{"target given only as energy (the rule names energy.nuclear or energy.hydro)"}},
		{"target unknown", rule("{targets: [energy]}"), inc(targets("unknown")), truce.Indeterminate, []string{"1"}, "", []string{"on unknown target", "the target: target class unknown"}},
		{"no target stated", rule("{targets: [energy]}"), inc(targets()), truce.Indeterminate, []string{"1"}, "", []string{"the target: no target class is stated"}},
		{"target not covered", rule("{targets: [energy]}"), inc(), truce.NoViolation, nil, "", []string{"which does not cover it: target residential not covered"}},
		{"disputed targets: one covered", rule("{targets: [residential]}"), inc(targets("military", "residential")), truce.Violation, []string{"1"}, "RU", []string{"on military, residential targets"}},
	})
}

func TestEvaluatePlace(t *testing.T) {
	rule := func(where string) string {
		return "rules:\n  - {id: \"1\", prohibits: {kinds: [strike], where: " + where + "}}\n"
	}
	runEvalCases(t, []evalCase{
		{"inside, well inside", rule("{inside: sq}"), inc(point(48, 37, 1000)), truce.Violation, []string{"1"}, "RU", []string{"prohibits strikes by any weapon inside zone sq"}},
		{"inside, point outside", rule("{inside: sq}"), inc(point(48, 39, 1000)), truce.NoViolation, nil, "", []string{"which does not cover it: it lies outside zone sq, 74.4 km from its boundary"}},
		{"inside, uncertainty reaches across", rule("{inside: sq}"), inc(point(48, 37.98, 5000)), truce.Indeterminate, []string{"1"}, "", []string{"the place: its location, uncertain by 5.0 km, may lie on either side of the boundary of zone sq (1.5 km away)"}},
		{"inside, no uncertainty near the boundary", rule("{inside: sq}"), inc(point(48, 37.98, 0)), truce.Violation, []string{"1"}, "RU", nil},
		{"inside, no coordinates", rule("{inside: sq}"), inc(point(0, 0, 0)), truce.Indeterminate, []string{"1"}, "", []string{"the place: it has no coordinates to place against zone sq"}},
		{"outside, point outside", rule("{outside: sq}"), inc(point(48, 39, 1000)), truce.Violation, []string{"1"}, "RU", []string{"outside zone sq"}},
		{"outside, point inside", rule("{outside: sq}"), inc(point(48, 37, 1000)), truce.NoViolation, nil, "", []string{"it lies inside zone sq, 74.4 km from its boundary"}},
		{"outside, uncertainty reaches across", rule("{outside: sq}"), inc(point(48, 38.03, 5000)), truce.Indeterminate, []string{"1"}, "", []string{"may lie on either side of the boundary of zone sq (2.2 km away)"}},
		{"within, surely", rule("{within_km: 10, of: sq}"), inc(point(48, 38.1, 0)), truce.Violation, []string{"1"}, "RU", []string{"prohibits strikes by any weapon within 10 km of zone sq"}},
		{"within, inside the zone", rule("{within_km: 10, of: sq}"), inc(point(48, 37, 3000)), truce.Violation, []string{"1"}, "RU", nil},
		{"within, too far", rule("{within_km: 10, of: sq}"), inc(point(48, 38.5, 0)), truce.NoViolation, nil, "", []string{"it lies 37.2 km from zone sq"}},
		{"within, uncertain", rule("{within_km: 10, of: sq}"), inc(point(48, 38.1, 5000)), truce.Indeterminate, []string{"1"}, "", []string{"the place: its distance to zone sq is between 2.4 and 12.4 km"}},
		{"beyond, surely", rule("{beyond_km: 30, of: sq}"), inc(point(48, 38.5, 0)), truce.Violation, []string{"1"}, "RU", []string{"more than 30 km from zone sq"}},
		{"beyond, too close", rule("{beyond_km: 30, of: sq}"), inc(point(48, 38.1, 0)), truce.NoViolation, nil, "", []string{"it lies 7.4 km from zone sq"}},
		{"beyond, inside the zone", rule("{beyond_km: 30, of: sq}"), inc(point(48, 37, 0)), truce.NoViolation, nil, "", []string{"it lies inside zone sq"}},
		{"beyond, uncertain", rule("{beyond_km: 30, of: sq}"), inc(point(48, 38.5, 10000)), truce.Indeterminate, []string{"1"}, "", []string{"between 27.2 and 47.2 km"}},
		{"beyond, no coordinates", rule("{beyond_km: 30, of: sq}"), inc(point(0, 0, 0)), truce.Indeterminate, []string{"1"}, "", []string{"no coordinates"}},
		{"country, in", rule("{country: [UA]}"), inc(), truce.Violation, []string{"1"}, "RU", []string{"prohibits strikes by any weapon in UA"}},
		{"country, not in", rule("{country: [UA]}"), inc(country("RU")), truce.NoViolation, nil, "", []string{"which does not cover it: it is in RU"}},
		{"country, not stated", rule("{country: [UA, MD]}"), inc(country("")), truce.Indeterminate, []string{"1"}, "", []string{"the place: its country is not stated"}},
	})
}

func TestEvaluateParties(t *testing.T) {
	byRU := "rules:\n  - {id: \"1\", prohibits: {kinds: [strike]}, by: [RU]}\n"
	unilateral := "declared_by: [RU]\n" + strikesAny
	runEvalCases(t, []evalCase{
		{"bound party", strikesAny, inc(actor("UA")), truce.Violation, []string{"1"}, "UA", []string{"attributed to UA, bound by test-terms"}},
		{"party not in by", byRU, inc(actor("UA")), truce.NoViolation, nil, "", []string{"rule 1 prohibits strikes by any weapon, for acts of RU, which does not cover it: it does not bind UA"}},
		{"party in by", byRU, inc(actor("RU")), truce.Violation, []string{"1"}, "RU", nil},
		{"unknown actor, every party bound", strikesAny, inc(actor("unknown")), truce.Violation, []string{"1"}, "unattributed",
			[]string{"actor unknown; every party (RU and UA) is bound by test-terms, so the violation is unattributed"}},
		{"no actor given is unknown", strikesAny, inc(actor("")), truce.Violation, []string{"1"}, "unattributed", nil},
		{"unknown actor, rule binds one party", byRU, inc(actor("unknown")), truce.Indeterminate, []string{"1"}, "",
			[]string{"the reports do not settle who acted: the actor is unknown and the rule applies only to acts of RU"}},
		{"unilateral: the declarer", unilateral, inc(actor("RU")), truce.Violation, []string{"1"}, "RU", []string{"attributed to RU, bound by test-terms"}},
		{"unilateral: the other party is not bound", unilateral, inc(actor("UA")), truce.NoViolation, nil, "", []string{"; UA is not bound: test-terms was declared by RU only"}},
		{"unilateral: unknown actor", unilateral, inc(actor("unknown")), truce.Indeterminate, []string{"1"}, "", []string{"the actor is unknown and the rule applies only to acts of RU"}},
		{"not a party", strikesAny, inc(actor("BY")), truce.NoViolation, nil, "", []string{"; BY is not a party to test-terms (parties: RU and UA)"}},
	})
}

func TestEvaluateExceptionsAndRules(t *testing.T) {
	airDefence := "exceptions:\n  - {id: air-defence, text: {en: Engaging incoming missiles is not a strike.}, matches: {kinds: [strike], targets: [military.air_defence_engagement]}}\n"
	bare := "exceptions:\n  - {id: ad, matches: {kinds: [strike], targets: [military.air_defence_engagement]}}\n"
	two := "rules:\n  - {id: \"1\", prohibits: {kinds: [strike], weapons: [ballistic_missile]}}\n  - {id: \"2\", prohibits: {kinds: [strike], targets: [energy]}}\n"
	numbered := "rules:\n  - {id: \"10\", prohibits: {kinds: [strike]}}\n  - {id: \"2\", prohibits: {kinds: [strike], weapons: [ballistic_missile]}}\n"
	runEvalCases(t, []evalCase{
		{"exception applies", strikesAny + airDefence, inc(targets("military.air_defence_engagement")), truce.NoViolation, nil, "",
			[]string{"; exception air-defence applies: Engaging incoming missiles is not a strike."}},
		{"exception without text", strikesAny + bare, inc(targets("military.air_defence_engagement")), truce.NoViolation, nil, "",
			[]string{"exception ad applies: it matches strikes on military.air_defence_engagement targets by any weapon"}},
		{"exception not established", strikesAny + airDefence, inc(targets("unknown")), truce.Violation, []string{"1"}, "RU",
			[]string{"exception air-defence might apply (Engaging incoming missiles is not a strike.) but the reports do not establish it"}},
		{"exception does not match", strikesAny + airDefence, inc(), truce.Violation, []string{"1"}, "RU", nil},
		{"violation wins over indeterminate", two, inc(targets("unknown")), truce.Violation, []string{"1"}, "RU", []string{"; rule 1 prohibits strikes by ballistic_missile"}},
		{"every violated rule is cited", two, inc(targets("energy.refinery")), truce.Violation, []string{"1", "2"}, "RU",
			[]string{"; rule 1 prohibits strikes by ballistic_missile; rule 2 prohibits strikes on energy targets by any weapon"}},
		{"indeterminate wins over no violation", two, inc(weapons("artillery"), targets("unknown")), truce.Indeterminate, []string{"2"}, "", []string{"rule 2 prohibits strikes on energy targets by any weapon, and the reports do not settle the target"}},
		{"no rule covers it", two, inc(weapons("artillery")), truce.NoViolation, nil, "",
			[]string{"rule 1 prohibits strikes by ballistic_missile, which does not cover it: weapon artillery not covered; rule 2 prohibits strikes on energy targets by any weapon, which does not cover it: target residential not covered"}},
		{"rules in numeric order", numbered, inc(), truce.Violation, []string{"2", "10"}, "RU", []string{"; rule 2 prohibits strikes by ballistic_missile; rule 10 prohibits strikes by any weapon"}},
	})
}

func TestEvaluateReadings(t *testing.T) {
	disputed := strings.Replace(termsHead, "  to: 2025-04-21T00:00\n",
		"  to: 2025-04-21T00:00\n  disputed:\n    - {party: UA, from: 2025-04-20T00:00}\n    - {party: RU, to: 2025-04-22T00:00}\n", 1)
	c := mustCompile(t, mustLoad(t, disputed+strikesAny, nil, ParseOptions{}))
	tests := []struct {
		name     string
		in       *truce.Incident
		verdict  truce.VerdictValue
		readings []truce.Reading
		reason   string
	}{
		{"UA's later start", inc(when(at(2025, 4, 19, 20, 0), at(2025, 4, 19, 20, 0))), truce.Violation,
			[]truce.Reading{{Party: "UA", Verdict: truce.NoViolation}},
			"under UA's reading of the window (2025-04-20T00:00+03:00 to 2025-04-21T00:00+03:00) it is no_violation: outside that window"},
		{"every reading agrees", inc(), truce.Violation, nil, ""},
		{"RU's later end", inc(when(at(2025, 4, 21, 10, 0), at(2025, 4, 21, 10, 0))), truce.NoViolation,
			[]truce.Reading{{Party: "RU", Verdict: truce.Violation}},
			"under RU's reading of the window (2025-04-19T18:00+03:00 to 2025-04-22T00:00+03:00) it is violation: inside that window"},
		{"a reading straddled", inc(when(at(2025, 4, 19, 23, 0), at(2025, 4, 20, 1, 0))), truce.Violation,
			[]truce.Reading{{Party: "UA", Verdict: truce.Indeterminate}}, "it is indeterminate: straddling the start of that window"},
	}
	for _, tt := range tests {
		v := Evaluate(tt.in, c)
		if v.Verdict != tt.verdict || !cmp.Equal(v.Readings, tt.readings) {
			t.Errorf("%s: %s readings %+v, want %s %+v", tt.name, v.Verdict, v.Readings, tt.verdict, tt.readings)
		}
		if tt.reason != "" && !strings.Contains(strings.Join(v.Reasons, "\n"), tt.reason) {
			t.Errorf("%s: reasons lack %q:\n  %s", tt.name, tt.reason, strings.Join(v.Reasons, "\n  "))
		}
	}
}

func TestEvaluateAggregate(t *testing.T) {
	tally := func(in *truce.Incident) {
		in.Aggregate = true
		in.Location = truce.Place{Country: "UA"}
		in.Targets = nil
		in.Weapons = claims("drone.long_range")
		in.Window = truce.Window{From: at(2025, 4, 19, 20, 0), To: at(2025, 4, 20, 8, 0)}
	}
	runEvalCases(t, []evalCase{
		{"a tally is evaluated like any incident", strikesAny, inc(tally), truce.Violation, []string{"1"}, "RU",
			[]string{"aggregate tally: strike with drone.long_range in UA between 2025-04-19T20:00+03:00 and 2025-04-20T08:00+03:00, inside window"}},
		{"a tally has no point to place in a zone", "rules:\n  - {id: \"1\", prohibits: {kinds: [strike], where: {inside: sq}}}\n", inc(tally), truce.Indeterminate, []string{"1"}, "", []string{"no coordinates"}},
	})
}

// TestEvaluateLineAndPointZones: distances to a line (a contact line) and
// to a point (a plant), which have no inside.
func TestEvaluateLineAndPointZones(t *testing.T) {
	doc := `id: lines
parties: [RU, UA]
in_force: {from: 2025-01-01T00:00Z}
zones:
  line: {type: LineString, coordinates: [[36, 47], [36, 49]]}
  plant: {type: Feature, properties: {name: a plant}, geometry: {type: Point, coordinates: [34.585, 47.512]}}
rules:
  - {id: "1", prohibits: {kinds: [strike], where: {beyond_km: 30, of: line}}}
  - {id: "2", prohibits: {kinds: [strike], where: {within_km: 5, of: plant}}}
`
	c := mustCompile(t, mustLoad(t, doc, nil, ParseOptions{}))
	tests := []struct {
		in      *truce.Incident
		verdict truce.VerdictValue
		rules   []string
		reason  string
	}{
		// 0.5° of longitude at 48°N is 37.2 km from the line.
		{inc(point(48, 36.5, 0)), truce.Violation, []string{"lines v0 rule 1"}, "rule 1 prohibits strikes by any weapon more than 30 km from zone line"},
		{inc(point(48, 36.2, 0)), truce.NoViolation, nil, "it lies 14.9 km from zone line"},
		// Beyond the end of the line, the distance is to its end point.
		{inc(point(49.2, 36, 0)), truce.NoViolation, nil, "it lies 22.2 km from zone line; rule 2 prohibits"},
		{inc(point(48, 36.5, 10000)), truce.Indeterminate, []string{"lines v0 rule 1"}, "its distance to zone line is between 27.2 and 47.2 km"},
		{inc(point(47.53, 34.6, 0)), truce.Violation, []string{"lines v0 rule 1", "lines v0 rule 2"}, "; rule 2 prohibits strikes by any weapon within 5 km of zone plant"},
	}
	for _, tt := range tests {
		v := Evaluate(tt.in, c)
		if v.Verdict != tt.verdict || !slices.Equal(v.Rules, orEmpty(tt.rules)) || !strings.Contains(strings.Join(v.Reasons, "\n"), tt.reason) {
			t.Errorf("%v: %s %q, want %s %q with %q:\n  %s", tt.in.Location, v.Verdict, v.Rules, tt.verdict, tt.rules, tt.reason, strings.Join(v.Reasons, "\n  "))
		}
	}
}
