package agreement

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// tri is a three-valued truth: whether a condition holds, does not hold,
// or cannot be told from the reports. It orders no < maybe < yes, so AND is
// the minimum and OR the maximum (Kleene's logic).
type tri uint8

const (
	no tri = iota
	maybe
	yes
)

func and(a, b tri) tri { return min(a, b) }

// Compiled is an agreement made ready for evaluation: zones indexed,
// windows and class tables worked out, rules and exceptions sorted by id
// (so the order of the document does not change a verdict), and the texts
// of reasons prepared. It is read-only and safe for concurrent use.
type Compiled struct {
	Agreement *truce.Agreement

	loc          *time.Location // times in reasons are shown in it
	main         window
	readings     []window
	rules        []rule
	exceptions   []exception
	bound        []string          // parties bound by the agreement, sorted
	actorReasons map[string]string // by actor: who is held responsible and why
	parties      []string          // every party, sorted
	declarers    string            // "RU" or "RU and UA", for reasons
}

// window is one reading of when the agreement is in force.
type window struct {
	party    string // "" for the agreement's own window
	from, to time.Time
	bounded  bool
	text     string // "2025-04-19T18:00+03:00 to 2025-04-21T00:00+03:00"
}

// acts is a compiled Acts: the conditions shared by rules and exceptions.
type acts struct {
	kinds   uint32 // bit i set: truce.Kinds[i] covered; 0 = any kind
	weapons classMatcher
	targets classMatcher
	where   whereMatcher
}

type rule struct {
	id   string
	cite string // "easter-truce-2025 v1 rule 1", as verdicts cite it
	acts acts
	// actor[p] is whether the rule applies to the acts of party p (bound
	// by the agreement and named in by); unknown is for an unknown actor.
	actor   map[string]tri
	unknown tri
	binds   string // "RU", the parties of by when it narrows them
	text    string // "rule 1 prohibits strikes by any weapon"
}

type exception struct {
	id   string
	acts acts
	text string // the English text, or a description of what it matches
}

// Compile prepares a parsed agreement for Evaluate. It fails only on a zone
// whose GeoJSON does not parse, which Parse has already ruled out.
func Compile(a *truce.Agreement) (*Compiled, error) {
	c := &Compiled{Agreement: a, loc: docLocation(a)}
	c.main = c.window("", nil)
	for i := range a.InForce.Disputed {
		d := &a.InForce.Disputed[i]
		c.readings = append(c.readings, c.window(d.Party, d))
	}
	slices.SortStableFunc(c.readings, func(x, y window) int { return strings.Compare(x.party, y.party) })
	zones := map[string]*zone{}
	for name, z := range a.Zones {
		built, err := buildZone(z.GeoJSON)
		if err != nil {
			return nil, fmt.Errorf("agreement %s: zone %s: %w", a.ID, name, err)
		}
		built.field = newDistField(built.bounds)
		zones[name] = built
	}
	c.bound = slices.Sorted(slices.Values(a.BoundParties()))
	c.parties = slices.Sorted(slices.Values(a.Parties))
	c.declarers = andList(c.bound)
	c.actorReasons = actorReasons(c)
	for i := range a.Rules {
		r, err := c.rule(&a.Rules[i], zones)
		if err != nil {
			return nil, err
		}
		c.rules = append(c.rules, r)
	}
	slices.SortStableFunc(c.rules, func(x, y rule) int { return compareIDs(x.id, y.id) })
	for i := range a.Exceptions {
		e := &a.Exceptions[i]
		ca, err := compileActs(&e.Matches, zones)
		if err != nil {
			return nil, fmt.Errorf("agreement %s: exception %s: %w", a.ID, e.ID, err)
		}
		text := e.Text.Get("en")
		if text == "" {
			text = "it matches " + actsText(&e.Matches)
		}
		c.exceptions = append(c.exceptions, exception{id: e.ID, acts: ca, text: text})
	}
	slices.SortStableFunc(c.exceptions, func(x, y exception) int { return compareIDs(x.id, y.id) })
	return c, nil
}

// docLocation is where the document's times are shown: its timezone, else
// the zone its start was written in.
func docLocation(a *truce.Agreement) *time.Location {
	if a.Timezone != "" {
		if loc, err := time.LoadLocation(a.Timezone); err == nil {
			return loc
		}
	}
	if loc := a.InForce.From.Location(); loc != nil {
		return loc
	}
	return time.UTC
}

func (c *Compiled) window(party string, d *truce.DisputedWindow) window {
	from, to, bounded := c.Agreement.InForce.Window(d)
	w := window{party: party, from: from, to: to, bounded: bounded}
	b := appendTime(nil, from.In(c.loc))
	if bounded {
		b = append(b, " to "...)
		b = appendTime(b, to.In(c.loc))
	} else {
		b = append(b, ", open-ended"...)
	}
	w.text = string(b)
	return w
}

