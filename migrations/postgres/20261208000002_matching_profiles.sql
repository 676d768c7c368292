-- What partner matching knows of each organisation, kept (issue 12: matching at national scale).
-- An initiative's suggestions were computed by reading every organisation of its locality with
-- its contributions, the SDG goals of its partnerships and its record, then scoring in Rust;
-- now each organisation has one row of bit sets and a count, and one statement scores a
-- locality's rows and keeps the best (`shutaf_store::matching`). Kept exact by triggers in the
-- transaction of every change that affects it (the app's writes, the bulk generator and a
-- restore alike). Derived data: a backup leaves the table out and a restore builds it again
-- through the same triggers.
--
-- sector_bits   1 << the sector's place in `Sector::ALL` (public 1, third 2, business 4)
-- offers_bits   1 << each offered contribution's place in `ContributionType::ALL`
-- sdg_bits      1 << each SDG goal (1 to 17) of the initiatives it is an active partner in
-- record        its active partnerships in initiatives that reached agreement
--
-- Adding to sdg_bits is an OR; taking away recomputes the organisation's row from its
-- partnerships (a partner leaving, a goal unlinked), which are rare. Same table and rules as
-- the SQLite migration of the same name.
CREATE TABLE matching_profiles (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    sector_bits BIGINT NOT NULL,
    offers_bits BIGINT NOT NULL,
    sdg_bits BIGINT NOT NULL,
    record BIGINT NOT NULL
);

