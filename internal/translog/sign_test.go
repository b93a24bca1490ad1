package translog

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/witness"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// latestSize returns the size of the latest checkpoint, -1 before any.
func latestSize(t *testing.T, st truce.Store) int64 {
	t.Helper()
	size := int64(-1)
	st.View(context.Background(), func(tx truce.Tx) error {
		if c, err := latestCheckpoint(tx); c != nil && err == nil {
			size = c.Size
		}
		return nil
	})
	return size
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func countCheckpoints(st *MemStore) int {
	n := 0
	st.Tamper(func(_ *[]truce.LogEntry, _ *[][32]byte, cs *[]*truce.Checkpoint) { n = len(*cs) })
	return n
}

// TestBackgroundSigning: Committed leads to a checkpoint; commits that come
// faster than the interval share one; Close signs what is left.
func TestBackgroundSigning(t *testing.T) {
	l, st, _ := NewTestLog(t, Options{Interval: 300 * time.Millisecond})
	RecordActs(t, l, st, 0, 5)
	waitFor(t, "the first checkpoint", func() bool { return latestSize(t, st) == 5 })
	for i := range 20 {
		RecordActs(t, l, st, 5+i, 6+i)
	}
	if n := countCheckpoints(st); n > 2 {
		t.Errorf("%d checkpoints within one interval, want at most 2", n)
	}
	waitFor(t, "a checkpoint of all 25", func() bool { return latestSize(t, st) == 25 })
	if n := countCheckpoints(st); n > 3 {
		t.Errorf("%d checkpoints for 21 commits, want them batched", n)
	}
	RecordActs(t, l, st, 25, 26)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if got := latestSize(t, st); got != 26 {
		t.Errorf("after Close the latest checkpoint has size %d, want 26", got)
	}
}

// TestSignerRefusesChangedTree: the signer will not sign over a tree that
// was rolled back or rewritten behind its back.
func TestSignerRefusesChangedTree(t *testing.T) {
	ctx := context.Background()
	l, st, _ := NewTestLog(t, Options{Interval: -1})
	RecordActs(t, l, st, 0, 10)
	if err := l.SignNow(ctx); err != nil {
		t.Fatal(err)
	}
	if err := l.SignNow(ctx); err != nil || countCheckpoints(st) != 1 {
		t.Fatalf("signing an unchanged tree: %v, %d checkpoints; want none added", err, countCheckpoints(st))
	}
	st.Tamper(func(es *[]truce.LogEntry, hs *[][32]byte, _ *[]*truce.Checkpoint) {
		(*hs)[tlog.StoredHashIndex(3, 0)][0] ^= 1 // entries 0-7: part of the root of 10
	})
	RecordActs(t, l, st, 10, 12)
	if err := l.SignNow(ctx); err == nil || !strings.Contains(err.Error(), "no longer has the root hash") {
		t.Errorf("signing over a changed tree: %v", err)
	}
	st.Tamper(func(es *[]truce.LogEntry, hs *[][32]byte, _ *[]*truce.Checkpoint) {
		*es = (*es)[:5]
	})
	if err := l.SignNow(ctx); err == nil || !strings.Contains(err.Error(), "fewer than") {
		t.Errorf("signing a rolled-back tree: %v", err)
	}
}

// TestWitnessWait: with WitnessWait, the next checkpoint waits for the
// witness's cosignature of the latest one.
func TestWitnessWait(t *testing.T) {
	ctx := context.Background()
	skey, wkey, err := witness.GenerateKey("witness.test/w")
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := witness.NewCosigner(skey)
	l, st, _ := NewTestLog(t, Options{Interval: time.Millisecond, WitnessKeys: []string{wkey}, WitnessWait: time.Hour})
	RecordActs(t, l, st, 0, 5)
	waitFor(t, "the first checkpoint", func() bool { return latestSize(t, st) == 5 })
	RecordActs(t, l, st, 5, 10)
	time.Sleep(50 * time.Millisecond)
	if got := latestSize(t, st); got != 5 {
		t.Fatalf("signed size %d before the witness cosigned size 5", got)
	}
	cp, _ := l.Checkpoint(ctx)
	body, _, _, _ := parseCheckpoint(cp)
	line, _ := cs.Cosign(body, TestEpoch)
	if err := l.AddCosignature(ctx, []byte(line)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the checkpoint after the cosignature", func() bool { return latestSize(t, st) == 10 })
}

func TestAddCosignature(t *testing.T) {
	ctx := context.Background()
	skey, wkey, _ := witness.GenerateKey("witness.test/w")
	cs, _ := witness.NewCosigner(skey)
	oskey, _, _ := witness.GenerateKey("witness.test/other")
	other, _ := witness.NewCosigner(oskey)
	l, st, _ := NewTestLog(t, Options{Interval: -1, WitnessKeys: []string{wkey}})
	RecordActs(t, l, st, 0, 3)
	l.SignNow(ctx)
	cp3, _ := l.Checkpoint(ctx)
	body3, _, _, _ := parseCheckpoint(cp3)
	RecordActs(t, l, st, 3, 4)
	l.SignNow(ctx)
	cp4, _ := l.Checkpoint(ctx)
	body4, _, _, _ := parseCheckpoint(cp4)

	good, _ := cs.Cosign(body4, TestEpoch)
	older, _ := cs.Cosign(body3, TestEpoch) // superseded, still recent
	future, _ := cs.Cosign(body4, TestEpoch.Add(time.Hour))
	stranger, _ := other.Cosign(body4, TestEpoch)
	unknownBody, _ := cs.Cosign(strings.Replace(body4, "\n4\n", "\n40\n", 1), TestEpoch)
	h := l.Handler()
	for _, tt := range []struct {
		name, body string
		status     int
	}{
		{"malformed", "hello", 400},
		{"two lines", good + "\n" + good, 400},
		{"unknown witness", stranger, 403},
		{"no such checkpoint", unknownBody, 409},
		{"in the future", future, 400},
		{"older checkpoint", older, 204},
		{"latest", good + "\n", 204},
	} {
		if status, _, msg := get(t, h, "POST", "/log/cosignature", tt.body); status != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, status, msg, tt.status)
		}
	}
	served, _ := l.Checkpoint(ctx)
	if !strings.HasSuffix(string(served), "\n"+good+"\n") || !strings.HasPrefix(string(served), string(cp4)) {
		t.Errorf("the served checkpoint lacks the cosignature:\n%s", served)
	}
	st.View(ctx, func(tx truce.Tx) error {
		c3, _ := tx.Cosignatures(3)
		if string(c3["witness.test/w"]) != older {
			t.Errorf("cosignature of size 3 = %q", c3)
		}
		return nil
	})
}

