//! A notice inviting competing proposals, and its logged decision.

use shutaf_store::{Acting, StoreError};

use crate::support::{proposal, world};

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
            .facts(id, w.db.now())
            .await
            .unwrap()
            .unwrap()
            .integrity
            .competition
    );
    let notice_id =
        w.db.publish_notice(id, "Solar roofs by a company", w.db.now() + 60, convener)
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
        w.db.facts(id, w.db.now())
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
