//! The cache of public pages: what visitors who are not signed in read (most of a public hub's
//! traffic: home, directory, localities, initiatives, the decision log and its feeds, the
//! portal, calls, the public API's `GET`s) is rendered once and served from memory until the
//! data changes (docs/PERFORMANCE.md, "Public pages cached").
//!
//! - **What.** `GET` requests without the session cookie and without `Authorization`, answered
//!   200 with a body of known size (built in memory; for streamed downloads see below),
//!   without `Set-Cookie`, `Content-Disposition: attachment` (but for the downloads below) or
//!   a `Cache-Control` of `no-store` or `private` set by the handler, or [`NotKept`], and
//!   whose handler left the session untouched.
//! - **Key.** Method, path and query, the language the page is in (negotiated as `Ctx` does:
//!   the language cookie, then `Accept-Language`, then the hub's default) and the htmx headers
//!   the directory answers a fragment to.
//! - **Invalidation.** Each entry is tagged with the store's data version read before it was
//!   rendered ([`shutaf_store::Db::data_version`]); when the version moves, every entry goes.
//!   Every committed write moves it: this server's at once, other servers' and `shutaf`
//!   commands' when the poller ([`spawn_poller`]) next reads the database's row. Entries also
//!   expire after `ttl_seconds` by the hub's clock (call phases and notice windows change with
//!   time alone), and at once when a test moves that clock.
//! - **CSRF.** Pages carry the visitor's CSRF token. A cacheable request is rendered with this
//!   process's secret placeholder as its token; the placeholder's places are noted, and every
//!   visitor (the first one too) gets the page with their own token written there. The layer
//!   sits inside `security::csrf`, which gives the token and sets the cookie of a first visit
//!   on the way out, cached or not. The hub's CSP has no nonces, so nothing else is per
//!   request.
//! - **Downloads.** A streamed download its handler marks [`KeptDownload`] (the portal's
//!   files) is passed on as it streams and copied on the side; when it ends whole and within the
//!   largest body kept, the copy is kept like a page, and the next visitor gets it from memory.
//!   A larger one streams every time, in flat memory. A download is kept compressed (gzip):
//!   the 250 localities' JSON files of a national hub hold 37 MB, a tenth of that compressed. A
//!   visitor whose client accepts gzip (every browser) gets the kept bytes as they are, with
//!   `Content-Encoding: gzip`; any other gets them inflated.
//! - **Compressed.** Pages are kept as gzip too (a fifth of the room), with the places of the
//!   token and the header in the inflated page: a page with nothing to write in is served as a
//!   download is, one with a token or a header is inflated and written into.
//! - **Memory.** Entries are counted by their bytes (body, headers, key) against `mb`; the least
//!   recently used go first; a body larger than a sixteenth of the budget is not kept.
//!
//! - **Signed-in visitors.** A page whose content every visitor sees alike (its handler marks it
//!   [`SameForEveryone`]: a locality's dashboard, say) is kept for signed-in visitors too. Only
//!   its header differs (the person, the admin link, the sign-out form: `header.html`); the
//!   kept page notes where its header stands, and every visitor, signed in or not, gets it
//!   with a header rendered for them. A signed-in visitor with a message waiting (a flash) is
//!   not served from the cache: the page that shows the message takes it. The key's language
//!   is the one the visitor's page is in (their own choice first).
//!
//! Answers that went through the cache carry `X-Cache: hit` or `X-Cache: miss`; `/metrics`
//! counts hits, misses, evictions and entries dropped as stale.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use crate::AppState;
use crate::config::CacheConfig;
use crate::security::CsrfToken;

/// The session cookie's name (see `crate::app`).
pub const SESSION_COOKIE: &str = "shutaf_session";

/// Roughly what an entry costs beyond its key, headers and body (the map's and the list's
/// slots, the allocations' headers).
const ENTRY_OVERHEAD: usize = 256;

/// The response header saying whether the cache answered.
pub const X_CACHE: &str = "x-cache";

