//! What the record withholds, in storage: an open call's applicants, scores and the parties of
//! declarations and recusals on it are sealed beside the log until the call's decision opens
//! them on the log itself; names and free text are disclosed beside their entries, where a
//! redaction erases them and leaves the entries as they were.

use shutaf_domain::Stage;
use shutaf_domain::disclosure::{RedactionGround, Seals, matches};
use shutaf_domain::integrity::Relation;
use shutaf_store::Acting;
use shutaf_store::calls::NewCall;
use shutaf_store::disclosures::Unredactable;
use shutaf_store::integrity::NewDeclaration;

use crate::support::{last_entry, opened, proposal, world};

#[tokio::test]
async fn an_open_call_seals_who_applied_until_its_award_opens_it() {
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
    let deadline = w.db.now() + 3;
    let call_id =
        w.db.create_call(
            &NewCall {
                locality_id: w.locality,
                lang: "en".into(),
                title: "Solar roofs".into(),
                purpose: "Solar roofs".into(),
                sought: "A partner".into(),
                eligibility: "Anyone".into(),
                deadline_at: deadline,
                criteria: vec![("Impact".into(), None, 100)],
                evaluator_ids: vec![w.coordinator],
                ..NewCall::default()
            },
            convener,
        )
        .await
        .unwrap();
    w.db.publish_call(call_id, convener).await.unwrap();
    let before = w.db.log_size().await.unwrap();
    let company_app =
        w.db.apply_to_call(call_id, w.company, "Panels", "We install", csr)
            .await
            .unwrap();
    // Sent again: a new entry, sealed again.
    w.db.apply_to_call(call_id, w.company, "Panels", "We install, better", csr)
        .await
        .unwrap();
    let ngo_app =
        w.db.apply_to_call(call_id, w.ngo, "Community", "We organise", ngo)
            .await
            .unwrap();
    // The evaluator is tied to the company: the declaration's ties and the recusal are sealed.
    let call = w.db.call(call_id).await.unwrap().unwrap();
    let recused =
        w.db.declare_on_call(
            &call,
            &NewDeclaration {
                organisation_id: w.city,
                details: None,
                ties: vec![(w.company, Relation::Relative)],
            },
            &[w.company, w.ngo],
            convener,
        )
        .await
        .unwrap();
    assert_eq!(recused, vec![w.company]);

    let entries = w.db.log_entries(before, before + 20).await.unwrap();
    let kinds: Vec<&str> = entries.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "application-received",
            "application-received",
            "application-received",
            "interests-declared",
            "recused"
        ]
    );
    for entry in &entries {
        // The entry's own organisation is the evaluator's (the city), never an applicant's.
        let bytes = String::from_utf8(entry.canonical_bytes()).unwrap();
        let detail = entry.detail.clone().unwrap_or_default();
        assert!(
            !detail.contains("organisation:")
                && entry.organisation_id != Some(w.company)
                && entry.organisation_id != Some(w.ngo),
            "entry {} names an applicant: {bytes}",
            entry.index
        );
    }
    assert_eq!(
        entries[0].detail.as_deref(),
        Some(format!("call:{call_id} application:{company_app}").as_str())
    );
    assert_eq!(entries[0].person, None, "nor who sent it");
    assert_eq!(
        entries[3].detail.as_deref(),
        Some(format!("call:{call_id}").as_str())
    );
    assert!(entries[3].commitment("ties").is_some());
    assert!(entries[4].commitment("party").is_some());
    // Nothing sealed is among what the public reads beside the entries: only the evaluator's name.
    let indexes: Vec<u64> = entries.iter().map(|e| e.index).collect();
    let shown = w.db.disclosures(&indexes).await.unwrap();
    assert!(shown.iter().all(|d| d.field == "person-name"), "{shown:?}");

    // The decision opens everything the call sealed, on the log.
    w.db.clock.advance(4);
    let call = w.db.call(call_id).await.unwrap().unwrap();
    let applications = w.db.applications(call_id).await.unwrap();
    let results = w.db.call_results(&call, &applications).await.unwrap();
    let winner = applications.iter().find(|a| a.id == ngo_app).unwrap();
    w.db.award_call(&call, winner, "Community first", &results, convener)
        .await
        .unwrap();
    let award = last_entry(&w.db).await;
    let size = award.index + 1;
    assert_eq!(award.kind, "call-awarded");
    let opened = opened(&award);
    let company = format!(
        "call:{call_id} application:{company_app} organisation:{}",
        w.company
    );
    let ngo_text = format!(
        "call:{call_id} application:{ngo_app} organisation:{}",
        w.ngo
    );
    let ties = format!("call:{call_id} ties: organisation:{} relative", w.company);
    let party = format!("call:{call_id} party: organisation:{}", w.company);
    assert_eq!(
        opened,
        vec![
            ("applicant", company.as_str()),
            ("applicant", company.as_str()),
            ("applicant", ngo_text.as_str()),
            ("ties", ties.as_str()),
            ("party", party.as_str()),
        ]
    );
    // Each opening matches its commitment; the seals of the whole log hold.
    let mut seals = Seals::default();
    let mut opened = 0;
    for entry in w.db.log_entries(0, size).await.unwrap() {
        opened += seals.see(&entry).unwrap().len();
    }
    assert_eq!(opened, 5);
    assert!(seals.still_sealed().is_empty());
    // Once decided, a declaration on the call is in clear.
    let declarer = Acting {
        user_id: w.csr,
        organisation_id: Some(w.city),
    };
    let call = w.db.call(call_id).await.unwrap().unwrap();
    w.db.declare_on_call(
        &call,
        &NewDeclaration {
            organisation_id: w.city,
            details: None,
            ties: vec![],
        },
        &[w.company, w.ngo],
        declarer,
    )
    .await
    .unwrap();
    let last = w.db.log_entries(size, size + 1).await.unwrap().remove(0);
    assert_eq!(
        last.detail.as_deref(),
        Some(format!("call:{call_id} ties: none").as_str())
    );
    assert!(seals.see(&last).is_ok());
}

