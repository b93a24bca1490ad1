package agreement

import (
	"errors"
	"strings"
	"testing"
)

// baseDoc is a valid document; each error case edits one line of it. Its
// line numbers are the ones the cases expect.
var baseDoc = strings.Join([]string{
	/* 1 */ "id: test-truce",
	/* 2 */ "version: 1",
	/* 3 */ "title: {en: Test truce}",
	/* 4 */ "kind: full",
	/* 5 */ "parties: [RU, UA]",
	/* 6 */ "declared_by: [RU, UA]",
	/* 7 */ "timezone: Europe/Moscow",
	/* 8 */ "in_force:",
	/* 9 */ "  from: 2025-04-19T18:00",
	/* 10 */ "  to: 2025-04-21T00:00",
	/* 11 */ "zones:",
	/* 12 */ "  sq: " + squareZone,
	/* 13 */ "rules:",
	/* 14 */ "  - id: \"1\"",
	/* 15 */ "    prohibits:",
	/* 16 */ "      kinds: [strike]",
	/* 17 */ "      weapons: [ballistic_missile]",
	/* 18 */ "      targets: any",
	/* 19 */ "      where: anywhere",
	/* 20 */ "    by: [RU, UA]",
	/* 21 */ "exceptions:",
	/* 22 */ "  - id: ad",
	/* 23 */ "    matches: {kinds: [strike], targets: [military.air_defence_engagement]}",
}, "\n") + "\n"

// edit replaces line n (1-based) of baseDoc; "" deletes it.
func edit(n int, with string) string {
	lines := strings.Split(baseDoc, "\n")
	if with == "" {
		lines = append(lines[:n-1], lines[n:]...)
	} else {
		lines[n-1] = with
	}
	return strings.Join(lines, "\n")
}

