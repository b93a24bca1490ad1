package logverify

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

// Checkpoint is a verified checkpoint of the log.
type Checkpoint struct {
	Origin string
	Size   int64
	Root   [32]byte
	// Body is the checkpoint body: the note text that signatures cover.
	Body string
	// Note is the signed note as served, cosignatures included.
	Note []byte
	// Cosigners are the given witnesses whose cosignatures verified.
	Cosigners []string
}

// witnessKey is a witness's Ed25519 cosignature/v1 verifier key.
type witnessKey struct {
	name string
	id   uint32
	pub  ed25519.PublicKey
}

// parseWitnessKey parses "<name>+<8 hex digits>+<base64(0x04 || key)>".
func parseWitnessKey(vkey string) (*witnessKey, error) {
	parts := strings.SplitN(strings.TrimSpace(vkey), "+", 3)
	if len(parts) != 3 || parts[0] == "" || len(parts[1]) != 8 {
		return nil, fmt.Errorf("witness key %q is not a verifier key <name>+<id>+<key>", vkey)
	}
	id, err1 := strconv.ParseUint(parts[1], 16, 32)
	raw, err2 := base64.StdEncoding.DecodeString(parts[2])
	if err1 != nil || err2 != nil || len(raw) != 33 || raw[0] != 0x04 {
		return nil, fmt.Errorf("witness key %q is not an Ed25519 cosignature key (type 0x04)", vkey)
	}
	h := sha256.Sum256(append([]byte(parts[0]+"\n"), raw...))
	if binary.BigEndian.Uint32(h[:4]) != uint32(id) {
		return nil, fmt.Errorf("witness key %q: the key ID does not match the key", vkey)
	}
	return &witnessKey{name: parts[0], id: uint32(id), pub: ed25519.PublicKey(raw[1:])}, nil
}

// verify checks a cosignature (key ID removed) of body.
func (w *witnessKey) verify(body string, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig[:8])
	msg := "cosignature/v1\ntime " + strconv.FormatUint(t, 10) + "\n" + body
	return t < 1<<63 && ed25519.Verify(w.pub, []byte(msg), sig[8:])
}

// FetchCheckpoint fetches the log's latest checkpoint and verifies it (see
// OpenCheckpoint).
func (c *Client) FetchCheckpoint(ctx context.Context) (*Checkpoint, error) {
	msg, err := c.get(ctx, "checkpoint")
	if err != nil {
		return nil, err
	}
	return c.OpenCheckpoint(msg)
}

// OpenCheckpoint verifies a signed checkpoint: the log's signature, its
// C2SP tlog-checkpoint body for this log's origin, and the cosignatures
// of the required number of the given witnesses.
func (c *Client) OpenCheckpoint(msg []byte) (*Checkpoint, error) {
	cp, err := c.openSigned(msg)
	if err != nil {
		return nil, err
	}
	if len(cp.Cosigners) < c.quorum {
		return nil, fmt.Errorf("the checkpoint of size %d is cosigned by %d of the given witnesses (%s), %d required", cp.Size, len(cp.Cosigners), strings.Join(cp.Cosigners, ", "), c.quorum)
	}
	return cp, nil
}

// openSigned is OpenCheckpoint without the quorum.
func (c *Client) openSigned(msg []byte) (*Checkpoint, error) {
	n, err := note.Open(msg, note.VerifierList(c.logKey))
	if err != nil {
		var unverified *note.UnverifiedNoteError
		var invalid *note.InvalidSignatureError
		switch {
		case errors.As(err, &unverified):
			return nil, failf("the checkpoint is not signed by the log key %s+%08x", c.logKey.Name(), c.logKey.KeyHash())
		case errors.As(err, &invalid):
			return nil, failf("the checkpoint's signature by the log key does not verify")
		}
		return nil, failf("the checkpoint is not a signed note: %v", err)
	}
	cp, err := parseBody(n.Text)
	if err != nil {
		return nil, err
	}
	if cp.Origin != c.logKey.Name() {
		return nil, failf("the checkpoint is for the log %q, but the key is for %q", cp.Origin, c.logKey.Name())
	}
	cp.Note = msg
	seen := map[string]bool{}
	for _, s := range n.UnverifiedSigs {
		w := c.witness(s.Name, s.Hash)
		if w == nil || seen[w.name] {
			continue
		}
		raw, _ := base64.StdEncoding.DecodeString(s.Base64) // note.Open checked it
		if !w.verify(cp.Body, raw[4:]) {
			return nil, failf("the cosignature by the witness %q on the checkpoint of size %d does not verify", w.name, cp.Size)
		}
		seen[w.name] = true
		cp.Cosigners = append(cp.Cosigners, w.name)
	}
	sort.Strings(cp.Cosigners)
	return cp, nil
}

func (c *Client) witness(name string, id uint32) *witnessKey {
	for _, w := range c.witnesses {
		if w.name == name && w.id == id {
			return w
		}
	}
	return nil
}

// parseBody parses a C2SP tlog-checkpoint body: origin, size, root hash,
// then optional extension lines.
func parseBody(text string) (*Checkpoint, error) {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) < 3 {
		return nil, failf("the checkpoint has %d lines, a checkpoint has at least 3", len(lines))
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return nil, failf("the checkpoint's size %q is not a decimal number", lines[1])
	}
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != 32 {
		return nil, failf("the checkpoint's root hash %q is not 32 bytes of base64", lines[2])
	}
	for _, ext := range lines[3:] {
		if ext == "" {
			return nil, failf("the checkpoint has an empty extension line")
		}
	}
	cp := &Checkpoint{Origin: lines[0], Size: size, Body: text}
	copy(cp.Root[:], root)
	return cp, nil
}

// sameTree reports whether two checkpoints describe the same tree.
func sameTree(a, b *Checkpoint) bool {
	return a.Size == b.Size && bytes.Equal(a.Root[:], b.Root[:])
}
