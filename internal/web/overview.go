package web

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
)

// overviewData is the overview page.
type overviewData struct {
	Choice  *agreementChoice
	Stats   *truce.IncidentStats
	Parties []partyRow
	Rules   *ruleTable
	Chart   *chart
	Kinds   []countRow
	Regions []countRow
	Latest  []incidentRow
	MapData string // the map's data URL
}

// partyRow is one party's line of the counts by party.
type partyRow struct {
	Party      string
	Named      int
	Violations int
}

// countRow is one line of a simple count.
type countRow struct {
	Key   string
	Count int
}

// incidentRow is an incident in a list, with its verdict under the
// agreement the page is about.
type incidentRow struct {
	*app.IncidentView
	Verdict    *truce.Verdict // under the chosen agreement; nil when none
	Violations []string       // agreements under which it is a violation
}

func (h *Handler) overview(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	choice, err := h.chooseAgreement(ctx, r.URL.Query().Get("agreement"))
	if err != nil {
		return err
	}
	q := truce.StatsQuery{Agreement: choice.ID(), Zone: kyiv}
	st, err := h.cfg.App.IncidentStats(ctx, q)
	if err != nil {
		return err
	}
	latest, _, err := h.cfg.App.Incidents(ctx, truce.IncidentFilter{Limit: 10})
	if err != nil {
		return err
	}
	d := &overviewData{Choice: choice, Stats: st, Parties: partyRows(st), Rules: ruleRows(st, choice, rq.lang.Code),
		Chart: timeline(rq.lang, st.Days), Kinds: kindRows(st), Regions: regionRows(st),
		Latest: incidentRows(latest, choice.ID())}
	mq := url.Values{}
	if id := choice.ID(); id != "" {
		mq.Set("agreement", id)
	}
	d.MapData = withQuery("/map/incidents.geojson", mq)
	return h.render(w, r, rq, http.StatusOK, "overview", &view{Title: rq.lang.T("overview.title"), Nav: "overview", Data: d})
}

// agreementChoice is the agreement a page counts verdicts under, among
// every agreement loaded.
type agreementChoice struct {
	All      []*truce.AgreementRecord
	Current  *truce.AgreementRecord   // nil when none is loaded
	Versions []*truce.AgreementRecord // of Current, for rules cited by older versions
}

// ID returns the chosen agreement's id, or "".
func (c *agreementChoice) ID() string {
	if c.Current == nil {
		return ""
	}
	return c.Current.ID
}

// chooseAgreement returns the agreement named by id, or by default the one
// that most recently came into force (by the app's clock), else the
// latest to start.
func (h *Handler) chooseAgreement(ctx context.Context, id string) (*agreementChoice, error) {
	all, err := h.cfg.App.Agreements(ctx)
	if err != nil {
		return nil, err
	}
	c := &agreementChoice{All: all}
	for _, a := range all {
		if a.ID == id {
			c.Current = a
		}
	}
	if id != "" && c.Current == nil {
		return nil, truce.NotFound("agreement", id)
	}
	if c.Current == nil {
		c.Current = defaultAgreement(all, h.cfg.App.Clock.Now())
	}
	if c.Current != nil {
		if c.Versions, err = h.cfg.App.AgreementVersions(ctx, c.Current.ID); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func defaultAgreement(all []*truce.AgreementRecord, now time.Time) *truce.AgreementRecord {
	var best, latest *truce.AgreementRecord
	for _, a := range all {
		if a.Terms == nil {
			continue
		}
		from := a.Terms.InForce.From
		if latest == nil || from.After(latest.Terms.InForce.From) {
			latest = a
		}
		if !now.Before(from) && (best == nil || from.After(best.Terms.InForce.From)) {
			best = a
		}
	}
	if best != nil {
		return best
	}
	if latest != nil {
		return latest
	}
	if len(all) > 0 {
		return all[0]
	}
	return nil
}

// ruleText returns the text of a cited rule ("id vN rule R") in the
// language, from the version it cites.
func (c *agreementChoice) ruleText(cite, code string) string {
	head, num, ok := strings.Cut(cite, " rule ")
	if !ok {
		return ""
	}
	for _, v := range c.Versions {
		if v.Terms != nil && v.ID+" v"+strconv.Itoa(v.Version) == head {
			if r := v.Terms.Rule(num); r != nil {
				return r.Text.Get(code)
			}
		}
	}
	return ""
}

func partyRows(st *truce.IncidentStats) []partyRow {
	var out []partyRow
	for _, p := range st.Parties {
		out = append(out, partyRow{Party: p.Party, Named: p.Named, Violations: p.Violations})
	}
	return out
}

func kindRows(st *truce.IncidentStats) []countRow {
	var out []countRow
	for _, k := range truce.Kinds {
		if n := st.Kinds[k]; n > 0 {
			out = append(out, countRow{Key: string(k), Count: n})
		}
	}
	return out
}

// regionRows lists the regions with incidents, most first (at most 12).
func regionRows(st *truce.IncidentStats) []countRow {
	var out []countRow
	for k, n := range st.Regions {
		out = append(out, countRow{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Count > out[j].Count || out[i].Count == out[j].Count && out[i].Key < out[j].Key
	})
	if len(out) > 12 {
		out = out[:12]
	}
	return out
}

// incidentRows pairs incidents with their verdict under an agreement.
func incidentRows(ins []*app.IncidentView, agreement string) []incidentRow {
	out := make([]incidentRow, 0, len(ins))
	for _, in := range ins {
		row := incidentRow{IncidentView: in}
		for i := range in.Verdicts {
			v := &in.Verdicts[i]
			if v.Agreement == agreement {
				row.Verdict = v
			}
			if v.Verdict == truce.Violation {
				row.Violations = append(row.Violations, v.Agreement)
			}
		}
		out = append(out, row)
	}
	return out
}

// ruleTable is the violations by rule (rows) and party (columns).
type ruleTable struct {
	Parties []string
	Rows    []ruleRow
}

// ruleRow is one rule's violations, by party in the order of the table.
type ruleRow struct {
	Cite   string
	Text   string
	Counts []int
	Total  int
}

func ruleRows(st *truce.IncidentStats, c *agreementChoice, code string) *ruleTable {
	t := &ruleTable{}
	seen := map[string]bool{}
	for _, r := range st.Rules {
		if !seen[r.Party] {
			seen[r.Party] = true
			t.Parties = append(t.Parties, r.Party)
		}
	}
	sort.Strings(t.Parties)
	col := map[string]int{}
	for i, p := range t.Parties {
		col[p] = i
	}
	for _, r := range st.Rules {
		if n := len(t.Rows); n == 0 || t.Rows[n-1].Cite != r.Rule {
			t.Rows = append(t.Rows, ruleRow{Cite: r.Rule, Text: c.ruleText(r.Rule, code), Counts: make([]int, len(t.Parties))})
		}
		row := &t.Rows[len(t.Rows)-1]
		row.Counts[col[r.Party]] += r.Count
		row.Total += r.Count
	}
	return t
}
