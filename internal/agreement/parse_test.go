package agreement

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

// specExample is the document of agreement-format.md, with texts filled in.
const specExample = `id: energy-moratorium-2025          # stable id, [a-z0-9-]
version: 1
title:
  en: Moratorium on strikes against energy infrastructure
  uk: Мораторій на удари по енергетичній інфраструктурі
  ru: Мораторий на удары по энергетической инфраструктуре
kind: energy
parties: [RU, UA]
declared_by: [RU, UA]
timezone: Europe/Moscow
in_force:
  from: 2025-03-18T00:00
  to: 2025-04-17T00:00
  disputed:
    - party: UA
      from: 2025-03-25T00:00+02:00
zones:
  contact_line: {file: contact-line.geojson}
rules:
  - id: "1"
    text:
      en: The parties refrain from strikes on energy infrastructure.
    prohibits:
      kinds: [strike]
      weapons: any
      targets: [energy]
      where: anywhere
    by: [RU, UA]
exceptions:
  - id: air-defence
    text: {en: Engaging incoming missiles and drones is not a strike.}
    matches: {kinds: [strike], targets: [military.air_defence_engagement]}
`

const squareZone = `{"type":"Polygon","coordinates":[[[36,47],[38,47],[38,49],[36,49],[36,47]]]}`

func TestParseSpecExample(t *testing.T) {
	files := fstest.MapFS{"contact-line.geojson": {Data: []byte(squareZone)}}
	a := mustLoad(t, specExample, nil, ParseOptions{FS: files})
	from := at(2025, 3, 18, 0, 0)
	to := at(2025, 4, 17, 0, 0)
	uaFrom := time.Date(2025, 3, 25, 0, 0, 0, 0, time.FixedZone("", 2*3600))
	want := &truce.Agreement{
		ID: "energy-moratorium-2025", Version: 1,
		Title: truce.Texts{
			En: "Moratorium on strikes against energy infrastructure",
			Uk: "Мораторій на удари по енергетичній інфраструктурі",
			Ru: "Мораторий на удары по энергетической инфраструктуре",
		},
		Kind: "energy", Parties: []string{"RU", "UA"}, DeclaredBy: []string{"RU", "UA"},
		Timezone: "Europe/Moscow",
		InForce:  truce.InForce{From: from, To: &to, Disputed: []truce.DisputedWindow{{Party: "UA", From: &uaFrom}}},
		Zones:    map[string]truce.Zone{"contact_line": {File: "contact-line.geojson", GeoJSON: json.RawMessage(squareZone)}},
		Rules: []truce.Rule{{
			ID:   "1",
			Text: truce.Texts{En: "The parties refrain from strikes on energy infrastructure."},
			Prohibits: truce.Acts{
				Kinds: []truce.Kind{truce.KindStrike}, Targets: truce.ClassSet{"energy"},
			},
			By: []string{"RU", "UA"},
		}},
		Exceptions: []truce.Exception{{
			ID:      "air-defence",
			Text:    truce.Texts{En: "Engaging incoming missiles and drones is not a strike."},
			Matches: truce.Acts{Kinds: []truce.Kind{truce.KindStrike}, Targets: truce.ClassSet{"military.air_defence_engagement"}},
		}},
	}
	if d := cmp.Diff(want, a, cmp.Comparer(func(x, y time.Time) bool { return x.Equal(y) })); d != "" {
		t.Errorf("parsed agreement (-want +got):\n%s", d)
	}
	if got := a.InForce.From.Location().String(); got != "Europe/Moscow" {
		t.Errorf("from read in %s, want Europe/Moscow", got)
	}
	if !a.Bound("RU") || !a.Bound("UA") || !a.AllBound() {
		t.Errorf("bound: RU %v UA %v all %v", a.Bound("RU"), a.Bound("UA"), a.AllBound())
	}
	if got := a.Cite("1"); got != "energy-moratorium-2025 v1 rule 1" {
		t.Errorf("Cite = %q", got)
	}
}

