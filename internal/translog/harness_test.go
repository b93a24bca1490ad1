package translog_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/logverify"
	"github.com/truce-monitor/truce/internal/postgres"
	"github.com/truce-monitor/truce/internal/sqlite"
	"github.com/truce-monitor/truce/internal/translog"
	"github.com/truce-monitor/truce/internal/witness"
	"golang.org/x/mod/sumdb/tlog"
)

// backend is a store with a way to change it behind the log's back, as an
// operator with access to the database could.
type backend struct {
	name string
	open func(t *testing.T) (truce.Store, tamperer)
}

// tamperer changes the stored log directly.
type tamperer interface {
	setEntry(t *testing.T, i int64, data []byte)
	entry(t *testing.T, i int64) []byte
	dropEntry(t *testing.T, i int64, renumber bool)
	// truncate drops the entries from n on, their hashes, and the
	// checkpoints of larger sizes: the tree is rolled back to size n.
	truncate(t *testing.T, n int64)
	// dropCheckpoint deletes the checkpoint of a size.
	dropCheckpoint(t *testing.T, size int64)
	// unpublish deletes the published copies of the full tiles, so that
	// the log serves what the rows hold (see publish.go): an operator who
	// changes rows does this too, else the change would not be served.
	unpublish(t *testing.T)
}

var backends = []backend{
	{"memory", func(t *testing.T) (truce.Store, tamperer) {
		st := translog.NewMemStore()
		return st, memTamper{st}
	}},
	{"sqlite", func(t *testing.T) (truce.Store, tamperer) {
		st, err := sqlite.Open(context.Background(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st, sqlTamper{db: st.Writer()}
	}},
	{"postgres", func(t *testing.T) (truce.Store, tamperer) {
		url := os.Getenv("TRUCE_TEST_POSTGRES")
		if url == "" {
			t.Skip("set TRUCE_TEST_POSTGRES=postgres://... to run the PostgreSQL tests")
		}
		b := make([]byte, 6)
		rand.Read(b)
		schema := "truce_translog_" + hex.EncodeToString(b)
		st, err := postgres.OpenSchema(context.Background(), url, schema)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			st.Writer().Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			st.Close()
		})
		return st, sqlTamper{db: st.Writer(), dollar: true}
	}},
}

