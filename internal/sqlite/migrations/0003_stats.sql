-- Truce schema, SQLite: what the overview, the map and the daily report
-- count. incident_verdicts holds one narrow row per incident and agreement:
-- the incident's filtered columns (named as in incidents, so that the same
-- conditions apply) and its verdict under that agreement. Triggers keep it
-- in step with incidents and verdicts, so that counting never joins the
-- wide tables. Never edit this file once released: add a later migration.

CREATE TABLE incident_verdicts (
    agreement_id TEXT    NOT NULL,
    id           TEXT    NOT NULL,  -- the incident
    t_from       INTEGER NOT NULL,
    t_to         INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    admin1       TEXT    NOT NULL,
    lat          REAL    NOT NULL,
    lon          REAL    NOT NULL,
    status       TEXT    NOT NULL,
    parties      TEXT    NOT NULL,
    weapons      TEXT    NOT NULL,
    targets      TEXT    NOT NULL,
    verdict      TEXT    NOT NULL,
    party        TEXT    NOT NULL,
    rules        TEXT    NOT NULL,  -- the JSON list of the rules the verdict cites
    PRIMARY KEY (agreement_id, id)
) WITHOUT ROWID;

-- Each count reads one narrow index in its own order, so that SQLite
-- streams the groups: verdicts by party; violations by rule; violations
-- by day (a range of window starts); the newest incidents of a map.
CREATE INDEX incident_verdicts_counts ON incident_verdicts (agreement_id, verdict, party, status, parties);
CREATE INDEX incident_verdicts_rules ON incident_verdicts (agreement_id, verdict, rules, party, status, parties, t_from);
CREATE INDEX incident_verdicts_days ON incident_verdicts (agreement_id, verdict, t_from, party, status, parties);
CREATE INDEX incident_verdicts_newest ON incident_verdicts (agreement_id, t_from, id, status, parties);
-- Keeping rows in step with their incident.
CREATE INDEX incident_verdicts_incident ON incident_verdicts (id);
-- Counts by party named, kind and region stream in the order of this index.
CREATE INDEX incidents_counts ON incidents (parties, kind, admin1, status, t_from);

INSERT INTO incident_verdicts
SELECT v.agreement_id, i.id, i.t_from, i.t_to, i.kind, i.admin1, i.lat, i.lon, i.status, i.parties,
       i.weapons, i.targets, v.verdict, v.party, COALESCE(json_extract(v.doc, '$.rules'), '[]')
  FROM verdicts v JOIN incidents i ON i.id = v.incident_id;

CREATE TRIGGER incident_verdicts_on_insert AFTER INSERT ON verdicts BEGIN
    INSERT OR REPLACE INTO incident_verdicts
    SELECT NEW.agreement_id, i.id, i.t_from, i.t_to, i.kind, i.admin1, i.lat, i.lon, i.status, i.parties,
           i.weapons, i.targets, NEW.verdict, NEW.party, COALESCE(json_extract(NEW.doc, '$.rules'), '[]')
      FROM incidents i WHERE i.id = NEW.incident_id;
END;

CREATE TRIGGER incident_verdicts_on_update AFTER UPDATE ON verdicts BEGIN
    DELETE FROM incident_verdicts WHERE agreement_id = OLD.agreement_id AND id = OLD.incident_id;
    INSERT OR REPLACE INTO incident_verdicts
    SELECT NEW.agreement_id, i.id, i.t_from, i.t_to, i.kind, i.admin1, i.lat, i.lon, i.status, i.parties,
           i.weapons, i.targets, NEW.verdict, NEW.party, COALESCE(json_extract(NEW.doc, '$.rules'), '[]')
      FROM incidents i WHERE i.id = NEW.incident_id;
END;

CREATE TRIGGER incident_verdicts_on_delete AFTER DELETE ON verdicts BEGIN
    DELETE FROM incident_verdicts WHERE agreement_id = OLD.agreement_id AND id = OLD.incident_id;
END;

CREATE TRIGGER incident_verdicts_on_incident AFTER UPDATE ON incidents
WHEN OLD.t_from IS NOT NEW.t_from OR OLD.t_to IS NOT NEW.t_to OR OLD.kind IS NOT NEW.kind
  OR OLD.admin1 IS NOT NEW.admin1 OR OLD.lat IS NOT NEW.lat OR OLD.lon IS NOT NEW.lon
  OR OLD.status IS NOT NEW.status OR OLD.parties IS NOT NEW.parties
  OR OLD.weapons IS NOT NEW.weapons OR OLD.targets IS NOT NEW.targets OR OLD.id IS NOT NEW.id
BEGIN
    UPDATE incident_verdicts SET id = NEW.id, t_from = NEW.t_from, t_to = NEW.t_to, kind = NEW.kind,
        admin1 = NEW.admin1, lat = NEW.lat, lon = NEW.lon, status = NEW.status, parties = NEW.parties,
        weapons = NEW.weapons, targets = NEW.targets
     WHERE id = OLD.id;
END;

CREATE TRIGGER incident_verdicts_on_incident_delete AFTER DELETE ON incidents BEGIN
    DELETE FROM incident_verdicts WHERE id = OLD.id;
END;
