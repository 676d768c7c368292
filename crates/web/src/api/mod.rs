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

mod account;
pub(crate) mod agenda;
mod calls;
mod donations;
mod initiatives;
/// The decision log's public endpoints; their wire shapes are read back by `shutaf verify --url`.
mod localities;
pub mod log;
mod organisations;

pub use account::*;
pub use localities::*;
pub use organisations::*;

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
        .merge(account::routes())
        .merge(organisations::routes())
        .merge(localities::routes())
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

pub use crate::error::{ErrorBody, ErrorDetail, FieldErrorBody, GateBody};
