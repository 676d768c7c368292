//! An initiative's lifecycle: the seed story through the pages (proposal, convening, gates,
//! partners, contributions, declarations, the charter, expectations, agreement), a company
//! stopped without the city, the same lifecycle through the API with suggestions and
//! opportunities, and the convener notified in the app.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shutaf_domain::{Language, OrganisationKind, Sector, Stage};
use shutaf_testkit::{TestApp, location};

use crate::support::{stage, story};

#[tokio::test]
async fn the_seed_story_through_the_pages() {
    let s = story().await;
    let app = &s.app;
    let csr = app.signed_in("csr@company.example").await;
    let coordinator = app.signed_in("coordinator@city.example").await;
    let ngo = app.signed_in("ngo@ngo.example").await;
    let new = format!("/initiatives/new?locality={}", s.locality);
    let company = s.company.to_string();
    let locality = s.locality.to_string();

    // The company proposes an idea; the convener hears at once, by mail and in the app.
    let response = app
        .post(
            &csr,
            &new,
            "/initiatives",
            &[
                ("initiator", &company),
                ("locality", &locality),
                ("title_he", "גגות סולאריים לבתי ספר"),
                ("model", "joint-agenda"),
                ("management", "joint"),
                ("needs", "budget"),
                ("needs", "community-trust"),
                ("needs", "authority"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = location(&response);
    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();
    app.smtp.wait_for("coordinator@city.example", &page).await;
    let (status, html) = app.get(&csr, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("risk-"),
        "the checkup shows risks from the start"
    );

    // The company cannot move its idea on; only the convener convenes.
    let response = app
        .post(&csr, &page, &format!("{page}/stage"), &[("to", "convened")])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .post(&coordinator, &page, &format!("{page}/engage"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(stage(app, id).await, Stage::Convened);
    let response = app
        .post(&csr, &page, &format!("{page}/stage"), &[("to", "scoping")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // Building needs a goal of the city's agenda: refused, with the gate explained.
    let response = app
        .post(&csr, &page, &format!("{page}/stage"), &[("to", "building")])
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let html = response.text().await.unwrap();
    let tr = shutaf_web::i18n::Tr::new(Language::He);
    assert!(
        html.contains(&tr.t("gate-fit-agenda")),
        "the unmet gate is named"
    );
    assert!(
        html.contains(&tr.t("gate-fit-agenda-remedy")),
        "with its remedy"
    );
    let goal = s.goal.to_string();
    let response = app
        .post(
            &csr,
            &format!("{page}/edit"),
            &format!("{page}/edit"),
            &[
                ("title_he", "גגות סולאריים לבתי ספר"),
                ("model", "joint-agenda"),
                ("management", "joint"),
                ("goals", &goal),
                ("needs", "budget"),
                ("needs", "community-trust"),
                ("needs", "authority"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .post(&csr, &page, &format!("{page}/stage"), &[("to", "building")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // The NGO asks to join and the lead accepts; the lead invites the city, which accepts.
    let ngo_id = s.ngo.to_string();
    let city_id = s.city.to_string();
    assert_eq!(
        app.post(
            &ngo,
            &page,
            &format!("{page}/partners"),
            &[("organisation", &ngo_id)]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.post(
            &csr,
            &page,
            &format!("{page}/partners"),
            &[("organisation", &ngo_id)]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.post(
            &csr,
            &page,
            &format!("{page}/partners"),
            &[("organisation", &city_id)]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.post(
            &coordinator,
            &page,
            &format!("{page}/partners"),
            &[("organisation", &city_id)]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.db
            .partners(id)
            .await
            .unwrap()
            .iter()
            .filter(|p| p.status == shutaf_store::PartnerStatus::Active)
            .count(),
        3
    );

    // Each partner records its role and what it brings; amounts are shekels as typed.
    for (client, org, contribution) in [
        (&csr, s.company, "budget"),
        (&ngo, s.ngo, "community-trust"),
        (&coordinator, s.city, "authority"),
    ] {
        let partner = format!("{page}/partners/{org}");
        assert_eq!(
            app.post(
                client,
                &page,
                &partner,
                &[
                    ("role", "תפקיד"),
                    ("interests", "אינטרסים"),
                    ("benefits", "")
                ]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        let response = app
            .post(
                client,
                &page,
                &format!("{partner}/contributions"),
                &[
                    ("contribution", contribution),
                    ("cash", "12,500.50"),
                    ("in_kind", ""),
                    ("period", "2027"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{contribution}");
    }
    let response = app
        .post(
            &ngo,
            &page,
            &format!("{page}/partners/{}/contributions", s.ngo),
            &[("contribution", "knowledge"), ("cash", "a lot")],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a bad amount is explained"
    );
    assert!(
        app.db
            .contributions(id)
            .await
            .unwrap()
            .iter()
            .all(|c| c.cash_agorot == Some(1_250_050))
    );
    // Only a partner's own managers act for it.
    let response = app
        .post(
            &ngo,
            &page,
            &format!("{page}/partners/{}", s.company),
            &[("role", "hijack")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Agreement is refused while the gates are unmet, each named.
    let response = app
        .post(&csr, &page, &format!("{page}/stage"), &[("to", "agreed")])
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let html = response.text().await.unwrap();
    for gate in ["gate-fit-budget", "gate-shared-vision", "gate-integrity"] {
        assert!(html.contains(&tr.t(gate)), "{gate} is named");
    }

    // The convener's staff decide only after declaring their interests.
    let response = app
        .post(
            &coordinator,
            &page,
            &format!("{page}/work-plan"),
            &[("work_plan", "placed"), ("work_plan_item", "Energy 2027")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains(&tr.t("refused-undeclared"))
    );
    assert_eq!(
        app.post(
            &coordinator,
            &page,
            &format!("{page}/declaration"),
            &[("has_interests", "0")]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );

    // The convener places it in the work plan and records how the business was chosen.
    assert_eq!(
        app.post(
            &csr,
            &page,
            &format!("{page}/work-plan"),
            &[("work_plan", "placed"), ("work_plan_item", "x")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(
            &coordinator,
            &page,
            &format!("{page}/work-plan"),
            &[("work_plan", "placed"), ("work_plan_item", "")]
        )
        .await
        .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.post(
            &coordinator,
            &page,
            &format!("{page}/work-plan"),
            &[
                ("work_plan", "placed"),
                ("work_plan_item", "תוכנית גגות"),
                ("budget_line", "1-7400-930")
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
            &format!("{page}/integrity"),
            &[
                ("exemption", "no-municipal-money"),
                ("exemption_text", "החברה מממנת הכול")
            ]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    for client in [&coordinator, &csr] {
        assert_eq!(
            app.post(
                client,
                &page,
                &format!("{page}/declaration"),
                &[("has_interests", "0")]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
    }

    // A charter, a second version, and every partner endorsing the current one.
    let charter = format!("{page}/charter");
    let company_id = s.company.to_string();
    let response = app
        .post(
            &csr,
            &charter,
            &charter,
            &[("organisation", &company_id), ("vision", "")],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "vision and objectives are needed"
    );
    assert_eq!(
        app.post(
            &csr,
            &charter,
            &charter,
            &[
                ("organisation", &company_id),
                ("vision", "בתי ספר סולאריים"),
                ("objectives", "20 גגות עד 2028")
            ]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.post(
            &ngo,
            &charter,
            &charter,
            &[
                ("organisation", &ngo_id),
                ("vision", "בתי ספר סולאריים וקהילה"),
                ("objectives", "20 גגות עד 2028")
            ]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    let (_, html) = app.get(&csr, &format!("{charter}?a=1&b=2")).await;
    assert!(
        html.contains("class=\"changed\""),
        "versions compare side by side"
    );
    assert_eq!(
        app.post(
            &csr,
            &charter,
            &format!("{charter}/1/endorse"),
            &[("organisation", &company_id)]
        )
        .await
        .status(),
        StatusCode::CONFLICT,
        "only the current version"
    );
    for (client, org) in [
        (&csr, &company_id),
        (&ngo, &ngo_id),
        (&coordinator, &city_id),
    ] {
        assert_eq!(
            app.post(
                client,
                &charter,
                &format!("{charter}/2/endorse"),
                &[("organisation", org.as_str())]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
    }

    // Expectations: the business expects a result within a quarter, the city within a year.
    let expectations = format!("{page}/expectations");
    app.post(
        &csr,
        &expectations,
        &expectations,
        &[
            ("organisation", &company_id),
            ("time-to-first-result", "quarter"),
        ],
    )
    .await;
    app.post(
        &coordinator,
        &expectations,
        &expectations,
        &[("organisation", &city_id), ("time-to-first-result", "year")],
    )
    .await;
    let (_, html) = app.get(&csr, &expectations).await;
    assert!(
        html.contains(&tr.t("expectation-time-to-first-result-advice")),
        "the gap comes with what to talk about"
    );

    // Now agreement goes through.
    let response = app
        .post(&csr, &page, &format!("{page}/stage"), &[("to", "agreed")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(stage(app, id).await, Stage::Agreed);

    // The convener's dashboard shows it with its open risks (no indicators yet).
    let (status, html) = app
        .get(
            &coordinator,
            &format!("/localities/{}/initiatives?sort=risk", s.locality),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&page), "the initiative is listed");
    assert!(
        html.contains(&tr.t("risk-no-indicators")),
        "with its open risk: no indicators yet"
    );
    let (status, _) = app.get(&app.client(), &page).await;
    assert_eq!(status, StatusCode::OK, "the public can read it");
}

#[tokio::test]
async fn a_company_without_the_city_is_stopped_with_a_clear_reason() {
    let s = story().await;
    let app = &s.app;
    let csr = app.signed_in("csr@company.example").await;
    let company = s.company.to_string();
    let locality = s.locality.to_string();
    let response = app
        .post(
            &csr,
            &format!("/initiatives/new?locality={locality}"),
            "/initiatives",
            &[
                ("initiator", &company),
                ("locality", &locality),
                ("title_en", "Go it alone"),
                ("model", "community-responsibility"),
                ("management", "led-by-one"),
            ],
        )
        .await;
    let page = location(&response);
    for to in ["convened", "scoping", "building", "agreed"] {
        let response = app
            .post(&csr, &page, &format!("{page}/stage"), &[("to", to)])
            .await;
        assert!(
            response.status() == StatusCode::FORBIDDEN || response.status() == StatusCode::CONFLICT,
            "{to}: {}",
            response.status()
        );
    }
    let html = app
        .post(&csr, &page, &format!("{page}/stage"), &[("to", "convened")])
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&shutaf_web::i18n::Tr::new(Language::He).t("refused-not-your-part")));
    assert!(
        html.contains(&shutaf_web::i18n::Tr::new(Language::He).t("party-convener-staff")),
        "it says who may"
    );
    // Withdrawing needs published reasons; the error stands at the reason's field.
    let response = app
        .post(
            &csr,
            &page,
            &format!("{page}/stage"),
            &[("to", "withdrawn")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("id=\"e-reason-withdrawn\"")
            && html.contains("aria-describedby=\"e-reason-withdrawn\"")
    );
    assert_eq!(
        app.post(
            &csr,
            &page,
            &format!("{page}/stage"),
            &[("to", "withdrawn"), ("reason", "We found another way")]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    let (_, html) = app.get(&app.client(), &page).await;
    assert!(html.contains("We found another way"), "reasons are public");
}

#[tokio::test]
async fn the_lifecycle_through_the_api_with_gates_suggestions_and_opportunities() {
    let s = story().await;
    let app = &s.app;
    let csr = app.api_token("csr@company.example", "write").await;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let ngo = app.api_token("ngo@ngo.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));

    // The city's staff keep the agenda; a company cannot add goals.
    let goal =
        json!({ "titles": { "en": "Community energy" }, "sdg_codes": ["7", "7.1", "7.1.2"] });
    assert_eq!(
        client
            .post(api(&format!("/localities/{}/goals", s.locality)))
            .bearer_auth(&csr)
            .json(&goal)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    let bad = json!({ "titles": { "en": "x" }, "sdg_codes": ["7.99"] });
    let response = client
        .post(api(&format!("/localities/{}/goals", s.locality)))
        .bearer_auth(&coordinator)
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["fields"][0]["code"],
        "error-sdg-unknown-target"
    );
    // A local target must be defined before a goal uses it.
    let response = client
        .post(api(&format!("/localities/{}/goals", s.locality)))
        .bearer_auth(&coordinator)
        .json(&goal)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["fields"][0]["code"],
        "error-sdg-local-undefined"
    );
    let target =
        json!({ "code": "7.1.2", "titles": { "en": "Every public building on clean power" } });
    assert_eq!(
        client
            .post(api(&format!("/localities/{}/local-targets", s.locality)))
            .bearer_auth(&csr)
            .json(&target)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        client
            .post(api(&format!("/localities/{}/local-targets", s.locality)))
            .bearer_auth(&coordinator)
            .json(&target)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    let targets: Value = client
        .get(api(&format!("/localities/{}/local-targets", s.locality)))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(targets[0]["code"], "7.1.2");
    let created: Value = client
        .post(api(&format!("/localities/{}/goals", s.locality)))
        .bearer_auth(&coordinator)
        .json(&goal)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(created["sdg_codes"], json!(["7", "7.1", "7.1.2"]));

    let proposal = json!({
        "locality_id": s.locality, "initiator_organisation_id": s.company,
        "titles": { "en": "Solar roofs" }, "model": "joint-agenda", "management": "joint",
        "goal_ids": [s.goal], "needs": ["budget", "community-trust", "local-networks"]
    });
    let response = client
        .post(api("/initiatives"))
        .bearer_auth(&csr)
        .json(&proposal)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: Value = response.json().await.unwrap();
    let id = body["id"].as_i64().unwrap();
    assert_eq!(body["stage"], "idea");
    assert!(
        body["next_steps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["to"] != "convened"),
        "the company cannot convene"
    );

    // A refused move says why, with the gates and their remedies.
    let response = client
        .post(api(&format!("/initiatives/{id}/stage")))
        .bearer_auth(&coordinator)
        .json(&json!({ "to": "convened" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "gates_unmet");
    assert_eq!(error["error"]["gates"][0]["code"], "convene-early");
    assert!(
        !error["error"]["gates"][0]["remedy"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    let engaged: Value = client
        .post(api(&format!("/initiatives/{id}/engage")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(engaged["stage"], "convened");
    assert_eq!(engaged["convener_engaged"], true);

    // Suggestions: the NGO brings community trust and local networks and a new sector.
    let suggestions: Value = client
        .get(api(&format!("/initiatives/{id}/suggestions?lang=en")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let first = &suggestions[0];
    assert_eq!(first["organisation_id"], s.ngo, "{suggestions}");
    // Hand-checked: it covers 2 of the 3 uncovered types (500 × 2/3 = 333), adds a sector
    // (200) and works in the locality (150).
    assert_eq!(first["score"], 683, "{first}");
    assert!(first["reasons"].as_array().unwrap().len() >= 2);
    assert!(
        suggestions
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["organisation_id"] != s.company),
        "partners are not suggested"
    );

    // The NGO sees where it is needed, and joins.
    let opportunities: Value = client
        .get(api(&format!("/organisations/{}/opportunities", s.ngo)))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(opportunities["initiatives"][0]["initiative_id"], id);
    assert_eq!(
        opportunities["initiatives"][0]["covers"],
        json!(["community-trust", "local-networks"])
    );
    assert_eq!(
        opportunities["open_goals"].as_array().unwrap().len(),
        1,
        "the locality's one goal that no initiative serves yet: {opportunities}"
    );
    client
        .post(api(&format!("/initiatives/{id}/partners")))
        .bearer_auth(&ngo)
        .json(&json!({ "organisation_id": s.ngo }))
        .send()
        .await
        .unwrap();
    let joined: Value = client
        .post(api(&format!("/initiatives/{id}/partners")))
        .bearer_auth(&csr)
        .json(&json!({ "organisation_id": s.ngo }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        joined["partners"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["organisation_id"] == s.ngo && p["status"] == "active")
    );
    let committed = client
        .post(api(&format!(
            "/initiatives/{id}/partners/{}/contributions",
            s.ngo
        )))
        .bearer_auth(&ngo)
        .json(&json!({ "contribution": "community-trust", "cash_agorot": 1_250_050 }))
        .send()
        .await
        .unwrap();
    assert_eq!(committed.status(), StatusCode::CREATED);
    let body: Value = committed.json().await.unwrap();
    assert_eq!(body["uncovered"], json!(["budget", "local-networks"]));
    let response = client
        .post(api(&format!(
            "/initiatives/{id}/partners/{}/contributions",
            s.company
        )))
        .bearer_auth(&ngo)
        .json(&json!({ "contribution": "budget" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "only a partner's own people commit for it"
    );

    // Charter and endorsements through the API.
    let response = client
        .post(api(&format!("/initiatives/{id}/charter")))
        .bearer_auth(&csr)
        .json(&json!({ "organisation_id": s.company, "sections": { "vision": "Solar schools", "objectives": "20 roofs by 2028" } }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let response = client
        .post(api(&format!("/initiatives/{id}/charter/1/endorsements")))
        .bearer_auth(&ngo)
        .json(&json!({ "organisation_id": s.ngo }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let charter: Value = client
        .get(api(&format!("/initiatives/{id}/charter")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(charter[0]["endorsed_by"], json!([s.ngo]));
    assert_eq!(charter[0]["sections"]["vision"], "Solar schools");

    // Expectations and their divergence.
    client
        .put(api(&format!("/initiatives/{id}/expectations")))
        .bearer_auth(&csr)
        .json(&json!({ "organisation_id": s.company, "answers": { "decision-speed": "days" } }))
        .send()
        .await
        .unwrap();
    let profile: Value = client
        .put(api(&format!("/initiatives/{id}/expectations")))
        .bearer_auth(&ngo)
        .json(&json!({ "organisation_id": s.ngo, "answers": { "decision-speed": "months" } }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(profile["divergences"][0]["question"], "decision-speed");
    let response = client
        .put(api(&format!("/initiatives/{id}/expectations")))
        .bearer_auth(&ngo)
        .json(&json!({ "organisation_id": s.ngo, "answers": { "mood": "good" } }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Led by one partner: the company hands the lead to the NGO, which now moves it on.
    let mut led = proposal.clone();
    led["management"] = json!("led-by-one");
    led["lead_organisation_id"] = json!(s.ngo);
    let response = client
        .put(api(&format!("/initiatives/{id}")))
        .bearer_auth(&csr)
        .json(&led)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let as_ngo: Value = client
        .get(api(&format!("/initiatives/{id}")))
        .bearer_auth(&ngo)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        as_ngo["next_steps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["to"] == "scoping"),
        "{as_ngo}"
    );
    let as_company: Value = client
        .get(api(&format!("/initiatives/{id}")))
        .bearer_auth(&csr)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(as_company["next_steps"].as_array().unwrap().is_empty());
    led["lead_organisation_id"] = json!(s.city);
    let response = client
        .put(api(&format!("/initiatives/{id}")))
        .bearer_auth(&ngo)
        .json(&led)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the lead must be a partner"
    );

    // The dashboard, through the API.
    let page: Value = client
        .get(api(&format!(
            "/localities/{}/initiatives?lang=en",
            s.locality
        )))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 1);
    assert!(
        page["items"][0]["risks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["rule"] == "uncovered-contributions")
    );
    // A decline needs reasons and is refused to the company.
    let response = client
        .post(api(&format!("/initiatives/{id}/stage")))
        .bearer_auth(&coordinator)
        .json(&json!({ "to": "declined" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "reason_required"
    );
    let response = client
        .post(api(&format!("/initiatives/{id}/stage")))
        .bearer_auth(&csr)
        .json(&json!({ "to": "declined", "reason": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_convener_is_notified_in_the_app() {
    let app = TestApp::spawn().await;
    let coordinator = app.person("coordinator@city.example").await;
    let csr = app.person("csr@company.example").await;
    let city = app
        .organisation(
            coordinator,
            "City",
            Sector::Public,
            OrganisationKind::Municipality,
        )
        .await;
    let company = app
        .organisation(csr, "Company", Sector::Business, OrganisationKind::Company)
        .await;
    let locality = app
        .db
        .create_locality(&shutaf_store::NewLocality {
            names: [None, None, Some("Emek".into())],
            kind: shutaf_domain::LocalityKind::Municipality,
            convener_organisation_id: city,
            description: None,
        })
        .await
        .unwrap()
        .id;
    let proposer = app.signed_in("csr@company.example").await;
    let (company, locality) = (company.to_string(), locality.to_string());
    app.post(
        &proposer,
        "/initiatives/new",
        "/initiatives",
        &[
            ("initiator", &company),
            ("locality", &locality),
            ("title_en", "Idea"),
            ("model", "green-economy"),
            ("management", "joint"),
        ],
    )
    .await;
    let client = app.signed_in("coordinator@city.example").await;
    let (_, html) = app.get(&client, "/notifications").await;
    assert!(
        html.contains("/initiatives/1") && html.contains("class=\"badge\">1<"),
        "one unread notification, shown in the header"
    );
    app.post(&client, "/notifications", "/notifications", &[])
        .await;
    let (_, html) = app.get(&client, "/notifications").await;
    assert!(!html.contains("class=\"badge\">1<"), "read");
}

/// Sixty-four suggestion requests at once (the load test's connections) all answer, and all
/// the same: they queue for the matching permits instead of ranking together.
#[tokio::test]
async fn many_suggestion_requests_at_once_queue_and_agree() {
    let s = story().await;
    let app = &s.app;
    let csr = app.api_token("csr@company.example", "write").await;
    let client = reqwest::Client::new();
    let proposal = json!({
        "locality_id": s.locality, "initiator_organisation_id": s.company,
        "titles": { "en": "Solar roofs" }, "model": "joint-agenda", "management": "joint",
        "goal_ids": [s.goal], "needs": ["budget", "community-trust", "local-networks"]
    });
    let created: Value = client
        .post(app.url("/api/v1/initiatives"))
        .bearer_auth(&csr)
        .json(&proposal)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_i64().unwrap();
    let url = app.url(&format!("/api/v1/initiatives/{id}/suggestions?lang=en"));
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..64 {
        let (client, url) = (client.clone(), url.clone());
        requests.spawn(async move {
            let response = client.get(url).send().await.unwrap();
            (response.status(), response.text().await.unwrap())
        });
    }
    let answers = requests.join_all().await;
    assert!(answers.iter().all(|(status, _)| *status == StatusCode::OK));
    let first: Value = serde_json::from_str(&answers[0].1).unwrap();
    assert_eq!(first[0]["organisation_id"], s.ngo, "{first}");
    assert!(answers.iter().all(|(_, body)| *body == answers[0].1));
}
