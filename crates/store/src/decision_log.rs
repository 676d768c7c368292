//! The decision log in storage: appending an entry inside the caller's transaction, reading
//! entries, and serving tree heads and proofs.
//!
//! Each entry keeps its leaf hash, and every complete subtree of the Merkle tree is kept in
//! `decision_log_nodes`, written in the transaction of the entry that completes it
//! ([`merkle::completed_by`]). A tree head or a proof is then a few dozen lookups whatever the
//! log's size, instead of a rehash of every entry. The stored hashes are a cache of the
//! entries, not their authority: `shutaf verify` recomputes every leaf from its fields and the
//! whole tree from the leaves ([`Db::log_leaves`], [`Db::check_log_tree`]), so an entry edited
//! behind the hub's back shows there, and a log rewritten together with its hashes shows
//! against any head published before.

use shutaf_domain::decision_log::{
    LogEntry, commitments_text, openings_text, parse_commitments, parse_openings,
};
use shutaf_domain::disclosure::{PseudonymKey, Salt, SealedFor, Withheld, hex as to_hex, unhex32};
use shutaf_domain::journal::{Actor, Event, Place};
use std::collections::HashMap;

use shutaf_domain::merkle::{self, Hash, Node, Span};
use sqlx::{AnyConnection, FromRow};

use crate::read::{Arg, args, record};
use crate::{Db, StoreError, StoreResult};

/// The columns of a [`Row`], in order.
pub(crate) const COLUMNS: &str = "idx, at, kind, locality_id, initiative_id, organisation_id, person, detail, leaf_hash, \
    version, commitments, openings";

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
    version: i64,
    commitments: Option<String>,
    openings: Option<String>,
}

record!(Row {
    idx,
    at,
    kind,
    locality_id,
    initiative_id,
    organisation_id,
    person,
    detail,
    leaf_hash,
    version,
    commitments,
    openings,
});

impl Row {
    fn entry(self) -> StoreResult<(LogEntry, String)> {
        let corrupt = |e: String| StoreError::Corrupt(format!("entry {}: {e}", self.idx));
        let commitments = parse_commitments(self.commitments.as_deref()).map_err(corrupt)?;
        let openings = parse_openings(self.openings.as_deref()).map_err(corrupt)?;
        Ok((
            LogEntry {
                index: self.idx as u64,
                at: self.at,
                kind: self.kind,
                locality_id: self.locality_id,
                initiative_id: self.initiative_id,
                organisation_id: self.organisation_id,
                person: self.person,
                detail: self.detail,
                version: self.version as u32,
                commitments,
                openings,
            },
            self.leaf_hash,
        ))
    }
}

fn entries_of(rows: Vec<Row>) -> StoreResult<Vec<LogEntry>> {
    rows.into_iter().map(|r| Ok(r.entry()?.0)).collect()
}

/// A decision to record: the event, where it belongs and who took it; its index and time are
/// given by the log, its wording by the journal ([`Event::recorded`]).
#[derive(Debug, Clone)]
pub struct Decision<'a> {
    pub event: &'a Event,
    pub place: Place,
    pub actor: Actor,
    /// The salts of what the entry withholds derive from it: random for the hub's own
    /// decisions, seeded for generated data.
    pub seed: Salt,
}

/// Appends a decision taken `at` within the caller's transaction; gives its index.
pub(crate) async fn append(
    conn: &mut AnyConnection,
    at: i64,
    decision: &Decision<'_>,
) -> StoreResult<u64> {
    append_all(conn, &[(at, decision.clone())], None).await
}

/// Entries a statement inserts at most (twelve values each, well under SQLite's bound parameters).
const ENTRIES_PER_STATEMENT: usize = 100;
/// Texts kept beside the log a statement inserts at most (five values each).
const WITHHELD_PER_STATEMENT: usize = 400;

