package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/agreement"
	"github.com/truce-monitor/truce/internal/fusion"
	"github.com/truce-monitor/truce/internal/intake"
)

func init() {
	register(&command{
		name:    "evaluate",
		summary: "evaluate reports offline against an agreement (a template id or a YAML file)",
		usage: `Usage: truce evaluate --agreement ID_OR_FILE [--param KEY=VALUE]... FILE...

Reads reports (JSON, JSON array, NDJSON or CSV; "-" is standard input),
validates and geocodes them, fuses the reports of the same event into one
incident (as truce fuse does), evaluates each incident against one
agreement and prints one JSON line per incident, ordered by the start of
its window:

  {"incident": id, "reports": [source refs], "agreement": id, "version": n,
   "verdict": "violation"|"no_violation"|"indeterminate", "rules": [citations],
   "party": code|"unattributed"|null, "reasons": [...],
   "readings": [{"party": code, "verdict": ...}]}

reports names the member reports by source.ref (FILE:LINE without one);
rules cites the rules the verdict rests on ("easter-truce-2025 v1 rule 1").
readings lists the verdict under a party's reading of a disputed window,
only where it differs. The agreement is a shipped template (see below) or
a YAML document (zone files are read relative to it). Templates with
parameters take them with --param. Reports that fail validation are listed
on standard error with their line; the exit status is then 2.

Templates: ` + agreement.TemplateIDs() + `

Examples:
  truce evaluate --agreement easter-truce-2025 reports.ndjson
  truce evaluate --agreement air-sea-truce --param start=2025-09-01T00:00+03:00 --param days=30 reports.ndjson
  truce evaluate --agreement ./terms/local-truce.yaml tallies.csv
  cat report.json | truce evaluate --agreement energy-moratorium-2025 -`,
		run: runEvaluate,
	})
}

// evaluateParams collects repeated --param KEY=VALUE flags.
type evaluateParams map[string]string

// String renders the parameters for flag's help.
func (p evaluateParams) String() string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k+"="+p[k])
	}
	sort.Strings(keys)
	return strings.Join(keys, ",")
}

// Set adds one KEY=VALUE.
func (p evaluateParams) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("%q is not KEY=VALUE (e.g. start=2025-09-01T00:00+03:00)", s)
	}
	if _, dup := p[k]; dup {
		return fmt.Errorf("%s given twice", k)
	}
	p[k] = v
	return nil
}

// evaluateLine is one line of output, in the field order of surface.md.
type evaluateLine struct {
	Incident  string             `json:"incident"`
	Reports   []string           `json:"reports"`
	Agreement string             `json:"agreement"`
	Version   int                `json:"version"`
	Verdict   truce.VerdictValue `json:"verdict"`
	Rules     []string           `json:"rules"`
	Party     *string            `json:"party"`
	Reasons   []string           `json:"reasons"`
	Readings  []truce.Reading    `json:"readings"`
}

func runEvaluate(ctx context.Context, e *env, args []string) error {
	fs := commands["evaluate"].flags(e)
	which := fs.String("agreement", "", "the agreement: a template `ID` or a YAML FILE")
	params := evaluateParams{}
	fs.Var(params, "param", "a template parameter `KEY=VALUE` (repeatable), e.g. start=2025-09-01T00:00+03:00")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *which == "" {
		return usageError{"--agreement is required (a template id or a YAML file)"}
	}
	if fs.NArg() == 0 {
		return usageError{"name at least one FILE of reports (or - for standard input)"}
	}
	a, err := loadEvaluateAgreement(*which, params)
	if err != nil {
		return err
	}
	c, err := agreement.Compile(a)
	if err != nil {
		return err
	}
	incidents, refs, rejected, err := readAndFuse(ctx, e, fs.Args(), a.Parties)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, in := range incidents {
		if err := enc.Encode(newEvaluateLine(in, agreement.Evaluate(in, c), refs)); err != nil {
			return err
		}
	}
	if rejected > 0 {
		return exitError{2}
	}
	return nil
}

// readAndFuse reads, validates and geocodes the reports of files (party
// codes must be the agreement's), fuses them into incidents (ordered by the
// start of their window), and returns them with the output name of each
// report id (its source.ref, else FILE:LINE) and the number rejected.
// Rejected items are listed on stderr.
func readAndFuse(ctx context.Context, e *env, files, parties []string) ([]*truce.Incident, map[string]string, int, error) {
	now := truce.SystemClock{}.Now().Truncate(time.Second)
	eng := fusion.New(fusion.Options{Clock: truce.NewFixedClock(now)})
	prep := &intake.Preparer{Validator: truce.Validator{Parties: partySet(parties)}, Geocoder: fuseGeocoder()}
	refs, rejected, err := fuseFiles(ctx, e, eng, prep, files, now)
	if err != nil {
		return nil, nil, 0, err
	}
	return eng.Incidents(), refs, rejected, nil
}

// loadEvaluateAgreement loads a shipped template by id, else a document
// from a file. A loaded document without a version is version 1.
func loadEvaluateAgreement(which string, params map[string]string) (*truce.Agreement, error) {
	var a *truce.Agreement
	var err error
	if t, ok := agreement.TemplateByID(which); ok {
		a, err = agreement.Load(t.Source, params, agreement.ParseOptions{})
	} else {
		src, rerr := os.ReadFile(which)
		if rerr != nil {
			if errors.Is(rerr, os.ErrNotExist) {
				return nil, truce.Errorf(truce.EINVALID, "--agreement %s: no such template or file (templates: %s)", which, agreement.TemplateIDs())
			}
			return nil, truce.Errorf(truce.EINVALID, "--agreement %s: %v", which, errors.Unwrap(rerr))
		}
		a, err = agreement.Load(src, params, agreement.ParseOptions{Dir: filepath.Dir(which)})
	}
	if err != nil {
		return nil, truce.Errorf(truce.EINVALID, "agreement %s: %v", which, err)
	}
	if a.Version == 0 {
		a.Version = 1
	}
	return a, nil
}

func partySet(ps []string) map[string]bool {
	m := make(map[string]bool, len(ps))
	for _, p := range ps {
		m[p] = true
	}
	return m
}

func evaluateFileName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}

// newEvaluateLine renders a verdict, naming the incident's reports by their
// source refs (FILE:LINE for a report without one).
func newEvaluateLine(in *truce.Incident, v truce.Verdict, refs map[string]string) evaluateLine {
	out := evaluateLine{
		Incident: in.ID, Reports: reportRefs(in, refs), Agreement: v.Agreement, Version: v.Version,
		Verdict: v.Verdict, Rules: v.Rules, Reasons: v.Reasons, Readings: v.Readings,
	}
	if v.Party != "" {
		out.Party = &v.Party
	}
	if out.Rules == nil {
		out.Rules = []string{}
	}
	if out.Readings == nil {
		out.Readings = []truce.Reading{}
	}
	return out
}
