package demo

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/truce-monitor/truce"
)

// decodeAll decodes and validates every line of the embedded scenario.
func decodeAll(t *testing.T) []truce.Report {
	t.Helper()
	v := truce.Validator{Parties: map[string]bool{"RU": true, "UA": true}}
	now := time.Date(2025, 9, 12, 0, 0, 0, 0, time.UTC)
	var out []truce.Report
	sc := bufio.NewScanner(bytes.NewReader(Scenario()))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		r, errs := truce.DecodeReport(sc.Bytes())
		if len(errs) == 0 {
			errs = v.Validate(&r, now)
		}
		for _, e := range errs {
			t.Errorf("line %d: %s", line, e)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestScenarioDecodesAndValidates(t *testing.T) {
	reps := decodeAll(t)
	for i, r := range reps {
		for k := range r.Extra {
			if k != "source.via" {
				t.Errorf("line %d: unexpected unknown field %q", i+1, k)
			}
		}
		if r.ReportedAt == nil || r.ReportedAt.Before(r.Occurred.From) {
			t.Errorf("line %d (%s): published %v before the window opens %v", i+1, r.Source.Ref, r.ReportedAt, r.Occurred.From)
		}
		if r.LaunchedAt != nil && r.LaunchedAt.After(r.Occurred.To) {
			t.Errorf("line %d: launched after impact", i+1)
		}
	}
}

func TestScenarioSize(t *testing.T) {
	reps := decodeAll(t)
	if n := len(reps); n < 300 || n > 500 {
		t.Errorf("%d reports, want 300 to 500", n)
	}
	if n := Reports(); n != len(reps) {
		t.Errorf("Reports() = %d, scenario has %d lines", n, len(reps))
	}
	if n := Events(); n < 80 || n > 120 {
		t.Errorf("%d base events, want 80 to 120", n)
	}
	if got, want := len(reps), Tallies()+countTells(); got != want {
		t.Errorf("%d reports, want one per tell and tally (%d)", got, want)
	}
}

func countTells() int {
	n := 0
	for _, e := range allEvents() {
		n += len(e.tells)
	}
	return n
}

func TestScenarioRefsUnique(t *testing.T) {
	seen := map[[2]string]int{}
	for i, r := range decodeAll(t) {
		if r.Source.Ref == "" {
			t.Errorf("line %d: no source.ref", i+1)
		}
		k := [2]string{r.Source.Name, r.Source.Ref}
		if j, ok := seen[k]; ok {
			t.Errorf("line %d repeats (%s, %s) of line %d", i+1, k[0], k[1], j)
		}
		seen[k] = i + 1
	}
}

// TestScenarioMix checks that the scenario has the variety it promises:
// every kind of source, three languages, both parties' tallies and
// complaints, each attribution, and reports before and during the truce.
func TestScenarioMix(t *testing.T) {
	reps := decodeAll(t)
	types := map[truce.SourceType]int{}
	langs := map[string]int{}
	attrib := map[string]int{}
	kinds := map[truce.Kind]int{}
	tallies := map[string]int{}
	start, _ := truce.ParseTime(TruceStart)
	var before, during, straddle int
	for _, r := range reps {
		types[r.Source.Type]++
		if r.Source.Type == truce.SourceNews {
			langs[r.Language]++
		}
		attrib[r.AttributedTo]++
		kinds[r.Kind]++
		if r.Aggregate && r.Counts != nil && r.Counts.Intercepted != nil {
			tallies[r.Source.Party]++
		}
		switch {
		case r.Occurred.To.Before(start):
			before++
		case !r.Occurred.From.Before(start):
			during++
		default:
			straddle++
		}
	}
	for _, st := range []truce.SourceType{truce.SourceMonitor, truce.SourceSensor, truce.SourceParty, truce.SourceNews} {
		if types[st] < 10 {
			t.Errorf("%d reports of source type %s, want at least 10", types[st], st)
		}
	}
	for _, l := range []string{"en", "uk", "ru"} {
		if langs[l] < 15 {
			t.Errorf("%d news items in %q, want at least 15", langs[l], l)
		}
	}
	for _, a := range []string{"RU", "UA", truce.Unknown} {
		if attrib[a] < 5 {
			t.Errorf("%d reports attributed to %s, want at least 5", attrib[a], a)
		}
	}
	for _, k := range []truce.Kind{truce.KindStrike, truce.KindExplosion, truce.KindGroundAssault, truce.KindAirspaceViolation, truce.KindWeaponsMovement} {
		if kinds[k] == 0 {
			t.Errorf("no report of kind %s", k)
		}
	}
	if tallies["UA"] < 10 || tallies["RU"] < 10 {
		t.Errorf("tallies by party %v, want at least 10 each", tallies)
	}
	if before < 100 || during < 100 || straddle < 3 {
		t.Errorf("%d reports before the truce, %d during, %d straddling its start; want ≥100, ≥100, ≥3", before, during, straddle)
	}
}

// TestScenarioCoversTheTerms checks that the events exercise each part of
// the air-sea truce: covered weapons, energy targets, uncovered weapons,
// the air-defence exception, contested attribution.
func TestScenarioCoversTheTerms(t *testing.T) {
	weapons := map[string]bool{}
	targets := map[string]bool{}
	attrib := map[string]map[string]bool{} // event id → attributions its reports give
	for _, e := range allEvents() {
		attrib[e.id] = map[string]bool{}
	}
	refEvent := map[string]string{}
	for _, ev := range Catalog() {
		for _, ref := range ev.Refs {
			refEvent[ref] = ev.ID
		}
	}
	for _, r := range decodeAll(t) {
		for _, w := range r.Weapons {
			weapons[w.Class] = true
		}
		if r.Target != nil {
			targets[r.Target.Class] = true
		}
		if id, ok := refEvent[r.Source.Ref]; ok && r.Source.Type != truce.SourceSensor {
			attrib[id][r.AttributedTo] = true
		}
	}
	for _, c := range []string{"ballistic_missile", "cruise_missile", "hypersonic_missile", "drone", "drone.long_range",
		"drone.tactical", "glide_bomb", "artillery", "mlrs", "mortar"} {
		if !weapons[c] {
			t.Errorf("no report names weapon class %s", c)
		}
	}
	for _, c := range []string{"residential", "energy.refinery", "energy.oil_gas", "energy.power_generation",
		"energy.power_grid", "energy.nuclear", "energy.hydro", "infrastructure.port", "military",
		"military.air_defence_engagement", "medical"} {
		if !targets[c] {
			t.Errorf("no report names target class %s", c)
		}
	}
	contested := 0
	for _, as := range attrib {
		if as["RU"] && as["UA"] {
			contested++
		}
	}
	if contested < 3 {
		t.Errorf("%d events where sources blame different parties, want at least 3", contested)
	}
}

// TestAlaskaSummitIncident checks the incident reported on the day of the
// Alaska summit: a Russian ballistic missile on Dnipropetrovsk region, one
// killed and one wounded, told in English and Ukrainian news, by the
// Ukrainian Air Force and by a monitor.
func TestAlaskaSummitIncident(t *testing.T) {
	day := time.Date(2025, 8, 15, 0, 0, 0, 0, zone)
	have := map[string]bool{}
	for _, r := range decodeAll(t) {
		if r.Aggregate || !r.Occurred.Overlaps(truce.Window{From: day, To: day.Add(24*time.Hour - time.Minute)}, 0) {
			continue
		}
		if r.AttributedTo != "RU" || !hasWeapon(r, "ballistic_missile") {
			continue
		}
		inRegion := r.Location.Admin1 == "Dnipropetrovsk" ||
			(r.Location.Lat != nil && *r.Location.Lat > 47.5 && *r.Location.Lat < 49.2 && *r.Location.Lon > 33 && *r.Location.Lon < 36.9)
		if !inRegion {
			continue
		}
		toll := r.Casualties.Killed != nil && *r.Casualties.Killed == 1 && r.Casualties.Injured != nil && *r.Casualties.Injured == 1
		switch {
		case r.Source.Type == truce.SourceNews && toll:
			have["news-"+r.Language] = true
		case r.Source.Name == "Ukrainian Air Force":
			have["air-force"] = true
		case r.Source.Type == truce.SourceMonitor && toll && r.Location.Lat != nil:
			have["monitor"] = true
		}
	}
	for _, k := range []string{"news-en", "news-uk", "air-force", "monitor"} {
		if !have[k] {
			t.Errorf("no %s report of the Alaska-summit-day strike", k)
		}
	}
}

func hasWeapon(r truce.Report, class string) bool {
	for _, w := range r.Weapons {
		if truce.ClassCovers(class, w.Class) {
			return true
		}
	}
	return false
}

// TestGenerateDeterministic checks that the generator gives the same bytes
// every time and that the embedded file is what it gives.
func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(), Generate()
	if !bytes.Equal(a, b) {
		t.Fatal("two runs of Generate differ")
	}
	if !bytes.Equal(a, Scenario()) {
		t.Fatal("scenario.ndjson is stale: run go generate ./internal/demo")
	}
}

func TestScenarioDates(t *testing.T) {
	lo := time.Date(2025, 7, 31, 18, 0, 0, 0, zone)
	hi := time.Date(2025, 9, 11, 0, 0, 0, 0, zone)
	for _, r := range decodeAll(t) {
		if r.Occurred.From.Before(lo) || r.Occurred.To.After(hi) {
			t.Errorf("%s: window %v–%v outside the scenario", r.Source.Ref, r.Occurred.From, r.Occurred.To)
		}
	}
	if _, err := truce.ParseTime(TruceStart); err != nil {
		t.Errorf("TruceStart: %v", err)
	}
}

// TestCatalog checks that every event's refs are reports of the scenario
// and that every report that is not a tally belongs to one event.
func TestCatalog(t *testing.T) {
	refs := map[string]bool{}
	for _, r := range decodeAll(t) {
		if !r.Aggregate {
			refs[r.Source.Ref] = true
		}
	}
	cat := Catalog()
	if len(cat) != Events() {
		t.Fatalf("Catalog has %d events, Events() = %d", len(cat), Events())
	}
	found := false
	for _, ev := range cat {
		if ev.ID == AlaskaEvent {
			found = true
		}
		if len(ev.Refs) == 0 || len(ev.Refs) > 8 {
			t.Errorf("%s: %d reports", ev.ID, len(ev.Refs))
		}
		for _, ref := range ev.Refs {
			if !refs[ref] {
				t.Errorf("%s: ref %s is not a report of the scenario (or is in two events)", ev.ID, ref)
			}
			delete(refs, ref)
		}
	}
	if !found {
		t.Errorf("AlaskaEvent %q not in the catalogue", AlaskaEvent)
	}
	for ref := range refs {
		t.Errorf("report %s belongs to no event", ref)
	}
}

// TestTextsInTheirLanguage checks that each text is written in the script
// and alphabet of its language: no Cyrillic in English, no letters proper
// to Russian in Ukrainian, none proper to Ukrainian in Russian.
func TestTextsInTheirLanguage(t *testing.T) {
	for _, r := range decodeAll(t) {
		txt := strings.ToLower(r.Text)
		var bad string
		switch r.Language {
		case "en":
			if strings.IndexFunc(txt, func(c rune) bool { return unicode.Is(unicode.Cyrillic, c) }) >= 0 {
				bad = "Cyrillic in English"
			}
		case "uk":
			if strings.ContainsAny(txt, "ыэъё") {
				bad = "Russian letters in Ukrainian"
			}
		case "ru":
			if strings.ContainsAny(txt, "іїєґ") {
				bad = "Ukrainian letters in Russian"
			}
		default:
			bad = "no language"
		}
		if bad != "" {
			t.Errorf("%s: %s: %s", r.Source.Ref, bad, r.Text)
		}
		if r.Location.Place != "" {
			if err := placeInScript(r.Location.Place, r.Language); err != "" {
				t.Errorf("%s: place %q: %s", r.Source.Ref, r.Location.Place, err)
			}
		}
	}
}

func placeInScript(p, lang string) string {
	cyr := strings.IndexFunc(p, func(c rune) bool { return unicode.Is(unicode.Cyrillic, c) }) >= 0
	switch {
	case lang == "en" && cyr:
		return "Cyrillic in an English report"
	case (lang == "uk" || lang == "ru") && !cyr:
		return "Latin in a " + lang + " report"
	}
	return ""
}
