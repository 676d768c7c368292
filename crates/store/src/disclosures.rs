//! What the decision log withholds, kept beside it (`log_disclosures`): disclosures, shown with
//! their entries until a platform administrator redacts them, and texts sealed until the decision
//! of a call or a notice opens them on the log (see `shutaf_domain::disclosure`).
//!
//! The log's rows are never touched here. A redaction erases a disclosure's clear text and salt
//! and records the date and the coded ground; the entry keeps its commitment, so the log
//! verifies as before, and the redaction itself is a decision on the log
//! (`disclosure-redacted`, naming no person), in the same transaction.
//!
//! A redaction reaches every copy: in the same transaction, where the hub's working tables keep
//! the text for the pages that run a procedure (a donation's donor, purpose, check, reasons and
//! report; a call's or a notice's outcome reasons; an initiative's published reasons and its
//! history), the copy is replaced by the redaction's notice ("redacted on <date>: <ground>", in
//! the language of whoever redacts). Names of people who declared interests or stepped aside
//! have no copy: the pages read them from beside the log ([`Db::names_beside`]), so a redaction
//! hides them there too.

use std::collections::HashMap;

use serde::Serialize;
use shutaf_domain::disclosure::{
    PseudonymKey, RedactionGround, Salt, SealedFor, call_of, is_sealed, unhex32,
};
use shutaf_domain::journal::{Event, Matter, number_after, parse_party, parse_ties};
use sqlx::FromRow;

use crate::read::args;
use crate::{Db, StoreError, StoreResult, WriteTx, abort, journal};

/// A text kept beside an entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Disclosure {
    pub entry_index: u64,
    pub field: String,
    /// With the text until redacted, so anyone can check the text against the commitment.
    pub salt: Option<Salt>,
    pub text: Option<String>,
    /// The call or notice whose decision opens it, for a sealed text (never shown).
    pub sealed_for: Option<SealedFor>,
    pub redacted_at: Option<i64>,
    pub redaction_ground: Option<RedactionGround>,
}

#[derive(FromRow)]
struct Row {
    entry_index: i64,
    field: String,
    salt: Option<String>,
    clear_text: Option<String>,
    sealed_kind: Option<String>,
    sealed_for: Option<i64>,
    redacted_at: Option<i64>,
    redaction_reason: Option<String>,
}

crate::read::record!(Row {
    entry_index,
    field,
    salt,
    clear_text,
    sealed_kind,
    sealed_for,
    redacted_at,
    redaction_reason
});

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
        let sealed_for = match self.sealed_for {
            Some(id) => Some(
                SealedFor::of(self.sealed_kind.as_deref(), id).ok_or_else(|| {
                    StoreError::Corrupt(format!(
                        "entry {}'s {} is sealed for a {:?}, neither a call nor a notice",
                        self.entry_index, self.field, self.sealed_kind
                    ))
                })?,
            ),
            None => None,
        };
        Ok(Disclosure {
            entry_index: self.entry_index as u64,
            field: self.field,
            salt,
            text: self.clear_text,
            sealed_for,
            redacted_at: self.redacted_at,
            redaction_ground: self
                .redaction_reason
                .as_deref()
                .and_then(RedactionGround::parse),
        })
    }
}

