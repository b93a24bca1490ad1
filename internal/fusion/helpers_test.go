package fusion

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

// t0 is a Friday evening in Kryvyi Rih, 2025-04-04 18:50 Kyiv time.
var t0 = time.Date(2025, 4, 4, 15, 50, 0, 0, time.UTC)

// Places used by the table tests: rough centres and extents; the entry
// ids are the tests' own.
var (
	kryvyiRih   = settlementAt("Kryvyi Rih", "t:kryvyi-rih", 47.9105, 33.3918, 12000, "Dnipropetrovsk", "UA")
	zelenodolsk = settlementAt("Zelenodolsk", "t:zelenodolsk", 47.5667, 33.6500, 3000, "Dnipropetrovsk", "UA")
	kyivCity    = settlementAt("Kyiv", "t:kyiv", 50.4501, 30.5234, 15000, "Kyiv City", "UA")
	brovary     = settlementAt("Brovary", "t:brovary", 50.5113, 30.7906, 5000, "Kyiv", "UA")
	sumyCity    = settlementAt("Sumy", "t:sumy", 50.9077, 34.7981, 8000, "Sumy", "UA")
)

type option func(*truce.Report)

// report returns a valid, geocoded news report of a strike in Kryvyi Rih
// at t0, changed by the options.
func report(id string, opts ...option) *truce.Report {
	r := &truce.Report{
		ID:           id,
		Source:       truce.Source{Type: truce.SourceNews, Name: "Outlet " + id, Ref: "ref-" + id, Reliability: "F"},
		Credibility:  6,
		Kind:         truce.KindStrike,
		Occurred:     truce.Window{From: t0, To: t0.Add(30 * time.Minute)},
		AttributedTo: truce.Unknown,
	}
	kryvyiRih(r)
	for _, o := range opts {
		o(r)
	}
	return r
}

func settlementAt(name, entry string, lat, lon, unc float64, admin1, cc string) option {
	return func(r *truce.Report) {
		r.Location = truce.Location{Place: name}
		r.Geocode = &truce.Geocode{Lat: lat, Lon: lon, UncertaintyM: unc, Admin1: admin1, Country: cc,
			Precision: "settlement", Entry: entry, Method: "gazetteer"}
	}
}

func point(lat, lon, unc float64, admin1, cc string) option {
	return func(r *truce.Report) {
		r.Location = truce.Location{Lat: &lat, Lon: &lon, UncertaintyM: &unc}
		r.Geocode = &truce.Geocode{Lat: lat, Lon: lon, UncertaintyM: unc, Admin1: admin1, Country: cc, Precision: "point", Method: "coordinates"}
	}
}

// region places a report in a first-level region only (with the region's
// rough centre and radius, as a geocoder gives them).
func region(admin1, cc string, lat, lon, unc float64) option {
	return func(r *truce.Report) {
		r.Location = truce.Location{Admin1: admin1, Country: cc}
		r.Geocode = &truce.Geocode{Lat: lat, Lon: lon, UncertaintyM: unc, Admin1: admin1, Country: cc, Precision: "admin1", Method: "region"}
	}
}

func country(cc string) option {
	return func(r *truce.Report) {
		r.Location = truce.Location{Country: cc}
		r.Geocode = &truce.Geocode{Country: cc, Precision: "country", Method: "country"}
	}
}

func dnipropetrovsk() option { return region("Dnipropetrovsk", "UA", 48.5, 34.9, 160000) }

func at(from time.Time, d time.Duration) option {
	return func(r *truce.Report) { r.Occurred = truce.Window{From: from, To: from.Add(d)} }
}

func shift(d time.Duration) option {
	return func(r *truce.Report) {
		r.Occurred.From, r.Occurred.To = r.Occurred.From.Add(d), r.Occurred.To.Add(d)
	}
}

func from(typ truce.SourceType, name string) option {
	return func(r *truce.Report) { r.Source.Type, r.Source.Name = typ, name }
}

func partySource(code, name string) option {
	return func(r *truce.Report) {
		r.Source.Type, r.Source.Name, r.Source.Party = truce.SourceParty, name, code
	}
}

func reliability(g string) option { return func(r *truce.Report) { r.Source.Reliability = g } }
func kind(k truce.Kind) option    { return func(r *truce.Report) { r.Kind = k } }
func actor(a string) option       { return func(r *truce.Report) { r.AttributedTo = a } }
func target(c string) option      { return func(r *truce.Report) { r.Target = &truce.Target{Class: c} } }

func weapons(classes ...string) option {
	return func(r *truce.Report) {
		r.Weapons = nil
		for _, c := range classes {
			r.Weapons = append(r.Weapons, truce.Weapon{Class: c})
		}
	}
}

func killed(n int) option  { return func(r *truce.Report) { r.Casualties.Killed = &n } }
func injured(n int) option { return func(r *truce.Report) { r.Casualties.Injured = &n } }

func reported(t time.Time) option { return func(r *truce.Report) { r.ReportedAt = &t } }

func tally(launched int) option {
	return func(r *truce.Report) {
		r.Aggregate = true
		if launched >= 0 {
			r.Counts = &truce.Counts{Launched: &launched}
		}
	}
}

func via(name string) option {
	return func(r *truce.Report) {
		b, _ := json.Marshal(name)
		r.Extra = map[string]json.RawMessage{"source.via": b}
	}
}

// newEngine returns an engine with a fixed clock and default tolerances.
func newEngine() *Engine {
	return New(Options{Clock: truce.NewFixedClock(time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))})
}

// add adds reports and returns the engine.
func add(t *testing.T, e *Engine, rs ...*truce.Report) []Change {
	t.Helper()
	var chs []Change
	for _, r := range rs {
		chs = append(chs, e.Add(r))
	}
	return chs
}

// incidentOf returns the materialised incident holding a report.
func incidentOf(t *testing.T, e *Engine, reportID string) *truce.Incident {
	t.Helper()
	id, err := e.IncidentOf(reportID)
	if err != nil {
		t.Fatal(err)
	}
	in, err := e.Incident(id)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func together(t *testing.T, e *Engine, a, b string) bool {
	t.Helper()
	x, err1 := e.IncidentOf(a)
	y, err2 := e.IncidentOf(b)
	if err1 != nil || err2 != nil {
		t.Fatalf("IncidentOf: %v %v", err1, err2)
	}
	return x == y
}

func anyContains(lines []string, sub string) bool {
	for _, l := range lines {
		if strings.Contains(l, sub) {
			return true
		}
	}
	return false
}
