package logverify

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
)

func TestTilePath(t *testing.T) {
	tests := []struct {
		level int
		n     int64
		w     int
		want  string
	}{
		{0, 0, 256, "tile/0/000"},
		{0, 1, 44, "tile/0/001.p/44"},
		{3, 1234067, 256, "tile/3/x001/x234/067"}, // C2SP's example
		{2, 1000, 1, "tile/2/x001/000.p/1"},
		{-1, 999, 256, "tile/entries/999"},
		{-1, 273, 112, "tile/entries/273.p/112"},
	}
	for _, tt := range tests {
		if got := tilePath(tt.level, tt.n, tt.w); got != tt.want {
			t.Errorf("tilePath(%d, %d, %d) = %q, want %q", tt.level, tt.n, tt.w, got, tt.want)
		}
	}
}

func TestWidthAt(t *testing.T) {
	// C2SP's example: a tree of 70,000 entries.
	tests := []struct {
		level int
		n     int64
		want  int
	}{{0, 272, 256}, {0, 273, 112}, {0, 274, 0}, {1, 0, 256}, {1, 1, 17}, {2, 0, 1}, {3, 0, 0}}
	for _, tt := range tests {
		if got := widthAt(70000, tt.level, tt.n); got != tt.want {
			t.Errorf("widthAt(70000, %d, %d) = %d, want %d", tt.level, tt.n, got, tt.want)
		}
	}
}

func TestSplitBundle(t *testing.T) {
	for _, tt := range []struct {
		data string
		want []string
		ok   bool
	}{
		{"", nil, true},
		{"\x00\x03abc\x00\x00\x00\x01z", []string{"abc", "", "z"}, true},
		{"\x00", nil, false},
		{"\x00\x04abc", nil, false},
	} {
		got, err := splitBundle([]byte(tt.data))
		if (err == nil) != tt.ok || fmt.Sprintf("%q", got) != fmt.Sprintf("%q", toBytes(tt.want)) {
			t.Errorf("splitBundle(%q) = %q, %v; want %q", tt.data, got, err, tt.want)
		}
	}
}

func toBytes(ss []string) [][]byte {
	var out [][]byte
	for _, s := range ss {
		out = append(out, []byte(s))
	}
	return out
}

// FuzzSplitBundle: bundles come from the log, untrusted.
func FuzzSplitBundle(f *testing.F) {
	f.Add([]byte("\x00\x03abc\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := splitBundle(data)
		if err != nil {
			return
		}
		var again []byte
		for _, e := range es {
			again = binary.BigEndian.AppendUint16(again, uint16(len(e)))
			again = append(again, e...)
		}
		if !bytes.Equal(again, data) {
			t.Errorf("splitBundle(%x) does not re-encode to its input", data)
		}
	})
}

func TestSubtreeRoot(t *testing.T) {
	var hs []byte
	var leaves [][32]byte
	for i := range 8 {
		h := sha256.Sum256([]byte{byte(i)})
		hs = append(hs, h[:]...)
		leaves = append(leaves, h)
	}
	n := func(l, r [32]byte) [32]byte {
		return sha256.Sum256(append(append([]byte{1}, l[:]...), r[:]...))
	}
	want := n(n(n(leaves[0], leaves[1]), n(leaves[2], leaves[3])), n(n(leaves[4], leaves[5]), n(leaves[6], leaves[7])))
	if got := subtreeRoot(hs); !bytes.Equal(got, want[:]) {
		t.Errorf("subtreeRoot = %x, want %x", got, want)
	}
}

// newTestKey returns a log signer and its client.
func newTestKey(t *testing.T, origin string, witnessKeys []string, quorum int) (note.Signer, *Client) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := note.NewSigner(skey)
	c, err := New(Config{Server: "http://127.0.0.1:1", Key: vkey, WitnessKeys: witnessKeys, Cosignatures: quorum})
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func sign(t *testing.T, s note.Signer, body string) []byte {
	msg, err := note.Sign(&note.Note{Text: body}, s)
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// witnessPair makes a cosignature/v1 key by the C2SP text, independently
// of the witness package.
func witnessPair(t *testing.T, name string) (string, func(body string, ts uint64) string) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	raw := append([]byte{4}, pub...)
	h := sha256.Sum256(append([]byte(name+"\n"), raw...))
	vkey := fmt.Sprintf("%s+%x+%s", name, h[:4], base64.StdEncoding.EncodeToString(raw))
	return vkey, func(body string, ts uint64) string {
		msg := fmt.Sprintf("cosignature/v1\ntime %d\n%s", ts, body)
		sig := append(append(append([]byte(nil), h[:4]...), binary.BigEndian.AppendUint64(nil, ts)...), ed25519.Sign(priv, []byte(msg))...)
		return "— " + name + " " + base64.StdEncoding.EncodeToString(sig) + "\n"
	}
}

