//! The hub in the test's own process, on a random port, with a fresh database and a real SMTP
//! server: started by [`shutaf_web::startup::Application`], exactly as `shutaf serve` starts it.
//! Clients speak real HTTP to it: a browser-like one for pages ([`TestApp::signed_in`],
//! [`TestApp::post`] with the page's CSRF token) and a token-bearing one for the JSON API
//! ([`TestApp::api_token`]).

use reqwest::StatusCode;
use reqwest::redirect::Policy;
use shutaf_domain::{OrganisationKind, Sector};
use shutaf_store::{Db, NewOrganisation};
use shutaf_web::Config;
use shutaf_web::config::SmtpConfig;
use shutaf_web::startup::{Application, Startup};

use crate::database::{fresh_database_url, test_settings};
use crate::smtp::SmtpServer;

/// The password of every person a test makes with [`TestApp::person`].
pub const PASSWORD: &str = "a good long passphrase";

/// The rate-limit secret of test hubs.
pub const TEST_SECRET: &str = "test-secret-0123456789abcdef0123456789";

/// The log key of test hubs (a fixed seed: tests can check signatures).
pub fn test_log_key() -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(&[7; 32])
}

/// A hub serving on 127.0.0.1, for one test.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    pub db: Db,
    pub smtp: SmtpServer,
    /// The configuration it runs with.
    pub config: Config,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {}).await
    }

    /// Starts a hub whose configuration `adjust` changes first (limits, proxies, ...).
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let url = fresh_database_url().await;
        let db = Db::connect(&url, &test_settings())
            .await
            .expect("connect to the test database");
        TestApp::spawn_on(db, url, adjust).await
    }

    /// Starts a hub on a database the test made (a copy of a prepared world, say).
    pub async fn spawn_on(
        db: Db,
        database_url: String,
        adjust: impl FnOnce(&mut Config),
    ) -> TestApp {
        let smtp = SmtpServer::start().await;
        let mut config = Config {
            listen: "127.0.0.1:0".into(),
            // The address bound, once known.
            base_url: String::new(),
            database_url,
            smtp: Some(SmtpConfig {
                host: "127.0.0.1".into(),
                port: smtp.port,
                username: None,
                password: None,
            }),
            ..Config::default()
        };
        adjust(&mut config);
        let hub = Application::build(Startup {
            config,
            db: db.clone(),
            secret: TEST_SECRET.into(),
            log_key: test_log_key(),
        })
        .await
        .expect("start the hub");
        let config = hub.state().config.clone();
        let base = config.base().to_owned();
        tokio::spawn(hub.run_until(std::future::pending()));
        TestApp {
            base,
            db,
            smtp,
            config,
        }
    }

    /// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .expect("an HTTP client")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, client: &reqwest::Client, path: &str) -> (StatusCode, String) {
        let response = client
            .get(self.url(path))
            .send()
            .await
            .expect("GET answered");
        let status = response.status();
        (status, response.text().await.expect("a body"))
    }

    /// Submits a form the way a browser does: with the CSRF token of the page it is on.
    pub async fn post(
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
            .expect("POST answered")
    }

    /// A verified person, made directly in the store, with [`PASSWORD`]. Gives their id.
    pub async fn person(&self, email: &str) -> i64 {
        person(&self.db, email).await
    }

    /// A client signed in as `email` (made with [`TestApp::person`]) through the sign-in form.
    pub async fn signed_in(&self, email: &str) -> reqwest::Client {
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

    /// An organisation (Hebrew and English name alike) owned by `owner`. Gives its id.
    pub async fn organisation(
        &self,
        owner: i64,
        name: &str,
        sector: Sector,
        kind: OrganisationKind,
    ) -> i64 {
        organisation(&self.db, owner, name, sector, kind).await
    }

    /// A personal API token of `email` (`read` or `write`), made as a person makes one: on the
    /// profile page, where it is shown once.
    pub async fn api_token(&self, email: &str, scope: &str) -> String {
        let client = self.signed_in(email).await;
        let response = self
            .post(
                &client,
                "/profile/tokens",
                "/profile/tokens",
                &[("name", "script"), ("scope", scope)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.expect("the tokens page");
        let start = html.find("shutaf_").expect("the new token is shown once");
        html[start..start + 7 + 64].to_owned()
    }
}

/// A verified person, made directly in the store, with [`PASSWORD`]. Gives their id.
pub async fn person(db: &Db, email: &str) -> i64 {
    let hash = shutaf_web::auth::hash_password(PASSWORD.into())
        .await
        .expect("hash the test password");
    db.create_user(email, "Test Person", &hash, None, false, true)
        .await
        .expect("create the person")
        .id
}

/// An organisation (Hebrew and English name alike) owned by `owner`. Gives its id.
pub async fn organisation(
    db: &Db,
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
    db.create_organisation(&org, owner)
        .await
        .expect("create the organisation")
        .id
}

/// The CSRF token a page carries (in its `csrf-token` meta element).
pub fn csrf_token(html: &str) -> String {
    let marker = "<meta name=\"csrf-token\" content=\"";
    let start = html
        .find(marker)
        .map(|i| i + marker.len())
        .expect("the page has a CSRF token");
    html[start..start + 64].to_owned()
}

/// Where a redirect points (empty when it is none).
pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}
