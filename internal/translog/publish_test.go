package translog

import (
	"context"
	"errors"
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

// published returns the published copies of the full tiles, by path.
func published(st *MemStore) map[string]string {
	out := map[string]string{}
	st.TamperMeta(func(m map[string][]byte) {
		for k, v := range m {
			if p, ok := strings.CutPrefix(k, "log/tile/"); ok {
				out[p] = string(v)
			}
		}
	})
	return out
}

// fromRows returns what the rows hold for the tiles of published.
func fromRows(t *testing.T, st *MemStore, pub map[string]string) map[string]string {
	out := map[string]string{}
	st.View(context.Background(), func(tx truce.Tx) error {
		for p := range pub {
			tile, err := parseTilePath(p)
			if err != nil {
				t.Fatal(err)
			}
			var data []byte
			if tile.L < 0 {
				data, err = readBundle(tx, tile)
			} else {
				data, err = readTile(tx, tile)
			}
			if err != nil {
				t.Fatal(err)
			}
			out[p] = string(data)
		}
		return nil
	})
	return out
}

// TestPublishFromMemory: the bundles and level-0 tiles that Record kept
// are published as the rows hold them, without reading them back: a row
// changed behind the log's back before publishing does not get in, since
// the kept bundle hashes up to the stored tree.
func TestPublishFromMemory(t *testing.T) {
	l, st, _ := NewTestLog(t, Options{Interval: -1})
	RecordActs(t, l, st, 0, 100)
	RecordActs(t, l, st, 100, 530)
	pub0 := fromRows(t, st, map[string]string{"entries/000": "", "0/000": "", "entries/001": "", "0/001": ""})
	st.Tamper(func(es *[]truce.LogEntry, _ *[][32]byte, _ *[]*truce.Checkpoint) { (*es)[7].Data = []byte(`{}`) })
	if err := l.SignNow(context.Background()); err != nil {
		t.Fatal(err)
	}
	pub := published(st)
	if len(pub) != 4 {
		t.Fatalf("published %d tiles, want 4", len(pub))
	}
	for p, data := range pub {
		if data != pub0[p] {
			t.Errorf("tile %s: published %d bytes, not the %d the tree commits to", p, len(data), len(pub0[p]))
		}
	}
	if len(l.kept.m) != 1 || l.kept.full(2) != nil {
		t.Errorf("kept %d bundles after publishing, want only the partial bundle 2", len(l.kept.m))
	}
}

// TestPublishStaleMemory: what a log kept from a transaction that rolled
// back, while another log appended other entries, is not published; the
// rows are.
func TestPublishStaleMemory(t *testing.T) {
	l1, st, _ := NewTestLog(t, Options{Interval: -1})
	l2, _ := NewTestLogOn(t, st, Options{Interval: -1})
	acts := make([]truce.Act, 300)
	for i := range acts {
		acts[i] = SampleAct(5000 + i)
	}
	err := st.Update(context.Background(), func(tx truce.Tx) error {
		if _, err := l1.Record(tx, acts...); err != nil {
			t.Fatal(err)
		}
		return errors.New("roll back")
	})
	if err == nil || l1.kept.full(0) == nil {
		t.Fatalf("the rolled-back bundle is not kept (%v)", err)
	}
	RecordActs(t, l2, st, 0, 300)
	if err := l1.SignNow(context.Background()); err != nil {
		t.Fatal(err)
	}
	pub := published(st)
	rows := fromRows(t, st, pub)
	if len(pub) != 2 || pub["entries/000"] != rows["entries/000"] || pub["0/000"] != rows["0/000"] {
		t.Errorf("published %d tiles, not as the rows hold them", len(pub))
	}
}

// TestRecentTilesBound: the kept bundles stay within maxRecentTiles,
// the newest kept.
func TestRecentTilesBound(t *testing.T) {
	var r recentTiles
	for n := range int64(maxRecentTiles + 10) {
		es := make([]truce.LogEntry, tileWidth)
		for i := range es {
			es[i] = truce.LogEntry{Index: n*tileWidth + int64(i), Data: []byte("x")}
		}
		r.add(es, make([]tlog.Hash, tileWidth))
	}
	if len(r.m) != maxRecentTiles || r.full(9) != nil || r.full(maxRecentTiles+9) == nil {
		t.Errorf("kept %d bundles; bundle 9 kept %v", len(r.m), r.full(9) != nil)
	}
}
