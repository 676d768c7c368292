//! Store tests. Each runs on the backend chosen by `SHUTAF_TEST_BACKEND` (the test script runs
//! the whole suite on SQLite and again on PostgreSQL), against a fresh database of its own.

use shutaf_domain::{ContributionType, Language, MemberRole, OrganisationKind, Sector};
use shutaf_store::testing::fresh_db;
use shutaf_store::{
    ApiTokenScope, Backend, Db, DbSettings, DirectoryFilter, MailTokenPurpose, NewLocality,
    NewOrganisation, StoreError,
};

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
