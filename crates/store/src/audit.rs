//! A read snapshot for `shutaf verify`: the decision log, what its entries withhold, and the
//! tables its entries describe (calls with their criteria, applications and scores,
//! declarations, recusals, initiatives' stages, donations, notices and their alternatives), all
//! as of one moment, so
//! that a hub that goes on writing meanwhile is never reported as inconsistent.
//!
//! Nothing here judges: the verifier compares (see the cli's `verify::tables`).

use std::collections::HashMap;

use shutaf_domain::decision_log::LogEntry;
use shutaf_domain::disclosure::{PseudonymKey, unhex32};
use sqlx::FromRow;

use crate::disclosures::Disclosure;
use crate::{Backend, Db, StoreResult};

/// One consistent view of the log and the tables it describes.
pub struct Audit {
    tx: sqlx::Transaction<'static, sqlx::Any>,
}

/// A call as its table holds it, with its criteria in order.
#[derive(Debug, Clone, FromRow)]
pub struct AuditedCall {
    pub id: i64,
    pub locality_id: i64,
    pub status: String,
    pub deadline_at: i64,
    pub published_at: Option<i64>,
    pub awarded_application_id: Option<i64>,
    pub outcome_reasons: Option<String>,
    /// (id, name, weight), by position.
    #[sqlx(skip)]
    pub criteria: Vec<(i64, String, i64)>,
}

crate::read::record!(AuditedCall {
    id,
    locality_id,
    status,
    deadline_at,
    published_at,
    awarded_application_id,
    outcome_reasons,
    criteria: skip
});

/// An application as its table holds it.
#[derive(Debug, Clone, FromRow)]
pub struct AuditedApplication {
    pub id: i64,
    pub call_id: i64,
    pub organisation_id: i64,
    pub submitted_at: i64,
}

crate::read::record!(AuditedApplication {
    id,
    call_id,
    organisation_id,
    submitted_at
});

/// A score as its table holds it.
#[derive(Debug, Clone, FromRow)]
pub struct AuditedScore {
    pub call_id: i64,
    pub application_id: i64,
    pub criterion_id: i64,
    pub evaluator_id: i64,
    pub score: i64,
}

crate::read::record!(AuditedScore {
    call_id,
    application_id,
    criterion_id,
    evaluator_id,
    score
});

/// A declaration with its ties, as the tables hold them.
#[derive(Debug, Clone, FromRow)]
pub struct AuditedDeclaration {
    pub matter: String,
    pub matter_id: i64,
    pub user_id: i64,
    /// (organisation, relation code), by organisation.
    #[sqlx(skip)]
    pub ties: Vec<(i64, String)>,
}

crate::read::record!(AuditedDeclaration {
    matter,
    matter_id,
    user_id,
    ties: skip
});

/// A recusal as its table holds it.
#[derive(Debug, Clone, FromRow)]
pub struct AuditedRecusal {
    pub matter: String,
    pub matter_id: i64,
    pub user_id: i64,
    pub party_organisation_id: i64,
}

crate::read::record!(AuditedRecusal {
    matter,
    matter_id,
    user_id,
    party_organisation_id
});

/// A donation's steps as its table holds them.
#[derive(Debug, Clone, FromRow)]
pub struct AuditedDonation {
    pub id: i64,
    pub donor_name: String,
    pub kind: String,
    pub value_agorot: Option<i64>,
    pub step: String,
    pub recommendation: Option<String>,
    pub head_decision: Option<String>,
}

crate::read::record!(AuditedDonation {
    id,
    donor_name,
    kind,
    value_agorot,
    step,
    recommendation,
    head_decision
});

/// A notice inviting competing proposals, as its table holds it.
#[derive(Debug, Clone, FromRow)]
pub struct AuditedNotice {
    pub id: i64,
    pub closes_at: i64,
    pub outcome: Option<String>,
    pub chosen_proposal_id: Option<i64>,
}

crate::read::record!(AuditedNotice {
    id,
    closes_at,
    outcome,
    chosen_proposal_id
});

/// An alternative proposed in answer to a notice, as its table holds it.
#[derive(Debug, Clone, FromRow)]
pub struct AuditedAlternative {
    pub id: i64,
    pub notice_id: i64,
    pub organisation_id: i64,
    pub submitted_at: i64,
}

crate::read::record!(AuditedAlternative {
    id,
    notice_id,
    organisation_id,
    submitted_at
});

/// The tables the log's entries describe.
#[derive(Debug, Clone, Default)]
pub struct Described {
    pub calls: Vec<AuditedCall>,
    pub applications: Vec<AuditedApplication>,
    pub scores: Vec<AuditedScore>,
    pub declarations: Vec<AuditedDeclaration>,
    pub recusals: Vec<AuditedRecusal>,
    /// (initiative, stage code).
    pub stages: Vec<(i64, String)>,
    pub donations: Vec<AuditedDonation>,
    pub notices: Vec<AuditedNotice>,
    pub alternatives: Vec<AuditedAlternative>,
}

