package app

import (
	"context"
	"net/url"
	"slices"
	"strings"

	"github.com/truce-monitor/truce"
)

// Limits of a webhook.
const (
	MaxWebhookURL    = 2048
	MaxWebhookSecret = 1024
)

// WebhookInput is a webhook as sent: where to POST, the secret that signs
// each delivery, and the events wanted.
type WebhookInput struct {
	URL    string   `json:"url"`
	Secret string   `json:"secret"`
	Events []string `json:"events"`
}

func (in *WebhookInput) check() error {
	u, err := url.Parse(in.URL)
	switch {
	case len(in.URL) > MaxWebhookURL:
		return truce.Errorf(truce.EINVALID, "url: longer than %d bytes", MaxWebhookURL)
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil:
		return truce.Errorf(truce.EINVALID, "url: %q is not an http:// or https:// address without credentials", in.URL)
	case in.Secret == "":
		return truce.Errorf(truce.EINVALID, "secret: required: deliveries are signed with it (X-Truce-Signature)")
	case len(in.Secret) > MaxWebhookSecret:
		return truce.Errorf(truce.EINVALID, "secret: longer than %d bytes", MaxWebhookSecret)
	case len(in.Events) == 0:
		return truce.Errorf(truce.EINVALID, "events: name one or more of %s", strings.Join(truce.Events, ", "))
	}
	for _, e := range in.Events {
		if !truce.IsEvent(e) {
			return truce.Errorf(truce.EINVALID, "events: %q is not one of %s", e, strings.Join(truce.Events, ", "))
		}
	}
	return nil
}

// CreateWebhook registers a webhook: an admin's receives the mission's
// notifications, a party's its own. The secret is kept (it signs the
// deliveries) and never shown back; the registration is logged.
func (a *App) CreateWebhook(ctx context.Context, in WebhookInput) (*truce.Webhook, error) {
	p := truce.PrincipalFrom(ctx)
	to, err := webhookAddressee(p)
	if err != nil {
		return nil, err
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	events := slices.Clone(in.Events)
	slices.Sort(events)
	now := a.Clock.Now()
	h := &truce.Webhook{ID: truce.NewID("wh_", now), URL: in.URL, Secret: in.Secret, Events: slices.Compact(events),
		To: to, CreatedBy: p.ID, CreatedAt: now}
	err = a.update(ctx, func(tx truce.Tx) error {
		if err := tx.InsertWebhook(h); err != nil {
			return err
		}
		_, err := a.Log.Record(tx, truce.Act{Type: "webhook", ID: h.ID, By: p.ID, At: now, Record: h})
		return err
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// Webhooks lists the webhooks in use the caller may see: an admin all, a
// party its own.
func (a *App) Webhooks(ctx context.Context) ([]*truce.Webhook, error) {
	p := truce.PrincipalFrom(ctx)
	to, err := webhookAddressee(p)
	if err != nil {
		return nil, err
	}
	if p.Role == truce.RoleAdmin {
		to = "" // every addressee
	}
	var out []*truce.Webhook
	err = a.view(ctx, func(tx truce.Tx) error {
		var err error
		out, err = tx.Webhooks(to)
		return err
	})
	return out, err
}

// DeleteWebhook stops a webhook and cancels its pending deliveries; the
// deletion is logged.
func (a *App) DeleteWebhook(ctx context.Context, id string) error {
	p := truce.PrincipalFrom(ctx)
	if _, err := webhookAddressee(p); err != nil {
		return err
	}
	return a.update(ctx, func(tx truce.Tx) error {
		h, err := tx.Webhook(id)
		if err != nil {
			return err
		}
		if !canSeeWebhook(p, h) || h.DeletedAt != nil {
			return truce.NotFound("webhook", id)
		}
		now := a.Clock.Now()
		if err := tx.DeleteWebhook(id, now); err != nil {
			return err
		}
		h.DeletedAt = &now
		_, err = a.Log.Record(tx, truce.Act{Type: "webhook", ID: h.ID, By: p.ID, At: now, Record: h})
		return err
	})
}
