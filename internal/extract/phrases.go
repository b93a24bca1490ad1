package extract

// phraseIndex finds every lexicon term and place name of a text. Terms
// and names are normalised like the text (tokens joined by single
// spaces), and a match must start and end at token boundaries, so a
// phrase is found by looking up the normal forms of the runs of tokens
// that start at each token: one hash lookup per token for most tokens,
// a few more where a longer phrase begins. It finds what an Aho-Corasick
// automaton over the normalised text would find at token boundaries,
// with far less memory traffic per byte of text.
type phraseIndex struct {
	m map[string]phraseEntry
}

// phraseEntry is what a run of tokens may be: a phrase (pattern id, or -1
// when none) and the start of a longer one.
type phraseEntry struct {
	pat    int32
	prefix bool
}

func newPhraseIndex(n int) *phraseIndex {
	return &phraseIndex{m: make(map[string]phraseEntry, n+n/4)}
}

// add enters phrase p (normalised, non-empty) as pattern id.
func (x *phraseIndex) add(p string, id int32) {
	en, ok := x.m[p]
	if !ok {
		en.pat = -1
	}
	en.pat = id
	x.m[p] = en
	for i := 0; i < len(p); i++ {
		if p[i] != ' ' {
			continue
		}
		pre := p[:i]
		en, ok := x.m[pre]
		if !ok {
			en.pat = -1
		}
		en.prefix = true
		x.m[pre] = en
	}
}

// scan appends to hits every phrase of document d, ordered by first token
// and, at one token, longest first.
func (x *phraseIndex) scan(d *doc, hits []hit) []hit {
	toks := d.toks
	for t := range toks {
		start := toks[t].ns
		n0 := len(hits)
		for u := t; u < len(toks); u++ {
			en, ok := x.m[string(d.norm[start:toks[u].ne])]
			if !ok {
				break
			}
			if en.pat >= 0 {
				hits = append(hits, hit{int32(t), int32(u + 1), en.pat})
			}
			if !en.prefix {
				break
			}
		}
		for i, j := n0, len(hits)-1; i < j; i, j = i+1, j-1 {
			hits[i], hits[j] = hits[j], hits[i]
		}
	}
	return hits
}
