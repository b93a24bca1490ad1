package truce

import (
	"encoding/json"
	"slices"
	"strconv"
	"time"
)

// Agreement is one version of a ceasefire agreement held as data, as in
// shared/spec/agreement-format.md: who is bound, when it is in force, where
// its zones lie, what its rules prohibit and what its exceptions allow. The
// JSON names are the YAML names of the format. internal/agreement parses
// and evaluates it; this type only holds it.
type Agreement struct {
	ID         string          `json:"id"`                    // [a-z0-9-]+
	Version    int             `json:"version"`               // 0 until the server assigns one
	Title      Texts           `json:"title"`                 // en, uk, ru; any may be missing
	Note       Texts           `json:"note,omitzero"`         // an addition: context a reader needs (e.g. "UA said it would mirror it")
	Kind       string          `json:"kind,omitempty"`        // one of AgreementKinds (informational)
	Parties    []string        `json:"parties"`               // party codes the rules speak of
	DeclaredBy []string        `json:"declared_by,omitempty"` // who accepted it; empty = every party
	Timezone   string          `json:"timezone,omitempty"`    // how times without an offset were read
	InForce    InForce         `json:"in_force"`              //
	Zones      map[string]Zone `json:"zones,omitempty"`       // named geometries
	Rules      []Rule          `json:"rules"`                 //
	Exceptions []Exception     `json:"exceptions,omitempty"`  //
	// Params holds the template parameters the document was loaded with
	// (start, days); empty for a document without parameters.
	Params map[string]string `json:"params,omitempty"`
	// ReplyHours is an addition to the format: how many hours a party held
	// responsible for a verified violation has to reply to the finding; 0
	// means DefaultReplyHours.
	ReplyHours int `json:"reply_hours,omitempty"`
}

// ReplyWindow returns how long a party has to reply to a finding under
// the agreement.
func (a *Agreement) ReplyWindow() time.Duration {
	h := a.ReplyHours
	if h <= 0 {
		h = DefaultReplyHours
	}
	return time.Duration(h) * time.Hour
}

// AgreementKinds lists the kinds an agreement may declare. The kind is
// informational: the rules alone decide verdicts.
var AgreementKinds = []string{"full", "air", "energy", "maritime", "local", "custom"}

// Texts is a text in parallel languages: English, Ukrainian, Russian. Any
// may be missing.
type Texts struct {
	En string `json:"en,omitempty"`
	Uk string `json:"uk,omitempty"`
	Ru string `json:"ru,omitempty"`
}

// Get returns the text in lang ("en", "uk" or "ru"), falling back to
// English, then Ukrainian, then Russian, so that a page always shows some
// text when there is any.
func (t Texts) Get(lang string) string {
	switch {
	case lang == "uk" && t.Uk != "":
		return t.Uk
	case lang == "ru" && t.Ru != "":
		return t.Ru
	case t.En != "":
		return t.En
	case t.Uk != "":
		return t.Uk
	}
	return t.Ru
}

// IsZero reports whether no language has a text.
func (t Texts) IsZero() bool { return t == Texts{} }

// InForce is the window in which an agreement binds: From inclusive, To
// exclusive, To nil for an open-ended agreement, and the other readings of
// the window that a party holds.
type InForce struct {
	From     time.Time        `json:"from"`
	To       *time.Time       `json:"to,omitempty"`
	Disputed []DisputedWindow `json:"disputed,omitempty"`
}

// DisputedWindow is a party's own reading of the window. A bound it does
// not give is the agreement's own.
type DisputedWindow struct {
	Party string     `json:"party"`
	From  *time.Time `json:"from,omitempty"`
	To    *time.Time `json:"to,omitempty"`
}

// Window returns the window under the reading d: its start, its end and
// whether it has an end.
func (f InForce) Window(d *DisputedWindow) (from, to time.Time, bounded bool) {
	from = f.From
	if f.To != nil {
		to, bounded = *f.To, true
	}
	if d != nil {
		if d.From != nil {
			from = *d.From
		}
		if d.To != nil {
			to, bounded = *d.To, true
		}
	}
	return from, to, bounded
}

// Zone is a named geometry of an agreement, as GeoJSON (a geometry, a
// Feature or a FeatureCollection). File is the path it was read from,
// relative to the document, when it was not given inline.
type Zone struct {
	File    string          `json:"file,omitempty"`
	GeoJSON json.RawMessage `json:"geojson"`
}

// Rule is one prohibition of an agreement. It is cited in verdicts as
// "<agreement id> v<version> rule <rule id>".
type Rule struct {
	ID        string   `json:"id"`
	Text      Texts    `json:"text,omitzero"`
	Prohibits Acts     `json:"prohibits"`
	By        []string `json:"by,omitempty"` // empty = every party
}

// Binds reports whether the rule speaks to the acts of party: its by list
// is empty or names the party. Whether the party is bound by the agreement
// at all is Agreement.Bound.
func (r *Rule) Binds(party string) bool {
	return len(r.By) == 0 || slices.Contains(r.By, party)
}

