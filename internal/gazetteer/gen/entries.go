package main

import (
	"math"
	"sort"

	"github.com/truce-monitor/truce/internal/gazetteer"
	"github.com/truce-monitor/truce/internal/geo"
)

// Kinds of entries, by source.
const (
	kindCity   = iota // GeoNames cities15000
	kindFact          // hand-written fact
	kindPostal        // GeoNames postal places
)

// entry is a settlement being built.
type entry struct {
	ID                   string
	Name, NameUK, NameRU string
	Region               *region
	Admin2               string
	Lat, Lon, UncM       float64
	Population           int
	Kind                 int
	forms                formSet // current names and former names of renamed towns
	alt                  formSet // further names from GeoNames' alternate-name list
	postalRows           int     // postal codes of a postal place
	moved                bool    // postal coordinates replaced as wrong
}

// point returns the entry's position.
func (e *entry) point() geo.Point { return geo.Point{Lat: e.Lat, Lon: e.Lon} }

// hasForm reports whether one of names, normalized, is a form of e.
func (e *entry) hasForm(names ...string) bool {
	for _, n := range names {
		if n := gazetteer.Normalize(n); e.forms[n] || e.alt[n] {
			return true
		}
	}
	return false
}

// cityUncertaintyM is the radius of a town of the given population: about
// 9.5 km for a million, never under 2 km, rounded to 100 m.
func cityUncertaintyM(pop int) float64 {
	r := math.Max(2000, 300*math.Sqrt(float64(pop)/1000))
	return math.Round(r/100) * 100
}

// sortEntries orders entries by ID, numerically for GeoNames IDs.
func sortEntries(es []*entry) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i].ID, es[j].ID
		if len(a) != len(b) && a[:3] == "gn:" && b[:3] == "gn:" {
			return len(a) < len(b)
		}
		return a < b
	})
}
