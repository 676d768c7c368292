//! The `shutaf` binary itself: first start with the demo, migrate, admin create, configuration
//! errors, graceful shutdown. Runs on the backend chosen by SHUTAF_TEST_BACKEND.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_shutaf");

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn command(dir: &std::path::Path, database_url: &str) -> Command {
    let mut command = Command::new(BINARY);
    command
        .current_dir(dir)
        .env("SHUTAF_DATABASE_URL", database_url)
        .env_remove("SHUTAF_SMTP_HOST")
        .env("SHUTAF_LOG", "info");
    command
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join("shutaf-tests").join(format!(
        "cli-{name}-{}-{}",
        std::process::id(),
        shutaf_store::random_token()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn first_start_loads_the_demo_and_prints_its_accounts() {
    let dir = temp_dir("demo");
    let url = shutaf_store::testing::fresh_database_url().await;
    let port = free_port();
    let child = command(&dir, &url)
        .env("SHUTAF_LISTEN", format!("127.0.0.1:{port}"))
        .env("SHUTAF_BASE_URL", format!("http://127.0.0.1:{port}"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let stderr = server.0.stderr.take().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    let mut log = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !log.iter().any(|l: &String| l.contains("listening")) {
        assert!(Instant::now() < deadline, "the hub did not start: {log:#?}");
        if let Ok(line) = receiver.recv_timeout(Duration::from_millis(200)) {
            log.push(line);
        }
    }
    let printed = log.join("\n");
    assert!(
        printed.contains("admin@demo.shutaf.org.il")
            && printed.contains("coordinator@demo.shutaf.org.il"),
        "{printed}"
    );
    assert!(
        !printed.contains(&std::fs::read_to_string(dir.join("shutaf-secret.key")).unwrap()),
        "the secret is never printed"
    );
    let log_key = std::fs::read_to_string(dir.join("shutaf-log.key")).unwrap();
    assert_eq!(
        log_key.trim().len(),
        64,
        "the log key is made on first start"
    );
    assert!(!printed.contains(log_key.trim()), "and never printed");

    let base = format!("http://127.0.0.1:{port}");
    let html = reqwest::get(format!("{base}/organisations"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("עיריית עמק הדר") && html.contains("<html lang=\"he\" dir=\"rtl\">"),
        "demo organisations in Hebrew"
    );
    let localities: serde_json::Value = reqwest::get(format!("{base}/api/v1/localities?lang=en"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(localities[0]["name"], "Emek Hadar");
    let directory: serde_json::Value =
        reqwest::get(format!("{base}/api/v1/organisations?per_page=100"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(directory["total"], 15);
    for sector in ["public", "third", "business"] {
        assert!(
            directory["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| o["sector"] == sector),
            "{sector}"
        );
    }

    // A demo person signs in with the printed password.
    let line = log
        .iter()
        .find(|l| l.contains("coordinator@demo.shutaf.org.il"))
        .unwrap();
    let password = line.split_whitespace().last().unwrap().to_owned();
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client
        .get(format!("{base}/signin"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let marker = "<meta name=\"csrf-token\" content=\"";
    let start = page.find(marker).unwrap() + marker.len();
    let token = page[start..start + 64].to_owned();
    let response = client
        .post(format!("{base}/signin"))
        .form(&[
            ("email", "coordinator@demo.shutaf.org.il"),
            ("password", password.as_str()),
            ("csrf_token", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);

    // SIGTERM: the hub finishes and exits cleanly.
    #[cfg(unix)]
    {
        let status = Command::new("kill")
            .arg("-TERM")
            .arg(server.0.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = server.0.try_wait().unwrap() {
                assert!(status.success(), "graceful shutdown exits 0, got {status}");
                break;
            }
            assert!(Instant::now() < deadline, "the hub did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[tokio::test]
async fn migrate_and_admin_create() {
    let dir = temp_dir("admin");
    let url = shutaf_store::testing::fresh_database_url().await;
    let output = command(&dir, &url).arg("migrate").output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let output = command(&dir, &url)
        .args(["admin", "create", "--email", "Root@Example.org"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("password"),
        "a generated password is printed"
    );
    let output = command(&dir, &url)
        .args(["admin", "create", "--email", "not an email"])
        .output()
        .unwrap();
    assert!(!output.status.success());

    let db = shutaf_store::Db::connect(&url, &shutaf_store::DbSettings::default())
        .await
        .unwrap();
    let admin = db.user_by_email("root@example.org").await.unwrap().unwrap();
    assert!(admin.platform_admin() && admin.is_verified());
}

#[test]
fn configuration_errors_are_explained() {
    let dir = temp_dir("config");
    let output = command(&dir, "sqlite://x.db")
        .env("SHUTAF_DEFAULT_LANGUAGE", "fr")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("he, ar or en"));
    let output = command(&dir, "mysql://nope")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unsupported database URL"));
}

#[tokio::test]
async fn verify_notices_an_edited_rewritten_or_removed_decision() {
    let dir = temp_dir("verify");
    let url = shutaf_store::testing::fresh_database_url().await;
    let seen = dir.join("seen.txt");
    let verify = || {
        command(&dir, &url)
            .args(["verify", "--seen"])
            .arg(&seen)
            .output()
            .unwrap()
    };
    assert!(
        command(&dir, &url)
            .arg("demo")
            .output()
            .unwrap()
            .status
            .success()
    );

    let output = verify();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("intact"));
    assert!(
        std::fs::read_to_string(&seen).unwrap().lines().count() == 1,
        "the head is kept"
    );

    let db = shutaf_store::Db::connect(&url, &shutaf_store::DbSettings::default())
        .await
        .unwrap();
    let original: (Option<String>, String) =
        sqlx::query_as("SELECT detail, leaf_hash FROM decision_log WHERE idx = 1")
            .fetch_one(&db.pool)
            .await
            .unwrap();

    // An entry edited behind the hub's back.
    sqlx::query("UPDATE decision_log SET detail = 'edited' WHERE idx = 1")
        .execute(&db.pool)
        .await
        .unwrap();
    let output = verify();
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("NOT INTACT"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // Rewritten with its hash: the head seen before gives it away.
    let entries = db.log_entries(1, 2).await.unwrap();
    let forged = shutaf_domain::decision_log::LogEntry {
        detail: Some("edited".into()),
        ..entries[0].clone()
    };
    sqlx::query("UPDATE decision_log SET leaf_hash = $1 WHERE idx = 1")
        .bind(hex::encode(forged.leaf_hash()))
        .execute(&db.pool)
        .await
        .unwrap();
    let output = verify();
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("REWRITTEN"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // Put back, it passes again; removed, it fails.
    sqlx::query("UPDATE decision_log SET detail = $1, leaf_hash = $2 WHERE idx = 1")
        .bind(original.0)
        .bind(original.1)
        .execute(&db.pool)
        .await
        .unwrap();
    assert!(verify().status.success());
    sqlx::query("DELETE FROM decision_log WHERE idx = 0")
        .execute(&db.pool)
        .await
        .unwrap();
    assert!(!verify().status.success());
}
