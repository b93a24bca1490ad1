package geo

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// loadDeepState prepares the occupied-area multipolygon of one DeepState
// snapshot, or of the latest one when date is empty.
func loadDeepState(tb testing.TB, date string) (MultiPolygon, *Prepared) {
	tb.Helper()
	dir := sharedData(tb, "geo/deepstate_occupied")
	files, err := filepath.Glob(filepath.Join(dir, "deepstatemap_data_*.geojson"))
	if err != nil || len(files) == 0 {
		tb.Skipf("no DeepState files in %s: skipping", dir)
	}
	sort.Strings(files)
	name := files[len(files)-1]
	if date != "" {
		name = filepath.Join(dir, "deepstatemap_data_"+date+".geojson")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	fs, err := ParseGeoJSON(data)
	if err != nil {
		tb.Fatal(err)
	}
	var mp MultiPolygon
	for _, f := range fs {
		mp = append(mp, f.Geometry...)
	}
	return mp, Prepare(mp)
}

// TestDeepStateKnownPlaces checks places known to be inside or outside the occupied area on 2025-07-01.
func TestDeepStateKnownPlaces(t *testing.T) {
	mp, pr := loadDeepState(t, "20250701")
	tests := []struct {
		name string
		p    Point
		want bool
	}{
		{"Donetsk", Point{48.0159, 37.8029}, true},
		{"Bakhmut", Point{48.5956, 38.0004}, true},
		{"Simferopol", Point{44.9521, 34.1024}, true},
		{"Pokrovsk", Point{48.2823, 37.1758}, false},
		{"Kupiansk", Point{49.7106, 37.6156}, false},
		{"Kharkiv", Point{49.9935, 36.2304}, false},
		{"Kyiv", Point{50.4501, 30.5234}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pr.Contains(tt.p); got != tt.want {
				t.Errorf("Contains(%s) = %v, want %v", tt.name, got, tt.want)
			}
			if got := bruteContains(mp, tt.p); got != tt.want {
				t.Errorf("brute-force Contains(%s) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

// TestDeepStateAgreesWithBruteForce compares the index with brute force on the real occupied area.
func TestDeepStateAgreesWithBruteForce(t *testing.T) {
	mp, pr := loadDeepState(t, "")
	pts := deepStatePoints(pr, 2000)
	for i, p := range pts {
		if got, want := pr.Contains(p), bruteContains(mp, p); got != want {
			t.Fatalf("Contains(%v) = %v, brute force %v", p, got, want)
		}
		if i%50 == 0 {
			got, want := pr.DistanceToBoundaryM(p), bruteDistance(mp, p)
			if d := got - want; d > 0.01*want+20 || d < -0.01*want-20 {
				t.Errorf("DistanceToBoundaryM(%v) = %.0f, brute force %.0f", p, got, want)
			}
		}
	}
}

// TestDeepStateMillionContains checks the budget the intake relies on: one
// million Contains calls against the real occupied area in well under a
// second. The limit is loose so that a busy machine does not fail it.
func TestDeepStateMillionContains(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test skipped in -short mode")
	}
	_, pr := loadDeepState(t, "")
	pts := deepStatePoints(pr, 1<<16)
	start := time.Now()
	n := 0
	for i := range 1_000_000 {
		if pr.Contains(pts[i&(len(pts)-1)]) {
			n++
		}
	}
	el := time.Since(start)
	t.Logf("1,000,000 Contains in %v (%d inside)", el, n)
	if el > 3*time.Second {
		t.Errorf("1,000,000 Contains took %v, want well under a second", el)
	}
}

// deepStatePoints draws n points uniformly from the polygon's bounds grown by
// half a degree, with a fixed seed.
func deepStatePoints(pr *Prepared, n int) []Point {
	rng := rand.New(rand.NewPCG(7, 11))
	b := pr.Bounds()
	pts := make([]Point, n)
	for i := range pts {
		pts[i] = Point{
			Lat: b.Min.Lat - 0.5 + rng.Float64()*(b.Max.Lat-b.Min.Lat+1),
			Lon: b.Min.Lon - 0.5 + rng.Float64()*(b.Max.Lon-b.Min.Lon+1),
		}
	}
	return pts
}

// nearFront draws n points within about 20 km of the polygon's sides, where
// the distance search has to look at many sides.
func nearFront(mp MultiPolygon, n int) []Point {
	rng := rand.New(rand.NewPCG(3, 5))
	var verts []Point
	for _, p := range mp {
		for _, r := range p {
			verts = append(verts, r...)
		}
	}
	pts := make([]Point, n)
	for i := range pts {
		v := verts[rng.IntN(len(verts))]
		pts[i] = Point{v.Lat + (rng.Float64()-0.5)*0.4, v.Lon + (rng.Float64()-0.5)*0.5}
	}
	return pts
}

// BenchmarkPrepareDeepState measures indexing the real occupied area.
func BenchmarkPrepareDeepState(b *testing.B) {
	mp, _ := loadDeepState(b, "")
	b.ReportMetric(float64(mp.NumPoints()), "vertices")
	start := processCPU()
	for b.Loop() {
		Prepare(mp)
	}
	reportCPU(b, start)
}

// BenchmarkContainsDeepState measures Contains at random points around the occupied area.
func BenchmarkContainsDeepState(b *testing.B) {
	_, pr := loadDeepState(b, "")
	pts := deepStatePoints(pr, 1<<16)
	i := 0
	start := processCPU()
	for b.Loop() {
		pr.Contains(pts[i&(len(pts)-1)])
		i++
	}
	reportCPU(b, start)
}

// BenchmarkContainsDeepStateNearFront measures Contains at points near its boundary.
func BenchmarkContainsDeepStateNearFront(b *testing.B) {
	mp, pr := loadDeepState(b, "")
	pts := nearFront(mp, 1<<16)
	i := 0
	start := processCPU()
	for b.Loop() {
		pr.Contains(pts[i&(len(pts)-1)])
		i++
	}
	reportCPU(b, start)
}

// BenchmarkDistanceDeepState measures DistanceToBoundaryM at random points around the occupied area.
func BenchmarkDistanceDeepState(b *testing.B) {
	_, pr := loadDeepState(b, "")
	pts := deepStatePoints(pr, 1<<16)
	i := 0
	start := processCPU()
	for b.Loop() {
		pr.DistanceToBoundaryM(pts[i&(len(pts)-1)])
		i++
	}
	reportCPU(b, start)
}

// BenchmarkDistanceDeepStateNearFront measures DistanceToBoundaryM at points near its boundary.
func BenchmarkDistanceDeepStateNearFront(b *testing.B) {
	mp, pr := loadDeepState(b, "")
	pts := nearFront(mp, 1<<16)
	i := 0
	start := processCPU()
	for b.Loop() {
		pr.DistanceToBoundaryM(pts[i&(len(pts)-1)])
		i++
	}
	reportCPU(b, start)
}
