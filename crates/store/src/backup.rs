//! Logical backups, the store's side: which tables a backup holds and in what order, reading
//! them all in one consistent snapshot while the hub keeps writing, and writing them back into
//! an empty database in one transaction. The file format is the command line's
//! (`shutaf backup` / `shutaf restore`); this module deals in tables, columns and [`Value`]s only,
//! so a backup taken on one backend restores on the other.
//!
//! - **Which tables.** [`TABLES`] lists every table a backup keeps, parents before children
//!   (foreign-key order), and [`SKIPPED`] the ephemeral and derived ones it leaves out. [`Db::backup_tables`]
//!   refuses a database with a table in neither list, or whose foreign keys contradict the order,
//!   so a new table cannot be forgotten silently (a test checks the lists against the schema).
//! - **One snapshot.** [`Db::snapshot`] opens a single read transaction: `REPEATABLE READ READ
//!   ONLY` on PostgreSQL, a deferred `BEGIN` on SQLite (in WAL mode its first read fixes the
//!   snapshot while writers go on). Row counts, the decision log's tree head and every row are
//!   read inside it, so they agree with one another. [`Snapshot::rows`] streams a table's rows in
//!   primary-key order (text compared byte-wise on both backends, so the order is the same).
//! - **Restore.** [`Db::begin_restore`] takes the write transaction, refuses a database with any
//!   kept row, [`Restore::insert`] writes batches of rows with their ids (multi-row `INSERT`s;
//!   `?` placeholders on SQLite, which looks `$n` up by name, slowly), and [`Restore::finish`]
//!   moves PostgreSQL's identity sequences past the largest id, commits, and gathers planner
//!   statistics. The decision log is checked by the caller afterwards ([`Db::log_head`]).
//!
//! Both sides run on a connection of their own without statement logging (a backup's streaming
//! read of a large table takes seconds by design; it is not a slow query to warn about).
//!
//! Values are integers, text and bytes (the hub's portable types: ids, times and flags are
//! integers); a column of any other type makes the backup refuse rather than guess.

use std::collections::HashMap;
use std::fmt::Write as _;

use futures_util::{Stream, StreamExt};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, ConnectOptions, Connection, Executor, Row as _};

use crate::decision_log::TreeHead;
use crate::{Backend, Db, DbSettings, StoreError, StoreResult};

/// Every table a backup keeps, each after the tables its foreign keys point to.
pub const TABLES: &[&str] = &[
    "users",
    "mail_tokens",
    "api_tokens",
    "organisations",
    "organisation_contributions",
    "organisation_search_terms",
    "memberships",
    "invitations",
    "localities",
    "organisation_localities",
    "goals",
    "goal_sdg_links",
    "local_targets",
    "initiatives",
    "initiative_goals",
    "initiative_needs",
    "initiative_partners",
    "partner_contributions",
    "charter_versions",
    "endorsements",
    "expectation_answers",
    "indicators",
    "initiative_events",
    "notifications",
    "decision_log",
    "decision_log_size",
    "log_disclosures",
    "log_checkpoints",
    "log_cosignatures",
    "declarations",
    "declaration_ties",
    "recusals",
    "calls",
    "call_goals",
    "call_criteria",
    "call_evaluators",
    "call_evaluator_invitations",
    "call_applications",
    "call_scores",
    "attachments",
    "competition_notices",
    "alternative_proposals",
    "donations",
];

/// Tables a backup leaves out: sign-in sessions (everyone signs in again after a restore), the
/// failed sign-ins counted for rate limiting, and the decision log's kept tree (derived from
/// the entries; the restore builds it again), and the counts kept by triggers (`tallies`: the
/// restore's inserts fire them), and the data version (`data_version`: a counter of writes for
/// the servers' page caches, moved by the restore itself).
pub const SKIPPED: &[&str] = &[
    "sessions",
    "throttles",
    "decision_log_nodes",
    "tallies",
    "data_version",
    // Matching's kept profiles and needs: the restore's inserts rebuild them through their triggers.
    "matching_profiles",
    "matching_needs",
    // The directory's kept rows by place: rebuilt by their triggers as organisations come back.
    "directory_places",
];

