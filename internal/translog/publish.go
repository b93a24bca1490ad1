package translog

import (
	"context"
	"fmt"
	"strconv"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// Full tiles and entry bundles never change, so once a checkpoint covers
// them the log publishes them: it stores each as one blob (in the store's
// settings, under "log/tile/<path>"), and serves it from there, one read
// instead of 256 rows. Partial tiles are always built from the rows.

// publishedKey holds the tree size up to which full tiles are published.
const publishedKey = "log/published"

// publishChunk is how many entries' worth of tiles one publishing
// transaction covers.
const publishChunk = tileWidth * tileWidth

// tileKey is the settings key of a published full tile.
func tileKey(t tlog.Tile) string { return "log/tile/" + tilePath(t) }

// publish stores the full tiles and bundles of the signed tree of the
// given size that are not published yet, a chunk per transaction.
func (l *Log) publish(ctx context.Context, size int64) error {
	var from int64
	err := l.store.View(ctx, func(tx truce.Tx) error {
		v, err := tx.Meta(publishedKey)
		if truce.ErrorCode(err) == truce.ENOTFOUND {
			return nil
		}
		if err != nil {
			return err
		}
		from, err = strconv.ParseInt(string(v), 10, 64)
		return err
	})
	if err != nil {
		return fmt.Errorf("log: reading the published size: %w", err)
	}
	for from < size {
		to := min(size, (from/publishChunk+1)*publishChunk)
		if err := l.publishRange(ctx, from, to); err != nil {
			return err
		}
		from = to
	}
	return nil
}

// publishRange publishes the tiles that become full as the tree grows
// from size from to size to. Bundles and level-0 tiles that Record kept
// in memory, and that hash up to the stored tree, are not read back.
func (l *Log) publishRange(ctx context.Context, from, to int64) error {
	tiles := fullTiles(from, to)
	data := make([][]byte, len(tiles))
	err := l.store.View(ctx, func(tx truce.Tx) error {
		var bundles []int64
		for _, t := range tiles {
			if t.L < 0 {
				bundles = append(bundles, t.N)
			}
		}
		kept, err := l.kept.verified(tx, bundles)
		if err != nil {
			return err
		}
		for i, t := range tiles {
			if data[i], err = tileData(tx, t, kept); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("log: reading tiles to publish: %w", err)
	}
	err = l.store.Update(ctx, func(tx truce.Tx) error {
		for i, t := range tiles {
			if err := tx.PutMeta(tileKey(t), data[i]); err != nil {
				return fmt.Errorf("log: publishing tile %s: %w", tilePath(t), err)
			}
		}
		return tx.PutMeta(publishedKey, []byte(strconv.FormatInt(to, 10)))
	})
	if err == nil {
		l.kept.forget(to / tileWidth)
	}
	return err
}

// tileData returns the data of full tile t: from kept, the verified
// bundles in memory by number, for a bundle or a level-0 tile it holds,
// else from the rows.
func tileData(tx truce.LogTx, t tlog.Tile, kept map[int64]*recentTile) ([]byte, error) {
	k := kept[t.N]
	switch {
	case t.L < 0 && k != nil:
		return k.bundle(t.N)
	case t.L == 0 && k != nil:
		return k.tile(), nil
	case t.L < 0:
		return readBundle(tx, t)
	default:
		return readTile(tx, t)
	}
}

// fullTiles returns the tiles (hash tiles of every level and entry
// bundles) that are full in a tree of size to and not in one of size from.
func fullTiles(from, to int64) []tlog.Tile {
	var ts []tlog.Tile
	for level := -1; level*TileHeight < 63; level++ {
		shift := uint(max(level, 0)+1) * TileHeight // entries per full tile
		if shift >= 63 || to>>shift == 0 {
			break
		}
		for n := from >> shift; n < to>>shift; n++ {
			ts = append(ts, tlog.Tile{H: TileHeight, L: level, N: n, W: tileWidth})
		}
	}
	return ts
}

// readPublished returns the published copy of a full tile, or nil.
func readPublished(tx truce.Tx, t tlog.Tile) ([]byte, error) {
	if t.W != tileWidth {
		return nil, nil
	}
	b, err := tx.Meta(tileKey(t))
	if truce.ErrorCode(err) == truce.ENOTFOUND {
		return nil, nil
	}
	return b, err
}
