//go:build unix

package web_test

import (
	"syscall"
	"time"
)

// processCPU returns the user and system CPU time the test process has
// spent so far, or 0 when it cannot be read.
func processCPU() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
