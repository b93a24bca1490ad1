package extract

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// twoNames has two places of each name, in different regions or
// countries, with coordinates. (Kyiv, Kalynivka in Vinnytsia region and
// the two Novomoskovsks are where they are; the small Kalynivka of
// Donetsk region is placed roughly, as a test fixture.)
var twoNames = PlaceList{
	{ID: "t:kyiv", Name: "Kyiv", Admin1: "Kyiv City", Country: "UA", Population: 2900000, Lat: 50.45, Lon: 30.52},
	{ID: "t:kal1", Name: "Kalynivka", Admin1: "Vinnytsia", Country: "UA", Population: 19000, Lat: 49.45, Lon: 28.53},
	{ID: "t:kal2", Name: "Kalynivka", Admin1: "Donetsk", Country: "UA", Population: 600, Lat: 48.2, Lon: 37.6},
	{ID: "t:nm1", Name: "Novomoskovsk", Admin1: "Dnipropetrovsk", Country: "UA", Population: 70000, Lat: 48.63, Lon: 35.22},
	{ID: "t:nm2", Name: "Novomoskovsk", Admin1: "Tula", Country: "RU", Population: 125000, Lat: 54.01, Lon: 38.29},
}

// TestDisambiguation: the text's own hints choose among places of one
// name before its context does.
func TestDisambiguation(t *testing.T) {
	e := New(twoNames)
	pub := time.Date(2022, 6, 19, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want []string // admin1/country of each report
	}{
		// the context (Mariupol, Donetsk region) would pick the Donetsk village
		{"Strikes hit the Azovstal steelworks and an arms depot in Kalynivka on Saturday.", []string{"Donetsk/UA", "Donetsk/UA"}},
		// a distance and direction from Kyiv pick the town in Vinnytsia region
		{"Strikes hit the Azovstal steelworks and an arms depot in Kalynivka, 200km south-west of Kyiv, on Saturday.", []string{"Donetsk/UA", "Vinnytsia/UA"}},
		// a country named after the name
		{"Russian missiles destroyed a fuel depot in Novomoskovsk, a town in eastern Ukraine, on Saturday.", []string{"Dnipropetrovsk/UA"}},
		// without hints the bigger place
		{"Drones hit Novomoskovsk on Saturday.", []string{"Tula/RU"}},
		// a region named right after the name
		{"Drones hit Novomoskovsk in the Dnipropetrovsk region on Saturday.", []string{"Dnipropetrovsk/UA"}},
		// the name keeps its first sense in the text
		{"Drones hit Novomoskovsk, a town in eastern Ukraine, on Saturday. On Sunday shelling hit Novomoskovsk again.", []string{"Dnipropetrovsk/UA", "Dnipropetrovsk/UA"}},
	}
	for _, tc := range tests {
		var got []string
		for _, r := range e.Extract(tc.text, Options{Published: pub}) {
			got = append(got, r.Location.Admin1+"/"+r.Location.Country)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s\n(-want +got)\n%s", tc.text, diff)
		}
	}
}
