//! No N+1 queries: the SQL statements a page costs do not grow with the data on it.
//!
//! sqlx reports every statement as a tracing event (target `sqlx::query`), and so do the hub's
//! own SQLite reads (`shutaf_store::read`); a layer counts them.
//! Each page is fetched with a little data and again with ten times as much, and must cost the
//! same number of statements both times.
//!
//! Other tests of this binary run at the same time, so only this test's statements are counted:
//! those on the thread it runs on (its runtime has one thread, where its hub serves: PostgreSQL
//! runs statements in the request's task), and those SQLite's connection threads run for a
//! request that began on it (they enter the caller's span: tower-http's request span, which the
//! layer marks when it opens on the test's thread).

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use shutaf_domain::integrity::Relation;
use shutaf_domain::{
    ContributionType, LocalityKind, Management, OrganisationKind, PartnershipModel, Sector,
};
use shutaf_store::calls::NewCall;
use shutaf_store::integrity::NewDeclaration;
use shutaf_store::{
    Acting, Db, NewGoal, NewInitiative, NewLocality, NewOrganisation, PartnerStatus,
};
use shutaf_testkit::app::organisation_from;
use shutaf_testkit::{Person, TestApp};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);

/// Held by the test that counts: the count is the process's, so counting tests take turns.
static COUNTING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

thread_local! {
    /// Whether this thread is the counting test's.
    static COUNTED_THREAD: Cell<bool> = const { Cell::new(false) };
}

/// Marks the current thread as the counting test's until dropped (the test harness may reuse
/// the thread for another test).
struct CountingHere;

impl CountingHere {
    fn start() -> CountingHere {
        COUNTED_THREAD.with(|c| c.set(true));
        CountingHere
    }
}

impl Drop for CountingHere {
    fn drop(&mut self) {
        COUNTED_THREAD.with(|c| c.set(false));
    }
}

/// Sets the counting layer up as the process's subscriber, once: only it may be.
fn count_statements() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Request spans (to follow a request onto SQLite's threads) and statement events only:
        // nothing else is recorded for the other tests.
        let wanted = tracing_subscriber::filter::filter_fn(|metadata| {
            if metadata.is_span() {
                metadata.target().starts_with("tower_http")
            } else {
                is_statement(metadata.target())
            }
        });
        tracing::subscriber::set_global_default(
            tracing_subscriber::registry().with(CountStatements.with_filter(wanted)),
        )
        .expect("the statement counter is the only global subscriber");
    });
}

/// Whether events of `target` report statements: sqlx's, and the hub's own SQLite reads
/// (`shutaf_store::read`).
fn is_statement(target: &str) -> bool {
    target == "sqlx::query" || target == "shutaf_store::read"
}

/// A span opened on the counting test's thread.
struct Counted;

/// Counts sqlx's statement events of the counting test.
struct CountStatements;

/// The statement's text, from the event's `db.statement` (or `summary`) field.
struct Statement(String);

impl tracing::field::Visit for Statement {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "db.statement" || (field.name() == "summary" && self.0.is_empty()) {
            self.0 = value.to_owned();
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "db.statement" || (field.name() == "summary" && self.0.is_empty()) {
            self.0 = format!("{value:?}");
        }
    }
}

impl<S: tracing::Subscriber + for<'a> LookupSpan<'a>> Layer<S> for CountStatements {
    fn on_new_span(
        &self,
        _attributes: &tracing::span::Attributes<'_>,
        id: &tracing::span::Id,
        ctx: tracing_subscriber::layer::Context<'_, S>,
    ) {
        if COUNTED_THREAD.with(Cell::get)
            && let Some(span) = ctx.span(id)
        {
            span.extensions_mut().insert(Counted);
        }
    }

    fn on_event(&self, event: &tracing::Event<'_>, ctx: tracing_subscriber::layer::Context<'_, S>) {
        if !is_statement(event.metadata().target()) {
            return;
        }
        let ours = COUNTED_THREAD.with(Cell::get)
            || ctx.event_span(event).is_some_and(|span| {
                span.scope()
                    .any(|span| span.extensions().get::<Counted>().is_some())
            });
        if !ours {
            return;
        }
        let mut statement = Statement(String::new());
        event.record(&mut statement);
        // Opening a pool connection runs set-up statements (SQLite PRAGMAs, PostgreSQL type
        // lookups and settings) whenever the pool grows: they are the pool's, not the page's.
        let text = statement.0.trim_start().to_ascii_uppercase();
        let setup = text.starts_with("PRAGMA")
            || text.starts_with("SET ")
            || text.contains("PG_CATALOG")
            || text.contains("PG_TYPE");
        if !setup {
            STATEMENTS.fetch_add(1, Ordering::SeqCst);
        }
    }
}

struct World {
    db: Db,
    locality: i64,
    city: i64,
    coordinator: i64,
    goal: i64,
    next: usize,
}

