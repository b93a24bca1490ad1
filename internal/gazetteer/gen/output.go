package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce/internal/gazetteer"
	"github.com/truce-monitor/truce/internal/geo"
)

// Simplification of the polygons written: the region polygons used by
// Locate keep ~20 m, the web map's oblasts ~200 m, its occupied area ~50 m.
const (
	areasToleranceDeg    = 0.0002
	webOblastToleranceDg = 0.002
	occupiedToleranceDeg = 0.0005
)

// entriesFile writes the gzip'd entries table read by gazetteer.Load.
func entriesFile(regions []*region, es []*entry) ([]byte, error) {
	var b strings.Builder
	b.WriteString(gazetteer.FormatHeader + "\n")
	for _, c := range countries {
		lat, lon, rad := c.Lat, c.Lon, c.RadiusKM*1000
		if c.Code == "UA" {
			lat, lon, rad = ukraineExtent(regions)
		}
		fs := formSet{}
		fs.add(c.Names...)
		writeRecord(&b, "C", c.Code, c.Name, c.NameUK, c.NameRU, num(lat), num(lon), num(rad),
			strings.Join(fs.sorted(norms(c.Name, c.NameUK, c.NameRU)...), "|"))
	}
	for pass := 0; pass < 2; pass++ {
		for _, r := range regions {
			if (r.Parent != "") != (pass == 1) {
				continue
			}
			writeRecord(&b, "A", r.ISO, r.Name, r.Country, r.NameUK, r.NameRU, num(r.Lat), num(r.Lon),
				num(r.RadiusM), r.Parent, strings.Join(r.forms, "|"))
		}
	}
	for _, e := range es {
		e.forms.add(e.Name, e.NameUK, e.NameRU)
		primary := e.forms.sorted()
		writeRecord(&b, "E", e.ID, e.Name, e.NameUK, e.NameRU, e.Region.ISO, e.Admin2, num(e.Lat), num(e.Lon),
			num(e.UncM), strconv.Itoa(e.Population), strings.Join(removeAll(primary, norms(e.Name, e.NameUK, e.NameRU)), "|"),
			strings.Join(e.alt.sorted(primary...), "|"))
	}
	if strings.Contains(b.String(), "\r") {
		return nil, fmt.Errorf("entries hold a carriage return")
	}
	return gzipBytes([]byte(b.String()))
}

// writeRecord writes one tab-separated line; a field holding a tab or a
// newline would break the table and is replaced by a space.
func writeRecord(b *strings.Builder, fields ...string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(strings.NewReplacer("\t", " ", "\n", " ").Replace(f))
	}
	b.WriteByte('\n')
}

// norms normalizes names.
func norms(names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = gazetteer.Normalize(n)
	}
	return out
}

// num writes a number with at most four decimals (about 10 m of latitude).
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
}

// ukraineExtent is the centroid of all oblast polygons and the radius that
// holds them.
func ukraineExtent(regions []*region) (lat, lon, radiusM float64) {
	var all geo.MultiPolygon
	for _, r := range regions {
		if r.poly != nil && r.Parent == "" {
			all = append(all, r.poly...)
		}
	}
	c, _ := all.Centroid()
	return c.Lat, c.Lon, enclosingRadius(c, all)
}

// gzipBytes compresses b; the gzip header carries no name and no time, so
// the output depends on b alone.
func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// areasFile writes the gzip'd GeoJSON of the Ukrainian region polygons,
// Kyiv City and Sevastopol included, that Locate tests.
func areasFile(regions []*region) ([]byte, error) {
	var fs []geo.Feature
	for _, r := range regions {
		if r.poly != nil {
			fs = append(fs, geo.Feature{Properties: map[string]any{"iso": r.ISO},
				Geometry: geo.Simplify(r.poly, areasToleranceDeg)})
		}
	}
	js, err := geo.MarshalGeoJSON(fs, 5)
	if err != nil {
		return nil, err
	}
	return gzipBytes(js)
}

// webOblasts writes the GeoJSON of the 25 oblast polygons for the web map.
func webOblasts(regions []*region) ([]byte, error) {
	var fs []geo.Feature
	for _, r := range regions {
		if r.poly != nil && r.Kind != "city" {
			fs = append(fs, geo.Feature{
				Properties: map[string]any{"iso": r.ISO, "name": r.Name, "name_uk": r.NameUK, "name_ru": r.NameRU},
				Geometry:   geo.Simplify(r.poly, webOblastToleranceDg)})
		}
	}
	return geo.MarshalGeoJSON(fs, 4)
}

// webOccupied writes the GeoJSON of the occupied area of the newest
// DeepState snapshot for the web map.
func webOccupied(date string, mp geo.MultiPolygon) ([]byte, error) {
	if len(date) == 8 {
		date = date[:4] + "-" + date[4:6] + "-" + date[6:]
	}
	f := geo.Feature{
		Properties: map[string]any{"date": date, "source": "DeepStateMap.Live (deepstatemap.live), via github.com/cyterat/deepstate-map-data"},
		Geometry:   geo.Simplify(mp, occupiedToleranceDeg),
	}
	return geo.MarshalGeoJSON([]geo.Feature{f}, 5)
}
