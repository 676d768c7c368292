//! Donations through the committee procedure, step by step, through the API and the pages.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shutaf_domain::Language;
use shutaf_testkit::{TestApp, location};
use shutaf_web::i18n::Tr;

use crate::support::{city, field_errors, refusal, story};

#[tokio::test]
async fn a_donation_goes_through_the_committee_procedure_through_the_api() {
    let s = story().await;
    let app = &s.app;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let csr = app.api_token("csr@company.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let donations = api(&format!("/localities/{}/donations", s.locality));
    let gift = json!({ "donor_organisation_id": s.company, "kind": "money", "value_agorot": 5_000_050, "purpose": "Trees for the park" });

    assert_eq!(
        client
            .post(&donations)
            .json(&gift)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        client
            .post(&donations)
            .bearer_auth(&csr)
            .json(&gift)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN,
        "the donor does not register its own gift"
    );
    let errors = field_errors(
        client
            .post(&donations)
            .bearer_auth(&coordinator)
            .json(&json!({ "kind": "money", "purpose": "x" }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        errors.contains(&("donor_name".into(), "error-required".into()))
            && errors.contains(&("value_agorot".into(), "error-required".into())),
        "{errors:?}"
    );
    let response = client
        .post(&donations)
        .bearer_auth(&coordinator)
        .json(&gift)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let donation: Value = response.json().await.unwrap();
    let id = donation["id"].as_i64().unwrap();
    assert_eq!(donation["step"], "registered");
    assert_eq!(donation["value_agorot"], 5_000_050);
    assert_eq!(donation["donor_organisation_id"], s.company);
    let list: Value = client
        .get(&donations)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"][0]["id"], id, "the record is public");

    let step = |body: Value| {
        client
            .post(api(&format!("/donations/{id}/steps")))
            .bearer_auth(&coordinator)
            .json(&body)
            .send()
    };
    let (status, message) = refusal(
        step(json!({ "step": "decide", "decision": "accept" }))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "steps go in order");
    assert_eq!(
        message,
        shutaf_web::i18n::Tr::new(Language::He).t("refused-donation-step")
    );
    let checked: Value = step(json!({ "step": "check", "check": "The donor has a tender pending", "recommendation": "decline" }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(checked["step"], "checked");
    assert_eq!(checked["recommendation"], "decline");
    // Accepting against the committee's recommendation needs reasons.
    assert_eq!(
        field_errors(
            step(json!({ "step": "decide", "decision": "accept" }))
                .await
                .unwrap()
        )
        .await,
        vec![("reasons".to_owned(), "error-departure-reasons".to_owned())]
    );
    let decided: Value = step(json!({ "step": "decide", "decision": "accept", "reasons": "The tender is decided by others" }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(decided["step"], "decided");
    assert_eq!(decided["head_decision"], "accept");
    assert_eq!(decided["departs_from_recommendation"], true);
    let reported: Value =
        step(json!({ "step": "report", "report": "Reported to the council on 1.6" }))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(reported["step"], "reported");
    assert_eq!(
        step(json!({ "step": "report", "report": "Again" }))
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN,
        "the procedure is complete"
    );
    let public: Value = client
        .get(api(&format!("/donations/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public["council_report"], "Reported to the council on 1.6");
    assert_eq!(public["head_reasons"], "The tender is decided by others");
}

#[tokio::test]
async fn a_donation_through_the_committee_in_the_pages() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tr = Tr::new(Language::He);
    let coordinator = app.signed_in("coordinator@city.example").await;
    let csr = app.signed_in("csr@company.example").await;
    let visitor = app.client();
    let list = format!("/localities/{}/donations", c.locality);
    let fields = [
        ("donor_name", "Solar Ltd"),
        ("kind", "money"),
        ("value", "12,500"),
        ("purpose", "Trees"),
    ];
    assert_eq!(
        app.post(&csr, &list, &list, &fields).await.status(),
        StatusCode::FORBIDDEN
    );
    let response = app
        .post(
            &coordinator,
            &list,
            &list,
            &[
                ("donor_name", "Solar Ltd"),
                ("kind", "money"),
                ("value", ""),
                ("purpose", "Trees"),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "money needs a value"
    );
    let response = app.post(&coordinator, &list, &list, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = location(&response);
    let check = [
        ("step", "check"),
        ("check", "No tender conflict"),
        ("recommendation", "decline"),
    ];
    assert_eq!(
        app.post(&coordinator, &page, &page, &check).await.status(),
        StatusCode::SEE_OTHER
    );
    let response = app
        .post(
            &coordinator,
            &page,
            &page,
            &[("step", "decide"), ("decision", "accept"), ("reasons", "")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains(&tr.t("error-departure-reasons"))
    );
    let response = app
        .post(
            &coordinator,
            &page,
            &page,
            &[("step", "report"), ("report", "too early")],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "steps go in order"
    );
    assert_eq!(
        app.post(
            &coordinator,
            &page,
            &page,
            &[
                ("step", "decide"),
                ("decision", "accept"),
                ("reasons", "The trees are needed now")
            ]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.post(
            &coordinator,
            &page,
            &page,
            &[("step", "report"), ("report", "Council, 3 March")]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    let (_, html) = app.get(&visitor, &page).await;
    assert!(
        html.contains("The trees are needed now")
            && html.contains("Council, 3 March")
            && html.contains("₪12500.00")
    );
    let (_, html) = app
        .get(
            &visitor,
            &format!("/localities/{}/record?kind=donation-decided", c.locality),
        )
        .await;
    assert!(html.contains("decision:accept"));
}