impl World {
    /// Adds `n` organisations, each proposing an initiative with two partners, declarations,
    /// and an application to a call; and a log entry per step.
    async fn grow(&mut self, n: usize, call: i64) {
        for _ in 0..n {
            self.next += 1;
            let i = self.next;
            let owner = Person {
                name: &format!("Owner {i}"),
                ..Person::new(&format!("owner{i}@example.org"))
            }
            .make(&self.db)
            .await;
            let sector = if i.is_multiple_of(2) {
                Sector::Business
            } else {
                Sector::Third
            };
            let org = organisation_from(
                &self.db,
                owner,
                &NewOrganisation {
                    names: [
                        Some(format!("ארגון מספר {i}")),
                        Some(format!("منظمة {i}")),
                        Some(format!("Organisation {i}")),
                    ],
                    sector: Some(sector),
                    kind: Some(if sector == Sector::Business {
                        OrganisationKind::Company
                    } else {
                        OrganisationKind::Ngo
                    }),
                    contributions: ContributionType::sector_defaults(sector).to_vec(),
                    locality_ids: vec![self.locality],
                    ..Default::default()
                },
            )
            .await;
            let acting = Acting {
                user_id: owner,
                organisation_id: Some(org),
            };
            let (initiative, _) = self
                .db
                .create_initiative(
                    &NewInitiative {
                        locality_id: self.locality,
                        initiator_organisation_id: org,
                        titles: [
                            Some(format!("יוזמה {i}")),
                            None,
                            Some(format!("Initiative {i}")),
                        ],
                        problems: [None, None, None],
                        approaches: [None, None, None],
                        model: PartnershipModel::JointAgenda,
                        management: Management::Joint,
                        goal_ids: vec![self.goal],
                        needs: vec![ContributionType::Budget, ContributionType::Knowledge],
                        lead_organisation_id: None,
                    },
                    acting,
                )
                .await
                .unwrap();
            let city = Acting {
                user_id: self.coordinator,
                organisation_id: Some(self.city),
            };
            self.db
                .propose_partner(initiative, self.city, PartnerStatus::Invited, acting)
                .await
                .unwrap();
            self.db
                .propose_partner(initiative, self.city, PartnerStatus::Requested, city)
                .await
                .unwrap();
            self.db
                .declare_interests(
                    initiative,
                    &NewDeclaration {
                        organisation_id: self.city,
                        details: None,
                        ties: vec![(org, Relation::Member)],
                    },
                    city,
                )
                .await
                .unwrap();
            self.db
                .apply_to_call(call, org, "Summary", "Proposal", acting)
                .await
                .unwrap();
        }
    }
}

