// Package geocode places reports with the gazetteer: a place or region
// name becomes a point with an honest uncertainty, and coordinates get
// their region and country by point in polygon. It says how it did each,
// and refuses, naming the field, what it cannot place without guessing.
package geocode

import (
	"errors"
	"fmt"
	"strings"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/gazetteer"
)

// DefaultPointUncertaintyM is the uncertainty assumed for coordinates
// given without one: about the size of a city block's surroundings.
const DefaultPointUncertaintyM = 500

// Geocoder implements truce.Geocoder over a gazetteer.
type Geocoder struct {
	G *gazetteer.Gazetteer
}

// Default returns a geocoder over the gazetteer embedded in the binary.
func Default() *Geocoder { return &Geocoder{G: gazetteer.Default()} }

// Geocode places a location. Coordinates win over names: they are kept as
// given and their region and country derived. Otherwise the place (with
// admin1 and country as hints), else the region, else the country is
// looked up.
func (g *Geocoder) Geocode(loc truce.Location) (*truce.Geocode, error) {
	if loc.Lat != nil && loc.Lon != nil {
		return g.point(loc), nil
	}
	m, err := g.G.Lookup(loc.Place, loc.Admin1, loc.Country)
	if err != nil {
		return g.fallback(loc, err)
	}
	return fromMatch(loc, m, ""), nil
}

// point places given coordinates.
func (g *Geocoder) point(loc truce.Location) *truce.Geocode {
	gc := &truce.Geocode{Lat: *loc.Lat, Lon: *loc.Lon, UncertaintyM: DefaultPointUncertaintyM, Precision: "point"}
	method := []string{"coordinates as given"}
	if loc.UncertaintyM != nil {
		gc.UncertaintyM = *loc.UncertaintyM
	} else {
		gc.Derived = append(gc.Derived, "uncertainty_m")
		method = append(method, fmt.Sprintf("uncertainty not given, assumed ±%d m", DefaultPointUncertaintyM))
	}
	admin1, country, ok := g.G.Locate(*loc.Lat, *loc.Lon)
	switch {
	case ok:
		gc.Admin1, gc.Country = admin1, country
		method = append(method, fmt.Sprintf("region %s, %s by point in polygon", admin1, country))
		if given, gok := g.G.Region(loc.Admin1); loc.Admin1 != "" && gok && given.Name != admin1 {
			method = append(method, fmt.Sprintf("the source's admin1 %q differs", loc.Admin1))
		}
		gc.Derived = append(gc.Derived, "admin1", "country")
	default:
		gc.Admin1, gc.Country = g.givenRegion(loc)
		method = append(method, "outside the mapped regions; region and country as given")
	}
	gc.Method = strings.Join(method, "; ")
	return gc
}

// givenRegion returns the canonical form of the region and country a
// source gave, where the gazetteer knows them.
func (g *Geocoder) givenRegion(loc truce.Location) (string, string) {
	if r, ok := g.G.Region(loc.Admin1); ok {
		return r.Name, r.Country
	}
	return loc.Admin1, loc.Country
}

// fallback handles a failed lookup: an unknown place inside a known region
// is placed at the region, honestly wide; anything else is an error naming
// the field.
func (g *Geocoder) fallback(loc truce.Location, err error) (*truce.Geocode, error) {
	var nf *gazetteer.NotFoundError
	var amb *gazetteer.AmbiguousError
	switch {
	case errors.As(err, &amb):
		return nil, fieldError("location.place", amb.Error())
	case errors.As(err, &nf) && nf.Field == "location.place" && (loc.Admin1 != "" || loc.Country != ""):
		m, err2 := g.G.Lookup("", loc.Admin1, loc.Country)
		if err2 != nil {
			return nil, fieldError(nf.Field, err.Error())
		}
		return fromMatch(loc, m, fmt.Sprintf("place %q not in the gazetteer; placed at the region", loc.Place)), nil
	case errors.As(err, &nf):
		return nil, fieldError(nf.Field, strings.TrimPrefix(err.Error(), nf.Field+" "))
	}
	return nil, fieldError("location", err.Error())
}

func fromMatch(loc truce.Location, m gazetteer.Match, note string) *truce.Geocode {
	e := m.Entry
	gc := &truce.Geocode{
		Lat: e.Lat, Lon: e.Lon, UncertaintyM: e.UncertaintyM,
		Admin1: e.Admin1, Country: e.Country, Precision: string(e.Precision),
		Entry: e.ID, Method: m.Method, Derived: []string{"lat", "lon", "uncertainty_m"},
	}
	if e.Precision == gazetteer.PrecisionAdmin1 && e.Admin1 == "" {
		gc.Admin1 = e.Name
	}
	if loc.Admin1 == "" || loc.Admin1 != gc.Admin1 {
		gc.Derived = append(gc.Derived, "admin1")
	}
	if loc.Country == "" {
		gc.Derived = append(gc.Derived, "country")
	}
	if note != "" {
		gc.Method = note + "; " + gc.Method
	}
	return gc
}

func fieldError(field, msg string) error {
	return &truce.ValidationError{Errors: []truce.FieldError{{Field: field, Message: msg}}}
}
