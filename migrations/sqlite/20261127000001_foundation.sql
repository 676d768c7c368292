-- The foundation: accounts, sessions, tokens, organisations, localities, goals.
-- Portable storage: ids are 64-bit integers, times are Unix seconds (BIGINT), flags 0 or 1 (BIGINT),
-- money (later) integer agorot. The PostgreSQL migration of the same name has the same tables
-- and columns; a test checks it.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    email_verified_at BIGINT,
    preferred_language TEXT,
    is_platform_admin BIGINT NOT NULL DEFAULT 0 CHECK (is_platform_admin IN (0, 1)),
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expiry_date BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expiry_date);

-- One-time tokens sent by mail (email verification, password reset); only their hash is kept.
CREATE TABLE mail_tokens (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX mail_tokens_user ON mail_tokens (user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scope TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Failed sign-ins, keyed by a keyed hash of the address or the account, for rate limiting that
-- holds across several app servers.
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    key_hash TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key_hash, at);
CREATE INDEX login_failures_at ON login_failures (at);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name_he TEXT,
    name_ar TEXT,
    name_en TEXT,
    -- Normalised names for ordering in each reader's language (falling back to another name).
    sort_he TEXT NOT NULL,
    sort_ar TEXT NOT NULL,
    sort_en TEXT NOT NULL,
    sector TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT,
    website TEXT,
    contributions_text TEXT,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX organisations_sort_he ON organisations (sort_he, id);
CREATE INDEX organisations_sort_ar ON organisations (sort_ar, id);
CREATE INDEX organisations_sort_en ON organisations (sort_en, id);
CREATE INDEX organisations_sector ON organisations (sector, id);
CREATE INDEX organisations_kind ON organisations (kind, id);

CREATE TABLE organisation_contributions (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    contribution TEXT NOT NULL,
    PRIMARY KEY (organisation_id, contribution)
);
CREATE INDEX organisation_contributions_type ON organisation_contributions (contribution, organisation_id);

CREATE TABLE organisation_search_terms (
    term TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (term, organisation_id)
);
CREATE INDEX organisation_search_terms_org ON organisation_search_terms (organisation_id);

CREATE TABLE memberships (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT
);
CREATE INDEX invitations_organisation ON invitations (organisation_id);

CREATE TABLE localities (
    id INTEGER PRIMARY KEY,
    name_he TEXT,
    name_ar TEXT,
    name_en TEXT,
    sort_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    convener_organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    description TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX localities_sort_name ON localities (sort_name, id);
CREATE INDEX localities_convener ON localities (convener_organisation_id);

CREATE TABLE organisation_localities (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    locality_id BIGINT NOT NULL REFERENCES localities (id) ON DELETE CASCADE,
    PRIMARY KEY (organisation_id, locality_id)
);
CREATE INDEX organisation_localities_locality ON organisation_localities (locality_id, organisation_id);

-- A locality's agenda items. The lifecycle issue extends them (SDG links, horizon, status).
CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    locality_id BIGINT NOT NULL REFERENCES localities (id) ON DELETE CASCADE,
    title_he TEXT,
    title_ar TEXT,
    title_en TEXT,
    department TEXT,
    work_plan_year BIGINT,
    budget_line TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX goals_locality ON goals (locality_id, id);
