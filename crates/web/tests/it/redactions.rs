//! A redaction reaches every copy. After a platform administrator redacts a donor, a gift's
//! purpose, an initiative's and a call's reasons, and the name of a person who declared
//! interests and stepped aside, no page, feed, API answer, file or OCDS release that showed the
//! text shows it any more: each shows "redacted on <date>: <ground>" where it was. Only platform
//! administrators redact, from the admin page (with a confirmation, errors in their language and
//! what they typed kept) or through the API.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shutaf_domain::Language;
use shutaf_domain::disclosure::RedactionGround;
use shutaf_store::Acting;
use shutaf_store::calls::NewCall;
use shutaf_testkit::{Person, TestApp, location};
use shutaf_web::i18n::Tr;

use crate::support::{en, pass_deadline, story};

const DONOR: &str = "Yossi Mizrahi, private donor";
const PURPOSE: &str = "Benches in memory of Shoshana Mizrahi";
const DECLINED: &str = "Avner Tal of the company pressed the deputy mayor";
const CANCELLED: &str = "A complaint by Ruth Amir about the evaluators";
const NAME: &str = "Miriam Peretz";

/// A client that reads in English.
fn english() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_static("en"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap()
}

/// A page or file as read, with the escapes of HTML, XML and JSON undone where they touch the
/// texts checked here.
async fn read(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response
        .text()
        .await
        .unwrap()
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
}

const ENTRIES: &str = "/api/v1/log/entries?start=0&end=1000";

async fn entries(app: &TestApp) -> Vec<Value> {
    reqwest::get(app.url(ENTRIES))
        .await
        .unwrap()
        .json::<Vec<Value>>()
        .await
        .unwrap()
}

