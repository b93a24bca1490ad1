package fusion

import (
	"os"
	"path/filepath"
	"testing"
)

// dataDir returns ../shared/data/<sub> relative to the repository root
// (the directory holding go.mod), skipping the test when it is absent: the
// real data is not part of the repository.
func dataDir(tb testing.TB, sub string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the package directory; cannot find ../shared/data")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "data", sub)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("real data not found at %s (it lives outside the repository): %v", p, err)
	}
	return p
}
