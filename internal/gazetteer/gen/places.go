package main

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/truce-monitor/truce/internal/gazetteer"
	"github.com/truce-monitor/truce/internal/geo"
)

//go:embed renames.tsv
var renamesTSV string

// rename is one row of renames.tsv.
type rename struct {
	iso                 string
	old                 []string
	uk, ru, latin, year string
	also                []string
}

// parseRenames reads renames.tsv.
func parseRenames() ([]rename, error) {
	var out []rename
	for i, line := range strings.Split(renamesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("renames.tsv line %d: %d fields, want 7", i+1, len(f))
		}
		r := rename{iso: f[0], old: strings.Split(f[1], "|"), uk: f[2], ru: f[3], latin: f[4], year: f[6]}
		if r.latin == "" {
			r.latin = gazetteer.Transliterate(r.uk)
		}
		if f[5] != "" {
			r.also = strings.Split(f[5], "|")
		}
		out = append(out, r)
	}
	return out, nil
}

// applyRenames gives renamed towns their new names, keeping the former ones
// as forms, and returns the renames that found no town. A rename applies to
// the towns and facts of its region that have a former or the new name;
// failing those, to the postal place so named with the most postal codes.
func applyRenames(rs []rename, towns, postal []*entry) (rest []rename) {
	for _, r := range rs {
		names := append(append([]string{r.uk}, r.old...), r.ru)
		var hit []*entry
		for _, e := range towns {
			if e.Region.ISO == r.iso && e.hasForm(names...) {
				hit = append(hit, e)
			}
		}
		if len(hit) == 0 {
			var best *entry
			for _, e := range postal {
				if e.Region.ISO == r.iso && e.hasForm(names...) && (best == nil || e.postalRows > best.postalRows) {
					best = e
				}
			}
			if best != nil {
				hit = append(hit, best)
			}
		}
		if len(hit) == 0 {
			rest = append(rest, r)
		}
		for _, e := range hit {
			e.forms.add(r.old...)
			e.forms.add(r.also...)
			e.forms.add(e.Name, e.NameUK, e.NameRU, r.uk, r.ru, r.latin)
			e.Name, e.NameUK, e.NameRU = r.latin, r.uk, r.ru
		}
	}
	return rest
}

// factEntries makes the entries of the hand-written places.
func factEntries(regions []*region) ([]*entry, error) {
	var out []*entry
	for _, f := range placeFacts {
		reg := regionByISO(regions, f.ISO)
		if reg == nil {
			return nil, fmt.Errorf("%s: unknown region %s", f.ID, f.ISO)
		}
		e := &entry{ID: f.ID, Name: f.Name, NameUK: f.NameUK, NameRU: f.NameRU, Region: reg,
			Admin2: f.Admin2, Lat: f.Lat, Lon: f.Lon, UncM: f.UncKM * 1000, Population: f.Population,
			Kind: kindFact, forms: formSet{}, alt: formSet{}}
		e.forms.add(f.Name, f.NameUK, f.NameRU)
		e.forms.add(f.Also...)
		out = append(out, e)
	}
	return out, nil
}

// mergePostal folds postal places into the town or fact of the same region
// that has their name and lies within postalNearKM (any distance when the
// postal point was moved as wrong), or whose Latin name their KMU-2010
// spelling agrees with within postalSameKM; and returns the postal places
// left.
func mergePostal(postal, towns []*entry) []*entry {
	var left []*entry
	for _, p := range postal {
		var best *entry
		bestD := postalNearKM * 1000.0
		for _, t := range towns {
			if t.Region != p.Region {
				continue
			}
			d := geo.DistanceM(t.point(), p.point())
			switch {
			case t.hasForm(p.NameUK) && p.moved:
				d = 0
			case t.hasForm(p.NameUK):
			case d <= postalSameKM*1000 && skel(p.Name) == skel(t.Name):
			default:
				continue
			}
			if d <= bestD {
				best, bestD = t, d
			}
		}
		if best == nil {
			left = append(left, p)
			continue
		}
		for f := range p.forms {
			best.forms[f] = true
		}
		if best.NameUK == "" {
			best.NameUK = p.NameUK
			if best.Region.Country == "UA" {
				best.Name = p.Name
			}
		}
		if best.Admin2 == "" {
			best.Admin2 = p.Admin2
		}
	}
	return left
}
