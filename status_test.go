package truce

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestCheckTransition(t *testing.T) {
	tests := []struct {
		from, to Status
		role     Role
		note     string
		code     string
		allowed  []Status // Details of a refusal
	}{
		{StatusReported, StatusUnderReview, RoleAnalyst, "", "", nil},
		{StatusUnderReview, StatusVerified, RoleAdmin, "", "", nil},
		{StatusVerified, StatusDisputed, RoleAnalyst, "", "", nil},
		{StatusDisputed, StatusUnderReview, RoleAnalyst, "", "", nil},
		{StatusVerified, StatusPublished, RoleAdmin, "confirmed by two patrols", "", nil},
		{StatusPublished, StatusRetracted, RoleAdmin, "the patrol's photos were of another site", "", nil},
		{StatusVerified, StatusPublished, RoleAnalyst, "note", EFORBIDDEN, nil},
		{StatusUnderReview, StatusVerified, RoleMonitor, "", EFORBIDDEN, nil},
		{StatusVerified, StatusPublished, RoleAdmin, " \n", EINVALID, nil},
		{StatusPublished, StatusRetracted, RoleAdmin, "", EINVALID, nil},
		{StatusReported, "closed", RoleAdmin, "", EINVALID, nil},
		{StatusReported, StatusReported, RoleAdmin, "", ECONFLICT, []Status{StatusUnderReview}},
		{StatusReported, StatusVerified, RoleAdmin, "", ECONFLICT, []Status{StatusUnderReview}},
		{StatusReported, StatusPublished, RoleAdmin, "x", ECONFLICT, []Status{StatusUnderReview}},
		{StatusPublished, StatusUnderReview, RoleAdmin, "", ECONFLICT, []Status{StatusRetracted}},
		{StatusVerified, StatusVerified, RoleAdmin, "", ECONFLICT,
			[]Status{StatusUnderReview, StatusUnverified, StatusDisputed, StatusPublished}},
		{StatusRetracted, StatusPublished, RoleAdmin, "again", ECONFLICT, []Status{}},
	}
	for _, tt := range tests {
		err := CheckTransition(tt.from, tt.to, tt.role, tt.note)
		if got := ErrorCode(err); got != tt.code {
			t.Errorf("%s -> %s by %s: code %q (%v), want %q", tt.from, tt.to, tt.role, got, err, tt.code)
			continue
		}
		if tt.code != ECONFLICT {
			continue
		}
		var e *Error
		errors.As(err, &e)
		want := TransitionRefused{From: tt.from, To: tt.to, Allowed: tt.allowed}
		if diff := cmp.Diff(want, e.Details); diff != "" {
			t.Errorf("%s -> %s: details (-want +got):\n%s", tt.from, tt.to, diff)
		}
	}
}

// TestTransitionsTable checks the table's shape: no duplicates, no
// self-loops, every status reachable from reported, publication and
// retraction only by admins with a note.
func TestTransitionsTable(t *testing.T) {
	seen := map[[2]Status]bool{}
	for _, tr := range Transitions {
		if seen[[2]Status{tr.From, tr.To}] || tr.From == tr.To || !tr.From.Valid() || !tr.To.Valid() {
			t.Errorf("bad or duplicate transition %+v", tr)
		}
		seen[[2]Status{tr.From, tr.To}] = true
		final := tr.To == StatusPublished || tr.To == StatusRetracted
		if final && (!tr.NoteRequired || !cmp.Equal(tr.Roles, []Role{RoleAdmin})) {
			t.Errorf("%s -> %s must need admin and a note: %+v", tr.From, tr.To, tr)
		}
	}
	reach := map[Status]bool{StatusReported: true}
	for changed := true; changed; {
		changed = false
		for _, tr := range Transitions {
			if reach[tr.From] && !reach[tr.To] {
				reach[tr.To], changed = true, true
			}
		}
	}
	for _, s := range Statuses {
		if !reach[s] {
			t.Errorf("%s cannot be reached from reported", s)
		}
	}
}

func TestReplyStateAt(t *testing.T) {
	v := time.Date(2025, 8, 20, 9, 0, 0, 0, time.UTC)
	f := &Finding{VerifiedAt: v, Deadline: v.Add(72 * time.Hour)}
	at := func(h int) *time.Time { x := v.Add(time.Duration(h) * time.Hour); return &x }
	tests := []struct {
		now   time.Time
		reply *time.Time
		want  ReplyState
	}{
		{v.Add(time.Hour), nil, ReplyOpen},
		{f.Deadline, nil, ReplyOpen},
		{f.Deadline.Add(time.Second), nil, ReplyMissed},
		{v.Add(100 * time.Hour), at(72), ReplyAnswered},
		{v.Add(100 * time.Hour), at(73), ReplyLate},
		{v.Add(time.Hour), at(1), ReplyAnswered},
	}
	for _, tt := range tests {
		if got := f.ReplyStateAt(tt.now, tt.reply); got != tt.want {
			t.Errorf("at %v with reply %v: %s, want %s", tt.now, tt.reply, got, tt.want)
		}
	}
}
