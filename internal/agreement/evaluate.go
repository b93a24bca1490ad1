package agreement

import (
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/geo"
)

// Evaluate judges one incident under one agreement version, as
// agreement-format.md says: violation, no_violation or indeterminate, with
// the rules the verdict rests on, the party held responsible and reasons a
// person can check. It is pure and deterministic: the verdict depends on
// the incident and the compiled agreement only, not on the order of the
// document's rules or exceptions or of the incident's claims.
//
// Each rule is read literally, in three-valued logic: a condition holds,
// fails, or cannot be told from the reports, and a rule prohibits the act
// when every condition holds. A rule that surely applies (violation) wins
// over one that may apply (indeterminate), which wins over none. The
// conditions, and when each cannot be told:
//
//   - window: the incident's time window lies inside [from, to) (yes),
//     wholly outside (no), or straddles a boundary (cannot be told);
//   - kind: listed, or no kinds listed;
//   - weapon and target: a class the reports give is covered (a named
//     class covers its subclasses; a parent all of whose subclasses are
//     named is covered). Cannot be told when the class is unknown, when
//     no class is stated at all, or when the reports give only a parent
//     (drone) where the rule names a subclass (drone.long_range);
//   - place: inside, outside, within_km or beyond_km of a zone, taking the
//     location's uncertainty circle into account (a circle that reaches
//     across the boundary or the distance cannot be told), or country
//     (cannot be told when the country is not stated);
//   - actor: a party that is bound (declared the agreement) and in the
//     rule's by. An unknown actor satisfies the rule when every party is
//     bound by it (the violation is then unattributed), cannot be told
//     when only some are (a unilateral truce), and a party that is not
//     bound gives no_violation, "not bound".
//
// An exception applies when its conditions surely hold; then the act is no
// violation, whatever the rules say. An exception that may apply is noted
// in the reasons but does not change the verdict. Aggregate tallies are
// evaluated like any incident (their place is usually only a country).
// Where a party disputes the window, the verdict under its reading is given
// in Readings when it differs from the verdict under the agreement's own.
func Evaluate(in *truce.Incident, c *Compiled) truce.Verdict {
	return evaluate(in, c, nil)
}

// EvaluateAll judges one incident under each agreement, as Evaluate does
// for each, in the order given. It is the cheaper way to evaluate an
// incident against every agreement in force: the description of the
// incident that opens the reasons is written once per time zone.
func EvaluateAll(in *truce.Incident, cs []*Compiled) []truce.Verdict {
	var dc descCache
	out := make([]truce.Verdict, len(cs))
	for i, c := range cs {
		out[i] = evaluate(in, c, &dc)
	}
	return out
}

// descCache keeps the descriptions of one incident written so far, by the
// UTC offsets its times are shown with (Moscow and Kyiv in summer share).
type descCache struct {
	n     int
	keys  [4][2]int
	descs [4]string
}

func (d *descCache) get(key [2]int) (string, bool) {
	for i := range d.n {
		if d.keys[i] == key {
			return d.descs[i], true
		}
	}
	return "", false
}

func (d *descCache) put(key [2]int, desc string) {
	if d.n < len(d.keys) {
		d.keys[d.n], d.descs[d.n] = key, desc
		d.n++
	}
}

func evaluate(in *truce.Incident, c *Compiled, dc *descCache) truce.Verdict {
	e := evaluation{in: in, c: c, actor: in.Actor, dc: dc}
	if e.actor == "" {
		e.actor = truce.Unknown
	}
	e.from, e.to = in.Window.From, in.Window.To
	if e.to.Before(e.from) {
		e.to = e.from
	}
	v := truce.Verdict{
		Incident:  in.ID,
		Agreement: c.Agreement.ID,
		Version:   c.Agreement.Version,
	}
	mainTime, rel := c.main.relation(e.from, e.to)
	e.excepted = -1
	if mainTime != no || e.inSomeReading() { // else nothing else can matter
		e.conditions()
	}
	v.Verdict = e.verdictUnder(mainTime)
	for i := range c.readings {
		w := &c.readings[i]
		t, _ := w.relation(e.from, e.to)
		if rv := e.verdictUnder(t); rv != v.Verdict {
			v.Readings = append(v.Readings, truce.Reading{Party: w.party, Verdict: rv})
		}
	}
	v.Rules = e.ruleIDs(v.Verdict, mainTime)
	if v.Verdict == truce.Violation {
		v.Party = e.actor
		if v.Party == truce.Unknown {
			v.Party = truce.Unattributed
		}
	}
	v.Reasons = e.reasons(v, mainTime, rel)
	return v
}

// evaluation is the state of one Evaluate call.
type evaluation struct {
	in       *truce.Incident
	c        *Compiled
	dc       *descCache // nil: no other verdict shares the description
	actor    string
	from, to time.Time
	excepted int // index of the exception that applies, or -1
	// conds[i] answers every condition of rule i but the window. Rules
	// past the inline array are answered in more (rare: documents have a
	// handful of rules).
	conds   [16]tri
	more    []tri
	probes  [4]probe // the zones measured so far
	nprobes int
}

