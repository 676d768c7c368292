-- Declarations and recusals by locality (issue 12: the portal at national scale). The portal
-- lists a locality's newest declarations and recusals; each was found by probing every
-- initiative of the locality (2,830 of them in a large city: 5 ms a page). Each row now carries
-- its matter's locality, filled by a trigger from the initiative or the call (so the app, the
-- bulk generator and a restore of an older backup all fill it), and an index gives the
-- newest of a locality at once. Same columns and rules as the PostgreSQL migration.
ALTER TABLE declarations ADD COLUMN locality_id BIGINT;
UPDATE declarations SET locality_id = CASE matter
    WHEN 'initiative' THEN (SELECT locality_id FROM initiatives WHERE id = declarations.matter_id)
    ELSE (SELECT locality_id FROM calls WHERE id = declarations.matter_id) END;
CREATE INDEX declarations_locality ON declarations (locality_id, declared_at, matter_id);
CREATE TRIGGER declaration_locality AFTER INSERT ON declarations WHEN NEW.locality_id IS NULL BEGIN
    UPDATE declarations SET locality_id = CASE NEW.matter
        WHEN 'initiative' THEN (SELECT locality_id FROM initiatives WHERE id = NEW.matter_id)
        ELSE (SELECT locality_id FROM calls WHERE id = NEW.matter_id) END
    WHERE matter = NEW.matter AND matter_id = NEW.matter_id AND user_id = NEW.user_id;
END;

ALTER TABLE recusals ADD COLUMN locality_id BIGINT;
UPDATE recusals SET locality_id = CASE matter
    WHEN 'initiative' THEN (SELECT locality_id FROM initiatives WHERE id = recusals.matter_id)
    ELSE (SELECT locality_id FROM calls WHERE id = recusals.matter_id) END;
CREATE INDEX recusals_locality ON recusals (locality_id, recorded_at);
CREATE TRIGGER recusal_locality AFTER INSERT ON recusals WHEN NEW.locality_id IS NULL BEGIN
    UPDATE recusals SET locality_id = CASE NEW.matter
        WHEN 'initiative' THEN (SELECT locality_id FROM initiatives WHERE id = NEW.matter_id)
        ELSE (SELECT locality_id FROM calls WHERE id = NEW.matter_id) END
    WHERE matter = NEW.matter AND matter_id = NEW.matter_id AND user_id = NEW.user_id
      AND party_organisation_id = NEW.party_organisation_id;
END;

-- The names beside a page of declarations or recusals about calls are read from the locality's
-- entries about no initiative (a twentieth of the log), not from all of its entries.
CREATE INDEX decision_log_beside ON decision_log (locality_id, kind, idx) WHERE initiative_id IS NULL;
