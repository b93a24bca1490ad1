package pipeline

import (
	"slices"
	"sort"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/agreement"
	"github.com/truce-monitor/truce/internal/fusion"
)

// MergeRecord is the logged record of an incident merged into another.
type MergeRecord struct {
	Incident string `json:"incident"`
	Into     string `json:"into"`
	Why      string `json:"why"`
}

// VerdictRecord is the logged record of a verdict given or changed.
type VerdictRecord struct {
	Verdict  truce.Verdict  `json:"verdict"`
	Previous *truce.Verdict `json:"previous,omitempty"`
}

// note collects what one fusion call changed; flush stores it. A batch of
// reports touching one incident many times stores and judges it once.
func (w *writer) note(ch fusion.Change, why string) {
	if ch.Duplicate {
		return
	}
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	for _, id := range ch.Deleted {
		w.deleted = append(w.deleted, MergeRecord{Incident: id, Into: ch.Incident, Why: why})
	}
	for _, id := range ch.Updated {
		if !w.seen[id] {
			w.seen[id] = true
			w.updated = append(w.updated, id)
		}
	}
}

// flush stores the incidents noted as changed or merged away, judges the
// changed ones and records the acts.
func (w *writer) flush() error {
	gone := map[string]bool{}
	for _, m := range w.deleted {
		gone[m.Incident] = true
		if err := w.tx.DeleteIncident(m.Incident); err != nil && truce.ErrorCode(err) != truce.ENOTFOUND {
			return err
		}
		w.act("incident.merged", m.Incident, m)
	}
	cs := w.p.sortedAgreements()
	for _, id := range w.updated {
		if gone[id] {
			continue
		}
		in, err := w.p.engine.Incident(id)
		if err != nil {
			return err
		}
		if err := w.tx.PutIncident(in); err != nil {
			return err
		}
		w.act("incident", id, in)
		if err := w.evaluate(in, cs); err != nil {
			return err
		}
	}
	w.deleted, w.updated, w.seen = nil, nil, nil
	return nil
}

// apply notes one change and flushes it at once.
func (w *writer) apply(ch fusion.Change, why string) error {
	w.note(ch, why)
	return w.flush()
}

// sortedAgreements returns the compiled agreements by id.
func (p *Pipeline) sortedAgreements() []*agreement.Compiled {
	ids := make([]string, 0, len(p.agreements))
	for id := range p.agreements {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]*agreement.Compiled, len(ids))
	for i, id := range ids {
		out[i] = p.agreements[id]
	}
	return out
}

// evaluate judges an incident under the given agreements and stores and
// logs each verdict that is new or changed.
func (w *writer) evaluate(in *truce.Incident, cs []*agreement.Compiled) error {
	if len(cs) == 0 {
		return nil
	}
	old, err := w.tx.Verdicts(in.ID)
	if err != nil {
		return err
	}
	prev := map[string]truce.Verdict{}
	for _, v := range old {
		prev[v.Agreement] = v
	}
	var changed []truce.Verdict
	for _, v := range agreement.EvaluateAll(in, cs) {
		v.Incident = in.ID
		p, had := prev[v.Agreement]
		if had && sameVerdict(p, v) {
			continue
		}
		changed = append(changed, v)
		rec := VerdictRecord{Verdict: v}
		if had {
			rec.Previous = &p
		}
		w.act("verdict", in.ID+"/"+v.Agreement, rec)
	}
	if len(changed) == 0 {
		return nil
	}
	return w.tx.PutVerdicts(in.ID, changed)
}

// sameVerdict reports whether two verdicts say the same thing under the
// same agreement version.
func sameVerdict(a, b truce.Verdict) bool {
	return a.Agreement == b.Agreement && a.Version == b.Version && a.Verdict == b.Verdict &&
		a.Party == b.Party && slices.Equal(a.Rules, b.Rules) && slices.Equal(a.Reasons, b.Reasons) &&
		slices.Equal(a.Readings, b.Readings)
}
