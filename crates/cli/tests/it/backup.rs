//! `shutaf backup` and `shutaf restore`: the backup lists every table in foreign-key order; a
//! backup taken while another task keeps writing is one consistent snapshot and restores into a
//! fresh database exactly (same rows, same log head, attachments' bytes, `verify` passes, ids
//! continue); a non-empty database is refused; an edited, rewritten or truncated backup shows;
//! and a backup crosses from SQLite to PostgreSQL and back unchanged. Runs on the backend chosen
//! by SHUTAF_TEST_BACKEND; the cross-backend test needs both (PostgreSQL from
//! SHUTAF_TEST_POSTGRES_URL) and says so when it skips.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use serde_json::Value as Json;
use shutaf_domain::decision_log::{LogEntry, parse_commitments, parse_openings};
use shutaf_domain::merkle;
use shutaf_domain::{ContributionType, Management, OrganisationKind, PartnershipModel, Sector};
use shutaf_store::backup::{SKIPPED, TABLES};
use shutaf_store::{Acting, Db, NewInitiative, NewOrganisation};
use shutaf_testkit::database::{fresh_database_url, fresh_db, with_database};
use shutaf_testkit::process::{TempDir, run};

use crate::support::BINARY;

/// Asserts the command succeeded; gives its standard output.
fn succeeded(output: Output) -> String {
    assert!(
        output.status.success(),
        "expected success:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Asserts the command failed; gives its standard error.
fn failed(output: Output) -> String {
    assert!(
        !output.status.success(),
        "expected failure:\n{}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stderr).unwrap()
}

/// A fresh database on the test backend with the demo loaded by `shutaf demo`.
async fn demo_database(dir: &Path) -> String {
    let url = fresh_database_url().await;
    succeeded(run(BINARY, dir, &url, &["demo"]));
    url
}

/// Every byte value, and then some: attachments must come back exactly.
fn attachment_bytes() -> Vec<u8> {
    let mut bytes: Vec<u8> = (0..=255u8).collect();
    bytes.extend((0..40_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    bytes
}

/// Adds an attachment to the demo's first call; gives its id.
async fn add_attachment(db: &Db) -> i64 {
    let call: i64 = sqlx::query_scalar("SELECT MIN(id) FROM calls")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let user: i64 = sqlx::query_scalar("SELECT MIN(id) FROM users")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    db.add_attachment(
        call,
        None,
        "תקנון.pdf",
        "application/pdf",
        &attachment_bytes(),
        Acting {
            user_id: user,
            organisation_id: None,
        },
    )
    .await
    .unwrap()
}

fn organisation(n: u64) -> NewOrganisation {
    NewOrganisation {
        names: [
            Some(format!("עמותה {n}")),
            None,
            Some(format!("Association {n}")),
        ],
        sector: Some(Sector::Third),
        kind: Some(OrganisationKind::Ngo),
        description: Some(format!("Written while a backup runs, number {n}.")),
        contributions: vec![ContributionType::LocalNetworks],
        ..NewOrganisation::default()
    }
}

async fn count(db: &Db, table: &str) -> u64 {
    let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{table}\""))
        .fetch_one(&db.pool)
        .await
        .unwrap();
    n as u64
}

/// A backup file read back independently of the code that wrote it.
struct Backup {
    header: Json,
    /// The lines after the header (tables, rows, end).
    body: Vec<String>,
    tables: Vec<BackupTable>,
}

struct BackupTable {
    name: String,
    columns: Vec<String>,
    rows: Vec<Vec<Json>>,
}

impl Backup {
    /// Reads a backup, checking its structure: each table's rows as many as the header and
    /// the table's line say, and the end line last.
    fn read(path: &Path) -> Backup {
        let text = std::fs::read_to_string(path).unwrap();
        let mut lines = text.lines();
        let header: Json = serde_json::from_str(lines.next().unwrap()).unwrap();
        assert_eq!(header["format"], "shutaf-backup");
        assert_eq!(header["version"], 1);
        let body: Vec<String> = lines.map(str::to_owned).collect();
        let mut tables: Vec<BackupTable> = Vec::new();
        let mut ended = false;
        for line in &body {
            assert!(!ended, "nothing after the end line");
            let value: Json = serde_json::from_str(line).unwrap();
            if let Some(row) = value.as_array() {
                tables.last_mut().unwrap().rows.push(row.clone());
            } else if value.get("table").is_some() {
                tables.push(BackupTable {
                    name: value["table"].as_str().unwrap().to_owned(),
                    columns: serde_json::from_value(value["columns"].clone()).unwrap(),
                    rows: Vec::new(),
                });
            } else {
                assert_eq!(value["end"], "shutaf-backup");
                assert_eq!(value["rows"], header["rows"]);
                ended = true;
            }
        }
        assert!(ended, "the end line is there");
        let counts = header["tables"].as_array().unwrap();
        assert_eq!(counts.len(), tables.len());
        for (count, table) in counts.iter().zip(&tables) {
            assert_eq!(count["name"], table.name.as_str());
            assert_eq!(
                count["rows"].as_u64().unwrap(),
                table.rows.len() as u64,
                "{}",
                table.name
            );
        }
        Backup {
            header,
            body,
            tables,
        }
    }

    fn table(&self, name: &str) -> &BackupTable {
        self.tables.iter().find(|t| t.name == name).unwrap()
    }

    /// The values of one column of a table.
    fn column(&self, table: &str, column: &str) -> Vec<&Json> {
        let table = self.table(table);
        let at = table.columns.iter().position(|c| c == column).unwrap();
        table.rows.iter().map(|r| &r[at]).collect()
    }

    fn ids(&self, table: &str, column: &str) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .column(table, column)
            .into_iter()
            .filter_map(Json::as_i64)
            .collect();
        ids.sort();
        ids
    }

    /// Checks the decision log in the file: every entry matches its hash, indexes run 0, 1,
    /// 2, ..., the size row agrees, and the root is the one the header records. Gives the
    /// entries.
    fn check_log(&self) -> Vec<LogEntry> {
        let table = self.table("decision_log");
        let field = |row: &[Json], name: &str| {
            row[table.columns.iter().position(|c| c == name).unwrap()].clone()
        };
        let mut entries = Vec::new();
        let mut leaves = Vec::new();
        for (index, row) in table.rows.iter().enumerate() {
            let entry = LogEntry {
                index: field(row, "idx").as_u64().unwrap(),
                at: field(row, "at").as_i64().unwrap(),
                kind: field(row, "kind").as_str().unwrap().to_owned(),
                locality_id: field(row, "locality_id").as_i64(),
                initiative_id: field(row, "initiative_id").as_i64(),
                organisation_id: field(row, "organisation_id").as_i64(),
                person: field(row, "person").as_str().map(str::to_owned),
                detail: field(row, "detail").as_str().map(str::to_owned),
                version: field(row, "version").as_u64().unwrap_or(1) as u32,
                commitments: parse_commitments(field(row, "commitments").as_str()).unwrap(),
                openings: parse_openings(field(row, "openings").as_str()).unwrap(),
            };
            assert_eq!(entry.index, index as u64);
            let leaf = entry.leaf_hash();
            assert_eq!(
                hex::encode(leaf),
                field(row, "leaf_hash").as_str().unwrap(),
                "entry {index} matches its hash"
            );
            leaves.push(leaf);
            entries.push(entry);
        }
        assert_eq!(
            self.column("decision_log_size", "size"),
            vec![&Json::from(entries.len())]
        );
        assert_eq!(self.header["log"]["size"], entries.len());
        assert_eq!(
            self.header["log"]["root"],
            hex::encode(merkle::root(&leaves))
        );
        entries
    }
}

/// The backup's header without what differs from one backup of the same data to the next.
fn header_without_time_and_source(header: &Json) -> Json {
    let mut header = header.clone();
    for key in ["created_at", "created", "source"] {
        header.as_object_mut().unwrap().remove(key);
    }
    header
}

#[tokio::test]
async fn backups_hold_every_table_in_foreign_key_order() {
    let db = fresh_db().await;
    let in_schema: std::collections::BTreeSet<String> = db
        .schema()
        .await
        .unwrap()
        .into_iter()
        .map(|(table, _)| table)
        .collect();
    let listed: std::collections::BTreeSet<String> = TABLES
        .iter()
        .chain(SKIPPED)
        .map(|t| t.to_string())
        .collect();
    assert_eq!(
        in_schema, listed,
        "every table is either backed up (shutaf_store::backup::TABLES) or skipped (SKIPPED)"
    );
    assert!(TABLES.iter().all(|t| !SKIPPED.contains(t)));
    // Also checks each foreign key points to a table earlier in the list, and none to a
    // skipped table.
    let order = db.backup_tables().await.unwrap();
    assert_eq!(order, TABLES);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_online_backup_is_one_snapshot_and_restores_exactly() {
    let files = TempDir::new("backup-online");
    let dir = files.path().to_owned();
    let url_a = demo_database(&dir).await;
    let a = shutaf_testkit::database::connect(&url_a).await;
    let attachment = add_attachment(&a).await;
    // A head seen before the backup: the restored log must extend it.
    succeeded(run(
        BINARY,
        &dir,
        &url_a,
        &["verify", "--seen", "seen-a.txt"],
    ));

    // Another task keeps writing through the store: an organisation, then an initiative
    // (which appends a decision to the log in its transaction).
    let locality: i64 = sqlx::query_scalar("SELECT MIN(id) FROM localities")
        .fetch_one(&a.pool)
        .await
        .unwrap();
    let user: i64 = sqlx::query_scalar("SELECT MIN(id) FROM users")
        .fetch_one(&a.pool)
        .await
        .unwrap();
    let written = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, written, stop) = (a.clone(), written.clone(), stop.clone());
        tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                let org = db
                    .create_organisation_unowned(&organisation(n))
                    .await
                    .unwrap();
                let new = NewInitiative {
                    locality_id: locality,
                    initiator_organisation_id: org,
                    titles: [None, None, Some(format!("Initiative {n}"))],
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
                    organisation_id: Some(org),
                };
                db.create_initiative(&new, acting).await.unwrap();
                n += 1;
                written.store(n, Ordering::SeqCst);
            }
        })
    };
    let wait_for = |target: u64| {
        let written = written.clone();
        async move {
            while written.load(Ordering::SeqCst) < target {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
    };
    wait_for(3).await;
    // Backing the demo up takes a moment; on a busy machine it can fall between two of the
    // writer's commits. Then it is taken again, until the writer committed while it ran.
    let mut attempts = 0;
    let (before, output, after) = loop {
        attempts += 1;
        let before = written.load(Ordering::SeqCst);
        let output = {
            let (dir, url) = (dir.clone(), url_a.clone());
            tokio::task::spawn_blocking(move || run(BINARY, &dir, &url, &["backup", "a.backup"]))
                .await
                .unwrap()
        };
        let after = written.load(Ordering::SeqCst);
        if after > before || attempts == 20 {
            break (before, output, after);
        }
    };
    wait_for(after + 2).await;
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    let printed = succeeded(output);
    assert!(printed.contains("shutaf-log.key"), "{printed}");
    assert!(
        after > before,
        "the writer went on while the backup ran ({before} then {after})"
    );

    // The backup is one snapshot: the log verifies and agrees with the tables.
    let backup = Backup::read(&dir.join("a.backup"));
    let entries = backup.check_log();
    let initiatives = backup.ids("initiatives", "id");
    let mut proposed: Vec<i64> = entries
        .iter()
        .filter(|e| e.kind == "proposed")
        .filter_map(|e| e.initiative_id)
        .collect();
    proposed.sort();
    assert_eq!(
        initiatives, proposed,
        "each initiative in the backup, and only those, has its proposal on the log"
    );
    let organisations = backup.ids("organisations", "id");
    for (table, column) in [
        ("organisation_search_terms", "organisation_id"),
        ("organisation_contributions", "organisation_id"),
        ("initiative_partners", "organisation_id"),
    ] {
        for id in backup.ids(table, column) {
            assert!(
                organisations.binary_search(&id).is_ok(),
                "{table} refers to organisation {id}, which is in the backup"
            );
        }
    }
    for id in backup.ids("initiative_events", "initiative_id") {
        assert!(initiatives.binary_search(&id).is_ok());
    }
    let demo_organisations = 15;
    let in_backup = organisations.len() as u64 - demo_organisations;
    assert!(
        (before..=after + 1).contains(&in_backup),
        "the snapshot holds {in_backup} of the writer's organisations: taken between {before} and {after}"
    );
    assert!(count(&a, "organisations").await > organisations.len() as u64);
    assert!(
        !backup
            .body
            .iter()
            .any(|l| l.contains("\"table\":\"sessions\"")),
        "sessions are not backed up"
    );

    // Restored into a fresh database: verify passes, the same log head, the same rows.
    let url_b = fresh_database_url().await;
    let printed = succeeded(run(BINARY, &dir, &url_b, &["restore", "a.backup"]));
    assert!(printed.contains("decision log intact"), "{printed}");
    assert!(printed.contains("organisations"), "{printed}");
    succeeded(run(
        BINARY,
        &dir,
        &url_b,
        &["verify", "--seen", "seen-b.txt"],
    ));
    succeeded(run(
        BINARY,
        &dir,
        &url_b,
        &["verify", "--seen", "seen-a.txt"],
    ));
    let b = shutaf_testkit::database::connect(&url_b).await;
    let head = b.log_head().await.unwrap();
    assert_eq!(backup.header["log"]["size"], head.size);
    assert_eq!(backup.header["log"]["root"], hex::encode(head.root));
    for table in &backup.tables {
        assert_eq!(
            count(&b, &table.name).await,
            table.rows.len() as u64,
            "{}",
            table.name
        );
    }
    let (_, bytes) = b.attachment(attachment).await.unwrap().unwrap();
    assert_eq!(
        bytes,
        attachment_bytes(),
        "an attachment's bytes round-trip"
    );

    // Backing the restored database up gives the same file, but for when and where from.
    succeeded(run(BINARY, &dir, &url_b, &["backup", "b.backup"]));
    let again = Backup::read(&dir.join("b.backup"));
    assert_eq!(
        header_without_time_and_source(&again.header),
        header_without_time_and_source(&backup.header)
    );
    assert!(
        again.body == backup.body,
        "the same rows, in the same order"
    );

    // New rows get new ids after the restored ones.
    let largest = *organisations.last().unwrap();
    let id = b
        .create_organisation_unowned(&organisation(1000))
        .await
        .unwrap();
    assert!(id > largest, "{id} follows {largest}");

    // A database that holds data is refused, and left as it was.
    let before_refusal = count(&b, "organisations").await;
    let refused = failed(run(BINARY, &dir, &url_b, &["restore", "a.backup"]));
    assert!(refused.contains("NOT EMPTY"), "{refused}");
    assert_eq!(count(&b, "organisations").await, before_refusal);
    a.close().await;
    b.close().await;
}

/// Rewrites the line of the log entry with index `idx` through `edit`.
fn edit_log_entry(
    source: &Path,
    target: &Path,
    idx: i64,
    edit: impl Fn(&mut Vec<Json>, &[String]),
) {
    let text = std::fs::read_to_string(source).unwrap();
    let mut columns: Vec<String> = Vec::new();
    let mut table = String::new();
    let mut edited = 0;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut value: Json = serde_json::from_str(line).unwrap();
            if let Some(name) = value.get("table") {
                table = name.as_str().unwrap().to_owned();
                columns = serde_json::from_value(value["columns"].clone()).unwrap();
            } else if let Some(row) = value.as_array_mut()
                && table == "decision_log"
                && row[0] == idx
            {
                edit(row, &columns);
                edited += 1;
                return serde_json::to_string(row).unwrap();
            }
            line.to_owned()
        })
        .collect();
    assert_eq!(edited, 1);
    std::fs::write(target, lines.join("\n") + "\n").unwrap();
}

