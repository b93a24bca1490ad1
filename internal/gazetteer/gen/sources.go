package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce/internal/geo"
)

// gnCity is one row of the GeoNames cities file.
type gnCity struct {
	ID            int
	Name, ASCII   string
	Alternates    []string
	Lat, Lon      float64
	Country, Code string // ISO country and GeoNames admin1 code
	Population    int
}

// postalRow is one row of the GeoNames postal-code file of Ukraine.
type postalRow struct {
	Code, Place, Admin1, Admin2 string
	Lat, Lon                    float64
}

// Input file names under the -data folder.
const (
	citiesFile   = "gazetteer/geonames_cities15000_UA_and_western_RU.tsv"
	postalFile   = "gazetteer/geonames_postal_codes_UA.txt"
	oblastsFile  = "ukraine_oblasts_osm.geojson"
	deepStateDir = "deepstate_occupied"
)

// readTSV returns the tab-separated fields of every line of a file.
func readTSV(path string) ([][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if line := strings.TrimRight(sc.Text(), "\r"); line != "" {
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
	return rows, sc.Err()
}

// readCities reads the GeoNames cities file (19 columns, header row).
func readCities(dir string) ([]gnCity, error) {
	path := filepath.Join(dir, citiesFile)
	rows, err := readTSV(path)
	if err != nil {
		return nil, err
	}
	var out []gnCity
	for i, f := range rows {
		if i == 0 && f[0] == "geonameid" {
			continue
		}
		if len(f) < 15 {
			return nil, fmt.Errorf("%s line %d: %d fields, want 19", path, i+1, len(f))
		}
		c := gnCity{Name: f[1], ASCII: f[2], Country: f[8], Code: f[10]}
		var errs [4]error
		c.ID, errs[0] = strconv.Atoi(f[0])
		c.Lat, errs[1] = strconv.ParseFloat(f[4], 64)
		c.Lon, errs[2] = strconv.ParseFloat(f[5], 64)
		c.Population, errs[3] = strconv.Atoi(f[14])
		for _, e := range errs {
			if e != nil {
				return nil, fmt.Errorf("%s line %d: %w", path, i+1, e)
			}
		}
		if f[3] != "" {
			c.Alternates = strings.Split(f[3], ",")
		}
		out = append(out, c)
	}
	return out, nil
}

// readPostal reads the GeoNames postal file of Ukraine (12 columns, no
// header). Rows without a region are skipped.
func readPostal(dir string) ([]postalRow, error) {
	path := filepath.Join(dir, postalFile)
	rows, err := readTSV(path)
	if err != nil {
		return nil, err
	}
	var out []postalRow
	for i, f := range rows {
		if len(f) < 11 {
			return nil, fmt.Errorf("%s line %d: %d fields, want 12", path, i+1, len(f))
		}
		if f[3] == "" {
			continue
		}
		r := postalRow{Code: f[1], Place: f[2], Admin1: f[3], Admin2: f[5]}
		var e1, e2 error
		r.Lat, e1 = strconv.ParseFloat(f[9], 64)
		r.Lon, e2 = strconv.ParseFloat(f[10], 64)
		if e1 != nil || e2 != nil {
			return nil, fmt.Errorf("%s line %d: bad coordinates %q %q", path, i+1, f[9], f[10])
		}
		out = append(out, r)
	}
	return out, nil
}

// readOblasts reads the OSM oblast polygons keyed by ISO code, with their
// rings put in order (largest ring outer).
func readOblasts(dir string) (map[string]geo.MultiPolygon, error) {
	data, err := os.ReadFile(filepath.Join(dir, oblastsFile))
	if err != nil {
		return nil, err
	}
	fs, err := geo.ParseGeoJSON(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", oblastsFile, err)
	}
	out := make(map[string]geo.MultiPolygon)
	for i, f := range fs {
		iso, _ := f.Properties["iso3166_2"].(string)
		if iso == "" {
			return nil, fmt.Errorf("%s: feature %d has no iso3166_2", oblastsFile, i)
		}
		out[iso] = append(out[iso], geo.FixRings(f.Geometry)...)
	}
	return out, nil
}

// readLatestDeepState returns the date (YYYYMMDD) and multipolygon of the
// newest DeepState snapshot.
func readLatestDeepState(dir string) (string, geo.MultiPolygon, error) {
	files, err := filepath.Glob(filepath.Join(dir, deepStateDir, "deepstatemap_data_*.geojson"))
	if err != nil || len(files) == 0 {
		return "", nil, fmt.Errorf("no DeepState files in %s", filepath.Join(dir, deepStateDir))
	}
	sort.Strings(files)
	last := files[len(files)-1]
	data, err := os.ReadFile(last)
	if err != nil {
		return "", nil, err
	}
	fs, err := geo.ParseGeoJSON(data)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", last, err)
	}
	var mp geo.MultiPolygon
	for _, f := range fs {
		mp = append(mp, geo.FixRings(f.Geometry)...)
	}
	date := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(last), "deepstatemap_data_"), ".geojson")
	return date, mp, nil
}
