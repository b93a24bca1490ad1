package fusion

import (
	"fmt"
	"slices"

	"github.com/truce-monitor/truce"
)

// cut is an analyst's separation: no report of side 0 is fused
// automatically with a report of side 1, whatever reports arrive later.
type cut struct {
	id    string
	sides [2][]*member
}

type cutSide struct {
	c    *cut
	side uint8
}

// Split moves the given reports of an incident into a new incident, as an
// analyst decides, and remembers the decision: no later report will fuse
// the moved reports with those left behind (each may still gain new
// reports of its own). It fails with EINVALID when a report is not in the
// incident or when every report would move.
func (e *Engine) Split(incidentID string, reportIDs []string) (Change, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	in := e.incidents[incidentID]
	if in == nil {
		return Change{}, truce.NotFound("incident", incidentID)
	}
	moving := map[*member]bool{}
	for _, id := range reportIDs {
		m := e.reports[id]
		if m == nil || m.inc != in {
			return Change{}, truce.Errorf(truce.EINVALID, "report %q is not in incident %q", id, incidentID)
		}
		moving[m] = true
	}
	if len(moving) == 0 {
		return Change{}, truce.Errorf(truce.EINVALID, "split: name at least one report to move out of incident %q", incidentID)
	}
	if len(moving) == len(in.members) {
		return Change{}, truce.Errorf(truce.EINVALID, "split: every report of incident %q would move; leave at least one", incidentID)
	}
	now := e.opt.Clock.Now().UnixNano()
	out := e.newIncident(now)
	var stay, moved []*member
	for _, m := range in.members {
		if moving[m] {
			moved = append(moved, m)
		} else {
			stay = append(stay, m)
		}
	}
	c := &cut{id: e.cutID(), sides: [2][]*member{stay, moved}}
	e.addCut(c)
	if in.sum.agg {
		e.tallies-- // join counts it again
	}
	in.members, out.members = nil, nil
	in.sum, out.sum = summary{}, summary{}
	in.cuts = 0
	for _, m := range stay {
		e.join(in, m)
	}
	for _, m := range moved {
		e.join(out, m)
	}
	ch := Change{Incident: out.id, Created: true}
	ch.Updated = e.finish(now, nil, out, in)
	e.materializeChange(&ch)
	return ch, nil
}

// Merge makes one incident of the given incidents, as an analyst decides:
// the oldest keeps its id and the others are deleted. The engine's rules
// are not applied (the analyst overrides them, and earlier separations
// between these reports, while they stay merged), except that an
// aggregate tally is never merged with single incidents.
func (e *Engine) Merge(ids ...string) (Change, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var set []*incident
	for _, id := range ids {
		in := e.incidents[id]
		if in == nil {
			return Change{}, truce.NotFound("incident", id)
		}
		if !slices.Contains(set, in) {
			set = append(set, in)
		}
	}
	if len(set) < 2 {
		return Change{}, truce.Errorf(truce.EINVALID, "merge: name at least two different incidents")
	}
	for _, in := range set[1:] {
		if in.sum.agg != set[0].sum.agg {
			return Change{}, truce.Errorf(truce.EINVALID, "merge: %s is an aggregate tally and %s is not; tallies are linked to incidents, never merged", aggID(set[0], in), nonAggID(set[0], in))
		}
	}
	slices.SortFunc(set, older)
	now := e.opt.Clock.Now().UnixNano()
	into := set[0]
	ch := Change{Incident: into.id}
	var touched []*incident
	for _, o := range set[1:] {
		touched = append(touched, e.absorb(into, o)...)
		ch.Merged = append(ch.Merged, o.id)
	}
	ch.Updated = e.finish(now, touched, into)
	ch.Deleted = ch.Merged
	e.materializeChange(&ch)
	return ch, nil
}

func aggID(a, b *incident) string {
	if a.sum.agg {
		return a.id
	}
	return b.id
}

func nonAggID(a, b *incident) string {
	if a.sum.agg {
		return b.id
	}
	return a.id
}

func cmpSeq(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cutID returns an unused separation id.
func (e *Engine) cutID() string {
	for {
		e.seq++
		id := fmt.Sprintf("split_%d", e.seq)
		if e.cuts[id] == nil {
			return id
		}
	}
}

// addCut records a separation on the members of both sides.
func (e *Engine) addCut(c *cut) {
	e.cuts[c.id] = c
	sides := c.sides
	c.sides = [2][]*member{}
	for side, ms := range sides {
		for _, m := range ms {
			e.attach(c, side, m)
		}
	}
}

// apart reports whether an analyst separation forbids fusing incident o
// with the incidents of set.
func (e *Engine) apart(set []*incident, o *incident) bool {
	n := o.cuts
	for _, in := range set {
		n += in.cuts
	}
	if o.cuts == 0 || n == o.cuts {
		return false
	}
	sides := map[*cut]uint8{}
	for _, in := range set {
		for _, m := range in.members {
			if m.x != nil {
				for _, cs := range m.x.cuts {
					sides[cs.c] |= 1 << cs.side
				}
			}
		}
	}
	for _, m := range o.members {
		if m.x != nil {
			for _, cs := range m.x.cuts {
				if sides[cs.c]&(1<<(1-cs.side)) != 0 {
					return true
				}
			}
		}
	}
	return false
}
