package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/fusion"
	"github.com/truce-monitor/truce/internal/geocode"
	"github.com/truce-monitor/truce/internal/intake"
)

func init() {
	register(&command{
		name:    "fuse",
		summary: "fuse reports offline into incidents and print them as NDJSON",
		usage: `Usage: truce fuse [--time-tolerance D] [--distance-tolerance M] FILE...

Reads reports (JSON, JSON array, NDJSON or CSV; "-" is standard input),
validates and geocodes them, fuses the reports of the same event into one
incident, and prints one incident a line (NDJSON), ordered by the start of
its window. Each line is the incident as the server keeps it (figures as
low/best/high with each source's number, weapons, targets and actors as
claims, source chains, credibility, why its reports were joined and why
close candidates were not), except that "reports" lists the source.ref of
its member reports (a report without a ref is named FILE:LINE).

A report sent twice (same source.name and source.ref) counts once. Reports
that fail validation are listed on standard error with their line; the
exit status is then 2.

Examples:
  truce fuse reports.ndjson
  truce fuse --time-tolerance 6h night1.ndjson night2.csv
  cat reports.json | truce fuse - | jq -c '{id, reports, killed: .killed.best}'`,
		run: runFuse,
	})
}

// fuseGeocoder returns the geocoder of truce fuse and truce evaluate
// (places named without coordinates get a point, so zone rules can be
// applied); tests replace it.
var fuseGeocoder = func() truce.Geocoder { return geocode.Default() }

// fuseLine is one line of output: the incident with its reports named by
// their source refs.
type fuseLine struct {
	*truce.Incident
	Reports []string `json:"reports"`
}

func runFuse(ctx context.Context, e *env, args []string) error {
	fs := commands["fuse"].flags(e)
	timeTol := fs.Duration("time-tolerance", fusion.DefaultTimeTolerance, "how far apart two reports' windows may be and still be one event")
	distTol := fs.Float64("distance-tolerance", fusion.DefaultDistanceTolerance, "metres added to the sum of two locations' uncertainties")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"name at least one FILE of reports (or - for standard input)"}
	}
	if *timeTol <= 0 || *distTol <= 0 {
		return usageError{"tolerances must be positive"}
	}
	now := truce.SystemClock{}.Now().Truncate(time.Second)
	eng := fusion.New(fusion.Options{TimeTolerance: *timeTol, DistanceTolerance: *distTol, Clock: truce.NewFixedClock(now)})
	refs, rejected, err := fuseFiles(ctx, e, eng, &intake.Preparer{Geocoder: fuseGeocoder()}, fs.Args(), now)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, in := range eng.Incidents() {
		if err := enc.Encode(fuseLine{Incident: in, Reports: reportRefs(in, refs)}); err != nil {
			return err
		}
	}
	if rejected > 0 {
		return exitError{2}
	}
	return nil
}

// fuseFiles reads, validates and geocodes (with prep) the reports of the
// files and fuses them; a report sent twice counts once. It returns the name
// each report has in the output (its source.ref, else FILE:LINE) and how
// many items were rejected (listed on stderr). truce fuse and truce
// evaluate share it.
func fuseFiles(ctx context.Context, e *env, eng *fusion.Engine, prep *intake.Preparer, files []string, now time.Time) (map[string]string, int, error) {
	refs := map[string]string{}     // report id -> its name in the output
	byKey := map[[2]string]string{} // (source.name, source.ref) -> id
	rejected := 0
	for _, name := range files {
		err := prep.ReadFile(name, e.stdin, now, func(it intake.Item) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if it.Report == nil {
				rejected++
				fmt.Fprintf(e.stderr, "%s: line %d: %s\n", evaluateFileName(name), it.Line, it.Err().Error())
				return nil
			}
			r := it.Report
			r.ID = evaluateFileName(name) + ":" + strconv.Itoa(it.Line)
			if n, ref, ok := r.Key(); ok {
				if _, dup := byKey[[2]string{n, ref}]; dup {
					return nil
				}
				byKey[[2]string{n, ref}] = r.ID
				if _, taken := refs[ref]; !taken {
					r.ID = ref // explanations then name reports as the output does
				}
				refs[r.ID] = ref
			} else {
				refs[r.ID] = r.ID
			}
			eng.Add(r)
			return nil
		})
		if err != nil {
			return nil, 0, err
		}
	}
	return refs, rejected, nil
}

// reportRefs names an incident's member reports as the output does: by the
// names fuseFiles gave them (never nil, so JSON shows []).
func reportRefs(in *truce.Incident, refs map[string]string) []string {
	out := make([]string, 0, len(in.Reports))
	for _, m := range in.Reports {
		out = append(out, refs[m.ID])
	}
	return out
}
