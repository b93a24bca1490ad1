package extract

import (
	"slices"
	"strings"
)

// phraseMatcher finds every lexicon term and place name of a text: an
// Aho-Corasick automaton whose alphabet is the normalised words that occur
// in some phrase. A phrase is normalised like the text (tokens joined by
// single spaces) and read as its sequence of words, so a match starts and
// ends at token boundaries. A token of the text becomes its word id (a
// per-text cache remembers the ids of words seen before in the text); a
// word that is in no phrase is the one "other" symbol, which leads back to
// the root. The automaton runs once over the tokens and reports at each
// token every phrase that ends there, with its length.
//
// The goto function is stored as a dense array for the root, which most
// transitions leave from, and as per-state runs of transitions sorted by
// word for the other states. Failure and output links are computed breadth
// first when the automaton is built; a state's outputs are its own phrase
// and those along its output links, longest first.
type phraseMatcher struct {
	vocab vocabTable
	root  []int32   // next state from the root by word id; 0 when none
	edges []acEdge  // transitions of the other states, sorted by word per state
	st    []acState // states; st[len(st)-1] is a sentinel that ends edges

	// Build-time trie, dropped by build.
	ids  map[string]int32 // word ids
	kids map[uint64]int32 // state<<32 | word → child
	pats []int32          // pattern id per state, -1 when none
}

// acEdge is one transition: on word, go to next.
type acEdge struct{ word, next int32 }

// acState is one state of the automaton: a sequence of words that starts
// some phrase.
type acState struct {
	edges uint32 // its transitions are edges[edges:st[s+1].edges]
	fail  int32  // the state of its longest proper suffix that is a state
	out   int32  // the nearest state along fail links with a phrase; 0 when none
	pat   int32  // the phrase it is, or -1
	depth int32  // its length in words
}

func newPhraseMatcher() *phraseMatcher {
	return &phraseMatcher{ids: map[string]int32{}, kids: map[uint64]int32{}, pats: []int32{-1}}
}

// add enters phrase p (normalised) as pattern id; a phrase added twice
// keeps the last id. Call build after the last add.
func (m *phraseMatcher) add(p string, id int32) {
	if p == "" {
		return
	}
	s := int32(0)
	for w := range strings.SplitSeq(p, " ") {
		wid, ok := m.ids[w]
		if !ok {
			wid = int32(len(m.ids))
			m.ids[w] = wid
		}
		k := uint64(s)<<32 | uint64(wid)
		next, ok := m.kids[k]
		if !ok {
			next = int32(len(m.pats))
			m.pats = append(m.pats, -1)
			m.kids[k] = next
		}
		s = next
	}
	m.pats[s] = id
}

// build lays out the goto function and computes failure and output links
// breadth first.
func (m *phraseMatcher) build() {
	n := len(m.pats)
	words := make([]string, len(m.ids))
	for w, id := range m.ids {
		words[id] = w
	}
	m.vocab = newVocabTable(words)
	m.root = make([]int32, len(words))
	count := make([]uint32, n+1)
	for k, next := range m.kids {
		if s := int32(k >> 32); s == 0 {
			m.root[uint32(k)] = next
		} else {
			count[s+1]++
		}
	}
	m.st = make([]acState, n+1)
	for s := 1; s <= n; s++ {
		count[s] += count[s-1]
		m.st[s].edges = count[s]
	}
	m.edges = make([]acEdge, count[n])
	fill := count[:n]
	for k, next := range m.kids {
		if s := int32(k >> 32); s != 0 {
			m.edges[fill[s]] = acEdge{int32(uint32(k)), next}
			fill[s]++
		}
	}
	for s := 1; s < n; s++ {
		slices.SortFunc(m.edges[m.st[s].edges:m.st[s+1].edges], func(a, b acEdge) int { return int(a.word - b.word) })
	}
	for s, p := range m.pats {
		m.st[s].pat = p
	}
	m.st[0].depth = 0
	m.links()
	m.ids, m.kids, m.pats = nil, nil, nil
}

// links sets the depth, failure link and output link of every state,
// visiting states breadth first so that a state's links are known before
// its children's.
func (m *phraseMatcher) links() {
	queue := make([]int32, 0, len(m.st))
	for _, next := range m.root {
		if next != 0 {
			m.st[next].depth = 1
			queue = append(queue, next)
		}
	}
	for i := 0; i < len(queue); i++ {
		s := queue[i]
		for _, e := range m.edges[m.st[s].edges:m.st[s+1].edges] {
			c := e.next
			f := m.st[s].fail
			m.st[c].fail = m.step(f, e.word)
			m.st[c].depth = m.st[s].depth + 1
			if fc := m.st[c].fail; m.st[fc].pat >= 0 {
				m.st[c].out = fc
			} else {
				m.st[c].out = m.st[fc].out
			}
			queue = append(queue, c)
		}
	}
}

// next returns the state that word w leads to from state s by a goto
// transition, or 0 when there is none.
func (m *phraseMatcher) next(s, w int32) int32 {
	if s == 0 {
		return m.root[w]
	}
	es := m.edges[m.st[s].edges:m.st[s+1].edges]
	if len(es) <= 8 {
		for _, e := range es {
			if e.word == w {
				return e.next
			}
		}
		return 0
	}
	lo, hi := 0, len(es)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if es[mid].word < w {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(es) && es[lo].word == w {
		return es[lo].next
	}
	return 0
}

// step is the automaton's move from state s on word w: the goto
// transition of s or, failing that, of its failure links, down to the
// root.
func (m *phraseMatcher) step(s, w int32) int32 {
	for {
		if n := m.next(s, w); n != 0 || s == 0 {
			return n
		}
		s = m.st[s].fail
	}
}

// scan appends to hits every phrase of document d, ordered by first token
// and, at one token, longest first.
func (m *phraseMatcher) scan(d *doc, hits []hit) []hit {
	var cache wordCache
	n0 := len(hits)
	s := int32(0)
	for u := range d.toks {
		w := m.vocab.word(d, u, &cache)
		if w < 0 {
			s = 0
			continue
		}
		if s = m.step(s, w); s == 0 {
			continue
		}
		end := int32(u + 1)
		for o := s; o != 0; o = m.st[o].out {
			if p := m.st[o].pat; p >= 0 {
				hits = insertHit(hits, n0, hit{end - m.st[o].depth, end, p})
			}
		}
	}
	return hits
}

// insertHit appends h to hits, moving it before the hits from n0 on that
// start after it, or at its start and are shorter. Hits come by their end
// and, at one end, longest first, so h moves at most past the hits of
// shorter phrases that end within its span.
func insertHit(hits []hit, n0 int, h hit) []hit {
	hits = append(hits, h)
	i := len(hits) - 1
	for i > n0 && (hits[i-1].t0 > h.t0 || hits[i-1].t0 == h.t0 && hits[i-1].t1 < h.t1) {
		hits[i] = hits[i-1]
		i--
	}
	hits[i] = h
	return hits
}
