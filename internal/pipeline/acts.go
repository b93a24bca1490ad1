package pipeline

import (
	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/agreement"
)

// AgreementLoaded makes a newly stored agreement version the one in force
// for its id and judges every incident under it, storing and returning the
// verdicts that are new or changed as acts.
func (p *Pipeline) AgreementLoaded(tx truce.Tx, by truce.Principal, rec *truce.AgreementRecord) ([]truce.Act, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.ensure(tx); err != nil {
		return nil, err
	}
	c, err := compileRecord(rec)
	if err != nil {
		return nil, err
	}
	p.agreements[rec.ID] = c
	w := &writer{p: p, tx: tx, by: by.ID, at: p.clock.Now()}
	for _, in := range p.engine.Incidents() {
		if err := w.evaluate(in, []*agreement.Compiled{c}); err != nil {
			p.stale = true // the compiled set no longer matches the store
			return nil, err
		}
	}
	return w.acts, nil
}

// Merge joins incidents by an analyst's decision, recorded with a note.
func (p *Pipeline) Merge(tx truce.Tx, by truce.Principal, ids []string, note string) (string, []truce.Act, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.ensure(tx); err != nil {
		return "", nil, err
	}
	ch, err := p.engine.Merge(ids...)
	if err != nil {
		return "", nil, err
	}
	w := &writer{p: p, tx: tx, by: by.ID, at: p.clock.Now()}
	if err := w.apply(ch, "merged by "+by.ID+": "+note); err != nil {
		p.stale = true
		return "", nil, err
	}
	return ch.Incident, w.acts, nil
}

// Split moves reports out of an incident into a new one by an analyst's
// decision; the engine remembers to keep them apart.
func (p *Pipeline) Split(tx truce.Tx, by truce.Principal, id string, reports []string, note string) (string, []truce.Act, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.ensure(tx); err != nil {
		return "", nil, err
	}
	ch, err := p.engine.Split(id, reports)
	if err != nil {
		return "", nil, err
	}
	w := &writer{p: p, tx: tx, by: by.ID, at: p.clock.Now()}
	if err := w.apply(ch, "split by "+by.ID+": "+note); err != nil {
		p.stale = true
		return "", nil, err
	}
	return ch.Incident, w.acts, nil
}

// SetStatus records an incident's new status in the engine, so that later
// fusion keeps it, and stores the incident.
func (p *Pipeline) SetStatus(tx truce.Tx, id string, s truce.Status) (*truce.Incident, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.ensure(tx); err != nil {
		return nil, err
	}
	if err := p.engine.SetStatus(id, s); err != nil {
		return nil, err
	}
	in, err := p.engine.Incident(id)
	if err != nil {
		return nil, err
	}
	return in, tx.PutIncident(in)
}
