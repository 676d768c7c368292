//! The doors under attack (issue 11): throttles reserved before a password is checked and that a
//! stranger cannot turn against the owner; sign-up and reset mail limited per address and per
//! target; bounded hashing; the CSRF token checked before a body is read, and bodies counted
//! against a budget; the client's address behind a proxy; what a password reset ends; the
//! connection cap and the header time-out; text that would break a feed or reverse a name;
//! ranges that cannot wrap; and the attachment limit kept by the database.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;
use shutaf_domain::Language;
use shutaf_testkit::{PASSWORD, TestApp, csrf_token, location};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A form to post: the browser, the page (and action), the fields.
type Post = (reqwest::Client, &'static str, Vec<(String, String)>);

/// Fires the posts at once, each from its own browser: gives the statuses and `Retry-After`s.
/// The tokens are fetched first, so the posts themselves come together.
async fn posts_at_once(app: &TestApp, posts: Vec<Post>) -> Vec<(StatusCode, Option<u64>)> {
    let mut ready = Vec::new();
    for (client, action, mut fields) in posts {
        let (_, html) = app.get(&client, action).await;
        fields.push(("csrf_token".into(), csrf_token(&html)));
        ready.push((client, app.url(action), fields));
    }
    let mut running = tokio::task::JoinSet::new();
    for (client, url, fields) in ready {
        running.spawn(async move {
            let response = client.post(url).form(&fields).send().await.unwrap();
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok()?.parse().ok());
            (response.status(), retry_after)
        });
    }
    running.join_all().await
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn sign_in_attempts_made_at_once_are_reserved_and_cannot_lock_the_owner_out() {
    let app = TestApp::spawn_with(|c| c.behind_proxy = true).await;
    let email = "owner@example.org";
    app.person(email).await;
    // The owner signed in on her laptop before, and signed out.
    let laptop = app.client_from("198.51.100.7");
    let signin = [("email", email), ("password", PASSWORD)];
    let response = app.post(&laptop, "/signin", "/signin", &signin).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app.post(&laptop, "/profile", "/signout", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // Sixty wrong passwords at once, each from another address (so no address limit is near):
    // the account's limit is reserved before any password is checked, so exactly ten are.
    let wrong = fields(&[("email", email), ("password", "a wrong guess")]);
    let posts = (0..60)
        .map(|i| {
            let client = app.client_from(&format!("203.0.113.{i}"));
            (client, "/signin", wrong.clone())
        })
        .collect();
    let answers = posts_at_once(&app, posts).await;
    let checked = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    let refused: Vec<_> = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::TOO_MANY_REQUESTS)
        .collect();
    assert_eq!((checked, refused.len()), (10, 50), "{answers:?}");
    // A short back-off, not a lock for the rest of the day.
    assert!(
        refused
            .iter()
            .all(|(_, wait)| wait.is_some_and(|w| (1..=300).contains(&w))),
        "{refused:?}"
    );

    // The owner's own laptop has an allowance of its own: the stranger did not spend it.
    let response = app.post(&laptop, "/signin", "/signin", &signin).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "the owner signs in"
    );
    // A browser she never used waits out the back-off like the stranger.
    let phone = app.client_from("198.51.100.8");
    let response = app.post(&phone, "/signin", "/signin", &signin).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn reset_and_sign_up_mail_is_limited_per_target_and_per_address() {
    let app = TestApp::spawn_with(|c| c.behind_proxy = true).await;
    app.person("target@example.org").await;
    // From many addresses at once, to one account: three reset mails, the rest refused.
    let posts = (0..12)
        .map(|i| {
            let client = app.client_from(&format!("203.0.113.{i}"));
            let form = fields(&[("email", "target@example.org")]);
            (client, "/password/forgot", form)
        })
        .collect();
    let answers = posts_at_once(&app, posts).await;
    let sent = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let refused = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((sent, refused), (3, 9), "{answers:?}");
    app.smtp
        .wait_for("target@example.org", "/password/reset")
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mails = app
        .smtp
        .messages()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == "target@example.org"))
        .count();
    assert_eq!(mails, 3, "no more mails than answers said");

    // From one address, to many: ten, then refused, whether or not the accounts exist.
    let client = app.client_from("198.51.100.20");
    for i in 0..10 {
        let email = format!("someone{i}@example.org");
        let response = app
            .post(
                &client,
                "/password/forgot",
                "/password/forgot",
                &[("email", &email)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{email}");
    }
    let response = app
        .post(
            &client,
            "/password/forgot",
            "/password/forgot",
            &[("email", "someone-else@example.org")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);

    // Sign-up: three to one address, then refused (a flood hashes nothing and mails no one).
    for i in 0..4 {
        let client = app.client_from(&format!("192.0.2.{i}"));
        let response = app
            .post(
                &client,
                "/signup",
                "/signup",
                &[
                    ("display_name", "Flood"),
                    ("email", "flooded@example.org"),
                    ("password", PASSWORD),
                    ("password_confirm", PASSWORD),
                ],
            )
            .await;
        let expected = if i < 3 {
            StatusCode::OK
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(response.status(), expected, "sign-up {i}");
    }
}

#[tokio::test]
async fn passwords_are_hashed_a_few_at_a_time_and_the_rest_are_shed() {
    let app = TestApp::spawn_with(|c| {
        c.behind_proxy = true;
        c.max_hashing = 1;
    })
    .await;
    // A hundred and fifty sign-ins at once, each for another account from another address (no
    // throttle applies): one hash at a time, each waiting at most two seconds for its turn.
    let posts = (0..150)
        .map(|i| {
            let client = app.client_from(&format!("10.0.{}.{}", i / 200, i % 200));
            let form = fields(&[
                ("email", &format!("nobody{i}@example.org")),
                ("password", "not the password"),
            ]);
            (client, "/signin", form)
        })
        .collect();
    let answers = posts_at_once(&app, posts).await;
    let checked = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    let shed = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::SERVICE_UNAVAILABLE)
        .count();
    assert_eq!(checked + shed, 150, "nothing else, no 500: {answers:?}");
    assert!(checked > 0 && shed > 0, "{checked} checked, {shed} shed");
    let (status, _) = app.get(&app.client(), "/healthz").await;
    assert_eq!(status, StatusCode::OK);
}

/// Sends a request's head and the start of its body over a raw connection, then nothing more
/// (the declared length is far larger): a server that waited for the whole body before the
/// CSRF check would not answer until its time limit. Gives the status line.
async fn post_without_finishing(app: &TestApp, path: &str, headers: &str, start: &[u8]) -> String {
    let address = app.url("").trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Length: 26000000\r\n{headers}\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(start).await.unwrap();
    let mut answer = vec![0u8; 1024];
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut answer))
        .await
        .expect("answered without waiting for the body")
        .unwrap();
    String::from_utf8_lossy(&answer[..read])
        .lines()
        .next()
        .unwrap_or("")
        .to_owned()
}

