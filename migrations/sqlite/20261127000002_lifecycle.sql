-- The partnership lifecycle: the locality's agenda with SDG links, initiatives, partners and
-- their contributions, charter versions and endorsements, expectations, and the activity record.
-- Same tables and columns as the PostgreSQL migration of the same name.

ALTER TABLE goals ADD COLUMN description_he TEXT;
ALTER TABLE goals ADD COLUMN description_ar TEXT;
ALTER TABLE goals ADD COLUMN description_en TEXT;
ALTER TABLE goals ADD COLUMN horizon BIGINT;
ALTER TABLE goals ADD COLUMN status TEXT NOT NULL DEFAULT 'active';

-- SDG goals ('7'), targets ('7.2') and the locality's own targets ('7.2.1') a goal serves.
CREATE TABLE goal_sdg_links (
    goal_id BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    sdg_goal BIGINT NOT NULL,
    PRIMARY KEY (goal_id, code)
);
CREATE INDEX goal_sdg_links_goal ON goal_sdg_links (sdg_goal, goal_id);

-- A locality's own targets under an SDG target, coded '<target>.<n>'.
CREATE TABLE local_targets (
    locality_id BIGINT NOT NULL REFERENCES localities (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    title_he TEXT,
    title_ar TEXT,
    title_en TEXT,
    PRIMARY KEY (locality_id, code)
);

CREATE TABLE initiatives (
    id INTEGER PRIMARY KEY,
    locality_id BIGINT NOT NULL REFERENCES localities (id),
    initiator_organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    lead_organisation_id BIGINT REFERENCES organisations (id),
    title_he TEXT,
    title_ar TEXT,
    title_en TEXT,
    problem_he TEXT,
    problem_ar TEXT,
    problem_en TEXT,
    approach_he TEXT,
    approach_ar TEXT,
    approach_en TEXT,
    model TEXT NOT NULL,
    management TEXT NOT NULL,
    stage TEXT NOT NULL,
    -- The published reasons of a decline or a withdrawal.
    stage_reason TEXT,
    convener_contact_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    convened_at BIGINT,
    -- not-recorded, placed, no-budget-needed
    work_plan TEXT NOT NULL DEFAULT 'not-recorded',
    work_plan_item TEXT,
    budget_line TEXT,
    no_budget_reason TEXT,
    integrity_competition BIGINT NOT NULL DEFAULT 0 CHECK (integrity_competition IN (0, 1)),
    integrity_exemption TEXT,
    integrity_exemption_text TEXT,
    -- Bumped by every change: a write carrying an older version is refused ("changed meanwhile").
    revision BIGINT NOT NULL DEFAULT 1,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_activity_at BIGINT NOT NULL
);
CREATE INDEX initiatives_locality_stage ON initiatives (locality_id, stage, id);
CREATE INDEX initiatives_initiator ON initiatives (initiator_organisation_id);
CREATE INDEX initiatives_stage ON initiatives (stage, id);

CREATE TABLE initiative_goals (
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    goal_id BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, goal_id)
);
CREATE INDEX initiative_goals_goal ON initiative_goals (goal_id, initiative_id);

CREATE TABLE initiative_needs (
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    contribution TEXT NOT NULL,
    PRIMARY KEY (initiative_id, contribution)
);
CREATE INDEX initiative_needs_contribution ON initiative_needs (contribution, initiative_id);

-- Organisations in an initiative: invited by the lead, asking to join, or partners.
CREATE TABLE initiative_partners (
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL,
    role TEXT,
    interests TEXT,
    benefits TEXT,
    created_at BIGINT NOT NULL,
    joined_at BIGINT,
    PRIMARY KEY (initiative_id, organisation_id)
);
CREATE INDEX initiative_partners_organisation ON initiative_partners (organisation_id, status);

-- What a partner commits: cash in agorot, or an in-kind estimate in agorot.
CREATE TABLE partner_contributions (
    id INTEGER PRIMARY KEY,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    contribution TEXT NOT NULL,
    description TEXT,
    cash_agorot BIGINT,
    in_kind_agorot BIGINT,
    period TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX partner_contributions_initiative ON partner_contributions (initiative_id, organisation_id);

-- Charter versions; content is a JSON document of the charter's sections.
CREATE TABLE charter_versions (
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    content TEXT NOT NULL,
    proposed_by_organisation_id BIGINT REFERENCES organisations (id),
    proposed_by_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (initiative_id, version)
);

CREATE TABLE endorsements (
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (initiative_id, version, organisation_id)
);

CREATE TABLE expectation_answers (
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (initiative_id, organisation_id, question)
);

-- Interest declarations of the people who decide (the full workflow comes with open calls).
CREATE TABLE interest_declarations (
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    has_interests BIGINT NOT NULL CHECK (has_interests IN (0, 1)),
    details TEXT,
    declared_at BIGINT NOT NULL,
    PRIMARY KEY (initiative_id, user_id)
);

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    unit TEXT,
    baseline TEXT,
    target TEXT,
    due_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX indicators_initiative ON indicators (initiative_id);

-- What happened on an initiative, in order: the activity the checkup and the page show.
CREATE TABLE initiative_events (
    id INTEGER PRIMARY KEY,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    organisation_id BIGINT REFERENCES organisations (id),
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    detail TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX initiative_events_initiative ON initiative_events (initiative_id, id);

-- In-app notifications.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    initiative_id BIGINT REFERENCES initiatives (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, id);
