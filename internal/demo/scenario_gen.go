package demo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// The scenario is written as a table of base events (events_*.go), each
// told by one to several sources (tell). The generator renders every tell
// into one report in the interchange format: it fills in what the source
// would say from the event as the scenario holds it, applies the tell's
// departures (a different toll, a shifted time, a vaguer place, a contested
// attribution) and jitters coordinates and times deterministically, from a
// hash of the report's ref, so that the output is the same on every run and
// editing one event does not move the others.

// zone is the offset of every time in the scenario: Kyiv and Moscow both
// keep +03:00 in August and September.
var zone = time.FixedZone("+03:00", 3*3600)

// event is one thing that happened, as the scenario holds it.
type event struct {
	id      string     // stable slug; part of every ref of its reports
	at      string     // "08-15 09:40": when it happened, 2025, +03:00
	place   string     // key of places: the settlement it happened in or near
	pt      [2]float64 // the exact point, when not derived from place
	kind    truce.Kind // what it was
	by      string     // who did it: RU, UA, or "" when the scenario leaves it open
	weapons string     // "class:model:count,…" (model and count optional)
	target  string     // "class|name" (name optional)
	cas     string     // "killed/injured" as the scenario holds it; "?" unknown
	civ     bool       // the victims were civilians
	what    string     // one line in English for the catalogue
	tells   []tell
}

// tell is one source's account of an event. Empty fields take what the
// source would say by default (see render.go).
type tell struct {
	src    string     // key of sources
	n      int        // 2, 3… for a second report of the same source (an update)
	when   string     // time window spec; see window
	rep    string     // delay before publication, e.g. "30h"; "" the source's default
	loc    string     // pt, pt+place, place, place+region, region; ":old" / ":alt" pick a spelling
	kind   truce.Kind // "" the event's kind
	w      string     // weapons as the source gives them; "" the event's, "-" none
	tgt    string     // target as the source gives it; "" the event's, "-" none
	by     string     // attribution; "" the event's, "?" unknown
	cas    string     // casualties; "" the event's, "-" not stated, "3/12", "?/5"
	text   string     // the source's words, in its language
	via    string     // the original source a news item quotes
	launch string     // launch time, "08-17 22:55"
}

// Generate renders the whole scenario as NDJSON: the reports of every event
// and the parties' nightly tallies, ordered by publication time. It is a
// pure function of the tables: two calls give identical bytes. It panics
// when a table entry is malformed, which the package tests catch.
func Generate() []byte {
	reps := build()
	var buf bytes.Buffer
	for i := range reps {
		buf.Write(encode(reps[i]))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// encode writes a report in the field order of truce.Report, with the
// source a news item quotes (kept by Truce as the unknown field
// "source.via") placed inside the source object.
func encode(r truce.Report) []byte {
	via := r.Extra["source.via"]
	r.Extra = nil
	b, err := json.Marshal(r)
	if err != nil {
		panic(fmt.Sprintf("demo: encoding %s: %v", r.Source.Ref, err))
	}
	if via == nil {
		return b
	}
	src, err := json.Marshal(r.Source)
	if err != nil {
		panic(err)
	}
	head := append([]byte(`{"source":`), src...)
	if !bytes.HasPrefix(b, head) {
		panic("demo: unexpected encoding of " + r.Source.Ref)
	}
	out := append([]byte{}, head[:len(head)-1]...)
	out = append(out, `,"via":`...)
	out = append(out, via...)
	out = append(out, '}')
	return append(out, b[len(head):]...)
}

// build renders every report and orders them as a live feed would bring
// them: by publication time, then source and ref.
func build() []truce.Report {
	var out []truce.Report
	seen := map[string]bool{}
	for _, e := range allEvents() {
		if seen[e.id] {
			panic("demo: duplicate event id " + e.id)
		}
		seen[e.id] = true
		for i := range e.tells {
			out = append(out, render(e, &e.tells[i]))
		}
	}
	out = append(out, tallyReports()...)
	keys := map[[2]string]bool{}
	for _, r := range out {
		k := [2]string{r.Source.Name, r.Source.Ref}
		if keys[k] {
			panic(fmt.Sprintf("demo: duplicate report %s %s", k[0], k[1]))
		}
		keys[k] = true
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.ReportedAt.Equal(*b.ReportedAt) {
			return a.ReportedAt.Before(*b.ReportedAt)
		}
		if a.Source.Name != b.Source.Name {
			return a.Source.Name < b.Source.Name
		}
		return a.Source.Ref < b.Source.Ref
	})
	return out
}

// allEvents concatenates the event tables in time order of writing.
func allEvents() []*event {
	var out []*event
	for _, t := range [][]event{eventsEarlyAugust, eventsMidAugust, eventsTruceStart, eventsTruceLate} {
		for i := range t {
			out = append(out, &t[i])
		}
	}
	return out
}

// clock parses a scenario time "08-15 09:40" (2025, +03:00).
func clock(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", "2025-"+s, zone)
	if err != nil {
		panic(fmt.Sprintf("demo: bad time %q: %v", s, err))
	}
	return t
}

// parseWeapons reads "class:model:count,…".
func parseWeapons(spec string) []truce.Weapon {
	if spec == "" || spec == "-" {
		return nil
	}
	var out []truce.Weapon
	for _, item := range strings.Split(spec, ",") {
		f := strings.Split(item, ":")
		if !truce.IsWeaponClass(f[0]) || len(f) > 3 {
			panic(fmt.Sprintf("demo: bad weapon %q", item))
		}
		w := truce.Weapon{Class: f[0]}
		if len(f) > 1 {
			w.Model = f[1]
		}
		if len(f) > 2 && f[2] != "" {
			var n int
			if _, err := fmt.Sscanf(f[2], "%d", &n); err != nil {
				panic(fmt.Sprintf("demo: bad weapon count %q", item))
			}
			w.Count = &n
		}
		out = append(out, w)
	}
	return out
}

// parseTarget reads "class|name".
func parseTarget(spec string) *truce.Target {
	if spec == "" || spec == "-" {
		return nil
	}
	class, name, _ := strings.Cut(spec, "|")
	if !truce.IsTargetClass(class) {
		panic(fmt.Sprintf("demo: bad target %q", spec))
	}
	return &truce.Target{Class: class, Name: name}
}

// parseCasualties reads "killed/injured", either "?" for not stated.
func parseCasualties(spec string) (killed, injured *int) {
	if spec == "" || spec == "-" || spec == "?" {
		return nil, nil
	}
	k, i, ok := strings.Cut(spec, "/")
	if !ok {
		panic(fmt.Sprintf("demo: bad casualties %q", spec))
	}
	return count(k), count(i)
}

func count(s string) *int {
	if s == "?" {
		return nil
	}
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err != nil || n < 0 {
		panic(fmt.Sprintf("demo: bad count %q", s))
	}
	return &n
}

func intp(n int) *int { return &n }

func timep(t time.Time) *time.Time { return &t }
