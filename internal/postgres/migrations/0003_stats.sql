-- Truce schema, PostgreSQL: what the overview, the map and the daily
-- report count. incident_verdicts holds one narrow row per incident and
-- agreement: the incident's filtered columns (named as in incidents, so
-- that the same conditions apply) and its verdict under that agreement.
-- Triggers keep it in step with incidents and verdicts, so that counting
-- never joins the wide tables. Never edit this file once released: add a
-- later migration.

CREATE TABLE incident_verdicts (
    agreement_id TEXT    NOT NULL,
    id           TEXT    NOT NULL,  -- the incident
    t_from       BIGINT  NOT NULL,
    t_to         BIGINT  NOT NULL,
    kind         TEXT    NOT NULL,
    admin1       TEXT    NOT NULL,
    lat          DOUBLE PRECISION NOT NULL,
    lon          DOUBLE PRECISION NOT NULL,
    status       TEXT    NOT NULL,
    parties      TEXT    NOT NULL,
    weapons      TEXT    NOT NULL,
    targets      TEXT    NOT NULL,
    verdict      TEXT    NOT NULL,
    party        TEXT    NOT NULL,
    rules        TEXT    NOT NULL,  -- the JSON list of the rules the verdict cites
    PRIMARY KEY (agreement_id, id)
);

CREATE INDEX incident_verdicts_counts ON incident_verdicts (agreement_id, verdict, party, status, parties);
CREATE INDEX incident_verdicts_rules ON incident_verdicts (agreement_id, verdict, rules, party) INCLUDE (status, parties, t_from);
CREATE INDEX incident_verdicts_days ON incident_verdicts (agreement_id, verdict, t_from) INCLUDE (party, status, parties);
CREATE INDEX incident_verdicts_newest ON incident_verdicts (agreement_id, t_from, id) INCLUDE (status, parties);
CREATE INDEX incident_verdicts_incident ON incident_verdicts (id);
CREATE INDEX incidents_counts ON incidents (parties, kind, admin1, status, t_from);

INSERT INTO incident_verdicts
SELECT v.agreement_id, i.id, i.t_from, i.t_to, i.kind, i.admin1, i.lat, i.lon, i.status, i.parties,
       i.weapons, i.targets, v.verdict, v.party, COALESCE((v.doc -> 'rules')::text, '[]')
  FROM verdicts v JOIN incidents i ON i.id = v.incident_id;

CREATE FUNCTION incident_verdicts_from_verdict() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM incident_verdicts WHERE agreement_id = OLD.agreement_id AND id = OLD.incident_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO incident_verdicts
        SELECT NEW.agreement_id, i.id, i.t_from, i.t_to, i.kind, i.admin1, i.lat, i.lon, i.status, i.parties,
               i.weapons, i.targets, NEW.verdict, NEW.party, COALESCE((NEW.doc -> 'rules')::text, '[]')
          FROM incidents i WHERE i.id = NEW.incident_id
        ON CONFLICT (agreement_id, id) DO UPDATE SET verdict = excluded.verdict, party = excluded.party,
            rules = excluded.rules;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER incident_verdicts_on_verdict AFTER INSERT OR UPDATE OR DELETE ON verdicts
    FOR EACH ROW EXECUTE FUNCTION incident_verdicts_from_verdict();

CREATE FUNCTION incident_verdicts_from_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM incident_verdicts WHERE id = OLD.id;
    ELSIF (OLD.t_from, OLD.t_to, OLD.kind, OLD.admin1, OLD.lat, OLD.lon, OLD.status, OLD.parties,
           OLD.weapons, OLD.targets, OLD.id)
          IS DISTINCT FROM (NEW.t_from, NEW.t_to, NEW.kind, NEW.admin1, NEW.lat, NEW.lon, NEW.status,
           NEW.parties, NEW.weapons, NEW.targets, NEW.id) THEN
        UPDATE incident_verdicts SET id = NEW.id, t_from = NEW.t_from, t_to = NEW.t_to, kind = NEW.kind,
            admin1 = NEW.admin1, lat = NEW.lat, lon = NEW.lon, status = NEW.status, parties = NEW.parties,
            weapons = NEW.weapons, targets = NEW.targets
         WHERE id = OLD.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER incident_verdicts_on_incident AFTER UPDATE OR DELETE ON incidents
    FOR EACH ROW EXECUTE FUNCTION incident_verdicts_from_incident();
