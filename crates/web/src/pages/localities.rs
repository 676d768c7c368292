//! Public pages of localities: who convenes there, the agenda's goals, who works there.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use shutaf_store::{Goal, Locality, Organisation};

use super::{Ctx, render};
use crate::AppState;
use crate::error::AppError;

#[derive(Template)]
#[template(path = "localities.html")]
pub struct LocalitiesPage {
    pub ctx: Ctx,
    pub localities: Vec<Locality>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let localities = state.db.localities().await?;
    render(&LocalitiesPage { ctx, localities })
}

#[derive(Template)]
#[template(path = "locality_show.html")]
pub struct LocalityPage {
    pub ctx: Ctx,
    pub locality: Locality,
    pub convener: Organisation,
    pub goals: Vec<Goal>,
    pub organisation_count: i64,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let convener = state
        .db
        .organisation(locality.convener_organisation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let goals = state.db.goals_of(id).await?;
    let organisation_count = state
        .db
        .directory(&shutaf_store::DirectoryFilter {
            locality_id: Some(id),
            page: 1,
            per_page: 1,
            ..Default::default()
        })
        .await?
        .total;
    render(&LocalityPage {
        ctx,
        locality,
        convener,
        goals,
        organisation_count,
    })
}
