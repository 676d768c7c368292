//! Security at the edge: response headers (CSP without inline script, no framing, no sniffing),
//! CSRF protection for every state-changing request made with cookies (checked before a body is
//! read), and the budget of request bodies held in memory at once.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use tower_sessions::Session;

use crate::AppState;
use crate::error::AppError;

pub const CSRF_COOKIE: &str = "shutaf_csrf";
pub const CSRF_FIELD: &str = "csrf_token";
/// Largest form body accepted.
pub const FORM_LIMIT: usize = 1024 * 1024;
/// The largest multipart body (a form with its attachments).
pub const UPLOAD_LIMIT: usize = shutaf_domain::call::MAX_ATTACHMENT_BYTES * 5 + FORM_LIMIT;
/// How much of a multipart body is read to find the token in its first part.
const FIRST_PART_LIMIT: usize = 8 * 1024;

/// The request's CSRF token, for forms to repeat.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// The value of one cookie.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Compares without an early exit, so timing does not leak how much of a token was right.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn cross_site(headers: &HeaderMap) -> bool {
    if headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site") {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin.split("://").nth(1).unwrap_or("");
    origin == "null" || origin_host != host
}

/// Builds a cookie header value with the hub's standard attributes.
pub fn cookie_header(
    state: &AppState,
    name: &str,
    value: &str,
    max_age: i64,
    same_site: &str,
) -> HeaderValue {
    let secure = if state.config.is_https() {
        "; Secure"
    } else {
        ""
    };
    let text = format!(
        "{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite={same_site}{secure}"
    );
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn content_type(headers: &HeaderMap) -> &str {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// The boundary of a `multipart/form-data` content type.
fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.trim().split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
            .filter(|b| !b.is_empty() && b.len() <= 70)
    })
}

/// The value of the first part of a multipart body when that part is the CSRF field, from the
/// bytes read so far; `Err(())` when more bytes are needed to tell.
fn first_part_token(prefix: &[u8], boundary: &str) -> Result<Option<String>, ()> {
    let opening = format!("--{boundary}\r\n");
    if prefix.len() < opening.len() {
        return if opening.as_bytes().starts_with(prefix) {
            Err(())
        } else {
            Ok(None)
        };
    }
    if !prefix.starts_with(opening.as_bytes()) {
        return Ok(None);
    }
    let rest = &prefix[opening.len()..];
    let Some(head_end) = find(rest, b"\r\n\r\n") else {
        return Err(());
    };
    let head = String::from_utf8_lossy(&rest[..head_end]).to_ascii_lowercase();
    let names_field = head.lines().any(|line| {
        line.starts_with("content-disposition:") && line.contains(&format!("name=\"{CSRF_FIELD}\""))
    });
    if !names_field {
        return Ok(None);
    }
    let value = &rest[head_end + 4..];
    let closing = format!("\r\n--{boundary}");
    let Some(end) = find(value, closing.as_bytes()) else {
        return Err(());
    };
    Ok(std::str::from_utf8(&value[..end]).ok().map(str::to_owned))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads just enough of a multipart body to find the token in its first part; gives the token
/// and the body to pass on whole (what was read, then the rest, still unread).
async fn peek_multipart_token(body: Body, boundary: &str) -> (Option<String>, Body) {
    use futures_util::StreamExt;
    let mut stream = body.into_data_stream();
    let mut prefix = Vec::new();
    let token = loop {
        match first_part_token(&prefix, boundary) {
            Ok(token) => break token,
            Err(()) if prefix.len() >= FIRST_PART_LIMIT => break None,
            Err(()) => match stream.next().await {
                Some(Ok(chunk)) => prefix.extend_from_slice(&chunk),
                _ => break None,
            },
        }
    };
    let head = futures_util::stream::iter([Ok::<_, axum::Error>(axum::body::Bytes::from(prefix))]);
    (token, Body::from_stream(head.chain(stream)))
}

/// Checks the CSRF token of every state-changing request made with cookies, before its body is
/// read (so that a stranger's upload costs nothing).
///
/// The expected token is the session's own once a person is signed in (so a token learnt
/// before, or from another session, is useless), and before that a random value in an
/// HttpOnly, SameSite=Strict cookie (double submit). Forms repeat it in the `csrf_token` field
/// (for uploads, the form's first field), htmx and programs in the `X-CSRF-Token` header. On top,
/// requests whose `Origin` or `Sec-Fetch-Site` says they come from another site are refused.
/// The JSON API is exempt: it authenticates with bearer tokens, never with cookies.
pub async fn csrf(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let existing = cookie(request.headers(), CSRF_COOKIE).filter(|t| well_formed(t));
    let session_token = match request.extensions().get::<Session>() {
        Some(session) => session
            .get::<String>(crate::auth::CSRF_KEY)
            .await
            .ok()
            .flatten(),
        None => None,
    };
    let cookie_token = existing.clone().unwrap_or_else(shutaf_store::random_token);
    let token = session_token
        .clone()
        .unwrap_or_else(|| cookie_token.clone());
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let mut request = if safe {
        request
    } else {
        if cross_site(request.headers()) {
            return AppError::Forbidden("error-csrf").into_response();
        }
        let expected = session_token.clone().or_else(|| existing.clone());
        let sent_header = request
            .headers()
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let kind = content_type(request.headers()).to_owned();
        let is_form = kind.starts_with("application/x-www-form-urlencoded");
        let upload_boundary = kind
            .starts_with("multipart/form-data")
            .then(|| boundary(&kind))
            .flatten();
        let (parts, body) = request.into_parts();
        let (sent, body) = if let Some(sent) = sent_header {
            (Some(sent), body)
        } else if let Some(boundary) = upload_boundary {
            peek_multipart_token(body, &boundary).await
        } else if is_form {
            // A form is small: read it (within its limit) to find the field.
            let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
                return AppError::TooLarge.into_response();
            };
            let sent = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
                .ok()
                .and_then(|pairs| {
                    pairs
                        .into_iter()
                        .find(|(k, _)| k == CSRF_FIELD)
                        .map(|(_, v)| v)
                });
            (sent, Body::from(bytes))
        } else {
            (None, body)
        };
        match (&expected, sent) {
            (Some(expected), Some(sent)) if same(expected, &sent) => {}
            _ => return AppError::Forbidden("error-csrf").into_response(),
        }
        Request::from_parts(parts, body)
    };
    request.extensions_mut().insert(CsrfToken(token));
    let mut response = next.run(request).await;
    if existing.is_none() {
        response.headers_mut().append(
            header::SET_COOKIE,
            cookie_header(
                &state,
                CSRF_COOKIE,
                &cookie_token,
                60 * 60 * 24 * 365,
                "Strict",
            ),
        );
    }
    response
}

