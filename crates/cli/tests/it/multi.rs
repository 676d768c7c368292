//! Two hub processes on one database, as behind a load balancer: a session made on one works on
//! the other; conflicting actions on one initiative from both leave a consistent state (one
//! wins, the other is told the initiative changed meanwhile); decisions appended from both at
//! once never fork the log, and `shutaf verify` passes. Meant for PostgreSQL (the scale path);
//! on SQLite two processes share the file the same way.

use shutaf_store::{ApiTokenScope, Db, DbSettings};
use shutaf_testkit::csrf_token;
use shutaf_testkit::database::fresh_database_url;
use shutaf_testkit::process::{TempDir, run};

use crate::support::{BINARY, first_start};

const PASSWORD: &str = "a good long passphrase for two hubs";

#[tokio::test]
async fn two_hubs_share_sessions_and_one_log_without_forking() {
    let dir = TempDir::new("multi");
    let url = fresh_database_url().await;
    // The first loads the demo; the second starts on the same database, shares the keys.
    let a = first_start("multi-a", dir.path(), &url).await;
    let b = first_start("multi-b", dir.path(), &url).await;

    let db = Db::connect(&url, &DbSettings::default()).await.unwrap();
    let coordinator = db
        .user_by_email("coordinator@demo.shutaf.org.il")
        .await
        .unwrap()
        .unwrap()
        .id;
    let hash = shutaf_web::auth::hash_password(PASSWORD.into())
        .await
        .unwrap();
    db.set_password_hash(coordinator, &hash).await.unwrap();

    // Signed in on A, the same cookie works on B.
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client
        .get(format!("{}/signin", a.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_token(&page);
    let response = client
        .post(format!("{}/signin", a.base))
        .form(&[
            ("email", "coordinator@demo.shutaf.org.il"),
            ("password", PASSWORD),
            ("next", "/profile"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("shutaf_session="))
        .expect("a session cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let on_b = reqwest::Client::new()
        .get(format!("{}/profile", b.base))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        on_b.status(),
        reqwest::StatusCode::OK,
        "the session is B's too"
    );
    assert!(
        on_b.text()
            .await
            .unwrap()
            .contains("coordinator@demo.shutaf.org.il")
    );

    // Both hubs decline the same initiative at once: one wins, the other is told.
    let (_, api) = db
        .create_api_token(coordinator, "two hubs", ApiTokenScope::Write)
        .await
        .unwrap();
    let decline = |base: String, api: String, reason: &'static str| async move {
        reqwest::Client::new()
            .post(format!("{base}/api/v1/initiatives/1/stage"))
            .bearer_auth(api)
            .json(&serde_json::json!({ "to": "declined", "reason": reason }))
            .send()
            .await
            .unwrap()
            .status()
    };
    let (first, second) = tokio::join!(
        decline(a.base.clone(), api.clone(), "Declined on A"),
        decline(b.base.clone(), api.clone(), "Declined on B")
    );
    let mut statuses = [first.as_u16(), second.as_u16()];
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [200, 409],
        "one wins, the other is told ({first}, {second})"
    );
    let reason: String = sqlx::query_scalar("SELECT stage_reason FROM initiatives WHERE id = 1")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let declines: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM decision_log WHERE initiative_id = 1 AND kind = 'stage-declined'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(declines, 1, "one decision on the record");
    assert!(reason == "Declined on A" || reason == "Declined on B");

    // Many decisions from both hubs at once: the log stays one sequence.
    let before = db.log_size().await.unwrap();
    let mut writes = Vec::new();
    for n in 0..40 {
        let base = if n % 2 == 0 {
            a.base.clone()
        } else {
            b.base.clone()
        };
        let api = api.clone();
        writes.push(tokio::spawn(async move {
            reqwest::Client::new()
                .post(format!("{base}/api/v1/initiatives/2/declarations"))
                .bearer_auth(api)
                .json(&serde_json::json!({ "has_interests": true, "details": format!("declaration {n}") }))
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    for write in writes {
        assert!(write.await.unwrap().is_success());
    }
    let after = db.log_size().await.unwrap();
    assert!(
        after >= before + 40,
        "every declaration is on the record ({before} → {after})"
    );
    let indexes: Vec<i64> = sqlx::query_scalar("SELECT idx FROM decision_log ORDER BY idx")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert!(
        indexes.iter().enumerate().all(|(i, idx)| i as i64 == *idx),
        "indexes 0, 1, 2, ... with no gap or repeat"
    );
    let verified = run(BINARY, dir.path(), &url, &["verify", "--seen", "heads.txt"]);
    assert!(
        verified.status.success(),
        "{}{}",
        String::from_utf8_lossy(&verified.stdout),
        String::from_utf8_lossy(&verified.stderr)
    );
    drop((a, b));
}
