package storetest

import (
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

// testRejectedByHash checks that OpenRejectedByHash finds the oldest
// unresolved item with the given content hash, and none once resolved.
func testRejectedByHash(t *testing.T, s truce.Store) {
	a, b, other := newRejected(1), newRejected(2), newRejected(3)
	a.Hash, b.Hash, other.Hash = "aa", "aa", "bb"
	update(t, s, func(tx truce.Tx) error {
		for _, r := range []*truce.Rejected{a, b, other} {
			if err := tx.InsertRejected(r); err != nil {
				return err
			}
		}
		return nil
	})
	find := func(hash string) (string, error) {
		var id string
		var err error
		view(t, s, func(tx truce.Tx) error {
			var r *truce.Rejected
			r, err = tx.OpenRejectedByHash(hash)
			if err == nil {
				id = r.ID
			}
			return nil
		})
		return id, err
	}
	if id, err := find("aa"); err != nil || id != a.ID {
		t.Errorf("OpenRejectedByHash(aa) = %q, %v; want %s", id, err, a.ID)
	}
	update(t, s, func(tx truce.Tx) error { return tx.ResolveRejected(a.ID, "r_1", base.Add(time.Hour)) })
	if id, err := find("aa"); err != nil || id != b.ID {
		t.Errorf("after resolving %s: OpenRejectedByHash(aa) = %q, %v; want %s", a.ID, id, err, b.ID)
	}
	update(t, s, func(tx truce.Tx) error { return tx.ResolveRejected(b.ID, "r_2", base.Add(time.Hour)) })
	_, err := find("aa")
	wantCode(t, "OpenRejectedByHash(all resolved)", err, truce.ENOTFOUND)
	_, err = find("cc")
	wantCode(t, "OpenRejectedByHash(unknown)", err, truce.ENOTFOUND)
}