/// Counts the request bodies held in memory against one budget for the hub
/// (`body_mib_in_flight`): a body that would not fit is refused with 503 rather than read.
///
/// A declared length is reserved before anything is read; a body without one reserves as its
/// bytes arrive. What was reserved is given back when the response is ready, since handlers
/// hold what they read until then.
pub async fn body_budget(State(state): State<AppState>, request: Request, next: Next) -> Response {
    use futures_util::StreamExt;
    use std::sync::{Arc, Mutex};
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let kib = |bytes: usize| u32::try_from(bytes.div_ceil(1024)).unwrap_or(u32::MAX);
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let held = Arc::new(Mutex::new(None::<tokio::sync::OwnedSemaphorePermit>));
    let spent = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let request = match declared {
        Some(0) => request,
        Some(length) => match state
            .body_budget
            .clone()
            .try_acquire_many_owned(kib(length))
        {
            Ok(permit) => {
                *held.lock().unwrap_or_else(|p| p.into_inner()) = Some(permit);
                request
            }
            Err(_) => {
                state.metrics.count_shed();
                return AppError::Overloaded.into_response();
            }
        },
        None => {
            let (parts, body) = request.into_parts();
            let budget = state.body_budget.clone();
            let (held, spent) = (held.clone(), spent.clone());
            let counted = body.into_data_stream().map(move |chunk| {
                let chunk = chunk?;
                match budget.clone().try_acquire_many_owned(kib(chunk.len())) {
                    Ok(permit) => {
                        let mut held = held.lock().unwrap_or_else(|p| p.into_inner());
                        match held.as_mut() {
                            Some(all) => all.merge(permit),
                            None => *held = Some(permit),
                        }
                        Ok(chunk)
                    }
                    Err(_) => {
                        spent.store(true, std::sync::atomic::Ordering::Relaxed);
                        Err(axum::Error::new(
                            "the hub's budget for request bodies is spent",
                        ))
                    }
                }
            });
            Request::from_parts(parts, Body::from_stream(counted))
        }
    };
    let response = next.run(request).await;
    drop(held);
    if spent.load(std::sync::atomic::Ordering::Relaxed) {
        state.metrics.count_shed();
        return AppError::Overloaded.into_response();
    }
    response
}

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
                   connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds the hub's security headers to every response.
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // A handler may set a stricter policy (downloads are sandboxed); it is kept.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if state.config.is_https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// Serves an uploaded file so that no browser will run it: its checked type, an `attachment`
/// disposition with the name percent-encoded (RFC 5987), a sandboxing CSP, no caching.
pub fn attachment_response(
    attachment: &shutaf_store::calls::Attachment,
    bytes: Vec<u8>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&attachment.content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    let encoded: String = attachment
        .file_name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"download\"; filename*=UTF-8''{encoded}"
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_by_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; shutaf_csrf=abc; b=2"),
        );
        assert_eq!(cookie(&headers, "shutaf_csrf").as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, "missing"), None);
    }

    #[test]
    fn cross_site_requests_are_recognised() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("hub.example.org"));
        assert!(!cross_site(&headers));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://hub.example.org"),
        );
        assert!(!cross_site(&headers));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example.com"),
        );
        assert!(cross_site(&headers));
        headers.remove(header::ORIGIN);
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(cross_site(&headers));
    }

    #[test]
    fn the_token_is_found_in_a_multipart_bodys_first_part() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc123\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF";
        assert_eq!(first_part_token(body, "XyZ"), Ok(Some("abc123".into())));
        // Not yet enough bytes to tell.
        assert_eq!(first_part_token(&body[..20], "XyZ"), Err(()));
        assert_eq!(first_part_token(&body[..3], "XyZ"), Err(()));
        // Another first field: no token, whatever comes later.
        let other =
            b"--XyZ\r\nContent-Disposition: form-data; name=\"summary\"\r\n\r\nx\r\n--XyZ--";
        assert_eq!(first_part_token(other, "XyZ"), Ok(None));
        assert_eq!(first_part_token(b"garbage", "XyZ"), Ok(None));
        assert_eq!(
            boundary("multipart/form-data; boundary=\"XyZ\"").as_deref(),
            Some("XyZ")
        );
        assert_eq!(boundary("multipart/form-data"), None);
    }

    #[test]
    fn token_comparison() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "abcd"));
        assert!(well_formed(&"a".repeat(64)));
        assert!(!well_formed("zz"));
    }
}
