//! Errors, turned into responses in one place.
//!
//! Handlers return `AppError`. Its `IntoResponse` only marks the response with the error; the
//! `render_errors` middleware, which knows the reader's language and whether the request was for
//! the API, turns the mark into a page (in Hebrew, Arabic or English) or a JSON body with a
//! stable code. A user's mistake is never a 500.

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Serialize;
use shutaf_domain::validate::FieldErrors;
use shutaf_store::StoreError;
use utoipa::ToSchema;

use crate::i18n::Tr;
use crate::security::{CSRF_COOKIE, cookie};
use crate::{AppState, negotiate_language};

/// An error a handler can return.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// The action needs a signed-in person (pages redirect to sign-in; the API answers 401).
    #[error("sign in required")]
    SignInRequired,
    /// Refused, with the Fluent key of the reason.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// The request itself is malformed, with the Fluent key of the explanation.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// Fields failed validation (API; pages re-render their form instead).
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Too many attempts: try again after this many seconds.
    #[error("too many attempts")]
    RateLimited(u64),
    /// A lifecycle transition was refused: the role, a missing reason, or unmet gates.
    #[error("transition refused: {0:?}")]
    Refused(shutaf_domain::lifecycle::Refusal),
    /// More requests are in flight than `max_in_flight`: this one is refused at once (503).
    #[error("overloaded")]
    Overloaded,
    /// No database connection was free in time: busy, not broken (503).
    #[error("database busy")]
    DatabaseBusy,
    /// The request took longer than `request_timeout_seconds` (503).
    #[error("timed out")]
    TimedOut,
    /// The body is larger than the route accepts (413).
    #[error("payload too large")]
    TooLarge,
    #[error("internal error: {0}")]
    Internal(String),
}

/// What a 503 asks the client to wait before trying again, in seconds.
pub const RETRY_AFTER_SECONDS: u64 = 5;

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict => AppError::Conflict("error-conflict"),
            busy if busy.is_unavailable() => AppError::DatabaseBusy,
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        AppError::Internal(format!("template: {error}"))
    }
}

/// What the error middleware needs to render an error.
#[derive(Debug, Clone)]
pub struct ErrorMark {
    pub code: &'static str,
    pub message_key: &'static str,
    pub fields: Option<FieldErrors>,
    /// Unmet gates of a refused transition, each explained with its remedy.
    pub gates: Vec<shutaf_domain::lifecycle::Gate>,
}

impl AppError {
    fn parts(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            AppError::NotFound => (StatusCode::NOT_FOUND, "not_found", "error-not-found"),
            AppError::SignInRequired => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "refused-sign-in",
            ),
            // Stepping aside and a missing declaration get codes of their own, so programs can
            // tell them from a plain lack of rights.
            AppError::Forbidden(key @ "refused-recused") => (StatusCode::FORBIDDEN, "recused", key),
            AppError::Forbidden(key @ "refused-undeclared") => {
                (StatusCode::FORBIDDEN, "undeclared", key)
            }
            AppError::Forbidden(key) => (StatusCode::FORBIDDEN, "forbidden", key),
            AppError::BadRequest(key) => (StatusCode::BAD_REQUEST, "bad_request", key),
            AppError::Invalid(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "error-invalid-input",
            ),
            AppError::Conflict(key) => (StatusCode::CONFLICT, "conflict", key),
            AppError::RateLimited(_) => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "error-rate-limited",
            ),
            AppError::Overloaded => (
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                "error-overloaded",
            ),
            AppError::DatabaseBusy => (
                StatusCode::SERVICE_UNAVAILABLE,
                "database_busy",
                "error-overloaded",
            ),
            AppError::TimedOut => (StatusCode::SERVICE_UNAVAILABLE, "timeout", "error-timeout"),
            AppError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                "error-too-large",
            ),
            AppError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "error-internal",
            ),
            AppError::Refused(refusal) => {
                use shutaf_domain::lifecycle::Refusal;
                let (status, code) = match refusal {
                    Refusal::NoSuchTransition { .. } => {
                        (StatusCode::CONFLICT, "no_such_transition")
                    }
                    Refusal::NotYourPart { .. } => (StatusCode::FORBIDDEN, "forbidden"),
                    Refusal::ReasonRequired => {
                        (StatusCode::UNPROCESSABLE_ENTITY, "reason_required")
                    }
                    Refusal::GatesUnmet(_) => (StatusCode::CONFLICT, "gates_unmet"),
                };
                (status, code, refusal.key())
            }
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            AppError::Internal(detail) => tracing::error!(%detail, "internal error"),
            AppError::DatabaseBusy => {
                tracing::warn!("no database connection was free in time: answered 503")
            }
            AppError::TimedOut => tracing::warn!("a request took too long: answered 503"),
            _ => {}
        }
        let (status, code, message_key) = self.parts();
        let gates = match &self {
            AppError::Refused(shutaf_domain::lifecycle::Refusal::GatesUnmet(gates)) => {
                gates.clone()
            }
            _ => Vec::new(),
        };
        let retry_after = match &self {
            AppError::RateLimited(seconds) => Some((*seconds).max(1)),
            _ => None,
        };
        let fields = match self {
            AppError::Invalid(fields) => Some(fields),
            _ => None,
        };
        let mut response = status.into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
        } else if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                header::HeaderValue::from(RETRY_AFTER_SECONDS),
            );
        }
        response.extensions_mut().insert(ErrorMark {
            code,
            message_key,
            fields,
            gates,
        });
        response
    }
}