func TestParseTimes(t *testing.T) {
	kyiv, _ := time.LoadLocation("Europe/Kyiv")
	tests := []struct {
		tz, in string
		want   time.Time
	}{
		{"Europe/Moscow", "2025-03-18T00:00", at(2025, 3, 18, 0, 0)},
		{"Europe/Moscow", "2025-03-18T00:00:30", at(2025, 3, 18, 0, 0).Add(30 * time.Second)},
		{"Europe/Moscow", "2025-03-18", at(2025, 3, 18, 0, 0)},
		{"Europe/Moscow", "2025-03-18 06:00", at(2025, 3, 18, 6, 0)},
		{"Europe/Moscow", "2025-03-25T00:00+02:00", at(2025, 3, 25, 1, 0)},
		{"Europe/Moscow", "2025-03-25T00:00:00Z", at(2025, 3, 25, 3, 0)},
		{"Europe/Kyiv", "2025-03-29T12:00", time.Date(2025, 3, 29, 12, 0, 0, 0, kyiv)}, // +02:00
		{"Europe/Kyiv", "2025-03-31T12:00", time.Date(2025, 3, 31, 9, 0, 0, 0, time.UTC)},
		{"", "2025-09-01T00:00+03:00", at(2025, 9, 1, 0, 0)},
	}
	for _, tt := range tests {
		doc := "id: x\nparties: [RU, UA]\n"
		if tt.tz != "" {
			doc += "timezone: " + tt.tz + "\n"
		}
		doc += "in_force: {from: \"" + tt.in + "\"}\nrules: [{id: a, prohibits: {kinds: [strike]}}]\n"
		a, err := Parse([]byte(doc), ParseOptions{})
		if err != nil {
			t.Errorf("%s in %s: %v", tt.in, tt.tz, err)
			continue
		}
		if !a.InForce.From.Equal(tt.want) {
			t.Errorf("%s in %s = %v, want %v", tt.in, tt.tz, a.InForce.From, tt.want)
		}
	}
	if kyiv.String() != "Europe/Kyiv" {
		t.Fatal("no tz data")
	}
}

func TestParseNumericIDsAndDefaults(t *testing.T) {
	a := mustLoad(t, `
id: local-1
parties: [RU, UA]
in_force: {from: 2025-01-01T00:00Z}
rules:
  - id: 1
    prohibits: {}
  - id: 2.1
    prohibits: {kinds: [strike, ground_assault]}
`[1:], nil, ParseOptions{})
	if a.Rules[0].ID != "1" || a.Rules[1].ID != "2.1" {
		t.Errorf("ids = %q, %q", a.Rules[0].ID, a.Rules[1].ID)
	}
	p := a.Rules[0].Prohibits
	if len(p.Kinds) != 0 || !p.Weapons.Any() || !p.Targets.Any() || !p.Where.Anywhere() || a.Rules[0].By != nil {
		t.Errorf("an empty prohibits should cover any act by any party: %+v", a.Rules[0])
	}
	if a.Version != 0 || a.InForce.To != nil || a.DeclaredBy != nil || !a.AllBound() {
		t.Errorf("defaults: version %d, to %v, declared_by %v", a.Version, a.InForce.To, a.DeclaredBy)
	}
}

// TestParseSingleValues: a single value stands for a list of one.
func TestParseSingleValues(t *testing.T) {
	a := mustLoad(t, `id: one
parties: [RU, UA]
declared_by: RU
in_force: {from: 2025-01-01T00:00Z}
rules:
  - {id: "1", prohibits: {kinds: strike, weapons: drone.long_range, targets: energy, where: {country: UA}}, by: RU}
`, nil, ParseOptions{})
	r := a.Rules[0]
	want := truce.Rule{ID: "1", By: []string{"RU"}, Prohibits: truce.Acts{Kinds: []truce.Kind{"strike"},
		Weapons: truce.ClassSet{"drone.long_range"}, Targets: truce.ClassSet{"energy"}, Where: truce.Where{Country: []string{"UA"}}}}
	if d := cmp.Diff(want, r); d != "" || !slices.Equal(a.DeclaredBy, []string{"RU"}) {
		t.Errorf("rule (-want +got):\n%s\ndeclared_by %v", d, a.DeclaredBy)
	}
}

