//! Who is asking: password hashing (Argon2id, a bounded number at once), the signed-in person
//! from the session (ended by a password change), the client's address behind proxies, and the
//! throttles on sign-in, sign-up and reset, reserved in the database before any work.

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
/// The account's session epoch when this session signed in: a password change raises it.
const EPOCH_KEY: &str = "epoch";
/// The session's own CSRF token (see `security::csrf`).
pub const CSRF_KEY: &str = "csrf";
/// When the session was last seen: reading pages keeps a session alive, but the record is
/// written at most this often.
const SEEN_AT_KEY: &str = "seen_at";
const SEEN_EVERY: i64 = 3600;
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

/// How long a request waits for a turn to hash before it is refused with 503.
const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Waits (briefly) for one of the `max_hashing` turns: Argon2id takes 19 MiB and tens of
/// milliseconds a hash, so a flood of sign-ups must queue for a few, not all run at once.
async fn hashing_turn(state: &AppState) -> Result<tokio::sync::OwnedSemaphorePermit, AppError> {
    match tokio::time::timeout(HASHING_WAIT, state.hashing.clone().acquire_owned()).await {
        Ok(Ok(permit)) => Ok(permit),
        _ => {
            state.metrics.count_shed();
            Err(AppError::Overloaded)
        }
    }
}

/// Hashes a new password for a request, within the hub's bound on hashing at once.
pub async fn hash_new_password(state: &AppState, password: String) -> Result<String, AppError> {
    let _turn = hashing_turn(state).await?;
    hash_password(password).await
}

/// Checks a password for a request, within the hub's bound on hashing at once.
pub async fn check_password(
    state: &AppState,
    password: String,
    hash: Option<String>,
) -> Result<bool, AppError> {
    let _turn = hashing_turn(state).await?;
    Ok(verify_password(password, hash).await)
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
    let now = state.db.now();
    if now - signed_in_at > ABSOLUTE_SESSION_LIFETIME {
        session.flush().await.map_err(map)?;
        return Ok(None);
    }
    let Some(user) = state.db.user_by_id(user_id).await? else {
        return Ok(None);
    };
    let epoch = session
        .get::<i64>(EPOCH_KEY)
        .await
        .map_err(map)?
        .unwrap_or(0);
    if epoch != user.session_epoch {
        // The password changed, or the person signed out everywhere, since this session began.
        session.flush().await.map_err(map)?;
        return Ok(None);
    }
    // A reader is as active as a writer: touching the record now and then moves its expiry.
    let seen_at = session
        .get::<i64>(SEEN_AT_KEY)
        .await
        .map_err(map)?
        .unwrap_or(0);
    if now - seen_at > SEEN_EVERY {
        session.insert(SEEN_AT_KEY, now).await.map_err(map)?;
    }
    Ok(Some(user))
}

/// Starts a signed-in session under a new id (so a session fixed before sign-in is useless),
/// signed in `now`.
pub async fn sign_in(session: &Session, user: &User, now: i64) -> Result<(), AppError> {
    let map = |e: tower_sessions::session::Error| AppError::Internal(format!("session: {e}"));
    session.cycle_id().await.map_err(map)?;
    session.insert(USER_KEY, user.id).await.map_err(map)?;
    session.insert(SIGNED_IN_AT_KEY, now).await.map_err(map)?;
    session.insert(SEEN_AT_KEY, now).await.map_err(map)?;
    session
        .insert(EPOCH_KEY, user.session_epoch)
        .await
        .map_err(map)?;
    // A token of the session's own: a token learnt before signing in is no use after.
    session
        .insert(CSRF_KEY, shutaf_store::random_token())
        .await
        .map_err(map)?;
    Ok(())
}

/// Keeps this session signed in after the account's epoch was raised from it (a password
/// change or "sign out everywhere" ends the other sessions, not the one that asked).
pub async fn keep_session(session: &Session, epoch: i64) -> Result<(), AppError> {
    let map = |e: tower_sessions::session::Error| AppError::Internal(format!("session: {e}"));
    session.cycle_id().await.map_err(map)?;
    session.insert(EPOCH_KEY, epoch).await.map_err(map)?;
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

/// The client's address: the peer, or behind a proxy the address the outermost trusted proxy
/// appended to `X-Forwarded-For` (`trusted_proxy_hops` entries from the end). Entries before it
/// were written by the client and prove nothing.
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

/// The entry of `X-Forwarded-For` (all its headers, in order) that `hops` trusted proxies vouch
/// for: each appends the address it received the request from.
pub fn forwarded_client(headers: &axum::http::HeaderMap, hops: usize) -> Option<String> {
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    let index = entries.len().checked_sub(hops.max(1))?;
    Some(entries[index].to_owned())
}

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        if state.config.behind_proxy
            && let Some(client) = forwarded_client(&parts.headers, state.config.trusted_proxy_hops)
        {
            return Ok(ClientAddress(client));
        }
        Ok(ClientAddress(peer.unwrap_or_else(|| "unknown".into())))
    }
}

