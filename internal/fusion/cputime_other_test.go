//go:build !unix

package fusion

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
