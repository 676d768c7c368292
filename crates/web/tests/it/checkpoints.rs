//! Signed checkpoints through the API: signed when the log grows (never at a reader's request),
//! every one kept and served newest first, in the C2SP formats; witnesses' cosignatures
//! checked, kept and served with them; a log rewritten behind the hub's back signed no more.

use ed25519_dalek::Verifier;
use reqwest::StatusCode;
use serde_json::{Value, json};
use shutaf_domain::checkpoint::{
    self, Algorithm, Checkpoint, Note, Verification, VerifierKey, cosign,
};
use shutaf_domain::merkle;
use shutaf_testkit::TestApp;

use crate::support::{Story, story_on};

/// The hub's checkpoint signer looks at the log this often in these tests.
const INTERVAL_MS: u64 = 50;

fn witness_key(seed: u8) -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(&[seed; 32])
}

fn witness_vkey(name: &str, seed: u8) -> VerifierKey {
    VerifierKey::new(
        name,
        Algorithm::CosignatureV1,
        witness_key(seed).verifying_key(),
    )
    .unwrap()
}

/// A story whose hub signs often, with the origin `hub.test` and the witness `witness.test`.
async fn hub() -> Story {
    story_on(|config| {
        config.checkpoints.interval_ms = INTERVAL_MS;
        config.checkpoints.origin = Some("hub.test".into());
        config.checkpoints.witnesses = vec![witness_vkey("witness.test", 9).to_string()];
    })
    .await
}

/// A decision on the record: the company proposes an initiative.
async fn propose(s: &Story, token: &str) {
    let proposal = json!({ "locality_id": s.locality, "initiator_organisation_id": s.company,
        "titles": { "en": "Idea" }, "model": "green-economy", "management": "joint" });
    let response = reqwest::Client::new()
        .post(s.app.url("/api/v1/initiatives"))
        .bearer_auth(token)
        .json(&proposal)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}

async fn get_json(app: &TestApp, path: &str) -> Value {
    let response = reqwest::get(app.url(path)).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.json().await.unwrap()
}

async fn hub_vkey(app: &TestApp) -> VerifierKey {
    let key = get_json(app, "/api/v1/log/key").await;
    let vkey = VerifierKey::parse(key["vkey"].as_str().unwrap()).unwrap();
    assert_eq!(vkey.name(), "hub.test");
    assert_eq!(key["origin"], "hub.test");
    assert_eq!(key["key_id"], format!("{:08x}", vkey.key_id()));
    assert_eq!(
        key["public_key"],
        hex::encode(vkey.public_key().to_bytes()),
        "the same key, as a vkey and as hex"
    );
    vkey
}

