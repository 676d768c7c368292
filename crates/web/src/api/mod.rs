//! The JSON API under `/api/v1`, and its OpenAPI 3.1 document at `/api/openapi.json`, generated
//! from these handlers. Everything a person can do in the pages, a program can do here.
//!
//! Programs authenticate with personal API tokens (`Authorization: Bearer shutaf_...`), scoped
//! `read` or `write`; public data needs no token. Cookies are never accepted here, so the API
//! needs no CSRF token. Errors are `{"error": {"code", "message", "fields"?}}` with a stable code.

use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use shutaf_domain::{
    ContributionType, Language, LocalityKind, MemberRole, OrganisationKind, Sector,
};
use shutaf_store::{
    ApiTokenScope, Goal, Invitation, Locality, Member, Organisation, OrganisationSummary, User,
};
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::actions::{self, LocalityInput, OrganisationInput};
use crate::error::AppError;

pub(crate) mod agenda;
mod calls;
mod donations;
mod initiatives;
/// The decision log's public endpoints; their wire shapes are read back by `shutaf verify --url`.
pub mod log;

#[derive(OpenApi)]
#[openapi(
    info(title = "Shutaf API", description = "The JSON API of the Shutaf hub for cross-sector sustainability partnerships.", license(name = "AGPL-3.0-or-later")),
    modifiers(&BearerAuth),
    tags((name = "account"), (name = "organisations"), (name = "localities"), (name = "agenda"), (name = "initiatives"), (name = "calls"), (name = "donations"), (name = "decision log"))
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A personal API token from the profile page"))
                    .build(),
            ),
        );
    }
}

/// The API's routes and the OpenAPI document describing them.
pub fn routes() -> Router<AppState> {
    let (router, document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(me, update_me))
        .routes(routes!(list_organisations, create_organisation))
        .routes(routes!(get_organisation, update_organisation))
        .routes(routes!(list_members))
        .routes(routes!(invite_member))
        .routes(routes!(change_member, remove_member))
        .routes(routes!(leave_organisation))
        .routes(routes!(accept_invitation))
        .routes(routes!(list_localities, create_locality))
        .routes(routes!(get_locality, update_locality))
        .merge(agenda::routes())
        .merge(initiatives::routes())
        .merge(calls::routes())
        .merge(donations::routes())
        .merge(log::routes())
        .split_for_parts();
    // The API is served under /api; say so in the document's paths.
    let mut document = document;
    document_common_errors(&mut document);
    document.paths.paths = std::mem::take(&mut document.paths.paths)
        .into_iter()
        .map(|(path, item)| (format!("/api{path}"), item))
        .collect();
    let document = std::sync::Arc::new(document);
    router
        .route(
            "/openapi.json",
            axum::routing::get(move || async move { Json(document.as_ref().clone()) }),
        )
        .fallback(|| async { AppError::NotFound })
}

/// Documents the error answers every operation can give, whatever its handler does: 400 when a
/// path or query parameter or the body cannot be read (a wrong type, a number out of range, not
/// JSON of the expected shape), 413 when the body is over the limit, and 503 when the hub sheds
/// load (too many requests at once, no database connection free in time, or a request that took
/// too long), with `Retry-After`. An operation that documents one of them itself keeps its own.
fn document_common_errors(document: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::ParameterIn;
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};

    let error = |description: &str| {
        RefOr::T(
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ErrorBody")))
                        .build(),
                )
                .build(),
        )
    };
    let unavailable = {
        let retry_after = utoipa::openapi::HeaderBuilder::new()
            .schema(Some(ObjectBuilder::new().schema_type(Type::Integer)))
            .description(Some("Seconds to wait before trying again"))
            .build();
        RefOr::T(
            ResponseBuilder::new()
                .description(
                    "The hub is busy: too many requests at once, no database connection free in \
                     time, or the request took too long. Try again after `Retry-After` seconds.",
                )
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ErrorBody")))
                        .build(),
                )
                .header("Retry-After", retry_after)
                .build(),
        )
    };
    for item in document.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            let has_input = operation.parameters.iter().flatten().any(|parameter| {
                matches!(
                    parameter,
                    RefOr::T(p) if matches!(p.parameter_in, ParameterIn::Path | ParameterIn::Query)
                )
            });
            let responses = &mut operation.responses.responses;
            if has_input || operation.request_body.is_some() {
                responses.entry("400".into()).or_insert_with(|| {
                    error(
                        "The request could not be read: a path or query parameter of the wrong \
                         type or out of range, or a body that is not of the expected shape",
                    )
                });
            }
            if operation.request_body.is_some() {
                responses
                    .entry("413".into())
                    .or_insert_with(|| error("The body is larger than the operation accepts"));
            }
            responses
                .entry("503".into())
                .or_insert_with(|| unavailable.clone());
        }
    }
}

