package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/extract"
)

func init() {
	register(&command{
		name:    "extract",
		summary: "find strike reports in news text (en, uk, ru)",
		usage: `Usage: truce extract [--published TIME] [--source NAME] [--ref REF] FILE...
       truce extract --eval DIR

Reads news text (plain UTF-8; "-" is stdin) and prints the reports it
finds, one JSON object a line, in the report format: one report per place
per attack, each with the sentence(s) it rests on under evidence_text,
source.type news and the text's language. Relative dates ("this morning",
"overnight", "on Tuesday", "earlier") are resolved against --published
into honest windows in Kyiv time; a day alone ("2025-08-15") means the
text appeared some time that day. Without --published the current time is
used. Extra fields: claim/claimed_by when the act is a party's claim,
denied_by, and extract.rule (which rule produced the report).

--eval DIR scores the extractor on the labelled development articles of
a news corpus (shared/data/news): precision, recall and F1 of events, the
share of exact casualty figures, and every miss and false alarm.

Examples:
  truce extract --published 2025-08-15 ../shared/data/news/seed-alaska-summit.txt
  echo "A Russian drone hit a house in Kharkiv overnight, injuring two." | truce extract --published 2025-06-01T08:00:00+03:00 --source Reuters -
  truce extract --eval ../shared/data/news`,
		run: runExtract,
	})
}

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := commands["extract"].flags(e)
	published := fs.String("published", "", "publication `TIME` (RFC 3339, or a day 2006-01-02)")
	source := fs.String("source", "news", "source.name of the reports")
	ref := fs.String("ref", "", "source.ref of the reports (\"#n\" is appended); default: the file name")
	evalDir := fs.String("eval", "", "score the extractor on the labelled corpus in `DIR`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *evalDir != "" {
		arts, err := extract.LoadCorpus(*evalDir)
		if err != nil {
			return truce.Errorf(truce.EINVALID, "--eval %s: %v", *evalDir, err)
		}
		extract.Evaluate(extract.Default(), arts).WriteTable(e.stdout)
		return nil
	}
	if fs.NArg() == 0 {
		return usageError{"no FILE given (use - for stdin)"}
	}
	opts := extract.Options{Source: *source, Ref: *ref}
	if *published == "" {
		opts.Published = truce.SystemClock{}.Now()
	} else {
		t, dateOnly, err := extract.ParsePublished(*published)
		if err != nil {
			return usageError{"--published: " + truce.ErrorMessage(err)}
		}
		opts.Published, opts.DateOnly = t, dateOnly
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	for _, name := range fs.Args() {
		if err := extractFile(e, out, name, opts, *ref == ""); err != nil {
			return err
		}
	}
	return nil
}

// extractFile extracts the reports of one file and writes them as NDJSON.
func extractFile(e *env, w io.Writer, name string, o extract.Options, refFromName bool) error {
	var text []byte
	var err error
	if name == "-" {
		text, err = io.ReadAll(io.LimitReader(e.stdin, 64<<20))
	} else {
		text, err = os.ReadFile(name)
		if refFromName {
			o.Ref = filepath.Base(name)
		}
	}
	if err != nil {
		return truce.Errorf(truce.EINVALID, "%s: %v", name, err)
	}
	now := o.Published
	if o.DateOnly {
		now = now.Add(48 * time.Hour)
	}
	for _, r := range extract.Default().Extract(strings.ToValidUTF8(string(text), "\uFFFD"), o) {
		if errs := (truce.Validator{}).Validate(&r, now); len(errs) > 0 {
			return fmt.Errorf("%s: extracted report fails validation (a bug): %v", name, errs[0])
		}
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "%s\n", b); err != nil {
			return err
		}
	}
	return nil
}
