package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strings"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/httpapi"
	"github.com/truce-monitor/truce/internal/web"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "run the server (API, pages, transparency log)",
		usage: `Usage: truce serve --data DIR [--db URL] [--addr HOST:PORT] [--tiles URL]

Runs the Truce server. State lives in DIR (the SQLite database and the
log's signing key) unless --db puts the tables in PostgreSQL. Migrations run
on start. SIGINT or SIGTERM stops it cleanly, finishing requests in flight.

The web pages' maps draw the shipped region boundaries and need no
network; --tiles adds a tile server's map underneath (an XYZ URL
template), for deployments that have one.

Examples:
  truce serve --data /var/lib/truce
  truce serve --data /var/lib/truce --db postgres://truce@db.internal/truce --addr :8080
  truce serve --data /var/lib/truce --witness-key "$(cat ua-witness.vkey)" --witness-key "$(cat ru-witness.vkey)"
  truce serve --data /var/lib/truce --tiles 'https://tiles.example.org/{z}/{x}/{y}.png' --tiles-attribution '© OpenStreetMap contributors'
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
	var wo webOptions
	fs.StringVar(&wo.tiles, "tiles", e.getenv("TRUCE_TILES"), "XYZ tile `URL` template for the pages' maps (default $TRUCE_TILES; none: the shipped boundaries only)")
	fs.StringVar(&wo.attribution, "tiles-attribution", e.getenv("TRUCE_TILES_ATTRIBUTION"), "credit `TEXT` of the tiles, shown on the maps")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := sf.check(); err != nil {
		return err
	}
	if err := wo.check(); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	rt, err := openRuntime(ctx, e, sf, truce.SystemClock{}, logger)
	if err != nil {
		return err
	}
	defer rt.Close()
	defer rt.startNotifier(ctx, logger)()
	srv := rt.serverWith(logger, wo)
	return srv.ListenAndServe(ctx, *addr, func(a net.Addr) {
		logger.Info("serving", "url", "http://"+a.String()+"/", "store", rt.store.Dialect(), "log_key", rt.vkey)
		fmt.Fprintf(e.stdout, "Truce is serving on http://%s/\n", a)
	})
}

// webOptions are the options of the web pages.
type webOptions struct {
	tiles, attribution string
}

func (wo webOptions) check() error {
	if wo.tiles == "" {
		return nil
	}
	if !strings.HasPrefix(wo.tiles, "https://") && !strings.HasPrefix(wo.tiles, "http://") ||
		!strings.Contains(wo.tiles, "{z}") || !strings.Contains(wo.tiles, "{x}") || !strings.Contains(wo.tiles, "{y}") {
		return usageError{fmt.Sprintf("--tiles %q: want an http(s) URL with {z}, {x} and {y}", wo.tiles)}
	}
	return nil
}

// server returns the HTTP server over the runtime, with the pages' maps on
// the shipped boundaries only.
func (rt *runtime) server(logger *slog.Logger) *httpapi.Server {
	return rt.serverWith(logger, webOptions{})
}

// serverWith returns the HTTP server over the runtime: the API, the log and
// the web pages.
func (rt *runtime) serverWith(logger *slog.Logger, wo webOptions) *httpapi.Server {
	proofs := func(ctx context.Context, typ, id string) (any, error) { return rt.log.EntriesFor(ctx, typ, id) }
	pages, err := web.New(web.Config{App: rt.app, Log: rt.log, TileURL: wo.tiles, TileAttribution: wo.attribution, Logger: logger})
	if err != nil {
		panic("the embedded web pages are broken: " + err.Error()) // checked by internal/web's tests
	}
	return &httpapi.Server{App: rt.app, Logger: logger, Log: rt.log.Handler(), Proofs: proofs, Web: pages}
}
