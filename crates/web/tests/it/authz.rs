//! The authorisation matrix: every operation of the JSON API (enumerated from the OpenAPI
//! document the running app serves) and every state-changing page form (the POST routes the
//! pages' `routes()` declare), tried by each of seven roles: a visitor (no account, no token), a
//! plain `member` of a partner organisation, an `admin` of it, the convener's staff of this
//! locality, the convener's staff of another locality, an evaluator of the calls (no
//! organisation), and a platform administrator. Each row says which roles are allowed; an
//! unexpected allow fails, an unexpected deny fails, and so does any other answer (a 5xx, a 400
//! from a body that was not understood, an allowed role answered 409/422 where the row expects
//! success).
//!
//! Denied is 401, 403 or 404 (pages: a redirect to `/signin` for a visitor). Allowed is 2xx (pages:
//! a 303 elsewhere, or a page); a row marked `invalid` sends a body that authorisation lets
//! through and validation then refuses, so its allowed roles get 422.
//!
//! One world is built through the store: a locality with its convener (the city) and staff,
//! another locality with its own, a partner organisation with an owner, an administrator and a
//! plain member, a business and an outsider, an initiative of the partner with the city as
//! partner (a contribution, a charter version), two initiatives of the business with notices
//! (one open, one closed), calls in every phase (accepting with the partner's application, its
//! file and a document; evaluating, where the evaluator and the staff have declared; awarded;
//! draft, with a document), a donation and an invitation addressed to the evaluator. The roles
//! sign in through `/signin` and get write-scope API tokens once; the database is then copied for
//! each run, so every run starts from the same world: a fresh copy and app for each allowed
//! (operation, role) pair, one for all the denied roles of an operation (after which nothing may
//! have changed), one for all roles of a read. The world is the test kit's
//! [`Snapshot`](shutaf_testkit::Snapshot): SQLite copies the file; PostgreSQL resets one of a few
//! databases made from the world to the world's rows and sequences (creating a database per run
//! would take minutes). Each run first checks that its database looks like the world.
//!
//! Before the matrix, [`authorisation_per_role`] walks an organisation's and a locality's pages
//! role by role through browser-like clients. Sessions themselves are tested in `security.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Instant;

use reqwest::StatusCode;
use serde_json::{Value, json};
use shutaf_domain::donation::DonationKind;
use shutaf_domain::{
    ContributionType, Language, LocalityKind, Management, MemberRole, OrganisationKind,
    PartnershipModel, Sector, Stage,
};
use shutaf_store::calls::NewCall;
use shutaf_store::donations::NewDonation;
use shutaf_store::integrity::NewDeclaration;
use shutaf_store::{
    Acting, ApiTokenScope, Backend, Clock, Db, NewContribution, NewGoal, NewInitiative,
    NewLocality, NewOrganisation, PartnerStatus,
};
use shutaf_testkit::app::{files_only, organisation_from};
use shutaf_testkit::{Person, Snapshot, TestApp, location, multipart, set_cookie, test_backend};

const PDF: &[u8] = b"%PDF-1.4\n% evidence\n%%EOF\n";
/// The partner's proposals start so (then the call's title): only those who may read
/// applications in full see them before the results.
const PROPOSAL: &str = "Our full proposal, not public:";
/// The draft call's title: only the convener's staff see it.
const DRAFT_TITLE: &str = "Unpublished shade plan";
/// Worlds run at once (each its own database and app).
const PARALLEL: usize = 4;

// ---- roles ------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Role {
    Visitor,
    Member,
    OrgAdmin,
    Staff,
    OtherStaff,
    Evaluator,
    PlatformAdmin,
}

use Role::*;

const ROLES: [Role; 7] = [
    Visitor,
    Member,
    OrgAdmin,
    Staff,
    OtherStaff,
    Evaluator,
    PlatformAdmin,
];

impl Role {
    fn email(self) -> Option<&'static str> {
        match self {
            Visitor => None,
            Member => Some("member@partner.example"),
            OrgAdmin => Some("admin@partner.example"),
            Staff => Some("staff@city.example"),
            OtherStaff => Some("staff@other-city.example"),
            Evaluator => Some("evaluator@example.org"),
            PlatformAdmin => Some("admin@hub.example"),
        }
    }
}

const ALL: &[Role] = &ROLES;
const SIGNED_IN: &[Role] = &[
    Member,
    OrgAdmin,
    Staff,
    OtherStaff,
    Evaluator,
    PlatformAdmin,
];
/// Acting for the partner organisation (its owners and administrators).
const ORG_ADMIN: &[Role] = &[OrgAdmin];
/// Managing the partner organisation itself: its administrators, and platform administrators.
const ORG_MANAGERS: &[Role] = &[OrgAdmin, PlatformAdmin];
const ORG_MEMBERS: &[Role] = &[Member, OrgAdmin, PlatformAdmin];
const IN_ORG: &[Role] = &[Member, OrgAdmin];
/// The locality's convener staff. Platform administrators run the hub and decide nothing for a
/// city: they act for it only as members of its convener, as anyone else.
const STAFF: &[Role] = &[Staff];
const LEAD_OR_STAFF: &[Role] = &[OrgAdmin, Staff];
const CALL_DECLARERS: &[Role] = &[Staff, Evaluator];
const APPLICATION_READERS: &[Role] = &[OrgAdmin, Staff, Evaluator];
const EVALUATOR: &[Role] = &[Evaluator];
const PLATFORM: &[Role] = &[PlatformAdmin];
const MEMBER: &[Role] = &[Member];

// ---- the world --------------------------------------------------------------------------------

/// The ids of the world (the same in every copy), and how each role gets in.
#[derive(Debug, Clone, Default)]
struct World {
    users: BTreeMap<Role, i64>,
    city: i64,
    partner: i64,
    business: i64,
    outsider: i64,
    spare_public: i64,
    locality: i64,
    goal: i64,
    initiative: i64,
    charter_version: i64,
    contribution: i64,
    open_notice: i64,
    closed_notice: i64,
    accepting_call: i64,
    accepting_application: i64,
    document: i64,
    application_file: i64,
    evaluating_call: i64,
    evaluating_application: i64,
    criterion: i64,
    awarded_call: i64,
    draft_call: i64,
    draft_document: i64,
    donation: i64,
    /// The donation's registration on the log, whose donor is shown beside it.
    donation_entry: u64,
    invitation: String,
    /// The secret of the evaluator's invitation to evaluate the draft call.
    evaluation: String,
    member_token_id: i64,
    /// Write-scope API tokens.
    tokens: BTreeMap<Role, String>,
    /// Session ids from signing in through `/signin`.
    sessions: BTreeMap<Role, String>,
    /// The CSRF token (and cookie value) from a page, before signing in.
    csrf: String,
    /// Each signed-in session's own CSRF token, as its pages repeat it.
    session_csrf: BTreeMap<Role, String>,
}

impl World {
    fn user(&self, role: Role) -> i64 {
        self.users[&role]
    }
}

fn in_days(days: i64) -> String {
    shutaf_domain::call::local_input(shutaf_store::system_now() + days * 86_400)
}

