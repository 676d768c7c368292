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
use axum::extract::{DefaultBodyLimit, FromRequestParts, Query};
use axum::http::request::Parts;
use axum::routing::{get, post};
use shutaf_domain::Language;
use shutaf_domain::validate::FieldErrors;
use shutaf_store::User;
use tower_sessions::Session;

use crate::AppState;
use crate::auth::MaybeUser;
use crate::error::{AppError, urlencode};
use crate::i18n::Tr;
use crate::security::CsrfToken;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/healthz", get(home::healthz))
        .route("/accessibility", get(home::accessibility))
        .route("/language/{code}", get(home::switch_language))
        .route("/signup", get(accounts::signup_form).post(accounts::signup))
        .route("/verify-email", get(accounts::verify_email))
        .route("/signin", get(accounts::signin_form).post(accounts::signin))
        .route("/signout", post(accounts::signout))
        .route(
            "/password/forgot",
            get(accounts::forgot_form).post(accounts::forgot),
        )
        .route(
            "/password/reset",
            get(accounts::reset_form).post(accounts::reset),
        )
        .route(
            "/profile",
            get(accounts::profile).post(accounts::update_profile),
        )
        .route(
            "/profile/tokens",
            get(accounts::tokens).post(accounts::create_token),
        )
        .route("/profile/tokens/{id}/revoke", post(accounts::revoke_token))
        .route(
            "/organisations",
            get(organisations::directory).post(organisations::create),
        )
        .route("/organisations/new", get(organisations::new_form))
        .route("/organisations/{id}", get(organisations::show))
        .route(
            "/organisations/{id}/edit",
            get(organisations::edit_form).post(organisations::update),
        )
        .route(
            "/organisations/{id}/members",
            get(organisations::members).post(organisations::invite),
        )
        .route(
            "/organisations/{id}/members/{user_id}",
            post(organisations::change_member),
        )
        .route("/organisations/{id}/leave", post(organisations::leave))
        .route(
            "/invitations/{token}",
            get(organisations::invitation).post(organisations::accept_invitation),
        )
        .route("/localities", get(localities::list))
        .route("/localities/{id}", get(localities::show))
        .route(
            "/localities/{id}/edit",
            get(localities::edit_form).post(localities::update),
        )
        .route("/initiatives/new", get(initiatives::new_form))
        .route("/initiatives", post(initiatives::create))
        .route("/initiatives/{id}", get(initiatives::show))
        .route(
            "/initiatives/{id}/edit",
            get(initiatives::edit_form).post(initiatives::update),
        )
        .route("/initiatives/{id}/engage", post(initiatives::engage))
        .route("/initiatives/{id}/stage", post(initiatives::change_stage))
        .route("/initiatives/{id}/partners", post(initiatives::add_partner))
        .route(
            "/initiatives/{id}/partners/{org}",
            post(initiatives::describe_partner),
        )
        .route(
            "/initiatives/{id}/partners/{org}/remove",
            post(initiatives::remove_partner),
        )
        .route(
            "/initiatives/{id}/partners/{org}/contributions",
            post(initiatives::add_contribution),
        )
        .route(
            "/initiatives/{id}/partners/{org}/contributions/{contribution}/remove",
            post(initiatives::remove_contribution),
        )
        .route("/initiatives/{id}/work-plan", post(initiatives::work_plan))
        .route("/initiatives/{id}/integrity", post(initiatives::integrity))
        .route("/initiatives/{id}/declaration", post(initiatives::declare))
        .route(
            "/initiatives/{id}/notice",
            post(initiatives::publish_notice),
        )
        .route(
            "/initiatives/{id}/notice/alternatives",
            post(initiatives::propose_alternative),
        )
        .route(
            "/initiatives/{id}/notice/decision",
            post(initiatives::decide_notice),
        )
        .route(
            "/initiatives/{id}/charter",
            get(initiatives::charter).post(initiatives::propose_charter),
        )
        .route(
            "/initiatives/{id}/charter/{version}/endorse",
            post(initiatives::endorse),
        )
        .route(
            "/initiatives/{id}/expectations",
            get(initiatives::expectations_page).post(initiatives::answer_expectations),
        )
        .route("/localities/{id}/initiatives", get(initiatives::dashboard))
        .route(
            "/initiatives/{id}/suggestions",
            get(initiatives::suggestions),
        )
        .route(
            "/organisations/{id}/opportunities",
            get(initiatives::opportunities),
        )
        .route(
            "/localities/{id}/calls",
            get(calls::list).post(calls::create),
        )
        .route("/localities/{id}/calls/new", get(calls::new_form))
        .route("/calls/{id}", get(calls::show))
        .route(
            "/calls/{id}/edit",
            get(calls::edit_form).post(calls::update),
        )
        .route("/calls/{id}/publish", post(calls::publish))
        .route(
            "/calls/{id}/applications",
            post(calls::apply).layer(DefaultBodyLimit::max(crate::security::UPLOAD_LIMIT)),
        )
        .route(
            "/calls/{id}/documents",
            post(calls::add_documents).layer(DefaultBodyLimit::max(crate::security::UPLOAD_LIMIT)),
        )
        .route("/calls/{id}/declaration", post(calls::declare))
        .route(
            "/calls/{id}/applications/{application_id}/scores",
            post(calls::score),
        )
        .route("/calls/{id}/award", post(calls::award))
        .route("/calls/{id}/cancel", post(calls::cancel))
        .route("/calls/{id}/rerun", post(calls::rerun))
        .route("/calls/{id}/initiative", post(calls::start_initiative))
        .route("/attachments/{id}", get(calls::attachment))
        .route(
            "/localities/{id}/donations",
            get(donations::list).post(donations::register),
        )
        .route(
            "/donations/{id}",
            get(donations::show).post(donations::step),
        )
        .route("/localities/{id}/portal", get(portal::page))
        .route("/localities/{id}/portal/{file}", get(portal::download))
        .route("/localities/{id}/record", get(record::page))
        .route("/auditors", get(record::auditors))
        .route("/localities/{id}/record.atom", get(record::feed))
        .route("/localities/{id}/goals", post(localities::create_goal))
        .route(
            "/localities/{id}/local-targets",
            post(localities::define_local_target),
        )
        .route("/localities/{id}/goals/new", get(localities::new_goal))
        .route(
            "/goals/{id}/edit",
            get(localities::edit_goal).post(localities::update_goal),
        )
        .route(
            "/notifications",
            get(accounts::notifications).post(accounts::read_notifications),
        )
        .route("/admin", get(admin::dashboard))
        .route("/admin/localities", post(admin::create_locality))
}

