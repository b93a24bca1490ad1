package fusion

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// Explanations are bounded: an incident explains at most maxExplained
// joins and maxNotJoined rejections, each one line.
const maxExplained = 8

// location returns the most precise location the members allow: the
// tightest disc among located members (which lies within the others'
// discs when they agree, and so is their intersection), else the region
// or country they name, with why.
func (e *Engine) location(ms []*member) truce.Place {
	var best *member
	for _, m := range ms {
		if m.disc && (best == nil || m.unc < best.unc) {
			best = m
		}
	}
	if best == nil {
		for _, m := range ms {
			if best == nil || m.prec > best.prec {
				best = m
			}
		}
	}
	p := truce.Place{
		Lat: best.lat, Lon: best.lon, UncertaintyM: float64(best.unc),
		Admin1: e.syms.str(best.admin1), Country: e.syms.str(best.country),
		Precision: best.prec.String(),
	}
	for _, m := range ms {
		if p.Admin1 == "" && m.admin1 != 0 && (m.prec >= precAdmin1) {
			p.Admin1 = e.syms.str(m.admin1)
		}
		if p.Country == "" && m.country != 0 {
			p.Country = e.syms.str(m.country)
		}
	}
	names := e.placeNames(ms, best)
	if len(names) > 0 {
		p.Place = names[0]
	}
	p.Why = e.locationWhy(ms, best, names)
	return p
}

// placeNames returns the distinct names members give the place of best:
// its own, those of members naming the same gazetteer entry, and for a
// point, those of settlements whose disc holds it.
func (e *Engine) placeNames(ms []*member, best *member) []string {
	var names []string
	for _, m := range ms {
		if m.place == 0 || len(names) == 3 {
			continue
		}
		same := m == best || (best.entry != 0 && m.entry == best.entry)
		holds := best.entry == 0 && m.entry != 0 && m.disc && best.disc &&
			distanceM(m.lat, m.lon, best.lat, best.lon) <= float64(m.unc)
		if same || holds {
			names = appendOnce(names, e.syms.str(m.place))
		}
	}
	return names
}

func (e *Engine) locationWhy(ms []*member, best *member, names []string) string {
	var b strings.Builder
	switch {
	case best.disc:
		n := 0
		for _, m := range ms {
			if m.disc {
				n++
			}
		}
		fmt.Fprintf(&b, "the most precise of %d located reports: %s (%s), ±%s", n, best.id, best.src.name, metres(float64(best.unc)))
		if len(names) > 1 {
			fmt.Fprintf(&b, "; named %s", strings.Join(names, " / "))
		}
		var off []string
		for _, m := range ms {
			if m.disc && m != best {
				d := distanceM(best.lat, best.lon, m.lat, m.lon)
				if d > float64(best.unc+m.unc) {
					off = append(off, fmt.Sprintf("%s lies %s away", m.id, metres(d)))
				}
			}
		}
		if len(off) > 0 {
			fmt.Fprintf(&b, "; discs do not all overlap (%s)", strings.Join(off[:min(len(off), 3)], ", "))
		} else if n > 1 {
			b.WriteString("; within the discs of the others")
		}
	case best.prec == precAdmin1:
		fmt.Fprintf(&b, "no report places it more precisely than the region %s", e.syms.str(best.admin1))
	default:
		fmt.Fprintf(&b, "no report places it more precisely than the country %s", e.syms.str(best.country))
	}
	return b.String()
}

// explain says why the members were joined, bounded in size.
func (e *Engine) explain(in *incident, ms []*member, chains []*chain) []string {
	var out []string
	var names []string
	for _, c := range chains {
		names = append(names, c.name)
	}
	out = append(out, fmt.Sprintf("%d report(s) from %d independent source chain(s): %s",
		len(ms), len(chains), strings.Join(names[:min(len(names), 6)], ", ")+more(len(names)-6)))
	s := &in.sum
	if from, to, ok := s.window(); !ok {
		out = append(out, fmt.Sprintf("member windows do not intersect (they disagree by %s, within the %s tolerance): the window %s is their union",
			duration(s.maxFrom-s.minTo), duration(e.tol.time), timeRange(from, to)))
	} else if len(ms) > 1 {
		out = append(out, "window "+timeRange(from, to)+": the intersection of the members' windows")
	}
	for i, m := range ms[1:] {
		if i == maxExplained {
			out = append(out, fmt.Sprintf("… and %d more report(s) joined by the same rules", len(ms)-1-maxExplained))
			break
		}
		ref := e.nearest(ms[:i+1], m)
		out = append(out, fmt.Sprintf("%s (%s) joined %s (%s): %s; %s; %s", m.id, m.src.name, ref.id, ref.src.name,
			e.placeRelation(m, ref), timeRelation(m, ref), weaponRelation(m, ref)))
	}
	return out
}

