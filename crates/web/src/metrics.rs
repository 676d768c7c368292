//! The hub's metrics at `/metrics`, in the Prometheus text exposition format (version 0.0.4).
//!
//! Counters are atomics kept in memory (no metrics library): requests by method, matched route
//! and status class; a duration histogram with fixed buckets by matched route; requests in
//! flight; requests shed under overload; error responses by their stable code. At each scrape
//! the database pool's size, the decision log's size and the process's resident memory are read.
//!
//! The route label is the route as the router declares it (`/organisations/{id}`, from axum's
//! `MatchedPath`), never the path asked for: paths are unbounded (every id, every typo), routes
//! are not. Requests that match no route share the label `unmatched`; unusual methods `OTHER`.
//!
//! Who may read: clients on this machine (see `may_read`), anyone when `metrics_public` is set,
//! or whoever sends `metrics_token` as a bearer token. Others get 404.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::config::Config;
use crate::error::{AppError, RenderedError};

/// Upper bounds of the duration histogram's buckets, in seconds (`+Inf` is added).
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];
const METHODS: [&str; 8] = [
    "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER",
];
const CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];
/// The route label of requests that matched no route.
pub const UNMATCHED: &str = "unmatched";

/// One route's counters.
#[derive(Default)]
struct RouteSeries {
    /// Requests by method and status class.
    answered: [[AtomicU64; CLASSES.len()]; METHODS.len()],
    /// Requests whose duration fell in each bucket (not cumulative; the last is `+Inf`).
    buckets: [AtomicU64; BUCKETS.len() + 1],
    sum_micros: AtomicU64,
    count: AtomicU64,
}

/// The hub's counters: shared by every request, cheap to update.
pub struct Metrics {
    routes: RwLock<HashMap<String, Arc<RouteSeries>>>,
    errors: RwLock<HashMap<&'static str, Arc<AtomicU64>>>,
    in_flight: AtomicI64,
    shed: AtomicU64,
    /// The page cache's answers from memory, renders, and entries dropped for room or as stale.
    cache_hits: AtomicU64,
    cache_misses: AtomicU64,
    cache_evictions: AtomicU64,
    cache_stale: AtomicU64,
    /// The decision log's size at the last scrape that could ask the database (-1: never).
    decision_log_size: AtomicI64,
    started: f64,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            routes: RwLock::default(),
            errors: RwLock::default(),
            in_flight: AtomicI64::new(0),
            shed: AtomicU64::new(0),
            cache_hits: AtomicU64::new(0),
            cache_misses: AtomicU64::new(0),
            cache_evictions: AtomicU64::new(0),
            cache_stale: AtomicU64::new(0),
            decision_log_size: AtomicI64::new(-1),
            started: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs_f64())
                .unwrap_or(0.0),
        }
    }
}

/// Counts a request in flight until dropped (also when the client goes away mid-request).
struct InFlight<'a>(&'a AtomicI64);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

fn method_index(method: &Method) -> usize {
    METHODS
        .iter()
        .position(|m| *m == method.as_str())
        .unwrap_or(METHODS.len() - 1)
}

fn class_index(status: StatusCode) -> usize {
    (usize::from(status.as_u16() / 100)).clamp(1, CLASSES.len()) - 1
}

/// Gets or makes the entry of `key`: a read lock on the usual path, a write lock the first time.
fn entry<K, V>(map: &RwLock<HashMap<K, Arc<V>>>, key: &str, make: impl FnOnce() -> K) -> Arc<V>
where
    K: std::hash::Hash + Eq + std::borrow::Borrow<str>,
    V: Default,
{
    if let Some(found) = map.read().unwrap_or_else(|e| e.into_inner()).get(key) {
        return found.clone();
    }
    map.write()
        .unwrap_or_else(|e| e.into_inner())
        .entry(make())
        .or_default()
        .clone()
}

