-- Truce schema, PostgreSQL: the follow-up of incidents (status history,
-- findings, the parties' replies, notifications, webhooks and the delivery
-- outbox). Times are Unix microseconds; doc holds the full record as JSON.
-- Never edit this file once released: add a later migration instead.

CREATE TABLE status_changes (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    incident_id TEXT    NOT NULL,
    doc         JSON    NOT NULL
);
CREATE INDEX status_changes_incident ON status_changes (incident_id, seq);

CREATE TABLE findings (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    incident_id TEXT    NOT NULL,
    party       TEXT    NOT NULL,
    doc         JSON    NOT NULL,
    UNIQUE (incident_id, party)
);

CREATE TABLE responses (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    incident_id TEXT    NOT NULL,
    doc         JSON    NOT NULL
);
CREATE INDEX responses_incident ON responses (incident_id, seq);

CREATE TABLE notifications (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    addressee   TEXT    NOT NULL,
    incident_id TEXT    NOT NULL,
    acked_at    BIGINT  NOT NULL,  -- 0 until acknowledged
    acked_by    TEXT    NOT NULL,
    doc         JSON    NOT NULL
);
CREATE INDEX notifications_addressee ON notifications (addressee, seq);

CREATE TABLE webhooks (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    addressee  TEXT    NOT NULL,
    secret     TEXT    NOT NULL,
    deleted_at BIGINT  NOT NULL,   -- 0 while in use
    doc        JSON    NOT NULL
);

CREATE TABLE deliveries (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE,
    webhook_id      TEXT    NOT NULL,
    notification_id TEXT    NOT NULL,
    event           TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        BIGINT  NOT NULL,
    next_at         BIGINT  NOT NULL,
    last_status     BIGINT  NOT NULL,
    last_error      TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    delivered_at    BIGINT  NOT NULL,  -- 0 until delivered
    body            BYTEA   NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (next_at) WHERE state = 'pending';
CREATE INDEX deliveries_webhook ON deliveries (webhook_id, seq);
