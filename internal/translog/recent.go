package translog

import (
	"sync"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// recentTiles keeps the entries and leaf hashes that Record appended
// lately, by entry bundle, so that publishing a bundle and its level-0 hash
// tile need not read 512 rows back. What Record appended may have been
// rolled back, or another process may have appended other entries since,
// so a kept bundle is used only once its leaves hash up to the stored hash
// of its subtree (see verified): then they are the stored tree's leaves.
type recentTiles struct {
	mu sync.Mutex
	m  map[int64]*recentTile // by tile number N
}

// maxRecentTiles bounds the memory kept: 64 bundles of 256 entries.
const maxRecentTiles = 64

// recentTile is the entries and leaf hashes of one bundle, as appended.
type recentTile struct {
	data   [tileWidth][]byte
	leaves [tileWidth]tlog.Hash
	set    [tileWidth]bool
	n      int // how many are set
}

// add keeps entries (indexes set) with their leaf hashes, replacing what
// was kept at the same indexes.
func (r *recentTiles) add(entries []truce.LogEntry, leaves []tlog.Hash) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[int64]*recentTile{}
	}
	for i, e := range entries {
		n, k := e.Index/tileWidth, e.Index%tileWidth
		t := r.m[n]
		if t == nil {
			t = &recentTile{}
			r.m[n] = t
			r.evict()
		}
		if !t.set[k] {
			t.set[k] = true
			t.n++
		}
		t.data[k], t.leaves[k] = e.Data, leaves[i]
	}
}

// evict drops the lowest bundles while more than maxRecentTiles are kept.
func (r *recentTiles) evict() {
	for len(r.m) > maxRecentTiles {
		low := int64(-1)
		for n := range r.m {
			if low < 0 || n < low {
				low = n
			}
		}
		delete(r.m, low)
	}
}

// full returns a copy of the kept bundle N if all its entries are kept,
// else nil.
func (r *recentTiles) full(n int64) *recentTile {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t := r.m[n]; t != nil && t.n == tileWidth {
		c := *t
		return &c
	}
	return nil
}

// forget drops the bundles below N (published, or never to be).
func (r *recentTiles) forget(below int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for n := range r.m {
		if n < below {
			delete(r.m, n)
		}
	}
}

// root returns the hash of the subtree whose leaves t holds.
func (t *recentTile) root() tlog.Hash {
	level := make([]tlog.Hash, tileWidth)
	copy(level, t.leaves[:])
	for len(level) > 1 {
		for i := range len(level) / 2 {
			level[i] = tlog.NodeHash(level[2*i], level[2*i+1])
		}
		level = level[:len(level)/2]
	}
	return level[0]
}

// bundle returns the entry bundle N that t holds.
func (t *recentTile) bundle(n int64) ([]byte, error) {
	es := make([]truce.LogEntry, tileWidth)
	for i := range es {
		es[i] = truce.LogEntry{Index: n*tileWidth + int64(i), Data: t.data[i]}
	}
	return encodeBundle(es)
}

// tile returns the level-0 hash tile that t holds: its leaf hashes.
func (t *recentTile) tile() []byte {
	out := make([]byte, 0, tileWidth*len(tlog.Hash{}))
	for _, h := range t.leaves {
		out = append(out, h[:]...)
	}
	return out
}

// verified returns, for each bundle number in ns, the kept bundle if its
// leaves hash up to the stored hash of its subtree (level 8 in storage), in
// one read of those hashes; a bundle not kept, or kept otherwise, is left
// out.
func (r *recentTiles) verified(tx truce.LogTx, ns []int64) (map[int64]*recentTile, error) {
	out := map[int64]*recentTile{}
	var kept []int64
	var idx []int64
	for _, n := range ns {
		if t := r.full(n); t != nil {
			out[n] = t
			kept = append(kept, n)
			idx = append(idx, tlog.StoredHashIndex(TileHeight, n))
		}
	}
	if len(idx) == 0 {
		return out, nil
	}
	hs, err := storeReader{tx}.ReadHashes(idx)
	if err != nil {
		return nil, err
	}
	for i, n := range kept {
		if out[n].root() != hs[i] {
			delete(out, n)
		}
	}
	return out, nil
}
