//! Open calls, through the API and the pages: from draft to publication, applications with their
//! files, declarations and recusals, scoring, the award and the initiative it starts; a call
//! rerun and one cancelled; the public results.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shutaf_domain::Language;
use shutaf_store::NewLocality;
use shutaf_testkit::app::files_only;
use shutaf_testkit::{TestApp, location};
use shutaf_web::i18n::Tr;

use crate::support::{
    accept_evaluation, city, en, field_errors, local_in_days, pass_deadline, refusal, story,
};

#[tokio::test]
async fn an_open_call_through_the_api_from_draft_to_initiative() {
    let s = story().await;
    let app = &s.app;
    for (email, name) in [
        ("eval1@example.org", "Evaluator One"),
        ("eval2@example.org", "Evaluator Two"),
    ] {
        let id = app.person(email).await;
        app.db.update_profile(id, name, None).await.unwrap();
    }
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let ngo = app.api_token("ngo@ngo.example", "write").await;
    let csr = app.api_token("csr@company.example", "write").await;
    let eval1 = app.api_token("eval1@example.org", "write").await;
    let eval2 = app.api_token("eval2@example.org", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let calls = api(&format!("/localities/{}/calls", s.locality));

    let deadline = local_in_days(30);
    let mut draft = json!({
        "lang": "en", "title": "Shade for schoolyards", "purpose": "Cooler schoolyards in summer",
        "sought": "Design and planting", "eligibility": "Any organisation working in the town",
        "deadline_local": deadline,
        "criteria": [{ "name": "Impact", "weight": 60 }, { "name": "Cost", "description": "Value for money", "weight": 40 }],
        "goal_ids": [s.goal], "evaluator_emails": ["eval1@example.org", "Eval2@example.org"]
    });

    // Nobody without a token, and nobody outside the convener, writes calls.
    let response = client.post(&calls).json(&draft).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "unauthenticated"
    );
    let response = client
        .post(&calls)
        .bearer_auth(&csr)
        .json(&draft)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "forbidden"
    );
    // Weights that do not add up to 100, and a deadline in another format, are named.
    let mut wrong = draft.clone();
    wrong["criteria"][1]["weight"] = json!(30);
    wrong["deadline_local"] = json!("31/12/2030 12:00");
    let errors = field_errors(
        client
            .post(&calls)
            .bearer_auth(&coordinator)
            .json(&wrong)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        errors.contains(&("criteria".into(), "error-weights-sum".into()))
            && errors.contains(&("deadline_local".into(), "error-deadline-format".into())),
        "{errors:?}"
    );
    // An evaluator that is not an address (a NUL byte, which PostgreSQL refuses in text, or
    // no @) is named, not looked up; and more than a call can have are refused at once.
    for evaluators in [
        json!(["eval1@example.org", "eval\u{0}2@example.org"]),
        json!(["not an address"]),
        json!(
            (0..21)
                .map(|i| format!("e{i}@example.org"))
                .collect::<Vec<_>>()
        ),
    ] {
        let mut wrong = draft.clone();
        wrong["evaluator_emails"] = evaluators;
        let response = client
            .post(&calls)
            .bearer_auth(&coordinator)
            .json(&wrong)
            .send()
            .await
            .unwrap();
        let errors = field_errors(response).await;
        assert!(
            errors.iter().any(|(field, _)| field == "evaluator_emails"),
            "{errors:?}"
        );
    }

    let response = client
        .post(&calls)
        .bearer_auth(&coordinator)
        .json(&draft)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["status"], "draft");
    assert_eq!(created["phase"], "draft");
    let deadline_at = shutaf_domain::call::parse_deadline(&deadline).unwrap();
    assert_eq!(created["deadline_at"], deadline_at);
    assert_eq!(created["deadline_local"], deadline);
    assert_eq!(
        created["deadline"],
        shutaf_domain::call::rfc3339(deadline_at)
    );
    assert!(
        created["deadline"]
            .as_str()
            .unwrap()
            .starts_with(&deadline[..16]),
        "RFC 3339 in Israel's time"
    );
    assert_eq!(created["criteria"][0]["weight"], 60);
    assert_eq!(created["criteria"][1]["description"], "Value for money");
    assert_eq!(created["goals"][0]["id"], s.goal);
    // Evaluators are asked, not added: nobody learns whether an address has an account, and
    // each evaluates once they accept the mailed invitation.
    assert_eq!(created["evaluators"], json!([]));
    assert_eq!(
        created["invited_evaluators"],
        json!(["eval1@example.org", "eval2@example.org"])
    );
    for (email, token) in [("eval1@example.org", &eval1), ("eval2@example.org", &eval2)] {
        // Someone else's account cannot accept an invitation sent to this address.
        let mail = app.smtp.wait_for(email, "/evaluations/").await;
        let secret = mail.link(&app.url("/evaluations/")).unwrap();
        let secret = secret.rsplit('/').next().unwrap();
        let response = client
            .post(api(&format!("/evaluator-invitations/{secret}/accept")))
            .bearer_auth(&csr)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(accept_evaluation(app, email, token).await, id);
    }
    let accepted: Value = client
        .get(api(&format!("/calls/{id}")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        accepted["evaluators"],
        json!(["Evaluator One", "Evaluator Two"])
    );
    assert!(accepted.get("invited_evaluators").is_none());

    // A draft is the convener's: hidden from the public, listed for its staff.
    let public_list: Value = client
        .get(&calls)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public_list["items"], json!([]));
    let staff_list: Value = client
        .get(format!("{calls}?limit=5"))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(staff_list["items"][0]["id"], id);
    assert_eq!(staff_list["limit"], 5);
    assert_eq!(
        client
            .get(api(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    draft["title"] = json!("Shade for every schoolyard");
    let updated: Value = client
        .put(api(&format!("/calls/{id}")))
        .bearer_auth(&coordinator)
        .json(&draft)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(updated["title"], "Shade for every schoolyard");
    // Rewriting a draft rewrites its criteria: score by the ids it has now.
    let impact = updated["criteria"][0]["id"].as_i64().unwrap();
    let cost = updated["criteria"][1]["id"].as_i64().unwrap();

    // The convener attaches the call's terms, as multipart/form-data.
    let terms: &[u8] = b"%PDF-1.4\n% the terms of the call\n%%EOF\n";
    let (content_type, body) = files_only(&[("terms.pdf", terms)]);
    let response = client
        .post(api(&format!("/calls/{id}/documents")))
        .bearer_auth(&coordinator)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let documents: Value = response.json().await.unwrap();
    assert_eq!(documents[0]["file_name"], "terms.pdf");
    assert_eq!(documents[0]["content_type"], "application/pdf");
    let terms_id = documents[0]["id"].as_i64().unwrap();

    let published: Value = client
        .post(api(&format!("/calls/{id}/publish")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(published["status"], "open");
    assert_eq!(published["phase"], "accepting");
    let response = client
        .put(api(&format!("/calls/{id}")))
        .bearer_auth(&coordinator)
        .json(&draft)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "a published call stays as published"
    );
    let public_list: Value = client
        .get(&calls)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public_list["items"][0]["phase"], "accepting");

    // Two organisations apply; nobody applies for an organisation they do not manage.
    let apply = |token: &str, org: i64, summary: &str| {
        client
            .post(api(&format!("/calls/{id}/applications")))
            .bearer_auth(token.to_owned())
            .json(&json!({ "organisation_id": org, "summary": summary, "proposal": format!("{summary}: the full proposal") }))
            .send()
    };
    let errors = field_errors(apply(&csr, s.ngo, "Not ours").await.unwrap()).await;
    assert_eq!(
        errors,
        vec![(
            "organisation_id".to_owned(),
            "error-organisation-managed".to_owned()
        )]
    );
    let response = apply(&ngo, s.ngo, "Trees and volunteers").await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let ngo_application = response.json::<Value>().await.unwrap()["application_id"]
        .as_i64()
        .unwrap();
    let response = apply(&csr, s.company, "Solar shade sails").await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let company_application = response.json::<Value>().await.unwrap()["application_id"]
        .as_i64()
        .unwrap();
    assert_ne!(ngo_application, company_application);

    // The NGO attaches its plan; a web page calling itself a PDF, and a file over 5 MB, are
    // refused with the reason; a 3 MB plan passes the request size limit.
    let attachments = api(&format!(
        "/calls/{id}/applications/{ngo_application}/attachments"
    ));
    let upload = |token: &str, files: &[(&str, &[u8])]| {
        let (content_type, body) = files_only(files);
        client
            .post(&attachments)
            .bearer_auth(token.to_owned())
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let plan: &[u8] = b"%PDF-1.7\n% the planting plan\n%%EOF\n";
    let response = upload(&ngo, &[("plan.pdf", plan)]).await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let files: Value = response.json().await.unwrap();
    assert_eq!(files.as_array().unwrap().len(), 1);
    assert_eq!(files[0]["file_name"], "plan.pdf");
    let plan_id = files[0]["id"].as_i64().unwrap();
    let html: &[u8] = b"<!doctype html><script>alert(1)</script>";
    assert_eq!(
        field_errors(upload(&ngo, &[("evil.pdf", html)]).await.unwrap()).await,
        vec![("attachments".to_owned(), "error-attachment-type".to_owned())]
    );
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(3 * 1024 * 1024, b'x');
    let response = upload(&ngo, &[("annex.pdf", &big)]).await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(
        response
            .json::<Value>()
            .await
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let mut huge = b"%PDF-1.7\n".to_vec();
    huge.resize(shutaf_domain::call::MAX_ATTACHMENT_BYTES + 1, b'x');
    assert_eq!(
        field_errors(upload(&ngo, &[("huge.pdf", &huge)]).await.unwrap()).await,
        vec![(
            "attachments".to_owned(),
            "error-attachment-too-large".to_owned()
        )]
    );
    assert_eq!(
        upload(&csr, &[("plan.pdf", plan)]).await.unwrap().status(),
        StatusCode::FORBIDDEN,
        "only the applicant's managers attach to its application"
    );

    // Declarations: the first evaluator is a member of the NGO and steps aside from it.
    let declare = |token: &str, declaration: Value| {
        client
            .post(api(&format!("/calls/{id}/declarations")))
            .bearer_auth(token.to_owned())
            .json(&declaration)
            .send()
    };
    let declared: Value = declare(
        &eval1,
        json!({ "has_interests": true, "ties": [{ "organisation_id": s.ngo, "relation": "member" }] }),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(declared["recused_from"], json!([s.ngo]));
    for token in [&eval2, &coordinator] {
        let declared: Value = declare(token, json!({ "has_interests": false }))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(declared["recused_from"], json!([]));
    }
    assert_eq!(
        declare(&csr, json!({ "has_interests": false }))
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN,
        "only evaluators and the convener's staff declare on a call"
    );

    let scores_of =
        |application: i64| api(&format!("/calls/{id}/applications/{application}/scores"));
    let score = |token: &str, application: i64, impact_score: i64, cost_score: i64| {
        client
            .post(scores_of(application))
            .bearer_auth(token.to_owned())
            .header("accept-language", "en")
            .json(&json!([
                { "criterion_id": impact, "score": impact_score, "reason": format!("impact {impact_score} for {application}") },
                { "criterion_id": cost, "score": cost_score, "reason": format!("cost {cost_score} for {application}") }
            ]))
            .send()
    };
    let (status, message) = refusal(score(&eval2, ngo_application, 9, 8).await.unwrap()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        message,
        en("refused-call-still-open"),
        "no scoring before the deadline"
    );

    pass_deadline(app, id).await;

    // Late is late: no application and no attachment after the deadline.
    let (status, message) = refusal(apply(&csr, s.company, "Late").await.unwrap()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        message,
        shutaf_web::i18n::Tr::new(Language::He).t("refused-call-closed")
    );
    assert_eq!(
        upload(&ngo, &[("late.pdf", plan)]).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );

    // The evaluator tied to the NGO is refused its application, and the recusal is public.
    let (status, message) = refusal(score(&eval1, ngo_application, 10, 10).await.unwrap()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(message, en("refused-recused"));
    assert_ne!(message, en("refused-undeclared"));
    let again: Value = score(&eval1, ngo_application, 10, 10)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again["error"]["code"], "recused", "programs can tell why");
    // Until the award only the convener's staff and the evaluators see from whom: the
    // public sees that someone stepped aside, not from which applicant.
    let public: Value = client
        .get(api(&format!("/calls/{id}/declarations")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public["sealed"], true, "{public}");
    assert_eq!(public["recusals"], json!([]), "{public}");
    assert_eq!(public["sealed_recusals"], 1, "{public}");
    let record: Value = client
        .get(api(&format!("/calls/{id}/declarations")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(record["sealed"], false, "{record}");
    let recusals = record["recusals"].as_array().unwrap();
    assert_eq!(recusals.len(), 1, "{record}");
    assert_eq!(recusals[0]["organisation_id"], s.ngo);
    assert_eq!(recusals[0]["person"], "Evaluator One");
    assert_eq!(record["declarations"].as_array().unwrap().len(), 3);
    let tied = record["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["person"] == "Evaluator One")
        .unwrap();
    assert_eq!(tied["ties"][0]["organisation_id"], s.ngo);
    assert_eq!(tied["ties"][0]["relation"], "member");

    // A score out of range is named at its field; then the clear evaluators score.
    assert_eq!(
        field_errors(score(&eval2, ngo_application, 11, 8).await.unwrap()).await,
        vec![(format!("score_{impact}"), "error-score-range".to_owned())]
    );
    for (token, application, a, b) in [
        (&eval2, ngo_application, 9, 8),
        (&eval2, company_application, 5, 5),
        (&eval1, company_application, 6, 6),
    ] {
        let response = score(token, application, a, b).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{application}");
    }

    // Before the award the public sees neither who applied nor any score.
    let response = client
        .get(api(&format!("/calls/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    let anonymous: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(anonymous["phase"], "evaluating");
    assert_eq!(anonymous["application_count"], 2);
    assert_eq!(anonymous["applications"], json!([]));
    assert_eq!(anonymous["results"], Value::Null);
    assert!(!text.contains("impact 9"), "no score reasons leak");
    assert_eq!(anonymous["documents"][0]["id"], terms_id);
    // The NGO sees its own application in full, and no scores yet.
    let own: Value = client
        .get(api(&format!("/calls/{id}")))
        .bearer_auth(&ngo)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(own["applications"].as_array().unwrap().len(), 1);
    assert_eq!(own["applications"][0]["id"], ngo_application);
    assert_eq!(
        own["applications"][0]["proposal"],
        "Trees and volunteers: the full proposal"
    );
    assert_eq!(
        own["applications"][0]["attachments"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(own["applications"][0]["scores"], json!([]));
    assert_eq!(own["results"], Value::Null);
    // An evaluator sees every application in full, and only their own scores.
    let evaluator: Value = client
        .get(api(&format!("/calls/{id}")))
        .bearer_auth(&eval1)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(evaluator["applications"].as_array().unwrap().len(), 2);
    assert!(evaluator["applications"][0]["proposal"].is_string());
    let company_scores = evaluator["applications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == company_application)
        .unwrap()["scores"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(company_scores.len(), 2);
    assert!(
        company_scores
            .iter()
            .all(|s| s["evaluator"] == "Evaluator One")
    );
    // The convener's staff see the results, best first.
    let staff: Value = client
        .get(api(&format!("/calls/{id}")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(staff["results"][0]["application_id"], ngo_application);
    // 9 × 60% + 8 × 40% on a scale of 10 → 86 of 100; the company: 5.5 on both → 55.
    assert_eq!(staff["results"][0]["total"], 86.0);
    assert_eq!(staff["results"][1]["total"], 55.0);
    assert_eq!(staff["results"][1]["complete_evaluations"], 2);
    // An application's files go only to those who may see it; the call's terms to all.
    assert_eq!(
        client
            .get(api(&format!("/attachments/{plan_id}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    let response = client
        .get(api(&format!("/attachments/{plan_id}")))
        .bearer_auth(&ngo)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(response.bytes().await.unwrap().as_ref(), plan);
    let response = client
        .get(api(&format!("/attachments/{terms_id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.bytes().await.unwrap().as_ref(), terms);

    // The award: not by an applicant; by the declared convener, with reasons.
    let award = json!({ "application_id": ngo_application, "reasons": "The highest score and a strong volunteer base" });
    assert_eq!(
        client
            .post(api(&format!("/calls/{id}/award")))
            .bearer_auth(&csr)
            .json(&award)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    let errors = field_errors(
        client
            .post(api(&format!("/calls/{id}/award")))
            .bearer_auth(&coordinator)
            .json(&json!({ "application_id": ngo_application, "reasons": " " }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        errors,
        vec![("reasons".to_owned(), "error-required".to_owned())]
    );
    let awarded: Value = client
        .post(api(&format!("/calls/{id}/award")))
        .bearer_auth(&coordinator)
        .json(&award)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(awarded["status"], "awarded");
    assert_eq!(awarded["awarded_application_id"], ngo_application);

    // Now everyone sees who applied, the scores with their reasons and the results.
    let public: Value = client
        .get(api(&format!("/calls/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public["phase"], "awarded");
    assert_eq!(
        public["outcome_reasons"],
        "The highest score and a strong volunteer base"
    );
    let applications = public["applications"].as_array().unwrap();
    assert_eq!(applications.len(), 2);
    let winner = applications
        .iter()
        .find(|a| a["id"] == ngo_application)
        .unwrap();
    assert_eq!(winner["summary"], "Trees and volunteers");
    assert!(!winner["organisation"].as_str().unwrap().is_empty());
    assert_eq!(
        winner["proposal"],
        Value::Null,
        "the proposal stays private"
    );
    assert_eq!(winner["attachments"], json!([]));
    let reasons: Vec<&str> = winner["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        vec![
            format!("impact 9 for {ngo_application}"),
            format!("cost 8 for {ngo_application}")
        ]
    );
    assert_eq!(public["results"][0]["application_id"], ngo_application);
    assert_eq!(public["results"][0]["rank"], 1);

    // The awarded call becomes an initiative with the NGO as its partner, once.
    let start = || {
        client
            .post(api(&format!("/calls/{id}/initiative")))
            .bearer_auth(&coordinator)
            .send()
    };
    let response = start().await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let initiative = response.json::<Value>().await.unwrap()["initiative_id"]
        .as_i64()
        .unwrap();
    assert_eq!(start().await.unwrap().status(), StatusCode::FORBIDDEN);
    let body: Value = client
        .get(api(&format!("/initiatives/{initiative}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["title"], "Shade for every schoolyard");
    assert!(
        body["partners"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["organisation_id"] == s.ngo && p["status"] == "active"),
        "{body}"
    );
    let integrity: Value = client
        .get(api(&format!("/initiatives/{initiative}/integrity")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(integrity["choice"], "open-call");
    assert_eq!(integrity["from_call_id"], id);
    let call: Value = client
        .get(api(&format!("/calls/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(call["initiative_id"], initiative);
}

#[tokio::test]
async fn a_call_is_rerun_and_cancelled_through_the_api() {
    let s = story().await;
    let app = &s.app;
    app.person("eval@example.org").await;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let csr = app.api_token("csr@company.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let draft = json!({
        "lang": "he", "title": "קריאה", "purpose": "מטרה", "sought": "מבוקש", "eligibility": "כולם",
        "deadline_local": local_in_days(10), "criteria": [{ "name": "איכות", "weight": 100 }],
        "evaluator_emails": ["eval@example.org"]
    });
    let created: Value = client
        .post(api(&format!("/localities/{}/calls", s.locality)))
        .bearer_auth(&coordinator)
        .json(&draft)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_i64().unwrap();
    client
        .post(api(&format!("/calls/{id}/publish")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap();
    let response = client
        .post(api(&format!("/calls/{id}/applications")))
        .bearer_auth(&csr)
        .json(
            &json!({ "organisation_id": s.company, "summary": "Sails", "proposal": "Shade sails" }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let rerun = |body: Value| {
        client
            .post(api(&format!("/calls/{id}/rerun")))
            .bearer_auth(&coordinator)
            .json(&body)
            .send()
    };
    let (status, message) = refusal(
        rerun(json!({ "deadline_local": local_in_days(20), "reasons": "Too few" }))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        message,
        shutaf_web::i18n::Tr::new(Language::He).t("refused-call-still-open")
    );
    pass_deadline(app, id).await;
    // Deciding on a call needs a declaration first.
    let (status, message) = refusal(
        rerun(json!({ "deadline_local": local_in_days(20), "reasons": "Too few" }))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        message,
        shutaf_web::i18n::Tr::new(Language::He).t("refused-undeclared")
    );
    client
        .post(api(&format!("/calls/{id}/declarations")))
        .bearer_auth(&coordinator)
        .json(&json!({ "has_interests": false }))
        .send()
        .await
        .unwrap();
    let errors = field_errors(
        rerun(json!({ "deadline_local": "2001-01-01T10:00", "reasons": "" }))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        errors,
        vec![
            (
                "deadline_local".to_owned(),
                "error-deadline-past".to_owned()
            ),
            ("reasons".to_owned(), "error-required".to_owned())
        ]
    );
    let rerun_to = local_in_days(20);
    let again: Value =
        rerun(json!({ "deadline_local": rerun_to, "reasons": "Too few applications" }))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(again["phase"], "accepting");
    assert_eq!(again["deadline_local"], rerun_to);
    assert_eq!(again["application_count"], 1, "the applications stay");

    pass_deadline(app, id).await;
    let cancelled: Value = client
        .post(api(&format!("/calls/{id}/cancel")))
        .bearer_auth(&coordinator)
        .json(&json!({ "reasons": "The budget was cut" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(cancelled["status"], "cancelled");
    let public: Value = client
        .get(api(&format!("/calls/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public["phase"], "cancelled");
    assert_eq!(public["outcome_reasons"], "The budget was cut");
    assert_eq!(
        public["applications"][0]["summary"], "Sails",
        "who applied is public once the call has ended"
    );
    assert_eq!(
        client
            .post(api(&format!("/calls/{id}/initiative")))
            .bearer_auth(&coordinator)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN,
        "only an awarded call becomes an initiative"
    );
}

#[tokio::test]
async fn a_call_through_the_pages_from_draft_to_public_results() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tr = Tr::new(Language::He);
    let coordinator = app.signed_in("coordinator@city.example").await;
    let csr = app.signed_in("csr@company.example").await;
    let ngo = app.signed_in("ngo@ngo.example").await;
    let evaluator_a = app.signed_in("evaluator-a@city.example").await;
    let evaluator_b = app.signed_in("evaluator-b@city.example").await;
    let visitor = app.client();
    let new = format!("/localities/{}/calls/new", c.locality);
    let create = format!("/localities/{}/calls", c.locality);
    let deadline = shutaf_domain::call::local_input(app.db.now() + 86_400);

    // Only the convener's staff write calls.
    assert_eq!(app.get(&csr, &new).await.0, StatusCode::FORBIDDEN);
    let mut fields = vec![
        ("lang", "en"),
        ("title", "Community solar"),
        ("purpose", "Solar on the community centre"),
        ("sought", "An installer"),
        ("eligibility", "Anyone"),
        ("deadline", deadline.as_str()),
        ("criterion_name", "Impact"),
        ("criterion_description", ""),
        ("criterion_weight", "60"),
        ("criterion_name", "Cost"),
        ("criterion_description", "Value for money"),
        ("criterion_weight", "30"),
        (
            "evaluators",
            "evaluator-a@city.example, evaluator-b@city.example",
        ),
    ];
    let response = app.post(&coordinator, &new, &create, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains(&tr.t("error-weights-sum")));
    assert!(html.contains("Value for money"), "what was typed is kept");
    fields[11] = ("criterion_weight", "40");
    let response = app.post(&coordinator, &new, &create, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = location(&response);
    let id: i64 = page.trim_start_matches("/calls/").parse().unwrap();
    // Each evaluator opens the mailed invitation and accepts it on the page.
    for (email, evaluator) in [
        ("evaluator-a@city.example", &evaluator_a),
        ("evaluator-b@city.example", &evaluator_b),
    ] {
        let mail = app.smtp.wait_for(email, "/evaluations/").await;
        let link = mail.link(&app.url("/evaluations/")).unwrap();
        let path = link.trim_start_matches(&app.url(""));
        let (status, html) = app.get(evaluator, path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Community solar"));
        let response = app.post(evaluator, path, path, &[]).await;
        assert_eq!(location(&response), page, "{email} accepted");
    }
    // A draft is the convener's alone.
    assert_eq!(app.get(&visitor, &page).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        app.post(&coordinator, &page, &format!("{page}/publish"), &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let (status, html) = app.get(&visitor, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Community solar") && html.contains("60%"));

    // Two organisations apply; a file that is not what its name says is refused, and
    // nothing typed is lost.
    let company_id = c.company.to_string();
    let ngo_id = c.ngo.to_string();
    let applications = format!("{page}/applications");
    let response = app
        .upload(
            &ngo,
            &page,
            &applications,
            &[
                ("organisation", &ngo_id),
                ("summary", "Volunteers install"),
                ("proposal", "We organise"),
            ],
            &[("plan.pdf", b"<html><script>alert(1)</script>")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains(&tr.t("error-attachment-type")));
    assert!(html.contains("Volunteers install"));
    let response = app
        .upload(
            &ngo,
            &page,
            &applications,
            &[
                ("organisation", &ngo_id),
                ("summary", "Volunteers install"),
                ("proposal", "We organise"),
            ],
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let pdf: &[u8] = b"%PDF-1.4\n% a tiny plan\n";
    let response = app
        .upload(
            &csr,
            &page,
            &applications,
            &[
                ("organisation", &company_id),
                ("summary", "Panels at cost"),
                ("proposal", "Secret pricing"),
            ],
            &[("plan.pdf", pdf)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let attachment = app.db.attachments(id).await.unwrap()[0].id;
    let file = format!("/attachments/{attachment}");
    // An application's file is its organisation's, the evaluators' and the convener's.
    assert_eq!(app.get(&visitor, &file).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&ngo, &file).await.0, StatusCode::NOT_FOUND);
    let response = evaluator_b.get(app.url(&file)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers();
    assert_eq!(headers["content-type"], "application/pdf");
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("sandbox")
    );
    assert_eq!(response.bytes().await.unwrap().as_ref(), pdf);

    // Scoring waits for the deadline.
    let scores = format!("/calls/{id}/applications");
    let call = app.db.call(id).await.unwrap().unwrap();
    let (impact, cost) = (
        call.criteria[0].id.to_string(),
        call.criteria[1].id.to_string(),
    );
    let apps = app.db.applications(id).await.unwrap();
    let app_of = |org: i64| apps.iter().find(|a| a.organisation_id == org).unwrap().id;
    let score_form = |score: &'static str| {
        vec![
            ("criterion", impact.clone()),
            (format!("score_{impact}").leak() as &str, score.to_owned()),
            (
                format!("reason_{impact}").leak() as &str,
                format!("Impact is {score}"),
            ),
            ("criterion", cost.clone()),
            (format!("score_{cost}").leak() as &str, score.to_owned()),
            (
                format!("reason_{cost}").leak() as &str,
                format!("Cost is {score}"),
            ),
        ]
    };
    let post_scores = |client: &reqwest::Client, org: i64, score: &'static str| {
        let action = format!("{scores}/{}/scores", app_of(org));
        let form = score_form(score);
        let page = page.clone();
        let client = client.clone();
        let app = &app;
        async move {
            let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post(&client, &page, &action, &fields).await
        }
    };
    let response = post_scores(&evaluator_b, c.ngo, "7").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains(&tr.t("refused-call-still-open"))
    );
    pass_deadline(&app, id).await;
    let response = app
        .upload(
            &ngo,
            &page,
            &applications,
            &[
                ("organisation", &ngo_id),
                ("summary", "Late"),
                ("proposal", "Late"),
            ],
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "late is late");

    // Evaluators declare; one is tied to the company and steps aside from it.
    let declare = format!("{page}/declaration");
    let response = post_scores(&evaluator_b, c.ngo, "7").await;
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains(&tr.t("refused-undeclared"))
    );
    assert_eq!(
        app.post(
            &evaluator_a,
            &page,
            &declare,
            &[
                ("has_interests", "1"),
                ("tie_org", &company_id),
                ("tie_relation", "relative"),
                ("tie_org", &ngo_id),
                ("tie_relation", ""),
            ]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.post(&evaluator_b, &page, &declare, &[("has_interests", "0")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let response = post_scores(&evaluator_a, c.company, "9").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains(&tr.t("refused-recused"))
    );
    assert_eq!(
        post_scores(&evaluator_a, c.ngo, "8").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post_scores(&evaluator_b, c.ngo, "6").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post_scores(&evaluator_b, c.company, "5").await.status(),
        StatusCode::SEE_OTHER
    );
    let recusals = app
        .db
        .recusals(shutaf_store::integrity::Matter::Call(id))
        .await
        .unwrap();
    assert_eq!(recusals.len(), 1);
    assert_eq!(recusals[0].party.id, c.company);

    // Before the award the public sees neither scores nor proposals, nor whom the evaluator
    // stepped aside from (that would tell who applied): only that someone did. The convener's
    // staff see it all.
    let (_, html) = app.get(&visitor, &page).await;
    assert!(!html.contains("Impact is 8") && !html.contains("Secret pricing"));
    assert!(html.contains(&tr.t("recusals-title")) && !html.contains("Solar Ltd"));
    assert!(html.contains(&tr.count("call-recusals-sealed", "count", 1)));
    let (_, html) = app.get(&coordinator, &page).await;
    assert!(
        html.contains("Solar Ltd"),
        "the staff see the recusal's party"
    );

    // The convener decides only after declaring, and the award publishes everything.
    let award = format!("{page}/award");
    let ngo_application = app_of(c.ngo).to_string();
    let fields = [
        ("application", ngo_application.as_str()),
        ("award_reasons", "Best on impact"),
    ];
    let response = app.post(&coordinator, &page, &award, &fields).await;
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains(&tr.t("refused-undeclared"))
    );
    assert_eq!(
        app.post(&coordinator, &page, &declare, &[("has_interests", "0")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let response = app
        .post(
            &coordinator,
            &page,
            &award,
            &[
                ("application", ngo_application.as_str()),
                ("award_reasons", ""),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "reasons are required"
    );
    assert_eq!(
        app.post(&coordinator, &page, &award, &fields)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let (_, html) = app.get(&visitor, &page).await;
    assert!(
        html.contains("Best on impact")
            && html.contains("Impact is 8")
            && html.contains("Cost is 5")
    );
    assert!(
        !html.contains("Secret pricing"),
        "proposals stay with the convener and evaluators"
    );
    assert!(
        html.contains("Solar Ltd") && !html.contains(&tr.t("call-integrity-sealed")),
        "the decision publishes the recusal's party"
    );

    // The award becomes an initiative, with the winner as a partner.
    let response = app
        .post(&coordinator, &page, &format!("{page}/initiative"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let initiative: i64 = location(&response)
        .trim_start_matches("/initiatives/")
        .parse()
        .unwrap();
    let partners = app.db.partners(initiative).await.unwrap();
    assert!(partners.iter().any(|p| p.organisation_id == c.ngo));
    let _ = c.city;

    // The log and the portal show it all to a visitor.
    let (_, html) = app
        .get(
            &visitor,
            &format!("/localities/{}/record?kind=call-awarded", c.locality),
        )
        .await;
    assert!(html.contains(&tr.t("event-call-awarded")) && html.contains("Best on impact"));
    let (_, html) = app
        .get(
            &visitor,
            &format!("/localities/{}/record?kind=recused", c.locality),
        )
        .await;
    // The recusal's party was sealed while the call was open; the award opened it.
    assert!(html.contains(&tr.t("event-recused")));
    let (_, html) = app
        .get(
            &visitor,
            &format!("/localities/{}/record?kind=call-awarded", c.locality),
        )
        .await;
    assert!(html.contains(&format!("party: organisation:{}", c.company)));
    let (status, html) = app
        .get(&visitor, &format!("/localities/{}/portal", c.locality))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Community solar"));
    let (status, json) = app
        .get(
            &visitor,
            &format!("/localities/{}/portal/calls.ocds.json", c.locality),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let package: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(package["version"], "1.1");
    let release = &package["releases"][0];
    assert!(
        release["ocid"]
            .as_str()
            .unwrap()
            .starts_with("ocds-shutaf-")
    );
    assert_eq!(
        release["awards"][0]["suppliers"][0]["name"],
        "Green Neighbours"
    );
    // A locality with nothing published has no package (the schema needs a release).
    let empty = app
        .db
        .create_locality(&NewLocality {
            names: [Some("ריק".into()), None, None],
            kind: shutaf_domain::LocalityKind::Municipality,
            convener_organisation_id: c.city,
            description: None,
        })
        .await
        .unwrap()
        .id;
    assert_eq!(
        app.get(
            &visitor,
            &format!("/localities/{empty}/portal/calls.ocds.json")
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
}

/// While a call is undecided who applied is sealed, and its integrity record must not unseal
/// it: a declaration's ties and details, and a recusal's party, name an applicant. The public
/// and the other applicants see that an evaluator declared interests and stepped aside from one
/// application, in the API and on the page, while the call takes applications and while it is
/// evaluated; the convener's staff and the evaluators see everything; the decision publishes it.
#[tokio::test]
async fn an_open_calls_declarations_and_recusals_do_not_tell_who_applied() {
    let s = story().await;
    let app = &s.app;
    let tr = Tr::new(Language::He);
    let coordinator_id = app
        .db
        .user_by_email("coordinator@city.example")
        .await
        .unwrap()
        .unwrap()
        .id;
    let evaluator_id = app.person("evaluator@city.example").await;
    app.db
        .update_profile(evaluator_id, "Evaluator Dana", None)
        .await
        .unwrap();
    let by_city = shutaf_store::Acting {
        user_id: coordinator_id,
        organisation_id: Some(s.city),
    };
    let call = app
        .db
        .create_call(
            &shutaf_store::calls::NewCall {
                locality_id: s.locality,
                lang: "en".into(),
                title: "Shade for schoolyards".into(),
                purpose: "Cooler schoolyards".into(),
                sought: "Design and planting".into(),
                eligibility: "Anyone".into(),
                deadline_at: app.db.now() + 86_400,
                criteria: vec![("Impact".into(), None, 60), ("Cost".into(), None, 40)],
                evaluator_ids: vec![evaluator_id],
                ..Default::default()
            },
            by_city,
        )
        .await
        .unwrap();
    app.db.publish_call(call, by_city).await.unwrap();
    let ngo = app.api_token("ngo@ngo.example", "write").await;
    let csr = app.api_token("csr@company.example", "write").await;
    let evaluator = app.api_token("evaluator@city.example", "write").await;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let mut applications = Vec::new();
    for (token, organisation) in [(&ngo, s.ngo), (&csr, s.company)] {
        let response = client
            .post(api(&format!("/calls/{call}/applications")))
            .bearer_auth(token)
            .json(&json!({ "organisation_id": organisation, "summary": "Shade", "proposal": "Trees and sails" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        applications.push(
            response.json::<Value>().await.unwrap()["application_id"]
                .as_i64()
                .unwrap(),
        );
    }
    // The evaluator's sister chairs the NGO: a tie, so the evaluator steps aside from it.
    let declared: Value = client
        .post(api(&format!("/calls/{call}/declarations")))
        .bearer_auth(&evaluator)
        .json(
            &json!({ "has_interests": true, "details": "My sister chairs עמותת ירוק",
            "ties": [{ "organisation_id": s.ngo, "relation": "relative" }] }),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(declared["recused_from"], json!([s.ngo]), "{declared}");

    let declarations = |token: Option<&str>| {
        let mut request = client.get(api(&format!("/calls/{call}/declarations")));
        if let Some(token) = token {
            request = request.bearer_auth(token.to_owned());
        }
        async move {
            let text = request.send().await.unwrap().text().await.unwrap();
            let body: Value = serde_json::from_str(&text).unwrap();
            (text, body)
        }
    };
    let names_the_ngo = |text: &str| {
        text.contains("עמותת ירוק")
            || text.contains("Green NGO")
            || text.contains(&format!("\"organisation_id\":{}", s.ngo))
    };
    let visitor = app.client();
    let competitor = app.signed_in("csr@company.example").await;
    let staff = app.signed_in("coordinator@city.example").await;
    let page = format!("/calls/{call}");
    let portal = format!("/localities/{}/portal", s.locality);
    for phase in ["accepting", "evaluating"] {
        assert_eq!(
            client
                .get(api(&format!("/calls/{call}")))
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap()["phase"],
            phase
        );
        // The public, and the other applicant, learn that someone stepped aside, not from whom.
        for token in [None, Some(csr.as_str())] {
            let (text, body) = declarations(token).await;
            assert!(!names_the_ngo(&text), "{phase}: {text}");
            assert!(!text.contains("My sister"), "{phase}: {text}");
            assert_eq!(body["sealed"], true, "{phase}: {text}");
            assert_eq!(body["recusals"], json!([]), "{phase}: {text}");
            assert_eq!(body["sealed_recusals"], 1, "{phase}: {text}");
            let declaration = &body["declarations"][0];
            assert_eq!(declaration["person"], "Evaluator Dana");
            assert_eq!(declaration["has_interests"], true);
            assert_eq!(declaration["ties"], json!([]));
            assert_eq!(declaration["details"], Value::Null);
        }
        for client in [&visitor, &competitor] {
            let (status, html) = app.get(client, &page).await;
            assert_eq!(status, StatusCode::OK);
            assert!(!names_the_ngo(&html), "{phase}: the page names the NGO");
            assert!(!html.contains("My sister"), "{phase}");
            assert!(html.contains("Evaluator Dana"), "{phase}");
            assert!(html.contains(&tr.t("declaration-sealed")), "{phase}");
            assert!(html.contains(&tr.t("call-integrity-sealed")), "{phase}");
            assert!(
                html.contains(&tr.count("call-recusals-sealed", "count", 1)),
                "{phase}"
            );
        }
        // Nor does the locality's portal, or its downloads.
        let (status, html) = app.get(&visitor, &portal).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!names_the_ngo(&html), "{phase}: the portal names the NGO");
        let (_, json) = app
            .get(&visitor, &format!("{portal}/declarations.json"))
            .await;
        assert!(
            !json.contains(&format!("relative:{}", s.ngo)) && !json.contains("My sister"),
            "{phase}: {json}"
        );
        // The convener's staff and the evaluators see every application, and so everything.
        for token in [&coordinator, &evaluator] {
            let (_, body) = declarations(Some(token)).await;
            assert_eq!(body["sealed"], false, "{body}");
            assert_eq!(body["recusals"][0]["organisation_id"], s.ngo, "{body}");
            assert_eq!(body["declarations"][0]["ties"][0]["organisation_id"], s.ngo);
        }
        let (_, html) = app.get(&staff, &page).await;
        assert!(html.contains("עמותת ירוק") && html.contains("My sister"));
        assert!(!html.contains(&tr.t("call-integrity-sealed")));
        app.db.clock.advance(86_400 + 60);
    }

    // The decision publishes who applied, and with it the record in full.
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
        .json(&json!({ "application_id": applications[1], "reasons": "Sails shade more" }))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let (text, body) = declarations(None).await;
    assert_eq!(body["sealed"], false, "{text}");
    assert_eq!(body["sealed_recusals"], 0, "{text}");
    assert_eq!(body["recusals"][0]["organisation_id"], s.ngo, "{text}");
    assert!(text.contains("My sister"), "{text}");
    let (_, html) = app.get(&visitor, &page).await;
    assert!(html.contains("עמותת ירוק") && html.contains("My sister"));
    assert!(!html.contains(&tr.t("call-integrity-sealed")));
    let (_, html) = app.get(&visitor, &portal).await;
    assert!(html.contains("עמותת ירוק"), "the portal lists the recusal");
    let (_, json) = app
        .get(&visitor, &format!("{portal}/declarations.json"))
        .await;
    assert!(json.contains(&format!("relative:{}", s.ngo)), "{json}");
}
