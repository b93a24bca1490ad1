package app

import (
	"context"
	"strings"

	"github.com/truce-monitor/truce"
)

// IncidentView is an incident as a caller may see it: its figures, the
// member reports the caller may see, and its verdicts under every
// agreement.
type IncidentView struct {
	*truce.Incident
	Verdicts      []truce.Verdict `json:"verdicts"`
	MemberReports []*truce.Report `json:"member_reports"`
	// Findings against the parties held responsible, with where each
	// party's reply stands; Responses are the parties' replies, oldest
	// first; StatusHistory (one incident only) its status changes.
	Findings      []FindingView         `json:"findings"`
	Responses     []*truce.Response     `json:"responses"`
	StatusHistory []*truce.StatusChange `json:"status_history,omitempty"`
}

// Incident returns one incident, if the caller may see it.
func (a *App) Incident(ctx context.Context, id string) (*IncidentView, error) {
	p := truce.PrincipalFrom(ctx)
	var v *IncidentView
	err := a.view(ctx, func(tx truce.Tx) error {
		in, err := tx.Incident(id)
		if err != nil {
			return err
		}
		if !canSeeIncident(p, in) {
			return truce.NotFound("incident", id)
		}
		v, err = a.incidentView(tx, p, in)
		if err != nil {
			return err
		}
		return a.addFollowup(tx, p, []*IncidentView{v}, true)
	})
	return v, err
}

// incidentView gathers an incident's verdicts and visible member reports,
// and drops from its member list the reports the caller may not see.
func (a *App) incidentView(tx truce.Tx, p truce.Principal, in *truce.Incident) (*IncidentView, error) {
	vs, err := tx.Verdicts(in.ID)
	if err != nil {
		return nil, err
	}
	v := &IncidentView{Incident: in, Verdicts: vs, MemberReports: []*truce.Report{}}
	if v.Verdicts == nil {
		v.Verdicts = []truce.Verdict{}
	}
	cp := *redactIncident(p, in)
	cp.Reports = nil
	for _, m := range in.Reports {
		r, err := tx.Report(m.ID)
		if err != nil {
			return nil, err
		}
		if ok, err := canSeeReport(tx, p, r); err != nil {
			return nil, err
		} else if ok {
			v.MemberReports = append(v.MemberReports, r)
			cp.Reports = append(cp.Reports, m)
		}
	}
	v.Incident = &cp
	return v, nil
}

// Incidents returns a page of the incidents the caller may see, newest
// first, each with its verdicts.
func (a *App) Incidents(ctx context.Context, f truce.IncidentFilter) ([]*IncidentView, string, error) {
	p := truce.PrincipalFrom(ctx)
	restrictIncidents(p, &f)
	var out []*IncidentView
	var next string
	err := a.view(ctx, func(tx truce.Tx) error {
		ins, n, err := tx.Incidents(f)
		if err != nil {
			return err
		}
		next = n
		for _, in := range ins {
			vs, err := tx.Verdicts(in.ID)
			if err != nil {
				return err
			}
			if vs == nil {
				vs = []truce.Verdict{}
			}
			out = append(out, &IncidentView{Incident: redactIncident(p, in), Verdicts: vs})
		}
		return a.addFollowup(tx, p, out, false)
	})
	return out, next, err
}

// canAnalyse reports whether p may merge and split incidents and change
// their status: the mission's analysts and admins.
func canAnalyse(p truce.Principal) bool {
	return p.Role == truce.RoleAnalyst || p.Role == truce.RoleAdmin
}

// MergeIncidents joins incidents an analyst judges to be one event. The
// note says why; it is logged with the act.
func (a *App) MergeIncidents(ctx context.Context, ids []string, note string) (string, error) {
	p := truce.PrincipalFrom(ctx)
	if !canAnalyse(p) {
		return "", denied(p, "merge incidents")
	}
	if len(ids) < 2 {
		return "", truce.Errorf(truce.EINVALID, "incidents: name at least two incidents to merge")
	}
	if strings.TrimSpace(note) == "" {
		return "", truce.Errorf(truce.EINVALID, "note: required: say why the incidents are one event")
	}
	var into string
	err := a.update(ctx, func(tx truce.Tx) error {
		if a.Pipeline == nil {
			return truce.Errorf(truce.EUNAVAILABLE, "fusion is not running")
		}
		if err := mergeable(tx, ids); err != nil {
			return err
		}
		id, acts, err := a.Pipeline.Merge(tx, p, ids, note)
		if err != nil {
			return err
		}
		into = id
		_, err = a.Log.Record(tx, acts...)
		return err
	})
	return into, err
}

// SplitIncident moves reports out of an incident into a new one, by an
// analyst's decision; fusion will keep them apart from then on.
func (a *App) SplitIncident(ctx context.Context, id string, reports []string, note string) (string, error) {
	p := truce.PrincipalFrom(ctx)
	if !canAnalyse(p) {
		return "", denied(p, "split incidents")
	}
	if len(reports) == 0 {
		return "", truce.Errorf(truce.EINVALID, "reports: name the reports to move out")
	}
	if strings.TrimSpace(note) == "" {
		return "", truce.Errorf(truce.EINVALID, "note: required: say why the reports are another event")
	}
	var created string
	err := a.update(ctx, func(tx truce.Tx) error {
		if a.Pipeline == nil {
			return truce.Errorf(truce.EUNAVAILABLE, "fusion is not running")
		}
		nid, acts, err := a.Pipeline.Split(tx, p, id, reports, note)
		if err != nil {
			return err
		}
		created = nid
		_, err = a.Log.Record(tx, acts...)
		return err
	})
	return created, err
}

// mergeable refuses to merge incidents past review: merging keeps the
// oldest incident's status, so a verified or published incident (with its
// findings and replies) would silently lose them.
func mergeable(tx truce.Tx, ids []string) error {
	for _, id := range ids {
		in, err := tx.Incident(id)
		if err != nil {
			continue // the pipeline names the missing one
		}
		if in.Status.Judged() {
			return truce.Errorf(truce.ECONFLICT, "incident %s is %s: only reported incidents and those under review are merged", id, in.Status)
		}
	}
	return nil
}
