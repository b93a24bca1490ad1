package fusion

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// Incident returns an incident as it now stands, built from its members:
// figures, claims, chains, credibility and explanations. ENOTFOUND when
// there is no such incident (merged incidents are gone).
func (e *Engine) Incident(id string) (*truce.Incident, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	in := e.incidents[id]
	if in == nil {
		return nil, truce.NotFound("incident", id)
	}
	return e.materialize(in), nil
}

// IncidentOf returns the id of the incident a report belongs to.
func (e *Engine) IncidentOf(reportID string) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	m := e.reports[reportID]
	if m == nil {
		return "", truce.NotFound("report", reportID)
	}
	return m.inc.id, nil
}

// Incidents returns every incident, ordered by the start of its window,
// then by id.
func (e *Engine) Incidents() []*truce.Incident {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]*truce.Incident, 0, len(e.incidents))
	for _, in := range e.incidents {
		out = append(out, e.materialize(in))
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Window.From.Equal(b.Window.From) {
			return a.Window.From.Before(b.Window.From)
		}
		return a.ID < b.ID
	})
	return out
}

// SetStatus records an incident's workflow status, which the engine keeps
// so that the incidents it returns carry it. The workflow's rules are the
// caller's; the engine only remembers.
func (e *Engine) SetStatus(id string, s truce.Status) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	in := e.incidents[id]
	if in == nil {
		return truce.NotFound("incident", id)
	}
	in.status = s
	return nil
}

func nsTime(ns int64) time.Time { return time.Unix(0, ns).UTC() }

// materialize builds the incident record of in.
func (e *Engine) materialize(in *incident) *truce.Incident {
	ms := slices.Clone(in.members)
	slices.SortFunc(ms, func(a, b *member) int { return cmpSeq(a.seq, b.seq) })
	s := &in.sum
	from, to, _ := s.window()
	out := &truce.Incident{
		ID:        in.id,
		Kind:      incidentKind(s.kinds),
		Aggregate: s.agg,
		Window:    truce.Window{From: nsTime(from), To: nsTime(to)},
		Location:  e.location(ms),
		Status:    in.status,
		CreatedAt: nsTime(in.created),
		UpdatedAt: nsTime(in.updated),
	}
	if out.Status == "" {
		out.Status = truce.StatusReported
	}
	out.Weapons = e.weaponClaims(ms)
	out.Targets = e.targetClaims(ms)
	out.Actors = e.actorClaims(ms)
	out.Killed = figure(ms, func(m *member) int64 { return int64(m.killed) })
	out.Injured = figure(ms, func(m *member) int64 { return int64(m.injured) })
	if s.agg {
		out.Counts = tallyFigures(ms)
	}
	for _, m := range ms {
		out.Reports = append(out.Reports, truce.Member{
			ID: m.id, SourceType: m.src.typ, SourceName: m.src.name, SourceRef: m.ref, Party: m.src.party,
		})
	}
	chains := e.chains(ms)
	out.Chains, out.Credibility = credibility(chains)
	out.Actor, out.Allegations = e.actor(chains)
	out.Explanation = e.explain(in, ms, chains)
	out.NotJoined = e.notJoined(in)
	for _, p := range in.links {
		out.Linked = append(out.Linked, p.id)
	}
	sort.Strings(out.Linked)
	out.Separations = separations(ms)
	return out
}

// incidentKind names the kind of an incident: a strike when any member
// says strike (an explosion is what a strike looks like from outside),
// else the one kind its members share.
func incidentKind(mask uint8) truce.Kind {
	if mask&kindBit[truce.KindStrike] != 0 {
		return truce.KindStrike
	}
	if ks := kindList(mask); len(ks) > 0 {
		return ks[0]
	}
	return truce.KindOther
}

