package extract

// Clauses. A sentence that names places in several clauses ("Strikes hit
// Kharkiv, where three people were killed, and the southern city of
// Mykolaiv"; "The mayor of Mariupol said three were killed there and
// emergency services in Kharkiv said a boy died") tells a separate act at
// each: its figures, weapons and target belong to the clause that states
// them. A clause opened by a relative or subordinating word (", where",
// ", while", ", amid", "; ", " and … said") has its own predicate: an act
// told there is not the act of a place named in another clause ("Russia
// unleashed barrages on Ukrainian positions, amid claims that its troops
// tried to storm the plant in Mariupol"). A continuation (", including
// …", ", and in …") shares the act of the sentence's head. A clause that
// names no place and tells only figures gives them to the nearest place
// of the sentence that has none ("A missile hit Kharkiv, where two people
// were killed").

// clauseMark is where a new clause begins: token at, and whether it is a
// continuation of the head's act (weak) or has a predicate of its own.
type clauseMark struct {
	at       int
	weak     bool
	relative bool // ", where", ", which": goes on about what was just named
}

// scope is the stretch of a sentence that tells of the places in it.
type scope struct {
	from, to int
	places   []placeRef
	weak     bool // a continuation: may share the act of the head
	head     bool // the first scope, holding the start of the sentence
}

// strongOpeners open a clause with a predicate of its own after a comma,
// a dash or a bracket.
var strongOpeners = map[string]bool{
	"while": true, "whereas": true, "whilst": true, "as": true, "after": true, "when": true,
	"but": true, "although": true, "though": true, "because": true, "since": true, "before": true,
	"until": true, "adding": true, "saying": true, "according": true, "amid": true, "amidst": true,
	"despite": true, "після": true, "коли": true, "але": true, "а": true, "после": true, "когда": true,
	"но": true,
}

// relativeOpeners open a relative clause, which goes on about what was
// just named: it belongs to the scope before it unless it names places of
// its own after places were named.
var relativeOpeners = map[string]bool{
	"where": true, "which": true, "who": true, "whose": true, "that": true, "де": true, "який": true,
	"яка": true, "які": true, "где": true, "который": true, "которая": true, "которые": true,
}

// weakOpeners continue the head's act with another place after a comma.
var weakOpeners = map[string]bool{
	"including": true, "notably": true, "especially": true, "particularly": true, "in": true,
	"on": true, "at": true, "near": true, "with": true, "зокрема": true, "в": true, "у": true,
	"на": true, "в том числе": true, "у тому числі": true,
}

// clauseMarks finds where clauses begin in the sentence.
func (v *sview) clauseMarks() []clauseMark {
	var out []clauseMark
	for i := v.from + 1; i < v.to-1; i++ {
		switch {
		case v.punct(i, ';'):
			out = append(out, clauseMark{at: i + 1})
		case v.punct(i, ',') || v.punct(i, '-') || v.punct(i, '('):
			if m, ok := v.markAfterComma(i + 1); ok {
				out = append(out, m)
			}
		case v.word(i, "and", "while", "but", "і", "та", "а", "и") && v.saysNext(i+1):
			out = append(out, clauseMark{at: i})
		}
	}
	return out
}

// markAfterComma classifies the clause that may begin at token k after a
// comma, a dash or a bracket.
func (v *sview) markAfterComma(k int) (clauseMark, bool) {
	w := v.d.tokText(k)
	switch {
	case w == "and" || w == "or" || w == "і" || w == "та" || w == "и":
		return clauseMark{at: k, weak: !v.saysNext(k + 1)}, true
	case v.word(k, "as") && v.word(k+1, "well"):
		return clauseMark{at: k, weak: true}, true
	case relativeOpeners[w]:
		return clauseMark{k, false, true}, true
	case strongOpeners[w]:
		return clauseMark{at: k}, true
	case weakOpeners[w]:
		return clauseMark{at: k, weak: true}, true
	}
	return clauseMark{}, false
}

// saysNext reports whether a new speaker's clause starts at token k: a
// speech verb within six tokens and no act word before it ("and emergency
// services in Kharkiv said …").
func (v *sview) saysNext(k int) bool {
	for j := k; j < v.to && j < k+6; j++ {
		if v.covered(j, kSay) {
			return j > k
		}
		if v.covered(j, kAttack) || v.covered(j, kKill) || v.covered(j, kInjure) || v.d.toks[j].kind == tPunct {
			return false
		}
	}
	return false
}

// scopes splits the sentence into scopes: one at each clause with a
// predicate of its own, and one at each continuation that names places
// after places were named. It returns nil when the sentence is one scope.
// The first scope starts at the sentence's start.
func (v *sview) scopes(places []placeRef) []scope {
	if len(places) == 0 {
		return nil
	}
	marks := v.clauseMarks()
	if len(marks) == 0 {
		return nil
	}
	names := func(from, to int) bool {
		for _, p := range places {
			if p.at(from, to) {
				return true
			}
		}
		return false
	}
	out := []scope{{from: v.from, head: true}}
	for k, m := range marks {
		end := v.to
		if k+1 < len(marks) {
			end = marks[k+1].at
		}
		cur := &out[len(out)-1]
		if !m.weak && !m.relative || names(m.at, end) && names(cur.from, m.at) {
			cur.to = m.at
			out = append(out, scope{from: m.at, weak: m.weak})
		}
	}
	out[len(out)-1].to = v.to
	if len(out) < 2 {
		return nil
	}
	for k := range out {
		sc := &out[k]
		for _, p := range places {
			if p.at(sc.from, sc.to) {
				sc.places = append(sc.places, p)
			}
		}
	}
	return out
}

// at reports whether the sentence names place p within tokens [from, to).
func (p *placeRef) at(from, to int) bool {
	if p.tok >= from && p.tok < to {
		return true
	}
	for _, t := range p.again {
		if t >= from && t < to {
			return true
		}
	}
	return false
}

// slice returns the view of tokens [from, to) of the sentence, with the
// hits inside it.
func (v *sview) slice(from, to int) *sview {
	s := &sview{e: v.e, d: v.d, from: from, to: to, lang: v.lang}
	for _, h := range v.hits {
		if int(h.t0) >= from && int(h.t1) <= to {
			s.hits = append(s.hits, h)
		}
	}
	s.index(nil)
	return s
}
