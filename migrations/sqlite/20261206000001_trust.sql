-- Doors that hold: throttles reserved atomically, sessions that a password change ends, and the
-- attachment limit kept by the database. The PostgreSQL migration of the same name matches.

-- One fixed-window counter per throttled key (a keyed hash of an address, an account, a device
-- or a mail target). An attempt is reserved by one upsert that returns the new count, so
-- concurrent attempts cannot all see room under the limit.
DROP TABLE login_failures;
CREATE TABLE throttles (
    key_hash TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    attempts BIGINT NOT NULL
);
CREATE INDEX throttles_window ON throttles (window_start);

-- Raised when a password is reset or changed, or the person signs out everywhere: a session
-- made under an older epoch is no longer signed in.
ALTER TABLE users ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;

-- The attachments an application carries, reserved in the same transaction as they are kept;
-- the check is the limit (five), whatever the application code does.
ALTER TABLE call_applications ADD COLUMN attachment_count BIGINT NOT NULL DEFAULT 0
    CHECK (attachment_count BETWEEN 0 AND 5);
UPDATE call_applications SET attachment_count =
    MIN(5, (SELECT COUNT(*) FROM attachments a WHERE a.application_id = call_applications.id));

-- A call's evaluators are asked by a mailed link and become evaluators when they accept it:
-- naming an address neither tells whether it has an account nor adds anyone without consent.
-- A row is an invitation still open; accepting moves the person to call_evaluators.
CREATE TABLE call_evaluator_invitations (
    call_id BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by BIGINT NOT NULL REFERENCES users (id),
    invited_at BIGINT NOT NULL,
    PRIMARY KEY (call_id, email)
);
