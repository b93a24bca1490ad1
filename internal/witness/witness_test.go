package witness

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/logverify"
	"golang.org/x/mod/sumdb/note"
)

const origin = "truce.test/log"

// fakeLog serves one signed checkpoint at a time and records the
// cosignatures posted to it. It serves no tiles: the tests here only need
// the witness's checks that use none (same size, smaller size).
type fakeLog struct {
	t      *testing.T
	signer note.Signer
	mu     sync.Mutex
	cp     []byte
	posted []string
}

func newFakeLog(t *testing.T) (*fakeLog, string, *httptest.Server) {
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeLog{t: t, signer: s}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, vkey, srv
}

// set signs and serves a checkpoint of the given size whose root hash is
// 32 times the byte b.
func (f *fakeLog) set(size int64, b byte) {
	root := strings.Repeat(string(rune(b)), 32)
	body := fmt.Sprintf("%s\n%d\n%s\n", origin, size, b64(root))
	msg, err := note.Sign(&note.Note{Text: body}, f.signer)
	if err != nil {
		f.t.Fatal(err)
	}
	f.mu.Lock()
	f.cp = msg
	f.mu.Unlock()
}

func (f *fakeLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case r.Method == "GET" && r.URL.Path == "/log/checkpoint":
		w.Write(f.cp)
	case r.Method == "POST" && r.URL.Path == "/log/cosignature":
		b, _ := io.ReadAll(r.Body)
		f.posted = append(f.posted, strings.TrimSpace(string(b)))
		w.WriteHeader(http.StatusNoContent)
	default:
		http.NotFound(w, r)
	}
}

func newWitness(t *testing.T, srv *httptest.Server, vkey, dir string) (*Witness, *Cosigner) {
	skey, _, err := LoadOrCreateKey(dir, "witness.test/w1")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := NewCosigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	w, err := New(Config{Server: srv.URL, LogKey: vkey, DataDir: dir, Cosigner: cs, Clock: truce.NewFixedClock(time.Unix(1745133123, 0)),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return w, cs
}

// TestWitnessCosignsAndVerifies: the posted line is a cosignature that an
// independent verifier accepts on the served checkpoint.
func TestWitnessCosignsAndVerifies(t *testing.T) {
	f, vkey, srv := newFakeLog(t)
	w, cs := newWitness(t, srv, vkey, t.TempDir())
	f.set(5, 'a')
	r, err := w.Step(context.Background())
	if err != nil || !r.Cosigned || r.Size != 5 {
		t.Fatalf("Step = %+v, %v; want a cosignature of size 5", r, err)
	}
	if len(f.posted) != 1 {
		t.Fatalf("posted %d lines, want 1", len(f.posted))
	}
	c, err := logverify.New(logverify.Config{Server: srv.URL, Key: vkey, WitnessKeys: []string{cs.VerifierKey()}, Cosignatures: 1})
	if err != nil {
		t.Fatal(err)
	}
	withCosig := append(append([]byte(nil), f.cp...), f.posted[0]+"\n"...)
	cp, err := c.OpenCheckpoint(withCosig)
	if err != nil {
		t.Fatalf("the witness's cosignature does not verify: %v", err)
	}
	if len(cp.Cosigners) != 1 || cp.Cosigners[0] != "witness.test/w1" {
		t.Errorf("cosigners %v", cp.Cosigners)
	}
	// A cosignature of another checkpoint does not count.
	f.set(6, 'b')
	if _, err := c.OpenCheckpoint(append(append([]byte(nil), f.cp...), f.posted[0]+"\n"...)); !logverify.IsFailure(err) {
		t.Errorf("a cosignature moved to another checkpoint: %v, want a failure", err)
	}
}

// TestWitnessRefusesForkAndRollback: a checkpoint of the size it cosigned
// with another root, or a smaller one, is refused, now and after restart.
func TestWitnessRefusesForkAndRollback(t *testing.T) {
	for _, tt := range []struct {
		name string
		size int64
		root byte
		want string
	}{
		{"fork", 5, 'z', "forked"},
		{"rollback", 4, 'a', "rolled back"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, vkey, srv := newFakeLog(t)
			dir := t.TempDir()
			w, _ := newWitness(t, srv, vkey, dir)
			f.set(5, 'a')
			if _, err := w.Step(context.Background()); err != nil {
				t.Fatal(err)
			}
			f.set(tt.size, tt.root)
			for i := range 2 { // the second time as a fresh process
				if i == 1 {
					w, _ = newWitness(t, srv, vkey, dir)
				}
				r, err := w.Step(context.Background())
				if !logverify.IsFailure(err) || !strings.Contains(err.Error(), tt.want) || r.Cosigned {
					t.Fatalf("Step on a %s = %+v, %v; want a refusal saying %q", tt.name, r, err, tt.want)
				}
				err = w.Run(context.Background(), time.Millisecond)
				if !logverify.IsFailure(err) {
					t.Fatalf("Run on a %s = %v, want it to stop with the failure", tt.name, err)
				}
			}
			if len(f.posted) != 1 {
				t.Errorf("posted %d cosignatures, want only the first", len(f.posted))
			}
		})
	}
}

// TestWitnessRefusesBadSignature: a checkpoint not signed by the log key.
func TestWitnessRefusesBadSignature(t *testing.T) {
	f, _, srv := newFakeLog(t)
	_, otherKey, _ := note.GenerateKey(rand.Reader, origin)
	w, _ := newWitness(t, srv, otherKey, t.TempDir())
	f.set(5, 'a')
	if _, err := w.Step(context.Background()); !logverify.IsFailure(err) {
		t.Fatalf("Step = %v, want a failure", err)
	}
	if len(f.posted) != 0 {
		t.Errorf("cosigned a checkpoint with a bad signature")
	}
}

func TestKeys(t *testing.T) {
	dir := t.TempDir()
	skey, vkey, err := LoadOrCreateKey(dir, "w.example/1")
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, KeyFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v, mode %v; want 0600", err, fi.Mode())
	}
	skey2, vkey2, err := LoadOrCreateKey(dir, "ignored")
	if err != nil || skey2 != skey || vkey2 != vkey {
		t.Fatalf("reloading the key gave another one (%v)", err)
	}
	if strings.Contains(vkey, "PRIVATE") || !strings.HasPrefix(vkey, "w.example/1+") {
		t.Errorf("verifier key %q", vkey)
	}
	for _, bad := range []string{"", "x", "PRIVATE+KEY+a+00000000+AAAA", strings.Replace(skey, "w.example/1", "w.example/2", 1)} {
		if _, err := NewCosigner(bad); err == nil {
			t.Errorf("NewCosigner(%q) accepted a bad key", bad)
		}
	}
	if _, _, err := GenerateKey("has space"); err == nil {
		t.Errorf("GenerateKey accepted a name with a space")
	}
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
