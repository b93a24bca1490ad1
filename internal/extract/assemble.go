package extract

import (
	"sort"
	"time"

	"github.com/truce-monitor/truce"
)

// event is one attack at one place, built from the sentences that tell it.
type event struct {
	m     mention // the merged account
	place placeRef
	sents []int
	last  int // last sentence merged
}

// assembler turns a document's sentence mentions into events: one per
// place per attack, merging later sentences about the same place and
// time, and attaching sentences that go on about the last attack ("The
// strike killed two") to it.
type assembler struct {
	e           *Extractor
	d           *doc
	o           Options
	lang        string
	pub         time.Time
	hasPub      bool
	events      []*event
	last        []*event // events of the last sentence that told an act
	lastSent    int
	sents       []span
	sentAdmin1  []string       // regions of the sentence's regions and big cities
	docAdmin1   map[string]int // regions named so far
	docCountry  map[string]int // countries named so far (places and country names)
	chosen      map[int32]int  // place each name form was resolved to, by pattern
	named       int            // last sentence that names a place
	namedBefore int            // the one before the current sentence
	covBuf      []uint32       // scratch for the kinds of a sentence's tokens
	candBuf     []int          // scratch for the candidates of a place name
	war         bool           // the text so far speaks of war (a weapon, a party, forces, an act)
}

// warKinds are the kinds of words that make a text speak of war.
const warKinds = 1<<kWeapon | 1<<kParty | 1<<kForces | 1<<kAttack | 1<<kIntercept

// reset prepares the assembler for a new text, keeping its buffers.
func (a *assembler) reset(e *Extractor, d *doc, o Options) {
	*a = assembler{e: e, d: d, o: o, lang: detectLanguage(d),
		sents: a.sents[:0], sentAdmin1: a.sentAdmin1[:0], covBuf: a.covBuf[:0], candBuf: a.candBuf[:0],
		docAdmin1: a.docAdmin1, docCountry: a.docCountry, chosen: a.chosen}
	if a.docAdmin1 == nil {
		a.docAdmin1, a.docCountry, a.chosen = map[string]int{}, map[string]int{}, map[int32]int{}
	}
	clear(a.docAdmin1)
	clear(a.docCountry)
	clear(a.chosen)
}

// followUp is how many sentences after an act a sentence without a place
// may still add to it; followUpQuiet how many when no sentence between
// names a place.
const (
	followUp      = 2
	followUpQuiet = 4
)

// sentence reads sentence si and folds what it says into the events.
func (a *assembler) sentence(si int, s span, hits []hit) {
	a.sents = append(a.sents, s)
	v := newSView(a.e, a.d, s, hits, a.covBuf)
	a.covBuf = v.cov[:0]
	a.war = a.war || v.mask&warKinds != 0
	v.lang = a.lang
	m, ok := a.analyze(si, v)
	if !ok {
		return
	}
	scopes := v.scopes(sortedPlaces(m.places))
	if scopes == nil {
		a.fold(si, v, m)
		return
	}
	a.foldScopes(si, v, m, scopes)
}

// scoped is the reading of one scope of a sentence.
type scoped struct {
	sc  scope
	sub *sview
	m   mention
	ok  bool
}

// foldScopes reads each scope of sentence si (whose whole reading is m)
// and folds what it tells into the events, in text order.
func (a *assembler) foldScopes(si int, v *sview, m mention, scopes []scope) {
	rs := make([]scoped, len(scopes))
	for k, sc := range scopes {
		sub := v.slice(sc.from, sc.to)
		sm, ok := a.analyzeAt(si, sub, sc.places, false)
		if !ok && len(sc.places) > 0 && sc.weak && m.trigger >= 0 && m.trigger < sc.from {
			sm, ok = m, true // "…, and in the southern city of Mykolaiv": the head's act
			sm.places, sm.cas, sm.target, sm.counts = sc.places, casualties{}, sub.target(-1), truce.Counts{}
		}
		if ok && len(sc.places) > 0 {
			inherit(&sm, &m)
			if sc.weak && sm.target == nil {
				sm.target = m.target // "struck training centres in A, and B"
			}
			if sc.weak && len(sm.weapons) == 0 {
				sm.weapons = m.weapons
			}
		}
		rs[k] = scoped{sc, sub, sm, ok}
	}
	for k := range rs {
		r := &rs[k]
		if r.ok && len(r.sc.places) == 0 && r.m.trigger < 0 && giveFigures(rs, k) {
			r.ok = false
		}
	}
	for _, r := range rs {
		if r.ok {
			a.fold(si, r.sub, r.m)
		}
	}
}

