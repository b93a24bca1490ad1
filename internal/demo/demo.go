// Package demo holds the scenario that `truce demo` loads into a fresh
// instance: a few hundred reports, written for Truce, about a hundred events
// of August and September 2025 in Ukraine and the Russian border regions,
// before and during an "air-sea truce" that starts on 18 August.
//
// Every event is told by one to several sources: the mission's monitors and
// sensors, both parties' offices (complaints, claims and nightly tallies)
// and news outlets writing in English, Ukrainian and Russian. The sources
// disagree as real ones do: on the toll, the time, the target, the weapon and
// who fired. The events span what the truce covers and what it does not:
// missiles, long-range drones and glide bombs (covered), strikes on energy
// infrastructure (covered whatever the weapon), artillery, tactical drones
// and ground fighting at the front (not covered), strikes straddling the
// start of the truce, attacks whose author no source can name, and air
// defence engagements (excepted). Among them is the incident reported on the
// day of the Alaska summit, 15 August 2025 (see AlaskaEvent).
//
// The events and sources are invented for the demonstration except where
// they restate public facts (places and their coordinates, the kinds of
// weapons in use, the Alaska-summit-day strike); the news outlets are
// fictional and their addresses use the reserved .example domain.
//
// The NDJSON is generated from the tables in this package by
// `go generate ./internal/demo` (which runs ./gen) and embedded; the test
// checks that the embedded file is what the tables produce.
package demo

import (
	"bytes"
	_ "embed"
	"sort"
	"time"

	"github.com/truce-monitor/truce"
)

//go:generate go run ./gen

//go:embed scenario.ndjson
var scenario []byte

// The truce the demo evaluates the scenario against: the air-sea-truce
// template, loaded with these parameters (start=TruceStart, days=TruceDays).
const (
	TruceAgreement = "air-sea-truce"
	TruceStart     = "2025-08-18T00:00:00+03:00"
	TruceDays      = 30
)

// Scenario returns the scenario's reports as NDJSON, one report a line in
// the interchange format, ordered by the time they were published. Each has
// a unique (source.name, source.ref), so loading it twice adds nothing.
func Scenario() []byte { return bytes.Clone(scenario) }

// Event describes one base event of the scenario: what happened as the
// scenario holds it, and the refs of the reports that tell it. Scripts of
// the follow-up workflow (review, verification, the parties' replies,
// publication) find an event's incident through its refs.
type Event struct {
	ID      string     // stable, e.g. "dnipro-0828-iskander"
	At      time.Time  // when it happened
	Place   string     // the settlement, in English
	Admin1  string     // its first-level region
	Country string     // UA or RU
	Kind    truce.Kind // what it was
	Actor   string     // RU, UA, or "unknown" where the scenario leaves it open
	Summary string     // one line in English
	Refs    []string   // source.ref of each of its reports
}

// Catalog lists the scenario's base events in time order. The parties'
// nightly tallies are not events; see Tallies.
func Catalog() []Event {
	var out []Event
	for _, e := range allEvents() {
		p := placeOf(e)
		ev := Event{ID: e.id, At: clock(e.at), Place: p.en, Admin1: p.admin1, Country: p.country,
			Kind: e.kind, Actor: e.by, Summary: e.what}
		if ev.Actor == "" {
			ev.Actor = truce.Unknown
		}
		for i := range e.tells {
			ev.Refs = append(ev.Refs, sources[e.tells[i].src].refFor(e, &e.tells[i]))
		}
		out = append(out, ev)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// Events returns how many base events the scenario holds.
func Events() int { return len(allEvents()) }

// Tallies returns how many aggregate tallies (the Ukrainian Air Force's and
// the Russian Ministry of Defence's nightly counts) the scenario holds.
func Tallies() int { return len(uaTallies) + len(ruTallies) }

// Reports returns how many reports the scenario holds.
func Reports() int { return bytes.Count(scenario, []byte{'\n'}) }
