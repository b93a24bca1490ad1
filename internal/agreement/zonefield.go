package agreement

import (
	"math"
	"sync/atomic"

	"github.com/truce-monitor/truce/internal/geo"
)

// distField bounds the distance from any point near a zone to the zone's
// boundary without measuring it: a grid over the zone's box (with a
// margin) keeps the distance from each cell's centre, measured the first
// time a point falls in the cell. A point is no farther from the centre
// than the cell's half-diagonal, so its own distance lies within that of
// the centre; most conditions (30 km from the front, inside a region) are
// settled by the bound, and only points near a threshold are measured.
// Safe for concurrent use.
type distField struct {
	x0, y0, cell float64 // degrees
	nx, ny       int
	halfDiag     []float64       // per row: the farthest a point of a cell is from its centre, metres
	cells        []atomic.Uint32 // float32 bits of 1 + the distance at the centre; 0 = not measured yet
}

const (
	fieldMarginDeg = 2.0    // around the zone's box
	fieldMaxCells  = 20_000 // finer grids cost more to fill than they save
	fieldMinCell   = 0.02   // degrees
)

func newDistField(b geo.Rect) *distField {
	if b.IsEmpty() {
		return nil
	}
	x0, y0 := b.Min.Lon-fieldMarginDeg, math.Max(-89, b.Min.Lat-fieldMarginDeg)
	w, h := b.Max.Lon+fieldMarginDeg-x0, math.Min(89, b.Max.Lat+fieldMarginDeg)-y0
	cell := math.Max(fieldMinCell, math.Sqrt(w*h/fieldMaxCells))
	f := &distField{x0: x0, y0: y0, cell: cell, nx: int(math.Ceil(w / cell)), ny: int(math.Ceil(h / cell))}
	f.cells = make([]atomic.Uint32, f.nx*f.ny)
	f.halfDiag = make([]float64, f.ny)
	for j := range f.halfDiag {
		c := f.centre(0, j)
		var far float64
		for _, dy := range []float64{-cell / 2, cell / 2} {
			far = math.Max(far, geo.DistanceM(c, geo.Point{Lat: c.Lat + dy, Lon: c.Lon + cell/2}))
		}
		f.halfDiag[j] = far * 1.01
	}
	return f
}

func (f *distField) centre(i, j int) geo.Point {
	return geo.Point{Lat: f.y0 + (float64(j)+0.5)*f.cell, Lon: f.x0 + (float64(i)+0.5)*f.cell}
}

// bounds returns lo ≤ d(p) ≤ hi for the distance d from p to the zone's
// boundary, or ok false outside the grid. The bounds are widened by 2% and
// 10 m for the approximation of the distance itself.
func (f *distField) bounds(z *zone, p geo.Point) (lo, hi float64, ok bool) {
	i := int(math.Floor((p.Lon - f.x0) / f.cell))
	j := int(math.Floor((p.Lat - f.y0) / f.cell))
	if i < 0 || j < 0 || i >= f.nx || j >= f.ny {
		return 0, 0, false
	}
	c := &f.cells[j*f.nx+i]
	bits := c.Load()
	if bits == 0 {
		d := z.boundaryM(f.centre(i, j))
		bits = math.Float32bits(float32(1 + d))
		c.Store(bits)
	}
	d := float64(math.Float32frombits(bits)) - 1
	h := f.halfDiag[j]
	return math.Max(0, (d-h)*0.98-10), (d+h)*1.02 + 10, true
}
