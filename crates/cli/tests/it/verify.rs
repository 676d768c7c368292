//! `shutaf verify --url` with witnesses and a pinned key, and `shutaf witness`, as an auditor and
//! a witness run them against a hub process: a quorum of cosignatures required when witnesses
//! are given; the witness cosigning a log that grew and refusing one rewritten at the same size
//! (and the seen-heads file then proving the rewrite with the hub's own signatures); the hub's
//! key pinned on first use; and `shutaf witness serve` answering tlog-witness `add-checkpoint`.

use std::path::Path;
use std::process::Output;

use shutaf_domain::{ContributionType, Management, OrganisationKind, PartnershipModel, Sector};
use shutaf_store::{Acting, Db, NewInitiative, NewOrganisation};
use shutaf_testkit::app::signed_head;
use shutaf_testkit::database::fresh_database_url;
use shutaf_testkit::process::{TempDir, command};
use shutaf_testkit::{HubOptions, HubProcess};

use crate::support::BINARY;

/// The binary in `dir`, without a database: checking or witnessing a hub needs none.
fn shutaf(dir: &Path, args: &[&str]) -> Output {
    let mut command = command(BINARY, dir, "");
    command.env_remove("SHUTAF_DATABASE_URL");
    command.args(args).output().unwrap()
}

#[track_caller]
fn passes(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[track_caller]
fn fails_saying(output: &Output, expected: &str) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
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
    stderr
}

/// A witness's vkey, its key made in `dir` on first use.
fn witness_key(dir: &Path, name: &str, file: &str) -> String {
    passes(&shutaf(
        dir,
        &["witness", "key", "--name", name, "--key-file", file],
    ))
    .trim()
    .to_owned()
}

/// `shutaf witness poll --once` of the hub at `base`, whose key is `log`.
fn poll(dir: &Path, base: &str, log: &str) -> Output {
    shutaf(
        dir,
        &[
            "witness",
            "poll",
            "--once",
            "--name",
            "witness.test",
            "--key-file",
            "witness.key",
            "--state",
            "witness-state.json",
            "--hub",
            base,
            "--log",
            log,
        ],
    )
}

/// `shutaf verify --url` with the seen-heads file `seen` and more arguments.
fn verify(dir: &Path, base: &str, seen: &str, more: &[&str]) -> Output {
    let mut args = vec!["verify", "--url", base, "--seen", seen];
    args.extend_from_slice(more);
    shutaf(dir, &args)
}

