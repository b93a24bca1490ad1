// Package notify delivers webhook notifications from the outbox. The
// services write each delivery into the store in the transaction of the
// act it tells of; a Worker sends the due ones as signed JSON POSTs and
// retries failures with exponential backoff and jitter until the receiver
// answers 2xx. Because the outbox is in the store, deliveries survive a
// restart. Delivery is at least once: a receiver that deduplicates by the
// X-Truce-Delivery id sees every notification exactly once.
package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/truce-monitor/truce"
)

// Defaults of a Worker.
const (
	DefaultTimeout     = 10 * time.Second // the receiver's time to answer
	DefaultBaseDelay   = 10 * time.Second // the first retry's delay
	DefaultMaxDelay    = time.Hour        // the longest delay between attempts
	DefaultBatch       = 32               // deliveries claimed per round
	DefaultParallel    = 4                // deliveries sent at once
	DefaultMaxResponse = 64 << 10         // bytes of an answer read back
)

// The headers of a delivery.
const (
	HeaderSignature = "X-Truce-Signature" // "sha256=" + hex HMAC-SHA256 of the body with the secret
	HeaderDelivery  = "X-Truce-Delivery"  // the delivery id: the key to deduplicate on
	HeaderEvent     = "X-Truce-Event"     // the notification's event
)

// Sign returns the X-Truce-Signature value of body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether sig is the signature of body under secret,
// comparing in constant time. Receivers (and tests) use it.
func Verify(secret string, body []byte, sig string) bool {
	return hmac.Equal([]byte(sig), []byte(Sign(secret, body)))
}

// Worker sends due deliveries. Zero fields take the defaults above. It is
// safe to run RunOnce from several goroutines or processes at once: a
// round claims its deliveries in the store (a lease on NextAt) before
// sending them.
type Worker struct {
	Store truce.Store
	Clock truce.Clock
	// Log, when set, records each delivery that succeeded as the act
	// "delivery": proof that the receiver took the notification.
	Log    truce.Recorder
	Client *http.Client // default: DefaultTimeout, no redirects followed
	Logger *slog.Logger

	BaseDelay, MaxDelay time.Duration
	// Lease is how long a claimed delivery is held by the round sending
	// it before another round may try it again (after a crash); default
	// the client's timeout plus 30 s.
	Lease       time.Duration
	Batch       int
	Parallel    int
	MaxResponse int64
	// Jitter returns a number in [0, 1); default math/rand/v2.
	Jitter func() float64

	once   sync.Once
	client *http.Client
}

// Result counts what a round did.
type Result struct {
	Delivered int // answered 2xx
	Failed    int // to be retried
}

func (w *Worker) init() {
	w.once.Do(func() {
		w.client = w.Client
		if w.client == nil {
			w.client = &http.Client{Timeout: DefaultTimeout, CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse
			}}
		}
		if w.BaseDelay <= 0 {
			w.BaseDelay = DefaultBaseDelay
		}
		if w.MaxDelay <= 0 {
			w.MaxDelay = DefaultMaxDelay
		}
		if w.Lease <= 0 {
			w.Lease = w.client.Timeout + 30*time.Second
			if w.client.Timeout <= 0 {
				w.Lease = DefaultTimeout + 30*time.Second
			}
		}
		if w.Batch <= 0 {
			w.Batch = DefaultBatch
		}
		if w.Parallel <= 0 {
			w.Parallel = DefaultParallel
		}
		if w.MaxResponse <= 0 {
			w.MaxResponse = DefaultMaxResponse
		}
		if w.Jitter == nil {
			w.Jitter = rand.Float64
		}
		if w.Logger == nil {
			w.Logger = slog.New(slog.DiscardHandler)
		}
	})
}

// Backoff returns the delay before the attempt after the n-th failed one:
// BaseDelay doubled for each earlier failure, at most MaxDelay, of which
// a random half is taken off ("equal jitter"), so that receivers coming
// back are not met by every retry at once.
func (w *Worker) Backoff(n int) time.Duration {
	w.init()
	d := w.BaseDelay
	for i := 1; i < n && d < w.MaxDelay; i++ {
		d *= 2
	}
	d = min(d, w.MaxDelay)
	return d/2 + time.Duration(w.Jitter()*float64(d/2))
}

// RunOnce sends the deliveries due now (up to Batch) and records each
// outcome. It returns what it did; an error only when the store fails.
func (w *Worker) RunOnce(ctx context.Context) (Result, error) {
	w.init()
	jobs, err := w.claim(ctx)
	if err != nil || len(jobs) == 0 {
		return Result{}, err
	}
	outcomes := make([]outcome, len(jobs))
	sem := make(chan struct{}, w.Parallel)
	var wg sync.WaitGroup
	for i := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			outcomes[i] = w.send(ctx, jobs[i])
			<-sem
		}()
	}
	wg.Wait()
	var res Result
	var errs []error
	for i := range jobs {
		ok, err := w.record(ctx, jobs[i], outcomes[i])
		switch {
		case err != nil:
			errs = append(errs, err)
		case ok:
			res.Delivered++
		default:
			res.Failed++
		}
	}
	return res, errors.Join(errs...)
}

