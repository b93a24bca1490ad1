package geocode

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/truce-monitor/truce"
)

func f(x float64) *float64 { return &x }

func TestGeocode(t *testing.T) {
	g := Default()
	tests := []struct {
		name              string
		loc               truce.Location
		admin1, country   string
		precision         string
		errField, errText string
	}{
		{"ukrainian script", truce.Location{Place: "Дніпро"}, "Dnipropetrovsk", "UA", "settlement", "", ""},
		{"russian script", truce.Location{Place: "Кривой Рог"}, "Dnipropetrovsk", "UA", "settlement", "", ""},
		{"russian-style latin", truce.Location{Place: "Krivoy Rog"}, "Dnipropetrovsk", "UA", "settlement", "", ""},
		{"pre-2016 name", truce.Location{Place: "Kirovohrad"}, "Kirovohrad", "UA", "settlement", "", ""},
		{"kharkiv in cyrillic", truce.Location{Place: "Харків"}, "Kharkiv", "UA", "settlement", "", ""},
		{"russian city", truce.Location{Place: "Белгород"}, "Belgorod", "RU", "settlement", "", ""},
		{"region only, ukrainian form", truce.Location{Admin1: "Дніпропетровська область"}, "Dnipropetrovsk", "UA", "admin1", "", ""},
		{"coordinates in Kharkiv", truce.Location{Lat: f(49.99), Lon: f(36.23)}, "Kharkiv", "UA", "point", "", ""},
		{"ambiguous without hints", truce.Location{Place: "Samara"}, "", "", "", "location.place", "ambiguous"},
		{"ambiguity resolved by country", truce.Location{Place: "Samara", Country: "RU"}, "Samara", "RU", "settlement", "", ""},
		{"unknown place inside a region", truce.Location{Place: "Nowhereville", Admin1: "Sumy"}, "Sumy", "UA", "admin1", "", ""},
		{"unknown place alone", truce.Location{Place: "Nowhereville"}, "", "", "", "location.place", "Nowhereville"},
		{"unknown region", truce.Location{Admin1: "Atlantis Oblast"}, "", "", "", "location.admin1", "Atlantis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gc, err := g.Geocode(tt.loc)
			if tt.errField != "" {
				ve, ok := err.(*truce.ValidationError)
				if !ok || len(ve.Errors) != 1 || ve.Errors[0].Field != tt.errField || !strings.Contains(ve.Errors[0].Message, tt.errText) {
					t.Fatalf("want an error on %s mentioning %q, got %v", tt.errField, tt.errText, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := []string{gc.Admin1, gc.Country, gc.Precision}
			if diff := cmp.Diff([]string{tt.admin1, tt.country, tt.precision}, got); diff != "" {
				t.Errorf("admin1, country, precision (-want +got):\n%s\nmethod: %s", diff, gc.Method)
			}
			if gc.Method == "" || gc.UncertaintyM <= 0 {
				t.Errorf("geocode must say how and how sure: %+v", gc)
			}
		})
	}
}

func BenchmarkGeocodePlace(b *testing.B) {
	g := Default()
	loc := truce.Location{Place: "Кривий Ріг"}
	for b.Loop() {
		if _, err := g.Geocode(loc); err != nil {
			b.Fatal(err)
		}
	}
}
