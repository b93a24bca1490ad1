package gazetteer

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// CityPopulation (15,000) is the population from which a town wins over villages of
// the same name when no hint chooses between them: a report naming
// "Pokrovsk" means the city of 60,000, not a hamlet elsewhere, unless its
// location.admin1 says otherwise. Two or more towns of this size sharing a
// name are always ambiguous.
const CityPopulation = 15000

// Match is the answer of Lookup: the entry, the query it answers and how it
// was found, in words for the report's geocoding note.
type Match struct {
	Entry  Entry
	Query  string
	Method string // e.g. "gazetteer gn:709930 Dnipro (settlement, ±9.6 km)"
}

// hints narrow a lookup to a region, a country and a raion.
type hints struct {
	region  int // -1 for none
	country string
	raion   string // skeleton of a raion name given after a comma, or ""
}

// Lookup finds a place named in any script or spelling ("Дніпро", "Dnipro",
// "Dnepr", "Dnipropetrovsk"), optionally narrowed by admin1 and country
// hints in any form ("Dnipropetrovsk Oblast", "Днепропетровская обл.", "UA",
// "Ukraine"). A hint for a region also admits places of the cities inside it
// (Kyiv hints admit Kyiv City). With no place, the region (or, failing that,
// the country) itself is returned, with its centroid and an uncertainty
// covering all of it. "Serhiivka, Odesa Oblast" is read as a place with a
// hint when the whole is not a name.
//
// A current name, or the former name of a renamed town, outranks a name
// found only in GeoNames' list of alternate (historic or foreign) names:
// "Pokrovsk" is the Donetsk town, not Engels, which bore the name until
// 1931. A name still shared by several entries that the hints do not tell
// apart is an *AmbiguousError, except that a town of CityPopulation or more
// wins over smaller places, and within a hinted region a listed town or
// fact wins over postal villages (the Method says so in both cases). A raion
// after a comma ("Serhiivka, Tomakivskyi raion") narrows the choice too. A
// name not known, or not known where the hints say, is a *NotFoundError.
func (g *Gazetteer) Lookup(place, admin1, country string) (Match, error) {
	h, err := g.resolveHints(admin1, country)
	if err != nil {
		return Match{}, err
	}
	place = strings.TrimSpace(place)
	if place == "" {
		return g.areaMatch(h)
	}
	m, err := g.lookupPlace(place, h)
	var nf *NotFoundError
	if err != nil && errors.As(err, &nf) && strings.Contains(place, ",") {
		if head, h2, ok := g.commaHints(place, h); ok {
			m, err := g.lookupPlace(head, h2)
			m.Query = place
			return m, err
		}
	}
	return m, err
}

// resolveHints reads the admin1 and country hints.
func (g *Gazetteer) resolveHints(admin1, country string) (hints, error) {
	h := hints{region: -1}
	if s := strings.TrimSpace(admin1); s != "" {
		r, ok := g.regionNamed(Normalize(s))
		if !ok {
			return h, &NotFoundError{Field: "location.admin1", Query: admin1, Suggestions: g.suggestRegions(Normalize(s))}
		}
		h.region = r
	}
	if s := strings.TrimSpace(country); s != "" {
		c, ok := g.countries[Normalize(s)]
		if !ok {
			return h, &NotFoundError{Field: "location.country", Query: country}
		}
		h.country = g.entries[c].Country
	}
	if h.region >= 0 && h.country != "" && g.regions[h.region].Country != h.country {
		r := g.regions[h.region]
		return h, fmt.Errorf("location.admin1 %q (%s) is not in location.country %q", admin1, r.Name+", "+r.Country, country)
	}
	return h, nil
}

// admits reports whether entry i agrees with the hints.
func (g *Gazetteer) admits(h hints, i int32) bool {
	if h.country != "" && g.entries[i].Country != h.country {
		return false
	}
	if h.raion != "" && !strings.HasPrefix(Skeleton(Normalize(g.entries[i].Admin2)), h.raion) {
		return false
	}
	if h.region < 0 {
		return true
	}
	r := g.entryRegion[i]
	return r == h.region || (r >= 0 && g.regionParent[r] == h.region)
}

