package gazetteer

import _ "embed"

//go:embed data/web/oblasts.geojson
var oblastsGeoJSON []byte

//go:embed data/web/occupied.geojson
var occupiedGeoJSON []byte

// OblastsGeoJSON returns a FeatureCollection of Ukraine's 24 oblasts and
// Crimea for the web map, simplified to about 200 m, with the properties
// iso, name (canonical), name_uk and name_ru. The bytes are shared: do not
// modify them. © OpenStreetMap contributors, ODbL 1.0.
func OblastsGeoJSON() []byte { return oblastsGeoJSON }

// OccupiedGeoJSON returns a FeatureCollection holding the Russian-occupied
// area of Ukraine on the date of the newest DeepState snapshot in the source
// data, simplified to about 50 m, with the properties date (YYYY-MM-DD) and
// source. The bytes are shared: do not modify them. Source: DeepStateMap.Live.
func OccupiedGeoJSON() []byte { return occupiedGeoJSON }
