//! The hub under load: requests beyond `max_in_flight` are shed (health still answers), a request
//! that takes too long gets a page or JSON, an exhausted database pool answers 503 not 500, an
//! API body over the limit is refused in the API's format; and `/metrics`, counted by matched
//! route, for this machine only unless opened.

use std::collections::HashMap;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;
use shutaf_domain::{Language, OrganisationKind, Sector};
use shutaf_store::Backend;
use shutaf_testkit::{TestApp, csrf_token};
use shutaf_web::i18n::Tr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn message(lang: Language, key: &str) -> String {
    let text = Tr::new(lang).t(key);
    assert_ne!(text, key, "{key} has no {lang:?} text");
    text
}

/// A post whose body never finishes (a form for a page, JSON for the API): the head
/// announces 1,000 bytes, a few come, then nothing. The CSRF check (pages) or the JSON
/// extractor (API) waits for the rest, so the request stays in flight while the connection
/// is open. No test-only route is needed.
async fn stalled(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> TcpStream {
    let host = app.base.trim_start_matches("http://");
    let (content_type, start) = if path.starts_with("/api/") {
        ("application/json", "{\"names\": ")
    } else {
        ("application/x-www-form-urlencoded", "csrf_token=")
    };
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\nContent-Length: 1000\r\n"
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    head.push_str(start);
    let mut stream = TcpStream::connect(host).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

/// The response on a raw connection: status, headers (names in lower case), body.
async fn response_of(stream: &mut TcpStream) -> (u16, HashMap<String, String>, String) {
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 8192];
    let read = async {
        loop {
            if let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
                let length = head
                    .lines()
                    .filter_map(|l| l.split_once(':'))
                    .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                    .map(|(_, v)| v.trim().parse::<usize>().unwrap())
                    .expect("the response has a length");
                if bytes.len() >= end + 4 + length {
                    return (head, bytes[end + 4..end + 4 + length].to_vec());
                }
            }
            let n = stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "the connection closed before a whole response");
            bytes.extend_from_slice(&chunk[..n]);
        }
    };
    let (head, body) = tokio::time::timeout(Duration::from_secs(15), read)
        .await
        .expect("a response within 15 s");
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (
        status.parse().unwrap(),
        headers,
        String::from_utf8(body).unwrap(),
    )
}

/// The samples of a Prometheus exposition: series (name and labels) to value.
fn samples(text: &str) -> HashMap<String, f64> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (series, value) = l.rsplit_once(' ').unwrap();
            (series.to_owned(), value.parse().unwrap())
        })
        .collect()
}

