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
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod mail;
pub mod metrics;
pub mod ocds;
pub mod page_cache;
pub mod pages;
pub mod security;
pub mod startup;
pub mod view;

use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use shutaf_domain::Language;
use shutaf_store::{Db, DbSessionStore};
use tokio::sync::Semaphore;
use tower_sessions::{Expiry, SessionManagerLayer};

pub use config::Config;
use error::{AppError, ErrorContext};
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
    /// Counters for `/metrics`.
    pub metrics: metrics::Metrics,
    /// Public pages kept for visitors not signed in; `None` when turned off.
    pub page_cache: Option<page_cache::PageCache>,
    /// One permit a request in flight: `max_in_flight` of them.
    in_flight: Arc<Semaphore>,
    /// One permit a password being hashed: `max_hashing` of them.
    pub(crate) hashing: Arc<Semaphore>,
    /// One permit a KiB of request body held: `body_mib_in_flight` MiB of them.
    pub(crate) body_budget: Arc<Semaphore>,
    /// One permit a suggestions request ranking: `actions::initiatives::MATCHING_PERMITS`.
    pub(crate) matching: Semaphore,
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
        let in_flight = Arc::new(Semaphore::new(
            config.max_in_flight.clamp(1, Semaphore::MAX_PERMITS),
        ));
        let hashing = Arc::new(Semaphore::new(config.max_hashing.clamp(1, 1024)));
        let body_budget = Arc::new(Semaphore::new(
            config
                .body_mib_in_flight
                .saturating_mul(1024)
                .clamp(1, Semaphore::MAX_PERMITS),
        ));
        let page_cache = page_cache::PageCache::new(&config.cache);
        AppState(Arc::new(AppStateInner {
            page_cache,
            hashing,
            body_budget,
            db,
            config,
            mailer,
            secret,
            log_key,
            metrics: metrics::Metrics::default(),
            in_flight,
            matching: Semaphore::new(actions::initiatives::MATCHING_PERMITS),
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
///
/// From the outside in: tracing; metrics (every request, shed ones too); security headers; load
/// shedding; sessions; error rendering; the time limit; panics caught; the body budget; CSRF;
/// the page cache (`page_cache`: inside CSRF, which gives it the visitor's token and sets a first
/// visitor's cookie around a cached page too); the routes. Shedding comes before
/// sessions so a refused request costs no database work; the time limit sits inside error
/// rendering so a request that takes too long gets a page or JSON like any other error.
pub fn app(state: AppState) -> Router {
    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name(page_cache::SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(tower_sessions::cookie::SameSite::Lax)
        .with_secure(state.config.is_https())
        .with_expiry(Expiry::OnInactivity(time::Duration::days(7)));

    Router::new()
        .merge(pages::routes())
        .nest("/api", api::routes())
        .merge(assets::routes())
        .route("/metrics", get(metrics::endpoint))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            page_cache::layer,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::csrf,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::body_budget,
        ))
        // A bug must not cost the reader their connection: a panic becomes a 500 page like any
        // other error (and is logged), not a dropped socket.
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                AppError::Internal("a handler panicked".into()).into_response()
            },
        ))
        .layer(middleware::from_fn_with_state(state.clone(), time_limit))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error::render_errors,
        ))
        .layer(sessions)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            shed_when_busy,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// Refuses a request at once, with 503 and `Retry-After`, when `max_in_flight` requests are
/// being served; a queue would only make every request late and then time out. `/healthz` and
/// `/metrics` always pass, so an orchestrator and a monitor still see an overloaded hub.
///
/// A semaphore here rather than tower's `load_shed` over `concurrency_limit`: `Router::layer`
/// wraps each route on its own, and `ConcurrencyLimitLayer` gives each service it wraps its own
/// semaphore (a limit per route, not for the hub); `LoadShed` fails with an error that a
/// `HandleErrorLayer` must turn into a response, without the reader's language or knowing
/// whether the request was for the API; and neither can let the health check through. The
/// permit is held until the response's head is ready (the hub's bodies are built in memory).
async fn shed_when_busy(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(request.uri().path(), "/healthz" | "/metrics") {
        return next.run(request).await;
    }
    match state.in_flight.clone().try_acquire_owned() {
        Ok(permit) => {
            let response = next.run(request).await;
            drop(permit);
            response
        }
        Err(_) => {
            state.metrics.count_shed();
            tracing::debug!(path = request.uri().path(), "overloaded: request shed");
            ErrorContext::of(&request, &state).render(AppError::Overloaded.into_response())
        }
    }
}

/// Answers 503 (page or JSON, with `Retry-After`) when a request takes longer than
/// `request_timeout_seconds`, reading its body included; the handler's work is dropped.
async fn time_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limit = Duration::from_secs(state.config.request_timeout_seconds.max(1));
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => AppError::TimedOut.into_response(),
    }
}

/// Serves the hub until `shutdown` resolves, then finishes the requests in flight.
///
/// Its own accept loop over hyper rather than `axum::serve`, for the doors that one leaves
/// open: at most `max_connections_open` connections (beyond, new ones wait in the kernel's
/// queue), and a client that has not sent a request's head within `header_read_timeout_seconds`
/// is disconnected, which also closes kept-alive connections left idle that long.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;

    let cleaner = DbSessionStore::new(state.db.clone());
    let db = state.db.clone();
    let cleanup = tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every.tick().await;
            if let Err(e) = cleaner.delete_expired().await {
                tracing::warn!("could not delete expired sessions: {e}");
            }
            if let Err(e) = db.delete_old_attempts().await {
                tracing::warn!("could not delete old throttle counters: {e}");
            }
            // At start and every hour: the planner's statistics follow the data's growth.
            if let Err(e) = db.keep_statistics().await {
                tracing::warn!("could not refresh the planner's statistics: {e}");
            }
        }
    });
    let connections = Arc::new(Semaphore::new(
        state
            .config
            .max_connections_open
            .clamp(1, Semaphore::MAX_PERMITS),
    ));
    let header_timeout = Duration::from_secs(state.config.header_read_timeout_seconds.max(1));
    // Writes by other servers and by `shutaf` commands reach this server's page cache.
    let poller = page_cache::spawn_poller(state.clone());
    let router = app(state);
    // Dropping the sender tells every connection to finish its request and close.
    let (closing, closed) = tokio::sync::watch::channel(());
    let mut shutdown = std::pin::pin!(shutdown);
    let mut open = tokio::task::JoinSet::new();
    loop {
        let permit = tokio::select! {
            permit = connections.clone().acquire_owned() => permit.expect("never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait rather than spin.
                    tracing::warn!("accepting a connection failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = router.clone().map_request(
            move |mut request: axum::http::Request<hyper::body::Incoming>| {
                request
                    .extensions_mut()
                    .insert(axum::extract::ConnectInfo(peer));
                request.map(axum::body::Body::new)
            },
        );
        let service = hyper_util::service::TowerToHyperService::new(service);
        let mut closed = closed.clone();
        open.spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), service);
            let mut connection = std::pin::pin!(connection);
            tokio::select! {
                result = connection.as_mut() => {
                    if let Err(e) = result {
                        tracing::debug!("connection ended: {e}");
                    }
                }
                _ = closed.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
            drop(permit);
        });
        // Reap finished connections so the set does not grow with the hub's age.
        while open.try_join_next().is_some() {}
    }
    drop(listener);
    drop(closing);
    while open.join_next().await.is_some() {}
    cleanup.abort();
    if let Some(poller) = poller {
        poller.abort();
    }
    Ok(())
}
