//! The API of localities and their conveners.

use super::*;

/// The routes of this part of the API.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_localities, create_locality))
        .routes(routes!(get_locality, update_locality))
}

/// A locality and its convener.
#[derive(Serialize, ToSchema)]
pub struct LocalityBody {
    id: i64,
    name: String,
    names: Names,
    #[schema(schema_with = locality_kind_schema)]
    kind: String,
    convener_organisation_id: i64,
    description: Option<String>,
}

impl LocalityBody {
    fn of(l: Locality, lang: Language) -> LocalityBody {
        LocalityBody {
            id: l.id,
            name: l.name(lang).to_owned(),
            names: Names::of(&l.name_he, &l.name_ar, &l.name_en),
            kind: l.kind.code().into(),
            convener_organisation_id: l.convener_organisation_id,
            description: l.description,
        }
    }
}

/// A goal as a locality lists it (the agenda's own goals are [`super::agenda::GoalBody`]).
#[derive(Serialize, ToSchema)]
pub struct GoalSummaryBody {
    id: i64,
    title: String,
    titles: Names,
    department: Option<String>,
    work_plan_year: Option<i64>,
    budget_line: Option<String>,
}

impl GoalSummaryBody {
    fn of(g: Goal, lang: Language) -> GoalSummaryBody {
        GoalSummaryBody {
            id: g.id,
            title: g.title(lang).to_owned(),
            titles: Names::of(&g.title_he, &g.title_ar, &g.title_en),
            department: g.department,
            work_plan_year: g.work_plan_year,
            budget_line: g.budget_line,
        }
    }
}

/// A locality with its goals.
#[derive(Serialize, ToSchema)]
pub struct LocalityDetail {
    #[serde(flatten)]
    locality: LocalityBody,
    goals: Vec<GoalSummaryBody>,
}

/// Fields of a new locality.
#[derive(Deserialize, ToSchema)]
pub struct LocalityWrite {
    names: Names,
    #[schema(schema_with = locality_kind_schema)]
    kind: String,
    convener_organisation_id: i64,
    #[serde(default)]
    description: Option<String>,
}

// ---- handlers -------------------------------------------------------------------------------

/// All localities.
#[utoipa::path(get, path = "/v1/localities", tag = "localities", params(LangQuery), responses((status = 200, body = Vec<LocalityBody>)))]
async fn list_localities(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<Vec<LocalityBody>>, AppError> {
    let lang = language(&q, &headers, &state);
    Ok(Json(
        state
            .db
            .localities()
            .await?
            .into_iter()
            .map(|l| LocalityBody::of(l, lang))
            .collect(),
    ))
}

/// Creates a locality with its convener (platform administrators).
#[utoipa::path(post, path = "/v1/localities", tag = "localities", request_body = LocalityWrite, security(("token" = [])),
    responses((status = 201, body = LocalityBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_locality(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    ApiJson(body): ApiJson<LocalityWrite>,
) -> Result<Response, AppError> {
    let input = LocalityInput {
        name_he: body.names.he.unwrap_or_default(),
        name_ar: body.names.ar.unwrap_or_default(),
        name_en: body.names.en.unwrap_or_default(),
        kind: body.kind,
        convener: body.convener_organisation_id.to_string(),
        description: body.description.unwrap_or_default(),
    };
    let locality = actions::create_locality(&state, &user, &input).await?;
    let lang = user.language().unwrap_or(state.config.default_language);
    Ok((StatusCode::CREATED, Json(LocalityBody::of(locality, lang))).into_response())
}

/// Fields of a locality to change (its convener stays).
#[derive(Deserialize, ToSchema)]
pub struct LocalityUpdate {
    names: Names,
    #[schema(schema_with = locality_kind_schema)]
    kind: String,
    #[serde(default)]
    description: Option<String>,
}

/// Edits a locality (platform administrators and the convener's owners and administrators).
#[utoipa::path(put, path = "/v1/localities/{id}", tag = "localities", params(("id" = i64, Path)), request_body = LocalityUpdate, security(("token" = [])),
    responses((status = 200, body = LocalityBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_locality(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<LocalityUpdate>,
) -> Result<Json<LocalityBody>, AppError> {
    let input = LocalityInput {
        name_he: body.names.he.unwrap_or_default(),
        name_ar: body.names.ar.unwrap_or_default(),
        name_en: body.names.en.unwrap_or_default(),
        kind: body.kind,
        convener: String::new(),
        description: body.description.unwrap_or_default(),
    };
    let locality = actions::update_locality(&state, &user, id, &input).await?;
    Ok(Json(LocalityBody::of(
        locality,
        user.language().unwrap_or(state.config.default_language),
    )))
}

/// A locality with its goals.
#[utoipa::path(get, path = "/v1/localities/{id}", tag = "localities", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = LocalityDetail), (status = 404, body = ErrorBody)))]
async fn get_locality(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: axum::http::HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<LocalityDetail>, AppError> {
    let lang = language(&q, &headers, &state);
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let goals = state
        .db
        .goals_of(id)
        .await?
        .into_iter()
        .map(|g| GoalSummaryBody::of(g, lang))
        .collect();
    Ok(Json(LocalityDetail {
        locality: LocalityBody::of(locality, lang),
        goals,
    }))
}
