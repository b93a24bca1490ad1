package sqldb

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/truce-monitor/truce"
)

// PutAgreement stores a new version of an agreement; ECONFLICT if that
// (id, version) exists.
func (t *Tx) PutAgreement(a *truce.AgreementRecord) error {
	if a.ID == "" || a.Version < 1 {
		return truce.Errorf(truce.EINVALID, "agreement: needs an id and a version of 1 or more")
	}
	doc, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("sqldb: encode agreement %s: %w", a.ID, err)
	}
	return t.insert("agreement version", fmt.Sprintf("%s@%d", a.ID, a.Version),
		`INSERT INTO agreements (id, version, doc, source) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING`,
		a.ID, a.Version, string(doc), a.Source)
}

// Agreement returns a version of an agreement, the latest for version 0.
func (t *Tx) Agreement(id string, version int) (*truce.AgreementRecord, error) {
	q, args := `SELECT doc, source FROM agreements WHERE id = ?1 AND version = ?2`, []any{id, version}
	if version == 0 {
		q, args = `SELECT doc, source FROM agreements WHERE id = ?1 ORDER BY version DESC LIMIT 1`, []any{id}
	}
	var doc, src []byte
	if err := t.queryRow(q, args, &doc, &src); err != nil {
		name := id
		if version != 0 {
			name = fmt.Sprintf("%s version %d", id, version)
		}
		return nil, t.notFound(err, "agreement", name)
	}
	return decodeAgreement(doc, src)
}

// Agreements returns the latest version of every agreement, by id.
func (t *Tx) Agreements() ([]*truce.AgreementRecord, error) {
	rows, err := t.query(`SELECT doc, source FROM agreements a
 WHERE version = (SELECT MAX(version) FROM agreements b WHERE b.id = a.id) ORDER BY id`)
	if err != nil {
		return nil, t.fail("list agreements", err)
	}
	return t.agreements(rows)
}

// AgreementVersions returns every version of one agreement, oldest first;
// none (and no error) for an unknown id.
func (t *Tx) AgreementVersions(id string) ([]*truce.AgreementRecord, error) {
	rows, err := t.query(`SELECT doc, source FROM agreements WHERE id = ?1 ORDER BY version`, id)
	if err != nil {
		return nil, t.fail("list agreement versions", err)
	}
	return t.agreements(rows)
}

func (t *Tx) agreements(rows *sql.Rows) ([]*truce.AgreementRecord, error) {
	defer rows.Close()
	var out []*truce.AgreementRecord
	for rows.Next() {
		var doc, src []byte
		if err := rows.Scan(&doc, &src); err != nil {
			return nil, t.fail("list agreements", err)
		}
		a, err := decodeAgreement(doc, src)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func decodeAgreement(doc, src []byte) (*truce.AgreementRecord, error) {
	var a truce.AgreementRecord
	if err := decodeDoc("agreement", doc, &a); err != nil {
		return nil, err
	}
	a.Source = src
	return &a, nil
}