// ---- authentication -------------------------------------------------------------------------

/// A request made with a valid API token (any scope).
pub struct ApiUser {
    pub user: User,
    pub scope: ApiTokenScope,
}

/// The token's person when a token is sent (a wrong token is refused), else nobody.
pub struct MaybeApiUser(pub Option<User>);

impl FromRequestParts<AppState> for MaybeApiUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if parts.headers.get(header::AUTHORIZATION).is_none() {
            return Ok(MaybeApiUser(None));
        }
        Ok(MaybeApiUser(Some(
            ApiUser::from_request_parts(parts, state).await?.user,
        )))
    }
}

/// A request made with a token of `write` scope.
pub struct ApiWriter(pub User);

fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = bearer(parts).ok_or(AppError::SignInRequired)?;
        let (user, scope) = state
            .db
            .user_by_api_token(token)
            .await?
            .ok_or(AppError::SignInRequired)?;
        Ok(ApiUser { user, scope })
    }
}

impl FromRequestParts<AppState> for ApiWriter {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let ApiUser { user, scope } = ApiUser::from_request_parts(parts, state).await?;
        if scope != ApiTokenScope::Write {
            return Err(AppError::Forbidden("error-token-read-only"));
        }
        Ok(ApiWriter(user))
    }
}

/// JSON bodies whose problems are answered in the API's error format.
pub struct ApiJson<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::TooLarge)
            }
            Err(rejection) => {
                tracing::debug!("rejected JSON body: {rejection}");
                Err(AppError::BadRequest("error-bad-json"))
            }
        }
    }
}

/// An action's error for the API, with its fields named as the API's bodies name them
/// (`names`: the action's name, the body's name).
pub(crate) fn renamed(error: actions::ActionError, names: &[(&str, &str)]) -> AppError {
    match error {
        actions::ActionError::Invalid(mut fields) => {
            for error in &mut fields.0 {
                if let Some((_, to)) = names.iter().find(|(from, _)| *from == error.field) {
                    error.field = (*to).to_owned();
                }
            }
            AppError::Invalid(fields)
        }
        other => other.into(),
    }
}

/// A page of a list: `limit` items (1 to 100, default 20) after skipping `offset`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct Paging {
    /// 1 to 100, default 20.
    limit: Option<i64>,
    /// How many to skip, default 0.
    offset: Option<i64>,
}

impl Paging {
    pub(crate) fn limit(&self) -> i64 {
        self.limit.unwrap_or(20).clamp(1, 100)
    }

    pub(crate) fn offset(&self) -> i64 {
        self.offset.unwrap_or(0).clamp(0, 1_000_000_000)
    }
}

/// The language for texts in answers: `?lang=`, else `Accept-Language`, else Hebrew.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct LangQuery {
    /// `he`, `ar` or `en`.
    pub(crate) lang: Option<String>,
}

pub(crate) fn language(
    query: &LangQuery,
    headers: &axum::http::HeaderMap,
    state: &AppState,
) -> Language {
    query
        .lang
        .as_deref()
        .and_then(Language::parse)
        .unwrap_or_else(|| crate::negotiate_language(headers, None, state.config.default_language))
}

// ---- schemas --------------------------------------------------------------------------------

pub(crate) fn codes(values: impl Iterator<Item = &'static str>) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.collect::<Vec<_>>()))
        .build()
}
/// Like [`codes`], for a field that may also be null.
pub(crate) fn nullable_codes(values: impl Iterator<Item = &'static str>) -> Object {
    ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([
            Type::String,
            Type::Null,
        ]))
        .enum_values(Some(
            values
                .map(serde_json::Value::from)
                .chain(std::iter::once(serde_json::Value::Null))
                .collect::<Vec<_>>(),
        ))
        .build()
}
pub(crate) fn sector_schema() -> Object {
    codes(Sector::ALL.iter().map(|s| s.code()))
}
fn kind_schema() -> Object {
    codes(OrganisationKind::ALL.iter().map(|s| s.code()))
}
pub(crate) fn contribution_schema() -> Object {
    codes(ContributionType::ALL.iter().map(|s| s.code()))
}
fn locality_kind_schema() -> Object {
    codes(LocalityKind::ALL.iter().map(|s| s.code()))
}
fn role_schema() -> Object {
    codes(MemberRole::ALL.iter().map(|s| s.code()))
}

