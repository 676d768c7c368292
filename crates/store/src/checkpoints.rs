//! The decision log's signed checkpoints and their witnesses' cosignatures, in storage.
//!
//! The hub's signer keeps a checkpoint when the log has grown ([`Db::keep_checkpoint`]); the
//! size is the key, and a checkpoint is kept only while none of its size or larger is, so two
//! servers on one database that sign at once cannot leave two different checkpoints of one
//! size, nor a smaller one after a larger. Witnesses' cosignature lines are kept beside them
//! ([`Db::keep_cosignature`]), once per checkpoint and witness key, and served after the hub's
//! own signature ([`StoredCheckpoint::note_with_cosignatures`]). What is signed and who may
//! cosign is decided above (the web layer, with `shutaf_domain::checkpoint`); this module only
//! keeps and reads.

use shutaf_domain::merkle::Hash;
use sqlx::FromRow;

use crate::read::args;
use crate::{Db, StoreError, StoreResult};

/// A checkpoint as kept, with the cosignature lines witnesses gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCheckpoint {
    pub size: u64,
    pub root: Hash,
    /// When the hub signed it (Unix seconds).
    pub at: i64,
    /// The signed note as the hub signed it: the checkpoint text, a blank line, the hub's line.
    pub note: String,
    /// Hex Ed25519 signature over `shutaf-tree-head/1` with this size, root and time.
    pub head_signature: String,
    /// Witnesses' signature lines (each ending in a newline), oldest first.
    pub cosignatures: Vec<String>,
}

impl StoredCheckpoint {
    /// The signed note with every cosignature after the hub's own line: a signed note with
    /// several signatures, as tlog-witness clients assemble it.
    pub fn note_with_cosignatures(&self) -> String {
        let mut note = self.note.clone();
        for line in &self.cosignatures {
            note.push_str(line);
        }
        note
    }
}

/// A witness's cosignature of the checkpoint of `size`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cosignature {
    pub size: u64,
    /// The witness's key name.
    pub witness: String,
    pub key_id: u32,
    /// The signature line, ending in a newline.
    pub line: String,
    /// The time the witness states in it.
    pub at: i64,
}

#[derive(FromRow)]
struct Row {
    size: i64,
    root: String,
    at: i64,
    note: String,
    head_signature: String,
}

crate::read::record!(Row {
    size,
    root,
    at,
    note,
    head_signature
});

impl Row {
    fn checkpoint(self) -> StoreResult<StoredCheckpoint> {
        let root = hex::decode(&self.root)
            .ok()
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or_else(|| {
                StoreError::Corrupt(format!("checkpoint {}: root is not a hash", self.size))
            })?;
        Ok(StoredCheckpoint {
            size: self.size as u64,
            root,
            at: self.at,
            note: self.note,
            head_signature: self.head_signature,
            cosignatures: Vec::new(),
        })
    }
}

const COLUMNS: &str = "size, root, at, note, head_signature";

impl Db {
    /// Keeps `checkpoint` unless one of its size or larger is kept already (another server
    /// signed meanwhile: its checkpoint stands), and gives the latest kept afterwards.
    pub async fn keep_checkpoint(
        &self,
        checkpoint: &StoredCheckpoint,
    ) -> StoreResult<StoredCheckpoint> {
        let kept = sqlx::query(
            "INSERT INTO log_checkpoints (size, root, at, note, head_signature) \
             SELECT $1, $2, $3, $4, $5 \
             WHERE NOT EXISTS (SELECT 1 FROM log_checkpoints WHERE size >= $1) \
             ON CONFLICT (size) DO NOTHING",
        )
        .bind(checkpoint.size as i64)
        .bind(hex::encode(checkpoint.root))
        .bind(checkpoint.at)
        .bind(&checkpoint.note)
        .bind(&checkpoint.head_signature)
        .execute(&self.pool)
        .await?
        .rows_affected();
        // The log's pages and its API serve the latest checkpoint.
        if kept == 1 {
            self.data_changed().await?;
        }
        self.latest_checkpoint()
            .await?
            .ok_or_else(|| StoreError::Corrupt("a kept checkpoint is gone".into()))
    }

