package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/apptest"
)

// TestFollowupEndToEnd walks the spec's scenario over HTTP: a monitor's
// report becomes a violation incident, is reviewed and verified; the
// party held responsible is told by a signed webhook and replies; the
// other party cannot see it before publication; an admin publishes it;
// the public sees it with the reply; a step back is refused with the
// allowed ones.
func TestFollowupEndToEnd(t *testing.T) {
	for _, b := range apptest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) { followupEndToEnd(t, b) })
	}
}

func followupEndToEnd(t *testing.T, b apptest.Backend) {
	env := apptest.New(t, b.Open(t), time.Date(2025, 8, 20, 9, 0, 0, 0, time.UTC))
	admin, monitor, analyst := env.Token(truce.RoleAdmin, ""), env.Token(truce.RoleMonitor, ""), env.Token(truce.RoleAnalyst, "")
	ru, ua := env.Token(truce.RoleParty, "RU"), env.Token(truce.RoleParty, "UA")
	loadAirSeaTruce(t, env, admin)

	rv := newReceiver(t, "ru-webhook-secret")
	var hook truce.Webhook
	a := call(t, env, "POST", "/api/v1/webhooks", ru, map[string]any{
		"url": rv.srv.URL + "/truce", "secret": rv.secret, "events": []string{"finding", "status", "response"}}).
		must(t, http.StatusCreated, &hook)
	if bytes.Contains(a.body, []byte(rv.secret)) || hook.To != "RU" {
		t.Fatalf("webhook httpAnswer shows the secret or the wrong addressee: %s", a.body)
	}

	// A monitor's report: a ballistic missile on Kharkiv during the truce.
	rid := fileReport(t, env, monitor, strike(truce.Source{Type: "monitor", Name: "Patrol 7", Ref: "p7-0819"}, 19, 49.99, 36.23))
	in := incidentOfReport(t, env, analyst, rid)
	if len(in.Verdicts) != 1 || in.Verdicts[0].Verdict != truce.Violation || in.Verdicts[0].Party == nil || *in.Verdicts[0].Party != "RU" {
		t.Fatalf("verdicts %+v, want a violation by RU under the air-sea truce", in.Verdicts)
	}
	path := "/api/v1/incidents/" + in.ID

	setStatus(t, env, analyst, in.ID, truce.StatusUnderReview, "two patrols to confirm")
	env.Clock.Advance(2 * time.Hour)
	verifiedAt := env.Clock.Now()
	res := setStatus(t, env, analyst, in.ID, truce.StatusVerified, "crater and fragments seen")
	if len(res.Findings) != 1 || res.Findings[0].Party != "RU" || !res.Findings[0].Deadline.Equal(verifiedAt.Add(72*time.Hour)) {
		t.Fatalf("findings %+v, want one against RU due in 72 h", res.Findings)
	}

	// The worker tells RU: the finding and both status changes, signed.
	if r, err := worker(env).RunOnce(t.Context()); err != nil || r.Delivered != 3 {
		t.Fatalf("RunOnce = %+v, %v; want 3 delivered", r, err)
	}
	var events []string
	var findingNote string
	for _, d := range rv.events() {
		events = append(events, d.Event)
		if d.Event == truce.EventFinding {
			findingNote = d.Notification.ID
			if d.Notification.Finding == nil || d.Notification.Finding.Incident != in.ID {
				t.Errorf("finding notification without its finding: %+v", d.Notification)
			}
		}
	}
	slices.Sort(events)
	if diff := cmp.Diff([]string{"finding", "status", "status"}, events); diff != "" || rv.badSigs != 0 {
		t.Errorf("events received (-want +got):\n%s(bad signatures: %d)", diff, rv.badSigs)
	}

	// UA is not named: before publication it gets the 404 of a missing item.
	hidden := call(t, env, "GET", path, ua, nil)
	missing := call(t, env, "GET", "/api/v1/incidents/inc_missing", ua, nil)
	sameNotFound(t, "UA reading the incident", hidden, missing, in.ID, "inc_missing")
	if call(t, env, "GET", path, "", nil).status != http.StatusNotFound {
		t.Error("the public sees an unpublished incident")
	}

	// RU acknowledges the finding (logged) and contests it with evidence.
	var ack app.AckResult
	call(t, env, "POST", "/api/v1/notifications/"+findingNote+"/ack", ru, nil).must(t, http.StatusOK, &ack)
	if ack.LogIndex == nil || ack.Notification.AckedAt == nil {
		t.Errorf("ack not recorded: %+v", ack)
	}
	env.Clock.Advance(20 * time.Hour)
	counter := strike(truce.Source{Type: "party", Name: "RU MoD", Party: "RU", Ref: "ru-0819-1"}, 19, 49.99, 36.23)
	delete(counter, "attributed_to") // accusing UA would name UA, who would then see it
	counter["weapons"] = []map[string]any{{"class": "unknown"}}
	var reply app.ReplyResult
	call(t, env, "POST", path+"/responses", ru, map[string]any{
		"position": "contest", "text": "An air-defence missile fell on the city.",
		"contests": []string{"attribution", "classification"}, "reports": []any{counter}}).
		must(t, http.StatusCreated, &reply)
	if len(reply.Accepted) != 1 || len(reply.Response.Reports) != 1 {
		t.Fatalf("counter-evidence not filed: %+v", reply)
	}
	if call(t, env, "GET", path, ua, nil).status != http.StatusNotFound {
		t.Error("UA sees the incident after RU's reply, before publication")
	}

	// Only an admin publishes, with a note; then the public sees it.
	refused := call(t, env, "POST", path+"/status", analyst, map[string]any{"status": "published", "note": "x"})
	if refused.status != http.StatusForbidden {
		t.Errorf("analyst publishing: %d, want 403", refused.status)
	}
	setStatus(t, env, admin, in.ID, truce.StatusPublished, "verified; RU's reply attached")
	var pub incidentView
	call(t, env, "GET", path, "", nil).must(t, http.StatusOK, &pub)
	if len(pub.Responses) != 1 || pub.Responses[0].Party != "RU" || pub.Responses[0].Position != truce.PositionContest {
		t.Errorf("the public sees responses %+v, want RU's contest", pub.Responses)
	}
	if len(pub.Findings) != 1 || pub.Findings[0].Reply != truce.ReplyAnswered || pub.Findings[0].Missed {
		t.Errorf("finding as shown: %+v, want answered in time", pub.Findings)
	}
	wantHistory := []truce.Status{truce.StatusUnderReview, truce.StatusVerified, truce.StatusPublished}
	var got []truce.Status
	for _, c := range pub.StatusHistory {
		got = append(got, c.To)
	}
	if !cmp.Equal(wantHistory, got) {
		t.Errorf("status history %v, want %v", got, wantHistory)
	}
	call(t, env, "GET", path, ua, nil).must(t, http.StatusOK, nil)

	// A step back is refused with the allowed ones.
	back := call(t, env, "POST", path+"/status", admin, map[string]any{"status": "under_review", "note": "again"})
	var refusal struct {
		Error struct {
			Code    string
			Details truce.TransitionRefused
		}
	}
	back.must(t, http.StatusConflict, &refusal)
	want := truce.TransitionRefused{From: truce.StatusPublished, To: truce.StatusUnderReview, Allowed: []truce.Status{truce.StatusRetracted}}
	if diff := cmp.Diff(want, refusal.Error.Details); diff != "" || refusal.Error.Code != truce.ECONFLICT {
		t.Errorf("refusal %s (-want +got):\n%s", back.body, diff)
	}
	checkLogged(t, env, in.ID, findingNote)
	checkHashes(t, env, admin, ru, in.ID, findingNote)
}

