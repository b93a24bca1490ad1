package logverify

import (
	"context"
	"fmt"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
)

var hasher = rfc6962.DefaultHasher

// tileSet fetches the tiles of one tree, each at most once.
type tileSet struct {
	c     *Client
	size  int64
	tiles map[[2]int64][]byte
}

func (c *Client) tilesOf(size int64) *tileSet {
	return &tileSet{c: c, size: size, tiles: map[[2]int64][]byte{}}
}

// node returns the hash of the perfect subtree id of the tree, from the
// tiles: the hashes at the tile level below it, hashed up.
func (ts *tileSet) node(ctx context.Context, id compact.NodeID) ([]byte, error) {
	if _, end := id.Coverage(); end > uint64(ts.size) {
		return nil, fmt.Errorf("node %d/%d is not a complete subtree of a tree of size %d", id.Level, id.Index, ts.size)
	}
	level, r := int(id.Level/tileHeight), id.Level%tileHeight
	first := int64(id.Index << r) // index at the tile level
	n, off := first/tileWidth, int(first%tileWidth)
	key := [2]int64{int64(level), n}
	data, ok := ts.tiles[key]
	if !ok {
		var err error
		data, err = ts.c.fetchTile(ctx, ts.size, level, n)
		if err != nil {
			return nil, err
		}
		ts.tiles[key] = data
	}
	count := 1 << r
	if (off+count)*hashSize > len(data) {
		return nil, failf("the tile %s is too short for node %d/%d", tilePath(level, n, len(data)/hashSize), id.Level, id.Index)
	}
	return subtreeRoot(append([]byte(nil), data[off*hashSize:(off+count)*hashSize]...)), nil
}

// nodes returns the hashes of the given nodes.
func (ts *tileSet) nodes(ctx context.Context, ids []compact.NodeID) ([][]byte, error) {
	out := make([][]byte, len(ids))
	for i, id := range ids {
		h, err := ts.node(ctx, id)
		if err != nil {
			return nil, err
		}
		out[i] = h
	}
	return out, nil
}

// Entry fetches entry index of the tree of cp and proves it is included:
// it hashes the entry from its bundle and checks its RFC 6962 inclusion
// proof, built from tiles, against cp's root.
func (c *Client) Entry(ctx context.Context, cp *Checkpoint, index int64) ([]byte, error) {
	if index < 0 || index >= cp.Size {
		return nil, fmt.Errorf("there is no entry %d in the checkpoint of size %d", index, cp.Size)
	}
	entries, err := c.fetchBundle(ctx, cp.Size, index/tileWidth)
	if err != nil {
		return nil, err
	}
	entry := entries[index%tileWidth]
	leaf := leafHash(entry)
	ids, err := proof.Inclusion(uint64(index), uint64(cp.Size))
	if err != nil {
		return nil, err
	}
	hashes, err := c.tilesOf(cp.Size).nodes(ctx, ids.IDs)
	if err != nil {
		return nil, err
	}
	p, err := ids.Rehash(hashes, hasher.HashChildren)
	if err != nil {
		return nil, err
	}
	if err := proof.VerifyInclusion(hasher, uint64(index), uint64(cp.Size), leaf[:], p, cp.Root[:]); err != nil {
		return nil, failf("entry %d is not included in the checkpoint of size %d: its inclusion proof leads to another root hash", index, cp.Size)
	}
	return append([]byte(nil), entry...), nil
}

// Consistent checks that the tree of cp extends the tree of old: the log
// only grew. A smaller cp is a rollback, the same size with another root
// a fork; otherwise the consistency proof, built from cp's tiles, must
// verify.
func (c *Client) Consistent(ctx context.Context, old, cp *Checkpoint) error {
	switch {
	case cp.Size < old.Size:
		return failf("checkpoint of size %d is not consistent with the saved checkpoint of size %d: the log was rolled back or forked", cp.Size, old.Size)
	case cp.Size == old.Size && !sameTree(old, cp):
		return failf("checkpoint of size %d has another root hash than the saved checkpoint of the same size: the log forked", cp.Size)
	case cp.Size == old.Size || old.Size == 0:
		return nil
	}
	ids, err := proof.Consistency(uint64(old.Size), uint64(cp.Size))
	if err != nil {
		return err
	}
	hashes, err := c.tilesOf(cp.Size).nodes(ctx, ids.IDs)
	if err != nil {
		return err
	}
	p, err := ids.Rehash(hashes, hasher.HashChildren)
	if err != nil {
		return err
	}
	if err := proof.VerifyConsistency(hasher, uint64(old.Size), uint64(cp.Size), p, old.Root[:], cp.Root[:]); err != nil {
		return failf("checkpoint of size %d is not consistent with the saved checkpoint of size %d: the log was rolled back or forked", cp.Size, old.Size)
	}
	return nil
}
