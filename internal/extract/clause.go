package extract

// Clauses. A sentence that names places in several clauses ("Strikes hit
// Kharkiv, where three people were killed, and the southern city of
// Mykolaiv"; "The mayor of Mariupol said three were killed there and
// emergency services in Kharkiv said a boy died") tells a separate act at
// each: its figures, weapons and target belong to the clause that states
// them. A clause opened by a relative or subordinating word (", where",
// ", while", "; ", " and … said") has its own predicate; a continuation
// (", including …", ", and in …") shares the act of the sentence's head.

// clauseMark is where a new clause begins: token at, and whether it is a
// continuation of the head's act (weak) or has a predicate of its own.
type clauseMark struct {
	at   int
	weak bool
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
	"where": true, "which": true, "who": true, "whose": true, "while": true, "whereas": true,
	"as": true, "after": true, "when": true, "but": true, "although": true, "though": true,
	"because": true, "since": true, "before": true, "until": true, "adding": true, "saying": true,
	"according": true, "whilst": true, "де": true, "який": true, "яка": true, "які": true,
	"після": true, "коли": true, "але": true, "а": true, "где": true, "который": true, "которая": true,
	"которые": true, "после": true, "когда": true, "но": true,
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
			out = append(out, clauseMark{i + 1, false})
		case v.punct(i, ',') || v.punct(i, '-') || v.punct(i, '('):
			if m, ok := v.markAfterComma(i + 1); ok {
				out = append(out, m)
			}
		case v.word(i, "and", "while", "but", "і", "та", "а", "и") && v.saysNext(i+1):
			out = append(out, clauseMark{i, false})
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
		return clauseMark{k, !v.saysNext(k + 1)}, true
	case v.word(k, "as") && v.word(k+1, "well"):
		return clauseMark{k, true}, true
	case strongOpeners[w]:
		return clauseMark{k, false}, true
	case weakOpeners[w]:
		return clauseMark{k, true}, true
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

// scopes splits the sentence into the scopes of its places, one per
// clause that names places, or returns nil when all places stand in one
// clause. The first scope starts at the sentence's start; each runs to
// the next clause that names a place.
func (v *sview) scopes(places []placeRef) []scope {
	if len(places) < 2 {
		return nil
	}
	marks := v.clauseMarks()
	if len(marks) == 0 {
		return nil
	}
	clauseOf := func(tok int) int {
		c := -1
		for k, m := range marks {
			if m.at <= tok {
				c = k
			}
		}
		return c
	}
	var out []scope
	last := -2
	for _, p := range places {
		c := clauseOf(p.tok)
		if c != last {
			sc := scope{from: v.from, head: len(out) == 0}
			if !sc.head {
				sc.from, sc.weak = marks[c].at, marks[c].weak
				out[len(out)-1].to = sc.from
			}
			out = append(out, sc)
			last = c
		}
		out[len(out)-1].places = append(out[len(out)-1].places, p)
	}
	if len(out) < 2 {
		return nil
	}
	out[len(out)-1].to = v.to
	return out
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
	return s
}
