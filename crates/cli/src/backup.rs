//! `shutaf backup FILE` and `shutaf restore FILE`: a logical, portable backup of the hub's
//! database, taken while the hub keeps serving, restorable on SQLite or PostgreSQL whichever it
//! came from. The store reads and writes the tables ([`shutaf_store::backup`]); this module holds
//! the file format and the commands.
//!
//! # The file format (version 1)
//!
//! UTF-8 text, one JSON document a line, no compression (pipe it through `gzip` or `zstd` if
//! wanted; `-` as FILE means standard output or input):
//!
//! 1. A header object: `{"format":"shutaf-backup","version":1,"schema_version":...,
//!    "created_at":<Unix seconds>,"created":"<UTC time>","source":"sqlite"|"postgres",
//!    "log":{"size":...,"root":"<hex>"},"tables":[{"name":...,"rows":...},...],"rows":<total>}`.
//!    `schema_version` is the latest migration applied to the database; `log` is the decision
//!    log's tree head in the snapshot.
//! 2. For each table, in foreign-key order: an object `{"table":...,"columns":[...],
//!    "types":["integer"|"text"|"blob",...],"rows":N}`, then N arrays, one a row, a value per
//!    column: integers as numbers, text as strings, bytes (attachments' contents) as standard
//!    base64 strings, and `null`.
//! 3. An end object `{"end":"shutaf-backup","tables":...,"rows":...}`: a file without it was cut
//!    short, and is refused.
//!
//! Everything is read in one snapshot (see the store's module), so the row counts, the rows and
//! the log head agree, and rows come in primary-key order: backing up a restored database gives
//! the same lines again, whichever backend either was on.
//!
//! A restore sets up the schema at the backup's version if the database has none, inserts every
//! row with its id in one transaction (nothing is kept if anything fails), migrates to this
//! binary's version, and recomputes the decision log: if it does not match the head recorded in
//! the backup, or an entry no longer matches its hash, the rows stay restored (they are what the
//! file holds) but the command fails loudly, as `shutaf verify` will.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use base64::Engine as _;
use futures_util::TryStreamExt;
use serde::{Deserialize, Serialize};
use shutaf_domain::merkle::Hash;
use shutaf_store::backup::{ColumnType, Restore, Value};
use shutaf_store::{Backend, Db, StoreError, TreeHead};
use shutaf_web::Config;

const FORMAT: &str = "shutaf-backup";
const VERSION: u32 = 1;
const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;
/// A restore's batch is sent once its lines add up to this many bytes, whatever its number of
/// rows: attachments are up to 5 MB each, and memory stays bounded.
const BATCH_BYTES: usize = 16 << 20;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    schema_version: i64,
    created_at: i64,
    created: String,
    source: String,
    log: LogHead,
    tables: Vec<TableCount>,
    rows: u64,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct LogHead {
    size: u64,
    root: String,
}

