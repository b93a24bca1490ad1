package httpapi_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/truce-monitor/truce"
)

const (
	missingNote = "nt_06cd0000000000000000000000"
	missingHook = "wh_06cd0000000000000000000000"
)

// checkNotifications: a party sees, lists and acknowledges its own
// notifications only; staff see and list all but acknowledge none.
func (f *matrixFixture) checkNotifications(t *testing.T, r role) {
	env := f.env
	for _, to := range []string{"RU", "UA"} {
		id := f.notes[to]
		own := r.role == truce.RoleParty && r.party == to
		get := func(id string) httpAnswer { return call(t, env, "GET", "/api/v1/notifications/"+id, r.token, nil) }
		want := http.StatusNotFound
		if r.staff() || own {
			want = http.StatusOK
		}
		f.expect(t, "GET notification to "+to, get(id), want, false, func() httpAnswer { return get(missingNote) }, id, missingNote)

		ack := func(id string) httpAnswer {
			return call(t, env, "POST", "/api/v1/notifications/"+id+"/ack", r.token, nil)
		}
		switch {
		case r.role != truce.RoleParty:
			want = denial(r)
		case own:
			want = http.StatusOK
		default:
			want = http.StatusNotFound
		}
		f.expect(t, "ack notification to "+to, ack(id), want, r.role != truce.RoleParty, func() httpAnswer { return ack(missingNote) }, id, missingNote)
	}
	list := call(t, env, "GET", "/api/v1/notifications?limit=1000", r.token, nil)
	switch {
	case r.staff():
		got := noteIDs(t, list)
		if !slices.Contains(got, f.notes["RU"]) || !slices.Contains(got, f.notes["UA"]) {
			t.Errorf("staff list of notifications lacks the fixture's")
		}
	case r.role == truce.RoleParty:
		// Its own, whatever it filters by, and all of them.
		var all []string
		for _, q := range []string{"", "&to=RU", "&to=UA", "&to=mission"} {
			all = append(all, noteTos(t, call(t, env, "GET", "/api/v1/notifications?limit=1000"+q, r.token, nil))...)
		}
		for _, to := range all {
			if to != r.party {
				t.Errorf("party %s lists a notification to %s", r.party, to)
			}
		}
		staff := noteIDs(t, call(t, env, "GET", "/api/v1/notifications?limit=1000&to="+r.party, f.by("admin").token, nil))
		if got := noteIDs(t, list); len(got) != len(staff) {
			t.Errorf("party %s lists %d notifications, %d are addressed to it", r.party, len(got), len(staff))
		}
	default:
		if list.status != denial(r) {
			t.Errorf("list of notifications: %d, want %d", list.status, denial(r))
		}
	}
}

func noteIDs(t *testing.T, a httpAnswer) []string {
	var l struct{ Notifications []truce.Notification }
	a.must(t, http.StatusOK, &l)
	var out []string
	for _, n := range l.Notifications {
		out = append(out, n.ID)
	}
	return out
}

func noteTos(t *testing.T, a httpAnswer) []string {
	var l struct{ Notifications []truce.Notification }
	a.must(t, http.StatusOK, &l)
	var out []string
	for _, n := range l.Notifications {
		out = append(out, n.To)
	}
	return out
}