const COLUMNS: &str =
    "entry_index, field, salt, clear_text, sealed_kind, sealed_for, redacted_at, redaction_reason";

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
    /// The log has no such entry.
    NoSuchEntry,
    /// The entry withholds no such disclosure (or it is sealed, for its call's or notice's
    /// decision).
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
        rows(
            self.read_all(&format!(
                "SELECT {COLUMNS} FROM log_disclosures WHERE entry_index {} AND sealed_for IS NULL \
                 ORDER BY entry_index, field",
                self.in_ids(1)
            ), args![self.id_list(entries.iter().map(|&e| e as i64))]).await?,
        )
    }

    /// Redacts the disclosure `field` of entry `entry`: its clear text and salt are erased, the
    /// date and `ground` kept, every copy of the text in the working tables replaced by
    /// `notice(date)` (the redaction as the one who redacts reads it), and a
    /// `disclosure-redacted` entry appended, in one transaction. Gives the index of that entry.
    pub async fn redact_disclosure(
        &self,
        entry: u64,
        field: &str,
        ground: RedactionGround,
        notice: &(dyn Fn(i64) -> String + Sync),
    ) -> StoreResult<Result<u64, Unredactable>> {
        if is_sealed(field) {
            return Ok(Err(Unredactable::NoSuchDisclosure));
        }
        let mut tx = self.write_tx().await?;
        let found: Option<Redactable> = sqlx::query_as(
            "SELECT d.redacted_at, d.clear_text, l.locality_id, l.initiative_id, l.kind, l.detail \
             FROM log_disclosures d JOIN decision_log l ON l.idx = d.entry_index \
             WHERE d.entry_index = $1 AND d.field = $2 AND d.sealed_for IS NULL",
        )
        .bind(entry as i64)
        .bind(field)
        .fetch_optional(&mut *tx)
        .await?;
        let found = match found {
            Some(found) if found.redacted_at.is_none() => found,
            other => {
                let refused = if other.is_some() {
                    Unredactable::AlreadyRedacted
                } else if sqlx::query_scalar::<_, i64>(
                    "SELECT idx FROM decision_log WHERE idx = $1",
                )
                .bind(entry as i64)
                .fetch_optional(&mut *tx)
                .await?
                .is_some()
                {
                    Unredactable::NoSuchDisclosure
                } else {
                    Unredactable::NoSuchEntry
                };
                tx.rollback().await?;
                return Ok(Err(refused));
            }
        };
        let at = tx.at;
        let changed = sqlx::query(
            "UPDATE log_disclosures SET clear_text = NULL, salt = NULL, redacted_at = $1, redaction_reason = $2 \
             WHERE entry_index = $3 AND field = $4 AND redacted_at IS NULL",
        )
        .bind(at)
        .bind(ground.code())
        .bind(entry as i64)
        .bind(field)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return abort(tx, StoreError::Conflict).await;
        }
        if let Some(text) = &found.clear_text {
            replace_copies(&mut tx, &found, field, text, &notice(at)).await?;
        }
        let index = journal::record_platform_decision(
            &mut tx,
            found.locality_id,
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

    /// The names disclosed beside the entries of `kind` (`interests-declared` or `recused`) on
    /// `scope`: what the pages show of the people who declared or stepped aside, so that a
    /// redaction hides a name wherever it was shown. One statement. Entries of the first
    /// encoding named people on the entry itself and disclosed nothing: they are not here, and
    /// the pages name those people as their accounts do.
    pub async fn names_beside(&self, kind: &str, scope: NameScope) -> StoreResult<NamesBeside> {
        self.names_beside_of(kind, scope, None).await
    }

    /// The names beside the entries of `kind` on a page of a locality's `matters` (a large
    /// city's declarations disclosed some 1,900 names; a page shows 20): read from the page's
    /// initiatives' own entries, and, when the page has calls, from the locality's entries
    /// about no initiative (where a call's declarations and recusals are recorded).
    pub async fn names_beside_page(
        &self,
        kind: &str,
        locality_id: i64,
        matters: &[Matter],
    ) -> StoreResult<NamesBeside> {
        let page = PageMatters {
            initiatives: matters.iter().filter_map(|m| m.initiative_id()).collect(),
            calls: matters.iter().any(|m| matches!(m, Matter::Call(_))),
        };
        self.names_beside_of(kind, NameScope::Locality(locality_id), Some(page))
            .await
    }

    async fn names_beside_of(
        &self,
        kind: &str,
        scope: NameScope,
        page: Option<PageMatters>,
    ) -> StoreResult<NamesBeside> {
        // A page's initiatives by their own entries; its calls (if any) by the locality's
        // entries about no initiative (`decision_log_beside`, a partial index).
        let on_page = match &page {
            Some(page) => format!(
                "l.idx IN (SELECT e.idx FROM decision_log e WHERE e.kind = $1 AND e.initiative_id {}{})",
                self.in_ids(2),
                if page.calls {
                    " UNION ALL SELECT e.idx FROM decision_log e \
                     WHERE e.kind = $1 AND e.locality_id = $3 AND e.initiative_id IS NULL"
                } else {
                    ""
                }
            ),
            None => String::new(),
        };
        let (filter, id) = match scope {
            NameScope::Locality(_) if page.is_some() => (on_page.as_str(), 0),
            NameScope::Matter(Matter::Initiative(id)) => ("l.initiative_id = $2", id),
            NameScope::Matter(Matter::Call(id)) => (
                "l.locality_id = (SELECT locality_id FROM calls WHERE id = $2) \
                 AND (l.detail = $3 OR l.detail LIKE $4)",
                id,
            ),
            NameScope::Locality(id) => ("l.locality_id = $2", id),
        };
        let sql = format!(
            "SELECT l.detail, l.person, d.clear_text, d.redacted_at, d.redaction_reason, \
             (SELECT pseudonym_key FROM decision_log_size WHERE id = 1) AS pseudonym_key \
             FROM decision_log l JOIN log_disclosures d ON d.entry_index = l.idx AND d.field = 'person-name' \
             WHERE l.kind = $1 AND {filter} ORDER BY l.idx"
        );
        let mut bound: Vec<crate::read::Arg> = match (page, scope) {
            (Some(page), NameScope::Locality(locality)) => {
                let mut bound = vec![kind.into(), self.id_list(page.initiatives).into()];
                if page.calls {
                    bound.push(locality.into());
                }
                bound
            }
            _ => vec![kind.into(), id.into()],
        };
        if let NameScope::Matter(Matter::Call(call)) = scope {
            bound.push(format!("call:{call}").into());
            bound.push(format!("call:{call} %").into());
        }
        let rows: Vec<NameRow> = self.read_all(&sql, &bound).await?;
        let mut names = NamesBeside::default();
        for row in rows {
            if names.key.is_none() {
                names.key = row
                    .pseudonym_key
                    .as_deref()
                    .and_then(unhex32)
                    .map(PseudonymKey);
            }
            let (Some(detail), Some(person)) = (row.detail.as_deref(), row.person) else {
                continue;
            };
            let (matter, party) = if let Some((matter, party)) = parse_party(detail) {
                (matter, Some(party))
            } else if let Some((matter, _)) = parse_ties(detail) {
                (matter, None)
            } else if let Some(call) = call_of(Some(detail)) {
                // Sealed while the call was open: its parties are beside the log, unread here.
                (Matter::Call(call), None)
            } else {
                continue;
            };
            let name = match (row.clear_text, row.redacted_at) {
                (_, Some(at)) => Named::Redacted(Redacted {
                    at,
                    ground: row
                        .redaction_reason
                        .as_deref()
                        .and_then(RedactionGround::parse),
                }),
                (Some(text), None) => Named::Shown(text),
                (None, None) => continue,
            };
            // Later entries replace earlier ones: a declaration made again names them anew.
            names.by.insert((matter.reference(), person, party), name);
        }
        Ok(names)
    }
}

