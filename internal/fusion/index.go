package fusion

import (
	"math"
	"slices"
)

// The index finds the incidents a report could join without looking at
// the others: incidents are filed under time buckets × spatial keys, and a
// report looks only under the keys its own window and place reach.
const (
	bucketNs      = int64(24 * 3600 * 1e9) // time bucket
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

// skey is a spatial key: 4 bits of keyType and 28 bits naming a grid
// cell (14 bits each of x and y, offset) or a symbol. ikey adds the time
// bucket in the high 32 bits, so that the index is a map of uint64.
type skey uint32

type ikey uint64

const gridOffset = 1 << 13

func gridKey(x, y int32) skey {
	return skey(uint32(kGrid)<<28 | uint32(x+gridOffset)&0x3fff<<14 | uint32(y+gridOffset)&0x3fff)
}

func symKey(t keyType, s sym) skey { return skey(uint32(t)<<28 | uint32(s)&0x0fffffff) }

func keyOf(b int32, k skey) ikey { return ikey(uint64(uint32(b))<<32 | uint64(k)) }

// coverage is where an incident is filed: every bucket in [b0, b1] under
// every key. Entries an incident outgrew stay behind and are filtered by
// the rules; entries of dead incidents are dropped as queries meet them.
type coverage struct {
	b0, b1 int32
	keys   []skey
	coarse bool // filed under kCoarse keys
}

// index files incidents by handle (their position in slab), so that its
// lists hold no pointers for the garbage collector to scan.
type index struct {
	m      map[ikey][]int32
	slab   []*incident
	wide   []int32 // windows over maxKeyBuckets buckets: always candidates
	coarse bool    // some incident was filed under kCoarse keys
}

// register gives an incident its handle.
func (x *index) register(in *incident) {
	in.h = int32(len(x.slab))
	x.slab = append(x.slab, in)
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
func discCells(dst []skey, lat, lon, cosLat, r float64) ([]skey, bool) {
	dlat := r / metresPerDeg
	dlon := lonDegrees(r, cosLat)
	y0, y1 := int32(math.Floor((lat-dlat)/cellLatDeg)), int32(math.Floor((lat+dlat)/cellLatDeg))
	x0, x1 := int32(math.Floor((lon-dlon)/cellLonDeg)), int32(math.Floor((lon+dlon)/cellLonDeg))
	if int64(y1-y0+1)*int64(x1-x0+1) > maxDiscCells {
		return dst, false
	}
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			dst = appendKey(dst, gridKey(x, y))
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

// coverage returns where an incident must be filed.
func (e *Engine) coverage(in *incident) coverage { return coverageOf(in, e.tol, nil) }

// coverageOf returns where an incident must be filed, its keys appended
// to buf.
func coverageOf(in *incident, t tolerances, buf []skey) coverage {
	lo, hi := in.sum.core()
	c := coverage{b0: bucketOf(lo), b1: bucketOf(hi), keys: buf}
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
		if c.keys, ok = discCells(c.keys, a.lat, a.lon, a.cosLat, float64(a.r)+t.dist/2); ok {
			fine = true
		}
	}
	for _, a := range s.areas {
		if a.tag == tagAdmin1 {
			c.keys = appendKey(c.keys, symKey(kAdmin1, a.s))
		}
	}
	c.keys = appendCountries(c.keys, s, kCountry)
	if !fine {
		c.keys = appendCountries(c.keys, s, kCoarse)
		c.coarse = true
	}
	return c
}

// appendCountries appends a key of type t for each country of s, or for
// country 0 when none is known.
func appendCountries(dst []skey, s *summary, t keyType) []skey {
	n := 0
	for _, a := range s.areas {
		if a.tag == tagCountry {
			dst = appendKey(dst, symKey(t, a.s))
			n++
		}
	}
	if n == 0 {
		dst = appendKey(dst, symKey(t, 0))
	}
	return dst
}

// queryKeys returns the keys under which a member's candidates are filed;
// coarse says whether any incident was ever filed as coarse (else those
// keys are not looked up).
func queryKeys(dst []skey, m *member, t tolerances, coarse bool) []skey {
	if m.agg {
		dst = append(dst, symKey(kTally, m.country))
		if m.country != 0 {
			dst = append(dst, symKey(kTally, 0))
		}
		return dst
	}
	switch {
	case m.disc:
		var ok bool
		if dst, ok = discCells(dst, m.lat, m.lon, m.cosLat, float64(m.unc)+t.dist/2); !ok {
			dst = append(dst, symKey(kCountry, m.country))
		}
	case m.admin1 != 0 && m.prec >= precAdmin1:
		dst = append(dst, symKey(kAdmin1, m.admin1))
	default:
		dst = append(dst, symKey(kCountry, m.country))
	}
	if coarse {
		dst = appendKey(dst, symKey(kCoarse, m.country))
		dst = appendKey(dst, symKey(kCoarse, 0))
	}
	return dst
}

// file adds an incident under the keys of c it is not yet filed under
// (those of its current coverage), and makes c its coverage.
func (x *index) file(in *incident, c coverage) {
	x.coarse = x.coarse || c.coarse
	if c.b1-c.b0 > maxKeyBuckets {
		if !in.wide {
			in.wide = true
			x.wide = append(x.wide, in.h)
		}
		in.cov = c
		return
	}
	old := in.cov
	for b := c.b0; b <= c.b1; b++ {
		inOld := !in.wide && len(old.keys) > 0 && b >= old.b0 && b <= old.b1
		for _, k := range c.keys {
			if inOld && slices.Contains(old.keys, k) {
				continue
			}
			ik := keyOf(b, k)
			x.m[ik] = append(x.m[ik], in.h)
		}
	}
	in.cov = c
}

// covered reports whether coverage c is within an incident's coverage.
func covered(in *incident, c coverage) bool {
	if in.wide || c.b0 < in.cov.b0 || c.b1 > in.cov.b1 {
		return false
	}
	for _, k := range c.keys {
		if !slices.Contains(in.cov.keys, k) {
			return false
		}
	}
	return true
}

// each calls fn once for each live incident filed under keys in buckets
// b0..b1 (and each wide one) whose stamp is not stamp, stamping it. Dead
// incidents met on the way are dropped from their lists.
func (x *index) each(b0, b1 int32, keys []skey, stamp uint32, fn func(*incident)) {
	for b := b0; b <= b1; b++ {
		for _, k := range keys {
			ik := keyOf(b, k)
			list, ok := x.m[ik]
			if !ok {
				continue
			}
			if n := x.visit(list, stamp, fn); n != len(list) {
				if n == 0 {
					delete(x.m, ik)
				} else {
					x.m[ik] = list[:n]
				}
			}
		}
	}
	x.wide = x.wide[:x.visit(x.wide, stamp, fn)]
}

// visit calls fn for the live, unstamped incidents of a list and compacts
// it in place, returning its new length.
func (x *index) visit(list []int32, stamp uint32, fn func(*incident)) int {
	n := 0
	for _, h := range list {
		in := x.slab[h]
		if in.dead {
			continue
		}
		list[n] = h
		n++
		if in.stamp != stamp {
			in.stamp = stamp
			fn(in)
		}
	}
	return n
}
