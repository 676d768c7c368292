-- Declarations and recusals by locality (issue 12: the portal at national scale). The portal
-- lists a locality's newest declarations and recusals; each was found by probing every
-- initiative of the locality (2,830 of them in a large city: 5 ms a page). Each row now carries
-- its matter's locality, filled by a trigger from the initiative or the call (so the app, the
-- bulk generator and a restore of an older backup all fill it), and an index gives the
-- newest of a locality at once. Same columns and rules as the SQLite migration.
CREATE FUNCTION matter_locality(matter TEXT, matter_id BIGINT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT CASE $1
        WHEN 'initiative' THEN (SELECT i.locality_id FROM initiatives i WHERE i.id = $2)
        ELSE (SELECT c.locality_id FROM calls c WHERE c.id = $2) END
$$;
CREATE FUNCTION fill_matter_locality() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.locality_id IS NULL THEN
        NEW.locality_id := matter_locality(NEW.matter, NEW.matter_id);
    END IF;
    RETURN NEW;
END $$;

ALTER TABLE declarations ADD COLUMN locality_id BIGINT;
UPDATE declarations SET locality_id = matter_locality(matter, matter_id);
CREATE INDEX declarations_locality ON declarations (locality_id, declared_at, matter_id);
CREATE TRIGGER declaration_locality BEFORE INSERT ON declarations
FOR EACH ROW EXECUTE FUNCTION fill_matter_locality();

ALTER TABLE recusals ADD COLUMN locality_id BIGINT;
UPDATE recusals SET locality_id = matter_locality(matter, matter_id);
CREATE INDEX recusals_locality ON recusals (locality_id, recorded_at);
CREATE TRIGGER recusal_locality BEFORE INSERT ON recusals
FOR EACH ROW EXECUTE FUNCTION fill_matter_locality();

-- The names beside a page of declarations or recusals about calls are read from the locality's
-- entries about no initiative (a twentieth of the log), not from all of its entries.
CREATE INDEX decision_log_beside ON decision_log (locality_id, kind, idx) WHERE initiative_id IS NULL;
