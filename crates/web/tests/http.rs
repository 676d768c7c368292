//! The hub over real HTTP: each test starts the real app on a random port with a fresh database
//! (SQLite, or PostgreSQL with SHUTAF_TEST_BACKEND=postgres) and a real SMTP server for its mail.

use reqwest::StatusCode;
use reqwest::redirect::Policy;
use serde_json::{Value, json};
use shutaf_domain::{Language, MemberRole, OrganisationKind, Sector};
use shutaf_store::{Db, DbSettings, NewOrganisation};
use shutaf_testkit::SmtpServer;
use shutaf_web::config::SmtpConfig;
use shutaf_web::{AppState, Config, Mailer};

struct TestApp {
    base: String,
    db: Db,
    smtp: SmtpServer,
}

const PASSWORD: &str = "a good long passphrase";

impl TestApp {
    async fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {}).await
    }

    async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let smtp = SmtpServer::start().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let url = shutaf_testkit::database::fresh_database_url().await;
        let db = Db::connect(
            &url,
            &DbSettings {
                max_connections: 5,
                migration_locking: true,
            },
        )
        .await
        .unwrap();
        let config = Config {
            base_url: base.clone(),
            database_url: url,
            smtp: Some(SmtpConfig {
                host: "127.0.0.1".into(),
                port: smtp.port,
                username: None,
                password: None,
            }),
            ..Config::default()
        };
        let mut config = config;
        adjust(&mut config);
        let mailer = Mailer::from_config(&config).unwrap();
        let state = AppState::new(
            db.clone(),
            config,
            mailer,
            "test-secret-0123456789abcdef0123456789".into(),
            ed25519_dalek::SigningKey::from_bytes(&[7; 32]),
        );
        tokio::spawn(shutaf_web::serve(listener, state, std::future::pending()));
        TestApp { base, db, smtp }
    }

    /// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
    fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .unwrap()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn get(&self, client: &reqwest::Client, path: &str) -> (StatusCode, String) {
        let response = client.get(self.url(path)).send().await.unwrap();
        let status = response.status();
        (status, response.text().await.unwrap())
    }

    /// Submits a form the way a browser does: with the CSRF token from the page it is on.
    async fn post(
        &self,
        client: &reqwest::Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let (_, html) = self.get(client, page).await;
        let token = csrf_token(&html);
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        client
            .post(self.url(action))
            .form(&form)
            .send()
            .await
            .unwrap()
    }

    /// A verified person, created directly in the store.
    async fn person(&self, email: &str) -> i64 {
        let hash = shutaf_web::auth::hash_password(PASSWORD.into())
            .await
            .unwrap();
        self.db
            .create_user(email, "Test Person", &hash, None, false, true)
            .await
            .unwrap()
            .id
    }

    async fn signed_in(&self, email: &str) -> reqwest::Client {
        let client = self.client();
        let response = self
            .post(
                &client,
                "/signin",
                "/signin",
                &[
                    ("email", email),
                    ("password", PASSWORD),
                    ("next", "/profile"),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "sign-in of {email} failed"
        );
        client
    }

    async fn organisation(
        &self,
        owner: i64,
        name: &str,
        sector: Sector,
        kind: OrganisationKind,
    ) -> i64 {
        let org = NewOrganisation {
            names: [Some(name.into()), None, Some(name.into())],
            sector: Some(sector),
            kind: Some(kind),
            ..Default::default()
        };
        self.db.create_organisation(&org, owner).await.unwrap().id
    }
}

