package extract

import "strings"

// The act of a sentence: which word tells it, and how (analyze.go reads
// the rest).

// trigger returns the token of the sentence's act: an unhedged attack
// verb, or an attack noun or weapon tied to a place or a casualty word;
// -1 when there is none.
func (v *sview) trigger(figures bool) int {
	best := -1
	for _, h := range v.hits {
		val := v.attackForm(h)
		launch := val == "" && v.e.hasKind(h.pat, kLaunch) && v.launchedAt(h)
		if launch {
			val = "v" // "fired rockets at two towns"
		}
		i := int(h.t0)
		switch val {
		case "v", "h":
			if !v.hedged(i) && !v.negated(i) && !v.d.toks[i].joined && (launch || !v.weaponObject(int(h.t1))) && !v.interceptedWeapon(i) {
				return i
			}
		case "n":
			if best < 0 && !v.hedged(i) && (figures || v.anchored(h)) {
				best = i
			}
		}
	}
	if best >= 0 {
		return best
	}
	for _, h := range v.hits {
		if v.e.hasKind(h.pat, kWeapon) && !v.e.hasKind(h.pat, kAttack) && !v.hedged(int(h.t0)) && (figures || v.launchedCount(h)) {
			return int(h.t0)
		}
	}
	return -1
}

// attackForm returns how an attack word is used: "v" a finite verb, "h"
// a headline verb, "n" a noun, "b" a base form, "" not an attack word. A
// headline form ("strikes") or a base form that is also a noun ("strike",
// "attack") is a noun after a determiner ("Ukrainian strikes", "the
// attack").
func (v *sview) attackForm(h hit) string {
	form := ""
	for _, t := range v.e.pats[h.pat] {
		if t.kind != kAttack {
			continue
		}
		switch {
		case t.val == "v":
			return "v"
		case form == "" || t.val == "n":
			form = t.val
		}
	}
	i := int(h.t0)
	switch form {
	case "h":
		if v.nounUse(i) {
			return "n" // "Ukrainian strikes", "the attacks": a plural noun
		}
	case "n":
		if v.e.hasAttackForm(h.pat, "b") && !v.nounUse(i) {
			return "b" // "to strike", "attack Kharkiv"
		}
	}
	return form
}

// hasAttackForm reports whether pattern id is an attack word of form f.
func (e *Extractor) hasAttackForm(id int32, f string) bool {
	for _, t := range e.pats[id] {
		if t.kind == kAttack && t.val == f {
			return true
		}
	}
	return false
}

// pluralAct reports whether the act at token i is told in the plural
// ("Russian attacks", "airstrikes", "обстріли"): many acts, not one.
func (v *sview) pluralAct(i int) bool {
	if i < 0 {
		return false
	}
	h, _, ok := v.at(i, kAttack)
	if !ok || v.attackForm(h) != "n" {
		return false
	}
	w := v.d.tokText(int(h.t1) - 1)
	if strings.HasPrefix(w, "explo") || strings.HasPrefix(w, "blast") || strings.HasPrefix(w, "вибух") || strings.HasPrefix(w, "взрыв") {
		return false
	}
	switch v.lang {
	case "uk", "ru":
		switch w {
		case "удари", "обстріли", "авіаудари", "удары", "обстрелы", "авиаудары":
			return true
		}
		return strings.HasSuffix(w, "ів") || strings.HasSuffix(w, "ов") || strings.HasSuffix(w, "ами") || strings.HasSuffix(w, "ах")
	}
	return strings.HasSuffix(w, "s")
}

// weaponObject reports whether the object of an English verb ending
// before token j is a weapon: "destroyed another missile" is an
// interception, not a hit.
func (v *sview) weaponObject(j int) bool {
	if v.lang != "en" {
		return false // "вдарили дроном": the weapon in the instrumental
	}
	for k := j; k < v.to && k < j+4; k++ {
		switch {
		case v.covered(k, kWeapon) && !v.covered(k, kTarget) && !v.covered(k, kAttack):
			for n := k + 1; n < v.to && v.covered(n, kWeapon); n++ {
				k = n
			}
			return !v.covered(k+1, kTarget) // "drone factory" is a target
		case v.word(k, "a", "an", "the", "another", "all", "both", "two", "three", "several", "of", "them") || v.covered(k, kParty) || v.d.toks[k].kind == tNum:
		default:
			return false
		}
	}
	return false
}

