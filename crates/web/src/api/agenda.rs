//! The API of a locality's agenda: its goals (with their SDG targets) and its own local targets.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use shutaf_domain::Language;
use shutaf_store::Goal;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, ApiWriter, ErrorBody, LangQuery, Names, language};
use crate::AppState;
use crate::actions::initiatives as act;
use crate::actions::{self, GoalInput};
use crate::error::AppError;

/// The routes of the agenda.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_goals, create_goal))
        .routes(routes!(update_goal))
        .routes(routes!(list_local_targets, define_local_target))
}

/// A goal on a locality's agenda.
#[derive(Serialize, ToSchema)]
pub struct GoalBody {
    id: i64,
    locality_id: i64,
    title: String,
    titles: Names,
    descriptions: Names,
    department: Option<String>,
    horizon: Option<i64>,
    work_plan_year: Option<i64>,
    budget_line: Option<String>,
    /// `active`, `achieved` or `dropped`.
    status: String,
    /// SDG goals, targets and local targets it serves: `7`, `7.2`, `7.2.1`.
    sdg_codes: Vec<String>,
}

impl GoalBody {
    pub(crate) fn of(g: Goal, lang: Language) -> GoalBody {
        GoalBody {
            id: g.id,
            locality_id: g.locality_id,
            title: g.title(lang).to_owned(),
            titles: Names::of(&g.title_he, &g.title_ar, &g.title_en),
            descriptions: Names::of(&g.description_he, &g.description_ar, &g.description_en),
            department: g.department,
            horizon: g.horizon,
            work_plan_year: g.work_plan_year,
            budget_line: g.budget_line,
            status: g.status,
            sdg_codes: g.sdg_codes,
        }
    }
}

/// A goal to create or replace.
#[derive(Deserialize, ToSchema)]
pub struct GoalWrite {
    titles: Names,
    #[serde(default)]
    descriptions: Names,
    #[serde(default)]
    department: Option<String>,
    #[serde(default)]
    horizon: Option<i64>,
    #[serde(default)]
    work_plan_year: Option<i64>,
    #[serde(default)]
    budget_line: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    sdg_codes: Vec<String>,
}

impl GoalWrite {
    fn input(&self) -> GoalInput {
        GoalInput {
            titles: self.titles.strings(),
            descriptions: self.descriptions.strings(),
            department: self.department.clone().unwrap_or_default(),
            horizon: self.horizon.map(|y| y.to_string()).unwrap_or_default(),
            work_plan_year: self
                .work_plan_year
                .map(|y| y.to_string())
                .unwrap_or_default(),
            budget_line: self.budget_line.clone().unwrap_or_default(),
            status: self.status.clone().unwrap_or_default(),
            sdg_codes: self.sdg_codes.join(","),
        }
    }
}

/// A locality's goals.
#[utoipa::path(get, path = "/v1/localities/{id}/goals", tag = "agenda", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = Vec<GoalBody>), (status = 404, body = ErrorBody)))]
async fn list_goals(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<Vec<GoalBody>>, AppError> {
    state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let lang = language(&q, &headers, &state);
    Ok(Json(
        state
            .db
            .goals_of(id)
            .await?
            .into_iter()
            .map(|g| GoalBody::of(g, lang))
            .collect(),
    ))
}

/// Adds a goal to a locality's agenda (its staff).
#[utoipa::path(post, path = "/v1/localities/{id}/goals", tag = "agenda", params(("id" = i64, Path)), request_body = GoalWrite, security(("token" = [])),
    responses((status = 201, body = GoalBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_goal(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<GoalWrite>,
) -> Result<Response, AppError> {
    let goal_id = actions::create_goal(&state, &user, id, &body.input()).await?;
    let goal = state.db.goal(goal_id).await?.ok_or(AppError::NotFound)?;
    Ok((
        StatusCode::CREATED,
        Json(GoalBody::of(goal, act::language_of(&state, &user))),
    )
        .into_response())
}

/// Replaces a goal (the locality's staff).
#[utoipa::path(put, path = "/v1/goals/{id}", tag = "agenda", params(("id" = i64, Path)), request_body = GoalWrite, security(("token" = [])),
    responses((status = 200, body = GoalBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_goal(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<GoalWrite>,
) -> Result<Json<GoalBody>, AppError> {
    actions::update_goal(&state, &user, id, &body.input()).await?;
    let goal = state.db.goal(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(GoalBody::of(goal, act::language_of(&state, &user))))
}

/// A locality's own target under an SDG target.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct LocalTargetBody {
    /// `<target>.<n>`, such as `7.2.1`.
    code: String,
    titles: Names,
}

/// A locality's own targets.
#[utoipa::path(get, path = "/v1/localities/{id}/local-targets", tag = "agenda", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<LocalTargetBody>), (status = 404, body = ErrorBody)))]
async fn list_local_targets(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<LocalTargetBody>>, AppError> {
    state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(
        state
            .db
            .local_targets_of(id)
            .await?
            .into_iter()
            .map(|t| LocalTargetBody {
                titles: Names::of(&t.title_he, &t.title_ar, &t.title_en),
                code: t.code,
            })
            .collect(),
    ))
}

/// Defines (or renames) one of the locality's own targets (its staff).
#[utoipa::path(post, path = "/v1/localities/{id}/local-targets", tag = "agenda", params(("id" = i64, Path)), request_body = LocalTargetBody, security(("token" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn define_local_target(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<LocalTargetBody>,
) -> Result<StatusCode, AppError> {
    actions::define_local_target(&state, &user, id, &body.code, &body.titles.strings()).await?;
    Ok(StatusCode::NO_CONTENT)
}
