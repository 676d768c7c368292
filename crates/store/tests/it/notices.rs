//! A notice inviting competing proposals, and its logged decision.

use shutaf_store::{Acting, StoreError};

use crate::support::{last_entry, opened, proposal, world};

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

/// Who proposed an alternative is sealed on the log as who applied to a call is: the entry names
/// neither the organisation nor the person, commits to who proposed, and keeps the text sealed
/// beside the log (never among the disclosures) until the notice's decision opens it on the log
/// itself, in its own transaction.
#[tokio::test]
async fn who_proposed_an_alternative_is_sealed_on_the_log_until_the_notice_is_decided() {
    use shutaf_domain::disclosure::{PseudonymKey, SealedFor, Seals, matches};
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
    let notice_id =
        w.db.publish_notice(id, "Solar roofs by a company", w.db.now() + 60, convener)
            .await
            .unwrap();
    let notice = w.db.notice_of(id).await.unwrap().unwrap();
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
    let before = w.db.log_size().await.unwrap();
    let proposal_id =
        w.db.propose_alternative(&notice, w.ngo, "With volunteers", ngo)
            .await
            .unwrap();
    // Sent again: it replaces the first, and seals again.
    let again =
        w.db.propose_alternative(&notice, w.ngo, "With volunteers, sooner", ngo)
            .await
            .unwrap();
    assert_eq!(again, proposal_id);
    let size = w.db.log_size().await.unwrap();
    let entries = w.db.log_entries(before, size).await.unwrap();
    assert_eq!(entries.len(), 2);
    let mut audit = w.db.audit().await.unwrap();
    let key: PseudonymKey = audit.pseudonym_key().await.unwrap().unwrap();
    let withheld = audit.withheld().await.unwrap();
    audit.finish().await.unwrap();
    let text = format!(
        "notice:{notice_id} proposal:{proposal_id} organisation:{}",
        w.ngo
    );
    for entry in &entries {
        assert_eq!(entry.kind, "alternative-proposed");
        assert_eq!(
            entry.organisation_id, None,
            "the entry names no organisation"
        );
        assert_eq!(entry.person, None, "nor the person who sent it");
        assert_eq!(
            entry.detail.as_deref(),
            Some(format!("notice:{notice_id} proposal:{proposal_id}").as_str())
        );
        assert!(entry.commitment("proposer").is_some());
        let bytes = String::from_utf8(entry.canonical_bytes()).unwrap();
        assert!(!bytes.contains(&key.pseudonym(ngo_person)), "{bytes}");
        assert!(!bytes.contains("organisation:"), "{bytes}");
        // Kept sealed beside the log, for the notice, matching the commitment.
        let sealed = withheld
            .iter()
            .find(|d| d.entry_index == entry.index && d.field == "proposer")
            .expect("kept beside the log");
        assert_eq!(sealed.sealed_for, Some(SealedFor::Notice(notice_id)));
        assert_eq!(sealed.text.as_deref(), Some(text.as_str()));
        assert!(matches(
            entry,
            "proposer",
            &sealed.salt.unwrap(),
            sealed.text.as_deref().unwrap()
        ));
    }
    // Never among what the public reads beside the entries.
    let indexes: Vec<u64> = entries.iter().map(|e| e.index).collect();
    assert!(w.db.disclosures(&indexes).await.unwrap().is_empty());

    // The decision opens who proposed, on the log, and nothing stays sealed beside it.
    w.db.clock.advance(61);
    w.db.decide_notice(
        &notice,
        NoticeOutcome::Alternative,
        Some(proposal_id),
        "Volunteers are the point",
        convener,
    )
    .await
    .unwrap();
    let decided = last_entry(&w.db).await;
    let size = decided.index + 1;
    assert_eq!(decided.kind, "notice-decided");
    let opened = opened(&decided);
    assert_eq!(
        opened,
        vec![("proposer", text.as_str()), ("proposer", text.as_str())]
    );
    let mut audit = w.db.audit().await.unwrap();
    let withheld = audit.withheld().await.unwrap();
    audit.finish().await.unwrap();
    assert!(
        withheld.iter().all(|d| d.sealed_for.is_none()),
        "{withheld:?}"
    );
    let mut seals = Seals::default();
    let mut count = 0;
    for entry in w.db.log_entries(0, size).await.unwrap() {
        count += seals.see(&entry).unwrap().len();
    }
    assert_eq!(count, 2);
    assert!(seals.still_sealed().is_empty());

    // Nothing is sealed for a decided notice: a proposal after the decision is refused.
    assert!(matches!(
        w.db.propose_alternative(&notice, w.ngo, "Late", ngo).await,
        Err(StoreError::Conflict)
    ));
    assert_eq!(w.db.log_size().await.unwrap(), size);
}
