//! Notices inviting competing proposals for an initiative, and the published decision, through
//! the API.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shutaf_domain::Language;

use crate::support::{field_errors, local_in_days, refusal, story};

#[tokio::test]
async fn a_notice_invites_competing_proposals_through_the_api() {
    let s = story().await;
    let app = &s.app;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let csr = app.api_token("csr@company.example", "write").await;
    let ngo = app.api_token("ngo@ngo.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let proposal = json!({ "locality_id": s.locality, "initiator_organisation_id": s.company, "titles": { "en": "Solar roofs" }, "model": "green-economy", "management": "joint" });
    let id = client
        .post(api("/initiatives"))
        .bearer_auth(&csr)
        .json(&proposal)
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let notice = json!({ "summary": "Solar roofs on schools, offered by a company", "closes_local": local_in_days(14) });
    let publish = |token: &str| {
        client
            .post(api(&format!("/initiatives/{id}/notice")))
            .bearer_auth(token.to_owned())
            .json(&notice)
            .send()
    };
    assert_eq!(publish(&csr).await.unwrap().status(), StatusCode::FORBIDDEN);
    let response = publish(&coordinator).await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let published: Value = response.json().await.unwrap();
    assert_eq!(published["notice"]["open"], true);
    assert_eq!(published["choice"], "unrecorded");
    let (status, message) = refusal(publish(&coordinator).await.unwrap()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        message,
        shutaf_web::i18n::Tr::new(Language::He).t("refused-notice-exists")
    );

    let propose = |token: &str, org: i64| {
        client
            .post(api(&format!("/initiatives/{id}/notice/alternatives")))
            .bearer_auth(token.to_owned())
            .json(&json!({ "organisation_id": org, "summary": "A community energy cooperative instead" }))
            .send()
    };
    assert_eq!(
        field_errors(propose(&csr, s.company).await.unwrap()).await,
        vec![(
            "organisation_id".to_owned(),
            "error-already-partner".to_owned()
        )]
    );
    let response = propose(&ngo, s.ngo).await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["notice"]["alternatives"][0]["organisation_id"], s.ngo);
    let alternative = body["notice"]["alternatives"][0]["id"].as_i64().unwrap();

    let decide = |body: Value| {
        client
            .post(api(&format!("/initiatives/{id}/notice/decision")))
            .bearer_auth(&coordinator)
            .json(&body)
            .send()
    };
    let choose = json!({ "outcome": "alternative", "chosen_alternative_id": alternative, "reasons": "The cooperative keeps the savings in town" });
    let (status, message) = refusal(decide(choose.clone()).await.unwrap()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        message,
        shutaf_web::i18n::Tr::new(Language::He).t("refused-notice-window-open")
    );
    sqlx::query("UPDATE competition_notices SET closes_at = $1 WHERE initiative_id = $2")
        .bind(shutaf_store::now() - 60)
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(
        propose(&ngo, s.ngo).await.unwrap().status(),
        StatusCode::FORBIDDEN,
        "no alternatives after the window"
    );
    assert_eq!(
        field_errors(
            decide(json!({ "outcome": "alternative", "reasons": "Better" }))
                .await
                .unwrap()
        )
        .await,
        vec![(
            "chosen_alternative_id".to_owned(),
            "error-choose-alternative".to_owned()
        )]
    );
    let response = decide(choose).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let decided: Value = client
        .get(api(&format!("/initiatives/{id}/integrity")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(decided["choice"], "competing-proposals");
    assert_eq!(decided["notice"]["open"], false);
    assert_eq!(decided["notice"]["outcome"], "alternative");
    assert_eq!(decided["notice"]["chosen_alternative_id"], alternative);
    assert_eq!(
        decided["notice"]["outcome_reasons"],
        "The cooperative keeps the savings in town"
    );
    assert_eq!(decided["from_call_id"], Value::Null);
}
