package gazetteer

import (
	"testing"
	"time"
)

// reportCPU adds to a benchmark the CPU time per operation since start, a
// steadier measure than the wall clock on a machine shared with other work.
func reportCPU(b *testing.B, start time.Duration) {
	if now := processCPU(); now > 0 && b.N > 0 {
		b.ReportMetric(float64(now-start)/float64(b.N), "cpu-ns/op")
	}
}