/// Tables the migrations themselves fill (the decision log's size row): a restore replaces
/// their rows instead of counting them as data.
const SEEDED: &[&str] = &["decision_log_size"];

/// At most this many parameters in one `INSERT` (SQLite allows 32,766, PostgreSQL 65,535; a
/// few hundred rows a statement already make the round trips negligible).
const MAX_PARAMETERS: usize = 10_000;

/// The types a column can have in a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// 64-bit integers: ids, times (Unix seconds), flags, amounts.
    Integer,
    Text,
    /// Bytes (`BLOB` / `BYTEA`): attachments' contents.
    Blob,
}

impl ColumnType {
    /// The name used in backup files.
    pub fn code(self) -> &'static str {
        match self {
            ColumnType::Integer => "integer",
            ColumnType::Text => "text",
            ColumnType::Blob => "blob",
        }
    }

    pub fn from_code(code: &str) -> Option<ColumnType> {
        [ColumnType::Integer, ColumnType::Text, ColumnType::Blob]
            .into_iter()
            .find(|t| t.code() == code)
    }

    /// From the type the catalog declares (SQLite's `BIGINT`, PostgreSQL's `bigint`, ...).
    fn from_declared(declared: &str) -> Option<ColumnType> {
        let declared = declared.to_ascii_lowercase();
        if declared.contains("int") {
            Some(ColumnType::Integer)
        } else if declared.contains("text") || declared.contains("char") {
            Some(ColumnType::Text)
        } else if declared.contains("blob") || declared == "bytea" {
            Some(ColumnType::Blob)
        } else {
            None
        }
    }
}

/// A column: its name and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: ColumnType,
}

/// A table as the snapshot found it: columns in the catalog's order, and its number of rows.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: u64,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Integer(i64),
    Text(String),
    Blob(Vec<u8>),
}

fn quote(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

fn refuse(message: String) -> StoreError {
    StoreError::Corrupt(message)
}

/// The tables in the database (not sqlx's bookkeeping).
async fn table_names(conn: &mut AnyConnection, backend: Backend) -> StoreResult<Vec<String>> {
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
             AND name <> '_sqlx_migrations'"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations'"
        }
    };
    Ok(sqlx::query_scalar(sql).fetch_all(&mut *conn).await?)
}

/// A table's columns in the catalog's order.
async fn columns(
    conn: &mut AnyConnection,
    backend: Backend,
    table: &str,
) -> StoreResult<Vec<Column>> {
    let sql = match backend {
        Backend::Sqlite => "SELECT name, type FROM pragma_table_info($1) ORDER BY cid",
        Backend::Postgres => {
            "SELECT CAST(column_name AS TEXT), CAST(data_type AS TEXT) FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position"
        }
    };
    let rows: Vec<(String, String)> = sqlx::query_as(sql)
        .bind(table)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|(name, declared)| {
            let kind = ColumnType::from_declared(&declared).ok_or_else(|| {
                refuse(format!(
                    "{table}.{name} has the type {declared}, which backups do not know"
                ))
            })?;
            Ok(Column { name, kind })
        })
        .collect()
}

/// A table's primary-key columns, in the key's order.
async fn primary_key(
    conn: &mut AnyConnection,
    backend: Backend,
    table: &str,
) -> StoreResult<Vec<String>> {
    let sql = match backend {
        Backend::Sqlite => "SELECT name FROM pragma_table_info($1) WHERE pk > 0 ORDER BY pk",
        Backend::Postgres => {
            "SELECT CAST(k.column_name AS TEXT) FROM information_schema.table_constraints c \
             JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema \
             AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name \
             WHERE c.table_schema = 'public' AND c.table_name = $1 AND c.constraint_type = 'PRIMARY KEY' \
             ORDER BY k.ordinal_position"
        }
    };
    Ok(sqlx::query_scalar(sql)
        .bind(table)
        .fetch_all(&mut *conn)
        .await?)
}

