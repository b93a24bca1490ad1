package web

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"time"

	"github.com/truce-monitor/truce"
)

// The daily report counts by one rule for everyone: incidents, not
// reports (an incident counts once however many sources report it), on
// the day in Kyiv time on which its window begins, each violation under
// the chosen agreement by the party it is attributed to.

// maxDailyRows is the most incidents a daily report lists.
const maxDailyRows = 500

// dailyData is the daily report of one day.
type dailyData struct {
	Day, Prev, Next string // YYYY-MM-DD
	Choice          *agreementChoice
	Stats, Before   *truce.IncidentStats
	Parties         []dailyParty
	Rules           *ruleTable
	RulesBefore     map[string][]int // rule cite → counts by the table's parties on the day before
	Rows            []incidentRow
	More            bool // more incidents than listed
	MapData         string
	Listing         string
}

// dailyParty is a party's counts on the day and the change since the day
// before.
type dailyParty struct {
	Party                  string
	Named, NamedBefore     int
	Violations, ViolBefore int
	NamedDelta, ViolDelta  int
}

func (h *Handler) dailyLatest(w http.ResponseWriter, r *http.Request, rq *request) error {
	day := h.cfg.App.Clock.Now().In(kyiv).Format(time.DateOnly)
	ps, err := h.cfg.App.IncidentPoints(r.Context(), truce.StatsQuery{}, 1)
	if err != nil {
		return err
	}
	if len(ps) == 1 {
		day = ps[0].Start.In(kyiv).Format(time.DateOnly)
	}
	http.Redirect(w, r, withQuery("/reports/daily/"+day, r.URL.Query()), http.StatusFound)
	return nil
}

func (h *Handler) daily(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	start, err := time.ParseInLocation(time.DateOnly, r.PathValue("date"), kyiv) // the day's first instant
	if err != nil {
		return truce.Errorf(truce.EINVALID, "date: %q is not a day (want YYYY-MM-DD)", r.PathValue("date"))
	}
	end, before := start.AddDate(0, 0, 1), start.AddDate(0, 0, -1)
	choice, err := h.chooseAgreement(ctx, r.URL.Query().Get("agreement"))
	if err != nil {
		return err
	}
	d := &dailyData{Day: start.Format(time.DateOnly), Prev: before.Format(time.DateOnly), Next: end.Format(time.DateOnly), Choice: choice}
	q := truce.StatsQuery{Agreement: choice.ID(), Zone: kyiv, Since: start, Until: end}
	if d.Stats, err = h.cfg.App.IncidentStats(ctx, q); err != nil {
		return err
	}
	q.Since, q.Until = before, start
	if d.Before, err = h.cfg.App.IncidentStats(ctx, q); err != nil {
		return err
	}
	d.Parties = dailyParties(d.Stats, d.Before)
	d.Rules = ruleRows(d.Stats, choice, rq.lang.Code)
	d.RulesBefore = rulesBefore(d.Rules, d.Before, choice, rq.lang.Code)
	if d.Rows, d.More, err = h.dayIncidents(ctx, start, end, choice.ID(), d.Stats.Total); err != nil {
		return err
	}
	mq := url.Values{"since": {start.Format(time.RFC3339)}, "until": {end.Format(time.RFC3339)}}
	if id := choice.ID(); id != "" {
		mq.Set("agreement", id)
	}
	d.MapData = withQuery("/map/incidents.geojson", mq)
	d.Listing = withQuery("/incidents", url.Values{"from": {start.Format(time.RFC3339)}, "to": {end.Add(-time.Second).Format(time.RFC3339)}})
	return h.render(w, r, rq, http.StatusOK, "daily", &view{Title: rq.lang.T("daily.title") + " · " + longDay(rq.lang, d.Day), Nav: "daily", Data: d})
}

// dayIncidents lists the n incidents whose window begins in [start, end),
// with their verdict under the agreement: n is the day's count, so that
// the store stops reading once it has them (the newest-first list reaches
// them first; incidents that began earlier and overlap the day come after).
func (h *Handler) dayIncidents(ctx context.Context, start, end time.Time, agreement string, n int) ([]incidentRow, bool, error) {
	if n == 0 {
		return nil, false, nil
	}
	more := n > maxDailyRows
	f := truce.IncidentFilter{From: start, To: end.Add(-time.Nanosecond), Limit: min(n, maxDailyRows)}
	ins, _, err := h.cfg.App.Incidents(ctx, f)
	if err != nil {
		return nil, false, err
	}
	var rows []incidentRow
	for _, row := range incidentRows(ins, agreement) {
		if !row.Window.From.Before(start) && row.Window.From.Before(end) {
			rows = append(rows, row)
		}
	}
	return rows, more, nil
}

func dailyParties(now, before *truce.IncidentStats) []dailyParty {
	m := map[string]*dailyParty{}
	get := func(p string) *dailyParty {
		if m[p] == nil {
			m[p] = &dailyParty{Party: p}
		}
		return m[p]
	}
	for _, p := range now.Parties {
		dp := get(p.Party)
		dp.Named, dp.Violations = p.Named, p.Violations
	}
	for _, p := range before.Parties {
		dp := get(p.Party)
		dp.NamedBefore, dp.ViolBefore = p.Named, p.Violations
	}
	var out []dailyParty
	for _, dp := range m {
		dp.NamedDelta, dp.ViolDelta = dp.Named-dp.NamedBefore, dp.Violations-dp.ViolBefore
		out = append(out, *dp)
	}
	sort.Slice(out, func(i, j int) bool { return partyOrder(out[i].Party) < partyOrder(out[j].Party) })
	return out
}

// rulesBefore counts the day before's violations in the rows and columns
// of the day's rule table; rules broken only the day before get a row
// with zeros today.
func rulesBefore(t *ruleTable, before *truce.IncidentStats, c *agreementChoice, code string) map[string][]int {
	col := map[string]int{}
	for i, p := range t.Parties {
		col[p] = i
	}
	out := map[string][]int{}
	for _, row := range t.Rows {
		out[row.Cite] = make([]int, len(t.Parties))
	}
	for _, r := range before.Rules {
		i, ok := col[r.Party]
		if !ok {
			continue
		}
		if out[r.Rule] == nil {
			out[r.Rule] = make([]int, len(t.Parties))
			t.Rows = append(t.Rows, ruleRow{Cite: r.Rule, Text: c.ruleText(r.Rule, code), Counts: make([]int, len(t.Parties))})
		}
		out[r.Rule][i] += r.Count
	}
	return out
}