// filter returns the entries of refs that agree with the hints; when one of
// them is named by a current or former name, those named only by an
// alternate name are dropped.
func (g *Gazetteer) filter(refs []int32, h hints) []int32 {
	var out []int32
	current := false
	for _, r := range refs {
		if g.admits(h, r&^altRef) {
			out = append(out, r)
			current = current || r&altRef == 0
		}
	}
	kept := out[:0]
	for _, r := range out {
		if !current || r&altRef == 0 {
			kept = append(kept, r&^altRef)
		}
	}
	return kept
}

// describe names the hints for messages: "Kharkiv, UA" or "RU".
func (g *Gazetteer) describeHints(h hints) string {
	if h.region >= 0 {
		return g.regions[h.region].Name + ", " + g.regions[h.region].Country
	}
	return h.country
}

// areaMatch answers a lookup with no place: the region or the country.
func (g *Gazetteer) areaMatch(h hints) (Match, error) {
	switch {
	case h.region >= 0:
		return g.match(g.regionEntry[h.region], "", ""), nil
	case h.country != "":
		return g.match(g.countries[strings.ToLower(h.country)], "", ""), nil
	}
	return Match{}, errors.New("nothing to geocode: give location.place, location.admin1 or location.country")
}

// lookupPlace looks a place up by its normalized name, then by the
// skeleton of its name, then as a region or country name.
func (g *Gazetteer) lookupPlace(place string, h hints) (Match, error) {
	n := Normalize(place)
	if n == "" {
		return Match{}, &NotFoundError{Field: "location.place", Query: place}
	}
	var buf [8]int32
	all := g.places.get(n, buf[:0])
	sel, note := g.filter(all, h), ""
	if len(sel) == 0 {
		sk := g.skeletons().get(Skeleton(n), nil)
		if sel = g.filter(sk, h); len(sel) > 0 {
			note = "spelling variant"
		}
		if len(all) == 0 {
			all = sk
		}
	}
	if len(sel) > 0 {
		return g.choose(place, sel, h, note)
	}
	if r, ok := g.regionNamed(n); ok && (h.region < 0 || h.region == r || g.regionParent[r] == h.region) &&
		(h.country == "" || h.country == g.regions[r].Country) {
		return g.match(g.regionEntry[r], place, ""), nil
	}
	if c, ok := g.countries[n]; ok && h.region < 0 && (h.country == "" || h.country == g.entries[c].Country) {
		return g.match(c, place, ""), nil
	}
	return Match{}, g.notFound(place, n, all, h)
}

// choose picks the entry among several that agree with the hints, or
// reports the ambiguity. A town of CityPopulation or more wins when it is
// the only one; within a region given as a hint, a place of the GeoNames
// town list or of the facts also wins over postal villages, when it is the
// only one.
func (g *Gazetteer) choose(place string, sel []int32, h hints, note string) (Match, error) {
	if len(sel) == 1 {
		return g.match(sel[0], place, note), nil
	}
	for _, t := range []int{tierCity, tierListed} {
		if t == tierListed && h.region < 0 {
			break
		}
		var top []int32
		for _, i := range sel {
			if g.tier(i) >= t {
				top = append(top, i)
			}
		}
		if len(top) == 1 {
			return g.match(top[0], place, joinNotes(note, tierNote(t, len(sel)))), nil
		}
		if len(top) > 1 {
			break
		}
	}
	sort.SliceStable(sel, func(a, b int) bool {
		ta, tb := g.tier(sel[a]), g.tier(sel[b])
		return ta > tb || ta == tb && entryLess(g.entries[sel[a]], g.entries[sel[b]])
	})
	cands := make([]Entry, len(sel))
	for k, i := range sel {
		cands[k] = g.entries[i]
	}
	return Match{}, &AmbiguousError{Query: place, Candidates: cands}
}

// Tiers of entries for choose.
const (
	tierVillage = iota // a postal place
	tierListed         // a GeoNames town or a fact
	tierCity           // a town of CityPopulation or more
)