impl Metrics {
    fn enter(&self) -> InFlight<'_> {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(&self.in_flight)
    }

    fn record(&self, route: &str, method: &Method, status: StatusCode, took: Duration) {
        let series = entry(&self.routes, route, || route.to_owned());
        series.answered[method_index(method)][class_index(status)].fetch_add(1, Ordering::Relaxed);
        let seconds = took.as_secs_f64();
        let bucket = BUCKETS
            .iter()
            .position(|le| seconds <= *le)
            .unwrap_or(BUCKETS.len());
        series.buckets[bucket].fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        series.sum_micros.fetch_add(micros, Ordering::Relaxed);
        series.count.fetch_add(1, Ordering::Relaxed);
    }

    fn count_error(&self, code: &'static str) {
        entry(&self.errors, code, || code).fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a request refused because too many were in flight.
    pub fn count_shed(&self) {
        self.shed.fetch_add(1, Ordering::Relaxed);
    }

    /// A page answered from the page cache.
    pub fn count_cache_hit(&self) {
        self.cache_hits.fetch_add(1, Ordering::Relaxed);
    }

    /// A cacheable page rendered (not in the cache, or no longer good).
    pub fn count_cache_miss(&self) {
        self.cache_misses.fetch_add(1, Ordering::Relaxed);
    }

    /// Entries the page cache dropped: for room, and because the data or the time moved on.
    pub fn count_cache_dropped(&self, evicted: u64, stale: u64) {
        if evicted > 0 {
            self.cache_evictions.fetch_add(evicted, Ordering::Relaxed);
        }
        if stale > 0 {
            self.cache_stale.fetch_add(stale, Ordering::Relaxed);
        }
    }

    /// The exposition, with what was read at this scrape.
    fn render(&self, scrape: &Scrape) -> String {
        let mut out = String::with_capacity(16 * 1024);
        let w = &mut out;
        header_lines(
            w,
            "shutaf_http_requests_total",
            "counter",
            "HTTP requests answered, by method, matched route and status class.",
        );
        let routes: Vec<(String, Arc<RouteSeries>)> = {
            let map = self.routes.read().unwrap_or_else(|e| e.into_inner());
            let mut routes: Vec<_> = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            routes.sort_by(|a, b| a.0.cmp(&b.0));
            routes
        };
        for (route, series) in &routes {
            let route = escape(route);
            for (m, method) in METHODS.iter().enumerate() {
                for (c, class) in CLASSES.iter().enumerate() {
                    let n = series.answered[m][c].load(Ordering::Relaxed);
                    if n > 0 {
                        let _ = writeln!(
                            w,
                            "shutaf_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{class}\"}} {n}"
                        );
                    }
                }
            }
        }
        header_lines(
            w,
            "shutaf_http_request_duration_seconds",
            "histogram",
            "Time from a request's arrival to its response's head, by matched route.",
        );
        for (route, series) in &routes {
            let route = escape(route);
            let mut cumulative = 0;
            for (i, bucket) in series.buckets.iter().enumerate() {
                cumulative += bucket.load(Ordering::Relaxed);
                let le = BUCKETS
                    .get(i)
                    .map(|b| b.to_string())
                    .unwrap_or_else(|| "+Inf".into());
                let _ = writeln!(
                    w,
                    "shutaf_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{le}\"}} {cumulative}"
                );
            }
            let sum = series.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
            let count = series.count.load(Ordering::Relaxed);
            let _ = writeln!(
                w,
                "shutaf_http_request_duration_seconds_sum{{route=\"{route}\"}} {sum}"
            );
            let _ = writeln!(
                w,
                "shutaf_http_request_duration_seconds_count{{route=\"{route}\"}} {count}"
            );
        }
        header_lines(
            w,
            "shutaf_http_errors_total",
            "counter",
            "Error responses, by the error's stable code (as in the API's error body).",
        );
        {
            let map = self.errors.read().unwrap_or_else(|e| e.into_inner());
            let mut errors: Vec<_> = map.iter().collect();
            errors.sort_by_key(|(code, _)| **code);
            for (code, n) in errors {
                let n = n.load(Ordering::Relaxed);
                let _ = writeln!(w, "shutaf_http_errors_total{{code=\"{code}\"}} {n}");
            }
        }
        gauge(
            w,
            "shutaf_http_requests_in_flight",
            "Requests being served now (this scrape included).",
            self.in_flight.load(Ordering::Relaxed),
        );
        gauge(
            w,
            "shutaf_http_max_in_flight",
            "Requests served at once before the next are shed (max_in_flight).",
            scrape.max_in_flight,
        );
        header_lines(
            w,
            "shutaf_http_requests_shed_total",
            "counter",
            "Requests refused at once with 503 because max_in_flight were being served.",
        );
        let _ = writeln!(
            w,
            "shutaf_http_requests_shed_total {}",
            self.shed.load(Ordering::Relaxed)
        );
        for (name, help, counter) in [
            (
                "shutaf_page_cache_hits_total",
                "Public pages answered from the page cache.",
                &self.cache_hits,
            ),
            (
                "shutaf_page_cache_misses_total",
                "Cacheable public pages rendered because the cache had no good copy.",
                &self.cache_misses,
            ),
            (
                "shutaf_page_cache_evictions_total",
                "Pages the page cache dropped to stay within its memory.",
                &self.cache_evictions,
            ),
            (
                "shutaf_page_cache_stale_total",
                "Pages the page cache dropped because the data version or the time moved on.",
                &self.cache_stale,
            ),
        ] {
            header_lines(w, name, "counter", help);
            let _ = writeln!(w, "{name} {}", counter.load(Ordering::Relaxed));
        }
        if let Some((bytes, entries)) = scrape.page_cache {
            gauge(
                w,
                "shutaf_page_cache_bytes",
                "Memory the page cache's entries take, counted by their bytes.",
                bytes,
            );
            gauge(
                w,
                "shutaf_page_cache_entries",
                "Pages in the page cache.",
                entries,
            );
        }
        gauge(
            w,
            "shutaf_db_pool_connections",
            "Connections the database pool holds, in use or idle.",
            scrape.pool_size,
        );
        gauge(
            w,
            "shutaf_db_pool_idle_connections",
            "Connections idle in the database pool.",
            scrape.pool_idle,
        );
        gauge(
            w,
            "shutaf_db_pool_max_connections",
            "The most connections the database pool opens.",
            scrape.pool_max,
        );
        let log_size = self.decision_log_size.load(Ordering::Relaxed);
        if log_size >= 0 {
            gauge(
                w,
                "shutaf_decision_log_entries",
                "Entries in the public decision log (as of the last scrape that reached the database).",
                log_size,
            );
        }
        if let Some(rss) = scrape.resident_bytes {
            gauge(
                w,
                "process_resident_memory_bytes",
                "Resident memory size in bytes.",
                rss,
            );
        }
        gauge(
            w,
            "process_start_time_seconds",
            "When the hub started, in seconds since the Unix epoch.",
            self.started,
        );
        let _ = writeln!(
            w,
            "# HELP shutaf_build_info The hub's version.\n# TYPE shutaf_build_info gauge\nshutaf_build_info{{version=\"{}\"}} 1",
            env!("CARGO_PKG_VERSION")
        );
        out
    }
}

