//! A fresh database for each test, on the backend the environment asks for.
//!
//! `SHUTAF_TEST_BACKEND=postgres` runs a test on PostgreSQL (the server from
//! `SHUTAF_TEST_POSTGRES_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`); anything
//! else on SQLite. Each test gets a database of its own, copied from a template migrated once per
//! set of migrations (its name carries their fingerprint): a copy of a SQLite file, or a
//! PostgreSQL database created `TEMPLATE` it.
//!
//! A test that runs many times on one prepared world keeps it as a [`Snapshot`] and runs each
//! time on a copy; [`copy_database`] copies any database that nothing is connected to.

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

/// The PostgreSQL server tests use, as an administrator's URL (`SHUTAF_TEST_POSTGRES_URL`).
pub fn postgres_admin_url() -> String {
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
            create_from_template(&mut admin, &name, template).await;
            let _ = admin.close().await;
            with_database(&admin_url, &name)
        }
    }
}

/// Creates PostgreSQL database `name` as a copy of `template`.
async fn create_from_template(admin: &mut AnyConnection, name: &str, template: &str) {
    // Copies of one template may collide briefly when many tests start at once, and a database
    // just closed may show its last connections until their server processes have exited, which
    // takes seconds on a busy machine; retry for up to 30 s.
    let mut attempt = 0;
    loop {
        match sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
            .execute(&mut *admin)
            .await
        {
            Ok(_) => break,
            Err(e) if attempt < 300 => {
                attempt += 1;
                tracing::debug!("retrying test database creation: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(e) => {
                // Who still holds the template, to say why.
                let holders: Vec<(String, String, String)> = sqlx::query_as(
                    "SELECT COALESCE(application_name, ''), COALESCE(state, ''), \
                     COALESCE(query, '') FROM pg_stat_activity WHERE datname = $1",
                )
                .bind(template)
                .fetch_all(&mut *admin)
                .await
                .unwrap_or_default();
                panic!("cannot create test database {name}: {e}; {template} is held by {holders:?}")
            }
        }
    }
}

/// The file of a SQLite URL, or the database of a PostgreSQL one.
fn database_of(url: &str) -> &str {
    match url.strip_prefix("sqlite://") {
        Some(rest) => rest.split('?').next().unwrap_or(rest),
        None => {
            let base = url.split('?').next().unwrap_or(url);
            base.rsplit('/').next().unwrap_or(base)
        }
    }
}

/// A fresh database with the contents of the one at `url`, which nothing may be connected to
/// (a world a test prepared and closed): a copy of the SQLite file, or a PostgreSQL database
/// created `TEMPLATE` it. Gives its URL.
pub async fn copy_database(url: &str) -> String {
    sqlx::any::install_default_drivers();
    let source = database_of(url);
    match test_backend() {
        Backend::Sqlite => {
            let path = test_dir().join(format!("c_{}.db", unique_suffix()));
            std::fs::copy(source, &path).expect("copy the SQLite database");
            // What was written last may still be in the write-ahead log.
            let wal = format!("{source}-wal");
            if std::path::Path::new(&wal).exists() {
                std::fs::copy(&wal, format!("{}-wal", path.display()))
                    .expect("copy the SQLite write-ahead log");
            }
            format!("sqlite://{}", path.display())
        }
        Backend::Postgres => {
            let admin_url = postgres_admin_url();
            let name = format!("shutaf_c_{}", unique_suffix());
            let mut admin = admin(&admin_url).await;
            create_from_template(&mut admin, &name, source).await;
            let _ = admin.close().await;
            with_database(&admin_url, &name)
        }
    }
}

/// Ends every connection to PostgreSQL database `name` but the caller's own.
async fn end_connections(name: &str) {
    let mut admin = admin(&postgres_admin_url()).await;
    sqlx::query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = $1 AND pid <> pg_backend_pid()",
    )
    .bind(name)
    .execute(&mut admin)
    .await
    .unwrap_or_else(|e| panic!("cannot end the connections to {name}: {e}"));
    let _ = admin.close().await;
}

/// Removes a database a test made: the SQLite file (and its log), or the PostgreSQL database
/// (whoever is still connected).
pub async fn drop_database(url: &str) {
    let database = database_of(url);
    match test_backend() {
        Backend::Sqlite => {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{database}{suffix}"));
            }
        }
        Backend::Postgres => {
            let mut admin = admin(&postgres_admin_url()).await;
            sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
                .execute(&mut admin)
                .await
                .unwrap_or_else(|e| panic!("cannot drop test database {database}: {e}"));
            let _ = admin.close().await;
        }
    }
}

/// A prepared database kept as it is, for a test that runs many times on the same world: each
/// run takes a copy ([`Snapshot::copy`]) and gives it back when done ([`Snapshot::give_back`]).
///
/// On SQLite a copy is a copy of the file. On PostgreSQL, creating a database from a template
/// takes 0.5 to 2 s, far too long for hundreds of runs; so `at_once` databases are made from the
/// snapshot once, and each copy first resets one of them to the snapshot: every table's rows and
/// every sequence, from the schema `pristine` the snapshot keeps beside its tables.
pub struct Snapshot {
    url: String,
    kept: Kept,
}

enum Kept {
    /// SQLite: the file, copied for each run.
    File,
    /// PostgreSQL: databases made from the snapshot, reset to it for each run.
    Resettable {
        databases: Vec<String>,
        free: std::sync::Mutex<Vec<String>>,
        /// The SQL that puts the snapshot's rows and sequences back.
        reset: String,
    },
}

