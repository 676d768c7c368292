//! Store tests. Each runs on the backend chosen by `SHUTAF_TEST_BACKEND` (the test script runs
//! the whole suite on SQLite and again on PostgreSQL), against a fresh database of its own.

use shutaf_domain::{ContributionType, Language, MemberRole, OrganisationKind, Sector};
use shutaf_store::{
    ApiTokenScope, Backend, Db, DbSettings, DirectoryFilter, MailTokenPurpose, NewLocality,
    NewOrganisation, StoreError,
};
use shutaf_testkit::database::fresh_db;

async fn user(db: &Db, email: &str) -> i64 {
    db.create_user(
        email,
        "Test Person",
        "hash",
        Some(Language::He),
        false,
        true,
    )
    .await
    .unwrap()
    .id
}

fn org(he: &str, en: &str, sector: Sector, kind: OrganisationKind) -> NewOrganisation {
    NewOrganisation {
        names: [Some(he.into()), None, Some(en.into())],
        sector: Some(sector),
        kind: Some(kind),
        contributions: ContributionType::sector_defaults(sector).to_vec(),
        ..Default::default()
    }
}

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    // This test needs both servers whatever the chosen backend: SQLite is always there, and the
    // PostgreSQL run of the suite checks the other side against it.
    let chosen = fresh_db().await;
    let sqlite_dir = std::env::temp_dir().join("shutaf-tests");
    std::fs::create_dir_all(&sqlite_dir).unwrap();
    let path = sqlite_dir.join(format!("schema-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let sqlite = Db::connect(
        &format!("sqlite://{}", path.display()),
        &DbSettings::default(),
    )
    .await
    .unwrap();
    sqlite.migrate(&DbSettings::default()).await.unwrap();
    let expected = sqlite.schema().await.unwrap();
    assert!(
        expected
            .iter()
            .any(|(table, column)| table == "organisations" && column == "sort_ar")
    );
    assert!(expected.iter().any(|(table, _)| table == "sessions"));
    if chosen.backend == Backend::Postgres {
        assert_eq!(chosen.schema().await.unwrap(), expected);
    }
}

#[tokio::test]
async fn sqlite_commits_survive_a_power_cut() {
    let db = fresh_db().await;
    if db.backend == Backend::Sqlite {
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(synchronous, 2, "FULL");
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
    }
}

#[tokio::test]
async fn migrating_twice_is_harmless() {
    let db = fresh_db().await;
    db.migrate(&DbSettings {
        max_connections: 2,
        migration_locking: false,
    })
    .await
    .unwrap();
    assert!(db.ping().await);
}

