package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/agreement"
	"github.com/truce-monitor/truce/internal/auth"
	"github.com/truce-monitor/truce/internal/demo"
	"github.com/truce-monitor/truce/internal/intake"
)

func init() {
	register(&command{
		name:    "demo",
		summary: "a working instance with realistic data, in one command",
		usage: `Usage: truce demo [--addr 127.0.0.1:8080] [--data DIR]

Starts Truce on embedded SQLite in DIR (a fresh temporary folder when
omitted), loads the agreement templates and a scenario of a few hundred
realistic reports through the same path real reports take, prints the
address and one API token per role, then serves until interrupted.

Examples:
  truce demo
  truce demo --addr 127.0.0.1:9090 --data ./demo-data`,
		run: runDemo,
	})
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := commands["demo"].flags(e)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	data := fs.String("data", "", "data `DIR` (default: a fresh temporary folder)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *data == "" {
		dir, err := os.MkdirTemp("", "truce-demo-")
		if err != nil {
			return err
		}
		*data = dir
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	clock := &replayClock{}
	rt, err := openRuntime(ctx, e, storeFlags{data: *data}, clock, logger)
	if err != nil {
		return err
	}
	defer rt.Close()
	fmt.Fprintf(e.stdout, "Truce demo: data in %s\n", *data)
	if err := rewindForReplay(ctx, rt, clock); err != nil {
		return err
	}
	if err := loadTemplates(ctx, e, rt); err != nil {
		return err
	}
	if err := loadDemo(ctx, e, rt); err != nil {
		return err
	}
	if _, err := playFollowup(ctx, e, rt, clock); err != nil {
		return err
	}
	defer rt.startNotifier(ctx, logger)()
	tokens, err := demoTokens(ctx, rt)
	if err != nil {
		return err
	}
	srv := rt.server(logger)
	return srv.ListenAndServe(ctx, *addr, func(a net.Addr) {
		fmt.Fprintf(e.stdout, "\nOpen http://%s/\n\nAPI tokens (send as \"Authorization: Bearer TOKEN\"):\n", a)
		for _, t := range tokens {
			fmt.Fprintf(e.stdout, "  %-10s %s\n", t[0], t[1])
		}
		fmt.Fprintf(e.stdout, "\nThe log's verifier key: %s\nPress Ctrl-C to stop.\n", rt.vkey)
	})
}

// loadDemo files the scenario through the intake path.
func loadDemo(ctx context.Context, e *env, rt *runtime) error {
	start := time.Now()
	var items []intake.Item
	err := intake.Decode(bytes.NewReader(demo.Scenario()), intake.NDJSON, func(it intake.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		return err
	}
	ctx = truce.WithPrincipal(ctx, truce.Principal{ID: "demo", Role: truce.RoleAdmin, Name: "demo loader"})
	res, err := rt.app.Submit(ctx, "demo scenario", items)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Loaded %d reports (%d rejected) in %s.\n", len(res.Accepted), len(res.Rejected), time.Since(start).Round(time.Millisecond))
	for _, rj := range res.Rejected {
		fmt.Fprintf(e.stderr, "demo scenario line %d: %v\n", rj.Line, rj.Errors)
	}
	return nil
}

// demoParams are the parameters the demo gives the templates that take
// them: the air-sea truce runs over the scenario; the 30-day ceasefire is
// dated to its proposal of 2025-03-11.
var demoParams = map[string]map[string]string{
	demo.TruceAgreement:  {"start": demo.TruceStart, "days": strconv.Itoa(demo.TruceDays)},
	"full-ceasefire-30d": {"start": "2025-03-12T00:00:00+02:00"},
}

// loadTemplates loads every shipped agreement template.
func loadTemplates(ctx context.Context, e *env, rt *runtime) error {
	ctx = truce.WithPrincipal(ctx, truce.Principal{ID: "demo", Role: truce.RoleAdmin, Name: "demo loader"})
	for _, t := range agreement.Templates() {
		res, err := rt.app.LoadAgreement(ctx, t.Source, demoParams[t.ID], agreement.ParseOptions{})
		if err != nil {
			return fmt.Errorf("template %s: %w", t.ID, err)
		}
		fmt.Fprintf(e.stdout, "Loaded agreement %s v%d: %s\n", t.ID, res.Agreement.Version, t.Title.En)
	}
	return nil
}

// demoTokens creates one token per role.
func demoTokens(ctx context.Context, rt *runtime) ([][2]string, error) {
	specs := []struct {
		role  truce.Role
		party string
		label string
	}{
		{truce.RoleAdmin, "", "admin"}, {truce.RoleMonitor, "", "monitor"}, {truce.RoleAnalyst, "", "analyst"},
		{truce.RoleParty, "UA", "party UA"}, {truce.RoleParty, "RU", "party RU"}, {truce.RoleViewer, "", "viewer"},
	}
	var out [][2]string
	for _, s := range specs {
		_, secret, err := auth.Create(ctx, rt.store, truce.SystemClock{}, s.role, s.party, "demo "+s.label)
		if err != nil {
			return nil, err
		}
		out = append(out, [2]string{s.label, secret})
	}
	return out, nil
}
