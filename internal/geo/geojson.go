package geo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
)

// Feature is a GeoJSON feature whose geometry is polygonal. A Polygon
// geometry is returned as a MultiPolygon of one polygon; a null geometry as an
// empty MultiPolygon.
type Feature struct {
	Properties map[string]any
	Geometry   MultiPolygon
}

// rawObject holds every member of any GeoJSON object this package reads.
type rawObject struct {
	Type        string            `json:"type"`
	Features    []json.RawMessage `json:"features"`
	Geometry    json.RawMessage   `json:"geometry"`
	Geometries  []json.RawMessage `json:"geometries"`
	Properties  map[string]any    `json:"properties"`
	Coordinates json.RawMessage   `json:"coordinates"`
}

// ParseGeoJSON reads a FeatureCollection, a single Feature, or a bare Polygon,
// MultiPolygon or GeometryCollection of those. Rings must have at least four
// positions; a ring whose last position does not repeat the first is closed.
// Errors name the offending member, e.g.
// `geojson: features[3].geometry: type "LineString" is not polygonal`.
func ParseGeoJSON(data []byte) ([]Feature, error) {
	var obj rawObject
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, fmt.Errorf("geojson: %w", err)
	}
	switch obj.Type {
	case "FeatureCollection":
		out := make([]Feature, 0, len(obj.Features))
		for i, raw := range obj.Features {
			path := fmt.Sprintf("features[%d]", i)
			var f rawObject
			if err := json.Unmarshal(raw, &f); err != nil {
				return nil, fmt.Errorf("geojson: %s: %w", path, err)
			}
			feat, err := parseFeature(f, path)
			if err != nil {
				return nil, err
			}
			out = append(out, feat)
		}
		return out, nil
	case "Feature":
		feat, err := parseFeature(obj, "feature")
		if err != nil {
			return nil, err
		}
		return []Feature{feat}, nil
	case "":
		return nil, errors.New(`geojson: missing "type"`)
	default:
		mp, err := parseGeometry(obj, "geometry")
		if err != nil {
			return nil, err
		}
		return []Feature{{Geometry: mp}}, nil
	}
}

// parseFeature converts one decoded Feature object.
func parseFeature(f rawObject, path string) (Feature, error) {
	if f.Type != "Feature" {
		return Feature{}, fmt.Errorf("geojson: %s: type %q, want \"Feature\"", path, f.Type)
	}
	feat := Feature{Properties: f.Properties}
	if len(f.Geometry) == 0 || string(f.Geometry) == "null" {
		return feat, nil
	}
	var g rawObject
	if err := json.Unmarshal(f.Geometry, &g); err != nil {
		return Feature{}, fmt.Errorf("geojson: %s.geometry: %w", path, err)
	}
	mp, err := parseGeometry(g, path+".geometry")
	if err != nil {
		return Feature{}, err
	}
	feat.Geometry = mp
	return feat, nil
}

// parseGeometry converts a Polygon, MultiPolygon or GeometryCollection.
func parseGeometry(g rawObject, path string) (MultiPolygon, error) {
	switch g.Type {
	case "Polygon":
		var c [][][]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, fmt.Errorf("geojson: %s.coordinates: %w", path, err)
		}
		p, err := toPolygon(c, path+".coordinates")
		if err != nil {
			return nil, err
		}
		return MultiPolygon{p}, nil
	case "MultiPolygon":
		var c [][][][]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, fmt.Errorf("geojson: %s.coordinates: %w", path, err)
		}
		mp := make(MultiPolygon, 0, len(c))
		for i, pc := range c {
			p, err := toPolygon(pc, fmt.Sprintf("%s.coordinates[%d]", path, i))
			if err != nil {
				return nil, err
			}
			mp = append(mp, p)
		}
		return mp, nil
	case "GeometryCollection":
		var mp MultiPolygon
		for i, raw := range g.Geometries {
			sub := fmt.Sprintf("%s.geometries[%d]", path, i)
			var o rawObject
			if err := json.Unmarshal(raw, &o); err != nil {
				return nil, fmt.Errorf("geojson: %s: %w", sub, err)
			}
			part, err := parseGeometry(o, sub)
			if err != nil {
				return nil, err
			}
			mp = append(mp, part...)
		}
		return mp, nil
	default:
		return nil, fmt.Errorf("geojson: %s: type %q is not polygonal (want Polygon or MultiPolygon)", path, g.Type)
	}
}

