package httpapi_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/apptest"
	"github.com/truce-monitor/truce/internal/httpapi"
)

func TestHealthMetricsLimits(t *testing.T) {
	env := apptest.New(t, apptest.Backends(t)[0].Open(t), now)
	if status, out := env.Do("GET", "/healthz", "", "", nil); status != 200 || !strings.Contains(string(out), `"ok"`) {
		t.Errorf("healthz: %d %s", status, out)
	}
	tok := env.Token(truce.RoleMonitor, "")
	env.Do("POST", "/api/v1/reports", tok, "", []byte(mixedBatch[0].line))
	_, out := env.Do("GET", "/metrics", "", "", nil)
	for _, want := range []string{"truce_reports_accepted_total 1", `truce_http_requests_total{code="200",route="POST /api/v1/reports"} 1`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	big := bytes.Repeat([]byte(" "), httpapi.MaxBodyBytes+1)
	if status, out := env.Do("POST", "/api/v1/reports", tok, "", big); status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %d %s, want 413", status, out)
	}
	if status, _ := env.Do("POST", "/api/v1/reports", tok, "", nil); status != http.StatusBadRequest {
		t.Errorf("empty body: %d, want 400", status)
	}
	if status, _ := env.Do("GET", "/api/v1/reports", "Basic abc", "", nil); status != http.StatusUnauthorized {
		t.Errorf("bad token: %d, want 401", status)
	}
}

// TestGracefulShutdown checks that a request in flight when the server is
// told to stop is finished, and that the server then returns.
func TestGracefulShutdown(t *testing.T) {
	env := apptest.New(t, apptest.Backends(t)[0].Open(t), now)
	srv := &httpapi.Server{App: env.App}
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addrc <- a }) }()
	addr := <-addrc
	tok := env.Token(truce.RoleMonitor, "")
	// A slow upload: the body arrives after shutdown has begun.
	pr, pw := newSlowBody()
	req, _ := http.NewRequest("POST", "http://"+addr.String()+"/api/v1/reports", pr)
	req.Header.Set("Authorization", "Bearer "+tok)
	respc := make(chan int, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			respc <- -1
			return
		}
		resp.Body.Close()
		respc <- resp.StatusCode
	}()
	time.Sleep(100 * time.Millisecond)
	cancel()
	time.Sleep(100 * time.Millisecond)
	pw.Write([]byte(mixedBatch[1].line))
	pw.Close()
	if status := <-respc; status != http.StatusOK {
		t.Errorf("request in flight got %d, want 200", status)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("ListenAndServe: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop")
	}
}

type slowWriter struct{ ch chan []byte }

func (w slowWriter) Write(b []byte) (int, error) {
	w.ch <- append([]byte(nil), b...)
	return len(b), nil
}
func (w slowWriter) Close() { close(w.ch) }

type slowReader struct {
	ch  chan []byte
	buf []byte
}

func (r *slowReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		b, ok := <-r.ch
		if !ok {
			return 0, io.EOF
		}
		r.buf = b
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

func newSlowBody() (*slowReader, slowWriter) {
	ch := make(chan []byte, 1)
	return &slowReader{ch: ch}, slowWriter{ch: ch}
}
