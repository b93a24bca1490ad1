package fusion

import (
	"slices"

	"github.com/truce-monitor/truce"
)

// area tags: what an areaTag's symbol names.
const (
	tagCountry      uint8 = iota // a member's country
	tagAdmin1                    // a member's first-level region
	tagCoarseAdmin1              // the region of a region-precision member
	tagEntry                     // the gazetteer entry of a settlement member
	tagDoc                       // the publication a member is an item of
)

type areaTag struct {
	tag uint8
	s   sym
}

// anchor is a disc a member places the event in: a point or a settlement
// with its uncertainty, or (coarse) the disc of a region, used only where a
// member's own region is not known.
type anchor struct {
	lat, lon float64
	cosLat   float64
	r        float32
	admin1   sym
	coarse   bool
}

// srcWindow is the intersection of the windows one source gave.
type srcWindow struct {
	src            *source
	maxFrom, minTo int64
}

// summary is what an incident's members allow, kept up to date as members
// join so that testing a report costs O(1) in the number of members for
// time, kind, weapons and regions, and O(distinct discs) for distance.
type summary struct {
	maxFrom, minTo int64 // complete linkage: maxFrom - minTo ≤ tolerance
	minFrom, maxTo int64 // the union of the windows
	kinds          uint8
	weapons        uint32
	agg            bool
	areas          []areaTag
	anchors        []anchor
	sources        []srcWindow // per source other than sensors
	tally          *tallySummary

	// The first areas and anchor live here, saving an allocation each for
	// most incidents.
	areaBuf   [2]areaTag
	anchorBuf [1]anchor
}

// tallySummary is what aggregate tallies must agree on to be one tally.
type tallySummary struct {
	level  precision // country or admin1 (or a disc level)
	actors []sym
	counts [3]int64 // launched, intercepted, hit; -1 not stated
}

func (s *summary) hasArea(tag uint8, x sym) bool {
	for _, a := range s.areas {
		if a.tag == tag && a.s == x {
			return true
		}
	}
	return false
}

func (s *summary) addArea(tag uint8, x sym) {
	if x != 0 && !s.hasArea(tag, x) {
		if s.areas == nil {
			s.areas = s.areaBuf[:0]
		}
		s.areas = append(s.areas, areaTag{tag, x})
	}
}

// absorb adds a member to the summary.
func (s *summary) absorb(m *member) {
	if s.kinds == 0 {
		s.maxFrom, s.minTo, s.minFrom, s.maxTo = m.from, m.to, m.from, m.to
		s.agg = m.agg
	}
	s.maxFrom, s.minTo = max(s.maxFrom, m.from), min(s.minTo, m.to)
	s.minFrom, s.maxTo = min(s.minFrom, m.from), max(s.maxTo, m.to)
	s.kinds |= m.kind
	s.weapons |= m.weapons
	s.addSource(srcWindow{m.src, m.from, m.to})
	s.addArea(tagCountry, m.country)
	s.addArea(tagAdmin1, m.admin1)
	if m.prec == precAdmin1 {
		s.addArea(tagCoarseAdmin1, m.admin1)
	}
	s.addArea(tagEntry, m.entry)
	s.addArea(tagDoc, m.doc)
	switch {
	case m.disc:
		s.addAnchor(anchor{m.lat, m.lon, m.cosLat, m.unc, m.admin1, false})
	case m.prec == precAdmin1 && m.unc > 0:
		s.addAnchor(anchor{m.lat, m.lon, m.cosLat, m.unc, m.admin1, true})
	}
	if m.agg {
		s.absorbTally(m)
	}
}

func (s *summary) addSource(w srcWindow) {
	if w.src.typ == truce.SourceSensor {
		return
	}
	for i := range s.sources {
		if s.sources[i].src.key == w.src.key {
			s.sources[i].maxFrom = max(s.sources[i].maxFrom, w.maxFrom)
			s.sources[i].minTo = min(s.sources[i].minTo, w.minTo)
			return
		}
	}
	s.sources = append(s.sources, w)
}

func (s *summary) addAnchor(a anchor) {
	for _, b := range s.anchors {
		if b == a {
			return
		}
	}
	if s.anchors == nil {
		s.anchors = s.anchorBuf[:0]
	}
	s.anchors = append(s.anchors, a)
}

func (s *summary) absorbTally(m *member) {
	t := s.tally
	if t == nil {
		t = &tallySummary{level: m.prec, counts: [3]int64{-1, -1, -1}}
		s.tally = t
	}
	if m.actor != 0 && !slices.Contains(t.actors, m.actor) {
		t.actors = append(t.actors, m.actor)
	}
	for i, c := range tallyCounts(m) {
		if c >= 0 && t.counts[i] < 0 {
			t.counts[i] = c
		}
	}
}

// tallyCounts returns a member's launched, intercepted and hit counts, -1
// where not stated.
func tallyCounts(m *member) [3]int64 {
	out := [3]int64{-1, -1, -1}
	if m.x == nil || m.x.counts == nil {
		return out
	}
	for i, p := range []*int{m.x.counts.Launched, m.x.counts.Intercepted, m.x.counts.Hit} {
		if p != nil {
			out[i] = int64(*p)
		}
	}
	return out
}

// merge adds another incident's summary to s.
func (s *summary) merge(o *summary) {
	s.maxFrom, s.minTo = max(s.maxFrom, o.maxFrom), min(s.minTo, o.minTo)
	s.minFrom, s.maxTo = min(s.minFrom, o.minFrom), max(s.maxTo, o.maxTo)
	s.kinds |= o.kinds
	s.weapons |= o.weapons
	for _, w := range o.sources {
		s.addSource(w)
	}
	for _, a := range o.areas {
		s.addArea(a.tag, a.s)
	}
	for _, a := range o.anchors {
		s.addAnchor(a)
	}
	if o.tally != nil {
		if s.tally == nil {
			t := *o.tally
			t.actors = append([]sym(nil), t.actors...)
			s.tally = &t
			return
		}
		for _, a := range o.tally.actors {
			if !slices.Contains(s.tally.actors, a) {
				s.tally.actors = append(s.tally.actors, a)
			}
		}
		for i, c := range o.tally.counts {
			if s.tally.counts[i] < 0 {
				s.tally.counts[i] = c
			}
		}
	}
}

// window returns the incident's window: the intersection of its members'
// windows, or their union when they do not intersect (ok false).
func (s *summary) window() (from, to int64, intersect bool) {
	if s.maxFrom <= s.minTo {
		return s.maxFrom, s.minTo, true
	}
	return s.minFrom, s.maxTo, false
}

// core returns the span a report's window must come within the time
// tolerance of, for the index.
func (s *summary) core() (lo, hi int64) {
	return min(s.maxFrom, s.minTo), max(s.maxFrom, s.minTo)
}
