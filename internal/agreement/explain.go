package agreement

import (
	"slices"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce"
)

// reasons writes what a person needs to check a verdict: the incident as
// evaluated and where its time lies against the window, then the rules
// (or the exception, the window or the party) the verdict rests on, then
// the actor, then the readings of a disputed window.
func (e *evaluation) reasons(v truce.Verdict, t tri, rel relation) []string {
	c := e.c
	b := make([]byte, 0, 512)
	b = e.appendSharedDescription(b)
	b = append(b, ", "...)
	b = appendRelation(b, rel, "window ")
	b = append(b, c.main.text...)
	if v.Verdict == truce.NoViolation && len(v.Readings) == 0 { // the common case: one reason
		return []string{string(e.appendNoViolation(b, t))}
	}
	out := make([]string, 0, 2+len(v.Readings))
	switch v.Verdict {
	case truce.Violation:
		for i := range e.c.rules {
			if and(t, e.cond(i)) == yes {
				b = append(append(b, "; "...), c.rules[i].text...)
			}
		}
		out = append(out, string(b), e.actorReason())
		out = e.appendMaybeExceptions(out)
	case truce.Indeterminate:
		for i := range e.c.rules {
			if and(t, e.cond(i)) == maybe {
				b = append(append(b, "; "...), c.rules[i].text...)
				b = append(b, ", and the reports do not settle "...)
				b = e.appendUnsettled(b, &c.rules[i], t)
			}
		}
		out = append(out, string(b))
		if e.actor != truce.Unknown {
			out = append(out, e.actorReason())
		}
		out = e.appendMaybeExceptions(out)
	default:
		out = append(out, string(e.appendNoViolation(b, t)))
	}
	for _, r := range v.Readings {
		out = append(out, e.readingReason(r))
	}
	return out
}

// appendSharedDescription writes the description, taking it from (and
// leaving it in) the cache of an EvaluateAll call.
func (e *evaluation) appendSharedDescription(b []byte) []byte {
	if e.dc == nil {
		return e.appendDescription(b)
	}
	_, off1 := e.from.In(e.c.loc).Zone()
	_, off2 := e.to.In(e.c.loc).Zone()
	key := [2]int{off1, off2}
	if d, ok := e.dc.get(key); ok {
		return append(b, d...)
	}
	start := len(b)
	b = e.appendDescription(b)
	e.dc.put(key, string(b[start:]))
	return b
}

// appendDescription writes the incident as evaluated: "strike with
// ballistic_missile on residential target in Dnipropetrovsk at
// 2025-04-20T07:10+03:00".
func (e *evaluation) appendDescription(b []byte) []byte {
	in := e.in
	if in.Aggregate {
		b = append(b, "aggregate tally: "...)
	}
	b = append(b, kindSingular(in.Kind)...)
	if len(in.Weapons) > 0 {
		b = append(b, " with "...)
		b = appendClasses(b, in.Weapons)
		if len(in.Weapons) == 1 && in.Weapons[0].Value == truce.Unknown {
			b = append(b, " weapon"...)
		}
	}
	if len(in.Targets) > 0 {
		b = append(b, " on "...)
		b = appendClasses(b, in.Targets)
		if len(in.Targets) == 1 {
			b = append(b, " target"...)
		} else {
			b = append(b, " targets"...)
		}
	}
	b = appendPlace(b, &in.Location)
	if e.from.Equal(e.to) {
		b = append(b, " at "...)
		b = appendTime(b, e.from.In(e.c.loc))
	} else {
		b = append(b, " between "...)
		b = appendTime(b, e.from.In(e.c.loc))
		b = append(b, " and "...)
		b = appendTime(b, e.to.In(e.c.loc))
	}
	return b
}

func kindSingular(k truce.Kind) string {
	switch k {
	case truce.KindGroundAssault:
		return "ground assault"
	case truce.KindAirspaceViolation:
		return "airspace violation"
	case truce.KindWeaponsMovement:
		return "weapons movement"
	case truce.KindOther:
		return "act of kind other"
	}
	return string(k)
}

func article(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// appendClasses writes the distinct classes of claims, sorted, so the
// order of the sources does not change the text.
func appendClasses(b []byte, cs []truce.Claim) []byte {
	switch {
	case len(cs) == 1:
		return append(b, cs[0].Value...)
	case len(cs) == 2 && cs[0].Value == cs[1].Value:
		return append(b, cs[0].Value...)
	case len(cs) == 2:
		x, y := cs[0].Value, cs[1].Value
		if y < x {
			x, y = y, x
		}
		return append(append(append(b, x...), ", "...), y...)
	}
	var small [8]string
	vals := small[:0]
	for _, c := range cs {
		if !slices.Contains(vals, c.Value) {
			vals = append(vals, c.Value)
		}
	}
	slices.Sort(vals)
	for i, v := range vals {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, v...)
	}
	return b
}