// checkHashes checks that the log commits to the records as stored and
// shown: anyone holding one can recompute the hash of its entry.
func checkHashes(t *testing.T, env *apptest.Env, admin, party, incident, note string) {
	var v incidentView
	call(t, env, "GET", "/api/v1/incidents/"+incident, admin, nil).must(t, http.StatusOK, &v)
	var n truce.Notification
	call(t, env, "GET", "/api/v1/notifications/"+note, party, nil).must(t, http.StatusOK, &n)
	n.AckedAt, n.AckedBy = nil, "" // the acknowledgement is an act of its own
	records := map[string][]any{"notification": {n}}
	for _, f := range v.Findings {
		records["finding"] = append(records["finding"], f.Finding)
	}
	for _, c := range v.StatusHistory {
		records["status"] = append(records["status"], c)
	}
	for _, r := range v.Responses {
		records["response"] = append(records["response"], r)
	}
	for typ, recs := range records {
		id := incident
		if typ == "notification" {
			id = note
		}
		es, err := env.Log.EntriesFor(t.Context(), typ, id)
		if err != nil {
			t.Fatal(err)
		}
		logged := map[string]bool{}
		for _, e := range es {
			var entry struct{ SHA256 string }
			if err := json.Unmarshal(e.Entry, &entry); err != nil {
				t.Fatal(err)
			}
			logged[entry.SHA256] = true
		}
		for _, rec := range recs {
			if h, err := truce.RecordHash(rec); err != nil || !logged[h] {
				t.Errorf("%s %s: the record as shown hashes to %s, not in its log entries %v (%v)", typ, id, h, logged, err)
			}
		}
	}
}

// sameNotFound checks that a hidden item's 404 is a missing item's 404,
// byte for byte once the ids are swapped.
func sameNotFound(t testing.TB, what string, hidden, missing httpAnswer, hiddenID, missingID string) {
	t.Helper()
	if hidden.status != http.StatusNotFound || missing.status != http.StatusNotFound {
		t.Errorf("%s: statuses %d (hidden) and %d (missing), want 404", what, hidden.status, missing.status)
		return
	}
	want := bytes.ReplaceAll(missing.body, []byte(missingID), []byte(hiddenID))
	if !bytes.Equal(hidden.body, want) || hidden.ctype != missing.ctype {
		t.Errorf("%s: hidden %q (%s), missing %q (%s): they must be the same", what, hidden.body, hidden.ctype, missing.body, missing.ctype)
	}
}

// checkLogged checks that every follow-up act is in the transparency log.
func checkLogged(t *testing.T, env *apptest.Env, incident, note string) {
	for _, c := range []struct {
		typ, id string
		n       int
	}{{"status", incident, 3}, {"finding", incident, 1}, {"response", incident, 1}, {"ack", note, 1}, {"delivery", note, 1}} {
		es, err := env.Log.EntriesFor(t.Context(), c.typ, c.id)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := json.Marshal(es); bytes.Count(b, []byte(`"log_index"`)) < c.n {
			t.Errorf("log entries of %s %s: %s, want %d", c.typ, c.id, b, c.n)
		}
	}
}
