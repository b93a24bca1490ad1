package gazetteer

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestRegion checks region names in every script and form.
func TestRegion(t *testing.T) {
	tests := []struct {
		in        string
		name, iso string
	}{
		{"Dnipropetrovsk", "Dnipropetrovsk", "UA-12"}, {"Dnipropetrovsk Oblast", "Dnipropetrovsk", "UA-12"},
		{"Dnipropetrovsk region", "Dnipropetrovsk", "UA-12"}, {"Дніпропетровська область", "Dnipropetrovsk", "UA-12"},
		{"Днепропетровская обл.", "Dnipropetrovsk", "UA-12"}, {"Dnipropetrovska", "Dnipropetrovsk", "UA-12"},
		{"Dnipropetrovska oblast", "Dnipropetrovsk", "UA-12"}, {"Dnepropetrovskaya oblast", "Dnipropetrovsk", "UA-12"},
		{"Дніпропетровщина", "Dnipropetrovsk", "UA-12"}, {"UA-12", "Dnipropetrovsk", "UA-12"},
		{"Kharkiv Oblast", "Kharkiv", "UA-63"}, {"Kharkov region", "Kharkiv", "UA-63"}, {"Харківська обл", "Kharkiv", "UA-63"},
		{"Kyiv City", "Kyiv City", "UA-30"}, {"City of Kyiv", "Kyiv City", "UA-30"}, {"м. Київ", "Kyiv City", "UA-30"},
		{"Kiev", "Kyiv", "UA-32"}, {"Kyiv", "Kyiv", "UA-32"}, {"Kyiv Oblast", "Kyiv", "UA-32"}, {"Київська область", "Kyiv", "UA-32"},
		{"Kiev Oblast", "Kyiv", "UA-32"},
		{"Crimea", "Crimea", "UA-43"}, {"Крим", "Crimea", "UA-43"}, {"Крым", "Crimea", "UA-43"},
		{"Autonomous Republic of Crimea", "Crimea", "UA-43"}, {"Республика Крым", "Crimea", "UA-43"}, {"АР Крим", "Crimea", "UA-43"},
		{"Sevastopol", "Sevastopol", "UA-40"}, {"Севастополь", "Sevastopol", "UA-40"},
		{"Zaporizhzhia Oblast", "Zaporizhzhia", "UA-23"}, {"Zaporizhia Oblast", "Zaporizhzhia", "UA-23"},
		{"Zaporozhye region", "Zaporizhzhia", "UA-23"}, {"Запорізька область", "Zaporizhzhia", "UA-23"},
		{"Odessa Oblast", "Odesa", "UA-51"}, {"Odeska", "Odesa", "UA-51"},
		{"Kirovohrad Oblast", "Kirovohrad", "UA-35"}, {"Kirovograd", "Kirovohrad", "UA-35"},
		{"Kropyvnytskyi region", "Kirovohrad", "UA-35"},
		{"Khmelnytskyi Oblast", "Khmelnytskyi", "UA-68"}, {"Khmelnitsky region", "Khmelnytskyi", "UA-68"},
		{"Ivano-Frankivsk Oblast", "Ivano-Frankivsk", "UA-26"}, {"Luhansk", "Luhansk", "UA-09"}, {"LPR", "Luhansk", "UA-09"},
		{"ДНР", "Donetsk", "UA-14"}, {"Donetska oblast", "Donetsk", "UA-14"},
		{"Belgorod Oblast", "Belgorod", "RU-BEL"}, {"Белгородская область", "Belgorod", "RU-BEL"},
		{"Belgorodskaya oblast", "Belgorod", "RU-BEL"}, {"Бєлгородська область", "Belgorod", "RU-BEL"},
		{"Kursk", "Kursk", "RU-KRS"}, {"Kursk region", "Kursk", "RU-KRS"}, {"Bryansk Oblast", "Bryansk", "RU-BRY"},
		{"Rostov Oblast", "Rostov", "RU-ROS"}, {"Voronezh", "Voronezh", "RU-VOR"},
		{"Krasnodar Krai", "Krasnodar Krai", "RU-KDA"}, {"Краснодарский край", "Krasnodar Krai", "RU-KDA"},
		{"Krasnodar region", "Krasnodar Krai", "RU-KDA"}, {"Kuban", "Krasnodar Krai", "RU-KDA"},
		{"Moscow", "Moscow", "RU-MOS"}, {"Moscow Oblast", "Moscow", "RU-MOS"}, {"Moscow City", "Moscow City", "RU-MOW"},
		{"г. Москва", "Moscow City", "RU-MOW"}, {"Republic of Tatarstan", "Tatarstan", "RU-TA"},
		{"Республика Татарстан", "Tatarstan", "RU-TA"}, {"Saint Petersburg", "Saint Petersburg", "RU-SPE"},
		{"Leningrad Oblast", "Leningrad", "RU-LEN"}, {"RU-BEL", "Belgorod", "RU-BEL"},
	}
	g := Default()
	for _, tt := range tests {
		r, ok := g.Region(tt.in)
		if !ok || r.Name != tt.name || r.ISO != tt.iso {
			t.Errorf("Region(%q) = %q %q %v, want %q %q", tt.in, r.Name, r.ISO, ok, tt.name, tt.iso)
		}
	}
	for _, bad := range []string{"", "Atlantis", "Dnipro City", "Kramatorsk"} {
		if r, ok := g.Region(bad); ok {
			t.Errorf("Region(%q) = %v, want none", bad, r)
		}
	}
}

