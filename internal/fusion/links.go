package fusion

import "slices"

// Aggregate tallies ("236 drones overnight across Ukraine") are never
// fused with single incidents; each tally is linked to the single
// incidents it covers (overlapping window, inside its area, kinds and
// weapons agreeing), and they link back.

// relink brings the links of in up to date and returns the other
// incidents whose links changed.
func (e *Engine) relink(in *incident) []*incident {
	want := e.coverers(in)
	var changed []*incident
	for _, p := range slices.Clone(in.links) {
		if !slices.Contains(want, p) {
			in.unlink(p)
			p.unlink(in)
			changed = append(changed, p)
		}
	}
	for _, p := range want {
		if !slices.Contains(in.links, p) {
			linkBoth(in, p)
			changed = append(changed, p)
		}
	}
	return changed
}

// coverers returns the incidents in should be linked with: the singles a
// tally covers, or the tallies that cover a single.
func (e *Engine) coverers(in *incident) []*incident {
	s := &in.sum
	lo, hi := s.core()
	b0, b1 := bucketOf(lo-e.tol.time), bucketOf(hi+e.tol.time)
	e.stamp++
	var keys []skey
	if s.agg {
		keys = e.tallyReach(s)
	} else {
		keys = appendCountries(nil, s, kTally)
		keys = appendKey(keys, symKey(kTally, 0))
	}
	var out []*incident
	e.idx.each(b0, b1, keys, e.stamp, func(o *incident) {
		if o == in || o.sum.agg == s.agg {
			return
		}
		tally, single := s, &o.sum
		if !s.agg {
			tally, single = single, s
		}
		if covers(tally, single, e.tol) {
			out = append(out, o)
		}
	})
	return out
}

// tallyReach returns the keys of the single incidents a tally may cover.
func (e *Engine) tallyReach(s *summary) []skey {
	var keys []skey
	level := precCountry
	if s.tally != nil {
		level = s.tally.level
	}
	switch {
	case level == precAdmin1:
		for _, a := range s.areas {
			if a.tag == tagCoarseAdmin1 {
				keys = append(keys, symKey(kAdmin1, a.s))
			}
		}
	case level >= precSettlement:
		for _, a := range s.anchors {
			if !a.coarse {
				var ok bool
				if keys, ok = discCells(keys, a.lat, a.lon, a.cosLat, float64(a.r)+e.tol.dist/2); !ok {
					keys = appendCountries(keys, s, kCountry)
				}
			}
		}
	}
	if len(keys) == 0 {
		keys = appendCountries(keys, s, kCountry)
	}
	return keys
}

// covers reports whether a tally covers a single incident.
func covers(t, s *summary, tol tolerances) bool {
	if max(t.maxFrom, s.maxFrom)-min(t.minTo, s.minTo) > tol.time {
		return false
	}
	if !kindsCompatible(t.kinds, s.kinds) || !weaponsCompatible(t.weapons, s.weapons) {
		return false
	}
	level := precCountry
	if t.tally != nil {
		level = t.tally.level
	}
	switch {
	case level == precCountry:
		return sameAreas(t, s, tagCountry)
	case level == precAdmin1:
		return sameAreas(t, s, tagCoarseAdmin1) || regionHolds(t, s, tol)
	default:
		for _, a := range t.anchors {
			for _, b := range s.anchors {
				if !a.coarse && !b.coarse && distanceM(a.lat, a.lon, b.lat, b.lon) <= float64(a.r+b.r)+tol.dist {
					return true
				}
			}
		}
		return false
	}
}

// sameAreas reports whether the tally names one area of the given tag and
// every known region (for admin1) or country of s is that one.
func sameAreas(t, s *summary, tag uint8) bool {
	var want sym
	for _, a := range t.areas {
		if a.tag == tag {
			if want != 0 && want != a.s {
				return false
			}
			want = a.s
		}
	}
	if want == 0 {
		return false
	}
	check := tag
	if tag == tagCoarseAdmin1 {
		check = tagAdmin1
	}
	n := 0
	for _, a := range s.areas {
		if a.tag == check {
			if a.s != want {
				return false
			}
			n++
		}
	}
	return n > 0
}

// regionHolds reports whether every disc of s whose region is unknown lies
// in the tally's region disc.
func regionHolds(t, s *summary, tol tolerances) bool {
	for _, a := range s.areas {
		if a.tag == tagAdmin1 {
			return false // known, and not the tally's (sameAreas failed)
		}
	}
	n := 0
	for _, r := range t.anchors {
		if !r.coarse {
			continue
		}
		for _, b := range s.anchors {
			if b.coarse {
				continue
			}
			if distanceM(r.lat, r.lon, b.lat, b.lon) > float64(r.r+b.r)+tol.dist {
				return false
			}
			n++
		}
	}
	return n > 0
}

func linkBoth(a, b *incident) {
	if !slices.Contains(a.links, b) {
		a.links = append(a.links, b)
	}
	if !slices.Contains(b.links, a) {
		b.links = append(b.links, a)
	}
}

func (in *incident) unlink(p *incident) {
	if i := slices.Index(in.links, p); i >= 0 {
		in.links = slices.Delete(in.links, i, i+1)
	}
}
