package app

import (
	"context"

	"github.com/truce-monitor/truce"
)

// This file is the one place where Truce decides who may see what.
// Before publication a party sees its own reports and the incidents that
// name it; monitors, analysts and admins see everything; the public and
// viewers see what is published. A caller who may not see an item gets the
// same ENOTFOUND as for an item that does not exist.

// denied is the error for an act the caller's role may not do at all.
func denied(p truce.Principal, what string) error {
	if p.Role == truce.RolePublic {
		return truce.Errorf(truce.EUNAUTHORIZED, "sign in with an API token to %s", what)
	}
	return truce.Errorf(truce.EFORBIDDEN, "role %s may not %s", p.Role, what)
}

// canSeeReport reports whether p may see report r.
func canSeeReport(tx truce.Tx, p truce.Principal, r *truce.Report) (bool, error) {
	if p.Staff() {
		return true, nil
	}
	if p.Role == truce.RoleParty && r.Source.Party == p.Party {
		return true, nil
	}
	incID, err := tx.IncidentOf(r.ID)
	if truce.ErrorCode(err) == truce.ENOTFOUND {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	in, err := tx.Incident(incID)
	if err != nil {
		return false, err
	}
	return in.Status == truce.StatusPublished, nil
}

// canSeeIncident reports whether p may see incident in.
func canSeeIncident(p truce.Principal, in *truce.Incident) bool {
	if p.Staff() || in.Status == truce.StatusPublished {
		return true
	}
	if p.Role != truce.RoleParty {
		return false
	}
	for _, party := range in.Parties() {
		if party == p.Party {
			return true
		}
	}
	return false
}

// restrictReports narrows a report filter to what p may see.
func restrictReports(p truce.Principal, f *truce.ReportFilter) {
	if p.Staff() {
		return
	}
	f.Restricted = true
	if p.Role == truce.RoleParty {
		f.VisibleParty = p.Party
	}
}

// restrictIncidents narrows an incident filter to what p may see.
func restrictIncidents(p truce.Principal, f *truce.IncidentFilter) {
	switch {
	case p.Staff():
	case p.Role == truce.RoleParty:
		f.VisibleTo = p.Party
	default:
		f.Statuses = []truce.Status{truce.StatusPublished}
	}
}

// Report returns one report as stored, if the caller may see it.
func (a *App) Report(ctx context.Context, id string) (*truce.Report, error) {
	p := truce.PrincipalFrom(ctx)
	var r *truce.Report
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		r, err = tx.Report(id)
		if err != nil {
			return err
		}
		ok, err := canSeeReport(tx, p, r)
		if err == nil && !ok {
			err = truce.NotFound("report", id)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Reports returns a page of the reports the caller may see.
func (a *App) Reports(ctx context.Context, f truce.ReportFilter) ([]*truce.Report, string, error) {
	restrictReports(truce.PrincipalFrom(ctx), &f)
	var rs []*truce.Report
	var next string
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		rs, next, err = tx.Reports(f)
		return err
	})
	return rs, next, err
}