func more(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" and %d more", n)
}

// nearest returns the earlier member that m fits best: the nearest disc,
// else the first.
func (e *Engine) nearest(earlier []*member, m *member) *member {
	ref := earlier[0]
	if !m.disc {
		return ref
	}
	bestGap := math.Inf(1)
	for _, o := range earlier[:min(len(earlier), 64)] {
		if o.disc {
			if g := distanceM(o.lat, o.lon, m.lat, m.lon) - float64(o.unc+m.unc); g < bestGap {
				ref, bestGap = o, g
			}
		}
	}
	return ref
}

// placeRelation says how two members' places agree.
func (e *Engine) placeRelation(m, o *member) string {
	switch {
	case m.entry != 0 && m.entry == o.entry:
		n1, n2 := e.syms.str(m.place), e.syms.str(o.place)
		names := n1
		if n2 != "" && n2 != n1 {
			names = n2 + " / " + n1
		}
		return fmt.Sprintf("same place %s (%s)", names, strings.TrimPrefix(e.syms.str(m.entry), "name:"))
	case m.disc && o.disc:
		d := distanceM(m.lat, m.lon, o.lat, o.lon)
		return fmt.Sprintf("%s apart, within %s (their uncertainties plus the tolerance)", metres(d), metres(float64(m.unc+o.unc)+e.tolDist()))
	case m.prec == o.prec && m.prec == precAdmin1 && m.admin1 == o.admin1:
		return "same region " + e.syms.str(m.admin1)
	case m.prec == o.prec && m.prec == precCountry && m.country == o.country:
		return "same country " + e.syms.str(m.country)
	case m.prec == precAdmin1 || o.prec == precAdmin1:
		region, inner := m, o
		if o.prec == precAdmin1 && m.prec != precAdmin1 {
			region, inner = o, m
		}
		return fmt.Sprintf("region %s holds %s", e.syms.str(region.admin1), e.placeLabel(inner))
	default:
		return fmt.Sprintf("country %s holds %s", e.syms.str(max(m.country, o.country)), e.placeLabel(o))
	}
}

func (e *Engine) tolDist() float64 { return e.tol.dist }

// placeLabel names a member's place for an explanation.
func (e *Engine) placeLabel(m *member) string {
	switch {
	case m.place != 0:
		return e.syms.str(m.place)
	case m.disc:
		return fmt.Sprintf("%.4f,%.4f", m.lat, m.lon)
	case m.admin1 != 0:
		return e.syms.str(m.admin1)
	}
	return e.syms.str(m.country)
}

func timeRelation(m, o *member) string {
	lo, hi := max(m.from, o.from), min(m.to, o.to)
	if lo <= hi {
		return "windows overlap " + timeRange(lo, hi)
	}
	return "windows " + duration(lo-hi) + " apart, within the tolerance"
}

func weaponRelation(m, o *member) string {
	a, b := m.weapons, o.weapons
	var s string
	switch {
	case a == 0 && b == 0:
		s = "no weapon named"
	case a == 0 || b == 0:
		s = "weapon named by one only (" + strings.Join(weaponList(a|b), ", ") + ")"
	case a == b:
		s = "weapons agree (" + strings.Join(weaponList(a), ", ") + ")"
	default:
		s = "weapons agree (" + strings.Join(weaponList(a), ", ") + " on one path with " + strings.Join(weaponList(b), ", ") + ")"
	}
	if m.kind != o.kind {
		s += "; " + string(kindList(m.kind)[0]) + " agrees with " + string(kindList(o.kind)[0])
	}
	return s
}

// notJoined explains the close candidates that reports were not joined with.
func (e *Engine) notJoined(in *incident) []string {
	out := append([]string(nil), in.notes...)
	for _, r := range in.notJoined {
		if len(out) >= maxNotJoined {
			break
		}
		o := r.other.live()
		if o == in {
			continue
		}
		out = append(out, fmt.Sprintf("%s not joined with %s: %s", r.m.id, o.id, e.conflictText(r.c, o, r.m)))
	}
	return out
}

