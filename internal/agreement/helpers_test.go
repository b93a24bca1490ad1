package agreement

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

// sharedData returns the path of a file under ../shared/data (relative to
// the module root), skipping the test when the data is absent.
func sharedData(tb testing.TB, rel string) string {
	tb.Helper()
	p := sharedDataOptional(rel)
	if p == "" {
		tb.Skipf("shared data %s not present (../shared/data beside the module); skipping", rel)
	}
	return p
}

// sharedDataOptional is sharedData without skipping: "" when absent.
func sharedDataOptional(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
		dir = filepath.Dir(dir)
	}
	p := filepath.Join(dir, "..", "shared", "data", rel)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func mustLoad(tb testing.TB, src string, params map[string]string, opts ParseOptions) *truce.Agreement {
	tb.Helper()
	a, err := Load([]byte(src), params, opts)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return a
}

func mustCompile(tb testing.TB, a *truce.Agreement) *Compiled {
	tb.Helper()
	c, err := Compile(a)
	if err != nil {
		tb.Fatalf("Compile: %v", err)
	}
	return c
}

func compileTemplate(tb testing.TB, id string, params map[string]string) *Compiled {
	tb.Helper()
	a, err := LoadTemplate(id, params)
	if err != nil {
		tb.Fatalf("LoadTemplate(%s): %v", id, err)
	}
	return mustCompile(tb, a)
}

// msk is Moscow time (UTC+3 all year), the zone of the 2025 templates.
var msk = time.FixedZone("MSK", 3*3600)

func at(y int, m time.Month, d, hh, mm int) time.Time { return time.Date(y, m, d, hh, mm, 0, 0, msk) }

// inc builds an incident; each option edits it.
func inc(opts ...func(*truce.Incident)) *truce.Incident {
	t := at(2025, 4, 20, 7, 10)
	in := &truce.Incident{
		ID:       "i-test",
		Kind:     truce.KindStrike,
		Window:   truce.Window{From: t, To: t},
		Location: truce.Place{Lat: 48.4647, Lon: 35.0462, UncertaintyM: 100, Admin1: "Dnipropetrovsk", Country: "UA"},
		Weapons:  claims("ballistic_missile"),
		Targets:  claims("residential"),
		Actor:    "RU",
	}
	for _, o := range opts {
		o(in)
	}
	return in
}

func claims(vs ...string) []truce.Claim {
	var out []truce.Claim
	for _, v := range vs {
		out = append(out, truce.Claim{Value: v})
	}
	return out
}

func kind(k truce.Kind) func(*truce.Incident) { return func(in *truce.Incident) { in.Kind = k } }
func actor(a string) func(*truce.Incident)    { return func(in *truce.Incident) { in.Actor = a } }
func weapons(vs ...string) func(*truce.Incident) {
	return func(in *truce.Incident) { in.Weapons = claims(vs...) }
}
func targets(vs ...string) func(*truce.Incident) {
	return func(in *truce.Incident) { in.Targets = claims(vs...) }
}
func when(from, to time.Time) func(*truce.Incident) {
	return func(in *truce.Incident) { in.Window = truce.Window{From: from, To: to} }
}
func point(lat, lon, unc float64) func(*truce.Incident) {
	return func(in *truce.Incident) {
		in.Location.Lat, in.Location.Lon, in.Location.UncertaintyM = lat, lon, unc
	}
}
func country(c string) func(*truce.Incident) {
	return func(in *truce.Incident) { in.Location.Country = c }
}
