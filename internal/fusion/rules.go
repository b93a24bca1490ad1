package fusion

import (
	"math"

	"github.com/truce-monitor/truce"
)

// reason says why two reports, or a report and an incident, cannot be one
// event. The zero reason means they can.
type reason uint8

const (
	rNone         reason = iota
	rTime                // windows too far apart
	rSameDocument        // items of one publication: the source tells them apart
	rSameSource          // one source gave disjoint windows: two events
	rKind                // kinds contradict
	rWeapons             // weapon classes contradict
	rCountry             // different countries
	rSettlement          // different named settlements
	rRegion              // a region that does not hold the other's place
	rDistance            // discs too far apart
	rTallyArea           // tallies over different areas
	rTallyActor          // tallies attributing to different parties
	rTallyCount          // tallies with different counts
	rApart               // an analyst kept them apart
	rJudged              // one is already judged in the follow-up: merging is an analyst's act
)

// conflict is a reason with its figures: val and lim (a gap and the
// tolerance, a distance and the allowance) and the two values in conflict.
type conflict struct {
	why      reason
	val, lim float64
	a, b     sym
	k1, k2   uint32 // kinds or weapon masks in conflict
}

// tolerances are the engine's options in the units the rules use.
type tolerances struct {
	time int64   // nanoseconds
	dist float64 // metres
}

// admits tests whether member m can join the incident summarised by s.
// Time, kinds, weapons, countries, settlements and regions are tested
// against every member (complete linkage); distance against the nearest
// disc (single linkage), so that a report may bridge two nearby sites.
func (s *summary) admits(m *member, t tolerances) conflict {
	if gap := max(s.maxFrom, m.from) - min(s.minTo, m.to); gap > t.time {
		return conflict{why: rTime, val: float64(gap), lim: float64(t.time)}
	}
	if m.src.typ != truce.SourceSensor {
		for _, w := range s.sources {
			if w.src.key == m.src.key && max(w.maxFrom, m.from) > min(w.minTo, m.to) {
				return conflict{why: rSameSource, val: float64(max(w.maxFrom, m.from) - min(w.minTo, m.to))}
			}
		}
	}
	if m.doc != 0 && s.hasArea(tagDoc, m.doc) {
		return conflict{why: rSameDocument, a: m.doc}
	}
	if !kindsCompatible(s.kinds, m.kind) {
		return conflict{why: rKind, k1: uint32(s.kinds), k2: uint32(m.kind)}
	}
	if !weaponsCompatible(s.weapons, m.weapons) {
		return conflict{why: rWeapons, k1: s.weapons, k2: m.weapons}
	}
	if c := s.admitsPlace(m, t); c.why != rNone {
		return c
	}
	if s.tally != nil && m.agg {
		return s.tally.admits(m)
	}
	return conflict{}
}

// admitsPlace applies the location rules: different countries and
// different named settlements are different places; a region holds the
// places inside it; discs must lie within the sum of their uncertainties
// plus the tolerance.
func (s *summary) admitsPlace(m *member, t tolerances) conflict {
	for _, a := range s.areas {
		switch {
		case a.tag == tagCountry && m.country != 0 && a.s != m.country:
			return conflict{why: rCountry, a: a.s, b: m.country}
		case a.tag == tagEntry && m.entry != 0 && a.s != m.entry:
			return conflict{why: rSettlement, a: a.s, b: m.entry}
		case a.tag == tagAdmin1 && m.prec == precAdmin1 && m.admin1 != 0 && a.s != m.admin1:
			return conflict{why: rRegion, a: a.s, b: m.admin1}
		case a.tag == tagCoarseAdmin1 && m.admin1 != 0 && a.s != m.admin1:
			return conflict{why: rRegion, a: a.s, b: m.admin1}
		}
	}
	switch {
	case m.prec == precAdmin1 && m.unc > 0:
		// Members whose region is not known must lie in m's region disc.
		for _, a := range s.anchors {
			if a.admin1 == 0 && !a.coarse {
				if d, lim := discGap(a, m, t); d > lim {
					return conflict{why: rRegion, val: d, lim: lim, b: m.admin1}
				}
			}
		}
	case m.disc:
		return s.admitsDisc(m, t)
	}
	return conflict{}
}

// admitsDisc tests a point or settlement against the incident's discs.
func (s *summary) admitsDisc(m *member, t tolerances) conflict {
	best, bestLim, fine := math.Inf(1), 0.0, 0
	for _, a := range s.anchors {
		d, lim := discGap(a, m, t)
		if a.coarse {
			if m.admin1 == 0 && d > lim {
				return conflict{why: rRegion, val: d, lim: lim, a: a.admin1}
			}
			continue
		}
		fine++
		if d <= lim {
			return conflict{}
		}
		if d-lim < best-bestLim {
			best, bestLim = d, lim
		}
	}
	if fine == 0 {
		return conflict{}
	}
	return conflict{why: rDistance, val: best, lim: bestLim}
}

