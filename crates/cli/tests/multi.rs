//! Two hub processes on one database, as behind a load balancer: a session made on one works on
//! the other; conflicting actions on one initiative from both leave a consistent state (one
//! wins, the other is told the initiative changed meanwhile); decisions appended from both at
//! once never fork the log, and `shutaf verify` passes. Meant for PostgreSQL (the scale path);
//! on SQLite two processes share the file the same way.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use shutaf_store::{ApiTokenScope, Db, DbSettings};

const BINARY: &str = env!("CARGO_BIN_EXE_shutaf");
const PASSWORD: &str = "a good long passphrase for two hubs";

struct Hub {
    child: Child,
    base: String,
}

impl Drop for Hub {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &std::path::Path, url: &str) -> Hub {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(BINARY)
        .current_dir(dir)
        .env("SHUTAF_DATABASE_URL", url)
        .env_remove("SHUTAF_SMTP_HOST")
        .env("SHUTAF_LOG", "info")
        .env("SHUTAF_LISTEN", format!("127.0.0.1:{port}"))
        .env("SHUTAF_BASE_URL", format!("http://127.0.0.1:{port}"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut log = Vec::new();
    while !log.iter().any(|l: &String| l.contains("listening")) {
        assert!(Instant::now() < deadline, "the hub did not start: {log:#?}");
        if let Ok(line) = receiver.recv_timeout(Duration::from_millis(100)) {
            log.push(line);
        }
    }
    Hub {
        child,
        base: format!("http://127.0.0.1:{port}"),
    }
}

fn csrf_token(html: &str) -> String {
    let marker = "<meta name=\"csrf-token\" content=\"";
    let start = html.find(marker).expect("a CSRF token") + marker.len();
    html[start..start + 64].to_owned()
}

#[tokio::test]
async fn two_hubs_share_sessions_and_one_log_without_forking() {
    let dir = std::env::temp_dir().join("shutaf-tests").join(format!(
        "multi-{}-{}",
        std::process::id(),
        shutaf_store::random_token()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let url = shutaf_testkit::database::fresh_database_url().await;
    // The first loads the demo; the second starts on the same database, shares the keys.
    let a = start(&dir, &url);
    let b = start(&dir, &url);

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
    let verified = Command::new(BINARY)
        .current_dir(&dir)
        .env("SHUTAF_DATABASE_URL", &url)
        .env("SHUTAF_LOG", "warn")
        .args(["verify", "--seen", "heads.txt"])
        .output()
        .unwrap();
    assert!(
        verified.status.success(),
        "{}{}",
        String::from_utf8_lossy(&verified.stdout),
        String::from_utf8_lossy(&verified.stderr)
    );
    drop((a, b));
}
