package extract

// sview is one sentence under analysis: its tokens [from, to) and the
// lexicon hits inside it, with contained and figurative hits removed.
type sview struct {
	e        *Extractor
	d        *doc
	from, to int
	hits     []hit
	lang     string   // language of the document: en, uk, ru
	cov      []uint32 // by token from from: the kinds of the hits covering it
	mask     uint32   // the kinds of all hits
}

// kindBit is the bit of a kind in a mask of kinds.
func kindBit(k termKind) uint32 { return 1 << k }

// index fills the view's masks of kinds from its hits, reusing buf.
func (v *sview) index(buf []uint32) {
	n := v.to - v.from
	if cap(buf) < n {
		buf = make([]uint32, n)
	}
	v.cov = buf[:n]
	clear(v.cov)
	v.mask = 0
	for _, h := range v.hits {
		m := v.e.kmask[h.pat]
		v.mask |= m
		for i := int(h.t0); i < int(h.t1); i++ {
			v.cov[i-v.from] |= m
		}
	}
}

// containedKinds are the kinds for which a hit inside a longer hit of the
// same kind is dropped ("missile" inside "ballistic missile").
var containedKinds = map[termKind]bool{kWeapon: true, kTarget: true, kPlace: true, kAttack: true, kParty: true, kTime: true, kKill: true, kInjure: true}

func newSView(e *Extractor, d *doc, s span, hits []hit, buf []uint32) *sview {
	v := &sview{e: e, d: d, from: s.from, to: s.to}
	defer v.index(buf)
	var nonMask, sinceMask uint32
	for _, h := range hits {
		nonMask |= e.kmask[h.pat] & kindBit(kNonAttack)
		sinceMask |= e.kmask[h.pat] & kindBit(kSince)
	}
	for i, h := range hits {
		if int(h.t1) > s.to || sinceMask != 0 && inSincePhrase(e, d, hits, h, s.from) {
			continue
		}
		if nonMask != 0 && e.hasKind(h.pat, kAttack) && overlapsKind(e, h, hits, kNonAttack) {
			continue // "strike a deal"
		}
		if !v.contained(hits, i) {
			v.hits = append(v.hits, h)
		}
	}
	return v
}

// containedMask holds the kinds for which a hit inside a longer hit of the
// same kind is dropped ("missile" inside "ballistic missile").
var containedMask = func() uint32 {
	var m uint32
	for k := range containedKinds {
		m |= kindBit(k)
	}
	return m
}()

// contained reports whether hit i lies inside a longer hit that has a
// kind in common with it and a kind in containedKinds. Hits are ordered by
// first token, longest first, and no phrase is longer than maxPhrase
// tokens, so only a few hits before i need a look.
func (v *sview) contained(hits []hit, i int) bool {
	h := hits[i]
	km := v.e.kmask[h.pat] & containedMask
	if km == 0 {
		return false
	}
	for j := i - 1; j >= 0 && int(hits[j].t0) > int(h.t0)-maxPhrase; j-- {
		o := hits[j]
		if o.t1 >= h.t1 && (o.t0 != h.t0 || o.t1 != h.t1) && v.e.kmask[o.pat]&km != 0 {
			return true
		}
	}
	return false
}

// maxPhrase bounds the tokens of a lexicon term or place name that
// contains another.
const maxPhrase = 16

// overlapsKind reports whether a hit of kind k overlaps h.
func overlapsKind(e *Extractor, h hit, hs []hit, k termKind) bool {
	for _, o := range hs {
		if o.t0 < h.t1 && h.t0 < o.t1 && e.hasKind(o.pat, k) {
			return true
		}
	}
	return false
}

// hasKind reports whether pattern id carries a term of kind k.
func (e *Extractor) hasKind(id int32, k termKind) bool {
	return e.kmask[id]&kindBit(k) != 0
}

// termOf returns the first term of kind k of pattern id.
func (e *Extractor) termOf(id int32, k termKind) (term, bool) {
	for _, t := range e.pats[id] {
		if t.kind == k {
			return t, true
		}
	}
	return term{}, false
}

// each calls fn for every hit with a term of kind k, in order.
func (v *sview) each(k termKind, fn func(h hit, t term)) {
	bit := kindBit(k)
	if v.mask&bit == 0 {
		return
	}
	for _, h := range v.hits {
		if v.e.kmask[h.pat]&bit == 0 {
			continue
		}
		for _, t := range v.e.pats[h.pat] {
			if t.kind == k {
				fn(h, t)
			}
		}
	}
}

// has reports whether the sentence holds a term of kind k.
func (v *sview) has(k termKind) bool {
	return v.mask&kindBit(k) != 0
}

// at returns the term of kind k of a hit starting at token i.
func (v *sview) at(i int, k termKind) (hit, term, bool) {
	for _, h := range v.hits {
		if int(h.t0) == i {
			if t, ok := v.e.termOf(h.pat, k); ok {
				return h, t, true
			}
		} else if int(h.t0) > i {
			break
		}
	}
	return hit{}, term{}, false
}

// endingAt returns the term of kind k of a hit ending just before token i.
func (v *sview) endingAt(i int, k termKind) (hit, term, bool) {
	for _, h := range v.hits {
		if int(h.t1) == i {
			if t, ok := v.e.termOf(h.pat, k); ok {
				return h, t, true
			}
		}
	}
	return hit{}, term{}, false
}

// covered reports whether token i lies inside a hit of kind k.
func (v *sview) covered(i int, k termKind) bool {
	return i >= v.from && i < v.to && v.cov[i-v.from]&kindBit(k) != 0
}

// word reports whether token i is the word w (normalised).
func (v *sview) word(i int, ws ...string) bool {
	if i < v.from || i >= v.to {
		return false
	}
	t := &v.d.toks[i]
	s := v.d.norm[t.ns:t.ne]
	for _, w := range ws {
		if string(s) == w {
			return true
		}
	}
	return false
}

// punct reports whether token i is the punctuation mark c.
func (v *sview) punct(i int, c byte) bool {
	if i < v.from || i >= v.to {
		return false
	}
	t := &v.d.toks[i]
	return t.kind == tPunct && v.d.norm[t.ns] == c
}

// text returns the original text of tokens [a, b).
func (v *sview) text(a, b int) string {
	if a >= b {
		return ""
	}
	return v.d.text[v.d.toks[a].os:v.d.toks[b-1].oe]
}

// inSincePhrase reports whether hit h lies in a phrase that names a past
// reference point ("the highest toll since an attack on a railway station
// that killed 50"): from a "since" word to the next comma or semicolon.
// Its acts, places and figures are not the sentence's news.
func inSincePhrase(e *Extractor, d *doc, hits []hit, h hit, from int) bool {
	for _, s := range hits {
		if s.t0 >= h.t0 {
			return false
		}
		if !e.hasKind(s.pat, kSince) || int(s.t0) < from {
			continue
		}
		end := true
		for k := int(s.t1); k < int(h.t0); k++ {
			if t := &d.toks[k]; t.kind == tPunct && (d.norm[t.ns] == ',' || d.norm[t.ns] == ';') {
				end = false
				break
			}
		}
		if end {
			return true
		}
	}
	return false
}
