package extract

import (
	"strings"
	"testing"
	"time"
)

// The speed target is 10 MB/s of English news text on one core:
//
//	GOMAXPROCS=1 go test -run X -bench ExtractEnglish ./internal/extract
//
// The machine may be shared, so besides the wall-clock MB/s the benchmarks
// report cpu-MB/s: bytes over the CPU time the process spent (user and
// system, garbage collection included), which other work does not skew.

// englishTexts returns the texts of the news corpus (every article,
// labelled or not) and their total size.
func englishTexts(b *testing.B) ([]Article, int) {
	arts, err := LoadCorpus(sharedData(b, "news"))
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, a := range arts {
		n += len(a.Text)
	}
	return arts, n
}

// BenchmarkExtractEnglish extracts every article of the corpus, one text
// at a time as news arrives, with its publication time.
func BenchmarkExtractEnglish(b *testing.B) {
	arts, n := englishTexts(b)
	e := testExtractor(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	start := processCPU()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			e.Extract(a.Text, Options{Published: a.Published, DateOnly: a.DateOnly})
		}
	}
	b.StopTimer()
	reportCPUThroughput(b, start, n)
}

// BenchmarkExtractEnglishOneText extracts the whole corpus as one long
// text: nothing in the extractor may grow faster than the text.
func BenchmarkExtractEnglishOneText(b *testing.B) {
	arts, _ := englishTexts(b)
	var sb strings.Builder
	for _, a := range arts {
		sb.WriteString(a.Text)
		sb.WriteString("\n\n")
	}
	text := sb.String()
	e := testExtractor(b)
	pub := time.Date(2022, 7, 1, 12, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	start := processCPU()
	for i := 0; i < b.N; i++ {
		e.Extract(text, Options{Published: pub})
	}
	b.StopTimer()
	reportCPUThroughput(b, start, len(text))
}

// reportCPUThroughput adds the bytes per CPU second since start.
func reportCPUThroughput(b *testing.B, start time.Duration, bytesPerOp int) {
	if now := processCPU(); now > start && b.N > 0 {
		b.ReportMetric(float64(bytesPerOp)*float64(b.N)/(now-start).Seconds()/1e6, "cpu-MB/s")
	}
}