fn csrf_token(html: &str) -> String {
    let marker = "<meta name=\"csrf-token\" content=\"";
    let start = html
        .find(marker)
        .map(|i| i + marker.len())
        .expect("page has a CSRF token");
    html[start..start + 64].to_owned()
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

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
async fn sign_up_verify_by_mail_sign_in_and_out() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let response = app
        .post(
            &client,
            "/signup",
            "/signup",
            &[
                ("display_name", "נועה כהן"),
                ("email", "Noa@Example.org"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("noa@example.org"));

    // Not verified yet: signing in says so (the password was right) and mails a new link.
    let response = app
        .post(
            &client,
            "/signin",
            "/signin",
            &[("email", "noa@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let mail = app
        .smtp
        .wait_for("noa@example.org", "/verify-email?token=")
        .await;
    let link = mail.link(&app.url("/verify-email")).unwrap();
    let response = client.get(&link).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/signin");
    let (_, html) = app.get(&client, "/signin").await;
    assert!(html.contains("notice-success"), "a confirmation is shown");
    let (_, html) = app.get(&client, "/signin").await;
    assert!(!html.contains("notice-success"), "once");
    // Opening the link again (as mail scanners do before people) still confirms, harmlessly;
    // a made-up link does not.
    assert_eq!(
        client.get(&link).send().await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    let forged = app.url(&format!("/verify-email?token={}", "0".repeat(64)));
    assert_eq!(
        client.get(&forged).send().await.unwrap().status(),
        StatusCode::BAD_REQUEST
    );

    let response = app
        .post(
            &client,
            "/signin",
            "/signin",
            &[
                ("email", "noa@example.org"),
                ("password", PASSWORD),
                ("next", "/profile"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/profile");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("shutaf_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let (status, html) = app.get(&client, "/profile").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("נועה כהן"));

    let session = cookie.split(';').next().unwrap().to_owned();
    let response = app.post(&client, "/profile", "/signout", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = client.get(app.url("/profile")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/signin?next="));
    // The old session cookie is dead on the server, not only forgotten by the browser.
    let stale = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    let response = stale
        .get(app.url("/profile"))
        .header("cookie", session)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn signing_up_from_an_invitation_comes_back_to_it() {
    let app = TestApp::spawn().await;
    let owner = app.person("owner@example.org").await;
    let org = app
        .organisation(owner, "Org", Sector::Third, OrganisationKind::Ngo)
        .await;
    let (_, token) = app
        .db
        .create_invitation(org, "new@example.org", MemberRole::Member, owner)
        .await
        .unwrap();
    let client = app.client();
    let invitation = format!("/invitations/{token}");
    let (_, html) = app.get(&client, &invitation).await;
    let signup = format!("/signup?next=%2Finvitations%2F{token}");
    assert!(
        html.contains(&signup),
        "the invitation links to sign-up with a way back"
    );
    let fields = [
        ("display_name", "New"),
        ("email", "new@example.org"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
        ("next", invitation.as_str()),
    ];
    app.post(&client, &signup, "/signup", &fields).await;
    let mail = app
        .smtp
        .wait_for("new@example.org", "/verify-email?token=")
        .await;
    let response = client
        .get(mail.link(&app.url("/verify-email")).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(
        location(&response),
        format!("/signin?next=%2Finvitations%2F{token}")
    );
    let response = app
        .post(
            &client,
            &location(&response),
            "/signin",
            &[
                ("email", "new@example.org"),
                ("password", PASSWORD),
                ("next", invitation.as_str()),
            ],
        )
        .await;
    assert_eq!(location(&response), invitation);
}

#[tokio::test]
async fn form_errors_are_in_the_readers_language_and_keep_what_was_typed() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (_, page) = app.get(&client, "/signup").await;
    let token = csrf_token(&page);
    let response = client
        .post(app.url("/signup"))
        .header("accept-language", "ar")
        .form(&[
            ("display_name", "سلمى"),
            ("email", "not-an-email"),
            ("password", "short"),
            ("password_confirm", "short"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("lang=\"ar\" dir=\"rtl\""));
    assert!(
        html.contains("value=\"سلمى\"") && html.contains("value=\"not-an-email\""),
        "typed values are kept"
    );
    assert!(
        !html.contains("value=\"short\""),
        "passwords are not echoed back"
    );
    assert!(html.contains("id=\"e-email\"") && html.contains("aria-invalid=\"true\""));
    let expected = shutaf_web::i18n::Tr::new(Language::Ar).t("error-email-invalid");
    assert!(html.contains(&expected), "the error is in Arabic");
}

#[tokio::test]
async fn signing_up_again_reveals_nothing_and_tells_the_owner() {
    let app = TestApp::spawn().await;
    app.person("dana@example.org").await;
    let client = app.client();
    let fields = [
        ("display_name", "Someone"),
        ("email", "dana@example.org"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
    ];
    let response = app.post(&client, "/signup", "/signup", &fields).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "the same answer as for a new address"
    );
    let mail = app
        .smtp
        .wait_for("dana@example.org", "/password/forgot")
        .await;
    assert!(mail.data.contains("Subject:"));
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_mail() {
    let app = TestApp::spawn().await;
    app.person("dana@example.org").await;
    let client = app.client();
    let response = app
        .post(
            &client,
            "/password/forgot",
            "/password/forgot",
            &[("email", "dana@example.org")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // An unknown address gets the same answer and no mail.
    let response = app
        .post(
            &client,
            "/password/forgot",
            "/password/forgot",
            &[("email", "nobody@example.org")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let mail = app
        .smtp
        .wait_for("dana@example.org", "/password/reset?token=")
        .await;
    let link = mail.link(&app.url("/password/reset")).unwrap();
    let path = link.trim_start_matches(&app.base).to_owned();
    let token = path.split("token=").nth(1).unwrap().to_owned();
    let new_password = "another long passphrase";
    let response = app
        .post(
            &client,
            &path,
            "/password/reset",
            &[
                ("token", &token),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .post(
            &client,
            "/signin",
            "/signin",
            &[("email", "dana@example.org"), ("password", new_password)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(
        app.smtp
            .messages()
            .iter()
            .all(|m| !m.to.contains(&"nobody@example.org".to_owned()))
    );
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_account() {
    let app = TestApp::spawn().await;
    app.person("dana@example.org").await;
    let client = app.client();
    for _ in 0..8 {
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
async fn language_comes_from_preference_cookie_or_browser() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (_, html) = app.get(&client, "/").await;
    assert!(
        html.contains("<html lang=\"he\" dir=\"rtl\">"),
        "Hebrew by default"
    );
    let html = client
        .get(app.url("/"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));

    let response = client
        .get(app.url("/language/ar?next=/organisations"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/organisations");
    let html = client
        .get(app.url("/organisations"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "the cookie beats the browser"
    );
    let response = client
        .get(app.url("/language/ar?next=https://evil.example.com"))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/", "no open redirect");

    // A signed-in person's preference beats the cookie.
    let id = app.person("dana@example.org").await;
    app.db
        .update_profile(id, "Dana", Some(Language::En))
        .await
        .unwrap();
    let dana = app.signed_in("dana@example.org").await;
    dana.get(app.url("/language/he?next=/"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        app.db.user_by_id(id).await.unwrap().unwrap().language(),
        Some(Language::He),
        "switching saves the preference"
    );
    app.db
        .update_profile(id, "Dana", Some(Language::En))
        .await
        .unwrap();
    let (_, html) = app.get(&dana, "/").await;
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[tokio::test]
async fn organisations_are_created_edited_and_found() {
    let app = TestApp::spawn().await;
    app.person("owner@example.org").await;
    let client = app.signed_in("owner@example.org").await;

    let (status, html) = app.get(&client, "/organisations/new?sector=business").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("id=\"c-budget\" name=\"contributions\" value=\"budget\" checked"),
        "sector defaults are pre-selected"
    );

    // Missing name and a kind that does not fit the sector: errors, with the typed values kept.
    let response = app
        .post(
            &client,
            "/organisations/new?sector=business",
            "/organisations",
            &[
                ("sector", "business"),
                ("kind", "ngo"),
                ("website", "javascript:alert(1)"),
                ("contributions", "budget"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("id=\"e-name_he\"")
            && html.contains("id=\"e-kind\"")
            && html.contains("id=\"e-website\"")
    );
    assert!(
        html.contains("value=\"javascript:alert(1)\""),
        "kept as typed, escaped"
    );

    let response = app
        .post(
            &client,
            "/organisations/new?sector=business",
            "/organisations",
            &[
                ("name_he", "סולאר הגליל <script>alert(1)</script>"),
                ("name_en", "Galilee Solar"),
                ("sector", "business"),
                ("kind", "company"),
                (
                    "description",
                    "**Rooftop** solar <img src=x onerror=alert(1)>",
                ),
                ("website", "https://solar.example.org"),
                ("contributions", "budget"),
                ("contributions", "knowledge"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = location(&response);
    let (_, html) = app.get(&client, &page).await;
    assert!(
        html.contains("&#60;script&#62;") && !html.contains("<script>alert"),
        "names are escaped"
    );
    assert!(
        html.contains("<strong>Rooftop</strong>") && !html.contains("<img"),
        "Markdown is rendered and sanitised"
    );
    assert!(html.contains("/edit"), "the owner can edit");

    // Found in the directory by a Hebrew word with prefixes, in Arabic too (names fall back).
    let (_, html) = app
        .get(
            &client,
            "/organisations?q=%D7%95%D7%94%D7%A1%D7%95%D7%9C%D7%90%D7%A8",
        )
        .await; // והסולאר
    assert!(html.contains(&page), "found by והסולאר");
    let (_, html) = app.get(&client, "/organisations?sector=public").await;
    assert!(!html.contains(&page));
    // htmx asks for the results only.
    let partial = client
        .get(app.url("/organisations?q=galilee"))
        .header("hx-request", "true")
        .header("hx-target", "results")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(partial.contains(&page) && !partial.contains("<html"));

    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();
    let response = app
        .post(
            &client,
            &format!("/organisations/{id}/edit"),
            &format!("/organisations/{id}/edit"),
            &[
                ("name_en", "Galilee Solar Ltd"),
                ("sector", "business"),
                ("kind", "company"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let org = app.db.organisation(id).await.unwrap().unwrap();
    assert_eq!(org.name(Language::En), "Galilee Solar Ltd");
    assert!(
        org.contributions.is_empty(),
        "unticking all contributions is kept"
    );
}

#[tokio::test]
async fn members_are_invited_by_mail_and_the_last_owner_stays() {
    let app = TestApp::spawn().await;
    let owner = app.person("owner@example.org").await;
    app.person("guest@example.org").await;
    let org = app
        .organisation(owner, "עמותה", Sector::Third, OrganisationKind::Ngo)
        .await;
    let client = app.signed_in("owner@example.org").await;
    let members = format!("/organisations/{org}/members");

    let response = app
        .post(
            &client,
            &members,
            &members,
            &[("email", "bad"), ("role", "member")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = app
        .post(
            &client,
            &members,
            &members,
            &[("email", "guest@example.org"), ("role", "admin")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mail = app
        .smtp
        .wait_for("guest@example.org", "/invitations/")
        .await;
    let link = mail.link(&app.url("/invitations/")).unwrap();
    let path = link.trim_start_matches(&app.base).to_owned();

    let guest = app.signed_in("guest@example.org").await;
    let (status, _) = app.get(&guest, &path).await;
    assert_eq!(status, StatusCode::OK);
    let response = app.post(&guest, &path, &path, &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.db
            .role_in(
                org,
                app.db
                    .user_by_email("guest@example.org")
                    .await
                    .unwrap()
                    .unwrap()
                    .id
            )
            .await
            .unwrap(),
        Some(MemberRole::Admin)
    );

    // The last owner cannot leave; the refusal is explained on the page.
    let response = app
        .post(
            &client,
            &members,
            &format!("/organisations/{org}/leave"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(app.db.owner_count(org).await.unwrap(), 1);
    // An admin cannot make themself owner.
    let guest_id = app
        .db
        .user_by_email("guest@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let response = app
        .post(
            &guest,
            &members,
            &format!("/organisations/{org}/members/{guest_id}"),
            &[("role", "owner")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // The guest may leave.
    let response = app
        .post(
            &guest,
            &members,
            &format!("/organisations/{org}/leave"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.db.members(org).await.unwrap().len(), 1);
}

/// Who may do what, role by role, over HTTP: an unexpected allow fails.
#[tokio::test]
async fn authorisation_per_role() {
    let app = TestApp::spawn().await;
    let owner = app.person("owner@example.org").await;
    let admin = app.person("admin@example.org").await;
    let member = app.person("member@example.org").await;
    let outsider = app.person("outsider@example.org").await;
    let platform = app.person("platform@example.org").await;
    app.db.set_platform_admin(platform, true).await.unwrap();
    let org = app
        .organisation(owner, "Org", Sector::Third, OrganisationKind::Ngo)
        .await;
    app.db
        .add_member(org, admin, MemberRole::Admin)
        .await
        .unwrap();
    app.db
        .add_member(org, member, MemberRole::Member)
        .await
        .unwrap();
    let other = app
        .organisation(
            outsider,
            "Other",
            Sector::Public,
            OrganisationKind::Municipality,
        )
        .await;

    let edit = format!("/organisations/{org}/edit");
    let members = format!("/organisations/{org}/members");
    // (route, visitor, member, admin, owner, outsider, platform admin): expected success.
    let gets: [(&str, [bool; 6]); 4] = [
        (&edit, [false, false, true, true, false, true]),
        (&members, [false, true, true, true, false, true]),
        ("/admin", [false, false, false, false, false, true]),
        ("/profile", [false, true, true, true, true, true]),
    ];
    let clients = [
        app.client(),
        app.signed_in("member@example.org").await,
        app.signed_in("admin@example.org").await,
        app.signed_in("owner@example.org").await,
        app.signed_in("outsider@example.org").await,
        app.signed_in("platform@example.org").await,
    ];
    for (route, expected) in gets {
        for (who, (client, allowed)) in clients.iter().zip(expected).enumerate() {
            let status = client.get(app.url(route)).send().await.unwrap().status();
            assert_eq!(
                status == StatusCode::OK,
                allowed,
                "GET {route} as #{who}: {status}"
            );
        }
    }
    // Writes: editing the profile, inviting, creating a locality.
    for (who, (client, allowed)) in clients
        .iter()
        .zip([false, false, true, true, false, true])
        .enumerate()
    {
        let response = app
            .post(
                client,
                "/organisations",
                &edit,
                &[("name_en", "Renamed"), ("sector", "third"), ("kind", "ngo")],
            )
            .await;
        assert_eq!(
            response.status() == StatusCode::SEE_OTHER
                && !location(&response).starts_with("/signin"),
            allowed,
            "edit as #{who}"
        );
        let response = app
            .post(
                client,
                "/organisations",
                &members,
                &[("email", "new@example.org"), ("role", "member")],
            )
            .await;
        assert_eq!(
            response.status() == StatusCode::SEE_OTHER
                && !location(&response).starts_with("/signin"),
            allowed,
            "invite as #{who}"
        );
    }
    let other_id = other.to_string();
    for (who, (client, allowed)) in clients
        .iter()
        .zip([false, false, false, false, false, true])
        .enumerate()
    {
        let response = app
            .post(
                client,
                "/",
                "/admin/localities",
                &[
                    ("name_he", "עיר"),
                    ("kind", "municipality"),
                    ("convener", &other_id),
                ],
            )
            .await;
        assert_eq!(
            response.status() == StatusCode::SEE_OTHER
                && location(&response).starts_with("/localities/"),
            allowed,
            "create locality as #{who}"
        );
    }
    assert_eq!(app.db.localities().await.unwrap().len(), 1);

    // The convener's owners and administrators are the locality's staff: they edit it.
    let locality = app.db.localities().await.unwrap()[0].id;
    let edit_locality = format!("/localities/{locality}/edit");
    // (visitor, member of another org, admin of another org, owner of another org, convener owner, platform admin)
    for (who, (client, allowed)) in clients
        .iter()
        .zip([false, false, false, false, true, true])
        .enumerate()
    {
        let status = client
            .get(app.url(&edit_locality))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(
            status == StatusCode::OK,
            allowed,
            "GET {edit_locality} as #{who}: {status}"
        );
        let response = app
            .post(
                client,
                "/",
                &edit_locality,
                &[("name_he", "עיר חדשה"), ("kind", "local-council")],
            )
            .await;
        assert_eq!(
            response.status() == StatusCode::SEE_OTHER
                && !location(&response).starts_with("/signin"),
            allowed,
            "edit locality as #{who}"
        );
    }
    assert_eq!(
        app.db.locality(locality).await.unwrap().unwrap().kind,
        shutaf_domain::LocalityKind::LocalCouncil
    );
}

async fn api_token(app: &TestApp, email: &str, scope: &str) -> String {
    let client = app.signed_in(email).await;
    let response = app
        .post(
            &client,
            "/profile/tokens",
            "/profile/tokens",
            &[("name", "script"), ("scope", scope)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    let start = html.find("shutaf_").expect("the new token is shown once");
    html[start..start + 7 + 64].to_owned()
}

#[tokio::test]
async fn the_api_does_what_the_pages_do_with_scoped_tokens() {
    let app = TestApp::spawn().await;
    app.person("dev@example.org").await;
    let read = api_token(&app, "dev@example.org", "read").await;
    let write = api_token(&app, "dev@example.org", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));

    let response = client.get(api("/me")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "unauthenticated");

    let me: Value = client
        .get(api("/me"))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], "dev@example.org");
    assert_eq!(me["token_scope"], "read");

    let new_org = json!({ "names": { "ar": "جمعية البيئة", "en": "Environment Association" }, "sector": "third", "kind": "ngo", "contributions": ["community-trust", "knowledge"] });
    let response = client
        .post(api("/organisations"))
        .bearer_auth(&read)
        .json(&new_org)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "a read token cannot write"
    );
    let response = client
        .post(api("/organisations"))
        .bearer_auth(&write)
        .json(&new_org)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(
        created["contributions"],
        json!(["knowledge", "community-trust"])
    );

    let response = client
        .post(api("/organisations"))
        .bearer_auth(&write)
        .header("accept-language", "he")
        .json(&json!({ "names": {}, "sector": "third", "kind": "company" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid");
    let fields: Vec<&str> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"name_he") && fields.contains(&"kind"),
        "{body}"
    );

    let response = client
        .post(api("/organisations"))
        .bearer_auth(&write)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "bad_request"
    );

    let page: Value = client
        .get(api(
            "/organisations?q=%D8%AC%D9%85%D8%B9%D9%8A%D8%A9&lang=ar",
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        page["total"], 1,
        "public data needs no token; Arabic search works"
    );
    assert_eq!(page["items"][0]["name"], "جمعية البيئة");
    let response = client
        .get(api("/organisations?sector=nonsense"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let response = client
        .post(api(&format!("/organisations/{id}/invitations")))
        .bearer_auth(&write)
        .json(&json!({ "email": "friend@example.org", "role": "member" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let mail = app
        .smtp
        .wait_for("friend@example.org", "/invitations/")
        .await;
    let token = mail
        .link(&app.url("/invitations/"))
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    app.person("friend@example.org").await;
    let friend = api_token(&app, "friend@example.org", "write").await;
    let joined: Value = client
        .post(api(&format!("/invitations/{token}/accept")))
        .bearer_auth(&friend)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(joined["organisation_id"], id);
    let members: Value = client
        .get(api(&format!("/organisations/{id}/members")))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(members.as_array().unwrap().len(), 2);

    // Authorisation is the same as in the pages: the friend (member) cannot edit or invite.
    let response = client
        .put(api(&format!("/organisations/{id}")))
        .bearer_auth(&friend)
        .json(&new_org)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = client.post(api("/localities")).bearer_auth(&write).json(&json!({ "names": { "he": "עיר" }, "kind": "municipality", "convener_organisation_id": id })).send().await.unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "only platform admins create localities"
    );
    let response = client
        .post(api(&format!("/organisations/{id}/leave")))
        .bearer_auth(&write)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "the last owner cannot leave"
    );
    let response = client
        .post(api(&format!("/organisations/{id}/leave")))
        .bearer_auth(&friend)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    let response = client.get(api("/no-such-thing")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "not_found"
    );
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = TestApp::spawn().await;
    let doc: Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/me",
        "/api/v1/organisations",
        "/api/v1/organisations/{id}",
        "/api/v1/organisations/{id}/invitations",
        "/api/v1/localities",
        "/api/v1/localities/{id}/calls",
        "/api/v1/calls/{id}",
        "/api/v1/calls/{id}/applications/{application_id}/attachments",
        "/api/v1/calls/{id}/applications/{application_id}/scores",
        "/api/v1/calls/{id}/declarations",
        "/api/v1/localities/{id}/donations",
        "/api/v1/donations/{id}/steps",
        "/api/v1/initiatives/{id}/notice/decision",
        "/api/v1/initiatives/{id}/integrity",
    ] {
        assert!(
            paths.contains_key(path),
            "{path} missing from {:?}",
            paths.keys().collect::<Vec<_>>()
        );
    }
    assert!(paths["/api/v1/organisations"]["post"].is_object());
    assert_eq!(
        doc["components"]["securitySchemes"]["token"]["scheme"],
        "bearer"
    );
    assert!(
        paths["/api/v1/calls/{id}/documents"]["post"]["requestBody"]["content"]
            ["multipart/form-data"]
            .is_object(),
        "uploads are described as multipart/form-data"
    );
    assert!(paths["/api/v1/initiatives/{id}/integrity"]["get"].is_object());
    assert!(paths["/api/v1/initiatives/{id}/integrity"]["put"].is_object());
    let sectors =
        &doc["components"]["schemas"]["OrganisationWrite"]["properties"]["sector"]["enum"];
    assert_eq!(sectors, &json!(["public", "third", "business"]));
    // A code that is null until a step is taken says so.
    let outcome = &doc["components"]["schemas"]["NoticeBody"]["properties"]["outcome"];
    assert_eq!(outcome["type"], json!(["string", "null"]), "{outcome}");
    assert!(outcome["enum"].as_array().unwrap().contains(&Value::Null));

    // Every operation documents the answers any request may get: 400 for what cannot be read
    // (when it takes parameters or a body), 413 for a body over the limit, 503 when the hub
    // sheds load; and each of those is in the API's error format.
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            let responses = &operation["responses"];
            let takes_input = operation["parameters"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["in"] == "path" || p["in"] == "query"))
                || operation["requestBody"].is_object();
            let mut expected = vec!["503"];
            if takes_input {
                expected.push("400");
            }
            if operation["requestBody"].is_object() {
                expected.push("413");
            }
            for status in expected {
                assert_eq!(
                    responses[status]["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorBody",
                    "{method} {path} documents {status}"
                );
            }
        }
    }

    // What the extractors refuse (a path or query parameter of the wrong type) is answered in
    // the API's format too, not as plain text.
    for path in [
        "/api/v1/organisations/abc",
        "/api/v1/organisations/99999999999999999999",
        "/api/v1/organisations?page=x",
        "/api/v1/localities/1/calls?limit=many",
    ] {
        let response = reqwest::get(app.url(path)).await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/json",
            "{path}"
        );
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "bad_request", "{path}: {body}");
    }
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

mod lifecycle {
    use super::*;
    use shutaf_domain::Stage;
    use shutaf_store::NewGoal;

    struct Story {
        app: TestApp,
        city: i64,
        ngo: i64,
        company: i64,
        locality: i64,
        goal: i64,
    }

    async fn story() -> Story {
        let app = TestApp::spawn().await;
        let coordinator = app.person("coordinator@city.example").await;
        let csr = app.person("csr@company.example").await;
        let ngo_person = app.person("ngo@ngo.example").await;
        let city = app
            .organisation(
                coordinator,
                "עיריית עמק",
                Sector::Public,
                OrganisationKind::Municipality,
            )
            .await;
        let ngo = app
            .organisation(
                ngo_person,
                "עמותת ירוק",
                Sector::Third,
                OrganisationKind::Ngo,
            )
            .await;
        let company = app
            .organisation(
                csr,
                "סולאר בע\"מ",
                Sector::Business,
                OrganisationKind::Company,
            )
            .await;
        let locality = app
            .db
            .create_locality(&shutaf_store::NewLocality {
                names: [Some("עמק".into()), None, None],
                kind: shutaf_domain::LocalityKind::Municipality,
                convener_organisation_id: city,
                description: None,
            })
            .await
            .unwrap()
            .id;
        // The NGO works in the locality and offers what the company's idea will lack: the
        // community.
        let offers = NewOrganisation {
            names: [Some("עמותת ירוק".into()), None, Some("Green NGO".into())],
            sector: Some(Sector::Third),
            kind: Some(OrganisationKind::Ngo),
            contributions: vec![
                shutaf_domain::ContributionType::CommunityTrust,
                shutaf_domain::ContributionType::LocalNetworks,
            ],
            locality_ids: vec![locality],
            ..Default::default()
        };
        app.db.update_organisation(ngo, &offers).await.unwrap();
        let goal = app
            .db
            .create_goal(
                locality,
                &NewGoal {
                    titles: [Some("גגות סולאריים".into()), None, None],
                    status: "active".into(),
                    sdg_codes: vec!["7.2".into()],
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        Story {
            app,
            city,
            ngo,
            company,
            locality,
            goal,
        }
    }

    async fn stage(app: &TestApp, id: i64) -> Stage {
        app.db.initiative(id).await.unwrap().unwrap().stage
    }

    #[tokio::test]
    async fn the_seed_story_through_the_pages() {
        let s = story().await;
        let app = &s.app;
        let csr = app.signed_in("csr@company.example").await;
        let coordinator = app.signed_in("coordinator@city.example").await;
        let ngo = app.signed_in("ngo@ngo.example").await;
        let new = format!("/initiatives/new?locality={}", s.locality);
        let company = s.company.to_string();
        let locality = s.locality.to_string();

        // The company proposes an idea; the convener hears at once, by mail and in the app.
        let response = app
            .post(
                &csr,
                &new,
                "/initiatives",
                &[
                    ("initiator", &company),
                    ("locality", &locality),
                    ("title_he", "גגות סולאריים לבתי ספר"),
                    ("model", "joint-agenda"),
                    ("management", "joint"),
                    ("needs", "budget"),
                    ("needs", "community-trust"),
                    ("needs", "authority"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = location(&response);
        let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();
        app.smtp.wait_for("coordinator@city.example", &page).await;
        let (status, html) = app.get(&csr, &page).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains("risk-"),
            "the checkup shows risks from the start"
        );

        // The company cannot move its idea on; only the convener convenes.
        let response = app
            .post(&csr, &page, &format!("{page}/stage"), &[("to", "convened")])
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = app
            .post(&coordinator, &page, &format!("{page}/engage"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(stage(app, id).await, Stage::Convened);
        let response = app
            .post(&csr, &page, &format!("{page}/stage"), &[("to", "scoping")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // Building needs a goal of the city's agenda: refused, with the gate explained.
        let response = app
            .post(&csr, &page, &format!("{page}/stage"), &[("to", "building")])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let html = response.text().await.unwrap();
        let tr = shutaf_web::i18n::Tr::new(Language::He);
        assert!(
            html.contains(&tr.t("gate-fit-agenda")),
            "the unmet gate is named"
        );
        assert!(
            html.contains(&tr.t("gate-fit-agenda-remedy")),
            "with its remedy"
        );
        let goal = s.goal.to_string();
        let response = app
            .post(
                &csr,
                &format!("{page}/edit"),
                &format!("{page}/edit"),
                &[
                    ("title_he", "גגות סולאריים לבתי ספר"),
                    ("model", "joint-agenda"),
                    ("management", "joint"),
                    ("goals", &goal),
                    ("needs", "budget"),
                    ("needs", "community-trust"),
                    ("needs", "authority"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = app
            .post(&csr, &page, &format!("{page}/stage"), &[("to", "building")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // The NGO asks to join and the lead accepts; the lead invites the city, which accepts.
        let ngo_id = s.ngo.to_string();
        let city_id = s.city.to_string();
        assert_eq!(
            app.post(
                &ngo,
                &page,
                &format!("{page}/partners"),
                &[("organisation", &ngo_id)]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.post(
                &csr,
                &page,
                &format!("{page}/partners"),
                &[("organisation", &ngo_id)]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.post(
                &csr,
                &page,
                &format!("{page}/partners"),
                &[("organisation", &city_id)]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.post(
                &coordinator,
                &page,
                &format!("{page}/partners"),
                &[("organisation", &city_id)]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.db
                .partners(id)
                .await
                .unwrap()
                .iter()
                .filter(|p| p.status == shutaf_store::PartnerStatus::Active)
                .count(),
            3
        );

        // Each partner records its role and what it brings; amounts are shekels as typed.
        for (client, org, contribution) in [
            (&csr, s.company, "budget"),
            (&ngo, s.ngo, "community-trust"),
            (&coordinator, s.city, "authority"),
        ] {
            let partner = format!("{page}/partners/{org}");
            assert_eq!(
                app.post(
                    client,
                    &page,
                    &partner,
                    &[
                        ("role", "תפקיד"),
                        ("interests", "אינטרסים"),
                        ("benefits", "")
                    ]
                )
                .await
                .status(),
                StatusCode::SEE_OTHER
            );
            let response = app
                .post(
                    client,
                    &page,
                    &format!("{partner}/contributions"),
                    &[
                        ("contribution", contribution),
                        ("cash", "12,500.50"),
                        ("in_kind", ""),
                        ("period", "2027"),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{contribution}");
        }
        let response = app
            .post(
                &ngo,
                &page,
                &format!("{page}/partners/{}/contributions", s.ngo),
                &[("contribution", "knowledge"), ("cash", "a lot")],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "a bad amount is explained"
        );
        assert!(
            app.db
                .contributions(id)
                .await
                .unwrap()
                .iter()
                .all(|c| c.cash_agorot == Some(1_250_050))
        );
        // Only a partner's own managers act for it.
        let response = app
            .post(
                &ngo,
                &page,
                &format!("{page}/partners/{}", s.company),
                &[("role", "hijack")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);

        // Agreement is refused while the gates are unmet, each named.
        let response = app
            .post(&csr, &page, &format!("{page}/stage"), &[("to", "agreed")])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let html = response.text().await.unwrap();
        for gate in ["gate-fit-budget", "gate-shared-vision", "gate-integrity"] {
            assert!(html.contains(&tr.t(gate)), "{gate} is named");
        }

        // The convener's staff decide only after declaring their interests.
        let response = app
            .post(
                &coordinator,
                &page,
                &format!("{page}/work-plan"),
                &[("work_plan", "placed"), ("work_plan_item", "Energy 2027")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains(&tr.t("refused-undeclared"))
        );
        assert_eq!(
            app.post(
                &coordinator,
                &page,
                &format!("{page}/declaration"),
                &[("has_interests", "0")]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );

        // The convener places it in the work plan and records how the business was chosen.
        assert_eq!(
            app.post(
                &csr,
                &page,
                &format!("{page}/work-plan"),
                &[("work_plan", "placed"), ("work_plan_item", "x")]
            )
            .await
            .status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.post(
                &coordinator,
                &page,
                &format!("{page}/work-plan"),
                &[("work_plan", "placed"), ("work_plan_item", "")]
            )
            .await
            .status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            app.post(
                &coordinator,
                &page,
                &format!("{page}/work-plan"),
                &[
                    ("work_plan", "placed"),
                    ("work_plan_item", "תוכנית גגות"),
                    ("budget_line", "1-7400-930")
                ]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.post(
                &coordinator,
                &page,
                &format!("{page}/integrity"),
                &[
                    ("exemption", "no-municipal-money"),
                    ("exemption_text", "החברה מממנת הכול")
                ]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        for client in [&coordinator, &csr] {
            assert_eq!(
                app.post(
                    client,
                    &page,
                    &format!("{page}/declaration"),
                    &[("has_interests", "0")]
                )
                .await
                .status(),
                StatusCode::SEE_OTHER
            );
        }

        // A charter, a second version, and every partner endorsing the current one.
        let charter = format!("{page}/charter");
        let company_id = s.company.to_string();
        let response = app
            .post(
                &csr,
                &charter,
                &charter,
                &[("organisation", &company_id), ("vision", "")],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "vision and objectives are needed"
        );
        assert_eq!(
            app.post(
                &csr,
                &charter,
                &charter,
                &[
                    ("organisation", &company_id),
                    ("vision", "בתי ספר סולאריים"),
                    ("objectives", "20 גגות עד 2028")
                ]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.post(
                &ngo,
                &charter,
                &charter,
                &[
                    ("organisation", &ngo_id),
                    ("vision", "בתי ספר סולאריים וקהילה"),
                    ("objectives", "20 גגות עד 2028")
                ]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        let (_, html) = app.get(&csr, &format!("{charter}?a=1&b=2")).await;
        assert!(
            html.contains("class=\"changed\""),
            "versions compare side by side"
        );
        assert_eq!(
            app.post(
                &csr,
                &charter,
                &format!("{charter}/1/endorse"),
                &[("organisation", &company_id)]
            )
            .await
            .status(),
            StatusCode::CONFLICT,
            "only the current version"
        );
        for (client, org) in [
            (&csr, &company_id),
            (&ngo, &ngo_id),
            (&coordinator, &city_id),
        ] {
            assert_eq!(
                app.post(
                    client,
                    &charter,
                    &format!("{charter}/2/endorse"),
                    &[("organisation", org.as_str())]
                )
                .await
                .status(),
                StatusCode::SEE_OTHER
            );
        }

        // Expectations: the business expects a result within a quarter, the city within a year.
        let expectations = format!("{page}/expectations");
        app.post(
            &csr,
            &expectations,
            &expectations,
            &[
                ("organisation", &company_id),
                ("time-to-first-result", "quarter"),
            ],
        )
        .await;
        app.post(
            &coordinator,
            &expectations,
            &expectations,
            &[("organisation", &city_id), ("time-to-first-result", "year")],
        )
        .await;
        let (_, html) = app.get(&csr, &expectations).await;
        assert!(
            html.contains(&tr.t("expectation-time-to-first-result-advice")),
            "the gap comes with what to talk about"
        );

        // Now agreement goes through.
        let response = app
            .post(&csr, &page, &format!("{page}/stage"), &[("to", "agreed")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(stage(app, id).await, Stage::Agreed);

        // The convener's dashboard shows it with its open risks (no indicators yet).
        let (status, html) = app
            .get(
                &coordinator,
                &format!("/localities/{}/initiatives?sort=risk", s.locality),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&page), "the initiative is listed");
        assert!(
            html.contains(&tr.t("risk-no-indicators")),
            "with its open risk: no indicators yet"
        );
        let (status, _) = app.get(&app.client(), &page).await;
        assert_eq!(status, StatusCode::OK, "the public can read it");
    }

    #[tokio::test]
    async fn a_company_without_the_city_is_stopped_with_a_clear_reason() {
        let s = story().await;
        let app = &s.app;
        let csr = app.signed_in("csr@company.example").await;
        let company = s.company.to_string();
        let locality = s.locality.to_string();
        let response = app
            .post(
                &csr,
                &format!("/initiatives/new?locality={locality}"),
                "/initiatives",
                &[
                    ("initiator", &company),
                    ("locality", &locality),
                    ("title_en", "Go it alone"),
                    ("model", "community-responsibility"),
                    ("management", "led-by-one"),
                ],
            )
            .await;
        let page = location(&response);
        for to in ["convened", "scoping", "building", "agreed"] {
            let response = app
                .post(&csr, &page, &format!("{page}/stage"), &[("to", to)])
                .await;
            assert!(
                response.status() == StatusCode::FORBIDDEN
                    || response.status() == StatusCode::CONFLICT,
                "{to}: {}",
                response.status()
            );
        }
        let html = app
            .post(&csr, &page, &format!("{page}/stage"), &[("to", "convened")])
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains(&shutaf_web::i18n::Tr::new(Language::He).t("refused-not-your-part")));
        assert!(
            html.contains(&shutaf_web::i18n::Tr::new(Language::He).t("party-convener-staff")),
            "it says who may"
        );
        // Withdrawing needs published reasons; the error stands at the reason's field.
        let response = app
            .post(
                &csr,
                &page,
                &format!("{page}/stage"),
                &[("to", "withdrawn")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(
            html.contains("id=\"e-reason-withdrawn\"")
                && html.contains("aria-describedby=\"e-reason-withdrawn\"")
        );
        assert_eq!(
            app.post(
                &csr,
                &page,
                &format!("{page}/stage"),
                &[("to", "withdrawn"), ("reason", "We found another way")]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        let (_, html) = app.get(&app.client(), &page).await;
        assert!(html.contains("We found another way"), "reasons are public");
    }

    #[tokio::test]
    async fn the_lifecycle_through_the_api_with_gates_suggestions_and_opportunities() {
        let s = story().await;
        let app = &s.app;
        let csr = api_token(app, "csr@company.example", "write").await;
        let coordinator = api_token(app, "coordinator@city.example", "write").await;
        let ngo = api_token(app, "ngo@ngo.example", "write").await;
        let client = reqwest::Client::new();
        let api = |path: &str| app.url(&format!("/api/v1{path}"));

        // The city's staff keep the agenda; a company cannot add goals.
        let goal =
            json!({ "titles": { "en": "Community energy" }, "sdg_codes": ["7", "7.1", "7.1.2"] });
        assert_eq!(
            client
                .post(api(&format!("/localities/{}/goals", s.locality)))
                .bearer_auth(&csr)
                .json(&goal)
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN
        );
        let bad = json!({ "titles": { "en": "x" }, "sdg_codes": ["7.99"] });
        let response = client
            .post(api(&format!("/localities/{}/goals", s.locality)))
            .bearer_auth(&coordinator)
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            response.json::<Value>().await.unwrap()["error"]["fields"][0]["code"],
            "error-sdg-unknown-target"
        );
        // A local target must be defined before a goal uses it.
        let response = client
            .post(api(&format!("/localities/{}/goals", s.locality)))
            .bearer_auth(&coordinator)
            .json(&goal)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.json::<Value>().await.unwrap()["error"]["fields"][0]["code"],
            "error-sdg-local-undefined"
        );
        let target =
            json!({ "code": "7.1.2", "titles": { "en": "Every public building on clean power" } });
        assert_eq!(
            client
                .post(api(&format!("/localities/{}/local-targets", s.locality)))
                .bearer_auth(&csr)
                .json(&target)
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            client
                .post(api(&format!("/localities/{}/local-targets", s.locality)))
                .bearer_auth(&coordinator)
                .json(&target)
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::NO_CONTENT
        );
        let targets: Value = client
            .get(api(&format!("/localities/{}/local-targets", s.locality)))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(targets[0]["code"], "7.1.2");
        let created: Value = client
            .post(api(&format!("/localities/{}/goals", s.locality)))
            .bearer_auth(&coordinator)
            .json(&goal)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(created["sdg_codes"], json!(["7", "7.1", "7.1.2"]));

        let proposal = json!({
            "locality_id": s.locality, "initiator_organisation_id": s.company,
            "titles": { "en": "Solar roofs" }, "model": "joint-agenda", "management": "joint",
            "goal_ids": [s.goal], "needs": ["budget", "community-trust", "local-networks"]
        });
        let response = client
            .post(api("/initiatives"))
            .bearer_auth(&csr)
            .json(&proposal)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        let id = body["id"].as_i64().unwrap();
        assert_eq!(body["stage"], "idea");
        assert!(
            body["next_steps"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["to"] != "convened"),
            "the company cannot convene"
        );

        // A refused move says why, with the gates and their remedies.
        let response = client
            .post(api(&format!("/initiatives/{id}/stage")))
            .bearer_auth(&coordinator)
            .json(&json!({ "to": "convened" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error"]["code"], "gates_unmet");
        assert_eq!(error["error"]["gates"][0]["code"], "convene-early");
        assert!(
            !error["error"]["gates"][0]["remedy"]
                .as_str()
                .unwrap()
                .is_empty()
        );
        let engaged: Value = client
            .post(api(&format!("/initiatives/{id}/engage")))
            .bearer_auth(&coordinator)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(engaged["stage"], "convened");
        assert_eq!(engaged["convener_engaged"], true);

        // Suggestions: the NGO brings community trust and local networks and a new sector.
        let suggestions: Value = client
            .get(api(&format!("/initiatives/{id}/suggestions?lang=en")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let first = &suggestions[0];
        assert_eq!(first["organisation_id"], s.ngo, "{suggestions}");
        // Hand-checked: it covers 2 of the 3 uncovered types (500 × 2/3 = 333), adds a sector
        // (200) and works in the locality (150).
        assert_eq!(first["score"], 683, "{first}");
        assert!(first["reasons"].as_array().unwrap().len() >= 2);
        assert!(
            suggestions
                .as_array()
                .unwrap()
                .iter()
                .all(|x| x["organisation_id"] != s.company),
            "partners are not suggested"
        );

        // The NGO sees where it is needed, and joins.
        let opportunities: Value = client
            .get(api(&format!("/organisations/{}/opportunities", s.ngo)))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(opportunities["initiatives"][0]["initiative_id"], id);
        assert_eq!(
            opportunities["initiatives"][0]["covers"],
            json!(["community-trust", "local-networks"])
        );
        assert_eq!(
            opportunities["open_goals"].as_array().unwrap().len(),
            1,
            "the locality's one goal that no initiative serves yet: {opportunities}"
        );
        client
            .post(api(&format!("/initiatives/{id}/partners")))
            .bearer_auth(&ngo)
            .json(&json!({ "organisation_id": s.ngo }))
            .send()
            .await
            .unwrap();
        let joined: Value = client
            .post(api(&format!("/initiatives/{id}/partners")))
            .bearer_auth(&csr)
            .json(&json!({ "organisation_id": s.ngo }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(
            joined["partners"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["organisation_id"] == s.ngo && p["status"] == "active")
        );
        let committed = client
            .post(api(&format!(
                "/initiatives/{id}/partners/{}/contributions",
                s.ngo
            )))
            .bearer_auth(&ngo)
            .json(&json!({ "contribution": "community-trust", "cash_agorot": 1_250_050 }))
            .send()
            .await
            .unwrap();
        assert_eq!(committed.status(), StatusCode::CREATED);
        let body: Value = committed.json().await.unwrap();
        assert_eq!(body["uncovered"], json!(["budget", "local-networks"]));
        let response = client
            .post(api(&format!(
                "/initiatives/{id}/partners/{}/contributions",
                s.company
            )))
            .bearer_auth(&ngo)
            .json(&json!({ "contribution": "budget" }))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "only a partner's own people commit for it"
        );

        // Charter and endorsements through the API.
        let response = client
            .post(api(&format!("/initiatives/{id}/charter")))
            .bearer_auth(&csr)
            .json(&json!({ "organisation_id": s.company, "sections": { "vision": "Solar schools", "objectives": "20 roofs by 2028" } }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let response = client
            .post(api(&format!("/initiatives/{id}/charter/1/endorsements")))
            .bearer_auth(&ngo)
            .json(&json!({ "organisation_id": s.ngo }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let charter: Value = client
            .get(api(&format!("/initiatives/{id}/charter")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(charter[0]["endorsed_by"], json!([s.ngo]));
        assert_eq!(charter[0]["sections"]["vision"], "Solar schools");

        // Expectations and their divergence.
        client
            .put(api(&format!("/initiatives/{id}/expectations")))
            .bearer_auth(&csr)
            .json(&json!({ "organisation_id": s.company, "answers": { "decision-speed": "days" } }))
            .send()
            .await
            .unwrap();
        let profile: Value = client
            .put(api(&format!("/initiatives/{id}/expectations")))
            .bearer_auth(&ngo)
            .json(&json!({ "organisation_id": s.ngo, "answers": { "decision-speed": "months" } }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(profile["divergences"][0]["question"], "decision-speed");
        let response = client
            .put(api(&format!("/initiatives/{id}/expectations")))
            .bearer_auth(&ngo)
            .json(&json!({ "organisation_id": s.ngo, "answers": { "mood": "good" } }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // Led by one partner: the company hands the lead to the NGO, which now moves it on.
        let mut led = proposal.clone();
        led["management"] = json!("led-by-one");
        led["lead_organisation_id"] = json!(s.ngo);
        let response = client
            .put(api(&format!("/initiatives/{id}")))
            .bearer_auth(&csr)
            .json(&led)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let as_ngo: Value = client
            .get(api(&format!("/initiatives/{id}")))
            .bearer_auth(&ngo)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(
            as_ngo["next_steps"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["to"] == "scoping"),
            "{as_ngo}"
        );
        let as_company: Value = client
            .get(api(&format!("/initiatives/{id}")))
            .bearer_auth(&csr)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(as_company["next_steps"].as_array().unwrap().is_empty());
        led["lead_organisation_id"] = json!(s.city);
        let response = client
            .put(api(&format!("/initiatives/{id}")))
            .bearer_auth(&ngo)
            .json(&led)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "the lead must be a partner"
        );

        // The dashboard, through the API.
        let page: Value = client
            .get(api(&format!(
                "/localities/{}/initiatives?lang=en",
                s.locality
            )))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(page["total"], 1);
        assert!(
            page["items"][0]["risks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["rule"] == "uncovered-contributions")
        );
        // A decline needs reasons and is refused to the company.
        let response = client
            .post(api(&format!("/initiatives/{id}/stage")))
            .bearer_auth(&coordinator)
            .json(&json!({ "to": "declined" }))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.json::<Value>().await.unwrap()["error"]["code"],
            "reason_required"
        );
        let response = client
            .post(api(&format!("/initiatives/{id}/stage")))
            .bearer_auth(&csr)
            .json(&json!({ "to": "declined", "reason": "x" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }

    #[tokio::test]
    async fn auditors_check_the_decision_log_through_the_api() {
        use shutaf_domain::merkle;
        let s = story().await;
        let app = &s.app;
        let csr = api_token(app, "csr@company.example", "write").await;
        let coordinator = api_token(app, "coordinator@city.example", "write").await;
        let client = reqwest::Client::new();
        let api = |path: &str| app.url(&format!("/api/v1{path}"));
        let unhex = |v: &Value| -> merkle::Hash {
            hex::decode(v.as_str().unwrap())
                .unwrap()
                .try_into()
                .unwrap()
        };

        let proposal = json!({ "locality_id": s.locality, "initiator_organisation_id": s.company, "titles": { "en": "Idea" }, "model": "green-economy", "management": "joint" });
        let id = client
            .post(api("/initiatives"))
            .bearer_auth(&csr)
            .json(&proposal)
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let first: Value = client
            .get(api("/log/head"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(first["size"], 1, "the proposal is on the record");
        client
            .post(api(&format!("/initiatives/{id}/engage")))
            .bearer_auth(&coordinator)
            .send()
            .await
            .unwrap();
        client
            .post(api(&format!("/initiatives/{id}/stage")))
            .bearer_auth(&coordinator)
            .json(&json!({ "to": "declined", "reason": "Not now" }))
            .send()
            .await
            .unwrap();
        let head: Value = client
            .get(api("/log/head"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let size = head["size"].as_u64().unwrap();
        assert_eq!(size, 4, "proposed, engaged, convened, declined");
        let root = unhex(&head["root"]);
        // The head is signed by the hub's published key.
        use ed25519_dalek::Verifier;
        let key: Value = client
            .get(api("/log/key"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(key["public_key"], head["public_key"]);
        let public: [u8; 32] = hex::decode(key["public_key"].as_str().unwrap())
            .unwrap()
            .try_into()
            .unwrap();
        let public = ed25519_dalek::VerifyingKey::from_bytes(&public).unwrap();
        let signature: [u8; 64] = hex::decode(head["signature"].as_str().unwrap())
            .unwrap()
            .try_into()
            .unwrap();
        let signature = ed25519_dalek::Signature::from_bytes(&signature);
        let signed = merkle::tree_head_bytes(size, &root, head["at"].as_i64().unwrap());
        assert!(public.verify(&signed, &signature).is_ok());
        let forged = merkle::tree_head_bytes(size + 1, &root, head["at"].as_i64().unwrap());
        assert!(
            public.verify(&forged, &signature).is_err(),
            "a changed head fails"
        );

        // Each entry's hash can be recomputed from its canonical bytes.
        let entries: Value = client
            .get(api(&format!("/log/entries?start=0&end={size}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let leaves: Vec<merkle::Hash> = entries
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let leaf = merkle::leaf_hash(e["canonical"].as_str().unwrap().as_bytes());
                assert_eq!(leaf, unhex(&e["leaf_hash"]));
                leaf
            })
            .collect();
        assert_eq!(merkle::root(&leaves), root);
        assert_eq!(entries[3]["kind"], "stage-declined");
        assert_eq!(entries[3]["detail"], "Not now");

        // Inclusion and consistency proofs verify against the heads.
        for index in 0..size {
            let proof: Value = client
                .get(api(&format!(
                    "/log/proof/inclusion?index={index}&size={size}"
                )))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let path: Vec<merkle::Hash> = proof["audit_path"]
                .as_array()
                .unwrap()
                .iter()
                .map(unhex)
                .collect();
            assert!(
                merkle::verify_inclusion(index, size, &leaves[index as usize], &path, &root),
                "entry {index}"
            );
        }
        let proof: Value = client
            .get(api(&format!(
                "/log/proof/consistency?first=1&second={size}"
            )))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let path: Vec<merkle::Hash> = proof["proof"]
            .as_array()
            .unwrap()
            .iter()
            .map(unhex)
            .collect();
        assert!(merkle::verify_consistency(
            1,
            size,
            &unhex(&first["root"]),
            &root,
            &path
        ));

        assert_eq!(
            client
                .get(api(&format!(
                    "/log/proof/inclusion?index=0&size={}",
                    size + 1
                )))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            client
                .get(api("/log/entries?start=5&end=1"))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::BAD_REQUEST
        );

        // The same record, readable by anyone, filterable, and as a feed.
        let page = format!("/localities/{}/record", s.locality);
        let (status, html) = app.get(&app.client(), &page).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Not now") && html.contains(&format!("/initiatives/{id}")));
        let (_, html) = app
            .get(&app.client(), &format!("{page}?kind=stage-declined"))
            .await;
        assert!(html.contains("Not now"));
        assert_eq!(
            html.matches("</tr>").count(),
            2,
            "the heading row and the one decline"
        );
        let feed = reqwest::get(app.url(&format!("{page}.atom")))
            .await
            .unwrap();
        assert!(
            feed.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/atom+xml")
        );
        let xml = feed.text().await.unwrap();
        assert_eq!(xml.matches("<entry>").count(), 4);
        assert!(xml.contains("Not now"));
    }

    /// A `multipart/form-data` body with each file in a field named `file`.
    fn files_body(files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
        let boundary = "shutaf-test-boundary-5c2a9e";
        let mut body = Vec::new();
        for (name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        (format!("multipart/form-data; boundary={boundary}"), body)
    }

    /// A civil time in Israel `days` from now, as the API takes deadlines.
    fn local_in_days(days: i64) -> String {
        shutaf_domain::call::local_input(shutaf_store::now() + days * 86_400)
    }

    /// The field names and codes of a 422 answer.
    async fn field_errors(response: reqwest::Response) -> Vec<(String, String)> {
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "invalid", "{body}");
        body["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["field"].as_str().unwrap().to_owned(),
                    f["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    /// A refusal's status and message (asked in English).
    async fn refusal(response: reqwest::Response) -> (StatusCode, String) {
        let status = response.status();
        let body: Value = response.json().await.unwrap();
        (
            status,
            body["error"]["message"].as_str().unwrap_or("").to_owned(),
        )
    }

    fn en(key: &str) -> String {
        shutaf_web::i18n::Tr::new(Language::En).t(key)
    }

    async fn move_deadline_into_the_past(app: &TestApp, call: i64) {
        sqlx::query("UPDATE calls SET deadline_at = $1 WHERE id = $2")
            .bind(shutaf_store::now() - 60)
            .bind(call)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn an_open_call_through_the_api_from_draft_to_initiative() {
        let s = story().await;
        let app = &s.app;
        for (email, name) in [
            ("eval1@example.org", "Evaluator One"),
            ("eval2@example.org", "Evaluator Two"),
        ] {
            let id = app.person(email).await;
            app.db.update_profile(id, name, None).await.unwrap();
        }
        let coordinator = api_token(app, "coordinator@city.example", "write").await;
        let ngo = api_token(app, "ngo@ngo.example", "write").await;
        let csr = api_token(app, "csr@company.example", "write").await;
        let eval1 = api_token(app, "eval1@example.org", "write").await;
        let eval2 = api_token(app, "eval2@example.org", "write").await;
        let client = reqwest::Client::new();
        let api = |path: &str| app.url(&format!("/api/v1{path}"));
        let calls = api(&format!("/localities/{}/calls", s.locality));

        let deadline = local_in_days(30);
        let mut draft = json!({
            "lang": "en", "title": "Shade for schoolyards", "purpose": "Cooler schoolyards in summer",
            "sought": "Design and planting", "eligibility": "Any organisation working in the town",
            "deadline_local": deadline,
            "criteria": [{ "name": "Impact", "weight": 60 }, { "name": "Cost", "description": "Value for money", "weight": 40 }],
            "goal_ids": [s.goal], "evaluator_emails": ["eval1@example.org", "Eval2@example.org"]
        });

        // Nobody without a token, and nobody outside the convener, writes calls.
        let response = client.post(&calls).json(&draft).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            response.json::<Value>().await.unwrap()["error"]["code"],
            "unauthenticated"
        );
        let response = client
            .post(&calls)
            .bearer_auth(&csr)
            .json(&draft)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            response.json::<Value>().await.unwrap()["error"]["code"],
            "forbidden"
        );
        // Weights that do not add up to 100, and a deadline in another format, are named.
        let mut wrong = draft.clone();
        wrong["criteria"][1]["weight"] = json!(30);
        wrong["deadline_local"] = json!("31/12/2030 12:00");
        let errors = field_errors(
            client
                .post(&calls)
                .bearer_auth(&coordinator)
                .json(&wrong)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert!(
            errors.contains(&("criteria".into(), "error-weights-sum".into()))
                && errors.contains(&("deadline_local".into(), "error-deadline-format".into())),
            "{errors:?}"
        );
        // An evaluator that is not an address (a NUL byte, which PostgreSQL refuses in text, or
        // no @) is named, not looked up; and more than a call can have are refused at once.
        for evaluators in [
            json!(["eval1@example.org", "eval\u{0}2@example.org"]),
            json!(["not an address"]),
            json!(
                (0..21)
                    .map(|i| format!("e{i}@example.org"))
                    .collect::<Vec<_>>()
            ),
        ] {
            let mut wrong = draft.clone();
            wrong["evaluator_emails"] = evaluators;
            let response = client
                .post(&calls)
                .bearer_auth(&coordinator)
                .json(&wrong)
                .send()
                .await
                .unwrap();
            let errors = field_errors(response).await;
            assert!(
                errors.iter().any(|(field, _)| field == "evaluator_emails"),
                "{errors:?}"
            );
        }

        let response = client
            .post(&calls)
            .bearer_auth(&coordinator)
            .json(&draft)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let created: Value = response.json().await.unwrap();
        let id = created["id"].as_i64().unwrap();
        assert_eq!(created["status"], "draft");
        assert_eq!(created["phase"], "draft");
        let deadline_at = shutaf_domain::call::parse_deadline(&deadline).unwrap();
        assert_eq!(created["deadline_at"], deadline_at);
        assert_eq!(created["deadline_local"], deadline);
        assert_eq!(
            created["deadline"],
            shutaf_domain::call::rfc3339(deadline_at)
        );
        assert!(
            created["deadline"]
                .as_str()
                .unwrap()
                .starts_with(&deadline[..16]),
            "RFC 3339 in Israel's time"
        );
        assert_eq!(created["criteria"][0]["weight"], 60);
        assert_eq!(created["criteria"][1]["description"], "Value for money");
        assert_eq!(created["goals"][0]["id"], s.goal);
        assert_eq!(
            created["evaluators"],
            json!(["Evaluator One", "Evaluator Two"])
        );

        // A draft is the convener's: hidden from the public, listed for its staff.
        let public_list: Value = client
            .get(&calls)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(public_list["items"], json!([]));
        let staff_list: Value = client
            .get(format!("{calls}?limit=5"))
            .bearer_auth(&coordinator)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(staff_list["items"][0]["id"], id);
        assert_eq!(staff_list["limit"], 5);
        assert_eq!(
            client
                .get(api(&format!("/calls/{id}")))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::NOT_FOUND
        );
        draft["title"] = json!("Shade for every schoolyard");
        let updated: Value = client
            .put(api(&format!("/calls/{id}")))
            .bearer_auth(&coordinator)
            .json(&draft)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(updated["title"], "Shade for every schoolyard");
        // Rewriting a draft rewrites its criteria: score by the ids it has now.
        let impact = updated["criteria"][0]["id"].as_i64().unwrap();
        let cost = updated["criteria"][1]["id"].as_i64().unwrap();

        // The convener attaches the call's terms, as multipart/form-data.
        let terms: &[u8] = b"%PDF-1.4\n% the terms of the call\n%%EOF\n";
        let (content_type, body) = files_body(&[("terms.pdf", terms)]);
        let response = client
            .post(api(&format!("/calls/{id}/documents")))
            .bearer_auth(&coordinator)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let documents: Value = response.json().await.unwrap();
        assert_eq!(documents[0]["file_name"], "terms.pdf");
        assert_eq!(documents[0]["content_type"], "application/pdf");
        let terms_id = documents[0]["id"].as_i64().unwrap();

        let published: Value = client
            .post(api(&format!("/calls/{id}/publish")))
            .bearer_auth(&coordinator)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(published["status"], "open");
        assert_eq!(published["phase"], "accepting");
        let response = client
            .put(api(&format!("/calls/{id}")))
            .bearer_auth(&coordinator)
            .json(&draft)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "a published call stays as published"
        );
        let public_list: Value = client
            .get(&calls)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(public_list["items"][0]["phase"], "accepting");

        // Two organisations apply; nobody applies for an organisation they do not manage.
        let apply = |token: &str, org: i64, summary: &str| {
            client
                .post(api(&format!("/calls/{id}/applications")))
                .bearer_auth(token.to_owned())
                .json(&json!({ "organisation_id": org, "summary": summary, "proposal": format!("{summary}: the full proposal") }))
                .send()
        };
        let errors = field_errors(apply(&csr, s.ngo, "Not ours").await.unwrap()).await;
        assert_eq!(
            errors,
            vec![(
                "organisation_id".to_owned(),
                "error-organisation-managed".to_owned()
            )]
        );
        let response = apply(&ngo, s.ngo, "Trees and volunteers").await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let ngo_application = response.json::<Value>().await.unwrap()["application_id"]
            .as_i64()
            .unwrap();
        let response = apply(&csr, s.company, "Solar shade sails").await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let company_application = response.json::<Value>().await.unwrap()["application_id"]
            .as_i64()
            .unwrap();
        assert_ne!(ngo_application, company_application);

        // The NGO attaches its plan; a web page calling itself a PDF, and a file over 5 MB, are
        // refused with the reason; a 3 MB plan passes the request size limit.
        let attachments = api(&format!(
            "/calls/{id}/applications/{ngo_application}/attachments"
        ));
        let upload = |token: &str, files: &[(&str, &[u8])]| {
            let (content_type, body) = files_body(files);
            client
                .post(&attachments)
                .bearer_auth(token.to_owned())
                .header("content-type", content_type)
                .body(body)
                .send()
        };
        let plan: &[u8] = b"%PDF-1.7\n% the planting plan\n%%EOF\n";
        let response = upload(&ngo, &[("plan.pdf", plan)]).await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let files: Value = response.json().await.unwrap();
        assert_eq!(files.as_array().unwrap().len(), 1);
        assert_eq!(files[0]["file_name"], "plan.pdf");
        let plan_id = files[0]["id"].as_i64().unwrap();
        let html: &[u8] = b"<!doctype html><script>alert(1)</script>";
        assert_eq!(
            field_errors(upload(&ngo, &[("evil.pdf", html)]).await.unwrap()).await,
            vec![("attachments".to_owned(), "error-attachment-type".to_owned())]
        );
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(3 * 1024 * 1024, b'x');
        let response = upload(&ngo, &[("annex.pdf", &big)]).await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        assert_eq!(
            response
                .json::<Value>()
                .await
                .unwrap()
                .as_array()
                .unwrap()
                .len(),
            2
        );
        let mut huge = b"%PDF-1.7\n".to_vec();
        huge.resize(shutaf_domain::call::MAX_ATTACHMENT_BYTES + 1, b'x');
        assert_eq!(
            field_errors(upload(&ngo, &[("huge.pdf", &huge)]).await.unwrap()).await,
            vec![(
                "attachments".to_owned(),
                "error-attachment-too-large".to_owned()
            )]
        );
        assert_eq!(
            upload(&csr, &[("plan.pdf", plan)]).await.unwrap().status(),
            StatusCode::FORBIDDEN,
            "only the applicant's managers attach to its application"
        );

        // Declarations: the first evaluator is a member of the NGO and steps aside from it.
        let declare = |token: &str, declaration: Value| {
            client
                .post(api(&format!("/calls/{id}/declarations")))
                .bearer_auth(token.to_owned())
                .json(&declaration)
                .send()
        };
        let declared: Value = declare(
            &eval1,
            json!({ "has_interests": true, "ties": [{ "organisation_id": s.ngo, "relation": "member" }] }),
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        assert_eq!(declared["recused_from"], json!([s.ngo]));
        for token in [&eval2, &coordinator] {
            let declared: Value = declare(token, json!({ "has_interests": false }))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(declared["recused_from"], json!([]));
        }
        assert_eq!(
            declare(&csr, json!({ "has_interests": false }))
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN,
            "only evaluators and the convener's staff declare on a call"
        );

        let scores_of =
            |application: i64| api(&format!("/calls/{id}/applications/{application}/scores"));
        let score = |token: &str, application: i64, impact_score: i64, cost_score: i64| {
            client
                .post(scores_of(application))
                .bearer_auth(token.to_owned())
                .header("accept-language", "en")
                .json(&json!([
                    { "criterion_id": impact, "score": impact_score, "reason": format!("impact {impact_score} for {application}") },
                    { "criterion_id": cost, "score": cost_score, "reason": format!("cost {cost_score} for {application}") }
                ]))
                .send()
        };
        let (status, message) = refusal(score(&eval2, ngo_application, 9, 8).await.unwrap()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            message,
            en("refused-call-still-open"),
            "no scoring before the deadline"
        );

        move_deadline_into_the_past(app, id).await;

        // Late is late: no application and no attachment after the deadline.
        let (status, message) = refusal(apply(&csr, s.company, "Late").await.unwrap()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            message,
            shutaf_web::i18n::Tr::new(Language::He).t("refused-call-closed")
        );
        assert_eq!(
            upload(&ngo, &[("late.pdf", plan)]).await.unwrap().status(),
            StatusCode::FORBIDDEN
        );

        // The evaluator tied to the NGO is refused its application, and the recusal is public.
        let (status, message) =
            refusal(score(&eval1, ngo_application, 10, 10).await.unwrap()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(message, en("refused-recused"));
        assert_ne!(message, en("refused-undeclared"));
        let again: Value = score(&eval1, ngo_application, 10, 10)
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(again["error"]["code"], "recused", "programs can tell why");
        let record: Value = client
            .get(api(&format!("/calls/{id}/declarations")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let recusals = record["recusals"].as_array().unwrap();
        assert_eq!(recusals.len(), 1, "{record}");
        assert_eq!(recusals[0]["organisation_id"], s.ngo);
        assert_eq!(recusals[0]["person"], "Evaluator One");
        assert_eq!(record["declarations"].as_array().unwrap().len(), 3);
        let tied = record["declarations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["person"] == "Evaluator One")
            .unwrap();
        assert_eq!(tied["ties"][0]["organisation_id"], s.ngo);
        assert_eq!(tied["ties"][0]["relation"], "member");

        // A score out of range is named at its field; then the clear evaluators score.
        assert_eq!(
            field_errors(score(&eval2, ngo_application, 11, 8).await.unwrap()).await,
            vec![(format!("score_{impact}"), "error-score-range".to_owned())]
        );
        for (token, application, a, b) in [
            (&eval2, ngo_application, 9, 8),
            (&eval2, company_application, 5, 5),
            (&eval1, company_application, 6, 6),
        ] {
            let response = score(token, application, a, b).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{application}");
        }

        // Before the award the public sees neither who applied nor any score.
        let response = client
            .get(api(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let text = response.text().await.unwrap();
        let anonymous: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(anonymous["phase"], "evaluating");
        assert_eq!(anonymous["application_count"], 2);
        assert_eq!(anonymous["applications"], json!([]));
        assert_eq!(anonymous["results"], Value::Null);
        assert!(!text.contains("impact 9"), "no score reasons leak");
        assert_eq!(anonymous["documents"][0]["id"], terms_id);
        // The NGO sees its own application in full, and no scores yet.
        let own: Value = client
            .get(api(&format!("/calls/{id}")))
            .bearer_auth(&ngo)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(own["applications"].as_array().unwrap().len(), 1);
        assert_eq!(own["applications"][0]["id"], ngo_application);
        assert_eq!(
            own["applications"][0]["proposal"],
            "Trees and volunteers: the full proposal"
        );
        assert_eq!(
            own["applications"][0]["attachments"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        assert_eq!(own["applications"][0]["scores"], json!([]));
        assert_eq!(own["results"], Value::Null);
        // An evaluator sees every application in full, and only their own scores.
        let evaluator: Value = client
            .get(api(&format!("/calls/{id}")))
            .bearer_auth(&eval1)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(evaluator["applications"].as_array().unwrap().len(), 2);
        assert!(evaluator["applications"][0]["proposal"].is_string());
        let company_scores = evaluator["applications"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == company_application)
            .unwrap()["scores"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(company_scores.len(), 2);
        assert!(
            company_scores
                .iter()
                .all(|s| s["evaluator"] == "Evaluator One")
        );
        // The convener's staff see the results, best first.
        let staff: Value = client
            .get(api(&format!("/calls/{id}")))
            .bearer_auth(&coordinator)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(staff["results"][0]["application_id"], ngo_application);
        // 9 × 60% + 8 × 40% on a scale of 10 → 86 of 100; the company: 5.5 on both → 55.
        assert_eq!(staff["results"][0]["total"], 86.0);
        assert_eq!(staff["results"][1]["total"], 55.0);
        assert_eq!(staff["results"][1]["complete_evaluations"], 2);
        // An application's files go only to those who may see it; the call's terms to all.
        assert_eq!(
            client
                .get(api(&format!("/attachments/{plan_id}")))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::NOT_FOUND
        );
        let response = client
            .get(api(&format!("/attachments/{plan_id}")))
            .bearer_auth(&ngo)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        assert!(
            response.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment;")
        );
        assert_eq!(response.bytes().await.unwrap().as_ref(), plan);
        let response = client
            .get(api(&format!("/attachments/{terms_id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.bytes().await.unwrap().as_ref(), terms);

        // The award: not by an applicant; by the declared convener, with reasons.
        let award = json!({ "application_id": ngo_application, "reasons": "The highest score and a strong volunteer base" });
        assert_eq!(
            client
                .post(api(&format!("/calls/{id}/award")))
                .bearer_auth(&csr)
                .json(&award)
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN
        );
        let errors = field_errors(
            client
                .post(api(&format!("/calls/{id}/award")))
                .bearer_auth(&coordinator)
                .json(&json!({ "application_id": ngo_application, "reasons": " " }))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            errors,
            vec![("reasons".to_owned(), "error-required".to_owned())]
        );
        let awarded: Value = client
            .post(api(&format!("/calls/{id}/award")))
            .bearer_auth(&coordinator)
            .json(&award)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(awarded["status"], "awarded");
        assert_eq!(awarded["awarded_application_id"], ngo_application);

        // Now everyone sees who applied, the scores with their reasons and the results.
        let public: Value = client
            .get(api(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(public["phase"], "awarded");
        assert_eq!(
            public["outcome_reasons"],
            "The highest score and a strong volunteer base"
        );
        let applications = public["applications"].as_array().unwrap();
        assert_eq!(applications.len(), 2);
        let winner = applications
            .iter()
            .find(|a| a["id"] == ngo_application)
            .unwrap();
        assert_eq!(winner["summary"], "Trees and volunteers");
        assert!(!winner["organisation"].as_str().unwrap().is_empty());
        assert_eq!(
            winner["proposal"],
            Value::Null,
            "the proposal stays private"
        );
        assert_eq!(winner["attachments"], json!([]));
        let reasons: Vec<&str> = winner["scores"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["reason"].as_str().unwrap())
            .collect();
        assert_eq!(
            reasons,
            vec![
                format!("impact 9 for {ngo_application}"),
                format!("cost 8 for {ngo_application}")
            ]
        );
        assert_eq!(public["results"][0]["application_id"], ngo_application);
        assert_eq!(public["results"][0]["rank"], 1);

        // The awarded call becomes an initiative with the NGO as its partner, once.
        let start = || {
            client
                .post(api(&format!("/calls/{id}/initiative")))
                .bearer_auth(&coordinator)
                .send()
        };
        let response = start().await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let initiative = response.json::<Value>().await.unwrap()["initiative_id"]
            .as_i64()
            .unwrap();
        assert_eq!(start().await.unwrap().status(), StatusCode::FORBIDDEN);
        let body: Value = client
            .get(api(&format!("/initiatives/{initiative}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body["title"], "Shade for every schoolyard");
        assert!(
            body["partners"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["organisation_id"] == s.ngo && p["status"] == "active"),
            "{body}"
        );
        let integrity: Value = client
            .get(api(&format!("/initiatives/{initiative}/integrity")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(integrity["choice"], "open-call");
        assert_eq!(integrity["from_call_id"], id);
        let call: Value = client
            .get(api(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(call["initiative_id"], initiative);
    }

    #[tokio::test]
    async fn a_call_is_rerun_and_cancelled_through_the_api() {
        let s = story().await;
        let app = &s.app;
        app.person("eval@example.org").await;
        let coordinator = api_token(app, "coordinator@city.example", "write").await;
        let csr = api_token(app, "csr@company.example", "write").await;
        let client = reqwest::Client::new();
        let api = |path: &str| app.url(&format!("/api/v1{path}"));
        let draft = json!({
            "lang": "he", "title": "קריאה", "purpose": "מטרה", "sought": "מבוקש", "eligibility": "כולם",
            "deadline_local": local_in_days(10), "criteria": [{ "name": "איכות", "weight": 100 }],
            "evaluator_emails": ["eval@example.org"]
        });
        let created: Value = client
            .post(api(&format!("/localities/{}/calls", s.locality)))
            .bearer_auth(&coordinator)
            .json(&draft)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = created["id"].as_i64().unwrap();
        client
            .post(api(&format!("/calls/{id}/publish")))
            .bearer_auth(&coordinator)
            .send()
            .await
            .unwrap();
        let response = client
            .post(api(&format!("/calls/{id}/applications")))
            .bearer_auth(&csr)
            .json(&json!({ "organisation_id": s.company, "summary": "Sails", "proposal": "Shade sails" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let rerun = |body: Value| {
            client
                .post(api(&format!("/calls/{id}/rerun")))
                .bearer_auth(&coordinator)
                .json(&body)
                .send()
        };
        let (status, message) = refusal(
            rerun(json!({ "deadline_local": local_in_days(20), "reasons": "Too few" }))
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            message,
            shutaf_web::i18n::Tr::new(Language::He).t("refused-call-still-open")
        );
        move_deadline_into_the_past(app, id).await;
        // Deciding on a call needs a declaration first.
        let (status, message) = refusal(
            rerun(json!({ "deadline_local": local_in_days(20), "reasons": "Too few" }))
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            message,
            shutaf_web::i18n::Tr::new(Language::He).t("refused-undeclared")
        );
        client
            .post(api(&format!("/calls/{id}/declarations")))
            .bearer_auth(&coordinator)
            .json(&json!({ "has_interests": false }))
            .send()
            .await
            .unwrap();
        let errors = field_errors(
            rerun(json!({ "deadline_local": "2001-01-01T10:00", "reasons": "" }))
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            errors,
            vec![
                (
                    "deadline_local".to_owned(),
                    "error-deadline-past".to_owned()
                ),
                ("reasons".to_owned(), "error-required".to_owned())
            ]
        );
        let rerun_to = local_in_days(20);
        let again: Value =
            rerun(json!({ "deadline_local": rerun_to, "reasons": "Too few applications" }))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
        assert_eq!(again["phase"], "accepting");
        assert_eq!(again["deadline_local"], rerun_to);
        assert_eq!(again["application_count"], 1, "the applications stay");

        move_deadline_into_the_past(app, id).await;
        let cancelled: Value = client
            .post(api(&format!("/calls/{id}/cancel")))
            .bearer_auth(&coordinator)
            .json(&json!({ "reasons": "The budget was cut" }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(cancelled["status"], "cancelled");
        let public: Value = client
            .get(api(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(public["phase"], "cancelled");
        assert_eq!(public["outcome_reasons"], "The budget was cut");
        assert_eq!(
            public["applications"][0]["summary"], "Sails",
            "who applied is public once the call has ended"
        );
        assert_eq!(
            client
                .post(api(&format!("/calls/{id}/initiative")))
                .bearer_auth(&coordinator)
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN,
            "only an awarded call becomes an initiative"
        );
    }

    #[tokio::test]
    async fn a_donation_goes_through_the_committee_procedure_through_the_api() {
        let s = story().await;
        let app = &s.app;
        let coordinator = api_token(app, "coordinator@city.example", "write").await;
        let csr = api_token(app, "csr@company.example", "write").await;
        let client = reqwest::Client::new();
        let api = |path: &str| app.url(&format!("/api/v1{path}"));
        let donations = api(&format!("/localities/{}/donations", s.locality));
        let gift = json!({ "donor_organisation_id": s.company, "kind": "money", "value_agorot": 5_000_050, "purpose": "Trees for the park" });

        assert_eq!(
            client
                .post(&donations)
                .json(&gift)
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            client
                .post(&donations)
                .bearer_auth(&csr)
                .json(&gift)
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN,
            "the donor does not register its own gift"
        );
        let errors = field_errors(
            client
                .post(&donations)
                .bearer_auth(&coordinator)
                .json(&json!({ "kind": "money", "purpose": "x" }))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert!(
            errors.contains(&("donor_name".into(), "error-required".into()))
                && errors.contains(&("value_agorot".into(), "error-required".into())),
            "{errors:?}"
        );
        let response = client
            .post(&donations)
            .bearer_auth(&coordinator)
            .json(&gift)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let donation: Value = response.json().await.unwrap();
        let id = donation["id"].as_i64().unwrap();
        assert_eq!(donation["step"], "registered");
        assert_eq!(donation["value_agorot"], 5_000_050);
        assert_eq!(donation["donor_organisation_id"], s.company);
        let list: Value = client
            .get(&donations)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list["items"][0]["id"], id, "the record is public");

        let step = |body: Value| {
            client
                .post(api(&format!("/donations/{id}/steps")))
                .bearer_auth(&coordinator)
                .json(&body)
                .send()
        };
        let (status, message) = refusal(
            step(json!({ "step": "decide", "decision": "accept" }))
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "steps go in order");
        assert_eq!(
            message,
            shutaf_web::i18n::Tr::new(Language::He).t("refused-donation-step")
        );
        let checked: Value = step(json!({ "step": "check", "check": "The donor has a tender pending", "recommendation": "decline" }))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(checked["step"], "checked");
        assert_eq!(checked["recommendation"], "decline");
        // Accepting against the committee's recommendation needs reasons.
        assert_eq!(
            field_errors(
                step(json!({ "step": "decide", "decision": "accept" }))
                    .await
                    .unwrap()
            )
            .await,
            vec![("reasons".to_owned(), "error-departure-reasons".to_owned())]
        );
        let decided: Value = step(json!({ "step": "decide", "decision": "accept", "reasons": "The tender is decided by others" }))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(decided["step"], "decided");
        assert_eq!(decided["head_decision"], "accept");
        assert_eq!(decided["departs_from_recommendation"], true);
        let reported: Value =
            step(json!({ "step": "report", "report": "Reported to the council on 1.6" }))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
        assert_eq!(reported["step"], "reported");
        assert_eq!(
            step(json!({ "step": "report", "report": "Again" }))
                .await
                .unwrap()
                .status(),
            StatusCode::FORBIDDEN,
            "the procedure is complete"
        );
        let public: Value = client
            .get(api(&format!("/donations/{id}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(public["council_report"], "Reported to the council on 1.6");
        assert_eq!(public["head_reasons"], "The tender is decided by others");
    }

    #[tokio::test]
    async fn a_notice_invites_competing_proposals_through_the_api() {
        let s = story().await;
        let app = &s.app;
        let coordinator = api_token(app, "coordinator@city.example", "write").await;
        let csr = api_token(app, "csr@company.example", "write").await;
        let ngo = api_token(app, "ngo@ngo.example", "write").await;
        let client = reqwest::Client::new();
        let api = |path: &str| app.url(&format!("/api/v1{path}"));
        let proposal = json!({ "locality_id": s.locality, "initiator_organisation_id": s.company, "titles": { "en": "Solar roofs" }, "model": "green-economy", "management": "joint" });
        let id = client
            .post(api("/initiatives"))
            .bearer_auth(&csr)
            .json(&proposal)
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let notice = json!({ "summary": "Solar roofs on schools, offered by a company", "closes_local": local_in_days(14) });
        let publish = |token: &str| {
            client
                .post(api(&format!("/initiatives/{id}/notice")))
                .bearer_auth(token.to_owned())
                .json(&notice)
                .send()
        };
        assert_eq!(publish(&csr).await.unwrap().status(), StatusCode::FORBIDDEN);
        let response = publish(&coordinator).await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let published: Value = response.json().await.unwrap();
        assert_eq!(published["notice"]["open"], true);
        assert_eq!(published["choice"], "unrecorded");
        let (status, message) = refusal(publish(&coordinator).await.unwrap()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            message,
            shutaf_web::i18n::Tr::new(Language::He).t("refused-notice-exists")
        );

        let propose = |token: &str, org: i64| {
            client
                .post(api(&format!("/initiatives/{id}/notice/alternatives")))
                .bearer_auth(token.to_owned())
                .json(&json!({ "organisation_id": org, "summary": "A community energy cooperative instead" }))
                .send()
        };
        assert_eq!(
            field_errors(propose(&csr, s.company).await.unwrap()).await,
            vec![(
                "organisation_id".to_owned(),
                "error-already-partner".to_owned()
            )]
        );
        let response = propose(&ngo, s.ngo).await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["notice"]["alternatives"][0]["organisation_id"], s.ngo);
        let alternative = body["notice"]["alternatives"][0]["id"].as_i64().unwrap();

        let decide = |body: Value| {
            client
                .post(api(&format!("/initiatives/{id}/notice/decision")))
                .bearer_auth(&coordinator)
                .json(&body)
                .send()
        };
        let choose = json!({ "outcome": "alternative", "chosen_alternative_id": alternative, "reasons": "The cooperative keeps the savings in town" });
        let (status, message) = refusal(decide(choose.clone()).await.unwrap()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            message,
            shutaf_web::i18n::Tr::new(Language::He).t("refused-notice-window-open")
        );
        sqlx::query("UPDATE competition_notices SET closes_at = $1 WHERE initiative_id = $2")
            .bind(shutaf_store::now() - 60)
            .bind(id)
            .execute(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(
            propose(&ngo, s.ngo).await.unwrap().status(),
            StatusCode::FORBIDDEN,
            "no alternatives after the window"
        );
        assert_eq!(
            field_errors(
                decide(json!({ "outcome": "alternative", "reasons": "Better" }))
                    .await
                    .unwrap()
            )
            .await,
            vec![(
                "chosen_alternative_id".to_owned(),
                "error-choose-alternative".to_owned()
            )]
        );
        let response = decide(choose).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let decided: Value = client
            .get(api(&format!("/initiatives/{id}/integrity")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(decided["choice"], "competing-proposals");
        assert_eq!(decided["notice"]["open"], false);
        assert_eq!(decided["notice"]["outcome"], "alternative");
        assert_eq!(decided["notice"]["chosen_alternative_id"], alternative);
        assert_eq!(
            decided["notice"]["outcome_reasons"],
            "The cooperative keeps the savings in town"
        );
        assert_eq!(decided["from_call_id"], Value::Null);
    }
}

#[tokio::test]
async fn the_convener_is_notified_in_the_app() {
    let app = TestApp::spawn().await;
    let coordinator = app.person("coordinator@city.example").await;
    let csr = app.person("csr@company.example").await;
    let city = app
        .organisation(
            coordinator,
            "City",
            Sector::Public,
            OrganisationKind::Municipality,
        )
        .await;
    let company = app
        .organisation(csr, "Company", Sector::Business, OrganisationKind::Company)
        .await;
    let locality = app
        .db
        .create_locality(&shutaf_store::NewLocality {
            names: [None, None, Some("Emek".into())],
            kind: shutaf_domain::LocalityKind::Municipality,
            convener_organisation_id: city,
            description: None,
        })
        .await
        .unwrap()
        .id;
    let proposer = app.signed_in("csr@company.example").await;
    let (company, locality) = (company.to_string(), locality.to_string());
    app.post(
        &proposer,
        "/initiatives/new",
        "/initiatives",
        &[
            ("initiator", &company),
            ("locality", &locality),
            ("title_en", "Idea"),
            ("model", "green-economy"),
            ("management", "joint"),
        ],
    )
    .await;
    let client = app.signed_in("coordinator@city.example").await;
    let (_, html) = app.get(&client, "/notifications").await;
    assert!(
        html.contains("/initiatives/1") && html.contains("class=\"badge\">1<"),
        "one unread notification, shown in the header"
    );
    app.post(&client, "/notifications", "/notifications", &[])
        .await;
    let (_, html) = app.get(&client, "/notifications").await;
    assert!(!html.contains("class=\"badge\">1<"), "read");
}

/// Equal opportunity through the pages: calls, recusal, donations, the portal and downloads.
mod equal_opportunity_pages {
    use super::*;
    use shutaf_store::NewLocality;
    use shutaf_web::i18n::Tr;

    /// A form with text fields and files, as a browser sends it.
    fn multipart(fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
        let boundary = "shutaf-pages-boundary-91f3";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
            );
        }
        for (name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        (format!("multipart/form-data; boundary={boundary}"), body)
    }

    /// Posts a form with files from `page`, the token in the action's query string as the page does.
    async fn upload(
        app: &TestApp,
        client: &reqwest::Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> reqwest::Response {
        let (_, html) = app.get(client, page).await;
        let token = csrf_token(&html);
        let (content_type, body) = multipart(fields, files);
        client
            .post(app.url(&format!("{action}?csrf_token={token}")))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap()
    }

    struct City {
        locality: i64,
        city: i64,
        company: i64,
        ngo: i64,
    }

    async fn city(app: &TestApp) -> City {
        let coordinator = app.person("coordinator@city.example").await;
        let csr = app.person("csr@company.example").await;
        let ngo_person = app.person("ngo@ngo.example").await;
        app.person("evaluator-a@city.example").await;
        app.person("evaluator-b@city.example").await;
        app.person("visitor@else.example").await;
        let city = app
            .organisation(
                coordinator,
                "Emek Municipality",
                Sector::Public,
                OrganisationKind::Municipality,
            )
            .await;
        let company = app
            .organisation(
                csr,
                "=HYPERLINK(\"http://evil\") Solar Ltd",
                Sector::Business,
                OrganisationKind::Company,
            )
            .await;
        let ngo = app
            .organisation(
                ngo_person,
                "Green Neighbours",
                Sector::Third,
                OrganisationKind::Ngo,
            )
            .await;
        let locality = app
            .db
            .create_locality(&NewLocality {
                names: [Some("עמק".into()), None, Some("Emek".into())],
                kind: shutaf_domain::LocalityKind::Municipality,
                convener_organisation_id: city,
                description: None,
            })
            .await
            .unwrap()
            .id;
        City {
            locality,
            city,
            company,
            ngo,
        }
    }

    #[tokio::test]
    async fn a_call_through_the_pages_from_draft_to_public_results() {
        let app = TestApp::spawn().await;
        let c = city(&app).await;
        let tr = Tr::new(Language::He);
        let coordinator = app.signed_in("coordinator@city.example").await;
        let csr = app.signed_in("csr@company.example").await;
        let ngo = app.signed_in("ngo@ngo.example").await;
        let evaluator_a = app.signed_in("evaluator-a@city.example").await;
        let evaluator_b = app.signed_in("evaluator-b@city.example").await;
        let visitor = app.client();
        let new = format!("/localities/{}/calls/new", c.locality);
        let create = format!("/localities/{}/calls", c.locality);
        let deadline = shutaf_domain::call::local_input(shutaf_store::now() + 86_400);

        // Only the convener's staff write calls.
        assert_eq!(app.get(&csr, &new).await.0, StatusCode::FORBIDDEN);
        let mut fields = vec![
            ("lang", "en"),
            ("title", "Community solar"),
            ("purpose", "Solar on the community centre"),
            ("sought", "An installer"),
            ("eligibility", "Anyone"),
            ("deadline", deadline.as_str()),
            ("criterion_name", "Impact"),
            ("criterion_description", ""),
            ("criterion_weight", "60"),
            ("criterion_name", "Cost"),
            ("criterion_description", "Value for money"),
            ("criterion_weight", "30"),
            (
                "evaluators",
                "evaluator-a@city.example, evaluator-b@city.example",
            ),
        ];
        let response = app.post(&coordinator, &new, &create, &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(html.contains(&tr.t("error-weights-sum")));
        assert!(html.contains("Value for money"), "what was typed is kept");
        fields[11] = ("criterion_weight", "40");
        let response = app.post(&coordinator, &new, &create, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = location(&response);
        let id: i64 = page.trim_start_matches("/calls/").parse().unwrap();
        // A draft is the convener's alone.
        assert_eq!(app.get(&visitor, &page).await.0, StatusCode::NOT_FOUND);
        assert_eq!(
            app.post(&coordinator, &page, &format!("{page}/publish"), &[])
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let (status, html) = app.get(&visitor, &page).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Community solar") && html.contains("60%"));

        // Two organisations apply; a file that is not what its name says is refused, and
        // nothing typed is lost.
        let company_id = c.company.to_string();
        let ngo_id = c.ngo.to_string();
        let applications = format!("{page}/applications");
        let response = upload(
            &app,
            &ngo,
            &page,
            &applications,
            &[
                ("organisation", &ngo_id),
                ("summary", "Volunteers install"),
                ("proposal", "We organise"),
            ],
            &[("plan.pdf", b"<html><script>alert(1)</script>")],
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(html.contains(&tr.t("error-attachment-type")));
        assert!(html.contains("Volunteers install"));
        let response = upload(
            &app,
            &ngo,
            &page,
            &applications,
            &[
                ("organisation", &ngo_id),
                ("summary", "Volunteers install"),
                ("proposal", "We organise"),
            ],
            &[],
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let pdf: &[u8] = b"%PDF-1.4\n% a tiny plan\n";
        let response = upload(
            &app,
            &csr,
            &page,
            &applications,
            &[
                ("organisation", &company_id),
                ("summary", "Panels at cost"),
                ("proposal", "Secret pricing"),
            ],
            &[("plan.pdf", pdf)],
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let attachment = app.db.attachments(id).await.unwrap()[0].id;
        let file = format!("/attachments/{attachment}");
        // An application's file is its organisation's, the evaluators' and the convener's.
        assert_eq!(app.get(&visitor, &file).await.0, StatusCode::NOT_FOUND);
        assert_eq!(app.get(&ngo, &file).await.0, StatusCode::NOT_FOUND);
        let response = evaluator_b.get(app.url(&file)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let headers = response.headers();
        assert_eq!(headers["content-type"], "application/pdf");
        assert!(
            headers["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment;")
        );
        assert!(
            headers["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("sandbox")
        );
        assert_eq!(response.bytes().await.unwrap().as_ref(), pdf);

        // Scoring waits for the deadline.
        let scores = format!("/calls/{id}/applications");
        let call = app.db.call(id).await.unwrap().unwrap();
        let (impact, cost) = (
            call.criteria[0].id.to_string(),
            call.criteria[1].id.to_string(),
        );
        let apps = app.db.applications(id).await.unwrap();
        let app_of = |org: i64| apps.iter().find(|a| a.organisation_id == org).unwrap().id;
        let score_form = |score: &'static str| {
            vec![
                ("criterion", impact.clone()),
                (format!("score_{impact}").leak() as &str, score.to_owned()),
                (
                    format!("reason_{impact}").leak() as &str,
                    format!("Impact is {score}"),
                ),
                ("criterion", cost.clone()),
                (format!("score_{cost}").leak() as &str, score.to_owned()),
                (
                    format!("reason_{cost}").leak() as &str,
                    format!("Cost is {score}"),
                ),
            ]
        };
        let post_scores = |client: &reqwest::Client, org: i64, score: &'static str| {
            let action = format!("{scores}/{}/scores", app_of(org));
            let form = score_form(score);
            let page = page.clone();
            let client = client.clone();
            let app = &app;
            async move {
                let fields: Vec<(&str, &str)> =
                    form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.post(&client, &page, &action, &fields).await
            }
        };
        let response = post_scores(&evaluator_b, c.ngo, "7").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains(&tr.t("refused-call-still-open"))
        );
        app.db
            .move_call_deadline(id, shutaf_store::now() - 1)
            .await
            .unwrap();
        let response = upload(
            &app,
            &ngo,
            &page,
            &applications,
            &[
                ("organisation", &ngo_id),
                ("summary", "Late"),
                ("proposal", "Late"),
            ],
            &[],
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "late is late");

        // Evaluators declare; one is tied to the company and steps aside from it.
        let declare = format!("{page}/declaration");
        let response = post_scores(&evaluator_b, c.ngo, "7").await;
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains(&tr.t("refused-undeclared"))
        );
        assert_eq!(
            app.post(
                &evaluator_a,
                &page,
                &declare,
                &[
                    ("has_interests", "1"),
                    ("tie_org", &company_id),
                    ("tie_relation", "relative"),
                    ("tie_org", &ngo_id),
                    ("tie_relation", ""),
                ]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.post(&evaluator_b, &page, &declare, &[("has_interests", "0")])
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let response = post_scores(&evaluator_a, c.company, "9").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains(&tr.t("refused-recused"))
        );
        assert_eq!(
            post_scores(&evaluator_a, c.ngo, "8").await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            post_scores(&evaluator_b, c.ngo, "6").await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            post_scores(&evaluator_b, c.company, "5").await.status(),
            StatusCode::SEE_OTHER
        );
        let recusals = app
            .db
            .recusals(shutaf_store::integrity::Matter::Call(id))
            .await
            .unwrap();
        assert_eq!(recusals.len(), 1);
        assert_eq!(recusals[0].party.id, c.company);

        // Before the award the public sees neither scores nor proposals; the recusal is public.
        let (_, html) = app.get(&visitor, &page).await;
        assert!(!html.contains("Impact is 8") && !html.contains("Secret pricing"));
        assert!(html.contains(&tr.t("recusals-title")) && html.contains("Solar Ltd"));

        // The convener decides only after declaring, and the award publishes everything.
        let award = format!("{page}/award");
        let ngo_application = app_of(c.ngo).to_string();
        let fields = [
            ("application", ngo_application.as_str()),
            ("award_reasons", "Best on impact"),
        ];
        let response = app.post(&coordinator, &page, &award, &fields).await;
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains(&tr.t("refused-undeclared"))
        );
        assert_eq!(
            app.post(&coordinator, &page, &declare, &[("has_interests", "0")])
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let response = app
            .post(
                &coordinator,
                &page,
                &award,
                &[
                    ("application", ngo_application.as_str()),
                    ("award_reasons", ""),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "reasons are required"
        );
        assert_eq!(
            app.post(&coordinator, &page, &award, &fields)
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let (_, html) = app.get(&visitor, &page).await;
        assert!(
            html.contains("Best on impact")
                && html.contains("Impact is 8")
                && html.contains("Cost is 5")
        );
        assert!(
            !html.contains("Secret pricing"),
            "proposals stay with the convener and evaluators"
        );

        // The award becomes an initiative, with the winner as a partner.
        let response = app
            .post(&coordinator, &page, &format!("{page}/initiative"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let initiative: i64 = location(&response)
            .trim_start_matches("/initiatives/")
            .parse()
            .unwrap();
        let partners = app.db.partners(initiative).await.unwrap();
        assert!(partners.iter().any(|p| p.organisation_id == c.ngo));
        let _ = c.city;

        // The log and the portal show it all to a visitor.
        let (_, html) = app
            .get(
                &visitor,
                &format!("/localities/{}/record?kind=call-awarded", c.locality),
            )
            .await;
        assert!(html.contains(&tr.t("event-call-awarded")) && html.contains("Best on impact"));
        let (_, html) = app
            .get(
                &visitor,
                &format!("/localities/{}/record?kind=recused", c.locality),
            )
            .await;
        assert!(html.contains(&format!("organisation:{}", c.company)));
        let (status, html) = app
            .get(&visitor, &format!("/localities/{}/portal", c.locality))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Community solar"));
        let (status, json) = app
            .get(
                &visitor,
                &format!("/localities/{}/portal/calls.ocds.json", c.locality),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let package: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(package["version"], "1.1");
        let release = &package["releases"][0];
        assert!(
            release["ocid"]
                .as_str()
                .unwrap()
                .starts_with("ocds-shutaf-")
        );
        assert_eq!(
            release["awards"][0]["suppliers"][0]["name"],
            "Green Neighbours"
        );
        // A locality with nothing published has no package (the schema needs a release).
        let empty = app
            .db
            .create_locality(&NewLocality {
                names: [Some("ריק".into()), None, None],
                kind: shutaf_domain::LocalityKind::Municipality,
                convener_organisation_id: c.city,
                description: None,
            })
            .await
            .unwrap()
            .id;
        assert_eq!(
            app.get(
                &visitor,
                &format!("/localities/{empty}/portal/calls.ocds.json")
            )
            .await
            .0,
            StatusCode::NOT_FOUND
        );
    }

    #[tokio::test]
    async fn portal_downloads_neutralise_spreadsheet_formulas() {
        let app = TestApp::spawn().await;
        let c = city(&app).await;
        let csr = app
            .db
            .user_by_email("csr@company.example")
            .await
            .unwrap()
            .unwrap()
            .id;
        let acting = shutaf_store::Acting {
            user_id: csr,
            organisation_id: Some(c.company),
        };
        let (id, _) = app
            .db
            .create_initiative(
                &shutaf_store::NewInitiative {
                    locality_id: c.locality,
                    initiator_organisation_id: c.company,
                    titles: [None, None, Some("=1+1 roofs".into())],
                    problems: [None, None, None],
                    approaches: [None, None, None],
                    model: shutaf_domain::PartnershipModel::JointAgenda,
                    management: shutaf_domain::Management::Joint,
                    goal_ids: vec![],
                    needs: vec![],
                    lead_organisation_id: None,
                },
                acting,
            )
            .await
            .unwrap();
        let visitor = app.client();
        let response = visitor
            .get(app.url(&format!(
                "/localities/{}/portal/initiatives.csv",
                c.locality
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let csv = response.text().await.unwrap();
        assert!(csv.contains("'=1+1 roofs"), "{csv}");
        assert!(csv.contains("'=HYPERLINK"), "{csv}");
        assert!(!csv.contains(",=1+1"));
        let (status, json) = app
            .get(
                &visitor,
                &format!("/localities/{}/portal/initiatives.json", c.locality),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let rows: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(rows[0]["id"], id);
        assert_eq!(
            rows[0]["title_en"], "=1+1 roofs",
            "JSON keeps the data as it is"
        );
        assert_eq!(
            app.get(
                &visitor,
                &format!("/localities/{}/portal/secrets.csv", c.locality)
            )
            .await
            .0,
            StatusCode::NOT_FOUND
        );
        // The portal searches titles.
        let (_, html) = app
            .get(
                &visitor,
                &format!("/localities/{}/portal?q=roofs", c.locality),
            )
            .await;
        assert!(html.contains("=1+1 roofs"));
        let (_, html) = app
            .get(
                &visitor,
                &format!("/localities/{}/portal?q=gardens", c.locality),
            )
            .await;
        assert!(!html.contains("=1+1 roofs"));
        // And filters by stage and by how the business partner was chosen.
        for (query, shown) in [
            ("stage=idea", true),
            ("stage=agreed", false),
            ("chosen=unrecorded", true),
            ("chosen=open-call", false),
            ("chosen=exemption", false),
            ("stage=idea&chosen=unrecorded&q=roofs", true),
        ] {
            let (status, html) = app
                .get(
                    &visitor,
                    &format!("/localities/{}/portal?{query}", c.locality),
                )
                .await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(html.contains("=1+1 roofs"), shown, "{query}");
        }
    }

    #[tokio::test]
    async fn a_donation_through_the_committee_in_the_pages() {
        let app = TestApp::spawn().await;
        let c = city(&app).await;
        let tr = Tr::new(Language::He);
        let coordinator = app.signed_in("coordinator@city.example").await;
        let csr = app.signed_in("csr@company.example").await;
        let visitor = app.client();
        let list = format!("/localities/{}/donations", c.locality);
        let fields = [
            ("donor_name", "Solar Ltd"),
            ("kind", "money"),
            ("value", "12,500"),
            ("purpose", "Trees"),
        ];
        assert_eq!(
            app.post(&csr, &list, &list, &fields).await.status(),
            StatusCode::FORBIDDEN
        );
        let response = app
            .post(
                &coordinator,
                &list,
                &list,
                &[
                    ("donor_name", "Solar Ltd"),
                    ("kind", "money"),
                    ("value", ""),
                    ("purpose", "Trees"),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "money needs a value"
        );
        let response = app.post(&coordinator, &list, &list, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = location(&response);
        let check = [
            ("step", "check"),
            ("check", "No tender conflict"),
            ("recommendation", "decline"),
        ];
        assert_eq!(
            app.post(&coordinator, &page, &page, &check).await.status(),
            StatusCode::SEE_OTHER
        );
        let response = app
            .post(
                &coordinator,
                &page,
                &page,
                &[("step", "decide"), ("decision", "accept"), ("reasons", "")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains(&tr.t("error-departure-reasons"))
        );
        let response = app
            .post(
                &coordinator,
                &page,
                &page,
                &[("step", "report"), ("report", "too early")],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "steps go in order"
        );
        assert_eq!(
            app.post(
                &coordinator,
                &page,
                &page,
                &[
                    ("step", "decide"),
                    ("decision", "accept"),
                    ("reasons", "The trees are needed now")
                ]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.post(
                &coordinator,
                &page,
                &page,
                &[("step", "report"), ("report", "Council, 3 March")]
            )
            .await
            .status(),
            StatusCode::SEE_OTHER
        );
        let (_, html) = app.get(&visitor, &page).await;
        assert!(
            html.contains("The trees are needed now")
                && html.contains("Council, 3 March")
                && html.contains("₪12500.00")
        );
        let (_, html) = app
            .get(
                &visitor,
                &format!("/localities/{}/record?kind=donation-decided", c.locality),
            )
            .await;
        assert!(html.contains("decision:accept"));
    }
}

/// Overload, time limits, an exhausted database pool, and `/metrics`.
mod overload_and_metrics {
    use super::*;
    use shutaf_web::i18n::Tr;
    use std::collections::HashMap;
    use std::time::Duration;
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
        let token = api_token(&app, "slow@example.org", "write").await;

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
        let client = app.client();
        let api = app.url("/api/v1/localities");
        assert_eq!(
            client.get(&api).send().await.unwrap().status(),
            StatusCode::OK
        );
        let mut held = Vec::new();
        for _ in 0..app.db.pool.options().get_max_connections() {
            held.push(app.db.pool.acquire().await.unwrap());
        }
        // Both wait for a connection (ACQUIRE_TIMEOUT), at the same time.
        let started = std::time::Instant::now();
        let (api_response, page_response) = tokio::join!(
            client.get(&api).header("accept-language", "en").send(),
            client
                .get(app.url("/organisations"))
                .header("accept-language", "en")
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
        let ok = "shutaf_http_requests_total{method=\"GET\",route=\"/organisations/{id}\",status=\"2xx\"}";
        let missing = "shutaf_http_requests_total{method=\"GET\",route=\"/organisations/{id}\",status=\"4xx\"}";
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
        assert!(
            first["shutaf_http_request_duration_seconds_sum{route=\"/organisations/{id}\"}"] > 0.0
        );
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
        let token = api_token(&app, "big@example.org", "write").await;
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
        // By default: loopback clients only. A proxy on this machine forwards the client's
        // address, and that decides, with or without behind_proxy.
        let app = TestApp::spawn().await;
        assert_eq!(metrics_status(&app, &[]).await, StatusCode::OK);
        assert_eq!(metrics_status(&app, &[remote]).await, StatusCode::NOT_FOUND);

        let app = TestApp::spawn_with(|c| {
            c.behind_proxy = true;
            c.metrics_token = Some("scrape-token-0123456789".into());
        })
        .await;
        assert_eq!(metrics_status(&app, &[remote]).await, StatusCode::NOT_FOUND);
        // The client cannot claim to be local: every forwarded address counts.
        assert_eq!(
            metrics_status(&app, &[("x-forwarded-for", "127.0.0.1, 203.0.113.9")]).await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            metrics_status(&app, &[("x-forwarded-for", "127.0.0.1")]).await,
            StatusCode::OK
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
}
