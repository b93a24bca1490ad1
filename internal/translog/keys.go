package translog

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/note"
)

// KeyFile is the name of the log's signing key file in the data folder.
const KeyFile = "log.key"

// LoadOrCreateKey returns the log's note signer key (secret) and verifier
// key (public) kept in dataDir/log.key, creating an Ed25519 key named name
// (the log's origin) with file mode 0600 on first start. It fails when the
// file holds a key of another name.
func LoadOrCreateKey(dataDir, name string) (skey, vkey string, err error) {
	skey, vkey, err = ReadKey(dataDir)
	if err == nil {
		if n := keyName(vkey); n != name {
			return "", "", truce.Errorf(truce.EINVALID, "log: the key in %s is for the log %q, not %q", filepath.Join(dataDir, KeyFile), n, name)
		}
		return skey, vkey, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", "", err
	}
	if !validKeyName(name) {
		return "", "", truce.Errorf(truce.EINVALID, "log: %q cannot name a log key: it needs to be non-empty, without spaces or '+'", name)
	}
	skey, vkey, err = note.GenerateKey(rand.Reader, name)
	if err != nil {
		return "", "", fmt.Errorf("log: generating a key: %w", err)
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return "", "", fmt.Errorf("log: %w", err)
	}
	path := filepath.Join(dataDir, KeyFile)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) { // created meanwhile by another process
		return LoadOrCreateKey(dataDir, name)
	}
	if err != nil {
		return "", "", fmt.Errorf("log: %w", err)
	}
	_, err = f.WriteString(skey + "\n")
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err != nil {
		os.Remove(path)
		return "", "", fmt.Errorf("log: writing %s: %w", path, err)
	}
	return skey, vkey, nil
}

// ReadKey returns the signer and verifier keys kept in dataDir/log.key; an
// error wrapping fs.ErrNotExist when there is none.
func ReadKey(dataDir string) (skey, vkey string, err error) {
	path := filepath.Join(dataDir, KeyFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return "", "", fmt.Errorf("log: %w", err)
	}
	skey = strings.TrimSpace(string(b))
	vkey, err = PublicKey(skey)
	if err != nil {
		return "", "", fmt.Errorf("log: %s: %w", path, err) // never the key itself
	}
	return skey, vkey, nil
}

// PublicKey returns the verifier key of a note signer key, e.g. one given
// to the server in TRUCE_LOG_KEY. Errors never include the secret key.
func PublicKey(skey string) (string, error) {
	s, err := note.NewSigner(skey)
	if err != nil {
		return "", truce.Errorf(truce.EINVALID, "not a valid note signer key: %v", err)
	}
	parts := strings.SplitN(skey, "+", 5) // note.NewSigner checked there are 5
	raw, err := base64.StdEncoding.DecodeString(parts[len(parts)-1])
	if err != nil || len(raw) != 1+ed25519.SeedSize {
		return "", truce.Errorf(truce.EINVALID, "not an Ed25519 note signer key")
	}
	pub := ed25519.NewKeyFromSeed(raw[1:]).Public().(ed25519.PublicKey)
	vkey, err := note.NewEd25519VerifierKey(s.Name(), pub)
	if err != nil {
		return "", err
	}
	return vkey, nil
}

// keyName returns the name part of a verifier key.
func keyName(vkey string) string {
	name, _, _ := strings.Cut(vkey, "+")
	return name
}
