package geo

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestContainsSquareWithHole checks Contains inside, outside, in a hole and on sides.
func TestContainsSquareWithHole(t *testing.T) {
	// A 4°×4° square at 48N with a 1°×1° hole, and a separate island.
	mp := MultiPolygon{
		{square(48, 30, 52, 34), square(49, 31, 50, 32)},
		{square(55, 40, 56, 41)},
	}
	pr := Prepare(mp)
	tests := []struct {
		name string
		p    Point
		want bool
	}{
		{"inside", Point{51, 33}, true},
		{"in the hole", Point{49.5, 31.5}, false},
		{"in the island", Point{55.5, 40.5}, true},
		{"between polygons", Point{54, 36}, false},
		{"far outside", Point{0, 0}, false},
		{"west of bounds", Point{50, 29}, false},
		{"on the bottom side", Point{48, 33}, true},
		{"on the left side", Point{50, 30}, true},
		{"on the top side", Point{52, 33}, false},
		{"on the right side", Point{50, 34}, false},
		{"on the hole's left side", Point{49.5, 31}, false},
		{"on the hole's right side", Point{49.5, 32}, true},
		{"south-west corner", Point{48, 30}, true},
		{"north-east corner", Point{52, 34}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pr.Contains(tt.p); got != tt.want {
				t.Errorf("Contains(%v) = %v, want %v", tt.p, got, tt.want)
			}
		})
	}
	if b := pr.Bounds(); b != (Rect{Min: Point{48, 30}, Max: Point{56, 41}}) {
		t.Errorf("Bounds = %+v", b)
	}
}

// TestContainsTilesShareNoPoint checks that polygons sharing sides share none of their points.
func TestContainsTilesShareNoPoint(t *testing.T) {
	// Four unit squares that tile a 2×2 block: every point of the block,
	// shared sides included, lies in exactly one of them.
	var tiles []*Prepared
	for i := range 2 {
		for j := range 2 {
			tiles = append(tiles, Prepare(MultiPolygon{{square(float64(i), float64(j), float64(i+1), float64(j+1))}}))
		}
	}
	for lat := 0.0; lat < 2; lat += 0.25 {
		for lon := 0.0; lon < 2; lon += 0.25 {
			n := 0
			for _, tile := range tiles {
				if tile.Contains(Point{lat, lon}) {
					n++
				}
			}
			if n != 1 {
				t.Errorf("point (%v, %v) is in %d tiles, want 1", lat, lon, n)
			}
		}
	}
}

// star returns a random star-shaped ring with n points around c.
func star(rng *rand.Rand, c Point, n int, rmin, rmax float64) Ring {
	r := make(Ring, 0, n+1)
	for i := range n {
		a := 2 * math.Pi * float64(i) / float64(n)
		d := rmin + rng.Float64()*(rmax-rmin)
		r = append(r, Point{c.Lat + d*math.Sin(a), c.Lon + d*math.Cos(a)})
	}
	return append(r, r[0])
}

// bruteContains is the reference even-odd test over all rings.
func bruteContains(mp MultiPolygon, p Point) bool {
	in := false
	for _, poly := range mp {
		for _, r := range poly {
			if ringContains(r, p) {
				in = !in
			}
		}
	}
	return in
}

// bruteDistance samples every side densely and measures on the sphere.
func bruteDistance(mp MultiPolygon, p Point) float64 {
	best := math.Inf(1)
	for _, poly := range mp {
		for _, r := range poly {
			for i := 0; i+1 < len(r); i++ {
				for k := 0; k <= 200; k++ {
					t := float64(k) / 200
					q := Point{r[i].Lat + t*(r[i+1].Lat-r[i].Lat), r[i].Lon + t*(r[i+1].Lon-r[i].Lon)}
					best = math.Min(best, DistanceM(p, q))
				}
			}
		}
	}
	return best
}

// TestPreparedMatchesBruteForce compares the index with brute force on random polygons.
func TestPreparedMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	mp := MultiPolygon{
		{star(rng, Point{48, 35}, 300, 0.5, 2), star(rng, Point{48, 35}, 40, 0.1, 0.3)},
		{star(rng, Point{51, 31}, 100, 0.2, 0.6)},
	}
	pr := Prepare(mp)
	for i := range 3000 {
		p := Point{45 + rng.Float64()*8, 28 + rng.Float64()*10}
		if got, want := pr.Contains(p), bruteContains(mp, p); got != want {
			t.Fatalf("Contains(%v) = %v, brute force says %v", p, got, want)
		}
		if i%20 != 0 {
			continue
		}
		got, want := pr.DistanceToBoundaryM(p), bruteDistance(mp, p)
		if math.Abs(got-want) > 0.005*want+50 {
			t.Errorf("DistanceToBoundaryM(%v) = %.0f, brute force %.0f", p, got, want)
		}
	}
}

// TestDistanceToBoundaryM checks distances to the sides of a box.
func TestDistanceToBoundaryM(t *testing.T) {
	pr := Prepare(MultiPolygon{{square(50, 30, 51, 31)}})
	tests := []struct {
		name string
		p    Point
		want float64
	}{
		{"on the south side", Point{50, 30.5}, 0},
		{"centre, nearest the east and west sides", Point{50.5, 30.5}, DistanceM(Point{50.5, 30.5}, Point{50.5, 31})},
		{"north of the box", Point{52, 30.5}, DistanceM(Point{52, 30.5}, Point{51, 30.5})},
		{"far away east", Point{50.5, 40}, DistanceM(Point{50.5, 40}, Point{50.5, 31})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pr.DistanceToBoundaryM(tt.p)
			if math.Abs(got-tt.want) > 0.01*tt.want+1 {
				t.Errorf("DistanceToBoundaryM(%v) = %.1f, want %.1f", tt.p, got, tt.want)
			}
		})
	}
}

// TestEmptyPrepared checks an index of nothing.
func TestEmptyPrepared(t *testing.T) {
	pr := Prepare(nil)
	if pr.Contains(Point{}) || !math.IsInf(pr.DistanceToBoundaryM(Point{}), 1) || !pr.Bounds().IsEmpty() {
		t.Errorf("empty multipolygon answers wrongly")
	}
}
