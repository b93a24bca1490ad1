package auth

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/sqlite"
)

func TestSecretShape(t *testing.T) {
	s1, h1 := NewSecret()
	s2, _ := NewSecret()
	if s1 == s2 {
		t.Fatal("two secrets are equal")
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(s1, tokenPrefix))
	if err != nil || len(raw) != 32 {
		t.Fatalf("secret %q does not hold 32 bytes: %v", s1, err)
	}
	sum := sha256.Sum256(raw)
	if !bytes.Equal(sum[:], h1) {
		t.Error("the stored hash is not the SHA-256 of the 32 bytes")
	}
	if h, ok := HashSecret(s1); !ok || !bytes.Equal(h, h1) {
		t.Error("HashSecret does not give back the hash")
	}
	for _, bad := range []string{"", "truce_", "truce_abc", "x" + s1[1:], s1 + "A", tokenPrefix + base64.RawURLEncoding.EncodeToString(make([]byte, 31))} {
		if _, ok := HashSecret(bad); ok {
			t.Errorf("HashSecret(%q) accepted a malformed token", bad)
		}
	}
}

func TestCreateAndAuthenticate(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	clock := truce.NewFixedClock(time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC))
	tok, secret, err := Create(ctx, s, clock, truce.RoleParty, "UA", "UA liaison")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Authenticate(ctx, s, secret)
	if err != nil {
		t.Fatal(err)
	}
	want := truce.Principal{ID: tok.ID, Role: truce.RoleParty, Party: "UA", Name: "UA liaison"}
	if p != want {
		t.Errorf("principal %+v, want %+v", p, want)
	}
	other, _ := NewSecret()
	for _, bad := range []string{other, "nonsense", ""} {
		if _, err := Authenticate(ctx, s, bad); truce.ErrorCode(err) != truce.EUNAUTHORIZED {
			t.Errorf("Authenticate(%q): %v, want unauthorized", bad, err)
		}
	}
	tests := []struct {
		role  truce.Role
		party string
	}{{"root", ""}, {truce.RoleParty, ""}, {truce.RoleMonitor, "UA"}}
	for _, tt := range tests {
		if _, _, err := Create(ctx, s, clock, tt.role, tt.party, ""); truce.ErrorCode(err) != truce.EINVALID {
			t.Errorf("Create(%s, %q): %v, want invalid", tt.role, tt.party, err)
		}
	}
}
