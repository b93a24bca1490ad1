package translog

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// TileHeight is the height of the log's tiles (C2SP tlog-tiles: 256 wide).
const TileHeight = 8

// tileWidth is the number of hashes (or entries) in a full tile.
const tileWidth = 1 << TileHeight

// parseTilePath parses the part of a C2SP tlog-tiles path after "tile/":
// "<L>/<N>[.p/<W>]" for a hash tile, "entries/<N>[.p/<W>]" for an entry
// bundle (returned with L = -1). N is in 3-digit groups, all but the last
// prefixed with "x". Only canonical spellings are accepted.
func parseTilePath(rest string) (tlog.Tile, error) {
	level, n, ok := strings.Cut(rest, "/")
	if !ok {
		return tlog.Tile{}, fmt.Errorf("bad tile path %q", rest)
	}
	if level == "entries" {
		level = "data"
	} else if l, err := strconv.Atoi(level); err != nil || l < 0 || l > 63 {
		return tlog.Tile{}, fmt.Errorf("bad tile level %q", level)
	}
	// tlog spells the same coordinates "tile/<H>/<L or data>/<N>[.p/<W>]",
	// and its parser insists on the canonical form.
	t, err := tlog.ParseTilePath(fmt.Sprintf("tile/%d/%s/%s", TileHeight, level, n))
	if err != nil {
		return tlog.Tile{}, fmt.Errorf("bad tile path %q", rest)
	}
	return t, nil
}

// tilePath is the inverse of parseTilePath.
func tilePath(t tlog.Tile) string {
	p := t.Path() // "tile/8/<L or data>/<N>[.p/<W>]"
	p = strings.TrimPrefix(p, fmt.Sprintf("tile/%d/", TileHeight))
	if rest, ok := strings.CutPrefix(p, "data/"); ok {
		return "entries/" + rest
	}
	return p
}

// tileFits reports whether tile t exists in a tree of the given size.
func tileFits(t tlog.Tile, size int64) bool {
	level := t.L
	if level < 0 {
		level = 0
	}
	if level*TileHeight >= 63 {
		return false
	}
	avail := size >> (uint(level) * TileHeight) // hashes at this tile level
	if t.N > avail/tileWidth {
		return false
	}
	return t.N*tileWidth+int64(t.W) <= avail
}

// readTile returns the data of hash tile t from the store.
func readTile(tx truce.LogTx, t tlog.Tile) ([]byte, error) {
	return tlog.ReadTileData(t, storeReader{tx})
}

// readBundle returns entry bundle t: its entries, each as a big-endian
// uint16 length followed by the entry.
func readBundle(tx truce.LogTx, t tlog.Tile) ([]byte, error) {
	start := t.N * tileWidth
	es, err := tx.LogEntries(start, start+int64(t.W))
	if err != nil {
		return nil, fmt.Errorf("log: reading entries %d to %d: %w", start, start+int64(t.W), err)
	}
	if len(es) != t.W {
		return nil, fmt.Errorf("log: the store returned %d entries from %d, want %d", len(es), start, t.W)
	}
	for i, e := range es {
		if e.Index != start+int64(i) {
			return nil, fmt.Errorf("log: the store returned entry %d in place of %d", e.Index, start+int64(i))
		}
	}
	return encodeBundle(es)
}

// encodeBundle encodes entries as an entry bundle.
func encodeBundle(es []truce.LogEntry) ([]byte, error) {
	n := 0
	for _, e := range es {
		n += 2 + len(e.Data)
	}
	out := make([]byte, 0, n)
	for _, e := range es {
		if len(e.Data) > MaxEntrySize {
			return nil, fmt.Errorf("log: entry %d is %d bytes, too long for a bundle", e.Index, len(e.Data))
		}
		out = binary.BigEndian.AppendUint16(out, uint16(len(e.Data)))
		out = append(out, e.Data...)
	}
	return out, nil
}
