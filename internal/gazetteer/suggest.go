package gazetteer

import (
	"sort"
	"strings"
)

// suggestion is one name that a misspelt query may have meant.
type suggestion struct {
	norm  []rune
	entry int32
}

// maxSuggestions is how many near names a NotFoundError offers.
const maxSuggestions = 3

// notFound explains a failed place lookup: where the place is known if the
// hints ruled it out, or which names are near its spelling.
func (g *Gazetteer) notFound(place, n string, known []int32, h hints) error {
	e := &NotFoundError{Field: "location.place", Query: place}
	if len(known) > 0 {
		e.Within = g.describeHints(h)
		seen := make(map[string]bool)
		for _, r := range known {
			c := g.entries[r&^altRef]
			k := c.Admin1 + ", " + c.Country
			if !seen[k] {
				seen[k] = true
				e.KnownIn = append(e.KnownIn, k)
			}
		}
		sort.Strings(e.KnownIn)
		if len(e.KnownIn) > maxListed {
			e.KnownIn = append(e.KnownIn[:maxListed], "…")
		}
		return e
	}
	pool := g.suggestions()
	if h.region >= 0 {
		pool = append(g.regionSuggestions(h.region), pool...)
	}
	e.Suggestions = g.nearest(n, pool, h)
	return e
}

// suggestions returns the names worth suggesting anywhere: towns of
// CityPopulation or more, facts, regions and countries. Built on first use.
func (g *Gazetteer) suggestions() []suggestion {
	g.suggestOnce.Do(func() {
		g.places.each(func(n string, refs []int32) {
			for _, r := range refs {
				i := r &^ altRef
				e := g.entries[i]
				if r&altRef == 0 && (e.Population >= CityPopulation || strings.HasPrefix(e.ID, "fact:")) {
					g.suggest = append(g.suggest, suggestion{[]rune(n), i})
				}
			}
		})
		for n, r := range g.regionByNorm {
			g.suggest = append(g.suggest, suggestion{[]rune(n), g.regionEntry[r]})
		}
		sort.Slice(g.suggest, func(a, b int) bool {
			sa, sb := string(g.suggest[a].norm), string(g.suggest[b].norm)
			return sa < sb || sa == sb && g.suggest[a].entry < g.suggest[b].entry
		})
	})
	return g.suggest
}

// regionSuggestions returns the names of all settlements in region r.
func (g *Gazetteer) regionSuggestions(r int) []suggestion {
	var out []suggestion
	for i, er := range g.entryRegion {
		if er == r && g.entries[i].Precision == PrecisionSettlement {
			e := g.entries[i]
			for _, n := range []string{Normalize(e.Name), Normalize(e.NameUK)} {
				if n != "" {
					out = append(out, suggestion{[]rune(n), int32(i)})
				}
			}
		}
	}
	return out
}

// suggestRegions offers region names near a misspelt one.
func (g *Gazetteer) suggestRegions(n string) []string {
	var pool []suggestion
	for _, s := range g.suggestions() {
		if g.entries[s.entry].Precision == PrecisionAdmin1 {
			pool = append(pool, s)
		}
	}
	return g.nearest(n, pool, hints{region: -1})
}

// nearest returns up to maxSuggestions entries, described, whose names are
// within a small edit distance of n and agree with the hints.
func (g *Gazetteer) nearest(n string, pool []suggestion, h hints) []string {
	q := []rune(n)
	limit := min(1+len(q)/5, 3)
	type hit struct {
		d     int
		entry int32
	}
	var hits []hit
	for _, s := range pool {
		if abs(len(s.norm)-len(q)) > limit || !g.admits(h, s.entry) && g.entries[s.entry].Precision == PrecisionSettlement {
			continue
		}
		if d := editDistance(q, s.norm, limit); d <= limit {
			hits = append(hits, hit{d, s.entry})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].d != hits[b].d {
			return hits[a].d < hits[b].d
		}
		return entryLess(g.entries[hits[a].entry], g.entries[hits[b].entry])
	})
	var out []string
	seen := make(map[int32]bool)
	for _, x := range hits {
		if !seen[x.entry] && len(out) < maxSuggestions {
			seen[x.entry] = true
			out = append(out, describe(g.entries[x.entry], true))
		}
	}
	return out
}

// editDistance is the Levenshtein distance of a and b, or limit+1 once it is
// sure to exceed limit.
func editDistance(a, b []rune, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// abs is the absolute value of an int.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
