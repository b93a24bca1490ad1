package storetest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

// followupTests are the conformance cases of truce.FollowupTx.
var followupTests = []struct {
	name string
	fn   func(t *testing.T, s truce.Store)
}{
	{"StatusHistory", testStatusHistory},
	{"Findings", testFindings},
	{"Responses", testResponses},
	{"Notifications", testNotifications},
	{"NotificationAck", testNotificationAck},
	{"Webhooks", testWebhooks},
	{"Deliveries", testDeliveries},
	{"DeliveryPaging", testDeliveryPaging},
	{"FollowupRollback", testFollowupRollback},
}

func testStatusHistory(t *testing.T, s truce.Store) {
	steps := []truce.Status{truce.StatusUnderReview, truce.StatusVerified, truce.StatusPublished}
	var want []*truce.StatusChange
	update(t, s, func(tx truce.Tx) error {
		from := truce.StatusReported
		for i, to := range steps {
			c := &truce.StatusChange{ID: fmt.Sprintf("st_%d", i), Incident: "i_1", From: from, To: to,
				Note: "step " + string(to), By: "tok_a", Role: truce.RoleAdmin, At: base.Add(time.Duration(i) * time.Hour)}
			if err := tx.InsertStatusChange(c); err != nil {
				return err
			}
			want, from = append(want, c), to
		}
		other := &truce.StatusChange{ID: "st_x", Incident: "i_2", From: truce.StatusReported, To: truce.StatusUnderReview, At: base}
		if err := tx.InsertStatusChange(other); err != nil {
			return err
		}
		return errWant("duplicate id", tx.InsertStatusChange(other), truce.ECONFLICT)
	})
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.StatusHistory("i_1")
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("history (-want +got):\n%s", diff)
		}
		none, err2 := tx.StatusHistory("i_none")
		if len(none) != 0 {
			t.Errorf("history of an incident without changes: %v", none)
		}
		return errors.Join(err, err2)
	})
}

func newFinding(id, incident, party string) *truce.Finding {
	return &truce.Finding{ID: id, Incident: incident, Party: party, Rules: []string{"air-sea-truce v1 rule 1"},
		Agreements: []string{"air-sea-truce v1"}, VerifiedAt: base, Deadline: base.Add(72 * time.Hour), Notification: "nt_" + id}
}

func testFindings(t *testing.T, s truce.Store) {
	a, b, c := newFinding("fd_1", "i_1", "RU"), newFinding("fd_2", "i_1", "UA"), newFinding("fd_3", "i_2", "RU")
	update(t, s, func(tx truce.Tx) error {
		for _, f := range []*truce.Finding{a, b, c} {
			if err := tx.InsertFinding(f); err != nil {
				return err
			}
		}
		again := newFinding("fd_4", "i_1", "RU")
		return errWant("a second finding against the same party", tx.InsertFinding(again), truce.ECONFLICT)
	})
	tests := []struct {
		ids  []string
		want []*truce.Finding
	}{
		{[]string{"i_1"}, []*truce.Finding{a, b}},
		{[]string{"i_2", "i_1"}, []*truce.Finding{a, b, c}},
		{[]string{"i_3"}, nil},
		{nil, nil},
	}
	view(t, s, func(tx truce.Tx) error {
		for _, tt := range tests {
			got, err := tx.Findings(tt.ids...)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Findings(%v) (-want +got):\n%s", tt.ids, diff)
			}
		}
		return nil
	})
}

func testResponses(t *testing.T, s truce.Store) {
	var want []*truce.Response
	update(t, s, func(tx truce.Tx) error {
		for i, p := range []truce.Position{truce.PositionContest, truce.PositionDeny} {
			r := &truce.Response{ID: fmt.Sprintf("rs_%d", i), Incident: "i_1", Party: "RU", Position: p,
				Text: "ответ " + string(p), Contests: []string{"attribution"}, Reports: []string{"r_1"}, By: "tok_ru", At: base}
			if err := tx.InsertResponse(r); err != nil {
				return err
			}
			want = append(want, r)
		}
		return errWant("duplicate id", tx.InsertResponse(want[0]), truce.ECONFLICT)
	})
	// Many ids take several IN lists.
	ids := make([]string, 1200)
	for i := range ids {
		ids[i] = fmt.Sprintf("i_%d", i)
	}
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.Responses(ids...)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("responses (-want +got):\n%s", diff)
		}
		return err
	})
}

