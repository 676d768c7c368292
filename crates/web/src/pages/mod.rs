//! The server-rendered pages. Every page works without JavaScript; htmx only makes some of them
//! quicker (the directory filters update the results in place).

pub mod accounts;
pub mod admin;
pub mod calls;
pub mod donations;
pub mod home;
pub mod initiatives;
pub mod localities;
pub mod organisations;
pub mod portal;
pub mod record;

use axum::Router;
use axum::extract::Query;
use shutaf_domain::validate::FieldErrors;

use crate::AppState;
use crate::actions::ActionError;
use crate::error::AppError;

pub use crate::view::{Ctx, LanguageLink};

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(home::routes())
        .merge(accounts::routes())
        .merge(organisations::routes())
        .merge(localities::routes())
        .merge(initiatives::routes())
        .merge(calls::routes())
        .merge(donations::routes())
        .merge(portal::routes())
        .merge(record::routes())
        .merge(admin::routes())
}

/// An action posted from a page about the thing of the route's `{id}` (an initiative, a call):
/// who acts, on which, and what the page needs to show the outcome.
pub struct PageAction {
    pub(crate) state: AppState,
    pub(crate) user: shutaf_store::User,
    pub(crate) session: tower_sessions::Session,
    pub(crate) ctx: Ctx,
    pub(crate) id: i64,
}

impl axum::extract::FromRequestParts<AppState> for PageAction {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, AppError> {
        let crate::auth::SignedIn(user) =
            crate::auth::SignedIn::from_request_parts(parts, state).await?;
        let session = tower_sessions::Session::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::Internal("no session layer".into()))?;
        let ctx = Ctx::from_request_parts(parts, state).await?;
        let params = axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::NotFound)?;
        let id = params
            .iter()
            .find(|(name, _)| *name == "id")
            .and_then(|(_, v)| v.parse().ok())
            .ok_or(AppError::NotFound)?;
        Ok(PageAction {
            state: state.clone(),
            user,
            session,
            ctx,
            id,
        })
    }
}

impl PageAction {
    /// Finishes a page action, the same way for every page: on success back to the thing's page
    /// (`{section}/{id}`) with a message; on a form problem or a refusal, that page again (made
    /// by `page` from the form as sent and the problem) with the problem explained next to what
    /// was typed.
    pub(crate) async fn finish<P: askama::Template>(
        self,
        form: FormFields,
        result: Result<(), ActionError>,
        flash: &'static str,
        section: &str,
        page: impl AsyncFnOnce(
            &AppState,
            Option<&shutaf_store::User>,
            Ctx,
            i64,
            FormState,
            Option<String>,
        ) -> Result<P, AppError>,
    ) -> Result<axum::response::Response, AppError> {
        use axum::http::StatusCode;
        use axum::response::{IntoResponse, Redirect};
        use shutaf_domain::lifecycle::Refusal;
        let PageAction {
            state,
            user,
            session,
            ctx,
            id,
        } = self;
        let (status, errors, problem) = match result {
            Ok(()) => {
                crate::auth::flash(&session, flash).await;
                return Ok(Redirect::to(&format!("{section}/{id}")).into_response());
            }
            Err(ActionError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
            Err(ActionError::Refused(key)) => {
                let problem = ctx.t(key);
                (StatusCode::FORBIDDEN, FieldErrors::new(), Some(problem))
            }
            Err(ActionError::App(AppError::Refused(refusal))) => {
                let mut problem = ctx.t(refusal.key());
                let mut errors = FieldErrors::new();
                match &refusal {
                    Refusal::GatesUnmet(gates) => {
                        for gate in gates {
                            problem.push_str(&format!(
                                " {} {}",
                                ctx.t(gate.label_key()),
                                ctx.t(gate.remedy_key())
                            ));
                        }
                    }
                    // Say who may take the step.
                    Refusal::NotYourPart { allowed } => {
                        let who: Vec<String> = allowed
                            .iter()
                            .map(|p| ctx.t(crate::view::party_key(*p)))
                            .collect();
                        problem.push_str(&format!(
                            " {}",
                            ctx.a("refused-who-may", "parties", &ctx.tr.join(&who))
                        ));
                    }
                    // The missing reason is shown at its field too.
                    Refusal::ReasonRequired => errors.add("reason", "refused-reason-required"),
                    Refusal::NoSuchTransition { .. } => {}
                }
                let status = match refusal {
                    Refusal::NotYourPart { .. } => StatusCode::FORBIDDEN,
                    Refusal::ReasonRequired => StatusCode::UNPROCESSABLE_ENTITY,
                    _ => StatusCode::CONFLICT,
                };
                (status, errors, Some(problem))
            }
            Err(ActionError::App(other)) => return Err(other),
        };
        let page = page(
            &state,
            Some(&user),
            ctx,
            id,
            FormState::new(errors, form),
            problem,
        )
        .await?;
        render_status(status, &page)
    }
}

/// A submitted form as name/value pairs. Accepts repeated names (checkbox groups) and never
/// rejects: a missing field reads as empty and validation says what is wrong.
pub struct FormFields(pub Vec<(String, String)>);

impl FormFields {
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

impl<S: Send + Sync> axum::extract::FromRequest<S> for FormFields {
    type Rejection = AppError;

