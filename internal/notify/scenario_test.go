package notify_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/agreement"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/apptest"
	"github.com/truce-monitor/truce/internal/intake"
	"github.com/truce-monitor/truce/internal/notify"
)

// instance is one run of a server over the store: it is stopped and a new
// one started on the same data to play a restart.
type instance struct {
	env    *apptest.Env
	worker *notify.Worker
}

func start(t *testing.T, ro reopener, at time.Time) *instance {
	env := apptest.New(t, ro.open(t), at)
	w := &notify.Worker{Store: env.Store, Clock: env.Clock, Log: env.Log,
		Client:    &http.Client{Timeout: 100 * time.Millisecond},
		BaseDelay: time.Second, MaxDelay: 8 * time.Second, Lease: 5 * time.Second, Batch: 7}
	return &instance{env: env, worker: w}
}

// stop ends the instance as a crash would leave the data: nothing is
// flushed beyond what committed.
func (in *instance) stop() {
	in.env.Server.Close()
	in.env.Log.Close()
	in.env.Store.Close()
}

func (in *instance) as(role truce.Role, party string) context.Context {
	return truce.WithPrincipal(context.Background(), truce.Principal{ID: "tok_" + string(role) + party, Role: role, Party: party})
}

// verifiedStrike files a monitor's report of a missile strike by RU and
// takes its incident to verified: a finding against RU.
func (in *instance) verifiedStrike(t *testing.T, i int) string {
	t.Helper()
	line := fmt.Sprintf(`{"source":{"type":"monitor","name":"Patrol 5","ref":"p5-%d"},"kind":"strike",`+
		`"occurred":{"from":"2025-08-%02dT10:00:00+03:00"},"location":{"lat":%f,"lon":%f},`+
		`"weapons":[{"class":"cruise_missile"}],"attributed_to":"RU"}`, i, 19+i, 46.0+float64(i), 30.0+float64(i))
	var items []intake.Item
	if err := intake.Decode(stringsReader(line), intake.NDJSON, func(it intake.Item) error { items = append(items, it); return nil }); err != nil {
		t.Fatal(err)
	}
	res, err := in.env.App.Submit(in.as(truce.RoleMonitor, ""), "test", items)
	if err != nil || len(res.Accepted) != 1 {
		t.Fatalf("submit: %v %+v", err, res)
	}
	var id string
	err = in.env.Store.View(context.Background(), func(tx truce.Tx) error {
		id, err = tx.IncidentOf(res.Accepted[0].ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []truce.Status{truce.StatusUnderReview, truce.StatusVerified} {
		if _, err := in.env.App.SetStatus(in.as(truce.RoleAnalyst, ""), id, s, "checked"); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

// replyAndAck has RU contest the incident and acknowledge its notifications.
func (in *instance) replyAndAck(t *testing.T, incident string) {
	t.Helper()
	ru := in.as(truce.RoleParty, "RU")
	if _, err := in.env.App.Reply(ru, incident, app.ReplyInput{Position: truce.PositionDeny, Text: "no such strike"}, nil); err != nil {
		t.Fatal(err)
	}
	ns, _, err := in.env.App.Notifications(ru, truce.NotificationFilter{Incident: incident})
	if err != nil || len(ns) == 0 {
		t.Fatalf("RU's notifications: %v, %v", ns, err)
	}
	if _, err := in.env.App.Ack(ru, ns[0].ID); err != nil {
		t.Fatal(err)
	}
}

// round runs the worker once after moving the clock past every backoff
// and lease.
func (in *instance) round(t *testing.T) notify.Result {
	t.Helper()
	in.env.Clock.Advance(10 * time.Second)
	res, err := in.worker.RunOnce(t.Context())
	if err != nil {
		t.Fatalf("RunOnce: %v", err)
	}
	return res
}

// TestDeliveryUnderFaults sends notifications to a receiver that is down,
// then answers 500, then is slow, then hangs while the server dies, with
// the server restarted twice on the same data: in the end every
// notification reached every webhook that wanted it exactly once, as an
// idempotent receiver counts them, and none was lost.
func TestDeliveryUnderFaults(t *testing.T) {
	for _, ro := range reopeners(t) {
		t.Run(ro.name, func(t *testing.T) { deliveryUnderFaults(t, ro) })
	}
}

func deliveryUnderFaults(t *testing.T, ro reopener) {
	rv := newFlaky(t, map[string]string{"/mission": "mission-secret", "/ru": "ru-secret"})
	in := start(t, ro, time.Date(2025, 8, 25, 9, 0, 0, 0, time.UTC))
	setup(t, in, rv)

	rv.down()
	var incidents []string
	for i := range 3 {
		incidents = append(incidents, in.verifiedStrike(t, i))
	}
	if res := in.round(t); res.Delivered != 0 || res.Failed == 0 {
		t.Fatalf("receiver down: %+v, want only failures", res)
	}
	rv.up()
	rv.setMode("500")
	for range 4 {
		if res := in.round(t); res.Delivered != 0 {
			t.Fatalf("receiver answering 500: %+v delivered", res)
		}
	}
	in.replyAndAck(t, incidents[0])

	in.stop() // restart between retries
	in = start(t, ro, in.env.Clock.Now())
	rv.setMode("slow")
	in.verifiedStrike(t, 3)
	for range 3 {
		if res := in.round(t); res.Delivered != 0 {
			t.Fatalf("slow receiver: %+v delivered within the client's timeout", res)
		}
	}

	rv.setMode("hang") // the server dies while sending
	in.env.Clock.Advance(10 * time.Second)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { _, err := in.worker.RunOnce(ctx); done <- err }()
	<-rv.arrived
	cancel()
	if err := <-done; err == nil {
		t.Fatal("a round killed mid-send recorded its outcomes")
	}
	in.stop()
	in = start(t, ro, in.env.Clock.Now())
	rv.setMode("ok")
	in.replyAndAck(t, in.verifiedStrike(t, 4))
	for range 20 {
		in.round(t)
	}
	checkAllDelivered(t, in, rv)
	in.stop()
}

// setup loads the truce and registers the mission's and RU's webhooks.
func setup(t *testing.T, in *instance, rv *flaky) {
	admin := in.as(truce.RoleAdmin, "")
	tpl, _ := agreement.TemplateByID("air-sea-truce")
	if _, err := in.env.App.LoadAgreement(admin, tpl.Source, map[string]string{"start": "2025-08-18T00:00:00+03:00"}, agreement.ParseOptions{}); err != nil {
		t.Fatal(err)
	}
	hooks := []struct {
		ctx    context.Context
		path   string
		events []string
	}{
		{admin, "/mission", truce.Events},
		{in.as(truce.RoleParty, "RU"), "/ru", []string{truce.EventFinding, truce.EventStatus, truce.EventResponse}},
	}
	for _, h := range hooks {
		_, err := in.env.App.CreateWebhook(h.ctx, app.WebhookInput{URL: rv.url(h.path), Secret: rv.secrets[h.path], Events: h.events})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// checkAllDelivered compares what the receiver took with what should have
// been sent: one delivery per notification and webhook that wants it.
func checkAllDelivered(t *testing.T, in *instance, rv *flaky) {
	want := map[string]string{} // notification/path
	logged := 0
	err := in.env.Store.View(context.Background(), func(tx truce.Tx) error {
		hooks, err := tx.Webhooks("")
		if err != nil {
			return err
		}
		ns, _, err := tx.Notifications(truce.NotificationFilter{Limit: 1000})
		if err != nil {
			return err
		}
		for _, n := range ns {
			for _, h := range hooks {
				if h.Wants(n) {
					want[n.ID+" "+h.URL[len("http://"+rv.addr):]] = n.Event
				}
			}
			es, err := tx.LogEntriesFor("delivery", n.ID)
			if err != nil {
				return err
			}
			logged += len(es)
		}
		pending, _, err := tx.Deliveries(truce.DeliveryFilter{State: truce.DeliveryPending})
		if len(pending) > 0 {
			t.Errorf("%d deliveries still pending", len(pending))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rv.mu.Lock()
	defer rv.mu.Unlock()
	got := map[string]string{}
	for id, d := range rv.got {
		got[d.Notification.ID+" "+rv.hooks[id]] = d.Event
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("deliveries taken by the receiver (-want +got):\n%s", diff)
	}
	if len(rv.got) != len(got) {
		t.Errorf("the receiver took %d deliveries for %d notification-webhook pairs: a pair was sent under two ids", len(rv.got), len(got))
	}
	if rv.bad != 0 || rv.repeats == 0 || logged != len(want) {
		t.Errorf("bad signatures %d (want 0), repeats %d (want some: the slow and dying rounds resend), delivery log entries %d (want %d)",
			rv.bad, rv.repeats, logged, len(want))
	}
	events := map[string]int{}
	for _, e := range want {
		events[e]++
	}
	t.Logf("%d deliveries (%v), %d repeats deduplicated", len(want), events, rv.repeats)
}