/// The API's error answer: what the hub sends, and (through `ToSchema`) what its OpenAPI
/// document says it sends.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable: `not_found`, `method_not_allowed`, `unauthenticated`, `forbidden`, `recused`, `undeclared`, `bad_request`, `unsupported_media_type`, `invalid`, `reason_required`, `conflict`, `no_such_transition`, `gates_unmet`, `rate_limited`, `too_large`, `overloaded`, `database_busy`, `timeout`, `internal`.
    code: &'static str,
    /// Explanation in the request's language.
    message: String,
    /// For `invalid`: the fields and what is wrong with each.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false)]
    fields: Option<Vec<FieldErrorBody>>,
    /// For `gates_unmet`: each unmet gate, what it requires and how to meet it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(required = false)]
    gates: Vec<GateBody>,
}

/// An unmet gate: what it requires and how to meet it.
#[derive(Serialize, ToSchema)]
pub struct GateBody {
    code: &'static str,
    message: String,
    remedy: String,
}

/// A field and what is wrong with it.
#[derive(Serialize, ToSchema)]
pub struct FieldErrorBody {
    field: String,
    code: &'static str,
    message: String,
}

#[derive(askama::Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: crate::view::Ctx,
    status: u16,
    message: String,
    /// Unmet gates: (what is required, how to meet it).
    gates: Vec<(String, String)>,
}

/// What rendering an error for a request needs, taken from the request before it is handled.
pub struct ErrorContext {
    is_api: bool,
    path_and_query: String,
    lang: shutaf_domain::Language,
    csrf: Option<String>,
}

/// The error code of a rendered error response, for the metrics.
#[derive(Debug, Clone, Copy)]
pub struct RenderedError(pub &'static str);

impl ErrorContext {
    pub fn of(request: &Request, state: &AppState) -> ErrorContext {
        ErrorContext {
            is_api: request.uri().path().starts_with("/api/"),
            path_and_query: request
                .uri()
                .path_and_query()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_else(|| "/".into()),
            lang: negotiate_language(request.headers(), None, state.config.default_language),
            csrf: cookie(request.headers(), CSRF_COOKIE),
        }
    }

    /// Turns a response marked with an error into a page or JSON; gives bare 404/405 responses
    /// (unknown routes) a body; leaves every other response alone.
    pub fn render(self, response: Response) -> Response {
        let mark = match response.extensions().get::<ErrorMark>() {
            Some(mark) => mark.clone(),
            None if response.status() == StatusCode::NOT_FOUND
                && response.headers().get(header::CONTENT_TYPE).is_none() =>
            {
                ErrorMark {
                    code: "not_found",
                    message_key: "error-not-found",
                    fields: None,
                    gates: Vec::new(),
                }
            }
            None if response.status() == StatusCode::METHOD_NOT_ALLOWED => ErrorMark {
                code: "method_not_allowed",
                message_key: "error-method-not-allowed",
                fields: None,
                gates: Vec::new(),
            },
            // An extractor's refusal (a path or query parameter that is not a number, say) comes
            // as axum's English plain text; the API answers it in its own format and pages with
            // the translated error page, with the same status.
            None if response.status().is_client_error() && is_plain_text(&response) => {
                let (code, message_key) = match response.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => ("too_large", "error-too-large"),
                    StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                        ("unsupported_media_type", "error-bad-request")
                    }
                    _ => ("bad_request", "error-bad-request"),
                };
                ErrorMark {
                    code,
                    message_key,
                    fields: None,
                    gates: Vec::new(),
                }
            }
            None => return response,
        };
        let status = response.status();
        let tr = Tr::new(self.lang);
        let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
        let code = mark.code;

        let mut out = if self.is_api {
            let fields = mark.fields.map(|f| {
                f.0.into_iter()
                    .map(|e| FieldErrorBody {
                        message: tr.t(e.code),
                        field: e.field,
                        code: e.code,
                    })
                    .collect()
            });
            (
                status,
                Json(ErrorBody {
                    error: ErrorDetail {
                        code: mark.code,
                        message: tr.t(mark.message_key),
                        fields,
                        gates: mark
                            .gates
                            .iter()
                            .map(|g| GateBody {
                                code: g.code(),
                                message: tr.t(&g.label_key()),
                                remedy: tr.t(&g.remedy_key()),
                            })
                            .collect(),
                    },
                }),
            )
                .into_response()
        } else if status == StatusCode::UNAUTHORIZED {
            let next = urlencode(&self.path_and_query);
            Redirect::to(&format!("/signin?next={next}")).into_response()
        } else {
            let ctx = crate::view::Ctx::bare(tr, self.csrf, self.path_and_query);
            let page = ErrorPage {
                ctx,
                status: status.as_u16(),
                message: tr.t(mark.message_key),
                gates: mark
                    .gates
                    .iter()
                    .map(|g| (tr.t(&g.label_key()), tr.t(&g.remedy_key())))
                    .collect(),
            };
            match askama::Template::render(&page) {
                Ok(html) => (status, Html(html)).into_response(),
                Err(e) => {
                    tracing::error!("error page failed to render: {e}");
                    (status, tr.t(mark.message_key)).into_response()
                }
            }
        };
        if let Some(value) = retry_after {
            out.headers_mut().insert(header::RETRY_AFTER, value);
        }
        out.extensions_mut().insert(RenderedError(code));
        out
    }
}

/// A bare or plain-text answer: what axum's extractors and body limits give.
fn is_plain_text(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_none_or(|value| value.starts_with("text/plain"))
}

/// Turns error marks into pages or JSON; also gives bare 404/405 responses (unknown routes) a body.
pub async fn render_errors(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let context = ErrorContext::of(&request, &state);
    context.render(next.run(request).await)
}

/// Percent-encodes a value for a query string.
pub fn urlencode(value: &str) -> String {
    serde_urlencoded::to_string([("", value)])
        .map(|s| s.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}