// TestRegionFacts checks the fields of regions and that every region finds itself.
func TestRegionFacts(t *testing.T) {
	g := Default()
	r, ok := g.Region("Dnipropetrovsk")
	if !ok {
		t.Fatal("no Dnipropetrovsk")
	}
	want := Admin1{Name: "Dnipropetrovsk", ISO: "UA-12", Country: "UA", NameUK: "Дніпропетровська область",
		NameRU: "Днепропетровская область", Lat: 48.4, Lon: 35.1, RadiusM: 160000}
	approx := cmpopts.EquateApprox(0.03, 0)
	if d := cmp.Diff(want, r, approx); d != "" {
		t.Errorf("Region mismatch (-want +got):\n%s", d)
	}
	n := map[string]int{}
	for _, r := range g.Regions() {
		n[r.Country]++
		if r.RadiusM <= 0 || math.IsNaN(r.Lat) || !strings.HasPrefix(r.ISO, r.Country+"-") {
			t.Errorf("region %+v is incomplete", r)
		}
		if back, ok := g.Region(r.Name); !ok || back != r {
			t.Errorf("Region(%q) does not find itself", r.Name)
		}
	}
	if n["UA"] != 27 || n["RU"] < 40 {
		t.Errorf("regions per country = %v, want 27 in UA and 40+ in RU", n)
	}
}

// TestLocate checks the region and country of points in Ukraine, Russia, the sea and elsewhere.
func TestLocate(t *testing.T) {
	tests := []struct {
		name            string
		lat, lon        float64
		admin1, country string
		ok              bool
	}{
		{"central Dnipro", 48.4647, 35.0462, "Dnipropetrovsk", "UA", true},
		{"central Kyiv", 50.4501, 30.5234, "Kyiv City", "UA", true},
		{"Brovary", 50.511, 30.790, "Kyiv", "UA", true},
		{"Irpin", 50.5218, 30.2506, "Kyiv", "UA", true},
		{"Sevastopol", 44.6166, 33.5254, "Sevastopol", "UA", true},
		{"Balaklava", 44.4994, 33.5996, "Sevastopol", "UA", true},
		{"Simferopol", 44.9521, 34.1024, "Crimea", "UA", true},
		{"Yalta", 44.4952, 34.1663, "Crimea", "UA", true},
		{"Kharkiv", 49.9935, 36.2304, "Kharkiv", "UA", true},
		{"Lviv", 49.8397, 24.0297, "Lviv", "UA", true},
		{"Odesa harbour", 46.4875, 30.7430, "Odesa", "UA", true},
		{"Belgorod city", 50.5997, 36.5983, "Belgorod", "RU", true},
		{"Sudzha", 51.19, 35.27, "Kursk", "RU", true},
		{"Taganrog", 47.2362, 38.8969, "Rostov", "RU", true},
		{"central Moscow", 55.75, 37.62, "Moscow City", "RU", true},
		{"Black Sea far from land", 43.5, 32.0, "", "", false},
		{"Sea of Azov, mid", 46.0, 36.5, "", "", false},
		{"Gomel, Belarus", 52.4345, 30.9754, "", "", false},
		{"Warsaw", 52.23, 21.01, "", "", false},
		{"not a latitude", 123, 30, "", "", false},
		{"NaN", math.NaN(), 30, "", "", false},
	}
	g := Default()
	for _, tt := range tests {
		a, c, ok := g.Locate(tt.lat, tt.lon)
		if a != tt.admin1 || c != tt.country || ok != tt.ok {
			t.Errorf("Locate(%s) = %q %q %v, want %q %q %v", tt.name, a, c, ok, tt.admin1, tt.country, tt.ok)
		}
	}
}