/// A name in each of the hub's languages; at least one is given.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct Names {
    #[serde(default)]
    pub he: Option<String>,
    #[serde(default)]
    pub ar: Option<String>,
    #[serde(default)]
    pub en: Option<String>,
}

impl Names {
    /// The three texts as typed (missing ones empty), in the order he, ar, en.
    pub(crate) fn strings(&self) -> [String; 3] {
        [
            self.he.clone().unwrap_or_default(),
            self.ar.clone().unwrap_or_default(),
            self.en.clone().unwrap_or_default(),
        ]
    }

    pub(crate) fn of(he: &Option<String>, ar: &Option<String>, en: &Option<String>) -> Names {
        Names {
            he: he.clone(),
            ar: ar.clone(),
            en: en.clone(),
        }
    }
}

/// The API's error answer.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable: `not_found`, `method_not_allowed`, `unauthenticated`, `forbidden`, `recused`, `undeclared`, `bad_request`, `unsupported_media_type`, `invalid`, `reason_required`, `conflict`, `no_such_transition`, `gates_unmet`, `rate_limited`, `too_large`, `overloaded`, `database_busy`, `timeout`, `internal`.
    code: String,
    /// Explanation in the request's language.
    message: String,
    /// For `invalid`: the fields and what is wrong with each.
    fields: Option<Vec<FieldErrorBody>>,
    /// For `gates_unmet`: each unmet gate, what it requires and how to meet it.
    gates: Option<Vec<GateBody>>,
}

#[derive(Serialize, ToSchema)]
pub struct GateBody {
    code: String,
    message: String,
    remedy: String,
}

#[derive(Serialize, ToSchema)]
pub struct FieldErrorBody {
    field: String,
    code: String,
    message: String,
}

/// An organisation's profile.
#[derive(Serialize, ToSchema)]
pub struct OrganisationBody {
    id: i64,
    /// The name in the requested language (or the first one given).
    name: String,
    names: Names,
    #[schema(schema_with = sector_schema)]
    sector: String,
    #[schema(schema_with = kind_schema)]
    kind: String,
    description: Option<String>,
    website: Option<String>,
    #[schema(schema_with = contributions_schema)]
    contributions: Vec<String>,
    contributions_text: Option<String>,
    locality_ids: Vec<i64>,
    created_at: i64,
    updated_at: i64,
}

pub(crate) fn contributions_schema() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(contribution_schema())
        .build()
}

impl OrganisationBody {
    fn of(org: Organisation, lang: Language) -> OrganisationBody {
        OrganisationBody {
            id: org.id,
            name: org.name(lang).to_owned(),
            names: Names::of(&org.name_he, &org.name_ar, &org.name_en),
            sector: org.sector.code().into(),
            kind: org.kind.code().into(),
            description: org.description,
            website: org.website,
            contributions: org
                .contributions
                .iter()
                .map(|c| c.code().to_owned())
                .collect(),
            contributions_text: org.contributions_text,
            locality_ids: org.locality_ids,
            created_at: org.created_at,
            updated_at: org.updated_at,
        }
    }
}

/// An organisation as listed.
#[derive(Serialize, ToSchema)]
pub struct OrganisationListItem {
    id: i64,
    name: String,
    names: Names,
    #[schema(schema_with = sector_schema)]
    sector: String,
    #[schema(schema_with = kind_schema)]
    kind: String,
    #[schema(schema_with = contributions_schema)]
    contributions: Vec<String>,
}

impl OrganisationListItem {
    fn of(org: &OrganisationSummary, lang: Language) -> OrganisationListItem {
        OrganisationListItem {
            id: org.id,
            name: org.name(lang).to_owned(),
            names: Names::of(&org.name_he, &org.name_ar, &org.name_en),
            sector: org.sector.code().into(),
            kind: org.kind.code().into(),
            contributions: org
                .contributions
                .iter()
                .map(|c| c.code().to_owned())
                .collect(),
        }
    }
}

/// One page of organisations.
#[derive(Serialize, ToSchema)]
pub struct OrganisationPage {
    items: Vec<OrganisationListItem>,
    total: i64,
    page: u32,
    per_page: u32,
    pages: u32,
}

/// Fields of an organisation to create or replace.
#[derive(Deserialize, ToSchema)]
pub struct OrganisationWrite {
    names: Names,
    #[schema(schema_with = sector_schema)]
    sector: String,
    #[schema(schema_with = kind_schema)]
    kind: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    #[schema(schema_with = contributions_schema)]
    contributions: Vec<String>,
    #[serde(default)]
    contributions_text: Option<String>,
    #[serde(default)]
    locality_ids: Vec<i64>,
}