func TestParseWhereForms(t *testing.T) {
	src := `id: zones-test
parties: [RU, UA]
in_force: {from: 2025-01-01T00:00Z}
zones:
  sq: ` + squareZone + `
  yamlsq:
    type: Polygon
    coordinates: [[[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]]]
rules:
  - {id: a, prohibits: {where: anywhere}}
  - {id: b, prohibits: {where: {inside: sq}}}
  - {id: c, prohibits: {where: {outside: yamlsq}}}
  - {id: d, prohibits: {where: {within_km: 10, of: sq}}}
  - {id: e, prohibits: {where: {beyond_km: 30.5, of: sq}}}
  - {id: f, prohibits: {where: {country: [UA, RU]}}}
`
	a := mustLoad(t, src, nil, ParseOptions{})
	want := []truce.Where{{}, {Inside: "sq"}, {Outside: "yamlsq"}, {WithinKm: 10, Of: "sq"}, {BeyondKm: 30.5, Of: "sq"}, {Country: []string{"UA", "RU"}}}
	for i, r := range a.Rules {
		if d := cmp.Diff(want[i], r.Prohibits.Where); d != "" {
			t.Errorf("rule %s where (-want +got):\n%s", r.ID, d)
		}
	}
	if _, err := Compile(a); err != nil {
		t.Fatal(err)
	}
}

func TestParseZoneFiles(t *testing.T) {
	doc := "id: z\nparties: [RU, UA]\nin_force: {from: 2025-01-01T00:00Z}\nzones:\n  sq: {file: zones/sq.geojson}\nrules: [{id: a, prohibits: {where: {inside: sq}}}]\n"
	files := fstest.MapFS{"zones/sq.geojson": {Data: []byte(squareZone)}}
	a := mustLoad(t, doc, nil, ParseOptions{FS: files})
	if a.Zones["sq"].File != "zones/sq.geojson" || string(a.Zones["sq"].GeoJSON) != squareZone {
		t.Errorf("zone = %+v", a.Zones["sq"])
	}
	dir := t.TempDir()
	if err := writeFile(dir+"/sq.geojson", squareZone); err != nil {
		t.Fatal(err)
	}
	doc2 := strings.Replace(doc, "zones/sq.geojson", "sq.geojson", 1)
	mustLoad(t, doc2, nil, ParseOptions{Dir: dir})
	_, err := Parse([]byte(doc2), ParseOptions{})
	wantProblem(t, err, 5, "zones.sq.file", "give the zone's GeoJSON inline")
}

func wantProblem(t *testing.T, err error, line int, field, msg string) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *ParseError", err)
	}
	for _, p := range pe.Problems {
		if p.Line == line && p.Field == field && strings.Contains(p.Message, msg) {
			return
		}
	}
	t.Errorf("no problem at line %d, field %s, containing %q; got:\n  %s", line, field, msg, strings.Join(pe.Strings(), "\n  "))
}

func TestParseErrorIsInvalid(t *testing.T) {
	_, err := Parse([]byte("id: BAD\n"), ParseOptions{})
	if code := truce.ErrorCode(err); code != truce.EINVALID {
		t.Errorf("code = %q, want %q", code, truce.EINVALID)
	}
	if !strings.HasPrefix(err.Error(), "line 1: id: ") {
		t.Errorf("message = %q", err.Error())
	}
}

func writeFile(name, data string) error { return os.WriteFile(name, []byte(data), 0o644) }

// TestAppendTime checks the fast time format against the time package's.
func TestAppendTime(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	kyiv, _ := time.LoadLocation("Europe/Kyiv")
	locs := []*time.Location{time.UTC, msk, kyiv, time.FixedZone("", -5*3600-30*60), time.FixedZone("", 5*3600+45*60)}
	for i := 0; i < 100000; i++ {
		tm := time.Unix(r.Int64N(20_000_000_000)-8_000_000_000, 0).In(locs[r.IntN(len(locs))])
		switch r.IntN(4) {
		case 0:
			tm = tm.Truncate(time.Minute)
		case 1:
			tm = tm.Add(time.Duration(r.Int64N(1e9)))
		case 2:
			tm = tm.Add(time.Duration(r.Int64N(1000)) * time.Millisecond)
		}
		want := tm.Format("2006-01-02T15:04Z07:00")
		if tm.Second() != 0 || tm.Nanosecond() != 0 {
			want = tm.Format("2006-01-02T15:04:05.999999999Z07:00")
		}
		if got := fmtTime(tm); got != want {
			t.Fatalf("fmtTime(%v) = %s, want %s", tm, got, want)
		}
	}
	if got := fmtTime(time.Date(2025, 4, 20, 7, 10, 0, 5, msk)); got != "2025-04-20T07:10:00.000000005+03:00" {
		t.Errorf("nanoseconds: %s", got)
	}
}
