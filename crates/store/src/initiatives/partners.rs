//! Partners of an initiative: inviting, asking to join, leaving, describing their part, and the
//! contributions they commit.

use shutaf_domain::journal::Event;
use shutaf_domain::{OrganisationKind, Sector};
use sqlx::FromRow;

use super::{Acting, NewContribution, Partner, PartnerContribution, PartnerStatus};
use crate::journal;
use crate::read::args;
use crate::{Db, StoreError, StoreResult, abort};

#[derive(FromRow)]
struct PartnerRow {
    organisation_id: i64,
    name_he: Option<String>,
    name_ar: Option<String>,
    name_en: Option<String>,
    sector: String,
    kind: String,
    status: String,
    role: Option<String>,
    interests: Option<String>,
    benefits: Option<String>,
}

crate::read::record!(PartnerRow {
    organisation_id,
    name_he,
    name_ar,
    name_en,
    sector,
    kind,
    status,
    role,
    interests,
    benefits
});

impl Db {
    /// The organisations in an initiative (partners, invited, asking), partners first.
    pub async fn partners(&self, id: i64) -> StoreResult<Vec<Partner>> {
        let rows: Vec<PartnerRow> = self.read_all("SELECT p.organisation_id, o.name_he, o.name_ar, o.name_en, o.sector, o.kind, p.status, p.role, p.interests, p.benefits \
             FROM initiative_partners p JOIN organisations o ON o.id = p.organisation_id WHERE p.initiative_id = $1 \
             ORDER BY p.created_at, p.organisation_id", args![id]).await?;
        let mut partners: Vec<Partner> = rows
            .into_iter()
            .filter_map(|r| {
                Some(Partner {
                    organisation_id: r.organisation_id,
                    name_he: r.name_he,
                    name_ar: r.name_ar,
                    name_en: r.name_en,
                    sector: Sector::parse(&r.sector)?,
                    kind: OrganisationKind::parse(&r.kind)?,
                    status: PartnerStatus::parse(&r.status)?,
                    role: r.role,
                    interests: r.interests,
                    benefits: r.benefits,
                })
            })
            .collect();
        partners.sort_by_key(|p| p.status != PartnerStatus::Active);
        Ok(partners)
    }

    /// Adds an organisation as invited by the lead, or as asking to join; an invited one that
    /// asks (or an asking one that is invited) becomes a partner.
    pub async fn propose_partner(
        &self,
        id: i64,
        organisation_id: i64,
        status: PartnerStatus,
        acting: Acting,
    ) -> StoreResult<PartnerStatus> {
        let mut tx = self.write_tx().await?;
        let existing: Option<String> =
            sqlx::query_scalar("SELECT status FROM initiative_partners WHERE initiative_id = $1 AND organisation_id = $2")
                .bind(id)
                .bind(organisation_id)
                .fetch_optional(&mut *tx)
                .await?;
        let at = tx.at;
        let result = match existing.as_deref().and_then(PartnerStatus::parse) {
            None => {
                sqlx::query("INSERT INTO initiative_partners (initiative_id, organisation_id, status, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(id)
                    .bind(organisation_id)
                    .bind(status.code())
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| match &e {
                        sqlx::Error::Database(db) if db.is_foreign_key_violation() => StoreError::NotFound,
                        _ => StoreError::Database(e),
                    })?;
                status
            }
            Some(PartnerStatus::Active) => return abort(tx, StoreError::Conflict).await,
            Some(current) if current == status => return abort(tx, StoreError::Conflict).await,
            Some(_) => {
                sqlx::query("UPDATE initiative_partners SET status = 'active', joined_at = $1 WHERE initiative_id = $2 AND organisation_id = $3")
                    .bind(at)
                    .bind(id)
                    .bind(organisation_id)
                    .execute(&mut *tx)
                    .await?;
                PartnerStatus::Active
            }
        };
        let event = match result {
            PartnerStatus::Invited => Event::PartnerInvited,
            PartnerStatus::Requested => Event::PartnerRequested,
            PartnerStatus::Active => Event::PartnerJoined { call: None },
        };
        journal::record(
            &mut tx,
            id,
            acting.for_organisation(organisation_id),
            &event,
        )
        .await?;
        tx.commit().await?;
        Ok(result)
    }

