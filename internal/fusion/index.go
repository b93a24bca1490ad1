package fusion

import "math"

// The index finds the incidents a report could join without looking at
// the others: incidents are filed under time buckets × spatial keys, and a
// report looks only under the keys its own window and place reach.
const (
	bucketNs      = int64(12 * 3600 * 1e9) // time bucket
	cellLatDeg    = 0.05                   // grid cell, about 5.5 km
	cellLonDeg    = 0.075                  // about 5.5 km at 48°N
	maxDiscCells  = 256                    // a wider disc is filed as coarse
	maxKeyBuckets = 512                    // a longer window is filed as wide
)

// keyType says what a spatial key's x, y name.
type keyType uint8

const (
	kGrid    keyType = iota // single incidents with discs: grid cell x, y
	kAdmin1                 // single incidents by each known region: x = sym
	kCountry                // single incidents by each known country: x = sym
	kCoarse                 // single incidents without a disc, by country
	kTally                  // aggregate tallies, by country
)

type skey struct {
	t    keyType
	x, y int32
}

type ikey struct {
	b int32
	skey
}

// coverage is where an incident is filed: every bucket in [b0, b1] under
// every key. Entries an incident outgrew stay behind and are filtered by
// the rules; entries of dead incidents are dropped as queries meet them.
type coverage struct {
	b0, b1 int32
	keys   []skey
}

type index struct {
	m    map[ikey][]*incident
	wide []*incident // windows over maxKeyBuckets buckets: always candidates
}

func bucketOf(ns int64) int32 {
	b := ns / bucketNs
	if ns%bucketNs < 0 {
		b--
	}
	return int32(b)
}

// discCells appends the grid keys of the cells a disc of radius r metres
// touches; ok is false when it would take more than maxDiscCells.
func discCells(dst []skey, lat, lon, r float64) ([]skey, bool) {
	dlat := r / metresPerDeg
	dlon := lonDegrees(r, lat)
	y0, y1 := int32(math.Floor((lat-dlat)/cellLatDeg)), int32(math.Floor((lat+dlat)/cellLatDeg))
	x0, x1 := int32(math.Floor((lon-dlon)/cellLonDeg)), int32(math.Floor((lon+dlon)/cellLonDeg))
	if int64(y1-y0+1)*int64(x1-x0+1) > maxDiscCells {
		return dst, false
	}
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			dst = appendKey(dst, skey{kGrid, x, y})
		}
	}
	return dst, true
}

func appendKey(dst []skey, k skey) []skey {
	for _, j := range dst {
		if j == k {
			return dst
		}
	}
	return append(dst, k)
}

// coverageOf returns where an incident must be filed.
func coverageOf(in *incident, t tolerances) coverage {
	lo, hi := in.sum.core()
	c := coverage{b0: bucketOf(lo), b1: bucketOf(hi)}
	s := &in.sum
	if s.agg {
		c.keys = appendCountries(c.keys, s, kTally)
		return c
	}
	fine := false
	for _, a := range s.anchors {
		if a.coarse {
			continue
		}
		var ok bool
		if c.keys, ok = discCells(c.keys, a.lat, a.lon, float64(a.r)+t.dist/2); ok {
			fine = true
		}
	}
	for _, a := range s.areas {
		if a.tag == tagAdmin1 {
			c.keys = appendKey(c.keys, skey{kAdmin1, int32(a.s), 0})
		}
	}
	c.keys = appendCountries(c.keys, s, kCountry)
	if !fine {
		c.keys = appendCountries(c.keys, s, kCoarse)
	}
	return c
}

// appendCountries appends a key of type t for each country of s, or for
// country 0 when none is known.
func appendCountries(dst []skey, s *summary, t keyType) []skey {
	n := 0
	for _, a := range s.areas {
		if a.tag == tagCountry {
			dst = appendKey(dst, skey{t, int32(a.s), 0})
			n++
		}
	}
	if n == 0 {
		dst = appendKey(dst, skey{t, 0, 0})
	}
	return dst
}

// queryKeys returns the keys under which a member's candidates are filed.
func queryKeys(dst []skey, m *member, t tolerances) []skey {
	if m.agg {
		dst = append(dst, skey{kTally, int32(m.country), 0})
		if m.country != 0 {
			dst = append(dst, skey{kTally, 0, 0})
		}
		return dst
	}
	switch {
	case m.disc:
		var ok bool
		if dst, ok = discCells(dst, m.lat, m.lon, float64(m.unc)+t.dist/2); !ok {
			dst = append(dst, skey{kCountry, int32(m.country), 0})
		}
	case m.admin1 != 0 && m.prec >= precAdmin1:
		dst = append(dst, skey{kAdmin1, int32(m.admin1), 0})
	default:
		dst = append(dst, skey{kCountry, int32(m.country), 0})
	}
	dst = appendKey(dst, skey{kCoarse, int32(m.country), 0})
	dst = appendKey(dst, skey{kCoarse, 0, 0})
	return dst
}

// file adds an incident under the keys of c it is not yet filed under
// (those of its current coverage), and makes c its coverage.
func (x *index) file(in *incident, c coverage) {
	if c.b1-c.b0 > maxKeyBuckets {
		if !in.wide {
			in.wide = true
			x.wide = append(x.wide, in)
		}
		in.cov = c
		return
	}
	old := in.cov
	for b := c.b0; b <= c.b1; b++ {
		inOld := !in.wide && len(old.keys) > 0 && b >= old.b0 && b <= old.b1
		for _, k := range c.keys {
			if inOld && hasKey(old.keys, k) {
				continue
			}
			ik := ikey{b, k}
			x.m[ik] = append(x.m[ik], in)
		}
	}
	in.cov = c
}

func hasKey(ks []skey, k skey) bool {
	for _, j := range ks {
		if j == k {
			return true
		}
	}
	return false
}

// each calls fn once for each live incident filed under keys in buckets
// b0..b1 (and each wide one) whose stamp is not stamp, stamping it. Dead
// incidents met on the way are dropped from their lists.
func (x *index) each(b0, b1 int32, keys []skey, stamp uint32, fn func(*incident)) {
	visit := func(in *incident) {
		if in.stamp != stamp {
			in.stamp = stamp
			fn(in)
		}
	}
	for b := b0; b <= b1; b++ {
		for _, k := range keys {
			ik := ikey{b, k}
			list, ok := x.m[ik]
			if !ok {
				continue
			}
			n := 0
			for _, in := range list {
				if in.dead {
					continue
				}
				list[n] = in
				n++
				visit(in)
			}
			if n != len(list) {
				clear(list[n:])
				if n == 0 {
					delete(x.m, ik)
				} else {
					x.m[ik] = list[:n]
				}
			}
		}
	}
	n := 0
	for _, in := range x.wide {
		if in.dead {
			continue
		}
		x.wide[n] = in
		n++
		visit(in)
	}
	clear(x.wide[n:])
	x.wide = x.wide[:n]
}
