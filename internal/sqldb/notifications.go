package sqldb

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/truce-monitor/truce"
)

// InsertNotification stores a notification; ECONFLICT if its id exists.
// Its acknowledgement lives in columns, so the document never changes.
func (t *Tx) InsertNotification(n *truce.Notification) error {
	if n.ID == "" || n.To == "" {
		return truce.Errorf(truce.EINVALID, "notification: no id or addressee")
	}
	c := *n
	c.AckedAt, c.AckedBy = nil, ""
	doc, err := json.Marshal(&c)
	if err != nil {
		return fmt.Errorf("sqldb: encode notification %s: %w", n.ID, err)
	}
	return t.insert("notification", n.ID, `INSERT INTO notifications
 (id, addressee, incident_id, acked_at, acked_by, doc) VALUES (?1, ?2, ?3, 0, '', ?4) ON CONFLICT DO NOTHING`,
		n.ID, n.To, n.Incident, string(doc))
}

// Notification returns one notification, or ENOTFOUND.
func (t *Tx) Notification(id string) (*truce.Notification, error) {
	var doc []byte
	var acked int64
	var by string
	err := t.queryRow(`SELECT doc, acked_at, acked_by FROM notifications WHERE id = ?1`, []any{id}, &doc, &acked, &by)
	if err != nil {
		return nil, t.notFound(err, "notification", id)
	}
	return decodeNotification(doc, acked, by)
}

func decodeNotification(doc []byte, acked int64, by string) (*truce.Notification, error) {
	var n truce.Notification
	if err := decodeDoc("notification", doc, &n); err != nil {
		return nil, err
	}
	if acked != 0 {
		at := time.UnixMicro(acked).UTC()
		n.AckedAt, n.AckedBy = &at, by
	}
	return &n, nil
}

// Notifications returns a page of notifications matching f, newest first,
// and the next page's cursor.
func (t *Tx) Notifications(f truce.NotificationFilter) ([]*truce.Notification, string, error) {
	var w where
	if f.Cursor != "" {
		seq, _, err := decodeCursor(cursorNotifications, f.Cursor, false)
		if err != nil {
			return nil, "", err
		}
		w.add("seq < ?", seq)
	}
	if f.To != "" {
		w.add("addressee = ?", f.To)
	}
	if f.Incident != "" {
		w.add("incident_id = ?", f.Incident)
	}
	if f.Unacked {
		w.add("acked_at = 0")
	}
	n := limit(f.Limit)
	q := `SELECT seq, doc, acked_at, acked_by FROM notifications` + w.sql() + ` ORDER BY seq DESC LIMIT ` + w.arg(n+1)
	rows, err := t.query(q, w.args...)
	if err != nil {
		return nil, "", t.fail("list notifications", err)
	}
	defer rows.Close()
	var out []*truce.Notification
	var last int64
	for rows.Next() {
		if len(out) == n {
			return out, encodeCursor(cursorNotifications, last, ""), rows.Close()
		}
		var doc []byte
		var acked int64
		var by string
		if err := rows.Scan(&last, &doc, &acked, &by); err != nil {
			return nil, "", t.fail("list notifications", err)
		}
		nt, err := decodeNotification(doc, acked, by)
		if err != nil {
			return nil, "", err
		}
		out = append(out, nt)
	}
	return out, "", rows.Err()
}

// AckNotification records the first acknowledgement of a notification;
// later ones change nothing. ENOTFOUND if there is no such notification.
func (t *Tx) AckNotification(id, by string, at time.Time) error {
	res, err := t.exec(`UPDATE notifications SET acked_at = ?2, acked_by = ?3 WHERE id = ?1 AND acked_at = 0`,
		id, micros(at), by)
	if err != nil {
		return t.fail("ack notification", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return t.fail("ack notification", err)
	} else if n == 0 {
		_, err := t.Notification(id)
		return err // nil when it was already acknowledged
	}
	return nil
}

// InsertWebhook stores a webhook with its secret; ECONFLICT if its id
// exists.
func (t *Tx) InsertWebhook(h *truce.Webhook) error {
	if h.ID == "" || h.To == "" || h.URL == "" {
		return truce.Errorf(truce.EINVALID, "webhook: no id, addressee or url")
	}
	c := *h
	c.DeletedAt = nil
	doc, err := json.Marshal(&c)
	if err != nil {
		return fmt.Errorf("sqldb: encode webhook %s: %w", h.ID, err)
	}
	return t.insert("webhook", h.ID, `INSERT INTO webhooks (id, addressee, secret, deleted_at, doc)
 VALUES (?1, ?2, ?3, 0, ?4) ON CONFLICT DO NOTHING`, h.ID, h.To, h.Secret, string(doc))
}

// Webhook returns one webhook with its secret, deleted or not.
func (t *Tx) Webhook(id string) (*truce.Webhook, error) {
	var doc []byte
	var secret string
	var deleted int64
	err := t.queryRow(`SELECT doc, secret, deleted_at FROM webhooks WHERE id = ?1`, []any{id}, &doc, &secret, &deleted)
	if err != nil {
		return nil, t.notFound(err, "webhook", id)
	}
	return decodeWebhook(doc, secret, deleted)
}

func decodeWebhook(doc []byte, secret string, deleted int64) (*truce.Webhook, error) {
	var h truce.Webhook
	if err := decodeDoc("webhook", doc, &h); err != nil {
		return nil, err
	}
	h.Secret = secret
	if deleted != 0 {
		at := time.UnixMicro(deleted).UTC()
		h.DeletedAt = &at
	}
	return &h, nil
}

// Webhooks returns the webhooks in use of one addressee ("" for all),
// oldest first.
func (t *Tx) Webhooks(to string) ([]*truce.Webhook, error) {
	w := where{}
	w.add("deleted_at = 0")
	if to != "" {
		w.add("addressee = ?", to)
	}
	rows, err := t.query(`SELECT doc, secret FROM webhooks`+w.sql()+` ORDER BY seq`, w.args...)
	if err != nil {
		return nil, t.fail("list webhooks", err)
	}
	defer rows.Close()
	var out []*truce.Webhook
	for rows.Next() {
		var doc []byte
		var secret string
		if err := rows.Scan(&doc, &secret); err != nil {
			return nil, t.fail("list webhooks", err)
		}
		h, err := decodeWebhook(doc, secret, 0)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// DeleteWebhook marks a webhook deleted and cancels its pending
// deliveries; ENOTFOUND if it is missing or already deleted.
func (t *Tx) DeleteWebhook(id string, at time.Time) error {
	res, err := t.exec(`UPDATE webhooks SET deleted_at = ?2 WHERE id = ?1 AND deleted_at = 0`, id, micros(at))
	if err != nil {
		return t.fail("delete webhook", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return t.fail("delete webhook", err)
	} else if n == 0 {
		return truce.NotFound("webhook", id)
	}
	_, err = t.exec(`UPDATE deliveries SET state = ?2 WHERE webhook_id = ?1 AND state = ?3`,
		id, string(truce.DeliveryCancelled), string(truce.DeliveryPending))
	if err != nil {
		return t.fail("delete webhook", err)
	}
	return nil
}