/// Every foreign key as (table, the table it refers to).
async fn foreign_keys(
    conn: &mut AnyConnection,
    backend: Backend,
) -> StoreResult<Vec<(String, String)>> {
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT m.name, f.\"table\" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f \
             WHERE m.type = 'table'"
        }
        Backend::Postgres => {
            "SELECT CAST(c.conrelid::regclass AS TEXT), CAST(c.confrelid::regclass AS TEXT) \
             FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace \
             WHERE c.contype = 'f' AND n.nspname = 'public'"
        }
    };
    Ok(sqlx::query_as(sql).fetch_all(&mut *conn).await?)
}

/// The latest migration applied, or `None` when the database was never migrated.
async fn schema_version_on(conn: &mut AnyConnection, backend: Backend) -> StoreResult<Option<i64>> {
    let exists = match backend {
        Backend::Sqlite => {
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'"
        }
        Backend::Postgres => {
            "SELECT COUNT(*) FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_name = '_sqlx_migrations'"
        }
    };
    let exists: i64 = sqlx::query_scalar(exists).fetch_one(&mut *conn).await?;
    if exists == 0 {
        return Ok(None);
    }
    Ok(
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// The tables a backup of this database holds, in [`TABLES`]' order. Refuses a table that is
/// in neither [`TABLES`] nor [`SKIPPED`], and a foreign key that points forward in the order
/// or from a kept table to a skipped one.
async fn plan(conn: &mut AnyConnection, backend: Backend) -> StoreResult<Vec<String>> {
    let present = table_names(conn, backend).await?;
    if let Some(unknown) = present
        .iter()
        .find(|t| !TABLES.contains(&t.as_str()) && !SKIPPED.contains(&t.as_str()))
    {
        return Err(refuse(format!(
            "the table {unknown} is neither backed up nor skipped: add it to shutaf_store::backup::TABLES \
             (after the tables it refers to) or to SKIPPED"
        )));
    }
    let order: Vec<String> = TABLES
        .iter()
        .filter(|t| present.iter().any(|p| p == *t))
        .map(|t| t.to_string())
        .collect();
    let position = |table: &str| order.iter().position(|t| t == table);
    for (table, parent) in foreign_keys(conn, backend).await? {
        let Some(child) = position(&table) else {
            continue;
        };
        match position(&parent) {
            Some(parent_at) if parent_at <= child => {}
            Some(_) => {
                return Err(refuse(format!(
                    "{table} refers to {parent}, which comes after it in shutaf_store::backup::TABLES"
                )));
            }
            None => {
                return Err(refuse(format!(
                    "{table} is backed up but refers to {parent}, which is not"
                )));
            }
        }
    }
    Ok(order)
}

/// A consistent, read-only view of the whole database, open until [`Snapshot::finish`].
pub struct Snapshot {
    /// A connection of its own, inside the read transaction.
    conn: AnyConnection,
    /// The engine read from.
    pub backend: Backend,
    /// The latest migration applied to the database.
    pub schema_version: i64,
    /// The tables, in the order to restore them, with their row counts in this snapshot.
    pub tables: Vec<Table>,
    /// The decision log's tree head in this snapshot (every entry rehashed on the way).
    pub log: TreeHead,
    selects: Vec<String>,
}

impl Db {
    /// A connection of its own, opened like the pool's (see `Db::connect`) but without
    /// statement logging: a backup's reads and a restore's batches take seconds by design, and
    /// would each be logged whole as slow. For writing, on SQLite, a large page cache (256 MB)
    /// keeps the indexes being filled in memory.
    async fn quiet_connection(&self, writing: bool) -> StoreResult<AnyConnection> {
        let options = (*self.pool.connect_options())
            .clone()
            .disable_statement_logging();
        let mut conn = AnyConnection::connect_with(&options).await?;
        if self.backend == Backend::Sqlite {
            conn.execute(
                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;",
            )
            .await?;
            if writing {
                conn.execute("PRAGMA cache_size = -262144").await?;
            }
        }
        Ok(conn)
    }

    /// The versions of the migrations this binary carries, oldest first.
    pub fn migration_versions(&self) -> Vec<i64> {
        self.migrator(false).iter().map(|m| m.version).collect()
    }

    /// The latest migration applied to the database; `None` when it was never migrated.
    pub async fn schema_version(&self) -> StoreResult<Option<i64>> {
        let mut conn = self.pool.acquire().await?;
        schema_version_on(&mut conn, self.backend).await
    }

    /// Applies this binary's migrations up to and including `version` (a restore sets up the
    /// schema its backup was taken with, then migrates the rest).
    pub async fn migrate_to(&self, version: i64, settings: &DbSettings) -> StoreResult<()> {
        let mut migrator = self.migrator(settings.migration_locking);
        migrator.migrations = migrator
            .migrations
            .iter()
            .filter(|m| m.version <= version)
            .cloned()
            .collect::<Vec<_>>()
            .into();
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// The tables a backup of this database holds, in order; an error names a table the
    /// backup lists do not account for, or a foreign key against their order.
    pub async fn backup_tables(&self) -> StoreResult<Vec<String>> {
        let mut conn = self.pool.acquire().await?;
        plan(&mut conn, self.backend).await
    }

    /// Opens one read transaction and reads, inside it, the schema version, the tables with
    /// their columns and row counts, and the decision log's tree head. The hub may keep
    /// writing meanwhile; nothing it commits after this point is seen.
    pub async fn snapshot(&self) -> StoreResult<Snapshot> {
        let mut conn = self.quiet_connection(false).await?;
        conn.execute(match self.backend {
            // Deferred: the first read below starts the snapshot, and in WAL mode writers go on.
            Backend::Sqlite => "BEGIN DEFERRED",
            Backend::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        })
        .await?;
        let known = self.migration_versions();
        let schema_version = match schema_version_on(&mut conn, self.backend).await? {
            Some(version) if known.contains(&version) => version,
            Some(version) => {
                return Err(refuse(format!(
                    "the database's schema is at version {version}, which this shutaf does not know \
                     (it knows up to {}): back up with the shutaf that serves the hub",
                    known.last().copied().unwrap_or(0)
                )));
            }
            None => return Err(refuse("the database has no schema yet".into())),
        };
        let order = plan(&mut conn, self.backend).await?;
        let mut tables = Vec::with_capacity(order.len());
        let mut selects = Vec::with_capacity(order.len());
        for name in order {
            let columns = columns(&mut conn, self.backend, &name).await?;
            let mut key = primary_key(&mut conn, self.backend, &name).await?;
            if key.is_empty() {
                key = columns
                    .iter()
                    .filter(|c| c.kind != ColumnType::Blob)
                    .map(|c| c.name.clone())
                    .collect();
            }
            let order_by = key
                .iter()
                .map(|k| {
                    let text = columns
                        .iter()
                        .any(|c| &c.name == k && c.kind == ColumnType::Text);
                    match (self.backend, text) {
                        // Byte order, as SQLite's default BINARY collation: the same on both.
                        (Backend::Postgres, true) => format!("{} COLLATE \"C\"", quote(k)),
                        _ => quote(k),
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            let list = columns
                .iter()
                .map(|c| quote(&c.name))
                .collect::<Vec<_>>()
                .join(", ");
            let mut select = format!("SELECT {list} FROM {}", quote(&name));
            if !order_by.is_empty() {
                let _ = write!(select, " ORDER BY {order_by}");
            }
            let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {}", quote(&name)))
                .fetch_one(&mut conn)
                .await?;
            tables.push(Table {
                name,
                columns,
                rows: rows as u64,
            });
            selects.push(select);
        }
        let log = crate::decision_log::head_on(&mut conn).await?;
        Ok(Snapshot {
            conn,
            backend: self.backend,
            schema_version,
            tables,
            log,
            selects,
        })
    }
}

fn decode(row: &AnyRow, columns: &[Column]) -> StoreResult<Vec<Value>> {
    columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            Ok(match column.kind {
                ColumnType::Integer => row
                    .try_get::<Option<i64>, _>(i)?
                    .map_or(Value::Null, Value::Integer),
                ColumnType::Text => row
                    .try_get::<Option<String>, _>(i)?
                    .map_or(Value::Null, Value::Text),
                ColumnType::Blob => row
                    .try_get::<Option<Vec<u8>>, _>(i)?
                    .map_or(Value::Null, Value::Blob),
            })
        })
        .collect()
}

impl Snapshot {
    /// The rows of `self.tables[index]`, streamed in primary-key order, each with a value per
    /// column in the table's column order.
    pub fn rows(&mut self, index: usize) -> impl Stream<Item = StoreResult<Vec<Value>>> + '_ {
        let Snapshot {
            conn,
            tables,
            selects,
            ..
        } = self;
        let columns = &tables[index].columns;
        sqlx::query(selects[index].as_str())
            .fetch(conn)
            .map(move |row| decode(&row?, columns))
    }

    /// Ends the read transaction.
    pub async fn finish(mut self) -> StoreResult<()> {
        self.conn.execute("ROLLBACK").await?;
        self.conn.close().await?;
        Ok(())
    }
}

/// A restore in progress: one write transaction into a database that held no kept rows.
/// Dropping it without [`Restore::finish`] rolls everything back.
pub struct Restore {
    /// A connection of its own, inside the write transaction; closing it uncommitted (on drop)
    /// discards everything.
    conn: AnyConnection,
    backend: Backend,
    tables: HashMap<String, Vec<Column>>,
}

impl Db {
    /// The kept tables that hold rows (a restore needs none). Rows the migrations put in, and
    /// the skipped tables, do not count.
    pub async fn restore_blockers(&self) -> StoreResult<Vec<String>> {
        let mut conn = self.pool.acquire().await?;
        blockers(&mut conn, self.backend).await
    }

    /// Starts a restore: takes the write transaction, checks again that no kept table holds
    /// rows (`Conflict` if one does), and clears the rows the migrations put in.
    pub async fn begin_restore(&self) -> StoreResult<Restore> {
        let mut conn = self.quiet_connection(true).await?;
        conn.execute(match self.backend {
            // The write lock at once, as `Db::write_tx`.
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        })
        .await?;
        if !blockers(&mut conn, self.backend).await?.is_empty() {
            conn.execute("ROLLBACK").await?;
            return Err(StoreError::Conflict);
        }
        let mut tables = HashMap::new();
        for name in plan(&mut conn, self.backend).await? {
            let columns = columns(&mut conn, self.backend, &name).await?;
            tables.insert(name, columns);
        }
        for seeded in SEEDED {
            if tables.contains_key(*seeded) {
                sqlx::query(&format!("DELETE FROM {}", quote(seeded)))
                    .execute(&mut conn)
                    .await?;
            }
        }
        Ok(Restore {
            conn,
            backend: self.backend,
            tables,
        })
    }
}

async fn blockers(conn: &mut AnyConnection, backend: Backend) -> StoreResult<Vec<String>> {
    let mut found = Vec::new();
    for table in plan(conn, backend).await? {
        if SEEDED.contains(&table.as_str()) {
            continue;
        }
        let rows: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM {} LIMIT 1) t",
            quote(&table)
        ))
        .fetch_one(&mut *conn)
        .await?;
        if rows > 0 {
            found.push(table);
        }
    }
    Ok(found)
}