impl LogHead {
    fn of(head: &TreeHead) -> LogHead {
        LogHead {
            size: head.size,
            root: hex::encode(head.root),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct TableCount {
    name: String,
    rows: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct TableLine {
    table: String,
    columns: Vec<String>,
    types: Vec<String>,
    rows: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct EndLine {
    end: String,
    tables: usize,
    rows: u64,
}

fn backend_name(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    }
}

/// A Unix time as `YYYY-MM-DD HH:MM:SS UTC`.
fn utc(at: i64) -> String {
    let (days, seconds) = (at.div_euclid(86_400), at.rem_euclid(86_400));
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// Opens the configured database as it is: a backup must not migrate the database of a
/// running hub, and a restore sets the schema up itself.
async fn connect(config: &Config) -> anyhow::Result<Db> {
    Db::connect(&config.database_url, &crate::settings(config))
        .await
        .with_context(|| {
            format!(
                "cannot open the database {}",
                shutaf_web::config::redact_url(&config.database_url)
            )
        })
}

fn progress_bar(total: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {msg:<28} [{bar:30}] {human_pos}/{human_len} rows ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// The file being written: under a temporary name beside the target until it is complete, so
/// that a failed backup never leaves a partial file under the name asked for.
struct Partial {
    path: PathBuf,
    done: bool,
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn json_line(out: &mut dyn Write, value: &impl Serialize) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

fn json_value(value: Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(v) => v.into(),
        Value::Text(v) => v.into(),
        Value::Blob(v) => BASE64.encode(v).into(),
    }
}

/// `shutaf backup FILE`.
pub async fn backup(config: &Config, target: &Path) -> anyhow::Result<()> {
    let to_stdout = target == Path::new("-");
    let started = Instant::now();
    let db = connect(config).await?;
    let mut snapshot = db
        .snapshot()
        .await
        .context("cannot take a snapshot of the database")?;
    let tables = snapshot.tables.clone();
    let total: u64 = tables.iter().map(|t| t.rows).sum();
    let created_at = db.now();
    let header = Header {
        format: FORMAT.into(),
        version: VERSION,
        schema_version: snapshot.schema_version,
        created_at,
        created: utc(created_at),
        source: backend_name(snapshot.backend).into(),
        log: LogHead::of(&snapshot.log),
        tables: tables
            .iter()
            .map(|t| TableCount {
                name: t.name.clone(),
                rows: t.rows,
            })
            .collect(),
        rows: total,
    };

    let mut partial = None;
    let (mut out, file): (Box<dyn Write>, Option<std::fs::File>) = if to_stdout {
        (Box::new(BufWriter::new(std::io::stdout().lock())), None)
    } else {
        let name = target
            .file_name()
            .with_context(|| format!("{} is not a file name", target.display()))?;
        let mut temporary = name.to_owned();
        temporary.push(format!(".partial-{}", std::process::id()));
        let path = target.with_file_name(temporary);
        let file = std::fs::File::create(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        partial = Some(Partial { path, done: false });
        let writer = file.try_clone()?;
        (
            Box::new(BufWriter::with_capacity(1 << 20, writer)),
            Some(file),
        )
    };

    let progress = progress_bar(total);
    json_line(&mut out, &header)?;
    for (index, table) in tables.iter().enumerate() {
        progress.set_message(table.name.clone());
        json_line(
            &mut out,
            &TableLine {
                table: table.name.clone(),
                columns: table.columns.iter().map(|c| c.name.clone()).collect(),
                types: table.columns.iter().map(|c| c.kind.code().into()).collect(),
                rows: table.rows,
            },
        )?;
        let mut written = 0;
        let mut rows = snapshot.rows(index);
        while let Some(row) = rows
            .try_next()
            .await
            .with_context(|| format!("cannot read {}", table.name))?
        {
            let row: Vec<serde_json::Value> = row.into_iter().map(json_value).collect();
            json_line(&mut out, &row)?;
            written += 1;
            progress.inc(1);
        }
        if written != table.rows {
            bail!(
                "{} gave {written} rows in the snapshot that counted {}",
                table.name,
                table.rows
            );
        }
    }
    json_line(
        &mut out,
        &EndLine {
            end: FORMAT.into(),
            tables: tables.len(),
            rows: total,
        },
    )?;
    out.flush()?;
    drop(out);
    snapshot.finish().await?;
    progress.finish_and_clear();
    if let (Some(file), Some(partial)) = (file, partial.as_mut()) {
        file.sync_all()
            .with_context(|| format!("cannot write {}", partial.path.display()))?;
        std::fs::rename(&partial.path, target)
            .with_context(|| format!("cannot write {}", target.display()))?;
        partial.done = true;
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            // The rename itself survives a crash once the directory is synced.
            if let Ok(dir) = std::fs::File::open(dir) {
                let _ = dir.sync_all();
            }
        }
    }
    let summary = format!(
        "backed up {total} rows of {} tables to {} in {:.1} s (one snapshot of {}, schema version {}; decision log: {} entries, root {})\n\
         Sign-in sessions and failed sign-ins are not in backups. The instance's keys are files, not in the \
         database: keep shutaf-log.key and shutaf-secret.key (or SHUTAF_LOG_KEY / SHUTAF_SECRET_KEY) with the backup.",
        tables.len(),
        if to_stdout {
            "standard output".to_owned()
        } else {
            target.display().to_string()
        },
        started.elapsed().as_secs_f64(),
        backend_name(db.backend),
        header.schema_version,
        header.log.size,
        header.log.root,
    );
    if to_stdout {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
    db.close().await;
    Ok(())
}

/// Reads the backup a line at a time, counting lines for messages.
struct Lines {
    reader: Box<dyn BufRead>,
    line: String,
    number: u64,
}

impl Lines {
    /// The next line, or `None` at the end of the file.
    fn next(&mut self) -> anyhow::Result<Option<&str>> {
        self.line.clear();
        let read = self
            .reader
            .read_line(&mut self.line)
            .with_context(|| format!("cannot read the backup after line {}", self.number))?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        Ok(Some(self.line.trim_end_matches(['\n', '\r'])))
    }

    /// The next line, parsed; the end of the file here means it was cut short.
    fn parse<T: serde::de::DeserializeOwned>(&mut self, what: &str) -> anyhow::Result<T> {
        let number = self.number + 1;
        let line = self.next()?.with_context(|| {
            format!("THE BACKUP IS INCOMPLETE: it ends at line {number}, where {what} should be")
        })?;
        serde_json::from_str(line).with_context(|| format!("backup line {number}: not {what}"))
    }
}

fn value_of(
    value: serde_json::Value,
    kind: ColumnType,
    table: &str,
    column: &str,
) -> anyhow::Result<Value> {
    Ok(match (kind, value) {
        (_, serde_json::Value::Null) => Value::Null,
        (ColumnType::Integer, serde_json::Value::Number(n)) => Value::Integer(
            n.as_i64()
                .with_context(|| format!("{table}.{column}: {n} is not a 64-bit integer"))?,
        ),
        (ColumnType::Text, serde_json::Value::String(s)) => Value::Text(s),
        (ColumnType::Blob, serde_json::Value::String(s)) => Value::Blob(
            BASE64
                .decode(s.as_bytes())
                .with_context(|| format!("{table}.{column}: not base64"))?,
        ),
        (kind, value) => bail!("{table}.{column} holds {}, not {value}", kind.code()),
    })
}

/// `shutaf restore FILE`.
pub async fn restore(config: &Config, source: &Path) -> anyhow::Result<()> {
    let started = Instant::now();
    let reader: Box<dyn Read> = if source == Path::new("-") {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(source)
                .with_context(|| format!("cannot open {}", source.display()))?,
        )
    };
    let mut lines = Lines {
        reader: Box::new(BufReader::with_capacity(1 << 20, reader)),
        line: String::new(),
        number: 0,
    };
    let header: Header = lines.parse("a Shutaf backup's header")?;
    if header.format != FORMAT {
        bail!("{} is not a Shutaf backup", source.display());
    }
    if header.version != VERSION {
        bail!(
            "{} is a backup of format version {}; this shutaf reads version {VERSION}",
            source.display(),
            header.version
        );
    }
    if header.tables.iter().map(|t| t.rows).sum::<u64>() != header.rows {
        bail!("the backup's header does not add up");
    }
    let expected_root: Hash = hex::decode(&header.log.root)
        .ok()
        .and_then(|r| r.try_into().ok())
        .context("the backup's header has no valid log root")?;

    let settings = crate::settings(config);
    let db = connect(config).await?;
    let known = db.migration_versions();
    if !known.contains(&header.schema_version) {
        bail!(
            "the backup's schema version {} is not one this shutaf knows (it knows up to {}): restore with the shutaf that took it",
            header.schema_version,
            known.last().copied().unwrap_or(0)
        );
    }
    match db.schema_version().await? {
        None => db
            .migrate_to(header.schema_version, &settings)
            .await
            .context("cannot set up the schema")?,
        Some(version) if version == header.schema_version => {}
        Some(version) => bail!(
            "the database's schema is at version {version} and the backup's at {}: restore into a new database \
             that has not been migrated yet (restore sets it up at the backup's version, then migrates)",
            header.schema_version
        ),
    }
    let not_empty = |tables: &[String]| {
        let mut named = tables
            .iter()
            .take(4)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if tables.len() > 4 {
            named.push_str(&format!(" and {} more tables", tables.len() - 4));
        }
        anyhow::anyhow!(
            "REFUSING TO RESTORE INTO A DATABASE THAT IS NOT EMPTY: {named} already hold rows. \
             Restore into a new, empty database."
        )
    };
    let blockers = db.restore_blockers().await?;
    if !blockers.is_empty() {
        return Err(not_empty(&blockers));
    }
    let mut restore = match db.begin_restore().await {
        Ok(restore) => restore,
        Err(StoreError::Conflict) => return Err(not_empty(&db.restore_blockers().await?)),
        Err(e) => return Err(e).context("cannot start the restore"),
    };

    let progress = progress_bar(header.rows);
    let mut restored = Vec::with_capacity(header.tables.len());
    for expected in &header.tables {
        let table: TableLine = lines.parse(&format!("the start of the table {}", expected.name))?;
        if table.table != expected.name || table.rows != expected.rows {
            bail!(
                "backup line {}: the table {} ({} rows) where the header has {} ({} rows)",
                lines.number,
                table.table,
                table.rows,
                expected.name,
                expected.rows
            );
        }
        progress.set_message(table.table.clone());
        let target = restore.columns(&table.table).with_context(|| {
            format!(
                "the backup has the table {}, which this database does not",
                table.table
            )
        })?;
        if table.types.len() != table.columns.len() {
            bail!("backup line {}: a type for each column", lines.number);
        }
        let mut kinds = Vec::with_capacity(table.columns.len());
        for (column, code) in table.columns.iter().zip(&table.types) {
            let kind = ColumnType::from_code(code).with_context(|| {
                format!("backup line {}: unknown column type {code}", lines.number)
            })?;
            match target.iter().find(|c| &c.name == column) {
                Some(c) if c.kind == kind => kinds.push(kind),
                Some(c) => bail!(
                    "{}.{column} is {} in the backup and {} in the database",
                    table.table,
                    kind.code(),
                    c.kind.code()
                ),
                None => bail!(
                    "the backup has the column {}.{column}, which this database does not",
                    table.table
                ),
            }
        }
        let batch_rows = Restore::batch_rows(table.columns.len());
        let mut batch = Vec::with_capacity(batch_rows.min(table.rows as usize));
        let mut batch_bytes = 0;
        let a_row = format!("a row of {}", table.table);
        for _ in 0..table.rows {
            let values: Vec<serde_json::Value> = lines.parse(&a_row)?;
            batch_bytes += lines.line.len();
            if values.len() != kinds.len() {
                bail!(
                    "backup line {}: {} values for the {} columns of {}",
                    lines.number,
                    values.len(),
                    kinds.len(),
                    table.table
                );
            }
            let row = values
                .into_iter()
                .zip(kinds.iter().zip(&table.columns))
                .map(|(value, (kind, column))| value_of(value, *kind, &table.table, column))
                .collect::<anyhow::Result<Vec<_>>>()
                .with_context(|| format!("backup line {}", lines.number))?;
            batch.push(row);
            if batch.len() == batch_rows || batch_bytes >= BATCH_BYTES {
                batch_bytes = 0;
                let full = std::mem::replace(&mut batch, Vec::with_capacity(batch_rows));
                progress.inc(full.len() as u64);
                restore
                    .insert(&table.table, &table.columns, full)
                    .await
                    .with_context(|| format!("cannot restore {}", table.table))?;
            }
        }
        progress.inc(batch.len() as u64);
        restore
            .insert(&table.table, &table.columns, batch)
            .await
            .with_context(|| format!("cannot restore {}", table.table))?;
        restored.push((table.table, table.rows));
    }
    let end: EndLine = lines.parse("the end of the backup")?;
    if end.end != FORMAT || end.tables != header.tables.len() || end.rows != header.rows {
        bail!(
            "backup line {}: the end does not match the header",
            lines.number
        );
    }
    if lines.next()?.is_some() {
        bail!(
            "backup line {}: more after the end of the backup",
            lines.number
        );
    }
    restore
        .finish()
        .await
        .context("cannot commit the restore")?;
    progress.finish_and_clear();
    // Then the migrations that came after the backup's schema, as on any upgrade.
    db.migrate(&settings)
        .await
        .context("restored, but cannot migrate the database to this version")?;

    println!(
        "restored {} rows of {} tables from {} (taken {} from {}, schema version {}) in {:.1} s:",
        header.rows,
        restored.len(),
        source.display(),
        header.created,
        header.source,
        header.schema_version,
        started.elapsed().as_secs_f64()
    );
    for (table, rows) in restored.iter().filter(|(_, rows)| *rows > 0) {
        println!("  {table:<28} {rows:>10}");
    }
    // Every entry rehashed from its fields (the kept tree the restore built serves heads, but
    // it is made from the stored hashes, which an edited file may have left as they were).
    let head = match db.log_size().await {
        Ok(size) => db
            .log_leaves(size)
            .await
            .map(|leaves| shutaf_store::TreeHead {
                size,
                root: shutaf_domain::merkle::root(&leaves),
            }),
        Err(e) => Err(e),
    };
    match head {
        Err(e) => bail!(
            "the rows are restored, but THE DECISION LOG IN THE BACKUP IS NOT INTACT: {e}. \
             `shutaf verify` will fail too; find an untouched backup"
        ),
        Ok(head) if head.size != header.log.size || head.root != expected_root => bail!(
            "the rows are restored, but THE DECISION LOG DOES NOT MATCH THE BACKUP'S HEAD: {} entries, root {} \
             restored; the backup recorded {} entries, root {}",
            head.size,
            hex::encode(head.root),
            header.log.size,
            header.log.root
        ),
        Ok(head) => println!(
            "decision log intact: {} entries, root {}, the head recorded in the backup. Everyone signs in again \
             (sessions are not in backups); put the instance's shutaf-log.key and shutaf-secret.key back beside it.",
            head.size,
            hex::encode(head.root)
        ),
    }
    db.close().await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::utc;

    #[test]
    fn times_in_utc() {
        assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(utc(1_795_780_799), "2026-11-27 11:59:59 UTC");
    }
}
