package extract

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/truce-monitor/truce"
)

type weaponT = truce.Weapon

// tally reads an aggregate: how many weapons were launched and how many
// intercepted ("Russia launched 120 drones, 97 were shot down"), and
// whether the sentence speaks of many places or a whole night.
func (v *sview) tally(m *mention, nums []number) {
	launchedWord := v.has(kLaunch) || m.trigger >= 0
	counted, sum := 0, 0
	for _, w := range m.weapons {
		if w.Count != nil && launchedWord && (m.counts.Launched == nil || *w.Count > *m.counts.Launched) {
			m.counts.Launched = intp(*w.Count)
		}
		if w.Count != nil {
			counted++
			sum += *w.Count
		}
	}
	if counted >= 2 && launchedWord {
		m.counts.Launched = intp(sum) // "eight artillery shells, three mortar shells"
	}
	v.each(kIntercept, func(h hit, t term) {
		if m.counts.Intercepted != nil {
			return
		}
		if n, ok := v.figureNear(int(h.t0), int(h.t1), nums); ok {
			m.counts.Intercepted = intp(n)
		}
	})
	if c := m.counts; c.Launched != nil && c.Intercepted != nil && *c.Intercepted > *c.Launched {
		m.counts.Launched, m.counts.Intercepted = c.Intercepted, c.Launched
	}
	m.aggCue = v.aggCue() || v.countedPlaces(nums)
	m.agg = m.aggCue || m.counts.Intercepted != nil || m.counts.Launched != nil && (*m.counts.Launched >= 10 || counted >= 2)
	if len(m.places) == 0 {
		m.country = v.aggCountry(m)
	}
}

// aggCue reports whether the sentence speaks of many places or a whole
// night. "Dozens of" and the like count only before something that can be
// attacked or fired, not before a measure ("hundreds of kilometres"); a
// plural region word counts only when the regions are not named one by
// one ("in the regions of Chernihiv and Lviv" is two places).
func (v *sview) aggCue() bool {
	found := false
	v.each(kAggCue, func(h hit, t term) {
		i, j := int(h.t0), int(h.t1)
		switch {
		case found:
		case v.word(j-1, "of") && j < v.to && (notCountAfter[v.d.tokText(j)] || v.word(j, "thousands", "millions")):
		case v.covered(i, kRegionWord) && (v.word(j, "of") && (v.covered(j+1, kPlace) || v.covered(j+2, kPlace)) || v.covered(i-1, kPlace)):
		default:
			found = true
		}
	})
	return found
}

// pluralPlaces are nouns that, after a number, make a tally over places.
var pluralPlaces = map[string]bool{
	"towns": true, "villages": true, "settlements": true, "communities": true, "cities": true,
	"localities": true, "regions": true, "oblasts": true, "districts": true, "населених": true,
	"громад": true, "населенных": true, "сіл": true, "сел": true, "міст": true, "городов": true,
	"stations": true, "facilities": true, "sites": true, "targets": true, "objects": true,
}

// countedPlaces reports whether a number counts places: "20 towns".
func (v *sview) countedPlaces(nums []number) bool {
	for _, n := range nums {
		for k := n.t1; n.val > 1 && k < v.to && k <= n.t1+1; k++ {
			if pluralPlaces[v.d.tokText(k)] {
				return true // "20 towns", "five railway stations"
			}
		}
	}
	return false
}

// figureNear finds the number of an interception: before it ("97 were
// shot down", "97 of them were destroyed") or after it ("shot down 97").
func (v *sview) figureNear(i, j int, nums []number) (int, bool) {
	for _, n := range nums {
		if n.t1 <= i && n.t1 >= i-5 && !v.hasPunctBetween(n.t1, i) {
			return n.val, true
		}
	}
	for _, n := range nums {
		if n.t0 >= j && n.t0 <= j+3 {
			return n.val, true
		}
	}
	return 0, false
}

func (v *sview) hasPunctBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if v.d.toks[k].kind == tPunct {
			return true
		}
	}
	return false
}

// aggCountry says where a tally with no region happened: a country after
// a locative ("across Ukraine"), else the other side of the attacker.
func (v *sview) aggCountry(m *mention) string {
	c := ""
	v.each(kCountry, func(h hit, t term) {
		if c != "" || t.val != "UA" && t.val != "RU" {
			return
		}
		if v.locativeBefore(int(h.t0)) {
			c = t.val
		}
	})
	switch {
	case c != "":
	case m.attacker != "":
		c = other(m.attacker)
	case m.claimBy != "":
		c = m.claimBy // a side's own toll
	case v.word(v.from, "across", "nationwide") || v.has(kAggCue) && v.lang == "uk":
		c = "UA"
	}
	return c
}

