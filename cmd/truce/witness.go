package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/witness"
)

func init() {
	register(&command{
		name:    "witness",
		summary: "cosign a server's transparency log, refusing any log that was rolled back or forked",
		usage: `Usage: truce witness --server URL --log-key VKEY --data DIR [--name NAME] [--interval 10s] [--once]

A witness is a small service each party runs. Every interval it fetches the
log's checkpoint, checks the log's signature with VKEY and that the log only
grew since the checkpoint it last cosigned (kept in DIR), then cosigns it
(C2SP tlog-cosignature, Ed25519 cosignature/v1) and sends the cosignature to
the server, which serves it with the checkpoint. Clients that require the
witness's cosignature ("truce log verify --witness-key … --cosignatures N")
then cannot be shown a log the witness has not seen.

If the log was rolled back or forked (another checkpoint of a size it has
cosigned, or one that does not extend it), the witness refuses: it logs
the evidence, exits with status 1, and refuses again on every restart.

The witness's key is created in DIR on first start, named NAME (needed
then: a name unique to this witness, e.g. witness.party-a.example). Give
the verifier key it prints ("truce witness key --data DIR") to the log's
operator and to the clients.

Examples:
  truce witness --server https://truce.example.org --log-key "$(cat log.vkey)" --data /var/lib/truce-witness --name witness.party-a.example
  truce witness --server http://127.0.0.1:8080 --log-key "$VKEY" --data ./w --once`,
		run: runWitness,
	})
	register(&command{
		name:    "witness key",
		summary: "print (creating it with --name) a witness's verifier key",
		usage: `Usage: truce witness key --data DIR [--name NAME]

Prints the verifier key of the witness whose key is kept in DIR, one line:
the key the log's operator configures and clients pass as --witness-key.
With --name, creates the key first if DIR has none. The signing key itself
is never printed.

Examples:
  truce witness key --data /var/lib/truce-witness --name witness.party-a.example
  truce witness key --data /var/lib/truce-witness`,
		run: runWitnessKey,
	})
}

func runWitness(ctx context.Context, e *env, args []string) error {
	c := commands["witness"]
	fsys := c.flags(e)
	server := fsys.String("server", "", "base `URL` of the Truce server")
	logKey := fsys.String("log-key", "", "the log's note verifier `key`")
	data := fsys.String("data", "", "`DIR` for the witness's key and state")
	name := fsys.String("name", "", "the witness's `name`, when its key is created")
	interval := fsys.Duration("interval", 10*time.Second, "time between two rounds")
	once := fsys.Bool("once", false, "run one round and exit")
	if err := parse(fsys, args); err != nil {
		return err
	}
	switch {
	case fsys.NArg() > 0:
		return usageError{fmt.Sprintf("unexpected argument %q", fsys.Arg(0))}
	case *server == "" || *logKey == "" || *data == "":
		return usageError{"--server, --log-key and --data are required"}
	case *interval <= 0:
		return usageError{"--interval must be positive"}
	}
	cs, vkey, err := witnessKey(*data, *name)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	w, err := witness.New(witness.Config{Server: *server, LogKey: *logKey, DataDir: *data, Cosigner: cs, Clock: truce.SystemClock{}, Logger: logger})
	if err != nil {
		return usageError{err.Error()}
	}
	if *once {
		r, err := w.Step(ctx)
		if err != nil {
			return err
		}
		if r.Cosigned {
			fmt.Fprintf(e.stdout, "cosigned the checkpoint of size %d\n", r.Size)
		} else {
			fmt.Fprintf(e.stdout, "the checkpoint of size %d carries this witness's cosignature already\n", r.Size)
		}
		return nil
	}
	logger.Info("witness running", "server", *server, "witness_key", vkey, "interval", *interval)
	return w.Run(ctx, *interval)
}

// witnessKey loads the witness key in data, creating it when name is set.
func witnessKey(data, name string) (*witness.Cosigner, string, error) {
	skey, vkey, err := witness.ReadKey(data)
	if errors.Is(err, fs.ErrNotExist) {
		if name == "" {
			return nil, "", usageError{fmt.Sprintf("%s has no witness key yet: give --name to create one", data)}
		}
		skey, vkey, err = witness.LoadOrCreateKey(data, name)
	}
	if err != nil {
		return nil, "", err
	}
	cs, err := witness.NewCosigner(skey)
	if err != nil {
		return nil, "", err
	}
	if name != "" && name != cs.Name() {
		return nil, "", usageError{fmt.Sprintf("the witness key in %s is named %q, not %q", data, cs.Name(), name)}
	}
	return cs, vkey, nil
}

func runWitnessKey(ctx context.Context, e *env, args []string) error {
	c := commands["witness key"]
	fsys := c.flags(e)
	data := fsys.String("data", "", "the witness's data `DIR`")
	name := fsys.String("name", "", "create the key with this `name` if there is none")
	if err := parse(fsys, args); err != nil {
		return err
	}
	if fsys.NArg() > 0 || *data == "" {
		return usageError{"--data DIR is required, and nothing else"}
	}
	_, vkey, err := witnessKey(*data, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, vkey)
	return nil
}
