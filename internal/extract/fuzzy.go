package extract

import (
	"math/bits"
	"unicode/utf8"
)

// Misspelt place names ("Druzkivka", "Sievierdonetsk", "Popansa"). A
// capitalised word of six letters or more that no lexicon term or place
// name explains, standing where a place is expected (after a locative or
// "village of", or before "region"), is matched to the Latin names of
// towns, region centres and known sites within a small edit distance:
// one edit (a letter added, dropped, changed, or two neighbours swapped)
// for words of six to nine letters, two for longer ones. The first letter
// must agree and the nearest name must be unique.

// fuzzyMinLen is the shortest word, in letters, matched approximately.
const fuzzyMinLen = 6

// fuzzyMinPop is the population from which a settlement may be found by a
// misspelling; villages are too many to guess among.
const fuzzyMinPop = 5000

// fuzzyForm is a place form that misspellings may find, and its pattern.
type fuzzyForm struct {
	form    string
	pat     int32
	letters uint32 // the letters a-z the form holds, one bit each
}

// letterSet returns the set of letters a-z in b, one bit each. One edit
// changes the set by at most two letters.
func letterSet(b []byte) uint32 {
	var m uint32
	for _, c := range b {
		if c >= 'a' && c <= 'z' {
			m |= 1 << (c - 'a')
		}
	}
	return m
}

// fuzzyIndex holds the single-word Latin place forms by first byte and
// length.
type fuzzyIndex map[[2]int][]fuzzyForm

// add enters a form if it is one Latin word of a prominent place.
func (x fuzzyIndex) add(form string, pat int32) {
	n := len(form)
	if n < fuzzyMinLen || n > 40 || form[0] < 'a' || form[0] > 'z' {
		return
	}
	for i := 0; i < n; i++ {
		if form[i] < 'a' || form[i] > 'z' {
			return
		}
	}
	k := [2]int{int(form[0]), n}
	x[k] = append(x[k], fuzzyForm{form, pat, letterSet([]byte(form))})
}

// lookup returns the pattern of the unique nearest form to w, if any lies
// within the allowed distance.
func (x fuzzyIndex) lookup(w []byte) (int32, bool) {
	n := len(w)
	if n < fuzzyMinLen || w[0] < 'a' || w[0] > 'z' {
		return 0, false
	}
	maxD := 1
	if n >= 10 {
		maxD = 2
	}
	best, bestD, unique := int32(0), maxD+1, false
	letters := letterSet(w)
	for l := n - maxD; l <= n+maxD; l++ {
		for _, f := range x[[2]int{int(w[0]), l}] {
			if bits.OnesCount32(f.letters^letters) > 2*maxD {
				continue
			}
			d := osaDistance(w, f.form, min(bestD+1, maxD+1))
			switch {
			case d > maxD:
			case d < bestD:
				best, bestD, unique = f.pat, d, true
			case d == bestD && f.pat != best:
				unique = false
			}
		}
	}
	return best, unique && bestD <= maxD && bestD > 0
}

// osaDistance returns the optimal string alignment distance between a
// and b (insertions, deletions, substitutions and swaps of neighbours),
// or limit when it is at least limit.
func osaDistance(a []byte, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	var rows [3][42]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit)
}

// fuzzyHits adds hits for misspelt place names to hits (sorted by first
// token, as scan returns them) and returns the merged list.
func (e *Extractor) fuzzyHits(d *doc, hits []hit) []hit {
	if len(e.fuzzy) == 0 {
		return hits
	}
	var extra []hit
	hi := 0
	covered := -1 // last token covered by a hit
	for i := 1; i < len(d.toks); i++ {
		for hi < len(hits) && int(hits[hi].t0) <= i {
			covered = max(covered, int(hits[hi].t1)-1)
			hi++
		}
		t := &d.toks[i]
		if covered >= i || t.kind != tWord || !t.upper || int(t.ne-t.ns) < fuzzyMinLen || !e.placeExpected(d, i) {
			continue
		}
		w := d.norm[t.ns:t.ne]
		if utf8.RuneCount(w) != len(w) {
			continue // Latin names only
		}
		if pat, ok := e.fuzzy.lookup(w); ok {
			extra = append(extra, hit{int32(i), int32(i + 1), pat})
		}
	}
	if len(extra) == 0 {
		return hits
	}
	return mergeHits(hits, extra)
}

// placeExpected reports whether token i stands where a place name is
// expected: after a locative or a settlement word, or before a region
// word.
func (e *Extractor) placeExpected(d *doc, i int) bool {
	p := d.tokText(i - 1)
	if locatives[p] || cueWords[p] {
		return true
	}
	return i+1 < len(d.toks) && (d.is(i+1, "region") || d.is(i+1, "oblast") || d.is(i+1, "province"))
}

// mergeHits merges two hit lists sorted by first token.
func mergeHits(a, b []hit) []hit {
	out := make([]hit, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j == len(b) || i < len(a) && a[i].t0 <= b[j].t0 {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}