    /// Replaces the signatures of the kept checkpoint of `size` (after a key rotation, the new
    /// key's line added to the same text, and its tree-head signature), if its note is still
    /// `before`; `false` when another server changed it meanwhile.
    pub async fn endorse_checkpoint(
        &self,
        size: u64,
        before: &str,
        note: &str,
        head_signature: &str,
    ) -> StoreResult<bool> {
        let changed = sqlx::query(
            "UPDATE log_checkpoints SET note = $1, head_signature = $2 WHERE size = $3 AND note = $4",
        )
        .bind(note)
        .bind(head_signature)
        .bind(size as i64)
        .bind(before)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if changed == 1 {
            self.data_changed().await?;
        }
        Ok(changed == 1)
    }

    /// The latest checkpoint (the largest size), with its cosignatures; `None` before the first.
    pub async fn latest_checkpoint(&self) -> StoreResult<Option<StoredCheckpoint>> {
        Ok(self.checkpoints(None, 1, false).await?.pop())
    }

    /// The checkpoint of `size`, with its cosignatures.
    pub async fn checkpoint(&self, size: u64) -> StoreResult<Option<StoredCheckpoint>> {
        let row: Option<Row> = self
            .read_optional(
                &format!("SELECT {COLUMNS} FROM log_checkpoints WHERE size = $1"),
                args![size as i64],
            )
            .await?;
        let Some(row) = row else { return Ok(None) };
        let mut found = vec![row.checkpoint()?];
        self.attach_cosignatures(&mut found).await?;
        Ok(found.pop())
    }

    /// Checkpoints newest first, of sizes below `before` (keyset pagination: the last size of a
    /// page is the next page's `before`), at most `limit` (1 to 1,000); only those with at least
    /// one cosignature when `cosigned`. Two statements whatever the page's length.
    pub async fn checkpoints(
        &self,
        before: Option<u64>,
        limit: u32,
        cosigned: bool,
    ) -> StoreResult<Vec<StoredCheckpoint>> {
        let limit = limit.clamp(1, 1000) as i64;
        let before = before.map_or(i64::MAX, |b| b.min(i64::MAX as u64) as i64);
        let filter = if cosigned {
            " AND EXISTS (SELECT 1 FROM log_cosignatures c WHERE c.size = log_checkpoints.size)"
        } else {
            ""
        };
        let rows: Vec<Row> = self.read_all(&format!(
            "SELECT {COLUMNS} FROM log_checkpoints WHERE size < $1{filter} ORDER BY size DESC LIMIT $2"
        ), args![before, limit]).await?;
        let mut found = rows
            .into_iter()
            .map(Row::checkpoint)
            .collect::<StoreResult<Vec<_>>>()?;
        self.attach_cosignatures(&mut found).await?;
        Ok(found)
    }

    /// Fills in the cosignatures of `checkpoints` (newest first), with one statement.
    async fn attach_cosignatures(&self, checkpoints: &mut [StoredCheckpoint]) -> StoreResult<()> {
        let (Some(newest), Some(oldest)) = (checkpoints.first(), checkpoints.last()) else {
            return Ok(());
        };
        let lines: Vec<(i64, String)> = self
            .read_all(
                "SELECT size, line FROM log_cosignatures WHERE size >= $1 AND size <= $2 \
             ORDER BY size, at, witness, key_id",
                args![oldest.size as i64, newest.size as i64],
            )
            .await?;
        for (size, line) in lines {
            if let Some(checkpoint) = checkpoints.iter_mut().find(|c| c.size == size as u64) {
                checkpoint.cosignatures.push(line);
            }
        }
        Ok(())
    }

    /// Keeps a witness's cosignature of a kept checkpoint; `false` when this witness key had
    /// cosigned it already (the first stands). `NotFound` when there is no such checkpoint.
    pub async fn keep_cosignature(&self, cosignature: &Cosignature) -> StoreResult<bool> {
        let kept = sqlx::query(
            "INSERT INTO log_cosignatures (size, witness, key_id, line, at) \
             SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM log_checkpoints WHERE size = $1) \
             ON CONFLICT (size, witness, key_id) DO NOTHING",
        )
        .bind(cosignature.size as i64)
        .bind(&cosignature.witness)
        .bind(cosignature.key_id as i64)
        .bind(&cosignature.line)
        .bind(cosignature.at)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if kept == 0 && self.checkpoint(cosignature.size).await?.is_none() {
            return Err(StoreError::NotFound);
        }
        if kept == 1 {
            self.data_changed().await?;
        }
        Ok(kept == 1)
    }
}
