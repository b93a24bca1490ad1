package agreement

import (
	"strconv"

	"github.com/truce-monitor/truce"
)

// appendUnsettled writes what the reports leave open for a rule that may
// apply: "whether it happened inside the window", "weapon given only as
// drone (the rule names drone.long_range)", …
func (e *evaluation) appendUnsettled(b []byte, r *rule, t tri) []byte {
	n := 0
	add := func(s string) {
		if n > 0 {
			b = append(b, ", "...)
		}
		b = append(b, s...)
		n++
	}
	if t == maybe {
		add("whether it happened inside the window")
	}
	if e.actor == truce.Unknown && r.unknown == maybe {
		add("who acted: the actor is unknown and the rule applies only to acts of " + e.appliesTo(r))
	}
	if r.acts.weapons.eval(e.in.Weapons) == maybe {
		add(unsettledClasses("weapon", &r.acts.weapons, e.in.Weapons))
	}
	if r.acts.targets.eval(e.in.Targets) == maybe {
		add(unsettledClasses("target", &r.acts.targets, e.in.Targets))
	}
	if w := &r.acts.where; e.where(w) == maybe {
		_, f := e.placeFacts(w)
		add(unsettledPlace(w, &e.in.Location, f))
	}
	return b
}

// appliesTo lists the parties whose acts a rule covers.
func (e *evaluation) appliesTo(r *rule) string {
	var ps []string
	for _, p := range e.c.parties {
		if r.actor[p] == yes {
			ps = append(ps, p)
		}
	}
	return andList(ps)
}

func unsettledClasses(what string, m *classMatcher, cs []truce.Claim) string {
	if len(cs) == 0 {
		return "the " + what + ": no " + what + " class is stated"
	}
	var parts []string
	for _, c := range cs {
		if m.class(c.Value) != maybe {
			continue
		}
		switch {
		case c.Value == truce.Unknown:
			parts = append(parts, what+" class unknown")
		case m.namesBelow(c.Value):
			parts = append(parts, what+" given only as "+c.Value+" (the rule names "+orList(inTaxonomyOrder(namedBelow(m, c.Value), m.ix.names))+")")
		default:
			parts = append(parts, what+" class '"+c.Value+"' is not in the taxonomy")
		}
	}
	return "the " + what + ": " + andList(parts)
}

func namedBelow(m *classMatcher, c string) []string {
	var out []string
	for _, x := range m.named {
		if truce.ClassCovers(c, x) && x != c {
			out = append(out, x)
		}
	}
	return out
}

func km(m float64) string {
	return strconv.FormatFloat(m/1000, 'f', 1, 64)
}

func unsettledPlace(w *whereMatcher, l *truce.Place, f placeFacts) string {
	switch {
	case w.form == inCountry:
		return "the place: its country is not stated"
	case f.noPoint:
		return "the place: it has no coordinates to place against zone " + w.zone
	case w.form == inside || w.form == outside:
		return "the place: its location, uncertain by " + km(l.UncertaintyM) + " km, may lie on either side of the boundary of zone " + w.zone + " (" + km(f.boundaryM) + " km away)"
	}
	return "the place: its distance to zone " + w.zone + " is between " + km(f.lowM) + " and " + km(f.highM) + " km"
}

// appendNotCovered writes the first condition of a rule that the incident
// surely fails, in the order kind, actor, weapon, target, place.
func (e *evaluation) appendNotCovered(b []byte, r *rule) []byte {
	in := e.in
	switch {
	case kindTri(r.acts.kinds, in.Kind) == no:
		return append(b, "it is "+article(kindSingular(in.Kind))...)
	case e.actorTri(r) == no && e.actor == truce.Unknown:
		return append(b, "no party it binds could be the actor"...)
	case e.actorTri(r) == no:
		return append(b, "it does not bind "+e.actor...)
	case r.acts.weapons.eval(in.Weapons) == no:
		b = append(b, "weapon "...)
		return append(appendClasses(b, in.Weapons), " not covered"...)
	case r.acts.targets.eval(in.Targets) == no:
		b = append(b, "target "...)
		return append(appendClasses(b, in.Targets), " not covered"...)
	}
	w := &r.acts.where
	_, f := e.placeFacts(w)
	switch w.form {
	case inCountry:
		return append(b, "it is in "+in.Location.Country...)
	case inside:
		return append(b, "it lies outside zone "+w.zone+", "+km(f.boundaryM)+" km from its boundary"...)
	case outside:
		return append(b, "it lies inside zone "+w.zone+", "+km(f.boundaryM)+" km from its boundary"...)
	case within, beyond:
		if f.in {
			return append(b, "it lies inside zone "+w.zone...)
		}
		return append(b, "it lies "+km(f.boundaryM)+" km from zone "+w.zone...)
	}
	return append(b, "it does not match"...) // every condition held: not reached
}
