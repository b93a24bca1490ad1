package truce

import (
	"encoding/json"
	"time"
)

// SourceType is the channel a report came through.
type SourceType string

// The source types of report-format.md.
const (
	SourceMonitor SourceType = "monitor"
	SourceSensor  SourceType = "sensor"
	SourceParty   SourceType = "party"
	SourceNews    SourceType = "news"
	SourcePublic  SourceType = "public"
	SourceOther   SourceType = "other"
)

// SourceTypes lists the valid source types.
var SourceTypes = []SourceType{SourceMonitor, SourceSensor, SourceParty, SourceNews, SourcePublic, SourceOther}

// Kind is what kind of act a report describes.
type Kind string

// The report kinds of report-format.md.
const (
	KindStrike            Kind = "strike"
	KindGroundAssault     Kind = "ground_assault"
	KindExplosion         Kind = "explosion"
	KindAirspaceViolation Kind = "airspace_violation"
	KindWeaponsMovement   Kind = "weapons_movement"
	KindOther             Kind = "other"
)

// Kinds lists the valid report kinds.
var Kinds = []Kind{KindStrike, KindGroundAssault, KindExplosion, KindAirspaceViolation, KindWeaponsMovement, KindOther}

// Unknown is the attribution of an act whose actor no source names.
const Unknown = "unknown"

// Report is one source's account of one thing that happened, as in
// report-format.md. Reports are never edited: a correction is a new report.
type Report struct {
	// Set by Truce on intake.
	ID         string    `json:"id,omitempty"`
	ReceivedAt time.Time `json:"received_at,omitzero"`
	ReceivedBy string    `json:"received_by,omitempty"`
	Geocode    *Geocode  `json:"geocode,omitempty"`

	// As sent by the source (with defaults applied).
	Source       Source     `json:"source"`
	Credibility  int        `json:"credibility,omitempty"`
	Kind         Kind       `json:"kind"`
	Occurred     Window     `json:"occurred"`
	LaunchedAt   *time.Time `json:"launched_at,omitempty"`
	ReportedAt   *time.Time `json:"reported_at,omitempty"`
	Location     Location   `json:"location"`
	Weapons      []Weapon   `json:"weapons,omitempty"`
	Target       *Target    `json:"target,omitempty"`
	AttributedTo string     `json:"attributed_to,omitempty"`
	Casualties   Casualties `json:"casualties,omitzero"`
	Aggregate    bool       `json:"aggregate,omitempty"`
	Counts       *Counts    `json:"counts,omitempty"`
	Language     string     `json:"language,omitempty"`
	Text         string     `json:"text,omitempty"`
	EvidenceText string     `json:"evidence_text,omitempty"`
	Evidence     []Evidence `json:"evidence,omitempty"`

	// Extra holds the fields Truce does not know, kept as given. A field
	// inside a known object is kept under its dotted path ("source.url").
	Extra map[string]json.RawMessage `json:"-"`
}

// Source says who reported.
type Source struct {
	Type        SourceType `json:"type"`
	Name        string     `json:"name"`
	Party       string     `json:"party,omitempty"`
	Ref         string     `json:"ref,omitempty"`
	Reliability string     `json:"reliability,omitempty"`
}

// Window is a time window holding the truth: From ≤ truth ≤ To.
type Window struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Overlaps reports whether w and o share an instant, each widened by tol.
func (w Window) Overlaps(o Window, tol time.Duration) bool {
	return !w.From.After(o.To.Add(tol)) && !o.From.After(w.To.Add(tol))
}

// Location is where it happened, as the source gave it.
type Location struct {
	Lat          *float64 `json:"lat,omitempty"`
	Lon          *float64 `json:"lon,omitempty"`
	UncertaintyM *float64 `json:"uncertainty_m,omitempty"`
	Place        string   `json:"place,omitempty"`
	Admin1       string   `json:"admin1,omitempty"`
	Country      string   `json:"country,omitempty"`
}

// Weapon is one weapon the source names.
type Weapon struct {
	Class string `json:"class"`
	Model string `json:"model,omitempty"`
	Count *int   `json:"count,omitempty"`
}

// Target is what was hit or aimed at.
type Target struct {
	Class string `json:"class,omitempty"`
	Name  string `json:"name,omitempty"`
}

// Casualties are the tolls as stated; nil means not stated (not zero).
type Casualties struct {
	Killed   *int  `json:"killed,omitempty"`
	Injured  *int  `json:"injured,omitempty"`
	Civilian *bool `json:"civilian,omitempty"`
}

// Counts are the figures of an aggregate tally.
type Counts struct {
	Launched    *int `json:"launched,omitempty"`
	Intercepted *int `json:"intercepted,omitempty"`
	Hit         *int `json:"hit,omitempty"`
}

// Evidence is a file the report rests on, committed to by its hash.
type Evidence struct {
	SHA256     string     `json:"sha256"`
	MediaType  string     `json:"media_type,omitempty"`
	Name       string     `json:"name,omitempty"`
	CapturedAt *time.Time `json:"captured_at,omitempty"`
}

// Geocode says how Truce placed a report: the resolved point with its
// honest uncertainty, the region and country, and which gazetteer entry or
// polygon it used.
type Geocode struct {
	Lat          float64  `json:"lat"`
	Lon          float64  `json:"lon"`
	UncertaintyM float64  `json:"uncertainty_m"`
	Admin1       string   `json:"admin1,omitempty"`
	Country      string   `json:"country,omitempty"`
	Precision    string   `json:"precision"` // point, settlement, admin1, country
	Entry        string   `json:"entry,omitempty"`
	Method       string   `json:"method"`
	Derived      []string `json:"derived,omitempty"` // location fields filled in by Truce
}

// Geocoder places a report's location: from a place or region name to a
// point, or from a point to its region and country. It returns an error
// naming the field when the location cannot be resolved or is ambiguous.
type Geocoder interface {
	Geocode(loc Location) (*Geocode, error)
}

// Key returns the identity of a report for idempotent intake: the source
// name and the source's own ref. ok is false when the report has no ref.
func (r *Report) Key() (name, ref string, ok bool) {
	return r.Source.Name, r.Source.Ref, r.Source.Ref != ""
}

// Parties returns the party codes a report names: the party it speaks for
// and the party it attributes the act to.
func (r *Report) Parties() []string {
	var ps []string
	if r.Source.Party != "" {
		ps = append(ps, r.Source.Party)
	}
	if r.AttributedTo != "" && r.AttributedTo != Unknown && r.AttributedTo != r.Source.Party {
		ps = append(ps, r.AttributedTo)
	}
	return ps
}

// WeaponClassList returns the weapon classes the report names, sorted.
func (r *Report) WeaponClassList() []string {
	cs := make([]string, 0, len(r.Weapons))
	for _, w := range r.Weapons {
		cs = append(cs, w.Class)
	}
	return SortedClasses(cs)
}
