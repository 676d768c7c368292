//! Public pages of localities: who convenes there, the agenda's goals, who works there.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::authz::LocalityAction;
use shutaf_domain::validate::FieldErrors;
use shutaf_store::{Goal, Locality, Organisation};
use tower_sessions::Session;

use super::{Ctx, FormFields, FormState, render, render_status};
use crate::AppState;
use crate::actions::{self, ActionError, LocalityInput};
use crate::auth::{self, MaybeUser, SignedIn};
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
    pub can_edit: bool,
}

pub async fn show(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
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
    let can_edit = match &user {
        Some(user) => actions::authorise_locality(&state, user, id, LocalityAction::Edit)
            .await
            .is_ok(),
        None => false,
    };
    render(&LocalityPage {
        ctx,
        locality,
        convener,
        goals,
        organisation_count,
        can_edit,
    })
}

#[derive(Template)]
#[template(path = "locality_form.html")]
pub struct LocalityFormPage {
    pub ctx: Ctx,
    pub id: i64,
    pub form: FormState,
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let locality = actions::authorise_locality(&state, &user, id, LocalityAction::Edit).await?;
    let values = vec![
        (
            "name_he".to_owned(),
            locality.name_he.clone().unwrap_or_default(),
        ),
        (
            "name_ar".to_owned(),
            locality.name_ar.clone().unwrap_or_default(),
        ),
        (
            "name_en".to_owned(),
            locality.name_en.clone().unwrap_or_default(),
        ),
        ("kind".to_owned(), locality.kind.code().to_owned()),
        (
            "description".to_owned(),
            locality.description.clone().unwrap_or_default(),
        ),
    ];
    let form = FormState::new(FieldErrors::new(), FormFields(values));
    render(&LocalityFormPage { ctx, id, form })
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let input = LocalityInput {
        name_he: form.get("name_he").into(),
        name_ar: form.get("name_ar").into(),
        name_en: form.get("name_en").into(),
        kind: form.get("kind").into(),
        convener: String::new(),
        description: form.get("description").into(),
    };
    match actions::update_locality(&state, &user, id, &input).await {
        Ok(_) => {
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/localities/{id}")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let page = LocalityFormPage {
                ctx,
                id,
                form: FormState::new(errors, form),
            };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}
