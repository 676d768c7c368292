//! The decision log in storage: appending an entry inside the caller's transaction, reading
//! entries, and computing tree heads and proofs over them.
//!
//! Tree heads are computed from the entries as they are now, re-encoded: so an entry edited in
//! the database behind the hub's back changes the root, and no longer matches a head published
//! before. Keeping the leaf hashes alongside lets proofs be served quickly; `verify` recomputes
//! them from the fields.

use shutaf_domain::decision_log::LogEntry;
use shutaf_domain::merkle::{self, Hash};
use sqlx::{AnyConnection, FromRow};

use crate::{Db, StoreError, StoreResult, now};

#[derive(FromRow)]
struct Row {
    idx: i64,
    at: i64,
    kind: String,
    locality_id: Option<i64>,
    initiative_id: Option<i64>,
    organisation_id: Option<i64>,
    person: Option<String>,
    detail: Option<String>,
    leaf_hash: String,
}

impl Row {
    fn entry(self) -> (LogEntry, String) {
        (
            LogEntry {
                index: self.idx as u64,
                at: self.at,
                kind: self.kind,
                locality_id: self.locality_id,
                initiative_id: self.initiative_id,
                organisation_id: self.organisation_id,
                person: self.person,
                detail: self.detail,
            },
            self.leaf_hash,
        )
    }
}

/// A decision to record; its index and time are given by the log.
#[derive(Debug, Clone, Default)]
pub struct Decision<'a> {
    pub kind: &'a str,
    pub locality_id: Option<i64>,
    pub initiative_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub person: Option<&'a str>,
    pub detail: Option<&'a str>,
}

/// Appends a decision within the caller's transaction; gives its index.
pub(crate) async fn append(conn: &mut AnyConnection, decision: &Decision<'_>) -> StoreResult<u64> {
    // Taking the next index by updating the one size row serialises appenders.
    let size: i64 = sqlx::query_scalar(
        "UPDATE decision_log_size SET size = size + 1 WHERE id = 1 RETURNING size",
    )
    .fetch_one(&mut *conn)
    .await?;
    let entry = LogEntry {
        index: (size - 1) as u64,
        at: now(),
        kind: decision.kind.to_owned(),
        locality_id: decision.locality_id,
        initiative_id: decision.initiative_id,
        organisation_id: decision.organisation_id,
        person: decision.person.map(str::to_owned),
        detail: decision.detail.map(str::to_owned),
    };
    sqlx::query(
        "INSERT INTO decision_log (idx, at, kind, locality_id, initiative_id, organisation_id, person, detail, leaf_hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(entry.index as i64)
    .bind(entry.at)
    .bind(&entry.kind)
    .bind(entry.locality_id)
    .bind(entry.initiative_id)
    .bind(entry.organisation_id)
    .bind(entry.person.as_deref())
    .bind(entry.detail.as_deref())
    .bind(hex::encode(entry.leaf_hash()))
    .execute(&mut *conn)
    .await?;
    Ok(entry.index)
}

fn unhex(text: &str) -> StoreResult<Hash> {
    let bytes = hex::decode(text).map_err(|e| StoreError::Corrupt(format!("leaf hash: {e}")))?;
    bytes
        .try_into()
        .map_err(|_| StoreError::Corrupt("leaf hash of the wrong length".into()))
}

/// A tree head: the log's size and the root over its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeHead {
    pub size: u64,
    pub root: Hash,
}

impl Db {
    pub async fn log_size(&self) -> StoreResult<u64> {
        let size: i64 = sqlx::query_scalar("SELECT size FROM decision_log_size WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(size as u64)
    }

    /// Entries `start..end` (at most 1,000), in order.
    pub async fn log_entries(&self, start: u64, end: u64) -> StoreResult<Vec<LogEntry>> {
        let end = end.min(start + 1000);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT idx, at, kind, locality_id, initiative_id, organisation_id, person, detail, leaf_hash FROM decision_log \
             WHERE idx >= $1 AND idx < $2 ORDER BY idx",
        )
        .bind(start as i64)
        .bind(end as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.entry().0).collect())
    }

    /// The entries of one initiative, newest first.
    pub async fn log_of_initiative(
        &self,
        initiative_id: i64,
        limit: i64,
    ) -> StoreResult<Vec<LogEntry>> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT idx, at, kind, locality_id, initiative_id, organisation_id, person, detail, leaf_hash FROM decision_log \
             WHERE initiative_id = $1 ORDER BY idx DESC LIMIT $2",
        )
        .bind(initiative_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.entry().0).collect())
    }

    /// The leaf hashes of the first `size` entries, recomputed from the entries' fields. An
    /// entry whose stored hash no longer matches its fields, or a missing index, is reported.
    pub async fn log_leaves(&self, size: u64) -> StoreResult<Vec<Hash>> {
        let mut conn = self.pool.acquire().await?;
        leaves(&mut conn, size).await
    }

    /// The tree head over the whole log now.
    pub async fn log_head(&self) -> StoreResult<TreeHead> {
        let size = self.log_size().await?;
        let leaves = self.log_leaves(size).await?;
        Ok(TreeHead {
            size,
            root: merkle::root(&leaves),
        })
    }
}

