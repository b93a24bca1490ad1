package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
)

// healthz answers 200 when the database answers within two seconds.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.App.Store.Ping(ctx); err != nil {
		return truce.Errorf(truce.EUNAVAILABLE, "database unreachable: %v", err)
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "store": s.App.Store.Dialect()})
	return nil
}

// index answers the root when no web interface is wired.
func (s *Server) index(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, err := w.Write([]byte("Truce: ceasefire monitoring and verification. API under /api/v1/, log under /log/.\n"))
	return err
}

// listRejected answers a page of rejected items.
func (s *Server) listRejected(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, err := app.QueryLimit(q.Get("limit"))
	if err != nil {
		return err
	}
	f := truce.RejectedFilter{Unresolved: q.Get("unresolved") == "true", Limit: limit, Cursor: q.Get("cursor")}
	items, next, err := s.App.RejectedItems(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]rejectedJSON, len(items))
	for i, it := range items {
		out[i] = rejectedJSON{Rejected: it, Raw: string(it.Raw)}
	}
	writeJSON(w, http.StatusOK, map[string]any{"rejected": out, "next": nullable(next)})
	return nil
}

// rejectedJSON shows a rejected item with the bytes as sent.
type rejectedJSON struct {
	*truce.Rejected
	Raw string `json:"raw"`
}

// getRejected answers one rejected item.
func (s *Server) getRejected(w http.ResponseWriter, r *http.Request) error {
	it, err := s.App.RejectedItem(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rejectedJSON{Rejected: it, Raw: string(it.Raw)})
	return nil
}

// resubmit files a rejected item again, corrected by the body if any.
func (s *Server) resubmit(w http.ResponseWriter, r *http.Request) error {
	body, err := readSmall(w, r)
	if err != nil {
		return err
	}
	res, err := s.App.Resubmit(r.Context(), r.PathValue("id"), body)
	if err != nil {
		return err
	}
	writeJSON(w, submitStatus(len(res.Accepted), len(res.Rejected)), res)
	return nil
}
