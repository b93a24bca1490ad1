package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/truce-monitor/truce/internal/gazetteer"
)

// sharedGeo returns the shared geo data folder (../shared/data/geo next to
// the repository root), or skips the test.
func sharedGeo(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "data", "geo")
			if _, err := os.Stat(filepath.Join(p, citiesFile)); err != nil {
				tb.Skipf("shared data %s not found: skipping the build from source data", p)
			}
			return p
		}
		if parent := filepath.Dir(dir); parent != dir {
			dir = parent
			continue
		}
		tb.Skip("repository root not found: skipping")
	}
}

// TestBuildIsDeterministicAndCommitted builds the data twice from the shared source data and compares the bytes with each other and with the committed files.
func TestBuildIsDeterministicAndCommitted(t *testing.T) {
	if testing.Short() {
		t.Skip("full build skipped in -short mode")
	}
	dir := sharedGeo(t)
	first, err := build(dir)
	if err != nil {
		t.Fatal(err)
	}
	second, err := build(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range first.files {
		if !bytes.Equal(b, second.files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
		committed, err := os.ReadFile(filepath.Join("..", "data", filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(committed, b) {
			t.Errorf("data/%s is not what the build makes: run go generate ./internal/gazetteer", name)
		}
		if len(b) > 1000000 || name[:4] == "web/" && len(b) > 300000 {
			t.Errorf("%s is %d bytes: too large", name, len(b))
		}
	}
	g, err := gazetteer.Load(first.files["gazetteer.tsv.gz"], first.files["admin1.geojson.gz"])
	if err != nil {
		t.Fatal(err)
	}
	if m, err := g.Lookup("Кривий Ріг", "", ""); err != nil || m.Entry.ID != "gn:703845" {
		t.Errorf("built data: Lookup(Кривий Ріг) = %+v, %v", m.Entry, err)
	}
}

// TestRegionForms checks the name forms generated for an oblast and for Kyiv City.
func TestRegionForms(t *testing.T) {
	var dnipro, kyivCity regionFact
	for _, r := range uaRegions {
		switch r.ISO {
		case "UA-12":
			dnipro = r
		case "UA-30":
			kyivCity = r
		}
	}
	forms := regionForms(dnipro)
	for _, w := range []string{"dnipropetrovsk oblast", "dnipropetrovska", "dnipropetrovska oblast", "днепропетровская обл",
		"дніпропетровська область", "dnepropetrovskaya oblast", "dnipro region", "дніпропетровщина"} {
		if !slices.Contains(forms, w) {
			t.Errorf("forms of Dnipropetrovsk lack %q", w)
		}
	}
	if slices.Contains(forms, "dnipropetrovsk") {
		t.Error("forms repeat the canonical name")
	}
	city := regionForms(kyivCity)
	for _, w := range []string{"city of kyiv", "м київ", "місто київ", "kiev city"} {
		if !slices.Contains(city, w) {
			t.Errorf("forms of Kyiv City lack %q", w)
		}
	}
	for _, w := range []string{"kyiv", "київ", "киев"} {
		if slices.Contains(city, w) {
			t.Errorf("forms of Kyiv City hold the oblast's bare name %q", w)
		}
	}
}

// TestNameChoice checks the choice of Ukrainian and Russian names among GeoNames alternate names.
func TestNameChoice(t *testing.T) {
	c := gnCity{Name: "Kharkiv", ASCII: "Kharkiv",
		Alternates: []string{"Kharkov", "Khar'kov", "ХАРЬКОВ", "Харков", "Харків", "Харьков", "Charkow"}}
	cyr := cyrillicAlternates(c)
	if d := cmp.Diff([]string{"ХАРЬКОВ", "Харков", "Харків", "Харьков"}, cyr); d != "" {
		t.Errorf("cyrillicAlternates mismatch (-want +got):\n%s", d)
	}
	if uk := chooseUK(c, cyr, nil); uk != "Харків" {
		t.Errorf("chooseUK = %q, want Харків", uk)
	}
	if uk := chooseUK(c, cyr, map[string]string{"харків": "Харків"}); uk != "Харків" {
		t.Errorf("chooseUK with postal = %q, want Харків", uk)
	}
	if ru := chooseRU(c, cyr, "Харків"); ru != "Харьков" {
		t.Errorf("chooseRU = %q, want Харьков", ru)
	}
	d := gnCity{Name: "Donets'k", ASCII: "Donets'k", Alternates: []string{"Донецк", "Донецьк", "Сталино"}}
	if uk := chooseUK(d, cyrillicAlternates(d), nil); uk != "Донецьк" {
		t.Errorf("chooseUK(Donetsk) = %q, want Донецьк", uk)
	}
	p := gnCity{Name: "Poltava", ASCII: "Poltava", Alternates: []string{"Полтава"}}
	if ru := chooseRU(p, cyrillicAlternates(p), "Полтава"); ru != "Полтава" {
		t.Errorf("chooseRU(Poltava) = %q, want Полтава", ru)
	}
}

// TestHelpers checks the small helpers of the build.
func TestHelpers(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{{"Kharkov", true}, {"KHE", false}, {"ha er ke fu", false}, {"KHAR'KOV", true}, {"Kiev2", false}, {"Харків", false}} {
		if got := latinAlternate(tt.in); got != tt.want {
			t.Errorf("latinAlternate(%q) = %v", tt.in, got)
		}
	}
	for _, tt := range []struct {
		in   string
		want bool
	}{{"Харків", true}, {"Кіеў", false}, {"Кијев", false}, {"Kyiv", false}, {"Ростов-на-Дону", true}} {
		if got := eastSlavic(tt.in); got != tt.want {
			t.Errorf("eastSlavic(%q) = %v", tt.in, got)
		}
	}
	if got := adjective("Автономна Республіка Крим"); got != "Крим" {
		t.Errorf("adjective = %q", got)
	}
	if b, c := splitCouncil("Новосілки (Чабанівська селищна рада)"); b != "Новосілки" || c != "Чабанівська селищна рада" {
		t.Errorf("splitCouncil = %q %q", b, c)
	}
	if b, c := splitCouncil("Київ"); b != "Київ" || c != "" {
		t.Errorf("splitCouncil(Київ) = %q %q", b, c)
	}
	for pop, want := range map[int]float64{0: 2000, 20000: 2000, 1000000: 9500, 2500000: 15000} {
		if got := cityUncertaintyM(pop); got != want {
			t.Errorf("cityUncertaintyM(%d) = %v, want %v", pop, got, want)
		}
	}
	if rs, err := parseRenames(); err != nil || len(rs) < 25 {
		t.Errorf("parseRenames: %d rows, %v", len(rs), err)
	}
}
