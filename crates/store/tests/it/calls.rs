//! An open call from draft through applications, evaluation and award to the initiative it
//! starts.

use shutaf_store::{Acting, StoreError};

use crate::support::{last_entry, proposal, world};

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
        deadline_at: w.db.now() + 3600,
        criteria: vec![
            ("Impact".into(), None, 60),
            ("Cost".into(), Some("Value".into()), 40),
        ],
        goal_ids: vec![w.goal],
        evaluator_ids: vec![w.coordinator],
        invite: Vec::new(),
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
    w.db.clock.advance(3600);
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
    let award = last_entry(&w.db).await;
    assert_eq!(award.kind, "call-awarded");
    let detail = award.detail.unwrap();
    assert!(
        detail.contains(&format!("results: application:{company_app} total:"))
            && detail.contains(" rank:1; application:"),
        "{detail}"
    );
    // Its reasons beside it; and it opens who applied, which the applications sealed.
    let beside = w.db.disclosures(&[award.index]).await.unwrap();
    assert_eq!(beside[0].field, "reasons");
    assert_eq!(beside[0].text.as_deref(), Some("Best value"));
    let applicants: Vec<&str> = award
        .openings
        .iter()
        .filter(|o| o.field == "applicant")
        .map(|o| o.text.as_str())
        .collect();
    assert_eq!(applicants.len(), 2, "{applicants:?}");
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
    let facts = w.db.facts(id, w.db.now()).await.unwrap().unwrap();
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
async fn an_applications_five_files_hold_when_uploads_come_at_once() {
    use shutaf_store::calls::{NewAttachment, NewCall};
    let w = world().await;
    let convener = Acting {
        user_id: w.coordinator,
        organisation_id: Some(w.city),
    };
    let csr = Acting {
        user_id: w.csr,
        organisation_id: Some(w.company),
    };
    let new = NewCall {
        locality_id: w.locality,
        lang: "en".into(),
        title: "Bins".into(),
        purpose: "Fewer bins overflowing".into(),
        sought: "A partner".into(),
        eligibility: "Anyone".into(),
        deadline_at: w.db.now() + 3600,
        criteria: vec![("Impact".into(), None, 100)],
        goal_ids: vec![w.goal],
        evaluator_ids: vec![w.coordinator],
        invite: Vec::new(),
    };
    let call_id = w.db.create_call(&new, convener).await.unwrap();
    w.db.publish_call(call_id, convener).await.unwrap();
    // An application with two files, kept with it in one transaction.
    let pdf = b"%PDF-1.4 a plan".as_slice();
    let file = NewAttachment {
        file_name: "plan.pdf",
        content_type: "application/pdf",
        bytes: pdf,
    };
    let application =
        w.db.apply_to_call_with_files(call_id, w.company, "Bins", "We collect", &[file, file], csr)
            .await
            .unwrap();
    // Sixteen single uploads at once: three fit, the database refuses the rest.
    let uploads = (0..16).map(|_| {
        let db = w.db.clone();
        tokio::spawn(async move {
            let file = NewAttachment {
                file_name: "more.pdf",
                content_type: "application/pdf",
                bytes: b"%PDF-1.4 more",
            };
            db.add_attachments(call_id, Some(application), &[file], csr)
                .await
        })
    });
    let mut kept = 0;
    for upload in uploads {
        match upload.await.unwrap() {
            Ok(ids) => kept += ids.len(),
            Err(StoreError::LimitReached) => {}
            Err(other) => panic!("{other:?}"),
        }
    }
    assert_eq!(kept, 3);
    let files = w.db.attachments(call_id).await.unwrap();
    assert_eq!(
        files
            .iter()
            .filter(|a| a.application_id == Some(application))
            .count(),
        5
    );
    // Past the limit in one go: nothing of the batch is kept; the schema's check is the backstop.
    let six = [file; 6];
    let other =
        w.db.apply_to_call_with_files(call_id, w.ngo, "x", "y", &six, csr)
            .await;
    assert!(matches!(other, Err(StoreError::LimitReached)), "{other:?}");
    assert_eq!(w.db.applications(call_id).await.unwrap().len(), 1);
    let direct = sqlx::query("UPDATE call_applications SET attachment_count = 6 WHERE id = $1")
        .bind(application)
        .execute(&w.db.pool)
        .await;
    assert!(direct.is_err(), "the database itself keeps the limit");
}
