package extract

import (
	"strings"
	"sync"

	"github.com/truce-monitor/truce/internal/gazetteer"
)

// GazetteerPlaces is a PlaceSource of the settlements of a project
// gazetteer with all their name forms. Regions and countries are left out:
// the extractor has its own region names with their adjectives and case
// forms (regions.go).
type GazetteerPlaces struct{ G *gazetteer.Gazetteer }

// Places lists the gazetteer's settlements, each with every normalised
// name form the gazetteer matches it by.
func (s GazetteerPlaces) Places() []Place {
	byID := map[string]int{}
	var out []Place
	for _, n := range s.G.Names() {
		for _, id := range n.EntryIDs {
			if strings.HasPrefix(id, "admin1:") || strings.HasPrefix(id, "country:") {
				continue
			}
			i, ok := byID[id]
			if !ok {
				en, found := s.G.Entry(id)
				if !found || en.Admin1 == "" {
					continue
				}
				out = append(out, Place{ID: en.ID, Name: en.Name, NameUK: en.NameUK, NameRU: en.NameRU,
					Admin1: en.Admin1, Country: en.Country, Population: en.Population, Lat: en.Lat, Lon: en.Lon})
				i = len(out) - 1
				byID[id] = i
			}
			out[i].AltNames = append(out[i].AltNames, n.Norm)
		}
	}
	return out
}

var (
	defaultOnce sync.Once
	defaultEx   *Extractor
)

// Default returns the extractor over the project gazetteer
// (gazetteer.Default()), built on first use and shared; it is what
// "truce extract" and the evaluation use.
func Default() *Extractor {
	defaultOnce.Do(func() { defaultEx = New(GazetteerPlaces{gazetteer.Default()}) })
	return defaultEx
}
