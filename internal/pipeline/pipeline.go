// Package pipeline is what happens to reports once they are accepted: it
// fuses them into incidents (internal/fusion) and judges every changed
// incident against every agreement loaded (internal/agreement), writing
// incidents and verdicts in the intake transaction and returning the acts
// for the transparency log.
package pipeline

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/agreement"
	"github.com/truce-monitor/truce/internal/fusion"
)

// Pipeline fuses and evaluates. It keeps the fusion engine and the
// compiled agreements in memory; a transaction that fails marks them stale,
// and they are rebuilt from the store before the next use.
type Pipeline struct {
	clock truce.Clock

	mu         sync.Mutex
	engine     *fusion.Engine
	agreements map[string]*agreement.Compiled // latest version of each, by id
	stale      bool
}

// New returns a pipeline whose state is loaded from the store on first use.
func New(clock truce.Clock) *Pipeline {
	return &Pipeline{clock: clock, stale: true}
}

// RolledBack marks the in-memory state stale: the transaction whose acts
// it already applied did not commit.
func (p *Pipeline) RolledBack() {
	p.mu.Lock()
	p.stale = true
	p.mu.Unlock()
}

// Accepted fuses the reports, stores what changed and evaluates the
// changed incidents under every agreement. It returns the acts to log:
// incidents formed, changed or merged away, verdicts given or changed.
func (p *Pipeline) Accepted(ctx context.Context, tx truce.Tx, by truce.Principal, reports []*truce.Report) ([]truce.Act, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.ensure(tx); err != nil {
		return nil, err
	}
	now := p.clock.Now()
	w := &writer{p: p, tx: tx, by: by.ID, at: now}
	for _, r := range reports {
		w.note(p.engine.Add(r), "joined by report "+r.ID)
	}
	if err := w.flush(); err != nil {
		p.stale = true
		return nil, err
	}
	return w.acts, nil
}

// ensure loads the engine and the agreements from the store when stale.
func (p *Pipeline) ensure(tx truce.Tx) error {
	if !p.stale {
		return nil
	}
	eng := fusion.New(fusion.Options{Clock: p.clock, NewID: func() string { return truce.NewID("inc_", p.clock.Now()) }})
	err := tx.EachIncident(func(in *truce.Incident) error {
		rs := make([]*truce.Report, 0, len(in.Reports))
		for _, m := range in.Reports {
			r, err := tx.Report(m.ID)
			if err != nil {
				return fmt.Errorf("pipeline: load report %s of incident %s: %w", m.ID, in.ID, err)
			}
			rs = append(rs, r)
		}
		return eng.Load(in, rs)
	})
	if err != nil {
		return err
	}
	ags, err := compileAll(tx)
	if err != nil {
		return err
	}
	p.engine, p.agreements, p.stale = eng, ags, false
	return nil
}

// compileAll compiles the latest version of every stored agreement.
func compileAll(tx truce.Tx) (map[string]*agreement.Compiled, error) {
	recs, err := tx.Agreements()
	if err != nil {
		return nil, err
	}
	out := make(map[string]*agreement.Compiled, len(recs))
	for _, rec := range recs {
		c, err := compileRecord(rec)
		if err != nil {
			return nil, err
		}
		out[rec.ID] = c
	}
	return out, nil
}

func compileRecord(rec *truce.AgreementRecord) (*agreement.Compiled, error) {
	if rec.Terms == nil {
		return nil, fmt.Errorf("pipeline: agreement %s v%d has no parsed terms", rec.ID, rec.Version)
	}
	terms := *rec.Terms
	terms.Version = rec.Version
	c, err := agreement.Compile(&terms)
	if err != nil {
		return nil, fmt.Errorf("pipeline: compile %s v%d: %w", rec.ID, rec.Version, err)
	}
	return c, nil
}

// writer persists the changes of one transaction and collects its acts.
type writer struct {
	p    *Pipeline
	tx   truce.Tx
	by   string
	at   time.Time
	acts []truce.Act

	deleted []MergeRecord   // incidents merged away, noted for flush
	updated []string        // incidents changed, in order, noted for flush
	seen    map[string]bool // members of updated
}

func (w *writer) act(typ, id string, rec any) {
	w.acts = append(w.acts, truce.Act{Type: typ, ID: id, By: w.by, At: w.at, Record: rec})
}
