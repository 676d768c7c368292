//! A fresh database for each test, on the backend the environment asks for.
//!
//! `SHUTAF_TEST_BACKEND=postgres` runs a test on PostgreSQL (the server from
//! `SHUTAF_TEST_POSTGRES_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`); anything
//! else on SQLite. Each test gets a database of its own, copied from a template migrated once per
//! set of migrations (its name carries their fingerprint): a copy of a SQLite file, or a
//! PostgreSQL database created `TEMPLATE` it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use shutaf_store::{Backend, Db, DbSettings};
use sqlx::{AnyConnection, Connection};

static COUNTER: AtomicU64 = AtomicU64::new(0);
static TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();

/// The backend tests run on, from `SHUTAF_TEST_BACKEND`.
pub fn test_backend() -> Backend {
    match std::env::var("SHUTAF_TEST_BACKEND").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

/// Where tests keep their files: SQLite databases, the hub's working directories.
pub fn test_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("shutaf-tests");
    std::fs::create_dir_all(&dir).expect("a temporary directory for tests");
    dir
}

/// A name no other test of any process uses.
pub fn unique_suffix() -> String {
    format!(
        "{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        &shutaf_store::random_token()[..8]
    )
}

fn postgres_admin_url() -> String {
    std::env::var("SHUTAF_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// The URL of database `database` on the server of `admin_url`.
pub fn with_database(admin_url: &str, database: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (admin_url, String::new()),
    };
    let root = base.rsplit_once('/').map(|(root, _)| root).unwrap_or(base);
    format!("{root}/{database}{query}")
}

/// The settings tests connect with: a small pool, migrations locked.
pub fn test_settings() -> DbSettings {
    DbSettings {
        max_connections: 5,
        migration_locking: true,
    }
}

/// A URL for a fresh, migrated database on the test backend.
pub async fn fresh_database_url() -> String {
    sqlx::any::install_default_drivers();
    let template = TEMPLATE.get_or_init(template).await;
    match test_backend() {
        Backend::Sqlite => {
            let path = test_dir().join(format!("t_{}.db", unique_suffix()));
            std::fs::copy(template, &path).expect("copy the SQLite template database");
            format!("sqlite://{}", path.display())
        }
        Backend::Postgres => {
            let admin_url = postgres_admin_url();
            let name = format!("shutaf_t_{}", unique_suffix());
            let mut admin = admin(&admin_url).await;
            // Copies of one template may collide briefly when many tests start at once; retry.
            let mut attempt = 0;
            loop {
                match sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                    .execute(&mut admin)
                    .await
                {
                    Ok(_) => break,
                    Err(e) if attempt < 50 => {
                        attempt += 1;
                        tracing::debug!("retrying test database creation: {e}");
                        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    }
                    Err(e) => panic!("cannot create test database {name}: {e}"),
                }
            }
            let _ = admin.close().await;
            with_database(&admin_url, &name)
        }
    }
}

/// A fresh, migrated database on the test backend, connected.
pub async fn fresh_db() -> Db {
    let url = fresh_database_url().await;
    Db::connect(&url, &test_settings())
        .await
        .expect("connect to the test database")
}

async fn admin(admin_url: &str) -> AnyConnection {
    AnyConnection::connect(admin_url)
        .await
        .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin_url}: {e}"))
}

/// The template of this set of migrations on the test backend: a SQLite file's path, or a
/// PostgreSQL database's name. Built under a temporary name and renamed when complete, so that a
/// half-built template left by an interrupted run is never used, and another process that
/// finished first wins.
async fn template() -> String {
    let backend = test_backend();
    let fingerprint = shutaf_store::migrations_fingerprint(backend);
    match backend {
        Backend::Sqlite => {
            let path = test_dir().join(format!("template_{fingerprint}.db"));
            if !path.exists() {
                let building = test_dir().join(format!("building_{}.db", unique_suffix()));
                let db = Db::connect(
                    &format!("sqlite://{}", building.display()),
                    &DbSettings::default(),
                )
                .await
                .expect("create the SQLite template");
                db.migrate(&DbSettings::default())
                    .await
                    .expect("migrate the SQLite template");
                // One self-contained file (no write-ahead log beside it) to copy.
                let copy = test_dir().join(format!("copy_{}.db", unique_suffix()));
                sqlx::query(&format!("VACUUM INTO '{}'", copy.display()))
                    .execute(&db.pool)
                    .await
                    .expect("write the SQLite template");
                db.close().await;
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", building.display()));
                }
                std::fs::rename(&copy, &path).expect("keep the SQLite template");
            }
            path.display().to_string()
        }
        Backend::Postgres => {
            let admin_url = postgres_admin_url();
            let name = format!("shutaf_tpl_{fingerprint}");
            let mut admin = admin(&admin_url).await;
            let exists: Option<i32> =
                sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
                    .bind(&name)
                    .fetch_optional(&mut admin)
                    .await
                    .expect("look up the template database");
            if exists.is_none() {
                let building = format!("{name}_building_{}", std::process::id());
                sqlx::query(&format!("CREATE DATABASE {building}"))
                    .execute(&mut admin)
                    .await
                    .expect("create the template database");
                let db = Db::connect(
                    &with_database(&admin_url, &building),
                    &DbSettings::default(),
                )
                .await
                .expect("connect to the template");
                db.migrate(&DbSettings::default())
                    .await
                    .expect("migrate the template database");
                db.close().await;
                if let Err(e) = sqlx::query(&format!("ALTER DATABASE {building} RENAME TO {name}"))
                    .execute(&mut admin)
                    .await
                {
                    tracing::debug!("template already built elsewhere: {e}");
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {building}"))
                        .execute(&mut admin)
                        .await;
                }
            }
            let _ = admin.close().await;
            name
        }
    }
}
