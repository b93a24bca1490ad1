package truce

import "encoding/json"

// VerdictValue is the answer of an evaluation.
type VerdictValue string

// The three verdicts of agreement-format.md.
const (
	Violation     VerdictValue = "violation"
	NoViolation   VerdictValue = "no_violation"
	Indeterminate VerdictValue = "indeterminate"
)

// Unattributed is the party of a violation by an unknown actor where every
// party is bound.
const Unattributed = "unattributed"

// Verdict is the judgement of one incident under one agreement version,
// with the rules it rests on, the party held responsible and the reasons.
// It is a function of the incident and the agreement version only.
type Verdict struct {
	Incident  string       `json:"incident,omitempty"`
	Agreement string       `json:"agreement"`
	Version   int          `json:"version"`
	Verdict   VerdictValue `json:"verdict"`
	Rules     []string     `json:"rules"`
	Party     string       `json:"-"` // "" renders as null
	Reasons   []string     `json:"reasons"`
	Readings  []Reading    `json:"readings,omitempty"`
}

// Reading is the verdict under one party's reading of a disputed window.
type Reading struct {
	Party   string       `json:"party"`
	Verdict VerdictValue `json:"verdict"`
}

type verdictAlias Verdict

type verdictJSON struct {
	verdictAlias
	Party *string `json:"party"`
}

// MarshalJSON renders Party as null when no party is held responsible.
func (v Verdict) MarshalJSON() ([]byte, error) {
	out := verdictJSON{verdictAlias: verdictAlias(v)}
	if out.Rules == nil {
		out.Rules = []string{}
	}
	if out.Reasons == nil {
		out.Reasons = []string{}
	}
	if v.Party != "" {
		out.Party = &v.Party
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (v *Verdict) UnmarshalJSON(b []byte) error {
	var in verdictJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	*v = Verdict(in.verdictAlias)
	if in.Party != nil {
		v.Party = *in.Party
	}
	return nil
}
