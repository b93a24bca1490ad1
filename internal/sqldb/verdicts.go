package sqldb

import (
	"encoding/json"
	"fmt"

	"github.com/truce-monitor/truce"
)

// PutVerdicts replaces the verdicts of an incident under the agreements
// named in vs; ENOTFOUND if the incident does not exist.
func (t *Tx) PutVerdicts(incidentID string, vs []truce.Verdict) error {
	var one int
	if err := t.queryRow(`SELECT 1 FROM incidents WHERE id = ?1`, []any{incidentID}, &one); err != nil {
		return t.notFound(err, "incident", incidentID)
	}
	for _, v := range vs {
		v.Incident = incidentID
		doc, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("sqldb: encode verdict: %w", err)
		}
		_, err = t.exec(`INSERT INTO verdicts (incident_id, agreement_id, version, verdict, party, doc)
 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
 ON CONFLICT (incident_id, agreement_id) DO UPDATE SET version = excluded.version,
  verdict = excluded.verdict, party = excluded.party, doc = excluded.doc`,
			incidentID, v.Agreement, v.Version, string(v.Verdict), v.Party, string(doc))
		if err != nil {
			return t.fail("put verdict", err)
		}
	}
	return nil
}

// Verdicts returns an incident's current verdicts, by agreement id; none
// (and no error) for an incident without verdicts.
func (t *Tx) Verdicts(incidentID string) ([]truce.Verdict, error) {
	rows, err := t.query(`SELECT doc FROM verdicts WHERE incident_id = ?1 ORDER BY agreement_id`, incidentID)
	if err != nil {
		return nil, t.fail("list verdicts", err)
	}
	var out []truce.Verdict
	err = scanDocs(rows, func(doc []byte) error {
		var v truce.Verdict
		if err := decodeDoc("verdict", doc, &v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, t.fail("list verdicts", err)
	}
	return out, nil
}
