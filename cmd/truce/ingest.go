package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/intake"
)

func init() {
	register(&command{
		name:    "ingest",
		summary: "send reports from files (JSON, NDJSON, CSV) to a server or a data dir",
		usage: `Usage: truce ingest (--server URL --token T | --data DIR [--db URL]) FILE...

Sends reports: a JSON object, a JSON array, NDJSON (one object a line), or
CSV with a header row naming fields with dots (location.place,
casualties.killed, weapons as "class;class" or weapons[0].class). "-" reads
standard input. Prints a summary and, for each rejected item, its line or
row and the reasons; rejected items are kept on the server for fixing
('truce rejected'). Re-running the same file adds nothing: reports with a
source.ref are recognised. Exit status 2 when some items were rejected.

Examples:
  truce ingest --data ./truce-data reports.ndjson
  truce ingest --server http://127.0.0.1:8080 --token $TOKEN tallies.csv
  cat report.json | truce ingest --server https://truce.example --token $TOKEN -`,
		run: runIngest,
	})
}

// ingestSummary counts what happened to a file's items.
type ingestSummary struct {
	accepted, duplicates, rejected int
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := commands["ingest"].flags(e)
	var sf storeFlags
	sf.register(fs)
	server := fs.String("server", "", "server `URL` to send to")
	token := fs.String("token", "", "API `TOKEN` (or set TRUCE_TOKEN)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"name at least one FILE (or - for standard input)"}
	}
	if *token == "" {
		*token = e.getenv("TRUCE_TOKEN")
	}
	var send sender
	switch {
	case *server != "" && (sf.data != "" || sf.db != ""):
		return usageError{"give either --server or --data/--db, not both"}
	case *server != "":
		if *token == "" {
			return usageError{"--server needs --token (or TRUCE_TOKEN)"}
		}
		send = &httpSender{base: *server, token: *token}
	default:
		if err := sf.check(); err != nil {
			return usageError{"give --server URL --token T, or --data DIR"}
		}
		rt, err := openRuntime(ctx, e, sf, truce.SystemClock{}, slog.New(slog.DiscardHandler))
		if err != nil {
			return err
		}
		defer rt.Close()
		send = &localSender{app: rt.app}
	}
	return ingestFiles(ctx, e, send, fs.Args())
}

// sender files a chunk of items and answers as the API does.
type sender interface {
	send(ctx context.Context, name string, f intake.Format, items []intake.Item) (*app.SubmitResult, error)
}

// localSender files straight into a data dir, as the command-line user.
type localSender struct{ app *app.App }

func (s *localSender) send(ctx context.Context, name string, _ intake.Format, items []intake.Item) (*app.SubmitResult, error) {
	ctx = truce.WithPrincipal(ctx, truce.Principal{ID: "cli", Role: truce.RoleAdmin, Name: "truce ingest"})
	return s.app.Submit(ctx, name, items)
}

func ingestFiles(ctx context.Context, e *env, send sender, files []string) error {
	total := ingestSummary{}
	for _, name := range files {
		sum, err := ingestFile(ctx, e, send, name)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: %d accepted (%d new, %d already filed), %d rejected\n",
			displayName(name), sum.accepted, sum.accepted-sum.duplicates, sum.duplicates, sum.rejected)
		total.rejected += sum.rejected
	}
	if total.rejected > 0 {
		return exitError{2}
	}
	return nil
}

func displayName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}

// ingestFile reads one file in chunks and sends each chunk.
func ingestFile(ctx context.Context, e *env, send sender, name string) (ingestSummary, error) {
	var r io.Reader = e.stdin
	var size int64 = -1
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return ingestSummary{}, truce.Errorf(truce.EINVALID, "cannot read %s: %v", name, err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			size = st.Size()
		}
		r = f
	}
	prog := newProgress(e.stderr, size)
	cr := &countingReader{r: r}
	format := intake.FormatOf(name)
	var sum ingestSummary
	var chunk []intake.Item
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		res, err := send.send(ctx, displayName(name), format, chunk)
		if err != nil {
			return err
		}
		report(e, name, chunk, res, &sum)
		chunk = chunk[:0]
		prog.update(cr.n, sum.accepted+sum.rejected)
		return nil
	}
	err := intake.Decode(cr, format, func(it intake.Item) error {
		chunk = append(chunk, it)
		if len(chunk) >= app.ChunkSize {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	prog.done()
	return sum, err
}

// report prints the rejected items of a chunk and counts its results.
func report(e *env, name string, chunk []intake.Item, res *app.SubmitResult, sum *ingestSummary) {
	for _, a := range res.Accepted {
		sum.accepted++
		if a.Duplicate {
			sum.duplicates++
		}
	}
	for _, rj := range res.Rejected {
		sum.rejected++
		line := rj.Line
		if rj.Index >= 0 && rj.Index < len(chunk) {
			line = chunk[rj.Index].Line // the answer counts lines within the chunk
		}
		fmt.Fprintf(e.stdout, "%s: line %d: %s\n", displayName(name), line, strings.Join(rj.Errors, "; "))
	}
}

// countingReader counts the bytes read, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
