-- The data version: one row, moved by one in every committed write transaction (`WriteTx::commit`,
-- and the few writes outside one that change what the public pages show). Every app server polls
-- it (one primary-key read every ~250 ms) and drops the public pages it cached at an older
-- version, so that a write by another server or by a `shutaf` command is seen everywhere
-- (docs/PERFORMANCE.md, "Public pages cached"). Derived and ephemeral: a backup leaves it out.
CREATE TABLE data_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
