package geo

import "math"

// fineRings is how many rings of fine cells around a point the distance
// search looks at before it moves to the coarse grid.
const fineRings = 3

// DistanceToBoundaryM returns the distance in metres from p to the nearest
// side of the multipolygon, whether p is inside or outside; +Inf when the
// multipolygon is empty. The nearest side is searched in a plane tangent at p
// and the distance to the nearest point found is then measured on the sphere,
// which is good to well under 1% for the few hundred kilometres that matter
// here.
func (pr *Prepared) DistanceToBoundaryM(p Point) float64 {
	if len(pr.edges) == 0 {
		return math.Inf(1)
	}
	s := nearestSearch{pr: pr, px: p.Lon, py: p.Lat, kx: math.Cos(p.Lat * degToRad), best: math.Inf(1)}
	if !s.search(&pr.fine, fineRings) {
		s.search(&pr.coarse, math.MaxInt)
	}
	e := pr.edges[s.bestEdge]
	q := Point{Lat: e.ay + s.bestT*(e.by-e.ay), Lon: e.ax + s.bestT*(e.bx-e.ax)}
	return DistanceM(p, q)
}

// nearestSearch is the state of one nearest-side search. Distances are in
// degrees of latitude, longitudes being scaled by kx = cos(latitude of p).
type nearestSearch struct {
	pr       *Prepared
	px, py   float64
	kx       float64
	best     float64 // squared distance of the nearest side so far
	bestEdge int32
	bestT    float64
}

// search visits rings of cells of g around p, at most maxRing+1 of them, and
// reports whether the nearest side is known for sure.
func (s *nearestSearch) search(g *grid, maxRing int) bool {
	ix, iy := g.cellX(s.px), g.cellY(s.py)
	for r := 0; r <= maxRing; r++ {
		x0, x1, y0, y1 := ix-r, ix+r, iy-r, iy+r
		for cy := max(y0, 0); cy <= min(y1, g.ny-1); cy++ {
			if cy == y0 || cy == y1 {
				for cx := max(x0, 0); cx <= min(x1, g.nx-1); cx++ {
					s.visit(g, cx, cy)
				}
				continue
			}
			if x0 >= 0 {
				s.visit(g, x0, cy)
			}
			if x1 < g.nx {
				s.visit(g, x1, cy)
			}
		}
		if x0 <= 0 && y0 <= 0 && x1 >= g.nx-1 && y1 >= g.ny-1 {
			return true
		}
		if lb := s.lowerBound(g, x0, x1, y0, y1); s.best <= lb*lb {
			return true
		}
	}
	return false
}

// visit measures the sides listed in one grid cell, unless the whole cell is
// farther than the nearest side found so far.
func (s *nearestSearch) visit(g *grid, cx, cy int) {
	c := cy*g.nx + cx
	if g.start[c] == g.start[c+1] {
		return
	}
	x0 := g.x0 + float64(cx)*g.cellW
	y0 := g.y0 + float64(cy)*g.cellH
	dx := math.Max(math.Max(x0-s.px, s.px-(x0+g.cellW)), 0) * s.kx
	dy := math.Max(math.Max(y0-s.py, s.py-(y0+g.cellH)), 0)
	if dx*dx+dy*dy >= s.best {
		return
	}
	for _, ei := range g.edges[g.start[c]:g.start[c+1]] {
		e := &s.pr.edges[ei]
		ax, ay := (e.ax-s.px)*s.kx, e.ay-s.py
		dx, dy := (e.bx-e.ax)*s.kx, e.by-e.ay
		t := 0.0
		if l2 := dx*dx + dy*dy; l2 > 0 {
			t = math.Min(math.Max(-(ax*dx+ay*dy)/l2, 0), 1)
		}
		cx, cy := ax+t*dx, ay+t*dy
		if d := cx*cx + cy*cy; d < s.best {
			s.best, s.bestEdge, s.bestT = d, ei, t
		}
	}
}

// lowerBound is the distance from p to the nearest cell of g outside the
// block of columns x0..x1 and rows y0..y1 already searched.
func (s *nearestSearch) lowerBound(g *grid, x0, x1, y0, y1 int) float64 {
	lb := math.Inf(1)
	if x0 > 0 {
		lb = math.Min(lb, (s.px-(g.x0+float64(x0)*g.cellW))*s.kx)
	}
	if x1 < g.nx-1 {
		lb = math.Min(lb, (g.x0+float64(x1+1)*g.cellW-s.px)*s.kx)
	}
	if y0 > 0 {
		lb = math.Min(lb, s.py-(g.y0+float64(y0)*g.cellH))
	}
	if y1 < g.ny-1 {
		lb = math.Min(lb, g.y0+float64(y1+1)*g.cellH-s.py)
	}
	return math.Max(lb, 0)
}