// geoModifiers may stand between a locative and a country or place:
// "in eastern Ukraine", "across the south and east of".
var geoModifiers = map[string]bool{
	"the": true, "eastern": true, "western": true, "southern": true, "northern": true, "central": true,
	"north": true, "south": true, "east": true, "west": true, "and": true, "all": true, "of": true,
	"parts": true, "part": true, "occupied": true, "held": true, "controlled": true, "frontline": true,
}

// locativeBefore reports whether a locative stands before token i, at
// most three modifiers away.
func (v *sview) locativeBefore(i int) bool {
	for k := i - 1; k >= v.from && k >= i-4; k-- {
		w := v.d.tokText(k)
		if locatives[w] {
			return true
		}
		if !geoModifiers[w] {
			return false
		}
	}
	return false
}

func mergeCounts(c *truce.Counts, o truce.Counts) {
	if o.Launched != nil {
		c.Launched = o.Launched
	}
	if o.Intercepted != nil {
		c.Intercepted = o.Intercepted
	}
	if o.Hit != nil {
		c.Hit = o.Hit
	}
}

// detectLanguage tells English, Ukrainian and Russian apart by their
// letters: Ukrainian і ї є ґ, Russian ы э ъ ё.
func detectLanguage(d *doc) string {
	var latin, cyr, uk, ru int
	text := d.text
	if len(text) > 8192 {
		text = text[:8192]
	}
	for _, r := range text {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			latin++
		case r >= 0x400 && r <= 0x4ff:
			cyr++
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				uk++
			case 'ы', 'э', 'ъ', 'ё', 'Ы', 'Э', 'Ъ', 'Ё':
				ru++
			}
		}
	}
	switch {
	case cyr <= latin:
		return "en"
	case uk > ru:
		return "uk"
	default:
		return "ru" // Ukrainian is hardly written without і, ї or є
	}
}

// reports turns the events into reports in the order the text told them.
func (a *assembler) reports() []truce.Report {
	out := make([]truce.Report, 0, len(a.events))
	for i, ev := range a.events {
		out = append(out, a.report(i, ev))
	}
	return out
}

// report builds one report. Unknown fields: claim (true when the act is
// told as a party's claim), claimed_by, denied_by, and extract.rule.
func (a *assembler) report(i int, ev *event) truce.Report {
	m := &ev.m
	r := truce.Report{
		Source:       truce.Source{Type: truce.SourceNews, Name: a.o.Source},
		Kind:         truce.KindStrike,
		Occurred:     truce.Window{From: m.when.from, To: m.when.to},
		Location:     truce.Location{Place: ev.place.name, Admin1: ev.place.admin1, Country: ev.place.country},
		Weapons:      m.weapons,
		Target:       m.target,
		AttributedTo: truce.Unknown,
		Casualties:   truce.Casualties{Killed: m.cas.killed, Injured: m.cas.injured},
		Aggregate:    m.agg,
		Language:     a.lang,
		EvidenceText: a.evidence(ev),
	}
	if r.Source.Name == "" {
		r.Source.Name = "news"
	}
	if a.o.Ref != "" {
		r.Source.Ref = fmt.Sprintf("%s#%d", a.o.Ref, i+1)
	}
	if a.hasPub {
		p := a.pub
		r.ReportedAt = &p
	}
	if m.explode {
		r.Kind = truce.KindExplosion
	}
	if ev.place.site > 0 {
		st := &sites[ev.place.site-1]
		tg := truce.Target{Class: st.target, Name: st.name}
		if m.target != nil && truce.ClassesRelated(st.target, m.target.Class) {
			tg.Class = m.target.Class
		}
		r.Target = &tg
	}
	if m.attacker != "" {
		r.AttributedTo = m.attacker
	}
	if m.cas.civilian && (m.cas.killed != nil || m.cas.injured != nil) {
		t := true
		r.Casualties.Civilian = &t
	}
	if m.counts.Launched != nil || m.counts.Intercepted != nil || m.counts.Hit != nil {
		c := m.counts
		r.Counts = &c
	}
	r.Extra = map[string]json.RawMessage{"extract.rule": jsonString(m.rule)}
	if m.claimBy != "" {
		r.Extra["claim"] = json.RawMessage("true")
		r.Extra["claimed_by"] = jsonString(m.claimBy)
	}
	if m.deniedBy != "" {
		r.Extra["denied_by"] = jsonString(m.deniedBy)
	}
	return r
}

func jsonString(s string) json.RawMessage {
	b, _ := json.Marshal(s)
	return b
}

// evidence joins the sentences an event rests on.
func (a *assembler) evidence(ev *event) string {
	parts := make([]string, 0, len(ev.sents))
	for _, si := range ev.sents {
		parts = append(parts, strings.Join(strings.Fields(a.d.sentenceText(a.sents[si])), " "))
	}
	return strings.Join(parts, " ")
}
