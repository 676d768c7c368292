//! The charter of an initiative: proposed versions and the partners' endorsements of the current
//! one.

use shutaf_domain::journal::Event;

use super::{Acting, CharterVersion};
use crate::journal;
use crate::read::args;
use crate::{Db, StoreError, StoreResult, abort};

impl Db {
    /// Proposes a new charter version (content: JSON of its sections); endorsements are of a
    /// version, so a new one starts with none. Gives the new version number.
    pub async fn propose_charter(
        &self,
        id: i64,
        content: &str,
        organisation_id: i64,
        acting: Acting,
    ) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let version: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM charter_versions WHERE initiative_id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO charter_versions (initiative_id, version, content, proposed_by_organisation_id, proposed_by_user_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(version)
        .bind(content)
        .bind(organisation_id)
        .bind(acting.user_id)
        .bind(tx.at)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::from_write)?;
        journal::record(
            &mut tx,
            id,
            acting.for_organisation(organisation_id),
            &Event::CharterProposed { version },
        )
        .await?;
        tx.commit().await?;
        Ok(version)
    }

    pub async fn charter_versions(&self, id: i64) -> StoreResult<Vec<CharterVersion>> {
        self.read_all("SELECT version, content, proposed_by_organisation_id, created_at FROM charter_versions WHERE initiative_id = $1 ORDER BY version", args![id]).await
    }

    /// A partner endorses a version; only the current (latest) version can be endorsed.
    pub async fn endorse(
        &self,
        id: i64,
        version: i64,
        organisation_id: i64,
        acting: Acting,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let current: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(version) FROM charter_versions WHERE initiative_id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if current != Some(version) {
            return abort(tx, StoreError::Conflict).await;
        }
        sqlx::query(
            "INSERT INTO endorsements (initiative_id, version, organisation_id, user_id, created_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (initiative_id, version, organisation_id) DO NOTHING",
        )
        .bind(id)
        .bind(version)
        .bind(organisation_id)
        .bind(acting.user_id)
        .bind(tx.at)
        .execute(&mut *tx)
        .await?;
        journal::record(
            &mut tx,
            id,
            acting.for_organisation(organisation_id),
            &Event::CharterEndorsed { version },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The organisations that endorsed a version.
    pub async fn endorsements(&self, id: i64, version: i64) -> StoreResult<Vec<i64>> {
        self.read_column("SELECT organisation_id FROM endorsements WHERE initiative_id = $1 AND version = $2 ORDER BY organisation_id", args![id, version]).await
    }
}