/// An entry whose disclosure is to be redacted, and where its copies are.
#[derive(FromRow)]
struct Redactable {
    redacted_at: Option<i64>,
    clear_text: Option<String>,
    locality_id: Option<i64>,
    initiative_id: Option<i64>,
    kind: String,
    detail: Option<String>,
}

crate::read::record!(Redactable {
    redacted_at,
    clear_text,
    locality_id,
    initiative_id,
    kind,
    detail
});

/// Replaces the copies of `text`, disclosed in `field` beside `entry`, by `notice` in the
/// working tables that keep one; a copy already changed by a later decision is its own entry's,
/// and is left alone. The names of people are read from beside the log and have no copy; a
/// call's re-run reasons are on the log alone.
async fn replace_copies(
    tx: &mut WriteTx,
    entry: &Redactable,
    field: &str,
    text: &str,
    notice: &str,
) -> StoreResult<()> {
    let detail = entry.detail.as_deref().unwrap_or("");
    let donation = number_after(detail, "donation:").map(|(id, _)| id);
    // Each text has one copy in a row of its own table; the history repeats some.
    let (table, column, id) = match (entry.kind.as_str(), field) {
        ("donation-registered", "donor") => {
            // The donor's organisation, where there is one, goes with the name.
            if let Some(id) = donation {
                sqlx::query(
                    "UPDATE donations SET donor_organisation_id = NULL WHERE id = $1 AND donor_name = $2",
                )
                .bind(id)
                .bind(text)
                .execute(&mut **tx)
                .await?;
            }
            ("donations", "donor_name", donation)
        }
        ("donation-registered", "purpose") => ("donations", "purpose", donation),
        ("donation-checked", "check") => ("donations", "committee_check", donation),
        ("donation-decided", "reasons") => ("donations", "head_reasons", donation),
        ("donation-reported", "report") => ("donations", "council_report", donation),
        ("call-awarded" | "call-cancelled", "reasons") => {
            ("calls", "outcome_reasons", call_of(Some(detail)))
        }
        ("notice-decided", "reasons") => {
            let notice_id = number_after(detail, "notice:").map(|(id, _)| id);
            if let (Some(initiative), Some(notice_id)) = (entry.initiative_id, notice_id) {
                // The history words the outcome with its reasons last.
                let rows: Vec<(i64, String)> = sqlx::query_as(
                    "SELECT id, detail FROM initiative_events WHERE initiative_id = $1 AND kind = 'notice-decided' \
                     AND detail IS NOT NULL",
                )
                .bind(initiative)
                .fetch_all(&mut **tx)
                .await?;
                let prefix = format!("notice:{notice_id} ");
                let suffix = format!(" reasons: {text}");
                for (id, history) in rows {
                    if let Some(head) = history.strip_suffix(&suffix)
                        && history.starts_with(&prefix)
                    {
                        sqlx::query("UPDATE initiative_events SET detail = $1 WHERE id = $2")
                            .bind(format!("{head} reasons: {notice}"))
                            .bind(id)
                            .execute(&mut **tx)
                            .await?;
                    }
                }
            }
            ("competition_notices", "outcome_reasons", notice_id)
        }
        (kind, "reasons") if kind.starts_with("stage-") => {
            if let Some(initiative) = entry.initiative_id {
                sqlx::query(
                    "UPDATE initiative_events SET detail = $1 WHERE initiative_id = $2 AND kind = $3 AND detail = $4",
                )
                .bind(notice)
                .bind(initiative)
                .bind(kind)
                .bind(text)
                .execute(&mut **tx)
                .await?;
            }
            ("initiatives", "stage_reason", entry.initiative_id)
        }
        _ => return Ok(()),
    };
    let Some(id) = id else { return Ok(()) };
    sqlx::query(&format!(
        "UPDATE {table} SET {column} = $1 WHERE id = $2 AND {column} = $3"
    ))
    .bind(notice)
    .bind(id)
    .bind(text)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// When and why a text was redacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Redacted {
    pub at: i64,
    /// `None` only for a ground this version does not know.
    pub ground: Option<RedactionGround>,
}

