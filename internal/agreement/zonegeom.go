package agreement

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/truce-monitor/truce/internal/geo"
)

// zone is a compiled zone: an area (polygons, indexed by internal/geo)
// and lines and points (a contact line, a plant), any of which may be
// empty. Inside and outside need an area; distances are to the nearest of
// all its parts (0 inside the area).
type zone struct {
	area   *geo.Prepared // nil without polygons
	lines  [][]geo.Point // polylines; a point is a line of one point
	bounds geo.Rect      // around every part
	field  *distField    // set by Compile: bounds on distances, cell by cell
}

func (z *zone) hasArea() bool { return z.area != nil }

func (z *zone) contains(p geo.Point) bool { return z.area != nil && z.area.Contains(p) }

// boundaryM is the distance from p to the nearest side of the area or
// point of the lines.
func (z *zone) boundaryM(p geo.Point) float64 {
	d := math.Inf(1)
	if z.area != nil {
		d = z.area.DistanceToBoundaryM(p)
	}
	if len(z.lines) > 0 {
		d = math.Min(d, linesDistanceM(z.lines, p, d))
	}
	return d
}

// linesDistanceM returns the distance from p to the nearest point of the
// lines, or at least limit when none is nearer. The nearest segment is
// found in a plane tangent at p (longitudes scaled by cos φ), then measured
// on the sphere, as internal/geo does for polygons.
func linesDistanceM(lines [][]geo.Point, p geo.Point, limit float64) float64 {
	kx := math.Cos(p.Lat * math.Pi / 180)
	best, found := math.Inf(1), false
	var near geo.Point
	for _, l := range lines {
		for i := range l {
			a, b := l[i], l[i]
			if i+1 < len(l) {
				b = l[i+1]
			} else if len(l) > 1 {
				break
			}
			ax, ay := (a.Lon-p.Lon)*kx, a.Lat-p.Lat
			dx, dy := (b.Lon-a.Lon)*kx, b.Lat-a.Lat
			t := 0.0
			if l2 := dx*dx + dy*dy; l2 > 0 {
				t = math.Min(math.Max(-(ax*dx+ay*dy)/l2, 0), 1)
			}
			cx, cy := ax+t*dx, ay+t*dy
			if d := cx*cx + cy*cy; d < best {
				best, found = d, true
				near = geo.Point{Lat: a.Lat + t*(b.Lat-a.Lat), Lon: a.Lon + t*(b.Lon-a.Lon)}
			}
		}
	}
	if !found {
		return limit
	}
	return geo.DistanceM(p, near)
}

// gjObject holds the members of any GeoJSON object a zone may hold.
type gjObject struct {
	Type        string            `json:"type"`
	Features    []json.RawMessage `json:"features"`
	Geometry    json.RawMessage   `json:"geometry"`
	Geometries  []json.RawMessage `json:"geometries"`
	Coordinates json.RawMessage   `json:"coordinates"`
}

// buildZone reads a zone's GeoJSON: a FeatureCollection, Feature or
// geometry; polygons go to internal/geo, lines and points are kept here.
func buildZone(data []byte) (*zone, error) {
	var polys geo.MultiPolygon
	var lines [][]geo.Point
	var walk func(raw json.RawMessage, path string, depth int) error
	walk = func(raw json.RawMessage, path string, depth int) error {
		if depth > 8 {
			return fmt.Errorf("%s: nested too deeply", path)
		}
		var o gjObject
		if err := json.Unmarshal(raw, &o); err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		switch o.Type {
		case "FeatureCollection":
			for i, f := range o.Features {
				if err := walk(f, fmt.Sprintf("%s.features[%d]", path, i), depth+1); err != nil {
					return err
				}
			}
		case "Feature":
			if len(o.Geometry) == 0 || string(o.Geometry) == "null" {
				return nil
			}
			return walk(o.Geometry, path+".geometry", depth+1)
		case "GeometryCollection":
			for i, g := range o.Geometries {
				if err := walk(g, fmt.Sprintf("%s.geometries[%d]", path, i), depth+1); err != nil {
					return err
				}
			}
		case "Polygon", "MultiPolygon":
			feats, err := geo.ParseGeoJSON(raw)
			if err != nil {
				return fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "geojson: "))
			}
			for _, f := range feats {
				polys = append(polys, f.Geometry...)
			}
		case "LineString", "MultiLineString", "Point", "MultiPoint":
			ls, err := parseLines(o.Type, o.Coordinates)
			if err != nil {
				return fmt.Errorf("%s.coordinates: %v", path, err)
			}
			lines = append(lines, ls...)
		case "":
			return fmt.Errorf("%s: missing \"type\"", path)
		default:
			return fmt.Errorf("%s: type %q is not a GeoJSON geometry, Feature or FeatureCollection", path, o.Type)
		}
		return nil
	}
	if err := walk(data, "geojson", 0); err != nil {
		return nil, err
	}
	return newZone(polys, lines)
}

func newZone(polys geo.MultiPolygon, lines [][]geo.Point) (*zone, error) {
	z := &zone{lines: lines, bounds: geo.EmptyRect()}
	if len(polys) > 0 {
		z.area = geo.Prepare(polys)
		z.bounds = z.area.Bounds()
		if z.bounds.IsEmpty() {
			z.area = nil
		}
	}
	for _, l := range lines {
		for _, p := range l {
			z.bounds = z.bounds.Extend(p)
		}
	}
	if z.area == nil && len(lines) == 0 {
		return nil, errors.New("the zone's GeoJSON has no polygon, line or point")
	}
	return z, nil
}

// parseLines reads the coordinates of a LineString, MultiLineString,
// Point or MultiPoint.
func parseLines(typ string, raw json.RawMessage) ([][]geo.Point, error) {
	var err error
	var out [][]geo.Point
	switch typ {
	case "Point":
		var c []float64
		if err = json.Unmarshal(raw, &c); err == nil {
			var p geo.Point
			if p, err = position(c); err == nil {
				out = [][]geo.Point{{p}}
			}
		}
	case "MultiPoint", "LineString":
		var cs [][]float64
		if err = json.Unmarshal(raw, &cs); err == nil {
			var ps []geo.Point
			if ps, err = positions(cs, typ == "LineString"); err == nil {
				if typ == "LineString" {
					out = [][]geo.Point{ps}
				} else {
					for _, p := range ps {
						out = append(out, []geo.Point{p})
					}
				}
			}
		}
	default: // MultiLineString
		var css [][][]float64
		if err = json.Unmarshal(raw, &css); err == nil {
			for _, cs := range css {
				ps, perr := positions(cs, true)
				if perr != nil {
					return nil, perr
				}
				out = append(out, ps)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func positions(cs [][]float64, line bool) ([]geo.Point, error) {
	if line && len(cs) < 2 {
		return nil, errors.New("a line needs at least two positions")
	}
	out := make([]geo.Point, 0, len(cs))
	for _, c := range cs {
		p, err := position(c)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// position reads [lon, lat] (a third number, the altitude, is ignored).
func position(c []float64) (geo.Point, error) {
	if len(c) < 2 {
		return geo.Point{}, errors.New("a position needs a longitude and a latitude")
	}
	lon, lat := c[0], c[1]
	if !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) {
		return geo.Point{}, fmt.Errorf("[%v, %v] is not a longitude and latitude", lon, lat)
	}
	return geo.Point{Lat: lat, Lon: lon}, nil
}
