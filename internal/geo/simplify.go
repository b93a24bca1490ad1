package geo

import "math"

// Simplify thins every ring with the Douglas–Peucker algorithm: a point is
// kept when it lies more than toleranceDeg (in the lon/lat plane) from the
// line through the points kept around it. Rings stay closed; a ring left with
// fewer than four points is dropped, and a polygon whose outer ring is dropped
// goes with its holes. Simplification may let a ring touch or cross another;
// keep the tolerance below the feature sizes that matter.
func Simplify(mp MultiPolygon, toleranceDeg float64) MultiPolygon {
	var out MultiPolygon
	for _, p := range mp {
		var np Polygon
		for i, r := range p {
			sr := simplifyRing(r, toleranceDeg)
			if sr == nil {
				if i == 0 {
					break
				}
				continue
			}
			np = append(np, sr)
		}
		if len(np) > 0 {
			out = append(out, np)
		}
	}
	return out
}

// simplifyRing runs Douglas–Peucker on a closed ring split at its first point
// and the point farthest from it.
func simplifyRing(r Ring, tol float64) Ring {
	if len(r) > 1 && r[0] != r[len(r)-1] {
		r = append(append(Ring(nil), r...), r[0])
	}
	if len(r) < 4 {
		return nil
	}
	far, farD := 0, -1.0
	for i, p := range r {
		if d := math.Hypot(p.Lon-r[0].Lon, p.Lat-r[0].Lat); d > farD {
			far, farD = i, d
		}
	}
	keep := make([]bool, len(r))
	keep[0], keep[far], keep[len(r)-1] = true, true, true
	douglasPeucker(r, 0, far, tol, keep)
	douglasPeucker(r, far, len(r)-1, tol, keep)
	out := make(Ring, 0, len(r))
	for i, p := range r {
		if keep[i] {
			out = append(out, p)
		}
	}
	if len(out) < 4 {
		return nil
	}
	return out
}

// douglasPeucker marks in keep the points of r[first..last] to keep.
func douglasPeucker(r Ring, first, last int, tol float64, keep []bool) {
	stack := [][2]int{{first, last}}
	for len(stack) > 0 {
		seg := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		a, b := seg[0], seg[1]
		idx, maxD := -1, tol
		for i := a + 1; i < b; i++ {
			if d := segmentDistDeg(r[i], r[a], r[b]); d > maxD {
				idx, maxD = i, d
			}
		}
		if idx >= 0 {
			keep[idx] = true
			stack = append(stack, [2]int{a, idx}, [2]int{idx, b})
		}
	}
}

// segmentDistDeg is the planar distance in degrees from p to segment a–b.
func segmentDistDeg(p, a, b Point) float64 {
	dx, dy := b.Lon-a.Lon, b.Lat-a.Lat
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = math.Min(math.Max(((p.Lon-a.Lon)*dx+(p.Lat-a.Lat)*dy)/l2, 0), 1)
	}
	return math.Hypot(p.Lon-(a.Lon+t*dx), p.Lat-(a.Lat+t*dy))
}
