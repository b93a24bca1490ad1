// Package gazetteer turns place and region names in any script or spelling
// into coordinates with an honest uncertainty, and coordinates into the
// first-level region (oblast, krai, republic, Kyiv City, Sevastopol) they
// lie in.
//
// The data — GeoNames towns of Ukraine and western Russia, GeoNames
// Ukrainian postal places, OpenStreetMap oblast boundaries and a hand-written
// table of facts (region names, renamed towns, a few places missing from the
// sources) — is built by ./gen into the compressed files under data/ and
// embedded in the binary; data/ATTRIBUTION.md names the sources and their
// licences.
//
// Canonical region names, which the rest of Truce stores in
// location.admin1, are the KMU-2010 stems of Ukrainian oblasts without
// "Oblast" ("Dnipropetrovsk", "Kyiv", "Zaporizhzhia", "Odesa") plus
// "Kyiv City", "Crimea" and "Sevastopol", and the common English names of
// Russian regions ("Belgorod", "Kursk", "Krasnodar Krai", "Moscow",
// "Moscow City").
package gazetteer

//go:generate go run ./gen -data ../../../shared/data/geo -out data

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/truce-monitor/truce/internal/geo"
)

// Precision says how closely an entry places something.
type Precision string

// Precisions, from the finest.
const (
	PrecisionPoint      Precision = "point"      // coordinates were given
	PrecisionSettlement Precision = "settlement" // a town or village
	PrecisionAdmin1     Precision = "admin1"     // a first-level region
	PrecisionCountry    Precision = "country"    // a whole country
)

// Admin1 is a first-level region: a Ukrainian oblast, Crimea, Kyiv City,
// Sevastopol, or a Russian oblast, krai, republic or federal city. Lat and
// Lon are its centroid and RadiusM the distance from there that holds the
// whole region.
type Admin1 struct {
	Name    string // canonical: "Dnipropetrovsk", "Kyiv City", "Belgorod"
	ISO     string // ISO 3166-2: "UA-12", "RU-BEL"
	Country string // ISO 3166-1 alpha-2
	NameUK  string // official Ukrainian name
	NameRU  string // official Russian name
	Lat     float64
	Lon     float64
	RadiusM float64
}

// Entry is one thing the gazetteer can name: a settlement, a region (ID
// "admin1:UA-12") or a country (ID "country:UA").
type Entry struct {
	ID           string // "gn:709930" (GeoNames), "postal:…", "fact:…", "admin1:UA-12", "country:UA"
	Name         string // Latin name: KMU-2010 for Ukrainian places
	NameUK       string // Ukrainian name, where known
	NameRU       string // Russian name, where known
	Admin1       string // canonical region name
	Country      string // ISO 3166-1 alpha-2
	Lat, Lon     float64
	UncertaintyM float64 // radius of the honest uncertainty of Lat, Lon
	Population   int     // 0 when unknown
	Precision    Precision
	Admin2       string // raion as the source names it, where known
}

// Name is one normalized name form and the entries it names, for matching
// names in free text.
type Name struct {
	Norm     string
	EntryIDs []string
}

// Gazetteer answers lookups against one data set. It is read-only after
// Load and safe for concurrent use.
type Gazetteer struct {
	entries     []Entry
	entryRegion []int     // region of each entry, -1 for countries
	places      nameIndex // settlement name forms → entries

	regions      []Admin1
	regionEntry  []int32 // entry of each region
	regionParent []int   // enclosing region (Kyiv City → Kyiv), or -1
	regionByNorm map[string]int
	regionByISO  map[string]int
	regionSkel   map[string]int // skeleton forms of unambiguous region names
	countries    map[string]int32

	areaData []byte    // gzip'd GeoJSON of the region polygons
	areaOnce sync.Once // prepares areas from areaData on first need
	areaErr  error
	areas    []area  // polygons for Locate, enclaves first
	ruPlaces []int32 // Russian settlements for Locate

	idOnce      sync.Once
	byID        map[string]int32
	skelOnce    sync.Once
	skel        nameIndex
	namesOnce   sync.Once
	names       []Name
	suggestOnce sync.Once
	suggest     []suggestion
}

// area is one region polygon prepared for Locate.
type area struct {
	region int
	prep   *geo.Prepared
}

//go:embed data/gazetteer.tsv.gz
var embeddedEntries []byte

//go:embed data/admin1.geojson.gz
var embeddedAreas []byte

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the gazetteer of the data embedded in the binary, loaded
// on first use; the region polygons are prepared on the first Locate. The
// embedded data is checked by the package tests, so a failure to load it is
// a broken build and panics.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := loadEntries(embeddedEntries)
		if err != nil {
			panic(fmt.Sprintf("gazetteer: embedded data: %v", err))
		}
		g.areaData = embeddedAreas
		defaultGaz = g
	})
	return defaultGaz
}

// Entry returns the entry with the given ID.
func (g *Gazetteer) Entry(id string) (Entry, bool) {
	g.idOnce.Do(func() {
		g.byID = make(map[string]int32, len(g.entries))
		for i, e := range g.entries {
			g.byID[e.ID] = int32(i)
		}
	})
	i, ok := g.byID[id]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}
