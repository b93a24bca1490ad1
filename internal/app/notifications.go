package app

import (
	"context"
	"fmt"
	"time"

	"github.com/truce-monitor/truce"
)

// Notifications returns a page of the notifications the caller may list,
// newest first: a party its own, staff any (filtered by f.To).
func (a *App) Notifications(ctx context.Context, f truce.NotificationFilter) ([]*truce.Notification, string, error) {
	if err := restrictNotifications(truce.PrincipalFrom(ctx), &f); err != nil {
		return nil, "", err
	}
	var out []*truce.Notification
	var next string
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		out, next, err = tx.Notifications(f)
		return err
	})
	return out, next, err
}

// Notification returns one notification, if the caller may see it.
func (a *App) Notification(ctx context.Context, id string) (*truce.Notification, error) {
	p := truce.PrincipalFrom(ctx)
	var n *truce.Notification
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		n, err = tx.Notification(id)
		if err == nil && !canSeeNotification(p, n) {
			err = truce.NotFound("notification", id)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}

// AckResult answers an acknowledgement.
type AckResult struct {
	Notification *truce.Notification `json:"notification"`
	LogIndex     *int64              `json:"log_index"` // of the acknowledgement, first or earlier
}

// AckRecord is the logged record of an acknowledgement: proof that the
// party was told.
type AckRecord struct {
	Notification string    `json:"notification"`
	Party        string    `json:"party"`
	By           string    `json:"by"`
	At           time.Time `json:"at"`
}

// Ack records that the party a notification is addressed to has received
// it, in the log; the mission is notified. Acknowledging again changes
// nothing and answers the first acknowledgement.
func (a *App) Ack(ctx context.Context, id string) (*AckResult, error) {
	p := truce.PrincipalFrom(ctx)
	if p.Role != truce.RoleParty {
		return nil, denied(p, "acknowledge notifications (the party addressed does)")
	}
	var res *AckResult
	err := a.update(ctx, func(tx truce.Tx) error {
		n, err := tx.Notification(id)
		if err != nil {
			return err
		}
		if !canSeeNotification(p, n) {
			return truce.NotFound("notification", id)
		}
		res = &AckResult{Notification: n}
		if n.AckedAt != nil {
			res.LogIndex, err = firstLogIndex(tx, "ack", id)
			return err
		}
		now := a.Clock.Now().Truncate(time.Microsecond) // as the store keeps it, so the logged record can be checked
		if err := tx.AckNotification(id, p.ID, now); err != nil {
			return err
		}
		n.AckedAt, n.AckedBy = &now, p.ID
		o := &outbox{a: a, tx: tx, by: p.ID, now: now}
		o.act("ack", id, AckRecord{Notification: id, Party: p.Party, By: p.ID, At: now})
		summary := fmt.Sprintf("party %s acknowledged notification %s (%s)", p.Party, id, n.Event)
		if err := o.notify(&truce.Notification{Event: truce.EventAck, To: truce.Mission, Incident: n.Incident, Summary: summary}); err != nil {
			return err
		}
		idx, err := a.Log.Record(tx, o.acts...)
		if err == nil {
			res.LogIndex = &idx[0]
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// Deliveries returns a page of the delivery log, newest first: admins
// only.
func (a *App) Deliveries(ctx context.Context, f truce.DeliveryFilter) ([]*truce.Delivery, string, error) {
	if err := canReadDeliveries(truce.PrincipalFrom(ctx)); err != nil {
		return nil, "", err
	}
	switch f.State {
	case "", truce.DeliveryPending, truce.DeliveryDelivered, truce.DeliveryCancelled:
	default:
		return nil, "", truce.Errorf(truce.EINVALID, "state: %q is not one of pending, delivered, cancelled", f.State)
	}
	var out []*truce.Delivery
	var next string
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		out, next, err = tx.Deliveries(f)
		return err
	})
	return out, next, err
}