func TestOpenCheckpoint(t *testing.T) {
	const root = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
	w1, cosign1 := witnessPair(t, "w.example/1")
	w2, cosign2 := witnessPair(t, "w.example/2")
	s, c := newTestKey(t, "log.example", []string{w1, w2}, 2)
	other, _ := newTestKey(t, "log.example", nil, 0)
	body := "log.example\n7\n" + root + "\n"
	good := sign(t, s, body)
	tests := []struct {
		name string
		msg  string
		want string // "" for success
	}{
		{"two cosignatures", string(good) + cosign1(body, 1) + cosign2(body, 2), ""},
		{"one cosignature", string(good) + cosign1(body, 1), "cosigned by 1 of the given witnesses (w.example/1), 2 required"},
		{"the same twice", string(good) + cosign1(body, 1) + cosign1(body, 1), "cosigned by 1"},
		{"cosignature of another body", string(good) + cosign1(body, 1) + cosign2(strings.Replace(body, "\n7\n", "\n8\n", 1), 2), "cosignature by the witness \"w.example/2\" on the checkpoint of size 7 does not verify"},
		{"other key", string(sign(t, other, body)), "not signed by the log key"},
		{"a key of another name", string(signAs(t, "other.example", body)), "not signed by the log key"},
		{"bad size", string(sign(t, s, "log.example\n07\n"+root+"\n")), "size \"07\" is not a decimal number"},
		{"bad root", string(sign(t, s, "log.example\n7\nAAAA\n")), "root hash \"AAAA\" is not 32 bytes"},
		{"short", string(sign(t, s, "log.example\n7\n")), "has 2 lines"},
		{"wrong origin line", string(sign(t, s, "another.example\n7\n"+root+"\n")), "is for the log \"another.example\""},
		{"not a note", "hello", "not a signed note"},
	}
	for _, tt := range tests {
		cp, err := c.OpenCheckpoint([]byte(tt.msg))
		if tt.want == "" {
			if err != nil || cp.Size != 7 || len(cp.Cosigners) != 2 {
				t.Errorf("%s: %+v, %v", tt.name, cp, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error saying %q", tt.name, err, tt.want)
		}
	}
}

func signAs(t *testing.T, origin, body string) []byte {
	skey, _, _ := note.GenerateKey(rand.Reader, origin)
	s, _ := note.NewSigner(skey)
	return sign(t, s, body)
}

func TestNewRejectsBadConfig(t *testing.T) {
	_, vkey, _ := note.GenerateKey(rand.Reader, "log.example")
	w1, _ := witnessPair(t, "w.example/1")
	for _, cfg := range []Config{
		{Key: vkey},
		{Server: "http://x", Key: "nonsense"},
		{Server: "http://x", Key: vkey, WitnessKeys: []string{vkey}},
		{Server: "http://x", Key: vkey, WitnessKeys: []string{w1}, Cosignatures: 2},
		{Server: "http://x", Key: vkey, WitnessKeys: []string{strings.Replace(w1, "w.example/1", "w.example/9", 1)}},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) accepted a bad configuration", cfg)
		}
	}
}

func TestState(t *testing.T) {
	s, c := newTestKey(t, "log.example", nil, 0)
	path := filepath.Join(t.TempDir(), "sub", "state")
	if cp, err := c.LoadState(path); cp != nil || err != nil {
		t.Fatalf("LoadState of no file = %v, %v", cp, err)
	}
	cp, err := c.OpenCheckpoint(sign(t, s, "log.example\n7\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := SaveState(path, cp); err != nil {
		t.Fatal(err)
	}
	back, err := c.LoadState(path)
	if err != nil || !sameTree(back, cp) {
		t.Fatalf("LoadState = %+v, %v", back, err)
	}
	os.WriteFile(path, []byte("garbage"), 0o644)
	if _, err := c.LoadState(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a corrupt state file: %v", err)
	}
}