async fn scrape(app: &TestApp) -> HashMap<String, f64> {
    let response = reqwest::get(app.url("/metrics")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    samples(&response.text().await.unwrap())
}

async fn wait_for_in_flight(app: &TestApp, held: f64) {
    for _ in 0..100 {
        // The scrape counts itself.
        if scrape(app).await["shutaf_http_requests_in_flight"] == held + 1.0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{held} requests never came to be in flight");
}

fn retry_after(response: &reqwest::Response) -> u64 {
    response
        .headers()
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn beyond_max_in_flight_requests_are_shed_and_health_still_answers() {
    let app = TestApp::spawn_with(|c| c.max_in_flight = 2).await;
    let client = app.client();
    let api = app.url("/api/v1/localities");
    assert_eq!(
        client.get(&api).send().await.unwrap().status(),
        StatusCode::OK
    );

    let held = [
        stalled(&app, "/signin", &[]).await,
        stalled(&app, "/signup", &[]).await,
    ];
    wait_for_in_flight(&app, 2.0).await;

    let response = client
        .get(&api)
        .header("accept-language", "he")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(retry_after(&response) >= 1);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "overloaded");
    assert_eq!(
        body["error"]["message"],
        message(Language::He, "error-overloaded")
    );

    let response = client
        .get(app.url("/organisations"))
        .header("accept-language", "ar")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(retry_after(&response) >= 1);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    // The page carries the hub's security headers like any other.
    assert!(response.headers().contains_key("content-security-policy"));
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\""), "{html}");
    assert!(html.contains(&message(Language::Ar, "error-overloaded")));

    // The orchestrator and the monitor still see the hub.
    let health = client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    let metrics = scrape(&app).await;
    assert_eq!(metrics["shutaf_http_requests_shed_total"], 2.0);
    assert_eq!(
        metrics["shutaf_http_errors_total{code=\"overloaded\"}"],
        2.0
    );
    assert_eq!(metrics["shutaf_http_max_in_flight"], 2.0);

    // When the held requests go, their places are free again.
    drop(held);
    let mut status = StatusCode::SERVICE_UNAVAILABLE;
    for _ in 0..100 {
        status = client.get(&api).send().await.unwrap().status();
        if status == StatusCode::OK {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_request_that_takes_too_long_gets_a_page_or_json() {
    let app = TestApp::spawn_with(|c| c.request_timeout_seconds = 1).await;
    app.person("slow@example.org").await;
    let token = app.api_token("slow@example.org", "write").await;

    let started = std::time::Instant::now();
    let mut page = stalled(&app, "/signin", &[("Accept-Language", "en")]).await;
    let (status, headers, html) = response_of(&mut page).await;
    assert!(started.elapsed() >= Duration::from_millis(900));
    assert_eq!(status, 503);
    assert!(headers["retry-after"].parse::<u64>().unwrap() >= 1);
    assert!(headers["content-type"].starts_with("text/html"));
    assert!(
        html.contains(&message(Language::En, "error-timeout")),
        "{html}"
    );

    let bearer = format!("Bearer {token}");
    let mut api = stalled(
        &app,
        "/api/v1/organisations",
        &[("Authorization", &bearer), ("Accept-Language", "en")],
    )
    .await;
    let (status, headers, json) = response_of(&mut api).await;
    assert_eq!(status, 503);
    assert!(headers["retry-after"].parse::<u64>().unwrap() >= 1);
    assert!(headers["content-type"].starts_with("application/json"));
    let body: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(body["error"]["code"], "timeout");
    assert_eq!(
        body["error"]["message"],
        message(Language::En, "error-timeout")
    );
    assert_eq!(
        scrape(&app).await["shutaf_http_errors_total{code=\"timeout\"}"],
        2.0
    );
}

#[tokio::test]
async fn an_exhausted_database_pool_answers_503_not_500() {
    let app = TestApp::spawn().await;
    app.person("busy@example.org").await;
    let token = app.api_token("busy@example.org", "write").await;
    let client = app.client();
    let api = app.url("/api/v1/localities");
    assert_eq!(
        client.get(&api).send().await.unwrap().status(),
        StatusCode::OK
    );
    // The sign-in form's token, taken before the pool is held.
    let (_, signin) = app.get(&client, "/signin").await;
    let csrf = csrf_token(&signin);
    let mut held = Vec::new();
    for _ in 0..app.db.pool.options().get_max_connections() {
        held.push(app.db.pool.acquire().await.unwrap());
    }
    // Both write, so both wait for a connection (ACQUIRE_TIMEOUT), at the same time: the API
    // creates an organisation, the page signs in (which counts the attempt).
    let started = std::time::Instant::now();
    let (api_response, page_response) = tokio::join!(
        client
            .post(app.url("/api/v1/organisations"))
            .bearer_auth(&token)
            .header("accept-language", "en")
            .json(&serde_json::json!({ "names": { "en": "Waiting Association" }, "sector": "third", "kind": "ngo" }))
            .send(),
        client
            .post(app.url("/signin"))
            .header("accept-language", "en")
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("email", "busy@example.org"),
                ("password", "not the password"),
            ])
            .send()
    );
    assert!(started.elapsed() < Duration::from_secs(20));
    let api_response = api_response.unwrap();
    assert_eq!(api_response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(retry_after(&api_response) >= 1);
    let body: Value = api_response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "database_busy");
    assert_eq!(
        body["error"]["message"],
        message(Language::En, "error-overloaded")
    );
    let page_response = page_response.unwrap();
    assert_eq!(page_response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(retry_after(&page_response) >= 1);
    let html = page_response.text().await.unwrap();
    assert!(html.contains(&message(Language::En, "error-overloaded")));

    // On SQLite the pages read through the hub's own connections, not the pool: a page asked
    // for the first time (neither cached nor kept in memory) answers while the pool is held.
    if app.db.backend == Backend::Sqlite {
        let (status, _) = app.get(&client, "/organisations?sector=business").await;
        assert_eq!(status, StatusCode::OK);
    }

    // The metrics answer meanwhile, without waiting for the pool.
    let metrics = tokio::time::timeout(Duration::from_secs(3), scrape(&app))
        .await
        .expect("/metrics answers while the pool is exhausted");
    assert_eq!(metrics["shutaf_db_pool_idle_connections"], 0.0);
    assert_eq!(
        metrics["shutaf_http_errors_total{code=\"database_busy\"}"],
        2.0
    );

    drop(held);
    assert_eq!(
        client.get(&api).send().await.unwrap().status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn metrics_count_requests_by_matched_route() {
    let app = TestApp::spawn().await;
    let owner = app.person("metrics@example.org").await;
    let org = app
        .organisation(owner, "Metered", Sector::Third, OrganisationKind::Ngo)
        .await;
    let client = app.client();
    for _ in 0..3 {
        let (status, _) = app.get(&client, &format!("/organisations/{org}")).await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, _) = app.get(&client, "/organisations/987654").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.get(&client, "/no-such-page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let response = reqwest::get(app.url("/metrics")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let text = response.text().await.unwrap();
    assert!(text.contains("# TYPE shutaf_http_requests_total counter"));
    assert!(text.contains("# TYPE shutaf_http_request_duration_seconds histogram"));
    // The route as declared, never the path asked for.
    assert!(!text.contains(&format!("/organisations/{org}\"")));
    assert!(!text.contains("987654"));
    assert!(!text.contains("no-such-page"));
    let first = samples(&text);
    let ok =
        "shutaf_http_requests_total{method=\"GET\",route=\"/organisations/{id}\",status=\"2xx\"}";
    let missing =
        "shutaf_http_requests_total{method=\"GET\",route=\"/organisations/{id}\",status=\"4xx\"}";
    assert_eq!(first[ok], 3.0);
    assert_eq!(first[missing], 1.0);
    assert!(
        first["shutaf_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"4xx\"}"]
            >= 1.0
    );
    assert_eq!(
        first["shutaf_http_request_duration_seconds_count{route=\"/organisations/{id}\"}"],
        4.0
    );
    assert_eq!(
        first["shutaf_http_request_duration_seconds_bucket{route=\"/organisations/{id}\",le=\"+Inf\"}"],
        4.0
    );
    assert!(first["shutaf_http_request_duration_seconds_sum{route=\"/organisations/{id}\"}"] > 0.0);
    assert_eq!(first["shutaf_http_requests_in_flight"], 1.0);
    assert_eq!(first["shutaf_http_requests_shed_total"], 0.0);
    assert!(first["shutaf_db_pool_connections"] >= 1.0);
    assert!(first["shutaf_db_pool_max_connections"] >= 1.0);
    assert_eq!(
        first["shutaf_decision_log_entries"],
        app.db.log_size().await.unwrap() as f64
    );
    if cfg!(target_os = "linux") {
        assert!(first["process_resident_memory_bytes"] > 1_000_000.0);
    }

    // The counters move.
    let (status, _) = app.get(&client, &format!("/organisations/{org}")).await;
    assert_eq!(status, StatusCode::OK);
    let second = scrape(&app).await;
    assert_eq!(second[ok], 4.0);
    assert_eq!(second[missing], 1.0);
    assert_eq!(
        second["shutaf_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"2xx\"}"],
        1.0
    );
}

#[tokio::test]
async fn the_api_refuses_a_too_large_json_body_in_its_error_format() {
    let app = TestApp::spawn().await;
    app.person("big@example.org").await;
    let token = app.api_token("big@example.org", "write").await;
    // Larger than the 2 MB axum gives a JSON body.
    let body = format!("{{\"description\": \"{}\"}}", "x".repeat(3 * 1024 * 1024));
    let response = app
        .client()
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .header("accept-language", "en")
        .body(body)
        .send()
        .await
        .unwrap();
    // Refused in the API's JSON error format, as 413 `too_large`.
    let status = response.status();
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "too_large");
    assert_eq!(
        body["error"]["message"],
        message(Language::En, "error-too-large")
    );
}

async fn metrics_status(app: &TestApp, headers: &[(&str, &str)]) -> StatusCode {
    let mut request = app.client().get(app.url("/metrics"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap().status()
}

#[tokio::test]
async fn metrics_are_for_this_machine_unless_opened() {
    let remote = ("x-forwarded-for", "203.0.113.9");
    // By default: loopback clients only.
    let app = TestApp::spawn().await;
    assert_eq!(metrics_status(&app, &[]).await, StatusCode::OK);
    assert_eq!(metrics_status(&app, &[remote]).await, StatusCode::NOT_FOUND);
    // The client cannot claim to be local: every forwarded address counts.
    assert_eq!(
        metrics_status(&app, &[("x-forwarded-for", "127.0.0.1, 203.0.113.9")]).await,
        StatusCode::NOT_FOUND
    );

    let app = TestApp::spawn_with(|c| {
        c.behind_proxy = true;
        c.metrics_token = Some("scrape-token-0123456789".into());
    })
    .await;
    assert_eq!(metrics_status(&app, &[remote]).await, StatusCode::NOT_FOUND);
    // Behind a proxy every request comes from this machine: no address opens the metrics, not
    // even a loopback connection that a proxy forwarded without saying from whom.
    assert_eq!(metrics_status(&app, &[]).await, StatusCode::NOT_FOUND);
    assert_eq!(
        metrics_status(&app, &[("x-forwarded-for", "127.0.0.1")]).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        metrics_status(
            &app,
            &[remote, ("authorization", "Bearer scrape-token-0123456789")]
        )
        .await,
        StatusCode::OK
    );
    assert_eq!(
        metrics_status(
            &app,
            &[remote, ("authorization", "Bearer scrape-token-guess")]
        )
        .await,
        StatusCode::NOT_FOUND
    );

    let app = TestApp::spawn_with(|c| {
        c.behind_proxy = true;
        c.metrics_public = true;
    })
    .await;
    assert_eq!(metrics_status(&app, &[remote]).await, StatusCode::OK);
}
