//! Open calls: drafts, publication, applications with attachments, evaluators' scores, the
//! award (or cancellation, or a re-run), and the initiative a call can end in.
//!
//! Publication, each application received, each evaluator's scoring, the award, a
//! cancellation and a re-run are decisions, logged in the transaction that records them. Scores
//! themselves are published with the results, after the award.

use serde::Serialize;
use shutaf_domain::Language;
use shutaf_domain::call::{CallStatus, Phase};
use shutaf_domain::call::{Ranked, Score, Weight, aggregate};
use shutaf_domain::disclosure::SealedFor;
use shutaf_domain::journal::{Event, Standing};
use sqlx::FromRow;

use crate::organisations::pick_name;
use crate::read::args;
use crate::{
    Acting, Db, NewInitiative, StoreError, StoreResult, abort, journal, random_token, token_hash,
};

/// A call as stored.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Call {
    pub id: i64,
    pub locality_id: i64,
    pub lang: String,
    pub title: String,
    pub purpose: String,
    pub sought: String,
    pub eligibility: String,
    pub deadline_at: i64,
    #[sqlx(try_from = "String")]
    pub status: CallStatus,
    pub published_at: Option<i64>,
    pub awarded_application_id: Option<i64>,
    pub outcome_reasons: Option<String>,
    pub decided_at: Option<i64>,
    pub initiative_id: Option<i64>,
    pub created_by: i64,
    pub created_at: i64,
    pub revision: i64,
    #[sqlx(skip)]
    pub criteria: Vec<Criterion>,
    #[sqlx(skip)]
    pub goal_ids: Vec<i64>,
    #[sqlx(skip)]
    pub evaluators: Vec<Evaluator>,
}

crate::read::record!(Call { id, locality_id, lang, title, purpose, sought, eligibility, deadline_at, status: try_from String, published_at, awarded_application_id, outcome_reasons, decided_at, initiative_id, created_by, created_at, revision, criteria: skip, goal_ids: skip, evaluators: skip });

impl Call {
    pub fn phase(&self, now: i64) -> Phase {
        Phase::of(self.status, self.deadline_at, now)
    }

    pub fn is_evaluator(&self, user_id: i64) -> bool {
        self.evaluators.iter().any(|e| e.user_id == user_id)
    }
}

/// A call in a list, with how many applied.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct CallSummary {
    pub id: i64,
    pub locality_id: i64,
    pub lang: String,
    pub title: String,
    pub deadline_at: i64,
    #[sqlx(try_from = "String")]
    pub status: CallStatus,
    pub published_at: Option<i64>,
    pub awarded_application_id: Option<i64>,
    pub applications: i64,
    /// The winner's names, once awarded.
    pub winner_he: Option<String>,
    pub winner_ar: Option<String>,
    pub winner_en: Option<String>,
}

crate::read::record!(CallSummary { id, locality_id, lang, title, deadline_at, status: try_from String, published_at, awarded_application_id, applications, winner_he, winner_ar, winner_en });

impl CallSummary {
    /// The winner's name, once awarded.
    pub fn winner(&self, lang: Language) -> Option<&str> {
        self.awarded_application_id
            .map(|_| pick_name([&self.winner_he, &self.winner_ar, &self.winner_en], lang))
    }
}

/// The columns of a [`CallSummary`] from `calls c`.
const SUMMARY_COLUMNS: &str = "c.id, c.locality_id, c.lang, c.title, c.deadline_at, c.status, c.published_at, c.awarded_application_id, \
    (SELECT COUNT(*) FROM call_applications a WHERE a.call_id = c.id) AS applications, \
    w.name_he AS winner_he, w.name_ar AS winner_ar, w.name_en AS winner_en";

/// Joins the winner of `calls c` as `w`.
const WINNER_JOIN: &str = "LEFT JOIN call_applications wa ON wa.id = c.awarded_application_id \
    LEFT JOIN organisations w ON w.id = wa.organisation_id";

/// A weighted criterion.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Criterion {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    pub weight: i64,
}

crate::read::record!(Criterion {
    id,
    name,
    description,
    weight
});

/// An evaluator of a call.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Evaluator {
    pub user_id: i64,
    pub display_name: String,
}

crate::read::record!(Evaluator {
    user_id,
    display_name
});

