//! Security of every answer: headers (CSP, framing, sniffing, referrer; HSTS and secure cookies
//! on an https hub), no session for readers, the CSRF check on every form, rate-limited sign-in,
//! assets that cannot reach outside their folder; and sessions: a new id at sign-in, the idle and
//! the absolute time-outs.

use reqwest::StatusCode;
use serde_json::Value;
use shutaf_domain::Language;
use shutaf_store::{Db, MailTokenPurpose};
use shutaf_testkit::{PASSWORD, Person, TestApp, csrf_token, location, set_cookie};

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for path in [
        "/",
        "/organisations",
        "/api/v1/localities",
        "/static/shutaf.css",
        "/no-such-page",
        "/api/openapi.json",
    ] {
        let response = client.get(app.url(path)).send().await.unwrap();
        let headers = response.headers();
        let csp = headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(
            headers.get("x-content-type-options").unwrap(),
            "nosniff",
            "{path}"
        );
        assert_eq!(headers.get("x-frame-options").unwrap(), "DENY", "{path}");
        assert_eq!(
            headers.get("referrer-policy").unwrap(),
            "same-origin",
            "{path}"
        );
    }
    let (status, html) = app.get(&client, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !html.contains("<script>") && !html.contains("style=\""),
        "no inline script or style"
    );
}

#[tokio::test]
async fn reading_pages_writes_no_sessions() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for path in [
        "/",
        "/organisations",
        "/localities",
        "/signin",
        "/accessibility",
        "/no-such-page",
    ] {
        let response = client.get(app.url(path)).send().await.unwrap();
        assert!(
            response
                .headers()
                .get_all("set-cookie")
                .iter()
                .all(|c| !c.to_str().unwrap().starts_with("shutaf_session=")),
            "{path}"
        );
    }
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(
        sessions, 0,
        "visitors who only read leave nothing in the database"
    );
}

