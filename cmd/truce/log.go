package main

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/truce-monitor/truce/internal/logverify"
	"github.com/truce-monitor/truce/internal/translog"
)

func init() {
	register(&command{
		name:    "log verify",
		summary: "verify a server's transparency log: signature, consistency, inclusion, audit",
		usage: `Usage: truce log verify --server URL --key VKEY [--state FILE] [--entry N] [--audit]
                        [--witness-key WKEY]... [--cosignatures N]

Fetches the log's signed checkpoint from URL/log/checkpoint and checks,
with code independent of the server's:
  - its signature, against VKEY (get it from a source you trust, not from
    the server you are checking);
  - with --witness-key and --cosignatures N, that N of the given witnesses
    cosigned it;
  - with --state, that it is consistent with the checkpoint saved in FILE
    by the last run (the log only grew: no entry was changed, dropped or
    reordered, the log was not rolled back or forked); FILE is then updated;
  - with --entry N, that entry N is in the log (its leaf hash and inclusion
    proof, built from the log's tiles), and prints it;
  - with --audit, every entry and every tile: each leaf is recomputed from
    its entry, each tile from the tiles below it, and the root from the
    tiles must be the signed one.
The exit status is 0 only when every check passed, 1 otherwise.

Examples:
  truce log verify --server https://truce.example.org --key "$(cat log.vkey)" --state ~/.truce-log
  truce log verify --server http://127.0.0.1:8080 --key truce.example/log+1a2b3c4d+AV… --entry 17
  truce log verify --server https://truce.example.org --key "$VKEY" --audit \
      --witness-key "$PARTY_A_WITNESS" --witness-key "$PARTY_B_WITNESS" --cosignatures 2`,
		run: runLogVerify,
	})
	register(&command{
		name:    "log key",
		summary: "print the transparency log's verifier key (public)",
		usage: `Usage: truce log key --data DIR

Prints the note verifier key of the log whose signing key the server keeps
in DIR (or of the signing key in TRUCE_LOG_KEY), one line. This is the
public key to hand to the parties and anyone who runs "truce log verify".
The signing key itself is never printed.

Examples:
  truce log key --data /var/lib/truce > log.vkey
  TRUCE_LOG_KEY=PRIVATE+KEY+… truce log key`,
		run: runLogKey,
	})
}

func runLogVerify(ctx context.Context, e *env, args []string) error {
	c := commands["log verify"]
	fs := c.flags(e)
	server := fs.String("server", "", "base `URL` of the Truce server")
	key := fs.String("key", "", "the log's note verifier `key`")
	state := fs.String("state", "", "`file` keeping the last checkpoint seen (created if missing)")
	entry := fs.Int64("entry", -1, "prove entry `N` included and print it")
	audit := fs.Bool("audit", false, "download and check every entry and tile")
	var wkeys multiFlag
	fs.Var(&wkeys, "witness-key", "a witness's verifier `key` (repeat for several)")
	quorum := fs.Int("cosignatures", 0, "how many of the witnesses must have cosigned (`N`)")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	case *server == "" || *key == "":
		return usageError{"--server and --key are required"}
	case *quorum > len(wkeys):
		return usageError{fmt.Sprintf("--cosignatures %d needs at least %d --witness-key", *quorum, *quorum)}
	}
	client, err := logverify.New(logverify.Config{Server: *server, Key: *key, WitnessKeys: wkeys, Cosignatures: *quorum})
	if err != nil {
		return usageError{err.Error()}
	}
	res, err := client.Verify(ctx, logverify.Options{StatePath: *state, Entry: *entry, Audit: *audit})
	if res != nil && res.Checkpoint != nil {
		printCheckpoint(e, res.Checkpoint, *quorum)
	}
	if err != nil {
		return err
	}
	if *state != "" {
		if res.Saved == nil {
			fmt.Fprintf(e.stdout, "state: no checkpoint saved before; saved this one in %s\n", *state)
		} else {
			fmt.Fprintf(e.stdout, "consistent with the saved checkpoint of size %d; saved this one in %s\n", res.Saved.Size, *state)
		}
	}
	if *entry >= 0 {
		fmt.Fprintf(e.stdout, "entry %d is included: %s\n", *entry, res.Entry)
	}
	if res.Audited {
		fmt.Fprintf(e.stdout, "audit: all %d entries and every tile recomputed; the root matches\n", res.Checkpoint.Size)
	}
	fmt.Fprintln(e.stdout, "ok")
	return nil
}

func printCheckpoint(e *env, cp *logverify.Checkpoint, quorum int) {
	fmt.Fprintf(e.stdout, "log %s: checkpoint of size %d, root %s, signature ok\n", cp.Origin, cp.Size, base64.StdEncoding.EncodeToString(cp.Root[:]))
	if quorum > 0 && len(cp.Cosigners) >= quorum {
		fmt.Fprintf(e.stdout, "cosigned by %s (%d required)\n", strings.Join(cp.Cosigners, ", "), quorum)
	}
}

func runLogKey(ctx context.Context, e *env, args []string) error {
	c := commands["log key"]
	fsys := c.flags(e)
	data := fsys.String("data", "", "the server's data `DIR`")
	if err := parse(fsys, args); err != nil {
		return err
	}
	if fsys.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fsys.Arg(0))}
	}
	if k := e.getenv("TRUCE_LOG_KEY"); k != "" && *data == "" {
		vkey, err := translog.PublicKey(k)
		if err != nil {
			return fmt.Errorf("TRUCE_LOG_KEY: %w", err)
		}
		fmt.Fprintln(e.stdout, vkey)
		return nil
	}
	if *data == "" {
		return usageError{"--data DIR is required (or set TRUCE_LOG_KEY)"}
	}
	_, vkey, err := translog.ReadKey(*data)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no log key in %s yet: the server creates it on its first start (truce serve --data %s)", *data, *data)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, vkey)
	return nil
}