impl Restore {
    /// The columns of a table in the database restored into; `None` when it has no such
    /// table (or it is one a backup skips).
    pub fn columns(&self, table: &str) -> Option<&[Column]> {
        self.tables.get(table).map(Vec::as_slice)
    }

    /// How many rows of `columns` columns to pass to one [`Restore::insert`] at most. (Callers
    /// also bound a batch by its size in bytes: attachments are large.)
    pub fn batch_rows(columns: usize) -> usize {
        (MAX_PARAMETERS / columns.max(1)).clamp(1, 500)
    }

    /// Inserts rows, their ids included, into `table`: one statement for the batch. Each row
    /// has a value per column of `columns`, of the column's type or null.
    pub async fn insert(
        &mut self,
        table: &str,
        columns: &[String],
        rows: Vec<Vec<Value>>,
    ) -> StoreResult<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let target = self
            .tables
            .get(table)
            .ok_or_else(|| refuse(format!("the database has no table {table} to restore")))?;
        let kinds = columns
            .iter()
            .map(|name| {
                target
                    .iter()
                    .find(|c| &c.name == name)
                    .map(|c| c.kind)
                    .ok_or_else(|| refuse(format!("the database has no column {table}.{name}")))
            })
            .collect::<StoreResult<Vec<_>>>()?;
        let mut sql = format!(
            "INSERT INTO {} ({}) VALUES ",
            quote(table),
            columns
                .iter()
                .map(|c| quote(c))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut parameter = 0;
        for row in 0..rows.len() {
            sql.push_str(if row == 0 { "(" } else { ", (" });
            for column in 0..columns.len() {
                parameter += 1;
                if column > 0 {
                    sql.push_str(", ");
                }
                match self.backend {
                    // SQLite looks `$n` up by name, in time quadratic in their number; `?` is
                    // numbered as it is read.
                    Backend::Sqlite => sql.push('?'),
                    Backend::Postgres => {
                        let _ = write!(sql, "${parameter}");
                    }
                }
            }
            sql.push(')');
        }
        let mut query = sqlx::query(&sql);
        for row in rows {
            if row.len() != columns.len() {
                return Err(refuse(format!(
                    "a row of {table} has {} values for {} columns",
                    row.len(),
                    columns.len()
                )));
            }
            for ((value, kind), name) in row.into_iter().zip(&kinds).zip(columns) {
                query = match (kind, value) {
                    (ColumnType::Integer, Value::Integer(v)) => query.bind(Some(v)),
                    (ColumnType::Integer, Value::Null) => query.bind(None::<i64>),
                    (ColumnType::Text, Value::Text(v)) => query.bind(Some(v)),
                    (ColumnType::Text, Value::Null) => query.bind(None::<String>),
                    (ColumnType::Blob, Value::Blob(v)) => query.bind(Some(v)),
                    (ColumnType::Blob, Value::Null) => query.bind(None::<Vec<u8>>),
                    (kind, value) => {
                        return Err(refuse(format!(
                            "{table}.{name} holds {}, and {value:?} is not one",
                            kind.code()
                        )));
                    }
                };
            }
        }
        query.execute(&mut self.conn).await?;
        Ok(())
    }

