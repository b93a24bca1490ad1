// Package app holds the services of Truce: every act and every read a
// caller can make, each in one transaction, with the rights of the caller
// checked here and nowhere else. It knows nothing of HTTP; internal/httpapi
// and cmd/truce are thin layers over it.
package app

import (
	"context"
	"log/slog"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/intake"
	"github.com/truce-monitor/truce/internal/pipeline"
)

// App is the set of services over one store.
type App struct {
	Store    truce.Store
	Log      truce.Recorder // the transparency log; every act goes through it
	Clock    truce.Clock
	Geocoder truce.Geocoder
	Logger   *slog.Logger
	// Pipeline fuses accepted reports into incidents and judges them
	// against the agreements, in the intake transaction. Nil: reports are
	// stored and logged only (tools and tests of intake alone).
	Pipeline *pipeline.Pipeline
}

// update runs fn in one transaction and tells the log when it committed.
func (a *App) update(ctx context.Context, fn func(truce.Tx) error) error {
	err := a.Store.Update(ctx, fn)
	if err != nil {
		if a.Pipeline != nil {
			a.Pipeline.RolledBack()
		}
		return err
	}
	a.Log.Committed()
	return nil
}

// view runs fn in one read-only transaction.
func (a *App) view(ctx context.Context, fn func(truce.Tx) error) error {
	return a.Store.View(ctx, fn)
}

// preparer returns the intake path with the parties the loaded agreements
// know.
func (a *App) preparer(tx truce.Tx) (*intake.Preparer, error) {
	ags, err := tx.Agreements()
	if err != nil {
		return nil, err
	}
	parties := map[string]bool{}
	for _, ag := range ags {
		for _, p := range ag.Parties {
			parties[p] = true
		}
	}
	return &intake.Preparer{Validator: truce.Validator{Parties: parties}, Geocoder: a.Geocoder}, nil
}