// figure builds a toll from each member's number (negative: not stated).
// Low and high are the least and greatest stated; best is the number of
// the most recently reported member among those whose source has the best
// reliability grade of those stating one (ties in time: the later
// arrival). All nil when nobody states a number; a stated 0 counts.
func figure(ms []*member, get func(*member) int64) truce.Figure {
	var f truce.Figure
	var best *member
	for _, m := range ms {
		v := get(m)
		if v < 0 {
			continue
		}
		f.Claims = append(f.Claims, truce.FigureClaim{Value: int(v), ReportID: m.id, Source: m.src.name})
		if f.Low == nil || int(v) < *f.Low {
			f.Low = ptr(int(v))
		}
		if f.High == nil || int(v) > *f.High {
			f.High = ptr(int(v))
		}
		if best == nil || better(m, best) {
			best = m
		}
	}
	if best != nil {
		f.Best = ptr(int(get(best)))
	}
	return f
}

// better reports whether m's figure is preferred to o's: a more reliable
// source grade, then a later report, then a later arrival.
func better(m, o *member) bool {
	if m.src.rel != o.src.rel {
		return m.src.rel < o.src.rel
	}
	if m.reported != o.reported {
		return m.reported > o.reported
	}
	return m.seq > o.seq
}

func ptr[T any](v T) *T { return &v }

// tallyFigures gives a tally's counts by the rule of figure's best.
func tallyFigures(ms []*member) *truce.Counts {
	var c truce.Counts
	dst := []**int{&c.Launched, &c.Intercepted, &c.Hit}
	any := false
	for i := range dst {
		f := figure(ms, func(m *member) int64 { return tallyCounts(m)[i] })
		if f.Best != nil {
			*dst[i] = f.Best
			any = true
		}
	}
	if !any {
		return nil
	}
	return &c
}

// claimSet gathers claims by value, in order of first mention.
type claimSet struct {
	list []truce.Claim
	by   map[string]int
}

func (cs *claimSet) add(value, name string, m *member) {
	if cs.by == nil {
		cs.by = map[string]int{}
	}
	i, ok := cs.by[value]
	if !ok {
		i = len(cs.list)
		cs.by[value] = i
		cs.list = append(cs.list, truce.Claim{Value: value})
	}
	c := &cs.list[i]
	if name != "" && !slices.Contains(strings.Split(c.Name, "; "), name) {
		if c.Name != "" {
			c.Name += "; "
		}
		c.Name += name
	}
	// Each member is added once per value: its id is not there yet.
	c.Reports = append(c.Reports, m.id)
	if n := len(c.Sources); n == 0 || c.Sources[n-1] != m.src.name && !slices.Contains(c.Sources, m.src.name) {
		c.Sources = append(c.Sources, m.src.name)
	}
}

func (e *Engine) weaponClaims(ms []*member) []truce.Claim {
	var cs claimSet
	for _, m := range ms {
		for i, c := range weaponNames {
			if m.weapons&(1<<i) == 0 {
				continue
			}
			model := ""
			if m.x != nil {
				for _, wm := range m.x.models {
					if wm.class == c {
						model = wm.model
					}
				}
			}
			cs.add(c, model, m)
		}
	}
	return cs.list
}

func (e *Engine) targetClaims(ms []*member) []truce.Claim {
	var cs claimSet
	for _, m := range ms {
		if m.target != 0 || (m.x != nil && m.x.targetName != "") {
			v := e.syms.str(m.target)
			if v == "" {
				v = truce.Unknown
			}
			name := ""
			if m.x != nil {
				name = m.x.targetName
			}
			cs.add(v, name, m)
		}
	}
	return cs.list
}

func (e *Engine) actorClaims(ms []*member) []truce.Claim {
	var cs claimSet
	for _, m := range ms {
		if m.actor != 0 {
			cs.add(e.syms.str(m.actor), "", m)
		}
	}
	return cs.list
}

// separations lists the analyst separations the members are on a side of.
func separations(ms []*member) []truce.Separation {
	var out []truce.Separation
	var seen []*cut
	for _, m := range ms {
		if m.x == nil {
			continue
		}
		for _, cs := range m.x.cuts {
			if slices.Contains(seen, cs.c) {
				continue
			}
			seen = append(seen, cs.c)
			sep := truce.Separation{ID: cs.c.id}
			for _, x := range cs.c.sides[0] {
				sep.A = append(sep.A, x.id)
			}
			for _, x := range cs.c.sides[1] {
				sep.B = append(sep.B, x.id)
			}
			out = append(out, sep)
		}
	}
	return out
}