// discGap returns the distance between an anchor and a member's disc
// centre and the most it may be: the sum of the radii plus the tolerance.
func discGap(a anchor, m *member, t tolerances) (d, lim float64) {
	return flatDistance(a.lat, a.lon, a.cosLat, m.lat, m.lon, m.cosLat), float64(a.r) + float64(m.unc) + t.dist
}

// admits tests whether an aggregate tally m is the same tally: over the
// same kind of area, attributed to the same party, with the same counts.
func (t *tallySummary) admits(m *member) conflict {
	if t.level != m.prec && (t.level < precSettlement || m.prec < precSettlement) {
		return conflict{why: rTallyArea, val: float64(t.level), lim: float64(m.prec)}
	}
	if m.actor != 0 {
		for _, a := range t.actors {
			if a != m.actor {
				return conflict{why: rTallyActor, a: a, b: m.actor}
			}
		}
	}
	for i, c := range tallyCounts(m) {
		if c >= 0 && t.counts[i] >= 0 && c != t.counts[i] {
			return conflict{why: rTallyCount, val: float64(t.counts[i]), lim: float64(c), k1: uint32(i)}
		}
	}
	return conflict{}
}

// compatible tests whether two incidents, each admitting a bridging
// report, can become one: the complete-linkage rules hold across them.
// Distance is not tested: the bridging report links their discs.
func (s *summary) compatible(o *summary, t tolerances) conflict {
	if s.agg != o.agg {
		return conflict{why: rTallyArea}
	}
	if gap := max(s.maxFrom, o.maxFrom) - min(s.minTo, o.minTo); gap > t.time {
		return conflict{why: rTime, val: float64(gap), lim: float64(t.time)}
	}
	for _, w := range o.sources {
		for _, v := range s.sources {
			if v.src.key == w.src.key && max(v.maxFrom, w.maxFrom) > min(v.minTo, w.minTo) {
				return conflict{why: rSameSource}
			}
		}
	}
	if !kindsCompatible(s.kinds, o.kinds) {
		return conflict{why: rKind, k1: uint32(s.kinds), k2: uint32(o.kinds)}
	}
	if !weaponsCompatible(s.weapons, o.weapons) {
		return conflict{why: rWeapons, k1: s.weapons, k2: o.weapons}
	}
	if c := areasCompatible(s, o); c.why != rNone {
		return c
	}
	if s.tally != nil && o.tally != nil {
		return tallyCompatible(s.tally, o.tally)
	}
	return conflict{}
}

// areasCompatible applies the country, settlement and region rules across
// two summaries: one country, one settlement, and where any member names
// only a region, every member's known region is that one.
func areasCompatible(s, o *summary) conflict {
	for _, a := range o.areas {
		if a.tag == tagDoc && s.hasArea(tagDoc, a.s) {
			return conflict{why: rSameDocument, a: a.s}
		}
	}
	var one [4]sym
	for _, x := range [2]*summary{s, o} {
		for _, a := range x.areas {
			if a.tag == tagAdmin1 || a.tag == tagDoc {
				continue
			}
			switch prev := one[a.tag]; {
			case prev == 0:
				one[a.tag] = a.s
			case prev != a.s:
				return conflict{why: [4]reason{rCountry, 0, rRegion, rSettlement}[a.tag], a: prev, b: a.s}
			}
		}
	}
	if r := one[tagCoarseAdmin1]; r != 0 {
		for _, x := range [2]*summary{s, o} {
			for _, a := range x.areas {
				if a.tag == tagAdmin1 && a.s != r {
					return conflict{why: rRegion, a: r, b: a.s}
				}
			}
		}
	}
	return conflict{}
}

func tallyCompatible(a, b *tallySummary) conflict {
	if a.level != b.level {
		return conflict{why: rTallyArea}
	}
	for _, x := range a.actors {
		for _, y := range b.actors {
			if x != y {
				return conflict{why: rTallyActor, a: x, b: y}
			}
		}
	}
	for i := range a.counts {
		if a.counts[i] >= 0 && b.counts[i] >= 0 && a.counts[i] != b.counts[i] {
			return conflict{why: rTallyCount, val: float64(a.counts[i]), lim: float64(b.counts[i]), k1: uint32(i)}
		}
	}
	return conflict{}
}
