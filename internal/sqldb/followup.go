package sqldb

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/truce-monitor/truce"
)

// The cursors of the follow-up lists (see cursor.go).
const (
	cursorNotifications = "n1"
	cursorDeliveries    = "d1"
)

// InsertStatusChange appends to an incident's status history; ECONFLICT
// if its id exists.
func (t *Tx) InsertStatusChange(c *truce.StatusChange) error {
	if c.ID == "" || c.Incident == "" {
		return truce.Errorf(truce.EINVALID, "status change: no id or incident")
	}
	doc, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("sqldb: encode status change %s: %w", c.ID, err)
	}
	return t.insert("status change", c.ID,
		`INSERT INTO status_changes (id, incident_id, doc) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING`,
		c.ID, c.Incident, string(doc))
}

// StatusHistory returns an incident's status changes, oldest first.
func (t *Tx) StatusHistory(incidentID string) ([]*truce.StatusChange, error) {
	rows, err := t.query(`SELECT doc FROM status_changes WHERE incident_id = ?1 ORDER BY seq`, incidentID)
	if err != nil {
		return nil, t.fail("status history", err)
	}
	var out []*truce.StatusChange
	err = scanDocs(rows, func(doc []byte) error {
		var c truce.StatusChange
		if err := decodeDoc("status change", doc, &c); err != nil {
			return err
		}
		out = append(out, &c)
		return nil
	})
	if err != nil {
		return nil, t.fail("status history", err)
	}
	return out, nil
}

// InsertFinding stores a finding; ECONFLICT when its id exists or the
// incident already has a finding against the same party.
func (t *Tx) InsertFinding(f *truce.Finding) error {
	if f.ID == "" || f.Incident == "" || f.Party == "" {
		return truce.Errorf(truce.EINVALID, "finding: no id, incident or party")
	}
	doc, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("sqldb: encode finding %s: %w", f.ID, err)
	}
	return t.insert("finding", f.Incident+"/"+f.Party,
		`INSERT INTO findings (id, incident_id, party, doc) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING`,
		f.ID, f.Incident, f.Party, string(doc))
}

// Findings returns the findings of the given incidents, oldest first.
func (t *Tx) Findings(incidentIDs ...string) ([]*truce.Finding, error) {
	var out []*truce.Finding
	err := t.docsOf("findings", incidentIDs, func(doc []byte) error {
		var f truce.Finding
		if err := decodeDoc("finding", doc, &f); err != nil {
			return err
		}
		out = append(out, &f)
		return nil
	})
	return out, err
}

// InsertResponse stores a party's reply; ECONFLICT if its id exists.
func (t *Tx) InsertResponse(r *truce.Response) error {
	if r.ID == "" || r.Incident == "" {
		return truce.Errorf(truce.EINVALID, "response: no id or incident")
	}
	doc, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("sqldb: encode response %s: %w", r.ID, err)
	}
	return t.insert("response", r.ID,
		`INSERT INTO responses (id, incident_id, doc) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING`,
		r.ID, r.Incident, string(doc))
}

// Responses returns the replies to the given incidents, oldest first.
func (t *Tx) Responses(incidentIDs ...string) ([]*truce.Response, error) {
	var out []*truce.Response
	err := t.docsOf("responses", incidentIDs, func(doc []byte) error {
		var r truce.Response
		if err := decodeDoc("response", doc, &r); err != nil {
			return err
		}
		out = append(out, &r)
		return nil
	})
	return out, err
}

// maxIn is how many ids one IN list holds; longer lists take several
// queries (SQLite allows 32766 parameters, PostgreSQL 65535).
const maxIn = 500

// docsOf reads the documents of table whose incident_id is one of ids, in
// insertion order within each chunk of ids.
func (t *Tx) docsOf(table string, ids []string, add func([]byte) error) error {
	for start := 0; start < len(ids); start += maxIn {
		chunk := ids[start:min(start+maxIn, len(ids))]
		var w where
		marks := make([]string, len(chunk))
		for i, id := range chunk {
			marks[i] = w.arg(id)
		}
		q := `SELECT doc FROM ` + table + ` WHERE incident_id IN (` + strings.Join(marks, ", ") + `) ORDER BY seq`
		rows, err := t.query(q, w.args...)
		if err != nil {
			return t.fail("list "+table, err)
		}
		if err := scanDocs(rows, add); err != nil {
			return t.fail("list "+table, err)
		}
	}
	return nil
}