// toPolygon checks and converts the coordinates of one polygon.
func toPolygon(c [][][]float64, path string) (Polygon, error) {
	if len(c) == 0 {
		return nil, fmt.Errorf("geojson: %s: polygon has no rings", path)
	}
	p := make(Polygon, 0, len(c))
	for i, rc := range c {
		r := make(Ring, 0, len(rc)+1)
		for j, pos := range rc {
			if len(pos) < 2 {
				return nil, fmt.Errorf("geojson: %s[%d][%d]: position has %d numbers, want at least 2", path, i, j, len(pos))
			}
			lon, lat := pos[0], pos[1]
			if math.IsNaN(lon) || math.Abs(lon) > 180 || math.IsNaN(lat) || math.Abs(lat) > 90 {
				return nil, fmt.Errorf("geojson: %s[%d][%d]: [%v, %v] is not a longitude, latitude pair", path, i, j, lon, lat)
			}
			r = append(r, Point{Lat: lat, Lon: lon})
		}
		if len(r) > 0 && r[0] != r[len(r)-1] {
			r = append(r, r[0])
		}
		if len(r) < 4 {
			return nil, fmt.Errorf("geojson: %s[%d]: ring has %d positions, want at least 4", path, i, len(r))
		}
		p = append(p, r)
	}
	return p, nil
}

// MarshalGeoJSON writes the features as a compact FeatureCollection, one
// feature a line, with coordinates rounded to the given number of decimals
// (5 is about a metre). Positions that become equal to their predecessor after
// rounding are written once; rings left with fewer than four positions, and
// polygons whose outer ring is dropped so, are left out. A polygon count of
// one is written as a Polygon, anything else as a MultiPolygon. Property keys
// are written in sorted order, so the output is deterministic.
func MarshalGeoJSON(features []Feature, decimals int) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, f := range features {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n{\"type\":\"Feature\",\"properties\":")
		props := []byte("{}")
		if len(f.Properties) > 0 {
			var err error
			if props, err = json.Marshal(f.Properties); err != nil {
				return nil, fmt.Errorf("geojson: feature %d properties: %w", i, err)
			}
		}
		b.Write(props)
		b.WriteString(`,"geometry":`)
		writeGeometry(&b, roundMulti(f.Geometry, decimals))
		b.WriteByte('}')
	}
	b.WriteString("\n]}\n")
	return b.Bytes(), nil
}

// roundMulti rounds every coordinate and drops what rounding degenerates.
func roundMulti(mp MultiPolygon, decimals int) MultiPolygon {
	scale := math.Pow(10, float64(decimals))
	round := func(v float64) float64 { return math.Round(v*scale) / scale }
	var out MultiPolygon
	for _, p := range mp {
		var np Polygon
		for ri, r := range p {
			nr := make(Ring, 0, len(r))
			for _, pt := range r {
				q := Point{Lat: round(pt.Lat), Lon: round(pt.Lon)}
				if len(nr) == 0 || nr[len(nr)-1] != q {
					nr = append(nr, q)
				}
			}
			if len(nr) < 4 {
				if ri == 0 {
					break
				}
				continue
			}
			np = append(np, nr)
		}
		if len(np) > 0 {
			out = append(out, np)
		}
	}
	return out
}

// writeGeometry writes mp as a Polygon, a MultiPolygon or null.
func writeGeometry(b *bytes.Buffer, mp MultiPolygon) {
	switch len(mp) {
	case 0:
		b.WriteString("null")
	case 1:
		b.WriteString(`{"type":"Polygon","coordinates":`)
		writePolygon(b, mp[0])
		b.WriteByte('}')
	default:
		b.WriteString(`{"type":"MultiPolygon","coordinates":[`)
		for i, p := range mp {
			if i > 0 {
				b.WriteByte(',')
			}
			writePolygon(b, p)
		}
		b.WriteString("]}")
	}
}

// writePolygon writes the ring arrays of one polygon.
func writePolygon(b *bytes.Buffer, p Polygon) {
	b.WriteByte('[')
	for i, r := range p {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j, pt := range r {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('[')
			b.WriteString(strconv.FormatFloat(pt.Lon, 'f', -1, 64))
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(pt.Lat, 'f', -1, 64))
			b.WriteByte(']')
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
}
