package geo

import (
	"math"
	"sort"
)

// grid is a uniform grid over a box that lists, for each cell, the sides
// touching it (compressed rows: the sides of cell c are
// edges[start[c]:start[c+1]]).
type grid struct {
	x0, y0       float64
	cellW, cellH float64
	nx, ny       int
	start        []int32
	edges        []int32
}

// newGrid builds a grid of about target cells, shaped so that cells are
// roughly square on the ground.
func newGrid(b Rect, edges []edge, target int) grid {
	w := math.Max(b.Max.Lon-b.Min.Lon, 1e-9)
	h := math.Max(b.Max.Lat-b.Min.Lat, 1e-9)
	wm := w * math.Max(math.Cos(b.Center().Lat*degToRad), 0.01)
	t := float64(min(max(target, 1), 1<<20))
	nx := max(int(math.Round(math.Sqrt(t*wm/h))), 1)
	ny := max(int(math.Round(t/float64(nx))), 1)
	g := grid{x0: b.Min.Lon, y0: b.Min.Lat, nx: min(nx, 4096), ny: min(ny, 4096)}
	g.cellW, g.cellH = w/float64(g.nx), h/float64(g.ny)

	type pair struct{ cell, edge int32 }
	var pairs []pair
	for i, e := range edges {
		x0, x1 := g.cellX(math.Min(e.ax, e.bx)), g.cellX(math.Max(e.ax, e.bx))
		y0, y1 := g.cellY(math.Min(e.ay, e.by)), g.cellY(math.Max(e.ay, e.by))
		for cy := y0; cy <= y1; cy++ {
			for cx := x0; cx <= x1; cx++ {
				if g.touches(e, cx, cy) {
					pairs = append(pairs, pair{int32(cy*g.nx + cx), int32(i)})
				}
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].cell != pairs[j].cell {
			return pairs[i].cell < pairs[j].cell
		}
		return pairs[i].edge < pairs[j].edge
	})
	n := g.nx * g.ny
	g.start = make([]int32, n+1)
	g.edges = make([]int32, len(pairs))
	for i, p := range pairs {
		g.start[p.cell+1]++
		g.edges[i] = p.edge
	}
	for c := 1; c <= n; c++ {
		g.start[c] += g.start[c-1]
	}
	return g
}

// cellX returns the column of longitude x, clamped to the grid.
func (g *grid) cellX(x float64) int {
	return min(max(int(math.Floor((x-g.x0)/g.cellW)), 0), g.nx-1)
}

// cellY returns the row of latitude y, clamped to the grid.
func (g *grid) cellY(y float64) int {
	return min(max(int(math.Floor((y-g.y0)/g.cellH)), 0), g.ny-1)
}

// center returns the middle of cell c.
func (g *grid) center(c int) (x, y float64) {
	return g.x0 + (float64(c%g.nx)+0.5)*g.cellW, g.y0 + (float64(c/g.nx)+0.5)*g.cellH
}

// touches clips the side against the cell grown by a hair, so that a side on
// a cell border is listed in both cells (Liang–Barsky).
func (g *grid) touches(e edge, cx, cy int) bool {
	epsX, epsY := g.cellW*1e-9, g.cellH*1e-9
	x0 := g.x0 + float64(cx)*g.cellW - epsX
	x1 := g.x0 + float64(cx+1)*g.cellW + epsX
	y0 := g.y0 + float64(cy)*g.cellH - epsY
	y1 := g.y0 + float64(cy+1)*g.cellH + epsY
	dx, dy := e.bx-e.ax, e.by-e.ay
	t0, t1 := 0.0, 1.0
	return clip(-dx, e.ax-x0, &t0, &t1) && clip(dx, x1-e.ax, &t0, &t1) &&
		clip(-dy, e.ay-y0, &t0, &t1) && clip(dy, y1-e.ay, &t0, &t1)
}

// clip narrows the parameter interval [t0, t1] by one boundary p·t ≤ q and
// reports whether anything is left.
func clip(p, q float64, t0, t1 *float64) bool {
	if p == 0 {
		return q >= 0
	}
	r := q / p
	if p < 0 {
		if r > *t1 {
			return false
		}
		*t0 = math.Max(*t0, r)
	} else {
		if r < *t0 {
			return false
		}
		*t1 = math.Min(*t1, r)
	}
	return true
}
