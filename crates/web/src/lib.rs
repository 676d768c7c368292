//! The web face of the Shutaf hub: server-rendered pages in Hebrew, Arabic and English, the JSON
//! API with its OpenAPI document, and the security and i18n layers around them.
//!
//! Handlers are thin: they read input, ask `shutaf_domain` for validation and authorisation,
//! call `shutaf_store`, and render. Errors become responses in one place (`error`).

pub mod actions;
pub mod api;
pub mod assets;
pub mod auth;
pub mod config;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod ocds;
pub mod pages;
pub mod security;

use std::net::SocketAddr;
use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, header};
use axum::middleware;
use shutaf_domain::Language;
use shutaf_store::{Db, DbSessionStore};
use tower_sessions::{Expiry, SessionManagerLayer};

pub use config::Config;
pub use mail::Mailer;

/// What every handler can reach.
pub struct AppStateInner {
    pub db: Db,
    pub config: Config,
    pub mailer: Mailer,
    /// Keys the hashes of rate-limit records.
    pub secret: String,
    /// Signs the decision log's tree heads.
    pub log_key: ed25519_dalek::SigningKey,
}

/// Shared state: cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<AppStateInner>);

impl Deref for AppState {
    type Target = AppStateInner;
    fn deref(&self) -> &AppStateInner {
        &self.0
    }
}

impl AppState {
    pub fn new(
        db: Db,
        config: Config,
        mailer: Mailer,
        secret: String,
        log_key: ed25519_dalek::SigningKey,
    ) -> AppState {
        AppState(Arc::new(AppStateInner {
            db,
            config,
            mailer,
            secret,
            log_key,
        }))
    }
}

/// The cookie that remembers a visitor's language choice.
pub const LANGUAGE_COOKIE: &str = "shutaf_lang";

/// The language to answer in: the person's preference, then their cookie, then what the browser
/// asks for, then the hub's default.
pub fn negotiate_language(
    headers: &HeaderMap,
    preference: Option<Language>,
    default: Language,
) -> Language {
    preference
        .or_else(|| {
            security::cookie(headers, LANGUAGE_COOKIE)
                .as_deref()
                .and_then(Language::parse)
        })
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Language::from_accept_language)
        })
        .unwrap_or(default)
}

/// The whole application: pages, API, assets, and the layers around them.
pub fn app(state: AppState) -> Router {
    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name("shutaf_session")
        .with_http_only(true)
        .with_same_site(tower_sessions::cookie::SameSite::Lax)
        .with_secure(state.config.is_https())
        .with_expiry(Expiry::OnInactivity(time::Duration::days(7)));

    Router::new()
        .merge(pages::routes())
        .nest("/api", api::routes())
        .merge(assets::routes())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::csrf,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error::render_errors,
        ))
        .layer(sessions)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves the hub until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let cleaner = DbSessionStore::new(state.db.clone());
    let cleanup = tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every.tick().await;
            if let Err(e) = cleaner.delete_expired().await {
                tracing::warn!("could not delete expired sessions: {e}");
            }
        }
    });
    let result = axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    cleanup.abort();
    result
}
