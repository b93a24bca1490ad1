package app

import (
	"time"

	"github.com/truce-monitor/truce"
)

// FindingView is a finding as shown with its incident: where the party's
// reply stands at the time of showing (from the injected clock).
type FindingView struct {
	*truce.Finding
	Reply     truce.ReplyState `json:"reply"`                // open, answered, answered_late or missed
	RepliedAt *time.Time       `json:"replied_at,omitempty"` // the party's first reply
	// Missed says the deadline passed without a reply by then: no reply
	// at all, or a late one.
	Missed bool `json:"missed"`
}

// addFollowup adds the findings and replies of each incident to its view,
// as p may see them, and the status history when history is set.
func (a *App) addFollowup(tx truce.Tx, p truce.Principal, views []*IncidentView, history bool) error {
	if len(views) == 0 {
		return nil
	}
	ids := make([]string, len(views))
	byID := make(map[string]*IncidentView, len(views))
	for i, v := range views {
		ids[i], byID[v.ID] = v.ID, v
		v.Findings, v.Responses = []FindingView{}, []*truce.Response{}
	}
	rs, err := tx.Responses(ids...)
	if err != nil {
		return err
	}
	for _, r := range rs {
		if r.Reports, err = visibleReportIDs(tx, p, r.Reports); err != nil {
			return err
		}
		byID[r.Incident].Responses = append(byID[r.Incident].Responses, r)
	}
	fs, err := tx.Findings(ids...)
	if err != nil {
		return err
	}
	now := a.Clock.Now()
	for _, f := range fs {
		v := byID[f.Incident]
		v.Findings = append(v.Findings, findingView(p, f, v.Responses, now))
	}
	if !history {
		return nil
	}
	for _, v := range views {
		h, err := tx.StatusHistory(v.ID)
		if err != nil {
			return err
		}
		if h == nil {
			h = []*truce.StatusChange{}
		}
		v.StatusHistory = h
	}
	return nil
}

// findingView shows a finding with the state of the party's reply. The id
// of the notification that told the party is shown to the mission and to
// that party only.
func findingView(p truce.Principal, f *truce.Finding, rs []*truce.Response, now time.Time) FindingView {
	var first *time.Time
	for _, r := range rs {
		if r.Party == f.Party && (first == nil || r.At.Before(*first)) {
			at := r.At
			first = &at
		}
	}
	if !p.Staff() && !(p.Role == truce.RoleParty && p.Party == f.Party) {
		c := *f
		c.Notification = ""
		f = &c
	}
	st := f.ReplyStateAt(now, first)
	return FindingView{Finding: f, Reply: st, RepliedAt: first, Missed: st == truce.ReplyMissed || st == truce.ReplyLate}
}
