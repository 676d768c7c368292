//! Storage for the Shutaf hub: one SQL dialect that runs on SQLite (embedded, the default) and
//! PostgreSQL (the scale path), through sqlx's `Any` driver; SQLite's reads outside a
//! transaction run on the calling thread through rusqlite (`read.rs`).
//!
//! Portability is a design rule, not an accident: ids are 64-bit integers, times are Unix seconds,
//! flags are integers 0 or 1 (the `Any` driver cannot read SQLite booleans), placeholders are `$1, $2, ...` (which SQLite also understands), and the
//! SQL used is the common subset (`ON CONFLICT`, `RETURNING`). Statement texts are fixed, so that
//! each is prepared once a connection: values are bound, lists of ids too (`Db::in_ids` and
//! `Db::id_list`), never written into the text. Migrations are kept per backend in
//! `migrations/sqlite` and `migrations/postgres`, embedded in the binary, and a test checks that
//! both produce the same tables and columns.

pub mod accounts;
pub mod agenda;
pub mod audit;
pub mod backup;
pub mod bulk;
pub mod calls;
pub mod checkpoints;
pub mod clock;
pub mod decision_log;
pub mod disclosures;
pub mod donations;
pub mod initiatives;
pub mod integrity;
pub(crate) mod journal;
pub mod localities;
pub mod matching;
pub mod organisations;
pub mod portal;
pub(crate) mod read;
pub mod sessions;
pub mod tallies;

pub use clock::{Clock, system_now};

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};

use crate::read::args;

pub use accounts::{ApiToken, ApiTokenScope, Attempt, MailTokenPurpose, User};
pub use agenda::{Goal, LocalTarget, NewGoal};
pub use checkpoints::{Cosignature, StoredCheckpoint};
pub(crate) use decision_log::Decision;
pub use decision_log::{LogFilter, TreeHead};
pub use initiatives::{
    Acting, CharterVersion, Initiative, InitiativeEvent, InitiativeListItem, NewContribution,
    NewInitiative, Partner, PartnerContribution, PartnerStatus,
};
pub use localities::{Locality, NewLocality};
pub use matching::Opportunity;
pub use organisations::{
    Directory, DirectoryFilter, Invitation, Member, NewOrganisation, Organisation,
    OrganisationSummary,
};
pub use sessions::DbSessionStore;
pub use tallies::{COUNT_CAP, Count, Keyset, Window};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../../migrations/postgres");

/// What can go wrong in storage, in terms callers can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique rule was broken (an email already registered, a duplicate membership, ...).
    #[error("conflict with an existing record")]
    Conflict,
    #[error("not found")]
    NotFound,
    /// A limit the database keeps was reached (an application's five attachments).
    #[error("limit reached")]
    LimitReached,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// An error of a read on SQLite's own connections (`read.rs`).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Whether the database could not be reached or went away under the request (pool
    /// exhausted or closed, connection cut, server shutting down or recovering): the request may
    /// be tried again, and the answer is 503, not 500.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Database(error) => match error {
                sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::Io(_)
                | sqlx::Error::Tls(_)
                | sqlx::Error::WorkerCrashed => true,
                // PostgreSQL's connection exceptions (class 08) and operator interventions
                // (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
                sqlx::Error::Database(db) => db
                    .code()
                    .is_some_and(|code| code.starts_with("08") || code.starts_with("57P")),
                _ => false,
            },
            StoreError::Sqlite(error) => matches!(
                error.sqlite_error_code(),
                Some(
                    rusqlite::ErrorCode::DatabaseBusy
                        | rusqlite::ErrorCode::DatabaseLocked
                        | rusqlite::ErrorCode::CannotOpen
                        | rusqlite::ErrorCode::SystemIoFailure
                        | rusqlite::ErrorCode::OutOfMemory
                )
            ),
            _ => false,
        }
    }

    /// Maps a driver error to `Conflict` when it is a unique-constraint violation.
    pub(crate) fn from_write(error: sqlx::Error) -> StoreError {
        match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
            _ => StoreError::Database(error),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Which database engine is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// How long a query waits for a free connection before giving up with `PoolTimedOut` (which the
/// web layer answers with 503 and `Retry-After`). sqlx's default is 30 s, as long as the whole
/// request's time limit: a request would time out before learning the pool was exhausted, and
/// waiting requests would pile up. Five seconds covers the normal queueing behind a burst.
pub const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// A pooled connection idle this long is pinged before it is used (see [`Db::connect`]).
const IDLE_CHECK: std::time::Duration = std::time::Duration::from_secs(1);

/// Connection settings beyond the URL.
#[derive(Debug, Clone)]
pub struct DbSettings {
    pub max_connections: u32,
    /// Take the migration lock while migrating. Off for PostgreSQL-compatible engines that have
    /// no advisory locks; then run `shutaf migrate` from one place before starting servers.
    pub migration_locking: bool,
}

impl Default for DbSettings {
    fn default() -> Self {
        DbSettings {
            max_connections: 10,
            migration_locking: true,
        }
    }
}

/// The hub's database: a pool and the backend it talks to. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// Shared by every clone: the hub under test and its test see the same time.
    pub clock: Clock,
    /// The latest data version this process knows of (see [`Db::data_version`]), shared by
    /// every clone.
    version: Arc<AtomicI64>,
    /// Every locality, as read at a data version: the home page and the directory's filter
    /// list them all on every request ([`Db::localities`]).
    localities: Arc<std::sync::Mutex<Option<KeptLocalities>>>,
    /// The localities' kept matching profiles, as read at a data version: what the suggestions
    /// rank ([`matching::Placed`]).
    placed: Arc<matching::Placed>,
    /// SQLite's reads on the calling thread (`read.rs`); none on PostgreSQL or in memory.
    readers: Option<Arc<read::Readers>>,
}