#[tokio::test]
async fn users_are_unique_by_email_and_round_trip() {
    let db = fresh_db().await;
    let created = db
        .create_user(
            "dana@example.org",
            "דנה",
            "h",
            Some(Language::Ar),
            true,
            false,
        )
        .await
        .unwrap();
    assert!(created.platform_admin());
    assert!(!created.is_verified());
    assert_eq!(created.language(), Some(Language::Ar));
    let again = db
        .create_user("dana@example.org", "Other", "h", None, false, false)
        .await;
    assert!(matches!(again, Err(StoreError::Conflict)), "{again:?}");
    let found = db.user_by_email("dana@example.org").await.unwrap().unwrap();
    assert_eq!(found.id, created.id);
    assert_eq!(found.display_name, "דנה");
    assert!(
        db.user_by_email("nobody@example.org")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn mail_tokens_work_once_and_only_for_their_purpose() {
    let db = fresh_db().await;
    let id = user(&db, "a@example.org").await;
    let token = db
        .issue_mail_token(id, MailTokenPurpose::VerifyEmail)
        .await
        .unwrap();
    assert!(
        db.mail_token_is_valid(&token, MailTokenPurpose::VerifyEmail)
            .await
            .unwrap()
    );
    assert_eq!(
        db.consume_mail_token(&token, MailTokenPurpose::ResetPassword)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        db.consume_mail_token(&token, MailTokenPurpose::VerifyEmail)
            .await
            .unwrap(),
        Some(id)
    );
    assert_eq!(
        db.consume_mail_token(&token, MailTokenPurpose::VerifyEmail)
            .await
            .unwrap(),
        None
    );

    let expired = db
        .issue_mail_token(id, MailTokenPurpose::ResetPassword)
        .await
        .unwrap();
    sqlx::query("UPDATE mail_tokens SET expires_at = 0")
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        db.consume_mail_token(&expired, MailTokenPurpose::ResetPassword)
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn api_tokens_are_stored_hashed_and_can_be_revoked() {
    let db = fresh_db().await;
    let id = user(&db, "a@example.org").await;
    let (token, secret) = db
        .create_api_token(id, "script", ApiTokenScope::Read)
        .await
        .unwrap();
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM api_tokens")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_ne!(stored, secret);
    let (who, scope) = db.user_by_api_token(&secret).await.unwrap().unwrap();
    assert_eq!((who.id, scope), (id, ApiTokenScope::Read));
    let other = user(&db, "b@example.org").await;
    assert!(matches!(
        db.revoke_api_token(other, token.id).await,
        Err(StoreError::NotFound)
    ));
    db.revoke_api_token(id, token.id).await.unwrap();
    assert!(db.user_by_api_token(&secret).await.unwrap().is_none());
}

#[tokio::test]
async fn login_failures_are_counted_in_a_window() {
    let db = fresh_db().await;
    db.record_login_failure(&["k1", "k2"]).await.unwrap();
    db.record_login_failure(&["k1"]).await.unwrap();
    assert_eq!(db.recent_login_failures("k1", 900).await.unwrap(), 2);
    assert_eq!(db.recent_login_failures("k2", 900).await.unwrap(), 1);
    db.clear_login_failures("k1").await.unwrap();
    assert_eq!(db.recent_login_failures("k1", 900).await.unwrap(), 0);
}

#[tokio::test]
async fn organisations_keep_their_owner_contributions_and_localities() {
    let db = fresh_db().await;
    let owner = user(&db, "owner@example.org").await;
    let city = db
        .create_organisation(
            &org(
                "עיריית עמק",
                "Emek Municipality",
                Sector::Public,
                OrganisationKind::Municipality,
            ),
            owner,
        )
        .await
        .unwrap();
    let locality = db
        .create_locality(&NewLocality {
            names: [Some("עמק".into()), None, Some("Emek".into())],
            kind: shutaf_domain::LocalityKind::Municipality,
            convener_organisation_id: city.id,
            description: None,
        })
        .await
        .unwrap();
    // The convener works in its locality.
    assert_eq!(
        db.organisation(city.id)
            .await
            .unwrap()
            .unwrap()
            .locality_ids,
        vec![locality.id]
    );

    let mut ngo = org(
        "עמותת ירוק",
        "Green NGO",
        Sector::Third,
        OrganisationKind::Ngo,
    );
    ngo.locality_ids = vec![locality.id];
    ngo.contributions = vec![
        ContributionType::CommunityTrust,
        ContributionType::CommunityTrust,
        ContributionType::Knowledge,
    ];
    let ngo = db.create_organisation(&ngo, owner).await.unwrap();
    assert_eq!(
        ngo.contributions,
        vec![
            ContributionType::Knowledge,
            ContributionType::CommunityTrust
        ]
    );
    assert_eq!(
        ngo.name(Language::Ar),
        "עמותת ירוק",
        "falls back to the first name given"
    );
    assert_eq!(ngo.name(Language::En), "Green NGO");
    assert_eq!(
        db.role_in(ngo.id, owner).await.unwrap(),
        Some(MemberRole::Owner)
    );

    let mut bad = org("x", "x", Sector::Third, OrganisationKind::Ngo);
    bad.locality_ids = vec![9999];
    assert!(matches!(
        db.create_organisation(&bad, owner).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn directory_filters_search_and_pages() {
    let db = fresh_db().await;
    let owner = user(&db, "owner@example.org").await;
    let city = db
        .create_organisation(
            &org(
                "עיריית עמק",
                "Emek Municipality",
                Sector::Public,
                OrganisationKind::Municipality,
            ),
            owner,
        )
        .await
        .unwrap();
    let locality = db
        .create_locality(&NewLocality {
            names: [Some("עמק".into()), None, None],
            kind: shutaf_domain::LocalityKind::Municipality,
            convener_organisation_id: city.id,
            description: None,
        })
        .await
        .unwrap();
    let mut garden = org(
        "גינה קהילתית בשכונה",
        "Community Garden",
        Sector::Third,
        OrganisationKind::CommunityGroup,
    );
    garden.names[1] = Some("حديقة مُجتمعية".into());
    garden.locality_ids = vec![locality.id];
    db.create_organisation(&garden, owner).await.unwrap();
    db.create_organisation(
        &org(
            "סולאר עמק בע\"מ",
            "Emek Solar Ltd",
            Sector::Business,
            OrganisationKind::Company,
        ),
        owner,
    )
    .await
    .unwrap();

    let all = db
        .directory(&DirectoryFilter {
            page: 1,
            per_page: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(all.total, 3);
    assert!(all.items.iter().all(|o| !o.contributions.is_empty()));

    let search = |q: &str| {
        let db = db.clone();
        let q = q.to_owned();
        async move {
            db.directory(&DirectoryFilter {
                q: Some(q),
                page: 1,
                per_page: 20,
                ..Default::default()
            })
            .await
            .unwrap()
            .items
            .into_iter()
            .map(|o| o.name_en.unwrap_or_default())
            .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        search("והגינה").await,
        vec!["Community Garden"],
        "Hebrew prefixes are ignored"
    );
    assert_eq!(search("שכונה").await, vec!["Community Garden"]);
    assert_eq!(
        search("مجتمعية").await,
        vec!["Community Garden"],
        "Arabic vowel marks are ignored"
    );
    assert_eq!(
        search("emek sol").await,
        vec!["Emek Solar Ltd"],
        "the last word matches as a prefix"
    );
    assert!(search("nothing-like-this").await.is_empty());

    let business = db
        .directory(&DirectoryFilter {
            sector: Some(Sector::Business),
            page: 1,
            per_page: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(business.total, 1);
    let in_locality = db
        .directory(&DirectoryFilter {
            locality_id: Some(locality.id),
            page: 1,
            per_page: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        in_locality.total, 2,
        "the convener and the garden work there"
    );
    let trusted = db
        .directory(&DirectoryFilter {
            contribution: Some(ContributionType::CommunityTrust),
            page: 1,
            per_page: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(trusted.total, 1);
    let kind = db
        .directory(&DirectoryFilter {
            kind: Some(OrganisationKind::Company),
            page: 1,
            per_page: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(kind.total, 1);

    let page2 = db
        .directory(&DirectoryFilter {
            page: 2,
            per_page: 2,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((page2.items.len(), page2.total, page2.pages()), (1, 3, 2));

    // Ordered by name in the reader's language.
    let names = |lang: Language| {
        let db = db.clone();
        async move {
            db.directory(&DirectoryFilter {
                lang,
                page: 1,
                per_page: 20,
                ..Default::default()
            })
            .await
            .unwrap()
            .items
            .into_iter()
            .map(|o| o.name(lang).to_owned())
            .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        names(Language::En).await,
        vec!["Community Garden", "Emek Municipality", "Emek Solar Ltd"]
    );
    assert_eq!(
        names(Language::He).await,
        vec!["גינה קהילתית בשכונה", "סולאר עמק בע\"מ", "עיריית עמק"]
    );
}

#[tokio::test]
async fn invitations_and_the_last_owner() {
    let db = fresh_db().await;
    let owner = user(&db, "owner@example.org").await;
    let guest = user(&db, "guest@example.org").await;
    let ngo = db
        .create_organisation(
            &org("עמותה", "NGO", Sector::Third, OrganisationKind::Ngo),
            owner,
        )
        .await
        .unwrap();
    let (invitation, token) = db
        .create_invitation(ngo.id, "guest@example.org", MemberRole::Admin, owner)
        .await
        .unwrap();
    assert_eq!(db.pending_invitations(ngo.id).await.unwrap().len(), 1);
    assert_eq!(
        db.invitation_by_token(&token).await.unwrap().unwrap().id,
        invitation.id
    );
    assert_eq!(db.accept_invitation(&token, guest).await.unwrap(), ngo.id);
    assert!(
        matches!(
            db.accept_invitation(&token, guest).await,
            Err(StoreError::NotFound)
        ),
        "used once"
    );
    assert_eq!(
        db.role_in(ngo.id, guest).await.unwrap(),
        Some(MemberRole::Admin)
    );
    assert!(db.pending_invitations(ngo.id).await.unwrap().is_empty());
    assert_eq!(db.members(ngo.id).await.unwrap().len(), 2);

    // The store refuses to leave an organisation without an owner, whatever the caller checked.
    assert!(matches!(
        db.set_member_role(ngo.id, owner, None).await,
        Err(StoreError::Conflict)
    ));
    assert!(matches!(
        db.set_member_role(ngo.id, owner, Some(MemberRole::Member))
            .await,
        Err(StoreError::Conflict)
    ));
    db.set_member_role(ngo.id, guest, Some(MemberRole::Owner))
        .await
        .unwrap();
    db.set_member_role(ngo.id, owner, None).await.unwrap();
    assert_eq!(db.owner_count(ngo.id).await.unwrap(), 1);
    assert_eq!(db.organisations_of(guest).await.unwrap().len(), 1);
    assert!(db.organisations_of(owner).await.unwrap().is_empty());
}

#[tokio::test]
async fn sessions_persist_in_the_database() {
    use tower_sessions::SessionStore;
    use tower_sessions::session::{Id, Record};
    let db = fresh_db().await;
    let store = shutaf_store::DbSessionStore::new(db.clone());
    let mut record = Record {
        id: Id::default(),
        data: [("user_id".to_owned(), serde_json::json!(7))]
            .into_iter()
            .collect(),
        expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    };
    store.create(&mut record).await.unwrap();
    let loaded = store.load(&record.id).await.unwrap().unwrap();
    assert_eq!(loaded.data["user_id"], 7);
    record.data.insert("lang".into(), serde_json::json!("ar"));
    store.save(&record).await.unwrap();
    assert_eq!(store.load(&record.id).await.unwrap().unwrap().data.len(), 2);
    store.delete(&record.id).await.unwrap();
    assert!(store.load(&record.id).await.unwrap().is_none());

    let mut old = Record {
        id: Id::default(),
        data: Default::default(),
        expiry_date: time::OffsetDateTime::now_utc() - time::Duration::hours(1),
    };
    store.create(&mut old).await.unwrap();
    assert!(
        store.load(&old.id).await.unwrap().is_none(),
        "expired sessions do not load"
    );
    assert_eq!(store.delete_expired().await.unwrap(), 1);
}

mod lifecycle {
    use super::*;
    use shutaf_domain::initiative::WorkPlanPlacement;
    use shutaf_domain::lifecycle::{Gate, Party, check_transition};
    use shutaf_domain::{ContributionType, LocalityKind, Management, PartnershipModel, Stage};
    use shutaf_store::integrity::NewDeclaration;
    use shutaf_store::{Acting, NewContribution, NewGoal, NewInitiative, PartnerStatus, now};

    struct World {
        db: Db,
        city: i64,
        ngo: i64,
        company: i64,
        coordinator: i64,
        csr: i64,
        locality: i64,
        goal: i64,
    }

    async fn world() -> World {
        let db = fresh_db().await;
        let coordinator = user(&db, "coordinator@city.example").await;
        let csr = user(&db, "csr@company.example").await;
        let ngo_person = user(&db, "ngo@ngo.example").await;
        let city = db
            .create_organisation(
                &org(
                    "עיריית עמק",
                    "Emek",
                    Sector::Public,
                    OrganisationKind::Municipality,
                ),
                coordinator,
            )
            .await
            .unwrap()
            .id;
        let ngo = db
            .create_organisation(
                &org("עמותה", "NGO", Sector::Third, OrganisationKind::Ngo),
                ngo_person,
            )
            .await
            .unwrap()
            .id;
        let company = db
            .create_organisation(
                &org(
                    "חברה",
                    "Company",
                    Sector::Business,
                    OrganisationKind::Company,
                ),
                csr,
            )
            .await
            .unwrap()
            .id;
        let locality = db
            .create_locality(&NewLocality {
                names: [Some("עמק".into()), None, None],
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
                    sdg_codes: vec!["7.2".into(), "7".into(), "13".into()],
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        World {
            db,
            city,
            ngo,
            company,
            coordinator,
            csr,
            locality,
            goal,
        }
    }

    fn proposal(w: &World) -> NewInitiative {
        NewInitiative {
            locality_id: w.locality,
            initiator_organisation_id: w.company,
            titles: [
                Some("גגות סולאריים לבתי ספר".into()),
                None,
                Some("Solar roofs for schools".into()),
            ],
            problems: [None, None, None],
            approaches: [None, None, None],
            model: PartnershipModel::JointAgenda,
            management: Management::Joint,
            goal_ids: vec![],
            needs: vec![
                ContributionType::Budget,
                ContributionType::CommunityTrust,
                ContributionType::Authority,
            ],
            lead_organisation_id: None,
        }
    }

    #[tokio::test]
    async fn goals_keep_their_sdg_codes() {
        let w = world().await;
        let goals = w.db.goals_of(w.locality).await.unwrap();
        assert_eq!(goals[0].sdg_codes, vec!["13", "7", "7.2"]);
        assert_eq!(goals[0].sdg_goals(), vec![7, 13]);
    }

    #[tokio::test]
    async fn the_seed_story_in_storage() {
        let w = world().await;
        let csr = Acting {
            user_id: w.csr,
            organisation_id: Some(w.company),
        };
        let convener = Acting {
            user_id: w.coordinator,
            organisation_id: Some(w.city),
        };
        let (id, notified) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
        assert_eq!(
            notified,
            vec![w.coordinator],
            "the convener's staff hear at once"
        );
        let (notes, unread) = w.db.notifications(w.coordinator, 10).await.unwrap();
        assert_eq!((notes.len(), unread), (1, 1));

        let facts = w.db.facts(id, now()).await.unwrap().unwrap();
        assert_eq!(facts.stage, Stage::Idea);
        assert!(!facts.convener_engaged);
        assert_eq!(
            facts.partners.len(),
            1,
            "the initiator is the first partner"
        );
        assert_eq!(
            check_transition(&facts, Stage::Convened, &[Party::ConvenerStaff], None).unwrap_err(),
            shutaf_domain::lifecycle::Refusal::GatesUnmet(vec![Gate::ConveneEarly])
        );

        let revision = w.db.initiative(id).await.unwrap().unwrap().revision;
        w.db.set_convener_contact(id, revision, w.coordinator, convener)
            .await
            .unwrap();
        let facts = w.db.facts(id, now()).await.unwrap().unwrap();
        assert!(facts.convener_engaged);
        let revision = w.db.initiative(id).await.unwrap().unwrap().revision;
        check_transition(&facts, Stage::Convened, &[Party::ConvenerStaff], None).unwrap();
        w.db.set_stage(id, revision, Stage::Convened, None, convener)
            .await
            .unwrap();
        // Somebody who read the old revision loses: changed meanwhile.
        assert!(matches!(
            w.db.set_stage(id, revision, Stage::Scoping, None, convener)
                .await,
            Err(StoreError::Conflict)
        ));

        // The NGO asks to join and the lead accepts; the city is invited and accepts.
        assert_eq!(
            w.db.propose_partner(id, w.ngo, PartnerStatus::Requested, csr)
                .await
                .unwrap(),
            PartnerStatus::Requested
        );
        assert_eq!(
            w.db.propose_partner(id, w.ngo, PartnerStatus::Invited, csr)
                .await
                .unwrap(),
            PartnerStatus::Active
        );
        assert_eq!(
            w.db.propose_partner(id, w.city, PartnerStatus::Invited, csr)
                .await
                .unwrap(),
            PartnerStatus::Invited
        );
        assert!(matches!(
            w.db.propose_partner(id, w.city, PartnerStatus::Invited, csr)
                .await,
            Err(StoreError::Conflict)
        ));
        assert_eq!(
            w.db.propose_partner(id, w.city, PartnerStatus::Requested, convener)
                .await
                .unwrap(),
            PartnerStatus::Active
        );

        for (org, contribution) in [
            (w.company, ContributionType::Budget),
            (w.ngo, ContributionType::CommunityTrust),
            (w.city, ContributionType::Authority),
        ] {
            w.db.describe_partner(id, org, Some("role"), Some("interests"), None, csr)
                .await
                .unwrap();
            let c = NewContribution {
                contribution,
                description: None,
                cash_agorot: Some(5_000_000),
                in_kind_agorot: None,
                period: Some("2027".into()),
            };
            w.db.add_contribution(id, org, &c, csr).await.unwrap();
        }
        let mut new = proposal(&w);
        new.goal_ids = vec![w.goal];
        w.db.update_initiative(id, &new, csr).await.unwrap();
        w.db.set_work_plan(
            id,
            &WorkPlanPlacement::Placed,
            Some("Solar programme"),
            Some("1-7400-930"),
            None,
            convener,
        )
        .await
        .unwrap();
        w.db.set_integrity(
            id,
            false,
            Some("no-municipal-money"),
            Some("The company pays for everything"),
            convener,
        )
        .await
        .unwrap();
        w.db.declare_interests(
            id,
            &NewDeclaration {
                organisation_id: w.city,
                ..Default::default()
            },
            convener,
        )
        .await
        .unwrap();
        w.db.declare_interests(
            id,
            &NewDeclaration {
                organisation_id: w.company,
                ..Default::default()
            },
            csr,
        )
        .await
        .unwrap();

        let v1 =
            w.db.propose_charter(id, r#"{"vision":"Solar schools"}"#, w.company, csr)
                .await
                .unwrap();
        for org in [w.company, w.ngo, w.city] {
            w.db.endorse(id, v1, org, csr).await.unwrap();
        }
        let facts = w.db.facts(id, now()).await.unwrap().unwrap();
        assert!(facts.partners.iter().all(|p| p.endorsed_current));
        // A new version clears the endorsements; the old one cannot be endorsed any more.
        let v2 =
            w.db.propose_charter(
                id,
                r#"{"vision":"Solar schools and a youth programme"}"#,
                w.ngo,
                csr,
            )
            .await
            .unwrap();
        assert_eq!(v2, 2);
        assert!(matches!(
            w.db.endorse(id, v1, w.city, convener).await,
            Err(StoreError::Conflict)
        ));
        let facts = w.db.facts(id, now()).await.unwrap().unwrap();
        assert!(facts.partners.iter().all(|p| !p.endorsed_current));
        for org in [w.company, w.ngo, w.city] {
            w.db.endorse(id, v2, org, csr).await.unwrap();
        }
        w.db.set_expectations(id, w.company, &[("time-to-first-result", "quarter")], csr)
            .await
            .unwrap();
        w.db.set_expectations(id, w.city, &[("time-to-first-result", "year")], convener)
            .await
            .unwrap();

        let facts = w.db.facts(id, now()).await.unwrap().unwrap();
        assert_eq!(facts.linked_goals, 1);
        assert!(facts.uncovered().is_empty());
        assert_eq!(facts.sectors().len(), 3);
        assert_eq!(facts.integrity.deciders, 2);
        assert_eq!(facts.integrity.undeclared_deciders, 0);
        assert_eq!(
            facts
                .partners
                .iter()
                .filter(|p| p.expectations.is_some())
                .count(),
            2
        );
        let mut facts = facts;
        facts.stage = Stage::Building;
        assert!(
            check_transition(&facts, Stage::Agreed, &[Party::Lead], None).is_ok(),
            "{facts:?}"
        );
        assert!(
            w.db.events(id, 100).await.unwrap().len() > 15,
            "everything is on the record"
        );

        let (items, total) =
            w.db.initiatives_of_locality(w.locality, None, 1, 20, now())
                .await
                .unwrap();
        assert_eq!(total, 1);
        assert_eq!(items[0].facts.partners.len(), 3);
        let (items, total) =
            w.db.initiatives_of_locality(w.locality, Some(Stage::Agreed), 1, 20, now())
                .await
                .unwrap();
        assert_eq!((items.len(), total), (0, 0));
        assert_eq!(
            w.db.initiatives_of_organisation(w.ngo, 10)
                .await
                .unwrap()
                .len(),
            1
        );

        // Partners leave; the initiator cannot.
        w.db.remove_partner(id, w.ngo, csr).await.unwrap();
        assert!(matches!(
            w.db.remove_partner(id, w.company, csr).await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            w.db.contributions(id).await.unwrap().len(),
            2,
            "the leaver's commitments go with it"
        );
    }

    #[tokio::test]
    async fn decisions_are_logged_in_the_same_transaction_and_tampering_shows() {
        use shutaf_domain::merkle;
        let w = world().await;
        let csr = Acting {
            user_id: w.csr,
            organisation_id: Some(w.company),
        };
        let convener = Acting {
            user_id: w.coordinator,
            organisation_id: Some(w.city),
        };
        let (id, _) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
        let revision = w.db.initiative(id).await.unwrap().unwrap().revision;
        w.db.set_convener_contact(id, revision, w.coordinator, convener)
            .await
            .unwrap();
        let revision = w.db.initiative(id).await.unwrap().unwrap().revision;
        w.db.set_stage(
            id,
            revision,
            Stage::Declined,
            Some("Not on our agenda this year"),
            convener,
        )
        .await
        .unwrap();
        // A refused change leaves nothing on the record.
        assert!(
            w.db.set_stage(id, revision, Stage::Scoping, None, convener)
                .await
                .is_err()
        );
        w.db.declare_interests(
            id,
            &NewDeclaration {
                organisation_id: w.city,
                ..Default::default()
            },
            convener,
        )
        .await
        .unwrap();

        let entries = w.db.log_entries(0, 100).await.unwrap();
        let kinds: Vec<&str> = entries.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            kinds,
            vec![
                "proposed",
                "convener-engaged",
                "stage-declined",
                "interests-declared"
            ]
        );
        assert_eq!(
            entries[2].detail.as_deref(),
            Some("Not on our agenda this year"),
            "reasons are on the record"
        );
        assert!(
            entries[3].person.is_some(),
            "a declaration names the declarer"
        );
        assert!(
            entries
                .iter()
                .all(|e| e.initiative_id == Some(id) && e.locality_id == Some(w.locality))
        );
        assert_eq!(w.db.log_of_initiative(id, 10).await.unwrap().len(), 4);

        let declare = || async {
            w.db.declare_interests(
                id,
                &NewDeclaration {
                    organisation_id: w.company,
                    ..Default::default()
                },
                csr,
            )
            .await
            .unwrap()
        };
        // A head, and a later one that extends it.
        let old = w.db.log_head().await.unwrap();
        assert_eq!(old.size, 4);
        declare().await;
        let new = w.db.log_head().await.unwrap();
        let leaves = w.db.log_leaves(new.size).await.unwrap();
        assert_eq!(
            new.root,
            merkle::root(&leaves),
            "the kept tree gives the root"
        );
        let proof =
            w.db.log_consistency(old.size, new.size)
                .await
                .unwrap()
                .unwrap();
        assert_eq!(
            proof,
            merkle::consistency_proof(old.size as usize, &leaves).unwrap()
        );
        assert!(merkle::verify_consistency(
            old.size, new.size, &old.root, &new.root, &proof
        ));

        // The log grows; every head and proof served from the kept tree is the one the
        // entries make, and the kept tree is exactly the entries' tree.
        for _ in 0..13 {
            declare().await;
        }
        let grown = w.db.log_head().await.unwrap();
        let all = w.db.log_leaves(grown.size).await.unwrap();
        assert!(grown.size >= 18, "{} entries", grown.size);
        assert_eq!(grown.root, merkle::root(&all));
        assert_eq!(w.db.check_log_tree(&all).await.unwrap(), None);
        for size in 1..=grown.size {
            let tree = &all[..size as usize];
            for index in 0..size {
                let (leaf, path) = w.db.log_inclusion(index, size).await.unwrap().unwrap();
                assert_eq!(leaf, tree[index as usize]);
                assert_eq!(path, merkle::inclusion_proof(index as usize, tree).unwrap());
            }
            for first in 0..=size {
                assert_eq!(
                    w.db.log_consistency(first, size).await.unwrap().unwrap(),
                    merkle::consistency_proof(first as usize, tree).unwrap(),
                    "{first} -> {size}"
                );
            }
        }
        assert_eq!(
            w.db.log_inclusion(grown.size, grown.size).await.unwrap(),
            None
        );
        assert_eq!(w.db.log_inclusion(0, grown.size + 1).await.unwrap(), None);
        assert_eq!(w.db.log_consistency(3, 2).await.unwrap(), None);
        assert_eq!(w.db.log_consistency(1, grown.size + 1).await.unwrap(), None);
        // A hub upgraded from one that kept no tree builds it at start (migrate).
        sqlx::query("DELETE FROM decision_log_nodes WHERE node > 5")
            .execute(&w.db.pool)
            .await
            .unwrap();
        assert!(w.db.check_log_tree(&all).await.unwrap().is_some());
        w.db.migrate(&shutaf_store::DbSettings::default())
            .await
            .unwrap();
        assert_eq!(w.db.check_log_tree(&all).await.unwrap(), None);
        assert_eq!(w.db.log_head().await.unwrap(), grown);

        // Someone edits an entry behind the hub's back: its fields no longer give its hash.
        sqlx::query("UPDATE decision_log SET detail = 'Approved' WHERE idx = 2")
            .execute(&w.db.pool)
            .await
            .unwrap();
        assert!(matches!(
            w.db.log_leaves(grown.size).await,
            Err(StoreError::Corrupt(_))
        ));
        // A careful forger rewrites the hash too: the kept tree no longer matches ...
        let forged = shutaf_domain::decision_log::LogEntry {
            detail: Some("Approved".into()),
            ..entries[2].clone()
        };
        sqlx::query("UPDATE decision_log SET leaf_hash = $1 WHERE idx = 2")
            .bind(hex::encode(forged.leaf_hash()))
            .execute(&w.db.pool)
            .await
            .unwrap();
        let leaves = w.db.log_leaves(grown.size).await.unwrap();
        assert!(w.db.check_log_tree(&leaves).await.unwrap().is_some());
        // ... and rebuilt with it, the root changes and no longer extends the head published
        // before.
        w.db.rebuild_log_tree().await.unwrap();
        assert_eq!(w.db.check_log_tree(&leaves).await.unwrap(), None);
        let rewritten = w.db.log_head().await.unwrap();
        assert_ne!(rewritten.root, grown.root);
        let proof =
            w.db.log_consistency(old.size, rewritten.size)
                .await
                .unwrap()
                .unwrap();
        assert!(!merkle::verify_consistency(
            old.size,
            rewritten.size,
            &old.root,
            &rewritten.root,
            &proof
        ));
        // And removing an entry shows as a gap.
        sqlx::query("DELETE FROM decision_log WHERE idx = 1")
            .execute(&w.db.pool)
            .await
            .unwrap();
        assert!(matches!(
            w.db.log_leaves(rewritten.size).await,
            Err(StoreError::Corrupt(_))
        ));
    }

    /// The portal lists a locality's partnerships with a business: kept as a flag on the
    /// initiative, it follows partners joining and leaving, and a partner's sector changing.
    #[tokio::test]
    async fn the_portal_follows_business_partners_joining_leaving_and_changing_sector() {
        use shutaf_store::portal::PortalFilter;
        let w = world().await;
        let ngo = Acting {
            user_id: w
                .db
                .user_by_email("ngo@ngo.example")
                .await
                .unwrap()
                .unwrap()
                .id,
            organisation_id: Some(w.ngo),
        };
        let csr = Acting {
            user_id: w.csr,
            organisation_id: Some(w.company),
        };
        let listed = |db: &shutaf_store::Db| {
            let db = db.clone();
            let locality = w.locality;
            async move {
                let (page, total) = db
                    .portal_initiatives(locality, &PortalFilter::default(), 50, 0)
                    .await
                    .unwrap();
                assert_eq!(page.len() as i64, total);
                page.into_iter().map(|i| i.id).collect::<Vec<i64>>()
            }
        };
        // The NGO's idea has no business in it.
        let (id, _) =
            w.db.create_initiative(
                &NewInitiative {
                    initiator_organisation_id: w.ngo,
                    ..proposal(&w)
                },
                ngo,
            )
            .await
            .unwrap();
        assert_eq!(listed(&w.db).await, Vec::<i64>::new());
        // The company's idea has; and the company asked in and invited into the NGO's joins it.
        let (theirs, _) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
        assert_eq!(listed(&w.db).await, vec![theirs]);
        w.db.propose_partner(id, w.company, PartnerStatus::Requested, csr)
            .await
            .unwrap();
        assert_eq!(
            listed(&w.db).await,
            vec![theirs],
            "asking is not partnering"
        );
        w.db.propose_partner(id, w.company, PartnerStatus::Invited, ngo)
            .await
            .unwrap();
        assert_eq!(listed(&w.db).await, vec![theirs, id], "newest first");
        // It leaves.
        w.db.remove_partner(id, w.company, csr).await.unwrap();
        assert_eq!(listed(&w.db).await, vec![theirs]);
        // The company turns out to be a social enterprise registered as an NGO.
        w.db.update_organisation(
            w.company,
            &org("חברה", "Company", Sector::Third, OrganisationKind::Ngo),
        )
        .await
        .unwrap();
        assert_eq!(listed(&w.db).await, Vec::<i64>::new());
    }

    #[tokio::test]
    async fn declarations_name_ties_and_a_tie_with_a_partner_is_a_logged_recusal() {
        use shutaf_domain::integrity::Relation;
        use shutaf_store::integrity::Matter;
        let w = world().await;
        let csr = Acting {
            user_id: w.csr,
            organisation_id: Some(w.company),
        };
        let convener = Acting {
            user_id: w.coordinator,
            organisation_id: Some(w.city),
        };
        let (id, _) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
        let before = w.db.log_size().await.unwrap();
        let recused =
            w.db.declare_interests(
                id,
                &NewDeclaration {
                    organisation_id: w.city,
                    details: Some("My brother works at the company".into()),
                    ties: vec![(w.company, Relation::Relative), (w.ngo, Relation::Member)],
                },
                convener,
            )
            .await
            .unwrap();
        assert_eq!(recused, vec![w.company], "the NGO is not a partner (yet)");
        let declared =
            w.db.declared(Matter::Initiative(id), w.coordinator)
                .await
                .unwrap()
                .unwrap();
        assert_eq!(declared.ties.len(), 2);
        assert!(
            w.db.declared(Matter::Initiative(id), w.csr)
                .await
                .unwrap()
                .is_none()
        );
        let public = w.db.declarations(Matter::Initiative(id)).await.unwrap();
        assert_eq!(public.len(), 1);
        assert!(public[0].has_interests);
        assert_eq!(public[0].ties.len(), 2);
        assert_eq!(public[0].person, "Test Person");
        let recusals = w.db.recusals(Matter::Initiative(id)).await.unwrap();
        assert_eq!(recusals.len(), 1);
        assert_eq!(recusals[0].party.id, w.company);

        // Both the declaration and the recusal are on the record, naming the person.
        let entries = w.db.log_entries(before, before + 10).await.unwrap();
        let kinds: Vec<&str> = entries.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds, vec!["interests-declared", "recused"]);
        assert_eq!(entries[0].person.as_deref(), Some("Test Person"));
        assert!(
            entries[0]
                .detail
                .as_deref()
                .unwrap()
                .contains(&format!("organisation:{} relative", w.company))
        );
        // Recording the same recusal again does not log it twice.
        w.db.recuse(Matter::Initiative(id), w.locality, w.company, convener)
            .await
            .unwrap();
        assert_eq!(w.db.log_size().await.unwrap(), before + 2);
    }

    #[tokio::test]
    async fn an_open_call_from_draft_to_award_and_initiative() {
        use shutaf_store::calls::NewCall;
        let w = world().await;
        let convener = Acting {
            user_id: w.coordinator,
            organisation_id: Some(w.city),
        };
        let csr = Acting {
            user_id: w.csr,
            organisation_id: Some(w.company),
        };
        let ngo_person =
            w.db.user_by_email("ngo@ngo.example")
                .await
                .unwrap()
                .unwrap()
                .id;
        let ngo = Acting {
            user_id: ngo_person,
            organisation_id: Some(w.ngo),
        };
        let new = NewCall {
            locality_id: w.locality,
            lang: "he".into(),
            title: "קול קורא: גגות סולאריים".into(),
            purpose: "Solar roofs".into(),
            sought: "A partner".into(),
            eligibility: "Anyone".into(),
            deadline_at: now() + 3600,
            criteria: vec![
                ("Impact".into(), None, 60),
                ("Cost".into(), Some("Value".into()), 40),
            ],
            goal_ids: vec![w.goal],
            evaluator_ids: vec![w.coordinator],
        };
        let call_id = w.db.create_call(&new, convener).await.unwrap();
        // Drafts take no applications.
        assert!(matches!(
            w.db.apply_to_call(call_id, w.company, "s", "p", csr).await,
            Err(StoreError::Conflict)
        ));
        let before = w.db.log_size().await.unwrap();
        w.db.publish_call(call_id, convener).await.unwrap();
        assert!(matches!(
            w.db.publish_call(call_id, convener).await,
            Err(StoreError::Conflict)
        ));
        let company_app =
            w.db.apply_to_call(call_id, w.company, "Panels", "We install", csr)
                .await
                .unwrap();
        let ngo_app =
            w.db.apply_to_call(call_id, w.ngo, "Community", "We organise", ngo)
                .await
                .unwrap();
        // Attachments keep their bytes exactly, on both databases.
        let bytes = b"%PDF-1.7\n\x00\xff binary".to_vec();
        let attachment =
            w.db.add_attachment(
                call_id,
                Some(company_app),
                "plan.pdf",
                "application/pdf",
                &bytes,
                csr,
            )
            .await
            .unwrap();
        let (meta, stored) = w.db.attachment(attachment).await.unwrap().unwrap();
        assert_eq!(stored, bytes);
        assert_eq!(meta.size_bytes, bytes.len() as i64);
        assert_eq!(meta.application_id, Some(company_app));

        let call = w.db.call(call_id).await.unwrap().unwrap();
        assert_eq!(call.criteria.len(), 2);
        assert_eq!(call.goal_ids, vec![w.goal]);
        assert!(call.is_evaluator(w.coordinator));
        let scores: Vec<(i64, i64, String)> = vec![
            (call.criteria[0].id, 9, "Strong".into()),
            (call.criteria[1].id, 6, "Fair".into()),
        ];
        w.db.score_application(&call, company_app, &scores, convener)
            .await
            .unwrap();
        w.db.score_application(&call, ngo_app, &scores[..1], convener)
            .await
            .unwrap();
        assert_eq!(w.db.scores(call_id).await.unwrap().len(), 3);

        // No award before the deadline.
        let applications = w.db.applications(call_id).await.unwrap();
        assert_eq!(applications.len(), 2);
        assert!(matches!(
            w.db.award_call(&call, &applications[0], "Best", &[], convener)
                .await,
            Err(StoreError::Conflict)
        ));
        // The deadline passes: late applications are refused by the store itself.
        sqlx::query("UPDATE calls SET deadline_at = $1 WHERE id = $2")
            .bind(now() - 1)
            .bind(call_id)
            .execute(&w.db.pool)
            .await
            .unwrap();
        assert!(matches!(
            w.db.apply_to_call(call_id, w.company, "late", "late", csr)
                .await,
            Err(StoreError::Conflict)
        ));
        let call = w.db.call(call_id).await.unwrap().unwrap();
        let results = w.db.call_results(&call, &applications).await.unwrap();
        assert_eq!(results[0].application_id, company_app, "ranked best first");
        w.db.award_call(&call, &applications[0], "Best value", &results, convener)
            .await
            .unwrap();
        // The award's entry publishes every application's total and rank, worded by the journal.
        let size = w.db.log_size().await.unwrap();
        let award = w.db.log_entries(size - 1, size).await.unwrap().remove(0);
        assert_eq!(award.kind, "call-awarded");
        let detail = award.detail.unwrap();
        assert!(
            detail.contains(&format!("results: application:{company_app} total:"))
                && detail.contains(" rank:1; application:")
                && detail.ends_with("reasons: Best value"),
            "{detail}"
        );
        // Scoring ends with the award.
        let call = w.db.call(call_id).await.unwrap().unwrap();
        assert!(matches!(
            w.db.score_application(&call, ngo_app, &scores, convener)
                .await,
            Err(StoreError::Conflict)
        ));
        assert_eq!(call.awarded_application_id, Some(company_app));

        // The award becomes an initiative with the winner as partner; once only.
        let mut initiative = proposal(&w);
        initiative.initiator_organisation_id = w.city;
        let id =
            w.db.initiative_from_call(&call, &initiative, w.company, convener)
                .await
                .unwrap();
        assert!(matches!(
            w.db.initiative_from_call(&call, &initiative, w.company, convener)
                .await,
            Err(StoreError::Conflict)
        ));
        assert_eq!(w.db.call_of_initiative(id).await.unwrap(), Some(call_id));
        let facts = w.db.facts(id, now()).await.unwrap().unwrap();
        assert_eq!(facts.partners.len(), 2);
        assert!(
            facts.integrity.competition,
            "an awarded call is competition"
        );

        let entries = w.db.log_entries(before, before + 20).await.unwrap();
        let kinds: Vec<&str> = entries.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            kinds,
            vec![
                "call-published",
                "application-received",
                "application-received",
                "application-scored",
                "application-scored",
                "call-awarded",
                "proposed",
                "partner-joined"
            ]
        );
        assert!(entries[0].detail.as_deref().unwrap().contains("Impact 60%"));
        assert!(
            entries[3]
                .detail
                .as_deref()
                .unwrap()
                .contains("application:"),
            "scores stay private until the award; the scoring itself is on the record"
        );
        assert!(!entries[3].detail.as_deref().unwrap().contains("Strong"));
        assert_eq!(
            w.db.calls_of_locality(w.locality, false, 10, 0)
                .await
                .unwrap()[0]
                .applications,
            2
        );
        assert_eq!(
            w.db.calls_evaluated_by(w.coordinator).await.unwrap().len(),
            1
        );
    }

    #[tokio::test]
    async fn a_notice_invites_competing_proposals_and_its_decision_is_logged() {
        use shutaf_domain::integrity::NoticeOutcome;
        let w = world().await;
        let convener = Acting {
            user_id: w.coordinator,
            organisation_id: Some(w.city),
        };
        let csr = Acting {
            user_id: w.csr,
            organisation_id: Some(w.company),
        };
        let (id, _) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
        assert!(
            !w.db
                .facts(id, now())
                .await
                .unwrap()
                .unwrap()
                .integrity
                .competition
        );
        let notice_id =
            w.db.publish_notice(id, "Solar roofs by a company", now() + 60, convener)
                .await
                .unwrap();
        let notice = w.db.notice_of(id).await.unwrap().unwrap();
        assert_eq!(notice.id, notice_id);
        assert!(notice.outcome().is_none());
        let ngo_person =
            w.db.user_by_email("ngo@ngo.example")
                .await
                .unwrap()
                .unwrap()
                .id;
        let proposal_id =
            w.db.propose_alternative(
                &notice,
                w.ngo,
                "We can do it with volunteers",
                Acting {
                    user_id: ngo_person,
                    organisation_id: None,
                },
            )
            .await
            .unwrap();
        assert_eq!(
            w.db.alternatives(notice_id).await.unwrap()[0].id,
            proposal_id
        );
        w.db.decide_notice(
            &notice,
            NoticeOutcome::Original,
            None,
            "Cheaper and sooner",
            convener,
        )
        .await
        .unwrap();
        assert!(matches!(
            w.db.decide_notice(&notice, NoticeOutcome::Dropped, None, "again", convener)
                .await,
            Err(StoreError::Conflict)
        ));
        assert_eq!(
            w.db.notice_of(id).await.unwrap().unwrap().outcome(),
            Some(NoticeOutcome::Original)
        );
        assert!(
            w.db.facts(id, now())
                .await
                .unwrap()
                .unwrap()
                .integrity
                .competition
        );
        let size = w.db.log_size().await.unwrap();
        let kinds: Vec<String> =
            w.db.log_entries(size - 3, size)
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.kind)
                .collect();
        assert_eq!(
            kinds,
            vec!["notice-published", "alternative-proposed", "notice-decided"]
        );
    }

    #[tokio::test]
    async fn a_donation_goes_through_the_committee_step_by_step() {
        use shutaf_domain::donation::{DonationKind, DonationStep, HeadDecision, Recommendation};
        use shutaf_store::donations::{DonationAction, NewDonation};
        let w = world().await;
        let convener = Acting {
            user_id: w.coordinator,
            organisation_id: Some(w.city),
        };
        let id =
            w.db.register_donation(
                &NewDonation {
                    locality_id: w.locality,
                    donor_organisation_id: Some(w.company),
                    donor_name: "Company".into(),
                    kind: DonationKind::Goods,
                    value_agorot: Some(5_000_000),
                    purpose: "Solar panels for the school".into(),
                    initiative_id: None,
                },
                convener,
            )
            .await
            .unwrap();
        let donation = w.db.donation(id).await.unwrap().unwrap();
        assert_eq!(donation.step, DonationStep::Registered);
        w.db.donation_step(
            &donation,
            &DonationAction::Check {
                check: "No conflict with tenders".into(),
                recommendation: Recommendation::Accept,
            },
            convener,
        )
        .await
        .unwrap();
        // A step taken on a stale view is refused.
        assert!(matches!(
            w.db.donation_step(
                &donation,
                &DonationAction::Report { report: "x".into() },
                convener
            )
            .await,
            Err(StoreError::Conflict)
        ));
        let donation = w.db.donation(id).await.unwrap().unwrap();
        assert_eq!(donation.recommendation(), Some(Recommendation::Accept));
        w.db.donation_step(
            &donation,
            &DonationAction::Decide {
                decision: HeadDecision::Decline,
                reasons: Some("The supplier is in a tender".into()),
            },
            convener,
        )
        .await
        .unwrap();
        let donation = w.db.donation(id).await.unwrap().unwrap();
        w.db.donation_step(
            &donation,
            &DonationAction::Report {
                report: "Council meeting 12".into(),
            },
            convener,
        )
        .await
        .unwrap();
        let donation = w.db.donation(id).await.unwrap().unwrap();
        assert_eq!(donation.step, DonationStep::Reported);
        assert_eq!(donation.head_decision(), Some(HeadDecision::Decline));
        assert_eq!(
            donation.head_reasons.as_deref(),
            Some("The supplier is in a tender")
        );
        assert_eq!(
            w.db.donations_of_locality(w.locality, 10, 0)
                .await
                .unwrap()
                .len(),
            1
        );
        let size = w.db.log_size().await.unwrap();
        let kinds: Vec<String> =
            w.db.log_entries(size - 4, size)
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.kind)
                .collect();
        assert_eq!(
            kinds,
            vec![
                "donation-registered",
                "donation-checked",
                "donation-decided",
                "donation-reported"
            ]
        );
    }
}