#[tokio::test]
async fn the_hub_signs_a_checkpoint_when_the_log_grows_and_serves_every_one() {
    let s = hub().await;
    let app = &s.app;
    let token = app.api_token("csr@company.example", "write").await;
    let vkey = hub_vkey(app).await;

    // The empty log was signed when the hub started; then each growth gets a checkpoint.
    let mut heads = vec![app.signed_head(0).await];
    for size in 1..=4u64 {
        propose(&s, &token).await;
        heads.push(app.signed_head(size).await);
    }
    let sizes: Vec<u64> = heads.iter().map(|h| h["size"].as_u64().unwrap()).collect();
    assert_eq!(sizes, vec![0, 1, 2, 3, 4]);
    let times: Vec<i64> = heads.iter().map(|h| h["at"].as_i64().unwrap()).collect();
    assert!(times.windows(2).all(|t| t[0] <= t[1]), "{times:?}");

    let leaves: Vec<merkle::Hash> = get_json(app, "/api/v1/log/entries?start=0&end=4")
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|e| merkle::leaf_hash(e["canonical"].as_str().unwrap().as_bytes()))
        .collect();
    for head in &heads {
        let size = head["size"].as_u64().unwrap();
        // The checkpoint, a C2SP signed note by the hub's key under its origin, is the head.
        let (signed, note) = checkpoint::open(head["checkpoint"].as_str().unwrap(), &vkey).unwrap();
        assert_eq!(signed.size, size);
        assert_eq!(signed.root, merkle::root(&leaves[..size as usize]));
        assert_eq!(head["root"], hex::encode(signed.root));
        assert_eq!(head["origin"], "hub.test");
        assert_eq!(note.signatures.len(), 1);
        // And so is the tree head of `shutaf verify --url`, signed with the checkpoint's time.
        let signature: [u8; 64] = hex::decode(head["signature"].as_str().unwrap())
            .unwrap()
            .try_into()
            .unwrap();
        assert!(
            vkey.public_key()
                .verify(
                    &merkle::tree_head_bytes(size, &signed.root, head["at"].as_i64().unwrap()),
                    &ed25519_dalek::Signature::from_bytes(&signature)
                )
                .is_ok()
        );
    }

    // The latest as text, at a stable address, as transparency-log tools read it.
    let response = reqwest::get(app.url("/api/v1/log/checkpoint"))
        .await
        .unwrap();
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = response.text().await.unwrap();
    assert_eq!(text, heads[4]["checkpoint"].as_str().unwrap());
    assert!(text.starts_with("hub.test\n4\n"));

    // Every checkpoint kept, newest first, a page at a time.
    let mut history = Vec::new();
    let mut path = "/api/v1/log/checkpoints?limit=2".to_owned();
    loop {
        let page = get_json(app, &path).await;
        for c in page["checkpoints"].as_array().unwrap() {
            history.push((c["size"].as_u64().unwrap(), c["checkpoint"].clone()));
        }
        match page["next_before"].as_u64() {
            Some(before) => path = format!("/api/v1/log/checkpoints?limit=2&before={before}"),
            None => break,
        }
    }
    assert_eq!(
        history.iter().map(|(size, _)| *size).collect::<Vec<_>>(),
        vec![4, 3, 2, 1, 0]
    );
    for (size, note) in &history {
        assert_eq!(note, &heads[*size as usize]["checkpoint"], "the same, kept");
    }
    let one = get_json(app, "/api/v1/log/checkpoints/2").await;
    assert_eq!(one["checkpoint"], heads[2]["checkpoint"]);
    assert_eq!(one["at"], heads[2]["at"]);
    let missing = reqwest::get(app.url("/api/v1/log/checkpoints/99"))
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_head_keeps_its_time_while_the_log_does_not_grow() {
    let s = hub().await;
    let app = &s.app;
    let token = app.api_token("csr@company.example", "write").await;
    propose(&s, &token).await;
    let first = app.signed_head(1).await;
    // Long enough for a head signed on demand to carry another second.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let again = get_json(app, "/api/v1/log/head").await;
    assert_eq!(
        again, first,
        "the same checkpoint, the same time, the same signature"
    );
    let at = first["at"].as_i64().unwrap();
    assert!(
        at < app.db.now(),
        "the time it was signed, not the request's"
    );

    propose(&s, &token).await;
    let grown = app.signed_head(2).await;
    assert!(grown["at"].as_i64().unwrap() > at);
    assert_ne!(grown["signature"], first["signature"]);
}

