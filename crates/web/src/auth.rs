//! Who is asking: password hashing (Argon2id), the signed-in person from the session, API
//! bearer tokens, and rate limiting of sign-in attempts per address and per account.

use std::net::SocketAddr;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use shutaf_domain::authz::Actor;
use shutaf_store::{ApiTokenScope, User};
use tower_sessions::Session;

use crate::AppState;
use crate::error::AppError;

const USER_KEY: &str = "user_id";
const SIGNED_IN_AT_KEY: &str = "signed_in_at";
/// However active, a session ends this long after signing in.
const ABSOLUTE_SESSION_LIFETIME: i64 = 30 * 24 * 3600;

/// Hashes a password with Argon2id (the crate's defaults follow OWASP's recommendation).
/// Runs on a blocking thread: hashing takes tens of milliseconds by design.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
    .map_err(|e| AppError::Internal(format!("hashing: {e}")))
}

/// A hash of a random password, made once with the same parameters as real hashes: checked
/// against when an account does not exist, so that the answer takes as long either way.
static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Checks a password against a stored hash (or, for an unknown account, against the dummy).
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    let exists = hash.is_some();
    let ok = tokio::task::spawn_blocking(move || {
        let hash = hash.unwrap_or_else(|| {
            DUMMY_HASH
                .get_or_init(|| {
                    Argon2::default()
                        .hash_password(shutaf_store::random_token().as_bytes())
                        .map(|h| h.to_string())
                        .unwrap_or_default()
                })
                .clone()
        });
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false);
    ok && exists
}

/// The person behind the request, if signed in (from the session or an API token).
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<User>);

/// A signed-in person; requests without one are refused (pages redirect to sign-in).
#[derive(Debug, Clone)]
pub struct SignedIn(pub User);

impl SignedIn {
    pub fn actor(&self) -> Actor {
        Actor {
            signed_in: true,
            platform_admin: self.0.platform_admin(),
        }
    }
}

/// What an API token allows, set by the API's authentication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenScope(pub ApiTokenScope);

#[derive(Clone)]
struct CachedUser(Option<User>);

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if let Some(CachedUser(user)) = parts.extensions.get::<CachedUser>() {
            return Ok(MaybeUser(user.clone()));
        }
        let user = match parts.extensions.get::<Session>().cloned() {
            Some(session) => user_of_session(&session, state).await?,
            None => None,
        };
        parts.extensions.insert(CachedUser(user.clone()));
        Ok(MaybeUser(user))
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        match MaybeUser::from_request_parts(parts, state).await?.0 {
            Some(user) => Ok(SignedIn(user)),
            None => Err(AppError::SignInRequired),
        }
    }
}

async fn user_of_session(session: &Session, state: &AppState) -> Result<Option<User>, AppError> {
    let map = |e: tower_sessions::session::Error| AppError::Internal(format!("session: {e}"));
    let Some(user_id) = session.get::<i64>(USER_KEY).await.map_err(map)? else {
        return Ok(None);
    };
    let signed_in_at = session
        .get::<i64>(SIGNED_IN_AT_KEY)
        .await
        .map_err(map)?
        .unwrap_or(0);
    if shutaf_store::now() - signed_in_at > ABSOLUTE_SESSION_LIFETIME {
        session.flush().await.map_err(map)?;
        return Ok(None);
    }
    Ok(state.db.user_by_id(user_id).await?)
}

/// Starts a signed-in session under a new id (so a session fixed before sign-in is useless).
pub async fn sign_in(session: &Session, user: &User) -> Result<(), AppError> {
    let map = |e: tower_sessions::session::Error| AppError::Internal(format!("session: {e}"));
    session.cycle_id().await.map_err(map)?;
    session.insert(USER_KEY, user.id).await.map_err(map)?;
    session
        .insert(SIGNED_IN_AT_KEY, shutaf_store::now())
        .await
        .map_err(map)?;
    Ok(())
}

/// Ends the session on the server, not only in the browser.
pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session
        .flush()
        .await
        .map_err(|e| AppError::Internal(format!("session: {e}")))
}

/// Leaves a one-off message (a Fluent key) for the next page shown.
pub async fn flash(session: &Session, key: &'static str) {
    if let Err(e) = session.insert("flash", key).await {
        tracing::warn!("could not store flash message: {e}");
    }
}

/// The client's address: the peer, or the first `X-Forwarded-For` hop when behind a proxy.
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if state.config.behind_proxy {
            let forwarded = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok());
            if let Some(first) = forwarded.and_then(|f| f.split(',').next()) {
                return Ok(ClientAddress(first.trim().to_owned()));
            }
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        Ok(ClientAddress(peer.unwrap_or_else(|| "unknown".into())))
    }
}

/// Failed sign-ins allowed per window: per address (a shared office may have many people), and
/// per account (guessing one person's password).
const WINDOW_SECONDS: i64 = 15 * 60;
const PER_ADDRESS: i64 = 30;
const PER_ACCOUNT: i64 = 8;

/// Rate-limit keys are stored hashed with the hub's secret: no addresses or emails in the table.
pub fn limit_key(state: &AppState, kind: &str, value: &str) -> String {
    shutaf_store::token_hash(&format!("{}:{kind}:{value}", state.secret))
}

/// Refuses when an address or an account has failed too often recently.
pub async fn check_login_rate(
    state: &AppState,
    address_key: &str,
    account_key: &str,
) -> Result<(), AppError> {
    if state
        .db
        .recent_login_failures(address_key, WINDOW_SECONDS)
        .await?
        >= PER_ADDRESS
        || state
            .db
            .recent_login_failures(account_key, WINDOW_SECONDS)
            .await?
            >= PER_ACCOUNT
    {
        return Err(AppError::RateLimited);
    }
    Ok(())
}
