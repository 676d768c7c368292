-- The record minimises personal data: entries of the decision log's second encoding carry
-- commitments to what they withhold, and a call's decision opens what the call sealed; clear
-- text lives beside the log (log_disclosures), where a platform administrator can redact it
-- without breaking verification. The PostgreSQL migration of the same name matches.

-- The encoding each entry was written in: 1 for every entry before this migration.
ALTER TABLE decision_log ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
-- Commitments, `<field> <hash hex>` a line (shutaf_domain::decision_log::commitments_text).
ALTER TABLE decision_log ADD COLUMN commitments TEXT;
-- Openings of sealed texts, `<field> <salt hex> <escaped text>` a line.
ALTER TABLE decision_log ADD COLUMN openings TEXT;
-- A call's award or cancellation is looked up by kind, for the results it publishes.
CREATE INDEX decision_log_kind ON decision_log (kind, locality_id, idx);

-- The hub's key for the pseudonyms that name people on the record (64 hex digits), never
-- published. Set by the first append after this migration, which reads it with the size.
ALTER TABLE decision_log_size ADD COLUMN pseudonym_key TEXT;

-- What entries withhold, beside the log: a disclosure (sealed_for NULL) is shown with its salt
-- until redacted (clear_text and salt erased, redacted_at and the coded redaction_reason set;
-- the entry's commitment stays); a sealed text (sealed_for: the call whose decision opens it) is
-- shown to nobody, and removed when the decision puts it on the log.
CREATE TABLE log_disclosures (
    entry_index BIGINT NOT NULL REFERENCES decision_log (idx),
    field TEXT NOT NULL,
    salt TEXT,
    clear_text TEXT,
    sealed_for BIGINT,
    redacted_at BIGINT,
    redaction_reason TEXT,
    PRIMARY KEY (entry_index, field)
);
CREATE INDEX log_disclosures_sealed ON log_disclosures (sealed_for) WHERE sealed_for IS NOT NULL;