/// What is read afresh at each scrape.
struct Scrape {
    max_in_flight: usize,
    pool_size: u32,
    pool_idle: usize,
    pool_max: u32,
    resident_bytes: Option<u64>,
    /// The page cache's bytes and entries, when it is on.
    page_cache: Option<(usize, usize)>,
}

fn header_lines(w: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(w, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

fn gauge(w: &mut String, name: &str, help: &str, value: impl std::fmt::Display) {
    header_lines(w, name, "gauge", help);
    let _ = writeln!(w, "{name} {value}");
}

/// A label value as the exposition format wants it: backslash, double quote and newline escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The process's resident memory, from `/proc/self/status` (Linux). `VmRSS` is in kB, so no page
/// size (`/proc/self/statm` counts pages) has to be asked of the C library.
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Counts every request: by route, method and status class, its duration, in flight meanwhile,
/// and the code of an error answer. The outermost of the hub's own layers, so shed requests and
/// time-outs are counted too.
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().cloned();
    let method = request.method().clone();
    let started = Instant::now();
    let _in_flight = state.metrics.enter();
    let response = next.run(request).await;
    let route = route.as_ref().map(MatchedPath::as_str).unwrap_or(UNMATCHED);
    state
        .metrics
        .record(route, &method, response.status(), started.elapsed());
    if let Some(RenderedError(code)) = response.extensions().get::<RenderedError>() {
        state.metrics.count_error(code);
    }
    response
}

/// `GET /metrics`.
pub async fn endpoint(State(state): State<AppState>, request: Request) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if !may_read(&state.config, peer, request.headers()) {
        return AppError::NotFound.into_response();
    }
    let pool = &state.db.pool;
    let (pool_size, pool_idle, pool_max) = (
        pool.size(),
        pool.num_idle(),
        pool.options().get_max_connections(),
    );
    // The log's size is one row, but a scrape must answer when the pool is exhausted (that is
    // when it matters most): ask only when a connection is at hand, briefly, else show the last.
    let at_hand = pool_idle > 0 || pool_size < pool_max;
    if at_hand
        && let Ok(Ok(size)) =
            tokio::time::timeout(Duration::from_secs(1), state.db.log_size()).await
    {
        state
            .metrics
            .decision_log_size
            .store(i64::try_from(size).unwrap_or(i64::MAX), Ordering::Relaxed);
    }
    let scrape = Scrape {
        max_in_flight: state.config.max_in_flight,
        pool_size,
        pool_idle,
        pool_max,
        resident_bytes: resident_bytes(),
        page_cache: state.page_cache.as_ref().map(|c| c.size()),
    };
    let mut response = state.metrics.render(&scrape).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

/// Whether this client may read the metrics. Public when configured; anywhere with the token;
/// otherwise only from this machine: the connection must come from a loopback address, and so
/// must every address named in `X-Forwarded-For`, `X-Real-IP` or `Forwarded` (all of them, not
/// the first: a client can put `127.0.0.1` in the header itself). Behind a proxy, never by
/// address: a reverse proxy on the same machine connects from 127.0.0.1 for every client, and
/// one that forwards no header would make every client look local.
pub fn may_read(config: &Config, peer: Option<IpAddr>, headers: &HeaderMap) -> bool {
    if config.metrics_public {
        return true;
    }
    if let (Some(expected), Some(sent)) = (&config.metrics_token, bearer(headers))
        && same(expected.as_bytes(), sent.as_bytes())
    {
        return true;
    }
    if config.behind_proxy || !peer.is_some_and(is_loopback) {
        return false;
    }
    forwarded_addresses(headers).all(|a| a.is_some_and(is_loopback))
}

fn is_loopback(ip: IpAddr) -> bool {
    ip.to_canonical().is_loopback()
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Compares without an early exit, so timing does not tell how much of a token was right.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Every address named by forwarding headers; `None` for one that cannot be read (which then
/// counts as not local).
fn forwarded_addresses(headers: &HeaderMap) -> impl Iterator<Item = Option<IpAddr>> + '_ {
    let listed = |name: &'static str| {
        headers
            .get_all(name)
            .iter()
            .flat_map(|v| v.to_str().unwrap_or("?").split(','))
            .map(|a| a.trim().parse::<IpAddr>().ok())
    };
    // RFC 7239: `for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"`; an obfuscated or unknown
    // `for` is not local.
    let forwarded = headers
        .get_all(header::FORWARDED)
        .iter()
        .flat_map(|v| v.to_str().unwrap_or("for=?").split(','))
        .flat_map(|element| element.split(';'))
        .filter_map(|pair| {
            let (key, value) = pair.trim().split_once('=')?;
            key.eq_ignore_ascii_case("for").then_some(value)
        })
        .map(|value| {
            let value = value.trim_matches('"');
            let host = match value.strip_prefix('[') {
                Some(rest) => rest.split(']').next().unwrap_or(""),
                None => value.split(':').next().unwrap_or(""),
            };
            host.parse::<IpAddr>().ok()
        });
    listed("x-forwarded-for")
        .chain(listed("x-real-ip"))
        .chain(forwarded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn only_local_clients_read_by_default() {
        let config = Config::default();
        let local = Some("127.0.0.1".parse().unwrap());
        let local6 = Some("::1".parse().unwrap());
        let mapped = Some("::ffff:127.0.0.1".parse().unwrap());
        let remote = Some("203.0.113.9".parse().unwrap());
        assert!(may_read(&config, local, &headers(&[])));
        assert!(may_read(&config, local6, &headers(&[])));
        assert!(may_read(&config, mapped, &headers(&[])));
        assert!(!may_read(&config, remote, &headers(&[])));
        assert!(!may_read(&config, None, &headers(&[])));
        // Through a proxy on this machine: the forwarded addresses decide, all of them.
        for refused in [
            vec![("x-forwarded-for", "203.0.113.9")],
            vec![("x-forwarded-for", "127.0.0.1, 203.0.113.9")],
            vec![
                ("x-forwarded-for", "127.0.0.1"),
                ("x-real-ip", "203.0.113.9"),
            ],
            vec![("x-forwarded-for", "not an address")],
            vec![("forwarded", "for=203.0.113.9;proto=https")],
            vec![("forwarded", "for=\"[2001:db8::1]:4711\"")],
            vec![("forwarded", "for=_hidden")],
        ] {
            assert!(!may_read(&config, local, &headers(&refused)), "{refused:?}");
        }
        for allowed in [
            vec![("x-forwarded-for", "127.0.0.1, ::1")],
            vec![("forwarded", "for=127.0.0.1:5000;proto=http")],
            vec![("forwarded", "for=\"[::1]:4711\"")],
        ] {
            assert!(may_read(&config, local, &headers(&allowed)), "{allowed:?}");
        }
    }

    #[test]
    fn public_or_with_the_token() {
        let remote = Some("203.0.113.9".parse().unwrap());
        let public = Config {
            metrics_public: true,
            ..Config::default()
        };
        assert!(may_read(&public, remote, &headers(&[])));
        let token = Config {
            metrics_token: Some("scrape-token-0123456789".into()),
            ..Config::default()
        };
        assert!(may_read(
            &token,
            remote,
            &headers(&[("authorization", "Bearer scrape-token-0123456789")])
        ));
        assert!(!may_read(
            &token,
            remote,
            &headers(&[("authorization", "Bearer scrape-token-012345678")])
        ));
        assert!(!may_read(&token, remote, &headers(&[])));
    }

    #[test]
    fn the_exposition_counts_by_route_and_class() {
        let metrics = Metrics::default();
        let took = Duration::from_millis(30);
        metrics.record("/a/{id}", &Method::GET, StatusCode::OK, took);
        metrics.record("/a/{id}", &Method::GET, StatusCode::NOT_FOUND, took);
        metrics.record(
            "/a/{id}",
            &Method::GET,
            StatusCode::OK,
            Duration::from_secs(60),
        );
        metrics.record(
            "x\"y",
            &Method::from_bytes(b"BREW").unwrap(),
            StatusCode::OK,
            took,
        );
        metrics.count_error("not_found");
        metrics.count_shed();
        let text = metrics.render(&Scrape {
            max_in_flight: 7,
            pool_size: 3,
            pool_idle: 2,
            pool_max: 5,
            resident_bytes: Some(4096),
            page_cache: Some((1000, 2)),
        });
        for line in [
            "shutaf_http_requests_total{method=\"GET\",route=\"/a/{id}\",status=\"2xx\"} 2",
            "shutaf_http_requests_total{method=\"GET\",route=\"/a/{id}\",status=\"4xx\"} 1",
            "shutaf_http_requests_total{method=\"OTHER\",route=\"x\\\"y\",status=\"2xx\"} 1",
            "shutaf_http_request_duration_seconds_bucket{route=\"/a/{id}\",le=\"0.025\"} 0",
            "shutaf_http_request_duration_seconds_bucket{route=\"/a/{id}\",le=\"0.05\"} 2",
            "shutaf_http_request_duration_seconds_bucket{route=\"/a/{id}\",le=\"30\"} 2",
            "shutaf_http_request_duration_seconds_bucket{route=\"/a/{id}\",le=\"+Inf\"} 3",
            "shutaf_http_request_duration_seconds_sum{route=\"/a/{id}\"} 60.06",
            "shutaf_http_request_duration_seconds_count{route=\"/a/{id}\"} 3",
            "shutaf_http_errors_total{code=\"not_found\"} 1",
            "shutaf_http_requests_shed_total 1",
            "shutaf_http_max_in_flight 7",
            "shutaf_db_pool_connections 3",
            "shutaf_db_pool_idle_connections 2",
            "process_resident_memory_bytes 4096",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} not in\n{text}");
        }
        assert!(!text.contains("shutaf_decision_log_entries"));
        assert!(resident_bytes().is_none_or(|b| b > 0));
    }
}