// server is a log with its HTTP API.
type server struct {
	log   *translog.Log
	store truce.Store
	tamp  tamperer
	url   string
	vkey  string
	n     int // acts recorded so far
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func newServer(t *testing.T, b backend, opts translog.Options) *server {
	t.Helper()
	st, tamp := b.open(t)
	opts.Logger = quiet()
	l, vkey := translog.NewTestLogOn(t, st, opts)
	mux := http.NewServeMux()
	mux.Handle("/log/", l.Handler())
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &server{log: l, store: st, tamp: tamp, url: srv.URL, vkey: vkey}
}

// grow records n more acts, in batches of batch, and signs a checkpoint.
func (s *server) grow(t *testing.T, n, batch int) {
	t.Helper()
	for done := 0; done < n; done += batch {
		translog.RecordActs(t, s.log, s.store, s.n+done, s.n+min(done+batch, n))
	}
	s.n += n
	if err := s.log.SignNow(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// growOther records n acts unlike those grow records (a forked history).
func (s *server) growOther(t *testing.T, n int) {
	t.Helper()
	acts := make([]truce.Act, n)
	for i := range acts {
		acts[i] = translog.SampleAct(1_000_000 + s.n + i)
	}
	err := s.store.Update(context.Background(), func(tx truce.Tx) error {
		_, err := s.log.Record(tx, acts...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.n += n
	if err := s.log.SignNow(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func (s *server) client(t *testing.T, witnessKeys []string, quorum int) *logverify.Client {
	t.Helper()
	c, err := logverify.New(logverify.Config{Server: s.url, Key: s.vkey, WitnessKeys: witnessKeys, Cosignatures: quorum})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (s *server) witness(t *testing.T, dir string) (*witness.Witness, string) {
	t.Helper()
	skey, vkey, err := witness.LoadOrCreateKey(dir, "witness.test/w1")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := witness.NewCosigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	w, err := witness.New(witness.Config{Server: s.url, LogKey: s.vkey, DataDir: dir, Cosigner: cs,
		Clock: truce.NewFixedClock(translog.TestEpoch.Add(time.Minute)), Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	return w, vkey
}

type memTamper struct{ st *translog.MemStore }

func (m memTamper) setEntry(t *testing.T, i int64, data []byte) {
	m.st.Tamper(func(es *[]truce.LogEntry, _ *[][32]byte, _ *[]*truce.Checkpoint) { (*es)[i].Data = data })
	m.unpublish(t)
}

func (m memTamper) unpublish(t *testing.T) {
	m.st.TamperMeta(func(meta map[string][]byte) {
		for k := range meta {
			if strings.HasPrefix(k, "log/") {
				delete(meta, k)
			}
		}
	})
}

func (m memTamper) entry(t *testing.T, i int64) (d []byte) {
	m.st.Tamper(func(es *[]truce.LogEntry, _ *[][32]byte, _ *[]*truce.Checkpoint) { d = (*es)[i].Data })
	return d
}

func (m memTamper) dropEntry(t *testing.T, i int64, renumber bool) {
	if !renumber {
		t.Skip("the memory store has no holes")
	}
	m.st.Tamper(func(es *[]truce.LogEntry, _ *[][32]byte, _ *[]*truce.Checkpoint) {
		*es = append((*es)[:i:i], (*es)[i+1:]...)
		for j := i; j < int64(len(*es)); j++ {
			(*es)[j].Index = j
		}
	})
	m.unpublish(t)
}

func (m memTamper) truncate(t *testing.T, n int64) {
	m.st.Tamper(func(es *[]truce.LogEntry, hs *[][32]byte, cs *[]*truce.Checkpoint) {
		*es = (*es)[:n]
		*hs = (*hs)[:tlog.StoredHashCount(n)]
		var keep []*truce.Checkpoint
		for _, c := range *cs {
			if c.Size <= n {
				keep = append(keep, c)
			}
		}
		*cs = keep
	})
	m.unpublish(t)
}

func (m memTamper) dropCheckpoint(t *testing.T, size int64) {
	m.st.Tamper(func(_ *[]truce.LogEntry, _ *[][32]byte, cs *[]*truce.Checkpoint) {
		var keep []*truce.Checkpoint
		for _, c := range *cs {
			if c.Size != size {
				keep = append(keep, c)
			}
		}
		*cs = keep
	})
}

// sqlTamper changes the tables with raw SQL.
type sqlTamper struct {
	db     *sql.DB
	dollar bool // PostgreSQL's $1 placeholders
}

// rebind writes q's ? placeholders as $1, $2… for PostgreSQL.
func (s sqlTamper) rebind(q string) string {
	if !s.dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (s sqlTamper) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := s.db.Exec(s.rebind(q), args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func (s sqlTamper) setEntry(t *testing.T, i int64, data []byte) {
	s.exec(t, `UPDATE log_entries SET data = ? WHERE idx = ?`, data, i)
	s.unpublish(t)
}

func (s sqlTamper) unpublish(t *testing.T) {
	s.exec(t, `DELETE FROM meta WHERE key LIKE 'log/%'`)
}

func (s sqlTamper) entry(t *testing.T, i int64) []byte {
	var d []byte
	if err := s.db.QueryRow(s.rebind(`SELECT data FROM log_entries WHERE idx = ?`), i).Scan(&d); err != nil {
		t.Fatal(err)
	}
	return d
}

func (s sqlTamper) dropEntry(t *testing.T, i int64, renumber bool) {
	s.exec(t, `DELETE FROM log_entries WHERE idx = ?`, i)
	if renumber {
		// Shift down in order, so the primary key never collides.
		rows, err := s.db.Query(s.rebind(`SELECT idx FROM log_entries WHERE idx > ? ORDER BY idx`), i)
		if err != nil {
			t.Fatal(err)
		}
		var idx []int64
		for rows.Next() {
			var x int64
			rows.Scan(&x)
			idx = append(idx, x)
		}
		rows.Close()
		for _, x := range idx {
			s.exec(t, `UPDATE log_entries SET idx = ? WHERE idx = ?`, x-1, x)
		}
	}
	s.unpublish(t)
}

func (s sqlTamper) truncate(t *testing.T, n int64) {
	s.exec(t, `DELETE FROM log_entries WHERE idx >= ?`, n)
	s.exec(t, `DELETE FROM log_hashes WHERE idx >= ?`, tlog.StoredHashCount(n))
	s.exec(t, `DELETE FROM checkpoints WHERE size > ?`, n)
	s.unpublish(t)
}

func (s sqlTamper) dropCheckpoint(t *testing.T, size int64) {
	s.exec(t, `DELETE FROM checkpoints WHERE size = ?`, size)
}