    /// Makes ids given from now on follow the restored ones (PostgreSQL's identity sequences;
    /// SQLite takes the largest id plus one by itself) and commits.
    pub async fn finish(mut self) -> StoreResult<()> {
        if self.backend == Backend::Postgres {
            let identities: Vec<(String, String)> = sqlx::query_as(
                "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
                 WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')",
            )
            .fetch_all(&mut self.conn)
            .await?;
            for (table, column) in identities {
                sqlx::query(&format!(
                    "SELECT CAST(setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX({}) FROM {}), 0) + 1, false) AS BIGINT)",
                    quote(&column),
                    quote(&table)
                ))
                .bind(quote(&table))
                .bind(&column)
                .execute(&mut self.conn)
                .await?;
            }
        }
        // The log's kept tree and the portal's flag are derived: made again, not trusted (a
        // backup of an older hub has no flag).
        crate::decision_log::rebuild_tree(&mut self.conn).await?;
        crate::initiatives::refresh_business_partner(&mut self.conn, "1 = 1", None).await?;
        // A server already running on this database drops the pages it cached.
        crate::bump_data_version(&mut self.conn).await?;
        self.conn.execute("COMMIT").await?;
        // Fresh statistics for the planner, as after any bulk load (in full: sampled ones
        // mislead SQLite's planner on skewed data, see the bulk loader), and SQLite's
        // write-ahead log folded back in.
        let after = match self.backend {
            Backend::Sqlite => "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);",
            Backend::Postgres => "ANALYZE",
        };
        if let Err(e) = self.conn.execute(after).await {
            tracing::warn!("after the restore, {after} failed: {e}");
        }
        self.conn.close().await?;
        Ok(())
    }
}
