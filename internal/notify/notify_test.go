package notify_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/notify"
	"github.com/truce-monitor/truce/internal/sqlite"
)

// TestSign checks the signature against RFC 4231's test case 2.
func TestSign(t *testing.T) {
	body := []byte("what do ya want for nothing?")
	want := "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
	if got := notify.Sign("Jefe", body); got != want {
		t.Errorf("Sign = %s, want %s", got, want)
	}
	if !notify.Verify("Jefe", body, want) || notify.Verify("jefe", body, want) || notify.Verify("Jefe", body[1:], want) {
		t.Error("Verify accepts a wrong key or body, or refuses the right one")
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		jitter float64
		n      int
		want   time.Duration
	}{
		{0, 1, 5 * time.Second}, // half of the base
		{0.5, 1, 7500 * time.Millisecond},
		{0, 2, 10 * time.Second},  // doubled
		{0, 4, 40 * time.Second},  // 10 s * 2^3, halved
		{0, 12, 30 * time.Minute}, // capped at one hour, halved
		{0.999999, 50, time.Hour - 1800*time.Microsecond},
	}
	for _, tt := range tests {
		w := &notify.Worker{BaseDelay: 10 * time.Second, MaxDelay: time.Hour, Jitter: func() float64 { return tt.jitter }}
		if got := w.Backoff(tt.n); got.Round(time.Millisecond) != tt.want.Round(time.Millisecond) {
			t.Errorf("Backoff(%d) with jitter %v = %v, want %v", tt.n, tt.jitter, got, tt.want)
		}
	}
}

// oneDelivery stores a webhook to url and one delivery due now.
func oneDelivery(t *testing.T, url string, now time.Time) truce.Store {
	s, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	err = s.Update(t.Context(), func(tx truce.Tx) error {
		h := &truce.Webhook{ID: "wh_1", URL: url, Secret: "k", Events: truce.Events, To: truce.Mission, CreatedAt: now}
		if err := tx.InsertWebhook(h); err != nil {
			return err
		}
		return tx.InsertDelivery(&truce.Delivery{ID: "dl_1", Webhook: "wh_1", Notification: "nt_1", Event: "status",
			URL: url, Body: []byte(`{"delivery":"dl_1"}`), State: truce.DeliveryPending, NextAt: now, CreatedAt: now})
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func delivery(t *testing.T, s truce.Store) *truce.Delivery {
	var d *truce.Delivery
	err := s.View(context.Background(), func(tx truce.Tx) error {
		var err error
		d, err = tx.Delivery("dl_1")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestReceiverLimits: the receiver's time is limited, its answer is read
// only so far, redirects are not followed, and a deleted webhook's
// deliveries stop.
func TestReceiverLimits(t *testing.T) {
	now := time.Date(2025, 8, 25, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		handler   http.HandlerFunc
		state     truce.DeliveryState
		status    int
		errSubstr string
	}{
		{"endless answer, read in part", func(w http.ResponseWriter, r *http.Request) {
			chunk := []byte(strings.Repeat("x", 32<<10))
			for i := 0; i < 1<<15; i++ { // 1 GiB unless the reader stops
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}, truce.DeliveryDelivered, 200, ""},
		{"slow receiver", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(600 * time.Millisecond):
			case <-r.Context().Done():
			}
		}, truce.DeliveryPending, 0, "Timeout"},
		{"redirect not followed", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/elsewhere", http.StatusFound)
		}, truce.DeliveryPending, 302, "answered 302"},
		{"server error", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
		}, truce.DeliveryPending, 503, "answered 503"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			s := oneDelivery(t, srv.URL, now)
			w := &notify.Worker{Store: s, Clock: truce.NewFixedClock(now), MaxResponse: 1 << 10,
				Client: &http.Client{Timeout: 200 * time.Millisecond, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
			start := time.Now()
			if _, err := w.RunOnce(t.Context()); err != nil {
				t.Fatal(err)
			}
			if el := time.Since(start); el > 5*time.Second {
				t.Errorf("the round took %v", el)
			}
			d := delivery(t, s)
			if d.State != tt.state || d.LastStatus != tt.status || d.Attempts != 1 || !strings.Contains(d.LastError, tt.errSubstr) {
				t.Errorf("delivery %+v, want state %s, status %d, an error with %q", d, tt.state, tt.status, tt.errSubstr)
			}
			if tt.state == truce.DeliveryPending && !d.NextAt.After(now) {
				t.Errorf("a failed delivery is due again at once (%v)", d.NextAt)
			}
		})
	}
}

func TestDeletedWebhook(t *testing.T) {
	now := time.Date(2025, 8, 25, 9, 0, 0, 0, time.UTC)
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { calls++ }))
	defer srv.Close()
	s := oneDelivery(t, srv.URL, now)
	if err := s.Update(t.Context(), func(tx truce.Tx) error { return tx.DeleteWebhook("wh_1", now) }); err != nil {
		t.Fatal(err)
	}
	w := &notify.Worker{Store: s, Clock: truce.NewFixedClock(now)}
	if res, err := w.RunOnce(t.Context()); err != nil || res != (notify.Result{}) || calls != 0 {
		t.Errorf("RunOnce = %+v, %v with %d calls; want nothing sent", res, err, calls)
	}
	if d := delivery(t, s); d.State != truce.DeliveryCancelled {
		t.Errorf("state %s, want cancelled", d.State)
	}
}

// TestStartStop: the loop delivers without being driven and stops when
// asked.
func TestStartStop(t *testing.T) {
	now := time.Date(2025, 8, 25, 9, 0, 0, 0, time.UTC)
	got := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- r.Header.Get(notify.HeaderDelivery)
	}))
	defer srv.Close()
	s := oneDelivery(t, srv.URL, now)
	stop := (&notify.Worker{Store: s, Clock: truce.NewFixedClock(now)}).Start(t.Context(), 10*time.Millisecond)
	select {
	case id := <-got:
		if id != "dl_1" {
			t.Errorf("delivery header %q", id)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the loop sent nothing")
	}
	for i := 0; i < 500 && delivery(t, s).State != truce.DeliveryDelivered; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if d := delivery(t, s); d.State != truce.DeliveryDelivered {
		t.Errorf("state %s, want delivered", d.State)
	}
	stopped := make(chan struct{})
	go func() { stop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("the loop did not stop")
	}
}
