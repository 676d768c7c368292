//! Crashes, two kinds, under clients writing through the API as fast as they can:
//!
//! - `acknowledged_writes_survive_sigkill_and_the_log_stays_intact`: the hub is killed with
//!   SIGKILL at a random moment, then started again, several times over (on the backend chosen
//!   by SHUTAF_TEST_BACKEND);
//! - `acknowledged_writes_survive_a_postgresql_server_crash`: the PostgreSQL server itself
//!   crashes under a running hub (`pg_ctl stop -m immediate`, or SIGKILL to the postmaster and
//!   every backend at once), and starts again (crash recovery from its WAL). It runs on a private
//!   cluster this test creates with `initdb` (the machine's shared server is never stopped), only
//!   when SHUTAF_TEST_BACKEND=postgres.
//!
//! After every round each write that was acknowledged is there, the database is intact (SQLite:
//! `PRAGMA integrity_check`; PostgreSQL server crash: `pg_amcheck`), and `shutaf verify` passes,
//! with the heads seen before every crash kept in one file, so the log is also proven to have
//! only grown. Rounds: `SHUTAF_CRASH_ROUNDS` (3 by default; `scripts/crash-test` runs many more).
//! See docs/RELIABILITY.md.

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::Rng;
use shutaf_store::{ApiTokenScope, Backend, Db, DbSettings};
use shutaf_testkit::HubProcess;
use shutaf_testkit::database::{fresh_database_url, test_backend};
use shutaf_testkit::process::{TempDir, free_port, run};

use crate::support::{BINARY, first_start};

/// The two tests run one after the other: each runs a hub, four writers and a database server
/// flat out, and on two cores together they would mostly measure each other.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn rounds() -> usize {
    std::env::var("SHUTAF_CRASH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3)
}

// ---------------------------------------------------------------------------------------------
// The hub, its writers and the checks after a crash (shared by both tests)

/// What the writers expect when a write is not acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outage {
    /// The hub is killed: the first failure to reach it ends the writer; a refusal fails the test.
    HubKilled,
    /// The database goes away under a live hub: writes answered 503 meanwhile are expected (and
    /// not acknowledged); the writer keeps trying until it is told to stop.
    DatabaseDown,
}

/// What one writer saw.
#[derive(Debug, Default)]
struct Tally {
    created: usize,
    /// Writes refused, by HTTP status and the API's error code.
    refused: BTreeMap<String, usize>,
    /// Requests that got no answer (connection refused or reset, client time-out).
    unanswered: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.created += other.created;
        self.unanswered += other.unanswered;
        for (k, v) in other.refused {
            *self.refused.entry(k).or_default() += v;
        }
    }
}

/// The demo company's manager's write token, and the company.
struct Author {
    token: String,
    company: i64,
}

