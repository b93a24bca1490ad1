package app

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/truce-monitor/truce"
)

// DeliveryBody is the JSON body of every webhook delivery: the delivery's
// id (also sent as X-Truce-Delivery, the key a receiver deduplicates on),
// the event and the notification. The body is fixed when the act commits,
// so every attempt sends the same bytes under the same signature.
type DeliveryBody struct {
	Delivery     string              `json:"delivery"`
	Event        string              `json:"event"`
	Notification *truce.Notification `json:"notification"`
}

// outbox collects, within the transaction of an act, the notifications
// the act makes, their deliveries to the webhooks that want them, and the
// log acts of both.
type outbox struct {
	a     *App
	tx    truce.Tx
	by    string
	now   time.Time
	acts  []truce.Act
	hooks map[string][]*truce.Webhook // by addressee, read once per act
}

func (o *outbox) act(typ, id string, rec any) {
	o.acts = append(o.acts, truce.Act{Type: typ, ID: id, By: o.by, At: o.now, Record: rec})
}

// notify stores n (giving it an id, unless it has one, and a time), logs
// it, and queues one delivery to each of its addressee's webhooks that
// subscribe to its event. n must not change afterwards: the log commits to
// it as it is when the act is recorded, the store and the deliveries as it
// is now.
func (o *outbox) notify(n *truce.Notification) error {
	if n.ID == "" {
		n.ID = truce.NewID("nt_", o.now)
	}
	n.CreatedAt = o.now
	if err := o.tx.InsertNotification(n); err != nil {
		return err
	}
	o.act("notification", n.ID, n)
	hooks, err := o.webhooks(n.To)
	if err != nil {
		return err
	}
	for _, h := range hooks {
		if !h.Wants(n) {
			continue
		}
		d := &truce.Delivery{ID: truce.NewID("dl_", o.now), Webhook: h.ID, Notification: n.ID, Event: n.Event,
			URL: h.URL, State: truce.DeliveryPending, NextAt: o.now, CreatedAt: o.now}
		if d.Body, err = json.Marshal(DeliveryBody{Delivery: d.ID, Event: n.Event, Notification: n}); err != nil {
			return fmt.Errorf("app: encode delivery: %w", err)
		}
		if err := o.tx.InsertDelivery(d); err != nil {
			return err
		}
	}
	return nil
}

func (o *outbox) webhooks(to string) ([]*truce.Webhook, error) {
	if hs, ok := o.hooks[to]; ok {
		return hs, nil
	}
	hs, err := o.tx.Webhooks(to)
	if err != nil {
		return nil, err
	}
	if o.hooks == nil {
		o.hooks = map[string][]*truce.Webhook{}
	}
	o.hooks[to] = hs
	return hs, nil
}
