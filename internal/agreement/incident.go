package agreement

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/truce-monitor/truce"
)

// IncidentFromReport makes a one-report incident of a validated report, so
// a report can be evaluated before (or without) fusion: its kind, window,
// place (the geocoded one where there is one), weapon and target classes,
// attribution, tolls and counts. The incident's id is the report's id, or,
// for a report not yet stored, "r-" and a digest of its source name and ref
// (of its content when it has no ref), so the same report always gives the
// same id.
func IncidentFromReport(r *truce.Report) *truce.Incident {
	in := &truce.Incident{
		ID:          reportIncidentID(r),
		Kind:        r.Kind,
		Aggregate:   r.Aggregate,
		Window:      r.Occurred,
		Location:    placeOf(r),
		Actor:       r.AttributedTo,
		Counts:      r.Counts,
		Chains:      1,
		Credibility: r.Credibility,
		Status:      truce.StatusReported,
		CreatedAt:   r.ReceivedAt,
		UpdatedAt:   r.ReceivedAt,
	}
	if in.Window.To.IsZero() || in.Window.To.Before(in.Window.From) {
		in.Window.To = in.Window.From
	}
	if in.Actor == "" {
		in.Actor = truce.Unknown
	}
	rid, src := in.ID, r.Source.Name
	claim := func(value, name string) truce.Claim {
		return truce.Claim{Value: value, Name: name, Reports: []string{rid}, Sources: []string{src}}
	}
	seen := map[string]bool{}
	for _, w := range r.Weapons {
		if w.Class != "" && !seen[w.Class] {
			seen[w.Class] = true
			in.Weapons = append(in.Weapons, claim(w.Class, w.Model))
		}
	}
	if t := r.Target; t != nil && t.Class != "" {
		in.Targets = []truce.Claim{claim(t.Class, t.Name)}
	}
	in.Actors = []truce.Claim{claim(in.Actor, "")}
	in.Killed = figure(r.Casualties.Killed, rid, src)
	in.Injured = figure(r.Casualties.Injured, rid, src)
	in.Reports = []truce.Member{{ID: rid, SourceType: r.Source.Type, SourceName: src, SourceRef: r.Source.Ref, Party: r.Source.Party}}
	if r.Source.Type == truce.SourceParty && in.Actor != truce.Unknown && in.Actor != r.Source.Party {
		in.Allegations = []string{r.Source.Party}
	}
	return in
}

func reportIncidentID(r *truce.Report) string {
	if r.ID != "" {
		return r.ID
	}
	var sum [32]byte
	if r.Source.Ref != "" {
		sum = sha256.Sum256([]byte(r.Source.Name + "\x00" + r.Source.Ref))
	} else {
		b, _ := truce.CanonicalJSON(r)
		sum = sha256.Sum256(b)
	}
	return "r-" + hex.EncodeToString(sum[:8])
}

// placeOf is the report's place: the geocoded point where there is one,
// else the coordinates as given (no coordinates: 0, 0).
func placeOf(r *truce.Report) truce.Place {
	l := r.Location
	p := truce.Place{Place: l.Place, Admin1: l.Admin1, Country: l.Country}
	if g := r.Geocode; g != nil {
		p.Lat, p.Lon, p.UncertaintyM = g.Lat, g.Lon, g.UncertaintyM
		p.Precision, p.Why = g.Precision, g.Method
		if g.Admin1 != "" {
			p.Admin1 = g.Admin1
		}
		if g.Country != "" {
			p.Country = g.Country
		}
		return p
	}
	if l.Lat != nil && l.Lon != nil {
		p.Lat, p.Lon, p.Precision = *l.Lat, *l.Lon, "point"
		if l.UncertaintyM != nil {
			p.UncertaintyM = *l.UncertaintyM
		}
	}
	return p
}

func figure(n *int, rid, src string) truce.Figure {
	if n == nil {
		return truce.Figure{}
	}
	v := *n
	return truce.Figure{Low: &v, Best: &v, High: &v, Claims: []truce.FigureClaim{{Value: v, ReportID: rid, Source: src}}}
}
