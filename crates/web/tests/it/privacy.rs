//! What the public record withholds, through the API and the pages: who applied to an open
//! call is sealed until the award opens it on the record; people are named by pseudonym, and
//! names, reasons and other free text are shown beside the entries, where a redaction erases
//! them without the record changing; a decided call's page shows the results its award
//! published, not a second copy computed from the tables.

use serde_json::{Value, json};
use shutaf_domain::disclosure::{RedactionGround, commitment};
use shutaf_store::Acting;
use shutaf_store::calls::NewCall;
use shutaf_testkit::TestApp;

use crate::support::{Story, pass_deadline, story};

/// A call of the story's city whose applications close `seconds` from now, published; with the convener's
/// coordinator as its evaluator. Gives its id.
async fn closing_call(s: &Story, seconds: i64) -> (i64, i64) {
    let app = &s.app;
    let coordinator = app
        .db
        .user_by_email("coordinator@city.example")
        .await
        .unwrap()
        .unwrap()
        .id;
    let by_city = Acting {
        user_id: coordinator,
        organisation_id: Some(s.city),
    };
    let id = app
        .db
        .create_call(
            &NewCall {
                locality_id: s.locality,
                lang: "en".into(),
                title: "Shade for schoolyards".into(),
                purpose: "Cooler schoolyards".into(),
                sought: "Design and planting".into(),
                eligibility: "Anyone".into(),
                deadline_at: app.db.now() + seconds,
                criteria: vec![("Impact".into(), None, 60), ("Cost".into(), None, 40)],
                evaluator_ids: vec![coordinator],
                ..NewCall::default()
            },
            by_city,
        )
        .await
        .unwrap();
    app.db.publish_call(id, by_city).await.unwrap();
    (id, coordinator)
}