/// The pages kept, and how to tell they are still good.
pub struct PageCache {
    max_bytes: usize,
    /// The largest body kept.
    max_body: usize,
    ttl: i64,
    /// Stands for the visitor's CSRF token in kept pages: random, made at start, never sent.
    placeholder: String,
    /// Bytes held by copies of downloads still streaming, and their budget (a quarter of the
    /// cache's): 64 downloads at once must not each hold a copy of the largest body kept.
    copying: AtomicUsize,
    max_copying: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// The data version every entry was rendered at.
    version: i64,
    entries: HashMap<String, Entry>,
    /// Entries by when they were last used (the smallest tick is the least recently used).
    by_use: BTreeMap<u64, String>,
    bytes: usize,
    tick: u64,
}

struct Entry {
    headers: HeaderMap,
    body: Bytes,
    /// The body is gzip (a kept download), this many bytes inflated.
    gzipped: Option<usize>,
    /// A page every visitor sees alike ([`SameForEveryone`]), and where its header stands.
    for_everyone: bool,
    header_at: Option<(usize, usize)>,
    /// Where the placeholder token stands in the body.
    token_at: Vec<usize>,
    /// The hub's time when it was rendered, and how far its clock had been moved then.
    at: i64,
    clock_offset: i64,
    used: u64,
    size: usize,
}

/// A page as kept, to be served to one visitor.
struct Kept {
    headers: HeaderMap,
    body: Bytes,
    /// The body is gzip, this many bytes inflated.
    gzipped: Option<usize>,
    for_everyone: bool,
    header_at: Option<(usize, usize)>,
    token_at: Vec<usize>,
}

/// Marks a page whose content does not depend on who reads it (nothing in it but the header
/// reads the person): the cache may give it to signed-in visitors, each with their own header.
#[derive(Debug, Clone, Copy)]
pub struct SameForEveryone;

/// Marks an answer not worth keeping: large, quick to make and seldom asked for twice (a range
/// of the decision log's entries: an auditor walks the log once). Keeping it cost more than
/// making it (compressing 70 KB for each range, then evicting pages that are asked for again).
#[derive(Debug, Clone, Copy)]
pub struct NotKept;

/// Where a kept page's header starts and ends (`header.html`), if it has one.
fn header_of(body: &[u8]) -> Option<(usize, usize)> {
    let start = memchr::memmem::find(body, b"<header class=\"site-header\">")?;
    let end = start + memchr::memmem::find(&body[start..], b"</header>")? + "</header>".len();
    Some((start, end))
}

/// The header of a page for `ctx`'s visitor.
#[derive(askama::Template)]
#[template(path = "header.html")]
struct SiteHeader<'a> {
    ctx: &'a crate::view::Ctx,
}

/// Marks a streamed download the cache may keep once it has streamed whole (see the module's
/// documentation): a public file that depends on the data alone.
#[derive(Debug, Clone, Copy)]
pub struct KeptDownload;

/// What happened to a lookup or a store, for the metrics.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Dropped {
    /// Entries dropped for room.
    evicted: u64,
    /// Entries dropped because the data or the time moved on.
    stale: u64,
}

impl PageCache {
    /// The cache `config` asks for; `None` when it is off (`mb = 0`).
    pub fn new(config: &CacheConfig) -> Option<PageCache> {
        let max_bytes = config.mb.checked_mul(1024 * 1024).filter(|b| *b > 0)?;
        Some(PageCache {
            max_bytes,
            max_body: max_bytes / 16,
            ttl: i64::try_from(config.ttl_seconds.max(1)).unwrap_or(i64::MAX),
            placeholder: shutaf_store::random_token(),
            copying: AtomicUsize::new(0),
            max_copying: max_bytes / 4,
            inner: Mutex::new(Inner::default()),
        })
    }

