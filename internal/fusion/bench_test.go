package fusion

import (
	"os"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"
)

// benchReports is the size of the fusion benchmark: the real FIRMS and
// VIINA streams replayed, shifted in time, to a million reports.
const benchReports = 1_000_000

// BenchmarkFuse1M fuses a million real reports into a fresh engine per
// iteration and reports the cost per report (wall clock and CPU) and the
// heap the engine holds (beyond the streams' own records).
// Target: under 10 s and 1 GiB for the million.
//
//	go test ./internal/fusion -run '^$' -bench Fuse1M -benchtime 1x
func BenchmarkFuse1M(b *testing.B) {
	s := loadStreams(b)
	p := newReplayer(s)
	base := heapInUse() // the streams themselves
	b.ResetTimer()
	var e *Engine
	cpu0 := cpuTime()
	for b.Loop() {
		e = New(Options{})
		for i := range benchReports {
			e.Add(p.report(i))
		}
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	inc, reps := e.Len()
	heap := heapInUse() - base
	n := float64(b.N) * benchReports
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/report")
	b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/report")
	b.ReportMetric(float64(heap)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(inc), "incidents")
	b.Logf("%d reports -> %d incidents in %.1f s (%.1f s of CPU, all threads incl. GC); heap in use %.0f MiB (%.0f B/report)",
		reps, inc, b.Elapsed().Seconds()/float64(b.N), cpu.Seconds()/float64(b.N), float64(heap)/(1<<20), float64(heap)/float64(reps))
	runtime.KeepAlive(e)
}

// BenchmarkAddAt1M measures the latency of Add into an engine that already
// holds a million reports, and of Add followed by materialising the
// incident it changed (what a server persists). Target: under 100 µs.
// TRUCE_FUSION_BENCH_REPORTS sets another size (3,400,000 reports make
// about a million incidents).
//
//	go test ./internal/fusion -run '^$' -bench AddAt1M -benchtime 20000x
func BenchmarkAddAt1M(b *testing.B) {
	size := benchReports
	if v := os.Getenv("TRUCE_FUSION_BENCH_REPORTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("TRUCE_FUSION_BENCH_REPORTS=%q is not a positive number", v)
		}
		size = n
	}
	s := loadStreams(b)
	p := newReplayer(s)
	e := New(Options{})
	for i := range size {
		e.Add(p.report(i))
	}
	inc, reps := e.Len()
	heap := heapInUse()
	lat := make([]time.Duration, 0, b.N)
	mat := make([]time.Duration, 0, b.N)
	next := size
	b.ResetTimer()
	for b.Loop() {
		r := p.report(next)
		next++
		t0 := time.Now()
		ch := e.Add(r)
		t1 := time.Now()
		if _, err := e.Incident(ch.Incident); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, t1.Sub(t0))
		mat = append(mat, time.Since(t0))
	}
	b.StopTimer()
	b.ReportMetric(quantile(lat, 0.5), "p50-µs")
	b.ReportMetric(quantile(lat, 0.99), "p99-µs")
	b.ReportMetric(quantile(lat, 0.999), "p99.9-µs")
	b.ReportMetric(quantile(lat, 1), "max-µs")
	b.ReportMetric(quantile(mat, 0.99), "p99-with-incident-µs")
	b.Logf("engine held %d reports, %d incidents (heap %.0f MiB); Add p50 %.1f µs p99 %.1f µs p99.9 %.1f µs max %.1f µs; Add+Incident p50 %.1f µs p99 %.1f µs",
		reps, inc, float64(heap)/(1<<20), quantile(lat, 0.5), quantile(lat, 0.99), quantile(lat, 0.999), quantile(lat, 1), quantile(mat, 0.5), quantile(mat, 0.99))
}

func quantile(ds []time.Duration, q float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(q * float64(len(s)-1))
	return float64(s[i].Nanoseconds()) / 1e3
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
