package gazetteer

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestDefaultLoadsQuickly checks that the embedded data loads, and logs how long the entries take.
func TestDefaultLoadsQuickly(t *testing.T) {
	start := time.Now()
	g, err := loadEntries(embeddedEntries)
	el := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("entries loaded in %v (%d entries, %d regions)", el, len(g.entries), len(g.regions))
	if _, err := Load(embeddedEntries, embeddedAreas); err != nil {
		t.Fatalf("embedded data: %v", err)
	}
	if Default() != Default() {
		t.Error("Default returns different gazetteers")
	}
}

// want is what a lookup should find.
type want struct {
	Name, Admin1, Country string
	Precision             Precision
}

// got reduces a match to what the tables compare.
func got(m Match) want {
	return want{m.Entry.Name, m.Entry.Admin1, m.Entry.Country, m.Entry.Precision}
}

// settlement is what a lookup of a settlement should find.
func settlement(name, admin1, country string) want {
	return want{name, admin1, country, PrecisionSettlement}
}

// Frequent answers of resolveTests.
var (
	dnipro    = settlement("Dnipro", "Dnipropetrovsk", "UA")
	kryvyiRih = settlement("Kryvyi Rih", "Dnipropetrovsk", "UA")
	kyiv      = settlement("Kyiv", "Kyiv City", "UA")
	samar     = settlement("Samar", "Dnipropetrovsk", "UA")
)