impl OrganisationWrite {
    fn input(self) -> OrganisationInput {
        OrganisationInput {
            name_he: self.names.he.unwrap_or_default(),
            name_ar: self.names.ar.unwrap_or_default(),
            name_en: self.names.en.unwrap_or_default(),
            sector: self.sector,
            kind: self.kind,
            description: self.description.unwrap_or_default(),
            website: self.website.unwrap_or_default(),
            contributions: self.contributions,
            contributions_text: self.contributions_text.unwrap_or_default(),
            localities: self.locality_ids.iter().map(i64::to_string).collect(),
        }
    }
}

/// A member of an organisation.
#[derive(Serialize, ToSchema)]
pub struct MemberBody {
    user_id: i64,
    display_name: String,
    email: String,
    #[schema(schema_with = role_schema)]
    role: String,
}

impl From<Member> for MemberBody {
    fn from(m: Member) -> Self {
        MemberBody {
            user_id: m.user_id,
            display_name: m.display_name,
            email: m.email,
            role: m.role.code().into(),
        }
    }
}

/// An invitation to send.
#[derive(Deserialize, ToSchema)]
pub struct InvitationWrite {
    email: String,
    #[schema(schema_with = role_schema)]
    role: String,
}

/// An invitation as sent (its secret link goes only to the invited address).
#[derive(Serialize, ToSchema)]
pub struct InvitationBody {
    id: i64,
    organisation_id: i64,
    email: String,
    #[schema(schema_with = role_schema)]
    role: String,
    expires_at: i64,
}

impl From<Invitation> for InvitationBody {
    fn from(i: Invitation) -> Self {
        InvitationBody {
            id: i.id,
            organisation_id: i.organisation_id,
            email: i.email,
            role: i.role.code().into(),
            expires_at: i.expires_at,
        }
    }
}

/// A new role for a member.
#[derive(Deserialize, ToSchema)]
pub struct RoleWrite {
    #[schema(schema_with = role_schema)]
    role: String,
}

/// The organisation joined by accepting an invitation.
#[derive(Serialize, ToSchema)]
pub struct Joined {
    organisation_id: i64,
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

/// A goal as a locality lists it (the agenda's own goals are [`agenda::GoalBody`]).
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

/// Directory filters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct DirectoryQuery {
    /// Words to find; Hebrew prefixes and Hebrew and Arabic vowel marks are ignored.
    q: Option<String>,
    /// `public`, `third` or `business`.
    sector: Option<String>,
    kind: Option<String>,
    locality: Option<i64>,
    contribution: Option<String>,
    /// From 1.
    page: Option<u32>,
    /// 1 to 100, default 20.
    per_page: Option<u32>,
    /// `he`, `ar` or `en`: the language of `name` and of the order.
    lang: Option<String>,
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

/// The public directory of organisations, filtered and paged.
#[utoipa::path(get, path = "/v1/organisations", tag = "organisations", params(DirectoryQuery),
    responses((status = 200, body = OrganisationPage), (status = 400, body = ErrorBody)))]
async fn list_organisations(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    Query(q): Query<DirectoryQuery>,
) -> Result<Json<OrganisationPage>, AppError> {
    let lang = language(
        &LangQuery {
            lang: q.lang.clone(),
        },
        &headers,
        &state,
    );
    let filter = shutaf_store::DirectoryFilter {
        q: non_empty(&q.q).map(|s| s.chars().take(200).collect()),
        sector: match non_empty(&q.sector) {
            Some(code) => {
                Some(Sector::parse(code).ok_or(AppError::BadRequest("error-choose-option"))?)
            }
            None => None,
        },
        kind: match non_empty(&q.kind) {
            Some(code) => Some(
                OrganisationKind::parse(code).ok_or(AppError::BadRequest("error-choose-option"))?,
            ),
            None => None,
        },
        locality_id: q.locality,
        contribution: match non_empty(&q.contribution) {
            Some(code) => Some(
                ContributionType::parse(code).ok_or(AppError::BadRequest("error-choose-option"))?,
            ),
            None => None,
        },
        lang,
        page: q.page.unwrap_or(1).clamp(1, 100_000),
        per_page: q.per_page.unwrap_or(20).clamp(1, 100),
    };
    let directory = state.db.directory(&filter).await?;
    Ok(Json(OrganisationPage {
        pages: directory.pages(),
        items: directory
            .items
            .iter()
            .map(|o| OrganisationListItem::of(o, lang))
            .collect(),
        total: directory.total,
        page: directory.page,
        per_page: directory.per_page,
    }))
}

