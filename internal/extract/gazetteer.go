package extract

import (
	"strings"

	"github.com/truce-monitor/truce/internal/gazetteer"
)

// FromGazetteer returns the settlements of a gazetteer as a PlaceSource.
// Regions and countries are left out: the extractor has its own region
// names (adjectives, inflections, "region of …"), in regions.go. Every
// name form the gazetteer knows is matched as written; the Ukrainian and
// Russian names are also matched in their case forms.
func FromGazetteer(g *gazetteer.Gazetteer) PlaceSource {
	return gazSource{g}
}

type gazSource struct{ g *gazetteer.Gazetteer }

// Places lists the gazetteer's settlements with all their name forms.
func (s gazSource) Places() []Place {
	byID := map[string]*Place{}
	var order []string
	for _, n := range s.g.Names() {
		for _, id := range n.EntryIDs {
			if strings.HasPrefix(id, "admin1:") || strings.HasPrefix(id, "country:") {
				continue
			}
			p, ok := byID[id]
			if !ok {
				e, found := s.g.Entry(id)
				if !found || e.Admin1 == "" {
					continue
				}
				p = &Place{ID: e.ID, Name: e.Name, NameUK: e.NameUK, NameRU: e.NameRU, Admin1: e.Admin1, Country: e.Country, Population: e.Population}
				byID[id] = p
				order = append(order, id)
			}
			p.AltNames = append(p.AltNames, n.Norm)
		}
	}
	out := make([]Place, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	return out
}