/// A call as written by the convener.
#[derive(Debug, Clone, Default)]
pub struct NewCall {
    pub locality_id: i64,
    pub lang: String,
    pub title: String,
    pub purpose: String,
    pub sought: String,
    pub eligibility: String,
    pub deadline_at: i64,
    /// Name, description, weight.
    pub criteria: Vec<(String, Option<String>, i64)>,
    pub goal_ids: Vec<i64>,
    /// Evaluators named directly by the store's own callers (the demo, tests): the hub's pages
    /// and API never do, they `invite`.
    pub evaluator_ids: Vec<i64>,
    /// The addresses of the people asked to evaluate (lower-case). Those not yet evaluators get
    /// an invitation; open invitations and evaluators for addresses no longer listed go.
    pub invite: Vec<String>,
}

/// An invitation to evaluate a call, as mailed: the address and the secret of its link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluatorInvitation {
    pub email: String,
    pub token: String,
}

/// An application to a call.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Application {
    pub id: i64,
    pub call_id: i64,
    pub organisation_id: i64,
    pub name_he: Option<String>,
    pub name_ar: Option<String>,
    pub name_en: Option<String>,
    pub summary: String,
    pub proposal: String,
    pub submitted_at: i64,
}

crate::read::record!(Application {
    id,
    call_id,
    organisation_id,
    name_he,
    name_ar,
    name_en,
    summary,
    proposal,
    submitted_at
});

impl Application {
    pub fn name(&self, lang: Language) -> &str {
        pick_name([&self.name_he, &self.name_ar, &self.name_en], lang)
    }
}

/// One evaluator's score of one application on one criterion, with the reason.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct ScoreRecord {
    pub application_id: i64,
    pub criterion_id: i64,
    pub evaluator_id: i64,
    pub evaluator: String,
    pub score: i64,
    pub reason: String,
    pub scored_at: i64,
}

crate::read::record!(ScoreRecord {
    application_id,
    criterion_id,
    evaluator_id,
    evaluator,
    score,
    reason,
    scored_at
});

/// An attachment's particulars (its bytes are fetched on their own).
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Attachment {
    pub id: i64,
    pub call_id: i64,
    pub application_id: Option<i64>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: i64,
}

crate::read::record!(Attachment {
    id,
    call_id,
    application_id,
    file_name,
    content_type,
    size_bytes,
    sha256,
    uploaded_at
});

const CALL_COLUMNS: &str = "id, locality_id, lang, title, purpose, sought, eligibility, deadline_at, status, published_at, \
    awarded_application_id, outcome_reasons, decided_at, initiative_id, created_by, created_at, revision";