#[tokio::test]
async fn state_changing_forms_need_the_csrf_token() {
    let app = TestApp::spawn().await;
    app.person("dana@example.org").await;
    let client = app.client();
    app.get(&client, "/signin").await;
    let response = client
        .post(app.url("/signin"))
        .form(&[("email", "dana@example.org"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("lang=\"he\""),
        "error pages answer in Hebrew by default"
    );

    // The right token from another site is refused too.
    let (_, page) = app.get(&client, "/signin").await;
    let token = csrf_token(&page);
    let response = client
        .post(app.url("/signin"))
        .header("origin", "https://evil.example.com")
        .form(&[
            ("email", "dana@example.org"),
            ("password", PASSWORD),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // And the same request from the page itself works.
    let response = client
        .post(app.url("/signin"))
        .form(&[
            ("email", "dana@example.org"),
            ("password", PASSWORD),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_account() {
    let app = TestApp::spawn().await;
    app.person("dana@example.org").await;
    let client = app.client();
    for _ in 0..10 {
        let response = app
            .post(
                &client,
                "/signin",
                "/signin",
                &[
                    ("email", "dana@example.org"),
                    ("password", "wrong password"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let response = app
        .post(
            &client,
            "/signin",
            "/signin",
            &[("email", "dana@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    assert!(response.headers().get("retry-after").is_some());
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_address() {
    let app = TestApp::spawn().await;
    let client = app.client();
    // Guessing many accounts from one address.
    for i in 0..30 {
        let email = format!("guess{i}@example.org");
        let response = app
            .post(
                &client,
                "/signin",
                "/signin",
                &[("email", &email), ("password", "wrong password")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let response = app
        .post(
            &client,
            "/signin",
            "/signin",
            &[("email", "another@example.org"), ("password", "x")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let html = response.text().await.unwrap();
    assert!(html.contains(&shutaf_web::i18n::Tr::new(Language::He).t("error-rate-limited")));
}

#[tokio::test]
async fn https_hubs_send_secure_cookies_and_hsts() {
    let app =
        TestApp::spawn_with(|config| config.base_url = "https://hub.example.org".into()).await;
    let client = app.client();
    let response = client.get(app.url("/signin")).send().await.unwrap();
    assert!(
        response.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=")
    );
    let cookies: Vec<String> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert!(
        !cookies.is_empty()
            && cookies
                .iter()
                .all(|c| c.contains("; Secure") && c.contains("HttpOnly")),
        "{cookies:?}"
    );
    // And a plain-http hub does not claim HSTS.
    let plain = TestApp::spawn().await;
    let response = plain
        .client()
        .get(plain.url("/signin"))
        .send()
        .await
        .unwrap();
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
}

#[tokio::test]
async fn health_and_assets() {
    let app = TestApp::spawn().await;
    let health: Value = reqwest::get(app.url("/healthz"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");
    let response = reqwest::get(app.url("/static/htmx.min.js")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert_eq!(
        reqwest::get(app.url("/static/../../etc/passwd"))
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
}

// ---- sessions ---------------------------------------------------------------------------------

/// A hub with one verified person, and a client that keeps no cookies (the tests send the
/// session they mean) with the CSRF token its cookie carries.
async fn session_app(email: &str) -> (TestApp, reqwest::Client, String) {
    let app = TestApp::spawn().await;
    app.person(email).await;
    let client = app.bare_client();
    let csrf = app.csrf_cookie(&client).await;
    (app, client, csrf)
}

/// Signs in; gives the session id and the session cookie's attributes.
async fn session_of(
    app: &TestApp,
    client: &reqwest::Client,
    csrf: &str,
    email: &str,
) -> (String, String) {
    let response = app
        .sign_in_with_cookies(client, &format!("shutaf_csrf={csrf}"), csrf, email)
        .await;
    assert_eq!(response.status(), 303);
    let header = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("shutaf_session="))
        .expect("a session cookie")
        .to_owned();
    (set_cookie(&response, "shutaf_session").unwrap(), header)
}

/// The profile page with a session cookie: 200, or a redirect to sign in.
async fn profile(app: &TestApp, client: &reqwest::Client, session: &str) -> (u16, String) {
    let response = client
        .get(app.url("/profile"))
        .header("cookie", format!("shutaf_session={session}"))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), location(&response))
}

async fn session_rows(db: &Db, id: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn signing_in_starts_a_new_session_id() {
    let app = TestApp::spawn().await;
    let db = app.db.clone();
    let user = Person {
        name: "Dana",
        verified: false,
        ..Person::new("fixed@example.org")
    }
    .make(&db)
    .await;
    let token = db
        .issue_mail_token(user, MailTokenPurpose::VerifyEmail)
        .await
        .unwrap();
    let client = app.bare_client();
    // Confirming the address leaves a message for the next page: a session before signing in,
    // whose id an attacker could have planted.
    let response = client
        .get(app.url(&format!("/verify-email?token={token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let before = set_cookie(&response, "shutaf_session").expect("a session before sign-in");
    let csrf = set_cookie(&response, "shutaf_csrf").expect("a CSRF cookie");
    assert_eq!(session_rows(&db, &before).await, 1);

    let response = app
        .sign_in_with_cookies(
            &client,
            &format!("shutaf_csrf={csrf}; shutaf_session={before}"),
            &csrf,
            "fixed@example.org",
        )
        .await;
    assert_eq!(response.status(), 303);
    let after = set_cookie(&response, "shutaf_session").expect("a session cookie");
    assert_ne!(after, before, "signing in gives the session a new id");
    assert_eq!(
        session_rows(&db, &before).await,
        0,
        "the old id is gone from the server"
    );
    assert_eq!(profile(&app, &client, &after).await.0, 200);
    let (status, location) = profile(&app, &client, &before).await;
    assert_eq!(
        (status, location.starts_with("/signin")),
        (303, true),
        "the id from before sign-in is not signed in"
    );
}

#[tokio::test]
async fn an_idle_session_ends() {
    let (app, client, csrf) = session_app("idle@example.org").await;
    let (session, cookie) = session_of(&app, &client, &csrf, "idle@example.org").await;
    // The idle time-out is the session row's expiry (7 days without a write to the session),
    // which the browser's cookie mirrors.
    assert!(cookie.contains("Max-Age=604800"), "{cookie}");
    let expiry: i64 = sqlx::query_scalar("SELECT expiry_date FROM sessions WHERE id = $1")
        .bind(&session)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let now = app.db.now();
    assert!((now + 7 * 86_400 - expiry).abs() < 60, "{expiry} vs {now}");
    assert_eq!(profile(&app, &client, &session).await.0, 200);

    let age = |expiry: i64| {
        let pool = app.db.pool.clone();
        let session = session.clone();
        async move {
            sqlx::query("UPDATE sessions SET expiry_date = $1 WHERE id = $2")
                .bind(expiry)
                .bind(session)
                .execute(&pool)
                .await
                .unwrap();
        }
    };
    // Nearly idle for 7 days: still signed in.
    age(app.db.now() + 60).await;
    assert_eq!(profile(&app, &client, &session).await.0, 200);
    // Idle past it: the server refuses the cookie, whatever the browser kept.
    age(app.db.now() - 1).await;
    let (status, location) = profile(&app, &client, &session).await;
    assert_eq!((status, location.starts_with("/signin")), (303, true));
}

#[tokio::test]
async fn a_session_ends_30_days_after_signing_in_however_active() {
    let (app, client, csrf) = session_app("busy@example.org").await;
    let (session, _) = session_of(&app, &client, &csrf, "busy@example.org").await;
    // Ages the moment of signing in kept in the session, and keeps the row fresh (active).
    let signed_in_days_ago = |days: i64| {
        let pool = app.db.pool.clone();
        let session = session.clone();
        let now = app.db.now();
        async move {
            let data: String = sqlx::query_scalar("SELECT data FROM sessions WHERE id = $1")
                .bind(&session)
                .fetch_one(&pool)
                .await
                .unwrap();
            // Edited as text: the record's id is a 128-bit number that a JSON value would round.
            let key = "\"signed_in_at\":";
            let at = data.find(key).expect("the moment of signing in is kept") + key.len();
            let digits = data[at..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(data.len() - at);
            let record = format!(
                "{}{}{}",
                &data[..at],
                now - days * 86_400 - 60,
                &data[at + digits..]
            );
            sqlx::query("UPDATE sessions SET data = $1, expiry_date = $2 WHERE id = $3")
                .bind(record)
                .bind(now + 86_400)
                .bind(&session)
                .execute(&pool)
                .await
                .unwrap();
        }
    };
    signed_in_days_ago(29).await;
    assert_eq!(profile(&app, &client, &session).await.0, 200);
    signed_in_days_ago(30).await;
    let (status, location) = profile(&app, &client, &session).await;
    assert_eq!((status, location.starts_with("/signin")), (303, true));
    assert_eq!(
        session_rows(&app.db, &session).await,
        0,
        "the ended session is deleted on the server"
    );
}

#[tokio::test]
async fn reading_keeps_a_session_alive_writing_the_record_at_most_hourly() {
    let (app, client, csrf) = session_app("reader@example.org").await;
    let (session, _) = session_of(&app, &client, &csrf, "reader@example.org").await;
    let expiry = || {
        let pool = app.db.pool.clone();
        let session = session.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT expiry_date FROM sessions WHERE id = $1")
                .bind(session)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    // Read a moment ago: reading again does not write.
    let before = expiry().await;
    assert_eq!(profile(&app, &client, &session).await.0, 200);
    assert_eq!(expiry().await, before, "no write for every page read");
    // Last seen two hours ago, with a day left: a read moves the idle time-out a week on.
    let data: String = sqlx::query_scalar("SELECT data FROM sessions WHERE id = $1")
        .bind(&session)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let key = "\"seen_at\":";
    let at = data.find(key).expect("the moment last seen is kept") + key.len();
    let digits = data[at..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(data.len() - at);
    let aged = format!(
        "{}{}{}",
        &data[..at],
        app.db.now() - 7_200,
        &data[at + digits..]
    );
    sqlx::query("UPDATE sessions SET data = $1, expiry_date = $2 WHERE id = $3")
        .bind(aged)
        .bind(app.db.now() + 86_400)
        .bind(&session)
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(profile(&app, &client, &session).await.0, 200);
    let moved = expiry().await;
    assert!(
        moved > app.db.now() + 6 * 86_400,
        "a reader is as active as a writer: {moved}"
    );
}
