package app

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/truce-monitor/truce"
)

// StatusResult answers a status change.
type StatusResult struct {
	Incident string              `json:"incident"`
	Status   truce.Status        `json:"status"`
	Change   *truce.StatusChange `json:"change"`
	Findings []*truce.Finding    `json:"findings"` // made by this change (a verification)
	LogIndex int64               `json:"log_index"`
}

// SetStatus moves an incident along the workflow of truce.Transitions,
// with a note that is kept in its history and logged. Verifying an
// incident judged a violation makes a finding against each party held
// responsible, who is notified and may reply until the deadline. The
// parties the incident names and the mission are notified of every
// change.
func (a *App) SetStatus(ctx context.Context, id string, to truce.Status, note string) (*StatusResult, error) {
	p := truce.PrincipalFrom(ctx)
	if !canAnalyse(p) {
		return nil, denied(p, "change the status of incidents")
	}
	if !to.Valid() {
		return nil, truce.CheckTransition(truce.StatusReported, to, p.Role, note)
	}
	var res *StatusResult
	err := a.update(ctx, func(tx truce.Tx) error {
		in, err := tx.Incident(id)
		if err != nil {
			return err
		}
		if err := truce.CheckTransition(in.Status, to, p.Role, note); err != nil {
			return err
		}
		res, err = a.changeStatus(tx, p, in, to, note)
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// changeStatus makes an allowed change in tx and logs it with what follows
// from it: the incident as stored, findings and notifications.
func (a *App) changeStatus(tx truce.Tx, p truce.Principal, in *truce.Incident, to truce.Status, note string) (*StatusResult, error) {
	if a.Pipeline == nil {
		return nil, truce.Errorf(truce.EUNAVAILABLE, "fusion is not running")
	}
	now := a.Clock.Now()
	stored, err := a.Pipeline.SetStatus(tx, in.ID, to)
	if err != nil {
		return nil, err
	}
	c := &truce.StatusChange{ID: truce.NewID("st_", now), Incident: in.ID, From: in.Status, To: to,
		Note: note, By: p.ID, Role: p.Role, At: now}
	if err := tx.InsertStatusChange(c); err != nil {
		return nil, err
	}
	acts := []truce.Act{
		{Type: "status", ID: in.ID, By: p.ID, At: now, Record: c},
		{Type: "incident", ID: in.ID, By: p.ID, At: now, Record: stored},
	}
	res := &StatusResult{Incident: in.ID, Status: to, Change: c, Findings: []*truce.Finding{}}
	o := &outbox{a: a, tx: tx, by: p.ID, now: now}
	if to == truce.StatusVerified {
		if res.Findings, err = a.makeFindings(o, stored); err != nil {
			return nil, err
		}
	}
	summary := fmt.Sprintf("incident %s: %s -> %s", in.ID, in.Status, to)
	for _, to := range audience(stored, "") {
		n := &truce.Notification{Event: truce.EventStatus, To: to, Incident: in.ID, Status: stored.Status, Summary: summary, Change: c}
		if err := o.notify(n); err != nil {
			return nil, err
		}
	}
	idx, err := a.Log.Record(tx, append(acts, o.acts...)...)
	if err != nil {
		return nil, err
	}
	res.LogIndex = idx[0]
	return res, nil
}

// audience returns who is told of an act on an incident: the mission and
// every party the incident names, but not the party that acted.
func audience(in *truce.Incident, actor string) []string {
	out := []string{truce.Mission}
	for _, party := range in.Parties() {
		if party != actor {
			out = append(out, party)
		}
	}
	return out
}

// makeFindings makes a finding against each party held responsible for a
// violation of the verified incident, unless one exists already (a
// re-verification keeps the first deadline), and notifies the party and
// the mission.
func (a *App) makeFindings(o *outbox, in *truce.Incident) ([]*truce.Finding, error) {
	fs, err := a.newFindings(o.tx, in, o.now)
	if err != nil {
		return nil, err
	}
	old, err := o.tx.Findings(in.ID)
	if err != nil {
		return nil, err
	}
	out := []*truce.Finding{}
	for _, f := range fs {
		if slices.ContainsFunc(old, func(x *truce.Finding) bool { return x.Party == f.Party }) {
			continue
		}
		summary := fmt.Sprintf("finding: incident %s, a violation of %s, is verified with party %s held responsible; reply by %s",
			in.ID, joinList(f.Rules), f.Party, f.Deadline.Format(time.RFC3339))
		n := &truce.Notification{ID: truce.NewID("nt_", o.now), Event: truce.EventFinding, To: f.Party, Incident: in.ID,
			Status: in.Status, Summary: summary, Finding: f}
		f.Notification = n.ID // before anything is stored or logged
		if err := o.notify(n); err != nil {
			return nil, err
		}
		if err := o.tx.InsertFinding(f); err != nil {
			return nil, err
		}
		o.act("finding", in.ID, f)
		m := &truce.Notification{Event: truce.EventFinding, To: truce.Mission, Incident: in.ID, Status: in.Status, Summary: summary, Finding: f}
		if err := o.notify(m); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// newFindings returns, for each party held responsible by a violation
// verdict and named by the incident, a finding citing every such verdict's
// rules, with the longest reply window of their agreements.
func (a *App) newFindings(tx truce.Tx, in *truce.Incident, now time.Time) ([]*truce.Finding, error) {
	vs, err := tx.Verdicts(in.ID)
	if err != nil {
		return nil, err
	}
	named := in.Parties()
	byParty := map[string]*truce.Finding{}
	for _, v := range vs {
		if v.Verdict != truce.Violation || !slices.Contains(named, v.Party) {
			continue // no party held responsible ("unattributed"), or one the incident does not name
		}
		window, err := replyWindow(tx, v)
		if err != nil {
			return nil, err
		}
		f := byParty[v.Party]
		if f == nil {
			f = &truce.Finding{ID: truce.NewID("fd_", now), Incident: in.ID, Party: v.Party, VerifiedAt: now, Deadline: now}
			byParty[v.Party] = f
		}
		f.Rules = append(f.Rules, v.Rules...)
		f.Agreements = append(f.Agreements, fmt.Sprintf("%s v%d", v.Agreement, v.Version))
		if d := now.Add(window); d.After(f.Deadline) {
			f.Deadline = d
		}
	}
	parties := make([]string, 0, len(byParty))
	for party := range byParty {
		parties = append(parties, party)
	}
	sort.Strings(parties)
	out := make([]*truce.Finding, len(parties))
	for i, party := range parties {
		out[i] = byParty[party]
	}
	return out, nil
}

// replyWindow returns the reply window of the agreement version a verdict
// was given under.
func replyWindow(tx truce.Tx, v truce.Verdict) (time.Duration, error) {
	rec, err := tx.Agreement(v.Agreement, v.Version)
	if truce.ErrorCode(err) == truce.ENOTFOUND || (err == nil && rec.Terms == nil) {
		return truce.DefaultReplyHours * time.Hour, nil
	}
	if err != nil {
		return 0, err
	}
	return rec.Terms.ReplyWindow(), nil
}

func joinList(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