// job is a claimed delivery with the secret to sign it.
type job struct {
	d      *truce.Delivery
	secret string
}

// claim takes the due deliveries in one transaction, moving their NextAt
// past the lease so that no other round takes them meanwhile.
func (w *Worker) claim(ctx context.Context) ([]job, error) {
	var jobs []job
	err := w.Store.Update(ctx, func(tx truce.Tx) error {
		jobs = nil
		now := w.Clock.Now()
		due, err := tx.DueDeliveries(now, w.Batch)
		if err != nil {
			return err
		}
		for _, d := range due {
			h, err := tx.Webhook(d.Webhook)
			if err != nil {
				return err
			}
			if h.DeletedAt != nil {
				d.State = truce.DeliveryCancelled
			} else {
				d.NextAt = now.Add(w.Lease)
				jobs = append(jobs, job{d: d, secret: h.Secret})
			}
			if err := tx.UpdateDelivery(d); err != nil {
				return err
			}
		}
		return nil
	})
	return jobs, err
}

// outcome is what a receiver answered.
type outcome struct {
	status int
	err    error
}

func (o outcome) ok() bool { return o.err == nil && o.status >= 200 && o.status < 300 }

// send POSTs one delivery, reading back at most MaxResponse bytes.
func (w *Worker) send(ctx context.Context, j job) outcome {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, j.d.URL, bytes.NewReader(j.d.Body))
	if err != nil {
		return outcome{err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "truce-webhook/1")
	req.Header.Set(HeaderDelivery, j.d.ID)
	req.Header.Set(HeaderEvent, j.d.Event)
	req.Header.Set(HeaderSignature, Sign(j.secret, j.d.Body))
	resp, err := w.client.Do(req)
	if err != nil {
		return outcome{err: err}
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, w.MaxResponse))
	if err != nil && resp.StatusCode/100 != 2 {
		return outcome{status: resp.StatusCode, err: err}
	}
	return outcome{status: resp.StatusCode}
}

// DeliveryRecord is the logged record of a delivery the receiver took.
type DeliveryRecord struct {
	Delivery     string    `json:"delivery"`
	Notification string    `json:"notification"`
	Webhook      string    `json:"webhook"`
	Status       int       `json:"status"`
	Attempts     int       `json:"attempts"`
	At           time.Time `json:"at"`
}

// record stores the outcome of one attempt: delivered, or to be retried
// after the backoff. It reports whether the delivery succeeded.
func (w *Worker) record(ctx context.Context, j job, o outcome) (bool, error) {
	d := *j.d
	now := w.Clock.Now().Truncate(time.Microsecond) // as the store keeps it: the logged record can be checked
	d.Attempts++
	d.LastStatus = o.status
	d.LastError = ""
	logged := false
	err := w.Store.Update(ctx, func(tx truce.Tx) error {
		if o.ok() {
			d.State, d.DeliveredAt, d.NextAt = truce.DeliveryDelivered, &now, now
			if w.Log != nil {
				rec := DeliveryRecord{Delivery: d.ID, Notification: d.Notification, Webhook: d.Webhook, Status: o.status, Attempts: d.Attempts, At: now}
				if _, err := w.Log.Record(tx, truce.Act{Type: "delivery", ID: d.Notification, By: truce.System.ID, At: now, Record: rec}); err != nil {
					return err
				}
				logged = true
			}
		} else {
			d.LastError = describe(o)
			d.NextAt = now.Add(w.Backoff(d.Attempts))
		}
		return tx.UpdateDelivery(&d)
	})
	if err != nil {
		return false, err
	}
	if logged {
		w.Log.Committed()
	}
	if !o.ok() {
		w.Logger.Info("webhook delivery failed; will retry", "delivery", d.ID, "attempts", d.Attempts, "error", d.LastError, "next", d.NextAt)
	}
	return o.ok(), nil
}

// describe says in one line why an attempt failed.
func describe(o outcome) string {
	s := ""
	if o.status != 0 {
		s = fmt.Sprintf("answered %d %s", o.status, http.StatusText(o.status))
	}
	if o.err != nil {
		if s != "" {
			s += ": "
		}
		s += o.err.Error()
	}
	if len(s) > 500 {
		s = s[:500]
	}
	return s
}

// Run calls RunOnce every interval until ctx ends, logging store errors.
// After a round that found work it goes again at once, so a backlog
// drains without waiting for the ticks.
func (w *Worker) Run(ctx context.Context, interval time.Duration) {
	w.init()
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		res, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.Logger.Warn("webhook deliveries", "err", err)
		}
		if err == nil && res.Delivered+res.Failed > 0 {
			select {
			case <-ctx.Done():
				return
			default:
				continue
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Start runs the worker in a goroutine every interval and returns a
// function that stops it and waits for the round in flight.
func (w *Worker) Start(ctx context.Context, interval time.Duration) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, interval)
	}()
	return func() {
		cancel()
		<-done
	}
}
