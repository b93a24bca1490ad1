package extract

import (
	"strings"

	"github.com/truce-monitor/truce"
)

// mention is what one sentence says about an attack.
type mention struct {
	sent     int
	trigger  int // token of the act (verb or noun), or -1 when none
	places   []placeRef
	weapons  []truce.Weapon
	target   *truce.Target
	attacker string
	claimBy  string
	deniedBy string
	cas      casualties
	when     window
	dated    bool
	agg      bool // a tally: many places, a whole night, counts of weapons
	aggCue   bool // the sentence speaks of many places or a whole night
	counts   truce.Counts
	country  string // for a tally with no region: where it happened
	explode  bool   // only explosion words, no weapon or attacker: kind explosion
	rule     string // which rule fired
}

// locatives are prepositions that put a following place at the scene.
var locatives = map[string]bool{
	"in": true, "on": true, "at": true, "near": true, "over": true, "outside": true, "around": true,
	"across": true, "into": true, "of": true, "towards": true, "toward": true, "hit": true, "struck": true,
	"targeting": true, "against": true, "inside": true, "throughout": true, "upon": true,
	"у": true, "в": true, "на": true, "біля": true, "під": true, "поблизу": true, "по": true, "над": true,
	"неподалік": true, "около": true, "возле": true, "под": true, "вблизи": true, "во": true, "до": true,
}

// hedgeSkip is how far before an act a modal word hedges it.
const hedgeSkip = 4

// analyze reads one sentence. ok is false when it tells no act of remote
// fire of its own (no act, or one that is hedged, habitual, historical or
// in another war).
func (a *assembler) analyze(si int, v *sview) (mention, bool) {
	if v.has(kOtherWar) || v.historical(a) {
		return mention{sent: si, trigger: -1}, false
	}
	return a.analyzeAt(si, v, nil, true)
}

// analyzeAt reads the act of view v (a sentence or one of its scopes):
// with resolve it finds the places of v, else it takes places as given.
func (a *assembler) analyzeAt(si int, v *sview, places []placeRef, resolve bool) (mention, bool) {
	m := mention{sent: si, trigger: -1}
	nums := v.numbers()
	m.cas = v.casualties(nums)
	m.trigger = v.trigger(m.cas.killed != nil || m.cas.injured != nil)
	if m.trigger >= 0 && v.habitual(m.trigger) {
		return m, false
	}
	m.places = places
	if resolve {
		m.places = a.resolvePlaces(v)
	}
	if len(m.places) == 0 && v.foreignScene() {
		return m, false // "a radio tower destroyed in Transnistria"
	}
	if m.trigger < 0 {
		if m.cas.killed == nil && m.cas.injured == nil || v.hedged(v.to) {
			return m, false
		}
		m.rule = "casualties"
	} else {
		m.rule = "act"
	}
	v.weapons(&m, nums)
	v.attribute(&m)
	m.target = v.target(m.trigger)
	v.tally(&m, nums)
	m.explode = v.onlyExplosion() && len(m.weapons) == 0 && m.attacker == ""
	if a.hasPub {
		near := m.trigger
		if near < 0 {
			near = v.from
		}
		m.when, m.dated = v.when(a, near)
		if m.when.old {
			return m, false
		}
	}
	return m, true
}

// trendWords, after attacks in the plural, tell a trend, not an act:
// "attacks intensified", "the strikes have ramped up".
var trendWords = map[string]bool{
	"intensified": true, "intensify": true, "intensifying": true, "escalated": true, "escalating": true,
	"increased": true, "increasing": true, "ramped": true, "mounted": true, "mounting": true, "grew": true,
	"growing": true, "continued": true, "continue": true, "continuing": true, "persisted": true, "became": true,
}

// foreignScene reports whether the sentence sets its act in a country
// other than Ukraine and Russia ("in Transnistria", "in Belarus").
func (v *sview) foreignScene() bool {
	found := false
	v.each(kCountry, func(h hit, t term) {
		found = found || t.val != "UA" && t.val != "RU" && v.locativeBefore(int(h.t0))
	})
	return found
}

// habitual reports whether the act at token i is told as a habit: "shell
// the city every day", "continue to strike", "attacks intensified".
func (v *sview) habitual(i int) bool {
	if v.pluralAct(i) {
		h, _, _ := v.at(i, kAttack)
		for k := int(h.t1); k < v.to && k < int(h.t1)+6; k++ {
			if trendWords[v.d.tokText(k)] {
				return true // "attacks (on Kharkiv) have intensified"
			}
			if v.d.toks[k].kind == tPunct || v.covered(k, kAttack) || v.covered(k, kKill) || v.covered(k, kInjure) || v.covered(k, kSay) {
				break
			}
		}
	}
	found := false
	v.each(kGeneric, func(h hit, t term) {
		d := int(h.t0) - i
		found = found || d > -5 && d < 6 || d <= -5 && d > -12 && !v.hasPunctBetween(int(h.t1), i)
	})
	return found // "a protracted bombardment that has destroyed …"
}

// anchored reports whether an attack noun is tied to the scene: a
// casualty word in the sentence, or a place after a locative within a few
// tokens ("a missile attack on Cherkasy", "explosions in Crimea").
func (v *sview) anchored(h hit) bool {
	if v.has(kNoCas) {
		return true
	}
	for i := v.from; i < v.to; i++ {
		if v.word(i, "nationwide") || v.word(i, "across") && v.word(i+1, "the") && v.word(i+2, "country") {
			return true // "attacks across the country": a tally over the country
		}
	}
	for i := int(h.t1); i < v.to && i < int(h.t1)+8; i++ {
		if v.punct(i, '.') || v.punct(i, ';') {
			return false
		}
		if locatives[v.d.tokText(i)] && (v.covered(i+1, kPlace) || v.covered(i+2, kPlace) || v.covered(i+3, kPlace) || v.covered(i+4, kPlace) || v.covered(i+5, kPlace)) {
			return true
		}
	}
	// a headline or lead: "Kharkiv: shelling", "На Харківщині — обстріл"
	for _, p := range v.hits {
		if v.e.hasKind(p.pat, kPlace) && int(p.t1) <= int(h.t0) && int(h.t0)-int(p.t1) <= 3 && !v.hasKindBetween(int(p.t1), int(h.t0), kSay) {
			return v.lang != "en" || v.punct(int(p.t1), ':')
		}
	}
	return false
}