async fn entries(app: &TestApp) -> Value {
    reqwest::get(app.url("/api/v1/log/entries?start=0&end=1000"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_open_calls_applicants_are_sealed_until_the_award_opens_them() {
    let s = story().await;
    let app = &s.app;
    let (call, _) = closing_call(&s, 3_600).await;
    let csr = app.api_token("csr@company.example", "write").await;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));

    let response = client
        .post(api(&format!("/calls/{call}/applications")))
        .bearer_auth(&csr)
        .json(&json!({ "organisation_id": s.company, "summary": "Solar shade sails", "proposal": "Sails over every yard" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let application = response.json::<Value>().await.unwrap()["application_id"]
        .as_i64()
        .unwrap();

    // On the record, the application is there and on time, but who sent it is not: neither
    // the organisation's id nor its name, in the entries, the record page or its feed.
    let log = entries(app).await;
    let received: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "application-received")
        .collect();
    assert_eq!(received.len(), 1);
    let entry = received[0];
    assert_eq!(entry["organisation_id"], Value::Null);
    assert_eq!(entry["person"], Value::Null);
    assert_eq!(
        entry["detail"],
        format!("call:{call} application:{application}")
    );
    assert_eq!(entry["commitments"][0]["field"], "applicant");
    assert_eq!(
        entry["disclosures"],
        json!([]),
        "a sealed text is never shown"
    );
    let text = log.to_string();
    assert!(
        !text.contains(&format!("organisation:{}", s.company)),
        "{text}"
    );
    assert!(
        !text.contains(&format!("\"organisation_id\":{}", s.company)),
        "{text}"
    );
    assert!(!text.contains("סולאר"), "{text}");
    let visitor = app.client();
    for page in [
        format!("/localities/{}/record", s.locality),
        format!("/localities/{}/record.atom", s.locality),
    ] {
        let (status, html) = app.get(&visitor, &page).await;
        assert_eq!(status, 200, "{page}");
        assert!(
            html.contains(&format!("application:{application}")),
            "{page}"
        );
        assert!(
            !html.contains("סולאר"),
            "{page} names the applicant: {html}"
        );
    }

    // After the deadline the convener declares and awards; the award opens who applied.
    pass_deadline(app, call).await;
    let response = client
        .post(api(&format!("/calls/{call}/declarations")))
        .bearer_auth(&coordinator)
        .json(&json!({ "has_interests": false }))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let response = client
        .post(api(&format!("/calls/{call}/award")))
        .bearer_auth(&coordinator)
        .json(&json!({ "application_id": application, "reasons": "The only proposal, and a good one" }))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let log = entries(app).await;
    let award = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "call-awarded")
        .unwrap();
    let opening = &award["openings"][0];
    assert_eq!(opening["field"], "applicant");
    let opened = format!(
        "call:{call} application:{application} organisation:{}",
        s.company
    );
    assert_eq!(opening["text"], opened);
    // Anyone can check the opening against the commitment the application made.
    let salt: [u8; 32] = hex::decode(opening["salt"].as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(
        hex::encode(commitment("applicant", &salt, &opened)),
        entry["commitments"][0]["hash"].as_str().unwrap()
    );
    // The award names the convener's staff member by pseudonym, never by name.
    let pseudonym = award["person"].as_str().unwrap();
    assert!(pseudonym.starts_with("p-"), "{pseudonym}");
    assert_eq!(
        award["disclosures"][0]["text"],
        "The only proposal, and a good one"
    );
    let (_, html) = app
        .get(&visitor, &format!("/localities/{}/record", s.locality))
        .await;
    assert!(html.contains(&opened), "the record shows the opening");
}

#[tokio::test]
async fn a_redaction_erases_the_text_beside_the_record_and_the_record_stays() {
    let s = story().await;
    let app = &s.app;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let csr = app.api_token("csr@company.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let id = client
        .post(api("/initiatives"))
        .bearer_auth(&csr)
        .json(&json!({ "locality_id": s.locality, "initiator_organisation_id": s.company, "titles": { "en": "Idea" }, "model": "green-economy", "management": "joint" }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    client
        .post(api(&format!("/initiatives/{id}/engage")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap();
    let reason = "Dana Levi of the company called the mayor at home";
    let response = client
        .post(api(&format!("/initiatives/{id}/stage")))
        .bearer_auth(&coordinator)
        .json(&json!({ "to": "declined", "reason": reason }))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let before = entries(app).await;
    let declined = before
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "stage-declined")
        .unwrap()
        .clone();
    assert_eq!(declined["disclosures"][0]["text"], reason);
    let index = declined["index"].as_u64().unwrap();
    let head = app.db.log_head().await.unwrap();
    let visitor = app.client();
    let record = format!("/localities/{}/record", s.locality);
    let (_, html) = app.get(&visitor, &record).await;
    assert!(html.contains("Dana Levi"), "shown until redacted");

    let notice = |at: i64| {
        shutaf_web::i18n::Tr::new(shutaf_domain::Language::He)
            .redaction(at, Some(RedactionGround::ErasureRequest))
    };
    let redaction = app
        .db
        .redact_disclosure(index, "reasons", RedactionGround::ErasureRequest, &notice)
        .await
        .unwrap()
        .unwrap();
    // Once only, and never a sealed text or a field the entry does not withhold.
    assert!(
        app.db
            .redact_disclosure(index, "reasons", RedactionGround::ErasureRequest, &notice)
            .await
            .unwrap()
            .is_err()
    );
    assert!(
        app.db
            .redact_disclosure(index, "donor", RedactionGround::Correction, &notice)
            .await
            .unwrap()
            .is_err()
    );

    // The text is gone from the entries, the record page and its feed; the redaction shows.
    let after = entries(app).await;
    assert!(!after.to_string().contains("Dana Levi"), "{after}");
    let entry = &after[index as usize];
    assert_eq!(entry["disclosures"][0]["text"], Value::Null);
    assert_eq!(entry["disclosures"][0]["salt"], Value::Null);
    assert_eq!(
        entry["disclosures"][0]["redaction_ground"],
        "erasure-request"
    );
    // The entry itself is unchanged: same fields, same commitment, same hash.
    for field in ["canonical", "leaf_hash", "commitments", "detail", "person"] {
        assert_eq!(entry[field], declined[field], "{field}");
    }
    // The log grew by the redaction, and the earlier head is a prefix of it.
    let new_head = app.db.log_head().await.unwrap();
    assert_eq!(new_head.size, head.size + 1);
    let proof = app
        .db
        .log_consistency(head.size, new_head.size)
        .await
        .unwrap()
        .unwrap();
    assert!(shutaf_domain::merkle::verify_consistency(
        head.size,
        new_head.size,
        &head.root,
        &new_head.root,
        &proof
    ));
    let logged = &after[redaction as usize];
    assert_eq!(logged["kind"], "disclosure-redacted");
    assert_eq!(
        logged["detail"],
        format!("entry:{index} field:reasons ground:erasure-request")
    );
    assert_eq!(logged["person"], Value::Null, "a redaction names no person");
    assert_eq!(logged["organisation_id"], Value::Null);
    let tr = shutaf_web::i18n::Tr::new(shutaf_domain::Language::He);
    for page in [record.clone(), format!("{record}.atom")] {
        let (_, html) = app.get(&visitor, &page).await;
        assert!(!html.contains("Dana Levi"), "{page}: {html}");
        assert!(
            html.contains(&tr.t("redaction-erasure-request")),
            "{page} says why"
        );
    }
}

#[tokio::test]
async fn a_decided_calls_page_shows_the_results_its_award_published() {
    let s = story().await;
    let app = &s.app;
    let (call, coordinator_id) = closing_call(&s, 3_600).await;
    let ngo = app.api_token("ngo@ngo.example", "write").await;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let application = client
        .post(api(&format!("/calls/{call}/applications")))
        .bearer_auth(&ngo)
        .json(&json!({ "organisation_id": s.ngo, "summary": "Trees", "proposal": "Trees and volunteers" }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["application_id"]
        .as_i64()
        .unwrap();
    pass_deadline(app, call).await;
    let declared = client
        .post(api(&format!("/calls/{call}/declarations")))
        .bearer_auth(&coordinator)
        .json(&json!({ "has_interests": false }))
        .send()
        .await
        .unwrap();
    assert!(declared.status().is_success());
    let criteria: Vec<i64> = app
        .db
        .call(call)
        .await
        .unwrap()
        .unwrap()
        .criteria
        .iter()
        .map(|c| c.id)
        .collect();
    let scored = client
        .post(api(&format!(
            "/calls/{call}/applications/{application}/scores"
        )))
        .bearer_auth(&coordinator)
        .json(&json!([
            { "criterion_id": criteria[0], "score": 9, "reason": "Shade for all" },
            { "criterion_id": criteria[1], "score": 8, "reason": "Affordable" }
        ]))
        .send()
        .await
        .unwrap();
    assert!(scored.status().is_success(), "{}", scored.status());
    let awarded = client
        .post(api(&format!("/calls/{call}/award")))
        .bearer_auth(&coordinator)
        .json(&json!({ "application_id": application, "reasons": "Best" }))
        .send()
        .await
        .unwrap();
    assert!(awarded.status().is_success(), "{}", awarded.status());
    // 9 × 60% + 8 × 40% → 86 of 100.
    let public: Value = client
        .get(api(&format!("/calls/{call}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public["results"][0]["total"], 86.0);

    // A score changed in its table behind the hub's back does not re-rank the call: its page
    // and API show what the award published (`shutaf verify` reports the table).
    sqlx::query("UPDATE call_scores SET score = 1 WHERE application_id = $1 AND evaluator_id = $2")
        .bind(application)
        .bind(coordinator_id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let public: Value = client
        .get(api(&format!("/calls/{call}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public["results"][0]["total"], 86.0);
    assert_eq!(public["results"][0]["rank"], 1);
    let (_, html) = app.get(&app.client(), &format!("/calls/{call}")).await;
    assert!(html.contains("86.0"), "the page shows the published total");
}
