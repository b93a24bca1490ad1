package translog

import (
	"context"
	"strings"
	"testing"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

func TestFullTiles(t *testing.T) {
	paths := func(ts []tlog.Tile) string {
		var ps []string
		for _, t := range ts {
			ps = append(ps, tilePath(t))
		}
		return strings.Join(ps, " ")
	}
	for _, tt := range []struct {
		from, to int64
		want     string
	}{
		{0, 255, ""},
		{255, 256, "entries/000 0/000"},
		{256, 511, ""},
		{300, 1000, "entries/001 entries/002 0/001 0/002"},
		{65535, 65536, "entries/255 0/255 1/000"},
		{0, 1 << 24, ""}, // checked by count below
	} {
		got := fullTiles(tt.from, tt.to)
		if tt.to == 1<<24 {
			if len(got) != 2*65536+256+1 {
				t.Errorf("fullTiles(0, 2^24): %d tiles, want %d", len(got), 2*65536+256+1)
			}
			continue
		}
		if paths(got) != tt.want {
			t.Errorf("fullTiles(%d, %d) = %q, want %q", tt.from, tt.to, paths(got), tt.want)
		}
	}
}

// TestPublishedTiles: once signed, full tiles are served from their
// published copy, which a later change of the rows does not alter.
func TestPublishedTiles(t *testing.T) {
	ctx := context.Background()
	l, st, _ := NewTestLog(t, Options{Interval: -1})
	RecordActs(t, l, st, 0, 600)
	h := l.Handler()
	status, _, _ := get(t, h, "GET", "/log/tile/entries/001", "")
	if err := l.SignNow(ctx); err != nil {
		t.Fatal(err)
	}
	var keys []string
	st.TamperMeta(func(m map[string][]byte) {
		for k := range m {
			keys = append(keys, k)
		}
		if string(m[publishedKey]) != "600" {
			t.Errorf("published size %q, want 600", m[publishedKey])
		}
	})
	if len(keys) != 5 {
		t.Errorf("published %v, want 4 tiles and the size", keys)
	}
	_, _, served := get(t, h, "GET", "/log/tile/entries/001", "")
	if status != 404 || len(served) == 0 {
		t.Fatalf("bundle 1 served before signing (%d) or not after (%d bytes)", status, len(served))
	}
	st.Tamper(func(es *[]truce.LogEntry, _ *[][32]byte, _ *[]*truce.Checkpoint) { (*es)[300].Data = []byte(`{}`) })
	if _, _, again := get(t, h, "GET", "/log/tile/entries/001", ""); string(again) != string(served) {
		t.Errorf("a published bundle changed with its rows")
	}
	st.TamperMeta(func(m map[string][]byte) { delete(m, "log/tile/entries/001") })
	if _, _, rows := get(t, h, "GET", "/log/tile/entries/001", ""); !strings.Contains(string(rows), "\x00\x02{}") {
		t.Errorf("without its published copy the bundle is not built from the rows")
	}
	// Growing on publishes only what became full.
	RecordActs(t, l, st, 600, 800)
	l.SignNow(ctx)
	st.TamperMeta(func(m map[string][]byte) {
		if m["log/tile/entries/002"] == nil || m["log/tile/0/002"] == nil || m["log/tile/entries/001"] != nil || string(m[publishedKey]) != "800" {
			t.Errorf("after growing to 800: published size %s, bundle 2 %v, tile 2 %v", m[publishedKey], m["log/tile/entries/002"] != nil, m["log/tile/0/002"] != nil)
		}
	})
}

func TestPadPow2(t *testing.T) {
	for _, tt := range []struct{ in, want []int64 }{
		{[]int64{5}, []int64{5}},
		{[]int64{5, 6, 7}, []int64{5, 6, 7, 7}},
		{[]int64{1, 2, 3, 4, 5}, []int64{1, 2, 3, 4, 5, 5, 5, 5}},
	} {
		if got := padPow2(tt.in); len(got) != len(tt.want) || got[len(got)-1] != tt.want[len(tt.want)-1] {
			t.Errorf("padPow2(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestUpperCache: proofs fill the cache with hashes of complete subtrees
// of 256 entries or more only, and stay right when answered from it.
func TestUpperCache(t *testing.T) {
	l, st, _ := NewTestLog(t, Options{Interval: -1})
	RecordActs(t, l, st, 0, 3000)
	l.SignNow(context.Background())
	var root tlog.Hash
	st.View(context.Background(), func(tx truce.Tx) error { root, _ = treeHash(tx, 3000); return nil })
	for round := range 2 {
		for _, i := range []int64{0, 700, 2999} {
			ps, err := l.EntriesFor(context.Background(), SampleAct(int(i)).Type, SampleAct(int(i)).ID)
			if err != nil || len(ps) != 1 {
				t.Fatal(err)
			}
			if err := tlog.CheckRecord(ps[0].Proof, 3000, root, i, tlog.RecordHash(ps[0].Entry)); err != nil {
				t.Errorf("round %d: proof of %d: %v", round, i, err)
			}
		}
	}
	if len(l.upper.m) == 0 {
		t.Fatal("the cache stayed empty")
	}
	for x := range l.upper.m {
		if level, _ := tlog.SplitStoredHashIndex(x); level < TileHeight {
			t.Errorf("cached a hash of level %d", level)
		}
	}
}