// interceptedWeapon reports whether the participle at token i describes
// a weapon that the sentence says was intercepted: "destroyed another
// missile fired at the region".
func (v *sview) interceptedWeapon(i int) bool {
	if !v.covered(i-1, kWeapon) || !v.word(i, "fired", "launched", "aimed", "directed") {
		return false
	}
	if v.has(kIntercept) {
		return true
	}
	for _, h := range v.hits {
		if int(h.t0) < i-1 && v.e.hasKind(h.pat, kAttack) && v.weaponObject(int(h.t1)) {
			return true
		}
	}
	return false
}

// nounDeterminers are words after which a form like "strikes" or
// "attacks" is a plural noun rather than a verb.
var nounDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"of": true, "with": true, "from": true, "on": true, "in": true, "by": true, "after": true, "for": true,
	"against": true, "these": true, "those": true, "such": true, "new": true, "fresh": true, "renewed": true,
	"latest": true, "further": true, "more": true, "deadly": true, "heavy": true, "repeated": true,
	"recent": true, "massive": true, "overnight": true, "several": true, "many": true, "any": true,
	"no": true, "s": true, "and": true, "or": true, "retaliatory": true, "reported": true, "similar": true,
	"multiple": true, "numerous": true, "daily": true, "nightly": true, "two": true, "three": true,
}

// nounUse reports whether the headline-verb form at token i is used as a
// plural noun: after a determiner, an adjective of a party, a number or a
// preposition, or before an auxiliary ("Strikes were reported").
func (v *sview) nounUse(i int) bool {
	if i > v.from {
		p := &v.d.toks[i-1]
		if p.kind == tNum || nounDeterminers[v.d.tokText(i-1)] || v.covered(i-1, kParty) || v.covered(i-1, kNum) {
			return true
		}
	}
	return v.word(i+1, "were", "was", "are", "is", "have", "has", "had", "on", "against", "in", "that", "which")
}

// launchedCount reports whether weapon h is counted and launched or
// intercepted: "Russia launched 100 missiles", "shot down 97 drones".
func (v *sview) launchedCount(h hit) bool {
	i := int(h.t0) - 1
	if i < v.from || v.d.toks[i].kind != tNum && !v.covered(i, kNum) {
		return false
	}
	for j := i - 1; j >= v.from && j >= i-4; j-- {
		if (v.covered(j, kLaunch) || v.covered(j, kIntercept)) && !v.hedged(j) {
			return true
		}
	}
	return false
}

// hedgeAdjectives hedge only the noun they stand before ("a possible
// strike"), not a verb further on ("forces preparing for a potential
// counteroffensive fired rockets").
var hedgeAdjectives = map[string]bool{
	"possible": true, "potential": true, "likely": true, "unlikely": true, "would-be": true,
}

// usedTo reports whether the infinitive marker at token j tells the
// purpose a weapon was used for, which is an act: "are using western arms
// to attack the plant", "used drones to strike".
func (v *sview) usedTo(j int) bool {
	for k := j - 1; k >= v.from && k >= j-6; k-- {
		if v.word(k, "using", "used", "uses", "use") {
			return !v.hedged(k)
		}
		if v.punct(k, ',') || v.punct(k, ';') {
			return false
		}
	}
	return false
}

// launchedAt reports whether the launch verb of hit h fires a weapon at
// something: "fired rockets at two towns", "launched missiles on Odesa".
func (v *sview) launchedAt(h hit) bool {
	if !v.word(int(h.t0), "fired", "launched", "fires", "launches", "unleashed") {
		return false
	}
	weapon := false
	for k := int(h.t1); k < v.to && k < int(h.t1)+6; k++ {
		switch {
		case v.covered(k, kWeapon):
			weapon = true
		case weapon && v.word(k, "at", "on", "into", "towards", "toward", "against"):
			return true
		case v.punct(k, ',') || v.punct(k, '.') || v.punct(k, ';'):
			return false
		}
	}
	return false
}
