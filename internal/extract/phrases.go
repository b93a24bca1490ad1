package extract

// phraseIndex finds every lexicon term and place name of a text. Terms
// and names are normalised like the text (tokens joined by single
// spaces), and a match must start and end at token boundaries, so a
// phrase is found by looking up the normal forms of the runs of tokens
// that start at each token: one lookup per token for most tokens, a few
// more where a longer phrase begins. It finds what an Aho-Corasick
// automaton over the normalised text would find at token boundaries, with
// far less memory traffic per byte of text.
//
// The table is open addressing with the key bytes kept in the slot where
// they fit, so that a lookup usually touches one cache line; a bit set
// with two bits per key turns most runs that are no key away before that,
// and the lookups of single words are remembered within a text.
type phraseIndex struct {
	slots []phraseSlot
	mask  uint32
	long  []byte   // keys longer than inlineKey, by phraseSlot.off
	first []uint64 // filter: two bits set for the hash of every key
	n     int
}

// inlineKey is the longest key kept in its slot.
const inlineKey = 20

// phraseSlot is one entry: a run of tokens that is a phrase (pat ≥ 0)
// and/or the start of a longer one.
type phraseSlot struct {
	hash   uint32 // 0 marks an empty slot
	pat    int32  // pattern id, or -1 when the run is only a prefix
	off    uint32 // offset in long, for keys longer than inlineKey
	klen   uint8
	prefix bool
	key    [inlineKey]byte
}

// firstBits is the size in bits of the filter.
const firstBits = 1 << 21

func newPhraseIndex(n int) *phraseIndex {
	size := 1
	for size < 2*(n+n/2+16) {
		size <<= 1
	}
	return &phraseIndex{slots: make([]phraseSlot, size), mask: uint32(size - 1), first: make([]uint64, firstBits/64)}
}

// fnvOffset starts an FNV-1a hash.
const fnvOffset = uint32(2166136261)

// fnv continues FNV-1a hash h over b.
func fnv(h uint32, b []byte) uint32 {
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// keyHash makes a raw hash a table hash: never 0.
func keyHash(h uint32) uint32 {
	if h == 0 {
		return 1
	}
	return h
}

// hashBytes is the table hash of b.
func hashBytes(b []byte) uint32 { return keyHash(fnv(fnvOffset, b)) }

// filterHas and filterAdd test and set the two bits of hash h in the
// filter of all keys; both bits lie in one word, so a test reads memory
// once.
func (x *phraseIndex) filterHas(h uint32) bool {
	m := uint64(1)<<(h>>26) | uint64(1)<<((h>>20)&63)
	return x.first[(h*0x9e3779b1)%(firstBits/64)]&m == m
}

func (x *phraseIndex) filterAdd(h uint32) {
	x.first[(h*0x9e3779b1)%(firstBits/64)] |= uint64(1)<<(h>>26) | uint64(1)<<((h>>20)&63)
}

// add enters phrase p (normalised, non-empty) as pattern id, and each of
// its leading runs of tokens as a prefix.
func (x *phraseIndex) add(p string, id int32) {
	x.slot(p, true).pat = id
	x.filterAdd(hashBytes([]byte(p)))
	for i := 0; i < len(p); i++ {
		if p[i] == ' ' {
			x.slot(p[:i], true).prefix = true
			x.filterAdd(hashBytes([]byte(p[:i])))
		}
	}
}

// slot finds the slot of key k, making one when make is set (nil if
// absent otherwise).
func (x *phraseIndex) slot(k string, make bool) *phraseSlot {
	h := hashBytes([]byte(k))
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := &x.slots[i]
		if s.hash == 0 {
			if !make {
				return nil
			}
			if x.n >= len(x.slots)/2 {
				x.grow()
				return x.slot(k, true)
			}
			x.n++
			s.hash, s.pat, s.klen = h, -1, uint8(min(len(k), 255))
			if len(k) <= inlineKey {
				copy(s.key[:], k)
			} else {
				s.off = uint32(len(x.long))
				x.long = append(x.long, k...)
				x.long = append(x.long, 0)
				s.klen = 255
			}
			return s
		}
		if s.hash == h && x.keyIs(s, k) {
			return s
		}
	}
}

// keyIs reports whether slot s holds key k.
func (x *phraseIndex) keyIs(s *phraseSlot, k string) bool {
	if s.klen != 255 {
		return int(s.klen) == len(k) && string(s.key[:s.klen]) == k
	}
	if len(k) <= inlineKey || int(s.off)+len(k) >= len(x.long) {
		return false
	}
	return string(x.long[s.off:int(s.off)+len(k)]) == k && x.long[int(s.off)+len(k)] == 0
}

// grow doubles the table.
func (x *phraseIndex) grow() {
	old := x.slots
	x.slots = make([]phraseSlot, 2*len(old))
	x.mask = uint32(len(x.slots) - 1)
	for _, s := range old {
		if s.hash == 0 {
			continue
		}
		i := s.hash & x.mask
		for x.slots[i].hash != 0 {
			i = (i + 1) & x.mask
		}
		x.slots[i] = s
	}
}

// lookup returns the slot of the run of tokens b with hash h, or nil.
func (x *phraseIndex) lookup(b []byte, h uint32) *phraseSlot {
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := &x.slots[i]
		if s.hash == 0 {
			return nil
		}
		if s.hash == h && x.keyIs(s, string(b)) {
			return s
		}
	}
}

// tokenCache remembers the lookups of single tokens within one text, where
// the same words recur: a direct-mapped table by hash, the word checked
// against its earlier occurrence in the text.
type tokenCache [512]struct {
	hash     uint32
	ns, ne   int32
	slot     *phraseSlot
	occupied bool
}

// scan appends to hits every phrase of document d, ordered by first token
// and, at one token, longest first.
func (x *phraseIndex) scan(d *doc, hits []hit) []hit {
	toks := d.toks
	var cache tokenCache
	for t := range toks {
		start := toks[t].ns
		word := d.norm[start:toks[t].ne]
		raw := fnv(fnvOffset, word)
		h := keyHash(raw)
		if !x.filterHas(h) {
			continue
		}
		n0 := len(hits)
		for u := t; u < len(toks); u++ {
			var s *phraseSlot
			if u == t {
				c := &cache[h%uint32(len(cache))]
				if c.occupied && c.hash == h && string(d.norm[c.ns:c.ne]) == string(word) {
					s = c.slot
				} else {
					s = x.lookup(word, h)
					c.hash, c.ns, c.ne, c.slot, c.occupied = h, start, toks[t].ne, s, true
				}
			} else {
				raw = fnv(raw, d.norm[toks[u-1].ne:toks[u].ne]) // the space and the next token
				if h = keyHash(raw); !x.filterHas(h) {
					break
				}
				s = x.lookup(d.norm[start:toks[u].ne], h)
			}
			if s == nil {
				break
			}
			if s.pat >= 0 {
				hits = append(hits, hit{int32(t), int32(u + 1), s.pat})
			}
			if !s.prefix {
				break
			}
		}
		for i, j := n0, len(hits)-1; i < j; i, j = i+1, j-1 {
			hits[i], hits[j] = hits[j], hits[i]
		}
	}
	return hits
}