func TestKeys(t *testing.T) {
	dir := t.TempDir()
	skey, vkey, err := LoadOrCreateKey(dir, "truce.example/log")
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, KeyFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v (%v), want 0600", fi.Mode(), err)
	}
	if s2, v2, err := LoadOrCreateKey(dir, "truce.example/log"); err != nil || s2 != skey || v2 != vkey {
		t.Fatalf("reloading gave another key (%v)", err)
	}
	if _, _, err := LoadOrCreateKey(dir, "other.example/log"); err == nil || strings.Contains(err.Error(), skey) {
		t.Errorf("loading under another origin: %v", err)
	}
	if v, err := PublicKey(skey); err != nil || v != vkey {
		t.Errorf("PublicKey = %q, %v; want %q", v, err, vkey)
	}
	if _, err := PublicKey("PRIVATE+KEY+x+00000000+AAAA"); err == nil {
		t.Errorf("PublicKey accepted a bad key")
	}
	if _, _, err := LoadOrCreateKey(t.TempDir(), "has space"); err == nil {
		t.Errorf("a key name with a space was accepted")
	}
	s, _ := note.NewSigner(skey)
	st := NewMemStore()
	if _, err := New(s, vkey, "another/origin", truce.SystemClock{}, st, Options{}); err == nil {
		t.Errorf("New accepted an origin that is not the key's name")
	}
	_, otherV, _ := LoadOrCreateKey(t.TempDir(), "truce.example/log")
	if _, err := New(s, otherV, "truce.example/log", truce.SystemClock{}, st, Options{}); err == nil {
		t.Errorf("New accepted a verifier key of another key")
	}
	if _, err := New(s, vkey, "truce.example/log", truce.SystemClock{}, st, Options{WitnessKeys: []string{vkey}}); err == nil {
		t.Errorf("New accepted a log key as a witness key")
	}
	_, w1, _ := witness.GenerateKey("w.example")
	_, w2, _ := witness.GenerateKey("w.example")
	if _, err := New(s, vkey, "truce.example/log", truce.SystemClock{}, st, Options{WitnessKeys: []string{w1, w2}}); err == nil {
		t.Errorf("New accepted two witnesses of the same name")
	}
}
