package extract

import "sort"

// automaton is an Aho-Corasick automaton over bytes: it finds every
// occurrence of a set of patterns in one left-to-right pass of a text.
// Transitions are stored sparsely (sorted edges per state) with a dense
// table for the root, and missing transitions follow failure links.
type automaton struct {
	root  [256]int32 // goto of the root for every byte (0 = root)
	nodes []acNode
	edges []acEdge
	outs  []acOut      // output lists, chained through acOut.next
	dense [][256]int32 // goto rows of states with many edges (index+1 in acNode.dense)
	lens  []int32      // pattern length by pattern id
}

type acNode struct {
	edge, nedge int32 // edges[edge : edge+nedge], sorted by byte
	fail        int32 // longest proper suffix that is a state
	out         int32 // head of this state's own output list in outs, or -1
	dict        int32 // nearest state on the fail chain with output, or -1
	dense       int32 // 1 + index of the state's dense goto row, or 0
}

type acEdge struct {
	b    byte
	next int32
}

type acOut struct {
	pat  int32
	next int32
}

// denseEdges is the number of edges from which a state gets a dense row.
const denseEdges = 16

// acBuilder collects patterns for an automaton.
type acBuilder struct {
	trie map[uint64]int32 // (state<<8 | byte) → child
	kids [][]byte         // bytes leaving each state, in insertion order
	out  [][]int32        // pattern ids ending at each state
	lens []int32
}

func newACBuilder() *acBuilder {
	return &acBuilder{trie: map[uint64]int32{}, kids: [][]byte{nil}, out: [][]int32{nil}}
}

// add inserts pattern p and returns its id (ids count from 0 in the order
// of addition). An empty pattern is never matched.
func (b *acBuilder) add(p string) int32 {
	id := int32(len(b.lens))
	b.lens = append(b.lens, int32(len(p)))
	if p == "" {
		return id
	}
	s := int32(0)
	for i := 0; i < len(p); i++ {
		k := uint64(s)<<8 | uint64(p[i])
		next, ok := b.trie[k]
		if !ok {
			next = int32(len(b.kids))
			b.trie[k] = next
			b.kids[s] = append(b.kids[s], p[i])
			b.kids = append(b.kids, nil)
			b.out = append(b.out, nil)
		}
		s = next
	}
	b.out[s] = append(b.out[s], id)
	return id
}

// build computes failure and dictionary links breadth first.
func (b *acBuilder) build() *automaton {
	n := len(b.kids)
	a := &automaton{nodes: make([]acNode, n), lens: b.lens}
	for s := 0; s < n; s++ {
		ks := b.kids[s]
		sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
		a.nodes[s].edge = int32(len(a.edges))
		a.nodes[s].nedge = int32(len(ks))
		for _, c := range ks {
			a.edges = append(a.edges, acEdge{c, b.trie[uint64(s)<<8|uint64(c)]})
		}
		a.nodes[s].out = -1
		for _, id := range b.out[s] {
			a.outs = append(a.outs, acOut{id, a.nodes[s].out})
			a.nodes[s].out = int32(len(a.outs) - 1)
		}
		a.nodes[s].dict = -1
	}
	for _, e := range a.edgesOf(0) {
		a.root[e.b] = e.next
	}
	for s := 1; s < n; s++ {
		if a.nodes[s].nedge >= denseEdges {
			var row [256]int32
			for _, e := range a.edgesOf(int32(s)) {
				row[e.b] = e.next
			}
			a.dense = append(a.dense, row)
			a.nodes[s].dense = int32(len(a.dense))
		}
	}
	queue := make([]int32, 0, n)
	for _, e := range a.edgesOf(0) {
		queue = append(queue, e.next) // depth-1 states fail to the root
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, e := range a.edgesOf(s) {
			f := a.nodes[s].fail
			for {
				if t, ok := a.step(f, e.b); ok {
					if t != e.next {
						f = t
					} else {
						f = 0
					}
					break
				}
				if f == 0 {
					break
				}
				f = a.nodes[f].fail
			}
			a.nodes[e.next].fail = f
			if a.nodes[f].out >= 0 {
				a.nodes[e.next].dict = f
			} else {
				a.nodes[e.next].dict = a.nodes[f].dict
			}
			queue = append(queue, e.next)
		}
	}
	return a
}

func (a *automaton) edgesOf(s int32) []acEdge {
	n := &a.nodes[s]
	return a.edges[n.edge : n.edge+n.nedge]
}

// step returns the goto transition of state s on byte c, if any.
func (a *automaton) step(s int32, c byte) (int32, bool) {
	if s == 0 {
		t := a.root[c]
		return t, t != 0
	}
	n := &a.nodes[s]
	if n.dense > 0 {
		t := a.dense[n.dense-1][c]
		return t, t != 0
	}
	es := a.edges[n.edge : n.edge+n.nedge]
	lo, hi := 0, len(es)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if es[m].b < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(es) && es[lo].b == c {
		return es[lo].next, true
	}
	return 0, false
}

// scan reports every occurrence of every pattern in text: fn(id, end) with
// text[end-len(pattern):end] equal to the pattern. Occurrences are
// reported in order of their end.
func (a *automaton) scan(text []byte, fn func(id int32, end int)) {
	s := int32(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		for {
			if t, ok := a.step(s, c); ok {
				s = t
				break
			}
			if s == 0 {
				break
			}
			s = a.nodes[s].fail
		}
		for o := s; o > 0; o = a.nodes[o].dict {
			for k := a.nodes[o].out; k >= 0; k = a.outs[k].next {
				fn(a.outs[k].pat, i+1)
			}
			if a.nodes[o].dict < 0 {
				break
			}
		}
	}
}

// patLen returns the length in bytes of pattern id.
func (a *automaton) patLen(id int32) int { return int(a.lens[id]) }