func (c *Compiled) rule(r *truce.Rule, zones map[string]*zone) (rule, error) {
	a := c.Agreement
	ca, err := compileActs(&r.Prohibits, zones)
	if err != nil {
		return rule{}, fmt.Errorf("agreement %s: rule %s: %w", a.ID, r.ID, err)
	}
	out := rule{id: r.ID, cite: a.Cite(r.ID), acts: ca, actor: map[string]tri{}}
	applies := 0
	for _, p := range a.Parties {
		if a.Bound(p) && r.Binds(p) {
			out.actor[p] = yes
			applies++
		}
	}
	switch {
	case applies == len(a.Parties):
		out.unknown = yes
	case applies > 0:
		out.unknown = maybe
	}
	if len(r.By) > 0 && len(r.By) < len(a.Parties) {
		out.binds = andList(slices.Sorted(slices.Values(r.By)))
	}
	text := "rule " + r.ID + " prohibits " + actsText(&r.Prohibits)
	if out.binds != "" {
		text += ", for acts of " + out.binds
	}
	out.text = text
	return out, nil
}

func compileActs(a *truce.Acts, zones map[string]*zone) (acts, error) {
	var out acts
	for _, k := range a.Kinds {
		i := slices.Index(truce.Kinds, k)
		if i < 0 {
			return out, fmt.Errorf("unknown kind %q", k)
		}
		out.kinds |= 1 << i
	}
	out.weapons = newClassMatcher(a.Weapons, weaponIndex)
	out.targets = newClassMatcher(a.Targets, targetIndex)
	w, err := compileWhere(a.Where, zones)
	if err != nil {
		return out, err
	}
	out.where = w
	return out, nil
}

// compareIDs orders ids numerically where both are numbers ("2" before
// "10"), else as text.
func compareIDs(a, b string) int {
	na, ea := strconv.Atoi(a)
	nb, eb := strconv.Atoi(b)
	switch {
	case ea == nil && eb == nil:
		return na - nb
	case ea == nil:
		return -1
	case eb == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// andList renders ["RU", "UA"] as "RU and UA".
func andList(xs []string) string { return joinWith(xs, ", ", " and ") }

// orList renders ["a", "b", "c"] as "a, b or c".
func orList(xs []string) string { return joinWith(xs, ", ", " or ") }

func joinWith(xs []string, sep, last string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], sep) + last + xs[len(xs)-1]
}

// kindPlural names acts of each kind in rule texts.
var kindPlural = map[truce.Kind]string{
	truce.KindStrike:            "strikes",
	truce.KindGroundAssault:     "ground assaults",
	truce.KindExplosion:         "explosions",
	truce.KindAirspaceViolation: "airspace violations",
	truce.KindWeaponsMovement:   "weapons movements",
	truce.KindOther:             "other acts",
}

// actsText describes what an Acts covers: "strikes on energy targets by any
// weapon", "strikes by ballistic_missile or cruise_missile more than 30 km
// from zone occupied". Lists are in the taxonomy's order, whatever the
// document's.
func actsText(a *truce.Acts) string {
	var b strings.Builder
	if len(a.Kinds) == 0 {
		b.WriteString("acts of any kind")
	} else {
		var names []string
		for _, k := range truce.Kinds {
			if slices.Contains(a.Kinds, k) {
				names = append(names, kindPlural[k])
			}
		}
		b.WriteString(andList(names))
	}
	if !a.Targets.Any() {
		b.WriteString(" on ")
		b.WriteString(orList(inTaxonomyOrder(a.Targets, truce.TargetClasses)))
		b.WriteString(" targets")
	}
	switch {
	case a.Weapons.Any() && (len(a.Kinds) == 0 || slices.Contains(a.Kinds, truce.KindStrike)):
		b.WriteString(" by any weapon")
	case a.Weapons.Any():
	default:
		b.WriteString(" by ")
		b.WriteString(orList(inTaxonomyOrder(a.Weapons, truce.WeaponClasses)))
	}
	if !a.Where.Anywhere() {
		b.WriteString(" ")
		b.WriteString(whereText(a.Where))
	}
	return b.String()
}

func whereText(w truce.Where) string {
	km := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch {
	case w.Inside != "":
		return "inside zone " + w.Inside
	case w.Outside != "":
		return "outside zone " + w.Outside
	case w.WithinKm > 0:
		return "within " + km(w.WithinKm) + " km of zone " + w.Of
	case w.BeyondKm > 0:
		return "more than " + km(w.BeyondKm) + " km from zone " + w.Of
	case len(w.Country) > 0:
		return "in " + orList(slices.Sorted(slices.Values(w.Country)))
	}
	return "anywhere"
}

// inTaxonomyOrder returns the classes of set in the order of taxonomy.
func inTaxonomyOrder(set truce.ClassSet, taxonomy []string) []string {
	var out []string
	for _, c := range taxonomy {
		if slices.Contains(set, c) {
			out = append(out, c)
		}
	}
	return out
}
