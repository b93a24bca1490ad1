package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/sqldb"
	"github.com/truce-monitor/truce/internal/storetest"
)

func open(tb testing.TB) truce.Store {
	s, err := Open(tb.Context(), tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) truce.Store { return open(t) })
}

func BenchmarkStore(b *testing.B) {
	storetest.RunBenchmarks(b, func(b *testing.B) truce.Store { return open(b) })
}

func TestSettings(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "odd dir #1?x=%41")
	s, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
		t.Errorf("no database file: %v", err)
	}
	for pragma, want := range map[string]string{
		"journal_mode": "wal", "synchronous": "1", "foreign_keys": "1", "busy_timeout": "10000",
	} {
		var got string
		if err := s.Writer().QueryRowContext(t.Context(), "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
}

func TestReopen(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update(t.Context(), func(tx truce.Tx) error { return tx.PutMeta("k", []byte("kept")) })
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(t.Context(), dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	err = s.View(t.Context(), func(tx truce.Tx) error {
		v, err := tx.Meta("k")
		if string(v) != "kept" {
			t.Errorf("after reopening, Meta = %q, want kept", v)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := sqldb.Migrations(migrations, "migrations")
	var n int
	if err := s.Writer().QueryRowContext(t.Context(), "SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil || n != len(ms) {
		t.Errorf("schema_migrations has %d rows (%v), want %d (one per migration): a reopen applied a migration again", n, err, len(ms))
	}
	// A database migrated by a newer Truce is refused.
	if _, err := s.Writer().ExecContext(t.Context(), "INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'now')"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(t.Context(), dir); err == nil || !strings.Contains(err.Error(), "9999") {
		t.Errorf("Open of a newer schema: err %v, want a refusal naming version 9999", err)
		if s != nil {
			s.Close()
		}
	}
}

// TestTwoHandles opens the file twice, as two processes would, and writes
// through both at once: BEGIN IMMEDIATE and busy_timeout must keep every
// Update from failing with SQLITE_BUSY.
func TestTwoHandles(t *testing.T) {
	dir := t.TempDir()
	var stores []truce.Store
	for range 2 {
		s, err := Open(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores = append(stores, s)
	}
	const each = 50
	var wg sync.WaitGroup
	for w, s := range stores {
		wg.Go(func() {
			for i := range each {
				err := s.Update(context.Background(), func(tx truce.Tx) error {
					n, err := tx.LogSize()
					if err != nil {
						return err
					}
					e := truce.LogEntry{Index: n, RecordType: "t", RecordID: fmt.Sprint(w, "-", i)}
					return tx.LogAppend([]truce.LogEntry{e}, n, [][32]byte{{byte(w), byte(i)}})
				})
				if err != nil {
					t.Errorf("handle %d, update %d: %v", w, i, err)
				}
			}
		})
	}
	wg.Wait()
	err := stores[0].View(t.Context(), func(tx truce.Tx) error {
		n, err := tx.LogSize()
		if n != 2*each {
			t.Errorf("LogSize = %d, want %d", n, 2*each)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