func TestBaseDocParses(t *testing.T) {
	mustLoad(t, baseDoc, nil, ParseOptions{})
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc string
		line      int
		field     string
		msg       string
	}{
		{"not yaml", edit(5, "parties: [RU, UA"), 5, "", "not valid YAML: did not find expected ',' or ']'"},
		{"bad indentation", edit(6, "  declared_by: [RU]"), 6, "", "not valid YAML"},
		{"tab", edit(6, "\tdeclared_by: [RU]"), 6, "", "not valid YAML"},
		{"empty", "", 0, "", "empty document"},
		{"comment only", "# nothing\n", 0, "", "empty document"},
		{"root not a mapping", "- id: x\n", 1, "", "must be a mapping"},
		{"two documents", baseDoc + "---\nid: other\n", 24, "", "more than one YAML document"},
		{"missing id", edit(1, "# no id"), 2, "id", "required"},
		{"bad id", edit(1, "id: Easter_Truce"), 1, "id", `"Easter_Truce" is not a valid id`},
		{"unknown top field", edit(4, "knd: full"), 4, "knd", "unknown field 'knd'; known: id, version, title"},
		{"duplicate field", edit(4, "id: again"), 4, "id", "given twice (first on line 1)"},
		{"version zero", edit(2, "version: 0"), 2, "version", "not a whole number"},
		{"version text", edit(2, "version: one"), 2, "version", `"one" is not a whole number`},
		{"unknown kind of agreement", edit(4, "kind: ceasefire"), 4, "kind", "'ceasefire' is not one of full, air, energy, maritime, local, custom"},
		{"title language", edit(3, "title: {de: Waffenruhe}"), 3, "title.de", "unknown field 'de'; known: en, uk, ru"},
		{"title not a mapping", edit(3, "title: Test"), 3, "title", "must be a mapping"},
		{"missing parties", edit(5, ""), 1, "parties", "required"},
		{"empty parties", edit(5, "parties: []"), 5, "parties", "empty list"},
		{"bad party code", edit(5, "parties: [ru, UA]"), 5, "parties", `"ru" is not a party code`},
		{"party twice", edit(5, "parties: [RU, RU]"), 5, "parties", "'RU' listed twice"},
		{"declared_by not a party", edit(6, "declared_by: [BY]"), 6, "declared_by", "'BY' is not one of the parties (RU, UA)"},
		{"bad timezone", edit(7, "timezone: Europe/Atlantis"), 7, "timezone", `"Europe/Atlantis" is not an IANA time zone`},
		{"local timezone", edit(7, "timezone: Local"), 7, "timezone", "not an IANA time zone"},
		{"no timezone for local time", edit(7, "# no timezone"), 9, "in_force.from", "has no offset and the document gives no timezone"},
		{"bad time", edit(9, "  from: 2025-13-01T00:00"), 9, "in_force.from", `"2025-13-01T00:00" is not a time`},
		{"missing from", edit(9, "  # no from"), 10, "in_force.from", "required"},
		{"to before from", edit(10, "  to: 2025-04-19T17:00"), 10, "in_force.to", "is not after in_force.from"},
		{"to equals from", edit(10, "  to: 2025-04-19T18:00"), 10, "in_force.to", "is not after in_force.from"},
		{"to and days", edit(10, "  to: 2025-04-21T00:00\n  days: 3"), 11, "in_force.days", "give either to or days, not both"},
		{"days zero", edit(10, "  days: 0"), 10, "in_force.days", "not a whole number"},
		{"unknown in_force field", edit(10, "  until: 2025-04-21T00:00"), 10, "in_force.until", "unknown field 'until'"},
		{"disputed unknown party", edit(10, "  to: 2025-04-21T00:00\n  disputed: [{party: BY, from: 2025-04-20T00:00}]"), 11, "in_force.disputed[0].party", "'BY' is not one of the parties"},
		{"disputed without a reading", edit(10, "  to: 2025-04-21T00:00\n  disputed: [{party: UA}]"), 11, "in_force.disputed[0]", "give the party's reading"},
		{"disputed empty window", edit(10, "  to: 2025-04-21T00:00\n  disputed: [{party: UA, from: 2025-04-22T00:00}]"), 11, "in_force.disputed[0]", "the reading's window is empty"},
		{"zone bad geojson", edit(12, `  sq: {type: Circle, coordinates: [30, 50]}`), 12, "zones.sq", `not a GeoJSON zone: geojson: type "Circle" is not a GeoJSON geometry`},
		{"zone bad position", edit(12, `  sq: {type: Point, coordinates: [300, 50]}`), 12, "zones.sq", "[300, 50] is not a longitude and latitude"},
		{"zone short line", edit(12, `  sq: {type: LineString, coordinates: [[30, 50]]}`), 12, "zones.sq", "a line needs at least two positions"},
		{"zone bad ring", edit(12, `  sq: {type: Polygon, coordinates: [[[30, 50], [31, 51]]]}`), 12, "zones.sq", "not a GeoJSON zone"},
		{"zone empty", edit(12, `  sq: {type: FeatureCollection, features: []}`), 12, "zones.sq", "has no polygon, line or point"},
		{"inside a line", strings.Replace(edit(12, `  sq: {type: LineString, coordinates: [[30, 50], [31, 51]]}`), "where: anywhere", "where: {inside: sq}", 1), 19, "rules[0].prohibits.where.inside", "zone 'sq' is only lines or points, which have no inside"},
		{"zone path without folder", edit(12, "  sq: somewhere.geojson"), 12, "zones.sq", "zone files cannot be read"},
		{"zone not geojson", edit(12, "  sq: [1, 2]"), 12, "zones.sq", "must be GeoJSON"},
		{"zone file without folder", edit(12, "  sq: {file: sq.geojson}"), 12, "zones.sq.file", "give the zone's GeoJSON inline"},
		{"zone bad name", edit(12, "  s q: "+squareZone), 12, "zones.s q", "not a zone name"},
		{"missing rules", strings.Split(baseDoc, "rules:")[0], 1, "rules", "required"},
		{"empty rules", edit(13, "rules: []\nrules_were:"), 14, "rules_were", "unknown field"},
		{"no rules", strings.Split(baseDoc, "rules:")[0] + "rules: []\n", 13, "rules", "no rules"},
		{"rule without id", edit(14, "  - text: {en: x}"), 14, "rules[0].id", "required"},
		{"rule id twice", edit(21, "  - id: \"1\"\n    prohibits: {kinds: [strike]}\nexceptions:"), 21, "rules[1].id", "'1' is already the id of the entry on line 14"},
		{"rule without prohibits", edit(15, "    text: {en: x}\n    prohibit:"), 16, "rules[0].prohibit", "unknown field 'prohibit'; known: id, text, prohibits, by"},
		{"unknown prohibits field", edit(17, "      weapon: [ballistic_missile]"), 17, "rules[0].prohibits.weapon", "unknown field 'weapon'; known: kinds, weapons, targets, where"},
		{"unknown report kind", edit(16, "      kinds: [airstrike]"), 16, "rules[0].prohibits.kinds", "unknown kind 'airstrike'; known: strike, ground_assault"},
		{"empty kinds", edit(16, "      kinds: []"), 16, "rules[0].prohibits.kinds", "empty list"},
		{"unknown weapon class", edit(17, "      weapons: [ballistic]"), 17, "rules[0].prohibits.weapons", "unknown class 'ballistic'; known: ballistic_missile, cruise_missile"},
		{"weapon class as a text", edit(17, "      weapons: ballistic"), 17, "rules[0].prohibits.weapons", "unknown class 'ballistic'"},
		{"parties as a mapping", edit(5, "parties: {RU: yes}"), 5, "parties", "must be a list, got a mapping"},
		{"any in a list", edit(17, "      weapons: [any]"), 17, "rules[0].prohibits.weapons", "write any on its own"},
		{"unknown in a rule", edit(17, "      weapons: [unknown]"), 17, "rules[0].prohibits.weapons", "cannot name the class unknown"},
		{"unknown target class", edit(18, "      targets: [power_plant]"), 18, "rules[0].prohibits.targets", "unknown class 'power_plant'; known: residential, energy"},
		{"where word", edit(19, "      where: everywhere"), 19, "rules[0].prohibits.where", `"everywhere" is not a place condition`},
		{"where unknown zone", edit(19, "      where: {inside: front}"), 19, "rules[0].prohibits.where.inside", "unknown zone 'front'; zones: sq"},
		{"where two forms", edit(19, "      where: {inside: sq, country: [UA]}"), 19, "rules[0].prohibits.where", "gives inside, country together"},
		{"where km without zone", edit(19, "      where: {beyond_km: 30}"), 19, "rules[0].prohibits.where", "gives beyond_km together"},
		{"where negative km", edit(19, "      where: {within_km: -5, of: sq}"), 19, "rules[0].prohibits.where.within_km", "not a distance in kilometres greater than 0"},
		{"where bad country", edit(19, "      where: {country: [Ukraine]}"), 19, "rules[0].prohibits.where.country", `"Ukraine" is not an ISO 3166-1 alpha-2`},
		{"where unknown form", edit(19, "      where: {near: sq}"), 19, "rules[0].prohibits.where.near", "unknown field 'near'"},
		{"by unknown party", edit(20, "    by: [RU, BY]"), 20, "rules[0].by", "'BY' is not one of the parties (RU, UA)"},
		{"exception matching everything", edit(23, "    matches: {}"), 23, "exceptions[0].matches", "would void the agreement"},
		{"exception without matches", edit(23, "    text: {en: x}"), 22, "exceptions[0].matches", "required"},
		{"exception unknown class", edit(23, "    matches: {targets: [air_defence]}"), 23, "exceptions[0].matches.targets", "unknown class 'air_defence'"},
		{"undeclared parameter", edit(9, "  from: ${start}"), 9, "", "${start} names no parameter of this document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse([]byte(tt.doc), ParseOptions{})
			if err == nil {
				t.Fatalf("parsed without error: %+v", a)
			}
			wantProblem(t, err, tt.line, tt.field, tt.msg)
		})
	}
}