#[tokio::test]
async fn witnesses_cosignatures_are_checked_kept_and_served() {
    let s = hub().await;
    let app = &s.app;
    let token = app.api_token("csr@company.example", "write").await;
    propose(&s, &token).await;
    let head = app.signed_head(1).await;
    let message = head["checkpoint"].as_str().unwrap().to_owned();
    let note = Note::parse(&message).unwrap();
    let client = reqwest::Client::new();
    let post = |body: String| {
        client
            .post(app.url("/api/v1/log/cosignatures"))
            .header("content-type", "text/plain")
            .body(body)
            .send()
    };

    // A witness the hub accepts: kept, and served after the hub's own signature.
    let mut cosigned = note.clone();
    cosigned.add(cosign(
        &note.text,
        "witness.test",
        &witness_key(9),
        1_800_000_000,
    ));
    let response = post(cosigned.encode()).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body, json!({ "size": 1, "witnesses": ["witness.test"] }));
    let served = reqwest::get(app.url("/api/v1/log/checkpoint"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(served, cosigned.encode());
    let served = Note::parse(&served).unwrap();
    assert_eq!(
        served.verify(&witness_vkey("witness.test", 9)),
        Verification::Valid(1_800_000_000)
    );
    assert!(matches!(
        served.verify(&hub_vkey(app).await),
        Verification::Valid(_)
    ));
    assert_eq!(
        get_json(app, "/api/v1/log/head").await["checkpoint"],
        cosigned.encode(),
        "the head carries it too"
    );
    // Handed in again: kept once.
    assert_eq!(
        post(cosigned.encode()).await.unwrap().status(),
        StatusCode::OK
    );
    let listed = get_json(app, "/api/v1/log/checkpoints?cosigned=true").await;
    let listed = listed["checkpoints"].as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["witnesses"], json!(["witness.test"]));

    // A witness the hub does not accept, or a cosignature that does not verify: refused.
    let mut stranger = note.clone();
    stranger.add(cosign(&note.text, "stranger.test", &witness_key(10), 1));
    assert_eq!(
        post(stranger.encode()).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let mut forged = note.clone();
    forged.add(cosign(&note.text, "witness.test", &witness_key(10), 1));
    assert_eq!(
        post(forged.encode()).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    // Another root at the hub's size: not the hub's checkpoint (409); an unknown size: 404.
    let other = Checkpoint::new("hub.test", 1, [1; 32]);
    let mut fork = Note {
        text: other.text(),
        signatures: note.signatures.clone(),
    };
    fork.add(cosign(
        &fork.text.clone(),
        "witness.test",
        &witness_key(9),
        1,
    ));
    assert_eq!(
        post(fork.encode()).await.unwrap().status(),
        StatusCode::CONFLICT
    );
    let later = Checkpoint::new("hub.test", 50, [1; 32]);
    let mut unknown = Note {
        text: later.text(),
        signatures: note.signatures.clone(),
    };
    unknown.add(cosign(
        &unknown.text.clone(),
        "witness.test",
        &witness_key(9),
        1,
    ));
    assert_eq!(
        post(unknown.encode()).await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    for garbage in ["", "not a note", "hub.test\n1\n\n\u{2014} x y\n"] {
        assert_eq!(
            post(garbage.into()).await.unwrap().status(),
            StatusCode::BAD_REQUEST,
            "{garbage:?}"
        );
    }
}

#[tokio::test]
async fn a_log_rewritten_behind_the_hubs_back_gets_no_new_checkpoint() {
    let s = hub().await;
    let app = &s.app;
    let token = app.api_token("csr@company.example", "write").await;
    propose(&s, &token).await;
    propose(&s, &token).await;
    let signed = app.signed_head(2).await;

    // Someone with the database rewrites an entry with its hash, and the kept tree.
    sqlx::query("UPDATE decision_log SET detail = 'rewritten' WHERE idx = 0")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let entry = app.db.log_entries(0, 1).await.unwrap().remove(0);
    sqlx::query("UPDATE decision_log SET leaf_hash = $1 WHERE idx = 0")
        .bind(hex::encode(entry.leaf_hash()))
        .execute(&app.db.pool)
        .await
        .unwrap();
    app.db.rebuild_log_tree().await.unwrap();

    // The log grows; the signer finds it no longer extends its last checkpoint, and signs nothing.
    propose(&s, &token).await;
    assert_eq!(app.db.log_size().await.unwrap(), 3);
    tokio::time::sleep(std::time::Duration::from_millis(20 * INTERVAL_MS)).await;
    assert_eq!(get_json(app, "/api/v1/log/head").await, signed);
    assert_eq!(
        app.db.latest_checkpoint().await.unwrap().unwrap().size,
        2,
        "no checkpoint of the rewritten log"
    );
}

#[tokio::test]
async fn the_auditors_page_shows_the_checkpoint_its_witnesses_and_how_to_verify() {
    let s = hub().await;
    let app = &s.app;
    let token = app.api_token("csr@company.example", "write").await;
    propose(&s, &token).await;
    let head = app.signed_head(1).await;
    let note = Note::parse(head["checkpoint"].as_str().unwrap()).unwrap();
    let mut cosigned = note.clone();
    cosigned.add(cosign(
        &note.text,
        "witness.test",
        &witness_key(9),
        1_800_000_000,
    ));
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/log/cosignatures"))
        .body(cosigned.encode())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let vkey = hub_vkey(app).await.to_string();
    let witness = witness_vkey("witness.test", 9).to_string();
    for (lang, heading) in [("en", "Witnesses"), ("he", "עדים"), ("ar", "الشهود")] {
        let html = reqwest::Client::new()
            .get(app.url("/auditors"))
            .header("accept-language", lang)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains(&format!("lang=\"{lang}\"")), "{lang}");
        assert!(html.contains(heading), "{lang}");
        // Everything an outsider needs: the hub's key, the witnesses, the signed checkpoint
        // with its cosignature, and the command that checks it all.
        assert!(html.contains(&vkey), "{lang}: the hub's vkey");
        assert!(html.contains(&witness), "{lang}: the accepted witness");
        assert!(
            html.contains("\u{2014} witness.test "),
            "{lang}: the cosignature"
        );
        assert!(
            html.contains("--witness"),
            "{lang}: how to verify with a witness"
        );
        assert!(
            html.contains("shutaf witness poll"),
            "{lang}: how to become one"
        );
        // The encoding entries are written in now, the first one they verified in before,
        // and what is kept beside them.
        assert!(
            html.contains("shutaf-decision-log/2\nindex:")
                && html.contains("person:&lt;pseudonym&gt;")
                && html.contains("commitment:&lt;field&gt;")
                && html.contains("opening:&lt;field&gt;"),
            "{lang}: the second encoding"
        );
        assert!(
            html.contains("shutaf-decision-log/1\nindex:"),
            "{lang}: the first encoding"
        );
        assert!(
            html.contains("shutaf-commitment/1") && html.contains("\"disclosures\""),
            "{lang}: commitments and the disclosures beside the entries"
        );
    }
}
