package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/truce-monitor/truce"
)

// RunBenchmarks measures a store's intake: batches of reports, each with
// its log entry and two tree hashes (as the transparency log stores them),
// in one Update per batch, and listing a page of reports. open returns a
// fresh store as for Run.
func RunBenchmarks(b *testing.B, open func(b *testing.B) truce.Store) {
	for _, batch := range []int{1000, 100, 1} {
		b.Run(fmt.Sprintf("Intake/batch=%d", batch), func(b *testing.B) { benchIntake(b, open(b), batch) })
	}
	b.Run("ReportsPage", func(b *testing.B) { benchReportsPage(b, open(b)) })
	b.Run("LogHashes", func(b *testing.B) { benchLogHashes(b, open(b)) })
}

// intakeBatch builds the reports and log entries of batch number n.
func intakeBatch(n, size int) ([]*truce.Report, []truce.LogEntry) {
	rs := make([]*truce.Report, size)
	es := make([]truce.LogEntry, size)
	for i := range size {
		r := newReport(n*size + i)
		r.ID = fmt.Sprintf("r_%09d", n*size+i)
		r.Source.Ref = r.ID
		rs[i] = r
		es[i] = truce.LogEntry{RecordType: "report", RecordID: r.ID,
			Data: fmt.Appendf(nil, `{"at":"2025-04-20T07:12:03Z","by":"tok_monitor","id":%q,"sha256":"%064x","type":"report"}`, r.ID, n*size+i)}
	}
	return rs, es
}

func benchIntake(b *testing.B, s truce.Store, size int) {
	ctx := context.Background()
	var logSize int64
	n := 0
	for b.Loop() {
		b.StopTimer()
		rs, es := intakeBatch(n, size)
		hs := make([][32]byte, 2*size)
		for i := range hs {
			hs[i] = logHash(2*logSize + int64(i))
		}
		b.StartTimer()
		err := s.Update(ctx, func(tx truce.Tx) error {
			for _, r := range rs {
				if err := tx.InsertReport(r); err != nil {
					return err
				}
			}
			for i := range es {
				es[i].Index = logSize + int64(i)
			}
			return tx.LogAppend(es, 2*logSize, hs)
		})
		if err != nil {
			b.Fatal(err)
		}
		logSize += int64(size)
		n++
	}
	b.ReportMetric(float64(n*size)/b.Elapsed().Seconds(), "reports/s")
}

func benchReportsPage(b *testing.B, s truce.Store) {
	for n := range 10 {
		rs, _ := intakeBatch(n, 1000)
		update(b, s, func(tx truce.Tx) error {
			for _, r := range rs {
				if err := tx.InsertReport(r); err != nil {
					return err
				}
			}
			return nil
		})
	}
	ctx := context.Background()
	for b.Loop() {
		err := s.View(ctx, func(tx truce.Tx) error {
			rs, _, err := tx.Reports(truce.ReportFilter{Limit: 100, SourceType: truce.SourceMonitor})
			if err == nil && len(rs) != 100 {
				err = fmt.Errorf("%d reports, want 100", len(rs))
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// benchLogHashes reads the ~40 hashes an inclusion proof needs.
func benchLogHashes(b *testing.B, s truce.Store) {
	const size = 100_000
	update(b, s, func(tx truce.Tx) error {
		hs := make([][32]byte, size)
		for i := range hs {
			hs[i] = logHash(int64(i))
		}
		return tx.LogAppend(nil, 0, hs)
	})
	idx := make([]int64, 40)
	ctx := context.Background()
	k := int64(0)
	for b.Loop() {
		for i := range idx {
			k = (k*6364136223846793005 + 1442695040888963407) & (1<<62 - 1)
			idx[i] = k % size
		}
		err := s.View(ctx, func(tx truce.Tx) error {
			_, err := tx.LogHashes(idx)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
