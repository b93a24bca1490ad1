package geo

import (
	"math"
	"sort"
)

// Ring is a closed sequence of points: the last point repeats the first.
type Ring []Point

// Polygon is an outer ring followed by zero or more holes.
type Polygon []Ring

// MultiPolygon is a set of polygons that do not overlap.
type MultiPolygon []Polygon

// Bounds returns the box around the ring.
func (r Ring) Bounds() Rect {
	b := EmptyRect()
	for _, p := range r {
		b = b.Extend(p)
	}
	return b
}

// AreaDeg2 returns the signed planar area of the ring in square degrees:
// positive when the ring runs counter-clockwise (east, then north).
func (r Ring) AreaDeg2() float64 {
	var s float64
	for i := 0; i+1 < len(r); i++ {
		s += r[i].Lon*r[i+1].Lat - r[i+1].Lon*r[i].Lat
	}
	if n := len(r); n > 1 && r[0] != r[n-1] {
		s += r[n-1].Lon*r[0].Lat - r[0].Lon*r[n-1].Lat
	}
	return s / 2
}

// Bounds returns the box around the polygon's outer ring.
func (p Polygon) Bounds() Rect {
	if len(p) == 0 {
		return EmptyRect()
	}
	return p[0].Bounds()
}

// Bounds returns the box around all polygons.
func (mp MultiPolygon) Bounds() Rect {
	b := EmptyRect()
	for _, p := range mp {
		b = b.Union(p.Bounds())
	}
	return b
}

// NumPoints returns the number of points in all rings.
func (mp MultiPolygon) NumPoints() int {
	n := 0
	for _, p := range mp {
		for _, r := range p {
			n += len(r)
		}
	}
	return n
}

// Centroid returns the area-weighted centroid of the multipolygon computed in
// the lon/lat plane, holes subtracting whatever their orientation, and false
// when the area is zero.
func (mp MultiPolygon) Centroid() (Point, bool) {
	var a, cx, cy float64
	for _, p := range mp {
		for ri, r := range p {
			var ra, rx, ry float64
			for i := 0; i+1 < len(r); i++ {
				c := r[i].Lon*r[i+1].Lat - r[i+1].Lon*r[i].Lat
				ra += c
				rx += (r[i].Lon + r[i+1].Lon) * c
				ry += (r[i].Lat + r[i+1].Lat) * c
			}
			f := 1.0
			if (ra < 0) != (ri > 0) {
				f = -1
			}
			a, cx, cy = a+f*ra, cx+f*rx, cy+f*ry
		}
	}
	if a == 0 || math.IsNaN(a) {
		return Point{}, false
	}
	return Point{Lat: cy / (3 * a), Lon: cx / (3 * a)}, true
}

// FixRings repairs polygons whose rings come in the wrong order, as some
// exports write them: in each polygon the ring with the largest area becomes
// the outer ring, rings inside it stay as holes and rings outside it become
// polygons of their own. Ring orientation is left as it is.
func FixRings(mp MultiPolygon) MultiPolygon {
	var out MultiPolygon
	for _, p := range mp {
		if len(p) == 0 {
			continue
		}
		rings := append([]Ring(nil), p...)
		sort.SliceStable(rings, func(i, j int) bool {
			return math.Abs(rings[i].AreaDeg2()) > math.Abs(rings[j].AreaDeg2())
		})
		outer := Polygon{rings[0]}
		var islands MultiPolygon
		for _, r := range rings[1:] {
			if len(r) > 0 && ringContains(rings[0], r[0]) {
				outer = append(outer, r)
			} else {
				islands = append(islands, Polygon{r})
			}
		}
		out = append(out, outer)
		out = append(out, islands...)
	}
	return out
}

// ringContains is the crossing-number test of p against one ring.
func ringContains(r Ring, p Point) bool {
	in := false
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		if (a.Lat > p.Lat) != (b.Lat > p.Lat) {
			x := a.Lon + (p.Lat-a.Lat)*(b.Lon-a.Lon)/(b.Lat-a.Lat)
			if p.Lon < x {
				in = !in
			}
		}
	}
	return in
}
