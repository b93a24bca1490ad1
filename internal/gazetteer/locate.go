package gazetteer

import (
	"math"

	"github.com/truce-monitor/truce/internal/geo"
)

// Distances Locate allows outside the region polygons.
const (
	// CoastSlackM is how far outside the Ukrainian polygons a point is still
	// given to the nearest one: the polygons are simplified, so points on a
	// coast or a border can fall just outside.
	CoastSlackM = 3000
	// RussianPlaceMaxM is how far from the nearest known Russian town a point
	// outside Ukraine is still given that town's region.
	RussianPlaceMaxM = 60000
)

// Locate returns the region and country of a point. In Ukraine it tests the
// region polygons (Kyiv City and Sevastopol before the regions around
// them), allowing CoastSlackM for simplified coasts and borders. Russia has
// no polygons: a point outside Ukraine gets the region of the nearest known
// Russian town within RussianPlaceMaxM. Anywhere else, the open sea
// included, ok is false. Points in Belarus within RussianPlaceMaxM of a
// Russian town are given that town's region: the data has no Belarus.
func (g *Gazetteer) Locate(lat, lon float64) (admin1, country string, ok bool) {
	if math.IsNaN(lat) || math.IsNaN(lon) || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
		return "", "", false
	}
	if err := g.prepareAreas(); err != nil {
		panic("gazetteer: " + err.Error())
	}
	p := geo.Point{Lat: lat, Lon: lon}
	for _, a := range g.areas {
		if a.prep.Contains(p) {
			return g.regionResult(a.region)
		}
	}
	best, bestD := -1, float64(CoastSlackM)
	for _, a := range g.areas {
		if !nearBox(a.prep.Bounds(), p, CoastSlackM) {
			continue
		}
		if d := a.prep.DistanceToBoundaryM(p); d <= bestD {
			best, bestD = a.region, d
		}
	}
	if best >= 0 {
		return g.regionResult(best)
	}
	if i, d := g.nearestRussianPlace(p); i >= 0 && d <= RussianPlaceMaxM {
		return g.regionResult(g.entryRegion[i])
	}
	return "", "", false
}

// regionResult returns Locate's answer for region r.
func (g *Gazetteer) regionResult(r int) (string, string, bool) {
	return g.regions[r].Name, g.regions[r].Country, true
}

// nearBox reports whether p lies within slack metres of box b.
func nearBox(b geo.Rect, p geo.Point, slack float64) bool {
	dLat := slack / 111000
	dLon := dLat / math.Max(math.Cos(p.Lat*math.Pi/180), 0.01)
	return p.Lat >= b.Min.Lat-dLat && p.Lat <= b.Max.Lat+dLat &&
		p.Lon >= b.Min.Lon-dLon && p.Lon <= b.Max.Lon+dLon
}

// nearestRussianPlace returns the Russian settlement nearest p and its
// distance in metres, or -1.
func (g *Gazetteer) nearestRussianPlace(p geo.Point) (int32, float64) {
	k := math.Cos(p.Lat * math.Pi / 180)
	best, bestD := int32(-1), math.Inf(1)
	for _, i := range g.ruPlaces {
		e := &g.entries[i]
		dy, dx := e.Lat-p.Lat, (e.Lon-p.Lon)*k
		if d := dx*dx + dy*dy; d < bestD {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return -1, math.Inf(1)
	}
	e := g.entries[best]
	return best, geo.DistanceM(p, geo.Point{Lat: e.Lat, Lon: e.Lon})
}
