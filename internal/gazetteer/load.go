package gazetteer

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce/internal/geo"
)

// FormatHeader is the first line of the entries file written by ./gen.
const FormatHeader = "truce-gazetteer\t1"

// Load builds a gazetteer from the two files ./gen writes: the gzip'd
// entries table (data/gazetteer.tsv.gz) and the gzip'd GeoJSON of region
// polygons (data/admin1.geojson.gz, features with an "iso" property).
//
// The entries table is tab-separated text, one record a line after
// FormatHeader:
//
//	C code name nameUK nameRU lat lon radiusM forms
//	A iso name country nameUK nameRU lat lon radiusM parentISO forms
//	E id name nameUK nameRU admin1ISO admin2 lat lon uncertaintyM population forms altForms
//
// forms are normalized names separated by "|". The normalized name, nameUK
// and nameRU of C and E records are added to their forms; an A record lists
// all its forms but its canonical name and ISO code, because a city region
// (Kyiv City, "Київ") must not take the bare name of the oblast around it.
// An E record's forms are its current and former names; altForms are the
// further names of GeoNames' alternate-name list. C and A
// records come before E records, and an A record with a parent after its
// parent.
func Load(entries, areas []byte) (*Gazetteer, error) {
	g, err := loadEntries(entries)
	if err != nil {
		return nil, err
	}
	g.areaData = areas
	if err := g.prepareAreas(); err != nil {
		return nil, err
	}
	return g, nil
}

// loadEntries reads the entries table.
func loadEntries(entries []byte) (*Gazetteer, error) {
	raw, err := gunzip(entries)
	if err != nil {
		return nil, fmt.Errorf("entries: %w", err)
	}
	text := string(raw)
	n := strings.Count(text, "\n")
	g := &Gazetteer{
		entries:      make([]Entry, 0, n),
		entryRegion:  make([]int, 0, n),
		places:       newNameIndex(2 * n),
		regionByNorm: make(map[string]int),
		regionByISO:  make(map[string]int),
		countries:    make(map[string]int32),
	}
	var buf [13]string
	for lineNo := 1; text != ""; lineNo++ {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if lineNo == 1 {
			if line != FormatHeader {
				return nil, fmt.Errorf("entries: first line is not %q", FormatHeader)
			}
			continue
		}
		if err := g.addRecord(splitTabs(line, buf[:0])); err != nil {
			return nil, fmt.Errorf("entries line %d: %w", lineNo, err)
		}
	}
	if len(g.entries) == 0 {
		return nil, fmt.Errorf("entries: no records")
	}
	g.buildRegionSkeletons()
	return g, nil
}

// splitTabs appends the tab-separated fields of line to f.
func splitTabs(line string, f []string) []string {
	for {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			return append(f, line)
		}
		f = append(f, line[:i])
		line = line[i+1:]
	}
}

// gunzip returns the decompressed bytes of a gzip stream, reading into a
// buffer of the size the gzip trailer gives.
func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	size := 0
	if len(b) >= 4 {
		size = int(binary.LittleEndian.Uint32(b[len(b)-4:]))
	}
	var out bytes.Buffer
	out.Grow(min(size, 1<<28) + 1)
	if _, err := out.ReadFrom(zr); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Fields of each kind of record, and where their numbers are.
var (
	recordFields  = map[byte]int{'C': 9, 'A': 11, 'E': 13}
	recordNumbers = map[byte][]int{'C': {5, 6, 7}, 'A': {6, 7, 8}, 'E': {7, 8, 9, 10}}
)

// addRecord adds one C, A or E record.
func (g *Gazetteer) addRecord(f []string) error {
	kind := byte(0)
	if len(f[0]) == 1 {
		kind = f[0][0]
	}
	if want := recordFields[kind]; want == 0 || len(f) != want {
		return fmt.Errorf("record %q has %d fields, want C 9, A 11 or E 13", f[0], len(f))
	}
	var nums [4]float64
	for k, field := range recordNumbers[kind] {
		v, err := strconv.ParseFloat(f[field], 64)
		if err != nil {
			return fmt.Errorf("field %d: %w", field+1, err)
		}
		nums[k] = v
	}
	switch kind {
	case 'C':
		e := Entry{ID: "country:" + f[1], Name: f[2], NameUK: f[3], NameRU: f[4], Country: f[1],
			Lat: nums[0], Lon: nums[1], UncertaintyM: nums[2], Precision: PrecisionCountry}
		idx := g.addEntry(e, -1)
		for _, n := range append(formsOf(e, f[8]), strings.ToLower(f[1])) {
			g.countries[n] = idx
		}
	case 'A':
		return g.addRegion(f, nums[:3])
	default:
		return g.addSettlement(f, nums)
	}
	return nil
}