/// A throttled kind of attempt: at most `limit` in a window of `window` seconds per key.
#[derive(Debug, Clone, Copy)]
pub struct Throttle {
    pub kind: &'static str,
    pub window: i64,
    pub limit: i64,
}

/// Sign-in attempts from one address (an office may share one: generous).
pub const SIGN_IN_PER_ADDRESS: Throttle = Throttle {
    kind: "signin-address",
    window: 15 * 60,
    limit: 30,
};
/// Sign-in attempts on one account from browsers it has not signed in from: a short window,
/// so that a stranger who spends them delays the owner by minutes, not locks them out.
pub const SIGN_IN_PER_ACCOUNT: Throttle = Throttle {
    kind: "signin-account",
    window: 5 * 60,
    limit: 10,
};
/// Sign-in attempts on one account from a browser it signed in from before: an allowance of
/// its own, which strangers cannot spend.
pub const SIGN_IN_PER_DEVICE: Throttle = Throttle {
    kind: "signin-device",
    window: 5 * 60,
    limit: 10,
};
/// Attempts at the current password when changing it, per account: a stolen session does not
/// make a password oracle.
pub const PASSWORD_CHANGE_PER_ACCOUNT: Throttle = Throttle {
    kind: "password-change",
    window: 5 * 60,
    limit: 5,
};
/// Sign-ups from one address, and mails sent to one address by sign-up.
pub const SIGN_UP_PER_ADDRESS: Throttle = Throttle {
    kind: "signup-address",
    window: 3600,
    limit: 10,
};
pub const SIGN_UP_PER_EMAIL: Throttle = Throttle {
    kind: "signup-email",
    window: 3600,
    limit: 3,
};
/// Password-reset requests from one address, and reset mails to one account.
pub const RESET_PER_ADDRESS: Throttle = Throttle {
    kind: "reset-address",
    window: 3600,
    limit: 10,
};
pub const RESET_PER_EMAIL: Throttle = Throttle {
    kind: "reset-email",
    window: 3600,
    limit: 3,
};

/// Throttle keys are stored hashed with the hub's secret: no addresses or emails in the table.
pub fn limit_key(state: &AppState, kind: &str, value: &str) -> String {
    shutaf_store::token_hash(&format!("{}:{kind}:{value}", state.secret))
}

/// Reserves an attempt under every throttle given (each with the value it counts by), before
/// any costly or visible work; refuses with 429 and the wait when any is spent. Gives the keys.
pub async fn throttle(
    state: &AppState,
    checks: &[(Throttle, &str)],
) -> Result<Vec<String>, AppError> {
    let mut keys = Vec::with_capacity(checks.len());
    let mut wait = 0;
    for (throttle, value) in checks {
        let key = limit_key(state, throttle.kind, value);
        if let shutaf_store::Attempt::Refused { retry_after } = state
            .db
            .take_attempt(&key, throttle.window, throttle.limit)
            .await?
        {
            wait = wait.max(retry_after);
        }
        keys.push(key);
    }
    if wait > 0 {
        return Err(AppError::RateLimited(wait as u64));
    }
    Ok(keys)
}

/// The cookie that marks a browser where a person signed in: `<nonce>.<mac>`, the mac binding
/// the nonce to the account's address under the hub's secret.
pub const DEVICE_COOKIE: &str = "shutaf_device";

fn device_mac(state: &AppState, email: &str, nonce: &str) -> String {
    limit_key(state, "device", &format!("{email}:{nonce}"))[..32].to_owned()
}

/// A new device cookie value for a person who just signed in.
pub fn new_device(state: &AppState, email: &str) -> String {
    let nonce = shutaf_store::random_token()[..32].to_owned();
    let mac = device_mac(state, email, &nonce);
    format!("{nonce}.{mac}")
}

/// The device this browser is for `email`, if its cookie proves it signed in there before.
pub fn known_device(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    email: &str,
) -> Option<String> {
    let value = crate::security::cookie(headers, DEVICE_COOKIE)?;
    let (nonce, mac) = value.split_once('.')?;
    let expected = device_mac(state, email, nonce);
    (mac.len() == expected.len()
        && mac
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0)
        .then(|| nonce.to_owned())
}