    /// Removes an organisation from an initiative (refusing an invitation or a request, or
    /// leaving). The initiator stays.
    pub async fn remove_partner(
        &self,
        id: i64,
        organisation_id: i64,
        acting: Acting,
    ) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(tx, sqlx::query(
            "DELETE FROM initiative_partners WHERE initiative_id = $1 AND organisation_id = $2 \
             AND organisation_id <> (SELECT initiator_organisation_id FROM initiatives WHERE id = $1)",
        )
        .bind(id)
        .bind(organisation_id), StoreError::NotFound).await?;
        sqlx::query(
            "DELETE FROM partner_contributions WHERE initiative_id = $1 AND organisation_id = $2",
        )
        .bind(id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
        journal::record(
            &mut tx,
            id,
            acting.for_organisation(organisation_id),
            &Event::PartnerLeft,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a partner's role, interests and expected benefits.
    pub async fn describe_partner(
        &self,
        id: i64,
        organisation_id: i64,
        role: Option<&str>,
        interests: Option<&str>,
        benefits: Option<&str>,
        acting: Acting,
    ) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(tx, sqlx::query(
            "UPDATE initiative_partners SET role = $1, interests = $2, benefits = $3 WHERE initiative_id = $4 AND organisation_id = $5 \
             AND status = 'active'",
        )
        .bind(role)
        .bind(interests)
        .bind(benefits)
        .bind(id)
        .bind(organisation_id), StoreError::NotFound).await?;
        journal::record(
            &mut tx,
            id,
            acting.for_organisation(organisation_id),
            &Event::PartnerDescribed,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn add_contribution(
        &self,
        id: i64,
        organisation_id: i64,
        c: &NewContribution,
        acting: Acting,
    ) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let active: Option<String> = sqlx::query_scalar(
            "SELECT status FROM initiative_partners WHERE initiative_id = $1 AND organisation_id = $2 AND status = 'active'",
        )
        .bind(id)
        .bind(organisation_id)
        .fetch_optional(&mut *tx)
        .await?;
        if active.is_none() {
            return abort(tx, StoreError::NotFound).await;
        }
        let contribution_id: i64 = sqlx::query_scalar(
            "INSERT INTO partner_contributions (initiative_id, organisation_id, contribution, description, cash_agorot, in_kind_agorot, \
             period, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(id)
        .bind(organisation_id)
        .bind(c.contribution.code())
        .bind(c.description.as_deref())
        .bind(c.cash_agorot)
        .bind(c.in_kind_agorot)
        .bind(c.period.as_deref())
        .bind(tx.at)
        .fetch_one(&mut *tx)
        .await?;
        journal::record(
            &mut tx,
            id,
            acting.for_organisation(organisation_id),
            &Event::ContributionCommitted {
                contribution: c.contribution,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(contribution_id)
    }

    pub async fn remove_contribution(
        &self,
        id: i64,
        organisation_id: i64,
        contribution_id: i64,
        acting: Acting,
    ) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(tx, sqlx::query("DELETE FROM partner_contributions WHERE id = $1 AND initiative_id = $2 AND organisation_id = $3")
            .bind(contribution_id)
            .bind(id)
            .bind(organisation_id), StoreError::NotFound).await?;
        journal::record(
            &mut tx,
            id,
            acting.for_organisation(organisation_id),
            &Event::ContributionWithdrawn,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn contributions(&self, id: i64) -> StoreResult<Vec<PartnerContribution>> {
        self.read_all("SELECT id, organisation_id, contribution, description, cash_agorot, in_kind_agorot, period FROM partner_contributions \
             WHERE initiative_id = $1 ORDER BY organisation_id, id", args![id]).await
    }
}
