package agreement

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func templateSource(t *testing.T, id string) []byte {
	t.Helper()
	tp, ok := TemplateByID(id)
	if !ok {
		t.Fatalf("no template %s", id)
	}
	return tp.Source
}

func TestLoadParams(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	src := templateSource(t, "full-ceasefire-30d")
	tests := []struct {
		params   map[string]string
		from, to time.Time
		applied  map[string]string
	}{
		{map[string]string{"start": "2025-09-01T00:00+03:00"}, at(2025, 9, 1, 0, 0), at(2025, 10, 1, 0, 0),
			map[string]string{"start": "2025-09-01T00:00+03:00", "days": "30"}},
		{map[string]string{"start": "2025-09-01T00:00+03:00", "days": "10"}, at(2025, 9, 1, 0, 0), at(2025, 9, 11, 0, 0),
			map[string]string{"start": "2025-09-01T00:00+03:00", "days": "10"}},
		// Without an offset, Kyiv time; 30 days are 30 calendar days there,
		// across the end of summer time (not 720 hours).
		{map[string]string{"start": "2025-10-20T00:00"}, time.Date(2025, 10, 20, 0, 0, 0, 0, kyiv), time.Date(2025, 11, 19, 0, 0, 0, 0, kyiv),
			map[string]string{"start": "2025-10-20T00:00", "days": "30"}},
	}
	for _, tt := range tests {
		a := mustLoad(t, string(src), tt.params, ParseOptions{})
		if !a.InForce.From.Equal(tt.from) || a.InForce.To == nil || !a.InForce.To.Equal(tt.to) {
			t.Errorf("%v: window %v to %v, want %v to %v", tt.params, a.InForce.From, a.InForce.To, tt.from, tt.to)
		}
		if d := cmp.Diff(tt.applied, a.Params); d != "" {
			t.Errorf("%v: params (-want +got):\n%s", tt.params, d)
		}
	}
}

func TestLoadParamErrors(t *testing.T) {
	full := string(templateSource(t, "full-ceasefire-30d"))
	tests := []struct {
		name   string
		doc    string
		params map[string]string
		field  string
		msg    string
	}{
		{"missing", full, nil, "params.start", "required: When the ceasefire begins"},
		{"unknown", full, map[string]string{"start": "2025-09-01T00:00+03:00", "length": "30"}, "params.length", "not a parameter of this document (it takes: days, start)"},
		{"bad time", full, map[string]string{"start": "tomorrow"}, "params.start", `"tomorrow" is not a time`},
		{"bad days", full, map[string]string{"start": "2025-09-01T00:00+03:00", "days": "-3"}, "params.days", `"-3" is not a whole number`},
		{"none taken", baseDoc, map[string]string{"start": "2025-09-01T00:00+03:00"}, "params.start", "this document takes no parameters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(tt.doc), tt.params, ParseOptions{})
			wantProblem(t, err, 0, tt.field, tt.msg)
			if pe := err.(*ParseError); len(pe.Problems) != 1 {
				t.Errorf("want one problem, got %q", pe.Strings())
			}
		})
	}
	bad := "params:\n  start: {type: date}\n" + baseDoc
	_, err := Parse([]byte(bad), ParseOptions{})
	wantProblem(t, err, 2, "params.start.type", "'date' is not one of time, integer")
}

func TestDocumentParams(t *testing.T) {
	specs, err := DocumentParams(templateSource(t, "air-sea-truce"))
	if err != nil {
		t.Fatal(err)
	}
	if len(specs) != 2 || specs[0].Name != "days" || specs[0].Default != "30" || specs[0].Required ||
		specs[1].Name != "start" || !specs[1].Required || specs[1].Type != "time" {
		t.Errorf("specs = %+v", specs)
	}
}

func TestInstantiate(t *testing.T) {
	src := templateSource(t, "air-sea-truce")
	params := map[string]string{"start": "2025-09-01T00:00+03:00", "days": "14"}
	out, err := Instantiate(src, params)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "${") || strings.Contains(string(out), "\nparams:") {
		t.Errorf("instantiated document still has parameters:\n%s", out)
	}
	if !strings.Contains(string(out), "# Truce in the air") {
		t.Errorf("comments were lost:\n%s", out)
	}
	direct := mustLoad(t, string(src), params, ParseOptions{})
	stored := mustLoad(t, string(out), nil, ParseOptions{})
	direct.Params = nil
	if d := cmp.Diff(direct, stored, cmp.Comparer(func(x, y time.Time) bool { return x.Equal(y) })); d != "" {
		t.Errorf("Parse(Instantiate) differs from Load (-load +instantiated):\n%s", d)
	}
	if Fingerprint(direct) != Fingerprint(stored) {
		t.Error("fingerprints differ")
	}
	if _, err := Instantiate(src, nil); err == nil {
		t.Error("Instantiate without the required start succeeded")
	}
}

func TestFingerprint(t *testing.T) {
	base := mustLoad(t, baseDoc, nil, ParseOptions{})
	same := []string{
		// Comments, layout and key order do not count.
		"# a comment\n" + strings.Replace(baseDoc, "parties: [RU, UA]", "parties:\n  - RU\n  - UA", 1),
		strings.Replace(baseDoc, "version: 1", "version: 7", 1),
		strings.Replace(baseDoc, "  from: 2025-04-19T18:00", "  from: 2025-04-19T15:00Z", 1),
		strings.Replace(baseDoc, "  sq: "+squareZone, "  sq: {type: Polygon, coordinates: [[[36, 47], [38, 47], [38, 49], [36, 49], [36, 47]]]}", 1),
	}
	for i, doc := range same {
		if got := Fingerprint(mustLoad(t, doc, nil, ParseOptions{})); got != Fingerprint(base) {
			t.Errorf("same[%d]: fingerprint changed", i)
		}
	}
	different := []string{
		strings.Replace(baseDoc, "title: {en: Test truce}", "title: {en: Test truce, uk: Тестове перемир'я}", 1),
		strings.Replace(baseDoc, "weapons: [ballistic_missile]", "weapons: [ballistic_missile, cruise_missile]", 1),
		strings.Replace(baseDoc, "  to: 2025-04-21T00:00", "  to: 2025-04-21T00:01", 1),
		strings.Replace(baseDoc, "[[36,47],[38,47]", "[[36,47],[38.5,47]", 1),
	}
	for i, doc := range different {
		if got := Fingerprint(mustLoad(t, doc, nil, ParseOptions{})); got == Fingerprint(base) {
			t.Errorf("different[%d]: fingerprint unchanged", i)
		}
	}
	if len(Fingerprint(base)) != 64 {
		t.Errorf("fingerprint %q is not a hex SHA-256", Fingerprint(base))
	}
}