#[tokio::test]
async fn an_edited_rewritten_or_cut_backup_shows() {
    let files = TempDir::new("backup-tamper");
    let dir = files.path().to_owned();
    let url_a = demo_database(&dir).await;
    succeeded(run(BINARY, &dir, &url_a, &["verify", "--seen", "seen.txt"]));
    succeeded(run(BINARY, &dir, &url_a, &["backup", "a.backup"]));
    let original = Backup::read(&dir.join("a.backup"));
    let detail_at = |columns: &[String]| columns.iter().position(|c| c == "detail").unwrap();

    // One log entry edited in the file: it restores, but the log does not verify.
    edit_log_entry(
        &dir.join("a.backup"),
        &dir.join("edited.backup"),
        3,
        |row, columns| row[detail_at(columns)] = Json::from("quietly changed"),
    );
    let url_c = fresh_database_url().await;
    let complaint = failed(run(BINARY, &dir, &url_c, &["restore", "edited.backup"]));
    assert!(complaint.contains("NOT INTACT"), "{complaint}");
    let c = shutaf_testkit::database::connect(&url_c).await;
    assert_eq!(
        count(&c, "decision_log").await,
        original.table("decision_log").rows.len() as u64,
        "the rows are restored"
    );
    let complaint = failed(run(BINARY, &dir, &url_c, &["verify", "--seen", "c.txt"]));
    assert!(complaint.contains("NOT INTACT"), "{complaint}");
    c.close().await;

    // Rewritten with its hash and the header's root: consistent in itself, but not with the
    // head seen before.
    edit_log_entry(
        &dir.join("a.backup"),
        &dir.join("rewritten.backup"),
        3,
        |row, columns| {
            let at = |name: &str| columns.iter().position(|c| c == name).unwrap();
            row[at("detail")] = Json::from("quietly changed");
            let entry = LogEntry {
                index: row[at("idx")].as_u64().unwrap(),
                at: row[at("at")].as_i64().unwrap(),
                kind: row[at("kind")].as_str().unwrap().to_owned(),
                locality_id: row[at("locality_id")].as_i64(),
                initiative_id: row[at("initiative_id")].as_i64(),
                organisation_id: row[at("organisation_id")].as_i64(),
                person: row[at("person")].as_str().map(str::to_owned),
                detail: row[at("detail")].as_str().map(str::to_owned),
                version: row[at("version")].as_u64().unwrap_or(1) as u32,
                commitments: parse_commitments(row[at("commitments")].as_str()).unwrap(),
                openings: parse_openings(row[at("openings")].as_str()).unwrap(),
            };
            row[at("leaf_hash")] = Json::from(hex::encode(entry.leaf_hash()));
        },
    );
    let rewritten = Backup::read(&dir.join("rewritten.backup"));
    let leaves = rewritten.log_leaves();
    let mut text = std::fs::read_to_string(dir.join("rewritten.backup")).unwrap();
    let old_root = original.header["log"]["root"].as_str().unwrap().to_owned();
    text = text.replacen(&old_root, &hex::encode(merkle::root(&leaves)), 1);
    std::fs::write(dir.join("rewritten.backup"), text).unwrap();
    Backup::read(&dir.join("rewritten.backup")).check_log();
    let url_d = fresh_database_url().await;
    succeeded(run(BINARY, &dir, &url_d, &["restore", "rewritten.backup"]));
    let complaint = failed(run(BINARY, &dir, &url_d, &["verify", "--seen", "seen.txt"]));
    assert!(complaint.contains("REWRITTEN"), "{complaint}");

    // Cut short: refused, and nothing is kept; the whole file then restores.
    let text = std::fs::read_to_string(dir.join("a.backup")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    std::fs::write(
        dir.join("cut.backup"),
        lines[..lines.len() / 2].join("\n") + "\n",
    )
    .unwrap();
    let url_e = fresh_database_url().await;
    let complaint = failed(run(BINARY, &dir, &url_e, &["restore", "cut.backup"]));
    assert!(complaint.contains("INCOMPLETE"), "{complaint}");
    let e = shutaf_testkit::database::connect(&url_e).await;
    assert_eq!(e.restore_blockers().await.unwrap(), Vec::<String>::new());
    assert_eq!(count(&e, "users").await, 0);
    succeeded(run(BINARY, &dir, &url_e, &["restore", "a.backup"]));
    succeeded(run(BINARY, &dir, &url_e, &["verify", "--seen", "seen.txt"]));
    e.close().await;
}

impl Backup {
    /// The leaf hashes of the log in the file, recomputed from the entries.
    fn log_leaves(&self) -> Vec<merkle::Hash> {
        let table = self.table("decision_log");
        let at = |name: &str| table.columns.iter().position(|c| c == name).unwrap();
        table
            .rows
            .iter()
            .map(|row| {
                LogEntry {
                    index: row[at("idx")].as_u64().unwrap(),
                    at: row[at("at")].as_i64().unwrap(),
                    kind: row[at("kind")].as_str().unwrap().to_owned(),
                    locality_id: row[at("locality_id")].as_i64(),
                    initiative_id: row[at("initiative_id")].as_i64(),
                    organisation_id: row[at("organisation_id")].as_i64(),
                    person: row[at("person")].as_str().map(str::to_owned),
                    detail: row[at("detail")].as_str().map(str::to_owned),
                    version: row[at("version")].as_u64().unwrap_or(1) as u32,
                    commitments: parse_commitments(row[at("commitments")].as_str()).unwrap(),
                    openings: parse_openings(row[at("openings")].as_str()).unwrap(),
                }
                .leaf_hash()
            })
            .collect()
    }
}

#[tokio::test]
async fn a_backup_crosses_from_sqlite_to_postgresql_and_back() {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let admin_url = shutaf_testkit::database::postgres_admin_url();
    let admin = tokio::time::timeout(
        Duration::from_secs(5),
        sqlx::AnyConnection::connect(&admin_url),
    )
    .await;
    let Ok(Ok(mut admin)) = admin else {
        eprintln!("SKIPPED: no PostgreSQL at {admin_url} for the cross-backend round trip");
        return;
    };
    let files = TempDir::new("backup-cross");
    let dir = files.path().to_owned();
    let sqlite_url = |name: &str| format!("sqlite://{}", dir.join(name).display());

    // SQLite with the demo and an attachment.
    let url_a = sqlite_url("a.db");
    succeeded(run(BINARY, &dir, &url_a, &["demo"]));
    let a = shutaf_testkit::database::connect(&url_a).await;
    let attachment = add_attachment(&a).await;
    a.close().await;
    succeeded(run(BINARY, &dir, &url_a, &["backup", "a.backup"]));
    let original = Backup::read(&dir.join("a.backup"));
    assert_eq!(original.header["source"], "sqlite");

    // Into a new PostgreSQL database, never migrated: restore sets it up.
    let name = format!(
        "shutaf_backup_{}_{}",
        std::process::id(),
        &shutaf_store::random_token()[..8]
    );
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let url_p = with_database(&admin_url, &name);
    succeeded(run(BINARY, &dir, &url_p, &["restore", "a.backup"]));
    succeeded(run(BINARY, &dir, &url_p, &["verify", "--seen", "seen.txt"]));
    succeeded(run(BINARY, &dir, &url_p, &["backup", "p.backup"]));
    let from_postgres = Backup::read(&dir.join("p.backup"));
    assert_eq!(from_postgres.header["source"], "postgres");
    assert_eq!(
        header_without_time_and_source(&from_postgres.header),
        header_without_time_and_source(&original.header)
    );
    let differing: BTreeMap<usize, (&String, &String)> = original
        .body
        .iter()
        .zip(&from_postgres.body)
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .take(3)
        .collect();
    assert!(
        differing.is_empty() && original.body.len() == from_postgres.body.len(),
        "the same lines from PostgreSQL: {differing:#?}"
    );

    let p = shutaf_testkit::database::connect(&url_p).await;
    assert_eq!(
        p.attachment(attachment).await.unwrap().unwrap().1,
        attachment_bytes()
    );
    let largest = *original.ids("organisations", "id").last().unwrap();
    assert!(
        p.create_organisation_unowned(&organisation(1))
            .await
            .unwrap()
            > largest,
        "PostgreSQL's identity sequences were moved past the restored ids"
    );
    p.close().await;

    // And back into a new SQLite file.
    let url_c = sqlite_url("c.db");
    succeeded(run(BINARY, &dir, &url_c, &["restore", "p.backup"]));
    succeeded(run(BINARY, &dir, &url_c, &["verify", "--seen", "seen.txt"]));
    succeeded(run(BINARY, &dir, &url_c, &["backup", "c.backup"]));
    assert!(Backup::read(&dir.join("c.backup")).body == original.body);

    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
        .execute(&mut admin)
        .await;
    let _ = admin.close().await;
}
