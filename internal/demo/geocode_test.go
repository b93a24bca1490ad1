package demo

import (
	"math"
	"testing"

	"github.com/truce-monitor/truce/internal/gazetteer"
)

// TestPlacesGeocode checks that the gazetteer resolves every report that
// names a place without giving coordinates, to the settlement the scenario
// means, and every report that gives only a region.
func TestPlacesGeocode(t *testing.T) {
	g := gazetteer.Default()
	byName := map[string]*place{}
	for _, p := range places {
		for _, n := range []string{p.en, p.enAlt, p.uk, p.ru, p.ruOld} {
			if n != "" {
				byName[n] = p
			}
		}
	}
	for _, r := range decodeAll(t) {
		l := r.Location
		if l.Lat != nil || (l.Place == "" && l.Admin1 == "") {
			continue
		}
		m, err := g.Lookup(l.Place, l.Admin1, l.Country)
		if err != nil {
			t.Errorf("%s: %q / %q / %q: %v", r.Source.Ref, l.Place, l.Admin1, l.Country, err)
			continue
		}
		if l.Place == "" {
			if m.Entry.Precision != gazetteer.PrecisionAdmin1 {
				t.Errorf("%s: region %q resolved to %s", r.Source.Ref, l.Admin1, m.Method)
			}
			continue
		}
		p := byName[l.Place]
		if p == nil {
			t.Errorf("%s: place %q is not in the scenario's table", r.Source.Ref, l.Place)
			continue
		}
		d := distanceM(p.lat, p.lon, m.Entry.Lat, m.Entry.Lon)
		if d > m.Entry.UncertaintyM+p.extent*1000 {
			t.Errorf("%s: %q resolved %.1f km from the scenario's %s: %s", r.Source.Ref, l.Place, d/1000, p.en, m.Method)
		}
	}
}

// TestPointsInTheirRegion checks the scenario's coordinates against the
// gazetteer's region polygons: every settlement's centre and every event's
// point lies in the region and country the scenario gives.
func TestPointsInTheirRegion(t *testing.T) {
	g := gazetteer.Default()
	for k, p := range places {
		a, c, ok := g.Locate(p.lat, p.lon)
		if !ok || a != p.admin1 || c != p.country {
			t.Errorf("place %s (%.4f, %.4f) is in %q %q, the table says %q %q", k, p.lat, p.lon, a, c, p.admin1, p.country)
		}
	}
	for _, e := range allEvents() {
		p := placeOf(e)
		lat, lon := truth(e, p)
		a, c, ok := g.Locate(lat, lon)
		if !ok || a != p.admin1 || c != p.country {
			t.Errorf("event %s (%.4f, %.4f) is in %q %q, its place is in %q %q", e.id, lat, lon, a, c, p.admin1, p.country)
		}
		if d := distanceM(lat, lon, p.lat, p.lon); d > 60000 {
			t.Errorf("event %s is %.0f km from %s", e.id, d/1000, p.en)
		}
	}
}

// distanceM is the great-circle distance in metres.
func distanceM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371008.8
	rad := math.Pi / 180
	dp, dl := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}