/// Appends decisions, each with the time it was taken, within the caller's transaction: the one
/// path to the log, for the hub's own decisions one at a time and the bulk loader's by the
/// thousand. The size row is advanced first (which serialises appenders), giving the hub's
/// pseudonym key with it (`key`, or a random one, becomes the key if the hub has none yet); then
/// each entry is written at the next index with its leaf hash, the texts it withholds beside it,
/// then the subtrees the entries complete. Gives the index of the first.
pub(crate) async fn append_all(
    conn: &mut AnyConnection,
    decisions: &[(i64, Decision<'_>)],
    key: Option<&PseudonymKey>,
) -> StoreResult<u64> {
    if decisions.is_empty() {
        // Nothing to append, and no key to make.
        let size: i64 = sqlx::query_scalar("SELECT size FROM decision_log_size WHERE id = 1")
            .fetch_one(&mut *conn)
            .await?;
        return Ok(size as u64);
    }
    let count = decisions.len() as i64;
    let candidate = to_hex(&key.map(|k| k.0).unwrap_or_else(rand::random));
    let (size, stored_key): (i64, Option<String>) = sqlx::query_as(
        "UPDATE decision_log_size SET size = size + $1, pseudonym_key = COALESCE(pseudonym_key, $2) WHERE id = 1 \
         RETURNING size, pseudonym_key",
    )
    .bind(count)
    .bind(&candidate)
    .fetch_one(&mut *conn)
    .await?;
    let key = PseudonymKey(
        stored_key
            .as_deref()
            .and_then(unhex32)
            .ok_or_else(|| StoreError::Corrupt("the pseudonym key is not 64 hex digits".into()))?,
    );
    let first = (size - count) as u64;
    let mut leaves = Vec::with_capacity(decisions.len());
    let mut withheld: Vec<(u64, Withheld)> = Vec::new();
    for (offset, chunk) in decisions.chunks(ENTRIES_PER_STATEMENT).enumerate() {
        let values: Vec<String> = (0..chunk.len())
            .map(|row| {
                let n = row * 12;
                let list: Vec<String> = (1..=12).map(|i| format!("${}", n + i)).collect();
                format!("({})", list.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO decision_log ({COLUMNS}) VALUES {}",
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (row, (at, decision)) in chunk.iter().enumerate() {
            let index = first + (offset * ENTRIES_PER_STATEMENT + row) as u64;
            let recorded = decision.event.recorded(
                index,
                *at,
                decision.place,
                &decision.actor,
                &key,
                &decision.seed,
            );
            let entry = recorded.entry;
            withheld.extend(recorded.withheld.into_iter().map(|w| (index, w)));
            let leaf = entry.leaf_hash();
            leaves.push(leaf);
            query = query
                .bind(entry.index as i64)
                .bind(entry.at)
                .bind(entry.kind)
                .bind(entry.locality_id)
                .bind(entry.initiative_id)
                .bind(entry.organisation_id)
                .bind(entry.person)
                .bind(entry.detail)
                .bind(hex::encode(leaf))
                .bind(i64::from(entry.version))
                .bind(commitments_text(&entry.commitments))
                .bind(openings_text(&entry.openings));
        }
        query.execute(&mut *conn).await?;
    }
    for chunk in withheld.chunks(WITHHELD_PER_STATEMENT) {
        let values: Vec<String> = (0..chunk.len())
            .map(|row| {
                let n = row * 6;
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${})",
                    n + 1,
                    n + 2,
                    n + 3,
                    n + 4,
                    n + 5,
                    n + 6
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO log_disclosures (entry_index, field, salt, clear_text, sealed_kind, sealed_for) VALUES {}",
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (index, w) in chunk {
            query = query
                .bind(*index as i64)
                .bind(w.field.clone())
                .bind(to_hex(&w.salt))
                .bind(w.text.clone())
                .bind(w.sealed_for.map(SealedFor::kind))
                .bind(w.sealed_for.map(SealedFor::id));
        }
        query.execute(&mut *conn).await?;
    }
    grow_tree(conn, first, &leaves).await?;
    Ok(first)
}

/// The texts `matter` (a call or a notice) sealed, in the order they were sealed, taken off the
/// side of the log within the caller's transaction: its decision puts them on the log itself.
pub(crate) async fn unseal(
    conn: &mut AnyConnection,
    matter: SealedFor,
) -> StoreResult<Vec<Withheld>> {
    let rows: Vec<(i64, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT entry_index, field, salt, clear_text FROM log_disclosures WHERE sealed_kind = $1 AND sealed_for = $2 \
         ORDER BY entry_index, field",
    )
    .bind(matter.kind())
    .bind(matter.id())
    .fetch_all(&mut *conn)
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    sqlx::query("DELETE FROM log_disclosures WHERE sealed_kind = $1 AND sealed_for = $2")
        .bind(matter.kind())
        .bind(matter.id())
        .execute(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|(index, field, salt, text)| {
            let salt = salt.as_deref().and_then(unhex32).ok_or_else(|| {
                StoreError::Corrupt(format!("the sealed {field} of entry {index} has no salt"))
            })?;
            Ok(Withheld {
                field,
                salt,
                text: text.unwrap_or_default(),
                sealed_for: Some(matter),
            })
        })
        .collect()
}

/// Keeps the subtrees that the leaves `leaves`, appended from index `first`, complete: each one
/// made from its left child (stored before, or made here) and its right child (the leaf, or
/// the subtree made just before it). Runs in the appending transaction, after the entries.
async fn grow_tree(conn: &mut AnyConnection, first: u64, leaves: &[Hash]) -> StoreResult<()> {
    let mut made: HashMap<Node, Hash> = HashMap::new();
    let completed: Vec<(u64, Vec<Node>)> = (0..leaves.len() as u64)
        .map(|offset| (offset, merkle::completed_by(first + offset)))
        .filter(|(_, nodes)| !nodes.is_empty())
        .collect();
    // Left children from before this batch: one lookup for all of them.
    let earlier: Vec<Node> = completed
        .iter()
        .flat_map(|(_, nodes)| nodes.iter().map(|node| node.left()))
        .filter(|left| (left.index + 1) << left.level <= first)
        .collect();
    let stored = nodes(conn, &earlier).await?;
    for (offset, nodes) in completed {
        let mut right = leaves[offset as usize];
        for node in nodes {
            let left = node.left();
            let left = if left.level == 0 && left.index >= first {
                leaves[(left.index - first) as usize]
            } else if let Some(hash) = made.get(&left).or_else(|| stored.get(&left)) {
                *hash
            } else {
                return Err(missing(left));
            };
            right = merkle::node_hash(&left, &right);
            made.insert(node, right);
        }
    }
    let mut made: Vec<(Node, Hash)> = made.into_iter().collect();
    made.sort_by_key(|(node, _)| *node);
    insert_nodes(conn, &made).await
}

fn missing(node: Node) -> StoreError {
    StoreError::Corrupt(format!(
        "the stored tree has no node {} at level {}",
        node.index, node.level
    ))
}

/// Rows a statement inserts at most (two values each, well under SQLite's bound parameters).
const NODES_PER_STATEMENT: usize = 400;

async fn insert_nodes(conn: &mut AnyConnection, nodes: &[(Node, Hash)]) -> StoreResult<()> {
    for chunk in nodes.chunks(NODES_PER_STATEMENT) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
            .collect();
        let sql = format!(
            "INSERT INTO decision_log_nodes (node, hash) VALUES {}",
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (node, hash) in chunk {
            query = query.bind(node.key()).bind(hash.to_vec());
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The stored hashes of `wanted`: leaves from the entries' leaf hashes, subtrees from the kept
/// tree. Two statements at most.
async fn nodes(conn: &mut AnyConnection, wanted: &[Node]) -> StoreResult<HashMap<Node, Hash>> {
    let mut found = HashMap::with_capacity(wanted.len());
    let (leaves, above): (Vec<Node>, Vec<Node>) = wanted.iter().partition(|node| node.level == 0);
    for chunk in leaves.chunks(NODES_PER_STATEMENT) {
        let sql = format!(
            "SELECT idx, leaf_hash FROM decision_log WHERE idx IN ({})",
            placeholders(chunk.len())
        );
        let mut query = sqlx::query_as::<_, (i64, String)>(&sql);
        for node in chunk {
            query = query.bind(node.index as i64);
        }
        for (index, hash) in query.fetch_all(&mut *conn).await? {
            found.insert(
                Node {
                    level: 0,
                    index: index as u64,
                },
                unhex(&hash)?,
            );
        }
    }
    for chunk in above.chunks(NODES_PER_STATEMENT) {
        let sql = format!(
            "SELECT node, hash FROM decision_log_nodes WHERE node IN ({})",
            placeholders(chunk.len())
        );
        let mut query = sqlx::query_as::<_, (i64, Vec<u8>)>(&sql);
        for node in chunk {
            query = query.bind(node.key());
        }
        for (key, hash) in query.fetch_all(&mut *conn).await? {
            let hash: Hash = hash
                .try_into()
                .map_err(|_| StoreError::Corrupt("a tree node of the wrong length".into()))?;
            found.insert(Node::from_key(key), hash);
        }
    }
    Ok(found)
}

fn placeholders(count: usize) -> String {
    (1..=count)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The roots of `spans`, each folded from the stored subtrees that cover it, with one lookup
/// for all of them.
async fn roots(conn: &mut AnyConnection, spans: &[Span]) -> StoreResult<Vec<Hash>> {
    let covers: Vec<Vec<Node>> = spans.iter().map(|span| merkle::cover(*span)).collect();
    let wanted: Vec<Node> = covers.iter().flatten().copied().collect();
    let stored = nodes(conn, &wanted).await?;
    covers
        .iter()
        .map(|cover| {
            let hashes = cover
                .iter()
                .map(|node| stored.get(node).copied().ok_or_else(|| missing(*node)))
                .collect::<StoreResult<Vec<Hash>>>()?;
            Ok(merkle::fold(&hashes))
        })
        .collect()
}

/// Rebuilds the kept tree from the entries' leaf hashes, within the caller's transaction: after
/// a bulk load, a restore, or an upgrade from a hub that did not keep it.
pub(crate) async fn rebuild_tree(conn: &mut AnyConnection) -> StoreResult<()> {
    use futures_util::TryStreamExt;
    let mut leaves = Vec::new();
    {
        let mut rows = sqlx::query_as::<_, (i64, String)>(
            "SELECT idx, leaf_hash FROM decision_log ORDER BY idx",
        )
        .fetch(&mut *conn);
        while let Some((index, hash)) = rows.try_next().await? {
            if index as usize != leaves.len() {
                return Err(StoreError::Corrupt(format!(
                    "the log has no entry {}",
                    leaves.len()
                )));
            }
            leaves.push(unhex(&hash)?);
        }
    }
    sqlx::query("DELETE FROM decision_log_nodes")
        .execute(&mut *conn)
        .await?;
    insert_nodes(conn, &merkle::interior_nodes(&leaves)).await
}

fn unhex(text: &str) -> StoreResult<Hash> {
    let bytes = hex::decode(text).map_err(|e| StoreError::Corrupt(format!("leaf hash: {e}")))?;
    bytes
        .try_into()
        .map_err(|_| StoreError::Corrupt("leaf hash of the wrong length".into()))
}

/// Entries `start..end` (at most 1,000) on a given connection (a snapshot's), in order.
pub(crate) async fn entries_on(
    conn: &mut AnyConnection,
    start: u64,
    end: u64,
) -> StoreResult<Vec<LogEntry>> {
    let end = end.min(start.saturating_add(1000));
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM decision_log WHERE idx >= $1 AND idx < $2 ORDER BY idx"
    ))
    .bind(start as i64)
    .bind(end as i64)
    .fetch_all(&mut *conn)
    .await?;
    entries_of(rows)
}

/// A tree head: the log's size and the root over its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeHead {
    pub size: u64,
    pub root: Hash,
}

impl Db {
    pub async fn log_size(&self) -> StoreResult<u64> {
        let size: i64 = self
            .read_scalar("SELECT size FROM decision_log_size WHERE id = 1", args![])
            .await?;
        Ok(size as u64)
    }

    /// Entries `start..end` (at most 1,000), in order.
    pub async fn log_entries(&self, start: u64, end: u64) -> StoreResult<Vec<LogEntry>> {
        // Indexes beyond what the database holds select nothing rather than wrap around.
        let (start, end) = (start.min(i64::MAX as u64), end.min(i64::MAX as u64));
        let end = end.min(start.saturating_add(1000));
        let rows: Vec<Row> = self
            .read_all(
                &format!(
                    "SELECT {COLUMNS} FROM decision_log WHERE idx >= $1 AND idx < $2 ORDER BY idx"
                ),
                args![start as i64, end as i64],
            )
            .await?;
        entries_of(rows)
    }

    /// The entries of one initiative, newest first.
    pub async fn log_of_initiative(
        &self,
        initiative_id: i64,
        limit: i64,
    ) -> StoreResult<Vec<LogEntry>> {
        let rows: Vec<Row> = self.read_all(&format!(
            "SELECT {COLUMNS} FROM decision_log WHERE initiative_id = $1 ORDER BY idx DESC LIMIT $2"
        ), args![initiative_id, limit]).await?;
        entries_of(rows)
    }

    /// The entry that decided call `call` of `locality` (its award or cancellation), if any:
    /// the results the public pages show are the ones it published.
    pub async fn call_decision_entry(
        &self,
        locality: i64,
        call: i64,
    ) -> StoreResult<Option<LogEntry>> {
        let rows: Vec<Row> = self
            .read_all(
                &format!(
                    "SELECT {COLUMNS} FROM decision_log WHERE kind IN ('call-awarded', 'call-cancelled') AND locality_id = $1 \
                     AND (detail = $2 OR detail LIKE $3) ORDER BY idx DESC LIMIT 1"
                ),
                args![locality, format!("call:{call}"), format!("call:{call} %")],
            )
            .await?;
        Ok(entries_of(rows)?.pop())
    }

    /// The leaf hashes of the first `size` entries, recomputed from the entries' fields. An
    /// entry whose stored hash no longer matches its fields, or a missing index, is reported.
    pub async fn log_leaves(&self, size: u64) -> StoreResult<Vec<Hash>> {
        let mut conn = self.pool.acquire().await?;
        leaves(&mut conn, size).await
    }

    /// The tree head over the whole log now, from the kept tree. (Subtrees never change once
    /// made, so the size and the nodes need not be read in one transaction.)
    pub async fn log_head(&self) -> StoreResult<TreeHead> {
        let mut conn = self.pool.acquire().await?;
        head_on(&mut conn).await
    }

    /// The leaf hash of entry `index` and its audit path in the tree of `size` entries; `None`
    /// when the entry is not in that tree or the log is not that large yet.
    pub async fn log_inclusion(
        &self,
        index: u64,
        size: u64,
    ) -> StoreResult<Option<(Hash, Vec<Hash>)>> {
        // The leaf itself is a run of one, looked up with the path.
        let spans = merkle::inclusion_ranges(index, size).map(|path| {
            let leaf = Span {
                start: index,
                end: index + 1,
            };
            [vec![leaf], path].concat()
        });
        Ok(self
            .proof_roots(size, spans)
            .await?
            .map(|mut hashes| (hashes.remove(0), hashes)))
    }

    /// The consistency proof between the trees of `first` and `second` entries; `None` when
    /// `first > second` or the log is not `second` entries large yet.
    pub async fn log_consistency(&self, first: u64, second: u64) -> StoreResult<Option<Vec<Hash>>> {
        self.proof_roots(second, merkle::consistency_ranges(first, second))
            .await
    }

    /// The roots of a proof's runs in the tree of `size` entries; `None` when there is no such
    /// proof or the log is not that large yet.
    async fn proof_roots(
        &self,
        size: u64,
        spans: Option<Vec<Span>>,
    ) -> StoreResult<Option<Vec<Hash>>> {
        let Some(spans) = spans else {
            return Ok(None);
        };
        if size > self.log_size().await? {
            return Ok(None);
        }
        let mut conn = self.pool.acquire().await?;
        Ok(Some(roots(&mut conn, &spans).await?))
    }

    /// Compares the kept tree with the one the given leaves make (the leaves as [`Db::log_leaves`]
    /// recomputes them from the entries' fields): the first difference, if any.
    pub async fn check_log_tree(&self, leaves: &[Hash]) -> StoreResult<Option<String>> {
        use futures_util::TryStreamExt;
        let expected = merkle::interior_nodes(leaves);
        let mut conn = self.pool.acquire().await?;
        let mut rows = sqlx::query_as::<_, (i64, Vec<u8>)>(
            "SELECT node, hash FROM decision_log_nodes ORDER BY node",
        )
        .fetch(&mut *conn);
        let mut expected = expected.iter();
        while let Some((key, hash)) = rows.try_next().await? {
            let node = Node::from_key(key);
            match expected.next() {
                Some((want, _)) if *want != node => {
                    return Ok(Some(format!(
                        "the kept tree lacks node {} at level {}",
                        want.index, want.level
                    )));
                }
                Some((_, want)) if want[..] != hash[..] => {
                    return Ok(Some(format!(
                        "the kept tree's node {} at level {} does not match the entries",
                        node.index, node.level
                    )));
                }
                Some(_) => {}
                None => {
                    return Ok(Some(format!(
                        "the kept tree has a node {} at level {} beyond the log",
                        node.index, node.level
                    )));
                }
            }
        }
        Ok(expected.next().map(|(want, _)| {
            format!(
                "the kept tree lacks node {} at level {}",
                want.index, want.level
            )
        }))
    }

    /// Rebuilds the kept tree from the entries' leaf hashes.
    pub async fn rebuild_log_tree(&self) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        lock_log(&mut tx).await?;
        rebuild_tree(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Makes sure the kept tree covers the whole log (after an upgrade from a hub that did not
    /// keep it): counted first, rebuilt only when short. Appends wait meanwhile.
    pub(crate) async fn complete_log_tree(&self) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let size = lock_log(&mut tx).await?;
        let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM decision_log_nodes")
            .fetch_one(&mut *tx)
            .await?;
        if kept as u64 != size - size.count_ones() as u64 {
            tracing::info!("building the decision log's tree over {size} entries");
            rebuild_tree(&mut tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Takes the log's size row for this transaction (appenders wait) and gives the size.
async fn lock_log(conn: &mut AnyConnection) -> StoreResult<u64> {
    let size: i64 =
        sqlx::query_scalar("UPDATE decision_log_size SET size = size WHERE id = 1 RETURNING size")
            .fetch_one(&mut *conn)
            .await?;
    Ok(size as u64)
}

/// The tree head over the log as `conn` sees it: inside a transaction, as of its snapshot (the
/// backup reads it so, together with every table).
pub(crate) async fn head_on(conn: &mut AnyConnection) -> StoreResult<TreeHead> {
    let size: i64 = sqlx::query_scalar("SELECT size FROM decision_log_size WHERE id = 1")
        .fetch_one(&mut *conn)
        .await?;
    let size = size as u64;
    // An empty log covers no subtree, and folds to the empty root.
    let root = roots(
        conn,
        &[Span {
            start: 0,
            end: size,
        }],
    )
    .await?[0];
    Ok(TreeHead { size, root })
}

/// See [`Db::log_leaves`]; on a given connection. The entries are streamed: only their hashes
/// are kept, 32 bytes an entry.
async fn leaves(conn: &mut AnyConnection, size: u64) -> StoreResult<Vec<Hash>> {
    use futures_util::TryStreamExt;
    let sql = format!("SELECT {COLUMNS} FROM decision_log WHERE idx < $1 ORDER BY idx");
    let mut rows = sqlx::query_as::<_, Row>(&sql)
        .bind(size as i64)
        .fetch(&mut *conn);
    let mut leaves = Vec::with_capacity(size.min(1 << 24) as usize);
    let mut expected: u64 = 0;
    while let Some(row) = rows.try_next().await? {
        let (entry, stored) = row.entry()?;
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
    /// A locality's decisions, newest first, one page from `keyset` (keyset pagination by
    /// index: page 2,000 costs what page 1 does).
    pub async fn log_of_locality(
        &self,
        locality_id: i64,
        filter: &LogFilter,
        keyset: Option<crate::Keyset>,
        per_page: u32,
    ) -> StoreResult<crate::Window<LogEntry>> {
        let per_page = per_page.clamp(1, 200);
        let (comparison, bound, order) = crate::Window::<LogEntry>::bounds(keyset);
        // Only the filters in use are in the statement, so each combination has its own fixed
        // text and plan (the kind's index, the initiative's, or the locality's).
        let (conditions, values) = log_conditions(filter);
        let sql = format!(
            "SELECT {COLUMNS} FROM decision_log WHERE locality_id = $1 AND idx {comparison} $2{conditions} \
             ORDER BY idx {order} LIMIT $3"
        );
        let mut bound_args: Vec<Arg> = vec![
            locality_id.into(),
            bound.into(),
            (per_page as i64 + 1).into(),
        ];
        bound_args.extend(values);
        let rows: Vec<Row> = self.read_all(&sql, &bound_args).await?;
        let window = crate::Window::of(rows, keyset, per_page as usize, |r| r.idx);
        Ok(crate::Window {
            items: entries_of(window.items)?,
            older: window.older,
            newer: window.newer,
        })
    }

    /// How many decisions of a locality match `filter`: kept for the whole record, counted up
    /// to a cap for a filtered one.
    pub async fn log_count(
        &self,
        locality_id: i64,
        filter: &LogFilter,
    ) -> StoreResult<crate::Count> {
        let (conditions, values) = log_conditions(filter);
        if values.is_empty() {
            return Ok(crate::Count::exact(self.decision_count(locality_id).await?));
        }
        let sql = format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM decision_log WHERE locality_id = $1 AND $2 = $2 AND $3 = $3{conditions} LIMIT {}) c",
            crate::tallies::CAPPED
        );
        let mut bound_args: Vec<Arg> = vec![locality_id.into(), 0i64.into(), 0i64.into()];
        bound_args.extend(values);
        Ok(crate::Count::capped(
            self.read_scalar(&sql, &bound_args).await?,
        ))
    }
}

/// The statement's conditions for the filters in use (from `$4` on) and their values.
fn log_conditions(filter: &LogFilter) -> (String, Vec<Arg>) {
    let mut conditions = String::new();
    let mut values = Vec::new();
    if let Some(initiative) = filter.initiative_id {
        values.push(initiative.into());
        conditions.push_str(&format!(" AND initiative_id = ${}", values.len() + 3));
    }
    if let Some(organisation) = filter.organisation_id {
        values.push(organisation.into());
        conditions.push_str(&format!(" AND organisation_id = ${}", values.len() + 3));
    }
    if let Some(kind) = filter.kind.as_ref().filter(|k| !k.is_empty()) {
        values.push(kind.into());
        conditions.push_str(&format!(" AND kind = ${}", values.len() + 3));
    }
    (conditions, values)
}