// Exception is a description of acts that are never violations under the
// agreement (e.g. air defence engaging incoming missiles).
type Exception struct {
	ID      string `json:"id"`
	Text    Texts  `json:"text,omitzero"`
	Matches Acts   `json:"matches"`
}

// Acts describes acts by their kind, weapon, target and place. A condition
// left at its zero value does not restrict: no kinds means any kind, a nil
// ClassSet any class, a zero Where anywhere.
type Acts struct {
	Kinds   []Kind   `json:"kinds,omitempty"`
	Weapons ClassSet `json:"weapons"`
	Targets ClassSet `json:"targets"`
	Where   Where    `json:"where"`
}

// ClassSet is a set of taxonomy classes a condition covers, each covering
// its subclasses; nil means any class. It encodes as "any" or a list.
type ClassSet []string

// Any reports whether the set covers every class.
func (s ClassSet) Any() bool { return s == nil }

// Covers reports whether a class of the set covers c.
func (s ClassSet) Covers(c string) bool {
	if s == nil {
		return true
	}
	for _, x := range s {
		if ClassCovers(x, c) {
			return true
		}
	}
	return false
}

// MarshalJSON encodes nil as "any".
func (s ClassSet) MarshalJSON() ([]byte, error) {
	if s == nil {
		return []byte(`"any"`), nil
	}
	return json.Marshal([]string(s))
}

// UnmarshalJSON reads "any" or a list.
func (s *ClassSet) UnmarshalJSON(b []byte) error {
	if string(b) == `"any"` || string(b) == "null" {
		*s = nil
		return nil
	}
	var l []string
	if err := json.Unmarshal(b, &l); err != nil {
		return err
	}
	*s = ClassSet(l)
	return nil
}

// Where restricts the place of an act. At most one form is set: Inside or
// Outside a zone, WithinKm or BeyondKm of the zone Of, or in one of the
// countries Country. The zero Where is anywhere.
type Where struct {
	Inside   string   `json:"inside,omitempty"`
	Outside  string   `json:"outside,omitempty"`
	WithinKm float64  `json:"within_km,omitempty"`
	BeyondKm float64  `json:"beyond_km,omitempty"`
	Of       string   `json:"of,omitempty"`
	Country  []string `json:"country,omitempty"`
}

// Anywhere reports whether w does not restrict the place.
func (w Where) Anywhere() bool {
	return w.Inside == "" && w.Outside == "" && w.Of == "" && len(w.Country) == 0
}

// Zone returns the zone w refers to, or "".
func (w Where) Zone() string {
	switch {
	case w.Inside != "":
		return w.Inside
	case w.Outside != "":
		return w.Outside
	}
	return w.Of
}

type whereAlias Where

// MarshalJSON encodes the zero Where as "anywhere".
func (w Where) MarshalJSON() ([]byte, error) {
	if w.Anywhere() {
		return []byte(`"anywhere"`), nil
	}
	return json.Marshal(whereAlias(w))
}

// UnmarshalJSON reads "anywhere" or an object.
func (w *Where) UnmarshalJSON(b []byte) error {
	if string(b) == `"anywhere"` || string(b) == "null" {
		*w = Where{}
		return nil
	}
	return json.Unmarshal(b, (*whereAlias)(w))
}

// IsParty reports whether code is one of the agreement's parties.
func (a *Agreement) IsParty(code string) bool { return slices.Contains(a.Parties, code) }

// Bound reports whether party is bound by the agreement: it is a party and
// it declared the agreement (every party did when DeclaredBy is empty). A
// unilateral truce binds only its declarer; the other party's acts are
// "not bound".
func (a *Agreement) Bound(party string) bool {
	if !a.IsParty(party) {
		return false
	}
	return len(a.DeclaredBy) == 0 || slices.Contains(a.DeclaredBy, party)
}

// BoundParties returns the parties bound by the agreement, in the order of
// Parties.
func (a *Agreement) BoundParties() []string {
	var out []string
	for _, p := range a.Parties {
		if a.Bound(p) {
			out = append(out, p)
		}
	}
	return out
}

// AllBound reports whether every party is bound (the agreement is not
// unilateral).
func (a *Agreement) AllBound() bool { return len(a.BoundParties()) == len(a.Parties) }

// Rule returns the rule with the given id, or nil.
func (a *Agreement) Rule(id string) *Rule {
	for i := range a.Rules {
		if a.Rules[i].ID == id {
			return &a.Rules[i]
		}
	}
	return nil
}

// Cite returns how verdicts cite a rule of this version:
// "energy-moratorium-2025 v1 rule 1".
func (a *Agreement) Cite(ruleID string) string {
	return a.ID + " v" + strconv.Itoa(a.Version) + " rule " + ruleID
}

// InForceAt reports whether t lies in the agreement's own window (From
// inclusive, To exclusive).
func (a *Agreement) InForceAt(t time.Time) bool {
	from, to, bounded := a.InForce.Window(nil)
	return !t.Before(from) && (!bounded || t.Before(to))
}