async fn build_world(db: &Db) -> World {
    let mut w = World::default();
    let person = |email: &'static str, platform_admin: bool| async move {
        Person {
            name: email,
            language: Some(Language::En),
            platform_admin,
            ..Person::new(email)
        }
        .make(db)
        .await
    };
    for role in SIGNED_IN {
        let id = person(role.email().unwrap(), *role == PlatformAdmin).await;
        w.users.insert(*role, id);
    }
    let partner_owner = person("owner@partner.example", false).await;
    let city_owner = person("owner@city.example", false).await;
    let other_city_owner = person("owner@other-city.example", false).await;
    let business_owner = person("owner@business.example", false).await;
    let outsider_owner = person("owner@outsider.example", false).await;

    let org = |name: &str, sector: Sector, kind: OrganisationKind, localities: Vec<i64>| {
        NewOrganisation {
            names: [None, None, Some(name.into())],
            sector: Some(sector),
            kind: Some(kind),
            contributions: ContributionType::sector_defaults(sector).to_vec(),
            locality_ids: localities,
            ..Default::default()
        }
    };
    let create =
        |new: NewOrganisation, owner: i64| async move { organisation_from(db, owner, &new).await };
    w.city = create(
        org(
            "Testham",
            Sector::Public,
            OrganisationKind::Municipality,
            vec![],
        ),
        city_owner,
    )
    .await;
    let other_city = create(
        org(
            "Otherton",
            Sector::Public,
            OrganisationKind::Municipality,
            vec![],
        ),
        other_city_owner,
    )
    .await;
    w.spare_public = create(
        org(
            "Valley Council",
            Sector::Public,
            OrganisationKind::RegionalCouncil,
            vec![],
        ),
        other_city_owner,
    )
    .await;
    w.locality = db
        .create_locality(&NewLocality {
            names: [None, None, Some("Testham".into())],
            kind: LocalityKind::Municipality,
            convener_organisation_id: w.city,
            description: None,
        })
        .await
        .unwrap()
        .id;
    db.create_locality(&NewLocality {
        names: [None, None, Some("Otherton".into())],
        kind: LocalityKind::Municipality,
        convener_organisation_id: other_city,
        description: None,
    })
    .await
    .unwrap();
    w.partner = create(
        org(
            "Green Partners",
            Sector::Third,
            OrganisationKind::Ngo,
            vec![w.locality],
        ),
        partner_owner,
    )
    .await;
    w.business = create(
        org(
            "Sunny Ltd",
            Sector::Business,
            OrganisationKind::Company,
            vec![w.locality],
        ),
        business_owner,
    )
    .await;
    w.outsider = create(
        org(
            "Outside Foundation",
            Sector::Third,
            OrganisationKind::Foundation,
            vec![w.locality],
        ),
        outsider_owner,
    )
    .await;
    db.add_member(w.city, w.user(Staff), MemberRole::Member)
        .await
        .unwrap();
    db.add_member(other_city, w.user(OtherStaff), MemberRole::Member)
        .await
        .unwrap();
    db.add_member(w.partner, w.user(OrgAdmin), MemberRole::Admin)
        .await
        .unwrap();
    db.add_member(w.partner, w.user(Member), MemberRole::Member)
        .await
        .unwrap();

    w.goal = db
        .create_goal(
            w.locality,
            &NewGoal {
                titles: [None, None, Some("Renewable energy".into())],
                status: "active".into(),
                sdg_codes: vec!["7.2".into()],
                ..Default::default()
            },
        )
        .await
        .unwrap();

    let (locality, goal, partner, evaluator) = (w.locality, w.goal, w.partner, w.user(Evaluator));
    let by = |user_id: i64, organisation: i64| Acting {
        user_id,
        organisation_id: Some(organisation),
    };
    let by_partner = by(partner_owner, w.partner);
    let by_city = by(city_owner, w.city);
    let by_business = by(business_owner, w.business);
    let initiative = |initiator: i64, title: &str| NewInitiative {
        locality_id: locality,
        initiator_organisation_id: initiator,
        titles: [None, None, Some(title.into())],
        problems: Default::default(),
        approaches: Default::default(),
        model: PartnershipModel::JointAgenda,
        management: Management::Joint,
        goal_ids: vec![goal],
        needs: vec![ContributionType::Budget],
        lead_organisation_id: None,
    };

    // The partner's initiative, with the city as partner, convened (the city engaged).
    w.initiative = db
        .create_initiative(&initiative(w.partner, "Community gardens"), by_partner)
        .await
        .unwrap()
        .0;
    db.propose_partner(w.initiative, w.city, PartnerStatus::Invited, by_partner)
        .await
        .unwrap();
    db.propose_partner(w.initiative, w.city, PartnerStatus::Requested, by_city)
        .await
        .unwrap();
    let revision = |id: i64| async move { db.initiative(id).await.unwrap().unwrap().revision };
    db.engage(
        w.initiative,
        revision(w.initiative).await,
        city_owner,
        false,
        by_city,
    )
    .await
    .unwrap();
    db.set_stage(
        w.initiative,
        revision(w.initiative).await,
        Stage::Convened,
        None,
        by_city,
    )
    .await
    .unwrap();
    w.contribution = db
        .add_contribution(
            w.initiative,
            w.partner,
            &NewContribution {
                contribution: ContributionType::Budget,
                description: Some("Seed money".into()),
                cash_agorot: Some(100_000),
                in_kind_agorot: None,
                period: None,
            },
            by_partner,
        )
        .await
        .unwrap();
    let charter = json!({ "vision": "Gardens everywhere", "objectives": "Ten gardens" });
    w.charter_version = db
        .propose_charter(w.initiative, &charter.to_string(), w.partner, by_partner)
        .await
        .unwrap();

    // The past first, on a clock a month behind: a notice whose window closed, and calls whose
    // deadlines passed (one being evaluated, one awarded). Then the present.
    let week = db.now() + 7 * 86_400;
    w.closed_notice = db
        .create_initiative(&initiative(w.business, "Shade sails"), by_business)
        .await
        .unwrap()
        .0;
    db.publish_notice(w.closed_notice, "Shade sails in parks", week, by_city)
        .await
        .unwrap();

    // Calls in each phase; the evaluator evaluates them all.
    let call = |title: &str| NewCall {
        locality_id: locality,
        lang: "en".into(),
        title: title.into(),
        purpose: "Greener streets".into(),
        sought: "Partners who plant".into(),
        eligibility: "Organisations working here".into(),
        deadline_at: db.now() + 30 * 86_400,
        criteria: vec![("Impact".into(), None, 100)],
        goal_ids: vec![goal],
        evaluator_ids: vec![evaluator],
        invite: Vec::new(),
    };
    let published = |title: &'static str| {
        let new = call(title);
        async move {
            let id = db.create_call(&new, by_city).await.unwrap();
            db.publish_call(id, by_city).await.unwrap();
            let application = db
                .apply_to_call(
                    id,
                    partner,
                    "Trees",
                    &format!("{PROPOSAL} {title}"),
                    by_partner,
                )
                .await
                .unwrap();
            (id, application)
        }
    };
    (w.evaluating_call, w.evaluating_application) = published("Evaluating").await;
    let (awarded, _) = published("Awarded").await;
    w.awarded_call = awarded;
    let evaluating = db.call(w.evaluating_call).await.unwrap().unwrap();
    db.clock.advance_to(evaluating.deadline_at + 60);
    w.criterion = evaluating.criteria[0].id;
    for role in [Evaluator, Staff, PlatformAdmin] {
        db.declare_on_call(
            &evaluating,
            &NewDeclaration {
                organisation_id: w.city,
                details: None,
                ties: Vec::new(),
            },
            &[w.partner],
            by(w.user(role), w.city),
        )
        .await
        .unwrap();
    }
    let awarded = db.call(awarded).await.unwrap().unwrap();
    let applications = db.applications(awarded.id).await.unwrap();
    let results = db.call_results(&awarded, &applications).await.unwrap();
    db.award_call(
        &awarded,
        &applications[0],
        "The best plan",
        &results,
        by_city,
    )
    .await
    .unwrap();

    db.clock.catch_up();
    let week = db.now() + 7 * 86_400;
    w.open_notice = db
        .create_initiative(&initiative(w.business, "Solar roofs"), by_business)
        .await
        .unwrap()
        .0;
    db.publish_notice(w.open_notice, "Solar roofs on schools", week, by_city)
        .await
        .unwrap();
    (w.accepting_call, w.accepting_application) = published("Accepting").await;
    w.document = db
        .add_attachment(
            w.accepting_call,
            None,
            "terms.pdf",
            "application/pdf",
            PDF,
            by_city,
        )
        .await
        .unwrap();
    w.application_file = db
        .add_attachment(
            w.accepting_call,
            Some(w.accepting_application),
            "plan.pdf",
            "application/pdf",
            PDF,
            by_partner,
        )
        .await
        .unwrap();
    // The draft asks the evaluator to evaluate it, by address: an invitation to accept.
    let draft = NewCall {
        evaluator_ids: Vec::new(),
        invite: vec![Evaluator.email().unwrap().to_owned()],
        ..call(DRAFT_TITLE)
    };
    let (draft, invited) = db.create_call_inviting(&draft, by_city).await.unwrap();
    w.draft_call = draft;
    w.evaluation = invited[0].token.clone();
    w.draft_document = db
        .add_attachment(
            w.draft_call,
            None,
            "draft-terms.pdf",
            "application/pdf",
            PDF,
            by_city,
        )
        .await
        .unwrap();

    w.donation = db
        .register_donation(
            &NewDonation {
                locality_id: w.locality,
                donor_organisation_id: None,
                donor_name: "A local bakery".into(),
                kind: DonationKind::Goods,
                value_agorot: None,
                purpose: "Bread for the volunteers".into(),
                initiative_id: Some(w.initiative),
            },
            by_city,
        )
        .await
        .unwrap();
    w.donation_entry = db.log_size().await.unwrap() - 1;
    // An invitation to join the partner, sent to the evaluator's address.
    w.invitation = db
        .create_invitation(
            w.partner,
            Evaluator.email().unwrap(),
            MemberRole::Member,
            partner_owner,
        )
        .await
        .unwrap()
        .1;
    for role in SIGNED_IN {
        let (token, secret) = db
            .create_api_token(w.user(*role), "authz", ApiTokenScope::Write)
            .await
            .unwrap();
        if *role == Member {
            w.member_token_id = token.id;
        }
        w.tokens.insert(*role, secret);
    }
    w
}

// ---- running hubs on copies of the world -------------------------------------------------------

/// The world as built and kept for copies, with what every run is checked against.
struct Worlds {
    backend: Backend,
    snapshot: Snapshot,
    world: World,
    /// What the world's database looks like (every run starts so).
    pristine: Vec<String>,
    /// The API's operations, from the OpenAPI document.
    operations: BTreeSet<(String, String)>,
}

