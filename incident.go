package truce

import "time"

// Incident is one event as Truce knows it: the fusion of every report about
// it, with each figure as the sources give it and as a range, the
// corroboration behind it, and why its reports were joined.
type Incident struct {
	ID          string       `json:"id"`
	Kind        Kind         `json:"kind"`
	Aggregate   bool         `json:"aggregate,omitempty"`
	Window      Window       `json:"window"`
	Location    Place        `json:"location"`
	Weapons     []Claim      `json:"weapons,omitempty"`
	Targets     []Claim      `json:"targets,omitempty"`
	Actors      []Claim      `json:"actors,omitempty"`
	Actor       string       `json:"actor"` // party code or "unknown": the attribution evaluation uses
	Killed      Figure       `json:"killed"`
	Injured     Figure       `json:"injured"`
	Counts      *Counts      `json:"counts,omitempty"` // aggregate tallies
	Reports     []Member     `json:"reports"`
	Chains      int          `json:"chains"`                // independent source chains
	Credibility int          `json:"credibility"`           // Admiralty 1..6, from corroboration
	Allegations []string     `json:"allegations,omitempty"` // parties whose claims about the other are counted as allegations
	Explanation []string     `json:"explanation,omitempty"` // why the reports were joined
	NotJoined   []string     `json:"not_joined,omitempty"`  // why close candidates were not
	Linked      []string     `json:"linked,omitempty"`      // aggregate tally <-> incidents it covers
	Separations []Separation `json:"separations,omitempty"` // analyst splits that keep reports apart
	Status      Status       `json:"status"`
	CreatedAt   time.Time    `json:"created_at"`
	UpdatedAt   time.Time    `json:"updated_at"`
}

// Place is an incident's location: the intersection of what its reports
// allow, with the honest uncertainty and why.
type Place struct {
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	UncertaintyM float64 `json:"uncertainty_m"`
	Place        string  `json:"place,omitempty"`
	Admin1       string  `json:"admin1,omitempty"`
	Country      string  `json:"country,omitempty"`
	Precision    string  `json:"precision,omitempty"`
	Why          string  `json:"why,omitempty"`
}

// Claim is one value of a disputed or corroborated attribute (a weapon
// class, a target class, an actor) with the reports that give it.
type Claim struct {
	Value   string   `json:"value"`
	Name    string   `json:"name,omitempty"` // e.g. a weapon model or target name
	Reports []string `json:"reports"`        // member report ids
	Sources []string `json:"sources"`        // their source names
}

// Figure is a toll as low, best and high (UCDP's convention), with the
// number each source gave. Nil bounds mean no source stated a number.
type Figure struct {
	Low    *int          `json:"low"`
	Best   *int          `json:"best"`
	High   *int          `json:"high"`
	Claims []FigureClaim `json:"claims,omitempty"`
}

// FigureClaim is one source's number for a figure.
type FigureClaim struct {
	Value    int    `json:"value"`
	ReportID string `json:"report"`
	Source   string `json:"source"`
}

// Separation is an analyst's decision, made by splitting an incident, that
// no report of A is fused automatically with a report of B. An incident
// lists the separations its reports are on a side of.
type Separation struct {
	ID string   `json:"id"`
	A  []string `json:"a"` // report ids
	B  []string `json:"b"` // report ids
}

// Member is a report of an incident, by reference.
type Member struct {
	ID         string     `json:"id"`
	SourceType SourceType `json:"source_type"`
	SourceName string     `json:"source_name"`
	SourceRef  string     `json:"source_ref,omitempty"`
	Party      string     `json:"party,omitempty"`
}

// Parties returns the party codes an incident names: as actor, as the
// party of a member report, or as an alleged actor.
func (in *Incident) Parties() []string {
	m := map[string]bool{}
	if in.Actor != "" && in.Actor != Unknown {
		m[in.Actor] = true
	}
	for _, c := range in.Actors {
		if c.Value != Unknown {
			m[c.Value] = true
		}
	}
	for _, r := range in.Reports {
		if r.Party != "" {
			m[r.Party] = true
		}
	}
	return SortedClasses(keys(m))
}

// WeaponClasses returns the weapon classes any member report names.
func (in *Incident) WeaponClasses() []string { return claimValues(in.Weapons) }

// TargetClasses returns the target classes any member report names.
func (in *Incident) TargetClasses() []string { return claimValues(in.Targets) }

func claimValues(cs []Claim) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Value
	}
	return out
}
