package truce

import "time"

// StatsTx aggregates incidents in the database, for overviews, maps and
// daily reports: the store counts, the caller never loads every incident.
// Every method takes a StatsQuery whose Filter restricts the incidents as
// Incidents does (its Limit and Cursor are ignored), which is where the
// caller's visibility (Statuses, VisibleTo) goes.
type StatsTx interface {
	// IncidentStats counts the incidents q selects: in all, by party
	// named, by kind and by region; and, under q.Agreement, by verdict,
	// their violations by responsible party, by rule and by day.
	IncidentStats(q StatsQuery) (*IncidentStats, error)
	// IncidentPoints returns at most max of the incidents q selects, newest
	// first by window start (ties by id, descending). With q.Agreement set,
	// only incidents with a verdict under it, each with that verdict.
	IncidentPoints(q StatsQuery, max int) ([]IncidentPoint, error)
	// IncidentGrid counts the incidents q selects (with a verdict under
	// q.Agreement when it is set) in square cells of cell degrees of
	// latitude and longitude, each cell placed at the mean position of its
	// incidents, ordered by cell from the south-west. Cells with no
	// incident are left out; a cell that is not positive is EINVALID.
	IncidentGrid(q StatsQuery, cell float64) ([]GridCell, error)
}

// StatsQuery selects the incidents a statistic counts.
type StatsQuery struct {
	// Filter restricts the incidents as in Incidents; Limit and Cursor
	// are ignored.
	Filter IncidentFilter
	// Agreement names the agreement whose verdicts are counted and
	// returned; "" counts no verdicts.
	Agreement string
	// Since and Until keep the incidents whose window starts in
	// [Since, Until): the one counting rule of a daily report, under which
	// an incident counts once, on the day it began. Zero: no bound.
	Since, Until time.Time
	// Zone is where days begin and end for IncidentStats.Days; nil is UTC.
	Zone *time.Location
	// VerdictsOnly limits IncidentStats to the verdicts under Agreement
	// (Verdicts, and the Violations of Parties): the cheap figures of a
	// list of agreements.
	VerdictsOnly bool
}

// IncidentStats are the counts of a set of incidents. Each incident counts
// once, however many reports it has.
type IncidentStats struct {
	Total    int                  `json:"total"`
	Verdicts map[VerdictValue]int `json:"verdicts"` // under the query's agreement; an incident without a verdict under it is not counted here
	Parties  []PartyStat          `json:"parties"`  // by party code, sorted
	Rules    []RuleStat           `json:"rules"`    // by rule, then party
	Days     []DayStat            `json:"days"`     // violations by day, then party
	Kinds    map[Kind]int         `json:"kinds"`
	Regions  map[string]int       `json:"regions"` // by canonical admin1 name ("" when unknown)
}

// PartyStat counts the incidents that name a party and the violations it is
// held responsible for under the query's agreement.
type PartyStat struct {
	Party      string `json:"party"`      // a party code, or Unattributed
	Named      int    `json:"named"`      // incidents naming it (actor, reporter or alleged actor)
	Violations int    `json:"violations"` // violations attributed to it
}

// RuleStat counts the violations of one rule by one party; a violation
// that breaks two rules counts under each.
type RuleStat struct {
	Rule  string `json:"rule"`  // as verdicts cite it: "air-sea-truce v1 rule 1"; rules order by number
	Party string `json:"party"` // responsible party; Unattributed, or "" when none is named
	Count int    `json:"count"`
}

// DayStat counts the violations one party is held responsible for on one
// day: those whose window starts on that day in the query's zone.
type DayStat struct {
	Day        string `json:"day"`   // YYYY-MM-DD
	Party      string `json:"party"` // a party code, Unattributed, or "" when none is named
	Violations int    `json:"violations"`
}

// IncidentPoint is an incident as a map draws it.
type IncidentPoint struct {
	ID      string       `json:"id"`
	Lat     float64      `json:"lat"`
	Lon     float64      `json:"lon"`
	Start   time.Time    `json:"start"`
	Kind    Kind         `json:"kind"`
	Admin1  string       `json:"admin1,omitempty"`
	Verdict VerdictValue `json:"verdict,omitempty"`
	Party   string       `json:"party,omitempty"` // responsible party of the verdict
}

// GridCell is a cluster of incidents counted by the store.
type GridCell struct {
	Lat           float64 `json:"lat"`
	Lon           float64 `json:"lon"`
	Count         int     `json:"count"`
	Violations    int     `json:"violations"`
	Indeterminate int     `json:"indeterminate"`
}