/// Builds the world in a fresh database, signs each role in once through `/signin` (the sessions
/// live in the database, and so in every copy), reads the OpenAPI document, and keeps the world.
async fn worlds() -> Worlds {
    let app = TestApp::spawn().await;
    // Built from a month ago, so that its past (closed calls and notices) is on the record.
    let past = app.db.clone().with_clock(Clock::behind(40 * 86_400));
    let mut world = build_world(&past).await;
    let client = app.bare_client();
    world.csrf = app.csrf_cookie(&client).await;
    for role in SIGNED_IN {
        let response = app
            .sign_in_with_cookies(
                &client,
                &format!("shutaf_csrf={}", world.csrf),
                &world.csrf,
                role.email().unwrap(),
            )
            .await;
        assert_eq!(response.status(), 303, "{role:?} signs in");
        let session = set_cookie(&response, "shutaf_session").expect("a session cookie");
        let page = client
            .get(app.url("/profile"))
            .header(
                "cookie",
                format!("shutaf_csrf={}; shutaf_session={session}", world.csrf),
            )
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let token = shutaf_testkit::app::csrf_token(&page);
        assert_ne!(
            token, world.csrf,
            "a signed-in session has a token of its own"
        );
        world.session_csrf.insert(*role, token);
        world.sessions.insert(*role, session);
    }
    let document: Value = client
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut operations = BTreeSet::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in ["get", "put", "post", "delete", "patch", "head", "options"] {
            if item.get(method).is_some() {
                operations.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    let pristine = fingerprint(&app.db).await;
    let url = app.config.database_url.clone();
    drop(client);
    app.stop().await;
    Worlds {
        backend: test_backend(),
        snapshot: Snapshot::keep(&url, PARALLEL).await,
        world,
        pristine,
        operations,
    }
}

// ---- what a request may answer ----------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Done (2xx; pages: a redirect elsewhere than sign-in, or a page).
    Allowed,
    /// Let through, then refused for what was sent (409, 422).
    Invalid,
    /// Refused: 401, 403, 404 (pages: a visitor sent to sign in).
    Denied,
    /// Anything else: 5xx, 400, 405, ...
    Broken,
}

fn outcome(status: u16, location: &str) -> Outcome {
    match status {
        200..=299 => Outcome::Allowed,
        303 if location.starts_with("/signin") => Outcome::Denied,
        303 => Outcome::Allowed,
        401 | 403 | 404 => Outcome::Denied,
        409 | 422 => Outcome::Invalid,
        _ => Outcome::Broken,
    }
}

struct Answer {
    status: u16,
    location: String,
    body: String,
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let location = location(&response);
    let body = response.text().await.unwrap_or_default();
    Answer {
        status,
        location,
        body,
    }
}

// ---- the API table ----------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Body {
    Empty,
    Json(fn(&World) -> Value),
    /// A PDF, as `multipart/form-data`.
    File,
    /// Plain text (a signed note).
    Text(fn(&World) -> String),
    /// The row's JSON with every text emptied and every number made negative: what validation
    /// refuses. Sent only by the roles the row denies, who must learn that they may not, not
    /// what is wrong with the body (authorisation before validation).
    Spoiled(fn(&World) -> Value),
}

/// Every text of a body emptied, every number negative, recursively.
fn spoil(value: Value) -> Value {
    match value {
        Value::String(_) => Value::String(String::new()),
        Value::Number(_) => json!(-1),
        Value::Array(items) => Value::Array(items.into_iter().map(spoil).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key, spoil(value)))
                .collect(),
        ),
        other => other,
    }
}

#[derive(Clone, Copy)]
struct ApiRow {
    method: &'static str,
    /// As the OpenAPI document names it.
    template: &'static str,
    path: fn(&World) -> String,
    body: Body,
    allowed: &'static [Role],
    /// Allowed roles get 422: the body passes authorisation and fails validation on purpose.
    invalid: bool,
    /// What this row tries, when an operation has more than one row.
    variant: &'static str,
    /// Text in the answer that only these roles may see.
    secret: Option<(&'static str, &'static [Role])>,
}

fn op(
    method: &'static str,
    template: &'static str,
    path: fn(&World) -> String,
    allowed: &'static [Role],
) -> ApiRow {
    ApiRow {
        method,
        template,
        path,
        body: Body::Empty,
        allowed,
        invalid: false,
        variant: "",
        secret: None,
    }
}

impl ApiRow {
    fn json(mut self, body: fn(&World) -> Value) -> Self {
        self.body = Body::Json(body);
        self
    }

    fn file(mut self) -> Self {
        self.body = Body::File;
        self
    }

    fn text(mut self, body: fn(&World) -> String) -> Self {
        self.body = Body::Text(body);
        self
    }

    fn invalid(mut self) -> Self {
        self.invalid = true;
        self
    }

    fn variant(mut self, variant: &'static str) -> Self {
        self.variant = variant;
        self
    }

    fn secret(mut self, text: &'static str, seen_by: &'static [Role]) -> Self {
        self.secret = Some((text, seen_by));
        self
    }
}

fn organisation_body(_: &World) -> Value {
    json!({ "names": { "en": "Green Partners Renamed" }, "sector": "third", "kind": "ngo",
            "description": "Gardens and trees" })
}

fn call_body(_: &World) -> Value {
    json!({ "lang": "en", "title": "Shade for bus stops", "purpose": "Cooler streets",
            "sought": "Designs and builders", "eligibility": "Anyone working here",
            "deadline_local": in_days(30), "criteria": [{ "name": "Impact", "weight": 100 }],
            "evaluator_emails": [Evaluator.email().unwrap()] })
}

fn initiative_body(w: &World) -> Value {
    json!({ "locality_id": w.locality, "initiator_organisation_id": w.partner,
            "titles": { "en": "Community compost" }, "model": "joint-agenda",
            "management": "joint", "goal_ids": [w.goal], "needs": ["budget"] })
}