// checkWebhooks: admins manage the mission's webhooks and see all;
// parties their own; nobody else any. Only admins read deliveries.
func (f *matrixFixture) checkWebhooks(t *testing.T, r role) {
	env := f.env
	mine := ""
	switch r.role {
	case truce.RoleAdmin:
		mine = truce.Mission
	case truce.RoleParty:
		mine = r.party
	}
	list := call(t, env, "GET", "/api/v1/webhooks", r.token, nil)
	if mine == "" {
		if list.status != denial(r) {
			t.Errorf("list of webhooks: %d, want %d", list.status, denial(r))
		}
	} else {
		var l struct{ Webhooks []truce.Webhook }
		list.must(t, http.StatusOK, &l)
		for to, id := range f.hooks {
			listed := slices.ContainsFunc(l.Webhooks, func(h truce.Webhook) bool { return h.ID == id })
			if want := r.role == truce.RoleAdmin || to == mine; listed != want {
				t.Errorf("webhook of %s listed: %v, want %v", to, listed, want)
			}
		}
	}
	created := call(t, env, "POST", "/api/v1/webhooks", r.token, map[string]any{
		"url": "https://hooks.example/x", "secret": "k", "events": []string{"finding"}})
	if mine == "" {
		f.expect(t, "POST webhook", created, denial(r), false, nil, "", "")
	} else {
		var h truce.Webhook
		created.must(t, http.StatusCreated, &h)
		if h.To != mine {
			t.Errorf("webhook made by %s receives %s's notifications", r.name, h.To)
		}
		call(t, env, "DELETE", "/api/v1/webhooks/"+h.ID, r.token, nil).must(t, http.StatusNoContent, nil)
	}
	for to, id := range f.hooks {
		if to == mine || r.role == truce.RoleAdmin {
			continue // not deleting the fixture's own
		}
		del := func(id string) httpAnswer { return call(t, env, "DELETE", "/api/v1/webhooks/"+id, r.token, nil) }
		want := http.StatusNotFound
		if mine == "" {
			want = denial(r)
		}
		f.expect(t, "DELETE webhook of "+to, del(id), want, mine == "", func() httpAnswer { return del(missingHook) }, id, missingHook)
	}
	want := http.StatusOK
	if r.role != truce.RoleAdmin {
		want = denial(r)
	}
	if got := call(t, env, "GET", "/api/v1/deliveries", r.token, nil); got.status != want {
		t.Errorf("delivery log: %d, want %d", got.status, want)
	}
}

// checkOtherEndpoints: the endpoints that came before the follow-up keep
// the same rules: merge and split for analysts and admins, rejected items
// for staff (a hidden one is a missing one), agreements for everyone.
func (f *matrixFixture) checkOtherEndpoints(t *testing.T, r role) {
	env := f.env
	analyse := r.role == truce.RoleAnalyst || r.role == truce.RoleAdmin
	if !analyse {
		in := f.incidents[0]
		merge := call(t, env, "POST", "/api/v1/incidents/merge", r.token,
			map[string]any{"incidents": []string{in.id, f.incidents[1].id}, "note": "same event"})
		split := call(t, env, "POST", "/api/v1/incidents/"+in.id+"/split", r.token,
			map[string]any{"reports": []string{in.reports[0].id}, "note": "two events"})
		for what, a := range map[string]httpAnswer{"merge": merge, "split": split} {
			if a.status != denial(r) {
				t.Errorf("%s: %d, want %d", what, a.status, denial(r))
			}
		}
	}
	if analyse { // a judged incident is not merged away with its findings and replies
		var judged, fresh string
		for _, in := range f.incidents {
			switch in.status {
			case truce.StatusVerified:
				judged = in.id
			case truce.StatusReported:
				fresh = in.id
			}
		}
		merge := call(t, env, "POST", "/api/v1/incidents/merge", r.token,
			map[string]any{"incidents": []string{fresh, judged}, "note": "same event"})
		if merge.status != http.StatusConflict {
			t.Errorf("merging a verified incident: %d %s, want 409", merge.status, merge.body)
		}
	}
	want := http.StatusOK
	if !r.staff() {
		want = denial(r)
	}
	if got := call(t, env, "GET", "/api/v1/rejected", r.token, nil); got.status != want {
		t.Errorf("rejected items: %d, want %d", got.status, want)
	}
	getRj := func(id string) httpAnswer { return call(t, env, "GET", "/api/v1/rejected/"+id, r.token, nil) }
	want = http.StatusNotFound
	if r.staff() {
		want = http.StatusOK
	}
	const missingRj = "rj_06cd0000000000000000000000"
	f.expect(t, "GET rejected item", getRj(f.rejected), want, false, func() httpAnswer { return getRj(missingRj) }, f.rejected, missingRj)
	if got := call(t, env, "GET", "/api/v1/agreements/air-sea-truce", r.token, nil); got.status != http.StatusOK {
		t.Errorf("agreement: %d, want 200 for everyone", got.status)
	}
}
