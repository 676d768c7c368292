//! The platform administrator's screens: localities and their conveners.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::Sector;
use shutaf_domain::authz::{self, LocalityAction};
use shutaf_store::{DirectoryFilter, Locality, OrganisationSummary};
use tower_sessions::Session;

use super::{Ctx, FormFields, FormState, render, render_status};
use crate::AppState;
use crate::actions::{self, ActionError, LocalityInput};
use crate::auth::{self, SignedIn};
use crate::error::AppError;

/// The routes of these pages.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/admin", get(dashboard))
        .route("/admin/localities", post(create_locality))
}

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
        .directory(&DirectoryFilter {
            sector: Some(Sector::Public),
            page: 1,
            per_page: 100,
            ..Default::default()
        })
        .await?
        .items;
    Ok(AdminPage {
        ctx,
        localities,
        public_bodies,
        form,
    })
}

pub async fn dashboard(
    State(state): State<AppState>,
    signed_in: SignedIn,
    ctx: Ctx,
) -> Result<Response, AppError> {
    authz::locality(signed_in.actor(), None, LocalityAction::Create)
        .map_err(AppError::Forbidden)?;
    render(&admin_page(&state, ctx, FormState::empty()).await?)
}

pub async fn create_locality(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    form: FormFields,
) -> Result<Response, AppError> {
    let input = LocalityInput {
        name_he: form.get("name_he").into(),
        name_ar: form.get("name_ar").into(),
        name_en: form.get("name_en").into(),
        kind: form.get("kind").into(),
        convener: form.get("convener").into(),
        description: form.get("description").into(),
    };
    match actions::create_locality(&state, &user, &input).await {
        Ok(created) => {
            auth::flash(&session, "flash-locality-created").await;
            Ok(Redirect::to(&format!("/localities/{}", created.id)).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let page = admin_page(&state, ctx, FormState::new(errors, form)).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}
