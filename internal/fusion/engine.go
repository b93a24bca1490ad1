package fusion

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/truce-monitor/truce"
)

// Options tune an Engine. Zero fields take the defaults.
type Options struct {
	// TimeTolerance is how far apart two windows may be and still be one
	// event, absorbing disagreement between sources. Default 3 h.
	TimeTolerance time.Duration
	// DistanceTolerance is added to the sum of two locations' uncertainties,
	// in metres. Default 1000.
	DistanceTolerance float64
	// Clock stamps CreatedAt and UpdatedAt. Default truce.SystemClock.
	Clock truce.Clock
	// NewID returns a fresh incident id; an id already in use is skipped.
	// Default "inc_000001", "inc_000002", ….
	NewID func() string
	// Materialize fills Change.Incidents, in the same call (atomically),
	// at a cost in proportion to the members of the incidents changed.
	Materialize bool
}

// Default tolerances.
const (
	DefaultTimeTolerance     = 3 * time.Hour
	DefaultDistanceTolerance = 1000.0
)

// Change is what one call changed, so that a caller can persist exactly
// that: put each incident of Updated (Engine.Incident materialises it, or
// Options.Materialize fills Incidents) and delete each of Deleted, in
// either order. A put incident names all its member reports, so reports
// of a merged incident move with it.
type Change struct {
	Report    string   // the report added (Add), else ""
	Incident  string   // the incident the report joined, started, or that the call produced
	Created   bool     // Incident is new
	Duplicate bool     // the report was known: nothing changed
	Merged    []string // incidents merged into Incident (now deleted)
	Updated   []string // incidents created or changed, Incident first
	Deleted   []string // incidents that no longer exist

	// Incidents are the incidents of Updated as they stand after the
	// call, when Options.Materialize is set.
	Incidents []*truce.Incident
}

// Engine fuses reports into incidents incrementally. It keeps a compact
// summary of every report and incident in memory (about 0.5 KiB per
// report) and an index by time and place, so that adding a report costs
// in proportion to the incidents near it in time and space, not to all.
// Methods are safe for concurrent use; each is atomic.
type Engine struct {
	mu         sync.Mutex
	opt        Options
	tol        tolerances
	incidents  map[string]*incident
	reports    map[string]*member
	idx        index
	syms       interner
	sources    map[sourceKey]*source
	cuts       map[string]*cut
	pending    map[string][]*incident // links to incidents not yet loaded
	cutWait    map[string][]cutSide   // separations naming reports not yet loaded
	seq        uint64
	stamp      uint32
	nextID     int
	nextRep    int
	keys       []skey // scratch
	covKeys    []skey // scratch
	cands      []candidate
	rejects    []rejection
	members    slab[member]
	incs       slab[incident]
	tallies    int // live aggregate incidents
	lastSource *source
}

// incident is an incident as the engine keeps it.
type incident struct {
	id        string
	h         int32 // handle in the index
	seq       uint64
	members   []*member
	sum       summary
	cov       coverage
	links     []*incident
	notJoined []rejection
	notes     []string // not_joined as loaded from storage
	created   int64
	updated   int64
	status    truce.Status
	into      *incident // the survivor, once merged
	stamp     uint32
	dead      bool
	wide      bool
	cuts      int // members with analyst separations
}

// rejection records a close candidate a report was not joined with.
type rejection struct {
	other *incident
	m     *member
	c     conflict
}

// maxNotJoined bounds the rejections an incident keeps.
const maxNotJoined = 3

// New returns an empty engine.
func New(opts Options) *Engine {
	if opts.TimeTolerance <= 0 {
		opts.TimeTolerance = DefaultTimeTolerance
	}
	if opts.DistanceTolerance <= 0 {
		opts.DistanceTolerance = DefaultDistanceTolerance
	}
	if opts.Clock == nil {
		opts.Clock = truce.SystemClock{}
	}
	e := &Engine{
		opt:       opts,
		tol:       tolerances{time: int64(opts.TimeTolerance), dist: opts.DistanceTolerance},
		incidents: map[string]*incident{},
		reports:   map[string]*member{},
		idx:       index{m: map[ikey][]int32{}},
		syms:      newInterner(),
		sources:   map[sourceKey]*source{},
		cuts:      map[string]*cut{},
		pending:   map[string][]*incident{},
		cutWait:   map[string][]cutSide{},
	}
	if e.opt.NewID == nil {
		e.opt.NewID = func() string {
			e.nextID++
			return fmt.Sprintf("inc_%06d", e.nextID)
		}
	}
	return e
}

// Len returns the number of incidents and of reports held.
func (e *Engine) Len() (incidents, reports int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.incidents), len(e.reports)
}

// Add fuses a validated, geocoded report: it joins the incident it is the
// same event as, starts a new one, or bridges several, which are merged.
// r.ID identifies the report (when empty the engine names it
// "report-N"); adding a known id changes nothing. The engine copies what
// it needs: r may be reused once Add returns.
func (e *Engine) Add(r *truce.Report) Change {
	e.mu.Lock()
	defer e.mu.Unlock()
	id := r.ID
	for id == "" || (r.ID == "" && e.reports[id] != nil) {
		e.nextRep++
		id = fmt.Sprintf("report-%d", e.nextRep)
	}
	if m, ok := e.reports[id]; ok {
		return Change{Report: id, Incident: m.inc.id, Duplicate: true}
	}
	m := e.newMember(r, id)
	e.seq++
	m.seq = e.seq
	e.reports[id] = m
	ch := e.place(m)
	ch.Report = id
	e.materializeChange(&ch)
	return ch
}

