package geo

import "math"

// edge is one polygon side; x is longitude and y latitude.
type edge struct{ ax, ay, bx, by float64 }

// bandEdge is a non-horizontal side stored for the crossing test: y0 < y1,
// x0 is the longitude at y0 and k the change of longitude per degree of
// latitude.
type bandEdge struct{ y0, y1, x0, k float64 }

// Grid cell states: a cell no side touches is wholly inside or outside.
const (
	cellMixed uint8 = iota
	cellInside
	cellOutside
)

// Prepared is a multipolygon indexed for fast point queries. Build it once
// with Prepare; it is read-only afterwards and safe for concurrent use.
//
// Three indexes are kept. Latitude bands list the sides that span each band,
// so the crossing-number test of a point looks only at the sides of its band.
// A fine uniform grid lists the sides touching each cell; cells no side
// touches are marked inside or outside once, which answers most Contains calls
// without any arithmetic, and the grid bounds the search of
// DistanceToBoundaryM near the sides. A coarse grid takes over that search for
// points far from every side.
type Prepared struct {
	bounds Rect
	edges  []edge

	bandY0, bandScale float64
	nBands            int
	bandStart         []int32
	bandEdges         []bandEdge

	fine      grid    // about four cells per side
	cellState []uint8 // per fine cell: mixed, inside or outside
	coarse    grid    // about one cell per eight sides, for far points
}

// Prepare indexes mp for Contains and DistanceToBoundaryM. Rings are taken
// with the even-odd rule, so holes may come in any order; polygons of mp must
// not overlap.
func Prepare(mp MultiPolygon) *Prepared {
	pr := &Prepared{bounds: mp.Bounds()}
	for _, poly := range mp {
		for _, r := range poly {
			for i := 0; i+1 < len(r); i++ {
				a, b := r[i], r[i+1]
				if a != b {
					pr.edges = append(pr.edges, edge{a.Lon, a.Lat, b.Lon, b.Lat})
				}
			}
		}
	}
	if len(pr.edges) == 0 {
		pr.bounds = EmptyRect()
		return pr
	}
	pr.buildBands()
	pr.fine = newGrid(pr.bounds, pr.edges, 4*len(pr.edges))
	pr.coarse = newGrid(pr.bounds, pr.edges, len(pr.edges)/8)
	pr.cellState = make([]uint8, len(pr.fine.start)-1)
	for c := range pr.cellState {
		if pr.fine.start[c] != pr.fine.start[c+1] {
			continue
		}
		pr.cellState[c] = cellOutside
		if pr.crossings(pr.fine.center(c)) {
			pr.cellState[c] = cellInside
		}
	}
	return pr
}

// Bounds returns the box around the indexed multipolygon; it is empty when
// the multipolygon has no sides.
func (pr *Prepared) Bounds() Rect { return pr.bounds }

// buildBands fills the latitude band index.
func (pr *Prepared) buildBands() {
	h := pr.bounds.Max.Lat - pr.bounds.Min.Lat
	pr.nBands = min(max(len(pr.edges), 1), 1<<16)
	pr.bandY0 = pr.bounds.Min.Lat
	if h > 0 {
		pr.bandScale = float64(pr.nBands) / h
	}
	counts := make([]int32, pr.nBands+1)
	for _, e := range pr.edges {
		if e.ay == e.by {
			continue
		}
		lo, hi := pr.band(math.Min(e.ay, e.by)), pr.band(math.Max(e.ay, e.by))
		for b := lo; b <= hi; b++ {
			counts[b+1]++
		}
	}
	for b := 1; b <= pr.nBands; b++ {
		counts[b] += counts[b-1]
	}
	pr.bandStart = counts
	pr.bandEdges = make([]bandEdge, counts[pr.nBands])
	next := append([]int32(nil), counts[:pr.nBands]...)
	for _, e := range pr.edges {
		if e.ay == e.by {
			continue
		}
		be := bandEdge{y0: e.ay, y1: e.by, x0: e.ax, k: (e.bx - e.ax) / (e.by - e.ay)}
		if e.by < e.ay {
			be = bandEdge{y0: e.by, y1: e.ay, x0: e.bx, k: be.k}
		}
		for b := pr.band(be.y0); b <= pr.band(be.y1); b++ {
			pr.bandEdges[next[b]] = be
			next[b]++
		}
	}
}

// band returns the latitude band of y, clamped to the index.
func (pr *Prepared) band(y float64) int {
	b := int((y - pr.bandY0) * pr.bandScale)
	return min(max(b, 0), pr.nBands-1)
}

// crossings is the even-odd test of (x, y) against the sides of its band. A
// point on a left or bottom side counts as inside, one on a right or top side
// as outside, so polygons that share a side share none of its points.
func (pr *Prepared) crossings(x, y float64) bool {
	b := pr.band(y)
	in := false
	for _, e := range pr.bandEdges[pr.bandStart[b]:pr.bandStart[b+1]] {
		if y >= e.y0 && y < e.y1 && x < e.x0+(y-e.y0)*e.k {
			in = !in
		}
	}
	return in
}

// Contains reports whether p lies inside the multipolygon (even-odd rule;
// see crossings for points exactly on a side).
func (pr *Prepared) Contains(p Point) bool {
	if len(pr.edges) == 0 || !pr.bounds.Contains(p) {
		return false
	}
	g := &pr.fine
	ix := min(int((p.Lon-g.x0)/g.cellW), g.nx-1)
	iy := min(int((p.Lat-g.y0)/g.cellH), g.ny-1)
	switch pr.cellState[iy*g.nx+ix] {
	case cellInside:
		return true
	case cellOutside:
		return false
	}
	return pr.crossings(p.Lon, p.Lat)
}
