//! Reads on the hot paths, in no hop at all on SQLite.
//!
//! Through sqlx's `Any` driver a SQLite statement crosses to the connection's worker thread
//! and back, and each row is copied twice (`SqliteRow`, then `AnyRow`): at national scale a
//! page of twenty statements spent a third of its time in the kernel's context switches
//! (issue 12, docs/PERFORMANCE.md). Here a read on SQLite runs on the calling thread, through
//! rusqlite, on a connection of the hub's own: no thread crossed, rows decoded straight into
//! the caller's type. A read takes microseconds to a few milliseconds (the file sits in the
//! OS's cache, the statement is prepared once a connection), shorter than the hand-offs it
//! replaces. Writes, transactions and long scans (backups, bulk loads) stay on sqlx's pool.
//!
//! On PostgreSQL the same call runs the same statement through the pool: one text, one
//! decoding ([`Record`]), two engines.

use std::path::PathBuf;
use std::sync::Mutex;

use rusqlite::types::{ToSqlOutput, Value};
use rusqlite::{Connection, OpenFlags};
use sqlx::Row as _;
use sqlx::any::AnyRow;

use crate::{Db, StoreError, StoreResult};

/// A value bound to a statement's `$n`. Nulls keep their type, which PostgreSQL needs.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    Int(Option<i64>),
    Text(Option<String>),
    Real(Option<f64>),
}

impl From<i64> for Arg {
    fn from(value: i64) -> Arg {
        Arg::Int(Some(value))
    }
}

impl From<i32> for Arg {
    fn from(value: i32) -> Arg {
        Arg::Int(Some(value.into()))
    }
}

impl From<bool> for Arg {
    fn from(value: bool) -> Arg {
        Arg::Int(Some(value.into()))
    }
}

impl From<Option<i64>> for Arg {
    fn from(value: Option<i64>) -> Arg {
        Arg::Int(value)
    }
}

impl From<f64> for Arg {
    fn from(value: f64) -> Arg {
        Arg::Real(Some(value))
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Text(Some(value.to_owned()))
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Text(Some(value))
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg::Text(Some(value.clone()))
    }
}

impl From<Option<String>> for Arg {
    fn from(value: Option<String>) -> Arg {
        Arg::Text(value)
    }
}

impl From<Option<&str>> for Arg {
    fn from(value: Option<&str>) -> Arg {
        Arg::Text(value.map(str::to_owned))
    }
}

impl rusqlite::ToSql for Arg {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Arg::Int(Some(value)) => ToSqlOutput::Owned(Value::Integer(*value)),
            Arg::Real(Some(value)) => ToSqlOutput::Owned(Value::Real(*value)),
            Arg::Text(Some(value)) => ToSqlOutput::Borrowed(value.as_str().into()),
            Arg::Int(None) | Arg::Real(None) | Arg::Text(None) => ToSqlOutput::Owned(Value::Null),
        })
    }
}

/// The arguments of a read, in `$1, $2, ...` order: `args![locality_id, name]`.
macro_rules! args {
    ($($value:expr),* $(,)?) => {
        &[$($crate::read::Arg::from($value)),*]
    };
}
pub(crate) use args;

/// A column's value, decoded the same way from either engine.
pub(crate) trait Column: Sized {
    fn sqlite(row: &rusqlite::Row<'_>, index: ColumnIndex<'_>) -> StoreResult<Self>;
    fn any(row: &AnyRow, index: ColumnIndex<'_>) -> StoreResult<Self>;
}

/// A column by name (as in a struct's field) or by position (as in a tuple).
#[derive(Debug, Clone, Copy)]
pub(crate) enum ColumnIndex<'a> {
    Name(&'a str),
    At(usize),
}

impl<T> Column for T
where
    T: rusqlite::types::FromSql + for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    fn sqlite(row: &rusqlite::Row<'_>, index: ColumnIndex<'_>) -> StoreResult<Self> {
        Ok(match index {
            // Names are resolved by `SqliteRow` before they come here.
            ColumnIndex::Name(name) => row.get(name)?,
            ColumnIndex::At(at) => row.get(at)?,
        })
    }

    fn any(row: &AnyRow, index: ColumnIndex<'_>) -> StoreResult<Self> {
        Ok(match index {
            ColumnIndex::Name(name) => row.try_get(name)?,
            ColumnIndex::At(at) => row.try_get(at)?,
        })
    }
}