/// Every API operation, with the roles allowed. Variants of one operation try it on other data
/// (a draft call, an application's file) or with a body refused after authorisation.
fn api_rows() -> Vec<ApiRow> {
    vec![
        // account
        op("GET", "/api/v1/me", |_| "/api/v1/me".into(), SIGNED_IN),
        op("PUT", "/api/v1/me", |_| "/api/v1/me".into(), SIGNED_IN)
            .json(|_| json!({ "display_name": "Renamed", "preferred_language": "en" })),
        // organisations
        op(
            "GET",
            "/api/v1/organisations",
            |_| "/api/v1/organisations".into(),
            ALL,
        ),
        op(
            "POST",
            "/api/v1/organisations",
            |_| "/api/v1/organisations".into(),
            SIGNED_IN,
        )
        .json(organisation_body),
        op(
            "GET",
            "/api/v1/organisations/{id}",
            |w| format!("/api/v1/organisations/{}", w.partner),
            ALL,
        ),
        op(
            "PUT",
            "/api/v1/organisations/{id}",
            |w| format!("/api/v1/organisations/{}", w.partner),
            ORG_MANAGERS,
        )
        .json(organisation_body),
        op(
            "GET",
            "/api/v1/organisations/{id}/members",
            |w| format!("/api/v1/organisations/{}/members", w.partner),
            ORG_MEMBERS,
        ),
        op(
            "POST",
            "/api/v1/organisations/{id}/invitations",
            |w| format!("/api/v1/organisations/{}/invitations", w.partner),
            ORG_MANAGERS,
        )
        .json(|_| json!({ "email": "newcomer@example.org", "role": "member" })),
        op(
            "PUT",
            "/api/v1/organisations/{id}/members/{user_id}",
            |w| {
                format!(
                    "/api/v1/organisations/{}/members/{}",
                    w.partner,
                    w.user(Member)
                )
            },
            ORG_MANAGERS,
        )
        .json(|_| json!({ "role": "admin" })),
        op(
            "DELETE",
            "/api/v1/organisations/{id}/members/{user_id}",
            |w| {
                format!(
                    "/api/v1/organisations/{}/members/{}",
                    w.partner,
                    w.user(Member)
                )
            },
            ORG_MANAGERS,
        ),
        op(
            "POST",
            "/api/v1/organisations/{id}/leave",
            |w| format!("/api/v1/organisations/{}/leave", w.partner),
            IN_ORG,
        ),
        // Only the person the invitation was sent to (the evaluator) may accept it.
        op(
            "POST",
            "/api/v1/invitations/{token}/accept",
            |w| format!("/api/v1/invitations/{}/accept", w.invitation),
            EVALUATOR,
        ),
        // Only the person asked to evaluate (by address) may accept.
        op(
            "POST",
            "/api/v1/evaluator-invitations/{token}/accept",
            |w| format!("/api/v1/evaluator-invitations/{}/accept", w.evaluation),
            EVALUATOR,
        ),
        op(
            "GET",
            "/api/v1/organisations/{id}/opportunities",
            |w| format!("/api/v1/organisations/{}/opportunities", w.partner),
            ALL,
        ),
        // localities and agenda
        op("GET", "/api/v1/localities", |_| "/api/v1/localities".into(), ALL),
        op(
            "POST",
            "/api/v1/localities",
            |_| "/api/v1/localities".into(),
            PLATFORM,
        )
        .json(|w| {
            json!({ "names": { "en": "Valley" }, "kind": "regional-council",
                    "convener_organisation_id": w.spare_public })
        }),
        op(
            "GET",
            "/api/v1/localities/{id}",
            |w| format!("/api/v1/localities/{}", w.locality),
            ALL,
        ),
        // The convener's owners and administrators edit too; the staff here are plain members.
        op(
            "PUT",
            "/api/v1/localities/{id}",
            |w| format!("/api/v1/localities/{}", w.locality),
            PLATFORM,
        )
        .json(|_| json!({ "names": { "en": "Testham Renamed" }, "kind": "municipality" })),
        op(
            "GET",
            "/api/v1/localities/{id}/goals",
            |w| format!("/api/v1/localities/{}/goals", w.locality),
            ALL,
        ),
        op(
            "POST",
            "/api/v1/localities/{id}/goals",
            |w| format!("/api/v1/localities/{}/goals", w.locality),
            STAFF,
        )
        .json(|_| json!({ "titles": { "en": "Clean air" }, "sdg_codes": ["11.6"] })),
        op(
            "PUT",
            "/api/v1/goals/{id}",
            |w| format!("/api/v1/goals/{}", w.goal),
            STAFF,
        )
        .json(|_| {
            json!({ "titles": { "en": "Solar energy" }, "status": "active", "sdg_codes": ["7"] })
        }),
        op(
            "GET",
            "/api/v1/localities/{id}/local-targets",
            |w| format!("/api/v1/localities/{}/local-targets", w.locality),
            ALL,
        ),
        op(
            "POST",
            "/api/v1/localities/{id}/local-targets",
            |w| format!("/api/v1/localities/{}/local-targets", w.locality),
            STAFF,
        )
        .json(|_| json!({ "code": "7.2.1", "titles": { "en": "Solar on every school" } })),
        // initiatives
        op(
            "GET",
            "/api/v1/localities/{id}/initiatives",
            |w| format!("/api/v1/localities/{}/initiatives", w.locality),
            ALL,
        ),
        op(
            "POST",
            "/api/v1/initiatives",
            |_| "/api/v1/initiatives".into(),
            ORG_ADMIN,
        )
        .json(initiative_body),
        op(
            "GET",
            "/api/v1/initiatives/{id}",
            |w| format!("/api/v1/initiatives/{}", w.initiative),
            ALL,
        ),
        op(
            "PUT",
            "/api/v1/initiatives/{id}",
            |w| format!("/api/v1/initiatives/{}", w.initiative),
            LEAD_OR_STAFF,
        )
        .json(initiative_body),
        op(
            "POST",
            "/api/v1/initiatives/{id}/engage",
            |w| format!("/api/v1/initiatives/{}/engage", w.initiative),
            STAFF,
        ),
        op(
            "POST",
            "/api/v1/initiatives/{id}/stage",
            |w| format!("/api/v1/initiatives/{}/stage", w.initiative),
            LEAD_OR_STAFF,
        )
        .json(|_| json!({ "to": "scoping" })),
        op(
            "POST",
            "/api/v1/initiatives/{id}/stage",
            |w| format!("/api/v1/initiatives/{}/stage", w.initiative),
            STAFF,
        )
        .json(|_| json!({ "to": "declined", "reason": "x".repeat(5_001) }))
        .invalid()
        .variant("declining with an over-long reason"),
        op(
            "POST",
            "/api/v1/initiatives/{id}/partners",
            |w| format!("/api/v1/initiatives/{}/partners", w.initiative),
            ORG_ADMIN,
        )
        .json(|w| json!({ "organisation_id": w.outsider })),
        op(
            "PUT",
            "/api/v1/initiatives/{id}/partners/{organisation_id}",
            |w| format!("/api/v1/initiatives/{}/partners/{}", w.initiative, w.partner),
            ORG_ADMIN,
        )
        .json(|_| {
            json!({ "role": "Runs the gardens", "interests": "Green streets",
                    "benefits": "Volunteers" })
        }),
        // The lead removes the city.
        op(
            "DELETE",
            "/api/v1/initiatives/{id}/partners/{organisation_id}",
            |w| format!("/api/v1/initiatives/{}/partners/{}", w.initiative, w.city),
            ORG_ADMIN,
        ),
        op(
            "POST",
            "/api/v1/initiatives/{id}/partners/{organisation_id}/contributions",
            |w| {
                format!(
                    "/api/v1/initiatives/{}/partners/{}/contributions",
                    w.initiative, w.partner
                )
            },
            ORG_ADMIN,
        )
        .json(|_| {
            json!({ "contribution": "budget", "description": "More seed money",
                    "cash_agorot": 500_000, "period": "2027" })
        }),
        op(
            "DELETE",
            "/api/v1/initiatives/{id}/partners/{organisation_id}/contributions/{contribution_id}",
            |w| {
                format!(
                    "/api/v1/initiatives/{}/partners/{}/contributions/{}",
                    w.initiative, w.partner, w.contribution
                )
            },
            ORG_ADMIN,
        ),
        op(
            "PUT",
            "/api/v1/initiatives/{id}/work-plan",
            |w| format!("/api/v1/initiatives/{}/work-plan", w.initiative),
            STAFF,
        )
        .json(|_| json!({ "placement": "placed", "work_plan_item": "4.2 Urban greening" })),
        op(
            "GET",
            "/api/v1/initiatives/{id}/integrity",
            |w| format!("/api/v1/initiatives/{}/integrity", w.initiative),
            ALL,
        ),
        op(
            "PUT",
            "/api/v1/initiatives/{id}/integrity",
            |w| format!("/api/v1/initiatives/{}/integrity", w.initiative),
            STAFF,
        )
        .json(|_| json!({ "competition": true })),
        op(
            "POST",
            "/api/v1/initiatives/{id}/notice",
            |w| format!("/api/v1/initiatives/{}/notice", w.initiative),
            STAFF,
        )
        .json(|_| json!({ "summary": "Gardens by an NGO", "closes_local": in_days(14) })),
        op(
            "POST",
            "/api/v1/initiatives/{id}/notice/alternatives",
            |w| format!("/api/v1/initiatives/{}/notice/alternatives", w.open_notice),
            ORG_ADMIN,
        )
        .json(|w| json!({ "organisation_id": w.partner, "summary": "Solar by volunteers" })),
        op(
            "POST",
            "/api/v1/initiatives/{id}/notice/decision",
            |w| format!("/api/v1/initiatives/{}/notice/decision", w.closed_notice),
            STAFF,
        )
        .json(|_| json!({ "outcome": "original", "reasons": "No alternative was offered" })),
        op(
            "POST",
            "/api/v1/initiatives/{id}/declarations",
            |w| format!("/api/v1/initiatives/{}/declarations", w.initiative),
            LEAD_OR_STAFF,
        )
        .json(|_| json!({ "has_interests": false })),
        op(
            "GET",
            "/api/v1/initiatives/{id}/charter",
            |w| format!("/api/v1/initiatives/{}/charter", w.initiative),
            ALL,
        ),
        op(
            "POST",
            "/api/v1/initiatives/{id}/charter",
            |w| format!("/api/v1/initiatives/{}/charter", w.initiative),
            ORG_ADMIN,
        )
        .json(|w| {
            json!({ "organisation_id": w.partner,
                    "sections": { "vision": "Gardens", "objectives": "Twenty gardens" } })
        }),
        op(
            "POST",
            "/api/v1/initiatives/{id}/charter/{version}/endorsements",
            |w| {
                format!(
                    "/api/v1/initiatives/{}/charter/{}/endorsements",
                    w.initiative, w.charter_version
                )
            },
            ORG_ADMIN,
        )
        .json(|w| json!({ "organisation_id": w.partner })),
        op(
            "GET",
            "/api/v1/initiatives/{id}/expectations",
            |w| format!("/api/v1/initiatives/{}/expectations", w.initiative),
            ALL,
        ),
        op(
            "PUT",
            "/api/v1/initiatives/{id}/expectations",
            |w| format!("/api/v1/initiatives/{}/expectations", w.initiative),
            ORG_ADMIN,
        )
        .json(|w| json!({ "organisation_id": w.partner, "answers": { "publicity": "high" } })),
        op(
            "GET",
            "/api/v1/initiatives/{id}/suggestions",
            |w| format!("/api/v1/initiatives/{}/suggestions", w.initiative),
            ALL,
        ),
        // calls
        op(
            "GET",
            "/api/v1/localities/{id}/calls",
            |w| format!("/api/v1/localities/{}/calls", w.locality),
            ALL,
        )
        .secret(DRAFT_TITLE, STAFF),
        op(
            "POST",
            "/api/v1/localities/{id}/calls",
            |w| format!("/api/v1/localities/{}/calls", w.locality),
            STAFF,
        )
        .json(call_body),
        op(
            "GET",
            "/api/v1/calls/{id}",
            |w| format!("/api/v1/calls/{}", w.accepting_call),
            ALL,
        )
        .secret(PROPOSAL, APPLICATION_READERS),
        op(
            "GET",
            "/api/v1/calls/{id}",
            |w| format!("/api/v1/calls/{}", w.draft_call),
            STAFF,
        )
        .variant("a draft"),
        op(
            "PUT",
            "/api/v1/calls/{id}",
            |w| format!("/api/v1/calls/{}", w.draft_call),
            STAFF,
        )
        .json(call_body),
        op(
            "POST",
            "/api/v1/calls/{id}/publish",
            |w| format!("/api/v1/calls/{}/publish", w.draft_call),
            STAFF,
        ),
        op(
            "POST",
            "/api/v1/calls/{id}/applications",
            |w| format!("/api/v1/calls/{}/applications", w.accepting_call),
            ORG_ADMIN,
        )
        .json(|w| {
            json!({ "organisation_id": w.partner, "summary": "More trees",
                    "proposal": "Trees on every street, and benches" })
        }),
        op(
            "POST",
            "/api/v1/calls/{id}/applications/{application_id}/attachments",
            |w| {
                format!(
                    "/api/v1/calls/{}/applications/{}/attachments",
                    w.accepting_call, w.accepting_application
                )
            },
            ORG_ADMIN,
        )
        .file(),
        op(
            "POST",
            "/api/v1/calls/{id}/documents",
            |w| format!("/api/v1/calls/{}/documents", w.accepting_call),
            STAFF,
        )
        .file(),
        op(
            "GET",
            "/api/v1/calls/{id}/declarations",
            |w| format!("/api/v1/calls/{}/declarations", w.evaluating_call),
            ALL,
        ),
        op(
            "GET",
            "/api/v1/calls/{id}/declarations",
            |w| format!("/api/v1/calls/{}/declarations", w.draft_call),
            STAFF,
        )
        .variant("a draft"),
        op(
            "POST",
            "/api/v1/calls/{id}/declarations",
            |w| format!("/api/v1/calls/{}/declarations", w.accepting_call),
            CALL_DECLARERS,
        )
        .json(|_| json!({ "has_interests": false })),
        op(
            "POST",
            "/api/v1/calls/{id}/applications/{application_id}/scores",
            |w| {
                format!(
                    "/api/v1/calls/{}/applications/{}/scores",
                    w.evaluating_call, w.evaluating_application
                )
            },
            EVALUATOR,
        )
        .json(|w| json!([{ "criterion_id": w.criterion, "score": 7, "reason": "Solid plan" }])),
        op(
            "POST",
            "/api/v1/calls/{id}/award",
            |w| format!("/api/v1/calls/{}/award", w.evaluating_call),
            STAFF,
        )
        .json(|w| json!({ "application_id": w.evaluating_application, "reasons": "Best plan" })),
        op(
            "POST",
            "/api/v1/calls/{id}/cancel",
            |w| format!("/api/v1/calls/{}/cancel", w.evaluating_call),
            STAFF,
        )
        .json(|_| json!({ "reasons": "No money this year" })),
        op(
            "POST",
            "/api/v1/calls/{id}/rerun",
            |w| format!("/api/v1/calls/{}/rerun", w.evaluating_call),
            STAFF,
        )
        .json(|_| json!({ "deadline_local": in_days(30), "reasons": "Too few applied" })),
        op(
            "POST",
            "/api/v1/calls/{id}/initiative",
            |w| format!("/api/v1/calls/{}/initiative", w.awarded_call),
            STAFF,
        ),
        op(
            "GET",
            "/api/v1/attachments/{id}",
            |w| format!("/api/v1/attachments/{}", w.document),
            ALL,
        ),
        op(
            "GET",
            "/api/v1/attachments/{id}",
            |w| format!("/api/v1/attachments/{}", w.application_file),
            APPLICATION_READERS,
        )
        .variant("an application's file"),
        op(
            "GET",
            "/api/v1/attachments/{id}",
            |w| format!("/api/v1/attachments/{}", w.draft_document),
            STAFF,
        )
        .variant("a draft call's document"),
        // donations
        op(
            "GET",
            "/api/v1/localities/{id}/donations",
            |w| format!("/api/v1/localities/{}/donations", w.locality),
            ALL,
        ),
        op(
            "POST",
            "/api/v1/localities/{id}/donations",
            |w| format!("/api/v1/localities/{}/donations", w.locality),
            STAFF,
        )
        .json(|_| {
            json!({ "donor_name": "A hardware shop", "kind": "goods",
                    "purpose": "Tools for the gardens" })
        }),
        op(
            "GET",
            "/api/v1/donations/{id}",
            |w| format!("/api/v1/donations/{}", w.donation),
            ALL,
        ),
        op(
            "POST",
            "/api/v1/donations/{id}/steps",
            |w| format!("/api/v1/donations/{}/steps", w.donation),
            STAFF,
        )
        .json(|_| {
            json!({ "step": "check", "check": "No conflict found", "recommendation": "accept" })
        }),
        // the decision log
        op(
            "GET",
            "/api/v1/log/head",
            |_| "/api/v1/log/head".into(),
            ALL,
        ),
        op("GET", "/api/v1/log/key", |_| "/api/v1/log/key".into(), ALL),
        op(
            "GET",
            "/api/v1/log/checkpoint",
            |_| "/api/v1/log/checkpoint".into(),
            ALL,
        ),
        op(
            "GET",
            "/api/v1/log/checkpoints",
            |_| "/api/v1/log/checkpoints?limit=5".into(),
            ALL,
        ),
        // The world's hub signed the empty log when it started.
        op(
            "GET",
            "/api/v1/log/checkpoints/{size}",
            |_| "/api/v1/log/checkpoints/0".into(),
            ALL,
        ),
        // Only a witness the hub is configured with may add a cosignature, whoever sends it:
        // the world configures none, and this checkpoint was never signed.
        op(
            "POST",
            "/api/v1/log/cosignatures",
            |_| "/api/v1/log/cosignatures".into(),
            &[],
        )
        .text(|_| {
            format!(
                "hub.example\n999999\n{}=\n\n\u{2014} witness.example AAAAAAAA\n",
                "A".repeat(43)
            )
        }),
        op(
            "GET",
            "/api/v1/log/entries",
            |_| "/api/v1/log/entries?start=0&end=2".into(),
            ALL,
        ),
        // Redacting a text beside the log: platform administrators only.
        op(
            "POST",
            "/api/v1/log/entries/{index}/redactions",
            |w| format!("/api/v1/log/entries/{}/redactions", w.donation_entry),
            PLATFORM,
        )
        .json(|_| json!({ "field": "donor", "ground": "erasure-request" })),
        op(
            "GET",
            "/api/v1/log/proof/inclusion",
            |_| "/api/v1/log/proof/inclusion?index=0&size=2".into(),
            ALL,
        ),
        op(
            "GET",
            "/api/v1/log/proof/consistency",
            |_| "/api/v1/log/proof/consistency?first=1&second=2".into(),
            ALL,
        ),
    ]
}

