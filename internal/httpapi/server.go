// Package httpapi serves Truce's JSON API, the transparency log and the
// web pages over HTTP. Handlers are thin: they read the request, call a
// service of internal/app and write its answer; routes are listed in one
// place (routes.go) and errors map to statuses in one place (errors.go).
package httpapi

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/truce-monitor/truce/internal/app"
)

// Limits of the server.
const (
	MaxBodyBytes     = 32 << 20 // a batch of reports
	MaxSmallBody     = 1 << 20  // any other body
	ReadHeaderTimout = 10 * time.Second
	RequestTimeout   = 2 * time.Minute
)

// Server is the HTTP face of Truce.
type Server struct {
	App    *app.App
	Logger *slog.Logger
	// Log serves the transparency log under /log/ (tiles, checkpoint, key,
	// proofs); nil until the log is wired.
	Log http.Handler
	// Proofs gives the log entries and inclusion proofs of a record.
	Proofs Prover
	// Web serves the pages; nil serves a plain index.
	Web http.Handler

	registry *prometheus.Registry
	metrics  *metrics
}

// Prover gives the log entries of a record with their inclusion proofs,
// as JSON-ready values.
type Prover func(ctx context.Context, recordType, id string) (any, error)

// Handler returns the server's root handler.
func (s *Server) Handler() http.Handler {
	if s.Logger == nil {
		s.Logger = slog.New(slog.DiscardHandler)
	}
	if s.registry == nil {
		s.registry = prometheus.NewRegistry()
		s.metrics = newMetrics(s.registry)
	}
	mux := http.NewServeMux()
	s.routes(mux)
	return s.recoverer(s.instrument(mux))
}

// ListenAndServe serves on addr until ctx ends, then shuts down cleanly,
// finishing the requests in flight (up to 30 s). ready, if not nil, gets
// the bound address once listening.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: ReadHeaderTimout,
		ReadTimeout:       RequestTimeout,
		WriteTimeout:      RequestTimeout,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.Logger.Handler(), slog.LevelWarn),
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.Logger.Info("shutting down: finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
