package sqldb

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// The statistics of incidents are GROUP BY queries. What is counted under
// an agreement comes from incident_verdicts (migration 0003): one narrow
// row per incident and agreement, kept in step by triggers, whose columns
// are named as in incidents so that the conditions of Incidents
// (incidentWhere) apply to it unchanged when it is aliased "incidents".
// The rest comes from incidents through a covering index.

// verdictRows is the FROM clause of the rows of one agreement.
const verdictRows = " FROM incident_verdicts incidents"

// statsWhere returns the conditions that select the incidents of q.
func (t *Tx) statsWhere(q truce.StatsQuery) (*where, error) {
	f := q.Filter
	f.Limit, f.Cursor = 0, ""
	w, err := t.incidentWhere(f)
	if err != nil {
		return nil, err
	}
	if !q.Since.IsZero() {
		w.add("t_from >= ?", micros(q.Since))
	}
	if !q.Until.IsZero() {
		w.add("t_from < ?", micros(q.Until))
	}
	return w, nil
}

// agreementWhere returns the conditions of q over the rows of
// q.Agreement, with more conditions given as pairs of SQL and argument.
func (t *Tx) agreementWhere(q truce.StatsQuery, more ...string) (*where, error) {
	w, err := t.statsWhere(q)
	if err != nil {
		return nil, err
	}
	w.add("agreement_id = ?", q.Agreement)
	for i := 0; i+1 < len(more); i += 2 {
		w.add(more[i], more[i+1])
	}
	return w, nil
}

// IncidentStats counts the incidents q selects; see truce.StatsTx.
func (t *Tx) IncidentStats(q truce.StatsQuery) (*truce.IncidentStats, error) {
	st := &truce.IncidentStats{
		Verdicts: map[truce.VerdictValue]int{}, Kinds: map[truce.Kind]int{}, Regions: map[string]int{},
		Parties: []truce.PartyStat{}, Rules: []truce.RuleStat{}, Days: []truce.DayStat{},
	}
	parties := map[string]*truce.PartyStat{}
	party := func(code string) *truce.PartyStat {
		p := parties[code]
		if p == nil {
			p = &truce.PartyStat{Party: code}
			parties[code] = p
		}
		return p
	}
	if !q.VerdictsOnly {
		if err := t.statsByPlace(q, st, party); err != nil {
			return nil, err
		}
	}
	if q.Agreement != "" {
		if err := t.statsByVerdict(q, st, party); err != nil {
			return nil, err
		}
	}
	if q.Agreement != "" && !q.VerdictsOnly {
		if err := t.statsOfViolations(q, st); err != nil {
			return nil, err
		}
	}
	for _, p := range parties {
		st.Parties = append(st.Parties, *p)
	}
	sort.Slice(st.Parties, func(i, j int) bool { return st.Parties[i].Party < st.Parties[j].Party })
	return st, nil
}

