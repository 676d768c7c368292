//! Crashes: the hub is killed with SIGKILL at a random moment while several clients write
//! through the API, then started again, several times over. After every restart each write
//! that was acknowledged is there, the database is intact, and `shutaf verify` passes, with the
//! heads seen before every crash kept in one file, so the log is also proven to have only grown.
//!
//! Rounds: `SHUTAF_CRASH_ROUNDS` (3 by default; `scripts/crash-test` runs many more). Runs on
//! the backend chosen by SHUTAF_TEST_BACKEND (the PostgreSQL server itself is not crashed here:
//! see docs/RELIABILITY.md).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::Rng;
use shutaf_store::{ApiTokenScope, Db, DbSettings};

const BINARY: &str = env!("CARGO_BIN_EXE_shutaf");

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

/// Proposes initiatives as fast as it can until the hub goes away; records each acknowledged
/// title.
async fn writer(
    base: String,
    token: String,
    company: i64,
    round: usize,
    writer: usize,
    acknowledged: Arc<Mutex<BTreeSet<String>>>,
) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    for n in 0.. {
        let title = format!("crash {round}-{writer}-{n}");
        let sent = client
            .post(format!("{base}/api/v1/initiatives"))
            .bearer_auth(&token)
            .json(&serde_json::json!({
                "locality_id": 1,
                "initiator_organisation_id": company,
                "titles": { "he": title },
                "model": "joint-agenda",
                "management": "joint",
            }))
            .send()
            .await;
        match sent {
            Ok(response) if response.status() == reqwest::StatusCode::CREATED => {
                acknowledged.lock().unwrap().insert(title);
            }
            Ok(response) => panic!("a write was refused: {}", response.status()),
            // The hub is gone: the round is over for this writer.
            Err(_) => return,
        }
    }
}

fn verify(dir: &std::path::Path, url: &str) -> std::process::Output {
    Command::new(BINARY)
        .current_dir(dir)
        .env("SHUTAF_DATABASE_URL", url)
        .env("SHUTAF_LOG", "warn")
        .args(["verify", "--seen", "heads.txt"])
        .output()
        .unwrap()
}

#[tokio::test]
async fn acknowledged_writes_survive_sigkill_and_the_log_stays_intact() {
    let rounds: usize = std::env::var("SHUTAF_CRASH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let dir = std::env::temp_dir().join("shutaf-tests").join(format!(
        "crash-{}-{}",
        std::process::id(),
        shutaf_store::random_token()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let url = shutaf_store::testing::fresh_database_url().await;

    // First start loads the demo; a write token for the demo company's manager.
    drop(start(&dir, &url));
    let db = Db::connect(&url, &DbSettings::default()).await.unwrap();
    let csr = db
        .user_by_email("csr@demo.shutaf.org.il")
        .await
        .unwrap()
        .unwrap()
        .id;
    let company = db.organisations_of(csr).await.unwrap()[0].0.id;
    let (_, token) = db
        .create_api_token(csr, "crash test", ApiTokenScope::Write)
        .await
        .unwrap();

    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let mut rng = rand::rng();
    for round in 0..rounds {
        let mut hub = start(&dir, &url);
        let writers: Vec<_> = (0..4)
            .map(|w| {
                tokio::spawn(writer(
                    hub.base.clone(),
                    token.clone(),
                    company,
                    round,
                    w,
                    acknowledged.clone(),
                ))
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(rng.random_range(300..1500))).await;
        // SIGKILL: no shutdown, no flush, no goodbye.
        hub.child.kill().unwrap();
        hub.child.wait().unwrap();
        for w in writers {
            w.await.unwrap();
        }

        // Every acknowledged write is there after the crash.
        let stored: BTreeSet<String> = sqlx::query_scalar::<_, String>(
            "SELECT title_he FROM initiatives WHERE title_he LIKE 'crash %'",
        )
        .fetch_all(&db.pool)
        .await
        .unwrap()
        .into_iter()
        .collect();
        let acked = acknowledged.lock().unwrap().clone();
        let lost: Vec<&String> = acked.difference(&stored).collect();
        assert!(
            lost.is_empty(),
            "round {round}: acknowledged but lost: {lost:?}"
        );
        assert!(
            !acked.is_empty(),
            "round {round}: the writers wrote something"
        );

        // The database is intact, and so is the log (against every head seen before).
        if db.backend == shutaf_store::Backend::Sqlite {
            let check: String = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(&db.pool)
                .await
                .unwrap();
            assert_eq!(check, "ok", "round {round}");
        }
        let output = verify(&dir, &url);
        assert!(
            output.status.success(),
            "round {round}: verify failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let seen = std::fs::read_to_string(dir.join("heads.txt")).unwrap();
    assert_eq!(
        seen.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count(),
        rounds,
        "one head kept a round: {seen}"
    );
}
