//! Hostile input: an XSS and SQL-injection corpus goes into every text field the hub shows
//! (organisation and locality names, descriptions in Markdown, initiative texts, partners'
//! roles, contributions, charters, reasons, declarations, calls, applications, donations,
//! notices, people's names), and into search queries; then every page, feed and download that
//! shows them is fetched. No payload may come out as markup, no link may carry `javascript:`,
//! nothing answers 5xx, and every payload is stored as typed (SQL is parameterised: the text is
//! data, never code).

use shutaf_domain::integrity::Relation;
use shutaf_domain::{
    ContributionType, Language, LocalityKind, Management, OrganisationKind, PartnershipModel,
    Sector,
};
use shutaf_store::calls::NewCall;
use shutaf_store::donations::NewDonation;
use shutaf_store::integrity::NewDeclaration;
use shutaf_store::{
    Acting, NewContribution, NewGoal, NewInitiative, NewLocality, NewOrganisation, PartnerStatus,
};
use shutaf_testkit::app::organisation_from;
use shutaf_testkit::{Person, TestApp};

/// Payloads, each tagged with a number so that a leak can be traced to its field.
fn payload(n: usize) -> String {
    let corpus = [
        "<script>alert('x{n}')</script>",
        "\"><img src=x onerror=alert('x{n}')>",
        "<svg/onload=alert('x{n}')>",
        "'; DROP TABLE organisations; -- x{n}",
        "' OR '1'='1' -- x{n}",
        "[click](javascript:alert('x{n}'))",
        "<a href=\"javascript:alert('x{n}')\">x{n}</a>",
        "{{7*7}} ${7*7} x{n}",
        "=HYPERLINK(\"http://evil\") x{n}",
        "\u{202e}gnp.exe x{n}",
        "</textarea><script>alert('x{n}')</script>",
        "<iframe src=//evil x{n}>",
    ];
    corpus[n % corpus.len()].replace("{n}", &n.to_string())
}

/// Fragments that must never appear in a response: they would be live markup.
const LIVE: &[&str] = &[
    "<script>alert",
    "<img src=x",
    "<svg/onload",
    "<iframe src=//evil",
    "href=\"javascript:",
    "href='javascript:",
    "src=\"javascript:",
];

