//! The journal in storage: the one path by which something that happened is recorded.
//!
//! An event of an initiative ([`record`]) goes to the initiative's history (bumping its revision
//! and last activity) and, when it is a decision, to the public decision log, in the caller's
//! transaction. A decision about a locality's matter that is not a change of an initiative (a
//! call, a donation, a recusal: [`record_decision`]) goes to the log alone. The entry's kind and
//! detail come from the domain's [`Event`], their only author; the person is named only where
//! the kind says the law makes their part public.
//!
//! [`guarded`] is the other half of most changes: a write conditioned on what the caller read (a
//! revision, a status), which fails with `Conflict` when someone changed the row meanwhile.

use shutaf_domain::journal::{Actor, Event, Place};
use sqlx::AnyConnection;
use sqlx::any::AnyArguments;
use sqlx::query::Query;

use crate::initiatives::{Acting, BUSINESS_PARTNER};
use crate::{StoreError, StoreResult, WriteTx};

/// Records an event of initiative `id` within the caller's transaction: a row of its history,
/// its revision and last activity, and for a decision the log entry. Gives the initiative's
/// locality.
pub(crate) async fn record(
    conn: &mut WriteTx,
    id: i64,
    acting: Acting,
    event: &Event,
) -> StoreResult<i64> {
    record_change(conn, id, acting, event, Change::NONE, |statement| statement).await
}

/// Columns of the initiative that change with an event, written by the journal's own statement
/// (one statement, not two) on a condition.
pub(crate) struct Change<'a> {
    /// Assignments, such as `stage = $3`; their placeholders start at `$3`.
    pub set: &'a str,
    /// A further condition, such as `AND revision = $5`; when it fails, `Conflict`.
    pub guard: &'a str,
}

impl Change<'_> {
    pub(crate) const NONE: Change<'static> = Change { set: "", guard: "" };
}

/// [`record`], with the initiative's own `change` made in the same statement; `bind` binds its
/// placeholders (from `$3`). `Conflict` when the guard fails, `NotFound` when there is no such
/// initiative.
pub(crate) async fn record_change(
    conn: &mut WriteTx,
    id: i64,
    acting: Acting,
    event: &Event,
    change: Change<'_>,
    bind: impl for<'s> FnOnce(Statement<'s>) -> Statement<'s>,
) -> StoreResult<i64> {
    let at = conn.at;
    let set = if change.set.is_empty() {
        String::new()
    } else {
        format!("{}, ", change.set)
    };
    // Every change passes here, partners' included: the portal's flag is kept in the same
    // statement.
    let sql = format!(
        "UPDATE initiatives SET {set}revision = revision + 1, updated_at = $1, last_activity_at = $1, \
         business_partner = {BUSINESS_PARTNER} WHERE id = $2 {} RETURNING locality_id",
        change.guard
    );
    let row = bind(sqlx::query(&sql).bind(at).bind(id))
        .fetch_optional(&mut **conn)
        .await?;
    let locality: i64 = match row {
        Some(row) => sqlx::Row::try_get(&row, 0)?,
        None if change.guard.is_empty() => return Err(StoreError::NotFound),
        None => return Err(StoreError::Conflict),
    };
    history(conn, id, acting, event, at).await?;
    if event.is_decision() {
        record_decision(conn, locality, Some(id), acting, event).await?;
    }
    Ok(locality)
}

/// Records the proposal of a new initiative (there is no revision to bump yet): the log entry,
/// then the first row of its history, in the name of the initiator.
pub(crate) async fn record_proposal(
    conn: &mut WriteTx,
    id: i64,
    locality: i64,
    initiator: i64,
    acting: Acting,
    at: i64,
) -> StoreResult<()> {
    record_decision(conn, locality, Some(id), acting, &Event::Proposed).await?;
    history(
        conn,
        id,
        acting.for_organisation(initiator),
        &Event::Proposed,
        at,
    )
    .await
}

async fn history(
    conn: &mut AnyConnection,
    id: i64,
    acting: Acting,
    event: &Event,
    at: i64,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO initiative_events (initiative_id, kind, organisation_id, user_id, detail, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(event.kind().code())
    .bind(acting.organisation_id)
    .bind(acting.user_id)
    .bind(event.history_detail())
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Appends a decision on a matter of `locality` to the public log, within the caller's
/// transaction, in the name of the acting organisation and person (by pseudonym; by name too,
/// beside the log, where the kind names the person). Gives the entry's index.
pub(crate) async fn record_decision(
    conn: &mut WriteTx,
    locality: i64,
    initiative: Option<i64>,
    acting: Acting,
    event: &Event,
) -> StoreResult<u64> {
    debug_assert!(event.is_decision(), "{event:?} is not a decision");
    let name: Option<String> = if event.kind().names_person() {
        sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
            .bind(acting.user_id)
            .fetch_optional(&mut **conn)
            .await?
    } else {
        None
    };
    let actor = Actor {
        organisation_id: acting.organisation_id,
        user_id: Some(acting.user_id),
        name,
    };
    append_decision(conn, locality, initiative, actor, event).await
}

/// Appends a decision of the platform itself (a redaction): it names no organisation and no
/// person. Gives the entry's index.
pub(crate) async fn record_platform_decision(
    conn: &mut WriteTx,
    locality: Option<i64>,
    event: &Event,
) -> StoreResult<u64> {
    let at = conn.at;
    crate::decision_log::append(
        conn,
        at,
        &crate::Decision {
            event,
            place: Place {
                locality_id: locality,
                initiative_id: None,
            },
            actor: Actor::default(),
            seed: rand::random(),
        },
    )
    .await
}

async fn append_decision(
    conn: &mut WriteTx,
    locality: i64,
    initiative: Option<i64>,
    actor: Actor,
    event: &Event,
) -> StoreResult<u64> {
    let at = conn.at;
    crate::decision_log::append(
        conn,
        at,
        &crate::Decision {
            event,
            place: Place {
                locality_id: Some(locality),
                initiative_id: initiative,
            },
            actor,
            // The salts of what the entry withholds: fresh for every decision.
            seed: rand::random(),
        },
    )
    .await
}

/// A statement of the sqlx `Any` driver with its arguments bound.
pub(crate) type Statement<'q> = Query<'q, sqlx::Any, AnyArguments<'q>>;

/// Runs a write conditioned on what the caller read (`... AND revision = $n`, `... AND status =
/// 'open'`) and gives the transaction back to go on with. When it changed nothing, someone
/// changed the row first (or it is gone): the transaction is rolled back and `error` given.
pub(crate) async fn guarded(
    mut tx: crate::WriteTx,
    statement: Statement<'_>,
    error: StoreError,
) -> StoreResult<crate::WriteTx> {
    if statement.execute(&mut *tx).await?.rows_affected() == 0 {
        return crate::abort(tx, error).await;
    }
    Ok(tx)
}
