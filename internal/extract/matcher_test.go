package extract

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// bruteHits finds every phrase of phrases (normalised phrase → id) in d by
// trying every run of tokens, ordered by first token and, at one token,
// longest first.
func bruteHits(d *doc, phrases map[string]int32, maxWords int) []hit {
	var hits []hit
	for t := range d.toks {
		for u := min(len(d.toks), t+maxWords); u > t; u-- {
			if id, ok := phrases[string(d.norm[d.toks[t].ns:d.toks[u-1].ne])]; ok {
				hits = append(hits, hit{int32(t), int32(u), id})
			}
		}
	}
	return hits
}

// buildMatcher builds an automaton of phrases, added in a random order.
func buildMatcher(phrases map[string]int32, rng *rand.Rand) *phraseMatcher {
	keys := make([]string, 0, len(phrases))
	for p := range phrases {
		keys = append(keys, p)
	}
	sort.Strings(keys)
	rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	m := newPhraseMatcher()
	for _, p := range keys {
		m.add(p, phrases[p])
	}
	m.build()
	return m
}

func maxPhraseWords(phrases map[string]int32) int {
	n := 0
	for p := range phrases {
		n = max(n, strings.Count(p, " ")+1)
	}
	return n
}

func TestPhraseMatcher(t *testing.T) {
	pats := []string{"he", "kharkiv", "kharkiv region", "kryvy rih", "missile", "missile strike", "strike"}
	m := newPhraseMatcher()
	for id, p := range pats {
		m.add(p, int32(id))
	}
	m.build()
	d := tokenize("He said a missile strike hit Kharkiv region, not Kryvy-Rih or Kryvyi Rih.")
	var got []string
	for _, h := range m.scan(d, nil) {
		got = append(got, fmt.Sprintf("%d-%d %s", h.t0, h.t1, pats[h.pat]))
	}
	want := []string{"0-1 he", "3-5 missile strike", "3-4 missile", "4-5 strike", "6-8 kharkiv region", "6-7 kharkiv", "10-12 kryvy rih", "13-15 kryvy rih"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// TestPhraseMatcherRandom compares the automaton with trying every run of
// tokens, over random phrase sets of a small alphabet (so that phrases
// overlap, nest and share suffixes) and random token streams.
func TestPhraseMatcherRandom(t *testing.T) {
	alphabet := []string{"a", "bb", "kyiv", "київ", "харків", "7", ",", ".", "oblast", "zz"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		phrases := map[string]int32{}
		for range 1 + rng.IntN(40) {
			words := make([]string, 1+rng.IntN(5))
			for i := range words {
				words[i] = alphabet[rng.IntN(len(alphabet)-1)] // "zz" is in no phrase
			}
			if p := normalize(strings.Join(words, " ")); p != "" {
				if _, ok := phrases[p]; !ok {
					phrases[p] = int32(len(phrases))
				}
			}
		}
		m := buildMatcher(phrases, rng)
		for range 5 {
			words := make([]string, rng.IntN(60))
			for i := range words {
				words[i] = alphabet[rng.IntN(len(alphabet))]
			}
			d := tokenize(strings.Join(words, " "))
			want := bruteHits(d, phrases, maxPhraseWords(phrases))
			got := m.scan(d, nil)
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(hit{})); diff != "" {
				t.Fatalf("round %d, phrases %v, text %q: (-brute +automaton)\n%s", round, phrases, d.norm, diff)
			}
		}
	}
}

// BenchmarkScanEnglish runs the automaton alone over the tokens of every
// article of the news corpus (tokenised once, before timing).
func BenchmarkScanEnglish(b *testing.B) {
	arts, n := englishTexts(b)
	e := testExtractor(b)
	docs := make([]*doc, len(arts))
	for i, a := range arts {
		docs[i] = tokenize(a.Text)
	}
	var hits []hit
	b.SetBytes(int64(n))
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			hits = e.phrases.scan(d, hits[:0])
		}
	}
}
