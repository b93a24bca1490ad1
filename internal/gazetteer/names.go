package gazetteer

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Names returns every normalized name form the gazetteer knows, of
// settlements, regions and countries, each with the IDs of the entries it
// names, sorted by form. It is meant for building a matcher of names in free
// text; codes (ISO 3166, "ua") are left out, and so are alternate names of
// three letters or fewer from GeoNames' list ("kiv", "civ"), which match too
// much. A form naming a city and its region ("kharkiv") lists both. The
// slice is built once and shared: do not modify it.
func (g *Gazetteer) Names() []Name {
	g.namesOnce.Do(func() {
		ids := make(map[string][]string)
		g.places.each(func(n string, refs []int32) {
			short := utf8.RuneCountInString(n) <= 3
			for _, r := range refs {
				if !short || r&altRef == 0 {
					ids[n] = append(ids[n], g.entries[r&^altRef].ID)
				}
			}
		})
		for n, r := range g.regionByNorm {
			if n != Normalize(g.regions[r].ISO) {
				ids[n] = append(ids[n], g.entries[g.regionEntry[r]].ID)
			}
		}
		for n, c := range g.countries {
			if !isCode(n) {
				ids[n] = append(ids[n], g.entries[c].ID)
			}
		}
		g.names = make([]Name, 0, len(ids))
		for n, list := range ids {
			slices.Sort(list)
			g.names = append(g.names, Name{Norm: n, EntryIDs: slices.Compact(list)})
		}
		sort.Slice(g.names, func(a, b int) bool { return g.names[a].Norm < g.names[b].Norm })
	})
	return g.names
}

// isCode reports whether a country form is a code: ASCII of three letters
// or fewer ("ua", "rus").
func isCode(n string) bool {
	return len(n) <= 3 && strings.IndexFunc(n, func(r rune) bool { return r >= 0x80 }) < 0
}