/// The tree head over the log as `conn` sees it: inside a transaction, as of its snapshot (the
/// backup reads it so, together with every table).
pub(crate) async fn head_on(conn: &mut AnyConnection) -> StoreResult<TreeHead> {
    let size: i64 = sqlx::query_scalar("SELECT size FROM decision_log_size WHERE id = 1")
        .fetch_one(&mut *conn)
        .await?;
    let leaves = leaves(conn, size as u64).await?;
    Ok(TreeHead {
        size: size as u64,
        root: merkle::root(&leaves),
    })
}

/// See [`Db::log_leaves`]; on a given connection. The entries are streamed: only their hashes
/// are kept, 32 bytes an entry.
async fn leaves(conn: &mut AnyConnection, size: u64) -> StoreResult<Vec<Hash>> {
    use futures_util::TryStreamExt;
    let mut rows = sqlx::query_as::<_, Row>(
        "SELECT idx, at, kind, locality_id, initiative_id, organisation_id, person, detail, leaf_hash FROM decision_log \
         WHERE idx < $1 ORDER BY idx",
    )
    .bind(size as i64)
    .fetch(&mut *conn);
    let mut leaves = Vec::with_capacity(size.min(1 << 24) as usize);
    let mut expected: u64 = 0;
    while let Some(row) = rows.try_next().await? {
        let (entry, stored) = row.entry();
        if entry.index != expected {
            return Err(StoreError::Corrupt(format!(
                "the log has no entry {expected}"
            )));
        }
        let leaf = entry.leaf_hash();
        if leaf != unhex(&stored)? {
            return Err(StoreError::Corrupt(format!(
                "entry {expected} does not match its recorded hash"
            )));
        }
        leaves.push(leaf);
        expected += 1;
    }
    if leaves.len() as u64 != size {
        return Err(StoreError::Corrupt(format!(
            "the log has {} entries, not {size}",
            leaves.len()
        )));
    }
    Ok(leaves)
}

/// Filters of a locality's public record.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    pub initiative_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub kind: Option<String>,
}

impl Db {
    /// A locality's decisions, newest first, one page, with the total for paging.
    pub async fn log_of_locality(
        &self,
        locality_id: i64,
        filter: &LogFilter,
        page: u32,
        per_page: u32,
    ) -> StoreResult<(Vec<LogEntry>, i64)> {
        let per_page = per_page.clamp(1, 200);
        let offset = (page.max(1) as i64 - 1) * per_page as i64;
        // Unused filters compare a value with itself, so one statement serves every combination.
        let conditions = "locality_id = $1 AND ($2 = 0 OR initiative_id = $2) AND ($3 = 0 OR organisation_id = $3) AND ($4 = '' OR kind = $4)";
        let initiative = filter.initiative_id.unwrap_or(0);
        let organisation = filter.organisation_id.unwrap_or(0);
        let kind = filter.kind.clone().unwrap_or_default();
        let total: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM decision_log WHERE {conditions}"
        ))
        .bind(locality_id)
        .bind(initiative)
        .bind(organisation)
        .bind(&kind)
        .fetch_one(&self.pool)
        .await?;
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT idx, at, kind, locality_id, initiative_id, organisation_id, person, detail, leaf_hash FROM decision_log \
             WHERE {conditions} ORDER BY idx DESC LIMIT {per_page} OFFSET {offset}"
        ))
        .bind(locality_id)
        .bind(initiative)
        .bind(organisation)
        .bind(&kind)
        .fetch_all(&self.pool)
        .await?;
        Ok((rows.into_iter().map(|r| r.entry().0).collect(), total))
    }
}
