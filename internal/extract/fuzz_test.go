package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

// FuzzExtract: no input makes the extractor panic, and every report it
// returns passes validation.
func FuzzExtract(f *testing.F) {
	texts, _ := filepath.Glob("testdata/golden/*.txt")
	for _, p := range texts {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"", ".", "U.S. a.m. No. 5 J. R.", "1,200,000 killed", "’'’-–—", "\xff\xfe", "Kyiv-Kyiv's Kyiv", "в ніч на п'ятницю 31 червня"} {
		f.Add(s)
	}
	pub := time.Date(2025, 8, 15, 9, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		for _, r := range goldenEx.Extract(text, Options{Published: pub, Ref: "fuzz"}) {
			if errs := (truce.Validator{}).Validate(&r, pub); len(errs) > 0 {
				t.Fatalf("invalid report from %q: %v", text, errs)
			}
		}
	})
}

// BenchmarkExtractEnglish measures throughput on the English news texts of
// shared/data/news (all articles, one core). Report MB/s with -benchtime.
func BenchmarkExtractEnglish(b *testing.B) {
	arts, err := LoadCorpus(sharedData(b, "news"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, a := range arts {
		sb.WriteString(a.Text)
		sb.WriteString("\n\n")
	}
	text := sb.String()
	e := testExtractor(b)
	pub := time.Date(2022, 7, 1, 12, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Extract(text, Options{Published: pub})
	}
}
