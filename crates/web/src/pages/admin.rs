//! The platform administrator's screens: localities and their conveners, and redacting a text
//! shown beside the decision log (`actions::redactions`).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::Sector;
use shutaf_domain::authz::{self, LocalityAction};
use shutaf_domain::disclosure::RedactionGround;
use shutaf_store::{DirectoryFilter, Locality, OrganisationSummary};
use tower_sessions::Session;

use super::{Ctx, FormFields, FormState, QueryFields, render, render_status};
use crate::AppState;
use crate::actions::redactions::RedactionInput;
use crate::actions::{self, ActionError, LocalityInput};
use crate::auth::{self, SignedIn};
use crate::error::AppError;

/// The routes of these pages.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/admin", get(dashboard))
        .route("/admin/localities", post(create_locality))
        .route("/admin/redactions", post(redact))
}

#[derive(Template)]
#[template(path = "admin.html")]
pub struct AdminPage {
    pub ctx: Ctx,
    pub localities: Vec<Locality>,
    pub public_bodies: Vec<OrganisationSummary>,
    pub form: FormState,
    /// The redaction form (prefilled from `?entry=&field=`, as the record page links to it).
    pub redaction: FormState,
}

impl AdminPage {
    /// The fields a redaction may erase, with their labels.
    pub fn redactable(&self) -> Vec<(&'static str, String)> {
        shutaf_domain::disclosure::DISCLOSED
            .iter()
            .map(|f| (*f, self.ctx.t(format!("disclosure-{f}"))))
            .collect()
    }

    pub fn grounds(&self) -> &'static [RedactionGround] {
        RedactionGround::ALL
    }
}

async fn admin_page(
    state: &AppState,
    ctx: Ctx,
    form: FormState,
    redaction: FormState,
) -> Result<AdminPage, AppError> {
    let localities = state.db.localities().await?;
    // Conveners are public bodies; the first hundred by name are offered (a search comes later).
    let public_bodies = state
        .db
        .directory(&DirectoryFilter {
            sector: Some(Sector::Public),
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
        redaction,
    })
}

pub async fn dashboard(
    State(state): State<AppState>,
    signed_in: SignedIn,
    ctx: Ctx,
    Query(query): QueryFields,
) -> Result<Response, AppError> {
    authz::locality(signed_in.actor(), None, LocalityAction::Create)
        .map_err(AppError::Forbidden)?;
    let prefilled = query
        .into_iter()
        .filter(|(name, _)| name == "entry" || name == "field")
        .collect();
    let redaction = FormState::new(Default::default(), FormFields(prefilled));
    render(&admin_page(&state, ctx, FormState::empty(), redaction).await?)
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
            let page = admin_page(
                &state,
                ctx,
                FormState::new(errors, form),
                FormState::empty(),
            )
            .await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// Redacts a text beside the log; the form again, with what was typed, when it cannot be.
pub async fn redact(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    form: FormFields,
) -> Result<Response, AppError> {
    let input = RedactionInput {
        entry: form.get("entry").into(),
        field: form.get("field").into(),
        ground: form.get("ground").into(),
        confirmed: form.get("confirm") == "1",
    };
    match actions::redactions::redact(&state, &user, ctx.lang(), &input).await {
        Ok(_) => {
            auth::flash(&session, "flash-redacted").await;
            Ok(Redirect::to("/admin#redact").into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let page = admin_page(
                &state,
                ctx,
                FormState::empty(),
                FormState::new(errors, form),
            )
            .await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}
