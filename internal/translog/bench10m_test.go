package translog_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/logverify"
	"github.com/truce-monitor/truce/internal/sqlite"
	"github.com/truce-monitor/truce/internal/translog"
)

// The big-log benchmarks build a log of 10 million entries on SQLite
// (several minutes and a few GB of disk), so they run only when asked:
//
//	TRUCE_BENCH_BIGLOG=1 go test ./internal/translog -run XXX -bench BigLog -benchtime 1x -timeout 2h
//
// TRUCE_BENCH_BIGLOG_SIZE changes the size; TRUCE_BENCH_BIGLOG_DIR keeps
// the database there, to be reused by later runs.
type bigLog struct {
	size  int64
	store *sqlite.Store
	log   *translog.Log
	srv   *httptest.Server
	vkey  string
}

var (
	bigOnce sync.Once
	big     *bigLog
	bigErr  error
)

func openBigLog(b *testing.B) *bigLog {
	if os.Getenv("TRUCE_BENCH_BIGLOG") == "" {
		b.Skip("set TRUCE_BENCH_BIGLOG=1 to build a log of 10 million entries and run this")
	}
	bigOnce.Do(func() { big, bigErr = buildBigLog(b) })
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return big
}

func buildBigLog(b *testing.B) (*bigLog, error) {
	size := int64(10_000_000)
	if s := os.Getenv("TRUCE_BENCH_BIGLOG_SIZE"); s != "" {
		size, _ = strconv.ParseInt(s, 10, 64)
	}
	dir := os.Getenv("TRUCE_BENCH_BIGLOG_DIR")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "truce-biglog-"); err != nil {
			return nil, err
		}
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	skey, vkey, err := translog.LoadOrCreateKey(dir, translog.TestOrigin)
	if err != nil {
		return nil, err
	}
	l, err := translog.NewBenchLog(skey, vkey, st)
	if err != nil {
		return nil, err
	}
	var have int64
	st.View(ctx, func(tx truce.Tx) error { have, err = tx.LogSize(); return err })
	start := time.Now()
	const batch = 100_000
	for n := have; n < size; n += batch {
		es := syntheticEntries(n, min(batch, size-n))
		err := st.Update(ctx, func(tx truce.Tx) error { _, err := translog.AppendEntries(tx, es); return err })
		if err != nil {
			return nil, err
		}
	}
	if have < size {
		b.Logf("built a log of %d entries in %v (%s)", size, time.Since(start).Round(time.Second), dir)
	}
	if err := l.SignNow(ctx); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/log/", l.Handler())
	return &bigLog{size: size, store: st, log: l, srv: httptest.NewServer(mux), vkey: vkey}, nil
}

// syntheticEntries returns entries n..n+count-1 shaped like report entries.
func syntheticEntries(n, count int64) []truce.LogEntry {
	es := make([]truce.LogEntry, count)
	at := time.Date(2025, 4, 20, 0, 0, 0, 0, time.UTC)
	for i := range es {
		k := n + int64(i)
		id := fmt.Sprintf("r_%026d", k)
		sum := sha256.Sum256([]byte(id))
		data := make([]byte, 0, 180)
		data = append(data, `{"at":"`...)
		data = at.Add(time.Duration(k)*time.Second).AppendFormat(data, time.RFC3339)
		data = append(data, `","by":"tok_monitor_1","id":"`...)
		data = append(data, id...)
		data = append(data, `","sha256":"`...)
		data = hex.AppendEncode(data, sum[:])
		data = append(data, `","type":"report"}`...)
		es[i] = truce.LogEntry{RecordType: "report", RecordID: id, Data: data}
	}
	return es
}

// BenchmarkBigLogInclusionProof: an inclusion proof of a random entry in
// a log of 10 million: made by the server (the HTTP handler, no network),
// with the entry and its proof for a record (EntriesFor), and verified by
// logverify from the entry bundle and tiles over loopback HTTP.
func BenchmarkBigLogInclusionProof(b *testing.B) {
	bl := openBigLog(b)
	h := bl.log.Handler()
	b.Run("server", func(b *testing.B) {
		for b.Loop() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", fmt.Sprintf("/log/proof/inclusion?index=%d", rand.Int64N(bl.size)), nil))
			if rec.Code != 200 {
				b.Fatal(rec.Code, rec.Body.String())
			}
		}
	})
	b.Run("entries-for", func(b *testing.B) {
		for b.Loop() {
			ps, err := bl.log.EntriesFor(context.Background(), "report", fmt.Sprintf("r_%026d", rand.Int64N(bl.size)))
			if err != nil || len(ps) != 1 || len(ps[0].Proof) == 0 {
				b.Fatal(err, len(ps))
			}
		}
	})
	c, _ := logverify.New(logverify.Config{Server: bl.srv.URL, Key: bl.vkey})
	cp, err := c.FetchCheckpoint(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("client-verified", func(b *testing.B) {
		for b.Loop() {
			if _, err := c.Entry(context.Background(), cp, rand.Int64N(bl.size)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkBigLogAudit: logverify's full audit of the log of 10 million
// over loopback HTTP: every entry bundle and tile downloaded, every leaf
// and tile recomputed, the root matched. Run with -benchtime 1x.
func BenchmarkBigLogAudit(b *testing.B) {
	bl := openBigLog(b)
	c, _ := logverify.New(logverify.Config{Server: bl.srv.URL, Key: bl.vkey, Concurrency: 8})
	for b.Loop() {
		cp, err := c.FetchCheckpoint(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		if err := c.Audit(context.Background(), cp, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(bl.size)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}
