//! Localities (the hub's tenants: municipalities, councils, clusters), their conveners and goals.

use std::sync::Arc;

use serde::Serialize;
use shutaf_domain::{Language, LocalityKind};
use sqlx::FromRow;

use crate::organisations::pick_name;
use crate::read::args;
use crate::{Db, StoreError, StoreResult};

/// A locality and who convenes partnerships in it.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Locality {
    pub id: i64,
    pub name_he: Option<String>,
    pub name_ar: Option<String>,
    pub name_en: Option<String>,
    #[sqlx(try_from = "String")]
    pub kind: LocalityKind,
    pub convener_organisation_id: i64,
    pub description: Option<String>,
    pub created_at: i64,
}

crate::read::record!(Locality { id, name_he, name_ar, name_en, kind: try_from String, convener_organisation_id, description, created_at });

impl Locality {
    pub fn name(&self, lang: Language) -> &str {
        pick_name([&self.name_he, &self.name_ar, &self.name_en], lang)
    }
}

const LOCALITY_COLUMNS: &str =
    "id, name_he, name_ar, name_en, kind, convener_organisation_id, description, created_at";

/// A validated new locality.
#[derive(Debug, Clone)]
pub struct NewLocality {
    pub names: [Option<String>; 3],
    pub kind: LocalityKind,
    pub convener_organisation_id: i64,
    pub description: Option<String>,
}

impl Db {
    /// Creates a locality; its convener organisation must exist and also comes to work in it.
    pub async fn create_locality(&self, locality: &NewLocality) -> StoreResult<Locality> {
        let mut tx = self.write_tx().await?;
        let sort_name = locality
            .names
            .iter()
            .find_map(|n| n.as_deref())
            .map(shutaf_domain::search::normalise)
            .unwrap_or_default();
        let sql = format!(
            "INSERT INTO localities (name_he, name_ar, name_en, sort_name, kind, convener_organisation_id, description, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {LOCALITY_COLUMNS}"
        );
        let created: Locality = sqlx::query_as(&sql)
            .bind(locality.names[0].as_deref())
            .bind(locality.names[1].as_deref())
            .bind(locality.names[2].as_deref())
            .bind(sort_name.trim())
            .bind(locality.kind.code())
            .bind(locality.convener_organisation_id)
            .bind(locality.description.as_deref())
            .bind(tx.at)
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| match &e {
                sqlx::Error::Database(db) if db.is_foreign_key_violation() => StoreError::NotFound,
                _ => StoreError::from_write(e),
            })?;
        sqlx::query(
            "INSERT INTO organisation_localities (organisation_id, locality_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(locality.convener_organisation_id)
        .bind(created.id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Changes a locality's names, kind and description (not its convener).
    pub async fn update_locality(
        &self,
        id: i64,
        names: &[Option<String>; 3],
        kind: LocalityKind,
        description: Option<&str>,
    ) -> StoreResult<()> {
        let sort_name = names
            .iter()
            .find_map(|n| n.as_deref())
            .map(shutaf_domain::search::normalise)
            .unwrap_or_default();
        let done = sqlx::query(
            "UPDATE localities SET name_he = $1, name_ar = $2, name_en = $3, sort_name = $4, kind = $5, description = $6 WHERE id = $7",
        )
        .bind(names[0].as_deref())
        .bind(names[1].as_deref())
        .bind(names[2].as_deref())
        .bind(sort_name.trim())
        .bind(kind.code())
        .bind(description)
        .bind(id)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            self.data_changed().await
        }
    }

    pub async fn locality(&self, id: i64) -> StoreResult<Option<Locality>> {
        let sql = format!("SELECT {LOCALITY_COLUMNS} FROM localities WHERE id = $1");
        self.read_optional(&sql, args![id]).await
    }

    /// All localities, by name. A hub serves at most a few hundred, so no paging is needed.
    /// Every locality (at most 1,000), by name. Read once per data version: hundreds of rows
    /// on every request cost more than the rest of a page (issue 12), and they change rarely.
    pub async fn localities(&self) -> StoreResult<Vec<Locality>> {
        let version = self.data_version();
        if let Some((at, kept)) = self.localities.lock().ok().and_then(|k| k.clone())
            && at == version
        {
            return Ok(kept.as_ref().clone());
        }
        let sql =
            format!("SELECT {LOCALITY_COLUMNS} FROM localities ORDER BY sort_name, id LIMIT 1000");
        let read: Vec<Locality> = self.read_all(&sql, args![]).await?;
        if let Ok(mut kept) = self.localities.lock() {
            *kept = Some((version, Arc::new(read.clone())));
        }
        Ok(read)
    }

    /// Localities this organisation convenes.
    pub async fn localities_convened_by(&self, organisation_id: i64) -> StoreResult<Vec<Locality>> {
        let sql = format!(
            "SELECT {LOCALITY_COLUMNS} FROM localities WHERE convener_organisation_id = $1 ORDER BY sort_name, id"
        );
        self.read_all(&sql, args![organisation_id]).await
    }
}
