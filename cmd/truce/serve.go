package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/httpapi"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "run the server (API, pages, transparency log)",
		usage: `Usage: truce serve --data DIR [--db URL] [--addr HOST:PORT]

Runs the Truce server. State lives in DIR (the SQLite database and the
log's signing key) unless --db puts the tables in PostgreSQL. Migrations run
on start. SIGINT or SIGTERM stops it cleanly, finishing requests in flight.

Examples:
  truce serve --data /var/lib/truce
  truce serve --data /var/lib/truce --db postgres://truce@db.internal/truce --addr :8080
  truce serve --data /var/lib/truce --witness-key "$(cat ua-witness.vkey)" --witness-key "$(cat ru-witness.vkey)"
  TRUCE_LOG_KEY=PRIVATE+KEY+… truce serve --db postgres://truce@localhost/truce`,
		run: runServe,
	})
}

func runServe(ctx context.Context, e *env, args []string) error {
	c := commands["serve"]
	fs := c.flags(e)
	var sf storeFlags
	sf.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	fs.Var(&sf.witnessKeys, "witness-key", "verifier `KEY` of a witness whose cosignatures the log collects (repeat for several; see 'truce witness key')")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := sf.check(); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	rt, err := openRuntime(ctx, e, sf, truce.SystemClock{}, logger)
	if err != nil {
		return err
	}
	defer rt.Close()
	defer rt.startNotifier(ctx, logger)()
	srv := rt.server(logger)
	return srv.ListenAndServe(ctx, *addr, func(a net.Addr) {
		logger.Info("serving", "url", "http://"+a.String()+"/", "store", rt.store.Dialect(), "log_key", rt.vkey)
		fmt.Fprintf(e.stdout, "Truce is serving on http://%s/\n", a)
	})
}

// server returns the HTTP server over the runtime.
func (rt *runtime) server(logger *slog.Logger) *httpapi.Server {
	proofs := func(ctx context.Context, typ, id string) (any, error) { return rt.log.EntriesFor(ctx, typ, id) }
	return &httpapi.Server{App: rt.app, Logger: logger, Log: rt.log.Handler(), Proofs: proofs}
}
