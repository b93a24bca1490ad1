package main

import (
	"fmt"

	"github.com/truce-monitor/truce/internal/geo"
)

// result is what a build produces: the files, by path under the output
// folder, and a log of what was done to the data.
type result struct {
	files map[string][]byte
	log   []string
}

// build reads the source data under dir and makes the data files. It
// depends on nothing but the files' contents, so that the same input gives
// byte-identical output.
func build(dir string) (*result, error) {
	res := &result{files: make(map[string][]byte)}
	oblasts, err := readOblasts(dir)
	if err != nil {
		return nil, err
	}
	regions, err := buildRegions(oblasts)
	if err != nil {
		return nil, err
	}
	entries, err := buildEntries(dir, regions, &res.log)
	if err != nil {
		return nil, err
	}
	if res.files["gazetteer.tsv.gz"], err = entriesFile(regions, entries); err != nil {
		return nil, err
	}
	if res.files["admin1.geojson.gz"], err = areasFile(regions); err != nil {
		return nil, err
	}
	if res.files["web/oblasts.geojson"], err = webOblasts(regions); err != nil {
		return nil, err
	}
	date, occupied, err := readLatestDeepState(dir)
	if err != nil {
		return nil, err
	}
	if res.files["web/occupied.geojson"], err = webOccupied(date, occupied); err != nil {
		return nil, err
	}
	res.log = append(res.log, summary(entries, regions)...)
	return res, nil
}

// buildEntries makes the settlement entries: GeoNames towns and the facts,
// renamed where the law renamed them, and the postal places not folded into
// them.
func buildEntries(dir string, regions []*region, log *[]string) ([]*entry, error) {
	rows, err := readPostal(dir)
	if err != nil {
		return nil, err
	}
	postal, err := postalPlaces(rows, regions, log)
	if err != nil {
		return nil, err
	}
	cities, err := readCities(dir)
	if err != nil {
		return nil, err
	}
	towns, err := cityEntries(cities, regions, postal, log)
	if err != nil {
		return nil, err
	}
	facts, err := factEntries(regions)
	if err != nil {
		return nil, err
	}
	towns = append(towns, facts...)
	renames, err := parseRenames()
	if err != nil {
		return nil, err
	}
	rest := applyRenames(renames, towns, nil)
	left := mergePostal(postal, towns)
	for _, r := range applyRenames(rest, nil, left) {
		*log = append(*log, fmt.Sprintf("rename %s → %s (%s): no such town in the data", r.old[0], r.uk, r.iso))
	}
	widenRadii(regions, towns)
	checkTownRegions(towns, regions, log)
	all := append(towns, left...)
	sortEntries(all)
	return all, nil
}

// widenRadii makes the radius of each region without a polygon hold all its
// towns, with 10 km to spare.
func widenRadii(regions []*region, towns []*entry) {
	for _, t := range towns {
		r := t.Region
		if r.poly != nil {
			continue
		}
		d := geo.DistanceM(geo.Point{Lat: r.Lat, Lon: r.Lon}, t.point()) + 10000
		if d > r.RadiusM {
			r.RadiusM = float64(int(d/1000)+1) * 1000
		}
	}
}

// checkTownRegions logs Ukrainian towns whose GeoNames region disagrees with
// the polygon they lie in.
func checkTownRegions(towns []*entry, regions []*region, log *[]string) {
	for _, t := range towns {
		if t.Region.poly == nil {
			continue
		}
		var in []string
		for _, r := range regions {
			if r.prep != nil && r.prep.Contains(t.point()) {
				in = append(in, r.ISO)
			}
		}
		ok := len(in) == 0
		for _, iso := range in {
			ok = ok || iso == t.Region.ISO
		}
		if !ok {
			*log = append(*log, fmt.Sprintf("%s %s: GeoNames region %s, polygon %v", t.ID, t.Name, t.Region.ISO, in))
		}
	}
}

// summary counts what was built.
func summary(es []*entry, regions []*region) []string {
	kinds := make(map[int]int)
	forms := 0
	for _, e := range es {
		kinds[e.Kind]++
		forms += len(e.forms)
	}
	return []string{fmt.Sprintf("entries: %d GeoNames towns, %d facts, %d postal places; %d name forms; %d regions",
		kinds[kindCity], kinds[kindFact], kinds[kindPostal], forms, len(regions))}
}