// TestLocateAgreesWithLookup checks that Ukrainian towns are located in the region they are filed under.
func TestLocateAgreesWithLookup(t *testing.T) {
	// Every Ukrainian town of the GeoNames list lies in the region it is
	// filed under, but for the exclave Slavutych (Kyiv Oblast, inside
	// Chernihiv Oblast) and towns a few kilometres from a border.
	g := Default()
	bad := 0
	for _, e := range g.entries {
		if !strings.HasPrefix(e.ID, "gn:") || e.Country != "UA" {
			continue
		}
		if a, _, ok := g.Locate(e.Lat, e.Lon); !ok || a != e.Admin1 {
			bad++
			t.Logf("%s %s (%s) located in %q", e.ID, e.Name, e.Admin1, a)
		}
	}
	if bad > 3 {
		t.Errorf("%d Ukrainian towns located outside their region", bad)
	}
}

// TestNames checks the name list given to the news extractor.
func TestNames(t *testing.T) {
	g := Default()
	names := g.Names()
	if len(names) < 40000 {
		t.Fatalf("only %d names", len(names))
	}
	index := make(map[string][]string, len(names))
	for i, n := range names {
		if i > 0 && names[i-1].Norm >= n.Norm {
			t.Fatalf("names not sorted at %q", n.Norm)
		}
		if n.Norm != Normalize(n.Norm) {
			t.Errorf("name %q is not normalized", n.Norm)
		}
		index[n.Norm] = n.EntryIDs
	}
	tests := []struct {
		norm string
		want []string
	}{
		{"dnipro", []string{"admin1:UA-12", "gn:709930"}},
		{"дніпро", []string{"admin1:UA-12", "gn:709930"}},
		{"krivoy rog", []string{"gn:703845"}},
		{"dnipropetrovska oblast", []string{"admin1:UA-12"}},
		{"ukraine", []string{"country:UA"}},
		{"ua", nil},
		{"ua 12", nil},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, index[tt.norm]); d != "" {
			t.Errorf("Names()[%q] mismatch (-want +got):\n%s", tt.norm, d)
		}
	}
}

// TestEntry checks entries by ID.
func TestEntry(t *testing.T) {
	g := Default()
	e, ok := g.Entry("gn:709930")
	if !ok || e.Name != "Dnipro" || e.NameUK != "Дніпро" || e.NameRU != "Днепр" || e.Admin1 != "Dnipropetrovsk" ||
		e.Country != "UA" || e.Precision != PrecisionSettlement || e.Population < 900000 {
		t.Errorf("Entry(gn:709930) = %+v %v", e, ok)
	}
	for _, id := range []string{"admin1:UA-12", "country:RU", "fact:samara"} {
		if _, ok := g.Entry(id); !ok {
			t.Errorf("Entry(%q) not found", id)
		}
	}
	if _, ok := g.Entry("gn:1"); ok {
		t.Error("Entry(gn:1) found")
	}
}

// BenchmarkLookup measures lookups that resolve.
func BenchmarkLookup(b *testing.B) {
	g := Default()
	queries := [][3]string{{"Dnipro"}, {"Харків"}, {"Krivoy Rog"}, {"Kyiv", "Kyiv City"}, {"Serhiivka", "Odesa"},
		{"Belgorod", "", "RU"}, {"Pokrovsk"}, {"Olenivka", "Donetsk Oblast", "UA"}}
	i := 0
	start := processCPU()
	for b.Loop() {
		q := queries[i%len(queries)]
		if _, err := g.Lookup(q[0], q[1], q[2]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	reportCPU(b, start)
}

// BenchmarkLookupAmbiguous measures a lookup that ends in an AmbiguousError.
func BenchmarkLookupAmbiguous(b *testing.B) {
	g := Default()
	start := processCPU()
	for b.Loop() {
		if _, err := g.Lookup("Samara", "", ""); err == nil {
			b.Fatal("not ambiguous")
		}
	}
	reportCPU(b, start)
}

// BenchmarkLocate measures Locate over points in and out of Ukraine.
func BenchmarkLocate(b *testing.B) {
	g := Default()
	pts := [][2]float64{{48.4647, 35.0462}, {50.4501, 30.5234}, {44.6166, 33.5254}, {50.5997, 36.5983}, {49.84, 24.03}, {43.5, 32.0}}
	g.Locate(0, 0)
	i := 0
	start := processCPU()
	for b.Loop() {
		p := pts[i%len(pts)]
		g.Locate(p[0], p[1])
		i++
	}
	reportCPU(b, start)
}

// BenchmarkLoadEntries measures loading the embedded entries table.
func BenchmarkLoadEntries(b *testing.B) {
	start := processCPU()
	for b.Loop() {
		if _, err := loadEntries(embeddedEntries); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}
