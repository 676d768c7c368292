//! The `shutaf` binary itself: first start with the demo, migrate, admin create, configuration
//! errors, graceful shutdown, and `verify` of the database and of a hub over HTTP. Runs on the
//! backend chosen by SHUTAF_TEST_BACKEND.

use std::process::Command;
use std::time::{Duration, Instant};

use shutaf_testkit::csrf_token;
use shutaf_testkit::database::fresh_database_url;
use shutaf_testkit::process::{TempDir, command};

use crate::support::{BINARY, first_start};

#[tokio::test]
async fn first_start_loads_the_demo_and_prints_its_accounts() {
    let dir = TempDir::new("cli-demo");
    let url = fresh_database_url().await;
    let mut hub = first_start("first-start", dir.path(), &url).await;
    let (dir, base) = (dir.path(), hub.base.clone());
    // What it printed on its way to serving.
    let printed = hub.log_text();
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
    let line = printed
        .lines()
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
    let token = csrf_token(&page);
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
            .arg(hub.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = hub.child.try_wait().unwrap() {
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
    let dir = TempDir::new("cli-admin");
    let dir = dir.path();
    let url = fresh_database_url().await;
    let output = command(BINARY, dir, &url).arg("migrate").output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let output = command(BINARY, dir, &url)
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
    let output = command(BINARY, dir, &url)
        .args(["admin", "create", "--email", "not an email"])
        .output()
        .unwrap();
    assert!(!output.status.success());

    let db = shutaf_store::Db::connect(&url, &shutaf_store::DbSettings::default())
        .await
        .unwrap();
    let admin = db.user_by_email("root@example.org").await.unwrap().unwrap();
    assert!(admin.platform_admin() && admin.is_verified());

    // `admin token` prints a token of the account, and only of an existing one.
    let output = command(BINARY, dir, &url)
        .args([
            "admin",
            "token",
            "--email",
            "Root@Example.org",
            "--scope",
            "write",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let token = String::from_utf8(output.stdout).unwrap();
    let (user, scope) = db.user_by_api_token(token.trim()).await.unwrap().unwrap();
    assert_eq!(user.id, admin.id);
    assert_eq!(scope, shutaf_store::ApiTokenScope::Write);
    let output = command(BINARY, dir, &url)
        .args(["admin", "token", "--email", "nobody@example.org"])
        .output()
        .unwrap();
    assert!(!output.status.success());
}

#[test]
fn configuration_errors_are_explained() {
    let dir = TempDir::new("cli-config");
    let dir = dir.path();
    let output = command(BINARY, dir, "sqlite://x.db")
        .env("SHUTAF_DEFAULT_LANGUAGE", "fr")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("he, ar or en"));
    let output = command(BINARY, dir, "mysql://nope")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unsupported database URL"));
}

#[tokio::test]
async fn verify_notices_an_edited_rewritten_or_removed_decision() {
    let dir = TempDir::new("cli-verify");
    let dir = dir.path();
    let url = fresh_database_url().await;
    let seen = dir.join("seen.txt");
    // With backtraces asked for, as a developer's shell might: a failing check is an answer,
    // and prints its message, not a Rust backtrace.
    let verify = || {
        command(BINARY, dir, &url)
            .args(["verify", "--seen"])
            .arg(&seen)
            .env("RUST_BACKTRACE", "1")
            .output()
            .unwrap()
    };
    assert!(
        command(BINARY, dir, &url)
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
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("NOT INTACT"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("backtrace"), "{stderr}");

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
    // The hub's kept tree (which serves heads and proofs) still holds the old hash.
    let output = verify();
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("kept tree"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The tree rebuilt too: only the head seen before gives it away.
    db.rebuild_log_tree().await.unwrap();
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
    db.rebuild_log_tree().await.unwrap();
    assert!(verify().status.success());
    sqlx::query("DELETE FROM decision_log WHERE idx = 0")
        .execute(&db.pool)
        .await
        .unwrap();
    assert!(!verify().status.success());
}

/// `shutaf verify --url BASE --seen SEEN`, run from `dir`.
fn verify_url(dir: &std::path::Path, base: &str, seen: &std::path::Path) -> std::process::Output {
    verifier(dir)
        .args(["verify", "--url", base, "--seen"])
        .arg(seen)
        .output()
        .unwrap()
}

/// The binary in `dir`, with no database: checking another hub needs none.
fn verifier(dir: &std::path::Path) -> Command {
    let mut command = command(BINARY, dir, "");
    command.env_remove("SHUTAF_DATABASE_URL");
    command
}

/// Asserts that `output` failed, saying `expected` (and did not panic).
#[track_caller]
fn assert_fails_saying(output: &std::process::Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "expected a failure saying {expected:?}; stdout: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(
        stderr.contains(expected),
        "expected {expected:?} in: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[track_caller]
fn assert_passes(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The heads in a seen-heads file, as `<size> <root>` (without the kept checkpoint or the
/// pinned key).
fn seen_heads(path: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with("key ") && !line.is_empty())
        .map(|line| line.split(' ').take(2).collect::<Vec<_>>().join(" "))
        .collect()
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .unwrap()
}

/// The head a verifier would have recorded when the log had `size` entries.
async fn head_line(db: &shutaf_store::Db, size: u64) -> String {
    let leaves = db.log_leaves(size).await.unwrap();
    format!(
        "{size} {}",
        hex::encode(shutaf_domain::merkle::root(&leaves))
    )
}

#[tokio::test]
async fn verify_url_checks_another_hub_and_notices_a_rewritten_or_removed_decision() {
    let dir = TempDir::new("cli-verify-url");
    let url = fresh_database_url().await;
    let hub = crate::support::first_start_uncached("verify-url", dir.path(), &url).await;
    let (dir, base) = (dir.path(), hub.base.clone());
    let db = shutaf_store::Db::connect(&url, &shutaf_store::DbSettings::default())
        .await
        .unwrap();
    let size = db.log_size().await.unwrap();
    assert!(size >= 3, "the demo puts decisions on the record: {size}");
    let seen = dir.join("seen.txt");

    let stdout = assert_passes(&verify_url(dir, &base, &seen));
    assert!(
        stdout.contains(&format!("intact: {size} entries"))
            && stdout.contains("3 inclusion proof(s) checked"),
        "{stdout}"
    );
    let today = head_line(&db, size).await;
    assert_eq!(
        seen_heads(&seen),
        vec![today.clone()],
        "the signed head is recorded, as the database mode records it"
    );
    // With the hub's whole signed checkpoint, and the hub's key pinned.
    let text = std::fs::read_to_string(&seen).unwrap();
    assert!(text.starts_with("key 127.0.0.1:"), "{text}");
    let kept = text.lines().nth(1).unwrap().split(' ').nth(2).unwrap();
    let kept = String::from_utf8(base64_decode(kept)).unwrap();
    assert!(kept.starts_with("127.0.0.1:") && kept.contains(&format!("\n{size}\n")));

    // A head seen when the log was shorter: its root is recomputed from today's first entries,
    // and the hub's consistency proof from it verifies.
    let earlier = head_line(&db, size - 2).await;
    std::fs::write(&seen, format!("{earlier}\n{today}\n")).unwrap();
    let stdout = assert_passes(&verify_url(dir, &base, &seen));
    assert!(
        stdout.contains("consistent with 2 head(s) seen before"),
        "{stdout}"
    );
    assert_eq!(
        seen_heads(&seen).len(),
        2,
        "a head of today's size is not recorded twice"
    );

    // Without --seen, each hub gets its own file.
    assert_passes(
        &verifier(dir)
            .args(["verify", "--url", &base])
            .output()
            .unwrap(),
    );
    let port = base.rsplit(':').next().unwrap();
    let own = dir.join(format!("shutaf-seen-heads-127.0.0.1-{port}.txt"));
    assert_eq!(seen_heads(&own), vec![today.clone()]);

    // An entry edited behind the hub's back, its hash left: the hub cannot sign a head.
    let original: (Option<String>, String) =
        sqlx::query_as("SELECT detail, leaf_hash FROM decision_log WHERE idx = 1")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    sqlx::query("UPDATE decision_log SET detail = 'edited' WHERE idx = 1")
        .execute(&db.pool)
        .await
        .unwrap();
    // The hub signs the head of its kept tree, which the edited entries no longer give.
    assert_fails_saying(
        &verify_url(dir, &base, &seen),
        "DOES NOT MATCH ITS SIGNED HEAD",
    );

    // Rewritten with its hash, likewise.
    let entry = db.log_entries(1, 2).await.unwrap().remove(0);
    sqlx::query("UPDATE decision_log SET leaf_hash = $1 WHERE idx = 1")
        .bind(hex::encode(entry.leaf_hash()))
        .execute(&db.pool)
        .await
        .unwrap();
    assert_fails_saying(
        &verify_url(dir, &base, &dir.join("fresh.txt")),
        "DOES NOT MATCH ITS SIGNED HEAD",
    );
    // Its tree rebuilt too: the hub signed its checkpoint of this size before, and signs no
    // other, so even a verifier that never saw the log before notices.
    db.rebuild_log_tree().await.unwrap();
    assert_fails_saying(
        &verify_url(dir, &base, &dir.join("fresh.txt")),
        "DOES NOT MATCH ITS SIGNED HEAD",
    );
    let before = std::fs::read_to_string(&seen).unwrap();
    assert_fails_saying(
        &verify_url(dir, &base, &seen),
        "DOES NOT MATCH ITS SIGNED HEAD",
    );
    assert_eq!(
        std::fs::read_to_string(&seen).unwrap(),
        before,
        "a failed check records nothing"
    );

    // Put back, it passes again; removed, it fails.
    sqlx::query("UPDATE decision_log SET detail = $1, leaf_hash = $2 WHERE idx = 1")
        .bind(original.0)
        .bind(original.1)
        .execute(&db.pool)
        .await
        .unwrap();
    db.rebuild_log_tree().await.unwrap();
    assert_passes(&verify_url(dir, &base, &seen));
    sqlx::query("DELETE FROM decision_log WHERE idx = 0")
        .execute(&db.pool)
        .await
        .unwrap();
    assert!(!verify_url(dir, &base, &seen).status.success());
}

/// How the man in the middle changes an answer: given the path asked for (with its query) and
/// the hub's JSON answer, the body to send instead.
type Tamper = Box<dyn Fn(&str, serde_json::Value) -> String + Send>;

/// A man in the middle between `verify --url` and a real hub: it forwards each GET to the hub
/// and answers with what the current [`Tamper`] makes of the hub's answer. Returns its base URL
/// and the tamper to set.
fn man_in_the_middle(hub: String) -> (String, std::sync::Arc<std::sync::Mutex<Tamper>>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let tamper: std::sync::Arc<std::sync::Mutex<Tamper>> =
        std::sync::Arc::new(std::sync::Mutex::new(Box::new(|_, v| v.to_string())));
    let current = tamper.clone();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let client = reqwest::Client::new();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = Vec::new();
            let mut buffer = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buffer[..n]),
                }
            }
            let request = String::from_utf8_lossy(&request);
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let (status, answer) = runtime.block_on(async {
                let response = client.get(format!("{hub}{path}")).send().await.unwrap();
                (response.status(), response.bytes().await.unwrap())
            });
            let body = match serde_json::from_slice(&answer) {
                Ok(json) => (current.lock().unwrap())(&path, json),
                Err(_) => String::from_utf8_lossy(&answer).into_owned(),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (base, tamper)
}

/// A hex string with its first digit changed.
fn flip(hex: &serde_json::Value) -> serde_json::Value {
    let hex = hex.as_str().unwrap();
    let first = if hex.starts_with('0') { "1" } else { "0" };
    format!("{first}{}", &hex[1..]).into()
}

#[tokio::test]
async fn verify_url_refuses_a_hub_that_lies_about_its_log() {
    let dir = TempDir::new("cli-verify-lies");
    let url = fresh_database_url().await;
    let server = first_start("verify-lies", dir.path(), &url).await;
    let (dir, hub) = (dir.path(), server.base.clone());
    let db = shutaf_store::Db::connect(&url, &shutaf_store::DbSettings::default())
        .await
        .unwrap();
    let size = db.log_size().await.unwrap();
    assert!(size >= 3, "the demo puts decisions on the record: {size}");
    let (base, tamper) = man_in_the_middle(hub.clone());
    let set = |f: Tamper| *tamper.lock().unwrap() = f;
    // Each case starts from a head seen when the log was one entry shorter.
    let seen = dir.join("seen.txt");
    let earlier = format!("{}\n", head_line(&db, size - 1).await);
    let check = |expected: &str| {
        std::fs::write(&seen, &earlier).unwrap();
        let output = verify_url(dir, &base, &seen);
        assert_fails_saying(&output, expected);
        assert_eq!(
            std::fs::read_to_string(&seen).unwrap(),
            earlier,
            "a failed check records nothing"
        );
    };

    // Honest, through the man in the middle: it passes.
    std::fs::write(&seen, &earlier).unwrap();
    assert_passes(&verify_url(dir, &base, &seen));

    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/head") {
            v["signature"] = flip(&v["signature"]);
        }
        v.to_string()
    }));
    check("SIGNATURE IS NOT VALID");

    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/head") {
            v["size"] = (v["size"].as_u64().unwrap() + 1).into();
        }
        v.to_string()
    }));
    check("SIGNATURE IS NOT VALID");

    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/head") {
            v["public_key"] = flip(&v["public_key"]);
        }
        v.to_string()
    }));
    check("ANOTHER KEY");

    // An entry edited on the way, the hash the hub sends with it left.
    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/entries") {
            v[1]["detail"] = "edited".into();
        }
        v.to_string()
    }));
    check("do not give the hash the hub sends");

    // Edited and sent without hash or encoding: the recomputed root gives it away.
    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/entries") {
            v[1]["detail"] = "edited".into();
            for entry in v.as_array_mut().unwrap() {
                let entry = entry.as_object_mut().unwrap();
                entry.remove("leaf_hash");
                entry.remove("canonical");
            }
        }
        v.to_string()
    }));
    check("DOES NOT MATCH ITS SIGNED HEAD");

    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/entries") {
            v.as_array_mut().unwrap().swap(0, 1);
        }
        v.to_string()
    }));
    check("entry 0 is missing or out of order");

    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/entries") {
            v.as_array_mut().unwrap().remove(1);
        }
        v.to_string()
    }));
    check("entry 1 is missing or out of order");

    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/entries") {
            v.as_array_mut().unwrap().pop();
        }
        v.to_string()
    }));
    check("has no entry");

    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/proof/consistency") {
            v["proof"][0] = flip(&v["proof"][0]);
        }
        v.to_string()
    }));
    check("CONSISTENCY PROOF FAILS");

    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/proof/inclusion") && path.contains("index=0&") {
            v["audit_path"][0] = flip(&v["audit_path"][0]);
        }
        v.to_string()
    }));
    check("INCLUSION PROOF FAILS");

    // Malformed or oversized answers are refused with a clear error, never a panic.
    set(Box::new(|path, v| {
        if path.starts_with("/api/v1/log/head") {
            r#"{"size": "many""#.into()
        } else {
            v.to_string()
        }
    }));
    check("did not answer with the expected JSON");
    set(Box::new(|path, mut v| {
        if path.starts_with("/api/v1/log/proof/inclusion") {
            v["audit_path"] = vec!["00"; 1 << 20].into();
        }
        v.to_string()
    }));
    check("more than any tree needs");
    set(Box::new(|_, v| v.to_string()));

    // Straight to the hub: a head seen before whose root is not the start of today's log, and a
    // head larger than today's log.
    std::fs::write(
        &seen,
        format!("{earlier}{} {}\n", size - 1, "ab".repeat(32)),
    )
    .unwrap();
    assert_fails_saying(&verify_url(dir, &hub, &seen), "REWRITTEN");
    std::fs::write(&seen, format!("{} {}\n", size + 5, "ab".repeat(32))).unwrap();
    assert_fails_saying(&verify_url(dir, &hub, &seen), "SHRANK");
    std::fs::write(&seen, "12 not-a-root\n").unwrap();
    assert_fails_saying(&verify_url(dir, &hub, &seen), "a seen head is");
}
