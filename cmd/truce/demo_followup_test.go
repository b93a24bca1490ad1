package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/truce-monitor/truce"
)

// demoRuntime loads the demo into dir as `truce demo` does, up to serving.
func demoRuntime(t *testing.T, dir string) (*runtime, string) {
	var out, errs bytes.Buffer
	e := &env{stdout: &out, stderr: &errs, stdin: strings.NewReader(""), getenv: func(string) string { return "" }}
	ctx := context.Background()
	clock := &replayClock{}
	rt, err := openRuntime(ctx, e, storeFlags{data: dir}, clock, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := rewindForReplay(ctx, rt, clock); err != nil {
		t.Fatal(err)
	}
	if err := loadTemplates(ctx, e, rt); err != nil {
		t.Fatal(err)
	}
	if err := loadDemo(ctx, e, rt); err != nil {
		t.Fatal(err)
	}
	failed, err := playFollowup(ctx, e, rt, clock)
	if err != nil || failed != 0 {
		t.Fatalf("follow-up: %d steps failed, %v: %s", failed, err, errs.String())
	}
	return rt, out.String()
}

// TestDemoFollowup checks the replayed follow-up as the server shows it on
// the real clock: each scripted incident's status and where each party's
// reply stands, what the public sees, and that a second start on the same
// data plays nothing again.
func TestDemoFollowup(t *testing.T) {
	dir := t.TempDir()
	rt, out := demoRuntime(t, dir)
	if !strings.Contains(out, "1 answered late, 1 missed (no reply), 1 still open") {
		t.Errorf("summary: %s", out)
	}
	incidents, err := demoIncidents(context.Background(), rt)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		event  string
		status truce.Status
		reply  truce.ReplyState // of the one finding; "" for none
		public bool
	}{
		{"kupiansk-0819-kab", truce.StatusPublished, truce.ReplyMissed, true},
		{"dnipro-0828-iskander", truce.StatusPublished, truce.ReplyAnswered, true},
		{"engels-0901-airbase", truce.StatusPublished, truce.ReplyAnswered, true},
		{"bryansk-0907-plant", truce.StatusPublished, truce.ReplyAnswered, true},
		{"kharkiv-0903-kab", truce.StatusVerified, truce.ReplyLate, false},
		{"sumy-0906-drone", truce.StatusVerified, truce.ReplyAnswered, false},
		{"burshtyn-0910-tpp", truce.StatusVerified, truce.ReplyOpen, false},
		{"kurchatov-0820-npp", truce.StatusUnverified, "", false},
		{"enerhodar-0820-znpp", truce.StatusUnderReview, "", false},
	}
	positions := map[truce.Position]bool{}
	public := truce.WithPrincipal(context.Background(), truce.Public)
	for _, tt := range tests {
		v, err := rt.app.Incident(public, incidents[tt.event])
		if (err == nil) != tt.public {
			t.Errorf("%s: the public sees it: %v, want %v", tt.event, err == nil, tt.public)
		}
		v, err = rt.app.Incident(truce.WithPrincipal(context.Background(), demoAdmin), incidents[tt.event])
		if err != nil {
			t.Fatal(err)
		}
		var states []truce.ReplyState
		for _, f := range v.Findings {
			states = append(states, f.Reply)
		}
		if v.Status != tt.status || (tt.reply == "" && len(states) != 0) || (tt.reply != "" && (len(states) != 1 || states[0] != tt.reply)) {
			t.Errorf("%s: status %s, findings %v; want %s, %q", tt.event, v.Status, states, tt.status, tt.reply)
		}
		for _, r := range v.Responses {
			positions[r.Position] = true
		}
	}
	if len(positions) != 3 {
		t.Errorf("replies take positions %v, want accept, deny and contest", positions)
	}
	var logSize int64
	rt.store.View(context.Background(), func(tx truce.Tx) error { logSize, _ = tx.LogSize(); return nil })
	rt.Close()

	rt, out = demoRuntime(t, dir)
	defer rt.Close()
	var again int64
	rt.store.View(context.Background(), func(tx truce.Tx) error { again, _ = tx.LogSize(); return nil })
	if again != logSize || strings.Contains(out, "Replayed") {
		t.Errorf("a second start on the same data grew the log from %d to %d entries: %s", logSize, again, out)
	}
}