// statsByPlace fills the total and the counts by kind, region and party
// named.
func (t *Tx) statsByPlace(q truce.StatsQuery, st *truce.IncidentStats, party func(string) *truce.PartyStat) error {
	w, err := t.statsWhere(q)
	if err != nil {
		return err
	}
	rows, err := t.query(`SELECT parties, kind, admin1, COUNT(*) FROM incidents`+w.sql()+
		` GROUP BY parties, kind, admin1`, w.args...)
	if err != nil {
		return t.fail("incident stats", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, admin1, ps string
		var n int
		if err := rows.Scan(&ps, &kind, &admin1, &n); err != nil {
			return t.fail("incident stats", err)
		}
		st.Total += n
		st.Kinds[truce.Kind(kind)] += n
		st.Regions[admin1] += n
		for _, p := range strings.Split(strings.Trim(ps, ","), ",") {
			if p != "" {
				party(p).Named += n
			}
		}
	}
	return rows.Err()
}

// statsByVerdict fills the verdict counts and the violations by party.
func (t *Tx) statsByVerdict(q truce.StatsQuery, st *truce.IncidentStats, party func(string) *truce.PartyStat) error {
	w, err := t.agreementWhere(q)
	if err != nil {
		return err
	}
	rows, err := t.query(`SELECT verdict, party, COUNT(*)`+verdictRows+w.sql()+` GROUP BY verdict, party`, w.args...)
	if err != nil {
		return t.fail("incident stats by verdict", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v, p string
		var n int
		if err := rows.Scan(&v, &p, &n); err != nil {
			return t.fail("incident stats by verdict", err)
		}
		st.Verdicts[truce.VerdictValue(v)] += n
		if truce.VerdictValue(v) == truce.Violation {
			party(p).Violations += n
		}
	}
	return rows.Err()
}

// statsOfViolations fills the violations by day and by rule, each from
// one range of an index of the violations of the agreement.
func (t *Tx) statsOfViolations(q truce.StatsQuery, st *truce.IncidentStats) error {
	if err := t.statsByDay(q, st); err != nil {
		return err
	}
	w, err := t.agreementWhere(q, "verdict = ?", string(truce.Violation))
	if err != nil {
		return err
	}
	rows, err := t.query(`SELECT rules, party, COUNT(*)`+verdictRows+w.sql()+` GROUP BY rules, party`, w.args...)
	if err != nil {
		return t.fail("incident stats by rule", err)
	}
	defer rows.Close()
	rules := map[truce.RuleStat]int{}
	for rows.Next() {
		var p, rs string
		var n int
		if err := rows.Scan(&rs, &p, &n); err != nil {
			return t.fail("incident stats by rule", err)
		}
		var cited []string
		if err := json.Unmarshal([]byte(rs), &cited); err != nil {
			return t.fail("incident stats by rule: rules", err)
		}
		for _, r := range truce.SortedClasses(cited) {
			rules[truce.RuleStat{Rule: r, Party: p}] += n
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for r, n := range rules {
		r.Count = n
		st.Rules = append(st.Rules, r)
	}
	sort.Slice(st.Rules, func(i, j int) bool { return ruleLess(st.Rules[i], st.Rules[j]) })
	return nil
}

// statsByDay fills the violations by day (in the query's zone) and party.
func (t *Tx) statsByDay(q truce.StatsQuery, st *truce.IncidentStats) error {
	lo, hi, err := t.startRange(q)
	if err != nil || lo > hi {
		return err
	}
	w, err := t.agreementWhere(q, "verdict = ?", string(truce.Violation))
	if err != nil {
		return err
	}
	day := dayBucket(w, q.Zone, lo, hi)
	rows, err := t.query(`SELECT `+day+`, party, COUNT(*)`+verdictRows+w.sql()+` GROUP BY 1, 2`, w.args...)
	if err != nil {
		return t.fail("incident stats by day", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d int64
		var ds truce.DayStat
		if err := rows.Scan(&d, &ds.Party, &ds.Violations); err != nil {
			return t.fail("incident stats by day", err)
		}
		ds.Day = time.Unix(d*86400, 0).UTC().Format(time.DateOnly)
		st.Days = append(st.Days, ds)
	}
	sort.Slice(st.Days, func(i, j int) bool {
		a, b := st.Days[i], st.Days[j]
		return a.Day < b.Day || a.Day == b.Day && a.Party < b.Party
	})
	return rows.Err()
}

// startRange returns the earliest and latest window start (µs) that the
// days of q may hold: the bounds of q, else those of the stored incidents.
func (t *Tx) startRange(q truce.StatsQuery) (lo, hi int64, err error) {
	var min, max *int64
	if err := t.queryRow(`SELECT MIN(t_from), MAX(t_from) FROM incidents`, nil, &min, &max); err != nil {
		return 0, 0, t.fail("incident stats", err)
	}
	if min == nil || max == nil {
		return 1, 0, nil
	}
	lo, hi = *min, *max
	if !q.Since.IsZero() {
		lo = micros(q.Since)
	}
	if !q.Until.IsZero() {
		hi = micros(q.Until)
	}
	return lo, hi, nil
}

// dayBucket returns an SQL expression of the day (days since 1970-01-01)
// on which t_from falls in zone, for starts in [lo, hi] µs: t_from shifted
// by the zone's offset, which a CASE picks among the offsets in force
// between lo and hi.
func dayBucket(w *where, zone *time.Location, lo, hi int64) string {
	if zone == nil {
		zone = time.UTC
	}
	type span struct {
		end    int64 // µs, exclusive; 0 for the last
		offset int64 // µs
	}
	var spans []span
	at := time.UnixMicro(lo).In(zone)
	for {
		_, off := at.Zone()
		_, end := at.ZoneBounds()
		if end.IsZero() || end.UnixMicro() > hi {
			spans = append(spans, span{0, int64(off) * 1e6})
			break
		}
		spans = append(spans, span{end.UnixMicro(), int64(off) * 1e6})
		at = end.In(zone)
	}
	num := func(v int64) string { return "CAST(" + w.arg(v) + " AS BIGINT)" } // typed for PostgreSQL's CASE
	var shift string
	if len(spans) == 1 {
		shift = num(spans[0].offset)
	} else {
		var b strings.Builder
		b.WriteString("CASE")
		for _, s := range spans[:len(spans)-1] {
			b.WriteString(" WHEN t_from < " + w.arg(s.end) + " THEN " + num(s.offset))
		}
		b.WriteString(" ELSE " + num(spans[len(spans)-1].offset) + " END")
		shift = b.String()
	}
	return "(t_from + " + shift + ") / " + w.arg(int64(86400e6))
}

// ruleLess orders rule citations by agreement, version and rule number
// ("… rule 2" before "… rule 10"), then by party.
func ruleLess(a, b truce.RuleStat) bool {
	if a.Rule != b.Rule {
		pa, na, _ := strings.Cut(a.Rule, " rule ")
		pb, nb, _ := strings.Cut(b.Rule, " rule ")
		if pa != pb {
			return pa < pb
		}
		if len(na) != len(nb) {
			return len(na) < len(nb)
		}
		return na < nb
	}
	return a.Party < b.Party
}

// IncidentPoints returns at most max incidents for a map; see
// truce.StatsTx.
func (t *Tx) IncidentPoints(q truce.StatsQuery, max int) ([]truce.IncidentPoint, error) {
	var w *where
	var err error
	cols, from := `id, lat, lon, t_from, kind, admin1, verdict, party`, verdictRows
	if q.Agreement != "" {
		w, err = t.agreementWhere(q)
	} else {
		w, err = t.statsWhere(q)
		cols, from = `id, lat, lon, t_from, kind, admin1, '', ''`, ` FROM incidents`
	}
	if err != nil {
		return nil, err
	}
	rows, err := t.query(`SELECT `+cols+from+w.sql()+` ORDER BY t_from DESC, id DESC LIMIT `+w.arg(max), w.args...)
	if err != nil {
		return nil, t.fail("incident points", err)
	}
	defer rows.Close()
	out := []truce.IncidentPoint{}
	for rows.Next() {
		var p truce.IncidentPoint
		var start int64
		if err := rows.Scan(&p.ID, &p.Lat, &p.Lon, &start, &p.Kind, &p.Admin1, &p.Verdict, &p.Party); err != nil {
			return nil, t.fail("incident points", err)
		}
		p.Start = time.UnixMicro(start).UTC()
		out = append(out, p)
	}
	return out, rows.Err()
}

// IncidentGrid counts incidents in cells of cell degrees; see
// truce.StatsTx.
func (t *Tx) IncidentGrid(q truce.StatsQuery, cell float64) ([]truce.GridCell, error) {
	if !(cell > 0) {
		return nil, truce.Errorf(truce.EINVALID, "grid cell: %v is not a positive size", cell)
	}
	var w *where
	var err error
	verdict, from := "verdict", verdictRows
	if q.Agreement != "" {
		w, err = t.agreementWhere(q)
	} else {
		w, err = t.statsWhere(q)
		verdict, from = "''", " FROM incidents"
	}
	if err != nil {
		return nil, err
	}
	c := w.arg(cell)
	floor := func(e string) string { return "CAST(" + e + " AS INTEGER)" } // the operand is never negative
	if t.d.Dollar {
		floor = func(e string) string { return "FLOOR(" + e + ")" } // PostgreSQL's cast rounds
	}
	viol, indet := w.arg(string(truce.Violation)), w.arg(string(truce.Indeterminate))
	rows, err := t.query(`SELECT `+floor("(lat + 90) / "+c)+` AS gy, `+floor("(lon + 180) / "+c)+` AS gx,
 COUNT(*), AVG(lat), AVG(lon),
 SUM(CASE WHEN `+verdict+` = `+viol+` THEN 1 ELSE 0 END),
 SUM(CASE WHEN `+verdict+` = `+indet+` THEN 1 ELSE 0 END)`+from+w.sql()+` GROUP BY gy, gx ORDER BY gy, gx`, w.args...)
	if err != nil {
		return nil, t.fail("incident grid", err)
	}
	defer rows.Close()
	out := []truce.GridCell{}
	for rows.Next() {
		var g truce.GridCell
		var gy, gx float64
		if err := rows.Scan(&gy, &gx, &g.Count, &g.Lat, &g.Lon, &g.Violations, &g.Indeterminate); err != nil {
			return nil, t.fail("incident grid", err)
		}
		out = append(out, g)
	}
	return out, rows.Err()
}
