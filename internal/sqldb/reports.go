package sqldb

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/truce-monitor/truce"
)

const insertReport = `INSERT INTO reports
 (id, received_at, source_name, source_ref, source_type, source_party, kind,
  occurred_from, occurred_to, admin1, doc)
 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
 ON CONFLICT DO NOTHING`

// InsertReport stores a new report; ECONFLICT when its id or its
// (source.name, source.ref) is taken. The stored document is the report's
// canonical JSON, the bytes whose SHA-256 the log commits to.
func (t *Tx) InsertReport(r *truce.Report) error {
	return t.InsertReportDoc(r, nil)
}

var _ truce.ReportDocInserter = (*Tx)(nil)

// InsertReportDoc is InsertReport with the report's canonical JSON as the
// caller encoded it (truce.ReportDocInserter); nil encodes it here.
func (t *Tx) InsertReportDoc(r *truce.Report, doc []byte) error {
	if r.ID == "" {
		return truce.Errorf(truce.EINVALID, "report: no id")
	}
	var err error
	if doc == nil {
		if doc, err = r.CanonicalJSON(); err != nil {
			return fmt.Errorf("sqldb: encode report %s: %w", r.ID, err)
		}
	}
	admin1 := r.Location.Admin1
	if r.Geocode != nil && r.Geocode.Admin1 != "" {
		admin1 = r.Geocode.Admin1
	}
	err = t.insert("report", r.ID, insertReport, r.ID, micros(r.ReceivedAt),
		r.Source.Name, r.Source.Ref, string(r.Source.Type), r.Source.Party,
		string(r.Kind), micros(r.Occurred.From), micros(r.Occurred.To), admin1, string(doc))
	if err != nil && truce.ErrorCode(err) == truce.ECONFLICT && r.Source.Ref != "" {
		return truce.Errorf(truce.ECONFLICT, "report %q or source %q ref %q already exists", r.ID, r.Source.Name, r.Source.Ref)
	}
	return err
}

// Report returns the report with the given id, or ENOTFOUND.
func (t *Tx) Report(id string) (*truce.Report, error) {
	var doc []byte
	err := t.queryRow(`SELECT doc FROM reports WHERE id = ?1`, []any{id}, &doc)
	if err != nil {
		return nil, t.notFound(err, "report", id)
	}
	return decodeReport(doc)
}

// ReportByKey returns the report with the given source name and ref.
func (t *Tx) ReportByKey(sourceName, sourceRef string) (*truce.Report, error) {
	var doc []byte
	err := t.queryRow(`SELECT doc FROM reports WHERE source_name = ?1 AND source_ref = ?2 AND source_ref <> ''`,
		[]any{sourceName, sourceRef}, &doc)
	if err != nil {
		return nil, t.notFound(err, "report", sourceName+"/"+sourceRef)
	}
	return decodeReport(doc)
}

// Reports returns the reports matching f, newest first, and the next
// page's cursor ("" on the last page).
func (t *Tx) Reports(f truce.ReportFilter) ([]*truce.Report, string, error) {
	var w where
	if f.Cursor != "" {
		seq, _, err := decodeCursor(cursorReports, f.Cursor, false)
		if err != nil {
			return nil, "", err
		}
		w.add("seq < ?", seq)
	}
	if !f.From.IsZero() {
		w.add("occurred_to >= ?", micros(f.From))
	}
	if !f.To.IsZero() {
		w.add("occurred_from <= ?", micros(f.To))
	}
	if f.SourceParty != "" {
		w.add("source_party <> ''") // lets the partial index on source_party serve
	}
	for _, c := range []struct{ col, v string }{
		{"source_type", string(f.SourceType)}, {"source_name", f.SourceName},
		{"source_party", f.SourceParty}, {"kind", string(f.Kind)}, {"admin1", f.Admin1},
	} {
		if c.v != "" {
			w.add(c.col+" = ?", c.v)
		}
	}
	if f.Restricted {
		t.visibleReports(&w, f.VisibleParty)
	}
	n := limit(f.Limit)
	q := `SELECT seq, doc FROM reports` + w.sql() + ` ORDER BY seq DESC LIMIT ` + w.arg(n+1)
	rows, err := t.query(q, w.args...)
	if err != nil {
		return nil, "", t.fail("list reports", err)
	}
	defer rows.Close()
	var out []*truce.Report
	var last int64
	for rows.Next() {
		if len(out) == n {
			return out, encodeCursor(cursorReports, last, ""), rows.Close()
		}
		var doc []byte
		if err := rows.Scan(&last, &doc); err != nil {
			return nil, "", t.fail("list reports", err)
		}
		r, err := decodeReport(doc)
		if err != nil {
			return nil, "", err
		}
		out = append(out, r)
	}
	return out, "", rows.Err()
}

// storedReport is Report without its methods, for the standard decoder.
type storedReport truce.Report

// decodeReport decodes a stored report. The documents are Truce's own
// encoding, so the standard decoder reads them, several times faster than
// the intake decoder of Report.UnmarshalJSON; a document with fields the
// Report type lacks (kept in Extra) falls back to the latter.
func decodeReport(doc []byte) (*truce.Report, error) {
	var fast storedReport
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fast); err == nil {
		r := truce.Report(fast)
		return &r, nil
	}
	var r truce.Report
	if err := json.Unmarshal(doc, &r); err != nil {
		return nil, fmt.Errorf("sqldb: decode stored report: %w", err)
	}
	return &r, nil
}

// decodeDoc decodes a stored JSON document into v.
func decodeDoc(what string, doc []byte, v any) error {
	if err := json.Unmarshal(doc, v); err != nil {
		return fmt.Errorf("sqldb: decode stored %s: %w", what, err)
	}
	return nil
}

// scanDocs reads rows of one JSON document each, decoding each with add.
func scanDocs(rows *sql.Rows, add func(doc []byte) error) error {
	defer rows.Close()
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&doc); err != nil {
			return err
		}
		if err := add(doc); err != nil {
			return err
		}
	}
	return rows.Err()
}

// visibleReports keeps the reports of published incidents and, for a
// party, the reports filed for it.
func (t *Tx) visibleReports(w *where, party string) {
	published := "EXISTS (SELECT 1 FROM incident_reports ir JOIN incidents i ON i.id = ir.incident_id" +
		" WHERE ir.report_id = reports.id AND i.status = ?)"
	if party == "" {
		w.add(published, string(truce.StatusPublished))
		return
	}
	w.add("(source_party = ? OR "+published+")", party, string(truce.StatusPublished))
}
