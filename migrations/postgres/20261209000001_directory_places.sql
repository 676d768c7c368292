-- The directory by place, kept (issue 12: the filtered directory at national scale). A page of
-- the directory filtered by a locality with a sector and a contribution type walked the name
-- index of all organisations, checking each: some 8,400 rows for a page of 21 in a wide
-- locality. Here each organisation has a row per locality it works in, with its sector, the
-- contributions it offers (a bit set) and its three sort keys, and an index per language in
-- the locality's name order that holds them all: a page is one range of one index, the filters
-- checked in the index itself.
--
-- offers_bits   1 << each offered contribution's place in `ContributionType::ALL`, as in
--               `matching_profiles` (`matching_offer_bit`)
--
-- Kept exact by triggers in the transaction of every change that affects it (the app's writes,
-- the bulk generator and a restore alike). Derived data: a backup leaves the table out and a
-- restore builds it again through the same triggers. Same table and rules as the SQLite
-- migration of the same name.
CREATE TABLE directory_places (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    locality_id BIGINT NOT NULL REFERENCES localities (id) ON DELETE CASCADE,
    sector TEXT NOT NULL,
    offers_bits BIGINT NOT NULL,
    sort_he TEXT COLLATE "C" NOT NULL,
    sort_ar TEXT COLLATE "C" NOT NULL,
    sort_en TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (organisation_id, locality_id)
);

CREATE FUNCTION directory_offers_of(organisation BIGINT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT COALESCE(bit_or(matching_offer_bit(c.contribution)), 0)
    FROM organisation_contributions c WHERE c.organisation_id = organisation
$$;

INSERT INTO directory_places (organisation_id, locality_id, sector, offers_bits, sort_he, sort_ar, sort_en)
SELECT o.id, ol.locality_id, o.sector, directory_offers_of(o.id), o.sort_he, o.sort_ar, o.sort_en
FROM organisation_localities ol JOIN organisations o ON o.id = ol.organisation_id;

-- The sector and the contributions ride in the index, so the filters are checked without
-- reading the table. The sort keys compare bytewise (`COLLATE "C"`), as the organisations' own.
CREATE INDEX directory_places_he ON directory_places (locality_id, sort_he, organisation_id) INCLUDE (sector, offers_bits);
CREATE INDEX directory_places_ar ON directory_places (locality_id, sort_ar, organisation_id) INCLUDE (sector, offers_bits);
CREATE INDEX directory_places_en ON directory_places (locality_id, sort_en, organisation_id) INCLUDE (sector, offers_bits);
-- A filtered count (capped) reads the locality's rows of one sector.
CREATE INDEX directory_places_count ON directory_places (locality_id, sector, offers_bits);

CREATE FUNCTION directory_localities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        DELETE FROM directory_places WHERE organisation_id = OLD.organisation_id AND locality_id = OLD.locality_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO directory_places (organisation_id, locality_id, sector, offers_bits, sort_he, sort_ar, sort_en)
        SELECT o.id, NEW.locality_id, o.sector, directory_offers_of(o.id), o.sort_he, o.sort_ar, o.sort_en
        FROM organisations o WHERE o.id = NEW.organisation_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER directory_localities AFTER INSERT OR DELETE OR UPDATE ON organisation_localities
FOR EACH ROW EXECUTE FUNCTION directory_localities();

CREATE FUNCTION directory_organisations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directory_places SET sector = NEW.sector, sort_he = NEW.sort_he, sort_ar = NEW.sort_ar, sort_en = NEW.sort_en
    WHERE organisation_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER directory_organisations AFTER UPDATE OF sector, sort_he, sort_ar, sort_en ON organisations
FOR EACH ROW EXECUTE FUNCTION directory_organisations();

-- An organisation's contributions, recomputed whenever one is added, removed or changed.
CREATE FUNCTION directory_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE directory_places SET offers_bits = directory_offers_of(OLD.organisation_id)
        WHERE organisation_id = OLD.organisation_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE directory_places SET offers_bits = directory_offers_of(NEW.organisation_id)
        WHERE organisation_id = NEW.organisation_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER directory_offers AFTER INSERT OR DELETE OR UPDATE ON organisation_contributions
FOR EACH ROW EXECUTE FUNCTION directory_offers();
