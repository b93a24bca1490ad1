// Package apptest builds a whole Truce (store, transparency log, services,
// HTTP server) for tests, on SQLite and, when TRUCE_TEST_POSTGRES names a
// server, on PostgreSQL in a schema of its own.
package apptest

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the pgx database/sql driver, to drop test schemas
	"golang.org/x/mod/sumdb/note"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/auth"
	"github.com/truce-monitor/truce/internal/geocode"
	"github.com/truce-monitor/truce/internal/httpapi"
	"github.com/truce-monitor/truce/internal/pipeline"
	"github.com/truce-monitor/truce/internal/postgres"
	"github.com/truce-monitor/truce/internal/sqlite"
	"github.com/truce-monitor/truce/internal/translog"
)

// Origin names the test log.
const Origin = "truce.test/log"

// Backend opens a fresh, empty store for one test.
type Backend struct {
	Name string
	Open func(t testing.TB) truce.Store
}

// Backends returns SQLite, and PostgreSQL when TRUCE_TEST_POSTGRES is set.
// Under CI=true a missing PostgreSQL is a failure, not a skip.
func Backends(t testing.TB) []Backend {
	bs := []Backend{{Name: "sqlite", Open: openSQLite}}
	if url := os.Getenv("TRUCE_TEST_POSTGRES"); url != "" {
		bs = append(bs, Backend{Name: "postgres", Open: func(t testing.TB) truce.Store { return openPostgres(t, url) }})
	} else if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but TRUCE_TEST_POSTGRES is not set: the PostgreSQL tests would be skipped")
	} else {
		t.Log("PostgreSQL not tested: set TRUCE_TEST_POSTGRES=postgres://... to include it")
	}
	return bs
}

func openSQLite(t testing.TB) truce.Store {
	s, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func openPostgres(t testing.TB, url string) truce.Store {
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "apptest_" + hex.EncodeToString(b[:])
	s, err := postgres.OpenSchema(context.Background(), url, schema)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	t.Cleanup(func() {
		s.Close()
		db, err := sql.Open("pgx", url)
		if err == nil {
			_, _ = db.Exec("DROP SCHEMA IF EXISTS " + pgx.Identifier{schema}.Sanitize() + " CASCADE")
			db.Close()
		}
	})
	return s
}

// Env is a running Truce for one test.
type Env struct {
	T      testing.TB
	Store  truce.Store
	Log    *translog.Log
	App    *app.App
	Server *httptest.Server
	Clock  *truce.FixedClock
	VKey   string
}

// New builds a Truce over the store, with a fixed clock at now.
func New(t testing.TB, s truce.Store, now time.Time) *Env {
	skey, vkey, err := note.GenerateKey(rand.Reader, Origin)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	clock := truce.NewFixedClock(now)
	lg, err := translog.New(signer, vkey, Origin, clock, s, translog.Options{Interval: -1})
	if err != nil {
		t.Fatal(err)
	}
	a := &app.App{Store: s, Log: lg, Clock: clock, Geocoder: geocode.Default(), Pipeline: pipeline.New(clock)}
	srv := &httpapi.Server{App: a, Log: lg.Handler(),
		Proofs: func(ctx context.Context, typ, id string) (any, error) { return lg.EntriesFor(ctx, typ, id) }}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { ts.Close(); lg.Close() })
	return &Env{T: t, Store: s, Log: lg, App: a, Server: ts, Clock: clock, VKey: vkey}
}

// Token creates a token for a role (and party) and returns its secret.
func (e *Env) Token(role truce.Role, party string) string {
	_, secret, err := auth.Create(context.Background(), e.Store, e.Clock, role, party, string(role)+" "+party)
	if err != nil {
		e.T.Fatal(err)
	}
	return secret
}

// Do sends a request with an optional token and body, and returns the
// status and body.
func (e *Env) Do(method, path, token, ctype string, body []byte) (int, []byte) {
	e.T.Helper()
	req, err := http.NewRequest(method, e.Server.URL+path, bytes.NewReader(body))
	if err != nil {
		e.T.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := e.Server.Client().Do(req)
	if err != nil {
		e.T.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// JSON decodes b into v or fails the test.
func (e *Env) JSON(b []byte, v any) {
	e.T.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		e.T.Fatalf("not JSON (%v): %s", err, b)
	}
}