/// What every page needs: the translator, the person, the CSRF token, where we are.
pub struct Ctx {
    pub tr: Tr,
    pub user: Option<User>,
    pub csrf: String,
    /// Path and query of this page, for language links and `next=` after sign-in.
    pub here: String,
    /// A one-off message from the previous action (a Fluent key).
    pub flash: Option<String>,
    /// Unread in-app notifications of the signed-in person.
    pub unread: i64,
}

/// A link in the language switcher.
pub struct LanguageLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl Ctx {
    /// A context without a session, for error pages.
    pub fn bare(tr: Tr, csrf: Option<String>, here: String) -> Ctx {
        Ctx {
            tr,
            user: None,
            csrf: csrf.unwrap_or_default(),
            here,
            flash: None,
            unread: 0,
        }
    }

    pub fn t(&self, key: impl AsRef<str>) -> String {
        self.tr.t(key.as_ref())
    }

    pub fn sectors(&self) -> &'static [shutaf_domain::Sector] {
        shutaf_domain::Sector::ALL
    }

    pub fn kinds(&self) -> &'static [shutaf_domain::OrganisationKind] {
        shutaf_domain::OrganisationKind::ALL
    }

    pub fn contribution_types(&self) -> &'static [shutaf_domain::ContributionType] {
        shutaf_domain::ContributionType::ALL
    }

    pub fn locality_kinds(&self) -> &'static [shutaf_domain::LocalityKind] {
        shutaf_domain::LocalityKind::ALL
    }

    pub fn sector_defaults(
        &self,
        sector: &shutaf_domain::Sector,
    ) -> &'static [shutaf_domain::ContributionType] {
        shutaf_domain::ContributionType::sector_defaults(*sector)
    }

    pub fn page_of(
        &self,
        page: impl std::borrow::Borrow<u32>,
        pages: impl std::borrow::Borrow<u32>,
    ) -> String {
        let (page, pages) = (*page.borrow(), *pages.borrow());
        self.tr.args(
            "pagination-page-of",
            &[("page", &page.to_string()), ("pages", &pages.to_string())],
        )
    }

    pub fn models(&self) -> &'static [shutaf_domain::PartnershipModel] {
        shutaf_domain::PartnershipModel::ALL
    }

    pub fn managements(&self) -> &'static [shutaf_domain::Management] {
        shutaf_domain::Management::ALL
    }

    pub fn questions(&self) -> &'static [shutaf_domain::expectations::Question] {
        shutaf_domain::expectations::Question::ALL
    }

    pub fn stages(&self) -> &'static [shutaf_domain::Stage] {
        shutaf_domain::Stage::ALL
    }

    /// The answer codes of a questionnaire question.
    pub fn answers_of(&self, question: &str) -> &'static [&'static str] {
        shutaf_domain::expectations::Question::parse(question)
            .map(|q| q.answers())
            .unwrap_or(&[])
    }

    pub fn roles(&self) -> &'static [shutaf_domain::MemberRole] {
        shutaf_domain::MemberRole::ALL
    }

    pub fn a(&self, key: &str, name: &'static str, value: &str) -> String {
        self.tr.args(key, &[(name, value)])
    }

    pub fn lang(&self) -> Language {
        self.tr.lang
    }

    pub fn languages(&self) -> Vec<LanguageLink> {
        Language::ALL
            .iter()
            .map(|lang| LanguageLink {
                code: lang.code(),
                name: lang.native_name(),
                href: format!("/language/{}?next={}", lang.code(), urlencode(&self.here)),
                current: *lang == self.tr.lang,
            })
            .collect()
    }

    /// Whether `path` is the current section, for `aria-current` in the navigation.
    pub fn at(&self, path: &str) -> bool {
        let here = self.here.split('?').next().unwrap_or("");
        if path == "/" {
            here == "/"
        } else {
            here == path || here.starts_with(&format!("{path}/"))
        }
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(User::platform_admin)
    }

    pub fn date(&self, unix: &i64) -> String {
        self.tr.date(*unix)
    }

    /// The ties a declaration can name.
    pub fn relations(&self) -> &'static [shutaf_domain::integrity::Relation] {
        shutaf_domain::integrity::Relation::ALL
    }

    /// A moment in Israel's civil time (deadlines are set and read there).
    pub fn local_time(&self, unix: &i64) -> String {
        shutaf_domain::call::local_display(*unix)
    }

    /// The message `key` with two named text arguments.
    pub fn a2(&self, key: &str, n1: &'static str, v1: &str, n2: &'static str, v2: &str) -> String {
        self.tr.args(key, &[(n1, v1), (n2, v2)])
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let MaybeUser(user) = MaybeUser::from_request_parts(parts, state).await?;
        let lang = crate::negotiate_language(
            &parts.headers,
            user.as_ref().and_then(User::language),
            state.config.default_language,
        );
        let csrf = parts
            .extensions
            .get::<CsrfToken>()
            .map(|t| t.0.clone())
            .unwrap_or_default();
        let here = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".into());
        // Read before removing: removing marks the session changed, and a changed session is
        // written to the database, which must not happen on every page a visitor reads.
        let flash = match parts.extensions.get::<Session>() {
            Some(session) => match session.get::<String>("flash").await.ok().flatten() {
                Some(flash) => {
                    let _ = session.remove::<String>("flash").await;
                    Some(flash)
                }
                None => None,
            },
            None => None,
        };
        let unread = match &user {
            Some(user) => state.db.unread_notifications(user.id).await?,
            None => 0,
        };
        Ok(Ctx {
            tr: Tr::new(lang),
            user,
            csrf,
            here,
            flash,
            unread,
        })
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
            .map_err(|_| AppError::BadRequest("error-too-large"))?;
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
