-- Truce schema, SQLite. Times used for filtering and ordering are Unix
-- microseconds; doc holds the full record as JSON. Never edit this file
-- once released: add 0002_….sql instead.

CREATE TABLE reports (
    seq           INTEGER PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    received_at   INTEGER NOT NULL,
    source_name   TEXT    NOT NULL,
    source_ref    TEXT    NOT NULL,
    source_type   TEXT    NOT NULL,
    source_party  TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    occurred_from INTEGER NOT NULL,
    occurred_to   INTEGER NOT NULL,
    admin1        TEXT    NOT NULL,
    doc           TEXT    NOT NULL
);
CREATE UNIQUE INDEX reports_source_key ON reports (source_name, source_ref) WHERE source_ref <> '';
CREATE INDEX reports_party ON reports (source_party, seq) WHERE source_party <> '';

CREATE TABLE rejected (
    seq         INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    received_at INTEGER NOT NULL,
    resolved_by TEXT    NOT NULL,
    doc         TEXT    NOT NULL,
    raw         BLOB
);

CREATE TABLE tokens (
    seq        INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    hash       BLOB    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    doc        TEXT    NOT NULL
);

CREATE TABLE log_entries (
    idx       INTEGER PRIMARY KEY,
    type      TEXT    NOT NULL,
    record_id TEXT    NOT NULL,
    data      BLOB
);
CREATE INDEX log_entries_record ON log_entries (type, record_id);

CREATE TABLE log_hashes (
    idx  INTEGER PRIMARY KEY,
    hash BLOB NOT NULL
);

CREATE TABLE checkpoints (
    size INTEGER PRIMARY KEY,
    note BLOB,
    doc  TEXT NOT NULL
);

CREATE TABLE cosignatures (
    size    INTEGER NOT NULL,
    witness TEXT    NOT NULL,
    line    BLOB,
    PRIMARY KEY (size, witness)
);

CREATE TABLE incidents (
    id      TEXT    PRIMARY KEY,
    t_from  INTEGER NOT NULL,
    t_to    INTEGER NOT NULL,
    kind    TEXT    NOT NULL,
    admin1  TEXT    NOT NULL,
    country TEXT    NOT NULL,
    lat     REAL    NOT NULL,
    lon     REAL    NOT NULL,
    status  TEXT    NOT NULL,
    actor   TEXT    NOT NULL,
    parties TEXT    NOT NULL,
    weapons TEXT    NOT NULL,
    targets TEXT    NOT NULL,
    doc     TEXT    NOT NULL
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
    version      INTEGER NOT NULL,
    verdict      TEXT    NOT NULL,
    party        TEXT    NOT NULL,
    doc          TEXT    NOT NULL,
    PRIMARY KEY (incident_id, agreement_id)
);
CREATE INDEX verdicts_agreement ON verdicts (agreement_id, verdict);

CREATE TABLE agreements (
    id      TEXT    NOT NULL,
    version INTEGER NOT NULL,
    doc     TEXT    NOT NULL,
    source  BLOB,
    PRIMARY KEY (id, version)
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB
);