/// A row as either engine gives it.
pub(crate) enum RowRef<'a, 'b> {
    Sqlite(SqliteRow<'a, 'b>),
    Any(&'a AnyRow),
}

/// A SQLite row with its statement's column names, read once a statement: rusqlite looks a
/// name up by asking SQLite for every column's name and comparing without case, for every
/// field of every row (a sixth of a record page's time, issue 12).
pub(crate) struct SqliteRow<'a, 'b> {
    row: &'a rusqlite::Row<'b>,
    names: &'a [String],
    /// Where the next name is looked for first: a struct's fields mostly come in the
    /// statement's order, so most lookups take one comparison.
    next: std::cell::Cell<usize>,
}

impl SqliteRow<'_, '_> {
    fn position(&self, name: &str) -> Option<usize> {
        let guess = self.next.get();
        let at = if self.names.get(guess).is_some_and(|n| n == name) {
            guess
        } else {
            self.names.iter().position(|n| n == name)?
        };
        self.next.set(at + 1);
        Some(at)
    }
}

impl RowRef<'_, '_> {
    /// The column named `name`.
    pub(crate) fn get<T: Column>(&self, name: &str) -> StoreResult<T> {
        match self {
            RowRef::Sqlite(row) => match row.position(name) {
                Some(at) => T::sqlite(row.row, ColumnIndex::At(at)),
                // Unknown to the statement: rusqlite's own error, as it words it.
                None => T::sqlite(row.row, ColumnIndex::Name(name)),
            },
            RowRef::Any(row) => T::any(row, ColumnIndex::Name(name)),
        }
    }

    /// The column named `name`, read as `F` and converted (a code into its enum).
    pub(crate) fn get_try_from<F: Column, T: TryFrom<F>>(&self, name: &str) -> StoreResult<T>
    where
        T::Error: std::fmt::Display,
    {
        T::try_from(self.get::<F>(name)?)
            .map_err(|e| StoreError::Corrupt(format!("column {name}: {e}")))
    }

    fn column<T: Column>(&self, index: ColumnIndex<'_>) -> StoreResult<T> {
        match self {
            RowRef::Sqlite(row) => T::sqlite(row.row, index),
            RowRef::Any(row) => T::any(row, index),
        }
    }
}

/// What a read gives a row as: a tuple (columns by position) or a struct named in
/// [`record!`] (columns by field name, as sqlx's `FromRow` reads them).
pub(crate) trait Record: Sized {
    fn read(row: &RowRef<'_, '_>) -> StoreResult<Self>;
}

/// Reads a struct from the columns named as its fields, as sqlx's `FromRow` does:
/// `record!(Row { id, name, status: try_from String, parts: skip, attachment: flatten })`
/// (`try_from`: read as the type, then converted; `skip`: left at its default; `flatten`:
/// another record read from the same row).
macro_rules! record {
    ($ty:ident { $($field:ident $(: $how:ident $($from:ty)?)?),* $(,)? }) => {
        impl $crate::read::Record for $ty {
            fn read(row: &$crate::read::RowRef<'_, '_>) -> $crate::StoreResult<Self> {
                Ok($ty { $($field: $crate::read::record!(@field row, $field $(, $how $($from)?)?)),* })
            }
        }
    };
    (@field $row:ident, $field:ident) => { $row.get(stringify!($field))? };
    (@field $row:ident, $field:ident, skip) => { Default::default() };
    (@field $row:ident, $field:ident, flatten) => { $crate::read::Record::read($row)? };
    (@field $row:ident, $field:ident, try_from $from:ty) => {
        $row.get_try_from::<$from, _>(stringify!($field))?
    };
}
pub(crate) use record;

macro_rules! tuple_record {
    ($($name:ident $at:tt),+) => {
        impl<$($name: Column),+> Record for ($($name,)+) {
            fn read(row: &RowRef<'_, '_>) -> StoreResult<Self> {
                Ok(($(row.column::<$name>(ColumnIndex::At($at))?,)+))
            }
        }
    };
}

tuple_record!(A 0);
tuple_record!(A 0, B 1);
tuple_record!(A 0, B 1, C 2);
tuple_record!(A 0, B 1, C 2, D 3);
tuple_record!(A 0, B 1, C 2, D 3, E 4);
tuple_record!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple_record!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_record!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
tuple_record!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
tuple_record!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);

/// The hub's own read connections to a SQLite file, kept between reads. A read takes one (or
/// opens one when every kept one is in use), runs, and gives it back; as many are open as
/// threads read at once, which on a server is its runtime's few threads.
pub(crate) struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Readers").field("path", &self.path).finish()
    }
}

/// Connections kept beyond this are closed after use: each holds its page cache.
const KEPT_READERS: usize = 4;