// materializeChange fills ch.Incidents when the options ask for it.
func (e *Engine) materializeChange(ch *Change) {
	if !e.opt.Materialize {
		return
	}
	for _, id := range ch.Updated {
		ch.Incidents = append(ch.Incidents, e.materialize(e.incidents[id]))
	}
}

// candidate is an incident a member may join, with how well it fits.
type candidate struct {
	inc   *incident
	score float64
}

// place puts a new member into an incident.
func (e *Engine) place(m *member) Change {
	cands, rejects := e.candidates(m)
	now := e.opt.Clock.Now().UnixNano()
	var ch Change
	var target *incident
	var merged []*incident
	if len(cands) == 0 {
		target = e.newIncident(now)
		ch.Created = true
		if len(rejects) == 0 && m.src.typ != truce.SourceSensor {
			rejects = e.nearMisses(m)
		}
	} else {
		merged, rejects = e.bridge(m, cands, rejects)
		target = merged[0]
		merged = merged[1:]
	}
	e.join(target, m)
	var touched []*incident
	for _, o := range merged {
		touched = append(touched, e.absorb(target, o)...)
		ch.Merged = append(ch.Merged, o.id)
	}
	for _, r := range rejects {
		target.addRejection(r)
	}
	ch.Incident = target.id
	ch.Updated = e.finish(now, touched, target)
	ch.Deleted = ch.Merged
	e.cands, e.rejects = cands[:0], rejects[:0]
	return ch
}

// finish refiles and relinks the changed incidents and returns the ids of
// every live incident changed: those given, first, then the link partners
// whose links changed and the touched ones.
func (e *Engine) finish(now int64, touched []*incident, changed ...*incident) []string {
	var ids []string
	var buf [4]*incident
	seen := buf[:0]
	add := func(in *incident) {
		if !in.dead && !slices.Contains(seen, in) {
			seen = append(seen, in)
			in.updated = now
			ids = append(ids, in.id)
		}
	}
	for _, in := range changed {
		if c := coverageOf(in, e.tol, e.covKeys[:0]); !covered(in, c) {
			c.keys = append([]skey(nil), c.keys...)
			e.idx.file(in, c)
		} else {
			e.covKeys = c.keys
		}
		add(in)
	}
	for _, in := range changed {
		if e.tallies == 0 && len(in.links) == 0 {
			continue // nothing to link with
		}
		for _, p := range e.relink(in) {
			add(p)
		}
	}
	for _, p := range touched {
		add(p)
	}
	return ids
}

// newIncident creates an empty incident with a fresh id.
func (e *Engine) newIncident(now int64) *incident {
	id := e.opt.NewID()
	for e.incidents[id] != nil || id == "" {
		id = e.opt.NewID()
	}
	e.seq++
	in := e.incs.alloc()
	*in = incident{id: id, seq: e.seq, created: now, updated: now, status: truce.StatusReported}
	e.incidents[id] = in
	e.idx.register(in)
	return in
}

// join adds m to in.
func (e *Engine) join(in *incident, m *member) {
	m.inc = in
	if len(in.members) == 0 && m.agg {
		e.tallies++
	}
	in.members = append(in.members, m)
	in.sum.absorb(m)
	if m.x != nil && len(m.x.cuts) > 0 {
		in.cuts++
	}
}

// absorb moves every member of o into in and retires o. It returns the
// incidents that were linked to o, whose links changed.
func (e *Engine) absorb(in, o *incident) []*incident {
	for _, m := range o.members {
		m.inc = in
	}
	in.members = append(in.members, o.members...)
	in.sum.merge(&o.sum)
	in.cuts += o.cuts
	for _, r := range o.notJoined {
		in.addRejection(r)
	}
	if len(in.notes) < maxNotJoined {
		in.notes = append(in.notes, o.notes[:min(len(o.notes), maxNotJoined-len(in.notes))]...)
	}
	touched := o.links
	for _, p := range o.links {
		p.unlink(o)
	}
	o.members, o.links, o.notJoined, o.notes = nil, nil, nil, nil
	o.dead, o.into = true, in
	delete(e.incidents, o.id)
	if o.sum.agg {
		e.tallies--
	}
	return touched
}

// addRejection keeps a rejection unless the incident has enough or
// already explains that other incident.
func (in *incident) addRejection(r rejection) {
	for i, q := range in.notJoined {
		if q.other == r.other {
			if r.c.why == rJudged { // the follow-up's reason outranks an older one
				in.notJoined[i] = r
			}
			return
		}
	}
	if len(in.notJoined) < maxNotJoined {
		in.notJoined = append(in.notJoined, r)
	}
}

// live follows merges to the incident that now holds what in held.
func (in *incident) live() *incident {
	for in.dead && in.into != nil {
		in = in.into
	}
	return in
}

// older orders incidents by creation, oldest first.
func older(a, b *incident) int {
	if c := cmp.Compare(a.created, b.created); c != 0 {
		return c
	}
	return cmp.Compare(a.seq, b.seq)
}
