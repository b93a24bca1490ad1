package postgres

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/truce-monitor/truce"
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
	b := make([]byte, 6)
	rand.Read(b)
	schema := "truce_test_" + hex.EncodeToString(b)
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
