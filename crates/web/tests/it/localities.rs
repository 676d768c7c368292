//! A locality's public portal: searching its initiatives, filtering by stage and by how the
//! business partner was chosen, and downloads that neutralise spreadsheet formulas.

use reqwest::StatusCode;
use serde_json::Value;
use shutaf_testkit::TestApp;

use crate::support::city;

#[tokio::test]
async fn portal_downloads_neutralise_spreadsheet_formulas() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let csr = app
        .db
        .user_by_email("csr@company.example")
        .await
        .unwrap()
        .unwrap()
        .id;
    let acting = shutaf_store::Acting {
        user_id: csr,
        organisation_id: Some(c.company),
    };
    let (id, _) = app
        .db
        .create_initiative(
            &shutaf_store::NewInitiative {
                locality_id: c.locality,
                initiator_organisation_id: c.company,
                titles: [None, None, Some("=1+1 roofs".into())],
                problems: [None, None, None],
                approaches: [None, None, None],
                model: shutaf_domain::PartnershipModel::JointAgenda,
                management: shutaf_domain::Management::Joint,
                goal_ids: vec![],
                needs: vec![],
                lead_organisation_id: None,
            },
            acting,
        )
        .await
        .unwrap();
    let visitor = app.client();
    let response = visitor
        .get(app.url(&format!(
            "/localities/{}/portal/initiatives.csv",
            c.locality
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    assert!(csv.contains("'=1+1 roofs"), "{csv}");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(!csv.contains(",=1+1"));
    let (status, json) = app
        .get(
            &visitor,
            &format!("/localities/{}/portal/initiatives.json", c.locality),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let rows: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["id"], id);
    assert_eq!(
        rows[0]["title_en"], "=1+1 roofs",
        "JSON keeps the data as it is"
    );
    assert_eq!(
        app.get(
            &visitor,
            &format!("/localities/{}/portal/secrets.csv", c.locality)
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
    // The portal searches titles.
    let (_, html) = app
        .get(
            &visitor,
            &format!("/localities/{}/portal?q=roofs", c.locality),
        )
        .await;
    assert!(html.contains("=1+1 roofs"));
    let (_, html) = app
        .get(
            &visitor,
            &format!("/localities/{}/portal?q=gardens", c.locality),
        )
        .await;
    assert!(!html.contains("=1+1 roofs"));
    // And filters by stage and by how the business partner was chosen.
    for (query, shown) in [
        ("stage=idea", true),
        ("stage=agreed", false),
        ("chosen=unrecorded", true),
        ("chosen=open-call", false),
        ("chosen=exemption", false),
        ("stage=idea&chosen=unrecorded&q=roofs", true),
    ] {
        let (status, html) = app
            .get(
                &visitor,
                &format!("/localities/{}/portal?{query}", c.locality),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(html.contains("=1+1 roofs"), shown, "{query}");
    }
}
