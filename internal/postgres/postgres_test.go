package postgres

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/sqldb"
	"github.com/truce-monitor/truce/internal/storetest"
)

// testURL returns the server the tests may use, or skips.
func testURL(tb testing.TB) string {
	url := os.Getenv("TRUCE_TEST_POSTGRES")
	if url == "" {
		tb.Skip("set TRUCE_TEST_POSTGRES=postgres://... to run the PostgreSQL tests")
	}
	return url
}

// open returns a store in a schema of its own, dropped after the test.
func open(tb testing.TB) truce.Store {
	url := testURL(tb)
	schema := newSchema()
	s, err := OpenSchema(tb.Context(), url, schema)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
		dropSchema(tb, url, schema)
	})
	return s
}

func dropSchema(tb testing.TB, url, schema string) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		tb.Errorf("drop schema: %v", err)
		return
	}
	defer db.Close()
	_, err = db.ExecContext(context.Background(), `DROP SCHEMA `+pgx.Identifier{schema}.Sanitize()+` CASCADE`)
	if err != nil {
		tb.Errorf("drop schema %s: %v", schema, err)
	}
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) truce.Store { return open(t) })
}

func BenchmarkStore(b *testing.B) {
	storetest.RunBenchmarks(b, func(b *testing.B) truce.Store { return open(b) })
}

func newSchema() string {
	b := make([]byte, 6)
	rand.Read(b)
	return "truce_test_" + hex.EncodeToString(b)
}

func putMeta(t *testing.T, s truce.Store, v string) {
	t.Helper()
	if err := s.Update(t.Context(), func(tx truce.Tx) error { return tx.PutMeta("k", []byte(v)) }); err != nil {
		t.Fatal(err)
	}
}

func meta(t *testing.T, s truce.Store) string {
	t.Helper()
	var v []byte
	err := s.View(t.Context(), func(tx truce.Tx) error {
		var err error
		v, err = tx.Meta("k")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(v)
}

// TestSchemas checks that stores in two schemas do not see each other, that
// a schema can be named in the URL, and that reopening applies nothing twice
// while a schema migrated by a newer Truce is refused.
func TestSchemas(t *testing.T) {
	url := testURL(t)
	one, two := newSchema(), newSchema()
	t.Cleanup(func() { dropSchema(t, url, one); dropSchema(t, url, two) })
	a, err := OpenSchema(t.Context(), url, one)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	c, err := OpenSchema(t.Context(), url, two) // creates the schema
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	b, err := Open(t.Context(), url+sep+"search_path="+two)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	putMeta(t, a, "one")
	putMeta(t, b, "two")
	if got := meta(t, a); got != "one" {
		t.Errorf("schema one reads %q", got)
	}
	if got := meta(t, b); got != "two" {
		t.Errorf("schema two reads %q", got)
	}
	testReopen(t, url, one)
}

// testReopen reopens a schema holding meta "one": nothing is applied
// twice, and a schema migrated by a newer Truce is refused.
func testReopen(t *testing.T, url, schema string) {
	again, err := OpenSchema(t.Context(), url, schema)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer again.Close()
	if got := meta(t, again); got != "one" {
		t.Errorf("reopened schema reads %q", got)
	}
	ms, _ := sqldb.Migrations(migrations, "migrations")
	var n int
	if err := again.Writer().QueryRowContext(t.Context(), "SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil || n != len(ms) {
		t.Errorf("schema_migrations has %d rows (%v), want %d (one per migration)", n, err, len(ms))
	}
	if _, err := again.Writer().ExecContext(t.Context(), "INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'now')"); err != nil {
		t.Fatal(err)
	}
	if s, err := OpenSchema(t.Context(), url, schema); err == nil || !strings.Contains(err.Error(), "9999") {
		t.Errorf("Open of a newer schema: err %v, want a refusal naming version 9999", err)
		if s != nil {
			s.Close()
		}
	}
}

func TestOpenBadURL(t *testing.T) {
	if _, err := Open(t.Context(), "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"); err == nil {
		t.Error("Open of an unreachable server succeeded")
	} else if truce.ErrorCode(err) != truce.EUNAVAILABLE {
		t.Errorf("Open of an unreachable server: %v (code %s), want EUNAVAILABLE", err, truce.ErrorCode(err))
	}
}
