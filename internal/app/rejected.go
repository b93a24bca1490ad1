package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/intake"
)

// storeRejected keeps a rejected item with its reasons and the bytes as
// sent, so that an operator can list, fix and resubmit it.
func (a *App) storeRejected(tx truce.Tx, p truce.Principal, channel string, it *intake.Item, now time.Time) (RejectedItem, error) {
	errs := it.Err().Strings()
	sum := sha256.Sum256(it.Raw)
	hash := hex.EncodeToString(sum[:])
	if old, err := tx.OpenRejectedByHash(hash); err == nil {
		return RejectedItem{Index: it.Index, Line: it.Line, Errors: errs, ID: old.ID}, nil
	} else if truce.ErrorCode(err) != truce.ENOTFOUND {
		return RejectedItem{}, err
	}
	rj := &truce.Rejected{
		ID: truce.NewID("rj_", now), ReceivedAt: now, ReceivedBy: p.ID,
		Channel: channel, Line: it.Line, Index: it.Index, Raw: it.Raw, Hash: hash, Errors: errs,
	}
	if err := tx.InsertRejected(rj); err != nil {
		return RejectedItem{}, err
	}
	return RejectedItem{Index: it.Index, Line: it.Line, Errors: errs, ID: rj.ID}, nil
}

// canManageRejected reports whether p may list and resubmit rejected items:
// the mission's staff may.
func canManageRejected(p truce.Principal) bool { return p.Staff() }

// RejectedItems lists rejected items, newest first.
func (a *App) RejectedItems(ctx context.Context, f truce.RejectedFilter) ([]*truce.Rejected, string, error) {
	p := truce.PrincipalFrom(ctx)
	if !canManageRejected(p) {
		return nil, "", denied(p, "list rejected items")
	}
	var out []*truce.Rejected
	var next string
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		out, next, err = tx.RejectedItems(f)
		return err
	})
	return out, next, err
}

// RejectedItem returns one rejected item with the bytes as sent.
func (a *App) RejectedItem(ctx context.Context, id string) (*truce.Rejected, error) {
	p := truce.PrincipalFrom(ctx)
	if !canManageRejected(p) {
		return nil, truce.NotFound("rejected item", id)
	}
	var rj *truce.Rejected
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		rj, err = tx.Rejected(id)
		return err
	})
	return rj, err
}

// Resubmit files a rejected item again: the corrected bytes when given,
// else the bytes as first sent (useful once an agreement or the gazetteer
// knows what was missing). On success the rejected item is marked resolved
// by the new report; on failure a new rejection is answered and the old one
// stays.
func (a *App) Resubmit(ctx context.Context, id string, corrected []byte) (*SubmitResult, error) {
	rj, err := a.RejectedItem(ctx, id)
	if err != nil {
		return nil, err
	}
	if rj.ResolvedBy != "" {
		return nil, truce.Errorf(truce.ECONFLICT, "rejected item %s was already resubmitted as report %s", id, rj.ResolvedBy)
	}
	raw := rj.Raw
	if len(corrected) > 0 {
		raw = corrected
	}
	var items []intake.Item
	err = intake.Decode(bytes.NewReader(raw), formatOfRaw(raw), func(it intake.Item) error {
		it.Line = rj.Line
		items = append(items, it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(items) != 1 {
		return nil, truce.Errorf(truce.EINVALID, "a resubmission is one item; got %d", len(items))
	}
	res, err := a.Submit(ctx, "resubmit:"+id, items)
	if err != nil || len(res.Accepted) == 0 {
		return res, err
	}
	reportID := res.Accepted[0].ID
	err = a.update(ctx, func(tx truce.Tx) error {
		return tx.ResolveRejected(id, reportID, a.Clock.Now())
	})
	return res, err
}

// formatOfRaw tells a kept JSON item from a kept CSV item (header and row).
func formatOfRaw(raw []byte) intake.Format {
	t := bytes.TrimLeft(raw, " \t\r\n\xef\xbb\xbf")
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return intake.NDJSON
	}
	return intake.CSV
}