// giveFigures gives the figures of placeless scope k to the nearest scope
// of the sentence that names places and does not state them already, the
// one before first; it reports whether one took them.
func giveFigures(rs []scoped, k int) bool {
	for _, d := range []int{-1, 1} {
		for j := k + d; j >= 0 && j < len(rs); j += d {
			t := &rs[j]
			if !t.ok || len(t.sc.places) == 0 {
				continue
			}
			c, tc := &rs[k].m.cas, &t.m.cas
			if (c.killed == nil || tc.killed == nil) && (c.injured == nil || tc.injured == nil) {
				if c.killed != nil {
					tc.killed = c.killed
				}
				if c.injured != nil {
					tc.injured = c.injured
				}
				tc.civilian = tc.civilian || c.civilian
				return true // "one serviceman and two guards were killed, while 13 were wounded in X"
			}
			break
		}
	}
	return false
}

// inherit fills what a scope's mention leaves open from its sentence's:
// who did it and who says so, and when.
func inherit(sm, m *mention) {
	if sm.attacker == "" {
		sm.attacker = m.attacker
	}
	if sm.claimBy == "" {
		sm.claimBy = m.claimBy
	}
	if sm.deniedBy == "" {
		sm.deniedBy = m.deniedBy
	}
	if !sm.dated && m.dated {
		sm.when, sm.dated = m.when, true
	}
}

// sortedPlaces returns the places in text order.
func sortedPlaces(ps []placeRef) []placeRef {
	out := append([]placeRef(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].tok < out[j].tok })
	return out
}

// fold folds mention m of sentence si (read from view v) into the events.
func (a *assembler) fold(si int, v *sview, m mention) {
	if !a.hasPub && !m.dated {
		return // no anchor for an undated sentence
	}
	if !m.dated {
		m.when = a.newsCycle()
	}
	gap := si - a.lastSent
	recent := len(a.last) > 0 && (gap <= followUp || gap <= followUpQuiet && a.namedBefore <= a.lastSent) &&
		!a.headingBetween(a.lastSent, si)
	if m.trigger < 0 && !a.war && !m.cas.civilian && !recent {
		return // deaths in a text with no word of war: an accident, a crime, an illness
	}
	switch {
	case recent && allSpeakers(m.places) && m.trigger < 0 && a.followsUp(v, m):
		// "The death toll rose to 21, the governor of Poltava region said":
		// the speaker's seat is no new scene; the toll goes on about the
		// last attack.
		for _, ev := range a.last {
			if len(a.last) == 1 || m.cas.killed != nil && *m.cas.killed == 0 {
				a.merge(ev, m)
			}
		}
		a.lastSent = si
	case len(m.places) > 0:
		a.last = a.last[:0]
		for _, p := range m.places {
			pm := m
			// A settlement is one attack; a region is a tally when the
			// sentence speaks of many places or of attacks in the plural,
			// or gives only the toll.
			pm.agg = p.region && (m.aggCue || m.trigger < 0 && !m.cas.one() || v.pluralAct(m.trigger)) ||
				!p.region && m.when.vague && m.aggCue // "a series of strikes this month on …"
			a.last = append(a.last, a.place(pm, p))
		}
		a.lastSent = si
	case recent && len(m.places) == 0 && (len(a.last) == 1 && (!m.aggCue || a.last[0].place.admin1 == "" && a.last[0].m.agg) ||
		m.cas.killed != nil && *m.cas.killed == 0 && m.cas.injured != nil && *m.cas.injured == 0):
		for _, ev := range a.last { // "No one was hurt" goes with every place just told
			a.merge(ev, m)
		}
		a.lastSent = si
	case m.trigger < 0 && m.dated && m.country != "" && !v.has(kSince) && (m.cas.killed != nil || m.cas.injured != nil):
		// A dated toll with no place: a country's tally ("57 people had
		// been killed", said the health minister on Thursday).
		m.agg = true
		ev := &event{m: m, place: placeRef{country: m.country}, sents: []int{si}, last: si}
		a.events = append(a.events, ev)
		a.last = append(a.last[:0], ev)
		a.lastSent = si
	case m.trigger >= 0 && m.agg && m.country != "":
		a.last = append(a.last[:0], a.countryTally(m))
		a.lastSent = si
	}
}

