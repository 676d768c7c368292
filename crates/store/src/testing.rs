//! Fresh databases for tests, on the backend the environment asks for.
//!
//! `SHUTAF_TEST_BACKEND=postgres` runs a test on PostgreSQL (server from `SHUTAF_TEST_POSTGRES_URL`,
//! default `postgres://postgres@127.0.0.1:5432/postgres`); anything else on SQLite. Each test gets
//! its own database: a new SQLite file, or a PostgreSQL database copied from a template that is
//! migrated once per set of migrations (its name carries their checksum).

use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::AnyConnection;
use sqlx::Connection;

use crate::{Backend, Db, DbSettings, POSTGRES_MIGRATIONS};

static COUNTER: AtomicU64 = AtomicU64::new(0);
static TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();

/// The backend tests run on, from `SHUTAF_TEST_BACKEND`.
pub fn test_backend() -> Backend {
    match std::env::var("SHUTAF_TEST_BACKEND").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

fn postgres_admin_url() -> String {
    std::env::var("SHUTAF_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn with_database(admin_url: &str, database: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (admin_url, String::new()),
    };
    let root = base.rsplit_once('/').map(|(root, _)| root).unwrap_or(base);
    format!("{root}/{database}{query}")
}

fn unique_suffix() -> String {
    format!(
        "{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        &crate::random_token()[..8]
    )
}

/// A URL for a fresh, migrated database on the test backend.
pub async fn fresh_database_url() -> String {
    match test_backend() {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("shutaf-tests");
            std::fs::create_dir_all(&dir).expect("temporary directory for test databases");
            let path = dir.join(format!("t_{}.db", unique_suffix()));
            let url = format!("sqlite://{}", path.display());
            let db = Db::connect(&url, &DbSettings::default())
                .await
                .expect("create SQLite test database");
            db.migrate(&DbSettings::default())
                .await
                .expect("migrate SQLite test database");
            db.close().await;
            url
        }
        Backend::Postgres => {
            sqlx::any::install_default_drivers();
            let admin_url = postgres_admin_url();
            let template = TEMPLATE
                .get_or_init(|| postgres_template(admin_url.clone()))
                .await;
            let name = format!("shutaf_t_{}", unique_suffix());
            let mut admin = AnyConnection::connect(&admin_url)
                .await
                .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin_url}: {e}"));
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

/// A fresh, migrated database on the test backend.
pub async fn fresh_db() -> Db {
    let url = fresh_database_url().await;
    Db::connect(
        &url,
        &DbSettings {
            max_connections: 5,
            migration_locking: true,
        },
    )
    .await
    .expect("connect to test database")
}

async fn postgres_template(admin_url: String) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for migration in POSTGRES_MIGRATIONS.iter() {
        hasher.update(&migration.checksum);
    }
    let name = format!("shutaf_tpl_{}", &hex::encode(hasher.finalize())[..16]);
    let mut admin = AnyConnection::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin_url}: {e}"));
    let exists: Option<i32> = sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&mut admin)
        .await
        .expect("look up template database");
    if exists.is_none() {
        // Build under a temporary name and rename when complete, so that a half-built template
        // left by an interrupted run is never used.
        let building = format!("{name}_building_{}", std::process::id());
        sqlx::query(&format!("CREATE DATABASE {building}"))
            .execute(&mut admin)
            .await
            .expect("create template database");
        let db = Db::connect(
            &with_database(&admin_url, &building),
            &DbSettings::default(),
        )
        .await
        .expect("connect to template");
        db.migrate(&DbSettings::default())
            .await
            .expect("migrate template database");
        db.close().await;
        if let Err(e) = sqlx::query(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .execute(&mut admin)
            .await
        {
            // Another process finished first; ours is not needed.
            tracing::debug!("template already built elsewhere: {e}");
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {building}"))
                .execute(&mut admin)
                .await;
        }
    }
    let _ = admin.close().await;
    name
}