// TestParseErrorsAll checks that every problem of a document is reported,
// in line order, and not just the first.
func TestParseErrorsAll(t *testing.T) {
	doc := edit(17, "      weapons: [ballistic, cruise_missile, drone.longrange]")
	doc = strings.Replace(doc, "kind: full", "kind: truce", 1)
	doc = strings.Replace(doc, "    by: [RU, UA]", "    by: [RU, BY]", 1)
	_, err := Parse([]byte(doc), ParseOptions{})
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		"line 4: kind: 'truce' is not one of full, air, energy, maritime, local, custom",
		"line 17: rules[0].prohibits.weapons: unknown class 'ballistic'; known: ballistic_missile, cruise_missile, hypersonic_missile, drone, drone.long_range, drone.tactical, glide_bomb, aircraft, artillery, mlrs, mortar, tank, small_arms",
		"line 17: rules[0].prohibits.weapons: unknown class 'drone.longrange'; known: ballistic_missile, cruise_missile, hypersonic_missile, drone, drone.long_range, drone.tactical, glide_bomb, aircraft, artillery, mlrs, mortar, tank, small_arms",
		"line 20: rules[0].by: 'BY' is not one of the parties (RU, UA)",
	}
	got := pe.Strings()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if err.Error() != strings.Join(want, "; ") {
		t.Errorf("Error() = %q", err.Error())
	}
}

// TestParseAliasBomb checks that aliases cannot make a small document
// expensive: a chain of lists of aliases expands to 10^10 nodes.
func TestParseAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("x0: &l0 [[30, 50], [31, 50], [31, 51], [30, 50], [30, 50], [30, 50], [30, 50], [30, 50], [30, 50], [30, 50]]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("x" + itoa(i) + ": &l" + itoa(i) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	doc := b.String() + strings.Replace(baseDoc, "  sq: "+squareZone, "  sq: {type: Polygon, coordinates: *l9}", 1)
	_, err := Parse([]byte(doc), ParseOptions{})
	wantProblem(t, err, 22, "zones.sq", "YAML aliases are not allowed inside a zone's geometry")
	wantProblem(t, err, 1, "x0", "unknown field 'x0'")
}

func TestParseMissingPartiesIsOneProblem(t *testing.T) {
	_, err := Parse([]byte(edit(5, "")), ParseOptions{})
	var pe *ParseError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 {
		t.Errorf("want only parties: required, got %v", err)
	}
}

func itoa(i int) string { return string(rune('0' + i)) }