/// The entry of `kind` that shows `text` beside it.
fn beside(entries: &[Value], kind: &str, text: &str) -> u64 {
    entries
        .iter()
        .find(|e| {
            e["kind"] == kind
                && e["disclosures"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|d| d["text"] == text)
        })
        .unwrap_or_else(|| panic!("no {kind} entry shows {text:?}"))["index"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn a_redaction_reaches_every_page_feed_file_and_api_answer_that_showed_the_text() {
    let s = story().await;
    let app = &s.app;
    Person {
        name: "Hub Administrator",
        language: Some(Language::En),
        platform_admin: true,
        ..Person::new("admin@hub.example")
    }
    .make(&app.db)
    .await;
    let evaluator = app.person("evaluator@city.example").await;
    let admin = app.api_token("admin@hub.example", "write").await;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let csr = app.api_token("csr@company.example", "write").await;
    let locality = s.locality;
    // A call, cancelled after its deadline with reasons (the coordinator declares on it first,
    // under their name of before).
    let coordinator_id = app
        .db
        .user_by_email("coordinator@city.example")
        .await
        .unwrap()
        .unwrap()
        .id;
    let by_city = Acting {
        user_id: coordinator_id,
        organisation_id: Some(s.city),
    };
    let call = app
        .db
        .create_call(
            &NewCall {
                locality_id: locality,
                lang: "en".into(),
                title: "Shade for schoolyards".into(),
                purpose: "Cooler schoolyards".into(),
                sought: "Design and planting".into(),
                eligibility: "Anyone".into(),
                deadline_at: app.db.now() + 3_600,
                criteria: vec![("Impact".into(), None, 100)],
                evaluator_ids: vec![evaluator],
                ..NewCall::default()
            },
            by_city,
        )
        .await
        .unwrap();
    app.db.publish_call(call, by_city).await.unwrap();
    pass_deadline(app, call).await;
    let (status, body) = app
        .api(
            Method::POST,
            &format!("/calls/{call}/declarations"),
            &coordinator,
            Some(&json!({ "has_interests": false })),
        )
        .await;
    assert!(status.is_success(), "{status} {body}");
    let (status, body) = app
        .api(
            Method::POST,
            &format!("/calls/{call}/cancel"),
            &coordinator,
            Some(&json!({ "reasons": CANCELLED })),
        )
        .await;
    assert!(status.is_success(), "{status} {body}");

    let (status, _) = app
        .api(
            Method::PUT,
            "/me",
            &coordinator,
            Some(&json!({ "display_name": NAME, "preferred_language": "en" })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    // A private donor's gift, registered with its purpose.
    let (status, donation) = app
        .api(
            Method::POST,
            &format!("/localities/{locality}/donations"),
            &coordinator,
            Some(&json!({ "donor_name": DONOR, "kind": "money", "value_agorot": 250_000, "purpose": PURPOSE })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{donation}");
    let donation = donation["id"].as_i64().unwrap();

    // The company's idea, declined with published reasons.
    let propose = || async {
        let (status, body) = app
            .api(
                Method::POST,
                "/initiatives",
                &csr,
                Some(&json!({ "locality_id": locality, "initiator_organisation_id": s.company,
                              "titles": { "en": "Solar roofs" }, "model": "green-economy", "management": "joint" })),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body["id"].as_i64().unwrap()
    };
    let declined = propose().await;
    let (status, body) = app
        .api(
            Method::POST,
            &format!("/initiatives/{declined}/stage"),
            &coordinator,
            Some(&json!({ "to": "declined", "reason": DECLINED })),
        )
        .await;
    assert!(status.is_success(), "{status} {body}");

    // Another idea of the company, on which the coordinator declares a tie with it and so
    // steps aside.
    let declared = propose().await;
    let (status, body) = app
        .api(
            Method::POST,
            &format!("/initiatives/{declared}/declarations"),
            &coordinator,
            Some(&json!({ "has_interests": true,
                          "ties": [{ "organisation_id": s.company, "relation": "relative" }] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Where each text is shown: pages, feed, API answers, files and the OCDS release.
    let portal = format!("/localities/{locality}/portal");
    let record = format!("/localities/{locality}/record");
    let shown_in: Vec<(&str, Vec<String>)> = vec![
        (
            DONOR,
            vec![
                format!("/donations/{donation}"),
                format!("/localities/{locality}/donations"),
                portal.clone(),
                format!("{portal}/donations.csv"),
                format!("{portal}/donations.json"),
                format!("/api/v1/donations/{donation}"),
                format!("/api/v1/localities/{locality}/donations"),
            ],
        ),
        (
            PURPOSE,
            vec![
                format!("/donations/{donation}"),
                format!("/localities/{locality}/donations"),
                format!("{portal}/donations.csv"),
                format!("/api/v1/donations/{donation}"),
            ],
        ),
        (
            DECLINED,
            vec![
                format!("/initiatives/{declined}"),
                format!("/api/v1/initiatives/{declined}"),
            ],
        ),
        (
            CANCELLED,
            vec![
                format!("/calls/{call}"),
                format!("/api/v1/calls/{call}"),
                format!("{portal}/calls.ocds.json"),
            ],
        ),
        (
            NAME,
            vec![
                format!("/initiatives/{declared}"),
                format!("/api/v1/initiatives/{declared}/integrity"),
                portal.clone(),
                format!("{portal}/declarations.csv"),
                format!("{portal}/declarations.json"),
            ],
        ),
    ];
    let everywhere = |paths: &[String]| {
        let mut all = paths.to_vec();
        all.extend([record.clone(), format!("{record}.atom")]);
        all
    };
    let reader = english();
    for (text, paths) in &shown_in {
        for path in everywhere(paths) {
            let body = read(&reader, app, &path).await;
            assert!(body.contains(text), "{path} shows {text:?} before: {body}");
        }
    }
    let before = read(&reader, app, ENTRIES).await;
    assert!(shown_in.iter().all(|(text, _)| before.contains(text)));

    let log = entries(app).await;
    let donor_entry = beside(&log, "donation-registered", DONOR);
    let declined_entry = beside(&log, "stage-declined", DECLINED);
    let cancelled_entry = beside(&log, "call-cancelled", CANCELLED);
    let declaration_entry = beside(&log, "interests-declared", NAME);
    let recusal_entry = beside(&log, "recused", NAME);

    // The admin page's form: a platform administrator only; without the confirmation, the
    // form comes back in their language with what they typed; then the donor is redacted.
    let redactions = "/admin/redactions".to_owned();
    // The donor's redaction as the form sends it, by whoever is signed in on `page`.
    let redact_donor = |client: &reqwest::Client, page: &'static str| {
        let (app, client, redactions) = (&app, client.clone(), redactions.clone());
        let entry = donor_entry.to_string();
        async move {
            app.post(
                &client,
                page,
                &redactions,
                &[
                    ("entry", entry.as_str()),
                    ("field", "donor"),
                    ("ground", "erasure-request"),
                    ("confirm", "1"),
                ],
            )
            .await
        }
    };
    let staff = app.signed_in("coordinator@city.example").await;
    let response = redact_donor(&staff, "/profile").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let administrator = app.signed_in("admin@hub.example").await;
    let (status, html) = app
        .get(
            &administrator,
            &format!("{record}?kind=donation-registered"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let link = format!("/admin?entry={donor_entry}&amp;field=donor#redact");
    assert!(html.contains(&link), "the record links to the form: {html}");
    let (_, html) = app
        .get(
            &administrator,
            &format!("/admin?entry={donor_entry}&field=donor"),
        )
        .await;
    assert!(
        html.contains(&format!("value=\"{donor_entry}\"")),
        "the form is filled in from the record's link"
    );
    let response = app
        .post(
            &administrator,
            "/admin",
            &redactions,
            &[
                ("entry", &donor_entry.to_string()),
                ("field", "donor"),
                ("ground", "erasure-request"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains(&en("error-redaction-confirm")),
        "the error, in English"
    );
    assert!(html.contains(&format!("value=\"{donor_entry}\"")), "kept");
    assert!(html.contains("value=\"erasure-request\" selected"), "kept");
    let response = app
        .post(
            &administrator,
            "/admin",
            &redactions,
            &[
                ("entry", "999999"),
                ("field", "donor"),
                ("ground", "erasure-request"),
                ("confirm", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains(&en("error-redaction-no-entry"))
    );
    let response = redact_donor(&administrator, "/admin").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/admin#redact");
    let (_, html) = app.get(&administrator, "/admin").await;
    assert!(html.contains(&en("flash-redacted")));

    // The API: a platform administrator's write token only; once; a text the entry shows.
    let redact = |index: u64, field: &'static str, ground: &'static str, token: String| async move {
        app.api(
            Method::POST,
            &format!("/log/entries/{index}/redactions"),
            &token,
            Some(&json!({ "field": field, "ground": ground })),
        )
        .await
    };
    let (status, _) = redact(declined_entry, "reasons", "not-public", coordinator.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let read_only = app.api_token("admin@hub.example", "read").await;
    let (status, _) = redact(declined_entry, "reasons", "not-public", read_only).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = redact(donor_entry, "donor", "correction", admin.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT, "once only");
    let (status, _) = redact(999_999, "reasons", "correction", admin.clone()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = redact(declined_entry, "donor", "correction", admin.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for (index, field, ground) in [
        (donor_entry, "purpose", "correction"),
        (declined_entry, "reasons", "not-public"),
        (cancelled_entry, "reasons", "legal-order"),
        (declaration_entry, "person-name", "erasure-request"),
        (recusal_entry, "person-name", "erasure-request"),
    ] {
        let (status, body) = redact(index, field, ground, admin.clone()).await;
        assert_eq!(status, StatusCode::CREATED, "{field} of {index}: {body}");
        assert_eq!(body["entry"], index);
        assert_eq!(body["field"], field);
        let redaction = body["redaction_index"].as_u64().unwrap();
        let log = entries(app).await;
        assert_eq!(
            log[redaction as usize]["detail"],
            format!("entry:{index} field:{field} ground:{ground}")
        );
    }

    // Nowhere is any of the texts left; where each was, its redaction shows, in the
    // administrator's language where the hub kept a copy and in the reader's where it reads
    // beside the log (English for both here).
    let log = entries(app).await;
    let notice = |index: u64, field: &str| {
        let d = log[index as usize]["disclosures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["field"] == field)
            .unwrap()
            .clone();
        assert_eq!(d["text"], Value::Null);
        let (at, code) = (
            d["redacted_at"].as_i64().unwrap(),
            d["redaction_ground"].as_str().unwrap(),
        );
        let ground = RedactionGround::parse(code);
        // In the reader's language; the downloads are in Hebrew, and their JSON codes it.
        [
            Tr::new(Language::En).redaction(at, ground),
            Tr::new(Language::He).redaction(at, ground),
            format!("\"at\": {at},\n      \"ground\": \"{code}\""),
        ]
    };
    let notices = [
        (DONOR, notice(donor_entry, "donor")),
        (PURPOSE, notice(donor_entry, "purpose")),
        (DECLINED, notice(declined_entry, "reasons")),
        (CANCELLED, notice(cancelled_entry, "reasons")),
        (NAME, notice(declaration_entry, "person-name")),
    ];
    let erased = [DONOR, PURPOSE, DECLINED, CANCELLED, NAME, "Mizrahi"];
    for (text, paths) in &shown_in {
        let (_, notice) = notices.iter().find(|(t, _)| t == text).unwrap();
        for path in everywhere(paths) {
            let body = read(&reader, app, &path).await;
            for gone in erased {
                assert!(!body.contains(gone), "{path} still shows {gone:?}: {body}");
            }
            assert!(
                notice.iter().any(|n| body.contains(n.as_str())),
                "{path} shows the redaction of {text:?} ({notice:?}): {body}"
            );
        }
    }
    // The log's own answer shows when and why, coded, and none of the texts.
    let after = read(&reader, app, ENTRIES).await;
    for gone in erased {
        assert!(!after.contains(gone), "the entries still show {gone:?}");
    }
    // In Hebrew, the names read from beside the log say so in Hebrew.
    let (_, html) = app
        .get(&app.client(), &format!("/initiatives/{declared}"))
        .await;
    assert!(html.contains(&Tr::new(Language::He).t("redaction-erasure-request")));
    assert!(!html.contains(NAME));
    // The donor's name is gone from the database too, not only from what is shown.
    let kept: (String, String) =
        sqlx::query_as("SELECT donor_name, purpose FROM donations WHERE id = $1")
            .bind(donation)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert!(!kept.0.contains("Mizrahi") && !kept.1.contains("Mizrahi"));
}
