package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress draws a progress bar on a terminal; elsewhere it stays silent.
type progress struct {
	w     io.Writer
	size  int64
	on    bool
	last  time.Time
	start time.Time
}

func newProgress(w io.Writer, size int64) *progress {
	f, ok := w.(*os.File)
	on := false
	if ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			on = true
		}
	}
	return &progress{w: w, size: size, on: on, start: time.Now()}
}

// update redraws the bar at most ten times a second.
func (p *progress) update(read int64, items int) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(items) / time.Since(p.start).Seconds()
	if p.size <= 0 {
		fmt.Fprintf(p.w, "\r%d items (%.0f/s)", items, rate)
		return
	}
	frac := min(float64(read)/float64(p.size), 1)
	n := int(frac * 30)
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%% %d items (%.0f/s)", strings.Repeat("=", n), strings.Repeat(" ", 30-n), frac*100, items, rate)
}

// done clears the bar.
func (p *progress) done() {
	if p.on {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 70))
	}
}
