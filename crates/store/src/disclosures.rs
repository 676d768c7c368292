//! What the decision log withholds, kept beside it (`log_disclosures`): disclosures, shown with
//! their entries until a platform administrator redacts them, and texts sealed until a call's
//! decision opens them on the log (see `shutaf_domain::disclosure`).
//!
//! The log's rows are never touched here. A redaction erases a disclosure's clear text and salt
//! and records the date and the coded ground; the entry keeps its commitment, so the log
//! verifies as before, and the redaction itself is a decision on the log
//! (`disclosure-redacted`, naming no person), in the same transaction.

use serde::Serialize;
use shutaf_domain::disclosure::{RedactionGround, Salt, is_sealed, unhex32};
use shutaf_domain::journal::Event;
use sqlx::FromRow;

use crate::{Db, StoreError, StoreResult, abort, journal, now};

/// A text kept beside an entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Disclosure {
    pub entry_index: u64,
    pub field: String,
    /// With the text until redacted, so anyone can check the text against the commitment.
    pub salt: Option<Salt>,
    pub text: Option<String>,
    /// The call whose decision opens it, for a sealed text (never shown).
    pub sealed_for: Option<i64>,
    pub redacted_at: Option<i64>,
    pub redaction_ground: Option<RedactionGround>,
}

#[derive(FromRow)]
struct Row {
    entry_index: i64,
    field: String,
    salt: Option<String>,
    clear_text: Option<String>,
    sealed_for: Option<i64>,
    redacted_at: Option<i64>,
    redaction_reason: Option<String>,
}

impl Row {
    fn disclosure(self) -> StoreResult<Disclosure> {
        let salt = match &self.salt {
            Some(salt) => Some(unhex32(salt).ok_or_else(|| {
                StoreError::Corrupt(format!(
                    "the salt of entry {}'s {} is not 64 hex digits",
                    self.entry_index, self.field
                ))
            })?),
            None => None,
        };
        Ok(Disclosure {
            entry_index: self.entry_index as u64,
            field: self.field,
            salt,
            text: self.clear_text,
            sealed_for: self.sealed_for,
            redacted_at: self.redacted_at,
            redaction_ground: self
                .redaction_reason
                .as_deref()
                .and_then(RedactionGround::parse),
        })
    }
}

const COLUMNS: &str =
    "entry_index, field, salt, clear_text, sealed_for, redacted_at, redaction_reason";

fn rows(rows: Vec<Row>) -> StoreResult<Vec<Disclosure>> {
    rows.into_iter().map(Row::disclosure).collect()
}

/// Every text kept beside the log, on a given connection (a snapshot's).
pub(crate) async fn all_on(conn: &mut sqlx::AnyConnection) -> StoreResult<Vec<Disclosure>> {
    rows(
        sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM log_disclosures ORDER BY entry_index, field"
        ))
        .fetch_all(&mut *conn)
        .await?,
    )
}

/// Why a redaction was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unredactable {
    /// The entry withholds no such disclosure (or it is sealed, for its call's decision).
    NoSuchDisclosure,
    AlreadyRedacted,
}

impl Db {
    /// The disclosures of the given entries, in entry and field order: what the public may read
    /// beside them. Sealed texts are never among them.
    pub async fn disclosures(&self, entries: &[u64]) -> StoreResult<Vec<Disclosure>> {
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        // Indexes are integers: safe to inline, one statement for a page of entries.
        let list = entries
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        rows(
            sqlx::query_as(&format!(
                "SELECT {COLUMNS} FROM log_disclosures WHERE entry_index IN ({list}) AND sealed_for IS NULL \
                 ORDER BY entry_index, field"
            ))
            .fetch_all(&self.pool)
            .await?,
        )
    }

    /// Redacts the disclosure `field` of entry `entry`: its clear text and salt are erased, the
    /// date and `ground` kept, and a `disclosure-redacted` entry appended, in one transaction.
    /// Gives the index of that entry.
    pub async fn redact_disclosure(
        &self,
        entry: u64,
        field: &str,
        ground: RedactionGround,
    ) -> StoreResult<Result<u64, Unredactable>> {
        let mut tx = self.write_tx().await?;
        let found: Option<(Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT d.redacted_at, l.locality_id FROM log_disclosures d JOIN decision_log l ON l.idx = d.entry_index \
             WHERE d.entry_index = $1 AND d.field = $2 AND d.sealed_for IS NULL",
        )
        .bind(entry as i64)
        .bind(field)
        .fetch_optional(&mut *tx)
        .await?;
        let locality = match found {
            _ if is_sealed(field) => return Ok(Err(Unredactable::NoSuchDisclosure)),
            None => return Ok(Err(Unredactable::NoSuchDisclosure)),
            Some((Some(_), _)) => return Ok(Err(Unredactable::AlreadyRedacted)),
            Some((None, locality)) => locality,
        };
        let changed = sqlx::query(
            "UPDATE log_disclosures SET clear_text = NULL, salt = NULL, redacted_at = $1, redaction_reason = $2 \
             WHERE entry_index = $3 AND field = $4 AND redacted_at IS NULL",
        )
        .bind(now())
        .bind(ground.code())
        .bind(entry as i64)
        .bind(field)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return abort(tx, StoreError::Conflict).await;
        }
        let index = journal::record_platform_decision(
            &mut tx,
            locality,
            &Event::DisclosureRedacted {
                entry,
                field: field.to_owned(),
                ground,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(index))
    }
}
