-- Who proposed an alternative to a notice inviting competing proposals is sealed beside the log
-- until the notice's decision opens it, as who applied to a call is until the call's: a sealed
-- text now says which kind of matter its sealed_for is, 'call' or 'notice' (NULL for a
-- disclosure). Every text sealed before this migration was sealed for a call. The SQLite
-- migration of the same name matches.
ALTER TABLE log_disclosures ADD COLUMN sealed_kind TEXT;
UPDATE log_disclosures SET sealed_kind = 'call' WHERE sealed_for IS NOT NULL;
DROP INDEX log_disclosures_sealed;
CREATE INDEX log_disclosures_sealed ON log_disclosures (sealed_kind, sealed_for) WHERE sealed_for IS NOT NULL;
