package app

import (
	"context"
	"slices"

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

// canSeeNotification reports whether p may see notification n: staff see
// every notification, a party its own; anyone else none.
func canSeeNotification(p truce.Principal, n *truce.Notification) bool {
	return p.Staff() || (p.Role == truce.RoleParty && n.To == p.Party)
}

// restrictNotifications narrows a notification filter to what p may list:
// a party lists its own; staff list any. Others may not list at all.
func restrictNotifications(p truce.Principal, f *truce.NotificationFilter) error {
	switch {
	case p.Staff():
		return nil
	case p.Role == truce.RoleParty:
		f.To = p.Party
		return nil
	}
	return denied(p, "list notifications")
}

// webhookAddressee returns whose notifications a webhook made by p
// receives: the mission's for an admin, its own for a party. Others may
// not make webhooks.
func webhookAddressee(p truce.Principal) (string, error) {
	switch p.Role {
	case truce.RoleAdmin:
		return truce.Mission, nil
	case truce.RoleParty:
		return p.Party, nil
	}
	return "", denied(p, "manage webhooks")
}

// canSeeWebhook reports whether p may see (and delete) webhook h: an
// admin any, a party its own.
func canSeeWebhook(p truce.Principal, h *truce.Webhook) bool {
	return p.Role == truce.RoleAdmin || (p.Role == truce.RoleParty && h.To == p.Party)
}

// canReadDeliveries reports whether p may read the delivery log: admins.
func canReadDeliveries(p truce.Principal) error {
	if p.Role != truce.RoleAdmin {
		return denied(p, "read the delivery log")
	}
	return nil
}

// canReply reports whether p may reply to incident in, which p can see:
// a party named in it. A party that sees a published incident that does
// not name it may read it but not reply.
func canReply(p truce.Principal, in *truce.Incident) error {
	if p.Role != truce.RoleParty {
		return denied(p, "reply to incidents (party tokens reply)")
	}
	if !slices.Contains(in.Parties(), p.Party) {
		return truce.Errorf(truce.EFORBIDDEN, "incident %s does not name party %s; only the parties it names may reply", in.ID, p.Party)
	}
	return nil
}

// visibleReportIDs keeps the ids of the reports p may see, so that a
// reply shown to p does not reveal reports hidden from it.
func visibleReportIDs(tx truce.Tx, p truce.Principal, ids []string) ([]string, error) {
	out := []string{}
	for _, id := range ids {
		r, err := tx.Report(id)
		if truce.ErrorCode(err) == truce.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		ok, err := canSeeReport(tx, p, r)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, id)
		}
	}
	return out, nil
}

// redactIncident returns the incident as p may see it. Staff, and everyone
// once it is published, see it whole. Before publication a party named by
// it sees only what rests on its own reports: the other members, the
// claims and figures they alone give, and the fusion's explanations (which
// name them) are left out.
func redactIncident(p truce.Principal, in *truce.Incident) *truce.Incident {
	if p.Staff() || in.Status == truce.StatusPublished {
		return in
	}
	cp := *in
	visible := map[string]bool{}
	names := map[string]string{}
	cp.Reports = nil
	for _, m := range in.Reports {
		if p.Role == truce.RoleParty && m.Party == p.Party {
			visible[m.ID] = true
			names[m.ID] = m.SourceName
			cp.Reports = append(cp.Reports, m)
		}
	}
	cp.Weapons = redactClaims(in.Weapons, visible, names)
	cp.Targets = redactClaims(in.Targets, visible, names)
	cp.Actors = redactClaims(in.Actors, visible, names)
	cp.Killed = redactFigure(in.Killed, visible)
	cp.Injured = redactFigure(in.Injured, visible)
	cp.Explanation, cp.NotJoined = nil, nil
	return &cp
}

// redactClaims keeps the claims given by visible reports, naming only them.
func redactClaims(cs []truce.Claim, visible map[string]bool, names map[string]string) []truce.Claim {
	var out []truce.Claim
	for _, c := range cs {
		var ids, srcs []string
		for _, id := range c.Reports {
			if visible[id] {
				ids = append(ids, id)
				srcs = append(srcs, names[id])
			}
		}
		if len(ids) > 0 {
			c.Reports, c.Sources = ids, truce.SortedClasses(srcs)
			out = append(out, c)
		}
	}
	return out
}

// redactFigure keeps the numbers of visible reports and the range they
// span.
func redactFigure(f truce.Figure, visible map[string]bool) truce.Figure {
	var out truce.Figure
	for _, c := range f.Claims {
		if !visible[c.ReportID] {
			continue
		}
		out.Claims = append(out.Claims, c)
		v := c.Value
		if out.Low == nil || v < *out.Low {
			out.Low = &v
		}
		if out.High == nil || v > *out.High {
			h := v
			out.High = &h
		}
	}
	if len(out.Claims) > 0 {
		b := out.Claims[len(out.Claims)-1].Value
		out.Best = &b
	}
	return out
}
