package sqldb

import (
	"database/sql"
	"time"

	"github.com/truce-monitor/truce"
)

// deliveryCols are the columns of a delivery, in the order scanDelivery
// reads them (the body last, when asked for).
const deliveryCols = `seq, id, webhook_id, notification_id, event, url, state, attempts, next_at,
 last_status, last_error, created_at, delivered_at`

// InsertDelivery stores a delivery in the outbox; ECONFLICT if its id
// exists.
func (t *Tx) InsertDelivery(d *truce.Delivery) error {
	if d.ID == "" || d.Webhook == "" || d.Notification == "" {
		return truce.Errorf(truce.EINVALID, "delivery: no id, webhook or notification")
	}
	if d.State == "" {
		d.State = truce.DeliveryPending
	}
	body := d.Body
	if body == nil {
		body = []byte{}
	}
	return t.insert("delivery", d.ID, `INSERT INTO deliveries
 (id, webhook_id, notification_id, event, url, state, attempts, next_at, last_status, last_error,
  created_at, delivered_at, body)
 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT DO NOTHING`,
		d.ID, d.Webhook, d.Notification, d.Event, d.URL, string(d.State), d.Attempts, micros(d.NextAt),
		d.LastStatus, d.LastError, micros(d.CreatedAt), optMicros(d.DeliveredAt), body)
}

// Delivery returns one delivery with its body, or ENOTFOUND.
func (t *Tx) Delivery(id string) (*truce.Delivery, error) {
	rows, err := t.query(`SELECT `+deliveryCols+`, body FROM deliveries WHERE id = ?1`, id)
	if err != nil {
		return nil, t.fail("get delivery", err)
	}
	ds, _, err := scanDeliveries(rows, true, 1)
	if err != nil {
		return nil, t.fail("get delivery", err)
	}
	if len(ds) == 0 {
		return nil, truce.NotFound("delivery", id)
	}
	return ds[0], nil
}

// DueDeliveries returns up to limit pending deliveries due at now, the
// earliest due first, with their bodies.
func (t *Tx) DueDeliveries(now time.Time, limit int) ([]*truce.Delivery, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := t.query(`SELECT `+deliveryCols+`, body FROM deliveries
 WHERE state = ?1 AND next_at <= ?2 ORDER BY next_at, seq LIMIT ?3`,
		string(truce.DeliveryPending), micros(now), limit)
	if err != nil {
		return nil, t.fail("due deliveries", err)
	}
	ds, _, err := scanDeliveries(rows, true, limit)
	if err != nil {
		return nil, t.fail("due deliveries", err)
	}
	return ds, nil
}

// UpdateDelivery stores what changes of a delivery as it is attempted;
// ENOTFOUND if there is no such delivery.
func (t *Tx) UpdateDelivery(d *truce.Delivery) error {
	res, err := t.exec(`UPDATE deliveries SET state = ?2, attempts = ?3, next_at = ?4, last_status = ?5,
 last_error = ?6, delivered_at = ?7 WHERE id = ?1`,
		d.ID, string(d.State), d.Attempts, micros(d.NextAt), d.LastStatus, d.LastError, optMicros(d.DeliveredAt))
	if err != nil {
		return t.fail("update delivery", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return t.fail("update delivery", err)
	} else if n == 0 {
		return truce.NotFound("delivery", d.ID)
	}
	return nil
}

// Deliveries returns a page of deliveries matching f, newest first,
// without their bodies, and the next page's cursor.
func (t *Tx) Deliveries(f truce.DeliveryFilter) ([]*truce.Delivery, string, error) {
	var w where
	if f.Cursor != "" {
		seq, _, err := decodeCursor(cursorDeliveries, f.Cursor, false)
		if err != nil {
			return nil, "", err
		}
		w.add("seq < ?", seq)
	}
	if f.Webhook != "" {
		w.add("webhook_id = ?", f.Webhook)
	}
	if f.State != "" {
		w.add("state = ?", string(f.State))
	}
	n := limit(f.Limit)
	rows, err := t.query(`SELECT `+deliveryCols+` FROM deliveries`+w.sql()+` ORDER BY seq DESC LIMIT `+w.arg(n+1), w.args...)
	if err != nil {
		return nil, "", t.fail("list deliveries", err)
	}
	ds, last, err := scanDeliveries(rows, false, n+1)
	if err != nil {
		return nil, "", t.fail("list deliveries", err)
	}
	if len(ds) > n {
		return ds[:n], encodeCursor(cursorDeliveries, last[n-1], ""), nil
	}
	return ds, "", nil
}

// scanDeliveries reads up to max rows of deliveryCols (and the body when
// withBody) and returns them with their seq numbers.
func scanDeliveries(rows *sql.Rows, withBody bool, max int) ([]*truce.Delivery, []int64, error) {
	defer rows.Close()
	var out []*truce.Delivery
	var seqs []int64
	for len(out) < max && rows.Next() {
		var d truce.Delivery
		var seq, next, created, delivered int64
		var state string
		dest := []any{&seq, &d.ID, &d.Webhook, &d.Notification, &d.Event, &d.URL, &state, &d.Attempts,
			&next, &d.LastStatus, &d.LastError, &created, &delivered}
		if withBody {
			dest = append(dest, &d.Body)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, nil, err
		}
		d.State = truce.DeliveryState(state)
		d.NextAt, d.CreatedAt = time.UnixMicro(next).UTC(), time.UnixMicro(created).UTC()
		if delivered != 0 {
			at := time.UnixMicro(delivered).UTC()
			d.DeliveredAt = &at
		}
		out = append(out, &d)
		seqs = append(seqs, seq)
	}
	return out, seqs, rows.Err()
}

// optMicros stores an optional time as microseconds, 0 for none.
func optMicros(t *time.Time) int64 {
	if t == nil {
		return 0
	}
	return micros(*t)
}