    /// The bytes and the number of the entries kept.
    pub fn size(&self) -> (usize, usize) {
        let inner = self.lock();
        (inner.bytes, inner.entries.len())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The page kept under `key` if it is still good at `version`, `now` and `clock_offset`.
    fn get(&self, key: &str, version: i64, now: i64, clock_offset: i64) -> (Option<Kept>, Dropped) {
        let mut inner = self.lock();
        let mut dropped = inner.catch_up(version);
        if inner.version != version {
            // A newer version was seen meanwhile: what this request knows is older.
            return (None, dropped);
        }
        let fresh = match inner.entries.get(key) {
            None => return (None, dropped),
            Some(entry) => {
                entry.clock_offset == clock_offset && entry.at <= now && now - entry.at < self.ttl
            }
        };
        if !fresh {
            inner.remove(key);
            dropped.stale += 1;
            return (None, dropped);
        }
        inner.tick += 1;
        let tick = inner.tick;
        let Inner {
            entries, by_use, ..
        } = &mut *inner;
        let entry = entries.get_mut(key).expect("just found");
        by_use.remove(&entry.used);
        entry.used = tick;
        by_use.insert(tick, key.to_owned());
        let kept = Kept {
            headers: entry.headers.clone(),
            body: entry.body.clone(),
            gzipped: entry.gzipped,
            for_everyone: entry.for_everyone,
            header_at: entry.header_at,
            token_at: entry.token_at.clone(),
        };
        (Some(kept), dropped)
    }

    /// Keeps a page rendered at `version` (dropped when a newer version is known already).
    fn put(&self, key: String, kept: Kept, version: i64, at: i64, clock_offset: i64) -> Dropped {
        let size = ENTRY_OVERHEAD
            + key.len()
            + kept.body.len()
            + kept.token_at.len() * std::mem::size_of::<usize>()
            + kept
                .headers
                .iter()
                .map(|(name, value)| name.as_str().len() + value.len() + 32)
                .sum::<usize>();
        if kept.body.len() > self.max_body || size > self.max_bytes {
            return Dropped::default();
        }
        let mut inner = self.lock();
        let mut dropped = inner.catch_up(version);
        if inner.version != version {
            return dropped;
        }
        inner.remove(&key);
        while inner.bytes + size > self.max_bytes {
            let Some((_, oldest)) = inner.by_use.pop_first() else {
                break;
            };
            if let Some(entry) = inner.entries.remove(&oldest) {
                inner.bytes -= entry.size;
                dropped.evicted += 1;
            }
        }
        inner.tick += 1;
        let used = inner.tick;
        inner.by_use.insert(used, key.clone());
        inner.bytes += size;
        inner.entries.insert(
            key,
            Entry {
                headers: kept.headers,
                body: kept.body,
                gzipped: kept.gzipped,
                for_everyone: kept.for_everyone,
                header_at: kept.header_at,
                token_at: kept.token_at,
                at,
                clock_offset,
                used,
                size,
            },
        );
        dropped
    }
}

impl Inner {
    /// Drops everything when `version` is newer than the entries'.
    fn catch_up(&mut self, version: i64) -> Dropped {
        if version <= self.version {
            return Dropped::default();
        }
        let stale = self.entries.len() as u64;
        self.entries.clear();
        self.by_use.clear();
        self.bytes = 0;
        self.version = version;
        Dropped { evicted: 0, stale }
    }

