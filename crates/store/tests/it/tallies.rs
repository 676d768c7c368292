//! The kept counts (`tallies`): moved by the writes themselves, whichever path writes, so a
//! total is one read; a backup leaves them out and a restore builds them again. And the keyset
//! pages of newest-first lists (a locality's initiatives, its record).

use shutaf_domain::{OrganisationKind, Sector, Stage};
use shutaf_store::{Acting, Count, Keyset, LogFilter};

use crate::support::{org, proposal, user, world};

#[tokio::test]
async fn the_counts_follow_every_write() {
    let w = world().await;
    let db = &w.db;
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));
    assert_eq!(db.count_organisations().await.unwrap(), 3);
    assert_eq!(
        db.organisation_count(Some(Sector::Business)).await.unwrap(),
        1
    );
    // The convener works in its locality.
    assert_eq!(db.member_count(w.locality).await.unwrap(), 1);

    // An organisation that works in the locality; then its sector changes.
    let person = user(db, "garden@example.org").await;
    let mut garden = org(
        "גינה",
        "Garden",
        Sector::Third,
        OrganisationKind::CommunityGroup,
    );
    garden.locality_ids = vec![w.locality];
    let created = db.create_organisation(&garden, person).await.unwrap();
    assert_eq!(db.member_count(w.locality).await.unwrap(), 2);
    assert_eq!(db.organisation_count(Some(Sector::Third)).await.unwrap(), 2);
    garden.sector = Some(Sector::Business);
    garden.kind = Some(OrganisationKind::Company);
    garden.locality_ids = vec![];
    db.update_organisation(created.id, &garden).await.unwrap();
    assert_eq!(
        (
            db.organisation_count(Some(Sector::Third)).await.unwrap(),
            db.organisation_count(Some(Sector::Business)).await.unwrap(),
            db.member_count(w.locality).await.unwrap(),
        ),
        (1, 2, 1),
        "a change of sector moves the count; leaving the locality takes it off"
    );
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));

    // Initiatives by stage, and the decisions about the locality.
    let csr = Acting {
        user_id: w.csr,
        organisation_id: Some(w.company),
    };
    let decisions = db.decision_count(w.locality).await.unwrap();
    let (first, _) = db.create_initiative(&proposal(&w), csr).await.unwrap();
    let (second, _) = db.create_initiative(&proposal(&w), csr).await.unwrap();
    assert_eq!(db.initiative_count(w.locality, None).await.unwrap(), 2);
    assert_eq!(
        db.initiative_count(w.locality, Some(Stage::Idea))
            .await
            .unwrap(),
        2
    );
    let revision = db.initiative(second).await.unwrap().unwrap().revision;
    db.set_stage(second, revision, Stage::Withdrawn, Some("no budget"), csr)
        .await
        .unwrap();
    assert_eq!(
        db.initiatives_by_stage(w.locality).await.unwrap(),
        vec![(Stage::Idea, 1), (Stage::Withdrawn, 1)]
    );
    assert_eq!(
        db.decision_count(w.locality).await.unwrap(),
        decisions + 3,
        "two proposals and a withdrawal on the record"
    );
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));

    // A newest-first page by keyset: one at a time, older then back to newer.
    let (page, total) = db
        .initiatives_of_locality(w.locality, None, None, 1, db.now())
        .await
        .unwrap();
    assert_eq!(total, 2);
    assert_eq!(page.items[0].initiative.id, second);
    assert_eq!((page.older, page.newer), (Some(second), None));
    let (older, _) = db
        .initiatives_of_locality(
            w.locality,
            None,
            page.older.map(Keyset::Before),
            1,
            db.now(),
        )
        .await
        .unwrap();
    assert_eq!(older.items[0].initiative.id, first);
    assert_eq!((older.older, older.newer), (None, Some(first)));
    let (newer, _) = db
        .initiatives_of_locality(
            w.locality,
            None,
            older.newer.map(Keyset::After),
            1,
            db.now(),
        )
        .await
        .unwrap();
    assert_eq!(newer.items[0].initiative.id, second);
    assert_eq!((newer.older, newer.newer), (Some(second), None));
    let (withdrawn, total) = db
        .initiatives_of_locality(w.locality, Some(Stage::Withdrawn), None, 50, db.now())
        .await
        .unwrap();
    assert_eq!((withdrawn.items.len(), total), (1, 1));

    // The record, a page of two, and its counts: kept unfiltered, counted when filtered.
    let all = LogFilter::default();
    let record = db.log_of_locality(w.locality, &all, None, 2).await.unwrap();
    assert_eq!(record.items.len(), 2);
    assert!(
        record.items[0].index > record.items[1].index,
        "newest first"
    );
    let rest = db
        .log_of_locality(w.locality, &all, record.older.map(Keyset::Before), 200)
        .await
        .unwrap();
    assert!(rest.items.iter().all(|e| e.index < record.items[1].index));
    assert_eq!(
        db.log_count(w.locality, &all).await.unwrap(),
        Count::exact((record.items.len() + rest.items.len()) as i64)
    );
    let withdrawals = LogFilter {
        kind: Some("stage-withdrawn".into()),
        initiative_id: Some(second),
        ..LogFilter::default()
    };
    assert_eq!(
        db.log_count(w.locality, &withdrawals).await.unwrap(),
        Count::exact(1)
    );
    let found = db
        .log_of_locality(w.locality, &withdrawals, None, 50)
        .await
        .unwrap();
    assert_eq!(found.items.len(), 1);
    assert_eq!((found.older, found.newer), (None, None));
}