#[tokio::test]
async fn an_upload_without_its_token_is_refused_before_its_body_is_read() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (_, html) = app.get(&client, "/signin").await;
    let token = csrf_token(&html);
    let boundary = "XyZ0123";
    let headers = format!(
        "Content-Type: multipart/form-data; boundary={boundary}\r\nCookie: shutaf_csrf={token}\r\n"
    );
    let file_part = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n%PDF-1.4 {}",
        "x".repeat(20_000)
    );
    let wrong_first = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{}\r\n{file_part}",
        "0".repeat(64)
    );
    // No token, a wrong one, and the right one in the query string (where it would end up in
    // logs): each refused at once, though the body is still coming.
    for (path, body) in [
        ("/calls/1/applications".to_owned(), &file_part),
        ("/calls/1/applications".to_owned(), &wrong_first),
        (
            format!("/calls/1/applications?csrf_token={token}"),
            &file_part,
        ),
    ] {
        let status = post_without_finishing(&app, &path, &headers, body.as_bytes()).await;
        assert!(status.starts_with("HTTP/1.1 403"), "{path}: {status}");
    }
}

#[tokio::test]
async fn bodies_beyond_the_budget_are_refused_and_forms_beyond_their_limit_get_413() {
    let app = TestApp::spawn_with(|c| c.body_mib_in_flight = 1).await;
    let client = app.client();
    let (_, html) = app.get(&client, "/signin").await;
    let token = csrf_token(&html);
    // A declared body larger than the whole budget: refused before a byte is read.
    let response = client
        .post(app.url("/calls/1/applications"))
        .header("x-csrf-token", &token)
        .header("content-type", "multipart/form-data; boundary=b")
        .body(vec![b'x'; 2 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.headers().get("retry-after").is_some());

    let app = TestApp::spawn().await;
    let client = app.client();
    let (_, html) = app.get(&client, "/signin").await;
    let token = csrf_token(&html);
    let big = "x".repeat(1024 * 1024 + 10);
    let response = client
        .post(app.url("/signin"))
        .header("accept-language", "he")
        .form(&[("csrf_token", token.as_str()), ("email", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let html = response.text().await.unwrap();
    let message = shutaf_web::i18n::Tr::new(Language::He).t("error-too-large");
    assert!(html.contains(&message), "a page in the reader's language");
}

#[tokio::test]
async fn behind_a_proxy_the_address_is_the_one_the_proxy_appended() {
    let app = TestApp::spawn_with(|c| c.behind_proxy = true).await;
    // The client writes a new address of its own each time; the proxy appends the real one.
    // The per-address limit (30) counts the real one.
    for i in 0..31 {
        let client = app.client_from(&format!("10.9.9.{i}, 203.0.113.50"));
        let email = format!("guess{i}@example.org");
        let response = app
            .post(
                &client,
                "/signin",
                "/signin",
                &[("email", &email), ("password", "not it at all")],
            )
            .await;
        let expected = if i < 30 {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(response.status(), expected, "attempt {i}");
    }
    // Another real client is not affected.
    let client = app.client_from("203.0.113.51");
    let response = app
        .post(
            &client,
            "/signin",
            "/signin",
            &[
                ("email", "guess0@example.org"),
                ("password", "not it at all"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_password_reset_ends_other_sessions_links_and_the_tokens_it_is_asked_to() {
    let app = TestApp::spawn().await;
    let email = "reset@example.org";
    app.person(email).await;
    let elsewhere = app.signed_in(email).await;
    let token = app.api_token(email, "write").await;
    let api = |token: String| {
        let url = app.url("/api/v1/me");
        async move {
            reqwest::Client::new()
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(api(token.clone()).await, StatusCode::OK);

    let browser = app.client();
    for _ in 0..2 {
        let response = app
            .post(
                &browser,
                "/password/forgot",
                "/password/forgot",
                &[("email", email)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let links: Vec<String> = {
        app.smtp.wait_for(email, "/password/reset").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.smtp
            .messages()
            .iter()
            .filter(|m| m.to.iter().any(|t| t == email))
            .filter_map(|m| m.link(&app.url("/password/reset")))
            .collect()
    };
    assert_eq!(links.len(), 2, "{links:?}");
    let path = links[0].trim_start_matches(&app.url(""));
    let (status, page) = app.get(&browser, path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("revoke_tokens"),
        "the page offers to revoke the token"
    );
    let reset_token = path.split("token=").nth(1).unwrap();
    // A password made of the person's own address is refused, and what was typed is kept.
    let response = app
        .post(
            &browser,
            path,
            "/password/reset",
            &[
                ("token", reset_token),
                ("password", "reset.example.org1"),
                ("password_confirm", "reset.example.org1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let new_password = "a fresh and quite long phrase";
    let response = app
        .post(
            &browser,
            path,
            "/password/reset",
            &[
                ("token", reset_token),
                ("password", new_password),
                ("password_confirm", new_password),
                ("revoke_tokens", "1"),
            ],
        )
        .await;
    assert_eq!(location(&response), "/signin");

    // The other session is over, the token revoked, the other link dead.
    let response = elsewhere.get(app.url("/profile")).send().await.unwrap();
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "signed out elsewhere"
    );
    assert_eq!(api(token).await, StatusCode::UNAUTHORIZED);
    let other = links[1].trim_start_matches(&app.url(""));
    let (status, _) = app.get(&browser, other).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "the other link died");
}

#[tokio::test]
async fn changing_the_password_or_signing_out_elsewhere_keeps_only_this_session() {
    let app = TestApp::spawn().await;
    let email = "change@example.org";
    app.person(email).await;
    let here = app.signed_in(email).await;
    let there = app.signed_in(email).await;
    let signed_in = |client: reqwest::Client| {
        let url = app.url("/profile");
        async move { client.get(url).send().await.unwrap().status() == StatusCode::OK }
    };
    // The current password is asked again.
    let new_password = "another rather long phrase";
    let response = app
        .post(
            &here,
            "/profile",
            "/profile/password",
            &[
                ("current_password", "not my password"),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = app
        .post(
            &here,
            "/profile",
            "/profile/password",
            &[
                ("current_password", PASSWORD),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(location(&response), "/profile");
    assert!(signed_in(here.clone()).await, "this session stays");
    assert!(!signed_in(there).await, "the other one ended");

    let there = app.client();
    let response = app
        .post(
            &there,
            "/signin",
            "/signin",
            &[("email", email), ("password", new_password)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .post(&here, "/profile", "/profile/sessions/end", &[])
        .await;
    assert_eq!(location(&response), "/profile");
    assert!(signed_in(here).await);
    assert!(!signed_in(there).await);
}

#[tokio::test]
async fn slow_and_idle_connections_are_cut_and_connections_are_capped() {
    let app = TestApp::spawn_with(|c| {
        c.header_read_timeout_seconds = 1;
        c.max_connections_open = 2;
    })
    .await;
    let address = app.url("").trim_start_matches("http://").to_owned();
    // A client that starts a request's head and never finishes it is disconnected.
    let mut slow = tokio::net::TcpStream::connect(&address).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut idle = tokio::net::TcpStream::connect(&address).await.unwrap();
    // Both places are taken: a third connection waits in the queue, unanswered.
    let mut third = tokio::net::TcpStream::connect(&address).await.unwrap();
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    let early =
        tokio::time::timeout(Duration::from_millis(500), third.read_to_end(&mut answer)).await;
    assert!(early.is_err(), "not served while two connections are open");
    // The time-out closes the slow and the idle connection; then the third is served.
    let mut rest = [0u8; 64];
    let closed = tokio::time::timeout(Duration::from_secs(5), slow.read(&mut rest))
        .await
        .expect("the slow client is cut");
    assert!(matches!(closed, Ok(0) | Err(_)), "{closed:?}");
    let closed = tokio::time::timeout(Duration::from_secs(5), idle.read(&mut rest))
        .await
        .expect("the idle connection is closed");
    assert!(matches!(closed, Ok(0) | Err(_)), "{closed:?}");
    tokio::time::timeout(Duration::from_secs(5), third.read_to_end(&mut answer))
        .await
        .expect("served once a place is free")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn log_ranges_past_the_end_of_numbers_are_refused_not_wrapped() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let huge = u64::MAX - 5;
    let response = client
        .get(app.url(&format!(
            "/api/v1/log/entries?start={huge}&end={}",
            u64::MAX
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let start = i64::MAX as u64 - 5;
    let response = client
        .get(app.url(&format!(
            "/api/v1/log/entries?start={start}&end={}",
            i64::MAX
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let entries: Value = response.json().await.unwrap();
    assert_eq!(entries, Value::Array(Vec::new()), "nothing is that far");
}

#[tokio::test]
async fn page_routes_with_a_bad_id_answer_with_the_translated_error_page() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for path in [
        "/organisations/abc",
        "/initiatives/1x",
        "/localities/99999999999999999999",
    ] {
        let response = client
            .get(app.url(path))
            .header("accept-language", "ar")
            .send()
            .await
            .unwrap();
        assert!(response.status().is_client_error(), "{path}");
        let kind = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        assert!(kind.starts_with("text/html"), "{path}: {kind}");
        let html = response.text().await.unwrap();
        assert!(html.contains("lang=\"ar\""), "{path}");
    }
}
