package sqldb

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/truce-monitor/truce"
)

// InsertRejected stores a rejected item; ECONFLICT if its id exists.
func (t *Tx) InsertRejected(r *truce.Rejected) error {
	if r.ID == "" {
		return truce.Errorf(truce.EINVALID, "rejected item: no id")
	}
	doc, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("sqldb: encode rejected %s: %w", r.ID, err)
	}
	return t.insert("rejected item", r.ID,
		`INSERT INTO rejected (id, received_at, resolved_by, doc, raw, content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING`,
		r.ID, micros(r.ReceivedAt), r.ResolvedBy, string(doc), r.Raw, r.Hash)
}

// OpenRejectedByHash returns the unresolved rejected item with the given
// content hash, or ENOTFOUND.
func (t *Tx) OpenRejectedByHash(hash string) (*truce.Rejected, error) {
	var doc, raw []byte
	err := t.queryRow(`SELECT doc, raw FROM rejected WHERE content_hash = ?1 AND resolved_by = '' ORDER BY seq LIMIT 1`, []any{hash}, &doc, &raw)
	if err != nil {
		return nil, t.notFound(err, "rejected item with hash", hash)
	}
	return decodeRejected(doc, raw)
}

// Rejected returns one rejected item, or ENOTFOUND.
func (t *Tx) Rejected(id string) (*truce.Rejected, error) {
	var doc, raw []byte
	err := t.queryRow(`SELECT doc, raw FROM rejected WHERE id = ?1`, []any{id}, &doc, &raw)
	if err != nil {
		return nil, t.notFound(err, "rejected item", id)
	}
	return decodeRejected(doc, raw)
}

func decodeRejected(doc, raw []byte) (*truce.Rejected, error) {
	var r truce.Rejected
	if err := decodeDoc("rejected item", doc, &r); err != nil {
		return nil, err
	}
	r.Raw = raw
	return &r, nil
}

// RejectedItems returns the rejected items matching f, newest first, and
// the next page's cursor.
func (t *Tx) RejectedItems(f truce.RejectedFilter) ([]*truce.Rejected, string, error) {
	var w where
	if f.Cursor != "" {
		seq, _, err := decodeCursor(cursorRejected, f.Cursor, false)
		if err != nil {
			return nil, "", err
		}
		w.add("seq < ?", seq)
	}
	if f.Unresolved {
		w.add("resolved_by = ''")
	}
	n := limit(f.Limit)
	q := `SELECT seq, doc, raw FROM rejected` + w.sql() + ` ORDER BY seq DESC LIMIT ` + w.arg(n+1)
	rows, err := t.query(q, w.args...)
	if err != nil {
		return nil, "", t.fail("list rejected", err)
	}
	defer rows.Close()
	var out []*truce.Rejected
	var last int64
	for rows.Next() {
		if len(out) == n {
			return out, encodeCursor(cursorRejected, last, ""), rows.Close()
		}
		var doc, raw []byte
		if err := rows.Scan(&last, &doc, &raw); err != nil {
			return nil, "", t.fail("list rejected", err)
		}
		r, err := decodeRejected(doc, raw)
		if err != nil {
			return nil, "", err
		}
		out = append(out, r)
	}
	return out, "", rows.Err()
}

// ResolveRejected records that the item id was resubmitted and accepted as
// the report reportID; ENOTFOUND if there is no such item.
func (t *Tx) ResolveRejected(id, reportID string, at time.Time) error {
	r, err := t.Rejected(id)
	if err != nil {
		return err
	}
	r.ResolvedBy, r.ResolvedAt = reportID, &at
	doc, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("sqldb: encode rejected %s: %w", id, err)
	}
	_, err = t.exec(`UPDATE rejected SET resolved_by = ?2, doc = ?3 WHERE id = ?1`, id, reportID, string(doc))
	if err != nil {
		return t.fail("resolve rejected", err)
	}
	return nil
}
