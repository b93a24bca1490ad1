package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/intake"
)

// Limits of a reply.
const (
	MaxReplyText    = 20_000 // characters
	MaxReplyReports = 100    // counter-evidence reports in one reply
)

// ReplyInput is a party's reply as sent: its position, its text and, for
// a contest, what it contests (of truce.Contestable).
type ReplyInput struct {
	Position truce.Position `json:"position"`
	Text     string         `json:"text"`
	Contests []string       `json:"contests,omitempty"`
}

// ReplyResult answers a reply: the stored response, its counter-evidence
// as filed, and the log index of the response.
type ReplyResult struct {
	Response *truce.Response `json:"response"`
	Accepted []Accepted      `json:"accepted"`
	LogIndex int64           `json:"log_index"`
}

// check validates the reply, naming the field at fault.
func (in *ReplyInput) check(reports int) error {
	if !slices.Contains(truce.Positions, in.Position) {
		return truce.Errorf(truce.EINVALID, "position: %q is not one of accept, deny, contest", in.Position)
	}
	in.Text = strings.TrimSpace(in.Text)
	if in.Text == "" && in.Position != truce.PositionAccept {
		return truce.Errorf(truce.EINVALID, "text: required to %s: say why", in.Position)
	}
	if n := utf8.RuneCountInString(in.Text); n > MaxReplyText {
		return truce.Errorf(truce.EINVALID, "text: %d characters, at most %d", n, MaxReplyText)
	}
	if reports > MaxReplyReports {
		return truce.Errorf(truce.EINVALID, "reports: %d, at most %d in one reply", reports, MaxReplyReports)
	}
	if in.Position != truce.PositionContest {
		if len(in.Contests) > 0 {
			return truce.Errorf(truce.EINVALID, "contests: only a reply that contests says what it contests")
		}
		return nil
	}
	if len(in.Contests) == 0 {
		return truce.Errorf(truce.EINVALID, "contests: required to contest: name one or more of %s", strings.Join(truce.Contestable, ", "))
	}
	for _, c := range in.Contests {
		if !slices.Contains(truce.Contestable, c) {
			return truce.Errorf(truce.EINVALID, "contests: %q is not one of %s", c, strings.Join(truce.Contestable, ", "))
		}
	}
	return nil
}

// Reply records a party's reply to an incident it may see and that names
// it: accepting, denying or contesting, with counter-evidence filed as
// reports through intake (validated, geocoded, logged and fused) in the
// same transaction. A reply whose counter-evidence holds a rejected report
// is refused as a whole, with the reasons, so that the party can fix and
// send it again. The mission and the other parties the incident names are
// notified.
func (a *App) Reply(ctx context.Context, incidentID string, in ReplyInput, reports []intake.Item) (*ReplyResult, error) {
	p := truce.PrincipalFrom(ctx)
	if p.Role != truce.RoleParty {
		return nil, denied(p, "reply to incidents (party tokens reply)")
	}
	if err := in.check(len(reports)); err != nil {
		return nil, err
	}
	var res *ReplyResult
	err := a.update(ctx, func(tx truce.Tx) error {
		inc, err := tx.Incident(incidentID)
		if err != nil {
			return err
		}
		if !canSeeIncident(p, inc) {
			return truce.NotFound("incident", incidentID)
		}
		if err := canReply(p, inc); err != nil {
			return err
		}
		res, err = a.storeReply(ctx, tx, p, inc, in, reports)
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func (a *App) storeReply(ctx context.Context, tx truce.Tx, p truce.Principal, inc *truce.Incident, in ReplyInput, reports []intake.Item) (*ReplyResult, error) {
	res := &ReplyResult{Accepted: []Accepted{}}
	ids := []string{}
	if len(reports) > 0 {
		sub, err := a.submitIn(ctx, tx, p, "reply:"+inc.ID, reports)
		if err != nil {
			return nil, err
		}
		if len(sub.Rejected) > 0 {
			for i := range sub.Rejected {
				sub.Rejected[i].ID = "" // not kept: the reply is refused as a whole
			}
			e := truce.Errorf(truce.EINVALID, "reports: %d of %d counter-evidence reports rejected; nothing was stored", len(sub.Rejected), len(reports))
			e.Details = sub.Rejected
			return nil, e
		}
		res.Accepted = sub.Accepted
		for _, acc := range sub.Accepted {
			ids = append(ids, acc.ID)
		}
	}
	now := a.Clock.Now()
	r := &truce.Response{ID: truce.NewID("rs_", now), Incident: inc.ID, Party: p.Party, Position: in.Position,
		Text: in.Text, Contests: in.Contests, Reports: ids, By: p.ID, At: now}
	if err := tx.InsertResponse(r); err != nil {
		return nil, err
	}
	o := &outbox{a: a, tx: tx, by: p.ID, now: now}
	o.act("response", inc.ID, r)
	summary := fmt.Sprintf("party %s replied to incident %s: %s", p.Party, inc.ID, in.Position)
	for _, to := range audience(inc, p.Party) {
		shown, err := replyFor(tx, to, r)
		if err != nil {
			return nil, err
		}
		n := &truce.Notification{Event: truce.EventResponse, To: to, Incident: inc.ID, Status: inc.Status, Summary: summary, Response: shown}
		if err := o.notify(n); err != nil {
			return nil, err
		}
	}
	idx, err := a.Log.Record(tx, o.acts...)
	if err != nil {
		return nil, err
	}
	res.Response, res.LogIndex = r, idx[0]
	return res, nil
}

// replyFor returns the reply as its addressee may see it: another party
// is not shown the ids of counter-evidence reports hidden from it.
func replyFor(tx truce.Tx, to string, r *truce.Response) (*truce.Response, error) {
	if to == truce.Mission {
		return r, nil
	}
	c := *r
	var err error
	c.Reports, err = visibleReportIDs(tx, truce.Principal{ID: "notification", Role: truce.RoleParty, Party: to}, r.Reports)
	return &c, err
}
