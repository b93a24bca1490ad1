// Package witness is the service a party runs to watch a Truce
// transparency log: it fetches the log's checkpoint, checks the log's
// signature and that the log only grew since the checkpoint it last
// cosigned, then cosigns it (C2SP tlog-cosignature, Ed25519
// cosignature/v1) and sends the cosignature to the log. It refuses, for
// good, a log that was rolled back or forked.
package witness

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// KeyFile is the name of the witness's signing key in its data folder.
const KeyFile = "witness.key"

// keyType is the C2SP signed-note key type of Ed25519 cosignatures.
const keyType = 0x04

// Cosigner makes cosignature/v1 signatures with one witness key.
type Cosigner struct {
	name string
	id   uint32
	priv ed25519.PrivateKey
}

// keyID is SHA-256(name || "\n" || 0x04 || public key)[:4].
func keyID(name string, pub ed25519.PublicKey) uint32 {
	msg := append([]byte(name+"\n"), keyType)
	h := sha256.Sum256(append(msg, pub...))
	return binary.BigEndian.Uint32(h[:4])
}

func validName(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return r == '+' || unicode.IsSpace(r) || r == unicode.ReplacementChar
	})
}

// GenerateKey returns a new witness signer key (secret, in the shape of a
// note signer key: "PRIVATE+KEY+<name>+<id>+<base64(0x04 || seed)>") and
// its verifier key ("<name>+<id>+<base64(0x04 || public key)>").
func GenerateKey(name string) (skey, vkey string, err error) {
	if !validName(name) {
		return "", "", fmt.Errorf("witness: %q cannot name a key: it needs to be non-empty, without spaces or '+'", name)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return "", "", err
	}
	c := &Cosigner{name: name, id: keyID(name, pub), priv: priv}
	skey = fmt.Sprintf("PRIVATE+KEY+%s+%08x+%s", name, c.id, base64.StdEncoding.EncodeToString(append([]byte{keyType}, priv.Seed()...)))
	return skey, c.VerifierKey(), nil
}

// NewCosigner parses a witness signer key. Errors never include the key.
func NewCosigner(skey string) (*Cosigner, error) {
	parts := strings.SplitN(strings.TrimSpace(skey), "+", 5)
	if len(parts) != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY" || !validName(parts[2]) || len(parts[3]) != 8 {
		return nil, errors.New("witness: not a witness signer key")
	}
	id, err1 := strconv.ParseUint(parts[3], 16, 32)
	raw, err2 := base64.StdEncoding.DecodeString(parts[4])
	if err1 != nil || err2 != nil || len(raw) != 1+ed25519.SeedSize || raw[0] != keyType {
		return nil, errors.New("witness: not an Ed25519 cosignature/v1 signer key")
	}
	priv := ed25519.NewKeyFromSeed(raw[1:])
	if keyID(parts[2], priv.Public().(ed25519.PublicKey)) != uint32(id) {
		return nil, errors.New("witness: the signer key's ID does not match the key")
	}
	return &Cosigner{name: parts[2], id: uint32(id), priv: priv}, nil
}

// Name returns the witness's name.
func (c *Cosigner) Name() string { return c.name }

// VerifierKey returns the witness's verifier key, for the log's
// configuration and for verifiers.
func (c *Cosigner) VerifierKey() string {
	pub := c.priv.Public().(ed25519.PublicKey)
	return fmt.Sprintf("%s+%08x+%s", c.name, c.id, base64.StdEncoding.EncodeToString(append([]byte{keyType}, pub...)))
}

// Cosign returns the note signature line "— <name> <base64(key ID ||
// timestamp || signature)>" that cosigns a checkpoint body at time t: the
// signature covers "cosignature/v1\ntime <t>\n" followed by the body.
func (c *Cosigner) Cosign(body string, t time.Time) (string, error) {
	if !strings.HasSuffix(body, "\n") || t.Unix() < 0 {
		return "", errors.New("witness: a checkpoint body ends in a newline, and the time must be after 1970")
	}
	ts := uint64(t.Unix())
	sig := binary.BigEndian.AppendUint32(nil, c.id)
	sig = binary.BigEndian.AppendUint64(sig, ts)
	sig = append(sig, ed25519.Sign(c.priv, cosignedMessage(ts, body))...)
	return "— " + c.name + " " + base64.StdEncoding.EncodeToString(sig), nil
}

// LoadOrCreateKey returns the witness's signer and verifier keys kept in
// dataDir/witness.key, creating a key named name (mode 0600) on first start.
func LoadOrCreateKey(dataDir, name string) (skey, vkey string, err error) {
	skey, vkey, err = ReadKey(dataDir)
	if !errors.Is(err, fs.ErrNotExist) {
		return skey, vkey, err
	}
	skey, vkey, err = GenerateKey(name)
	if err != nil {
		return "", "", err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return "", "", fmt.Errorf("witness: %w", err)
	}
	path := filepath.Join(dataDir, KeyFile)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return ReadKey(dataDir)
	}
	if err != nil {
		return "", "", fmt.Errorf("witness: %w", err)
	}
	_, err = f.WriteString(skey + "\n")
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err != nil {
		os.Remove(path)
		return "", "", fmt.Errorf("witness: writing %s: %w", path, err)
	}
	return skey, vkey, nil
}

// ReadKey returns the keys kept in dataDir/witness.key; an error wrapping
// fs.ErrNotExist when there is none.
func ReadKey(dataDir string) (skey, vkey string, err error) {
	path := filepath.Join(dataDir, KeyFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return "", "", fmt.Errorf("witness: %w", err)
	}
	c, err := NewCosigner(string(b))
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", path, err)
	}
	return strings.TrimSpace(string(b)), c.VerifierKey(), nil
}

// cosignedMessage is what a cosignature/v1 signature at time ts (Unix
// seconds) of a checkpoint body covers.
func cosignedMessage(ts uint64, body string) []byte {
	return []byte("cosignature/v1\ntime " + strconv.FormatUint(ts, 10) + "\n" + body)
}

// cosigned reports whether the signed note msg, whose text is body,
// carries a valid cosignature by c.
func (c *Cosigner) cosigned(msg []byte, body string) bool {
	sigs, ok := strings.CutPrefix(string(msg), body+"\n")
	if !ok {
		return false
	}
	pub := c.priv.Public().(ed25519.PublicKey)
	for _, line := range strings.Split(sigs, "\n") {
		b64, ok := strings.CutPrefix(line, "— "+c.name+" ")
		raw, err := base64.StdEncoding.DecodeString(b64)
		if !ok || err != nil || len(raw) != 4+8+ed25519.SignatureSize || binary.BigEndian.Uint32(raw) != c.id {
			continue
		}
		ts := binary.BigEndian.Uint64(raw[4:])
		if ed25519.Verify(pub, cosignedMessage(ts, body), raw[12:]) {
			return true
		}
	}
	return false
}
