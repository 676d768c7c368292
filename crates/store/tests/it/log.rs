//! The decision log: decisions logged in the same transaction as the change they record, and
//! tampering that shows.

use shutaf_domain::Stage;
use shutaf_store::integrity::NewDeclaration;
use shutaf_store::{Acting, StoreError};

use crate::support::{proposal, world};

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
    w.db.engage(id, revision, w.coordinator, false, convener)
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
    // The reasons are published beside the entry, which commits to them.
    assert_eq!(entries[2].detail, None);
    let beside = w.db.disclosures(&[entries[2].index]).await.unwrap();
    assert_eq!(beside.len(), 1);
    assert_eq!(beside[0].field, "reasons");
    assert_eq!(
        beside[0].text.as_deref(),
        Some("Not on our agenda this year"),
        "reasons are on the record"
    );
    assert!(shutaf_domain::disclosure::matches(
        &entries[2],
        "reasons",
        &beside[0].salt.unwrap(),
        "Not on our agenda this year"
    ));
    assert!(
        entries[3]
            .person
            .as_deref()
            .is_some_and(|p| p.starts_with("p-")),
        "a declaration names the declarer, by pseudonym"
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
