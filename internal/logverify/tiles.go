package logverify

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// The C2SP tlog-tiles geometry: tiles of height 8, 256 hashes wide.
const (
	tileHeight = 8
	tileWidth  = 1 << tileHeight
	hashSize   = 32
)

// tilePath returns the C2SP tlog-tiles path of a tile, relative to the
// log's prefix: "tile/<L>/<N>[.p/<W>]", or "tile/entries/<N>[.p/<W>]" for
// an entry bundle (level < 0). N is written in 3-digit groups, all but the
// last prefixed with "x".
func tilePath(level int, n int64, width int) string {
	groups := []string{fmt.Sprintf("%03d", n%1000)}
	for n >= 1000 {
		n /= 1000
		groups = append([]string{fmt.Sprintf("x%03d", n%1000)}, groups...)
	}
	l := strconv.Itoa(level)
	if level < 0 {
		l = "entries"
	}
	p := "tile/" + l + "/" + strings.Join(groups, "/")
	if width < tileWidth {
		p += ".p/" + strconv.Itoa(width)
	}
	return p
}

// widthAt returns the width of tile n at a tile level in a tree of the
// given size: 256 when full, 0 when the tile does not exist.
func widthAt(size int64, level int, n int64) int {
	avail := size >> (uint(level) * tileHeight) // hashes at that level
	w := avail - n*tileWidth
	switch {
	case w <= 0:
		return 0
	case w >= tileWidth:
		return tileWidth
	}
	return int(w)
}

// fetchTile fetches hash tile n at a tile level of the tree of the given
// size and checks its length.
func (c *Client) fetchTile(ctx context.Context, size int64, level int, n int64) ([]byte, error) {
	w := widthAt(size, level, n)
	if w == 0 {
		return nil, fmt.Errorf("tile %d at level %d is outside a tree of size %d", n, level, size)
	}
	p := tilePath(level, n, w)
	data, err := c.get(ctx, p)
	if err != nil {
		return nil, err
	}
	if len(data) != w*hashSize {
		return nil, failf("the tile %s is %d bytes, want %d", p, len(data), w*hashSize)
	}
	return data, nil
}

// fetchBundle fetches entry bundle n of the tree of the given size and
// returns its entries.
func (c *Client) fetchBundle(ctx context.Context, size int64, n int64) ([][]byte, error) {
	w := widthAt(size, 0, n)
	if w == 0 {
		return nil, fmt.Errorf("entry bundle %d is outside a tree of size %d", n, size)
	}
	p := tilePath(-1, n, w)
	data, err := c.get(ctx, p)
	if err != nil {
		return nil, err
	}
	entries, err := splitBundle(data)
	if err != nil {
		return nil, failf("the entry bundle %s is malformed: %v", p, err)
	}
	if len(entries) != w {
		return nil, failf("the entry bundle %s holds %d entries, want %d", p, len(entries), w)
	}
	return entries, nil
}

// splitBundle splits an entry bundle into its entries (each a big-endian
// uint16 length and that many bytes). The entries alias data.
func splitBundle(data []byte) ([][]byte, error) {
	var out [][]byte
	for len(data) > 0 {
		if len(data) < 2 {
			return nil, fmt.Errorf("a truncated length at the end")
		}
		n := int(binary.BigEndian.Uint16(data))
		if len(data) < 2+n {
			return nil, fmt.Errorf("entry %d claims %d bytes, %d are left", len(out), n, len(data)-2)
		}
		out = append(out, data[2:2+n])
		data = data[2+n:]
	}
	return out, nil
}

// leafHash is the RFC 6962 hash of an entry: SHA-256(0x00 || entry).
func leafHash(entry []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte{0})
	h.Write(entry)
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// nodeHash is the RFC 6962 hash of an interior node: SHA-256(0x01 || l || r).
func nodeHash(l, r []byte) []byte {
	var buf [1 + 2*hashSize]byte
	buf[0] = 1
	copy(buf[1:], l)
	copy(buf[1+hashSize:], r)
	sum := sha256.Sum256(buf[:])
	return sum[:]
}

// subtreeRoot hashes 2^k consecutive hashes (concatenated in data) into
// the root of the perfect subtree they are the bottom level of. It
// overwrites data.
func subtreeRoot(data []byte) []byte {
	var buf [1 + 2*hashSize]byte
	buf[0] = 1
	for n := len(data) / hashSize; n > 1; n /= 2 {
		for i := 0; i < n/2; i++ {
			copy(buf[1:], data[2*i*hashSize:(2*i+2)*hashSize])
			sum := sha256.Sum256(buf[:])
			copy(data[i*hashSize:], sum[:])
		}
	}
	return data[:hashSize:hashSize]
}