// conflictText says why m could not join the incident o.
func (e *Engine) conflictText(c conflict, o *incident, m *member) string {
	switch c.why {
	case rTime:
		return fmt.Sprintf("windows %s apart (tolerance %s)", duration(int64(c.val)), duration(int64(c.lim)))
	case rSameDocument:
		doc := e.syms.str(c.a)
		return fmt.Sprintf("one publication (%s) lists them as separate events", doc[strings.IndexByte(doc, 0)+1:])
	case rSameSource:
		return fmt.Sprintf("the same source (%s) gives windows that do not overlap: two events", m.src.name)
	case rKind:
		return fmt.Sprintf("kinds contradict: %s vs %s", kindText(uint8(c.k1)), kindText(uint8(c.k2)))
	case rWeapons:
		return fmt.Sprintf("weapons contradict: %s vs %s", strings.Join(weaponList(c.k1), ", "), strings.Join(weaponList(c.k2), ", "))
	case rCountry:
		return fmt.Sprintf("different countries %s vs %s", e.syms.str(c.a), e.syms.str(c.b))
	case rSettlement:
		return fmt.Sprintf("different settlements %s vs %s", e.entryName(o, c.a), e.entryName(m.inc, c.b))
	case rRegion:
		if c.a != 0 && c.b != 0 {
			return fmt.Sprintf("different regions %s vs %s", e.syms.str(c.a), e.syms.str(c.b))
		}
		return fmt.Sprintf("outside the region (%s from it, allowed %s)", metres(c.val), metres(c.lim))
	case rDistance:
		if c.lim == 0 {
			return "no located report links their places"
		}
		return fmt.Sprintf("%s apart, more than the %s allowed", metres(c.val), metres(c.lim))
	case rTallyArea:
		return "tallies over different kinds of area"
	case rTallyActor:
		return fmt.Sprintf("tallies attribute to %s vs %s", e.syms.str(c.a), e.syms.str(c.b))
	case rTallyCount:
		return fmt.Sprintf("tallies count %s %d vs %d", [3]string{"launched", "intercepted", "hit"}[c.k1], int(c.val), int(c.lim))
	case rApart:
		return "kept apart by an analyst's split"
	case rJudged:
		return "already judged in the follow-up (status past under review): only an analyst may merge it"
	}
	return "not the same event"
}

func kindText(mask uint8) string {
	var s []string
	for _, k := range kindList(mask) {
		s = append(s, string(k))
	}
	return strings.Join(s, "+")
}

// entryName returns a name members of in give the gazetteer entry x.
func (e *Engine) entryName(in *incident, x sym) string {
	if in != nil {
		for _, m := range in.members[:min(len(in.members), 64)] {
			if m.entry == x && m.place != 0 {
				return e.syms.str(m.place)
			}
		}
	}
	return strings.TrimPrefix(e.syms.str(x), "name:")
}

// timeRange formats a window in UTC, compactly.
func timeRange(from, to int64) string {
	a, b := nsTime(from), nsTime(to)
	switch {
	case from == to:
		return a.Format("2006-01-02 15:04 UTC")
	case a.Format("20060102") == b.Format("20060102"):
		return a.Format("2006-01-02 15:04") + "–" + b.Format("15:04 UTC")
	}
	return a.Format("2006-01-02 15:04") + " – " + b.Format("2006-01-02 15:04 UTC")
}

// duration formats a gap for people: "2 days" (rounded from 36 h up),
// "5 h 12 min", "40 s".
func duration(ns int64) string {
	d := time.Duration(ns)
	switch {
	case d >= 36*time.Hour:
		return fmt.Sprintf("%d days", int(math.Round(d.Hours()/24)))
	case d >= time.Hour:
		h, m := int(d.Hours()), int(d.Minutes())%60
		if m == 0 {
			return fmt.Sprintf("%d h", h)
		}
		return fmt.Sprintf("%d h %d min", h, m)
	case d >= time.Minute:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	}
	return fmt.Sprintf("%d s", int(d.Seconds()))
}

// metres formats a distance: "375 m", "12.3 km".
func metres(m float64) string {
	if m < 1000 {
		return fmt.Sprintf("%.0f m", m)
	}
	return fmt.Sprintf("%.1f km", m/1000)
}
