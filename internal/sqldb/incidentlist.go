package sqldb

import (
	"github.com/truce-monitor/truce"
)

// Incidents returns the incidents matching f, newest first by window start
// (ties by id), and the next page's cursor.
func (t *Tx) Incidents(f truce.IncidentFilter) ([]*truce.Incident, string, error) {
	w, err := t.incidentWhere(f)
	if err != nil {
		return nil, "", err
	}
	n := limit(f.Limit)
	q := `SELECT t_from, id, doc FROM incidents` + w.sql() + ` ORDER BY t_from DESC, id DESC LIMIT ` + w.arg(n+1)
	rows, err := t.query(q, w.args...)
	if err != nil {
		return nil, "", t.fail("list incidents", err)
	}
	defer rows.Close()
	var out []*truce.Incident
	var from int64
	var id string
	for rows.Next() {
		if len(out) == n {
			return out, encodeCursor(cursorIncidents, from, id), rows.Close()
		}
		var doc []byte
		if err := rows.Scan(&from, &id, &doc); err != nil {
			return nil, "", t.fail("list incidents", err)
		}
		var in truce.Incident
		if err := decodeDoc("incident", doc, &in); err != nil {
			return nil, "", err
		}
		out = append(out, &in)
	}
	return out, "", rows.Err()
}

// incidentWhere turns an incident filter into SQL conditions.
func (t *Tx) incidentWhere(f truce.IncidentFilter) (*where, error) {
	w := &where{}
	if f.Cursor != "" {
		from, id, err := decodeCursor(cursorIncidents, f.Cursor, true)
		if err != nil {
			return nil, err
		}
		w.add("(t_from, id) < (?, ?)", from, id) // a row value: one index range
	}
	if !f.From.IsZero() {
		w.add("t_to >= ?", micros(f.From))
	}
	if !f.To.IsZero() {
		w.add("t_from <= ?", micros(f.To))
	}
	if f.Agreement != "" || f.Verdict != "" {
		t.verdictCond(w, f.Agreement, string(f.Verdict))
	}
	in := t.d.Instr
	if f.Party != "" {
		w.add(in+"(parties, ?) > 0", ","+f.Party+",")
	}
	if f.Admin1 != "" {
		w.add("admin1 = ?", f.Admin1)
	}
	if f.Kind != "" {
		w.add("kind = ?", string(f.Kind))
	}
	if f.Weapon != "" {
		w.add("("+in+"(weapons, ?) > 0 OR "+in+"(weapons, ?) > 0)", ","+f.Weapon+",", ","+f.Weapon+".")
	}
	if f.Target != "" {
		w.add("("+in+"(targets, ?) > 0 OR "+in+"(targets, ?) > 0)", ","+f.Target+",", ","+f.Target+".")
	}
	if b := f.BBox; b != nil {
		bboxCond(w, *b)
	}
	if len(f.Statuses) > 0 {
		statusCond(w, f.Statuses)
	}
	if f.VisibleTo != "" {
		w.add("("+in+"(parties, ?) > 0 OR status = ?)", ","+f.VisibleTo+",", string(truce.StatusPublished))
	}
	return w, nil
}

// verdictCond keeps incidents with a verdict under the agreement and/or of
// the value given.
func (t *Tx) verdictCond(w *where, agreement, verdict string) {
	cond := "EXISTS (SELECT 1 FROM verdicts v WHERE v.incident_id = incidents.id"
	var args []any
	if agreement != "" {
		cond += " AND v.agreement_id = ?"
		args = append(args, agreement)
	}
	if verdict != "" {
		cond += " AND v.verdict = ?"
		args = append(args, verdict)
	}
	w.add(cond+")", args...)
}

// bboxCond keeps incidents inside minLon, minLat, maxLon, maxLat; a box
// whose minLon exceeds its maxLon crosses the antimeridian.
func bboxCond(w *where, b [4]float64) {
	w.add("lat >= ? AND lat <= ?", b[1], b[3])
	if b[0] <= b[2] {
		w.add("lon >= ? AND lon <= ?", b[0], b[2])
	} else {
		w.add("(lon >= ? OR lon <= ?)", b[0], b[2])
	}
}

func statusCond(w *where, ss []truce.Status) {
	cond := "status IN ("
	args := make([]any, len(ss))
	for i, s := range ss {
		if i > 0 {
			cond += ", "
		}
		cond += "?"
		args[i] = string(s)
	}
	w.add(cond+")", args...)
}
