//! Rules that cannot be walked around (issue 11): an idea moves only once the city engages, and
//! a business asking to move it is told so; an evaluator who belongs to an applicant steps aside
//! whether or not they declared it; running the hub is no municipal authority; a dropped goal
//! does not make an initiative fit the agenda; text that would break the record's feed is
//! refused, and what got stored anyway does not break it.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shutaf_domain::Language;
use shutaf_testkit::Person;

use crate::support::{local_in_days, story};

#[tokio::test]
async fn a_business_that_moves_its_own_idea_is_told_the_city_must_engage_first() {
    let s = story().await;
    let app = &s.app;
    let csr = app.api_token("csr@company.example", "write").await;
    let client = reqwest::Client::new();
    let created: Value = client
        .post(app.url("/api/v1/initiatives"))
        .bearer_auth(&csr)
        .json(&json!({
            "locality_id": s.locality, "initiator_organisation_id": s.company,
            "titles": { "en": "Solar roofs" }, "model": "joint-agenda", "management": "joint",
            "needs": ["budget"]
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_i64().expect("created");
    for to in ["scoping", "building", "agreed"] {
        let response = client
            .post(app.url(&format!("/api/v1/initiatives/{id}/stage")))
            .header("accept-language", "en")
            .bearer_auth(&csr)
            .json(&json!({ "to": to }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CONFLICT, "{to}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "gates_unmet", "{to}: {body}");
        assert_eq!(body["error"]["gates"][0]["code"], "convene-early");
        let remedy = shutaf_web::i18n::Tr::new(Language::En).t("gate-convene-early-remedy");
        assert_eq!(body["error"]["gates"][0]["remedy"], remedy.as_str());
    }
}

#[tokio::test]
async fn an_evaluator_who_belongs_to_an_applicant_steps_aside_declared_or_not() {
    let s = story().await;
    let app = &s.app;
    // The NGO's own person is named an evaluator of the city's call, and declares nothing.
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let ngo = app.api_token("ngo@ngo.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let call: Value = client
        .post(api(&format!("/localities/{}/calls", s.locality)))
        .bearer_auth(&coordinator)
        .json(&json!({
            "lang": "en", "title": "Compost corners", "purpose": "Less waste",
            "sought": "A partner", "eligibility": "Anyone", "deadline_local": local_in_days(10),
            "criteria": [{ "name": "Impact", "weight": 100 }], "goal_ids": [s.goal],
            "evaluator_emails": ["ngo@ngo.example"]
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = call["id"].as_i64().expect("a call");
    assert_eq!(
        crate::support::accept_evaluation(app, "ngo@ngo.example", &ngo).await,
        id
    );
    let response = client
        .post(api(&format!("/calls/{id}/publish")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    let application: Value = client
        .post(api(&format!("/calls/{id}/applications")))
        .bearer_auth(&ngo)
        .json(&json!({ "organisation_id": s.ngo, "summary": "Compost", "proposal": "We compost" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let application = application["application_id"]
        .as_i64()
        .unwrap_or_else(|| panic!("{application}"));
    // The deadline passes (in the database: the clock of this test is the wall clock).
    sqlx::query("UPDATE calls SET deadline_at = $1 WHERE id = $2")
        .bind(shutaf_store::now() - 1)
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let declared = client
        .post(api(&format!("/calls/{id}/declarations")))
        .bearer_auth(&ngo)
        .json(&json!({ "has_interests": false }))
        .send()
        .await
        .unwrap();
    assert!(declared.status().is_success(), "{declared:?}");
    let call: Value = client
        .get(api(&format!("/calls/{id}")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let criterion = call["criteria"][0]["id"].as_i64().unwrap();
    let response = client
        .post(api(&format!(
            "/calls/{id}/applications/{application}/scores"
        )))
        .bearer_auth(&ngo)
        .json(&json!([{ "criterion_id": criterion, "score": 10, "reason": "Ours is best" }]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "recused", "{body}");
    // The step aside is on the record.
    let recusals = app
        .db
        .recusals(shutaf_store::integrity::Matter::Call(id))
        .await
        .unwrap();
    assert_eq!(recusals.len(), 1);
    assert_eq!(recusals[0].party.id, s.ngo);
}

#[tokio::test]
async fn a_platform_administrator_is_not_the_citys_staff() {
    let s = story().await;
    let app = &s.app;
    Person {
        platform_admin: true,
        ..Person::new("admin@hub.example")
    }
    .make(&app.db)
    .await;
    let admin = app.api_token("admin@hub.example", "write").await;
    let client = reqwest::Client::new();
    // Not a member of the convener: no goals, no calls, no engaging for the city.
    let response = client
        .post(app.url(&format!("/api/v1/localities/{}/goals", s.locality)))
        .bearer_auth(&admin)
        .json(&json!({ "titles": { "en": "Shade" }, "status": "active", "sdg_codes": [] }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = client
        .post(app.url(&format!("/api/v1/localities/{}/calls", s.locality)))
        .bearer_auth(&admin)
        .json(&json!({
            "lang": "en", "title": "Compost corners", "purpose": "Less waste",
            "sought": "A partner", "eligibility": "Anyone", "deadline_local": local_in_days(10),
            "criteria": [{ "name": "Impact", "weight": 100 }], "goal_ids": [s.goal],
            "evaluator_emails": []
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Administration stays theirs: a new locality.
    let response = client
        .post(app.url("/api/v1/localities"))
        .bearer_auth(&admin)
        .json(
            &json!({ "names": { "en": "New Town" }, "kind": "municipality",
                       "convener_organisation_id": s.city }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn text_that_would_break_the_feed_is_refused_and_stored_text_cannot_break_it() {
    let s = story().await;
    let app = &s.app;
    let csr = app.api_token("csr@company.example", "write").await;
    let client = reqwest::Client::new();
    for bad in ["Solar\u{FFFF}", "Solar \u{202E}roofs", "Solar\u{0}"] {
        let response = client
            .post(app.url("/api/v1/initiatives"))
            .bearer_auth(&csr)
            .json(&json!({
                "locality_id": s.locality, "initiator_organisation_id": s.company,
                "titles": { "en": bad }, "model": "joint-agenda", "management": "joint",
                "needs": ["budget"]
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad:?}"
        );
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body["error"]["fields"][0]["code"], "error-invalid-characters",
            "{body}"
        );
    }
    // Stored behind the edge's back (an older hub, an import): the feed stays well-formed.
    let created: Value = client
        .post(app.url("/api/v1/initiatives"))
        .bearer_auth(&csr)
        .json(&json!({
            "locality_id": s.locality, "initiator_organisation_id": s.company,
            "titles": { "en": "Solar roofs" }, "model": "joint-agenda", "management": "joint",
            "needs": ["budget"]
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_i64().unwrap();
    sqlx::query("UPDATE initiatives SET title_en = $1, title_he = $1 WHERE id = $2")
        .bind("Solar\u{FFFF} roofs & <more>")
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let feed = client
        .get(app.url(&format!("/localities/{}/record.atom", s.locality)))
        .send()
        .await
        .unwrap();
    assert_eq!(feed.status(), StatusCode::OK);
    let xml = feed.text().await.unwrap();
    assert!(!xml.contains('\u{FFFF}'), "no character XML forbids");
    assert!(xml.contains("Solar roofs &amp; &lt;more&gt;"), "{xml}");
}