/// A person's name as disclosed beside an entry: shown, or redacted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    Shown(String),
    Redacted(Redacted),
}

/// The matters of a page of a locality's declarations or recusals.
struct PageMatters {
    initiatives: Vec<i64>,
    /// Whether any is a call.
    calls: bool,
}

/// Where to read names beside the log: one matter's entries, or a locality's.
#[derive(Debug, Clone, Copy)]
pub enum NameScope {
    Matter(Matter),
    Locality(i64),
}

#[derive(FromRow)]
struct NameRow {
    detail: Option<String>,
    person: Option<String>,
    clear_text: Option<String>,
    redacted_at: Option<i64>,
    redaction_reason: Option<String>,
    pseudonym_key: Option<String>,
}

crate::read::record!(NameRow {
    detail,
    person,
    clear_text,
    redacted_at,
    redaction_reason,
    pseudonym_key
});

/// The names disclosed beside declarations' or recusals' entries, by matter, pseudonym and (for
/// a recusal whose party the entry says) party.
#[derive(Debug, Default)]
pub struct NamesBeside {
    key: Option<PseudonymKey>,
    by: HashMap<(String, String, Option<i64>), Named>,
}

impl NamesBeside {
    /// The name disclosed for `user`'s latest entry on `matter` (about `party`, for a recusal),
    /// if the log disclosed one.
    pub fn of(&self, matter: Matter, user: i64, party: Option<i64>) -> Option<&Named> {
        let pseudonym = self.key.as_ref()?.pseudonym(user);
        let reference = matter.reference();
        self.by
            .get(&(reference.clone(), pseudonym.clone(), party))
            .or_else(|| self.by.get(&(reference, pseudonym, None)))
    }

    /// The name to show for `user` (their account's name when the log disclosed none) and the
    /// redaction that hides it, if any.
    pub fn shown(
        &self,
        matter: Matter,
        user: i64,
        party: Option<i64>,
        account_name: String,
    ) -> (String, Option<Redacted>) {
        match self.of(matter, user, party) {
            Some(Named::Shown(name)) => (name.clone(), None),
            Some(Named::Redacted(redacted)) => (String::new(), Some(*redacted)),
            None => (account_name, None),
        }
    }
}
