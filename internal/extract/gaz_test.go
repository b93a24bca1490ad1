package extract

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var (
	testExOnce sync.Once
	testEx     *Extractor
	testExFrom string
)

// testExtractor returns the extractor the corpus tests use: over the
// GeoNames towns of shared/data/geo (a source of the project gazetteer;
// the package does not import internal/gazetteer, which cmd/truce wires
// in), else the built-in regions alone.
func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	testExOnce.Do(func() {
		if src, ok := geonamesPlaces(t); ok {
			testEx, testExFrom = New(src), "shared/data/geo GeoNames towns"
			return
		}
		testEx, testExFrom = New(nil), "built-in regions only"
	})
	t.Logf("places from %s", testExFrom)
	return testEx
}

// geonamesAdmin1 maps GeoNames admin1 codes to canonical region names.
var geonamesAdmin1 = map[string]map[string]string{
	"UA": {"01": "Cherkasy", "02": "Chernihiv", "03": "Chernivtsi", "04": "Dnipropetrovsk", "05": "Donetsk",
		"06": "Ivano-Frankivsk", "07": "Kharkiv", "08": "Kherson", "09": "Khmelnytskyi", "10": "Kirovohrad",
		"11": "Crimea", "12": "Kyiv City", "13": "Kyiv", "14": "Luhansk", "15": "Lviv", "16": "Mykolaiv",
		"17": "Odesa", "18": "Poltava", "19": "Rivne", "20": "Sevastopol", "21": "Sumy", "22": "Ternopil",
		"23": "Vinnytsia", "24": "Volyn", "25": "Zakarpattia", "26": "Zaporizhzhia", "27": "Zhytomyr"},
	"RU": {"09": "Belgorod", "10": "Bryansk", "41": "Kursk", "86": "Voronezh", "61": "Rostov", "38": "Krasnodar Krai",
		"48": "Moscow", "47": "Moscow", "56": "Oryol", "43": "Lipetsk", "76": "Tula", "25": "Kaluga", "69": "Smolensk",
		"72": "Tambov", "62": "Ryazan", "67": "Saratov", "84": "Volgograd", "07": "Astrakhan", "73": "Tatarstan",
		"57": "Penza", "70": "Stavropol Krai", "77": "Tver", "65": "Samara", "88": "Yaroslavl", "60": "Pskov",
		"51": "Nizhny Novgorod"},
}

// geonamesPlaces reads the GeoNames towns of shared/data/geo.
func geonamesPlaces(t testing.TB) (PlaceSource, bool) {
	dir := sharedDataOK("geo/gazetteer/geonames_cities15000_UA_and_western_RU.tsv")
	if dir == "" {
		return nil, false
	}
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var out PlaceList
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 || c[0] == "geonameid" {
			continue
		}
		adm, ok := geonamesAdmin1[c[8]][c[10]]
		if !ok {
			continue
		}
		pop, _ := strconv.Atoi(c[14])
		p := Place{ID: "gn:" + c[0], Name: c[1], Admin1: adm, Country: c[8], Population: pop}
		for _, alt := range strings.Split(c[3], ",") {
			switch {
			case strings.ContainsAny(alt, "іїєґІЇЄҐ") && p.NameUK == "":
				p.NameUK = alt
			case strings.ContainsAny(alt, "ыэъёЫЭЪЁ") && p.NameRU == "":
				p.NameRU = alt
			case isLatin(alt):
				p.AltNames = append(p.AltNames, alt)
			}
		}
		p.AltNames = append(p.AltNames, c[2])
		out = append(out, p)
	}
	return out, len(out) > 0
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= 0x250 {
			return false
		}
	}
	return s != ""
}

// sharedDataOK returns the path of sub under ../shared/data, or "".
func sharedDataOK(sub string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "data", sub)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}
