package translog

import (
	"sync"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// upperCache keeps the stored hashes of tree level TileHeight and above:
// hashes of complete subtrees of 256 entries or more, which never change
// once stored, and which every proof needs about log2(size)-8 of. There are
// only about size/128 of them (2.5 MB for 10 million entries), so a proof
// reads from the store only the eight or so hashes below them.
type upperCache struct {
	mu sync.RWMutex
	m  map[int64]tlog.Hash
}

// maxUpperCache bounds the cache (about 50 MB): enough for a log of 100
// million entries; beyond, the rest is read from the store.
const maxUpperCache = 1 << 20

// reader returns a tlog.HashReader over tx that answers upper hashes from
// the cache, fills it, and reads the others in one query.
func (c *upperCache) reader(tx truce.LogTx) tlog.HashReader {
	return tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		var miss []int64
		var missAt []int
		c.mu.RLock()
		for i, x := range indexes {
			if h, ok := c.m[x]; ok {
				out[i] = h
				continue
			}
			miss = append(miss, x)
			missAt = append(missAt, i)
		}
		c.mu.RUnlock()
		if len(miss) == 0 {
			return out, nil
		}
		hs, err := storeReader{tx}.ReadHashes(padPow2(miss))
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.m == nil {
			c.m = make(map[int64]tlog.Hash)
		}
		for j, x := range miss {
			out[missAt[j]] = hs[j]
			if level, _ := tlog.SplitStoredHashIndex(x); level >= TileHeight && len(c.m) < maxUpperCache {
				c.m[x] = hs[j]
			}
		}
		return out, nil
	})
}

// padPow2 repeats the last index up to a power-of-two count: stores that
// read indexes in chunks of powers of two then need one query.
func padPow2(idx []int64) []int64 {
	n := 1
	for n < len(idx) {
		n *= 2
	}
	for len(idx) < n {
		idx = append(idx, idx[len(idx)-1])
	}
	return idx
}