// followsUp reports whether a toll given by officials of a place goes on
// about the last attack told: it speaks of an update ("the death toll
// rose to 21"), or the last attack lies in the officials' region. Else the
// officials' seat is the scene of a new report ("the governor of Donetsk
// region said two people were killed").
func (a *assembler) followsUp(v *sview, m mention) bool {
	if v.update() {
		return true
	}
	for _, ev := range a.last {
		for _, p := range m.places {
			if ev.place.admin1 == p.admin1 && ev.place.country == p.country {
				return true
			}
		}
	}
	return false
}

// update reports whether the sentence updates a figure: a death toll, or
// a figure that rose.
func (v *sview) update() bool {
	found := false
	v.each(kKill, func(h hit, t term) {
		found = found || t.val == "t"
	})
	for i := v.from; i < v.to && !found; i++ {
		found = v.word(i, "rose", "risen", "climbed", "increased", "jumped", "grew", "зросла", "зросло", "возросло", "выросло", "увеличилось")
	}
	return found
}

// countryTally folds a tally of acts over a whole country into the text's
// tally of acts in that country for the same time, or starts one. (A toll
// without an act, "57 people had been killed", stays a report of its own.)
func (a *assembler) countryTally(m mention) *event {
	for _, ev := range a.events {
		if ev.place.admin1 == "" && ev.place.country == m.country && ev.m.agg && ev.m.trigger >= 0 && (!m.dated || !ev.m.dated || ev.m.when.overlaps(m.when)) {
			a.merge(ev, m)
			return ev
		}
	}
	ev := &event{m: m, place: placeRef{country: m.country}, sents: []int{m.sent}, last: m.sent}
	a.events = append(a.events, ev)
	return ev
}

// allSpeakers reports whether every place is only a speaker's seat (and
// there is at least one).
func allSpeakers(ps []placeRef) bool {
	for _, p := range ps {
		if !p.speaker {
			return false
		}
	}
	return len(ps) > 0
}

// sameParagraph reports whether no paragraph break lies between the
// starts of sentences i and j.
func (a *assembler) sameParagraph(i, j int) bool {
	for k := i + 1; k <= j && k < len(a.sents); k++ {
		if a.d.toks[a.sents[k].from].nl >= 2 {
			return false
		}
	}
	return true
}

// headingBetween reports whether a section heading stands between
// sentences i and j, or sentence j is one. What follows a heading does not
// go on about the attack before it.
func (a *assembler) headingBetween(i, j int) bool {
	for k := i + 1; k <= j && k < len(a.sents); k++ {
		if a.heading(a.sents[k]) {
			return true
		}
	}
	return false
}