    async fn from_request(request: axum::extract::Request, _state: &S) -> Result<Self, AppError> {
        let bytes = axum::body::to_bytes(request.into_body(), 1024 * 1024)
            .await
            .map_err(|_| AppError::TooLarge)?;
        let pairs = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| AppError::BadRequest("error-bad-form"))?;
        Ok(FormFields(pairs))
    }
}

/// Query parameters as name/value pairs, tolerant in the same way.
pub type QueryFields = Query<Vec<(String, String)>>;

/// The value of a query parameter, or empty.
pub fn query_value<'a>(query: &'a [(String, String)], name: &str) -> &'a str {
    query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// The `?page=` of a paged list: from 1, and at most 100 000, so that the offset
/// `(page - 1) * per_page` cannot overflow (a huge page number used to panic).
pub fn page_number(query: &[(String, String)]) -> i64 {
    query_value(query, "page")
        .parse::<i64>()
        .unwrap_or(1)
        .clamp(1, 100_000)
}

/// Field errors with the form's values, for re-rendering a form as it was sent.
pub struct FormState {
    pub errors: FieldErrors,
    pub values: FormFields,
}

impl FormState {
    pub fn empty() -> FormState {
        FormState {
            errors: FieldErrors::new(),
            values: FormFields(Vec::new()),
        }
    }

    pub fn new(errors: FieldErrors, values: FormFields) -> FormState {
        FormState { errors, values }
    }

    pub fn value(&self, name: &str) -> &str {
        self.values.get(name)
    }

    pub fn checked(&self, name: &str, value: &str) -> bool {
        self.values.all(name).contains(&value)
    }

    pub fn error(&self, name: &str) -> Option<&'static str> {
        self.errors.for_field(name)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// Renders Markdown that people wrote into HTML that is safe to show: raw HTML is not passed
/// through, and what remains is cleaned by ammonia (links get `rel="noopener noreferrer"`).
pub fn markdown(source: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, html};
    let parser = Parser::new_ext(
        source,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    )
    .map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .clean(&out)
        .to_string()
}

/// A local path to go to after an action; anything else (another site) becomes `/`.
pub fn safe_next(next: &str) -> String {
    if next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        // No control characters: a browser drops tabs and line breaks from a `Location`, so
        // `/\t/evil.example` would lead off the site, and others make no valid header.
        && !next.chars().any(char::is_control)
    {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

/// Renders a template into an HTML response.
pub fn render(template: &impl askama::Template) -> Result<axum::response::Response, AppError> {
    use axum::response::IntoResponse;
    Ok(axum::response::Html(template.render()?).into_response())
}

/// Renders a page whose content every visitor sees alike (only the header reads the person):
/// the page cache may give it to signed-in visitors too, each with their own header
/// ([`crate::page_cache::SameForEveryone`]).
pub fn render_alike(
    template: &impl askama::Template,
) -> Result<axum::response::Response, AppError> {
    let mut response = render(template)?;
    response
        .extensions_mut()
        .insert(crate::page_cache::SameForEveryone);
    Ok(response)
}

/// Renders a template with a status (422 for a form with errors).
pub fn render_status(
    status: axum::http::StatusCode,
    template: &impl askama::Template,
) -> Result<axum::response::Response, AppError> {
    use axum::response::IntoResponse;
    Ok((status, axum::response::Html(template.render()?)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_sanitised() {
        let html = markdown(
            "**bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
        );
        assert!(html.contains("<strong>bold</strong>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("<img"));
    }

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/organisations?page=2"), "/organisations?page=2");
        assert_eq!(safe_next("//evil.example.com"), "/");
        assert_eq!(safe_next("https://evil.example.com"), "/");
        assert_eq!(safe_next("/\\evil.example.com"), "/");
        assert_eq!(safe_next("/\t/evil.example.com"), "/");
        assert_eq!(safe_next("/\0"), "/");
    }
}
