//go:build !unix

package extract

import "time"

// processCPU is not available here: benchmarks report no CPU time.
func processCPU() time.Duration { return 0 }
