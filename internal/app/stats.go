package app

import (
	"context"

	"github.com/truce-monitor/truce"
)

// MaxPoints is the most incidents IncidentPoints returns at once.
const MaxPoints = 5000

// IncidentStats counts the incidents q selects among those the caller may
// see (see truce.StatsTx): the figures of the overview and of a daily
// report.
func (a *App) IncidentStats(ctx context.Context, q truce.StatsQuery) (*truce.IncidentStats, error) {
	restrictIncidents(truce.PrincipalFrom(ctx), &q.Filter)
	var st *truce.IncidentStats
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		st, err = tx.IncidentStats(q)
		return err
	})
	return st, err
}

// IncidentPoints returns at most max (at most MaxPoints) of the incidents
// q selects that the caller may see, newest first, for a map.
func (a *App) IncidentPoints(ctx context.Context, q truce.StatsQuery, max int) ([]truce.IncidentPoint, error) {
	restrictIncidents(truce.PrincipalFrom(ctx), &q.Filter)
	if max <= 0 || max > MaxPoints {
		max = MaxPoints
	}
	var ps []truce.IncidentPoint
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		ps, err = tx.IncidentPoints(q, max)
		return err
	})
	return ps, err
}

// IncidentGrid counts the incidents q selects that the caller may see in
// cells of cell degrees, for a map too dense to draw each one.
func (a *App) IncidentGrid(ctx context.Context, q truce.StatsQuery, cell float64) ([]truce.GridCell, error) {
	restrictIncidents(truce.PrincipalFrom(ctx), &q.Filter)
	var gs []truce.GridCell
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		gs, err = tx.IncidentGrid(q, cell)
		return err
	})
	return gs, err
}