// ---- the pages table --------------------------------------------------------------------------

#[derive(Clone, Copy)]
struct PageRow {
    /// As `pages/mod.rs` names the route.
    template: &'static str,
    path: fn(&World) -> String,
    form: fn(&World) -> Vec<(String, String)>,
    /// Sent as `multipart/form-data` with a PDF (the CSRF token its first field, as the page does).
    upload: bool,
    allowed: &'static [Role],
}

fn form(
    template: &'static str,
    path: fn(&World) -> String,
    form: fn(&World) -> Vec<(String, String)>,
    allowed: &'static [Role],
) -> PageRow {
    PageRow {
        template,
        path,
        form,
        upload: false,
        allowed,
    }
}

fn kv(name: &str, value: impl ToString) -> (String, String) {
    (name.to_owned(), value.to_string())
}

fn no_fields(_: &World) -> Vec<(String, String)> {
    Vec::new()
}

/// The account routes that are not about roles: signing up, in and out, passwords.
const ACCOUNT_ROUTES: &[&str] = &[
    "/signup",
    "/signin",
    "/signout",
    "/password/forgot",
    "/password/reset",
    // One's own password and sessions (doors.rs tests them).
    "/profile/password",
    "/profile/sessions/end",
];

fn call_form(_: &World) -> Vec<(String, String)> {
    vec![
        kv("lang", "en"),
        kv("title", "Shade for bus stops"),
        kv("purpose", "Cooler streets"),
        kv("sought", "Designs and builders"),
        kv("eligibility", "Anyone working here"),
        kv("deadline", in_days(30)),
        kv("criterion_name", "Impact"),
        kv("criterion_description", ""),
        kv("criterion_weight", 100),
        kv("evaluators", Evaluator.email().unwrap()),
    ]
}

fn initiative_form(w: &World) -> Vec<(String, String)> {
    vec![
        kv("locality", w.locality),
        kv("initiator", w.partner),
        kv("title_en", "Community compost"),
        kv("model", "joint-agenda"),
        kv("management", "joint"),
        kv("goals", w.goal),
        kv("needs", "budget"),
    ]
}

fn organisation_form(_: &World) -> Vec<(String, String)> {
    vec![
        kv("name_en", "Green Partners Renamed"),
        kv("sector", "third"),
        kv("kind", "ngo"),
    ]
}

