package translog_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/truce-monitor/truce/internal/translog"
)

// TestOutsideAuditor plays an auditor who has only the log's URL, its key,
// the C2SP specifications and the standard library: no project code, no
// Merkle tree package. From the served checkpoint, tiles and entry bundles
// it checks the log's signature, checks every tile against the level below
// and every leaf against its entry, and recomputes the root by the
// definition of RFC 6962, which must be the signed one. 70,000 entries is
// the example of C2SP tlog-tiles: 273 full level-0 tiles and one of width
// 112, a full level-1 tile and one of width 17, a level-2 tile of width 1.
func TestOutsideAuditor(t *testing.T) {
	if testing.Short() {
		t.Skip("records 70,000 entries")
	}
	s := newServer(t, backends[0], translog.Options{})
	s.grow(t, 70_000, 5_000)
	size, err := outsideAudit(s.url+"/log/", s.vkey)
	if err != nil {
		t.Fatal(err)
	}
	if size != 70_000 {
		t.Fatalf("audited a tree of size %d, want 70000", size)
	}
	// The same auditor notices one changed entry in the last, partial tile.
	e := s.tamp.entry(t, 69_999)
	s.tamp.setEntry(t, 69_999, bytes.Replace(e, []byte(`"by":"tok-`), []byte(`"by":"tak-`), 1))
	if _, err := outsideAudit(s.url+"/log/", s.vkey); err == nil || !strings.Contains(err.Error(), "entry 69999 does not match") {
		t.Fatalf("auditing a changed entry: %v", err)
	}
}

// outsideGet fetches a path under the log's prefix.
func outsideGet(prefix, path string) ([]byte, error) {
	resp, err := http.Get(prefix + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("%s: %s", path, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

func outsideAudit(prefix, vkey string) (int64, error) {
	size, root, err := outsideCheckpoint(prefix, vkey)
	if err != nil {
		return 0, err
	}
	leaves, err := outsideLeaves(prefix, size)
	if err != nil {
		return 0, err
	}
	// Level k: each hash is the root of a full tile of level k-1.
	below := leaves
	for k := 1; size>>(8*k) > 0; k++ {
		count := size >> (8 * k)
		var hashes [][32]byte
		for n := int64(0); n*256 < count; n++ {
			w := min(256, count-n*256)
			tile, err := outsideGet(prefix, tileURL(strconv.Itoa(k), n, w))
			if err != nil {
				return 0, err
			}
			for i := int64(0); i < w; i++ {
				j := n*256 + i
				h := mth(below[j*256 : (j+1)*256])
				if !bytes.Equal(h[:], tile[i*32:(i+1)*32]) {
					return 0, fmt.Errorf("tile %d/%d hash %d is not the root of the tile below", k, n, i)
				}
				hashes = append(hashes, h)
			}
		}
		below = hashes
	}
	if got := mth(leaves); base64.StdEncoding.EncodeToString(got[:]) != root {
		return 0, fmt.Errorf("recomputed root %x, the checkpoint says %s", got, root)
	}
	return size, nil
}

// outsideCheckpoint checks the signed note with the verifier key
// "<name>+<hex key hash>+<base64(0x01 || Ed25519 key)>" and returns the
// tree size and the base64 root hash.
func outsideCheckpoint(prefix, vkey string) (int64, string, error) {
	f := strings.SplitN(vkey, "+", 3)
	key, _ := base64.StdEncoding.DecodeString(f[len(f)-1])
	if len(f) != 3 || len(key) != 33 || key[0] != 1 {
		return 0, "", fmt.Errorf("bad key %q", vkey)
	}
	kh := sha256.Sum256(append([]byte(f[0]+"\n"), key...))
	if fmt.Sprintf("%x", kh[:4]) != f[1] {
		return 0, "", fmt.Errorf("key hash mismatch")
	}
	note, err := outsideGet(prefix, "checkpoint")
	if err != nil {
		return 0, "", err
	}
	text, sigs, ok := strings.Cut(string(note), "\n\n") // text, blank line, signatures
	if !ok {
		return 0, "", fmt.Errorf("not a signed note")
	}
	text += "\n"
	signed := false
	for _, line := range strings.Split(sigs, "\n") {
		if b, ok := strings.CutPrefix(line, "— "+f[0]+" "); ok {
			sig, _ := base64.StdEncoding.DecodeString(b)
			signed = signed || len(sig) == 68 && bytes.Equal(sig[:4], kh[:4]) && ed25519.Verify(key[1:], []byte(text), sig[4:])
		}
	}
	lines := strings.Split(text, "\n")
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if !signed || lines[0] != f[0] || err != nil {
		return 0, "", fmt.Errorf("checkpoint not signed by the key, or malformed: %q", text)
	}
	return size, lines[2], nil
}

// outsideLeaves checks that each entry's leaf hash, SHA-256(0x00 ||
// entry), is in its level-0 tile, and returns the leaf hashes.
func outsideLeaves(prefix string, size int64) ([][32]byte, error) {
	var leaves [][32]byte
	for n := int64(0); n*256 < size; n++ {
		w := min(256, size-n*256)
		bundle, err := outsideGet(prefix, tileURL("entries", n, w))
		if err != nil {
			return nil, err
		}
		tile, err := outsideGet(prefix, tileURL("0", n, w))
		if err != nil {
			return nil, err
		}
		for i := int64(0); i < w; i++ {
			if len(bundle) < 2 || len(bundle) < 2+int(binary.BigEndian.Uint16(bundle)) {
				return nil, fmt.Errorf("bundle %d is short", n)
			}
			l := int(binary.BigEndian.Uint16(bundle))
			h := sha256.Sum256(append([]byte{0}, bundle[2:2+l]...))
			bundle = bundle[2+l:]
			if !bytes.Equal(h[:], tile[i*32:(i+1)*32]) {
				return nil, fmt.Errorf("entry %d does not match its tile", n*256+i)
			}
			leaves = append(leaves, h)
		}
	}
	return leaves, nil
}

// tileURL is a C2SP tlog-tiles path: N in 3-digit groups, all but the last
// with an "x"; ".p/W" for a partial tile.
func tileURL(level string, n, w int64) string {
	s := fmt.Sprintf("%03d", n%1000)
	for n >= 1000 {
		n /= 1000
		s = fmt.Sprintf("x%03d/%s", n%1000, s)
	}
	if w < 256 {
		s += fmt.Sprintf(".p/%d", w)
	}
	return "tile/" + level + "/" + s
}

// mth is RFC 6962's Merkle Tree Hash over leaf hashes: split at the
// largest power of two below n, hash 0x01 || left || right.
func mth(hs [][32]byte) [32]byte {
	if len(hs) == 1 {
		return hs[0]
	}
	k := 1
	for k*2 < len(hs) {
		k *= 2
	}
	l, r := mth(hs[:k]), mth(hs[k:])
	return sha256.Sum256(append(append([]byte{1}, l[:]...), r[:]...))
}
