package extract

import "testing"

// testExtractor returns the extractor the corpus tests use.
func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	return New(nil)
}
