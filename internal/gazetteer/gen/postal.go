package main

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce/internal/gazetteer"
	"github.com/truce-monitor/truce/internal/geo"
)

// Uncertainties of postal places, whose coordinates are those of a place,
// a raion or a guess.
const (
	postalUncM       = 10000 // a point of its own
	postalSharedUncM = 15000 // a point shared by three places or more: a raion centre
	postalMovedUncM  = 25000 // moved to its raion's centre because it lay outside its oblast
	postalSharedMin  = 3
	postalOutsideM   = 5000 // how far outside its oblast a postal point may lie
)

// postalKey identifies a postal place: oblast, raion and name.
type postalKey struct{ iso, raion, name string }

// postalPlaces groups the postal rows into places, one per oblast, raion and
// name, and checks their coordinates against the oblast polygons.
func postalPlaces(rows []postalRow, regions []*region, log *[]string) ([]*entry, error) {
	groups := make(map[postalKey][]postalRow)
	for _, r := range rows {
		reg := regionByPostal(regions, r.Admin1)
		if reg == nil {
			return nil, fmt.Errorf("postal region %q is not in the facts", r.Admin1)
		}
		k := postalKey{reg.ISO, r.Admin2, r.Place}
		groups[k] = append(groups[k], r)
	}
	keys := make([]postalKey, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		return a.iso+"\x00"+a.raion+"\x00"+a.name < b.iso+"\x00"+b.raion+"\x00"+b.name
	})
	shared := make(map[geo.Point]int)
	var out []*entry
	for _, k := range keys {
		e := postalEntry(k, groups[k], regionByISO(regions, k.iso))
		shared[e.point()]++
		out = append(out, e)
	}
	for _, e := range out {
		if shared[e.point()] >= postalSharedMin {
			e.UncM = postalSharedUncM
		}
	}
	moveStrays(out, log)
	uniqueIDs(out)
	return out, nil
}

// postalEntry makes the entry of one postal place: the commonest point of
// its rows, and its smallest postal code in the ID.
func postalEntry(k postalKey, rows []postalRow, reg *region) *entry {
	count := make(map[geo.Point]int)
	minCode := rows[0].Code
	for _, r := range rows {
		count[geo.Point{Lat: r.Lat, Lon: r.Lon}]++
		minCode = min(minCode, r.Code)
	}
	var best geo.Point
	bestN := 0
	for _, r := range rows {
		p := geo.Point{Lat: r.Lat, Lon: r.Lon}
		if n := count[p]; n > bestN || n == bestN && r.Code == minCode {
			best, bestN = p, n
		}
	}
	base, council := splitCouncil(k.name)
	raion := k.raion
	if council != "" {
		raion += " (" + gazetteer.Transliterate(council) + ")"
	}
	e := &entry{ID: "postal:" + minCode, Name: gazetteer.Transliterate(base), NameUK: base, Region: reg,
		Admin2: raion, Lat: best.Lat, Lon: best.Lon, UncM: postalUncM, Kind: kindPostal,
		forms: formSet{}, alt: formSet{}, postalRows: len(rows)}
	e.forms.addUK(base)
	return e
}

// moveStrays replaces the coordinates of postal places that lie outside
// their oblast by the median point of their raion's places that lie inside,
// or by the oblast's centroid, and widens their uncertainty.
func moveStrays(es []*entry, log *[]string) {
	inside := func(e *entry) bool {
		return e.Region.prep.Contains(e.point()) || e.Region.prep.DistanceToBoundaryM(e.point()) <= postalOutsideM
	}
	raionPts := make(map[postalKey][]geo.Point)
	ok := make([]bool, len(es))
	for i, e := range es {
		if ok[i] = inside(e); ok[i] {
			k := postalKey{e.Region.ISO, e.Admin2, ""}
			raionPts[k] = append(raionPts[k], e.point())
		}
	}
	moved, toCentroid := 0, 0
	for i, e := range es {
		if ok[i] {
			continue
		}
		e.moved, e.UncM = true, postalMovedUncM
		if pts := raionPts[postalKey{e.Region.ISO, e.Admin2, ""}]; len(pts) > 0 {
			e.Lat, e.Lon = median(pts)
			moved++
			continue
		}
		e.Lat, e.Lon, e.UncM = e.Region.Lat, e.Region.Lon, e.Region.RadiusM
		toCentroid++
	}
	*log = append(*log, fmt.Sprintf("postal: %d places, %d outside their oblast moved to their raion, %d to the oblast centroid",
		len(es), moved, toCentroid))
}

// median returns the coordinate-wise median of points, rounded to 4
// decimals.
func median(pts []geo.Point) (lat, lon float64) {
	lats := make([]float64, len(pts))
	lons := make([]float64, len(pts))
	for i, p := range pts {
		lats[i], lons[i] = p.Lat, p.Lon
	}
	sort.Float64s(lats)
	sort.Float64s(lons)
	m := len(pts) / 2
	return math.Round(lats[m]*1e4) / 1e4, math.Round(lons[m]*1e4) / 1e4
}

// splitCouncil splits a postal place name such as "Новосілки (Чабанівська
// селищна рада)" into the name and the council that tells it from others.
func splitCouncil(name string) (base, council string) {
	i := strings.Index(name, " (")
	if i < 0 || !strings.HasSuffix(name, ")") {
		return name, ""
	}
	return name[:i], name[i+2 : len(name)-1]
}

// uniqueIDs gives postal places that share their smallest postal code the
// IDs "postal:CODE.2", "postal:CODE.3" … in order.
func uniqueIDs(es []*entry) {
	seen := make(map[string]int)
	for _, e := range es {
		seen[e.ID]++
		if n := seen[e.ID]; n > 1 {
			e.ID += "." + strconv.Itoa(n)
		}
	}
}

// regionByPostal returns the region of a postal admin1 name.
func regionByPostal(regions []*region, name string) *region {
	for _, r := range regions {
		if r.Postal == name {
			return r
		}
	}
	return nil
}