/// A copy of a [`Snapshot`], connected.
pub struct DatabaseCopy {
    pub url: String,
    pub db: Db,
}

impl Snapshot {
    /// Keeps the database at `url` (migrated, filled, and closed: nothing may be connected to it
    /// any more) as the source of copies, `at_once` of which may be in use at one time.
    pub async fn keep(url: &str, at_once: usize) -> Snapshot {
        sqlx::any::install_default_drivers();
        let kept = match test_backend() {
            Backend::Sqlite => Kept::File,
            Backend::Postgres => {
                let db = Db::connect(url, &test_settings())
                    .await
                    .expect("connect to the snapshot");
                let reset = keep_pristine(&db).await;
                db.close().await;
                // A closed pool may leave its last connection open for a while, and a database
                // with a connection cannot be copied: nothing of this test's may hold it now.
                end_connections(database_of(url)).await;
                let mut databases = Vec::new();
                for _ in 0..at_once {
                    databases.push(database_of(&copy_database(url).await).to_owned());
                }
                Kept::Resettable {
                    free: std::sync::Mutex::new(databases.clone()),
                    databases,
                    reset,
                }
            }
        };
        Snapshot {
            url: url.to_owned(),
            kept,
        }
    }

    /// A database as the snapshot is, connected.
    pub async fn copy(&self) -> DatabaseCopy {
        let url = match &self.kept {
            Kept::File => copy_database(&self.url).await,
            Kept::Resettable { free, .. } => {
                let name = free
                    .lock()
                    .expect("the free copies")
                    .pop()
                    .expect("no more copies in use at once than the snapshot was kept for");
                // Commits need not wait for the disk here: nothing outlives the run.
                let url = with_database(&postgres_admin_url(), &name);
                let options = "options=-c%20synchronous_commit%3Doff";
                match url.contains('?') {
                    true => format!("{url}&{options}"),
                    false => format!("{url}?{options}"),
                }
            }
        };
        let db = Db::connect(&url, &test_settings())
            .await
            .expect("connect to the copy");
        if let Kept::Resettable { reset, .. } = &self.kept {
            sqlx::raw_sql(reset)
                .execute(&db.pool)
                .await
                .expect("reset the copy to the snapshot");
        }
        DatabaseCopy { url, db }
    }

    /// Takes a copy back once nothing uses it (the hub on it stopped): closes its connections
    /// and removes it, or keeps it to be reset for the next run.
    pub async fn give_back(&self, copy: DatabaseCopy) {
        copy.db.close().await;
        match &self.kept {
            Kept::File => drop_database(&copy.url).await,
            Kept::Resettable { free, .. } => free
                .lock()
                .expect("the free copies")
                .push(database_of(&copy.url).to_owned()),
        }
    }

    /// Removes the snapshot and the databases made from it.
    pub async fn remove(&self) {
        if let Kept::Resettable { databases, .. } = &self.kept {
            for name in databases {
                drop_database(&with_database(&postgres_admin_url(), name)).await;
            }
        }
        drop_database(&self.url).await;
    }
}

/// Keeps a PostgreSQL database's rows and sequences in its schema `pristine`, and gives the SQL
/// that resets a copy of it to them.
async fn keep_pristine(db: &Db) -> String {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' \
         AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations' ORDER BY table_name",
    )
    .fetch_all(&db.pool)
    .await
    .expect("list the tables");
    let sequences: Vec<(String, Option<i64>)> = sqlx::query_as(
        "SELECT sequencename::text, last_value FROM pg_sequences WHERE schemaname = 'public' \
         ORDER BY sequencename",
    )
    .fetch_all(&db.pool)
    .await
    .expect("list the sequences");
    let mut keep = String::from("CREATE SCHEMA pristine;");
    // Foreign keys are not checked while the rows are put back (they were consistent).
    let mut reset = String::from("BEGIN; SET LOCAL session_replication_role = replica;");
    for table in &tables {
        keep.push_str(&format!(
            "CREATE TABLE pristine.{table} AS SELECT * FROM public.{table};"
        ));
        reset.push_str(&format!(
            "DELETE FROM public.{table}; INSERT INTO public.{table} OVERRIDING SYSTEM VALUE \
             SELECT * FROM pristine.{table};"
        ));
    }
    for (sequence, last) in sequences {
        reset.push_str(&match last {
            Some(last) => format!("SELECT setval('public.{sequence}', {last}, true);"),
            None => format!("SELECT setval('public.{sequence}', 1, false);"),
        });
    }
    reset.push_str("COMMIT;");
    sqlx::raw_sql(&keep)
        .execute(&db.pool)
        .await
        .expect("keep the pristine rows");
    reset
}

/// A connection pool to a database a test made (a generated or restored one, say).
pub async fn connect(url: &str) -> Db {
    Db::connect(url, &DbSettings::default())
        .await
        .unwrap_or_else(|e| panic!("cannot connect to {url}: {e}"))
}

/// A new, empty SQLite database in the tests' folder, connected, whatever backend the suite
/// runs on: for tests of SQLite itself, or that compare the other backend with it.
pub async fn empty_sqlite_db(name: &str) -> Db {
    let path = test_dir().join(format!("{name}-{}.db", unique_suffix()));
    connect(&format!("sqlite://{}", path.display())).await
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
