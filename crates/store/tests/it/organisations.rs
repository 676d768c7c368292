//! Organisations in storage: their owner, contributions and localities; the directory's
//! filters, search and pages; invitations, roles, and the last owner.

use shutaf_domain::{ContributionType, Language, MemberRole, OrganisationKind, Sector};
use shutaf_store::{Count, DirectoryFilter, NewLocality, StoreError};
use shutaf_testkit::database::fresh_db;

use crate::support::{org, user};

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
            per_page: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(all.total, Count::exact(3));
    assert!(all.items.iter().all(|o| !o.contributions.is_empty()));

    let search = |q: &str| {
        let db = db.clone();
        let q = q.to_owned();
        async move {
            db.directory(&DirectoryFilter {
                q: Some(q),
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
    // A search's total is counted from the words' index (each word narrows it), a page of one
    // is the first by name.
    for (q, total) in [
        ("emek sol", 1),
        ("שכונה", 1),
        ("emek garden", 0),
        ("nothing", 0),
    ] {
        let page = db
            .directory(&DirectoryFilter {
                q: Some(q.into()),
                per_page: 1,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(page.total, Count::exact(total), "{q}");
        assert_eq!(page.items.len() as i64, total.min(1), "{q}");
    }
    // On PostgreSQL a connection keeps one plan a statement; the directory's reads, planned
    // for their values, put their connection back as it was.
    if db.backend == shutaf_store::Backend::Postgres {
        let mut held = Vec::new();
        for _ in 0..db.pool.size().max(1) {
            held.push(db.pool.acquire().await.unwrap());
        }
        for conn in &mut held {
            let (mode,): (String,) = sqlx::query_as("SHOW plan_cache_mode")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            assert_eq!(mode, "force_generic_plan");
        }
    }

    let business = db
        .directory(&DirectoryFilter {
            sector: Some(Sector::Business),
            per_page: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(business.total, Count::exact(1));
    let in_locality = db
        .directory(&DirectoryFilter {
            locality_id: Some(locality.id),
            per_page: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        in_locality.total,
        Count::exact(2),
        "the convener and the garden work there"
    );
    let trusted = db
        .directory(&DirectoryFilter {
            contribution: Some(ContributionType::CommunityTrust),
            per_page: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(trusted.total, Count::exact(1));
    let kind = db
        .directory(&DirectoryFilter {
            kind: Some(OrganisationKind::Company),
            per_page: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(kind.total, Count::exact(1));

    let page1 = db
        .directory(&DirectoryFilter {
            per_page: 2,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (page1.items.len(), page1.pages(), page1.previous.is_none()),
        (2, Some(2), true)
    );
    let page2 = db
        .directory(&DirectoryFilter {
            cursor: page1.next.clone(),
            page: 2,
            per_page: 2,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (
            page2.items.len(),
            page2.total,
            page2.page,
            page2.next.is_none()
        ),
        (1, Count::exact(3), 2, true)
    );
    let back = db
        .directory(&DirectoryFilter {
            cursor: page2.previous.clone(),
            page: 1,
            per_page: 2,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        back.items.iter().map(|o| o.id).collect::<Vec<_>>(),
        page1.items.iter().map(|o| o.id).collect::<Vec<_>>(),
        "the previous page is the first again"
    );
    assert!(back.previous.is_none() && back.next.is_some());

    // Ordered by name in the reader's language.
    let names = |lang: Language| {
        let db = db.clone();
        async move {
            db.directory(&DirectoryFilter {
                lang,
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

    // Filtered by the locality with a sector, a contribution, a kind or words: read from the
    // locality's kept rows (`directory_places`), which follow every change of an organisation.
    let placed =
        |sector: Option<Sector>, contribution: Option<ContributionType>, q: Option<&str>| {
            let db = db.clone();
            let q = q.map(str::to_owned);
            async move {
                db.directory(&DirectoryFilter {
                    locality_id: Some(locality.id),
                    sector,
                    contribution,
                    q,
                    lang: Language::En,
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
        placed(
            Some(Sector::Third),
            Some(ContributionType::CommunityTrust),
            None
        )
        .await,
        vec!["Community Garden"]
    );
    assert!(
        placed(
            Some(Sector::Public),
            Some(ContributionType::CommunityTrust),
            None
        )
        .await
        .is_empty()
    );
    assert_eq!(
        placed(None, None, Some("garden")).await,
        vec!["Community Garden"]
    );
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));
    // The garden is renamed, offers other things, becomes a business, and the solar company
    // comes to work in the locality.
    let garden_id = all
        .items
        .iter()
        .find(|o| o.name_en.as_deref() == Some("Community Garden"))
        .unwrap()
        .id;
    let mut renamed = garden.clone();
    renamed.names[2] = Some("Allotments".into());
    renamed.sector = Some(Sector::Business);
    renamed.kind = Some(OrganisationKind::Company);
    renamed.contributions = vec![ContributionType::Budget];
    db.update_organisation(garden_id, &renamed).await.unwrap();
    let solar_id = all
        .items
        .iter()
        .find(|o| o.name_en.as_deref() == Some("Emek Solar Ltd"))
        .unwrap()
        .id;
    let mut solar = org(
        "סולאר עמק בע\"מ",
        "Emek Solar Ltd",
        Sector::Business,
        OrganisationKind::Company,
    );
    solar.locality_ids = vec![locality.id];
    solar.contributions = vec![ContributionType::Budget, ContributionType::Prestige];
    db.update_organisation(solar_id, &solar).await.unwrap();
    assert_eq!(
        placed(Some(Sector::Business), Some(ContributionType::Budget), None).await,
        vec!["Allotments", "Emek Solar Ltd"],
        "in the new names' order"
    );
    assert!(
        placed(Some(Sector::Third), None, None).await.is_empty(),
        "no longer of the third sector"
    );
    assert_eq!(
        placed(None, Some(ContributionType::Prestige), None).await,
        vec!["Emek Solar Ltd"]
    );
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));
    // Leaving the locality takes it off.
    renamed.locality_ids = vec![];
    db.update_organisation(garden_id, &renamed).await.unwrap();
    assert_eq!(
        placed(Some(Sector::Business), None, None).await,
        vec!["Emek Solar Ltd"]
    );
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));
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
