package geo

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSimplify checks Douglas–Peucker simplification of rings.
func TestSimplify(t *testing.T) {
	// A square with extra points along its sides, one a small bump.
	bumpy := Ring{{0, 0}, {0, 0.5}, {0, 1}, {0.5, 1.001}, {1, 1}, {1, 0.5}, {1, 0}, {0.5, -0.2}, {0, 0}}
	tiny := square(5, 5, 5.001, 5.001)
	tests := []struct {
		name string
		in   MultiPolygon
		tol  float64
		want MultiPolygon
	}{
		{"collinear and small bumps go", MultiPolygon{{bumpy}}, 0.01,
			MultiPolygon{{{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0.5, -0.2}, {0, 0}}}}},
		{"zero tolerance keeps bends", MultiPolygon{{bumpy}}, 0,
			MultiPolygon{{{{0, 0}, {0, 1}, {0.5, 1.001}, {1, 1}, {1, 0}, {0.5, -0.2}, {0, 0}}}}},
		{"tiny hole dropped", MultiPolygon{{square(0, 0, 1, 1), tiny}}, 0.01,
			MultiPolygon{{square(0, 0, 1, 1)}}},
		{"tiny polygon dropped", MultiPolygon{{tiny}, {square(0, 0, 1, 1)}}, 0.01,
			MultiPolygon{{square(0, 0, 1, 1)}}},
		{"everything dropped", MultiPolygon{{tiny}}, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Simplify(tt.in, tt.tol)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Simplify mismatch (-want +got):\n%s", d)
			}
		})
	}
}