/// Proposes initiatives (each a decision on the log) as fast as it can; records each
/// acknowledged title.
async fn writer(
    base: String,
    author: Arc<Author>,
    label: String,
    acknowledged: Arc<Mutex<BTreeSet<String>>>,
    outage: Outage,
    stop: Arc<AtomicBool>,
) -> Tally {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let mut tally = Tally::default();
    for n in 0.. {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let title = format!("crash {label}-{n}");
        let sent = client
            .post(format!("{base}/api/v1/initiatives"))
            .bearer_auth(&author.token)
            .json(&serde_json::json!({
                "locality_id": 1,
                "initiator_organisation_id": author.company,
                "titles": { "he": title },
                "model": "joint-agenda",
                "management": "joint",
            }))
            .send()
            .await;
        match (sent, outage) {
            (Ok(response), _) if response.status() == reqwest::StatusCode::CREATED => {
                acknowledged.lock().unwrap().insert(title);
                tally.created += 1;
            }
            (Ok(response), Outage::HubKilled) => {
                panic!("a write was refused: {}", response.status())
            }
            (Ok(response), Outage::DatabaseDown) => {
                let status = response.status();
                let body: serde_json::Value = response.json().await.unwrap_or_default();
                let code = body["error"]["code"].as_str().unwrap_or("?").to_owned();
                assert!(
                    status.is_server_error(),
                    "a write was refused while the database was away, not as a server error: \
                     {status} {body}"
                );
                *tally
                    .refused
                    .entry(format!("{} {code}", status.as_u16()))
                    .or_default() += 1;
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            // The hub is gone: the round is over for this writer.
            (Err(_), Outage::HubKilled) => break,
            (Err(_), Outage::DatabaseDown) => {
                tally.unanswered += 1;
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    tally
}

/// Four writers against one hub.
struct Writers {
    stop: Arc<AtomicBool>,
    handles: Vec<tokio::task::JoinHandle<Tally>>,
    acknowledged: Arc<Mutex<BTreeSet<String>>>,
}

impl Writers {
    fn start(
        hub: &HubProcess,
        author: &Arc<Author>,
        round: &str,
        acknowledged: &Arc<Mutex<BTreeSet<String>>>,
        outage: Outage,
    ) -> Writers {
        let stop = Arc::new(AtomicBool::new(false));
        let handles = (0..4)
            .map(|w| {
                tokio::spawn(writer(
                    hub.base.clone(),
                    author.clone(),
                    format!("{round}-{w}"),
                    acknowledged.clone(),
                    outage,
                    stop.clone(),
                ))
            })
            .collect();
        Writers {
            stop,
            handles,
            acknowledged: acknowledged.clone(),
        }
    }

    fn acknowledged(&self) -> usize {
        self.acknowledged.lock().unwrap().len()
    }

    /// Tells the writers to stop (the hub-kill writers stop by themselves) and waits for them.
    async fn finish(self) -> Tally {
        self.stop.store(true, Ordering::Relaxed);
        let mut total = Tally::default();
        for handle in self.handles {
            total.add(handle.await.unwrap());
        }
        total
    }
}

/// Loads the demo (the hub's first start does) and makes a write token for the demo company's
/// manager.
async fn demo_world(dir: &Path, url: &str) -> (Db, Arc<Author>) {
    drop(first_start("crash-demo", dir, url).await);
    let db = Db::connect(url, &DbSettings::default()).await.unwrap();
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
    (db, Arc::new(Author { token, company }))
}

/// After a crash: every acknowledged write is stored, SQLite's file is intact, and the log
/// verifies against every head seen before (this round's head is added to `heads.txt`).
async fn check_after_crash(
    db: &Db,
    dir: &Path,
    url: &str,
    round: &str,
    acknowledged: &Mutex<BTreeSet<String>>,
) {
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

    if db.backend == Backend::Sqlite {
        let check: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
    }
    let output = run(BINARY, dir, url, &["verify", "--seen", "heads.txt"]);
    assert!(
        output.status.success(),
        "round {round}: verify failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn assert_one_head_a_round(dir: &Path, rounds: usize) {
    let seen = std::fs::read_to_string(dir.join("heads.txt")).unwrap();
    assert_eq!(
        seen.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count(),
        rounds,
        "one head kept a round: {seen}"
    );
}

// ---------------------------------------------------------------------------------------------
// The hub killed

#[tokio::test]
async fn acknowledged_writes_survive_sigkill_and_the_log_stays_intact() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let rounds = rounds();
    let files = TempDir::new("crash");
    let dir = files.path();
    let url = fresh_database_url().await;
    let (db, author) = demo_world(dir, &url).await;

    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let mut rng = rand::rng();
    for round in 0..rounds {
        // Started again on the same database and directory after each crash.
        let mut hub = first_start("crash", dir, &url).await;
        let writers = Writers::start(
            &hub,
            &author,
            &round.to_string(),
            &acknowledged,
            Outage::HubKilled,
        );
        tokio::time::sleep(Duration::from_millis(rng.random_range(300..1500))).await;
        // SIGKILL: no shutdown, no flush, no goodbye.
        hub.child.kill().unwrap();
        hub.child.wait().unwrap();
        writers.finish().await;

        check_after_crash(&db, dir, &url, &round.to_string(), &acknowledged).await;
    }
    assert_one_head_a_round(dir, rounds);
}

// ---------------------------------------------------------------------------------------------
// The PostgreSQL server crashed

/// A private PostgreSQL cluster: `initdb` into a temporary directory, run as the `postgres` OS
/// user (PostgreSQL refuses to run as root), on a free port on 127.0.0.1 only, trust
/// authentication, durability settings at their defaults (`fsync`, `synchronous_commit`,
/// `full_page_writes` on). Stopped and removed when dropped, also when the test fails.
struct Cluster {
    dir: PathBuf,
    data: PathBuf,
    port: u16,
    uid: u32,
    gid: u32,
    postgres: PathBuf,
    pg_ctl: PathBuf,
    pg_amcheck: PathBuf,
    /// The postmaster, a child of this test (so it is reaped here, whatever PID 1 does).
    postmaster: Option<Child>,
}

/// How the server is crashed.
#[derive(Debug, Clone, Copy)]
enum ServerCrash {
    /// `pg_ctl stop -m immediate`: every server process quits at once, no checkpoint.
    Immediate,
    /// SIGKILL to the postmaster and every one of its processes at once (like the OOM killer
    /// taking the lot, or the machine's processes vanishing).
    Sigkill,
}

/// Finds a PostgreSQL program: SHUTAF_TEST_PG_BIN, then /usr/lib/postgresql/<newest>/bin, then
/// /usr/local/bin and the PATH.
fn pg_program(name: &str) -> PathBuf {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Ok(dir) = std::env::var("SHUTAF_TEST_PG_BIN") {
        dirs.push(dir.into());
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            Some((version, e.path().join("bin")))
        })
        .collect();
    versions.sort();
    dirs.extend(versions.into_iter().rev().map(|(_, dir)| dir));
    dirs.push("/usr/local/bin".into());
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    dirs.iter()
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
        .unwrap_or_else(|| {
            panic!(
                "the PostgreSQL server crash test needs `{name}` (PostgreSQL 15's server and \
                 client programs: install postgresql-15, or set SHUTAF_TEST_PG_BIN); looked in \
                 {dirs:?}"
            )
        })
}

fn id_of(flag: &str) -> u32 {
    let output = Command::new("id")
        .args([flag, "postgres"])
        .output()
        .expect("run `id`");
    assert!(
        output.status.success(),
        "the PostgreSQL server crash test needs the `postgres` OS user (PostgreSQL refuses to \
         run as root): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .unwrap()
}

/// Sends a signal with kill(1) to a process this test started (or one of the postmaster's).
fn signal(signal: &str, pids: &[u32]) {
    if pids.is_empty() {
        return;
    }
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .args(pids.iter().map(|p| p.to_string()))
        .stderr(Stdio::null())
        .status();
}

/// The processes whose parent is `parent`.
fn children_of(parent: u32) -> Vec<u32> {
    let mut children = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // pid (comm) state ppid ...; comm may hold spaces and parentheses.
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.get(1).and_then(|p| p.parse::<u32>().ok()) == Some(parent) {
            children.push(pid);
        }
    }
    children
}

fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .map(|(_, rest)| !rest.trim_start().starts_with('Z'))
            .unwrap_or(false),
        Err(_) => false,
    }
}

impl Cluster {
    fn create() -> Cluster {
        let (uid, gid) = (id_of("-u"), id_of("-g"));
        let initdb = pg_program("initdb");
        let dir = std::env::temp_dir().join(format!(
            "shutaf-pg-{}-{}",
            std::process::id(),
            &shutaf_store::random_token()[..8]
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::os::unix::fs::chown(&dir, Some(uid), Some(gid)).unwrap();
        let cluster = Cluster {
            data: dir.join("data"),
            dir,
            port: free_port(),
            uid,
            gid,
            postgres: pg_program("postgres"),
            pg_ctl: pg_program("pg_ctl"),
            pg_amcheck: pg_program("pg_amcheck"),
            postmaster: None,
        };
        // --no-sync: initdb's files are flushed by the first checkpoint; the crashes here kill
        // processes, not the machine. The server runs with fsync on.
        let output = cluster
            .as_postgres(&initdb)
            .arg("-D")
            .arg(&cluster.data)
            .args([
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "initdb failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        cluster
    }

    /// A command run as the `postgres` OS user.
    fn as_postgres(&self, program: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .uid(self.uid)
            .gid(self.gid)
            .current_dir(&self.dir)
            .env_remove("PGDATA")
            .env("LC_ALL", "C");
        command
    }

    fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("postgres.log")).unwrap_or_default()
    }

    fn log_tail(&self) -> String {
        let log = self.log();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }

    /// Starts the server (after a crash: crash recovery) and waits until it takes connections.
    /// Returns how long that took.
    async fn start(&mut self) -> Duration {
        let began = Instant::now();
        for attempt in 0.. {
            let log = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(self.dir.join("postgres.log"))
                .unwrap();
            let child = self
                .as_postgres(&self.postgres.clone())
                .arg("-D")
                .arg(&self.data)
                .args(["-p", &self.port.to_string()])
                .args(["-c", "listen_addresses=127.0.0.1"])
                .arg("-c")
                .arg(format!("unix_socket_directories={}", self.dir.display()))
                // The defaults, said out loud: a commit is acknowledged once its WAL is on disk.
                .args(["-c", "fsync=on", "-c", "synchronous_commit=on"])
                .args(["-c", "full_page_writes=on", "-c", "max_connections=60"])
                .stdin(Stdio::null())
                .stdout(log.try_clone().unwrap())
                .stderr(log)
                .spawn()
                .unwrap();
            self.postmaster = Some(child);
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                let ready = tokio::time::timeout(Duration::from_secs(5), async {
                    use sqlx::Connection;
                    let mut connection = sqlx::PgConnection::connect(&self.url("postgres")).await?;
                    sqlx::query("SELECT 1").execute(&mut connection).await?;
                    connection.close().await
                })
                .await;
                if matches!(ready, Ok(Ok(()))) {
                    return began.elapsed();
                }
                let exited = self.postmaster.as_mut().unwrap().try_wait().unwrap();
                if let Some(status) = exited {
                    // The processes of the last crash may still hold the shared memory for a
                    // moment: try again, a few times.
                    self.postmaster = None;
                    assert!(
                        attempt < 5,
                        "PostgreSQL did not start ({status}): {}",
                        self.log_tail()
                    );
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "PostgreSQL did not take connections within 60 s: {}",
                    self.log_tail()
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        unreachable!()
    }

    /// Crashes the server; returns when every one of its processes is gone.
    fn crash(&mut self, how: ServerCrash) {
        let mut postmaster = self.postmaster.take().expect("the server runs");
        let pid = postmaster.id();
        match how {
            ServerCrash::Immediate => {
                let output = self
                    .as_postgres(&self.pg_ctl.clone())
                    .args(["stop", "-m", "immediate", "-D"])
                    .arg(&self.data)
                    .output()
                    .unwrap();
                assert!(
                    output.status.success(),
                    "pg_ctl stop -m immediate: {}{}",
                    String::from_utf8_lossy(&output.stdout),
                    String::from_utf8_lossy(&output.stderr)
                );
                postmaster.wait().unwrap();
            }
            ServerCrash::Sigkill => {
                // Stopped first, so that it starts no new process while its children are listed.
                signal("STOP", &[pid]);
                let mut all = children_of(pid);
                all.push(pid);
                signal("KILL", &all);
                postmaster.wait().unwrap();
                let deadline = Instant::now() + Duration::from_secs(30);
                while all.iter().any(|&p| alive(p)) {
                    assert!(
                        Instant::now() < deadline,
                        "PostgreSQL's processes outlived SIGKILL"
                    );
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        }
    }

    /// PostgreSQL's own check of every table and index of `database` (amcheck: heap pages,
    /// B-tree structure, and every heap tuple present in its indexes).
    fn amcheck(&self, database: &str) -> std::process::Output {
        Command::new(&self.pg_amcheck)
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
            ])
            .args(["--install-missing", "--heapallindexed"])
            .args(["-d", database])
            .output()
            .unwrap()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Some(mut postmaster) = self.postmaster.take() {
            let stopped = self
                .as_postgres(&self.pg_ctl.clone())
                .args(["stop", "-m", "immediate", "-D"])
                .arg(&self.data)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            if !matches!(stopped, Ok(s) if s.success()) {
                let pid = postmaster.id();
                signal("STOP", &[pid]);
                let mut all = children_of(pid);
                all.push(pid);
                signal("KILL", &all);
            }
            let _ = postmaster.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Waits until `ready` holds; how long it took.
async fn until(what: &str, hub: &HubProcess, ready: impl AsyncFn() -> bool) -> Duration {
    let began = Instant::now();
    while !ready().await {
        assert!(
            began.elapsed() < Duration::from_secs(60),
            "{what} did not happen within 60 s; the hub's log ends:\n{}",
            hub.log_tail(30)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    began.elapsed()
}

#[tokio::test]
async fn acknowledged_writes_survive_a_postgresql_server_crash() {
    if test_backend() != Backend::Postgres {
        eprintln!(
            "the PostgreSQL server crash test runs with SHUTAF_TEST_BACKEND=postgres: skipped"
        );
        return;
    }
    let _alone = ONE_AT_A_TIME.lock().await;
    let rounds = rounds();
    let began = Instant::now();
    let mut cluster = Cluster::create();
    cluster.start().await;
    {
        use sqlx::Connection;
        let mut admin = sqlx::PgConnection::connect(&cluster.url("postgres"))
            .await
            .unwrap();
        sqlx::query("CREATE DATABASE shutaf")
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
    }
    let files = TempDir::new("pg-crash");
    let dir = files.path();
    let url = cluster.url("shutaf");
    let (db, author) = demo_world(dir, &url).await;
    // One hub for the whole test: it is not restarted when the database comes back.
    let mut hub = first_start("pg-crash", dir, &url).await;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let health = async || {
        let response = client
            .get(format!("{}/healthz", hub.base))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap_or_default())
    };

    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let mut rng = rand::rng();
    for round in 0..rounds {
        let label = format!("pg{round}");
        let how = if round % 2 == 0 {
            ServerCrash::Immediate
        } else {
            ServerCrash::Sigkill
        };
        // The first round keeps the server down longer than the pool waits for a connection
        // (ACQUIRE_TIMEOUT), to see what the hub answers meanwhile; the others only briefly.
        let down_for = if round == 0 {
            shutaf_store::ACQUIRE_TIMEOUT + Duration::from_secs(2)
        } else {
            Duration::from_millis(rng.random_range(100..2000))
        };
        let writers = Writers::start(&hub, &author, &label, &acknowledged, Outage::DatabaseDown);
        let round_start = writers.acknowledged();
        tokio::time::sleep(Duration::from_millis(rng.random_range(300..1500))).await;
        let before_crash = writers.acknowledged() - round_start;
        cluster.crash(how);
        let crashed = Instant::now();

        // While the server is down: the hub stays up, and says the database is unreachable.
        let (down_health, _) = tokio::join!(
            async {
                if round == 0 {
                    Some(health().await)
                } else {
                    None
                }
            },
            tokio::time::sleep(down_for)
        );
        if let Some((status, body)) = &down_health {
            assert_eq!(
                *status, 503,
                "/healthz while PostgreSQL is down answers 503: {body}"
            );
            assert!(body.contains("unreachable"), "{body}");
        }
        assert!(
            hub.child.try_wait().unwrap().is_none(),
            "round {round}: the hub exited when PostgreSQL went down; its log ends:\n{}",
            hub.log_tail(30)
        );
        let down = crashed.elapsed();

        // Started again: crash recovery; the hub reconnects by itself.
        let recovery = cluster.start().await;
        let recoveries = cluster
            .log()
            .matches("automatic recovery in progress")
            .count();
        assert_eq!(
            recoveries,
            round + 1,
            "round {round}: PostgreSQL recovered from a crash: {}",
            cluster.log_tail()
        );
        let acked_at_start = writers.acknowledged();
        let healthy = until("/healthz answering 200", &hub, async || {
            health().await.0 == 200
        })
        .await;
        let writing = until("a write acknowledged again", &hub, async || {
            writers.acknowledged() > acked_at_start
        })
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let tally = writers.finish().await;
        eprintln!(
            "round {round}: {how:?} after {before_crash} acknowledged writes; down {:.1} s \
             (/healthz meanwhile: {:?}); crash recovery {:.1} s; then /healthz 200 after \
             {:.2} s, writes acknowledged again after {:.2} s; writes: {} acknowledged, refused \
             {:?}, unanswered {}",
            down.as_secs_f64(),
            down_health.map(|(s, _)| s),
            recovery.as_secs_f64(),
            healthy.as_secs_f64(),
            writing.as_secs_f64(),
            tally.created,
            tally.refused,
            tally.unanswered,
        );
        // A write the outage caught, inside the database or waiting for it, is told to try
        // again (503), never that the hub broke (500).
        assert!(
            !tally.refused.keys().any(|k| k.starts_with("500")),
            "round {round}: writes caught by the outage were answered 500: {:?}",
            tally.refused
        );
        if round == 0 {
            assert!(
                tally.refused.keys().any(|k| k.starts_with("503")),
                "round 0: writes while the database was down for {down:?} were answered 503: \
                 {:?}",
                tally.refused
            );
        }

        check_after_crash(&db, dir, &url, &label, &acknowledged).await;
        let output = cluster.amcheck("shutaf");
        assert!(
            output.status.success(),
            "round {round}: pg_amcheck found corruption: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_one_head_a_round(dir, rounds);
    assert!(
        hub.child.try_wait().unwrap().is_none(),
        "the hub kept running"
    );
    drop(hub);
    db.close().await;
    drop(cluster);
    drop(files);
    eprintln!(
        "{rounds} PostgreSQL server crashes in {:.1} s",
        began.elapsed().as_secs_f64()
    );
}
