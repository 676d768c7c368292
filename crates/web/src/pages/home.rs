//! The front page, the health check, the accessibility statement and the language switch.

use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::Language;
use shutaf_store::Locality;

use super::{Ctx, render, safe_next};
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::security::cookie_header;
use crate::{AppState, LANGUAGE_COOKIE};

/// The routes of these pages.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/", get(home))
        .route("/healthz", get(healthz))
        .route("/accessibility", get(accessibility))
        .route("/language/{code}", get(switch_language))
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub ctx: Ctx,
    pub localities: Vec<Locality>,
    pub organisation_count: i64,
}

pub async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let localities = state.db.localities().await?;
    let organisation_count = state.db.count_organisations().await?;
    render(&HomePage {
        ctx,
        localities,
        organisation_count,
    })
}

/// For load balancers and monitoring: 200 when the database answers, 503 when not.
pub async fn healthz(State(state): State<AppState>) -> Response {
    if state.db.ping().await {
        Json(serde_json::json!({ "status": "ok", "database": "ok" })).into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "status": "degraded", "database": "unreachable" })),
        )
            .into_response()
    }
}

#[derive(Template)]
#[template(path = "accessibility.html")]
pub struct AccessibilityPage {
    pub ctx: Ctx,
}

pub async fn accessibility(ctx: Ctx) -> Result<Response, AppError> {
    render(&AccessibilityPage { ctx })
}

#[derive(serde::Deserialize)]
pub struct SwitchQuery {
    #[serde(default)]
    next: String,
}

/// Switches language: remembered in a cookie, and as the preference of a signed-in person.
/// A plain link, so it works without JavaScript and without a form on every page.
pub async fn switch_language(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    Query(query): Query<SwitchQuery>,
) -> Result<Response, AppError> {
    let lang = Language::parse(&code).ok_or(AppError::NotFound)?;
    if let Some(user) = user {
        state.db.set_preferred_language(user.id, lang).await?;
    }
    let mut response = Redirect::to(&safe_next(&query.next)).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie_header(
            &state,
            LANGUAGE_COOKIE,
            lang.code(),
            60 * 60 * 24 * 365,
            "Lax",
        ),
    );
    Ok(response)
}
