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

-- Moves one count by `delta`, creating its row at need.
CREATE FUNCTION tally_move(t_name TEXT, t_scope BIGINT, t_part TEXT, delta BIGINT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO tallies (name, scope, part, n) VALUES (t_name, t_scope, t_part, delta)
    ON CONFLICT (name, scope, part) DO UPDATE SET n = tallies.n + EXCLUDED.n
$$;

CREATE FUNCTION tally_organisations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM tally_move('organisations', 0, OLD.sector, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM tally_move('organisations', 0, NEW.sector, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tally_organisations AFTER INSERT OR DELETE ON organisations
FOR EACH ROW EXECUTE FUNCTION tally_organisations();
CREATE TRIGGER tally_organisation_sector AFTER UPDATE OF sector ON organisations
FOR EACH ROW WHEN (OLD.sector IS DISTINCT FROM NEW.sector) EXECUTE FUNCTION tally_organisations();

CREATE FUNCTION tally_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM tally_move('members', OLD.locality_id, '', -1);
    ELSE
        PERFORM tally_move('members', NEW.locality_id, '', 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tally_members AFTER INSERT OR DELETE ON organisation_localities
FOR EACH ROW EXECUTE FUNCTION tally_members();

CREATE FUNCTION tally_initiatives() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM tally_move('initiatives', OLD.locality_id, OLD.stage, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM tally_move('initiatives', NEW.locality_id, NEW.stage, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tally_initiatives AFTER INSERT OR DELETE ON initiatives
FOR EACH ROW EXECUTE FUNCTION tally_initiatives();
CREATE TRIGGER tally_initiative_moved AFTER UPDATE OF stage, locality_id ON initiatives
FOR EACH ROW WHEN (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.locality_id IS DISTINCT FROM NEW.locality_id)
EXECUTE FUNCTION tally_initiatives();

-- The log is append-only: entries are only ever added.
CREATE FUNCTION tally_decisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tally_move('decisions', COALESCE(NEW.locality_id, 0), '', 1);
    RETURN NULL;
END $$;
CREATE TRIGGER tally_decisions AFTER INSERT ON decision_log
FOR EACH ROW EXECUTE FUNCTION tally_decisions();

-- A locality's initiatives newest first, a page at a time (the dashboard's keyset pagination).
CREATE INDEX initiatives_locality ON initiatives (locality_id, id);
-- A locality's record filtered by the kind of decision, newest first.
CREATE INDEX decision_log_locality_kind ON decision_log (locality_id, kind, idx);
