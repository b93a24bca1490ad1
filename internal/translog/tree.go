package translog

import (
	"fmt"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// frontierIndexes returns the storage indexes of the hashes of the perfect
// subtrees that a tree of n entries decomposes into, largest first. They
// are all that appending to the tree, or computing its root, needs.
func frontierIndexes(n int64) []int64 {
	var idx []int64
	for level := 62; level >= 0; level-- {
		if n>>level&1 == 1 {
			idx = append(idx, tlog.StoredHashIndex(level, n>>level-1))
		}
	}
	return idx
}

// hashCache is a tlog.HashReader over a transaction that answers from the
// hashes it has already read or computed in this transaction, and reads
// the others from the store in one query per call. It lives no longer than
// the transaction, so a rolled-back transaction leaves nothing behind.
type hashCache struct {
	tx truce.LogTx
	m  map[int64]tlog.Hash
}

func newHashCache(tx truce.LogTx) *hashCache {
	return &hashCache{tx: tx, m: make(map[int64]tlog.Hash)}
}

// ReadHashes implements tlog.HashReader.
func (c *hashCache) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	var miss []int64
	var missAt []int
	for i, x := range indexes {
		if h, ok := c.m[x]; ok {
			out[i] = h
			continue
		}
		miss = append(miss, x)
		missAt = append(missAt, i)
	}
	if len(miss) == 0 {
		return out, nil
	}
	hs, err := c.tx.LogHashes(padPow2(miss))
	if err != nil {
		return nil, fmt.Errorf("log: reading tree hashes: %w", err)
	}
	if len(hs) < len(miss) {
		return nil, fmt.Errorf("log: store returned %d hashes for %d indexes", len(hs), len(miss))
	}
	for j, x := range miss {
		out[missAt[j]] = hs[j]
		c.m[x] = hs[j]
	}
	return out, nil
}

// storeReader is a tlog.HashReader that reads straight from a transaction,
// one query per call, for reads that touch each hash once (tiles, proofs).
type storeReader struct{ tx truce.LogTx }

// ReadHashes implements tlog.HashReader.
func (r storeReader) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	hs, err := r.tx.LogHashes(indexes)
	if err != nil {
		return nil, fmt.Errorf("log: reading tree hashes: %w", err)
	}
	if len(hs) != len(indexes) {
		return nil, fmt.Errorf("log: store returned %d hashes for %d indexes", len(hs), len(indexes))
	}
	out := make([]tlog.Hash, len(hs))
	for i, h := range hs {
		out[i] = h
	}
	return out, nil
}

// appendEntries appends entries, whose leaf hashes (tlog.RecordHash of
// their data) are leaves, to the log in tx and returns their indexes.
func appendEntries(tx truce.LogTx, entries []truce.LogEntry, leaves []tlog.Hash) ([]int64, error) {
	if len(entries) == 0 {
		return nil, nil
	}
	a, err := newAppender(tx)
	if err != nil {
		return nil, err
	}
	return a.append(entries, leaves)
}

// appender appends to the log in one transaction, batch after batch. It
// reads the tree's right edge (at most 63 hashes) once, computes every
// new hash in memory, and stores each batch's entries and hashes with one
// LogAppend.
type appender struct {
	tx   truce.LogTx
	size int64      // the tree's size so far
	c    *hashCache // the right edge and the hashes appended since
}

func newAppender(tx truce.LogTx) (*appender, error) {
	size, err := tx.LogSize()
	if err != nil {
		return nil, fmt.Errorf("log: reading the tree size: %w", err)
	}
	c := newHashCache(tx)
	if _, err := c.ReadHashes(frontierIndexes(size)); err != nil {
		return nil, err
	}
	return &appender{tx: tx, size: size, c: c}, nil
}

// append appends entries with their leaf hashes, sets their Index fields
// and returns their indexes.
func (a *appender) append(entries []truce.LogEntry, leaves []tlog.Hash) ([]int64, error) {
	start := tlog.StoredHashIndex(0, a.size)
	next := start
	hashes := make([][32]byte, 0, 2*len(entries)+64)
	idx := make([]int64, len(entries))
	for i := range entries {
		n := a.size + int64(i)
		entries[i].Index = n
		idx[i] = n
		hs, err := tlog.StoredHashesForRecordHash(n, leaves[i], a.c)
		if err != nil {
			return nil, fmt.Errorf("log: hashing entry %d: %w", n, err)
		}
		for _, h := range hs {
			a.c.m[next] = h
			next++
			hashes = append(hashes, h)
		}
	}
	if err := a.tx.LogAppend(entries, start, hashes); err != nil {
		return nil, fmt.Errorf("log: appending %d entries: %w", len(entries), err)
	}
	a.size += int64(len(entries))
	// The next appends need the new right edge only.
	edge := make(map[int64]tlog.Hash, 64+3*lastChunk)
	for _, x := range frontierIndexes(a.size) {
		if h, ok := a.c.m[x]; ok {
			edge[x] = h
		}
	}
	a.c.m = edge
	return idx, nil
}

// treeHash returns the root hash of the stored tree of size n.
func treeHash(tx truce.LogTx, n int64) (tlog.Hash, error) {
	return tlog.TreeHash(n, storeReader{tx})
}