func (v *sview) hasKindBetween(a, b int, k termKind) bool {
	for i := a; i < b; i++ {
		if v.covered(i, k) {
			return true
		}
	}
	return false
}

// hedged reports whether a modal, conditional or purpose word stands
// shortly before token i, or a conditional opens the sentence.
func (v *sview) hedged(i int) bool {
	for j := i - 1; j >= v.from && j >= i-hedgeSkip; j-- {
		if v.covered(j, kHedge) && !(v.word(j, "may") && v.d.toks[j].upper) && !(hedgeAdjectives[v.d.tokText(j)] && j < i-1) {
			return true
		}
		if v.word(j, "to") && i < v.to && v.d.toks[i].kind == tWord && !v.word(i-1, "rose", "up") && j == i-1 && !v.usedTo(j) {
			return true // an infinitive: "to strike"
		}
		if v.punct(j, ',') || v.punct(j, ';') {
			break
		}
	}
	return v.word(v.firstWord(), "if", "unless", "should", "якщо", "если")
}

// firstWord returns the first word token of the sentence, past opening
// quotes and brackets.
func (v *sview) firstWord() int {
	i := v.from
	for i < v.to && v.d.toks[i].kind == tPunct {
		i++
	}
	return i
}

// negated reports whether the verb at i is denied: "did not strike".
func (v *sview) negated(i int) bool {
	for j := i - 1; j >= v.from && j >= i-3; j-- {
		if v.word(j, "not", "never", "no", "didn", "t", "не", "ні", "нет") {
			return true
		}
	}
	return false
}

// historical reports whether the sentence is set in a past era: a history
// phrase or "in <year>" before the year of publication.
func (v *sview) historical(a *assembler) bool {
	if v.has(kHistory) {
		return true
	}
	if !a.hasPub {
		return false
	}
	for i := v.from + 1; i < v.to; i++ {
		t := &v.d.toks[i]
		if t.kind == tNum && t.num >= 1900 && int(t.num) < a.pub.Year() && v.word(i-1, "in", "of", "у", "в", "during") {
			return true
		}
	}
	return false
}

// onlyExplosion reports whether every attack word of the sentence is an
// explosion word (blast, explosion, вибух, взрыв).
func (v *sview) onlyExplosion() bool {
	any := false
	only := true
	v.each(kAttack, func(h hit, t term) {
		any = true
		w := v.d.tokText(int(h.t0))
		if !(strings.HasPrefix(w, "explo") || strings.HasPrefix(w, "blast") || strings.HasPrefix(w, "вибух") ||
			strings.HasPrefix(w, "взрыв") || w == "went" || w == "blew" || strings.HasPrefix(w, "fireball") || strings.HasPrefix(w, "detonat") ||
			w == "caught" || w == "erupted" || w == "burst" || w == "пролунав" || w == "пролунали" || w == "прогриміли" || w == "прогремели" || w == "прогремел") {
			only = false
		}
	})
	return any && only
}

// weapons collects the weapons named, with a count written before them.
func (v *sview) weapons(m *mention, nums []number) {
	seen := map[string]bool{}
	v.each(kWeapon, func(h hit, t term) {
		w := truce.Weapon{Class: t.val}
		if t.model == "*" {
			w.Model = v.text(int(h.t0), int(h.t1))
		}
		if n, ok := numberEndingAt(nums, int(h.t0)); ok && n.val > 0 {
			w.Count = intp(n.val)
		} else if n, ok := numberEndingAt(nums, int(h.t0)-1); ok && n.val > 0 && v.d.toks[h.t0-1].kind == tWord {
			w.Count = intp(n.val) // "three Russian missiles"
		}
		key := w.Class + "|" + strings.ToLower(w.Model)
		if seen[key] {
			return
		}
		seen[key] = true
		m.weapons = append(m.weapons, w)
	})
	specific := false
	for _, w := range m.weapons {
		if w.Class != truce.Unknown {
			specific = true
		}
	}
	out := m.weapons[:0]
	for _, w := range m.weapons {
		if w.Model != "" || !hasModelOf(m.weapons, w.Class) {
			out = append(out, w) // "a KAB glide bomb" is one weapon
		}
	}
	m.weapons = out
	if specific {
		out := m.weapons[:0]
		for _, w := range m.weapons {
			if w.Class != truce.Unknown || w.Model != "" {
				out = append(out, w)
			}
		}
		m.weapons = out
	}
}

// hasModelOf reports whether a weapon of the class with a model is listed.
func hasModelOf(ws []truce.Weapon, class string) bool {
	for _, w := range ws {
		if w.Class == class && w.Model != "" {
			return true
		}
	}
	return false
}

// target returns the class of what was hit: the first target word after
// the act, else the first in the sentence.
func (v *sview) target(trig int) *truce.Target {
	var first, after *truce.Target
	v.each(kTarget, func(h hit, t term) {
		tg := &truce.Target{Class: t.val}
		if first == nil {
			first = tg
		}
		if after == nil && trig >= 0 && int(h.t0) > trig {
			after = tg
		}
	})
	if after != nil {
		return after
	}
	return first
}
