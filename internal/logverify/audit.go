package logverify

import (
	"bytes"
	"context"
	"crypto/sha256"
	"sync"
	"sync/atomic"
)

// Audit checks the whole tree of cp from what the log serves: it downloads
// every entry bundle and every hash tile, recomputes each leaf hash from
// its entry and checks it against the level-0 tile, checks each hash of a
// higher tile against the hash of the full tile below it, recomputes the
// root from the tiles and matches it with cp's signed root. progress, when
// not nil, is called (from several goroutines, one at a time) as entries
// are checked.
func (c *Client) Audit(ctx context.Context, cp *Checkpoint, progress func(done, total int64)) error {
	size := cp.Size
	if size == 0 {
		if cp.Root != sha256.Sum256(nil) {
			return failf("the empty tree's checkpoint has a root hash other than SHA-256 of nothing")
		}
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	levels := map[int][]byte{} // hashes at tree level 8k, from index base[k]
	base := map[int]int64{}
	above, last, err := c.auditLeaves(ctx, size, progress)
	if err != nil {
		return err
	}
	levels[0], base[0] = last, size/tileWidth*tileWidth
	for k := 1; size>>(uint(k)*tileHeight) > 0; k++ {
		levels[k] = above
		if above, err = c.auditLevel(ctx, size, k, above); err != nil {
			return err
		}
	}
	root := rootFromLevels(size, levels, base)
	if !bytes.Equal(root, cp.Root[:]) {
		return failf("the root hash recomputed from the log's tiles does not match the checkpoint of size %d", size)
	}
	return nil
}

// auditLeaves checks every entry bundle against its level-0 tile. It
// returns the roots of the full tiles (the level-1 hashes they imply) and
// the hashes of the last tile when it is partial.
func (c *Client) auditLeaves(ctx context.Context, size int64, progress func(done, total int64)) (above, last []byte, err error) {
	n := (size + tileWidth - 1) / tileWidth
	above = make([]byte, size/tileWidth*hashSize)
	var done atomic.Int64
	var mu sync.Mutex
	err = c.parallel(ctx, n, func(ctx context.Context, i int64) error {
		entries, err := c.fetchBundle(ctx, size, i)
		if err != nil {
			return err
		}
		tile, err := c.fetchTile(ctx, size, 0, i)
		if err != nil {
			return err
		}
		buf := make([]byte, 0, 512)
		for j, e := range entries {
			buf = append(append(buf[:0], 0), e...)
			if sum := sha256.Sum256(buf); !bytes.Equal(sum[:], tile[j*hashSize:(j+1)*hashSize]) {
				return failf("entry %d does not hash to its leaf in the tile %s: the log's entries or tree were changed", i*tileWidth+int64(j), tilePath(0, i, len(entries)))
			}
		}
		if len(entries) == tileWidth {
			copy(above[i*hashSize:], subtreeRoot(tile))
		} else {
			last = tile // the partial tile, kept for the root
		}
		if progress != nil {
			d := done.Add(int64(len(entries)))
			mu.Lock()
			progress(d, size)
			mu.Unlock()
		}
		return nil
	})
	return above, last, err
}

// auditLevel fetches the tiles of tile level k, checks them against want
// (the hashes implied by the full tiles below), and returns the hashes
// that its own full tiles imply for the level above.
func (c *Client) auditLevel(ctx context.Context, size int64, k int, want []byte) ([]byte, error) {
	count := size >> (uint(k) * tileHeight)
	if int64(len(want)) != count*hashSize {
		return nil, failf("level %d has %d hashes below it, want %d", k, len(want)/hashSize, count)
	}
	n := (count + tileWidth - 1) / tileWidth
	above := make([]byte, count/tileWidth*hashSize)
	err := c.parallel(ctx, n, func(ctx context.Context, i int64) error {
		tile, err := c.fetchTile(ctx, size, k, i)
		if err != nil {
			return err
		}
		if !bytes.Equal(tile, want[i*tileWidth*hashSize:][:len(tile)]) {
			return failf("the tile %s does not match the tiles below it: the log's tree was changed", tilePath(k, i, len(tile)/hashSize))
		}
		if len(tile) == tileWidth*hashSize {
			copy(above[i*hashSize:], subtreeRoot(tile))
		}
		return nil
	})
	return above, err
}

// rootFromLevels folds the perfect subtrees that a tree of the given size
// decomposes into, each hashed up from the hashes at its tile level.
func rootFromLevels(size int64, levels map[int][]byte, base map[int]int64) []byte {
	var parts [][]byte
	for b := 62; b >= 0; b-- {
		if size>>uint(b)&1 == 0 {
			continue
		}
		k, r := b/tileHeight, uint(b%tileHeight)
		first := (size>>uint(b) - 1) << r // index at tile level k
		off := (first - base[k]) * hashSize
		data := append([]byte(nil), levels[k][off:off+(int64(1)<<r)*hashSize]...)
		parts = append(parts, subtreeRoot(data))
	}
	root := parts[len(parts)-1]
	for i := len(parts) - 2; i >= 0; i-- {
		root = nodeHash(parts[i], root)
	}
	return root
}

// parallel runs fn for 0..n-1 on c.workers goroutines and returns the
// first error, cancelling the others.
func (c *Client) parallel(ctx context.Context, n int64, fn func(context.Context, int64) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var next atomic.Int64
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for range min(int64(c.workers), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1) - 1; i < n && ctx.Err() == nil; i = next.Add(1) - 1 {
				if err := fn(ctx, i); err != nil {
					once.Do(func() { first = err; cancel() })
					return
				}
			}
		}()
	}
	wg.Wait()
	if first == nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return first
}
