package translog

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/truce-monitor/truce"
)

// cosigKeyType is the C2SP signed-note key type of Ed25519 cosignatures
// (tlog-cosignature, cosignature/v1).
const cosigKeyType = 0x04

// maxClockSkew is how far in the future a cosignature's time may be.
const maxClockSkew = 10 * time.Minute

// witnessID identifies a witness key as signature lines do.
type witnessID struct {
	name string
	hash uint32
}

// cosigVerifier checks one witness's cosignature/v1 signatures.
type cosigVerifier struct {
	name string
	hash uint32
	key  ed25519.PublicKey
}

// keyID is the C2SP key ID: the first four bytes of
// SHA-256(name || "\n" || type || public key).
func keyID(name string, typ byte, pub []byte) uint32 {
	h := sha256.New()
	h.Write([]byte(name + "\n"))
	h.Write([]byte{typ})
	h.Write(pub)
	return binary.BigEndian.Uint32(h.Sum(nil))
}

// validKeyName reports whether s may name a note key: non-empty UTF-8
// without spaces or '+'.
func validKeyName(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return r == '+' || unicode.IsSpace(r) || r == unicode.ReplacementChar
	})
}

// parseCosigKey parses a witness verifier key "<name>+<hex key ID>+<base64
// of 0x04 || Ed25519 public key>".
func parseCosigKey(vkey string) (*cosigVerifier, error) {
	name, rest, _ := strings.Cut(strings.TrimSpace(vkey), "+")
	hash16, b64, _ := strings.Cut(rest, "+")
	hash, err1 := strconv.ParseUint(hash16, 16, 32)
	key, err2 := base64.StdEncoding.DecodeString(b64)
	if !validKeyName(name) || len(hash16) != 8 || err1 != nil || err2 != nil {
		return nil, truce.Errorf(truce.EINVALID, "log: malformed witness key %q", vkey)
	}
	if len(key) != 1+ed25519.PublicKeySize || key[0] != cosigKeyType {
		return nil, truce.Errorf(truce.EINVALID, "log: witness key %q is not an Ed25519 cosignature/v1 key (type 0x04)", vkey)
	}
	if keyID(name, cosigKeyType, key[1:]) != uint32(hash) {
		return nil, truce.Errorf(truce.EINVALID, "log: witness key %q has a wrong key ID", vkey)
	}
	return &cosigVerifier{name: name, hash: uint32(hash), key: ed25519.PublicKey(key[1:])}, nil
}

func parseWitnessKeys(keys []string) (map[witnessID]*cosigVerifier, error) {
	ws := make(map[witnessID]*cosigVerifier, len(keys))
	names := map[string]bool{}
	for _, k := range keys {
		v, err := parseCosigKey(k)
		if err != nil {
			return nil, err
		}
		if names[v.name] { // cosignatures are stored by witness name
			return nil, truce.Errorf(truce.EINVALID, "log: two witness keys are named %q; each witness needs its own name", v.name)
		}
		names[v.name] = true
		ws[witnessID{v.name, v.hash}] = v
	}
	return ws, nil
}

// verify checks sig (timestamp || Ed25519 signature, the key ID removed)
// as a cosignature of the checkpoint body and returns its time.
func (v *cosigVerifier) verify(body string, sig []byte) (uint64, bool) {
	if len(sig) != 8+ed25519.SignatureSize {
		return 0, false
	}
	ts := binary.BigEndian.Uint64(sig)
	msg := fmt.Sprintf("cosignature/v1\ntime %d\n%s", ts, body)
	return ts, ed25519.Verify(v.key, []byte(msg), sig[8:])
}

// parseSigLine splits a note signature line "— <name> <base64>" into the
// name, the key ID and the signature that follows it.
func parseSigLine(line []byte) (name string, id uint32, sig []byte, err error) {
	s, ok := strings.CutPrefix(strings.TrimRight(string(line), "\n"), "— ")
	name, b64, _ := strings.Cut(s, " ")
	raw, err := base64.StdEncoding.DecodeString(b64)
	if !ok || !validKeyName(name) || err != nil || len(raw) < 5 || strings.ContainsAny(s, "\n") {
		return "", 0, nil, truce.Errorf(truce.EINVALID, "log: a cosignature is one note signature line, \"— <witness name> <base64>\"")
	}
	return name, binary.BigEndian.Uint32(raw), raw[4:], nil
}

// AddCosignature accepts a witness's cosignature line of one of the log's
// recent checkpoints and stores it, to be served with that checkpoint.
// Errors: EINVALID for a malformed line or a time in the future,
// EFORBIDDEN for a witness not in Options.WitnessKeys, ECONFLICT when the
// signature matches none of the recent checkpoints.
func (l *Log) AddCosignature(ctx context.Context, line []byte) error {
	name, id, sig, err := parseSigLine(bytes.TrimSpace(line))
	if err != nil {
		return err
	}
	v, ok := l.witnesses[witnessID{name, id}]
	if !ok {
		return truce.Errorf(truce.EFORBIDDEN, "log: %q is not a witness of this log", name)
	}
	cands, err := l.cosignCandidates(ctx)
	if err != nil {
		return err
	}
	for _, c := range cands {
		body, size, _, err := parseCheckpoint(c.Note)
		if err != nil {
			return err
		}
		ts, ok := v.verify(body, sig)
		if !ok {
			continue
		}
		if ts > 1<<63-1 || time.Unix(int64(ts), 0).After(l.clock.Now().Add(maxClockSkew)) {
			return truce.Errorf(truce.EINVALID, "log: the cosignature's time %d is in the future", ts)
		}
		norm := []byte("— " + name + " " + base64.StdEncoding.EncodeToString(append(binary.BigEndian.AppendUint32(nil, id), sig...)))
		err = l.store.Update(ctx, func(tx truce.Tx) error { return tx.PutCosignature(size, name, norm) })
		if err != nil {
			return fmt.Errorf("log: storing a cosignature: %w", err)
		}
		select {
		case l.cosigned <- struct{}{}:
		default:
		}
		return nil
	}
	return truce.Errorf(truce.ECONFLICT, "log: the cosignature by %q matches none of the log's recent checkpoints; fetch the checkpoint again and cosign that", name)
}

// cosignCandidates returns the latest stored checkpoint and those this
// process signed recently.
func (l *Log) cosignCandidates(ctx context.Context) ([]*truce.Checkpoint, error) {
	var latest *truce.Checkpoint
	err := l.store.View(ctx, func(tx truce.Tx) error {
		var err error
		latest, err = latestCheckpoint(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	cands := l.recentCheckpoints()
	if latest != nil {
		cands = append([]*truce.Checkpoint{latest}, cands...)
	}
	return cands, nil
}