/// A city convening its locality, with a goal and a published call; gives the call too.
async fn world(db: Db) -> (World, i64) {
    let coordinator = Person {
        name: "Coordinator",
        ..Person::new("coordinator@city.example")
    }
    .make(&db)
    .await;
    let city = organisation_from(
        &db,
        coordinator,
        &NewOrganisation {
            names: [Some("עיריית עמק".into()), None, Some("Emek".into())],
            sector: Some(Sector::Public),
            kind: Some(OrganisationKind::Municipality),
            ..Default::default()
        },
    )
    .await;
    let locality = db
        .create_locality(&NewLocality {
            names: [Some("עמק".into()), None, Some("Emek".into())],
            kind: LocalityKind::Municipality,
            convener_organisation_id: city,
            description: None,
        })
        .await
        .unwrap()
        .id;
    let goal = db
        .create_goal(
            locality,
            &NewGoal {
                titles: [Some("גגות סולאריים".into()), None, None],
                status: "active".into(),
                sdg_codes: vec!["7.2".into()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let convener = Acting {
        user_id: coordinator,
        organisation_id: Some(city),
    };
    let call = db
        .create_call(
            &NewCall {
                locality_id: locality,
                lang: "he".into(),
                title: "קול קורא".into(),
                purpose: "p".into(),
                sought: "s".into(),
                eligibility: "e".into(),
                deadline_at: db.now() + 3_600,
                criteria: vec![("Impact".into(), None, 100)],
                goal_ids: vec![goal],
                evaluator_ids: vec![coordinator],
                invite: Vec::new(),
            },
            convener,
        )
        .await
        .unwrap();
    db.publish_call(call, convener).await.unwrap();
    (
        World {
            db,
            locality,
            city,
            coordinator,
            goal,
            next: 0,
        },
        call,
    )
}

// A runtime of one thread (the default), where the hub serves too: see the module's doc.
#[tokio::test(flavor = "current_thread")]
async fn pages_cost_the_same_statements_whatever_the_data() {
    let _turn = COUNTING.lock().await;
    count_statements();
    let _counting = CountingHere::start();
    // The checkpoint signer's statements are not the pages': it signs at start, then waits.
    // Rendering is measured: no page cache (nor the data version's poll, whose statements
    // would be counted).
    let app = TestApp::spawn_with(|config| {
        config.checkpoints.interval_ms = 3_600_000;
        config.cache.mb = 0;
        config.cache.poll_ms = 0;
    })
    .await;
    let (mut w, call) = world(app.db.clone()).await;
    w.grow(3, call).await;
    let client = app.bare_client();

    let l = w.locality;
    let pages: Vec<String> = vec![
        "/".into(),
        "/organisations".into(),
        "/organisations?q=ארגון".into(),
        format!("/organisations?locality={l}&sector=business"),
        "/organisations/2".into(),
        format!("/localities/{l}"),
        format!("/localities/{l}/initiatives"),
        "/initiatives/1".into(),
        "/initiatives/1/suggestions".into(),
        "/organisations/2/opportunities".into(),
        format!("/localities/{l}/record"),
        format!("/localities/{l}/portal"),
        format!("/localities/{l}/calls"),
        format!("/localities/{l}/donations"),
        format!("/calls/{call}"),
        "/api/v1/organisations".into(),
        format!("/api/v1/localities/{l}/initiatives"),
        "/api/v1/initiatives/1".into(),
        format!("/api/v1/calls/{call}"),
        "/api/v1/log/entries?start=0&end=50".into(),
        format!("/localities/{l}/portal/initiatives.csv"),
        format!("/localities/{l}/portal/calls.ocds.json"),
    ];
    let measure = async |path: &str| -> usize {
        let before = STATEMENTS.load(Ordering::SeqCst);
        let response = client.get(app.url(path)).send().await.unwrap();
        let status = response.status();
        let _ = response.bytes().await.unwrap();
        assert!(status.is_success(), "{path}: {status}");
        STATEMENTS.load(Ordering::SeqCst) - before
    };
    // Warm up once (sessions, caches), then measure with a little data.
    let mut small = Vec::new();
    for page in &pages {
        measure(page).await;
    }
    for page in &pages {
        small.push(measure(page).await);
    }
    assert!(
        small.iter().all(|&n| n > 0),
        "statements are counted: {small:?}"
    );

    // Ten times as much data on the same pages.
    w.grow(27, call).await;
    // What is read once per data version (the localities) is read again after the growth:
    // once more round, so that each page is measured as it is served most of the time.
    for page in &pages {
        measure(page).await;
    }
    for (page, before) in pages.iter().zip(&small) {
        let after = measure(page).await;
        assert_eq!(
            after, *before,
            "{page} cost {before} statements with 3 organisations and {after} with 30"
        );
    }
}

/// A stage change reads the initiative's scope once and writes in as few statements as it can:
/// the convener's staff declining an idea costs at most 26 statements, sessions included (25
/// before the commit moved the data version for the page caches: docs/PERFORMANCE.md).
#[tokio::test(flavor = "current_thread")]
async fn a_stage_change_reads_its_scope_once() {
    let _turn = COUNTING.lock().await;
    count_statements();
    let _counting = CountingHere::start();
    // The checkpoint signer's statements are not the pages': it signs at start, then waits.
    // No data version's poll, whose statements would be counted.
    let app = TestApp::spawn_with(|config| {
        config.checkpoints.interval_ms = 3_600_000;
        config.cache.mb = 0;
        config.cache.poll_ms = 0;
    })
    .await;
    let (w, _) = world(app.db.clone()).await;
    let owner = Person::new("ngo@example.org").make(&app.db).await;
    let ngo = organisation_from(
        &app.db,
        owner,
        &NewOrganisation {
            names: [Some("עמותה".into()), None, Some("NGO".into())],
            sector: Some(Sector::Third),
            kind: Some(OrganisationKind::Ngo),
            locality_ids: vec![w.locality],
            ..Default::default()
        },
    )
    .await;
    let (id, _) = app
        .db
        .create_initiative(
            &NewInitiative {
                locality_id: w.locality,
                initiator_organisation_id: ngo,
                titles: [Some("גינה".into()), None, Some("Garden".into())],
                problems: [None, None, None],
                approaches: [None, None, None],
                model: PartnershipModel::JointAgenda,
                management: Management::Joint,
                goal_ids: vec![w.goal],
                needs: vec![ContributionType::Budget],
                lead_organisation_id: None,
            },
            Acting {
                user_id: owner,
                organisation_id: Some(ngo),
            },
        )
        .await
        .unwrap();
    let coordinator = app.signed_in("coordinator@city.example").await;
    let (_, html) = app.get(&coordinator, &format!("/initiatives/{id}")).await;
    let token = shutaf_testkit::csrf_token(&html);

    let before = STATEMENTS.load(Ordering::SeqCst);
    let response = coordinator
        .post(app.url(&format!("/initiatives/{id}/stage")))
        .form(&[
            ("to", "declined"),
            ("reason", "Not on this year's agenda"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    let statements = STATEMENTS.load(Ordering::SeqCst) - before;
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
    let initiative = app.db.initiative(id).await.unwrap().unwrap();
    assert_eq!(initiative.stage, shutaf_domain::Stage::Declined);
    assert!(statements > 0, "statements are counted");
    assert!(
        statements <= 26,
        "a stage change cost {statements} statements, more than 26"
    );
}
