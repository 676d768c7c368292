-- Equal opportunity: declarations of interest on any matter (an initiative or a call) with the
-- organisations a person is tied to, recusals, open calls with weighted criteria, evaluators,
-- applications, scores and attachments, notices inviting competing proposals, and the
-- donations-committee procedure.

CREATE TABLE declarations (
    matter TEXT NOT NULL CHECK (matter IN ('initiative', 'call')),
    matter_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    -- The organisation the person decides or evaluates for.
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    has_interests BIGINT NOT NULL CHECK (has_interests IN (0, 1)),
    details TEXT,
    declared_at BIGINT NOT NULL,
    PRIMARY KEY (matter, matter_id, user_id)
);
INSERT INTO declarations (matter, matter_id, user_id, organisation_id, has_interests, details, declared_at)
    SELECT 'initiative', initiative_id, user_id, organisation_id, has_interests, details, declared_at
    FROM interest_declarations;
DROP TABLE interest_declarations;

-- The organisations a declaration names, and how the person is tied to each.
CREATE TABLE declaration_ties (
    matter TEXT NOT NULL,
    matter_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    party_organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    relation TEXT NOT NULL,
    PRIMARY KEY (matter, matter_id, user_id, party_organisation_id)
);

-- A person stepped aside from a matter because of a tie with a party to it.
CREATE TABLE recusals (
    matter TEXT NOT NULL,
    matter_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    party_organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (matter, matter_id, user_id, party_organisation_id)
);

CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    locality_id BIGINT NOT NULL REFERENCES localities (id),
    -- The language the call is written in (so pages can mark it).
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    sought TEXT NOT NULL,
    eligibility TEXT NOT NULL,
    deadline_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    published_at BIGINT,
    awarded_application_id BIGINT,
    outcome_reasons TEXT,
    decided_at BIGINT,
    initiative_id BIGINT REFERENCES initiatives (id),
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX calls_locality ON calls (locality_id, status, id);
CREATE INDEX calls_initiative ON calls (initiative_id);

CREATE TABLE call_goals (
    call_id BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    goal_id BIGINT NOT NULL REFERENCES goals (id),
    PRIMARY KEY (call_id, goal_id)
);

CREATE TABLE call_criteria (
    id INTEGER PRIMARY KEY,
    call_id BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    weight BIGINT NOT NULL CHECK (weight BETWEEN 1 AND 100)
);
CREATE INDEX call_criteria_call ON call_criteria (call_id, position);

CREATE TABLE call_evaluators (
    call_id BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (call_id, user_id)
);
CREATE INDEX call_evaluators_user ON call_evaluators (user_id, call_id);

CREATE TABLE call_applications (
    id INTEGER PRIMARY KEY,
    call_id BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    summary TEXT NOT NULL,
    proposal TEXT NOT NULL,
    submitted_by BIGINT NOT NULL REFERENCES users (id),
    submitted_at BIGINT NOT NULL,
    UNIQUE (call_id, organisation_id)
);
CREATE INDEX call_applications_organisation ON call_applications (organisation_id);

CREATE TABLE call_scores (
    application_id BIGINT NOT NULL REFERENCES call_applications (id) ON DELETE CASCADE,
    criterion_id BIGINT NOT NULL REFERENCES call_criteria (id) ON DELETE CASCADE,
    evaluator_id BIGINT NOT NULL REFERENCES users (id),
    score BIGINT NOT NULL CHECK (score BETWEEN 0 AND 10),
    reason TEXT NOT NULL,
    scored_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, criterion_id, evaluator_id)
);

-- Documents of a call (application_id empty) or of an application. The bytes live in the
-- database, outside any web root, so every app server behind a load balancer sees them and a
-- backup holds them.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    call_id BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    application_id BIGINT REFERENCES call_applications (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES users (id),
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX attachments_owner ON attachments (call_id, application_id);

-- A notice inviting competing proposals for an initiative a business brought to the city.
CREATE TABLE competition_notices (
    id INTEGER PRIMARY KEY,
    initiative_id BIGINT NOT NULL UNIQUE REFERENCES initiatives (id) ON DELETE CASCADE,
    summary TEXT NOT NULL,
    closes_at BIGINT NOT NULL,
    published_by BIGINT NOT NULL REFERENCES users (id),
    published_at BIGINT NOT NULL,
    outcome TEXT,
    chosen_proposal_id BIGINT,
    outcome_reasons TEXT,
    decided_at BIGINT
);

CREATE TABLE alternative_proposals (
    id INTEGER PRIMARY KEY,
    notice_id BIGINT NOT NULL REFERENCES competition_notices (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    summary TEXT NOT NULL,
    submitted_by BIGINT NOT NULL REFERENCES users (id),
    submitted_at BIGINT NOT NULL,
    UNIQUE (notice_id, organisation_id)
);

CREATE TABLE donations (
    id INTEGER PRIMARY KEY,
    locality_id BIGINT NOT NULL REFERENCES localities (id),
    donor_organisation_id BIGINT REFERENCES organisations (id),
    donor_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    value_agorot BIGINT,
    purpose TEXT NOT NULL,
    initiative_id BIGINT REFERENCES initiatives (id),
    step TEXT NOT NULL,
    registered_by BIGINT NOT NULL REFERENCES users (id),
    registered_at BIGINT NOT NULL,
    committee_check TEXT,
    recommendation TEXT,
    checked_at BIGINT,
    head_decision TEXT,
    head_reasons TEXT,
    decided_at BIGINT,
    council_report TEXT,
    reported_at BIGINT,
    revision BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX donations_locality ON donations (locality_id, id);