// heading reports whether sentence s is a heading: a short paragraph of
// its own without a final stop ("Casualties"), maybe numbered ("1. Five
// killed as Russia hits rail"), or a bare number ("1.").
func (a *assembler) heading(s span) bool {
	toks := a.d.toks
	if s.to-s.from > 12 || s.to < len(toks) && toks[s.to].nl < 2 && !(s.to-s.from <= 2 && toks[s.from].kind == tNum) {
		return false
	}
	start := s.from
	if toks[start].nl < 2 && start >= 2 && toks[start-2].kind == tNum && toks[start-1].kind == tPunct && toks[start-2].nl >= 2 {
		start -= 2 // "1. Five killed …"
	}
	if toks[start].nl < 2 && start > 0 {
		return false
	}
	if s.to-s.from <= 2 && toks[s.from].kind == tNum {
		return true
	}
	last := &toks[s.to-1]
	return !(last.kind == tPunct && isStop(a.d.norm[last.ns]))
}

// inLead reports whether sentence si is in the first two paragraphs (the
// headline and lead), which later paragraphs usually retell.
func (a *assembler) inLead(si int) bool {
	paras := 0
	for k := 1; k <= si && k < len(a.sents); k++ {
		if a.d.toks[a.sents[k].from].nl >= 2 {
			paras++
		}
	}
	return paras < 2
}

// place folds a mention at place p into the matching event or a new one.
func (a *assembler) place(m mention, p placeRef) *event {
	for _, ev := range a.events {
		bothRegions := ev.place.region && p.region // one region told twice: one report
		if ev.place.admin1 == p.admin1 && ev.place.country == p.country && compatibleNames(ev.place, p) &&
			(ev.m.agg == m.agg || bothRegions) && (!m.dated || !ev.m.dated || ev.m.when.overlaps(m.when)) {
			ev.m.agg = ev.m.agg || m.agg
			a.merge(ev, m)
			if ev.place.name == "" {
				ev.place = p
			}
			return ev
		}
	}
	ev := &event{m: m, place: p, sents: []int{m.sent}, last: m.sent}
	if m.trigger < 0 {
		ev.m.rule = "casualties"
	}
	a.events = append(a.events, ev)
	return ev
}

func compatibleNames(a, b placeRef) bool {
	return a.name == b.name || a.name == "" || b.name == ""
}

func (w window) overlaps(o window) bool {
	return !w.from.After(o.to) && !o.from.After(w.to)
}

// merge adds a later mention to an event: later figures replace earlier
// ones (the latest toll of a text wins) unless they count one group of an
// earlier total, weapons are joined, the first
// attribution and target stay, a dated window replaces an undated one.
func (a *assembler) merge(ev *event, m mention) {
	if ev.last != m.sent {
		ev.sents = append(ev.sents, m.sent)
		ev.last = m.sent
	}
	e := &ev.m
	keep := m.cas.group && !e.cas.group // a group's figure after a total of all victims
	if m.cas.killed != nil && (e.cas.killed == nil || !keep) {
		e.cas.killed = m.cas.killed
	}
	if m.cas.injured != nil && (e.cas.injured == nil || !keep) {
		e.cas.injured = m.cas.injured
	}
	if !keep {
		e.cas.group = m.cas.group
	}
	e.cas.civilian = e.cas.civilian || m.cas.civilian
	for _, w := range m.weapons {
		if !hasWeapon(e.weapons, w.Class, w.Model) {
			e.weapons = append(e.weapons, w)
		}
	}
	if e.attacker == "" {
		e.attacker = m.attacker
	}
	if e.claimBy == "" {
		e.claimBy = m.claimBy
	}
	if e.deniedBy == "" {
		e.deniedBy = m.deniedBy
	}
	if e.target == nil {
		e.target = m.target
	}
	if m.dated && (!e.dated || e.when.vague && !m.when.vague) {
		e.when, e.dated = m.when, true // a day named later narrows "this week"
	}
	if e.trigger < 0 && m.trigger >= 0 {
		e.trigger, e.rule = m.trigger, m.rule
	}
	e.explode = e.explode && m.explode
	mergeCounts(&e.counts, m.counts)
	if m.agg && ev.place.region && m.trigger >= 0 {
		e.agg = true // a region's tally told after its first mention
	}
}

func hasWeapon(ws []weaponT, class, model string) bool {
	for _, w := range ws {
		if w.Class == class && w.Model == model {
			return true
		}
	}
	return false
}
