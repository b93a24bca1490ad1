package storetest

import (
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

func newRejected(i int) *truce.Rejected {
	return &truce.Rejected{
		ID:         fmt.Sprintf("x_%03d", i),
		ReceivedAt: base.Add(time.Duration(i) * time.Second),
		ReceivedBy: "tok_monitor",
		Channel:    "reports.ndjson",
		Line:       i + 1,
		Index:      i,
		Raw:        []byte(fmt.Sprintf("{\"kind\": \"strik\", \"n\": %d, \"bad\": \"\xff\"}", i)),
		Errors:     []string{"kind: \"strik\" is not a kind", "occurred: missing"},
	}
}

func testRejected(t *testing.T, s truce.Store) {
	update(t, s, func(tx truce.Tx) error {
		for i := range 5 {
			if err := tx.InsertRejected(newRejected(i)); err != nil {
				return err
			}
		}
		return errWant("duplicate id", tx.InsertRejected(newRejected(2)), truce.ECONFLICT)
	})
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.Rejected("x_003")
		if err != nil {
			return err
		}
		if diff := cmp.Diff(newRejected(3), got); diff != "" {
			t.Errorf("Rejected round trip (-want +got):\n%s", diff)
		}
		_, err = tx.Rejected("x_999")
		wantCode(t, "Rejected(missing)", err, truce.ENOTFOUND)
		return nil
	})
	at := base.Add(time.Hour + 123*time.Nanosecond)
	update(t, s, func(tx truce.Tx) error {
		if err := tx.ResolveRejected("x_001", "r_fixed", at); err != nil {
			return err
		}
		return errWant("ResolveRejected(missing)", tx.ResolveRejected("x_999", "r_fixed", at), truce.ENOTFOUND)
	})
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.Rejected("x_001")
		if err != nil {
			return err
		}
		want := newRejected(1)
		want.ResolvedBy, want.ResolvedAt = "r_fixed", &at
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("resolved item (-want +got):\n%s", diff)
		}
		return nil
	})
	testRejectedList(t, s)
}

// testRejectedList lists the items testRejected leaves: x_000 … x_004,
// x_001 resolved.
func testRejectedList(t *testing.T, s truce.Store) {
	tests := []struct {
		name string
		f    truce.RejectedFilter
		want []string
	}{
		{"all, newest first", truce.RejectedFilter{}, []string{"x_004", "x_003", "x_002", "x_001", "x_000"}},
		{"unresolved", truce.RejectedFilter{Unresolved: true}, []string{"x_004", "x_003", "x_002", "x_000"}},
		{"pages of 2", truce.RejectedFilter{Limit: 2}, []string{"x_004", "x_003", "x_002", "x_001", "x_000"}},
		{"unresolved, pages of 1", truce.RejectedFilter{Unresolved: true, Limit: 1}, []string{"x_004", "x_003", "x_002", "x_000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			f := tc.f
			for pages := 0; pages < 10; pages++ {
				var next string
				view(t, s, func(tx truce.Tx) error {
					items, n, err := tx.RejectedItems(f)
					for _, it := range items {
						got = append(got, it.ID)
					}
					next = n
					return err
				})
				if next == "" {
					break
				}
				f.Cursor = next
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("RejectedItems (-want +got):\n%s", diff)
			}
		})
	}
}

func newToken(i int, created time.Time) *truce.Token {
	h := sha256.Sum256([]byte(fmt.Sprint("secret-", i)))
	return &truce.Token{ID: fmt.Sprintf("tok_%d", i), Hash: h[:], Role: truce.RoleParty,
		Party: "UA", Name: fmt.Sprint("token ", i), CreatedAt: created}
}

func testTokens(t *testing.T, s truce.Store) {
	// Inserted out of order: Tokens lists by creation time.
	toks := []*truce.Token{newToken(2, base.Add(2*time.Hour)), newToken(0, base), newToken(1, base.Add(time.Hour))}
	toks[1].Role, toks[1].Party = truce.RoleAdmin, ""
	update(t, s, func(tx truce.Tx) error {
		for _, tok := range toks {
			if err := tx.InsertToken(tok); err != nil {
				return err
			}
		}
		sameID := newToken(0, base)
		sameID.Hash = []byte("another hash")
		if err := errWant("duplicate id", tx.InsertToken(sameID), truce.ECONFLICT); err != nil {
			return err
		}
		sameHash := newToken(1, base)
		sameHash.ID = "tok_new"
		return errWant("duplicate hash", tx.InsertToken(sameHash), truce.ECONFLICT)
	})
	view(t, s, func(tx truce.Tx) error {
		for _, want := range toks {
			got, err := tx.TokenByHash(want.Hash)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("TokenByHash(%s) (-want +got):\n%s", want.ID, diff)
			}
		}
		missing := sha256.Sum256([]byte("nobody"))
		_, err := tx.TokenByHash(missing[:])
		wantCode(t, "TokenByHash(missing)", err, truce.ENOTFOUND)
		all, err := tx.Tokens()
		if err != nil {
			return err
		}
		want := []*truce.Token{toks[1], toks[2], toks[0]}
		if diff := cmp.Diff(want, all); diff != "" {
			t.Errorf("Tokens, oldest first (-want +got):\n%s", diff)
		}
		return nil
	})
}
