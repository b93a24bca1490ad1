package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce/internal/gazetteer"
	"github.com/truce-monitor/truce/internal/geo"
)

// How far a postal place may lie from the town it names: with a name the
// town has, and with a name that merely transliterates alike.
const (
	postalNearKM = 30
	postalSameKM = 10
)

// cityEntries makes the entries of the GeoNames towns, choosing their
// Ukrainian and Russian names among the alternate names (Ukrainian ones
// confirmed by the postal places nearby where possible).
func cityEntries(cities []gnCity, regions []*region, postal []*entry, log *[]string) ([]*entry, error) {
	var out []*entry
	for _, c := range cities {
		if why, skip := excludedGN[c.ID]; skip {
			*log = append(*log, fmt.Sprintf("gn:%d %s left out: %s", c.ID, c.Name, why))
			continue
		}
		reg := regionByGN(regions, c.Country, c.Code)
		if reg == nil {
			return nil, fmt.Errorf("gn:%d %s: no region fact for %s admin1 code %q", c.ID, c.Name, c.Country, c.Code)
		}
		e := &entry{ID: "gn:" + strconv.Itoa(c.ID), Region: reg, Lat: c.Lat, Lon: c.Lon,
			Population: c.Population, UncM: cityUncertaintyM(c.Population), Kind: kindCity, forms: formSet{}, alt: formSet{}}
		if km, ok := uncertaintyKM[c.ID]; ok {
			e.UncM = km * 1000
		}
		cyr := cyrillicAlternates(c)
		if c.Country == "UA" {
			e.NameUK = chooseUK(c, cyr, nearPostalNames(postal, reg, c))
			e.NameRU = chooseRU(c, cyr, e.NameUK)
		} else {
			e.NameRU = chooseRU(c, cyr, "")
		}
		if n, ok := cyrillicNames[c.ID]; ok {
			e.NameUK, e.NameRU = n[0], n[1]
		}
		e.Name = latinName(c, e.NameUK)
		e.forms.add(c.Name, c.ASCII, e.Name, e.NameUK, e.NameRU)
		for _, a := range c.Alternates {
			if latinAlternate(a) || eastSlavic(a) {
				e.alt.add(a)
			}
		}
		out = append(out, e)
	}
	return dedupCities(out, log), nil
}

// latinName is the entry's Latin name: KMU-2010 of the Ukrainian name for
// Ukrainian towns, else the GeoNames ASCII name without apostrophes and
// with -yy/-iy endings written -y as English does ("Staryy Oskol" → "Stary
// Oskol"), or a fact.
func latinName(c gnCity, uk string) string {
	if n, ok := englishNames[c.ID]; ok {
		return n
	}
	if c.Country == "UA" && uk != "" {
		return gazetteer.Transliterate(uk)
	}
	words := strings.Fields(strings.NewReplacer("'", "", "’", "").Replace(c.ASCII))
	for i, w := range words {
		if strings.HasSuffix(w, "yy") || strings.HasSuffix(w, "iy") {
			words[i] = w[:len(w)-2] + "y"
		}
	}
	return strings.Join(words, " ")
}