impl Db {
    /// Opens the snapshot: one read transaction (REPEATABLE READ on PostgreSQL; on SQLite, in
    /// WAL mode, the first read fixes it while writers go on).
    pub async fn audit(&self) -> StoreResult<Audit> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN DEFERRED").await?,
            Backend::Postgres => {
                self.pool
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?
            }
        };
        Ok(Audit { tx })
    }
}

impl Audit {
    pub async fn log_size(&mut self) -> StoreResult<u64> {
        let size: i64 = sqlx::query_scalar("SELECT size FROM decision_log_size WHERE id = 1")
            .fetch_one(&mut *self.tx)
            .await?;
        Ok(size as u64)
    }

    /// Entries `start..end` (at most 1,000), in order.
    pub async fn log_entries(&mut self, start: u64, end: u64) -> StoreResult<Vec<LogEntry>> {
        crate::decision_log::entries_on(&mut self.tx, start, end).await
    }

    /// Every text kept beside the log, sealed ones included, in entry and field order.
    pub async fn withheld(&mut self) -> StoreResult<Vec<Disclosure>> {
        crate::disclosures::all_on(&mut self.tx).await
    }

    /// The hub's pseudonym key (none before its first decision).
    pub async fn pseudonym_key(&mut self) -> StoreResult<Option<PseudonymKey>> {
        let key: Option<String> =
            sqlx::query_scalar("SELECT pseudonym_key FROM decision_log_size WHERE id = 1")
                .fetch_one(&mut *self.tx)
                .await?;
        Ok(key.as_deref().and_then(unhex32).map(PseudonymKey))
    }

    /// The tables the entries describe.
    pub async fn described(&mut self) -> StoreResult<Described> {
        let conn = &mut *self.tx;
        let mut calls: Vec<AuditedCall> = sqlx::query_as(
            "SELECT id, locality_id, status, deadline_at, published_at, awarded_application_id, outcome_reasons \
             FROM calls ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let criteria: Vec<(i64, i64, String, i64)> = sqlx::query_as(
            "SELECT call_id, id, name, weight FROM call_criteria ORDER BY call_id, position, id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut by_call: HashMap<i64, Vec<(i64, String, i64)>> = HashMap::new();
        for (call, id, name, weight) in criteria {
            by_call.entry(call).or_default().push((id, name, weight));
        }
        for call in &mut calls {
            call.criteria = by_call.remove(&call.id).unwrap_or_default();
        }
        let applications = sqlx::query_as(
            "SELECT id, call_id, organisation_id, submitted_at FROM call_applications ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let scores = sqlx::query_as(
            "SELECT a.call_id, s.application_id, s.criterion_id, s.evaluator_id, s.score FROM call_scores s \
             JOIN call_applications a ON a.id = s.application_id ORDER BY s.application_id, s.evaluator_id, s.criterion_id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut declarations: Vec<AuditedDeclaration> = sqlx::query_as(
            "SELECT matter, matter_id, user_id FROM declarations ORDER BY matter, matter_id, user_id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let ties: Vec<(String, i64, i64, i64, String)> = sqlx::query_as(
            "SELECT matter, matter_id, user_id, party_organisation_id, relation FROM declaration_ties \
             ORDER BY matter, matter_id, user_id, party_organisation_id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut by_person: HashMap<(String, i64, i64), Vec<(i64, String)>> = HashMap::new();
        for (matter, id, user, party, relation) in ties {
            by_person
                .entry((matter, id, user))
                .or_default()
                .push((party, relation));
        }
        for d in &mut declarations {
            d.ties = by_person
                .remove(&(d.matter.clone(), d.matter_id, d.user_id))
                .unwrap_or_default();
        }
        let recusals = sqlx::query_as(
            "SELECT matter, matter_id, user_id, party_organisation_id FROM recusals \
             ORDER BY matter, matter_id, user_id, party_organisation_id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let stages = sqlx::query_as("SELECT id, stage FROM initiatives ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
        let donations = sqlx::query_as(
            "SELECT id, donor_name, kind, value_agorot, step, recommendation, head_decision FROM donations ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let notices = sqlx::query_as(
            "SELECT id, closes_at, outcome, chosen_proposal_id FROM competition_notices ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let alternatives = sqlx::query_as(
            "SELECT id, notice_id, organisation_id, submitted_at FROM alternative_proposals ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(Described {
            calls,
            applications,
            scores,
            declarations,
            recusals,
            stages,
            donations,
            notices,
            alternatives,
        })
    }

    /// Ends the snapshot.
    pub async fn finish(self) -> StoreResult<()> {
        self.tx.rollback().await?;
        Ok(())
    }
}
