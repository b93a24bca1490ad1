package web

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"sort"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/translog"
)

// incidentData is one incident's page.
type incidentData struct {
	*app.IncidentView
	Verdicts []verdictCard
	Figures  []figureRow
	Log      []logEntry
	LogKey   string
	Server   string // this server's URL, for the verify command
	MapJSON  string // the point and its uncertainty, for the small map
}

// verdictCard is a verdict with its agreement and the text of its rules.
type verdictCard struct {
	truce.Verdict
	Title map[string]string // the agreement's title
	Rules []citedRule
}

// citedRule is a rule a verdict cites, with its text where known.
type citedRule struct {
	Cite, Text string
}

// figureRow is one figure (killed, injured) with what each source says.
type figureRow struct {
	Key    string // catalogue key of the figure's name
	Figure truce.Figure
}

// logEntry is a log entry of the incident with its inclusion proof.
type logEntry struct {
	Index      int64
	Type       string
	Entry      string // the entry's JSON, indented
	TreeSize   int64
	Proof      []string // base64 hashes
	Checkpoint string
}

func (h *Handler) incident(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	v, err := h.cfg.App.Incident(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	d := &incidentData{IncidentView: v, Server: serverURL(r),
		Figures: []figureRow{{"figure.killed", v.Killed}, {"figure.injured", v.Injured}}}
	if d.Verdicts, err = h.verdictCards(ctx, rq.lang.Code, v.Verdicts); err != nil {
		return err
	}
	if h.cfg.Log != nil {
		d.LogKey = h.cfg.Log.VerifierKey()
		if d.Log, err = h.logEntries(ctx, v); err != nil {
			return err
		}
	}
	d.MapJSON, _ = jsonString(map[string]any{"lat": v.Location.Lat, "lon": v.Location.Lon,
		"radius": v.Location.UncertaintyM, "verdict": worstVerdict(v.Verdicts)})
	title := rq.lang.T("kind."+string(v.Kind)) + " · " + placeName(rq.lang, v.Location)
	return h.render(w, r, rq, http.StatusOK, "incident", &view{Title: title, Nav: "incidents", Data: d})
}

// placeName names an incident's place: the place, else its region.
func placeName(l *lang, p truce.Place) string {
	if p.Place != "" {
		return p.Place
	}
	return regionLabel(l, p.Admin1)
}

// worstVerdict is the verdict that colours an incident on its own map:
// violation over indeterminate over no violation.
func worstVerdict(vs []truce.Verdict) truce.VerdictValue {
	out := truce.VerdictValue("")
	for _, v := range vs {
		switch {
		case v.Verdict == truce.Violation:
			return v.Verdict
		case v.Verdict == truce.Indeterminate || out == "":
			out = v.Verdict
		}
	}
	return out
}

// verdictCards pairs verdicts with their agreements, violations first.
func (h *Handler) verdictCards(ctx context.Context, code string, vs []truce.Verdict) ([]verdictCard, error) {
	var out []verdictCard
	for _, v := range vs {
		c := verdictCard{Verdict: v}
		versions, err := h.cfg.App.AgreementVersions(ctx, v.Agreement)
		if err != nil && truce.ErrorCode(err) != truce.ENOTFOUND {
			return nil, err
		}
		ch := &agreementChoice{Versions: versions}
		for _, a := range versions {
			if a.Version == v.Version {
				c.Title = a.Title
			}
		}
		for _, cite := range v.Rules {
			c.Rules = append(c.Rules, citedRule{Cite: cite, Text: ch.ruleText(cite, code)})
		}
		out = append(out, c)
	}
	rank := map[truce.VerdictValue]int{truce.Violation: 0, truce.Indeterminate: 1, truce.NoViolation: 2}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Verdict.Verdict] < rank[out[j].Verdict.Verdict] })
	return out, nil
}

// logEntries gathers the log entries of an incident: its own acts, its
// status changes, findings and replies, and its verdicts.
func (h *Handler) logEntries(ctx context.Context, v *app.IncidentView) ([]logEntry, error) {
	type rec struct{ typ, id string }
	recs := []rec{{"incident", v.ID}, {"status", v.ID}, {"finding", v.ID}, {"response", v.ID}}
	for _, vd := range v.Verdicts {
		recs = append(recs, rec{"verdict", v.ID + "/" + vd.Agreement})
	}
	var out []logEntry
	for _, rc := range recs {
		es, err := h.cfg.Log.EntriesFor(ctx, rc.typ, rc.id)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			out = append(out, newLogEntry(rc.typ, e))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Index < out[j].Index })
	return out, nil
}

func newLogEntry(typ string, e translog.EntryProof) logEntry {
	le := logEntry{Index: e.Index, Type: typ, TreeSize: e.TreeSize, Checkpoint: e.Checkpoint}
	var v any
	if json.Unmarshal(e.Entry, &v) == nil {
		b, _ := json.MarshalIndent(v, "", "  ")
		le.Entry = string(b)
	} else {
		le.Entry = string(e.Entry)
	}
	for _, hsh := range e.Proof {
		le.Proof = append(le.Proof, base64.StdEncoding.EncodeToString(hsh[:]))
	}
	return le
}

// serverURL is the URL this request reached, for commands a reader copies.
func serverURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
