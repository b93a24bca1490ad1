package fusion

import (
	"slices"
	"sort"
)

// candidates returns the incidents m can join, best first, and up to
// maxNotJoined of those it cannot.
func (e *Engine) candidates(m *member) ([]candidate, []rejection) {
	e.stamp++
	e.keys = queryKeys(e.keys[:0], m, e.tol, e.idx.coarse)
	cands, rejects := e.cands[:0], e.rejects[:0] // place gives them back
	b0, b1 := bucketOf(m.from-e.tol.time), bucketOf(m.to+e.tol.time)
	e.idx.each(b0, b1, e.keys, e.stamp, func(in *incident) {
		if in.sum.agg != m.agg {
			return
		}
		c := in.sum.admits(m, e.tol)
		if c.why == rNone {
			cands = append(cands, candidate{inc: in})
		} else if len(rejects) < maxNotJoined && worthExplaining(c) {
			rejects = append(rejects, rejection{other: in, m: m, c: c})
		}
	})
	if len(cands) < 2 {
		return cands, rejects
	}
	for i := range cands {
		cands[i].score = e.score(cands[i].inc, m)
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].inc.seq < cands[j].inc.seq
	})
	return cands, rejects
}

// Limits of the search for near misses.
const (
	nearMissSpan   = int64(48 * 3600 * 1e9) // the same place, this long before or after
	nearMissVisits = 64                     // incidents looked at, per pass
)

// nearMisses finds incidents close to a report that starts an incident,
// so that it can say why it joined none: the same place at other times
// (within nearMissSpan), and other places of its region at the same time.
// Sensors are not explained: their detections are too many.
func (e *Engine) nearMisses(m *member) []rejection {
	var rejects []rejection
	look := func(b0, b1 int32, keys []skey) {
		e.stamp++
		visits := 0
		e.idx.each(b0, b1, keys, e.stamp, func(in *incident) {
			if visits >= nearMissVisits || len(rejects) >= maxNotJoined || in.sum.agg != m.agg || in == m.inc {
				return
			}
			visits++
			if c := in.sum.admits(m, e.tol); c.why != rNone && worthExplaining(c) {
				rejects = append(rejects, rejection{other: in, m: m, c: c})
			}
		})
	}
	look(bucketOf(m.from-nearMissSpan), bucketOf(m.to+nearMissSpan), e.keys)
	if m.admin1 != 0 && !m.agg {
		look(bucketOf(m.from-e.tol.time), bucketOf(m.to+e.tol.time), []skey{symKey(kAdmin1, m.admin1)})
	}
	return rejects
}

// worthExplaining reports whether a conflict is worth explaining:
// everything but a distance of more than ten times the allowance.
func worthExplaining(c conflict) bool {
	return c.why != rDistance || c.val <= 10*c.lim
}

// score says how well m fits an incident it may join; used when it may
// join several that cannot be merged.
func (e *Engine) score(in *incident, m *member) float64 {
	s := &in.sum
	var sc float64
	if m.entry != 0 && s.hasArea(tagEntry, m.entry) {
		sc += 4
	}
	if max(s.maxFrom, m.from) <= min(s.minTo, m.to) {
		sc++
	}
	if m.weapons != 0 && s.weapons != 0 {
		sc += 2
	}
	if m.disc {
		for _, a := range s.anchors {
			if !a.coarse {
				d, lim := discGap(a, m, e.tol)
				sc = max(sc, sc+1-d/lim)
			}
		}
	}
	if m.target != 0 {
		for _, o := range in.members[:min(len(in.members), 16)] {
			if o.target == m.target {
				sc++
				break
			}
		}
	}
	return sc
}

// bridge decides which candidates m joins: the best one, and every other
// that can be one incident with it and m (m bridges them). The others are
// returned as rejections. The first incident returned survives the merge:
// the oldest, so that ids stay stable.
func (e *Engine) bridge(m *member, cands []candidate, rejects []rejection) ([]*incident, []rejection) {
	set := []*incident{cands[0].inc}
	if len(cands) > 1 {
		acc := cands[0].inc.sum.clone()
		acc.absorb(m)
		fine := hasFine(&acc)
		for _, c := range cands[1:] {
			o := c.inc
			conf := acc.compatible(&o.sum, e.tol)
			if conf.why == rNone && !m.disc && fine && hasFine(&o.sum) {
				conf = conflict{why: rDistance} // m has no disc to link theirs
			}
			if conf.why == rNone && e.apart(set, o) {
				conf = conflict{why: rApart}
			}
			if conf.why == rNone && (judged(o) || judged(set...)) {
				conf = conflict{why: rJudged}
			}
			if conf.why != rNone {
				if len(rejects) < maxNotJoined {
					rejects = append(rejects, rejection{other: o, m: m, c: conf})
				}
				continue
			}
			acc.merge(&o.sum)
			fine = fine || hasFine(&o.sum)
			set = append(set, o)
		}
	}
	slices.SortFunc(set, older)
	return set, rejects
}

// judged reports whether any of the incidents is past under review in the
// follow-up: verified, unverified, disputed, published or retracted. Such an
// incident carries findings and replies; fusion never merges it with
// another by itself (a report may still join it).
func judged(ins ...*incident) bool {
	for _, in := range ins {
		if in.status.Judged() {
			return true
		}
	}
	return false
}

func hasFine(s *summary) bool {
	for _, a := range s.anchors {
		if !a.coarse {
			return true
		}
	}
	return false
}

// clone returns a deep copy of s.
func (s *summary) clone() summary {
	c := *s
	c.areas = append([]areaTag(nil), s.areas...)
	c.anchors = append([]anchor(nil), s.anchors...)
	c.sources = append([]srcWindow(nil), s.sources...)
	if s.tally != nil {
		t := *s.tally
		t.actors = append([]sym(nil), t.actors...)
		c.tally = &t
	}
	return c
}