func appendPlace(b []byte, l *truce.Place) []byte {
	switch {
	case l.Place != "" && l.Admin1 != "" && l.Place != l.Admin1:
		b = append(append(append(append(b, " in "...), l.Place...), ", "...), l.Admin1...)
	case l.Place != "":
		b = append(append(b, " in "...), l.Place...)
	case l.Admin1 != "":
		b = append(append(b, " in "...), l.Admin1...)
	case l.Country != "":
		b = append(append(b, " in "...), l.Country...)
	}
	if l.Place == "" && l.Admin1 == "" && hasPoint(l) {
		b = append(b, " ("...)
		b = strconv.AppendFloat(b, l.Lat, 'f', 4, 64)
		b = append(b, ", "...)
		b = strconv.AppendFloat(b, l.Lon, 'f', 4, 64)
		b = append(b, ')')
	}
	return b
}

func appendRelation(b []byte, rel relation, what string) []byte {
	switch rel {
	case relInside:
		b = append(b, "inside "...)
	case relBefore, relAfter:
		b = append(b, "outside "...)
	case relStraddleStart:
		b = append(b, "straddling the start of "...)
	case relStraddleEnd:
		b = append(b, "straddling the end of "...)
	default:
		b = append(b, "straddling both ends of "...)
	}
	return append(b, what...)
}

// actorReason says who is held responsible and why they are bound.
func (e *evaluation) actorReason() string {
	if s, ok := e.c.actorReasons[e.actor]; ok {
		return s
	}
	return "attributed to " + e.actor + ", bound by " + e.c.Agreement.ID
}

// actorReasons writes the actor reasons of an agreement once.
func actorReasons(c *Compiled) map[string]string {
	id := c.Agreement.ID
	m := map[string]string{}
	if len(c.bound) == len(c.parties) {
		m[truce.Unknown] = "actor unknown; every party (" + c.declarers + ") is bound by " + id + ", so the violation is unattributed"
	} else {
		m[truce.Unknown] = "actor unknown; only " + c.declarers + " " + isAre(len(c.bound)) + " bound by " + id
	}
	for _, p := range c.bound {
		m[p] = "attributed to " + p + ", bound by " + id
	}
	return m
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// appendMaybeExceptions notes the exceptions that may apply but are not
// established by the reports.
func (e *evaluation) appendMaybeExceptions(out []string) []string {
	for i := range e.c.exceptions {
		x := &e.c.exceptions[i]
		if e.acts(&x.acts) == maybe {
			out = append(out, "exception "+x.id+" might apply ("+x.text+") but the reports do not establish it")
		}
	}
	return out
}

// appendNoViolation writes why no rule is broken: the exception, the
// window, the actor's standing, or for each rule what it does not cover.
func (e *evaluation) appendNoViolation(b []byte, t tri) []byte {
	c := e.c
	a := c.Agreement
	switch {
	case t == no:
		return b
	case e.excepted >= 0:
		x := &c.exceptions[e.excepted]
		return append(b, "; exception "+x.id+" applies: "+x.text...)
	case e.actor != truce.Unknown && !a.IsParty(e.actor):
		return append(b, "; "+e.actor+" is not a party to "+a.ID+" (parties: "+andList(c.parties)+")"...)
	case e.actor != truce.Unknown && !a.Bound(e.actor):
		return append(b, "; "+e.actor+" is not bound: "+a.ID+" was declared by "+c.declarers+" only"...)
	}
	if len(c.rules) == 0 {
		return append(b, "; the agreement has no rules"...)
	}
	for i := range c.rules {
		r := &c.rules[i]
		b = append(append(b, "; "...), r.text...)
		b = append(b, ", which does not cover it: "...)
		b = e.appendNotCovered(b, r)
	}
	return b
}

// readingReason explains the verdict under a party's reading of the window.
func (e *evaluation) readingReason(r truce.Reading) string {
	for i := range e.c.readings {
		w := &e.c.readings[i]
		if w.party != r.Party {
			continue
		}
		t, rel := w.relation(e.from, e.to)
		if e.verdictUnder(t) != r.Verdict {
			continue
		}
		b := []byte("under " + w.party + "'s reading of the window (" + w.text + ") it is " + string(r.Verdict) + ": ")
		return string(appendRelation(b, rel, "that window"))
	}
	return "under " + r.Party + "'s reading of the window it is " + string(r.Verdict)
}
