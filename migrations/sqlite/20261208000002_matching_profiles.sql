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
-- the PostgreSQL migration of the same name.
CREATE TABLE matching_profiles (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    sector_bits BIGINT NOT NULL,
    offers_bits BIGINT NOT NULL,
    sdg_bits BIGINT NOT NULL,
    record BIGINT NOT NULL
);

INSERT INTO matching_profiles (organisation_id, sector_bits, offers_bits, sdg_bits, record)
SELECT o.id, CASE o.sector WHEN 'public' THEN 1 WHEN 'third' THEN 2 WHEN 'business' THEN 4 ELSE 0 END,
    COALESCE((SELECT SUM(DISTINCT CASE c.contribution
            WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
            WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
            WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
            WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END)
        FROM organisation_contributions c WHERE c.organisation_id = o.id), 0),
    0, 0
FROM organisations o;
UPDATE matching_profiles SET
    sdg_bits = COALESCE((SELECT SUM(DISTINCT CASE WHEN l.sdg_goal BETWEEN 1 AND 17 THEN 1 << l.sdg_goal ELSE 0 END)
        FROM initiative_partners p JOIN initiative_goals g ON g.initiative_id = p.initiative_id
        JOIN goal_sdg_links l ON l.goal_id = g.goal_id
        WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'), 0),
    record = (SELECT COUNT(*) FROM initiative_partners p JOIN initiatives i ON i.id = p.initiative_id
        WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'
        AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed'))
WHERE organisation_id IN (SELECT id FROM organisations);

CREATE TRIGGER matching_organisation_added AFTER INSERT ON organisations BEGIN
    INSERT INTO matching_profiles (organisation_id, sector_bits, offers_bits, sdg_bits, record)
    VALUES (NEW.id, CASE NEW.sector WHEN 'public' THEN 1 WHEN 'third' THEN 2 WHEN 'business' THEN 4 ELSE 0 END, 0, 0, 0);
END;
CREATE TRIGGER matching_organisation_sector AFTER UPDATE OF sector ON organisations BEGIN
    UPDATE matching_profiles SET sector_bits = CASE NEW.sector WHEN 'public' THEN 1 WHEN 'third' THEN 2 WHEN 'business' THEN 4 ELSE 0 END
    WHERE organisation_id = NEW.id;
END;

-- (organisation_id, contribution) is the key: adding or removing one flips one bit.
CREATE TRIGGER matching_offer_added AFTER INSERT ON organisation_contributions BEGIN
    UPDATE matching_profiles SET offers_bits = offers_bits | CASE NEW.contribution
            WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
            WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
            WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
            WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END
    WHERE organisation_id = NEW.organisation_id;
END;
CREATE TRIGGER matching_offer_removed AFTER DELETE ON organisation_contributions BEGIN
    UPDATE matching_profiles SET offers_bits = offers_bits & ~CASE OLD.contribution
            WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
            WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
            WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
            WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END
    WHERE organisation_id = OLD.organisation_id;
END;
CREATE TRIGGER matching_offer_changed AFTER UPDATE ON organisation_contributions BEGIN
    UPDATE matching_profiles SET offers_bits = COALESCE((SELECT SUM(DISTINCT CASE c.contribution
                WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
                WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
                WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
                WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
            ELSE 0 END)
        FROM organisation_contributions c WHERE c.organisation_id = matching_profiles.organisation_id), 0)
    WHERE organisation_id IN (OLD.organisation_id, NEW.organisation_id);
END;

CREATE TRIGGER matching_partner_added AFTER INSERT ON initiative_partners
WHEN NEW.status = 'active' BEGIN
    UPDATE matching_profiles SET
        sdg_bits = sdg_bits | COALESCE((SELECT SUM(DISTINCT CASE WHEN l.sdg_goal BETWEEN 1 AND 17 THEN 1 << l.sdg_goal ELSE 0 END)
            FROM initiative_goals g JOIN goal_sdg_links l ON l.goal_id = g.goal_id
            WHERE g.initiative_id = NEW.initiative_id), 0),
        record = record + (SELECT COUNT(*) FROM initiatives i
            WHERE i.id = NEW.initiative_id AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed'))
    WHERE organisation_id = NEW.organisation_id;
END;
CREATE TRIGGER matching_partner_removed AFTER DELETE ON initiative_partners
WHEN OLD.status = 'active' BEGIN
    UPDATE matching_profiles SET
        sdg_bits = COALESCE((SELECT SUM(DISTINCT CASE WHEN l.sdg_goal BETWEEN 1 AND 17 THEN 1 << l.sdg_goal ELSE 0 END)
            FROM initiative_partners p JOIN initiative_goals g ON g.initiative_id = p.initiative_id
            JOIN goal_sdg_links l ON l.goal_id = g.goal_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'), 0),
        record = (SELECT COUNT(*) FROM initiative_partners p JOIN initiatives i ON i.id = p.initiative_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'
            AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed'))
    WHERE organisation_id IN (OLD.organisation_id);
END;
CREATE TRIGGER matching_partner_changed AFTER UPDATE OF status, organisation_id, initiative_id ON initiative_partners BEGIN
    UPDATE matching_profiles SET
        sdg_bits = COALESCE((SELECT SUM(DISTINCT CASE WHEN l.sdg_goal BETWEEN 1 AND 17 THEN 1 << l.sdg_goal ELSE 0 END)
            FROM initiative_partners p JOIN initiative_goals g ON g.initiative_id = p.initiative_id
            JOIN goal_sdg_links l ON l.goal_id = g.goal_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'), 0),
        record = (SELECT COUNT(*) FROM initiative_partners p JOIN initiatives i ON i.id = p.initiative_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'
            AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed'))
    WHERE organisation_id IN (SELECT OLD.organisation_id WHERE OLD.status = 'active');
    UPDATE matching_profiles SET
        sdg_bits = sdg_bits | COALESCE((SELECT SUM(DISTINCT CASE WHEN l.sdg_goal BETWEEN 1 AND 17 THEN 1 << l.sdg_goal ELSE 0 END)
            FROM initiative_goals g JOIN goal_sdg_links l ON l.goal_id = g.goal_id
            WHERE g.initiative_id = NEW.initiative_id), 0),
        record = record + (SELECT COUNT(*) FROM initiatives i
            WHERE i.id = NEW.initiative_id AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed'))
    WHERE organisation_id = NEW.organisation_id AND NEW.status = 'active'
    AND (OLD.status <> 'active' OR OLD.organisation_id <> NEW.organisation_id);
END;

CREATE TRIGGER matching_initiative_stage AFTER UPDATE OF stage ON initiatives
WHEN (OLD.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed')) <> (NEW.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed')) BEGIN
    UPDATE matching_profiles
    SET record = record + CASE WHEN NEW.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed') THEN 1 ELSE -1 END
    WHERE organisation_id IN (SELECT organisation_id FROM initiative_partners WHERE initiative_id = NEW.id AND status = 'active');
END;

CREATE TRIGGER matching_initiative_goal_added AFTER INSERT ON initiative_goals BEGIN
    UPDATE matching_profiles SET sdg_bits = sdg_bits | COALESCE((SELECT SUM(DISTINCT CASE WHEN l.sdg_goal BETWEEN 1 AND 17 THEN 1 << l.sdg_goal ELSE 0 END) FROM goal_sdg_links l WHERE l.goal_id = NEW.goal_id), 0)
    WHERE organisation_id IN (SELECT organisation_id FROM initiative_partners WHERE initiative_id = NEW.initiative_id AND status = 'active');
END;
CREATE TRIGGER matching_initiative_goal_removed AFTER DELETE ON initiative_goals BEGIN
    UPDATE matching_profiles SET
        sdg_bits = COALESCE((SELECT SUM(DISTINCT CASE WHEN l.sdg_goal BETWEEN 1 AND 17 THEN 1 << l.sdg_goal ELSE 0 END)
            FROM initiative_partners p JOIN initiative_goals g ON g.initiative_id = p.initiative_id
            JOIN goal_sdg_links l ON l.goal_id = g.goal_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'), 0),
        record = (SELECT COUNT(*) FROM initiative_partners p JOIN initiatives i ON i.id = p.initiative_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'
            AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed'))
    WHERE organisation_id IN (SELECT organisation_id FROM initiative_partners WHERE initiative_id = OLD.initiative_id AND status = 'active');
END;
CREATE TRIGGER matching_initiative_goal_changed AFTER UPDATE ON initiative_goals BEGIN
    UPDATE matching_profiles SET
        sdg_bits = COALESCE((SELECT SUM(DISTINCT CASE WHEN l.sdg_goal BETWEEN 1 AND 17 THEN 1 << l.sdg_goal ELSE 0 END)
            FROM initiative_partners p JOIN initiative_goals g ON g.initiative_id = p.initiative_id
            JOIN goal_sdg_links l ON l.goal_id = g.goal_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'), 0),
        record = (SELECT COUNT(*) FROM initiative_partners p JOIN initiatives i ON i.id = p.initiative_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'
            AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed'))
    WHERE organisation_id IN (SELECT organisation_id FROM initiative_partners WHERE initiative_id = OLD.initiative_id AND status = 'active' UNION SELECT organisation_id FROM initiative_partners WHERE initiative_id = NEW.initiative_id AND status = 'active');
END;

CREATE TRIGGER matching_sdg_link_added AFTER INSERT ON goal_sdg_links BEGIN
    UPDATE matching_profiles SET sdg_bits = sdg_bits | CASE WHEN NEW.sdg_goal BETWEEN 1 AND 17 THEN 1 << NEW.sdg_goal ELSE 0 END
    WHERE organisation_id IN (SELECT p.organisation_id FROM initiative_goals g
        JOIN initiative_partners p ON p.initiative_id = g.initiative_id
        WHERE g.goal_id = NEW.goal_id AND p.status = 'active');
END;
CREATE TRIGGER matching_sdg_link_removed AFTER DELETE ON goal_sdg_links BEGIN
    UPDATE matching_profiles SET
        sdg_bits = COALESCE((SELECT SUM(DISTINCT CASE WHEN l.sdg_goal BETWEEN 1 AND 17 THEN 1 << l.sdg_goal ELSE 0 END)
            FROM initiative_partners p JOIN initiative_goals g ON g.initiative_id = p.initiative_id
            JOIN goal_sdg_links l ON l.goal_id = g.goal_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'), 0),
        record = (SELECT COUNT(*) FROM initiative_partners p JOIN initiatives i ON i.id = p.initiative_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'
            AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed'))
    WHERE organisation_id IN (SELECT p.organisation_id FROM initiative_goals g
        JOIN initiative_partners p ON p.initiative_id = g.initiative_id
        WHERE g.goal_id = OLD.goal_id AND p.status = 'active');
END;
CREATE TRIGGER matching_sdg_link_changed AFTER UPDATE ON goal_sdg_links BEGIN
    UPDATE matching_profiles SET
        sdg_bits = COALESCE((SELECT SUM(DISTINCT CASE WHEN l.sdg_goal BETWEEN 1 AND 17 THEN 1 << l.sdg_goal ELSE 0 END)
            FROM initiative_partners p JOIN initiative_goals g ON g.initiative_id = p.initiative_id
            JOIN goal_sdg_links l ON l.goal_id = g.goal_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'), 0),
        record = (SELECT COUNT(*) FROM initiative_partners p JOIN initiatives i ON i.id = p.initiative_id
            WHERE p.organisation_id = matching_profiles.organisation_id AND p.status = 'active'
            AND i.stage IN ('agreed', 'implementing', 'reviewing', 'sustaining', 'closed'))
    WHERE organisation_id IN (SELECT p.organisation_id FROM initiative_goals g
        JOIN initiative_partners p ON p.initiative_id = g.initiative_id
        WHERE g.goal_id = OLD.goal_id AND p.status = 'active' UNION SELECT p.organisation_id FROM initiative_goals g
        JOIN initiative_partners p ON p.initiative_id = g.initiative_id
        WHERE g.goal_id = NEW.goal_id AND p.status = 'active');
END;

-- What each initiative still looks for, kept the same way for an organisation's opportunities:
-- `looking` is 1 while its stage looks for partners, and `needs_bits` holds the needed
-- contribution types (bits as in offers_bits) that no partner's contribution covers. An
-- organisation's opportunities are one scan of its localities' looking initiatives.
CREATE TABLE matching_needs (
    initiative_id INTEGER PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
    locality_id BIGINT NOT NULL,
    looking BIGINT NOT NULL,
    needs_bits BIGINT NOT NULL
);
CREATE INDEX matching_needs_locality ON matching_needs (locality_id, looking, needs_bits, initiative_id);

INSERT INTO matching_needs (initiative_id, locality_id, looking, needs_bits)
SELECT i.id, i.locality_id, CASE WHEN i.stage IN ('idea', 'convened', 'scoping', 'building') THEN 1 ELSE 0 END, COALESCE((SELECT SUM(DISTINCT CASE n.contribution
            WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
            WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
            WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
            WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END)
        FROM initiative_needs n WHERE n.initiative_id = i.id
        AND NOT EXISTS (SELECT 1 FROM partner_contributions pc
            WHERE pc.initiative_id = n.initiative_id AND pc.contribution = n.contribution)), 0)
FROM initiatives i;

-- An initiative's needs and its partners' contributions are a few rows: every change
-- recomputes the initiative's row.
CREATE TRIGGER matching_needs_initiative_added AFTER INSERT ON initiatives BEGIN
    INSERT INTO matching_needs (initiative_id, locality_id, looking, needs_bits)
    VALUES (NEW.id, NEW.locality_id, CASE WHEN NEW.stage IN ('idea', 'convened', 'scoping', 'building') THEN 1 ELSE 0 END, 0);
END;
CREATE TRIGGER matching_needs_initiative_moved AFTER UPDATE OF stage, locality_id ON initiatives BEGIN
    UPDATE matching_needs SET locality_id = NEW.locality_id,
        looking = CASE WHEN NEW.stage IN ('idea', 'convened', 'scoping', 'building') THEN 1 ELSE 0 END
    WHERE initiative_id = NEW.id;
END;
CREATE TRIGGER matching_need_added AFTER INSERT ON initiative_needs BEGIN
    UPDATE matching_needs SET needs_bits = COALESCE((SELECT SUM(DISTINCT CASE n.contribution
            WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
            WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
            WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
            WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END)
        FROM initiative_needs n WHERE n.initiative_id = matching_needs.initiative_id
        AND NOT EXISTS (SELECT 1 FROM partner_contributions pc
            WHERE pc.initiative_id = n.initiative_id AND pc.contribution = n.contribution)), 0)
    WHERE initiative_id IN (NEW.initiative_id);
END;
CREATE TRIGGER matching_need_removed AFTER DELETE ON initiative_needs BEGIN
    UPDATE matching_needs SET needs_bits = COALESCE((SELECT SUM(DISTINCT CASE n.contribution
            WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
            WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
            WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
            WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END)
        FROM initiative_needs n WHERE n.initiative_id = matching_needs.initiative_id
        AND NOT EXISTS (SELECT 1 FROM partner_contributions pc
            WHERE pc.initiative_id = n.initiative_id AND pc.contribution = n.contribution)), 0)
    WHERE initiative_id IN (OLD.initiative_id);
END;
CREATE TRIGGER matching_need_changed AFTER UPDATE ON initiative_needs BEGIN
    UPDATE matching_needs SET needs_bits = COALESCE((SELECT SUM(DISTINCT CASE n.contribution
            WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
            WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
            WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
            WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END)
        FROM initiative_needs n WHERE n.initiative_id = matching_needs.initiative_id
        AND NOT EXISTS (SELECT 1 FROM partner_contributions pc
            WHERE pc.initiative_id = n.initiative_id AND pc.contribution = n.contribution)), 0)
    WHERE initiative_id IN (OLD.initiative_id, NEW.initiative_id);
END;
CREATE TRIGGER matching_cover_added AFTER INSERT ON partner_contributions BEGIN
    UPDATE matching_needs SET needs_bits = COALESCE((SELECT SUM(DISTINCT CASE n.contribution
            WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
            WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
            WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
            WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END)
        FROM initiative_needs n WHERE n.initiative_id = matching_needs.initiative_id
        AND NOT EXISTS (SELECT 1 FROM partner_contributions pc
            WHERE pc.initiative_id = n.initiative_id AND pc.contribution = n.contribution)), 0)
    WHERE initiative_id IN (NEW.initiative_id);
END;
CREATE TRIGGER matching_cover_removed AFTER DELETE ON partner_contributions BEGIN
    UPDATE matching_needs SET needs_bits = COALESCE((SELECT SUM(DISTINCT CASE n.contribution
            WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
            WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
            WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
            WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END)
        FROM initiative_needs n WHERE n.initiative_id = matching_needs.initiative_id
        AND NOT EXISTS (SELECT 1 FROM partner_contributions pc
            WHERE pc.initiative_id = n.initiative_id AND pc.contribution = n.contribution)), 0)
    WHERE initiative_id IN (OLD.initiative_id);
END;
CREATE TRIGGER matching_cover_changed AFTER UPDATE OF initiative_id, contribution ON partner_contributions BEGIN
    UPDATE matching_needs SET needs_bits = COALESCE((SELECT SUM(DISTINCT CASE n.contribution
            WHEN 'authority' THEN 1 WHEN 'population-access' THEN 2 WHEN 'knowledge' THEN 4 WHEN 'budget' THEN 8
            WHEN 'continuity' THEN 16 WHEN 'public-interest-view' THEN 32 WHEN 'community-trust' THEN 64 WHEN 'local-networks' THEN 128
            WHEN 'project-experience' THEN 256 WHEN 'flexibility' THEN 512 WHEN 'resource-raising' THEN 1024 WHEN 'value-commitment' THEN 2048
            WHEN 'rapid-execution' THEN 4096 WHEN 'managerial-knowledge' THEN 8192 WHEN 'prestige' THEN 16384 WHEN 'connections' THEN 32768
        ELSE 0 END)
        FROM initiative_needs n WHERE n.initiative_id = matching_needs.initiative_id
        AND NOT EXISTS (SELECT 1 FROM partner_contributions pc
            WHERE pc.initiative_id = n.initiative_id AND pc.contribution = n.contribution)), 0)
    WHERE initiative_id IN (OLD.initiative_id, NEW.initiative_id);
END;