// resolveTests are lookups that must find one settlement.
var resolveTests = []struct {
	place, admin1, country string
	want                   want
}{
	{"Дніпро", "", "", dnipro}, {"Dnipro", "", "", dnipro}, {"Dnepr", "", "", dnipro},
	{"Днепр", "", "", dnipro}, {"Dnipropetrovsk", "", "", dnipro}, {"DNIPRO", "", "", dnipro},
	{"Кривий Ріг", "", "", kryvyiRih}, {"Kryvyi Rih", "", "", kryvyiRih}, {"Krivoy Rog", "", "", kryvyiRih},
	{"Kryvy Rih", "", "", kryvyiRih}, {"Кривой Рог", "", "", kryvyiRih}, {"Kryvyy Rih", "", "", kryvyiRih},
	{"Kirovohrad", "", "", settlement("Kropyvnytskyi", "Kirovohrad", "UA")},
	{"Kirovograd", "", "", settlement("Kropyvnytskyi", "Kirovohrad", "UA")},
	{"Artemivsk", "", "", settlement("Bakhmut", "Donetsk", "UA")},
	{"Artyomovsk", "", "", settlement("Bakhmut", "Donetsk", "UA")},
	{"Kharkiv", "", "", settlement("Kharkiv", "Kharkiv", "UA")},
	{"Kharkov", "", "", settlement("Kharkiv", "Kharkiv", "UA")},
	{"Харків", "", "", settlement("Kharkiv", "Kharkiv", "UA")},
	{"Харьков", "", "", settlement("Kharkiv", "Kharkiv", "UA")},
	{"Odesa", "", "", settlement("Odesa", "Odesa", "UA")},
	{"Odessa", "", "", settlement("Odesa", "Odesa", "UA")},
	{"Kyiv", "", "", kyiv}, {"Kiev", "", "", kyiv}, {"Київ", "", "", kyiv}, {"Киев", "", "", kyiv},
	{"Kyiv", "Kyiv", "", kyiv}, {"Kyiv", "Kyiv City", "UA", kyiv},
	{"Zaporizhzhia", "", "", settlement("Zaporizhzhia", "Zaporizhzhia", "UA")},
	{"Zaporozhye", "", "", settlement("Zaporizhzhia", "Zaporizhzhia", "UA")},
	{"Mykolaiv", "", "", settlement("Mykolaiv", "Mykolaiv", "UA")},
	{"Nikolaev", "", "", settlement("Mykolaiv", "Mykolaiv", "UA")},
	{"Sumy", "", "", settlement("Sumy", "Sumy", "UA")},
	{"Chernihiv", "", "", settlement("Chernihiv", "Chernihiv", "UA")},
	{"Kherson", "", "", settlement("Kherson", "Kherson", "UA")},
	{"Belgorod", "", "", settlement("Belgorod", "Belgorod", "RU")},
	{"Белгород", "", "", settlement("Belgorod", "Belgorod", "RU")},
	{"Kursk", "", "", settlement("Kursk", "Kursk", "RU")},
	{"Sudzha", "", "", settlement("Sudzha", "Kursk", "RU")},
	{"Суджа", "Курская область", "", settlement("Sudzha", "Kursk", "RU")},
	{"Bryansk", "", "", settlement("Bryansk", "Bryansk", "RU")},
	{"Novoshakhtinsk", "", "", settlement("Novoshakhtinsk", "Rostov", "RU")},
	{"Sevastopol", "", "", settlement("Sevastopol", "Sevastopol", "UA")},
	{"Sevastopol", "Crimea", "", settlement("Sevastopol", "Sevastopol", "UA")},
	{"Simferopol", "", "", settlement("Simferopol", "Crimea", "UA")},
	{"Vinnytsia", "", "", settlement("Vinnytsia", "Vinnytsia", "UA")},
	{"Kremenchuk", "", "", settlement("Kremenchuk", "Poltava", "UA")},
	{"Sloviansk", "", "", settlement("Sloviansk", "Donetsk", "UA")},
	{"Slavyansk", "", "", settlement("Sloviansk", "Donetsk", "UA")},
	{"Kramatorsk", "", "", settlement("Kramatorsk", "Donetsk", "UA")},
	{"Pokrovsk", "", "", settlement("Pokrovsk", "Donetsk", "UA")},
	{"Krasnoarmeisk", "", "UA", settlement("Pokrovsk", "Donetsk", "UA")},
	{"Pokrovsk", "", "RU", settlement("Engels", "Saratov", "RU")},
	{"Chasiv Yar", "", "", settlement("Chasiv Yar", "Donetsk", "UA")},
	{"Olenivka", "Donetsk", "", settlement("Olenivka", "Donetsk", "UA")},
	{"Olenivka", "Donetsk Oblast", "UA", settlement("Olenivka", "Donetsk", "UA")},
	{"Serhiivka", "Odesa", "", settlement("Serhiivka", "Odesa", "UA")},
	{"Serhiivka, Odesa Oblast", "", "", settlement("Serhiivka", "Odesa", "UA")},
	{"Samara", "", "RU", settlement("Samara", "Samara", "RU")},
	{"Samara", "Samara Oblast", "", settlement("Samara", "Samara", "RU")},
	{"Samar", "", "", samar}, {"Самар", "", "", samar}, {"Samar", "", "UA", samar},
	{"Novomoskovsk", "", "UA", samar}, {"Новомосковськ", "", "UA", samar}, {"Новомосковськ", "", "", samar},
	{"Novomoskovsk", "Dnipropetrovsk", "", samar}, {"Samara", "", "UA", samar},
	{"Dniprodzerzhynsk", "", "", settlement("Kamianske", "Dnipropetrovsk", "UA")},
	{"Dimitrov", "", "", settlement("Myrnohrad", "Donetsk", "UA")},
	{"Komsomolsk", "Poltava", "", settlement("Horishni Plavni", "Poltava", "UA")},
	{"Illichivsk", "", "", settlement("Chornomorsk", "Odesa", "UA")},
	{"Ilyichevsk", "", "", settlement("Chornomorsk", "Odesa", "UA")},
	{"Yuzhnoukrainsk", "", "", settlement("Pivdennoukrainsk", "Mykolaiv", "UA")},
	{"Rostov-on-Don", "", "", settlement("Rostov-on-Don", "Rostov", "RU")},
	{"Rostov-na-Donu", "", "", settlement("Rostov-on-Don", "Rostov", "RU")},
	{"Moscow", "", "", settlement("Moscow", "Moscow City", "RU")},
}

// TestLookupResolves runs resolveTests: names in every script and spelling, with and without hints.
func TestLookupResolves(t *testing.T) {
	g := Default()
	for _, tt := range resolveTests {
		t.Run(tt.place+"/"+tt.admin1+"/"+tt.country, func(t *testing.T) {
			m, err := g.Lookup(tt.place, tt.admin1, tt.country)
			if err != nil {
				t.Fatalf("Lookup: %v", err)
			}
			if d := cmp.Diff(tt.want, got(m)); d != "" {
				t.Errorf("Lookup mismatch (-want +got):\n%s\nmethod: %s", d, m.Method)
			}
			if m.Query != tt.place || !strings.HasPrefix(m.Method, "gazetteer "+m.Entry.ID+" ") {
				t.Errorf("query %q, method %q", m.Query, m.Method)
			}
		})
	}
}

