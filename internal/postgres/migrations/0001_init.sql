-- Truce schema, PostgreSQL. Times used for filtering and ordering are Unix
-- microseconds; doc holds the full record as JSON. Never edit this file
-- once released: add 0002_….sql instead.

CREATE TABLE reports (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    received_at   BIGINT  NOT NULL,
    source_name   TEXT    NOT NULL,
    source_ref    TEXT    NOT NULL,
    source_type   TEXT    NOT NULL,
    source_party  TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    occurred_from BIGINT  NOT NULL,
    occurred_to   BIGINT  NOT NULL,
    admin1        TEXT    NOT NULL,
    doc           JSON    NOT NULL
);
CREATE UNIQUE INDEX reports_source_key ON reports (source_name, source_ref) WHERE source_ref <> '';
CREATE INDEX reports_party ON reports (source_party, seq) WHERE source_party <> '';

CREATE TABLE rejected (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    received_at BIGINT  NOT NULL,
    resolved_by TEXT    NOT NULL,
    doc         JSON    NOT NULL,
    raw         BYTEA
);

CREATE TABLE tokens (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    hash       BYTEA   NOT NULL UNIQUE,
    created_at BIGINT  NOT NULL,
    doc        JSON    NOT NULL
);

CREATE TABLE log_entries (
    idx       BIGINT  PRIMARY KEY,
    type      TEXT    NOT NULL,
    record_id TEXT    NOT NULL,
    data      BYTEA
);
CREATE INDEX log_entries_record ON log_entries (type, record_id);

CREATE TABLE log_hashes (
    idx  BIGINT PRIMARY KEY,
    hash BYTEA NOT NULL
);

CREATE TABLE checkpoints (
    size BIGINT PRIMARY KEY,
    note BYTEA,
    doc  JSON NOT NULL
);

CREATE TABLE cosignatures (
    size    BIGINT  NOT NULL,
    witness TEXT    NOT NULL,
    line    BYTEA,
    PRIMARY KEY (size, witness)
);

CREATE TABLE incidents (
    id      TEXT    PRIMARY KEY,
    t_from  BIGINT  NOT NULL,
    t_to    BIGINT  NOT NULL,
    kind    TEXT    NOT NULL,
    admin1  TEXT    NOT NULL,
    country TEXT    NOT NULL,
    lat     DOUBLE PRECISION NOT NULL,
    lon     DOUBLE PRECISION NOT NULL,
    status  TEXT    NOT NULL,
    actor   TEXT    NOT NULL,
    parties TEXT    NOT NULL,
    weapons TEXT    NOT NULL,
    targets TEXT    NOT NULL,
    doc     JSON    NOT NULL
);
CREATE INDEX incidents_newest ON incidents (t_from DESC, id DESC);

CREATE TABLE incident_reports (
    report_id   TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE
);
CREATE INDEX incident_reports_incident ON incident_reports (incident_id);

CREATE TABLE verdicts (
    incident_id  TEXT    NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    agreement_id TEXT    NOT NULL,
    version      BIGINT  NOT NULL,
    verdict      TEXT    NOT NULL,
    party        TEXT    NOT NULL,
    doc          JSON    NOT NULL,
    PRIMARY KEY (incident_id, agreement_id)
);
CREATE INDEX verdicts_agreement ON verdicts (agreement_id, verdict);

CREATE TABLE agreements (
    id      TEXT    NOT NULL,
    version BIGINT  NOT NULL,
    doc     JSON    NOT NULL,
    source  BYTEA,
    PRIMARY KEY (id, version)
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BYTEA
);