/// The POST routes of the pages, with the roles allowed.
fn page_rows() -> Vec<PageRow> {
    vec![
        form(
            "/profile",
            |_| "/profile".into(),
            |_| vec![kv("display_name", "Renamed"), kv("preferred_language", "")],
            SIGNED_IN,
        ),
        form(
            "/profile/tokens",
            |_| "/profile/tokens".into(),
            |_| vec![kv("name", "script"), kv("scope", "read")],
            SIGNED_IN,
        ),
        // The member's token: only they revoke it.
        form(
            "/profile/tokens/{id}/revoke",
            |w| format!("/profile/tokens/{}/revoke", w.member_token_id),
            no_fields,
            MEMBER,
        ),
        form(
            "/notifications",
            |_| "/notifications".into(),
            no_fields,
            SIGNED_IN,
        ),
        form(
            "/organisations",
            |_| "/organisations".into(),
            organisation_form,
            SIGNED_IN,
        ),
        form(
            "/organisations/{id}/edit",
            |w| format!("/organisations/{}/edit", w.partner),
            organisation_form,
            ORG_MANAGERS,
        ),
        form(
            "/organisations/{id}/members",
            |w| format!("/organisations/{}/members", w.partner),
            |_| vec![kv("email", "newcomer@example.org"), kv("role", "member")],
            ORG_MANAGERS,
        ),
        form(
            "/organisations/{id}/members/{user_id}",
            |w| format!("/organisations/{}/members/{}", w.partner, w.user(Member)),
            |_| vec![kv("role", "admin")],
            ORG_MANAGERS,
        ),
        form(
            "/organisations/{id}/leave",
            |w| format!("/organisations/{}/leave", w.partner),
            no_fields,
            IN_ORG,
        ),
        form(
            "/invitations/{token}",
            |w| format!("/invitations/{}", w.invitation),
            no_fields,
            EVALUATOR,
        ),
        form(
            "/evaluations/{token}",
            |w| format!("/evaluations/{}", w.evaluation),
            no_fields,
            EVALUATOR,
        ),
        form(
            "/localities/{id}/edit",
            |w| format!("/localities/{}/edit", w.locality),
            |_| vec![kv("name_en", "Testham Renamed"), kv("kind", "municipality")],
            PLATFORM,
        ),
        form(
            "/admin/localities",
            |_| "/admin/localities".into(),
            |w| {
                vec![
                    kv("name_en", "Valley"),
                    kv("kind", "regional-council"),
                    kv("convener", w.spare_public),
                ]
            },
            PLATFORM,
        ),
        form(
            "/admin/redactions",
            |_| "/admin/redactions".into(),
            |w| {
                vec![
                    kv("entry", w.donation_entry),
                    kv("field", "donor"),
                    kv("ground", "erasure-request"),
                    kv("confirm", 1),
                ]
            },
            PLATFORM,
        ),
        form(
            "/localities/{id}/goals",
            |w| format!("/localities/{}/goals", w.locality),
            |_| {
                vec![
                    kv("title_en", "Clean air"),
                    kv("status", "active"),
                    kv("sdg_codes", "11.6"),
                ]
            },
            STAFF,
        ),
        form(
            "/localities/{id}/local-targets",
            |w| format!("/localities/{}/local-targets", w.locality),
            |_| vec![kv("code", "7.2.1"), kv("title_en", "Solar on every school")],
            STAFF,
        ),
        form(
            "/goals/{id}/edit",
            |w| format!("/goals/{}/edit", w.goal),
            |_| {
                vec![
                    kv("title_en", "Solar energy"),
                    kv("status", "active"),
                    kv("sdg_codes", "7"),
                ]
            },
            STAFF,
        ),
        form(
            "/initiatives",
            |_| "/initiatives".into(),
            initiative_form,
            ORG_ADMIN,
        ),
        form(
            "/initiatives/{id}/edit",
            |w| format!("/initiatives/{}/edit", w.initiative),
            initiative_form,
            LEAD_OR_STAFF,
        ),
        form(
            "/initiatives/{id}/engage",
            |w| format!("/initiatives/{}/engage", w.initiative),
            no_fields,
            STAFF,
        ),
        form(
            "/initiatives/{id}/stage",
            |w| format!("/initiatives/{}/stage", w.initiative),
            |_| vec![kv("to", "scoping")],
            LEAD_OR_STAFF,
        ),
        form(
            "/initiatives/{id}/partners",
            |w| format!("/initiatives/{}/partners", w.initiative),
            |w| vec![kv("organisation", w.outsider)],
            ORG_ADMIN,
        ),
        form(
            "/initiatives/{id}/partners/{org}",
            |w| format!("/initiatives/{}/partners/{}", w.initiative, w.partner),
            |_| {
                vec![
                    kv("role", "Runs the gardens"),
                    kv("interests", "Green streets"),
                ]
            },
            ORG_ADMIN,
        ),
        form(
            "/initiatives/{id}/partners/{org}/remove",
            |w| format!("/initiatives/{}/partners/{}/remove", w.initiative, w.city),
            no_fields,
            ORG_ADMIN,
        ),
        form(
            "/initiatives/{id}/partners/{org}/contributions",
            |w| {
                format!(
                    "/initiatives/{}/partners/{}/contributions",
                    w.initiative, w.partner
                )
            },
            |_| vec![kv("contribution", "budget"), kv("cash", "5,000")],
            ORG_ADMIN,
        ),
        form(
            "/initiatives/{id}/partners/{org}/contributions/{contribution}/remove",
            |w| {
                format!(
                    "/initiatives/{}/partners/{}/contributions/{}/remove",
                    w.initiative, w.partner, w.contribution
                )
            },
            no_fields,
            ORG_ADMIN,
        ),
        form(
            "/initiatives/{id}/work-plan",
            |w| format!("/initiatives/{}/work-plan", w.initiative),
            |_| vec![kv("work_plan", "placed"), kv("work_plan_item", "4.2")],
            STAFF,
        ),
        form(
            "/initiatives/{id}/integrity",
            |w| format!("/initiatives/{}/integrity", w.initiative),
            |_| vec![kv("competition", "1")],
            STAFF,
        ),
        form(
            "/initiatives/{id}/declaration",
            |w| format!("/initiatives/{}/declaration", w.initiative),
            |_| vec![kv("has_interests", "0")],
            LEAD_OR_STAFF,
        ),
        form(
            "/initiatives/{id}/notice",
            |w| format!("/initiatives/{}/notice", w.initiative),
            |_| {
                vec![
                    kv("notice_summary", "Gardens by an NGO"),
                    kv("notice_closes", in_days(14)),
                ]
            },
            STAFF,
        ),
        form(
            "/initiatives/{id}/notice/alternatives",
            |w| format!("/initiatives/{}/notice/alternatives", w.open_notice),
            |w| {
                vec![
                    kv("organisation", w.partner),
                    kv("alternative_summary", "Solar by volunteers"),
                ]
            },
            ORG_ADMIN,
        ),
        form(
            "/initiatives/{id}/notice/decision",
            |w| format!("/initiatives/{}/notice/decision", w.closed_notice),
            |_| {
                vec![
                    kv("outcome", "original"),
                    kv("outcome_reasons", "No alternative was offered"),
                ]
            },
            STAFF,
        ),
        form(
            "/initiatives/{id}/charter",
            |w| format!("/initiatives/{}/charter", w.initiative),
            |w| {
                vec![
                    kv("organisation", w.partner),
                    kv("vision", "Gardens"),
                    kv("objectives", "Twenty gardens"),
                ]
            },
            ORG_ADMIN,
        ),
        form(
            "/initiatives/{id}/charter/{version}/endorse",
            |w| {
                format!(
                    "/initiatives/{}/charter/{}/endorse",
                    w.initiative, w.charter_version
                )
            },
            |w| vec![kv("organisation", w.partner)],
            ORG_ADMIN,
        ),
        form(
            "/initiatives/{id}/expectations",
            |w| format!("/initiatives/{}/expectations", w.initiative),
            |w| vec![kv("organisation", w.partner), kv("publicity", "high")],
            ORG_ADMIN,
        ),
        form(
            "/localities/{id}/calls",
            |w| format!("/localities/{}/calls", w.locality),
            call_form,
            STAFF,
        ),
        form(
            "/calls/{id}/edit",
            |w| format!("/calls/{}/edit", w.draft_call),
            call_form,
            STAFF,
        ),
        form(
            "/calls/{id}/publish",
            |w| format!("/calls/{}/publish", w.draft_call),
            no_fields,
            STAFF,
        ),
        PageRow {
            upload: true,
            ..form(
                "/calls/{id}/applications",
                |w| format!("/calls/{}/applications", w.accepting_call),
                |w| {
                    vec![
                        kv("organisation", w.partner),
                        kv("summary", "More trees"),
                        kv("proposal", "Trees on every street, and benches"),
                    ]
                },
                ORG_ADMIN,
            )
        },
        PageRow {
            upload: true,
            ..form(
                "/calls/{id}/documents",
                |w| format!("/calls/{}/documents", w.accepting_call),
                no_fields,
                STAFF,
            )
        },
        form(
            "/calls/{id}/declaration",
            |w| format!("/calls/{}/declaration", w.accepting_call),
            |_| vec![kv("has_interests", "0")],
            CALL_DECLARERS,
        ),
        form(
            "/calls/{id}/applications/{application_id}/scores",
            |w| {
                format!(
                    "/calls/{}/applications/{}/scores",
                    w.evaluating_call, w.evaluating_application
                )
            },
            |w| {
                vec![
                    kv("criterion", w.criterion),
                    kv(&format!("score_{}", w.criterion), 7),
                    kv(&format!("reason_{}", w.criterion), "Solid plan"),
                ]
            },
            EVALUATOR,
        ),
        form(
            "/calls/{id}/award",
            |w| format!("/calls/{}/award", w.evaluating_call),
            |w| {
                vec![
                    kv("application", w.evaluating_application),
                    kv("award_reasons", "Best plan"),
                ]
            },
            STAFF,
        ),
        form(
            "/calls/{id}/cancel",
            |w| format!("/calls/{}/cancel", w.evaluating_call),
            |_| vec![kv("cancel_reasons", "No money this year")],
            STAFF,
        ),
        form(
            "/calls/{id}/rerun",
            |w| format!("/calls/{}/rerun", w.evaluating_call),
            |_| {
                vec![
                    kv("rerun_deadline", in_days(30)),
                    kv("rerun_reasons", "Too few applied"),
                ]
            },
            STAFF,
        ),
        form(
            "/calls/{id}/initiative",
            |w| format!("/calls/{}/initiative", w.awarded_call),
            no_fields,
            STAFF,
        ),
        form(
            "/localities/{id}/donations",
            |w| format!("/localities/{}/donations", w.locality),
            |_| {
                vec![
                    kv("donor_name", "A hardware shop"),
                    kv("kind", "goods"),
                    kv("purpose", "Tools for the gardens"),
                ]
            },
            STAFF,
        ),
        form(
            "/donations/{id}",
            |w| format!("/donations/{}", w.donation),
            |_| {
                vec![
                    kv("step", "check"),
                    kv("check", "No conflict found"),
                    kv("recommendation", "accept"),
                ]
            },
            STAFF,
        ),
    ]
}

/// A page that not everyone may read.
#[derive(Clone, Copy)]
struct PageRead {
    path: fn(&World) -> String,
    allowed: &'static [Role],
    /// Text on the page that only these roles may see.
    secret: Option<(&'static str, &'static [Role])>,
}

fn read(path: fn(&World) -> String, allowed: &'static [Role]) -> PageRead {
    PageRead {
        path,
        allowed,
        secret: None,
    }
}