// addSettlement adds an E record and indexes its names.
func (g *Gazetteer) addSettlement(f []string, nums [4]float64) error {
	r, ok := g.regionByISO[f[5]]
	if !ok {
		return fmt.Errorf("unknown region %q", f[5])
	}
	e := Entry{ID: f[1], Name: f[2], NameUK: f[3], NameRU: f[4], Admin1: g.regions[r].Name,
		Country: g.regions[r].Country, Admin2: f[6], Lat: nums[0], Lon: nums[1],
		UncertaintyM: nums[2], Population: int(nums[3]), Precision: PrecisionSettlement}
	idx := g.addEntry(e, r)
	for _, n := range [3]string{e.Name, e.NameUK, e.NameRU} {
		if n != "" {
			g.places.add(Normalize(n), idx)
		}
	}
	g.indexForms(f[11], idx)
	g.indexForms(f[12], idx|altRef)
	if e.Country == "RU" {
		g.ruPlaces = append(g.ruPlaces, idx)
	}
	return nil
}

// addRegion adds an A record: the region and its entry.
func (g *Gazetteer) addRegion(f []string, nums []float64) error {
	a := Admin1{ISO: f[1], Name: f[2], Country: f[3], NameUK: f[4], NameRU: f[5],
		Lat: nums[0], Lon: nums[1], RadiusM: nums[2]}
	parent := -1
	if f[9] != "" {
		p, ok := g.regionByISO[f[9]]
		if !ok {
			return fmt.Errorf("region %s: parent %q comes later or not at all", a.ISO, f[9])
		}
		parent = p
	}
	r := len(g.regions)
	g.regions = append(g.regions, a)
	g.regionParent = append(g.regionParent, parent)
	g.regionByISO[a.ISO] = r
	e := Entry{ID: "admin1:" + a.ISO, Name: a.Name, NameUK: a.NameUK, NameRU: a.NameRU,
		Admin1: a.Name, Country: a.Country, Lat: a.Lat, Lon: a.Lon, UncertaintyM: a.RadiusM,
		Precision: PrecisionAdmin1}
	g.regionEntry = append(g.regionEntry, g.addEntry(e, r))
	forms := []string{Normalize(a.Name), Normalize(a.ISO)}
	if f[10] != "" {
		forms = append(forms, strings.Split(f[10], "|")...)
	}
	for _, n := range forms {
		if old, dup := g.regionByNorm[n]; dup && old != r {
			return fmt.Errorf("region name %q means both %s and %s", n, g.regions[old].ISO, a.ISO)
		}
		g.regionByNorm[n] = r
	}
	return nil
}

// addEntry appends e, in region r.
func (g *Gazetteer) addEntry(e Entry, r int) int32 {
	idx := int32(len(g.entries))
	g.entries = append(g.entries, e)
	g.entryRegion = append(g.entryRegion, r)
	return idx
}

// indexForms indexes the "|"-separated forms as names of ref.
func (g *Gazetteer) indexForms(forms string, ref int32) {
	for forms != "" {
		n := forms
		if i := strings.IndexByte(forms, '|'); i >= 0 {
			n, forms = forms[:i], forms[i+1:]
		} else {
			forms = ""
		}
		g.places.add(n, ref)
	}
}

// formsOf returns the distinct normalized names of a country: its three
// names and the extra forms of its record.
func formsOf(e Entry, extra string) []string {
	out := make([]string, 0, 4)
	add := func(n string) {
		if n == "" {
			return
		}
		for _, o := range out {
			if o == n {
				return
			}
		}
		out = append(out, n)
	}
	add(Normalize(e.Name))
	add(Normalize(e.NameUK))
	add(Normalize(e.NameRU))
	if extra != "" {
		for _, n := range strings.Split(extra, "|") {
			add(n)
		}
	}
	return out
}

// prepareAreas reads and prepares the region polygons once; regions inside
// other regions (Kyiv City) come first, for Locate to try first.
func (g *Gazetteer) prepareAreas() error {
	g.areaOnce.Do(func() {
		if err := g.loadAreas(g.areaData); err != nil {
			g.areaErr = fmt.Errorf("areas: %w", err)
		}
	})
	return g.areaErr
}

// loadAreas reads and prepares the region polygons.
func (g *Gazetteer) loadAreas(data []byte) error {
	text, err := gunzip(data)
	if err != nil {
		return err
	}
	fs, err := geo.ParseGeoJSON(text)
	if err != nil {
		return err
	}
	for i, f := range fs {
		iso, _ := f.Properties["iso"].(string)
		r, ok := g.regionByISO[iso]
		if !ok {
			return fmt.Errorf("feature %d: unknown region %q", i, iso)
		}
		g.areas = append(g.areas, area{region: r, prep: geo.Prepare(f.Geometry)})
	}
	sort.SliceStable(g.areas, func(i, j int) bool {
		pi, pj := g.regionParent[g.areas[i].region] >= 0, g.regionParent[g.areas[j].region] >= 0
		return pi && !pj
	})
	return nil
}

// buildRegionSkeletons indexes the skeletons of region names that do not
// meet the skeleton of another region's name.
func (g *Gazetteer) buildRegionSkeletons() {
	g.regionSkel = make(map[string]int)
	clash := make(map[string]bool)
	for n, r := range g.regionByNorm {
		s := Skeleton(n)
		if old, ok := g.regionSkel[s]; ok && old != r {
			clash[s] = true
		}
		g.regionSkel[s] = r
	}
	for s := range clash {
		delete(g.regionSkel, s)
	}
}