#[tokio::test]
async fn a_redaction_erases_the_text_and_leaves_the_record() {
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
    w.db.set_stage(
        id,
        revision,
        Stage::Declined,
        Some("Dana Levi misled the committee"),
        convener,
    )
    .await
    .unwrap();
    let declined = last_entry(&w.db).await;
    let size = declined.index + 1;
    assert_eq!(declined.kind, "stage-declined");
    // The reasons are beside the entry, which commits to them.
    assert_eq!(declined.detail, None);
    let shown = w.db.disclosures(&[declined.index]).await.unwrap();
    let salt = shown[0].salt.unwrap();
    assert!(matches(
        &declined,
        "reasons",
        &salt,
        "Dana Levi misled the committee"
    ));
    let leaves = w.db.log_leaves(size).await.unwrap();

    let notice = |at: i64| format!("redacted at {at}");
    let redaction =
        w.db.redact_disclosure(
            declined.index,
            "reasons",
            RedactionGround::NotPublic,
            &notice,
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(redaction, size);
    assert_eq!(
        w.db.redact_disclosure(
            declined.index,
            "reasons",
            RedactionGround::NotPublic,
            &notice
        )
        .await
        .unwrap(),
        Err(Unredactable::AlreadyRedacted)
    );
    assert_eq!(
        w.db.redact_disclosure(
            declined.index,
            "applicant",
            RedactionGround::NotPublic,
            &notice
        )
        .await
        .unwrap(),
        Err(Unredactable::NoSuchDisclosure)
    );
    assert_eq!(
        w.db.redact_disclosure(size + 5, "reasons", RedactionGround::NotPublic, &notice)
            .await
            .unwrap(),
        Err(Unredactable::NoSuchEntry)
    );
    // The copies the working tables kept (the published reasons, the history) are the
    // redaction's notice now, in the same transaction.
    let redacted_at = w.db.disclosures(&[declined.index]).await.unwrap()[0]
        .redacted_at
        .unwrap();
    let initiative = w.db.initiative(id).await.unwrap().unwrap();
    assert_eq!(initiative.stage_reason, Some(notice(redacted_at)));
    let history = w.db.events(id, 100).await.unwrap();
    assert!(
        history
            .iter()
            .all(|e| !e.detail.as_deref().unwrap_or("").contains("Dana Levi")),
        "{history:?}"
    );
    assert!(
        history
            .iter()
            .any(|e| e.detail.as_deref() == Some(notice(redacted_at).as_str()))
    );
    let shown = w.db.disclosures(&[declined.index]).await.unwrap();
    assert_eq!(shown[0].text, None);
    assert_eq!(shown[0].salt, None);
    assert!(shown[0].redacted_at.is_some());
    assert_eq!(shown[0].redaction_ground, Some(RedactionGround::NotPublic));
    // Every entry before is as it was: the same leaves, and the log verifies.
    let after = w.db.log_leaves(size + 1).await.unwrap();
    assert_eq!(&after[..size as usize], &leaves[..]);
    assert_eq!(w.db.check_log_tree(&after).await.unwrap(), None);
    let logged = w.db.log_entries(size, size + 1).await.unwrap().remove(0);
    assert_eq!(logged.kind, "disclosure-redacted");
    assert_eq!(
        logged.detail.as_deref(),
        Some(format!("entry:{} field:reasons ground:not-public", declined.index).as_str())
    );
    assert_eq!((logged.person, logged.organisation_id), (None, None));
    assert_eq!(logged.locality_id, Some(w.locality));
}

/// Every copy the working tables keep of a redacted text becomes the redaction's notice, in the
/// redaction's transaction: a notice's outcome reasons and the history row that repeats them, and
/// a donation's donor (with its organisation), check, reasons and report. Text of other
/// decisions stays.
#[tokio::test]
async fn a_redaction_replaces_every_copy_in_the_working_tables() {
    use shutaf_domain::donation::{DonationKind, HeadDecision, Recommendation};
    use shutaf_domain::integrity::NoticeOutcome;
    use shutaf_store::donations::{DonationAction, NewDonation};

    let w = world().await;
    let convener = Acting {
        user_id: w.coordinator,
        organisation_id: Some(w.city),
    };
    let csr = Acting {
        user_id: w.csr,
        organisation_id: Some(w.company),
    };
    let notice = |at: i64| format!("redacted at {at}");
    let last = |kind: &'static str| {
        let db = w.db.clone();
        async move {
            let size = db.log_size().await.unwrap();
            let entries = db.log_entries(0, size).await.unwrap();
            entries
                .into_iter()
                .rev()
                .find(|e| e.kind == kind)
                .unwrap()
                .index
        }
    };
    let redact = |entry: u64, field: &'static str| {
        let db = w.db.clone();
        async move {
            db.redact_disclosure(entry, field, RedactionGround::ErasureRequest, &notice)
                .await
                .unwrap()
                .unwrap();
            db.disclosures(&[entry])
                .await
                .unwrap()
                .into_iter()
                .find(|d| d.field == field)
                .unwrap()
                .redacted_at
                .unwrap()
        }
    };

    // A notice decided with reasons naming someone.
    let (id, _) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
    w.db.publish_notice(id, "Solar roofs by a company", w.db.now() + 60, convener)
        .await
        .unwrap();
    let published = w.db.notice_of(id).await.unwrap().unwrap();
    w.db.decide_notice(
        &published,
        NoticeOutcome::Original,
        None,
        "Eli Katz vouched for the company",
        convener,
    )
    .await
    .unwrap();
    let at = redact(last("notice-decided").await, "reasons").await;
    assert_eq!(
        w.db.notice_of(id).await.unwrap().unwrap().outcome_reasons,
        Some(notice(at))
    );
    let history = w.db.events(id, 100).await.unwrap();
    let decided = history.iter().find(|e| e.kind == "notice-decided").unwrap();
    assert_eq!(
        decided.detail.as_deref(),
        Some(
            format!(
                "notice:{} outcome:original reasons: {}",
                published.id,
                notice(at)
            )
            .as_str()
        )
    );

    // A gift of the company, through the whole procedure.
    let donation =
        w.db.register_donation(
            &NewDonation {
                locality_id: w.locality,
                donor_organisation_id: Some(w.company),
                donor_name: "Solar Ltd, by Eli Katz".into(),
                kind: DonationKind::Money,
                value_agorot: Some(100_000),
                purpose: "Trees".into(),
                initiative_id: None,
            },
            convener,
        )
        .await
        .unwrap();
    for action in [
        DonationAction::Check {
            check: "Eli Katz has no tender pending".into(),
            recommendation: Recommendation::Accept,
        },
        DonationAction::Decide {
            decision: HeadDecision::Accept,
            reasons: Some("As Eli Katz asked".into()),
        },
        DonationAction::Report {
            report: "Reported, with thanks to Eli Katz".into(),
        },
    ] {
        let gift = w.db.donation(donation).await.unwrap().unwrap();
        w.db.donation_step(&gift, &action, convener).await.unwrap();
    }
    let registered = last("donation-registered").await;
    let donor = redact(registered, "donor").await;
    let check = redact(last("donation-checked").await, "check").await;
    let reasons = redact(last("donation-decided").await, "reasons").await;
    let report = redact(last("donation-reported").await, "report").await;
    let gift = w.db.donation(donation).await.unwrap().unwrap();
    assert_eq!(gift.donor_name, notice(donor));
    assert_eq!(
        gift.donor_organisation_id, None,
        "the donor's link goes too"
    );
    assert_eq!(gift.committee_check, Some(notice(check)));
    assert_eq!(gift.head_reasons, Some(notice(reasons)));
    assert_eq!(gift.council_report, Some(notice(report)));
    assert_eq!(gift.purpose, "Trees", "the purpose was not redacted");
}
