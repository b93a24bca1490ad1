package sqldb

import (
	"encoding/json"
	"fmt"

	"github.com/truce-monitor/truce"
)

const upsertIncident = `INSERT INTO incidents
 (id, t_from, t_to, kind, admin1, country, lat, lon, status, actor, parties, weapons, targets, doc)
 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
 ON CONFLICT (id) DO UPDATE SET t_from = excluded.t_from, t_to = excluded.t_to,
  kind = excluded.kind, admin1 = excluded.admin1, country = excluded.country,
  lat = excluded.lat, lon = excluded.lon, status = excluded.status, actor = excluded.actor,
  parties = excluded.parties, weapons = excluded.weapons, targets = excluded.targets,
  doc = excluded.doc`

// PutIncident inserts or replaces an incident and the membership of its
// reports: a report named by in leaves any incident it was in before.
func (t *Tx) PutIncident(in *truce.Incident) error {
	if in.ID == "" {
		return truce.Errorf(truce.EINVALID, "incident: no id")
	}
	doc, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("sqldb: encode incident %s: %w", in.ID, err)
	}
	l := in.Location
	_, err = t.exec(upsertIncident, in.ID, micros(in.Window.From), micros(in.Window.To),
		string(in.Kind), l.Admin1, l.Country, l.Lat, l.Lon, string(in.Status), in.Actor,
		classList(in.Parties()), classList(truce.SortedClasses(in.WeaponClasses())),
		classList(truce.SortedClasses(in.TargetClasses())), string(doc))
	if err != nil {
		return t.fail("put incident", err)
	}
	if _, err := t.exec(`DELETE FROM incident_reports WHERE incident_id = ?1`, in.ID); err != nil {
		return t.fail("put incident members", err)
	}
	for _, m := range in.Reports {
		_, err := t.exec(`INSERT INTO incident_reports (report_id, incident_id) VALUES (?1, ?2)
 ON CONFLICT (report_id) DO UPDATE SET incident_id = excluded.incident_id`, m.ID, in.ID)
		if err != nil {
			return t.fail("put incident members", err)
		}
	}
	return nil
}

// DeleteIncident removes an incident, its membership rows and its
// verdicts; ENOTFOUND if there is no such incident.
func (t *Tx) DeleteIncident(id string) error {
	for _, q := range []string{
		`DELETE FROM verdicts WHERE incident_id = ?1`,
		`DELETE FROM incident_reports WHERE incident_id = ?1`,
	} {
		if _, err := t.exec(q, id); err != nil {
			return t.fail("delete incident", err)
		}
	}
	res, err := t.exec(`DELETE FROM incidents WHERE id = ?1`, id)
	if err != nil {
		return t.fail("delete incident", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return t.fail("delete incident", err)
	} else if n == 0 {
		return truce.NotFound("incident", id)
	}
	return nil
}

// Incident returns one incident, or ENOTFOUND.
func (t *Tx) Incident(id string) (*truce.Incident, error) {
	var doc []byte
	if err := t.queryRow(`SELECT doc FROM incidents WHERE id = ?1`, []any{id}, &doc); err != nil {
		return nil, t.notFound(err, "incident", id)
	}
	var in truce.Incident
	if err := decodeDoc("incident", doc, &in); err != nil {
		return nil, err
	}
	return &in, nil
}

// eachPage is how many incidents EachIncident reads at a time.
const eachPage = 500

// EachIncident calls fn for every incident, by id. It reads a page at a
// time and calls fn with no query open, so fn may use the Tx.
func (t *Tx) EachIncident(fn func(*truce.Incident) error) error {
	after := ""
	for {
		var page []*truce.Incident
		rows, err := t.query(`SELECT doc FROM incidents WHERE id > ?1 ORDER BY id LIMIT ?2`, after, eachPage)
		if err != nil {
			return t.fail("list incidents", err)
		}
		err = scanDocs(rows, func(doc []byte) error {
			var in truce.Incident
			if err := decodeDoc("incident", doc, &in); err != nil {
				return err
			}
			page = append(page, &in)
			return nil
		})
		if err != nil {
			return t.fail("list incidents", err)
		}
		for _, in := range page {
			if err := fn(in); err != nil {
				return err
			}
		}
		if len(page) < eachPage {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// IncidentOf returns the id of the incident a report belongs to, or
// ENOTFOUND when it belongs to none.
func (t *Tx) IncidentOf(reportID string) (string, error) {
	var id string
	err := t.queryRow(`SELECT incident_id FROM incident_reports WHERE report_id = ?1`, []any{reportID}, &id)
	if err != nil {
		return "", t.notFound(err, "incident of report", reportID)
	}
	return id, nil
}
