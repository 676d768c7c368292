//! The decision log through the API, as an auditor checks it: the head signed by the hub's key,
//! entries whose hashes recompute, inclusion and consistency proofs; and the same record for
//! anyone, filtered and as a feed.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::story;

#[tokio::test]
async fn auditors_check_the_decision_log_through_the_api() {
    use shutaf_domain::merkle;
    let s = story().await;
    let app = &s.app;
    let csr = app.api_token("csr@company.example", "write").await;
    let coordinator = app.api_token("coordinator@city.example", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));
    let unhex = |v: &Value| -> merkle::Hash {
        hex::decode(v.as_str().unwrap())
            .unwrap()
            .try_into()
            .unwrap()
    };

    let proposal = json!({ "locality_id": s.locality, "initiator_organisation_id": s.company, "titles": { "en": "Idea" }, "model": "green-economy", "management": "joint" });
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
    // The hub signs a checkpoint when its log grows: a moment after the decision.
    let first = app.signed_head(1).await;
    assert_eq!(first["size"], 1, "the proposal is on the record");
    client
        .post(api(&format!("/initiatives/{id}/engage")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap();
    client
        .post(api(&format!("/initiatives/{id}/stage")))
        .bearer_auth(&coordinator)
        .json(&json!({ "to": "declined", "reason": "Not now" }))
        .send()
        .await
        .unwrap();
    let head = app.signed_head(4).await;
    let size = head["size"].as_u64().unwrap();
    assert_eq!(size, 4, "proposed, engaged, convened, declined");
    let root = unhex(&head["root"]);
    // The head is signed by the hub's published key.
    use ed25519_dalek::Verifier;
    let key: Value = client
        .get(api("/log/key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(key["public_key"], head["public_key"]);
    let public: [u8; 32] = hex::decode(key["public_key"].as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    let public = ed25519_dalek::VerifyingKey::from_bytes(&public).unwrap();
    let signature: [u8; 64] = hex::decode(head["signature"].as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    let signature = ed25519_dalek::Signature::from_bytes(&signature);
    let signed = merkle::tree_head_bytes(size, &root, head["at"].as_i64().unwrap());
    assert!(public.verify(&signed, &signature).is_ok());
    let forged = merkle::tree_head_bytes(size + 1, &root, head["at"].as_i64().unwrap());
    assert!(
        public.verify(&forged, &signature).is_err(),
        "a changed head fails"
    );

    // Each entry's hash can be recomputed from its canonical bytes.
    let entries: Value = client
        .get(api(&format!("/log/entries?start=0&end={size}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let leaves: Vec<merkle::Hash> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let leaf = merkle::leaf_hash(e["canonical"].as_str().unwrap().as_bytes());
            assert_eq!(leaf, unhex(&e["leaf_hash"]));
            leaf
        })
        .collect();
    assert_eq!(merkle::root(&leaves), root);
    assert_eq!(entries[3]["kind"], "stage-declined");
    // The reasons are shown beside the entry with their salt, and match its commitment.
    assert_eq!(entries[3]["detail"], Value::Null);
    assert_eq!(entries[3]["disclosures"][0]["field"], "reasons");
    assert_eq!(entries[3]["disclosures"][0]["text"], "Not now");
    let salt: [u8; 32] = unhex(&entries[3]["disclosures"][0]["salt"]);
    assert_eq!(
        hex::encode(shutaf_domain::disclosure::commitment(
            "reasons", &salt, "Not now"
        )),
        entries[3]["commitments"][0]["hash"].as_str().unwrap()
    );

    // Inclusion and consistency proofs verify against the heads.
    for index in 0..size {
        let proof: Value = client
            .get(api(&format!(
                "/log/proof/inclusion?index={index}&size={size}"
            )))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let path: Vec<merkle::Hash> = proof["audit_path"]
            .as_array()
            .unwrap()
            .iter()
            .map(unhex)
            .collect();
        assert!(
            merkle::verify_inclusion(index, size, &leaves[index as usize], &path, &root),
            "entry {index}"
        );
    }
    let proof: Value = client
        .get(api(&format!(
            "/log/proof/consistency?first=1&second={size}"
        )))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let path: Vec<merkle::Hash> = proof["proof"]
        .as_array()
        .unwrap()
        .iter()
        .map(unhex)
        .collect();
    assert!(merkle::verify_consistency(
        1,
        size,
        &unhex(&first["root"]),
        &root,
        &path
    ));

    assert_eq!(
        client
            .get(api(&format!(
                "/log/proof/inclusion?index=0&size={}",
                size + 1
            )))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        client
            .get(api("/log/entries?start=5&end=1"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::BAD_REQUEST
    );

    // The same record, readable by anyone, filterable, and as a feed.
    let page = format!("/localities/{}/record", s.locality);
    let (status, html) = app.get(&app.client(), &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Not now") && html.contains(&format!("/initiatives/{id}")));
    let (_, html) = app
        .get(&app.client(), &format!("{page}?kind=stage-declined"))
        .await;
    assert!(html.contains("Not now"));
    assert_eq!(
        html.matches("</tr>").count(),
        2,
        "the heading row and the one decline"
    );
    let feed = reqwest::get(app.url(&format!("{page}.atom")))
        .await
        .unwrap();
    assert!(
        feed.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let xml = feed.text().await.unwrap();
    assert_eq!(xml.matches("<entry>").count(), 4);
    assert!(xml.contains("Not now"));
}
