package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/intake"
)

// postStatus moves an incident along the workflow: {"status": S, "note": text}.
func (s *Server) postStatus(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Status truce.Status `json:"status"`
		Note   string       `json:"note"`
	}
	if err := readJSON(w, r, &body); err != nil {
		return err
	}
	res, err := s.App.SetStatus(r.Context(), r.PathValue("id"), body.Status, body.Note)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// postResponse records a party's reply: {"position", "text", "contests",
// "reports": [report, …]}; the reports are counter-evidence, filed through
// intake.
func (s *Server) postResponse(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		app.ReplyInput
		Reports json.RawMessage `json:"reports"`
	}
	if err := readJSON(w, r, &body); err != nil {
		return err
	}
	var items []intake.Item
	if rs := bytes.TrimSpace(body.Reports); len(rs) > 0 && !bytes.Equal(rs, []byte("null")) {
		if rs[0] != '[' {
			return truce.Errorf(truce.EINVALID, "reports: a JSON array of reports")
		}
		err := intake.Decode(bytes.NewReader(rs), intake.JSON, func(it intake.Item) error {
			items = append(items, it)
			return nil
		})
		if err != nil {
			return err
		}
	}
	res, err := s.App.Reply(r.Context(), r.PathValue("id"), body.ReplyInput, items)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, res)
	return nil
}

// listNotifications answers a page of the caller's notifications (staff:
// anyone's, by ?to=). Filters: to, incident, unacked=true, limit, cursor.
func (s *Server) listNotifications(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	n, err := app.QueryLimit(q.Get("limit"))
	if err != nil {
		return err
	}
	f := truce.NotificationFilter{To: q.Get("to"), Incident: q.Get("incident"), Unacked: q.Get("unacked") == "true",
		Limit: n, Cursor: q.Get("cursor")}
	ns, next, err := s.App.Notifications(r.Context(), f)
	if err != nil {
		return err
	}
	if ns == nil {
		ns = []*truce.Notification{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"notifications": ns, "next": nullable(next)})
	return nil
}

// getNotification answers one notification.
func (s *Server) getNotification(w http.ResponseWriter, r *http.Request) error {
	n, err := s.App.Notification(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, n)
	return nil
}

// ackNotification records the party's acknowledgement.
func (s *Server) ackNotification(w http.ResponseWriter, r *http.Request) error {
	res, err := s.App.Ack(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// postWebhook registers a webhook: {"url", "secret", "events"}.
func (s *Server) postWebhook(w http.ResponseWriter, r *http.Request) error {
	var body app.WebhookInput
	if err := readJSON(w, r, &body); err != nil {
		return err
	}
	h, err := s.App.CreateWebhook(r.Context(), body)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, h)
	return nil
}

// listWebhooks answers the webhooks in use the caller may see.
func (s *Server) listWebhooks(w http.ResponseWriter, r *http.Request) error {
	hs, err := s.App.Webhooks(r.Context())
	if err != nil {
		return err
	}
	if hs == nil {
		hs = []*truce.Webhook{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"webhooks": hs})
	return nil
}

// deleteWebhook stops a webhook.
func (s *Server) deleteWebhook(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.DeleteWebhook(r.Context(), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// listDeliveries answers a page of the delivery log (admins). Filters:
// webhook, state, limit, cursor.
func (s *Server) listDeliveries(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	n, err := app.QueryLimit(q.Get("limit"))
	if err != nil {
		return err
	}
	f := truce.DeliveryFilter{Webhook: q.Get("webhook"), State: truce.DeliveryState(q.Get("state")), Limit: n, Cursor: q.Get("cursor")}
	ds, next, err := s.App.Deliveries(r.Context(), f)
	if err != nil {
		return err
	}
	if ds == nil {
		ds = []*truce.Delivery{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"deliveries": ds, "next": nullable(next)})
	return nil
}
