package fusion

import (
	"slices"

	"github.com/truce-monitor/truce"
)

// Load adds a stored incident with its member reports, as at start-up, so
// that later reports fuse with it. The incident keeps its id, status,
// times, links (resolved as the linked incidents load), analyst
// separations and not_joined lines; its summary, figures and explanation
// are recomputed from the reports.
// Loading is trusted: the engine's rules are not applied to the members
// (an analyst may have merged them). ECONFLICT when the incident or one of
// the reports is already held.
func (e *Engine) Load(in *truce.Incident, reports []*truce.Report) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch {
	case in == nil || in.ID == "":
		return truce.Errorf(truce.EINVALID, "load: incident without an id")
	case e.incidents[in.ID] != nil:
		return truce.Errorf(truce.ECONFLICT, "load: incident %q is already loaded", in.ID)
	case len(reports) == 0:
		return truce.Errorf(truce.EINVALID, "load: incident %q has no reports", in.ID)
	}
	for i, r := range reports {
		switch {
		case r == nil || r.ID == "":
			return truce.Errorf(truce.EINVALID, "load: report %d of incident %q has no id", i, in.ID)
		case e.reports[r.ID] != nil:
			return truce.Errorf(truce.ECONFLICT, "load: report %q is already in incident %q", r.ID, e.reports[r.ID].inc.id)
		}
	}
	e.seq++
	x := e.incs.alloc()
	*x = incident{id: in.ID, seq: e.seq, created: in.CreatedAt.UnixNano(), updated: in.UpdatedAt.UnixNano(), status: in.Status}
	if x.status == "" {
		x.status = truce.StatusReported
	}
	e.incidents[x.id] = x
	e.idx.register(x)
	x.notes = append([]string(nil), in.NotJoined[:min(len(in.NotJoined), maxNotJoined)]...)
	for _, r := range reports {
		m := e.newMember(r, r.ID)
		e.seq++
		m.seq = e.seq
		e.reports[m.id] = m
		e.join(x, m)
		for _, cs := range e.cutWait[m.id] {
			e.attach(cs.c, int(cs.side), m)
		}
		delete(e.cutWait, m.id)
	}
	e.idx.file(x, e.coverage(x))
	for _, id := range in.Linked {
		if p := e.incidents[id]; p != nil {
			linkBoth(x, p)
		} else {
			e.pending[id] = append(e.pending[id], x)
		}
	}
	for _, p := range e.pending[x.id] {
		if !p.dead {
			linkBoth(x, p)
		}
	}
	delete(e.pending, x.id)
	for _, sep := range in.Separations {
		e.loadSeparation(sep)
	}
	return nil
}

// loadSeparation restores an analyst separation; a separation already
// restored from another incident is not restored twice.
func (e *Engine) loadSeparation(sep truce.Separation) {
	if sep.ID == "" || e.cuts[sep.ID] != nil {
		return
	}
	c := &cut{id: sep.ID}
	e.cuts[c.id] = c
	for side, ids := range [2][]string{sep.A, sep.B} {
		for _, id := range ids {
			if m := e.reports[id]; m != nil {
				e.attach(c, side, m)
			} else {
				e.cutWait[id] = append(e.cutWait[id], cutSide{c, uint8(side)})
			}
		}
	}
}

// attach puts a member on one side of a separation.
func (e *Engine) attach(c *cut, side int, m *member) {
	if slices.Contains(c.sides[side], m) {
		return
	}
	c.sides[side] = append(c.sides[side], m)
	x := m.extra()
	if len(x.cuts) == 0 && m.inc != nil {
		m.inc.cuts++
	}
	x.cuts = append(x.cuts, cutSide{c, uint8(side)})
}
