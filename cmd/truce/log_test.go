package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/sqlite"
	"github.com/truce-monitor/truce/internal/translog"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// logServer is a transparency log on SQLite behind an HTTP server.
type logServer struct {
	url   string
	vkey  string
	data  string
	store *sqlite.Store
	log   *translog.Log
}

func newLogServer(t *testing.T, witnessKeys ...string) *logServer {
	t.Helper()
	dir := t.TempDir()
	st, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	skey, vkey, err := translog.LoadOrCreateKey(dir, "truce.test/log")
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	l, err := translog.New(signer, vkey, "truce.test/log", truce.SystemClock{}, st,
		translog.Options{Interval: -1, WitnessKeys: witnessKeys, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	mux := http.NewServeMux()
	mux.Handle("/log/", l.Handler())
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &logServer{url: srv.URL, vkey: vkey, data: dir, store: st, log: l}
}

// record logs acts from..to-1 (reports with fixed content) and signs.
func (s *logServer) record(t *testing.T, from, to int, id string) {
	t.Helper()
	err := s.store.Update(context.Background(), func(tx truce.Tx) error {
		for i := from; i < to; i++ {
			act := truce.Act{Type: "report", ID: fmt.Sprintf("%s-%04d", id, i), By: "monitor-1",
				At: time.Date(2025, 4, 20, 7, 0, i, 0, time.UTC), Record: map[string]int{"n": i}}
			if _, err := s.log.Record(tx, act); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.log.SignNow(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// truncate cuts the stored tree back to n entries with raw SQL, behind
// the log's back, with the checkpoints of larger sizes.
func (s *logServer) truncate(t *testing.T, n int64) {
	t.Helper()
	s.exec(t, `DELETE FROM log_entries WHERE idx >= ?`, n)
	s.exec(t, `DELETE FROM log_hashes WHERE idx >= ?`, tlog.StoredHashCount(n))
	s.exec(t, `DELETE FROM checkpoints WHERE size > ?`, n)
	s.exec(t, `DELETE FROM meta WHERE key LIKE 'log/%'`) // the published tiles
}

// exec runs raw SQL on the server's database.
func (s *logServer) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := s.store.Writer().Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func runTruce(t *testing.T, envVars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return envVars[k] }}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestLogVerifyCommand(t *testing.T) {
	s := newLogServer(t)
	s.record(t, 0, 300, "r")
	state := filepath.Join(t.TempDir(), "state")
	code, out, errs := runTruce(t, nil, "log", "verify", "--server", s.url, "--key", s.vkey, "--state", state, "--entry", "257", "--audit")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	s.record(t, 300, 310, "r")
	code, out2, errs := runTruce(t, nil, "log", "verify", "--server", s.url, "--key", s.vkey, "--state", state)
	if code != 0 {
		t.Fatalf("second run: exit %d: %s", code, errs)
	}
	golden(t, "log-verify.txt", strings.ReplaceAll(out+"---\n"+out2, state, "STATE"))

	// An entry changed behind the server's back (the row, and the copy
	// of its full bundle the log serves): the audit fails, one line.
	s.exec(t, `UPDATE log_entries SET data = replace(data, 'monitor-1', 'monitor-2') WHERE idx = 42`)
	s.exec(t, `DELETE FROM meta WHERE key LIKE 'log/%'`)
	code, _, errs = runTruce(t, nil, "log", "verify", "--server", s.url, "--key", s.vkey, "--state", state, "--audit")
	if code != 1 || errs != "truce log verify: entry 42 does not hash to its leaf in the tile tile/0/000: the log's entries or tree were changed\n" {
		t.Errorf("tampered audit: exit %d, stderr %q", code, errs)
	}
	// The log rolled back: the tree cut to 200 and signed again.
	s.truncate(t, 200)
	s.record(t, 200, 200, "x")
	code, _, errs = runTruce(t, nil, "log", "verify", "--server", s.url, "--key", s.vkey, "--state", state)
	if code != 1 || errs != "truce log verify: checkpoint of size 200 is not consistent with the saved checkpoint of size 310: the log was rolled back or forked\n" {
		t.Errorf("rolled-back log: exit %d, stderr %q", code, errs)
	}
}

func TestLogVerifyUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"log", "verify", "-h"}, 0, "Usage: truce log verify"},
		{[]string{"log", "verify", "--server", "http://x"}, 2, "--server and --key are required"},
		{[]string{"log", "verify", "--server", "http://x", "--key", "nonsense"}, 2, "not a note verifier key"},
		{[]string{"log", "verify", "--server", "http://x", "--key", "k", "--cosignatures", "1"}, 2, "needs at least 1 --witness-key"},
		{[]string{"log", "verify", "--server", "http://x", "--key", "k", "extra"}, 2, "unexpected argument"},
		{[]string{"log", "key", "-h"}, 0, "Usage: truce log key"},
		{[]string{"log", "key"}, 2, "--data DIR is required"},
		{[]string{"witness", "-h"}, 0, "Usage: truce witness"},
		{[]string{"witness", "--server", "http://x"}, 2, "are required"},
		{[]string{"witness", "key"}, 2, "--data DIR is required"},
	} {
		code, out, errs := runTruce(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("truce %s: exit %d, output %q; want %d and %q", strings.Join(tt.args, " "), code, out+errs, tt.code, tt.want)
		}
	}
}

func TestLogKeyCommand(t *testing.T) {
	s := newLogServer(t)
	code, out, errs := runTruce(t, nil, "log", "key", "--data", s.data)
	if code != 0 || out != s.vkey+"\n" {
		t.Errorf("log key --data: exit %d, %q %q; want %q", code, out, errs, s.vkey)
	}
	skey, _ := os.ReadFile(filepath.Join(s.data, translog.KeyFile))
	code, out, _ = runTruce(t, map[string]string{"TRUCE_LOG_KEY": strings.TrimSpace(string(skey))}, "log", "key")
	if code != 0 || out != s.vkey+"\n" {
		t.Errorf("log key from TRUCE_LOG_KEY: exit %d, %q", code, out)
	}
	empty := t.TempDir()
	code, _, errs = runTruce(t, nil, "log", "key", "--data", empty)
	if code != 1 || !strings.Contains(errs, "no log key in "+empty) {
		t.Errorf("log key of an empty dir: exit %d, %q", code, errs)
	}
}

func TestWitnessCommand(t *testing.T) {
	wdir := t.TempDir()
	code, wkey, errs := runTruce(t, nil, "witness", "key", "--data", wdir, "--name", "witness.test/a")
	if code != 0 || !strings.HasPrefix(wkey, "witness.test/a+") {
		t.Fatalf("witness key: exit %d, %q %q", code, wkey, errs)
	}
	wkey = strings.TrimSpace(wkey)
	if code, again, _ := runTruce(t, nil, "witness", "key", "--data", wdir); code != 0 || strings.TrimSpace(again) != wkey {
		t.Errorf("witness key again: %d %q", code, again)
	}
	s := newLogServer(t, wkey)
	s.record(t, 0, 100, "r")
	args := []string{"witness", "--server", s.url, "--log-key", s.vkey, "--data", wdir, "--once"}
	for _, want := range []string{"cosigned the checkpoint of size 100\n", "the checkpoint of size 100 carries this witness's cosignature already\n"} {
		if code, out, errs := runTruce(t, nil, args...); code != 0 || out != want {
			t.Fatalf("witness --once: exit %d, %q %q; want %q", code, out, errs, want)
		}
	}
	code, out, errs := runTruce(t, nil, "log", "verify", "--server", s.url, "--key", s.vkey, "--witness-key", wkey, "--cosignatures", "1")
	if code != 0 || !strings.Contains(out, "cosigned by witness.test/a (1 required)") {
		t.Errorf("log verify with the witness: exit %d, %q %q", code, out, errs)
	}
	// A fork: the last 20 entries rewritten, another checkpoint of size 100.
	s.truncate(t, 80)
	s.record(t, 80, 100, "fork")
	code, _, errs = runTruce(t, nil, args...)
	if code != 1 || !strings.Contains(errs, "the log forked") {
		t.Errorf("witness on a fork: exit %d, %q", code, errs)
	}
	code, _, errs = runTruce(t, nil, "witness", "--server", s.url, "--log-key", s.vkey, "--data", wdir, "--interval", "1ms")
	if code != 1 || !strings.Contains(errs, "WITNESS REFUSES TO COSIGN") {
		t.Errorf("witness service on a fork: exit %d, %q", code, errs)
	}
	code, _, errs = runTruce(t, nil, "log", "verify", "--server", s.url, "--key", s.vkey, "--witness-key", wkey, "--cosignatures", "1")
	if code != 1 || !strings.Contains(errs, "does not verify") {
		t.Errorf("log verify of the fork with the witness: exit %d, %q", code, errs)
	}
}

// golden compares got with testdata/log/name, rewritten with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "log", name)
	if updatingGolden() {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n--- got\n%s--- want\n%s", path, got, want)
	}
}
