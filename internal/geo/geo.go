// Package geo holds the plane-and-sphere geometry Truce needs: points and
// great-circle distances, polygons with holes, reading and writing GeoJSON,
// Douglas–Peucker simplification, and a grid index (Prepared) that answers
// point-in-polygon and distance-to-boundary questions in well under a
// microsecond.
//
// Coordinates are WGS 84 degrees. Inside this package x is longitude and y is
// latitude; the antimeridian is not handled (Ukraine and western Russia do not
// need it).
package geo

import "math"

// EarthRadiusM is the mean Earth radius in metres used for all distances.
const EarthRadiusM = 6371008.8

// degToRad converts degrees to radians.
const degToRad = math.Pi / 180

// metresPerDegree is the length of one degree of a great circle.
const metresPerDegree = EarthRadiusM * degToRad

// Point is a WGS 84 position in degrees.
type Point struct{ Lat, Lon float64 }

// DistanceM returns the great-circle (haversine) distance between a and b in
// metres.
func DistanceM(a, b Point) float64 {
	phi1 := a.Lat * degToRad
	phi2 := b.Lat * degToRad
	sinDPhi := math.Sin((phi2 - phi1) / 2)
	sinDLam := math.Sin((b.Lon - a.Lon) * degToRad / 2)
	h := sinDPhi*sinDPhi + math.Cos(phi1)*math.Cos(phi2)*sinDLam*sinDLam
	if h > 1 {
		h = 1
	}
	return 2 * EarthRadiusM * math.Asin(math.Sqrt(h))
}

// Rect is an axis-aligned box in degrees: Min is the south-west corner and Max
// the north-east corner. The zero Rect is a single point at (0, 0); use
// EmptyRect for a box that contains nothing.
type Rect struct{ Min, Max Point }

// EmptyRect returns a box that contains no point and that Extend grows from
// nothing.
func EmptyRect() Rect {
	inf := math.Inf(1)
	return Rect{Min: Point{inf, inf}, Max: Point{-inf, -inf}}
}

// IsEmpty reports whether r contains no point.
func (r Rect) IsEmpty() bool {
	return r.Min.Lat > r.Max.Lat || r.Min.Lon > r.Max.Lon
}

// Contains reports whether p lies in r, edges included.
func (r Rect) Contains(p Point) bool {
	return p.Lat >= r.Min.Lat && p.Lat <= r.Max.Lat &&
		p.Lon >= r.Min.Lon && p.Lon <= r.Max.Lon
}

// Extend returns the smallest box that holds r and p.
func (r Rect) Extend(p Point) Rect {
	r.Min.Lat = math.Min(r.Min.Lat, p.Lat)
	r.Min.Lon = math.Min(r.Min.Lon, p.Lon)
	r.Max.Lat = math.Max(r.Max.Lat, p.Lat)
	r.Max.Lon = math.Max(r.Max.Lon, p.Lon)
	return r
}

// Union returns the smallest box that holds r and o.
func (r Rect) Union(o Rect) Rect {
	if o.IsEmpty() {
		return r
	}
	return r.Extend(o.Min).Extend(o.Max)
}

// Center returns the middle of r.
func (r Rect) Center() Point {
	return Point{(r.Min.Lat + r.Max.Lat) / 2, (r.Min.Lon + r.Max.Lon) / 2}
}