CREATE FUNCTION matching_sector_bit(sector TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(CASE sector WHEN 'public' THEN 1 WHEN 'third' THEN 2 WHEN 'business' THEN 4 ELSE 0 END AS BIGINT)
$$;
CREATE FUNCTION matching_offer_bit(contribution TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(CASE contribution
        WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
        WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
        WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
        WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END AS BIGINT)
$$;
CREATE FUNCTION matching_sdg_bit(sdg_goal BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN sdg_goal BETWEEN 1 AND 17 THEN CAST(1 AS BIGINT) << CAST(sdg_goal AS INTEGER) ELSE CAST(0 AS BIGINT) END
$$;
-- An organisation's SDG goals and record, recomputed from its partnerships.
CREATE FUNCTION matching_sdg_bits_of(organisation BIGINT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT COALESCE(bit_or(matching_sdg_bit(l.sdg_goal)), 0)
    FROM initiative_partners p JOIN initiative_goals g ON g.initiative_id = p.initiative_id
    JOIN goal_sdg_links l ON l.goal_id = g.goal_id
    WHERE p.organisation_id = organisation AND p.status = 'active'
$$;
CREATE FUNCTION matching_record_of(organisation BIGINT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT COUNT(*) FROM initiative_partners p JOIN initiatives i ON i.id = p.initiative_id
    WHERE p.organisation_id = organisation AND p.status = 'active'
    AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed')
$$;
-- The SDG goals an initiative serves, and what joining it as an active partner adds.
CREATE FUNCTION matching_initiative_bits(initiative BIGINT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT COALESCE(bit_or(matching_sdg_bit(l.sdg_goal)), 0)
    FROM initiative_goals g JOIN goal_sdg_links l ON l.goal_id = g.goal_id
    WHERE g.initiative_id = initiative
$$;
CREATE FUNCTION matching_agreed(initiative BIGINT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT COUNT(*) FROM initiatives i WHERE i.id = initiative AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed')
$$;

INSERT INTO matching_profiles (organisation_id, sector_bits, offers_bits, sdg_bits, record)
SELECT o.id, matching_sector_bit(o.sector),
    COALESCE((SELECT bit_or(matching_offer_bit(c.contribution))
        FROM organisation_contributions c WHERE c.organisation_id = o.id), 0),
    matching_sdg_bits_of(o.id), matching_record_of(o.id)
FROM organisations o;

CREATE FUNCTION matching_organisations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO matching_profiles (organisation_id, sector_bits, offers_bits, sdg_bits, record)
        VALUES (NEW.id, matching_sector_bit(NEW.sector), 0, 0, 0);
    ELSE
        UPDATE matching_profiles SET sector_bits = matching_sector_bit(NEW.sector)
        WHERE organisation_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER matching_organisation_added AFTER INSERT ON organisations
FOR EACH ROW EXECUTE FUNCTION matching_organisations();
CREATE TRIGGER matching_organisation_sector AFTER UPDATE OF sector ON organisations
FOR EACH ROW EXECUTE FUNCTION matching_organisations();

-- (organisation_id, contribution) is the key: adding or removing one flips one bit.
CREATE FUNCTION matching_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE matching_profiles SET offers_bits = offers_bits | matching_offer_bit(NEW.contribution)
        WHERE organisation_id = NEW.organisation_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE matching_profiles SET offers_bits = offers_bits & ~matching_offer_bit(OLD.contribution)
        WHERE organisation_id = OLD.organisation_id;
    ELSE
        UPDATE matching_profiles SET offers_bits = COALESCE((SELECT bit_or(matching_offer_bit(c.contribution))
            FROM organisation_contributions c WHERE c.organisation_id = matching_profiles.organisation_id), 0)
        WHERE organisation_id IN (OLD.organisation_id, NEW.organisation_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER matching_offers AFTER INSERT OR DELETE OR UPDATE ON organisation_contributions
FOR EACH ROW EXECUTE FUNCTION matching_offers();

CREATE FUNCTION matching_partners() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.status = 'active' THEN
        UPDATE matching_profiles SET sdg_bits = matching_sdg_bits_of(organisation_id),
            record = matching_record_of(organisation_id)
        WHERE organisation_id IN (OLD.organisation_id);
    END IF;
    IF TG_OP = 'INSERT' AND NEW.status = 'active'
        OR TG_OP = 'UPDATE' AND NEW.status = 'active'
            AND (OLD.status <> 'active' OR OLD.organisation_id <> NEW.organisation_id) THEN
        UPDATE matching_profiles SET
            sdg_bits = sdg_bits | matching_initiative_bits(NEW.initiative_id),
            record = record + matching_agreed(NEW.initiative_id)
        WHERE organisation_id = NEW.organisation_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER matching_partners AFTER INSERT OR DELETE ON initiative_partners
FOR EACH ROW EXECUTE FUNCTION matching_partners();
CREATE TRIGGER matching_partner_changed AFTER UPDATE OF status, organisation_id, initiative_id ON initiative_partners
FOR EACH ROW EXECUTE FUNCTION matching_partners();

CREATE FUNCTION matching_initiative_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE matching_profiles
    SET record = record + CASE WHEN NEW.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed') THEN 1 ELSE -1 END
    WHERE organisation_id IN (SELECT organisation_id FROM initiative_partners WHERE initiative_id = NEW.id AND status = 'active');
    RETURN NULL;
END $$;
CREATE TRIGGER matching_initiative_stage AFTER UPDATE OF stage ON initiatives
FOR EACH ROW WHEN ((OLD.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed')) IS DISTINCT FROM (NEW.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed')))
EXECUTE FUNCTION matching_initiative_stage();

CREATE FUNCTION matching_initiative_goals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE matching_profiles SET sdg_bits = sdg_bits | COALESCE((SELECT bit_or(matching_sdg_bit(l.sdg_goal))
            FROM goal_sdg_links l WHERE l.goal_id = NEW.goal_id), 0)
        WHERE organisation_id IN (SELECT organisation_id FROM initiative_partners WHERE initiative_id = NEW.initiative_id AND status = 'active');
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE matching_profiles SET sdg_bits = matching_sdg_bits_of(organisation_id),
            record = matching_record_of(organisation_id)
        WHERE organisation_id IN (SELECT organisation_id FROM initiative_partners WHERE initiative_id = OLD.initiative_id AND status = 'active');
    ELSE
        UPDATE matching_profiles SET sdg_bits = matching_sdg_bits_of(organisation_id),
            record = matching_record_of(organisation_id)
        WHERE organisation_id IN (SELECT organisation_id FROM initiative_partners WHERE initiative_id = OLD.initiative_id AND status = 'active' UNION SELECT organisation_id FROM initiative_partners WHERE initiative_id = NEW.initiative_id AND status = 'active');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER matching_initiative_goals AFTER INSERT OR DELETE OR UPDATE ON initiative_goals
FOR EACH ROW EXECUTE FUNCTION matching_initiative_goals();

CREATE FUNCTION matching_sdg_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE matching_profiles SET sdg_bits = sdg_bits | matching_sdg_bit(NEW.sdg_goal)
        WHERE organisation_id IN (SELECT p.organisation_id FROM initiative_goals g
            JOIN initiative_partners p ON p.initiative_id = g.initiative_id
            WHERE g.goal_id = NEW.goal_id AND p.status = 'active');
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE matching_profiles SET sdg_bits = matching_sdg_bits_of(organisation_id),
            record = matching_record_of(organisation_id)
        WHERE organisation_id IN (SELECT p.organisation_id FROM initiative_goals g
            JOIN initiative_partners p ON p.initiative_id = g.initiative_id
            WHERE g.goal_id = OLD.goal_id AND p.status = 'active');
    ELSE
        UPDATE matching_profiles SET sdg_bits = matching_sdg_bits_of(organisation_id),
            record = matching_record_of(organisation_id)
        WHERE organisation_id IN (SELECT p.organisation_id FROM initiative_goals g
            JOIN initiative_partners p ON p.initiative_id = g.initiative_id
            WHERE g.goal_id = OLD.goal_id AND p.status = 'active' UNION SELECT p.organisation_id FROM initiative_goals g
            JOIN initiative_partners p ON p.initiative_id = g.initiative_id
            WHERE g.goal_id = NEW.goal_id AND p.status = 'active');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER matching_sdg_links AFTER INSERT OR DELETE OR UPDATE ON goal_sdg_links
FOR EACH ROW EXECUTE FUNCTION matching_sdg_links();

-- What each initiative still looks for, kept the same way for an organisation's opportunities:
-- `looking` is 1 while its stage looks for partners, and `needs_bits` holds the needed
-- contribution types (bits as in offers_bits) that no partner's contribution covers. An
-- organisation's opportunities are one scan of its localities' looking initiatives.
CREATE TABLE matching_needs (
    initiative_id BIGINT PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
    locality_id BIGINT NOT NULL,
    looking BIGINT NOT NULL,
    needs_bits BIGINT NOT NULL
);
CREATE INDEX matching_needs_locality ON matching_needs (locality_id, looking, needs_bits, initiative_id);

CREATE FUNCTION matching_looking(stage TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(CASE WHEN stage IN ('idea', 'convened', 'scoping', 'building') THEN 1 ELSE 0 END AS BIGINT)
$$;
-- The needed types no partner's contribution covers, recomputed from the initiative's rows.
CREATE FUNCTION matching_needs_of(initiative BIGINT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT COALESCE(bit_or(matching_offer_bit(n.contribution)), 0)
    FROM initiative_needs n WHERE n.initiative_id = initiative
    AND NOT EXISTS (SELECT 1 FROM partner_contributions pc
        WHERE pc.initiative_id = n.initiative_id AND pc.contribution = n.contribution)
$$;

INSERT INTO matching_needs (initiative_id, locality_id, looking, needs_bits)
SELECT i.id, i.locality_id, matching_looking(i.stage), matching_needs_of(i.id) FROM initiatives i;

CREATE FUNCTION matching_needs_initiatives() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO matching_needs (initiative_id, locality_id, looking, needs_bits)
        VALUES (NEW.id, NEW.locality_id, matching_looking(NEW.stage), 0);
    ELSE
        UPDATE matching_needs SET locality_id = NEW.locality_id, looking = matching_looking(NEW.stage)
        WHERE initiative_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER matching_needs_initiative_added AFTER INSERT ON initiatives
FOR EACH ROW EXECUTE FUNCTION matching_needs_initiatives();
CREATE TRIGGER matching_needs_initiative_moved AFTER UPDATE OF stage, locality_id ON initiatives
FOR EACH ROW EXECUTE FUNCTION matching_needs_initiatives();

-- An initiative's needs and its partners' contributions are a few rows: every change
-- recomputes the initiative's row.
CREATE FUNCTION matching_needs_renew() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE matching_needs SET needs_bits = matching_needs_of(OLD.initiative_id)
        WHERE initiative_id = OLD.initiative_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE matching_needs SET needs_bits = matching_needs_of(NEW.initiative_id)
        WHERE initiative_id = NEW.initiative_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER matching_needs AFTER INSERT OR DELETE OR UPDATE ON initiative_needs
FOR EACH ROW EXECUTE FUNCTION matching_needs_renew();
CREATE TRIGGER matching_covers AFTER INSERT OR DELETE ON partner_contributions
FOR EACH ROW EXECUTE FUNCTION matching_needs_renew();
CREATE TRIGGER matching_cover_changed AFTER UPDATE OF initiative_id, contribution ON partner_contributions
FOR EACH ROW EXECUTE FUNCTION matching_needs_renew();
