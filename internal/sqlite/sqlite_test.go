package sqlite

import (
	"testing"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/storetest"
)

func open(tb testing.TB) truce.Store {
	s, err := Open(tb.Context(), tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) truce.Store { return open(t) })
}

func BenchmarkStore(b *testing.B) {
	storetest.RunBenchmarks(b, func(b *testing.B) truce.Store { return open(b) })
}