// cyrillicAlternates returns the distinct alternate names written in the
// Russian or Ukrainian alphabet, sorted.
func cyrillicAlternates(c gnCity) []string {
	seen := make(map[string]bool)
	var out []string
	for _, a := range c.Alternates {
		if eastSlavic(a) && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// nearPostalNames returns the Ukrainian names of postal places of the
// region within postalNearKM of the town.
func nearPostalNames(postal []*entry, reg *region, c gnCity) map[string]string {
	out := make(map[string]string)
	p := geo.Point{Lat: c.Lat, Lon: c.Lon}
	for _, e := range postal {
		if e.Region == reg && geo.DistanceM(p, e.point()) <= postalNearKM*1000 {
			out[gazetteer.Normalize(e.NameUK)] = e.NameUK
		}
	}
	return out
}

// chooseUK picks the Ukrainian name of a Ukrainian town: an alternate name
// that a postal place nearby has; else a postal place nearby whose KMU-2010
// spelling agrees with a Latin name of the town; else the best alternate,
// without letters only Russian has, whose spelling agrees with the GeoNames
// name; else none.
func chooseUK(c gnCity, cyr []string, postal map[string]string) string {
	for _, a := range cyr {
		if uk, ok := postal[gazetteer.Normalize(a)]; ok && !isAllCaps(a) {
			return uk
		}
	}
	want := map[string]bool{skel(c.ASCII): true, skel(c.Name): true}
	for _, a := range c.Alternates {
		if latinAlternate(a) {
			want[skel(a)] = true
		}
	}
	names := make([]string, 0, len(postal))
	for _, uk := range postal {
		names = append(names, uk)
	}
	sort.Strings(names)
	for _, uk := range names {
		if want[skel(gazetteer.Transliterate(uk))] {
			return uk
		}
	}
	best, bestScore := "", 0
	for _, a := range cyr {
		if strings.ContainsAny(a, ruOnly) || isAllCaps(a) || skel(gazetteer.Transliterate(a)) != skel(c.ASCII) {
			continue
		}
		if score := ukScore(a); best == "" || score > bestScore {
			best, bestScore = a, score
		}
	}
	return best
}

// ukScore scores a candidate Ukrainian name: letters only Ukrainian has
// (2), Ukrainian endings -ськ, -цьк, -ський, -цький, -поль (1), Russian
// ones -ск, -цк, -ский, -цкий and a soft sign after a final sibilant (−1).
func ukScore(a string) int {
	score := 0
	if strings.ContainsAny(a, ukOnly) {
		score += 2
	}
	l := strings.ToLower(a)
	for _, suf := range []string{"ськ", "цьк", "ський", "цький", "поль"} {
		if strings.HasSuffix(l, suf) {
			score++
		}
	}
	for _, suf := range []string{"ск", "цк", "ский", "цкий", "чь", "шь", "жь"} {
		if strings.HasSuffix(l, suf) && !strings.HasSuffix(l, "ь"+suf) {
			score--
		}
	}
	return score
}

// chooseRU picks the Russian name among the alternates without letters only
// Ukrainian has. Scores: its Russian spelling agrees with the GeoNames name
// (3); it has a soft sign (1: Bulgarian forms lack it; −1 in the Ukrainian
// endings -ськ, -цьк), a letter Russian has
// and Ukrainian lacks (1), an all-capital copy (1); a hard sign inside a
// word (−2: Bulgarian). The Ukrainian name itself is taken when no other
// scores 2, as many names are spelt alike in both languages; otherwise the
// best one scoring 1 or more, or the only candidate.
func chooseRU(c gnCity, cyr []string, uk string) string {
	latin := map[string]bool{skel(c.ASCII): true, skel(c.Name): true}
	caps := make(map[string]bool)
	for _, a := range cyr {
		if isAllCaps(a) {
			caps[strings.ToLower(a)] = true
		}
	}
	best, bestScore, same, n := "", 0, false, 0
	for _, a := range cyr {
		if strings.ContainsAny(a, ukOnly) || isAllCaps(a) {
			continue
		}
		if gazetteer.Normalize(a) == gazetteer.Normalize(uk) {
			same = true
			continue
		}
		n++
		if score := ruScore(a, latin, caps); best == "" || score > bestScore {
			best, bestScore = a, score
		}
	}
	switch {
	case bestScore < 2 && same:
		return uk
	case bestScore >= 1 || n == 1:
		return best
	}
	return ""
}

// ruScore scores a candidate Russian name for chooseRU.
func ruScore(a string, latin, caps map[string]bool) int {
	score := 0
	for _, t := range gazetteer.TransliterateRU(a) {
		if latin[skel(t)] {
			score += 3
			break
		}
	}
	if l := strings.ToLower(a); strings.HasSuffix(l, "ськ") || strings.HasSuffix(l, "цьк") {
		score--
	} else if strings.ContainsAny(a, "ьЬ") {
		score++
	}
	if strings.ContainsAny(a, "ыэёЫЭЁ") {
		score++
	}
	if caps[strings.ToLower(a)] {
		score++
	}
	if i := strings.IndexAny(a, "ъЪ"); i >= 0 && i+len("ъ") < len(a) && a[i+len("ъ")] != ' ' {
		score -= 2
	}
	return score
}

// isAllCaps reports whether s has no lower-case letter.
func isAllCaps(s string) bool {
	return s == strings.ToUpper(s)
}

// dedupCities merges towns of one region whose names are spellings of one
// name and that lie within 20 km (GeoNames has a few places twice), keeping
// the larger.
func dedupCities(es []*entry, log *[]string) []*entry {
	var out []*entry
	for _, e := range es {
		merged := false
		for _, o := range out {
			if o.Region == e.Region && skel(o.Name) == skel(e.Name) &&
				geo.DistanceM(o.point(), e.point()) < 20000 {
				dropID, dropName, forms, alt := e.ID, e.Name, e.forms, e.alt
				if e.Population > o.Population {
					dropID, dropName, forms, alt = o.ID, o.Name, o.forms, o.alt
					*o = *e
				}
				for f := range forms {
					o.forms[f] = true
				}
				for f := range alt {
					o.alt[f] = true
				}
				*log = append(*log, fmt.Sprintf("%s %s merged into %s, a same-named town nearby", dropID, dropName, o.ID))
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, e)
		}
	}
	return out
}
