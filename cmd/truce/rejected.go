package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/truce-monitor/truce"
)

func init() {
	register(&command{
		name:    "rejected",
		summary: "list, show and resubmit items that were rejected at intake",
		usage: `Usage: truce rejected (--data DIR | --db URL) [--all] [--limit N]
       truce rejected (--data DIR | --db URL) --show ID
       truce rejected (--data DIR | --db URL) --resubmit ID [--file FIXED]

Nothing a source sent is dropped: items that failed validation are kept with
their reasons and the bytes as sent. This lists those not yet resubmitted
(--all: every one), shows one with its bytes, or files one again, corrected
by FIXED (a JSON report, or a CSV header and row) or as first sent (useful
once an agreement or the gazetteer knows what was missing). The same is
available over HTTP: GET /api/v1/rejected, POST /api/v1/rejected/{id}/resubmit.

Examples:
  truce rejected --data ./truce-data
  truce rejected --data ./truce-data --show rj_01jq…
  truce rejected --data ./truce-data --resubmit rj_01jq… --file fixed.json`,
		run: runRejected,
	})
}

func runRejected(ctx context.Context, e *env, args []string) error {
	fs := commands["rejected"].flags(e)
	var sf storeFlags
	sf.register(fs)
	all := fs.Bool("all", false, "list resubmitted items too")
	limit := fs.Int("limit", 100, "list at most `N` items")
	show := fs.String("show", "", "show the rejected item `ID` with its bytes as sent")
	resubmit := fs.String("resubmit", "", "file the rejected item `ID` again")
	file := fs.String("file", "", "with --resubmit: the corrected item, from `FILE`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := sf.check(); err != nil {
		return err
	}
	rt, err := openRuntime(ctx, e, sf, truce.SystemClock{}, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	defer rt.Close()
	ctx = truce.WithPrincipal(ctx, truce.Principal{ID: "cli", Role: truce.RoleAdmin, Name: "truce rejected"})
	switch {
	case *show != "":
		return showRejected(ctx, e, rt, *show)
	case *resubmit != "":
		return resubmitRejected(ctx, e, rt, *resubmit, *file)
	}
	items, _, err := rt.app.RejectedItems(ctx, truce.RejectedFilter{Unresolved: !*all, Limit: *limit})
	if err != nil {
		return err
	}
	if len(items) == 0 {
		fmt.Fprintln(e.stdout, "No rejected items.")
	}
	for _, it := range items {
		state := "open"
		if it.ResolvedBy != "" {
			state = "resubmitted as " + it.ResolvedBy
		}
		fmt.Fprintf(e.stdout, "%s  %s  %s line %d  [%s]\n    %s\n", it.ID, it.ReceivedAt.Format("2006-01-02 15:04"),
			it.Channel, it.Line, state, strings.Join(it.Errors, "\n    "))
	}
	return nil
}

func showRejected(ctx context.Context, e *env, rt *runtime, id string) error {
	it, err := rt.app.RejectedItem(ctx, id)
	if err != nil {
		return err
	}
	b, _ := json.MarshalIndent(it, "", "  ")
	fmt.Fprintf(e.stdout, "%s\nAs sent:\n%s\n", b, it.Raw)
	return nil
}

func resubmitRejected(ctx context.Context, e *env, rt *runtime, id, file string) error {
	var fixed []byte
	if file != "" {
		var err error
		if fixed, err = os.ReadFile(file); err != nil {
			return truce.Errorf(truce.EINVALID, "cannot read %s: %v", file, err)
		}
	}
	res, err := rt.app.Resubmit(ctx, id, fixed)
	if err != nil {
		return err
	}
	if len(res.Rejected) > 0 {
		fmt.Fprintf(e.stdout, "still rejected: %s\n", strings.Join(res.Rejected[0].Errors, "; "))
		return exitError{2}
	}
	fmt.Fprintf(e.stdout, "accepted as report %s\n", res.Accepted[0].ID)
	return nil
}
