package extract

import (
	"os"
	"path/filepath"
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
