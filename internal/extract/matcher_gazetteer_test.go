package extract

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// realPhrases returns the extractor's phrases (the lexicon's terms and the
// project gazetteer's names in every script and inflection) by id.
func realPhrases(t *testing.T) map[string]int32 {
	t.Helper()
	e := &Extractor{places: Default().places}
	return e.addPatterns()
}

// realTexts returns the news corpus and texts made of the real phrases
// (and their leading words) in a random order with words of no phrase
// between some of them, so that names of every script overlap and nest.
func realTexts(t *testing.T, phrases map[string]int32) []string {
	t.Helper()
	var texts []string
	if arts, err := LoadCorpus(sharedData(t, "news")); err == nil {
		for _, a := range arts {
			texts = append(texts, a.Text)
		}
	} else {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(phrases))
	for p := range phrases {
		keys = append(keys, p)
	}
	sort.Strings(keys)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		var sb strings.Builder
		for range 400 {
			k := keys[rng.IntN(len(keys))]
			switch rng.IntN(4) {
			case 0:
				if i := strings.LastIndexByte(k, ' '); i > 0 {
					k = k[:i]
				}
			case 1:
				sb.WriteString("qqq ")
			}
			sb.WriteString(k)
			sb.WriteByte(' ')
		}
		texts = append(texts, sb.String())
	}
	return texts
}

// TestPhraseMatcherGazetteer checks that on the real phrases the automaton
// finds what trying every run of tokens finds. (Until the automaton
// replaced it, this test also held it equal to the hashed table of token
// runs that came before.)
func TestPhraseMatcherGazetteer(t *testing.T) {
	phrases := realPhrases(t)
	texts := realTexts(t, phrases)
	m := buildMatcher(phrases, rand.New(rand.NewPCG(5, 6)))
	maxWords := maxPhraseWords(phrases)
	n := 0
	for i, text := range texts {
		d := tokenize(text)
		got := m.scan(d, nil)
		n += len(got)
		if diff := cmp.Diff(bruteHits(d, phrases, maxWords), got, cmp.AllowUnexported(hit{})); diff != "" {
			t.Fatalf("text %d: (-brute +automaton)\n%s", i, diff)
		}
	}
	t.Logf("%d phrases, %d texts, %d hits", len(phrases), len(texts), n)
}