/// The localities as read at a data version.
type KeptLocalities = (i64, Arc<Vec<Locality>>);

/// A transaction that writes, with the time its changes are stamped with: one action, one
/// transaction, one time. It reads as the connection it holds.
pub struct WriteTx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    /// When the action happened, by the hub's clock.
    pub at: i64,
    /// The database handle's data version, moved on commit.
    version: Arc<AtomicI64>,
}

impl WriteTx {
    /// Commits, moving the data version by one in the same transaction (its last statement, so
    /// that the one row's lock is held only while committing), then in this process.
    pub async fn commit(mut self) -> StoreResult<()> {
        let moved = bump_data_version(&mut self.tx).await?;
        self.tx.commit().await?;
        note_data_version(&self.version, moved);
        Ok(())
    }

    pub async fn rollback(self) -> StoreResult<()> {
        Ok(self.tx.rollback().await?)
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.tx
    }
}

impl Db {
    /// Seconds since the Unix epoch by the hub's clock: how the hub stores every time.
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// The same database, on `clock`.
    pub fn with_clock(self, clock: Clock) -> Db {
        Db { clock, ..self }
    }

    /// Connects to `url` (`sqlite://path` or `postgres://...`). A SQLite file is created if
    /// missing and put in WAL mode; every SQLite connection enforces foreign keys.
    pub async fn connect(url: &str, settings: &DbSettings) -> StoreResult<Db> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url).ok_or_else(|| {
            StoreError::Corrupt(format!(
                "unsupported database URL scheme: {}",
                url_scheme(url)
            ))
        })?;
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
            }
            _ => url.to_owned(),
        };
        let options: AnyConnectOptions = url.parse()?;
        let pool = AnyPoolOptions::new()
            .acquire_timeout(ACQUIRE_TIMEOUT)
            // sqlx pings a connection when it is taken from the pool and again when it goes
            // back: a round trip to PostgreSQL, a hand-off to SQLite's worker thread, twice for
            // every statement (issue 12: a third of a page's hand-offs). The ping on release
            // stays, and closes a connection that broke in use. One taken after resting a
            // while is still pinged: a database restart or a proxy's time-out cuts idle
            // connections, and a cut one is replaced before a statement fails on it.
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for >= IDLE_CHECK {
                        sqlx::Connection::ping(conn).await?;
                    }
                    Ok(true)
                })
            })
            .max_connections(match backend {
                // One writer at a time is SQLite's nature; a few readers beside it is plenty.
                // Four in all: reads never wait on a disk (the file is in the OS's cache), so
                // more connections than cores add no throughput, and each costs its page cache
                // and its thread's allocations (measured, issue 12: the directory under load at
                // 780 requests/s with 2 connections in 65 MB, 850 with 8 in 154 MB).
                Backend::Sqlite => settings.max_connections.min(4),
                Backend::Postgres => settings.max_connections,
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // synchronous = FULL: a committed decision survives a power cut (in WAL mode
                        // NORMAL may lose the last commits); the public record is worth the fsync.
                        // The pages' reads go through the hub's own connections (`read.rs`),
                        // whose page caches are the larger ones; these write and read inside
                        // transactions, and keep SQLite's default 2 MB each.
                        conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;")
                            .await?;
                    } else {
                        // A hub's statements are short and many run at once: a parallel plan
                        // starts worker processes for one request that the others then wait
                        // behind (issue 12: the directory's search planned as a Gather Merge
                        // of three processes), and JIT compiling costs more than such a
                        // statement runs. One plan a statement, made once a connection: see
                        // `read::GENERIC_PLANS`. Best effort: an engine that speaks
                        // PostgreSQL's protocol without these settings runs as it is.
                        if let Err(e) = conn
                            .execute("SET max_parallel_workers_per_gather = 0; SET jit = off")
                            .await
                        {
                            tracing::debug!("PostgreSQL session settings not taken: {e}");
                        }
                        if let Err(e) = conn.execute(read::GENERIC_PLANS).await {
                            tracing::debug!("PostgreSQL plan cache mode not taken: {e}");
                        }
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        if backend == Backend::Sqlite {
            // WAL lets readers go on while one connection writes; the setting sticks to the file.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        let readers = match backend {
            Backend::Sqlite => read::Readers::of_url(&url).map(Arc::new),
            Backend::Postgres => None,
        };
        Ok(Db {
            pool,
            backend,
            clock: Clock::default(),
            version: Arc::default(),
            localities: Arc::default(),
            placed: Arc::default(),
            readers,
        })
    }

    fn migrator(&self, locking: bool) -> Migrator {
        let mut migrator = match self.backend {
            Backend::Sqlite => clone_migrator(&SQLITE_MIGRATIONS),
            Backend::Postgres => clone_migrator(&POSTGRES_MIGRATIONS),
        };
        migrator.set_locking(locking);
        migrator
    }

    /// Brings the schema up to date with the migrations embedded in this binary.
    pub async fn migrate(&self, settings: &DbSettings) -> StoreResult<()> {
        self.migrator(settings.migration_locking)
            .run(&self.pool)
            .await?;
        self.complete_log_tree().await
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a transaction that reads first and upgrades later can fail at once
    /// with "database is locked" when another connection wrote meanwhile, whatever the timeout.
    pub async fn write_tx(&self) -> StoreResult<WriteTx> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        // Taken when the transaction begins (on SQLite, once it holds the write lock).
        Ok(WriteTx {
            tx,
            at: self.now(),
            version: self.version.clone(),
        })
    }

    /// The data version as this process knows it: a counter every committed write moves (in the
    /// database's `data_version` row, in the write's own transaction). A public page rendered at
    /// one version is stale at a later one. Writes through this process's handles are known at
    /// once; writes by another server or a `shutaf` command once [`Db::poll_data_version`] has
    /// read the row.
    pub fn data_version(&self) -> i64 {
        self.version.load(Ordering::Acquire)
    }

    /// Reads the data version from the database (one primary-key read) and makes it known to
    /// this process; gives the version now known.
    pub async fn poll_data_version(&self) -> StoreResult<i64> {
        let stored: Option<i64> = self
            .read_scalar_optional("SELECT version FROM data_version WHERE id = 1", args![])
            .await?;
        if let Some(stored) = stored {
            self.version.fetch_max(stored, Ordering::AcqRel);
        }
        Ok(self.data_version())
    }

    /// Moves the data version after a write made outside a [`WriteTx`] (on the pool, in a
    /// statement of its own) that changes what public pages show: an organisation's or a
    /// locality's texts, a membership, a checkpoint. Writes that change no public page do not
    /// call it: sessions, throttles, mail and API tokens, notifications read, a person's
    /// password or language.
    pub(crate) async fn data_changed(&self) -> StoreResult<()> {
        let mut conn = self.pool.acquire().await?;
        let moved = bump_data_version(&mut conn).await?;
        note_data_version(&self.version, moved);
        Ok(())
    }

    /// Keeps the planner's statistics fresh as the hub grows, so that plans stay good without
    /// a manual `ANALYZE`: on SQLite `PRAGMA optimize`, which analyses only the tables whose
    /// size changed much since they were last analysed (cheap when nothing did). PostgreSQL's
    /// autovacuum does this by itself (docs/PERFORMANCE.md).
    pub async fn keep_statistics(&self) -> StoreResult<()> {
        if self.backend == Backend::Sqlite {
            // 0x10002: every table, not only those this connection used (a pool's connection may have
            // used none).
            sqlx::query("PRAGMA optimize = 0x10002")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// `IN` a list of ids bound as one value at `$n` (give it [`Db::id_list`]): the statement's
    /// text is the same whatever the ids and however many, so it is prepared once a connection
    /// and kept. Ids written into the text made every page's statements new: parsed and planned
    /// on every request, and pushing the kept ones out of the statement cache (issue 12).
    pub(crate) fn in_ids(&self, n: usize) -> String {
        match self.backend {
            Backend::Sqlite => format!("IN (SELECT value FROM json_each(${n}))"),
            Backend::Postgres => format!("= ANY(CAST(${n} AS BIGINT[]))"),
        }
    }

    /// The value to bind for [`Db::in_ids`]: a JSON array on SQLite, an array literal on
    /// PostgreSQL.
    pub(crate) fn id_list(&self, ids: impl IntoIterator<Item = i64>) -> String {
        let joined = ids
            .into_iter()
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(",");
        match self.backend {
            Backend::Sqlite => format!("[{joined}]"),
            Backend::Postgres => format!("{{{joined}}}"),
        }
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    pub async fn close(&self) {
        if let Some(readers) = &self.readers {
            readers.close();
        }
        self.pool.close().await;
    }

    /// The tables and their columns, sorted: used to check both backends have the same schema.
    pub async fn schema(&self) -> StoreResult<Vec<(String, String)>> {
        let sql = match self.backend {
            Backend::Sqlite => {
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'"
            }
            Backend::Postgres => {
                "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'"
            }
        };
        let mut rows: Vec<(String, String)> = self.read_all(sql, args![]).await?;
        rows.sort();
        Ok(rows)
    }
}

/// Moves the `data_version` row by one on `conn` (inside the caller's transaction, if any);
/// `None` when the row is missing (a database not migrated this far).
pub(crate) async fn bump_data_version(conn: &mut sqlx::AnyConnection) -> StoreResult<Option<i64>> {
    Ok(sqlx::query_scalar(
        "UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version",
    )
    .fetch_optional(conn)
    .await?)
}

/// Makes a version moved in the database known to this process (by one when the row is
/// missing, so the process's pages still go stale).
fn note_data_version(version: &AtomicI64, moved: Option<i64>) {
    match moved {
        Some(moved) => {
            version.fetch_max(moved, Ordering::AcqRel);
        }
        None => {
            version.fetch_add(1, Ordering::AcqRel);
        }
    }
}

/// Rolls a transaction back and gives the error: an abandoned transaction would otherwise keep
/// its locks until the connection is next used.
pub(crate) async fn abort<T>(tx: WriteTx, error: StoreError) -> StoreResult<T> {
    if let Err(e) = tx.rollback().await {
        tracing::warn!("rollback failed: {e}");
    }
    Err(error)
}

fn url_scheme(url: &str) -> &str {
    url.split(':').next().unwrap_or("")
}

fn clone_migrator(source: &Migrator) -> Migrator {
    let mut migrator = Migrator::DEFAULT;
    migrator.migrations = source.migrations.clone();
    migrator
}

/// A fresh random secret, hex-encoded: for session-independent tokens sent by mail or API.
/// A fingerprint of the migrations of `backend` (their checksums, hashed): databases migrated by
/// the same set have the same schema, so a migrated copy can stand for a fresh one.
pub fn migrations_fingerprint(backend: Backend) -> String {
    use sha2::{Digest, Sha256};
    let migrator = match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    };
    let mut hasher = Sha256::new();
    for migration in migrator.iter() {
        hasher.update(&migration.checksum);
    }
    hex::encode(hasher.finalize())[..16].to_owned()
}

pub fn random_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The SHA-256 of a token, hex-encoded. Only hashes are stored, so a leaked database does not
/// hand out working links or API tokens.
pub fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(token.as_bytes()))
}