// tier returns the tier of entry i.
func (g *Gazetteer) tier(i int32) int {
	e := &g.entries[i]
	switch {
	case e.Population >= CityPopulation:
		return tierCity
	case strings.HasPrefix(e.ID, "gn:") || strings.HasPrefix(e.ID, "fact:"):
		return tierListed
	}
	return tierVillage
}

// tierNote explains a choice made by tier among n places.
func tierNote(t, n int) string {
	if t == tierCity {
		return fmt.Sprintf("the only town of 15,000 people or more among %d places so named (give location.admin1 for another)", n)
	}
	return fmt.Sprintf("the listed town among %d places so named in the region; the others are villages known only by postal code", n)
}

// joinNotes joins two notes with "; ".
func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// entryLess orders candidates: larger first, then by country, region, name
// and ID.
func entryLess(a, b Entry) bool {
	if a.Population != b.Population {
		return a.Population > b.Population
	}
	ka := a.Country + "\x00" + a.Admin1 + "\x00" + a.Name + "\x00" + a.ID
	kb := b.Country + "\x00" + b.Admin1 + "\x00" + b.Name + "\x00" + b.ID
	return ka < kb
}

// match builds the answer for entry i.
func (g *Gazetteer) match(i int32, query, note string) Match {
	e := g.entries[i]
	what := "settlement"
	switch e.Precision {
	case PrecisionAdmin1:
		what = "region centroid"
	case PrecisionCountry:
		what = "country centroid"
	}
	m := "gazetteer " + e.ID + " " + e.Name + " (" + what + ", ±" + kilometres(e.UncertaintyM) + ")"
	if note != "" {
		m += "; " + note
	}
	return Match{Entry: e, Query: query, Method: m}
}

// kilometres writes a distance as "9.6 km" below 10 km and "160 km" above.
func kilometres(m float64) string {
	if m < 9950 {
		return strings.TrimSuffix(strconv.FormatFloat(m/1000, 'f', 1, 64), ".0") + " km"
	}
	return strconv.FormatFloat(m/1000, 'f', 0, 64) + " km"
}

// commaHints splits "Serhiivka, Bilhorod-Dnistrovskyi raion, Odesa Oblast,
// Ukraine" into the place and hints, when every part after the first is a
// region or a country that agrees with the hints already given, or (one
// part) a raion.
func (g *Gazetteer) commaHints(place string, h hints) (string, hints, bool) {
	parts := strings.Split(place, ",")
	for _, p := range parts[1:] {
		n := Normalize(p)
		if r, ok := g.regionNamed(n); ok && (h.region < 0 || h.region == r) {
			h.region = r
		} else if c, ok := g.countries[n]; ok && (h.country == "" || h.country == g.entries[c].Country) {
			h.country = g.entries[c].Country
		} else if raion := raionKey(p); raion != "" && h.raion == "" {
			h.raion = raion
		} else {
			return "", h, false
		}
	}
	if h.region >= 0 && h.country != "" && g.regions[h.region].Country != h.country {
		return "", h, false
	}
	return strings.TrimSpace(parts[0]), h, true
}

// raionWords are the words that say a name is a raion's.
var raionWords = []string{"raion", "rayon", "district", "район", "р-н"}

// raionKey is the skeleton of a raion name given in any script, without the
// word "raion", for comparing with the entries' Admin2.
func raionKey(s string) string {
	n := Normalize(Transliterate(s))
	for _, w := range raionWords {
		n = strings.TrimSpace(strings.TrimSuffix(n, " "+Normalize(Transliterate(w))))
	}
	if len(n) < 3 {
		return ""
	}
	return Skeleton(n)
}

// skeletons returns the skeleton index of place names, built on first use.
func (g *Gazetteer) skeletons() *nameIndex {
	g.skelOnce.Do(func() {
		g.skel = newNameIndex(len(g.places.one))
		g.places.each(func(n string, refs []int32) {
			s := Skeleton(n)
			for _, r := range refs {
				g.skel.add(s, r)
			}
		})
	})
	return &g.skel
}