/// Pages with drafts, forms for the few, members' addresses and applications' files.
fn page_reads() -> Vec<PageRead> {
    vec![
        PageRead {
            secret: Some((DRAFT_TITLE, STAFF)),
            ..read(|w| format!("/localities/{}/calls", w.locality), ALL)
        },
        read(|w| format!("/calls/{}", w.draft_call), STAFF),
        read(|w| format!("/calls/{}/edit", w.draft_call), STAFF),
        PageRead {
            secret: Some((PROPOSAL, APPLICATION_READERS)),
            ..read(|w| format!("/calls/{}", w.accepting_call), ALL)
        },
        read(|w| format!("/attachments/{}", w.document), ALL),
        read(
            |w| format!("/attachments/{}", w.application_file),
            APPLICATION_READERS,
        ),
        read(|w| format!("/attachments/{}", w.draft_document), STAFF),
        read(|w| format!("/localities/{}/calls/new", w.locality), STAFF),
        read(|w| format!("/localities/{}/goals/new", w.locality), STAFF),
        read(|w| format!("/goals/{}/edit", w.goal), STAFF),
        read(|w| format!("/localities/{}/edit", w.locality), PLATFORM),
        read(|_| "/admin".into(), PLATFORM),
        read(
            |w| format!("/organisations/{}/edit", w.partner),
            ORG_MANAGERS,
        ),
        PageRead {
            secret: Some((Member.email().unwrap(), ORG_MEMBERS)),
            ..read(
                |w| format!("/organisations/{}/members", w.partner),
                ORG_MEMBERS,
            )
        },
        read(
            |w| format!("/initiatives/{}/edit", w.initiative),
            LEAD_OR_STAFF,
        ),
        read(|_| "/initiatives/new".into(), SIGNED_IN),
        read(|_| "/organisations/new".into(), SIGNED_IN),
        read(|_| "/profile".into(), SIGNED_IN),
        read(|_| "/profile/tokens".into(), SIGNED_IN),
        read(|_| "/notifications".into(), SIGNED_IN),
    ]
}

/// The POST routes the pages declare: in the `routes()` of `pages/mod.rs` and of the modules it
/// merges (read from the sources, so that a route added anywhere in the pages needs a row).
fn page_post_routes() -> BTreeSet<String> {
    let mut routes = BTreeSet::new();
    let mut folders = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pages")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("the pages' sources") {
            let path = entry.expect("a source file").path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("a source file");
            let Some(start) = source.find("pub fn routes()") else {
                continue;
            };
            let end = start + source[start..].find("\n}\n").expect("its end");
            routes.extend(
                source[start..end]
                    .split(".route(")
                    .skip(1)
                    .filter(|route| route.contains("post("))
                    .map(|route| route.split('"').nth(1).expect("a path").to_owned()),
            );
        }
    }
    routes
}

// ---- running the tables -----------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Face {
    Api(ApiRow),
    Page(PageRow),
    PageRead(PageRead),
}

impl Face {
    fn allowed(&self) -> &'static [Role] {
        match self {
            Face::Api(row) => row.allowed,
            Face::Page(row) => row.allowed,
            Face::PageRead(row) => row.allowed,
        }
    }

    fn secret(&self) -> Option<(&'static str, &'static [Role])> {
        match self {
            Face::Api(row) => row.secret,
            Face::Page(_) => None,
            Face::PageRead(row) => row.secret,
        }
    }

    fn label(&self, w: &World) -> String {
        match self {
            Face::Api(row) if row.variant.is_empty() => {
                format!("{} {}", row.method, (row.path)(w))
            }
            Face::Api(row) => format!("{} {} ({})", row.method, (row.path)(w), row.variant),
            Face::Page(row) => format!("page POST {}", (row.path)(w)),
            Face::PageRead(row) => format!("page GET {}", (row.path)(w)),
        }
    }

    fn expected(&self, role: Role) -> Outcome {
        match self {
            Face::Api(row) if row.allowed.contains(&role) && row.invalid => Outcome::Invalid,
            _ if self.allowed().contains(&role) => Outcome::Allowed,
            _ => Outcome::Denied,
        }
    }

    fn reads(&self) -> bool {
        match self {
            Face::Api(row) => row.method == "GET",
            Face::Page(_) => false,
            Face::PageRead(_) => true,
        }
    }

    async fn send(&self, app: &TestApp, client: &reqwest::Client, w: &World, role: Role) -> Answer {
        match self {
            Face::Api(row) => {
                let method = reqwest::Method::from_bytes(row.method.as_bytes()).unwrap();
                let mut request = client.request(method, app.url(&(row.path)(w)));
                if let Some(token) = w.tokens.get(&role) {
                    request = request.bearer_auth(token);
                }
                request = match row.body {
                    Body::Empty => request,
                    Body::Json(body) => request.json(&body(w)),
                    Body::Spoiled(body) => request.json(&spoil(body(w))),
                    Body::Text(body) => request
                        .header("content-type", "text/plain; charset=utf-8")
                        .body(body(w)),
                    Body::File => {
                        let (content_type, body) = files_only(&[("evidence.pdf", PDF)]);
                        request.header("content-type", content_type).body(body)
                    }
                };
                answer(request.send().await.unwrap()).await
            }
            Face::Page(row) => {
                let mut cookie = format!("shutaf_csrf={}", w.csrf);
                if let Some(session) = w.sessions.get(&role) {
                    cookie.push_str(&format!("; shutaf_session={session}"));
                }
                let path = (row.path)(w);
                let mut fields = (row.form)(w);
                let csrf = w.session_csrf.get(&role).unwrap_or(&w.csrf);
                let request = if row.upload {
                    // The token first, as the page's form sends it.
                    fields.insert(0, kv("csrf_token", csrf));
                    let (content_type, body) = multipart(&fields, &[("evidence.pdf", PDF)]);
                    client
                        .post(app.url(&path))
                        .header("content-type", content_type)
                        .body(body)
                } else {
                    fields.push(kv("csrf_token", csrf));
                    client.post(app.url(&path)).form(&fields)
                };
                answer(request.header("cookie", cookie).send().await.unwrap()).await
            }
            Face::PageRead(row) => {
                let mut request = client.get(app.url(&(row.path)(w)));
                if let Some(session) = w.sessions.get(&role) {
                    request = request.header("cookie", format!("shutaf_session={session}"));
                }
                answer(request.send().await.unwrap()).await
            }
        }
    }
}

/// What a cheap look at the database shows, in one query: the row count of every table but
/// the sessions and sign-in bookkeeping, and the fields that writes change.
async fn fingerprint(db: &Db) -> Vec<String> {
    const TABLES: &[&str] = &[
        "alternative_proposals",
        "api_tokens",
        "attachments",
        "call_applications",
        "call_criteria",
        "call_evaluator_invitations",
        "call_evaluators",
        "call_goals",
        "call_scores",
        "calls",
        "charter_versions",
        "competition_notices",
        "decision_log",
        "declaration_ties",
        "declarations",
        "donations",
        "endorsements",
        "expectation_answers",
        "goal_sdg_links",
        "goals",
        "indicators",
        "initiative_events",
        "initiative_goals",
        "initiative_needs",
        "initiative_partners",
        "initiatives",
        "invitations",
        "local_targets",
        "localities",
        "memberships",
        "notifications",
        "organisation_contributions",
        "organisation_localities",
        "organisations",
        "partner_contributions",
        "recusals",
        "users",
    ];
    /// (table, columns): each row as text.
    const ROWS: &[(&str, &[&str])] = &[
        ("initiatives", &["id", "revision", "stage", "work_plan"]),
        ("calls", &["id", "revision", "status", "deadline_at"]),
        ("donations", &["id", "revision", "step"]),
        ("memberships", &["organisation_id", "user_id", "role"]),
        ("organisations", &["id", "updated_at", "name_en"]),
        ("localities", &["id", "name_en", "kind"]),
        ("goals", &["id", "title_en", "status"]),
        ("users", &["id", "display_name", "preferred_language"]),
        (
            "initiative_partners",
            &["initiative_id", "organisation_id", "status", "role"],
        ),
        ("invitations", &["id", "accepted_at"]),
        ("api_tokens", &["id", "revoked_at"]),
    ];
    let text = |column: &str| format!("COALESCE(CAST({column} AS TEXT), '-')");
    let mut parts: Vec<String> = TABLES
        .iter()
        .map(|table| {
            format!("SELECT '{table}: ' || CAST(COUNT(*) AS TEXT) || ' rows' FROM {table}")
        })
        .collect();
    for (table, columns) in ROWS {
        let row: Vec<String> = columns.iter().map(|c| text(c)).collect();
        parts.push(format!(
            "SELECT '{table}: ' || {} FROM {table}",
            row.join(" || ',' || ")
        ));
    }
    let mut lines: Vec<String> = sqlx::query_scalar(&parts.join(" UNION ALL "))
        .fetch_all(&db.pool)
        .await
        .unwrap();
    lines.sort();
    lines
}

/// One world, and the roles that try one row in it.
#[derive(Clone)]
struct Run {
    face: Face,
    roles: Vec<Role>,
    /// Nobody in this run may change anything (denied roles; reads).
    unchanged: bool,
}

async fn run(worlds: Arc<Worlds>, run: Run) -> Vec<String> {
    let w = &worlds.world;
    let copy = worlds.snapshot.copy().await;
    let app = TestApp::spawn_on(copy.db.clone(), copy.url.clone(), |_| {}).await;
    let client = app.bare_client();
    let before = fingerprint(&app.db).await;
    let mut failures = Vec::new();
    if before != worlds.pristine {
        failures.push(format!(
            "{}: the run did not start from the world",
            run.face.label(w)
        ));
    }
    for role in &run.roles {
        let answer = run.face.send(&app, &client, w, *role).await;
        let seen = outcome(answer.status, &answer.location);
        let expected = run.face.expected(*role);
        if let (Outcome::Allowed, Some((secret, seen_by))) = (seen, run.face.secret())
            && answer.body.contains(secret) != seen_by.contains(role)
        {
            failures.push(format!(
                "{} as {role:?}: {secret:?} {}",
                run.face.label(w),
                if seen_by.contains(role) {
                    "is missing"
                } else {
                    "is shown"
                }
            ));
        }
        // A spoiled body that cannot even be read (an unknown stage, say) is malformed, not
        // invalid: 400 tells nothing about the person's rights either.
        let spoiled_unreadable = matches!(
            run.face,
            Face::Api(ApiRow {
                body: Body::Spoiled(_),
                ..
            })
        ) && answer.status == StatusCode::BAD_REQUEST;
        if seen != expected && !spoiled_unreadable {
            failures.push(format!(
                "{} as {role:?}: expected {expected:?}, got {} {:?} ({}) {}",
                run.face.label(w),
                answer.status,
                seen,
                answer.location,
                answer.body.chars().take(300).collect::<String>()
            ));
        }
    }
    if run.unchanged {
        let after = fingerprint(&app.db).await;
        if after != before {
            let changed: Vec<_> = after.iter().filter(|l| !before.contains(l)).collect();
            failures.push(format!(
                "{} as {:?} changed the database: {changed:?}",
                run.face.label(w),
                run.roles
            ));
        }
    }
    drop(client);
    app.stop().await;
    worlds.snapshot.give_back(copy).await;
    failures
}

