package geo

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestParseGeoJSON checks the GeoJSON shapes ParseGeoJSON accepts.
func TestParseGeoJSON(t *testing.T) {
	sq := `[[[30,50],[31,50],[31,51],[30,51],[30,50]]]`
	sqMP := MultiPolygon{{square(50, 30, 51, 31)}}
	tests := []struct {
		name string
		in   string
		want []Feature
	}{
		{"bare polygon", `{"type":"Polygon","coordinates":` + sq + `}`, []Feature{{Geometry: sqMP}}},
		{"bare multipolygon", `{"type":"MultiPolygon","coordinates":[` + sq + `,` + sq + `]}`,
			[]Feature{{Geometry: append(append(MultiPolygon{}, sqMP...), sqMP...)}}},
		{"feature", `{"type":"Feature","properties":{"iso":"UA-12","n":1},"geometry":{"type":"Polygon","coordinates":` + sq + `}}`,
			[]Feature{{Properties: map[string]any{"iso": "UA-12", "n": 1.0}, Geometry: sqMP}}},
		{"collection with null geometry", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":null,"geometry":null}]}`,
			[]Feature{{}}},
		{"unclosed ring is closed", `{"type":"Polygon","coordinates":[[[30,50],[31,50],[31,51],[30,51]]]}`,
			[]Feature{{Geometry: sqMP}}},
		{"third coordinate ignored", `{"type":"Polygon","coordinates":[[[30,50,1],[31,50,1],[31,51,1],[30,51,1],[30,50,1]]]}`,
			[]Feature{{Geometry: sqMP}}},
		{"geometry collection", `{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":` + sq + `}]}`,
			[]Feature{{Geometry: sqMP}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseGeoJSON([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ParseGeoJSON mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// TestParseGeoJSONErrors checks the messages of bad GeoJSON.
func TestParseGeoJSONErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"not json", `{`, "geojson: unexpected end"},
		{"no type", `{}`, `missing "type"`},
		{"line string", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}`,
			`features[0].geometry: type "LineString" is not polygonal`},
		{"short ring", `{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}`, "ring has 3 positions, want at least 4"},
		{"bad position", `{"type":"Polygon","coordinates":[[[0],[1,1],[1,0],[0,0]]]}`, "coordinates[0][0]: position has 1 numbers"},
		{"latitude out of range", `{"type":"Polygon","coordinates":[[[0,95],[1,1],[1,0],[0,95]]]}`, "is not a longitude, latitude pair"},
		{"no rings", `{"type":"MultiPolygon","coordinates":[[]]}`, "coordinates[0]: polygon has no rings"},
		{"feature of wrong type", `{"type":"FeatureCollection","features":[{"type":"Polygon"}]}`, `features[0]: type "Polygon", want "Feature"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseGeoJSON([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestMarshalGeoJSONRoundTrip checks that written GeoJSON reads back and is stable.
func TestMarshalGeoJSONRoundTrip(t *testing.T) {
	in := []Feature{
		{Properties: map[string]any{"b": "x", "a": 1.0}, Geometry: MultiPolygon{{square(50.123456, 30.1, 51, 31), square(50.5, 30.5, 50.6, 30.6)}}},
		{Geometry: MultiPolygon{{square(0, 0, 1, 1)}, {square(2, 2, 3, 3)}}},
		{Properties: map[string]any{"empty": true}},
	}
	out, err := MarshalGeoJSON(in, 4)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `{"a":1,"b":"x"}`) || !strings.Contains(string(out), "50.1235") {
		t.Errorf("unexpected output:\n%s", out)
	}
	back, err := ParseGeoJSON(out)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]Feature(nil), in...)
	want[0].Geometry = MultiPolygon{{square(50.1235, 30.1, 51, 31), square(50.5, 30.5, 50.6, 30.6)}}
	if d := cmp.Diff(want, back, cmpopts.EquateEmpty()); d != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", d)
	}
	again, _ := MarshalGeoJSON(back, 4)
	if string(again) != string(out) {
		t.Errorf("output is not stable:\n%s\n%s", out, again)
	}
}

// TestMarshalGeoJSONDropsDegenerate checks that rounding drops rings it collapses.
func TestMarshalGeoJSONDropsDegenerate(t *testing.T) {
	tiny := square(10, 10, 10.00001, 10.00001)
	in := []Feature{{Geometry: MultiPolygon{{square(0, 0, 1, 1), tiny}, {tiny}}}}
	out, err := MarshalGeoJSON(in, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"type":"FeatureCollection","features":[` + "\n" +
		`{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}` + "\n]}\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
