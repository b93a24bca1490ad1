-- A rejected item is kept once: sending the same bytes again while the
-- first is unresolved answers with the item already kept.
ALTER TABLE rejected ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX rejected_open_hash ON rejected (content_hash) WHERE resolved_by = '';
