//! Gifts to the local authority and their donations-committee procedure: registered, checked
//! and recommended by the committee, decided by the head, reported to the council. Each step is
//! logged in the transaction that records it.

use serde::Serialize;
use shutaf_domain::donation::{DonationKind, DonationStep, HeadDecision, Recommendation};
use shutaf_domain::journal::Event;
use sqlx::FromRow;

use crate::read::args;
use crate::{Acting, Db, StoreError, StoreResult, journal};

/// A donation and how far its procedure has gone.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Donation {
    pub id: i64,
    pub locality_id: i64,
    pub donor_organisation_id: Option<i64>,
    pub donor_name: String,
    #[sqlx(try_from = "String")]
    pub kind: DonationKind,
    pub value_agorot: Option<i64>,
    pub purpose: String,
    pub initiative_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub step: DonationStep,
    pub registered_at: i64,
    pub committee_check: Option<String>,
    pub recommendation: Option<String>,
    pub checked_at: Option<i64>,
    pub head_decision: Option<String>,
    pub head_reasons: Option<String>,
    pub decided_at: Option<i64>,
    pub council_report: Option<String>,
    pub reported_at: Option<i64>,
    pub revision: i64,
}

crate::read::record!(Donation { id, locality_id, donor_organisation_id, donor_name, kind: try_from String, value_agorot, purpose, initiative_id, step: try_from String, registered_at, committee_check, recommendation, checked_at, head_decision, head_reasons, decided_at, council_report, reported_at, revision });

impl Donation {
    pub fn recommendation(&self) -> Option<Recommendation> {
        self.recommendation
            .as_deref()
            .and_then(Recommendation::parse)
    }

    pub fn head_decision(&self) -> Option<HeadDecision> {
        self.head_decision.as_deref().and_then(HeadDecision::parse)
    }
}

/// A gift as registered.
#[derive(Debug, Clone)]
pub struct NewDonation {
    pub locality_id: i64,
    /// The donor, when it is an organisation in the directory.
    pub donor_organisation_id: Option<i64>,
    pub donor_name: String,
    pub kind: DonationKind,
    pub value_agorot: Option<i64>,
    pub purpose: String,
    pub initiative_id: Option<i64>,
}

const COLUMNS: &str = "id, locality_id, donor_organisation_id, donor_name, kind, value_agorot, purpose, initiative_id, step, \
    registered_at, committee_check, recommendation, checked_at, head_decision, head_reasons, decided_at, council_report, \
    reported_at, revision";

/// A step taken on a donation.
#[derive(Debug, Clone)]
pub enum DonationAction {
    Check {
        check: String,
        recommendation: Recommendation,
    },
    Decide {
        decision: HeadDecision,
        reasons: Option<String>,
    },
    Report {
        report: String,
    },
}

impl DonationAction {
    pub fn step(&self) -> DonationStep {
        match self {
            DonationAction::Check { .. } => DonationStep::Checked,
            DonationAction::Decide { .. } => DonationStep::Decided,
            DonationAction::Report { .. } => DonationStep::Reported,
        }
    }
}

impl Db {
    /// Registers a gift; the procedure starts.
    pub async fn register_donation(&self, new: &NewDonation, acting: Acting) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO donations (locality_id, donor_organisation_id, donor_name, kind, value_agorot, purpose, initiative_id, step, \
             registered_by, registered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'registered', $8, $9) RETURNING id",
        )
        .bind(new.locality_id)
        .bind(new.donor_organisation_id)
        .bind(&new.donor_name)
        .bind(new.kind.code())
        .bind(new.value_agorot)
        .bind(&new.purpose)
        .bind(new.initiative_id)
        .bind(acting.user_id)
        .bind(tx.at)
        .fetch_one(&mut *tx)
        .await?;
        let event = Event::DonationRegistered {
            donation: id,
            donor: new.donor_name.clone(),
            kind: new.kind,
            value_agorot: new.value_agorot,
            purpose: new.purpose.clone(),
        };
        journal::record_decision(&mut tx, new.locality_id, new.initiative_id, acting, &event)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Takes the next step of the procedure; `Conflict` if someone took a step meanwhile.
    pub async fn donation_step(
        &self,
        donation: &Donation,
        action: &DonationAction,
        acting: Acting,
    ) -> StoreResult<()> {
        let (sql, a, b, event) = match action {
            DonationAction::Check {
                check,
                recommendation,
            } => (
                "UPDATE donations SET committee_check = $1, recommendation = $2, checked_at = $3, step = 'checked', \
                 revision = revision + 1 WHERE id = $4 AND revision = $5",
                Some(check.clone()),
                Some(recommendation.code().to_owned()),
                Event::DonationChecked {
                    donation: donation.id,
                    recommendation: *recommendation,
                    check: check.clone(),
                },
            ),
            DonationAction::Decide { decision, reasons } => (
                "UPDATE donations SET head_decision = $2, head_reasons = $1, decided_at = $3, step = 'decided', \
                 revision = revision + 1 WHERE id = $4 AND revision = $5",
                reasons.clone(),
                Some(decision.code().to_owned()),
                Event::DonationDecided {
                    donation: donation.id,
                    decision: *decision,
                    reasons: reasons.clone(),
                },
            ),
            DonationAction::Report { report } => (
                "UPDATE donations SET council_report = $1, reported_at = $3, step = 'reported', \
                 revision = revision + 1 WHERE id = $4 AND revision = $5",
                Some(report.clone()),
                None,
                Event::DonationReported {
                    donation: donation.id,
                    report: report.clone(),
                },
            ),
        };
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(
            tx,
            sqlx::query(sql)
                .bind(a)
                .bind(b)
                .bind(self.now())
                .bind(donation.id)
                .bind(donation.revision),
            StoreError::Conflict,
        )
        .await?;
        journal::record_decision(
            &mut tx,
            donation.locality_id,
            donation.initiative_id,
            acting,
            &event,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn donation(&self, id: i64) -> StoreResult<Option<Donation>> {
        self.read_optional(
            &format!("SELECT {COLUMNS} FROM donations WHERE id = $1"),
            args![id],
        )
        .await
    }

    /// The donations to a locality's authority, newest first, a page at a time.
    pub async fn donations_of_locality(
        &self,
        locality_id: i64,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<Donation>> {
        self.read_all(&format!(
            "SELECT {COLUMNS} FROM donations WHERE locality_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3"
        ), args![locality_id, limit, offset]).await
    }
}
