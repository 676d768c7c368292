//! Rules that cannot be walked around (issue 11): an idea moves only once the city engages, and
//! a business asking to move it is told so; an evaluator who belongs to an applicant steps aside
//! whether or not they declared it; running the hub is no municipal authority; text that would
//! break the record's feed is refused, and what got stored anyway does not break it.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shutaf_domain::Language;
use shutaf_testkit::Person;

use crate::support::{Story, accept_evaluation, local_in_days, pass_deadline, story};

/// The company proposes an idea titled `title` through the API: the answer.
async fn propose(s: &Story, token: &str, title: &str) -> (StatusCode, Value) {
    let body = json!({
        "locality_id": s.locality, "initiator_organisation_id": s.company,
        "titles": { "en": title }, "model": "joint-agenda", "management": "joint",
        "needs": ["budget"]
    });
    s.app
        .api(Method::POST, "/initiatives", token, Some(&body))
        .await
}

/// A call of the city's with one criterion and these evaluators, as a draft: its id.
async fn draft_call(s: &Story, token: &str, evaluators: &[&str]) -> (StatusCode, Value) {
    let body = json!({
        "lang": "en", "title": "Compost corners", "purpose": "Less waste",
        "sought": "A partner", "eligibility": "Anyone", "deadline_local": local_in_days(10),
        "criteria": [{ "name": "Impact", "weight": 100 }], "goal_ids": [s.goal],
        "evaluator_emails": evaluators
    });
    let path = format!("/localities/{}/calls", s.locality);
    s.app.api(Method::POST, &path, token, Some(&body)).await
}

#[tokio::test]
async fn a_business_that_moves_its_own_idea_is_told_the_city_must_engage_first() {
    let s = story().await;
    let csr = s.app.api_token("csr@company.example", "write").await;
    let (_, created) = propose(&s, &csr, "Solar roofs").await;
    let id = created["id"].as_i64().expect("created");
    let remedy = shutaf_web::i18n::Tr::new(Language::En).t("gate-convene-early-remedy");
    for to in ["scoping", "building", "agreed"] {
        let path = format!("/initiatives/{id}/stage");
        let (status, body) = s
            .app
            .api(Method::POST, &path, &csr, Some(&json!({ "to": to })))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{to}");
        assert_eq!(body["error"]["code"], "gates_unmet", "{to}: {body}");
        assert_eq!(body["error"]["gates"][0]["code"], "convene-early");
        assert_eq!(body["error"]["gates"][0]["remedy"], remedy.as_str());
    }
}

#[tokio::test]
async fn an_evaluator_who_belongs_to_an_applicant_steps_aside_declared_or_not() {
    let s = story().await;
    let app = &s.app;
    // The NGO's own person is asked to evaluate the city's call, accepts, and declares nothing.
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let ngo = app.api_token("ngo@ngo.example", "write").await;
    let (_, call) = draft_call(&s, &coordinator, &["ngo@ngo.example"]).await;
    let id = call["id"].as_i64().expect("a call");
    assert_eq!(accept_evaluation(app, "ngo@ngo.example", &ngo).await, id);
    let publish = format!("/calls/{id}/publish");
    let (status, _) = app.api(Method::POST, &publish, &coordinator, None).await;
    assert!(status.is_success());
    let apply = json!({ "organisation_id": s.ngo, "summary": "Compost", "proposal": "We compost" });
    let (_, applied) = app
        .api(
            Method::POST,
            &format!("/calls/{id}/applications"),
            &ngo,
            Some(&apply),
        )
        .await;
    let application = applied["application_id"].as_i64().expect("applied");
    // The deadline passes.
    pass_deadline(app, id).await;
    let none = json!({ "has_interests": false });
    let declarations = format!("/calls/{id}/declarations");
    let (status, _) = app
        .api(Method::POST, &declarations, &ngo, Some(&none))
        .await;
    assert!(status.is_success(), "{status}");
    let (_, call) = app
        .api(Method::GET, &format!("/calls/{id}"), &coordinator, None)
        .await;
    let criterion = call["criteria"][0]["id"].as_i64().unwrap();
    let scores = json!([{ "criterion_id": criterion, "score": 10, "reason": "Ours is best" }]);
    let path = format!("/calls/{id}/applications/{application}/scores");
    let (status, body) = app.api(Method::POST, &path, &ngo, Some(&scores)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
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
    // Not a member of the convener: no goals, no calls for the city.
    let goal = json!({ "titles": { "en": "Shade" }, "status": "active", "sdg_codes": [] });
    let goals = format!("/localities/{}/goals", s.locality);
    let (status, _) = app.api(Method::POST, &goals, &admin, Some(&goal)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = draft_call(&s, &admin, &["someone@example.org"]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Administration stays theirs: a new locality.
    let locality = json!({ "names": { "en": "New Town" }, "kind": "municipality",
                           "convener_organisation_id": s.city });
    let (status, _) = app
        .api(Method::POST, "/localities", &admin, Some(&locality))
        .await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn text_that_would_break_the_feed_is_refused_and_stored_text_cannot_break_it() {
    let s = story().await;
    let app = &s.app;
    let csr = app.api_token("csr@company.example", "write").await;
    for bad in ["Solar\u{FFFF}", "Solar \u{202E}roofs", "Solar\u{0}"] {
        let (status, body) = propose(&s, &csr, bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
        assert_eq!(
            body["error"]["fields"][0]["code"], "error-invalid-characters",
            "{body}"
        );
    }
    // Stored behind the edge's back (an older hub, an import): the feed stays well-formed.
    let (_, created) = propose(&s, &csr, "Solar roofs").await;
    let id = created["id"].as_i64().unwrap();
    sqlx::query("UPDATE initiatives SET title_en = $1, title_he = $1 WHERE id = $2")
        .bind("Solar\u{FFFF} roofs & <more>")
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let (status, xml) = app
        .get(
            &app.client(),
            &format!("/localities/{}/record.atom", s.locality),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!xml.contains('\u{FFFF}'), "no character XML forbids");
    assert!(xml.contains("Solar roofs &amp; &lt;more&gt;"), "{xml}");
}
