package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/geocode"
	"github.com/truce-monitor/truce/internal/notify"
	"github.com/truce-monitor/truce/internal/pipeline"
	"github.com/truce-monitor/truce/internal/postgres"
	"github.com/truce-monitor/truce/internal/sqlite"
	"github.com/truce-monitor/truce/internal/translog"
)

// storeFlags are the flags that say where state lives.
type storeFlags struct {
	data        string
	db          string
	witnessKeys multiFlag // verifier keys of the witnesses whose cosignatures the log collects
}

// multiFlag collects a repeated string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

func (sf *storeFlags) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	fs.StringVar(&sf.data, "data", "", "data `DIR`: the SQLite database and the log's signing key live here")
	fs.StringVar(&sf.db, "db", "", "PostgreSQL `URL` (postgres://user@host/db): keep the tables there instead of in DIR")
}

func (sf *storeFlags) check() error {
	if sf.data == "" && sf.db == "" {
		return usageError{"give --data DIR (or --db URL)"}
	}
	if sf.db != "" && !strings.HasPrefix(sf.db, "postgres://") && !strings.HasPrefix(sf.db, "postgresql://") {
		return usageError{fmt.Sprintf("--db %q: want a postgres:// URL", sf.db)}
	}
	return nil
}

// openStore opens the store the flags name, running migrations.
func openStore(ctx context.Context, sf storeFlags) (truce.Store, error) {
	if sf.db != "" {
		return postgres.Open(ctx, sf.db)
	}
	if err := os.MkdirAll(sf.data, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create data dir: %w", err)
	}
	return sqlite.Open(ctx, sf.data)
}

// runtime is a store with its log and services, as serve and demo run them.
type runtime struct {
	store truce.Store
	log   *translog.Log
	app   *app.App
	vkey  string // the log's verifier key
}

// logOrigin names the log in its checkpoints.
const logOrigin = "truce.example/log"

// openRuntime opens the store, the log (creating its key on first start)
// and the services.
func openRuntime(ctx context.Context, e *env, sf storeFlags, clock truce.Clock, logger *slog.Logger) (*runtime, error) {
	store, err := openStore(ctx, sf)
	if err != nil {
		return nil, err
	}
	skey, vkey, err := logKey(e, sf.data)
	if err != nil {
		store.Close()
		return nil, err
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("log signing key: %w", err)
	}
	lg, err := translog.New(signer, vkey, logOrigin, clock, store, translog.Options{WitnessKeys: sf.witnessKeys, Logger: logger})
	if err != nil {
		store.Close()
		return nil, err
	}
	if err := lg.SignNow(ctx); err != nil { // a checkpoint from the start, covering what is stored
		lg.Close()
		store.Close()
		return nil, fmt.Errorf("log: sign the first checkpoint: %w", err)
	}
	a := &app.App{Store: store, Log: lg, Clock: clock, Geocoder: geocode.Default(), Logger: logger,
		Pipeline: pipeline.New(clock)}
	return &runtime{store: store, log: lg, app: a, vkey: vkey}, nil
}

// logKey returns the log's signing key: from TRUCE_LOG_KEY, else from the
// data dir (created there on first start).
func logKey(e *env, data string) (skey, vkey string, err error) {
	if k := e.getenv("TRUCE_LOG_KEY"); k != "" {
		v, err := translog.PublicKey(k)
		if err != nil {
			return "", "", fmt.Errorf("TRUCE_LOG_KEY: %w", err)
		}
		return k, v, nil
	}
	if data == "" {
		return "", "", usageError{"with --db, give --data DIR for the log's key or set TRUCE_LOG_KEY"}
	}
	return translog.LoadOrCreateKey(data, logOrigin)
}

// startNotifier starts the webhook delivery worker over the runtime's
// outbox and returns the function that stops it (before Close).
func (rt *runtime) startNotifier(ctx context.Context, logger *slog.Logger) (stop func()) {
	w := &notify.Worker{Store: rt.store, Clock: rt.app.Clock, Log: rt.log, Logger: logger}
	return w.Start(ctx, time.Second)
}

// Close flushes the log and closes the store.
func (rt *runtime) Close() {
	rt.log.Close()
	rt.store.Close()
}
