//! The API of the token's person: who am I, and their profile.

use super::*;

/// The routes of this part of the API.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(me, update_me))
}

/// The person behind the token.
#[derive(Serialize, ToSchema)]
pub struct Me {
    id: i64,
    email: String,
    display_name: String,
    preferred_language: Option<String>,
    platform_admin: bool,
    /// `read` or `write`.
    token_scope: String,
    organisations: Vec<Membership>,
}

#[derive(Serialize, ToSchema)]
pub struct Membership {
    organisation_id: i64,
    name: String,
    #[schema(schema_with = role_schema)]
    role: String,
}

/// Profile fields to change.
#[derive(Deserialize, ToSchema)]
pub struct ProfileWrite {
    display_name: String,
    /// `he`, `ar`, `en`, or null to follow the browser.
    #[serde(default)]
    preferred_language: Option<String>,
}

/// Who am I: the token's person, scope and organisations.
#[utoipa::path(get, path = "/v1/me", tag = "account", params(LangQuery), security(("token" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
async fn me(
    State(state): State<AppState>,
    api: ApiUser,
    headers: axum::http::HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<Me>, AppError> {
    let lang = language(&q, &headers, &state);
    me_body(&state, &api.user, api.scope, lang).await.map(Json)
}

async fn me_body(
    state: &AppState,
    user: &User,
    scope: ApiTokenScope,
    lang: Language,
) -> Result<Me, AppError> {
    let organisations = state
        .db
        .organisations_of(user.id)
        .await?
        .into_iter()
        .map(|(org, role)| Membership {
            organisation_id: org.id,
            name: org.name(lang).to_owned(),
            role: role.code().into(),
        })
        .collect();
    Ok(Me {
        id: user.id,
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        preferred_language: user.preferred_language.clone(),
        platform_admin: user.platform_admin(),
        token_scope: scope.code().into(),
        organisations,
    })
}

/// Changes the token owner's name and preferred language.
#[utoipa::path(put, path = "/v1/me", tag = "account", request_body = ProfileWrite, security(("token" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_me(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    ApiJson(body): ApiJson<ProfileWrite>,
) -> Result<Json<Me>, AppError> {
    let mut errors = shutaf_domain::validate::FieldErrors::new();
    let name = errors.check(
        "display_name",
        shutaf_domain::validate::required_line(&body.display_name, 100),
    );
    let lang = match body.preferred_language.as_deref() {
        None | Some("") => None,
        Some(code) => errors.check(
            "preferred_language",
            Language::parse(code).ok_or("error-choose-option"),
        ),
    };
    let Some(name) = name.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    state.db.update_profile(user.id, &name, lang).await?;
    let user = state
        .db
        .user_by_id(user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = user.language().unwrap_or(state.config.default_language);
    me_body(&state, &user, ApiTokenScope::Write, lang)
        .await
        .map(Json)
}
