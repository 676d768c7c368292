//! No N+1 queries: the SQL statements a page costs do not grow with the data on it.
//!
//! sqlx reports every statement as a tracing event (target `sqlx::query`); a layer counts them.
//! Each page is fetched with a little data and again with ten times as much, and must cost the
//! same number of statements both times. The test is alone in its binary so that no other test's
//! queries are counted.

use std::sync::atomic::{AtomicUsize, Ordering};

use shutaf_domain::integrity::Relation;
use shutaf_domain::{
    ContributionType, LocalityKind, Management, OrganisationKind, PartnershipModel, Sector,
};
use shutaf_store::calls::NewCall;
use shutaf_store::integrity::NewDeclaration;
use shutaf_store::{
    Acting, Db, DbSettings, NewGoal, NewInitiative, NewLocality, NewOrganisation, PartnerStatus,
};
use shutaf_web::{AppState, Config, Mailer};
use tracing_subscriber::layer::SubscriberExt;

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);

/// Counts sqlx's statement events.
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

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for CountStatements {
    fn on_event(
        &self,
        event: &tracing::Event<'_>,
        _ctx: tracing_subscriber::layer::Context<'_, S>,
    ) {
        if event.metadata().target() != "sqlx::query" {
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
            let owner = self
                .db
                .create_user(
                    &format!("owner{i}@example.org"),
                    &format!("Owner {i}"),
                    "hash",
                    None,
                    false,
                    true,
                )
                .await
                .unwrap()
                .id;
            let sector = if i.is_multiple_of(2) {
                Sector::Business
            } else {
                Sector::Third
            };
            let org = self
                .db
                .create_organisation(
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
                    owner,
                )
                .await
                .unwrap()
                .id;
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

async fn world() -> (World, i64) {
    let url = shutaf_testkit::database::fresh_database_url().await;
    let db = Db::connect(
        &url,
        &DbSettings {
            max_connections: 5,
            migration_locking: true,
        },
    )
    .await
    .unwrap();
    let coordinator = db
        .create_user(
            "coordinator@city.example",
            "Coordinator",
            "hash",
            None,
            false,
            true,
        )
        .await
        .unwrap()
        .id;
    let city = db
        .create_organisation(
            &NewOrganisation {
                names: [Some("עיריית עמק".into()), None, Some("Emek".into())],
                sector: Some(Sector::Public),
                kind: Some(OrganisationKind::Municipality),
                ..Default::default()
            },
            coordinator,
        )
        .await
        .unwrap()
        .id;
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
                deadline_at: shutaf_store::now() + 3_600,
                criteria: vec![("Impact".into(), None, 100)],
                goal_ids: vec![goal],
                evaluator_ids: vec![coordinator],
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

#[tokio::test]
async fn pages_cost_the_same_statements_whatever_the_data() {
    tracing::subscriber::set_global_default(
        tracing_subscriber::registry().with(CountStatements).with(
            tracing_subscriber::filter::Targets::new()
                .with_target("sqlx::query", tracing::Level::TRACE),
        ),
    )
    .unwrap();
    let (mut w, call) = world().await;
    w.grow(3, call).await;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = Config {
        base_url: base.clone(),
        ..Config::default()
    };
    let mailer = Mailer::from_config(&config).unwrap();
    let state = AppState::new(
        w.db.clone(),
        config,
        mailer,
        "test-secret-0123456789abcdef0123456789".into(),
        ed25519_dalek::SigningKey::from_bytes(&[7; 32]),
    );
    tokio::spawn(shutaf_web::serve(listener, state, std::future::pending()));
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

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
        let response = client.get(format!("{base}{path}")).send().await.unwrap();
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
    for (page, before) in pages.iter().zip(&small) {
        let after = measure(page).await;
        assert_eq!(
            after, *before,
            "{page} cost {before} statements with 3 organisations and {after} with 30"
        );
    }
}
