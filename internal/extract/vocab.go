package extract

import "math/bits"

// vocabTable maps the normalised words that occur in some phrase to their
// ids. It is open addressing with the bytes of a word kept in its slot
// where they fit, so that a lookup usually touches one cache line, and a
// filter with two bits per word turns most other words away before that.
type vocabTable struct {
	slots  []vocabSlot
	mask   uint32
	words  []string // by id, for words longer than inlineWord
	filter []uint64
	fshift uint32 // the filter's word of hash h is (h*0x9e3779b1)>>fshift
}

// inlineWord is the longest word kept in its slot.
const inlineWord = 23

// vocabSlot is one word of the table; hash 0 marks an empty slot.
type vocabSlot struct {
	hash uint32
	id   int32
	klen uint8 // 255 for a word longer than inlineWord
	key  [inlineWord]byte
}

// newVocabTable builds the table of words, whose ids are their indexes.
func newVocabTable(words []string) vocabTable {
	size := 16
	for size < 2*len(words) {
		size <<= 1
	}
	fwords := 64
	for fwords < len(words)/2 {
		fwords <<= 1
	}
	v := vocabTable{slots: make([]vocabSlot, size), mask: uint32(size - 1), words: words,
		filter: make([]uint64, fwords), fshift: uint32(32 - bits.TrailingZeros(uint(fwords)))}
	for id, w := range words {
		h := hashBytes([]byte(w))
		v.filter[(h*0x9e3779b1)>>v.fshift] |= filterBits(h)
		i := h & v.mask
		for v.slots[i].hash != 0 {
			i = (i + 1) & v.mask
		}
		s := &v.slots[i]
		s.hash, s.id, s.klen = h, int32(id), 255
		if len(w) <= inlineWord {
			s.klen = uint8(len(w))
			copy(s.key[:], w)
		}
	}
	return v
}

// filterBits are the two bits of hash h in its word of the filter.
func filterBits(h uint32) uint64 { return uint64(1)<<(h>>26) | uint64(1)<<((h>>20)&63) }

// lookup returns the id of word b with table hash h, or -1. The caller
// (word) has already asked the filter.
func (v *vocabTable) lookup(b []byte, h uint32) int32 {
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		s := &v.slots[i]
		if s.hash == 0 {
			return -1
		}
		if s.hash != h {
			continue
		}
		if s.klen != 255 {
			if int(s.klen) == len(b) && string(s.key[:s.klen]) == string(b) {
				return s.id
			}
		} else if v.words[s.id] == string(b) {
			return s.id
		}
	}
}

// wordCache remembers the word ids of the tokens of one text, where the
// same words recur: a direct-mapped table by hash, the word checked
// against its earlier occurrence in the text. Hash 0 marks an empty entry.
type wordCache [512]struct {
	hash   uint32
	id     int32
	ns, ne int32
}

// word returns the word id of token u of d, or -1 when it is in no phrase.
func (v *vocabTable) word(d *doc, u int, c *wordCache) int32 {
	t := &d.toks[u]
	b := d.norm[t.ns:t.ne]
	h := hashBytes(b)
	if m := filterBits(h); v.filter[(h*0x9e3779b1)>>v.fshift]&m != m {
		return -1
	}
	e := &c[h%uint32(len(c))]
	if e.hash == h && string(d.norm[e.ns:e.ne]) == string(b) {
		return e.id
	}
	id := v.lookup(b, h)
	e.hash, e.id, e.ns, e.ne = h, id, t.ns, t.ne
	return id
}

// fnvOffset starts an FNV-1a hash.
const fnvOffset = uint32(2166136261)

// hashBytes is the table hash of b: FNV-1a, never 0.
func hashBytes(b []byte) uint32 {
	h := fnvOffset
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	if h == 0 {
		return 1
	}
	return h
}