#[tokio::test]
async fn every_text_field_survives_a_hostile_corpus() {
    let app = TestApp::spawn().await;
    let db = app.db.clone();
    let mut n = 0;
    let mut next = || {
        n += 1;
        payload(n)
    };
    let person = Person {
        name: &next(),
        language: Some(Language::He),
        ..Person::new("hostile@example.org")
    }
    .make(&db)
    .await;
    let org = |names: [String; 3], description: String, sector, kind| NewOrganisation {
        names: names.map(Some),
        sector: Some(sector),
        kind: Some(kind),
        description: Some(description),
        contributions: ContributionType::sector_defaults(sector).to_vec(),
        contributions_text: None,
        ..Default::default()
    };
    let city = organisation_from(
        &db,
        person,
        &org(
            [next(), next(), next()],
            next(),
            Sector::Public,
            OrganisationKind::Municipality,
        ),
    )
    .await;
    let locality = db
        .create_locality(&NewLocality {
            names: [Some(next()), Some(next()), Some(next())],
            kind: LocalityKind::Municipality,
            convener_organisation_id: city,
            description: Some(next()),
        })
        .await
        .unwrap()
        .id;
    let company = organisation_from(
        &db,
        person,
        &NewOrganisation {
            locality_ids: vec![locality],
            ..org(
                [next(), next(), next()],
                next(),
                Sector::Business,
                OrganisationKind::Company,
            )
        },
    )
    .await;
    let goal = db
        .create_goal(
            locality,
            &NewGoal {
                titles: [Some(next()), Some(next()), Some(next())],
                descriptions: [Some(next()), None, None],
                department: Some(next()),
                status: "active".into(),
                sdg_codes: vec!["7.2".into()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let by_company = Acting {
        user_id: person,
        organisation_id: Some(company),
    };
    let by_city = Acting {
        user_id: person,
        organisation_id: Some(city),
    };
    let (initiative, _) = db
        .create_initiative(
            &NewInitiative {
                locality_id: locality,
                initiator_organisation_id: company,
                titles: [Some(next()), Some(next()), Some(next())],
                problems: [Some(next()), Some(next()), Some(next())],
                approaches: [Some(next()), Some(next()), Some(next())],
                model: PartnershipModel::JointAgenda,
                management: Management::Joint,
                goal_ids: vec![goal],
                needs: vec![ContributionType::Budget],
                lead_organisation_id: None,
            },
            by_company,
        )
        .await
        .unwrap();
    db.propose_partner(initiative, city, PartnerStatus::Invited, by_company)
        .await
        .unwrap();
    db.propose_partner(initiative, city, PartnerStatus::Requested, by_city)
        .await
        .unwrap();
    db.describe_partner(
        initiative,
        company,
        Some(&next()),
        Some(&next()),
        Some(&next()),
        by_company,
    )
    .await
    .unwrap();
    db.add_contribution(
        initiative,
        company,
        &NewContribution {
            contribution: ContributionType::Budget,
            description: Some(next()),
            cash_agorot: Some(100),
            in_kind_agorot: None,
            period: Some(next()),
        },
        by_company,
    )
    .await
    .unwrap();
    let charter = serde_json::json!({ "vision": next(), "objectives": next() }).to_string();
    db.propose_charter(initiative, &charter, company, by_company)
        .await
        .unwrap();
    db.set_integrity(
        initiative,
        false,
        Some("sole-provider"),
        Some(&next()),
        by_city,
    )
    .await
    .unwrap();
    db.declare_interests(
        initiative,
        &NewDeclaration {
            organisation_id: city,
            details: Some(next()),
            ties: vec![(company, Relation::Other)],
        },
        by_city,
    )
    .await
    .unwrap();
    db.publish_notice(initiative, &next(), db.now() + 3_600, by_city)
        .await
        .unwrap();
    let call = db
        .create_call(
            &NewCall {
                locality_id: locality,
                lang: "he".into(),
                title: next(),
                purpose: next(),
                sought: next(),
                eligibility: next(),
                deadline_at: db.now() + 3_600,
                criteria: vec![(next(), Some(next()), 100)],
                goal_ids: vec![goal],
                evaluator_ids: vec![person],
                invite: Vec::new(),
            },
            by_city,
        )
        .await
        .unwrap();
    db.publish_call(call, by_city).await.unwrap();
    db.apply_to_call(call, company, &next(), &next(), by_company)
        .await
        .unwrap();
    let stored_call = db.call(call).await.unwrap().unwrap();
    db.clock.advance_to(stored_call.deadline_at + 1);
    let application = db.applications(call).await.unwrap()[0].clone();
    db.score_application(
        &stored_call,
        application.id,
        &[(stored_call.criteria[0].id, 5, next())],
        by_city,
    )
    .await
    .unwrap();
    let results = db
        .call_results(&stored_call, std::slice::from_ref(&application))
        .await
        .unwrap();
    db.award_call(&stored_call, &application, &next(), &results, by_city)
        .await
        .unwrap();
    let donation = db
        .register_donation(
            &NewDonation {
                locality_id: locality,
                donor_organisation_id: None,
                donor_name: next(),
                kind: shutaf_domain::donation::DonationKind::Goods,
                value_agorot: None,
                purpose: next(),
                initiative_id: Some(initiative),
            },
            by_city,
        )
        .await
        .unwrap();
    let last_payload = n;

    // Every page that shows what was typed, read by a visitor.
    let client = app.bare_client();
    let mut paths = vec![
        "/".to_owned(),
        "/organisations".into(),
        format!("/organisations/{city}"),
        format!("/organisations/{company}"),
        format!("/organisations/{company}/opportunities"),
        "/localities".into(),
        format!("/localities/{locality}"),
        format!("/localities/{locality}/initiatives"),
        format!("/localities/{locality}/record"),
        format!("/localities/{locality}/record.atom"),
        format!("/localities/{locality}/portal"),
        format!("/localities/{locality}/calls"),
        format!("/localities/{locality}/donations"),
        format!("/initiatives/{initiative}"),
        format!("/initiatives/{initiative}/charter"),
        format!("/initiatives/{initiative}/suggestions"),
        format!("/calls/{call}"),
        format!("/donations/{donation}"),
        format!("/localities/{locality}/portal/initiatives.json"),
        format!("/localities/{locality}/portal/calls.ocds.json"),
        format!("/api/v1/initiatives/{initiative}"),
        format!("/api/v1/organisations/{company}"),
        "/api/v1/log/entries?start=0&end=200".into(),
    ];
    // Payloads as search queries and filters, in every language.
    for i in 1..=12 {
        let q = payload(i);
        for lang in ["he", "ar", "en"] {
            paths.push(format!(
                "/organisations?q={}&lang={lang}",
                shutaf_web::error::urlencode(&q)
            ));
        }
        paths.push(format!(
            "/localities/{locality}/portal?q={}&stage={}&chosen={}",
            shutaf_web::error::urlencode(&q),
            shutaf_web::error::urlencode(&q),
            shutaf_web::error::urlencode(&q)
        ));
        paths.push(format!(
            "/api/v1/organisations?q={}",
            shutaf_web::error::urlencode(&q)
        ));
    }
    let mut shown = std::collections::BTreeSet::new();
    for path in &paths {
        let response = client.get(app.url(path)).send().await.unwrap();
        let status = response.status();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let body = response.text().await.unwrap();
        assert!(status.is_success(), "{path}: {status}");
        // JSON is data, served as JSON (never sniffed as HTML): markup in it is only text.
        let markup = content_type.starts_with("text/html") || content_type.contains("xml");
        assert!(
            markup || content_type.starts_with("application/json"),
            "{path}: {content_type}"
        );
        for live in LIVE.iter().filter(|_| markup) {
            assert!(
                !body.contains(live),
                "{path} shows live markup {live:?}: …{}…",
                &body[body.find(live).unwrap().saturating_sub(80)..][..160.min(body.len())]
            );
        }
        for i in 1..=last_payload {
            if body.contains(&format!("x{i}'"))
                || body.contains(&format!("x{i}&#"))
                || body.contains(&format!("x{i})"))
                || body.contains(&format!(" x{i}"))
                || body.contains(&format!(">x{i}<"))
            {
                shown.insert(i);
            }
        }
    }
    // The payloads were really shown (escaped), not silently dropped: most fields appear.
    assert!(
        shown.len() * 10 >= last_payload * 6,
        "only {} of {last_payload} payloads appear anywhere: {shown:?}",
        shown.len()
    );

    // And they were stored as typed: the injection was data.
    let name: String = sqlx::query_scalar("SELECT name_he FROM organisations WHERE id = $1")
        .bind(city)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(name, payload(2));
    let organisations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(organisations, 2, "no table was dropped, nothing was added");
    assert!(db.log_leaves(db.log_size().await.unwrap()).await.is_ok());
}