/// The runs of a row: one world for a read; for a write, one for its denied roles and one for
/// each allowed role.
fn runs_of(face: Face) -> Vec<Run> {
    if face.reads() {
        return vec![Run {
            face,
            roles: ROLES.to_vec(),
            unchanged: true,
        }];
    }
    let denied: Vec<Role> = ROLES
        .into_iter()
        .filter(|r| !face.allowed().contains(r))
        .collect();
    let mut runs = Vec::new();
    if !denied.is_empty() {
        runs.push(Run {
            face,
            roles: denied,
            unchanged: true,
        });
    }
    for role in face.allowed() {
        runs.push(Run {
            face,
            roles: vec![*role],
            unchanged: false,
        });
    }
    runs
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_every_role() {
    let started = Instant::now();
    let kept = Arc::new(worlds().await);
    let built = started.elapsed();

    // The table covers exactly the operations of the OpenAPI document.
    let api = api_rows();
    let table: BTreeSet<(String, String)> = api
        .iter()
        .map(|row| (row.method.to_owned(), row.template.to_owned()))
        .collect();
    let mut failures = Vec::new();
    let missing: Vec<_> = kept.operations.difference(&table).collect();
    let stale: Vec<_> = table.difference(&kept.operations).collect();
    if !missing.is_empty() || !stale.is_empty() {
        failures.push(format!(
            "API operations without a row: {missing:?}; rows without an operation: {stale:?}"
        ));
    }
    // And the page table every POST route of the pages but the account ones, once.
    let pages = page_rows();
    let routes: BTreeSet<String> = page_post_routes()
        .into_iter()
        .filter(|r| !ACCOUNT_ROUTES.contains(&r.as_str()))
        .collect();
    let covered: BTreeSet<String> = pages.iter().map(|r| r.template.to_owned()).collect();
    if pages.len() != covered.len() || routes != covered {
        failures.push(format!(
            "page POST routes without a row: {:?}; rows without a route: {:?}; {} rows for {} routes",
            routes.difference(&covered).collect::<Vec<_>>(),
            covered.difference(&routes).collect::<Vec<_>>(),
            pages.len(),
            covered.len()
        ));
    }

    let mut runs: Vec<Run> = api
        .iter()
        .map(|row| Face::Api(*row))
        .chain(pages.iter().map(|row| Face::Page(*row)))
        .chain(page_reads().into_iter().map(Face::PageRead))
        .flat_map(runs_of)
        .collect();
    // Every write with a JSON body again, spoiled, for the roles it denies: they must be denied
    // before their body is looked at.
    for row in &api {
        if let (Body::Json(body), false) = (row.body, row.method == "GET") {
            let denied: Vec<Role> = ROLES
                .into_iter()
                .filter(|r| !row.allowed.contains(r))
                .collect();
            if denied.is_empty() || !row.variant.is_empty() {
                continue;
            }
            let spoiled = ApiRow {
                body: Body::Spoiled(body),
                variant: "with a body validation refuses",
                ..*row
            };
            runs.push(Run {
                face: Face::Api(spoiled),
                roles: denied,
                unchanged: true,
            });
        }
    }
    let worlds = runs.len();
    let permits = Arc::new(tokio::sync::Semaphore::new(PARALLEL));
    let mut tasks = tokio::task::JoinSet::new();
    for run_ in runs {
        let permit = permits.clone().acquire_owned().await.unwrap();
        let kept = kept.clone();
        tasks.spawn(async move {
            let failures = run(kept, run_).await;
            drop(permit);
            failures
        });
    }
    while let Some(done) = tasks.join_next().await {
        match done {
            Ok(found) => failures.extend(found),
            Err(e) => failures.push(format!("a run panicked: {e}")),
        }
    }
    failures.sort();

    kept.snapshot.remove().await;
    eprintln!(
        "authz: {} API operations ({} rows), {} page forms and {} page reads, {} roles, \
         {worlds} worlds; world built and signed in in {:.1} s, all in {:.1} s ({:?})",
        kept.operations.len(),
        api.len(),
        pages.len(),
        page_reads().len(),
        ROLES.len(),
        built.as_secs_f64(),
        started.elapsed().as_secs_f64(),
        kept.backend,
    );
    assert!(
        failures.is_empty(),
        "{} unexpected answers:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---- the pages, role by role --------------------------------------------------------------------

/// Who may do what, role by role, over HTTP: an unexpected allow fails.
#[tokio::test]
async fn authorisation_per_role() {
    let app = TestApp::spawn().await;
    let owner = app.person("owner@example.org").await;
    let admin = app.person("admin@example.org").await;
    let member = app.person("member@example.org").await;
    let outsider = app.person("outsider@example.org").await;
    let platform = app.person("platform@example.org").await;
    app.db.set_platform_admin(platform, true).await.unwrap();
    let org = app
        .organisation(owner, "Org", Sector::Third, OrganisationKind::Ngo)
        .await;
    app.db
        .add_member(org, admin, MemberRole::Admin)
        .await
        .unwrap();
    app.db
        .add_member(org, member, MemberRole::Member)
        .await
        .unwrap();
    let other = app
        .organisation(
            outsider,
            "Other",
            Sector::Public,
            OrganisationKind::Municipality,
        )
        .await;

    let edit = format!("/organisations/{org}/edit");
    let members = format!("/organisations/{org}/members");
    // (route, visitor, member, admin, owner, outsider, platform admin): expected success.
    let gets: [(&str, [bool; 6]); 4] = [
        (&edit, [false, false, true, true, false, true]),
        (&members, [false, true, true, true, false, true]),
        ("/admin", [false, false, false, false, false, true]),
        ("/profile", [false, true, true, true, true, true]),
    ];
    let clients = [
        app.client(),
        app.signed_in("member@example.org").await,
        app.signed_in("admin@example.org").await,
        app.signed_in("owner@example.org").await,
        app.signed_in("outsider@example.org").await,
        app.signed_in("platform@example.org").await,
    ];
    for (route, expected) in gets {
        for (who, (client, allowed)) in clients.iter().zip(expected).enumerate() {
            let status = client.get(app.url(route)).send().await.unwrap().status();
            assert_eq!(
                status == StatusCode::OK,
                allowed,
                "GET {route} as #{who}: {status}"
            );
        }
    }
    // Writes: editing the profile, inviting, creating a locality.
    for (who, (client, allowed)) in clients
        .iter()
        .zip([false, false, true, true, false, true])
        .enumerate()
    {
        let response = app
            .post(
                client,
                "/organisations",
                &edit,
                &[("name_en", "Renamed"), ("sector", "third"), ("kind", "ngo")],
            )
            .await;
        assert_eq!(
            response.status() == StatusCode::SEE_OTHER
                && !location(&response).starts_with("/signin"),
            allowed,
            "edit as #{who}"
        );
        let response = app
            .post(
                client,
                "/organisations",
                &members,
                &[("email", "new@example.org"), ("role", "member")],
            )
            .await;
        assert_eq!(
            response.status() == StatusCode::SEE_OTHER
                && !location(&response).starts_with("/signin"),
            allowed,
            "invite as #{who}"
        );
    }
    let other_id = other.to_string();
    for (who, (client, allowed)) in clients
        .iter()
        .zip([false, false, false, false, false, true])
        .enumerate()
    {
        let response = app
            .post(
                client,
                "/",
                "/admin/localities",
                &[
                    ("name_he", "עיר"),
                    ("kind", "municipality"),
                    ("convener", &other_id),
                ],
            )
            .await;
        assert_eq!(
            response.status() == StatusCode::SEE_OTHER
                && location(&response).starts_with("/localities/"),
            allowed,
            "create locality as #{who}"
        );
    }
    assert_eq!(app.db.localities().await.unwrap().len(), 1);

    // The convener's owners and administrators are the locality's staff: they edit it.
    let locality = app.db.localities().await.unwrap()[0].id;
    let edit_locality = format!("/localities/{locality}/edit");
    // (visitor, member of another org, admin of another org, owner of another org, convener owner, platform admin)
    for (who, (client, allowed)) in clients
        .iter()
        .zip([false, false, false, false, true, true])
        .enumerate()
    {
        let status = client
            .get(app.url(&edit_locality))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(
            status == StatusCode::OK,
            allowed,
            "GET {edit_locality} as #{who}: {status}"
        );
        let response = app
            .post(
                client,
                "/",
                &edit_locality,
                &[("name_he", "עיר חדשה"), ("kind", "local-council")],
            )
            .await;
        assert_eq!(
            response.status() == StatusCode::SEE_OTHER
                && !location(&response).starts_with("/signin"),
            allowed,
            "edit locality as #{who}"
        );
    }
    assert_eq!(
        app.db.locality(locality).await.unwrap().unwrap().kind,
        shutaf_domain::LocalityKind::LocalCouncil
    );
}
