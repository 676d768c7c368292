-- Counts kept by the writes that change them (issue 12: no totals computed on the request path).
-- The home page's count of organisations, a locality's organisations, its initiatives by stage
-- and its decisions were COUNT(*)s over up to a million rows on every request; now each is one
-- row read, kept exact by triggers in the transaction of the change (the app's writes, the bulk
-- generator and a restore alike). Derived data: a backup leaves the table out and a restore
-- builds it again through the same triggers.
--
-- name            scope              part
-- organisations   0                  sector    every organisation, by sector
-- members         locality id        ''        organisations that work in a locality
-- initiatives     locality id        stage     a locality's initiatives, by stage
-- decisions       locality id or 0   ''        decision log entries of a locality (0: hub-wide)
CREATE TABLE tallies (
    name TEXT NOT NULL,
    scope BIGINT NOT NULL,
    part TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (name, scope, part)
);

INSERT INTO tallies (name, scope, part, n)
SELECT 'organisations', 0, sector, COUNT(*) FROM organisations GROUP BY sector;
INSERT INTO tallies (name, scope, part, n)
SELECT 'members', locality_id, '', COUNT(*) FROM organisation_localities GROUP BY locality_id;
INSERT INTO tallies (name, scope, part, n)
SELECT 'initiatives', locality_id, stage, COUNT(*) FROM initiatives GROUP BY locality_id, stage;
INSERT INTO tallies (name, scope, part, n)
SELECT 'decisions', COALESCE(locality_id, 0), '', COUNT(*) FROM decision_log GROUP BY COALESCE(locality_id, 0);

-- A row is created at zero when first needed, then moved by one.
CREATE TRIGGER tally_organisation_added AFTER INSERT ON organisations BEGIN
    INSERT OR IGNORE INTO tallies (name, scope, part, n) VALUES ('organisations', 0, NEW.sector, 0);
    UPDATE tallies SET n = n + 1 WHERE name = 'organisations' AND scope = 0 AND part = NEW.sector;
END;
CREATE TRIGGER tally_organisation_removed AFTER DELETE ON organisations BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = 'organisations' AND scope = 0 AND part = OLD.sector;
END;
CREATE TRIGGER tally_organisation_sector AFTER UPDATE OF sector ON organisations
WHEN OLD.sector <> NEW.sector BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = 'organisations' AND scope = 0 AND part = OLD.sector;
    INSERT OR IGNORE INTO tallies (name, scope, part, n) VALUES ('organisations', 0, NEW.sector, 0);
    UPDATE tallies SET n = n + 1 WHERE name = 'organisations' AND scope = 0 AND part = NEW.sector;
END;

CREATE TRIGGER tally_member_added AFTER INSERT ON organisation_localities BEGIN
    INSERT OR IGNORE INTO tallies (name, scope, part, n) VALUES ('members', NEW.locality_id, '', 0);
    UPDATE tallies SET n = n + 1 WHERE name = 'members' AND scope = NEW.locality_id AND part = '';
END;
CREATE TRIGGER tally_member_removed AFTER DELETE ON organisation_localities BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = 'members' AND scope = OLD.locality_id AND part = '';
END;

CREATE TRIGGER tally_initiative_added AFTER INSERT ON initiatives BEGIN
    INSERT OR IGNORE INTO tallies (name, scope, part, n) VALUES ('initiatives', NEW.locality_id, NEW.stage, 0);
    UPDATE tallies SET n = n + 1 WHERE name = 'initiatives' AND scope = NEW.locality_id AND part = NEW.stage;
END;
CREATE TRIGGER tally_initiative_removed AFTER DELETE ON initiatives BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = 'initiatives' AND scope = OLD.locality_id AND part = OLD.stage;
END;
CREATE TRIGGER tally_initiative_moved AFTER UPDATE OF stage, locality_id ON initiatives
WHEN OLD.stage <> NEW.stage OR OLD.locality_id <> NEW.locality_id BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = 'initiatives' AND scope = OLD.locality_id AND part = OLD.stage;
    INSERT OR IGNORE INTO tallies (name, scope, part, n) VALUES ('initiatives', NEW.locality_id, NEW.stage, 0);
    UPDATE tallies SET n = n + 1 WHERE name = 'initiatives' AND scope = NEW.locality_id AND part = NEW.stage;
END;

-- The log is append-only: entries are only ever added.
CREATE TRIGGER tally_decision_added AFTER INSERT ON decision_log BEGIN
    INSERT OR IGNORE INTO tallies (name, scope, part, n) VALUES ('decisions', COALESCE(NEW.locality_id, 0), '', 0);
    UPDATE tallies SET n = n + 1 WHERE name = 'decisions' AND scope = COALESCE(NEW.locality_id, 0) AND part = '';
END;

-- A locality's initiatives newest first, a page at a time (the dashboard's keyset pagination).
CREATE INDEX initiatives_locality ON initiatives (locality_id, id);
-- A locality's record filtered by the kind of decision, newest first.
CREATE INDEX decision_log_locality_kind ON decision_log (locality_id, kind, idx);