/// The hub as its operator starts it (the demo loaded into an empty database), with the origin
/// `hub.test`, a quick checkpoint signer and the given settings.
async fn start_hub(dir: &Path, url: &str, name: &str, env: &[(&str, &str)]) -> HubProcess {
    let mut settings = vec![
        ("SHUTAF_LOG_ORIGIN".to_owned(), "hub.test".to_owned()),
        ("SHUTAF_CHECKPOINT_INTERVAL_MS".to_owned(), "100".to_owned()),
    ];
    settings.extend(env.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    HubProcess::start(HubOptions {
        args: &[],
        dir: Some(dir.to_owned()),
        env: settings,
        ..HubOptions::new(BINARY, name, url.to_owned())
    })
    .await
}

/// The hub's vkey, as its /auditors page and `/api/v1/log/key` give it.
async fn hub_vkey(base: &str) -> String {
    let key: serde_json::Value = reqwest::get(format!("{base}/api/v1/log/key"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    key["vkey"].as_str().unwrap().to_owned()
}

/// What someone with the database does to rewrite history consistently: changes the first
/// decision, rehashes it, rebuilds the kept tree, and removes the checkpoints and cosignatures so
/// that the hub signs the rewritten log when it starts again.
async fn rewrite_the_first_decision(db: &Db) {
    sqlx::query("UPDATE decision_log SET detail = 'rewritten' WHERE idx = 1")
        .execute(&db.pool)
        .await
        .unwrap();
    let entry = db.log_entries(1, 2).await.unwrap().remove(0);
    sqlx::query("UPDATE decision_log SET leaf_hash = $1 WHERE idx = 1")
        .bind(hex::encode(entry.leaf_hash()))
        .execute(&db.pool)
        .await
        .unwrap();
    db.rebuild_log_tree().await.unwrap();
    for table in ["log_cosignatures", "log_checkpoints"] {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&db.pool)
            .await
            .unwrap();
    }
}

/// One more decision on the record, through the store: an organisation proposes an initiative.
async fn propose(db: &Db, n: u64) {
    let locality: i64 = sqlx::query_scalar("SELECT MIN(id) FROM localities")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let user: i64 = sqlx::query_scalar("SELECT MIN(id) FROM users")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let organisation = db
        .create_organisation_unowned(&NewOrganisation {
            names: [None, None, Some(format!("Witnessed {n}"))],
            sector: Some(Sector::Third),
            kind: Some(OrganisationKind::Ngo),
            description: Some("Proposes while witnessed.".into()),
            contributions: vec![ContributionType::LocalNetworks],
            ..NewOrganisation::default()
        })
        .await
        .unwrap();
    let new = NewInitiative {
        locality_id: locality,
        initiator_organisation_id: organisation,
        titles: [None, None, Some(format!("Witnessed initiative {n}"))],
        problems: [None, None, Some("A problem.".into())],
        approaches: [None, None, Some("An approach.".into())],
        model: PartnershipModel::JointAgenda,
        management: Management::Joint,
        goal_ids: Vec::new(),
        needs: vec![ContributionType::LocalNetworks],
        lead_organisation_id: None,
    };
    let acting = Acting {
        user_id: user,
        organisation_id: Some(organisation),
    };
    db.create_initiative(&new, acting).await.unwrap();
}

#[tokio::test]
async fn verify_url_with_witnesses_needs_a_quorum_of_cosignatures() {
    let files = TempDir::new("verify-witness");
    let dir = files.path();
    let witness = witness_key(dir, "witness.test", "witness.key");
    assert!(witness.starts_with("witness.test+"), "{witness}");
    let url = fresh_database_url().await;
    let hub = start_hub(
        dir,
        &url,
        "verify-witness",
        &[("SHUTAF_WITNESSES", &witness)],
    )
    .await;
    let base = hub.base.clone();
    let log = hub_vkey(&base).await;
    let db = shutaf_testkit::database::connect(&url).await;
    let size = db.log_size().await.unwrap();

    // No witness has cosigned yet: a check that requires one fails, saying so.
    fails_saying(
        &verify(
            dir,
            &base,
            "seen.txt",
            &["--witness", &witness, "--quorum", "1"],
        ),
        "NO CHECKPOINT OF THE HUB IS COSIGNED BY 1",
    );

    // The witness polls: it checks the hub's checkpoint, cosigns it, and hands it back.
    let done = passes(&poll(dir, &base, &log));
    assert!(done.contains(&format!("cosigned {size} entries")), "{done}");
    let served = reqwest::get(format!("{base}/api/v1/log/checkpoint"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(served.contains("\n\u{2014} witness.test "), "{served}");
    let stdout = passes(&verify(
        dir,
        &base,
        "seen.txt",
        &["--witness", &witness, "--quorum", "1"],
    ));
    assert!(
        stdout.contains(&format!(
            "the checkpoint of {size} entries is cosigned by 1 of the 1 witness(es) given (witness.test at"
        )),
        "{stdout}"
    );
    // The seen-heads file keeps the checkpoint with its cosignature.
    let seen = std::fs::read_to_string(dir.join("seen.txt")).unwrap();
    assert!(seen.contains(&format!("key {log}\n")), "{seen}");

    // The log grows; until the witness comes again, the newest checkpoint it cosigned is found
    // among the hub's earlier ones, and today's log extends it.
    propose(&db, 1).await;
    signed_head(&base, size + 1).await;
    let stdout = passes(&verify(dir, &base, "seen.txt", &["--witness", &witness]));
    assert!(
        stdout.contains(&format!("intact: {} entries", size + 1))
            && stdout.contains(&format!("the checkpoint of {size} entries is cosigned")),
        "{stdout}"
    );
    let done = passes(&poll(dir, &base, &log));
    assert!(
        done.contains(&format!(
            "cosigned {} entries (consistent with {size} cosigned before)",
            size + 1
        )),
        "{done}"
    );
    let stdout = passes(&verify(dir, &base, "seen.txt", &["--witness", &witness]));
    assert!(
        stdout.contains(&format!(
            "the checkpoint of {} entries is cosigned",
            size + 1
        )),
        "{stdout}"
    );
    let again = passes(&poll(dir, &base, &log));
    assert!(again.contains("nothing new"), "{again}");

    // A second witness that never cosigned: a quorum of two is not met.
    let other = witness_key(dir, "other-witness.test", "other.key");
    fails_saying(
        &verify(
            dir,
            &base,
            "seen.txt",
            &["--witness", &witness, "--witness", &other, "--quorum", "2"],
        ),
        "NO CHECKPOINT OF THE HUB IS COSIGNED BY 2 OF THE 2",
    );
    fails_saying(
        &verify(
            dir,
            &base,
            "seen.txt",
            &["--witness", &witness, "--quorum", "3"],
        ),
        "--quorum must be between 1 and",
    );
    fails_saying(
        &verify(dir, &base, "seen.txt", &["--witness", &log]),
        "a witness's key is of type 04",
    );
}

#[tokio::test]
async fn a_witness_refuses_a_log_rewritten_at_the_same_size_and_the_seen_heads_prove_it() {
    let files = TempDir::new("witness-rewritten");
    let dir = files.path();
    let witness = witness_key(dir, "witness.test", "witness.key");
    let url = fresh_database_url().await;
    let env = [("SHUTAF_WITNESSES", witness.as_str())];
    let mut hub = start_hub(dir, &url, "witness-rewritten", &env).await;
    let log = hub_vkey(&hub.base).await;
    let db = shutaf_testkit::database::connect(&url).await;
    let size = db.log_size().await.unwrap();
    passes(&poll(dir, &hub.base, &log));
    passes(&verify(
        dir,
        &hub.base,
        "seen.txt",
        &["--witness", &witness],
    ));
    let honest = signed_head(&hub.base, size).await;

    // Someone with the database rewrites a decision with its hash and the kept tree, and
    // removes the hub's checkpoints so that it signs the rewritten log when it starts again.
    hub.kill();
    rewrite_the_first_decision(&db).await;
    let hub = start_hub(dir, &url, "witness-rewritten-again", &env).await;
    let rewritten = signed_head(&hub.base, size).await;
    assert_eq!(rewritten["size"], honest["size"]);
    assert_ne!(rewritten["root"], honest["root"], "signed anew, rewritten");

    // A first-time auditor without a witness cannot tell...
    passes(&verify(dir, &hub.base, "fresh.txt", &[]));
    // ... with one, the rewritten log has no cosignature;
    fails_saying(
        &verify(dir, &hub.base, "fresh-too.txt", &["--witness", &witness]),
        "NO CHECKPOINT OF THE HUB IS COSIGNED",
    );
    // and the witness, which saw the honest checkpoint of this size, refuses to cosign.
    let refused = fails_saying(&poll(dir, &hub.base, &log), "REFUSED TO COSIGN hub.test");
    assert!(refused.contains("forked"), "{refused}");
    let state = std::fs::read_to_string(dir.join("witness-state.json")).unwrap();
    let state: serde_json::Value = serde_json::from_str(&state).unwrap();
    let kept = &state["logs"]["hub.test"];
    assert_eq!(
        kept["size"], size,
        "the honest checkpoint stays the witness's latest"
    );
    assert_eq!(
        kept["refused"][0]["checkpoint"], rewritten["checkpoint"],
        "the rewritten checkpoint is kept as evidence"
    );

    // The auditor who kept the honest signed checkpoint holds the proof: both checkpoints of
    // this size, each signed by the hub.
    let proof = fails_saying(&verify(dir, &hub.base, "seen.txt", &[]), "REWRITTEN");
    assert!(proof.contains("keep them as evidence"), "{proof}");
    for head in [&honest, &rewritten] {
        let note = head["checkpoint"].as_str().unwrap();
        let text = note.split("\n\n").next().unwrap();
        assert!(proof.contains(text), "{proof} lacks {text}");
    }
}

#[tokio::test]
async fn verify_url_pins_the_hubs_key_on_first_use() {
    let files = TempDir::new("verify-pin");
    let dir = files.path();
    let url = fresh_database_url().await;
    let first_key = "11".repeat(32);
    let mut hub = start_hub(dir, &url, "verify-pin", &[("SHUTAF_LOG_KEY", &first_key)]).await;
    let first = hub_vkey(&hub.base).await;
    let db = shutaf_testkit::database::connect(&url).await;
    let size = db.log_size().await.unwrap();

    // A file of the format before checkpoints (`<size> <root>` lines) is still read.
    let leaves = db.log_leaves(size - 1).await.unwrap();
    let old = format!(
        "# written by an earlier shutaf\n{} {}\n",
        size - 1,
        hex::encode(shutaf_domain::merkle::root(&leaves))
    );
    std::fs::write(dir.join("seen.txt"), &old).unwrap();
    let stdout = passes(&verify(dir, &hub.base, "seen.txt", &[]));
    assert!(stdout.contains("consistent with 1 head(s)"), "{stdout}");
    let seen = std::fs::read_to_string(dir.join("seen.txt")).unwrap();
    assert!(
        seen.starts_with(&old) && seen.contains(&format!("key {first}\n")),
        "{seen}"
    );

    // The same hub with another key: refused, though everything it serves is signed by it.
    hub.kill();
    let second_key = "22".repeat(32);
    let hub = start_hub(
        dir,
        &url,
        "verify-pin-again",
        &[("SHUTAF_LOG_KEY", &second_key)],
    )
    .await;
    let second = hub_vkey(&hub.base).await;
    assert_ne!(first, second);
    let refused = fails_saying(
        &verify(dir, &hub.base, "seen.txt", &[]),
        "THE HUB'S KEY CHANGED",
    );
    assert!(
        refused.contains(&first) && refused.contains(&format!("--key {second}")),
        "{refused}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("seen.txt")).unwrap(),
        seen,
        "a refused check records nothing"
    );
    // Another key than the hub's, given: refused too.
    fails_saying(
        &verify(dir, &hub.base, "seen.txt", &["--key", &first]),
        "THE HUB DOES NOT SIGN WITH THE KEY GIVEN",
    );
    // The auditor confirmed the rotation elsewhere: the new key is pinned, and then holds.
    passes(&verify(dir, &hub.base, "seen.txt", &["--key", &second]));
    passes(&verify(dir, &hub.base, "seen.txt", &[]));
    let seen = std::fs::read_to_string(dir.join("seen.txt")).unwrap();
    let keys: Vec<&str> = seen.lines().filter(|l| l.starts_with("key ")).collect();
    assert_eq!(keys, vec![format!("key {first}"), format!("key {second}")]);
    // The rotated hub signed its latest checkpoint again with its new key.
    let head = signed_head(&hub.base, size).await;
    let note = head["checkpoint"].as_str().unwrap();
    assert_eq!(note.matches("\n\u{2014} hub.test ").count(), 2, "{note}");
}

/// A witness process serving tlog-witness `add-checkpoint`; killed when dropped.
struct ServedWitness(std::process::Child);

impl Drop for ServedWitness {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn a_served_witness_answers_add_checkpoint_as_tlog_witness_says() {
    use shutaf_domain::checkpoint::{
        AddCheckpoint, Algorithm, Checkpoint, Note, Verification, VerifierKey,
    };
    use shutaf_domain::merkle;

    let files = TempDir::new("witness-serve");
    let dir = files.path();
    let witness = VerifierKey::parse(&witness_key(dir, "witness.test", "witness.key")).unwrap();
    let log_key = ed25519_dalek::SigningKey::from_bytes(&[5; 32]);
    let log = VerifierKey::new("hub.test", Algorithm::Ed25519, log_key.verifying_key()).unwrap();
    let port = shutaf_testkit::process::free_port();
    let listen = format!("127.0.0.1:{port}");
    let mut child = command(BINARY, dir, "");
    child.env_remove("SHUTAF_DATABASE_URL").args([
        "witness",
        "serve",
        "--name",
        "witness.test",
        "--key-file",
        "witness.key",
        "--state",
        "served-state.json",
        "--listen",
        &listen,
        "--log",
        &log.to_string(),
    ]);
    let _served = ServedWitness(child.spawn().unwrap());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while std::net::TcpStream::connect(&listen).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "the witness did not listen"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // A second witness process on the same state is refused: it could cosign a checkpoint
    // inconsistent with one the first cosigned.
    fails_saying(
        &shutaf(
            dir,
            &[
                "witness",
                "poll",
                "--once",
                "--name",
                "witness.test",
                "--key-file",
                "witness.key",
                "--state",
                "served-state.json",
                "--hub",
                "http://127.0.0.1:9",
                "--log",
                &log.to_string(),
            ],
        ),
        "another witness process is using served-state.json",
    );

    let leaves: Vec<merkle::Hash> = (0..8u8).map(|i| merkle::leaf_hash(&[i])).collect();
    let signed = |leaves: &[merkle::Hash], key: &ed25519_dalek::SigningKey, origin: &str| {
        Checkpoint::new(origin, leaves.len() as u64, merkle::root(leaves))
            .sign(key)
            .encode()
    };
    let client = reqwest::Client::new();
    let add = |old_size: u64, proof: Vec<merkle::Hash>, checkpoint: String| {
        client
            .post(format!("http://{listen}/add-checkpoint"))
            .body(
                AddCheckpoint {
                    old_size,
                    proof,
                    checkpoint,
                }
                .encode(),
            )
            .send()
    };

    // First sight: cosigned, and the line verifies with the witness's vkey.
    let first = signed(&leaves[..3], &log_key, "hub.test");
    let answer = add(0, vec![], first.clone()).await.unwrap();
    assert_eq!(answer.status(), 200);
    let line = answer.text().await.unwrap();
    let mut note = Note::parse(&first).unwrap();
    note.signatures
        .push(shutaf_domain::checkpoint::NoteSignature::parse_line(line.trim_end()).unwrap());
    assert!(matches!(note.verify(&witness), Verification::Valid(_)));

    // A stale old size: 409 with the size cosigned last.
    let answer = add(0, vec![], signed(&leaves[..5], &log_key, "hub.test"))
        .await
        .unwrap();
    assert_eq!(answer.status(), 409);
    assert_eq!(answer.headers()["content-type"], "text/x.tlog.size");
    assert_eq!(answer.text().await.unwrap(), "3\n");
    // Rewritten at the same size: 409, refused.
    let mut rewritten = leaves.clone();
    rewritten[1] = merkle::leaf_hash(b"rewritten");
    let answer = add(3, vec![], signed(&rewritten[..3], &log_key, "hub.test"))
        .await
        .unwrap();
    assert_eq!(answer.status(), 409);
    // Grown honestly: cosigned.
    let proof = merkle::consistency_proof(3, &leaves[..5]).unwrap();
    let answer = add(3, proof, signed(&leaves[..5], &log_key, "hub.test"))
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    // Grown from a rewritten start: 422.
    let forged = merkle::consistency_proof(5, &rewritten).unwrap();
    let answer = add(5, forged, signed(&rewritten, &log_key, "hub.test"))
        .await
        .unwrap();
    assert_eq!(answer.status(), 422);
    // An unknown log, a checkpoint not signed by the log's key, a body that is none.
    let stranger = ed25519_dalek::SigningKey::from_bytes(&[6; 32]);
    let answer = add(0, vec![], signed(&leaves, &log_key, "other.test"))
        .await
        .unwrap();
    assert_eq!(answer.status(), 404);
    let answer = add(5, vec![], signed(&leaves[..5], &stranger, "hub.test"))
        .await
        .unwrap();
    assert_eq!(answer.status(), 403);
    let answer = client
        .post(format!("http://{listen}/add-checkpoint"))
        .body("not a request")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);

    // The state holds the latest cosigned, and the refused checkpoints as evidence.
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("served-state.json")).unwrap())
            .unwrap();
    assert_eq!(state["logs"]["hub.test"]["size"], 5);
    assert_eq!(
        state["logs"]["hub.test"]["refused"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// The hub's `/auditors` page, as an outsider fetches it.
async fn auditors_page(base: &str) -> String {
    let response = reqwest::get(format!("{base}/auditors")).await.unwrap();
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

/// Text of an HTML page as a reader sees it.
fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of the element with `id` on the page.
fn element_text(page: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let start = page.find(&marker).unwrap_or_else(|| panic!("no #{id}"));
    let rest = &page[start..];
    let rest = &rest[rest.find('>').unwrap() + 1..];
    unescape_html(rest[..rest.find('<').unwrap()].trim())
}

/// The `shutaf` commands the page shows in its code blocks, as a reader would type them: lines
/// continued with `\` joined, each split into its words after `shutaf`.
fn commands_on(page: &str) -> Vec<String> {
    let mut commands = Vec::new();
    for block in page.split("<code").skip(1) {
        let Some(start) = block.find('>') else {
            continue;
        };
        let Some(end) = block.find("</code>") else {
            continue;
        };
        let text = unescape_html(&block[start + 1..end]).replace("\\\n", " ");
        commands.extend(
            text.lines()
                .filter_map(|line| line.trim().strip_prefix("shutaf "))
                .map(str::to_owned),
        );
    }
    commands
}

/// The command on the page that begins with `start`, with what the reader fills in: each
/// `<...>` placeholder replaced by `fill`.
fn command_on(page: &str, start: &str, fill: &str) -> Vec<String> {
    let mut command = commands_on(page)
        .into_iter()
        .find(|c| c.starts_with(start))
        .unwrap_or_else(|| panic!("the page shows no `shutaf {start}`: {page}"));
    while let (Some(open), Some(close)) = (command.find('<'), command.find('>')) {
        command.replace_range(open..=close, fill);
    }
    command.split_whitespace().map(str::to_owned).collect()
}

/// Runs a command the page shows, in `dir`.
fn run_shown(dir: &Path, command: &[String]) -> Output {
    let args: Vec<&str> = command.iter().map(String::as_str).collect();
    shutaf(dir, &args)
}

/// `shutaf witness poll` as the page shows it: it keeps polling until stopped (killed when
/// dropped).
fn start_polling(dir: &Path, command: &[String]) -> ServedWitness {
    let mut child = shutaf_testkit::process::command(BINARY, dir, "");
    child
        .env_remove("SHUTAF_DATABASE_URL")
        .args(command)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    ServedWitness(child.spawn().unwrap())
}

/// Waits (half a minute at most) until `done` holds.
async fn eventually(what: &str, mut done: impl AsyncFnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !done().await {
        assert!(std::time::Instant::now() < deadline, "{what}");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// An outsider checks a hub with a witness by following its `/auditors` page alone: a witness
/// makes its key and polls with the commands the page shows, the hub's operator accepts the
/// witness, and an auditor runs the check the page shows, with the hub's vkey as the page gives
/// it. The check passes; once the hub serves a rewritten log, the same check fails.
#[tokio::test]
async fn an_outsider_verifies_a_hub_with_a_witness_by_following_its_auditors_page() {
    let files = TempDir::new("auditors-page");
    let (hub_dir, witness_dir, auditor_dir, stranger_dir) = (
        files.path().join("hub"),
        files.path().join("witness"),
        files.path().join("auditor"),
        files.path().join("stranger"),
    );
    for dir in [&hub_dir, &witness_dir, &auditor_dir, &stranger_dir] {
        std::fs::create_dir_all(dir).unwrap();
    }
    let url = fresh_database_url().await;
    let mut hub = start_hub(&hub_dir, &url, "auditors-page", &[]).await;

    // The page gives the hub's vkey, the one its API gives.
    let page = auditors_page(&hub.base).await;
    let log = element_text(&page, "hub-vkey");
    assert_eq!(log, hub_vkey(&hub.base).await);

    // A witness makes its key as the page says, and hands its vkey to the hub's operator, who
    // adds it to the witnesses the hub accepts.
    let witness = passes(&run_shown(
        &witness_dir,
        &command_on(&page, "witness key", ""),
    ))
    .trim()
    .to_owned();
    assert!(
        shutaf_domain::checkpoint::VerifierKey::parse(&witness).is_ok(),
        "{witness}"
    );
    hub.kill();
    let mut hub = start_hub(
        &hub_dir,
        &url,
        "auditors-page-witnessed",
        &[("SHUTAF_WITNESSES", &witness)],
    )
    .await;
    let page = auditors_page(&hub.base).await;
    assert_eq!(element_text(&page, "hub-vkey"), log, "the same hub");
    assert!(
        page.contains(&witness),
        "the page lists the accepted witness"
    );

    // The witness polls as the page shows, and keeps polling; its cosignature reaches the hub.
    let poll = command_on(&page, "witness poll", "");
    assert!(poll.contains(&hub.base) && poll.contains(&log), "{poll:?}");
    let polling = start_polling(&witness_dir, &poll);
    let witness_name = witness.split('+').next().unwrap().to_owned();
    let checkpoint = format!("{}/api/v1/log/checkpoint", hub.base);
    eventually("the witness cosigned the hub's checkpoint", async || {
        let note = reqwest::get(&checkpoint)
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        note.contains(&format!("\n\u{2014} {witness_name} "))
    })
    .await;
    drop(polling);

    // The auditor runs the check the page shows, with the witness's vkey where it says so.
    let check = command_on(&page, "verify --url", &witness);
    assert!(
        check.contains(&log) && check.contains(&witness) && check.contains(&hub.base),
        "{check:?}"
    );
    let stdout = passes(&run_shown(&auditor_dir, &check));
    assert!(
        stdout.contains("is cosigned by 1 of the 1 witness(es) given"),
        "{stdout}"
    );
    let db = shutaf_testkit::database::connect(&url).await;
    let size = db.log_size().await.unwrap();
    assert!(
        stdout.contains(&format!("intact: {size} entries")),
        "{stdout}"
    );

    // Someone with the database rewrites a decision with its hash and the kept tree, and has
    // the hub sign the rewritten log afresh.
    hub.kill();
    rewrite_the_first_decision(&db).await;
    let hub = start_hub(
        &hub_dir,
        &url,
        "auditors-page-rewritten",
        &[("SHUTAF_WITNESSES", &witness)],
    )
    .await;
    signed_head(&hub.base, size).await;
    let page = auditors_page(&hub.base).await;
    assert_eq!(
        element_text(&page, "hub-vkey"),
        log,
        "signed with the same key"
    );

    // The witness, polling as before, refuses the rewritten log...
    let polling = start_polling(&witness_dir, &command_on(&page, "witness poll", ""));
    let state = witness_dir.join("shutaf-witness-state.json");
    eventually("the witness refused the rewritten log", async || {
        let Ok(state) = std::fs::read_to_string(&state) else {
            return false;
        };
        let state: serde_json::Value = serde_json::from_str(&state).unwrap();
        state["logs"]["hub.test"]["refused"]
            .as_array()
            .is_some_and(|refused| !refused.is_empty())
    })
    .await;
    drop(polling);
    // ... so the check the page shows fails, for the auditor who checked before and for one
    // who never did.
    let check = command_on(&page, "verify --url", &witness);
    let output = run_shown(&auditor_dir, &check);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !output.status.success()
            && (stderr.contains("REWRITTEN")
                || stderr.contains("NO CHECKPOINT OF THE HUB IS COSIGNED")),
        "{stderr}"
    );
    fails_saying(
        &run_shown(&stranger_dir, &check),
        "NO CHECKPOINT OF THE HUB IS COSIGNED BY 1",
    );
}

/// A hub hands each new checkpoint to a witness that serves tlog-witness `add-checkpoint`
/// (`[checkpoints] push_to`): the witness checks it against what it cosigned before (from
/// nothing, then with a consistency proof) and the hub keeps and serves its cosignatures.
#[tokio::test]
async fn the_hub_hands_its_checkpoints_to_a_served_witness() {
    let files = TempDir::new("witness-push");
    let dir = files.path();
    let witness = witness_key(dir, "witness.test", "witness.key");
    let url = fresh_database_url().await;
    let mut hub = start_hub(dir, &url, "witness-push", &[]).await;
    let log = hub_vkey(&hub.base).await;
    hub.kill();

    let port = shutaf_testkit::process::free_port();
    let listen = format!("127.0.0.1:{port}");
    let mut child = command(BINARY, dir, "");
    child
        .env_remove("SHUTAF_DATABASE_URL")
        .args([
            "witness",
            "serve",
            "--name",
            "witness.test",
            "--key-file",
            "witness.key",
            "--state",
            "pushed-state.json",
            "--listen",
            &listen,
            "--log",
            &log,
        ])
        .stdout(std::process::Stdio::null());
    let _served = ServedWitness(child.spawn().unwrap());
    let push = format!("http://{listen}/add-checkpoint");
    let hub = start_hub(
        dir,
        &url,
        "witness-pushed",
        &[
            ("SHUTAF_WITNESSES", &witness),
            ("SHUTAF_WITNESS_PUSH", &push),
        ],
    )
    .await;
    let db = shutaf_testkit::database::connect(&url).await;
    let checkpoint = format!("{}/api/v1/log/checkpoint", hub.base);
    for n in 0..2 {
        propose(&db, 100 + n).await;
        let size = db.log_size().await.unwrap();
        eventually("the pushed checkpoint came back cosigned", async || {
            let note = reqwest::get(&checkpoint)
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            note.contains(&format!("hub.test\n{size}\n"))
                && note.contains("\n\u{2014} witness.test ")
        })
        .await;
    }
    // The witness kept the last size it cosigned: it checked the second against the first.
    let size = db.log_size().await.unwrap();
    let state = std::fs::read_to_string(dir.join("pushed-state.json")).unwrap();
    assert!(state.contains(&format!("\"size\": {size}")), "{state}");
}