#[test]
fn a_capped_count_says_more() {
    assert_eq!(Count::capped(999), Count::exact(999));
    assert_eq!(Count::capped(1000), Count::exact(1000));
    assert_eq!(
        Count::capped(shutaf_store::tallies::CAPPED),
        Count {
            n: 1000,
            capped: true
        }
    );
}

/// A directory filtered where no count is kept counts up to the cap; past it the page says
/// "more than 1,000" and shows no page total. 1,050 organisations, loaded in bulk.
#[tokio::test]
async fn a_wide_filter_is_counted_up_to_the_cap() {
    use shutaf_domain::ContributionType;
    use shutaf_store::DirectoryFilter;
    use shutaf_store::bulk::{Batch, BulkOrganisation};

    let db = shutaf_testkit::database::fresh_db().await;
    let organisations = (1..=1050)
        .map(|id| {
            let mut profile = org(
                &format!("ארגון {id}"),
                &format!("Organisation {id}"),
                Sector::Third,
                OrganisationKind::Ngo,
            );
            // Every other one offers knowledge as well.
            profile.contributions = if id % 2 == 0 {
                vec![
                    ContributionType::Knowledge,
                    ContributionType::CommunityTrust,
                ]
            } else {
                vec![ContributionType::CommunityTrust]
            };
            BulkOrganisation {
                id,
                profile,
                created_by: None,
                created_at: 1,
                updated_at: 1,
            }
        })
        .collect();
    let mut loader = db.loader().await.unwrap();
    loader
        .write(Batch {
            organisations,
            ..Batch::default()
        })
        .await
        .unwrap();
    loader.finish().await.unwrap();
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));

    let directory = |contribution| {
        let db = db.clone();
        async move {
            db.directory(&DirectoryFilter {
                contribution: Some(contribution),
                per_page: 20,
                ..DirectoryFilter::default()
            })
            .await
            .unwrap()
        }
    };
    let wide = directory(ContributionType::CommunityTrust).await;
    assert_eq!(
        (wide.total, wide.pages(), wide.items.len()),
        (
            Count {
                n: 1000,
                capped: true
            },
            None,
            20
        )
    );
    let narrow = directory(ContributionType::Knowledge).await;
    assert_eq!(
        (narrow.total, narrow.pages()),
        (Count::exact(525), Some(27))
    );
    // Unfiltered, the kept count: exact however many.
    let all = db
        .directory(&DirectoryFilter {
            per_page: 20,
            ..DirectoryFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(all.total, Count::exact(1050));
}
