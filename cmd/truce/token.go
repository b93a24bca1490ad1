package main

import (
	"context"
	"fmt"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/auth"
)

func init() {
	register(&command{
		name:    "token create",
		summary: "create an API token for a role",
		usage: `Usage: truce token create (--data DIR | --db URL) --role ROLE [--party CODE] [--name NAME]

Creates an API token and prints it alone on the last line of stdout. Only
its SHA-256 is stored: keep the token, it cannot be shown again.
Roles: admin, monitor, analyst, party (needs --party), viewer.

Examples:
  truce token create --data ./truce-data --role monitor --name "Patrol 14"
  truce token create --data ./truce-data --role party --party UA --name "UA liaison"
  TOKEN=$(truce token create --data ./truce-data --role admin | tail -n 1)`,
		run: runTokenCreate,
	})
}

func runTokenCreate(ctx context.Context, e *env, args []string) error {
	fs := commands["token create"].flags(e)
	var sf storeFlags
	sf.register(fs)
	role := fs.String("role", "", "`ROLE`: admin, monitor, analyst, party or viewer")
	party := fs.String("party", "", "party `CODE` for role party (e.g. UA)")
	name := fs.String("name", "", "a `NAME` for people (who holds it)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := sf.check(); err != nil {
		return err
	}
	if *role == "" {
		return usageError{"give --role (admin, monitor, analyst, party or viewer)"}
	}
	store, err := openStore(ctx, sf)
	if err != nil {
		return err
	}
	defer store.Close()
	t, secret, err := auth.Create(ctx, store, truce.SystemClock{}, truce.Role(*role), *party, *name)
	if err != nil {
		return err
	}
	desc := string(t.Role)
	if t.Party != "" {
		desc += " of party " + t.Party
	}
	fmt.Fprintf(e.stdout, "Created token %s (%s). Keep it: it is not stored and cannot be shown again.\n%s\n", t.ID, desc, secret)
	return nil
}
