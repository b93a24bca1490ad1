package extract

import (
	"strings"
	"unicode/utf8"
)

// Place is a settlement or site whose names the extractor looks for.
type Place struct {
	ID         string   // gazetteer entry id, if any
	Name       string   // English name, as reports give it
	NameUK     string   // Ukrainian name (inflected forms are derived)
	NameRU     string   // Russian name (inflected forms are derived)
	AltNames   []string // other spellings, any script, matched as written
	Admin1     string   // canonical first-level region ("Kharkiv", "Kyiv City")
	Country    string   // ISO 3166-1 alpha-2
	Population int      // 0 when unknown
	Lat, Lon   float64  // WGS 84 degrees; both 0 when unknown
}

// PlaceSource supplies the places the extractor knows beyond the built-in
// regions and their centres (see regions.go): a gazetteer.
type PlaceSource interface {
	// Places returns every place with its names. It is called once, when
	// the extractor is built.
	Places() []Place
}

// PlaceList is a PlaceSource of a fixed list (tests, small deployments).
type PlaceList []Place

// Places returns the list.
func (l PlaceList) Places() []Place { return l }

// place is one entry of the extractor's place table.
type place struct {
	name, admin1, country string
	id                    string
	region                bool // names a first-level region, not a settlement
	needsWord             bool // a region named by a city-like name: only with "region"/"oblast" after it
	capital               bool // a capital whose name also stands for a government (Kyiv, Moscow)
	pop                   int
	site                  int  // 1 + index into sites for a known site, else 0
	hostsSite             bool // a known site lies in this settlement
	hasCoords             bool
	lat, lon              float64
}

// strongPop is the population from which a settlement's bare name counts
// as a place without a locative cue ("in", "village of", "у", "село").
const strongPop = 15000

// englishCommon lists place names that are also common English words or
// names; they count only with a locative cue.
var englishCommon = map[string]bool{
	"bar": true, "mir": true, "sea": true, "nova": true, "zoo": true, "sky": true, "peace": true,
	"victory": true, "globe": true, "lenin": true, "star": true, "olympic": true, "yalta": false,
	"hola": true, "may": true, "march": true, "orel": false, "stanislav": true, "mariya": true,
	"yuri": true, "ivan": true, "sergey": true, "olga": true, "vera": true, "nadia": true,
	"tor": true, "ros": true, "pisky": false, "smila": false, "bucha": false, "budy": true,
}

// placeTable is the extractor's places and the name forms that find them.
type placeTable struct {
	places []place
	forms  map[string][]int // normalised form → place indices
}

func (t *placeTable) add(p place, names ...string) int {
	t.places = append(t.places, p)
	i := len(t.places) - 1
	for _, n := range names {
		n = normalize(n)
		if utf8.RuneCountInString(n) < 3 || englishCommon[n] {
			continue
		}
		if !containsInt(t.forms[n], i) {
			t.forms[n] = append(t.forms[n], i)
		}
	}
	return i
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// buildPlaces makes the place table from the built-in regions and the
// source's places.
func buildPlaces(src PlaceSource) *placeTable {
	t := &placeTable{forms: map[string][]int{}}
	for i := range regions {
		addRegion(t, &regions[i])
	}
	addSites(t)
	if src == nil {
		return t
	}
	for _, p := range src.Places() {
		if p.Country != "UA" && p.Country != "RU" {
			continue
		}
		if p.Admin1 == "" {
			continue
		}
		names := append([]string{p.Name}, p.AltNames...)
		if p.NameUK != "" {
			names = append(names, inflectUK(normalize(p.NameUK))...)
		}
		if p.NameRU != "" {
			names = append(names, inflectRU(normalize(p.NameRU))...)
		}
		capital := (p.Admin1 == "Kyiv City" || strings.HasPrefix(p.Admin1, "Moscow")) && p.Population > 1000000
		t.add(place{name: p.Name, admin1: p.Admin1, country: p.Country, id: p.ID, pop: p.Population, capital: capital,
			hostsSite: siteTowns[p.Name+"|"+p.Admin1], hasCoords: p.Lat != 0 || p.Lon != 0, lat: p.Lat, lon: p.Lon}, names...)
	}
	return t
}

// addRegion enters a region (as a region and, for English names that also
// name its centre, as a region that needs "region" after it) and its
// centre city.
func addRegion(t *placeTable, r *region) {
	var names []string
	names = append(names, r.bareEn...)
	names = append(names, regionFormsUK(r.ukAdj, r.ukColl)...)
	names = append(names, regionFormsRU(r.ruAdj, r.ruColl)...)
	for _, b := range r.ukBare {
		names = append(names, inflectUK(b)...)
	}
	for _, b := range r.ruBare {
		names = append(names, inflectRU(b)...)
	}
	t.add(place{name: r.admin1, admin1: r.admin1, country: r.country, region: true}, names...)
	var worded []string
	for _, n := range r.en {
		if !containsStr(r.bareEn, n) {
			worded = append(worded, n)
		}
	}
	if len(worded) > 0 {
		t.add(place{name: r.admin1, admin1: r.admin1, country: r.country, region: true, needsWord: true}, worded...)
	}
	if len(r.centre) == 0 {
		return
	}
	cityAdmin1 := r.admin1
	if r.admin1 == "Kyiv" {
		return
	}
	names = append([]string(nil), r.centre...)
	if r.centreUK != "" {
		names = append(names, inflectUK(normalize(r.centreUK))...)
	}
	if r.centreRU != "" {
		names = append(names, inflectRU(normalize(r.centreRU))...)
	}
	capital := r.admin1 == "Kyiv City" || r.admin1 == "Moscow"
	t.add(place{name: r.centre[0], admin1: cityAdmin1, country: r.country, pop: 200000, capital: capital}, names...)
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if strings.EqualFold(y, x) {
			return true
		}
	}
	return false
}