    fn remove(&mut self, key: &str) {
        if let Some(entry) = self.entries.remove(key) {
            self.by_use.remove(&entry.used);
            self.bytes -= entry.size;
        }
    }
}

/// Whether a request may be answered from the cache: a `GET` by someone not signed in, for a
/// page or the API (not the assets, already in memory, nor the health check and the metrics,
/// which must be live, nor a mailed link's page, whose token is a secret of one person and
/// whose answer changes once it is used).
fn cacheable(request: &Request) -> bool {
    eligible(request) && crate::security::cookie(request.headers(), SESSION_COOKIE).is_none()
}

/// A `GET` the cache may answer for someone, signed in or not (see [`cacheable`]); a signed-in
/// visitor only with a page every visitor sees alike.
fn eligible(request: &Request) -> bool {
    let path = request.uri().path();
    let query = request.uri().query().unwrap_or("");
    request.method() == Method::GET
        && !request.headers().contains_key(header::AUTHORIZATION)
        && !matches!(path, "/healthz" | "/metrics")
        && !path.starts_with("/assets/")
        && !query.split('&').any(|pair| pair.starts_with("token="))
}

/// What the answer to a cacheable request varies on, for a visitor reading in `language`.
fn key_of(request: &Request, language: shutaf_domain::Language) -> String {
    let headers = request.headers();
    let header_text = |name: &str| {
        headers
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .unwrap_or_default()
    };
    let path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    format!(
        "{} {} hx={}:{}\n{path}",
        request.method(),
        language.code(),
        header_text("hx-request"),
        header_text("hx-target"),
    )
}

/// Whether a handler's answer may be kept for others.
fn storable(response: &Response, download: bool) -> bool {
    let headers = response.headers();
    let text = |name: header::HeaderName| {
        headers
            .get_all(name)
            .iter()
            .map(|v| String::from_utf8_lossy(v.as_bytes()).to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join(",")
    };
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && !text(header::CACHE_CONTROL).contains("no-store")
        && !text(header::CACHE_CONTROL).contains("private")
        && (download || !text(header::CONTENT_DISPOSITION).contains("attachment"))
}

/// Where `needle` stands in `haystack`.
fn places(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    // Placeholders never overlap (each is a whole token), so every match is one.
    memchr::memmem::find_iter(haystack, needle).collect()
}

/// The body with `token` written where the placeholder stood.
fn with_token(body: &Bytes, token_at: &[usize], placeholder_len: usize, token: &str) -> Bytes {
    if token_at.is_empty() {
        return body.clone();
    }
    let mut out = Vec::with_capacity(body.len() + token_at.len() * token.len());
    copy_with_token(
        &mut out,
        body,
        0..body.len(),
        token_at,
        placeholder_len,
        token,
    );
    Bytes::from(out)
}

/// Copies `range` of `body` to `out`, with `token` where the placeholder stood.
fn copy_with_token(
    out: &mut Vec<u8>,
    body: &[u8],
    range: std::ops::Range<usize>,
    token_at: &[usize],
    placeholder_len: usize,
    token: &str,
) {
    let mut from = range.start;
    for &at in token_at.iter().filter(|at| range.contains(at)) {
        out.extend_from_slice(&body[from..at]);
        out.extend_from_slice(token.as_bytes());
        from = at + placeholder_len;
    }
    out.extend_from_slice(&body[from..range.end]);
}

/// A page every visitor sees alike, with `header` in place of the one it was kept with and
/// `token` where the placeholder stood.
fn with_header(kept: &Kept, header: &str, placeholder_len: usize, token: &str) -> Bytes {
    let Some((start, end)) = kept.header_at else {
        return with_token(&kept.body, &kept.token_at, placeholder_len, token);
    };
    let body = &kept.body[..];
    let mut out = Vec::with_capacity(body.len() + header.len() + kept.token_at.len() * token.len());
    copy_with_token(
        &mut out,
        body,
        0..start,
        &kept.token_at,
        placeholder_len,
        token,
    );
    out.extend_from_slice(header.as_bytes());
    copy_with_token(
        &mut out,
        body,
        end..body.len(),
        &kept.token_at,
        placeholder_len,
        token,
    );
    Bytes::from(out)
}

/// Whether the request's `Accept-Encoding` takes gzip (`gzip` or `*`, not with `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// The bytes of a kept gzip, `inflated` long.
fn inflate(gzip: &[u8], inflated: usize) -> std::io::Result<Bytes> {
    use std::io::Read;
    let mut plain = Vec::with_capacity(inflated);
    flate2::read::GzDecoder::new(gzip).read_to_end(&mut plain)?;
    Ok(Bytes::from(plain))
}

/// The largest answer inflated whole for a client without gzip; a larger one (a locality's
/// JSON file, a megabyte and more) is inflated as it is sent, so that 64 such downloads at once
/// hold 64 small buffers rather than 64 files.
const INFLATED_AT_ONCE: usize = 64 * 1024;

/// A kept gzip as a body inflated a piece at a time.
fn inflating(gzip: Bytes) -> Body {
    use std::io::Read;
    let decoder = flate2::read::GzDecoder::new(std::io::Cursor::new(gzip));
    let pieces = futures_util::stream::unfold(Some(decoder), |decoder| async move {
        let mut decoder = decoder?;
        let mut piece = vec![0; 32 * 1024];
        match decoder.read(&mut piece) {
            Ok(0) => None,
            Ok(n) => {
                piece.truncate(n);
                Some((Ok(Bytes::from(piece)), Some(decoder)))
            }
            // Our own gzip never fails to inflate; if it did, the answer ends broken.
            Err(e) => Some((Err(e), None)),
        }
    });
    Body::from_stream(pieces)
}

/// A kept answer with nothing to write in: its gzip as it is for a client that takes it,
/// inflated for any other.
fn respond_gzipped(kept: &Kept, inflated: usize, gzip: bool) -> Response {
    let body = if gzip {
        Body::from(kept.body.clone())
    } else if inflated > INFLATED_AT_ONCE {
        inflating(kept.body.clone())
    } else {
        match inflate(&kept.body, inflated) {
            Ok(plain) => Body::from(plain),
            // Our own gzip never fails to inflate; if it did, say so rather than send half.
            Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        }
    };
    let mut response = respond_with(kept, body, true);
    if gzip {
        response
            .headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

/// Gzip of a kept answer's bytes, fast rather than small: it is made once per answer and version.
fn gzip(plain: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(plain.len() / 4),
        flate2::Compression::fast(),
    );
    encoder.write_all(plain)?;
    // Kept for minutes: the room reserved for a page (a quarter of it) is four times what a
    // download compresses to, and the cache counts only what is used.
    let mut compressed = encoder.finish()?;
    compressed.shrink_to_fit();
    Ok(compressed)
}

fn respond(kept: &Kept, body: Bytes, hit: bool) -> Response {
    respond_with(kept, Body::from(body), hit)
}

fn respond_with(kept: &Kept, body: Body, hit: bool) -> Response {
    let mut response = Response::new(body);
    *response.headers_mut() = kept.headers.clone();
    response.headers_mut().remove(header::CONTENT_LENGTH);
    response.headers_mut().insert(
        X_CACHE,
        HeaderValue::from_static(if hit { "hit" } else { "miss" }),
    );
    response
}

/// The cache as a layer: inside `security::csrf` (which gives the visitor's token and sets a
/// first visitor's cookie on the way out), around the routes.
pub async fn layer(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let Some(cache) = state.page_cache.as_ref() else {
        return next.run(request).await;
    };
    let anonymous = cacheable(&request);
    let signed_in = !anonymous
        && eligible(&request)
        && crate::security::cookie(request.headers(), SESSION_COOKIE).is_some();
    if !anonymous && !signed_in {
        return next.run(request).await;
    }
    // A signed-in visitor: who they are, for their header and the language of their pages. One
    // with a message waiting, or whose session has ended, gets the page rendered for them.
    let ctx = if signed_in {
        let (mut parts, body) = request.into_parts();
        let read = crate::view::Ctx::read(&mut parts, &state, false).await;
        request = Request::from_parts(parts, body);
        match read {
            Ok(ctx) if ctx.user.is_some() && ctx.flash.is_none() => Some(ctx),
            _ => return next.run(request).await,
        }
    } else {
        None
    };
    let language = match &ctx {
        Some(ctx) => ctx.lang(),
        None => crate::negotiate_language(request.headers(), None, state.config.default_language),
    };
    let key = key_of(&request, language);
    // Read before rendering: a write committed while the page renders makes it stale.
    let version = state.db.data_version();
    let now = state.db.now();
    let clock_offset = state.db.clock.offset();
    let visitor = request
        .extensions()
        .get::<CsrfToken>()
        .map(|t| t.0.clone())
        .unwrap_or_default();
    let (found, dropped) = cache.get(&key, version, now, clock_offset);
    // A signed-in visitor gets only what is kept for everyone.
    let found = found.filter(|kept| anonymous || kept.for_everyone);
    let download_state = state.clone();
    state
        .metrics
        .count_cache_dropped(dropped.evicted, dropped.stale);
    if let Some(kept) = found {
        state.metrics.count_cache_hit();
        let as_is = kept.header_at.is_none() && kept.token_at.is_empty();
        let kept = match kept.gzipped {
            // Nothing to write in: the gzip as it is, or inflated for a client without it.
            Some(inflated) if as_is => {
                return respond_gzipped(&kept, inflated, accepts_gzip(request.headers()));
            }
            // The visitor's token or header go into the page as it reads.
            Some(inflated) => match inflate(&kept.body, inflated) {
                Ok(plain) => Kept {
                    body: plain,
                    gzipped: None,
                    ..kept
                },
                Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            },
            None => kept,
        };
        if kept.header_at.is_some() {
            let anonymous_ctx;
            let reader = match &ctx {
                Some(ctx) => ctx,
                None => {
                    let here = request
                        .uri()
                        .path_and_query()
                        .map(|p| p.as_str().to_owned())
                        .unwrap_or_else(|| "/".into());
                    anonymous_ctx = crate::view::Ctx::bare(
                        crate::i18n::Tr::new(language),
                        Some(visitor.clone()),
                        here,
                    );
                    &anonymous_ctx
                }
            };
            if let Ok(header) = askama::Template::render(&SiteHeader { ctx: reader }) {
                let body = with_header(&kept, &header, cache.placeholder.len(), &visitor);
                return respond(&kept, body, true);
            }
            // A header that cannot be rendered: the page is rendered afresh below.
        } else {
            let body = with_token(
                &kept.body,
                &kept.token_at,
                cache.placeholder.len(),
                &visitor,
            );
            return respond(&kept, body, true);
        }
    }
    state.metrics.count_cache_miss();
    let uses_token = request.extensions().get::<CsrfToken>().is_some();
    if uses_token {
        request
            .extensions_mut()
            .insert(CsrfToken(cache.placeholder.clone()));
    }
    let session = request.extensions().get::<Session>().cloned();
    let response = next.run(request).await;
    // Only bodies already in memory are kept: a stream (a download) is never read here, unless
    // it is a page, which must get the visitor's token in place of the placeholder.
    let in_memory = response
        .body()
        .size_hint()
        .exact()
        .and_then(|n| usize::try_from(n).ok());
    let untouched = !session.as_ref().is_some_and(Session::is_modified);
    if in_memory.is_none()
        && untouched
        && anonymous
        && response.extensions().get::<KeptDownload>().is_some()
        && response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
    {
        return kept_as_it_streams(download_state, response, key, version, now, clock_offset);
    }
    let for_everyone = response.extensions().get::<SameForEveryone>().is_some();
    let keep = response.extensions().get::<NotKept>().is_none()
        && storable(
            &response,
            response.extensions().get::<KeptDownload>().is_some(),
        )
        && in_memory.is_some_and(|length| length <= cache.max_body)
        && untouched
        && (anonymous || for_everyone);
    // Only pages show the token (the API has none): other answers are passed on as they are.
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let uses_token = uses_token && html;
    if !keep && !uses_token {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let token_at = if uses_token {
        places(&bytes, cache.placeholder.as_bytes())
    } else {
        Vec::new()
    };
    let header_at = if for_everyone && html {
        header_of(&bytes)
    } else {
        None
    };
    let kept = Kept {
        headers: parts.headers.clone(),
        body: bytes,
        gzipped: None,
        for_everyone,
        header_at,
        token_at,
    };
    let body = with_token(
        &kept.body,
        &kept.token_at,
        cache.placeholder.len(),
        &visitor,
    );
    if !keep {
        let mut response = Response::from_parts(parts, Body::from(body));
        response.headers_mut().remove(header::CONTENT_LENGTH);
        return response;
    }
    // Kept compressed: a page takes a fifth of the room (the 3,000 initiatives a national hub's
    // visitors read fit), and a visitor whose client takes gzip may get it as it is (caches in
    // between must know). The places of the token and the header are the inflated page's.
    let mut kept = kept;
    kept.headers
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let mut response = respond(&kept, body, false);
    *response.status_mut() = parts.status;
    *response.extensions_mut() = parts.extensions;
    let Ok(compressed) = gzip(&kept.body) else {
        return response;
    };
    let kept = Kept {
        gzipped: Some(kept.body.len()),
        body: Bytes::from(compressed),
        ..kept
    };
    let dropped = cache.put(key, kept, version, now, clock_offset);
    state
        .metrics
        .count_cache_dropped(dropped.evicted, dropped.stale);
    response
}

/// Passes a download on as it streams, copying it on the side while it stays within the largest
/// body kept and the copies in flight stay within their budget ([`PageCache::copying`]); a
/// download that ended whole is kept. One that fails midway is not (the client sees it broken,
/// as without the cache).
fn kept_as_it_streams(
    state: AppState,
    response: Response,
    key: String,
    version: i64,
    now: i64,
    clock_offset: i64,
) -> Response {
    use futures_util::StreamExt;
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .insert(X_CACHE, HeaderValue::from_static("miss"));
    // A later visitor may get the kept copy compressed: caches in between must know.
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let going = Copying {
        copy: Some(Vec::new()),
        headers: parts.headers.clone(),
        state,
        key,
    };
    let stream = futures_util::stream::unfold(
        Some((body.into_data_stream(), going)),
        move |going| async move {
            let (mut chunks, mut going) = going?;
            match chunks.next().await {
                Some(Ok(bytes)) => {
                    going.add(&bytes);
                    Some((Ok(bytes), Some((chunks, going))))
                }
                Some(Err(e)) => Some((Err(e), None)),
                None => {
                    going.keep(version, now, clock_offset);
                    None
                }
            }
        },
    );
    Response::from_parts(parts, Body::from_stream(stream))
}

/// The copy of a download as it streams, its bytes counted against the budget of copies in
/// flight until it is kept or dropped.
struct Copying {
    state: AppState,
    copy: Option<Vec<u8>>,
    key: String,
    headers: HeaderMap,
}

impl Copying {
    /// Adds `bytes` to the copy, or gives the copy up when it would grow past what compresses
    /// to the largest body kept (four times that, inflated) or the budget of copies in flight.
    fn add(&mut self, bytes: &[u8]) {
        let Some(copy) = self.copy.as_mut() else {
            return;
        };
        let Some(cache) = self.state.page_cache.as_ref() else {
            return;
        };
        let within = copy.len() + bytes.len() <= cache.max_body * 4
            && cache
                .copying
                .fetch_update(Ordering::AcqRel, Ordering::Acquire, |held| {
                    (held + bytes.len() <= cache.max_copying).then_some(held + bytes.len())
                })
                .is_ok();
        if within {
            copy.extend_from_slice(bytes);
        } else {
            self.give_up();
        }
    }

    fn give_up(&mut self) {
        if let (Some(copy), Some(cache)) = (self.copy.take(), self.state.page_cache.as_ref()) {
            cache.copying.fetch_sub(copy.len(), Ordering::AcqRel);
        }
    }

    /// Keeps the whole copy.
    fn keep(mut self, version: i64, now: i64, clock_offset: i64) {
        let Some(copy) = self.copy.take() else {
            return;
        };
        let state = self.state.clone();
        let Some(cache) = state.page_cache.as_ref() else {
            return;
        };
        cache.copying.fetch_sub(copy.len(), Ordering::AcqRel);
        let Ok(compressed) = gzip(&copy) else {
            return;
        };
        let kept = Kept {
            headers: std::mem::take(&mut self.headers),
            body: Bytes::from(compressed),
            gzipped: Some(copy.len()),
            for_everyone: false,
            header_at: None,
            token_at: Vec::new(),
        };
        let dropped = cache.put(
            std::mem::take(&mut self.key),
            kept,
            version,
            now,
            clock_offset,
        );
        self.state
            .metrics
            .count_cache_dropped(dropped.evicted, dropped.stale);
    }
}

impl Drop for Copying {
    /// A download dropped midway (the client went away) gives its copy's bytes back.
    fn drop(&mut self) {
        self.give_up();
    }
}

/// Reads the database's data version every `poll_ms`, so that writes by other servers and by
/// `shutaf` commands reach this server's cache (and whatever else keeps results by the data
/// version); stops when the handle is aborted. Runs whether the page cache is on or not;
/// `poll_ms = 0` turns it off (one server alone, or a test that counts statements).
pub fn spawn_poller(state: AppState) -> Option<tokio::task::JoinHandle<()>> {
    if state.config.cache.poll_ms == 0 {
        return None;
    }
    let every = Duration::from_millis(state.config.cache.poll_ms.max(10));
    Some(tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match tokio::time::timeout(Duration::from_secs(5), state.db.poll_data_version()).await {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::debug!("could not read the data version: {e}"),
                Err(_) => tracing::debug!("reading the data version timed out"),
            }
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(mb: usize) -> PageCache {
        PageCache::new(&CacheConfig {
            mb,
            ttl_seconds: 30,
            poll_ms: 250,
        })
        .expect("on")
    }

    fn page(bytes: usize) -> Kept {
        Kept {
            headers: HeaderMap::new(),
            body: Bytes::from(vec![b'x'; bytes]),
            gzipped: None,
            for_everyone: false,
            header_at: None,
            token_at: Vec::new(),
        }
    }

    #[test]
    fn off_at_zero() {
        assert!(
            PageCache::new(&CacheConfig {
                mb: 0,
                ..CacheConfig::default()
            })
            .is_none()
        );
    }

    #[test]
    fn entries_go_when_the_version_moves_or_the_time_passes() {
        let c = cache(1);
        c.put("a".into(), page(10), 1, 100, 0);
        assert!(c.get("a", 1, 129, 0).0.is_some());
        assert!(c.get("a", 1, 130, 0).0.is_none(), "past the ttl");
        c.put("a".into(), page(10), 1, 100, 0);
        assert!(c.get("a", 1, 101, 5).0.is_none(), "the clock was moved");
        c.put("a".into(), page(10), 1, 100, 0);
        let (found, dropped) = c.get("a", 2, 101, 0);
        assert!(found.is_none());
        assert_eq!(dropped.stale, 1);
        // Rendered at an older version than known: not kept.
        c.put("b".into(), page(10), 1, 100, 0);
        assert!(c.get("b", 2, 101, 0).0.is_none());
        assert_eq!(c.size().1, 0);
    }

    #[test]
    fn the_least_recently_used_go_first() {
        let c = cache(1);
        let big = 60 * 1024;
        for key in ["a", "b", "c"] {
            c.put(key.into(), page(big), 0, 0, 0);
        }
        assert!(c.get("a", 0, 1, 0).0.is_some());
        // 16 pages of 60 KiB do not fit in 1 MiB with the others: b goes before a.
        let mut evicted = 0;
        for i in 0..14 {
            evicted += c.put(format!("p{i}"), page(big), 0, 0, 0).evicted;
        }
        assert!(evicted > 0);
        assert!(c.get("b", 0, 1, 0).0.is_none());
        assert!(c.get("a", 0, 1, 0).0.is_some());
        assert!(c.size().0 <= 1024 * 1024);
        // Larger than a sixteenth of the budget: not kept.
        c.put("huge".into(), page(100 * 1024), 0, 0, 0);
        assert!(c.get("huge", 0, 1, 0).0.is_none());
    }

    #[test]
    fn the_token_is_written_where_the_placeholder_stood() {
        let body = Bytes::from_static(b"<meta content=\"PPPP\"><input value=\"PPPP\">");
        let at = places(&body, b"PPPP");
        assert_eq!(at.len(), 2);
        assert_eq!(
            &with_token(&body, &at, 4, "tok1")[..],
            b"<meta content=\"tok1\"><input value=\"tok1\">"
        );
        assert_eq!(&with_token(&body, &[], 4, "tok1")[..], &body[..]);
    }
}
