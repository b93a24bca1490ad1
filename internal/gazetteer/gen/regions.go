package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/truce-monitor/truce/internal/gazetteer"
	"github.com/truce-monitor/truce/internal/geo"
)

// region is a region fact completed from the data: centroid, radius,
// polygon (Ukraine) and name forms.
type region struct {
	regionFact
	Lat, Lon, RadiusM float64
	poly              geo.MultiPolygon
	prep              *geo.Prepared
	forms             []string
}

// affix is a word put before or after a region's stem, with its script.
type affix struct {
	word   string
	prefix bool
}

// affixes by region kind; a Latin stem takes Latin words, a Cyrillic stem
// Cyrillic ones.
var affixes = map[string][]affix{
	"oblast": {{"oblast", false}, {"region", false}, {"province", false}, {"obl", false},
		{"область", false}, {"обл", false}, {"регион", false}, {"регіон", false}},
	"krai": {{"krai", false}, {"kray", false}, {"territory", false}, {"region", false}, {"край", false}},
	"republic": {{"republic", false}, {"region", false}, {"республика", false}, {"республіка", false},
		{"republic of", true}, {"respublika", true}, {"республика", true}, {"республіка", true}},
	"autonomous republic": {{"region", false}, {"republic", false}, {"republic of", true},
		{"autonomous republic of", true}, {"ar", true}, {"республика", true}, {"республіка", true},
		{"автономна республіка", true}, {"автономная республика", true}, {"ар", true}},
	"city": {{"city", false}, {"місто", false}, {"город", false}, {"city of", true}, {"місто", true},
		{"м", true}, {"город", true}, {"г", true}, {"gorod", true}, {"misto", true}},
}

// kindWords are dropped from official names to get their adjectival stems
// ("Дніпропетровська область" → "Дніпропетровська").
var kindWords = []string{"автономна", "автономная", "республіка", "республика", "область", "край"}

// buildRegions completes the region facts: Ukrainian regions from the
// oblast polygons (or the hand-drawn outlines of Kyiv City and Sevastopol),
// Russian ones from their facts.
func buildRegions(oblasts map[string]geo.MultiPolygon) ([]*region, error) {
	var out []*region
	used := 0
	for _, f := range uaRegions {
		r := &region{regionFact: f}
		switch f.ISO {
		case "UA-30":
			r.poly = outline(kyivCityOutline)
		case "UA-40":
			r.poly = outline(sevastopolOutline)
		default:
			r.poly = oblasts[f.ISO]
			used++
		}
		c, ok := r.poly.Centroid()
		if !ok {
			return nil, fmt.Errorf("region %s has no polygon in %s", f.ISO, oblastsFile)
		}
		r.Lat, r.Lon, r.RadiusM = c.Lat, c.Lon, enclosingRadius(c, r.poly)
		r.prep = geo.Prepare(r.poly)
		out = append(out, r)
	}
	if used != len(oblasts) {
		return nil, fmt.Errorf("%s has %d regions, the facts name %d", oblastsFile, len(oblasts), used)
	}
	for _, f := range ruRegions {
		out = append(out, &region{regionFact: f, Lat: f.Lat, Lon: f.Lon, RadiusM: f.RadiusKM * 1000})
	}
	seen := make(map[string]string)
	for _, r := range out {
		if r.Country == "" {
			r.Country = r.ISO[:2]
		}
		r.forms = regionForms(r.regionFact)
		for _, n := range append(r.forms, gazetteer.Normalize(r.Name), gazetteer.Normalize(r.ISO)) {
			if o, dup := seen[n]; dup && o != r.ISO {
				return nil, fmt.Errorf("region name %q means both %s and %s", n, o, r.ISO)
			}
			seen[n] = r.ISO
		}
	}
	return out, nil
}

// outline turns a hand-drawn (lon, lat) ring into a multipolygon.
func outline(pts [][2]float64) geo.MultiPolygon {
	r := make(geo.Ring, len(pts))
	for i, p := range pts {
		r[i] = geo.Point{Lat: p[1], Lon: p[0]}
	}
	return geo.MultiPolygon{{r}}
}

// enclosingRadius is the distance from c to the farthest vertex, rounded up
// to a kilometre.
func enclosingRadius(c geo.Point, mp geo.MultiPolygon) float64 {
	m := 0.0
	for _, p := range mp {
		for _, r := range p {
			for _, v := range r {
				m = math.Max(m, geo.DistanceM(c, v))
			}
		}
	}
	return math.Ceil(m/1000) * 1000
}

// regionForms returns the normalized names of a region other than its
// canonical name and ISO code: its names alone and with the affixes of its
// kind, its official names and their adjectival stems, in all scripts.
func regionForms(f regionFact) []string {
	bare, stems := formSet{}, formSet{}
	bare.add(f.Names...)
	if f.Kind == "city" {
		stems.add(f.Stems...)
	} else {
		adj := []string{adjective(f.NameUK), adjective(f.NameRU)}
		bare.add(f.NameUK, f.NameRU)
		bare.add(adj...)
		stems.add(f.Names...)
		stems.add(adj...)
		stems.add(f.Name)
	}
	for s := range stems {
		for _, a := range affixes[f.Kind] {
			if isCyrillic(s) != isCyrillic(a.word) {
				continue
			}
			if a.prefix {
				bare[gazetteer.Normalize(a.word+" "+s)] = true
			} else {
				bare[gazetteer.Normalize(s+" "+a.word)] = true
			}
		}
	}
	return bare.sorted(gazetteer.Normalize(f.Name), gazetteer.Normalize(f.ISO))
}

// adjective drops the words naming the kind of region from an official
// name.
func adjective(name string) string {
	var kept []string
	for _, w := range strings.Fields(name) {
		drop := false
		for _, k := range kindWords {
			drop = drop || strings.EqualFold(w, k)
		}
		if !drop {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// regionByGN returns the region of a GeoNames admin1 code of a country.
func regionByGN(regions []*region, country, code string) *region {
	for _, r := range regions {
		if r.Country == country && r.GN == code && r.GN != "" {
			return r
		}
	}
	return nil
}

// regionByISO returns the region with the given ISO code.
func regionByISO(regions []*region, iso string) *region {
	for _, r := range regions {
		if r.ISO == iso {
			return r
		}
	}
	return nil
}
