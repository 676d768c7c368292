//! The platform administrator's screens: localities and their conveners.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::authz::{self, LocalityAction};
use shutaf_domain::validate::{self, FieldErrors};
use shutaf_domain::{LocalityKind, Sector};
use shutaf_store::{DirectoryFilter, Locality, NewLocality, OrganisationSummary};
use tower_sessions::Session;

use super::{Ctx, FormFields, FormState, render, render_status};
use crate::AppState;
use crate::auth::{self, SignedIn};
use crate::error::AppError;

#[derive(Template)]
#[template(path = "admin.html")]
pub struct AdminPage {
    pub ctx: Ctx,
    pub localities: Vec<Locality>,
    pub public_bodies: Vec<OrganisationSummary>,
    pub form: FormState,
}

async fn admin_page(state: &AppState, ctx: Ctx, form: FormState) -> Result<AdminPage, AppError> {
    let localities = state.db.localities().await?;
    // Conveners are public bodies; the first hundred by name are offered (a search comes later).
    let public_bodies = state
        .db
        .directory(&DirectoryFilter { sector: Some(Sector::Public), page: 1, per_page: 100, ..Default::default() })
        .await?
        .items;
    Ok(AdminPage { ctx, localities, public_bodies, form })
}

pub async fn dashboard(State(state): State<AppState>, signed_in: SignedIn, ctx: Ctx) -> Result<Response, AppError> {
    authz::locality(signed_in.actor(), None, LocalityAction::Create).map_err(AppError::Forbidden)?;
    render(&admin_page(&state, ctx, FormState::empty()).await?)
}

/// Validates a new locality's fields.
pub fn validate_locality(form: &FormFields) -> Result<NewLocality, FieldErrors> {
    let mut errors = FieldErrors::new();
    let names = validate::names_per_language(&mut errors, "name", form.get("name_he"), form.get("name_ar"), form.get("name_en"));
    let kind = errors.check("kind", LocalityKind::parse(form.get("kind")).ok_or("error-choose-option"));
    let convener = errors.check("convener", form.get("convener").parse::<i64>().map_err(|_| "error-choose-option"));
    let description = errors.check("description", validate::optional_text(form.get("description"), 10_000)).flatten();
    errors.clone().into_result()?;
    match (kind, convener) {
        (Some(kind), Some(convener_organisation_id)) => Ok(NewLocality { names, kind, convener_organisation_id, description }),
        _ => Err(errors),
    }
}

pub async fn create_locality(State(state): State<AppState>, signed_in: SignedIn, session: Session, ctx: Ctx, form: FormFields) -> Result<Response, AppError> {
    authz::locality(signed_in.actor(), None, LocalityAction::Create).map_err(AppError::Forbidden)?;
    let locality = match validate_locality(&form) {
        Ok(locality) => locality,
        Err(errors) => return invalid(&state, ctx, form, errors).await,
    };
    match state.db.organisation(locality.convener_organisation_id).await? {
        Some(org) if org.sector == Sector::Public => {}
        _ => {
            let mut errors = FieldErrors::new();
            errors.add("convener", "error-convener-public");
            return invalid(&state, ctx, form, errors).await;
        }
    }
    let created = state.db.create_locality(&locality).await?;
    auth::flash(&session, "flash-locality-created").await;
    Ok(Redirect::to(&format!("/localities/{}", created.id)).into_response())
}

async fn invalid(state: &AppState, ctx: Ctx, form: FormFields, errors: FieldErrors) -> Result<Response, AppError> {
    let page = admin_page(state, ctx, FormState::new(errors, form)).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
