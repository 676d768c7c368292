-- The directory by place, kept (issue 12: the filtered directory at national scale). A page of
-- the directory filtered by a locality with a sector and a contribution type walked the name
-- index of all organisations, checking each: some 8,400 rows for a page of 21 in a wide
-- locality. Here each organisation has a row per locality it works in, with its sector, the
-- contributions it offers (a bit set) and its three sort keys, and an index per language in
-- the locality's name order that holds them all: a page is one range of one index, the filters
-- checked in the index itself.
--
-- offers_bits   1 << each offered contribution's place in `ContributionType::ALL`, as in
--               `matching_profiles`
--
-- Kept exact by triggers in the transaction of every change that affects it (the app's writes,
-- the bulk generator and a restore alike). Derived data: a backup leaves the table out and a
-- restore builds it again through the same triggers. Same table and rules as the PostgreSQL
-- migration of the same name.
CREATE TABLE directory_places (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    locality_id BIGINT NOT NULL REFERENCES localities (id) ON DELETE CASCADE,
    sector TEXT NOT NULL,
    offers_bits BIGINT NOT NULL,
    sort_he TEXT NOT NULL,
    sort_ar TEXT NOT NULL,
    sort_en TEXT NOT NULL,
    PRIMARY KEY (organisation_id, locality_id)
);

-- An organisation's offers as a bit set, written out once for the statements below (SQLite has
-- no functions in SQL). Read by organisation, the view aggregates that organisation's rows only.
CREATE VIEW directory_offers AS
SELECT organisation_id, SUM(DISTINCT CASE contribution
        WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
        WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
        WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
        WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
    ELSE 0 END) AS offers_bits
FROM organisation_contributions GROUP BY organisation_id;

INSERT INTO directory_places (organisation_id, locality_id, sector, offers_bits, sort_he, sort_ar, sort_en)
SELECT o.id, ol.locality_id, o.sector,
    COALESCE((SELECT offers_bits FROM directory_offers WHERE organisation_id = o.id), 0),
    o.sort_he, o.sort_ar, o.sort_en
FROM organisation_localities ol JOIN organisations o ON o.id = ol.organisation_id;

-- The sector and the contributions ride in the index, so the filters are checked without
-- reading the table.
CREATE INDEX directory_places_he ON directory_places (locality_id, sort_he, organisation_id, sector, offers_bits);
CREATE INDEX directory_places_ar ON directory_places (locality_id, sort_ar, organisation_id, sector, offers_bits);
CREATE INDEX directory_places_en ON directory_places (locality_id, sort_en, organisation_id, sector, offers_bits);
-- A filtered count (capped) reads the locality's rows of one sector.
CREATE INDEX directory_places_count ON directory_places (locality_id, sector, offers_bits);

CREATE TRIGGER directory_place_added AFTER INSERT ON organisation_localities BEGIN
    INSERT INTO directory_places (organisation_id, locality_id, sector, offers_bits, sort_he, sort_ar, sort_en)
    SELECT o.id, NEW.locality_id, o.sector,
        COALESCE((SELECT offers_bits FROM directory_offers WHERE organisation_id = o.id), 0),
        o.sort_he, o.sort_ar, o.sort_en
    FROM organisations o WHERE o.id = NEW.organisation_id
    ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER directory_place_removed AFTER DELETE ON organisation_localities BEGIN
    DELETE FROM directory_places WHERE organisation_id = OLD.organisation_id AND locality_id = OLD.locality_id;
END;
CREATE TRIGGER directory_place_moved AFTER UPDATE ON organisation_localities BEGIN
    DELETE FROM directory_places WHERE organisation_id = OLD.organisation_id AND locality_id = OLD.locality_id;
    INSERT INTO directory_places (organisation_id, locality_id, sector, offers_bits, sort_he, sort_ar, sort_en)
    SELECT o.id, NEW.locality_id, o.sector,
        COALESCE((SELECT offers_bits FROM directory_offers WHERE organisation_id = o.id), 0),
        o.sort_he, o.sort_ar, o.sort_en
    FROM organisations o WHERE o.id = NEW.organisation_id
    ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER directory_place_renamed AFTER UPDATE OF sector, sort_he, sort_ar, sort_en ON organisations BEGIN
    UPDATE directory_places SET sector = NEW.sector, sort_he = NEW.sort_he, sort_ar = NEW.sort_ar, sort_en = NEW.sort_en
    WHERE organisation_id = NEW.id;
END;
-- An organisation's contributions, recomputed whenever one is added, removed or changed (the
-- set is small; recomputing keeps one rule for all three).
CREATE TRIGGER directory_offer_added AFTER INSERT ON organisation_contributions BEGIN
    UPDATE directory_places SET offers_bits = COALESCE((SELECT offers_bits FROM directory_offers WHERE organisation_id = NEW.organisation_id), 0)
    WHERE organisation_id = NEW.organisation_id;
END;
CREATE TRIGGER directory_offer_removed AFTER DELETE ON organisation_contributions BEGIN
    UPDATE directory_places SET offers_bits = COALESCE((SELECT offers_bits FROM directory_offers WHERE organisation_id = OLD.organisation_id), 0)
    WHERE organisation_id = OLD.organisation_id;
END;
CREATE TRIGGER directory_offer_changed AFTER UPDATE ON organisation_contributions BEGIN
    UPDATE directory_places SET offers_bits = COALESCE((SELECT offers_bits FROM directory_offers WHERE organisation_id = directory_places.organisation_id), 0)
    WHERE organisation_id IN (OLD.organisation_id, NEW.organisation_id);
END;
