package notify_test

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/notify"
	"github.com/truce-monitor/truce/internal/postgres"
	"github.com/truce-monitor/truce/internal/sqlite"
)

// reopener opens the same store again and again, as a restarted server
// does: the same SQLite data dir, or the same PostgreSQL schema.
type reopener struct {
	name string
	open func(t *testing.T) truce.Store
}

func reopeners(t *testing.T) []reopener {
	dir := t.TempDir()
	rs := []reopener{{"sqlite", func(t *testing.T) truce.Store {
		s, err := sqlite.Open(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}}}
	url := os.Getenv("TRUCE_TEST_POSTGRES")
	if url == "" {
		t.Log("PostgreSQL not tested: set TRUCE_TEST_POSTGRES=postgres://... to include it")
		return rs
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "notifytest_" + hex.EncodeToString(b[:])
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", url); err == nil {
			_, _ = db.Exec("DROP SCHEMA IF EXISTS " + pgx.Identifier{schema}.Sanitize() + " CASCADE")
			db.Close()
		}
	})
	return append(rs, reopener{"postgres", func(t *testing.T) truce.Store {
		s, err := postgres.OpenSchema(t.Context(), url, schema)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}})
}

// flaky is a webhook receiver on a fixed address that can be down, fail,
// be slow or hang, and that takes each delivery once by its id, checking
// the signature with the secret of the path it was sent to.
type flaky struct {
	t       *testing.T
	addr    string
	secrets map[string]string // by path

	mu      sync.Mutex
	srv     *http.Server
	mode    string // "ok", "500", "slow", "hang"
	got     map[string]app.DeliveryBody
	hooks   map[string]string // delivery id -> path
	repeats int
	bad     int
	arrived chan struct{} // a request arrived (hang mode)
}

func newFlaky(t *testing.T, secrets map[string]string) *flaky {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &flaky{t: t, addr: ln.Addr().String(), secrets: secrets, mode: "ok",
		got: map[string]app.DeliveryBody{}, hooks: map[string]string{}, arrived: make(chan struct{}, 100)}
	f.serve(ln)
	t.Cleanup(f.down)
	return f
}

func (f *flaky) serve(ln net.Listener) {
	srv := &http.Server{Handler: f}
	f.mu.Lock()
	f.srv = srv
	f.mu.Unlock()
	go srv.Serve(ln) //nolint:errcheck // ends with Close
}

// down stops listening: connections are refused.
func (f *flaky) down() {
	f.mu.Lock()
	srv := f.srv
	f.srv = nil
	f.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// up listens again on the same address.
func (f *flaky) up() {
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		f.t.Fatalf("listen again on %s: %v", f.addr, err)
	}
	f.serve(ln)
}

func (f *flaky) setMode(m string) {
	f.mu.Lock()
	f.mode = m
	f.mu.Unlock()
}

func (f *flaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	mode := f.mode
	f.mu.Unlock()
	if mode == "500" {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	if !f.take(r, body) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	switch mode {
	case "slow": // taken, but the answer comes after the sender gave up
		time.Sleep(300 * time.Millisecond)
	case "hang": // taken, and no answer before the sender dies
		f.arrived <- struct{}{}
		<-r.Context().Done()
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// take keeps a delivery once, after checking its signature.
func (f *flaky) take(r *http.Request, body []byte) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	secret, ok := f.secrets[r.URL.Path]
	if !ok || !notify.Verify(secret, body, r.Header.Get(notify.HeaderSignature)) {
		f.bad++
		return false
	}
	var d app.DeliveryBody
	if err := json.Unmarshal(body, &d); err != nil || d.Delivery != r.Header.Get(notify.HeaderDelivery) {
		f.t.Errorf("body %s does not match delivery header %q", body, r.Header.Get(notify.HeaderDelivery))
	}
	if _, seen := f.got[d.Delivery]; seen {
		f.repeats++
		return true
	}
	f.got[d.Delivery], f.hooks[d.Delivery] = d, r.URL.Path
	return true
}

func (f *flaky) url(path string) string { return "http://" + f.addr + path }

// stringsReader reads a string.
func stringsReader(s string) io.Reader { return strings.NewReader(s) }