// TestLookupMethod checks the geocoding notes that matches carry.
func TestLookupMethod(t *testing.T) {
	g := Default()
	tests := []struct {
		place, admin1, country string
		want                   []string // parts of the Method text
	}{
		{"Dnipro", "", "", []string{"gazetteer gn:709930 Dnipro (settlement, ±9.6 km)"}},
		{"Kryvy Rih", "", "", []string{"Kryvyi Rih (settlement, ±25 km)", "spelling variant"}},
		{"Samara", "", "UA", []string{"Samar", "the only town of 15,000 people or more among 2 places so named"}},
		{"Serhiivka", "Odesa", "", []string{"fact:serhiivka-odesa", "the listed town among 4 places so named"}},
		{"", "Dnipropetrovsk Oblast", "", []string{"gazetteer admin1:UA-12 Dnipropetrovsk (region centroid, ±"}},
		{"", "", "UA", []string{"gazetteer country:UA Ukraine (country centroid, ±"}},
		{"Crimea", "", "", []string{"admin1:UA-43 Crimea (region centroid"}},
	}
	for _, tt := range tests {
		m, err := g.Lookup(tt.place, tt.admin1, tt.country)
		if err != nil {
			t.Errorf("Lookup(%q, %q, %q): %v", tt.place, tt.admin1, tt.country, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(m.Method, w) {
				t.Errorf("Lookup(%q, %q, %q).Method = %q, want it to contain %q", tt.place, tt.admin1, tt.country, m.Method, w)
			}
		}
	}
}

// TestLookupAmbiguous checks that shared names the hints do not settle are reported with their candidates.
func TestLookupAmbiguous(t *testing.T) {
	g := Default()
	tests := []struct {
		place, admin1, country string
		want                   []string // parts of the message
		n                      int      // candidates, 0: at least 2
	}{
		{"Samara", "", "", []string{`place "Samara" is ambiguous: `, "Samar (Dnipropetrovsk, UA)", "Samara (Samara, RU)",
			"; give location.admin1 or location.country"}, 3},
		{"Novomoskovsk", "", "", []string{"Novomoskovsk (Tula, RU)", "Samar (Dnipropetrovsk, UA)"}, 2},
		{"Olenivka", "", "", []string{"Olenivka (Donetsk, UA)", "more"}, 0},
		{"Serhiivka", "", "", []string{"Serhiivka (Odesa, Bilhorod-Dnistrovskyi raion, UA)"}, 0},
		{"Serhiivka", "Dnipropetrovsk", "", []string{"Solonianskyi raion", "Tomakivskyi raion"}, 0},
		{"Donetsk", "", "", []string{"Donetsk (Donetsk, UA)", "Donetsk (Rostov, RU)"}, 2},
		{"Vladimir", "", "", []string{"Vladimir (Vladimir, RU)", "Volodymyr (Volyn, UA)"}, 2},
		{"Krasnoarmeisk", "", "", []string{"Pokrovsk (Donetsk, UA)", "Krasnoarmeysk (Saratov, RU)"}, 3},
	}
	for _, tt := range tests {
		_, err := g.Lookup(tt.place, tt.admin1, tt.country)
		var amb *AmbiguousError
		if !errors.As(err, &amb) {
			t.Errorf("Lookup(%q, %q, %q) = %v, want *AmbiguousError", tt.place, tt.admin1, tt.country, err)
			continue
		}
		if (tt.n > 0 && len(amb.Candidates) != tt.n) || len(amb.Candidates) < 2 {
			t.Errorf("Lookup(%q): %d candidates, want %d", tt.place, len(amb.Candidates), tt.n)
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Lookup(%q, %q) error %q lacks %q", tt.place, tt.admin1, err, w)
			}
		}
	}
}

// TestLookupNotFound checks the messages of unknown places, regions and countries.
func TestLookupNotFound(t *testing.T) {
	g := Default()
	tests := []struct {
		place, admin1, country string
		field                  string
		want                   string
	}{
		{"Dnepropetrovks", "", "", "location.place", `location.place "Dnepropetrovks" is not in the gazetteer; did you mean Dnipro (Dnipropetrovsk`},
		{"Kharkov", "Kherson", "", "location.place", `location.place "Kharkov" is not known in Kherson, UA (it is known in Kharkiv, UA)`},
		{"Belgorod", "", "UA", "location.place", "it is known in Belgorod, RU"},
		{"Xyzzyville", "", "", "location.place", `location.place "Xyzzyville" is not in the gazetteer`},
		{"Kyiv", "Atlantis", "", "location.admin1", `location.admin1 "Atlantis" is not a known region`},
		{"", "Kharkov Oblst", "", "location.admin1", "did you mean Kharkiv (UA)"},
		{"Kyiv", "", "XX", "location.country", `location.country "XX" is not covered`},
	}
	for _, tt := range tests {
		_, err := g.Lookup(tt.place, tt.admin1, tt.country)
		var nf *NotFoundError
		if !errors.As(err, &nf) {
			t.Errorf("Lookup(%q, %q, %q) = %v, want *NotFoundError", tt.place, tt.admin1, tt.country, err)
			continue
		}
		if nf.Field != tt.field || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Lookup(%q, %q, %q) error %q (field %s), want field %s and %q", tt.place, tt.admin1, tt.country, err, nf.Field, tt.field, tt.want)
		}
	}
}

