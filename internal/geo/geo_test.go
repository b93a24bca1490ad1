package geo

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// sharedData returns the path of rel under the project's shared data folder
// (../shared/data next to the repository root) and skips the test when it is
// absent.
func sharedData(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "data", rel)
			if _, err := os.Stat(p); err != nil {
				tb.Skipf("shared data %s not found (%v): skipping", p, err)
			}
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skipf("repository root not found above the package: skipping")
		}
		dir = parent
	}
}

// TestDistanceM checks great-circle distances.
func TestDistanceM(t *testing.T) {
	tests := []struct {
		name string
		a, b Point
		want float64 // metres
		tol  float64 // relative
	}{
		{"same point", Point{50, 30}, Point{50, 30}, 0, 0},
		{"one degree of latitude", Point{0, 0}, Point{1, 0}, 111195, 0.001},
		{"one degree of longitude at 60N", Point{60, 10}, Point{60, 11}, 55597, 0.001},
		{"Kyiv to Lviv", Point{50.4501, 30.5234}, Point{49.8397, 24.0297}, 468600, 0.01},
		{"Dnipro to Kharkiv", Point{48.4647, 35.0462}, Point{49.9935, 36.2304}, 189000, 0.02},
		{"antipodes", Point{0, 0}, Point{0, 180}, math.Pi * EarthRadiusM, 1e-9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DistanceM(tt.a, tt.b)
			if math.Abs(got-tt.want) > tt.tol*tt.want+1e-6 {
				t.Errorf("DistanceM(%v, %v) = %.0f m, want %.0f m ± %.1f%%", tt.a, tt.b, got, tt.want, tt.tol*100)
			}
			if back := DistanceM(tt.b, tt.a); math.Abs(back-got) > 1e-6 {
				t.Errorf("not symmetric: %v vs %v", got, back)
			}
		})
	}
}

// TestRect checks boxes.
func TestRect(t *testing.T) {
	r := EmptyRect()
	if !r.IsEmpty() || r.Contains(Point{}) {
		t.Fatalf("EmptyRect is not empty: %+v", r)
	}
	r = r.Extend(Point{1, 2}).Extend(Point{-1, 5})
	want := Rect{Min: Point{-1, 2}, Max: Point{1, 5}}
	if r != want {
		t.Fatalf("Extend = %+v, want %+v", r, want)
	}
	if !r.Contains(Point{1, 5}) || r.Contains(Point{1.1, 5}) {
		t.Errorf("Contains on the edge wrong")
	}
	if c := r.Center(); c != (Point{0, 3.5}) {
		t.Errorf("Center = %v", c)
	}
	if u := r.Union(EmptyRect()); u != r {
		t.Errorf("Union with empty = %+v", u)
	}
}

// square returns the closed counter-clockwise ring of a box.
func square(lat0, lon0, lat1, lon1 float64) Ring {
	return Ring{{lat0, lon0}, {lat0, lon1}, {lat1, lon1}, {lat1, lon0}, {lat0, lon0}}
}

// TestAreaCentroidFixRings checks ring areas, centroids with holes, and ring repair.
func TestAreaCentroidFixRings(t *testing.T) {
	outer := square(0, 0, 4, 4)
	hole := square(1, 1, 2, 2)
	island := square(10, 10, 11, 11)
	if a := outer.AreaDeg2(); a != 16 {
		t.Errorf("area = %v, want 16", a)
	}
	mp := MultiPolygon{{outer, hole}}
	c, ok := mp.Centroid()
	wantLat := (16*2 - 1*1.5) / 15
	if !ok || math.Abs(c.Lat-wantLat) > 1e-12 || math.Abs(c.Lon-wantLat) > 1e-12 {
		t.Errorf("centroid = %v %v, want %v", c, ok, wantLat)
	}
	fixed := FixRings(MultiPolygon{{hole, island, outer}})
	want := MultiPolygon{{outer, hole}, {island}}
	if len(fixed) != 2 || len(fixed[0]) != 2 || fixed[0][0][2] != want[0][0][2] ||
		fixed[0][1][2] != want[0][1][2] || fixed[1][0][2] != want[1][0][2] {
		t.Errorf("FixRings = %v, want %v", fixed, want)
	}
}