/// Pages a reader keeps in memory, in KiB (as `PRAGMA cache_size` takes a negative number):
/// 4 MB, twice SQLite's default. At national scale a page's hot reads then mostly stay in
/// memory (issue 12: with SQLite's 2 MB a record page's read took twice as long), while the
/// few readers a server's threads open stay inside the hub's memory budget. 8 MB each held
/// 10 MB more at the load test's peak and served the deep pages no faster (measured).
const READER_CACHE_KIB: i64 = 4096;

impl Readers {
    /// The readers of the database at a `sqlite:` URL; none for an in-memory database, which
    /// another connection cannot see.
    pub(crate) fn of_url(url: &str) -> Option<Readers> {
        let rest = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))?;
        let (path, options) = rest.split_once('?').unwrap_or((rest, ""));
        if path.is_empty() || path == ":memory:" || options.contains("mode=memory") {
            return None;
        }
        Some(Readers {
            path: PathBuf::from(path),
            idle: Mutex::new(Vec::new()),
        })
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // Read only by construction: a statement that would write fails.
        conn.pragma_update(None, "query_only", true)?;
        conn.pragma_update(None, "cache_size", -READER_CACHE_KIB)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Every statement of the hot paths prepared once a connection and kept.
        conn.set_prepared_statement_cache_capacity(256);
        Ok(conn)
    }

    fn with<T>(&self, read: impl FnOnce(&Connection) -> StoreResult<T>) -> StoreResult<T> {
        let kept = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match kept {
            Some(conn) => conn,
            None => self.open()?,
        };
        let result = read(&conn);
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < KEPT_READERS {
            idle.push(conn);
        }
        result
    }

    /// Closes the kept connections.
    pub(crate) fn close(&self) {
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// Binds `args` to a statement's parameters by their numbers (`$2` takes `args[1]`, wherever
/// it stands in the text and however often), as sqlx does.
fn bind(statement: &mut rusqlite::Statement<'_>, args: &[Arg]) -> StoreResult<()> {
    for index in 1..=statement.parameter_count() {
        let number = match statement.parameter_name(index) {
            Some(name) => name[1..].parse::<usize>().map_err(|_| {
                StoreError::Corrupt(format!("statement parameter {name} is not numbered"))
            })?,
            None => index,
        };
        let arg = number
            .checked_sub(1)
            .and_then(|at| args.get(at))
            .ok_or_else(|| {
                StoreError::Corrupt(format!("statement parameter ${number} has no argument"))
            })?;
        statement.raw_bind_parameter(index, arg)?;
    }
    Ok(())
}

/// Every read as an event, as sqlx reports its statements (`SHUTAF_LOG=shutaf_store::read=debug`
/// shows them; the tests count them).
fn reported(sql: &str, rows: usize, started: Option<std::time::Instant>) {
    let micros = started.map_or(0, |at| at.elapsed().as_micros() as u64);
    tracing::debug!(target: "shutaf_store::read", rows, micros, db.statement = sql);
}

/// When a read began, if its event will be seen.
fn start() -> Option<std::time::Instant> {
    tracing::enabled!(target: "shutaf_store::read", tracing::Level::DEBUG)
        .then(std::time::Instant::now)
}

fn column_names(statement: &rusqlite::Statement<'_>) -> Vec<String> {
    statement
        .column_names()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

fn sqlite_row<'a, 'b>(row: &'a rusqlite::Row<'b>, names: &'a [String]) -> RowRef<'a, 'b> {
    RowRef::Sqlite(SqliteRow {
        row,
        names,
        next: std::cell::Cell::new(0),
    })
}

fn any_query<'q>(
    sql: &'q str,
    args: &[Arg],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    let mut query = sqlx::query(sql);
    for arg in args {
        query = match arg {
            Arg::Int(value) => query.bind(*value),
            Arg::Text(value) => query.bind(value.clone()),
            Arg::Real(value) => query.bind(*value),
        };
    }
    query
}

/// The plans a PostgreSQL connection of the hub keeps: one a statement (see
/// [`Db::read_all_by_values`]).
pub(crate) const GENERIC_PLANS: &str = "SET plan_cache_mode = force_generic_plan";

impl Db {
    /// Every row a read gives.
    pub(crate) async fn read_all<R: Record>(&self, sql: &str, args: &[Arg]) -> StoreResult<Vec<R>> {
        match &self.readers {
            Some(readers) => readers.with(|conn| {
                let started = start();
                let mut statement = conn.prepare_cached(sql)?;
                bind(&mut statement, args)?;
                let names = column_names(&statement);
                let mut rows = statement.raw_query();
                let mut read = Vec::new();
                while let Some(row) = rows.next()? {
                    read.push(R::read(&sqlite_row(row, &names))?);
                }
                reported(sql, read.len(), started);
                Ok(read)
            }),
            None => any_query(sql, args)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|row| R::read(&RowRef::Any(row)))
                .collect(),
        }
    }

    /// The first row a read gives, if any.
    pub(crate) async fn read_optional<R: Record>(
        &self,
        sql: &str,
        args: &[Arg],
    ) -> StoreResult<Option<R>> {
        match &self.readers {
            Some(readers) => readers.with(|conn| {
                let started = start();
                let mut statement = conn.prepare_cached(sql)?;
                bind(&mut statement, args)?;
                let names = column_names(&statement);
                let mut rows = statement.raw_query();
                let read = match rows.next()? {
                    Some(row) => Some(R::read(&sqlite_row(row, &names))?),
                    None => None,
                };
                reported(sql, usize::from(read.is_some()), started);
                Ok(read)
            }),
            None => match any_query(sql, args).fetch_optional(&self.pool).await? {
                Some(row) => Ok(Some(R::read(&RowRef::Any(&row))?)),
                None => Ok(None),
            },
        }
    }

    /// The first row a read gives; `NotFound` when there is none.
    pub(crate) async fn read_one<R: Record>(&self, sql: &str, args: &[Arg]) -> StoreResult<R> {
        self.read_optional(sql, args)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The one value a read gives (a count, a size).
    pub(crate) async fn read_scalar<T: Column>(&self, sql: &str, args: &[Arg]) -> StoreResult<T> {
        Ok(self.read_one::<(T,)>(sql, args).await?.0)
    }
}

impl Db {
    /// Every row a read gives, planned on PostgreSQL for the values bound this time.
    ///
    /// The hub's connections keep one plan a statement (`plan_cache_mode =
    /// force_generic_plan`, see `Db::connect`): most reads are a few rows by key, whose plan
    /// does not depend on the values, and planning them afresh on each execution took a third
    /// of PostgreSQL's processor time on an initiative's page (issue 12). A read whose best
    /// plan does depend on them (the directory's search and filters: a word a hundred
    /// organisations use or twelve thousand, the largest locality or the smallest) comes
    /// here, planned for its values: one statement more before it and one after, on the same
    /// connection. On SQLite it is [`Db::read_all`].
    pub(crate) async fn read_all_by_values<R: Record>(
        &self,
        sql: &str,
        args: &[Arg],
    ) -> StoreResult<Vec<R>> {
        if self.readers.is_some() || self.backend != crate::Backend::Postgres {
            return self.read_all(sql, args).await;
        }
        let mut conn = self.pool.acquire().await?;
        // Best effort, as the connection's settings are: an engine without the setting runs
        // the read as it is.
        let custom = sqlx::query("SET plan_cache_mode = force_custom_plan")
            .execute(&mut *conn)
            .await
            .is_ok();
        let read = any_query(sql, args).fetch_all(&mut *conn).await;
        // Back to the connection's own mode; a connection that cannot be put back is closed,
        // not returned to the pool planning every statement afresh.
        if custom
            && sqlx::query(GENERIC_PLANS)
                .execute(&mut *conn)
                .await
                .is_err()
        {
            conn.close_on_drop();
        }
        read?.iter().map(|row| R::read(&RowRef::Any(row))).collect()
    }

    /// The one value a read gives, planned for its values (see [`Db::read_all_by_values`]).
    pub(crate) async fn read_scalar_by_values<T: Column>(
        &self,
        sql: &str,
        args: &[Arg],
    ) -> StoreResult<T> {
        self.read_all_by_values::<(T,)>(sql, args)
            .await?
            .into_iter()
            .next()
            .map(|(value,)| value)
            .ok_or(StoreError::NotFound)
    }

    /// The first column of every row a read gives.
    pub(crate) async fn read_column<T: Column>(
        &self,
        sql: &str,
        args: &[Arg],
    ) -> StoreResult<Vec<T>> {
        Ok(self
            .read_all::<(T,)>(sql, args)
            .await?
            .into_iter()
            .map(|(value,)| value)
            .collect())
    }

    /// The first column of the first row a read gives, if any.
    pub(crate) async fn read_scalar_optional<T: Column>(
        &self,
        sql: &str,
        args: &[Arg],
    ) -> StoreResult<Option<T>> {
        Ok(self
            .read_optional::<(T,)>(sql, args)
            .await?
            .map(|(value,)| value))
    }
}