// TestLookupOtherErrors checks lookups with nothing to look up or with hints that contradict each other.
func TestLookupOtherErrors(t *testing.T) {
	g := Default()
	for _, q := range [][3]string{{"", "", ""}, {"Kyiv", "Kursk", "UA"}, {"", "Belgorod", "UA"}} {
		if _, err := g.Lookup(q[0], q[1], q[2]); err == nil {
			t.Errorf("Lookup(%q) succeeded, want an error", q)
		}
	}
}

// TestLookupAreas checks lookups that end at a region or a country.
func TestLookupAreas(t *testing.T) {
	g := Default()
	tests := []struct {
		place, admin1, country string
		want                   want
	}{
		{"", "Dnipropetrovsk", "", want{"Dnipropetrovsk", "Dnipropetrovsk", "UA", PrecisionAdmin1}},
		{"", "Днепропетровская обл.", "UA", want{"Dnipropetrovsk", "Dnipropetrovsk", "UA", PrecisionAdmin1}},
		{"", "Kyiv City", "", want{"Kyiv City", "Kyiv City", "UA", PrecisionAdmin1}},
		{"", "Belgorod Oblast", "RU", want{"Belgorod", "Belgorod", "RU", PrecisionAdmin1}},
		{"", "", "Ukraine", want{"Ukraine", "", "UA", PrecisionCountry}},
		{"", "", "ru", want{"Russia", "", "RU", PrecisionCountry}},
		{"Crimea", "", "", want{"Crimea", "Crimea", "UA", PrecisionAdmin1}},
		{"Kharkiv Oblast", "", "", want{"Kharkiv", "Kharkiv", "UA", PrecisionAdmin1}},
		{"Україна", "", "", want{"Ukraine", "", "UA", PrecisionCountry}},
	}
	for _, tt := range tests {
		m, err := g.Lookup(tt.place, tt.admin1, tt.country)
		if err != nil {
			t.Errorf("Lookup(%q, %q, %q): %v", tt.place, tt.admin1, tt.country, err)
			continue
		}
		if d := cmp.Diff(tt.want, got(m)); d != "" {
			t.Errorf("Lookup(%q, %q, %q) mismatch (-want +got):\n%s", tt.place, tt.admin1, tt.country, d)
		}
		if m.Entry.UncertaintyM < 20000 {
			t.Errorf("Lookup(%q, %q, %q): uncertainty %v m is too small for a region", tt.place, tt.admin1, tt.country, m.Entry.UncertaintyM)
		}
	}
}

// TestLookupRaionHint checks raions given after a comma in the place.
func TestLookupRaionHint(t *testing.T) {
	g := Default()
	tests := []struct {
		place, admin1 string
		wantAdmin2    string
	}{
		{"Serhiivka, Tomakivskyi raion", "Dnipropetrovsk", "Tomakivskyi"},
		{"Serhiivka, Solonianskyi", "Dnipropetrovsk Oblast", "Solonianskyi"},
		{"Serhiivka, Томаківський район, Дніпропетровська область", "", "Tomakivskyi"},
	}
	for _, tt := range tests {
		m, err := g.Lookup(tt.place, tt.admin1, "")
		if err != nil || m.Entry.Admin2 != tt.wantAdmin2 {
			t.Errorf("Lookup(%q, %q) = %q, %v; want raion %q", tt.place, tt.admin1, m.Entry.Admin2, err, tt.wantAdmin2)
		}
	}
	if _, err := g.Lookup("Serhiivka", "Dnipropetrovsk", ""); err == nil || !strings.Contains(err.Error(), "or the raion after a comma") {
		t.Errorf("ambiguity within a region does not suggest a raion: %v", err)
	}
}
