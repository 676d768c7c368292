//! Notices inviting competing proposals for an initiative, and the published decision, through
//! the API.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shutaf_domain::Language;

use crate::support::{Story, field_errors, local_in_days, refusal, story};

#[tokio::test]
async fn a_notice_invites_competing_proposals_through_the_api() {
    let s = story().await;
    let app = &s.app;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let csr = app.api_token("csr@company.example", "write").await;
    let ngo = app.api_token("ngo@ngo.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let id = solar_roofs(&s, &csr).await;
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
    // The window closes as time passes.
    let closes_at = app.db.notice_of(id).await.unwrap().unwrap().closes_at;
    app.db.clock.advance_to(closes_at + 60);
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

/// Until the notice is decided, who proposed an alternative is sealed, as who applied to an
/// open call is: the public and the initiative's own partners see how many alternatives came,
/// each proposer its own, the convener's staff (who decide) all of them; the decision
/// publishes them.
#[tokio::test]
async fn who_proposed_an_alternative_is_sealed_until_the_notice_is_decided() {
    let s = story().await;
    let app = &s.app;
    let tr = shutaf_web::i18n::Tr::new(Language::He);
    let coop_person = app.person("coop@coop.example").await;
    let coop = app
        .organisation(
            coop_person,
            "קואופרטיב שמש",
            shutaf_domain::Sector::Third,
            shutaf_domain::OrganisationKind::Ngo,
        )
        .await;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let csr = app.api_token("csr@company.example", "write").await;
    let ngo = app.api_token("ngo@ngo.example", "write").await;
    let sun = app.api_token("coop@coop.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let id = solar_roofs(&s, &csr).await;
    let response = client
        .post(api(&format!("/initiatives/{id}/notice")))
        .bearer_auth(&coordinator)
        .json(&json!({ "summary": "Solar roofs on schools, offered by a company", "closes_local": local_in_days(14) }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    for (token, organisation, summary) in [
        (&ngo, s.ngo, "A community energy cooperative instead"),
        (&sun, coop, "Panels owned by the residents"),
    ] {
        let response = client
            .post(api(&format!("/initiatives/{id}/notice/alternatives")))
            .bearer_auth(token)
            .json(&json!({ "organisation_id": organisation, "summary": summary }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        // The proposer sees its own alternative, and only its own.
        let body: Value = response.json().await.unwrap();
        let shown = body["notice"]["alternatives"].as_array().unwrap();
        assert_eq!(shown.len(), 1, "{body}");
        assert_eq!(shown[0]["organisation_id"], organisation);
        assert_eq!(body["notice"]["alternatives_sealed"], true);
    }
    let integrity = |token: Option<&str>| {
        let mut request = client.get(api(&format!("/initiatives/{id}/integrity")));
        if let Some(token) = token {
            request = request.bearer_auth(token.to_owned());
        }
        async move {
            let text = request.send().await.unwrap().text().await.unwrap();
            let body: Value = serde_json::from_str(&text).unwrap();
            (text, body)
        }
    };
    let tells = |text: &str| {
        text.contains("cooperative")
            || text.contains("residents")
            || text.contains("קואופרטיב")
            || text.contains(&format!("\"organisation_id\":{coop}"))
    };
    // The public and the initiative's own company learn how many, not who.
    for token in [None, Some(csr.as_str())] {
        let (text, body) = integrity(token).await;
        assert!(!tells(&text), "{text}");
        assert!(
            !text.contains(&format!("\"organisation_id\":{}", s.ngo)),
            "{text}"
        );
        assert_eq!(body["notice"]["alternatives"], json!([]), "{text}");
        assert_eq!(body["notice"]["alternative_count"], 2, "{text}");
        assert_eq!(body["notice"]["alternatives_sealed"], true, "{text}");
    }
    let (_, body) = integrity(Some(&coordinator)).await;
    assert_eq!(body["notice"]["alternatives"].as_array().unwrap().len(), 2);
    assert_eq!(body["notice"]["alternatives_sealed"], false);
    let page = format!("/initiatives/{id}");
    let sealed = tr.count("notice-alternatives-sealed", "count", 2);
    for client in [app.client(), app.signed_in("csr@company.example").await] {
        let (status, html) = app.get(&client, &page).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!tells(&html), "the page tells who proposed");
        assert!(html.contains(&sealed));
    }
    let (_, html) = app
        .get(&app.signed_in("coop@coop.example").await, &page)
        .await;
    assert!(html.contains("residents") && !html.contains("cooperative"));
    let (_, html) = app
        .get(&app.signed_in("coordinator@city.example").await, &page)
        .await;
    assert!(html.contains("residents") && html.contains("cooperative"));
    assert!(!html.contains(&sealed));
    // The public record says that two alternatives came, not who proposed them: the entries
    // name neither organisation nor person, and commit to who proposed, sealed.
    let log = || async {
        reqwest::get(app.url("/api/v1/log/entries?start=0&end=1000"))
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap()
    };
    let entries = log().await;
    let proposed: Vec<&Value> = entries
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "alternative-proposed")
        .collect();
    assert_eq!(proposed.len(), 2);
    for entry in &proposed {
        assert_eq!(entry["organisation_id"], Value::Null, "{entry}");
        assert_eq!(entry["person"], Value::Null, "{entry}");
        assert_eq!(entry["commitments"][0]["field"], "proposer", "{entry}");
        assert_eq!(
            entry["disclosures"],
            json!([]),
            "a sealed text is never shown"
        );
    }
    let text = entries.to_string();
    for organisation in [s.ngo, coop] {
        assert!(
            !text.contains(&format!("organisation:{organisation}")),
            "{text}"
        );
    }
    for page in [
        format!("/localities/{}/record", s.locality),
        format!("/localities/{}/record.atom", s.locality),
    ] {
        let (status, html) = app.get(&app.client(), &page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(!tells(&html), "{page} tells who proposed");
    }

    // The decision publishes every alternative with its proposer.
    app.db.clock.advance(15 * 86_400);
    let chosen = body["notice"]["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["organisation_id"] == s.ngo)
        .unwrap()["id"]
        .clone();
    let response = client
        .post(api(&format!("/initiatives/{id}/notice/decision")))
        .bearer_auth(&coordinator)
        .json(&json!({ "outcome": "alternative", "chosen_alternative_id": chosen, "reasons": "A cooperative keeps the savings in town" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let (text, body) = integrity(None).await;
    assert_eq!(body["notice"]["alternatives"].as_array().unwrap().len(), 2);
    assert_eq!(body["notice"]["alternatives_sealed"], false, "{text}");
    let (_, html) = app.get(&app.client(), &page).await;
    assert!(html.contains("residents") && html.contains("קואופרטיב"));
    // And the decision opens who proposed on the record itself.
    let entries = log().await;
    let decided = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "notice-decided")
        .unwrap();
    let mut opened: Vec<String> = decided["openings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["field"] == "proposer")
        .map(|o| o["text"].as_str().unwrap().to_owned())
        .collect();
    opened.sort();
    let mut expected: Vec<String> = proposed_ids(&body)
        .into_iter()
        .map(|(proposal, organisation)| {
            format!(
                "notice:{} proposal:{proposal} organisation:{organisation}",
                decided["detail"].as_str().unwrap()["notice:".len()..]
                    .split(' ')
                    .next()
                    .unwrap()
            )
        })
        .collect();
    expected.sort();
    assert_eq!(opened, expected);
}

/// (alternative, organisation) of a notice as its integrity answer lists them.
/// The company proposes its solar roofs through the API (with `csr`, its manager's token): the
/// initiative a notice then opens to competing proposals. Gives its id.
async fn solar_roofs(s: &Story, csr: &str) -> i64 {
    let proposal = json!({ "locality_id": s.locality, "initiator_organisation_id": s.company, "titles": { "en": "Solar roofs" }, "model": "green-economy", "management": "joint" });
    let (status, body) = s
        .app
        .api(Method::POST, "/initiatives", csr, Some(&proposal))
        .await;
    assert!(status.is_success(), "{status} {body}");
    body["id"].as_i64().unwrap()
}

fn proposed_ids(body: &Value) -> Vec<(i64, i64)> {
    body["notice"]["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().unwrap(),
                a["organisation_id"].as_i64().unwrap(),
            )
        })
        .collect()
}
