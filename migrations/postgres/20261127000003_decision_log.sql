-- The public decision log: append-only, one row an entry, its leaf hash kept for quick proofs.
-- Entries are appended in the same transaction as the change they record. The size row is
-- updated by every append: on PostgreSQL its row lock makes appends take turns, so the log never
-- forks; on SQLite writers take turns anyway.

CREATE TABLE decision_log (
    idx BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    locality_id BIGINT,
    initiative_id BIGINT,
    organisation_id BIGINT,
    person TEXT,
    detail TEXT,
    leaf_hash TEXT NOT NULL
);
CREATE INDEX decision_log_locality ON decision_log (locality_id, idx);
CREATE INDEX decision_log_initiative ON decision_log (initiative_id, idx);

CREATE TABLE decision_log_size (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    size BIGINT NOT NULL
);
INSERT INTO decision_log_size (id, size) VALUES (1, 0);