func newNotification(i int, to, incident string) *truce.Notification {
	return &truce.Notification{ID: fmt.Sprintf("nt_%03d", i), Event: truce.EventFinding, To: to, Incident: incident,
		Status: truce.StatusVerified, Summary: fmt.Sprintf("finding %d", i), CreatedAt: base.Add(time.Duration(i) * time.Minute),
		Finding: newFinding(fmt.Sprintf("fd_%d", i), incident, to)}
}

func testNotifications(t *testing.T, s truce.Store) {
	var all []*truce.Notification
	update(t, s, func(tx truce.Tx) error {
		for i := range 7 {
			to := []string{"RU", "UA", truce.Mission}[i%3]
			n := newNotification(i, to, fmt.Sprintf("i_%d", i%2))
			if err := tx.InsertNotification(n); err != nil {
				return err
			}
			all = append(all, n)
		}
		return errWant("duplicate id", tx.InsertNotification(all[0]), truce.ECONFLICT)
	})
	pick := func(keep func(*truce.Notification) bool) []string {
		var out []string
		for i := len(all) - 1; i >= 0; i-- {
			if keep(all[i]) {
				out = append(out, all[i].ID)
			}
		}
		return out
	}
	tests := []struct {
		name string
		f    truce.NotificationFilter
		want []string
	}{
		{"all", truce.NotificationFilter{}, pick(func(*truce.Notification) bool { return true })},
		{"to RU", truce.NotificationFilter{To: "RU"}, pick(func(n *truce.Notification) bool { return n.To == "RU" })},
		{"incident", truce.NotificationFilter{Incident: "i_1"}, pick(func(n *truce.Notification) bool { return n.Incident == "i_1" })},
		{"to UA, page of 1", truce.NotificationFilter{To: "UA", Limit: 1}, pick(func(n *truce.Notification) bool { return n.To == "UA" })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageNotifications(t, s, tt.f); !cmp.Equal(tt.want, got) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.Notification(all[3].ID)
		if diff := cmp.Diff(all[3], got); diff != "" {
			t.Errorf("round trip (-want +got):\n%s", diff)
		}
		_, err2 := tx.Notification("nt_missing")
		_, _, err3 := tx.Notifications(truce.NotificationFilter{Cursor: "bogus"})
		return errors.Join(err, errWant("missing", err2, truce.ENOTFOUND), errWant("bad cursor", err3, truce.EINVALID))
	})
}

// pageNotifications follows cursors to the end and returns the ids.
func pageNotifications(t *testing.T, s truce.Store, f truce.NotificationFilter) []string {
	var ids []string
	for pages := 0; pages < 100; pages++ {
		var next string
		view(t, s, func(tx truce.Tx) error {
			ns, n, err := tx.Notifications(f)
			for _, x := range ns {
				ids = append(ids, x.ID)
			}
			next = n
			return err
		})
		if next == "" {
			return ids
		}
		f.Cursor = next
	}
	t.Fatal("paging did not end")
	return nil
}

func testNotificationAck(t *testing.T, s truce.Store) {
	n := newNotification(1, "RU", "i_1")
	first, later := base.Add(time.Hour), base.Add(2*time.Hour)
	update(t, s, func(tx truce.Tx) error {
		if err := tx.InsertNotification(n); err != nil {
			return err
		}
		if err := tx.AckNotification(n.ID, "tok_ru1", first); err != nil {
			return err
		}
		if err := tx.AckNotification(n.ID, "tok_ru2", later); err != nil {
			return fmt.Errorf("a second ack must change nothing and succeed: %w", err)
		}
		return errWant("ack of a missing notification", tx.AckNotification("nt_none", "x", first), truce.ENOTFOUND)
	})
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.Notification(n.ID)
		if err != nil {
			return err
		}
		if got.AckedAt == nil || !got.AckedAt.Equal(first) || got.AckedBy != "tok_ru1" {
			t.Errorf("acked %v by %q, want %v by tok_ru1", got.AckedAt, got.AckedBy, first)
		}
		un, _, err := tx.Notifications(truce.NotificationFilter{Unacked: true})
		if len(un) != 0 {
			t.Errorf("unacked list holds %d, want 0", len(un))
		}
		return err
	})
}