// probe returns the measures of the incident's point against a zone.
func (e *evaluation) probe(z *zone) *probe {
	for i := range e.probes[:e.nprobes] {
		if e.probes[i].z == z {
			return &e.probes[i]
		}
	}
	p := geo.Point{Lat: e.in.Location.Lat, Lon: e.in.Location.Lon}
	if e.nprobes == len(e.probes) {
		return &probe{z: z, p: p}
	}
	e.probes[e.nprobes] = probe{z: z, p: p}
	e.nprobes++
	return &e.probes[e.nprobes-1]
}

// where answers a place condition.
func (e *evaluation) where(w *whereMatcher) tri {
	if w.z == nil {
		return w.eval(&e.in.Location, nil)
	}
	return w.eval(&e.in.Location, e.probe(w.z))
}

// placeFacts measures a place condition fully, for reasons.
func (e *evaluation) placeFacts(w *whereMatcher) (tri, placeFacts) {
	if w.z == nil {
		return w.facts(&e.in.Location, nil)
	}
	return w.facts(&e.in.Location, e.probe(w.z))
}

// inSomeReading reports whether the incident may lie in a party's reading
// of the window.
func (e *evaluation) inSomeReading() bool {
	for i := range e.c.readings {
		if t, _ := e.c.readings[i].relation(e.from, e.to); t != no {
			return true
		}
	}
	return false
}

// conditions answers every condition that does not depend on the window,
// once for all readings.
func (e *evaluation) conditions() {
	for i := range e.c.exceptions {
		if e.acts(&e.c.exceptions[i].acts) == yes {
			e.excepted = i
			break
		}
	}
	if n := len(e.c.rules); n > len(e.conds) {
		e.more = make([]tri, n-len(e.conds))
	}
	for i := range e.c.rules {
		e.setCond(i, e.rule(&e.c.rules[i]))
	}
}

func (e *evaluation) cond(i int) tri {
	if i < len(e.conds) {
		return e.conds[i]
	}
	return e.more[i-len(e.conds)]
}

func (e *evaluation) setCond(i int, t tri) {
	if i < len(e.conds) {
		e.conds[i] = t
	} else {
		e.more[i-len(e.conds)] = t
	}
}

// rule answers a rule's conditions but the window, cheapest first.
func (e *evaluation) rule(r *rule) tri {
	t := e.actorTri(r)
	if t == no {
		return no
	}
	return and(t, e.acts(&r.acts))
}

func (e *evaluation) actorTri(r *rule) tri {
	if e.actor == truce.Unknown {
		return r.unknown
	}
	return r.actor[e.actor] // absent: not a party, not bound or not in by
}

// acts answers the conditions shared by rules and exceptions.
func (e *evaluation) acts(a *acts) tri {
	t := kindTri(a.kinds, e.in.Kind)
	if t == no {
		return no
	}
	if t = and(t, a.weapons.eval(e.in.Weapons)); t == no {
		return no
	}
	if t = and(t, a.targets.eval(e.in.Targets)); t == no {
		return no
	}
	return and(t, e.where(&a.where))
}

func kindTri(mask uint32, k truce.Kind) tri {
	if mask == 0 {
		return yes
	}
	for i, x := range truce.Kinds {
		if x == k {
			if mask&(1<<i) != 0 {
				return yes
			}
			return no
		}
	}
	return no
}

// verdictUnder gives the verdict when the window condition is t.
func (e *evaluation) verdictUnder(t tri) truce.VerdictValue {
	if e.excepted >= 0 || t == no {
		return truce.NoViolation
	}
	best := no
	for i := range e.c.rules {
		best = max(best, and(t, e.cond(i)))
	}
	switch best {
	case yes:
		return truce.Violation
	case maybe:
		return truce.Indeterminate
	}
	return truce.NoViolation
}

// ruleIDs returns the rules a verdict rests on, cited as agreement-format.md
// cites them ("easter-truce-2025 v1 rule 1"): those that surely apply to a
// violation, those that may apply to an indeterminate verdict, none for no
// violation.
func (e *evaluation) ruleIDs(v truce.VerdictValue, t tri) []string {
	want := yes
	switch v {
	case truce.NoViolation:
		return []string{}
	case truce.Indeterminate:
		want = maybe
	}
	out := []string{}
	for i := range e.c.rules {
		if and(t, e.cond(i)) == want {
			out = append(out, e.c.rules[i].cite)
		}
	}
	return out
}

// relation says where an incident's window [from, to] lies against the
// agreement's window.
type relation uint8

const (
	relInside relation = iota
	relBefore
	relAfter
	relStraddleStart
	relStraddleEnd
	relStraddleBoth
)

// relation answers the window condition: the agreement's window includes
// from and excludes to.
func (w *window) relation(from, to time.Time) (tri, relation) {
	if to.Before(w.from) {
		return no, relBefore
	}
	if w.bounded && !from.Before(w.to) {
		return no, relAfter
	}
	startIn := !from.Before(w.from)
	endIn := !w.bounded || to.Before(w.to)
	switch {
	case startIn && endIn:
		return yes, relInside
	case !startIn && !endIn:
		return maybe, relStraddleBoth
	case !startIn:
		return maybe, relStraddleStart
	}
	return maybe, relStraddleEnd
}
