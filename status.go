package truce

import (
	"slices"
	"time"
)

// Status is where an incident stands in the follow-up workflow.
type Status string

// The statuses of an incident, in workflow order.
const (
	StatusReported    Status = "reported"
	StatusUnderReview Status = "under_review"
	StatusVerified    Status = "verified"
	StatusUnverified  Status = "unverified"
	StatusDisputed    Status = "disputed"
	StatusPublished   Status = "published"
	StatusRetracted   Status = "retracted"
)

// Statuses lists every status, in workflow order.
var Statuses = []Status{StatusReported, StatusUnderReview, StatusVerified, StatusUnverified,
	StatusDisputed, StatusPublished, StatusRetracted}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Judged reports whether an incident with this status has been judged in
// the follow-up (verified, unverified, disputed, published, retracted): it
// may carry findings and replies, so it is merged with another incident
// neither by fusion nor by an analyst.
func (s Status) Judged() bool {
	return s != "" && s != StatusReported && s != StatusUnderReview
}

// Transition is one allowed change of an incident's status: who may make
// it and whether it must say why.
type Transition struct {
	From         Status `json:"from"`
	To           Status `json:"to"`
	Roles        []Role `json:"roles"`
	NoteRequired bool   `json:"note_required,omitempty"`
}

// Transitions is THE table of the workflow: every status change Truce
// allows, and nothing else. An incident is reported by fusion; analysts
// take it under review and judge it verified, unverified or disputed (and
// may revise that judgement, or take it back under review); an admin
// publishes a judged incident and may retract a published one, both with
// a note. A retraction is final.
var Transitions = buildTransitions()

func buildTransitions() []Transition {
	staff := []Role{RoleAnalyst, RoleAdmin}
	admin := []Role{RoleAdmin}
	judged := []Status{StatusVerified, StatusUnverified, StatusDisputed}
	ts := []Transition{{From: StatusReported, To: StatusUnderReview, Roles: staff}}
	for _, j := range judged {
		ts = append(ts, Transition{From: StatusUnderReview, To: j, Roles: staff})
	}
	for _, from := range judged {
		ts = append(ts, Transition{From: from, To: StatusUnderReview, Roles: staff})
		for _, to := range judged {
			if to != from {
				ts = append(ts, Transition{From: from, To: to, Roles: staff})
			}
		}
		ts = append(ts, Transition{From: from, To: StatusPublished, Roles: admin, NoteRequired: true})
	}
	return append(ts, Transition{From: StatusPublished, To: StatusRetracted, Roles: admin, NoteRequired: true})
}

// TransitionFor returns the transition from one status to another, or nil
// when the workflow does not allow it.
func TransitionFor(from, to Status) *Transition {
	for i := range Transitions {
		if Transitions[i].From == from && Transitions[i].To == to {
			return &Transitions[i]
		}
	}
	return nil
}

// AllowedFrom returns the statuses an incident in status from may move to,
// in workflow order, whoever makes the change.
func AllowedFrom(from Status) []Status {
	out := []Status{}
	for _, s := range Statuses {
		if TransitionFor(from, s) != nil {
			out = append(out, s)
		}
	}
	return out
}

// Allows reports whether the transition may be made by role.
func (t *Transition) Allows(role Role) bool { return slices.Contains(t.Roles, role) }

// TransitionRefused is the Details of the ECONFLICT answered to a status
// change the workflow does not allow: where the incident stands, what was
// asked and where it may go.
type TransitionRefused struct {
	From    Status   `json:"from"`
	To      Status   `json:"to"`
	Allowed []Status `json:"allowed"`
}

// CheckTransition decides whether role may move an incident from one
// status to another with the given note: nil, EINVALID for an unknown
// status, ECONFLICT (Details: TransitionRefused) for a change the workflow
// does not allow, EFORBIDDEN for a role that may not make it, EINVALID
// for a missing note where one is required.
func CheckTransition(from, to Status, role Role, note string) error {
	if !to.Valid() {
		return Errorf(EINVALID, "status: %q is not one of %s", to, statusList(Statuses[1:]))
	}
	t := TransitionFor(from, to)
	if t == nil {
		allowed := AllowedFrom(from)
		e := Errorf(ECONFLICT, "an incident %s cannot become %s; allowed: %s", from, to, statusList(allowed))
		e.Details = TransitionRefused{From: from, To: to, Allowed: allowed}
		return e
	}
	if !t.Allows(role) {
		return Errorf(EFORBIDDEN, "only %s may make an incident %s", roleList(t.Roles), to)
	}
	if t.NoteRequired && !hasText(note) {
		return Errorf(EINVALID, "note: required to make an incident %s: say why", to)
	}
	return nil
}

func statusList(ss []Status) string {
	if len(ss) == 0 {
		return "none"
	}
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += string(s)
	}
	return out
}

func roleList(rs []Role) string {
	out := ""
	for i, r := range rs {
		if i > 0 {
			out += " or "
		}
		out += string(r)
	}
	return out
}

func hasText(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return true
		}
	}
	return false
}

// StatusChange is one step of an incident's status history, logged as the
// act "status".
type StatusChange struct {
	ID       string    `json:"id"` // "st_…"
	Incident string    `json:"incident"`
	From     Status    `json:"from"`
	To       Status    `json:"to"`
	Note     string    `json:"note,omitempty"`
	By       string    `json:"by"` // principal id
	Role     Role      `json:"role"`
	At       time.Time `json:"at"`
}
