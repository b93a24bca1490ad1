// Package auth makes and checks API tokens: 32 random bytes shown once to
// their holder, of which only the SHA-256 is stored, compared in constant
// time.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"strings"

	"github.com/truce-monitor/truce"
)

// tokenPrefix marks Truce tokens so that secret scanners and people can
// recognise them.
const tokenPrefix = "truce_"

// NewSecret returns a new token secret (shown once) and its SHA-256 (stored).
func NewSecret() (secret string, hash []byte) {
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		panic("auth: no randomness: " + err.Error())
	}
	sum := sha256.Sum256(raw[:])
	return tokenPrefix + base64.RawURLEncoding.EncodeToString(raw[:]), sum[:]
}

// HashSecret returns the SHA-256 of a token secret's 32 bytes, or false
// when the string is not a well-formed token.
func HashSecret(secret string) ([]byte, bool) {
	s, ok := strings.CutPrefix(strings.TrimSpace(secret), tokenPrefix)
	if !ok {
		return nil, false
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(raw) != 32 {
		return nil, false
	}
	sum := sha256.Sum256(raw)
	return sum[:], true
}

// Create makes a token for a role (and party, for RoleParty), stores its
// hash and returns the token record and its secret.
func Create(ctx context.Context, s truce.Store, clock truce.Clock, role truce.Role, party, name string) (*truce.Token, string, error) {
	if !role.Valid() {
		return nil, "", truce.Errorf(truce.EINVALID, "role %q is not one of admin, monitor, analyst, party, viewer", role)
	}
	if (role == truce.RoleParty) != (party != "") {
		return nil, "", truce.Errorf(truce.EINVALID, "--party is needed with role party, and only with it")
	}
	secret, hash := NewSecret()
	now := clock.Now()
	t := &truce.Token{ID: truce.NewID("tok_", now), Hash: hash, Role: role, Party: party, Name: name, CreatedAt: now}
	err := s.Update(ctx, func(tx truce.Tx) error { return tx.InsertToken(t) })
	if err != nil {
		return nil, "", err
	}
	return t, secret, nil
}

// Authenticate returns the principal holding secret. A malformed or
// unknown token is EUNAUTHORIZED; the comparison of the stored hash runs
// in constant time.
func Authenticate(ctx context.Context, s truce.Store, secret string) (truce.Principal, error) {
	bad := truce.Errorf(truce.EUNAUTHORIZED, "invalid API token")
	hash, ok := HashSecret(secret)
	if !ok {
		return truce.Public, bad
	}
	var t *truce.Token
	err := s.View(ctx, func(tx truce.Tx) error {
		var err error
		t, err = tx.TokenByHash(hash)
		return err
	})
	if truce.ErrorCode(err) == truce.ENOTFOUND {
		return truce.Public, bad
	}
	if err != nil {
		return truce.Public, err
	}
	if subtle.ConstantTimeCompare(t.Hash, hash) != 1 {
		return truce.Public, bad
	}
	return truce.Principal{ID: t.ID, Role: t.Role, Party: t.Party, Name: t.Name}, nil
}