async fn write_parts(
    conn: &mut crate::WriteTx,
    id: i64,
    call: &NewCall,
    invited_by: i64,
) -> StoreResult<Vec<EvaluatorInvitation>> {
    for table in ["call_criteria", "call_goals"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE call_id = $1"))
            .bind(id)
            .execute(&mut **conn)
            .await?;
    }
    for (position, (name, description, weight)) in call.criteria.iter().enumerate() {
        sqlx::query(
            "INSERT INTO call_criteria (call_id, position, name, description, weight) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(name)
        .bind(description.as_deref())
        .bind(weight)
        .execute(&mut **conn)
        .await?;
    }
    for goal in &call.goal_ids {
        sqlx::query("INSERT INTO call_goals (call_id, goal_id) VALUES ($1, $2)")
            .bind(id)
            .bind(goal)
            .execute(&mut **conn)
            .await?;
    }
    // Evaluators stay while asked for (by address, or directly); the others go.
    let evaluators: Vec<(i64, String)> = sqlx::query_as(
        "SELECT e.user_id, u.email FROM call_evaluators e JOIN users u ON u.id = e.user_id WHERE e.call_id = $1",
    )
    .bind(id)
    .fetch_all(&mut **conn)
    .await?;
    for (user, email) in &evaluators {
        if !call.evaluator_ids.contains(user) && !call.invite.contains(email) {
            sqlx::query("DELETE FROM call_evaluators WHERE call_id = $1 AND user_id = $2")
                .bind(id)
                .bind(user)
                .execute(&mut **conn)
                .await?;
        }
    }
    for user in &call.evaluator_ids {
        sqlx::query(
            "INSERT INTO call_evaluators (call_id, user_id) VALUES ($1, $2) ON CONFLICT (call_id, user_id) DO NOTHING",
        )
        .bind(id)
        .bind(user)
        .execute(&mut **conn)
        .await?;
    }
    // Open invitations for addresses no longer asked are withdrawn; new addresses are asked.
    let open: Vec<String> =
        sqlx::query_scalar("SELECT email FROM call_evaluator_invitations WHERE call_id = $1")
            .bind(id)
            .fetch_all(&mut **conn)
            .await?;
    for email in open.iter().filter(|e| !call.invite.contains(e)) {
        sqlx::query("DELETE FROM call_evaluator_invitations WHERE call_id = $1 AND email = $2")
            .bind(id)
            .bind(email)
            .execute(&mut **conn)
            .await?;
    }
    let mut invited = Vec::new();
    let at = conn.at;
    for email in &call.invite {
        if open.contains(email) || evaluators.iter().any(|(_, e)| e == email) {
            continue;
        }
        let token = random_token();
        sqlx::query(
            "INSERT INTO call_evaluator_invitations (call_id, email, token_hash, invited_by, invited_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(email)
        .bind(token_hash(&token))
        .bind(invited_by)
        .bind(at)
        .execute(&mut **conn)
        .await?;
        invited.push(EvaluatorInvitation {
            email: email.clone(),
            token,
        });
    }
    Ok(invited)
}

impl Db {
    /// Writes a draft call; gives its id.
    pub async fn create_call(&self, call: &NewCall, acting: Acting) -> StoreResult<i64> {
        Ok(self.create_call_inviting(call, acting).await?.0)
    }

    /// Writes a draft call and the invitations of its evaluators, in one transaction; gives its
    /// id and the invitations to mail.
    pub async fn create_call_inviting(
        &self,
        call: &NewCall,
        acting: Acting,
    ) -> StoreResult<(i64, Vec<EvaluatorInvitation>)> {
        let mut tx = self.write_tx().await?;
        let at = tx.at;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO calls (locality_id, lang, title, purpose, sought, eligibility, deadline_at, status, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9) RETURNING id",
        )
        .bind(call.locality_id)
        .bind(&call.lang)
        .bind(&call.title)
        .bind(&call.purpose)
        .bind(&call.sought)
        .bind(&call.eligibility)
        .bind(call.deadline_at)
        .bind(acting.user_id)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let invited = write_parts(&mut tx, id, call, acting.user_id).await?;
        tx.commit().await?;
        Ok((id, invited))
    }

    /// Rewrites a draft call (a published call is on the record and does not change).
    pub async fn update_call(&self, id: i64, call: &NewCall) -> StoreResult<()> {
        let by: i64 = self
            .read_scalar_optional("SELECT created_by FROM calls WHERE id = $1", args![id])
            .await?
            .ok_or(StoreError::NotFound)?;
        self.update_call_inviting(id, call, by).await.map(drop)
    }

    /// Rewrites a draft call and its evaluators' invitations (`invited_by` asks the new ones),
    /// in one transaction; gives the invitations to mail.
    pub async fn update_call_inviting(
        &self,
        id: i64,
        call: &NewCall,
        invited_by: i64,
    ) -> StoreResult<Vec<EvaluatorInvitation>> {
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(
            tx,
            sqlx::query(
                "UPDATE calls SET lang = $1, title = $2, purpose = $3, sought = $4, eligibility = $5, deadline_at = $6, \
                 revision = revision + 1 WHERE id = $7 AND status = 'draft'",
            )
            .bind(&call.lang)
            .bind(&call.title)
            .bind(&call.purpose)
            .bind(&call.sought)
            .bind(&call.eligibility)
            .bind(call.deadline_at)
            .bind(id),
            StoreError::Conflict,
        )
        .await?;
        let invited = write_parts(&mut tx, id, call, invited_by).await?;
        tx.commit().await?;
        Ok(invited)
    }

    /// Accepts an invitation to evaluate: the person whose address it was sent to becomes an
    /// evaluator of the call. Gives the call, or `None` when the link is not (or no longer)
    /// valid, or was sent to another address.
    pub async fn accept_evaluator_invitation(
        &self,
        token: &str,
        user: &crate::User,
    ) -> StoreResult<Option<i64>> {
        let mut tx = self.write_tx().await?;
        let call: Option<i64> = sqlx::query_scalar(
            "DELETE FROM call_evaluator_invitations WHERE token_hash = $1 AND email = $2 RETURNING call_id",
        )
        .bind(token_hash(token))
        .bind(user.email.to_lowercase())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(call) = call else {
            return Ok(None);
        };
        sqlx::query(
            "INSERT INTO call_evaluators (call_id, user_id) VALUES ($1, $2) ON CONFLICT (call_id, user_id) DO NOTHING",
        )
        .bind(call)
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(call))
    }

    /// The call an invitation to evaluate is for, if its link is still open.
    pub async fn evaluator_invitation(&self, token: &str) -> StoreResult<Option<(i64, String)>> {
        self.read_optional(
            "SELECT call_id, email FROM call_evaluator_invitations WHERE token_hash = $1",
            args![token_hash(token)],
        )
        .await
    }

    /// The addresses asked to evaluate a call who have not accepted yet (for its convener).
    pub async fn invited_evaluators(&self, call_id: i64) -> StoreResult<Vec<String>> {
        self.read_column(
            "SELECT email FROM call_evaluator_invitations WHERE call_id = $1 ORDER BY email",
            args![call_id],
        )
        .await
    }

    /// A call with its criteria, goals and evaluators.
    pub async fn call(&self, id: i64) -> StoreResult<Option<Call>> {
        let Some(mut call): Option<Call> = self
            .read_optional(
                &format!("SELECT {CALL_COLUMNS} FROM calls WHERE id = $1"),
                args![id],
            )
            .await?
        else {
            return Ok(None);
        };
        call.criteria = self.read_all("SELECT id, name, description, weight FROM call_criteria WHERE call_id = $1 ORDER BY position", args![id]).await?;
        call.goal_ids = self
            .read_column(
                "SELECT goal_id FROM call_goals WHERE call_id = $1 ORDER BY goal_id",
                args![id],
            )
            .await?;
        call.evaluators = self.read_all("SELECT e.user_id, u.display_name FROM call_evaluators e JOIN users u ON u.id = e.user_id \
             WHERE e.call_id = $1 ORDER BY u.display_name, e.user_id", args![id]).await?;
        Ok(Some(call))
    }

    /// The calls of a locality, newest first, a page at a time (drafts only when asked).
    pub async fn calls_of_locality(
        &self,
        locality_id: i64,
        with_drafts: bool,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<CallSummary>> {
        self.read_all(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM calls c {WINNER_JOIN} \
             WHERE c.locality_id = $1 AND ($2 = 1 OR c.status <> 'draft') ORDER BY c.id DESC LIMIT $3 OFFSET $4"
        ), args![locality_id, i64::from(with_drafts), limit, offset]).await
    }

    /// The calls a person evaluates, newest first.
    pub async fn calls_evaluated_by(&self, user_id: i64) -> StoreResult<Vec<CallSummary>> {
        self.read_all(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM calls c JOIN call_evaluators e ON e.call_id = c.id {WINNER_JOIN} \
             WHERE e.user_id = $1 AND c.status <> 'draft' ORDER BY c.id DESC LIMIT 100"
        ), args![user_id]).await
    }

    /// Publishes a draft: from now on organisations may apply until the deadline.
    pub async fn publish_call(&self, id: i64, acting: Acting) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let at = tx.at;
        let row: Option<(i64, i64)> = sqlx::query_as(
            "UPDATE calls SET status = 'open', published_at = $1, revision = revision + 1 WHERE id = $2 AND status = 'draft' \
             RETURNING locality_id, deadline_at",
        )
        .bind(at)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((locality_id, deadline_at)) = row else {
            return abort(tx, StoreError::Conflict).await;
        };
        let weights: Vec<(String, i64)> = sqlx::query_as(
            "SELECT name, weight FROM call_criteria WHERE call_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let event = Event::CallPublished {
            call: id,
            deadline_at,
            criteria: weights,
        };
        journal::record_decision(&mut tx, locality_id, None, acting, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// An organisation applies (or replaces its application) while the call accepts; after the
    /// deadline the store refuses with `Conflict`, whatever the page showed.
    pub async fn apply_to_call(
        &self,
        call_id: i64,
        organisation_id: i64,
        summary: &str,
        proposal: &str,
        acting: Acting,
    ) -> StoreResult<i64> {
        self.apply_to_call_with_files(call_id, organisation_id, summary, proposal, &[], acting)
            .await
    }

    /// An application with its files, in one transaction (see [`Db::apply_to_call`]).
    pub async fn apply_to_call_with_files(
        &self,
        call_id: i64,
        organisation_id: i64,
        summary: &str,
        proposal: &str,
        files: &[NewAttachment<'_>],
        acting: Acting,
    ) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let at = tx.at;
        let call: Option<(i64, String, i64)> =
            sqlx::query_as("SELECT locality_id, status, deadline_at FROM calls WHERE id = $1")
                .bind(call_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((locality_id, status, deadline_at)) = call else {
            return abort(tx, StoreError::NotFound).await;
        };
        if status != "open" || at >= deadline_at {
            return abort(tx, StoreError::Conflict).await;
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO call_applications (call_id, organisation_id, summary, proposal, submitted_by, submitted_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (call_id, organisation_id) DO UPDATE SET summary = excluded.summary, \
             proposal = excluded.proposal, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at RETURNING id",
        )
        .bind(call_id)
        .bind(organisation_id)
        .bind(summary)
        .bind(proposal)
        .bind(acting.user_id)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        // The application and its files are one action: all kept, or none.
        if let Err(e) = insert_attachments(&mut tx, call_id, Some(id), files, acting).await {
            return abort(tx, e).await;
        }
        journal::record_decision(
            &mut tx,
            locality_id,
            None,
            acting.for_organisation(organisation_id),
            &Event::ApplicationReceived {
                call: call_id,
                application: id,
                organisation: organisation_id,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The applications to a call, in the order they came.
    pub async fn applications(&self, call_id: i64) -> StoreResult<Vec<Application>> {
        self.read_all("SELECT a.id, a.call_id, a.organisation_id, o.name_he, o.name_ar, o.name_en, a.summary, a.proposal, a.submitted_at \
             FROM call_applications a JOIN organisations o ON o.id = a.organisation_id WHERE a.call_id = $1 ORDER BY a.id", args![call_id]).await
    }

    /// Keeps one file of a call (no application) or of an application.
    pub async fn add_attachment(
        &self,
        call_id: i64,
        application_id: Option<i64>,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
        acting: Acting,
    ) -> StoreResult<i64> {
        let file = NewAttachment {
            file_name,
            content_type,
            bytes,
        };
        let ids = self
            .add_attachments(call_id, application_id, &[file], acting)
            .await?;
        Ok(ids[0])
    }

    /// Keeps the files of a call (no application) or of an application, all or none. An
    /// application's files are counted against its limit in the same transaction
    /// (`LimitReached` beyond five), so uploads made at once cannot together pass it.
    pub async fn add_attachments(
        &self,
        call_id: i64,
        application_id: Option<i64>,
        files: &[NewAttachment<'_>],
        acting: Acting,
    ) -> StoreResult<Vec<i64>> {
        let mut tx = self.write_tx().await?;
        let ids = match insert_attachments(&mut tx, call_id, application_id, files, acting).await {
            Ok(ids) => ids,
            Err(e) => return abort(tx, e).await,
        };
        tx.commit().await?;
        Ok(ids)
    }

    /// The attachments of a call and of its applications.
    pub async fn attachments(&self, call_id: i64) -> StoreResult<Vec<Attachment>> {
        self.read_all("SELECT id, call_id, application_id, file_name, content_type, size_bytes, sha256, uploaded_at FROM attachments \
             WHERE call_id = $1 ORDER BY id", args![call_id]).await
    }

    /// An attachment with its bytes.
    pub async fn attachment(&self, id: i64) -> StoreResult<Option<(Attachment, Vec<u8>)>> {
        #[derive(FromRow)]
        struct Row {
            #[sqlx(flatten)]
            attachment: Attachment,
            content: Vec<u8>,
        }

        crate::read::record!(Row {
            attachment: flatten,
            content
        });
        let row: Option<Row> = self.read_optional("SELECT id, call_id, application_id, file_name, content_type, size_bytes, sha256, uploaded_at, content \
             FROM attachments WHERE id = $1", args![id]).await?;
        Ok(row.map(|r| (r.attachment, r.content)))
    }

    /// An evaluator's scores of one application, every criterion at once, with reasons.
    pub async fn score_application(
        &self,
        call: &Call,
        application_id: i64,
        scores: &[(i64, i64, String)],
        acting: Acting,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let at = tx.at;
        // Scoring ends with the award: the status is checked inside the transaction, the call's
        // row locked as the award locks it (the scores are sealed for the award to open).
        let status: Option<String> = sqlx::query_scalar(
            "UPDATE calls SET revision = revision WHERE id = $1 RETURNING status",
        )
        .bind(call.id)
        .fetch_optional(&mut *tx)
        .await?;
        if status.as_deref() != Some("open") {
            return abort(tx, StoreError::Conflict).await;
        }
        for (criterion_id, score, reason) in scores {
            sqlx::query(
                "INSERT INTO call_scores (application_id, criterion_id, evaluator_id, score, reason, scored_at) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (application_id, criterion_id, evaluator_id) DO UPDATE SET score = excluded.score, reason = excluded.reason, \
                 scored_at = excluded.scored_at",
            )
            .bind(application_id)
            .bind(criterion_id)
            .bind(acting.user_id)
            .bind(score)
            .bind(reason)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        journal::record_decision(
            &mut tx,
            call.locality_id,
            None,
            acting,
            &Event::ApplicationScored {
                call: call.id,
                application: application_id,
                scores: scores.iter().map(|(c, score, _)| (*c, *score)).collect(),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The results of a call's applications: the evaluators' scores aggregated by the call's
    /// weights, ranked.
    pub async fn call_results(
        &self,
        call: &Call,
        applications: &[Application],
    ) -> StoreResult<Vec<Ranked>> {
        let scores: Vec<Score> = self
            .scores(call.id)
            .await?
            .iter()
            .map(|s| Score {
                application_id: s.application_id,
                criterion_id: s.criterion_id,
                evaluator_id: s.evaluator_id,
                score: s.score,
            })
            .collect();
        let weights: Vec<Weight> = call
            .criteria
            .iter()
            .map(|c| Weight {
                criterion_id: c.id,
                weight: c.weight,
            })
            .collect();
        let ids: Vec<i64> = applications.iter().map(|a| a.id).collect();
        Ok(aggregate(&ids, &weights, &scores))
    }

    /// Every score of a call with the evaluator's name and reason.
    pub async fn scores(&self, call_id: i64) -> StoreResult<Vec<ScoreRecord>> {
        self.read_all("SELECT s.application_id, s.criterion_id, s.evaluator_id, u.display_name AS evaluator, s.score, s.reason, s.scored_at \
             FROM call_scores s JOIN call_applications a ON a.id = s.application_id JOIN users u ON u.id = s.evaluator_id \
             WHERE a.call_id = $1 ORDER BY s.application_id, s.criterion_id, u.display_name", args![call_id]).await
    }

    /// The convener awards the call to an application, with reasons; `detail` carries the
    /// aggregated results into the log.
    pub async fn award_call(
        &self,
        call: &Call,
        application: &Application,
        reasons: &str,
        results: &[Ranked],
        acting: Acting,
    ) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(
            tx,
            sqlx::query(
                "UPDATE calls SET status = 'awarded', awarded_application_id = $1, outcome_reasons = $2, decided_at = $3, \
                 revision = revision + 1 WHERE id = $4 AND status = 'open' AND deadline_at <= $3 AND revision = $5",
            )
            .bind(application.id)
            .bind(reasons)
            .bind(self.now())
            .bind(call.id)
            .bind(call.revision),
            StoreError::Conflict,
        )
        .await?;
        // Who applied, the scores and the declarations' parties go on the record now.
        let sealed = crate::decision_log::unseal(&mut tx, SealedFor::Call(call.id)).await?;
        let event = Event::CallAwarded {
            call: call.id,
            application: application.id,
            organisation: application.organisation_id,
            results: results.iter().map(Standing::from).collect(),
            reasons: reasons.to_owned(),
            openings: sealed.iter().map(|w| w.opening()).collect(),
        };
        journal::record_decision(&mut tx, call.locality_id, None, acting, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The convener ends the call without an award, with reasons.
    pub async fn cancel_call(&self, call: &Call, reasons: &str, acting: Acting) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(
            tx,
            sqlx::query(
                "UPDATE calls SET status = 'cancelled', outcome_reasons = $1, decided_at = $2, revision = revision + 1 \
                 WHERE id = $3 AND status = 'open' AND revision = $4",
            )
            .bind(reasons)
            .bind(self.now())
            .bind(call.id)
            .bind(call.revision),
            StoreError::Conflict,
        )
        .await?;
        let sealed = crate::decision_log::unseal(&mut tx, SealedFor::Call(call.id)).await?;
        let event = Event::CallCancelled {
            call: call.id,
            reasons: reasons.to_owned(),
            openings: sealed.iter().map(|w| w.opening()).collect(),
        };
        journal::record_decision(&mut tx, call.locality_id, None, acting, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The convener re-runs a call past its deadline: a new deadline, with reasons. The
    /// applications stay; evaluators may score again.
    pub async fn rerun_call(
        &self,
        call: &Call,
        deadline_at: i64,
        reasons: &str,
        acting: Acting,
    ) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(
            tx,
            sqlx::query(
                "UPDATE calls SET deadline_at = $1, revision = revision + 1 WHERE id = $2 AND status = 'open' AND revision = $3",
            )
            .bind(deadline_at)
            .bind(call.id)
            .bind(call.revision),
            StoreError::Conflict,
        )
        .await?;
        let event = Event::CallRerun {
            call: call.id,
            deadline_at,
            reasons: reasons.to_owned(),
        };
        journal::record_decision(&mut tx, call.locality_id, None, acting, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// An awarded call becomes an initiative: the convener proposes it, the winner joins as a
    /// partner, and the call's history stays linked. Gives the new initiative's id.
    pub async fn initiative_from_call(
        &self,
        call: &Call,
        new: &NewInitiative,
        winner_organisation_id: i64,
        acting: Acting,
    ) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let linked: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT initiative_id FROM calls WHERE id = $1 AND status = 'awarded'",
        )
        .bind(call.id)
        .fetch_optional(&mut *tx)
        .await?;
        if !matches!(linked, Some(None)) {
            return abort(tx, StoreError::Conflict).await;
        }
        let (id, _) = crate::initiatives::create_initiative_in(&mut tx, new, acting).await?;
        sqlx::query("UPDATE calls SET initiative_id = $1 WHERE id = $2")
            .bind(id)
            .bind(call.id)
            .execute(&mut *tx)
            .await?;
        if winner_organisation_id != new.initiator_organisation_id {
            let at = tx.at;
            sqlx::query(
                "INSERT INTO initiative_partners (initiative_id, organisation_id, status, created_at, joined_at) VALUES ($1, $2, 'active', $3, $3)",
            )
            .bind(id)
            .bind(winner_organisation_id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            journal::record(
                &mut tx,
                id,
                acting.for_organisation(winner_organisation_id),
                &Event::PartnerJoined {
                    call: Some(call.id),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The call an initiative came from, if any.
    pub async fn call_of_initiative(&self, initiative_id: i64) -> StoreResult<Option<i64>> {
        self.read_scalar_optional(
            "SELECT id FROM calls WHERE initiative_id = $1",
            args![initiative_id],
        )
        .await
    }
}

impl Db {
    /// An evaluator (or one of the convener's staff) declares on a call; a tie with an applicant
    /// is a recusal, recorded and logged. Gives the applicants they stepped aside from.
    pub async fn declare_on_call(
        &self,
        call: &Call,
        declaration: &crate::integrity::NewDeclaration,
        parties: &[i64],
        acting: Acting,
    ) -> StoreResult<Vec<i64>> {
        let mut tx = self.write_tx().await?;
        let recused = crate::integrity::declare_in(
            &mut tx,
            crate::integrity::Matter::Call(call.id),
            call.locality_id,
            declaration,
            parties,
            acting,
        )
        .await?;
        tx.commit().await?;
        Ok(recused)
    }
}

impl Db {
    /// The evaluators' e-mail addresses (for the convener's form only).
    pub async fn evaluator_emails(&self, call_id: i64) -> StoreResult<Vec<String>> {
        self.read_column("SELECT u.email FROM call_evaluators e JOIN users u ON u.id = e.user_id WHERE e.call_id = $1 ORDER BY u.email", args![call_id]).await
    }
}

impl Db {
    /// A page of a locality's published calls, newest first, each with its criteria, goals,
    /// evaluators, applications and attachments: six queries, whatever the number of calls.
    pub async fn published_calls_in_full(
        &self,
        locality_id: i64,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<(Call, Vec<Application>, Vec<Attachment>)>> {
        let calls: Vec<Call> = self.read_all(&format!(
            "SELECT {CALL_COLUMNS} FROM calls WHERE locality_id = $1 AND status <> 'draft' ORDER BY id DESC LIMIT $2 OFFSET $3"
        ), args![locality_id, limit, offset]).await?;
        self.calls_in_full(calls).await
    }

    /// A locality's published calls with ids from `from_id` to `to_id`, oldest first, at most
    /// `limit` of them, each in full as [`Db::published_calls_in_full`] gives them: the OCDS
    /// download reads its page this way, a chunk at a time by keyset.
    pub async fn published_calls_in_full_between(
        &self,
        locality_id: i64,
        from_id: i64,
        to_id: i64,
        limit: i64,
    ) -> StoreResult<Vec<(Call, Vec<Application>, Vec<Attachment>)>> {
        let calls: Vec<Call> = self.read_all(&format!(
            "SELECT {CALL_COLUMNS} FROM calls WHERE locality_id = $1 AND status <> 'draft' AND id >= $2 AND id <= $3 \
             ORDER BY id LIMIT $4"
        ), args![locality_id, from_id, to_id, limit]).await?;
        self.calls_in_full(calls).await
    }

    /// The calls with their criteria, goals, evaluators, applications and attachments, in
    /// the order given: five queries, whatever the number of calls.
    async fn calls_in_full(
        &self,
        mut calls: Vec<Call>,
    ) -> StoreResult<Vec<(Call, Vec<Application>, Vec<Attachment>)>> {
        if calls.is_empty() {
            return Ok(Vec::new());
        }
        let ids = self.id_list(calls.iter().map(|c| c.id));
        let within = self.in_ids(1);
        #[derive(FromRow)]
        struct CriterionRow {
            call_id: i64,
            #[sqlx(flatten)]
            criterion: Criterion,
        }

        crate::read::record!(CriterionRow {
            call_id,
            criterion: flatten
        });
        let criteria: Vec<CriterionRow> = self.read_all(&format!(
            "SELECT call_id, id, name, description, weight FROM call_criteria WHERE call_id {within} ORDER BY call_id, position"
        ), args![&ids]).await?;
        let goals: Vec<(i64, i64)> = self.read_all(&format!(
            "SELECT call_id, goal_id FROM call_goals WHERE call_id {within} ORDER BY call_id, goal_id"
        ), args![&ids]).await?;
        #[derive(FromRow)]
        struct EvaluatorRow {
            call_id: i64,
            #[sqlx(flatten)]
            evaluator: Evaluator,
        }

        crate::read::record!(EvaluatorRow {
            call_id,
            evaluator: flatten
        });
        let evaluators: Vec<EvaluatorRow> = self.read_all(&format!(
            "SELECT e.call_id, e.user_id, u.display_name FROM call_evaluators e JOIN users u ON u.id = e.user_id \
             WHERE e.call_id {within} ORDER BY e.call_id, u.display_name"
        ), args![&ids]).await?;
        let applications: Vec<Application> = self.read_all(&format!(
            "SELECT a.id, a.call_id, a.organisation_id, o.name_he, o.name_ar, o.name_en, a.summary, a.proposal, a.submitted_at \
             FROM call_applications a JOIN organisations o ON o.id = a.organisation_id WHERE a.call_id {within} ORDER BY a.id"
        ), args![&ids]).await?;
        let attachments: Vec<Attachment> = self.read_all(&format!(
            "SELECT id, call_id, application_id, file_name, content_type, size_bytes, sha256, uploaded_at FROM attachments \
             WHERE call_id {within} ORDER BY id"
        ), args![&ids]).await?;
        Ok(calls
            .drain(..)
            .map(|mut call| {
                let id = call.id;
                call.criteria = criteria
                    .iter()
                    .filter(|c| c.call_id == id)
                    .map(|c| c.criterion.clone())
                    .collect();
                call.goal_ids = goals
                    .iter()
                    .filter(|(c, _)| *c == id)
                    .map(|(_, g)| *g)
                    .collect();
                call.evaluators = evaluators
                    .iter()
                    .filter(|e| e.call_id == id)
                    .map(|e| e.evaluator.clone())
                    .collect();
                let own_applications = applications
                    .iter()
                    .filter(|a| a.call_id == id)
                    .cloned()
                    .collect();
                let own_attachments = attachments
                    .iter()
                    .filter(|a| a.call_id == id)
                    .cloned()
                    .collect();
                (call, own_applications, own_attachments)
            })
            .collect())
    }
}

/// A file to keep with a call or an application, its name and type already checked.
#[derive(Debug, Clone, Copy)]
pub struct NewAttachment<'a> {
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

/// Inserts files within the caller's transaction; for an application, first reserves their
/// places under its limit with one conditional update (the database's check is the backstop).
async fn insert_attachments(
    tx: &mut crate::WriteTx,
    call_id: i64,
    application_id: Option<i64>,
    files: &[NewAttachment<'_>],
    acting: Acting,
) -> StoreResult<Vec<i64>> {
    use sha2::Digest;
    if files.is_empty() {
        return Ok(Vec::new());
    }
    if let Some(application) = application_id {
        let reserved: Option<i64> = sqlx::query_scalar(
            "UPDATE call_applications SET attachment_count = attachment_count + $1 \
             WHERE id = $2 AND call_id = $3 AND attachment_count + $1 <= $4 RETURNING id",
        )
        .bind(files.len() as i64)
        .bind(application)
        .bind(call_id)
        .bind(MAX_APPLICATION_ATTACHMENTS)
        .fetch_optional(&mut **tx)
        .await?;
        if reserved.is_none() {
            return Err(StoreError::LimitReached);
        }
    }
    let at = tx.at;
    let mut ids = Vec::with_capacity(files.len());
    for file in files {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO attachments (call_id, application_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(call_id)
        .bind(application_id)
        .bind(file.file_name)
        .bind(file.content_type)
        .bind(file.bytes.len() as i64)
        .bind(hex::encode(sha2::Sha256::digest(file.bytes)))
        .bind(file.bytes.to_vec())
        .bind(acting.user_id)
        .bind(at)
        .fetch_one(&mut **tx)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// The files an application may carry; the schema's check says the same.
pub const MAX_APPLICATION_ATTACHMENTS: i64 = 5;