/// Creates an organisation; the token's person becomes its owner.
#[utoipa::path(post, path = "/v1/organisations", tag = "organisations", request_body = OrganisationWrite, security(("token" = [])),
    responses((status = 201, body = OrganisationBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_organisation(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    ApiJson(body): ApiJson<OrganisationWrite>,
) -> Result<Response, AppError> {
    let org = actions::create_organisation(&state, &user, &body.input()).await?;
    let lang = user.language().unwrap_or(state.config.default_language);
    Ok((StatusCode::CREATED, Json(OrganisationBody::of(org, lang))).into_response())
}

/// An organisation's public profile.
#[utoipa::path(get, path = "/v1/organisations/{id}", tag = "organisations", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = OrganisationBody), (status = 404, body = ErrorBody)))]
async fn get_organisation(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: axum::http::HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<OrganisationBody>, AppError> {
    let org = state.db.organisation(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(OrganisationBody::of(
        org,
        language(&q, &headers, &state),
    )))
}

/// Replaces an organisation's profile (owners and administrators of the organisation).
#[utoipa::path(put, path = "/v1/organisations/{id}", tag = "organisations", params(("id" = i64, Path)), request_body = OrganisationWrite, security(("token" = [])),
    responses((status = 200, body = OrganisationBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_organisation(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<OrganisationWrite>,
) -> Result<Json<OrganisationBody>, AppError> {
    let org = actions::update_organisation(&state, &user, id, &body.input()).await?;
    Ok(Json(OrganisationBody::of(
        org,
        user.language().unwrap_or(state.config.default_language),
    )))
}

/// The members of an organisation (its members only).
#[utoipa::path(get, path = "/v1/organisations/{id}/members", tag = "organisations", params(("id" = i64, Path)), security(("token" = [])),
    responses((status = 200, body = Vec<MemberBody>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_members(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
) -> Result<Json<Vec<MemberBody>>, AppError> {
    actions::authorise(
        &state,
        &api.user,
        id,
        shutaf_domain::authz::OrganisationAction::SeeMembers,
    )
    .await?;
    Ok(Json(
        state
            .db
            .members(id)
            .await?
            .into_iter()
            .map(MemberBody::from)
            .collect(),
    ))
}

/// Invites a person by email; the link goes to them by mail.
#[utoipa::path(post, path = "/v1/organisations/{id}/invitations", tag = "organisations", params(("id" = i64, Path)), request_body = InvitationWrite, security(("token" = [])),
    responses((status = 201, body = InvitationBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn invite_member(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<InvitationWrite>,
) -> Result<Response, AppError> {
    let lang = user.language().unwrap_or(state.config.default_language);
    let invitation = actions::invite(&state, &user, id, &body.email, &body.role, lang).await?;
    Ok((StatusCode::CREATED, Json(InvitationBody::from(invitation))).into_response())
}

/// Changes a member's role.
#[utoipa::path(put, path = "/v1/organisations/{id}/members/{user_id}", tag = "organisations", params(("id" = i64, Path), ("user_id" = i64, Path)), request_body = RoleWrite, security(("token" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn change_member(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, member)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<RoleWrite>,
) -> Result<StatusCode, AppError> {
    let Some(role) = MemberRole::parse(&body.role) else {
        let mut errors = shutaf_domain::validate::FieldErrors::new();
        errors.add("role", "error-choose-option");
        return Err(AppError::Invalid(errors));
    };
    actions::change_member(&state, &user, id, member, Some(role)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a member from an organisation.
#[utoipa::path(delete, path = "/v1/organisations/{id}/members/{user_id}", tag = "organisations", params(("id" = i64, Path), ("user_id" = i64, Path)), security(("token" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn remove_member(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, member)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    actions::change_member(&state, &user, id, member, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Leaves an organisation (not as its last owner).
#[utoipa::path(post, path = "/v1/organisations/{id}/leave", tag = "organisations", params(("id" = i64, Path)), security(("token" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn leave_organisation(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    actions::leave(&state, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Accepts an invitation with the secret from its link.
#[utoipa::path(post, path = "/v1/invitations/{token}/accept", tag = "organisations", params(("token" = String, Path)), security(("token" = [])),
    responses((status = 200, body = Joined), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn accept_invitation(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(token): Path<String>,
) -> Result<Json<Joined>, AppError> {
    let organisation_id = actions::accept_invitation(&state, &user, &token).await?;
    Ok(Json(Joined { organisation_id }))
}

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
