-- Matching by place (issue 12: an initiative's suggestions at national scale). The statement
-- that ranks a locality's organisations walked the locality's memberships and looked up each
-- organisation's kept profile (`matching_profiles`) by key: 14,791 lookups in the largest
-- locality for twenty suggestions. The directory's rows by place (`directory_places`) already
-- hold one row per organisation and locality with the offers; here they carry the whole
-- profile (sector, offers, SDG goals, record), and one index in locality order holds all the
-- statement reads: the ranking is one range of one index.
--
-- The rows now copy their organisation's profile rather than compute the offers themselves:
-- a new row takes the profile, a change of a profile is copied to its organisation's rows (the
-- profile's own triggers follow every write). Same columns and rules as the SQLite migration
-- of the same name.
ALTER TABLE directory_places ADD COLUMN sector_bits BIGINT NOT NULL DEFAULT 0;
ALTER TABLE directory_places ADD COLUMN sdg_bits BIGINT NOT NULL DEFAULT 0;
ALTER TABLE directory_places ADD COLUMN record BIGINT NOT NULL DEFAULT 0;

DROP TRIGGER directory_offers ON organisation_contributions;
DROP FUNCTION directory_offers();

UPDATE directory_places d SET sector_bits = mp.sector_bits, offers_bits = mp.offers_bits,
    sdg_bits = mp.sdg_bits, record = mp.record
FROM matching_profiles mp WHERE mp.organisation_id = d.organisation_id;

CREATE INDEX directory_places_matching ON directory_places (locality_id)
    INCLUDE (organisation_id, sector_bits, offers_bits, sdg_bits, record);

-- A new place takes its organisation's names, sector and profile (the profile is made with
-- the organisation, before any place).
CREATE OR REPLACE FUNCTION directory_localities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        DELETE FROM directory_places WHERE organisation_id = OLD.organisation_id AND locality_id = OLD.locality_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO directory_places (organisation_id, locality_id, sector, offers_bits, sort_he, sort_ar, sort_en, sector_bits, sdg_bits, record)
        SELECT o.id, NEW.locality_id, o.sector, COALESCE(mp.offers_bits, 0), o.sort_he, o.sort_ar, o.sort_en,
            COALESCE(mp.sector_bits, 0), COALESCE(mp.sdg_bits, 0), COALESCE(mp.record, 0)
        FROM organisations o LEFT JOIN matching_profiles mp ON mp.organisation_id = o.id
        WHERE o.id = NEW.organisation_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
DROP FUNCTION directory_offers_of(BIGINT);

-- A profile's change (its sector, offers, goals or record) is copied to the organisation's places.
CREATE FUNCTION matching_profile_placed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directory_places SET sector_bits = NEW.sector_bits, offers_bits = NEW.offers_bits,
        sdg_bits = NEW.sdg_bits, record = NEW.record
    WHERE organisation_id = NEW.organisation_id;
    RETURN NULL;
END $$;
CREATE TRIGGER matching_profile_placed AFTER UPDATE OF sector_bits, offers_bits, sdg_bits, record ON matching_profiles
FOR EACH ROW WHEN (OLD.sector_bits <> NEW.sector_bits OR OLD.offers_bits <> NEW.offers_bits
    OR OLD.sdg_bits <> NEW.sdg_bits OR OLD.record <> NEW.record)
EXECUTE FUNCTION matching_profile_placed();
