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
-- profile's own triggers follow every write). This also ends a quadratic load: the trigger
-- that made a row read the offers through the grouped view `directory_offers` with the
-- organisation as a correlated value, which SQLite does not push into the view, so each new
-- place aggregated every organisation's contributions (a bulk load of 10,000 organisations
-- took two minutes, 100,000 did not end). Same columns and rules as the PostgreSQL migration
-- of the same name.
ALTER TABLE directory_places ADD COLUMN sector_bits BIGINT NOT NULL DEFAULT 0;
ALTER TABLE directory_places ADD COLUMN sdg_bits BIGINT NOT NULL DEFAULT 0;
ALTER TABLE directory_places ADD COLUMN record BIGINT NOT NULL DEFAULT 0;

DROP TRIGGER directory_place_added;
DROP TRIGGER directory_place_moved;
DROP TRIGGER directory_offer_added;
DROP TRIGGER directory_offer_removed;
DROP TRIGGER directory_offer_changed;
DROP VIEW directory_offers;

UPDATE directory_places SET
    sector_bits = (SELECT mp.sector_bits FROM matching_profiles mp WHERE mp.organisation_id = directory_places.organisation_id),
    offers_bits = (SELECT mp.offers_bits FROM matching_profiles mp WHERE mp.organisation_id = directory_places.organisation_id),
    sdg_bits = (SELECT mp.sdg_bits FROM matching_profiles mp WHERE mp.organisation_id = directory_places.organisation_id),
    record = (SELECT mp.record FROM matching_profiles mp WHERE mp.organisation_id = directory_places.organisation_id)
WHERE organisation_id IN (SELECT organisation_id FROM matching_profiles);

CREATE INDEX directory_places_matching ON directory_places
    (locality_id, organisation_id, sector_bits, offers_bits, sdg_bits, record);

-- A new place takes its organisation's names, sector and profile (the profile is made with
-- the organisation, before any place). The row is read through a view without grouping, which
-- SQLite narrows to the organisation asked for.
CREATE VIEW directory_place_rows AS
SELECT o.id AS organisation_id, o.sector, COALESCE(mp.offers_bits, 0) AS offers_bits,
    o.sort_he, o.sort_ar, o.sort_en, COALESCE(mp.sector_bits, 0) AS sector_bits,
    COALESCE(mp.sdg_bits, 0) AS sdg_bits, COALESCE(mp.record, 0) AS record
FROM organisations o LEFT JOIN matching_profiles mp ON mp.organisation_id = o.id;

CREATE TRIGGER directory_place_added AFTER INSERT ON organisation_localities BEGIN
    INSERT INTO directory_places (organisation_id, locality_id, sector, offers_bits, sort_he, sort_ar, sort_en, sector_bits, sdg_bits, record)
    SELECT organisation_id, NEW.locality_id, sector, offers_bits, sort_he, sort_ar, sort_en, sector_bits, sdg_bits, record
    FROM directory_place_rows WHERE organisation_id = NEW.organisation_id
    ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER directory_place_moved AFTER UPDATE ON organisation_localities BEGIN
    DELETE FROM directory_places WHERE organisation_id = OLD.organisation_id AND locality_id = OLD.locality_id;
    INSERT INTO directory_places (organisation_id, locality_id, sector, offers_bits, sort_he, sort_ar, sort_en, sector_bits, sdg_bits, record)
    SELECT organisation_id, NEW.locality_id, sector, offers_bits, sort_he, sort_ar, sort_en, sector_bits, sdg_bits, record
    FROM directory_place_rows WHERE organisation_id = NEW.organisation_id
    ON CONFLICT DO NOTHING;
END;

-- A profile's change (its sector, offers, goals or record) is copied to the organisation's places.
CREATE TRIGGER matching_profile_placed AFTER UPDATE OF sector_bits, offers_bits, sdg_bits, record ON matching_profiles
WHEN OLD.sector_bits <> NEW.sector_bits OR OLD.offers_bits <> NEW.offers_bits
    OR OLD.sdg_bits <> NEW.sdg_bits OR OLD.record <> NEW.record
BEGIN
    UPDATE directory_places SET sector_bits = NEW.sector_bits, offers_bits = NEW.offers_bits,
        sdg_bits = NEW.sdg_bits, record = NEW.record
    WHERE organisation_id = NEW.organisation_id;
END;
