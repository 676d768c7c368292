//! The hub in the test's own process, on a random port, with a fresh database and a real SMTP
//! server: started by [`shutaf_web::startup::Application`], exactly as `shutaf serve` starts it.
//! Clients speak real HTTP to it: a browser-like one for pages ([`TestApp::signed_in`],
//! [`TestApp::post`] with the page's CSRF token) and a token-bearing one for the JSON API
//! ([`TestApp::api_token`]). People and organisations are made directly in the store
//! ([`person`], [`Person`], [`organisation`], [`organisation_from`]).

use reqwest::StatusCode;
use reqwest::redirect::Policy;
use shutaf_domain::{Language, OrganisationKind, Sector};
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

/// A hub serving on 127.0.0.1, for one test. It serves until the test's runtime ends, or until
/// [`TestApp::stop`].
pub struct TestApp {
    /// `http://127.0.0.1:<port>`: where it listens, whatever `base_url` it was configured with.
    pub base: String,
    pub db: Db,
    pub smtp: SmtpServer,
    /// The configuration it runs with.
    pub config: Config,
    shutdown: tokio::sync::oneshot::Sender<()>,
    served: tokio::task::JoinHandle<std::io::Result<()>>,
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

    /// Starts a hub on a database the test made (a copy of a prepared world, say: see
    /// [`crate::database::Snapshot`]).
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
        // Requests go to the address bound even when the configuration names another base (an
        // https one, for secure cookies).
        let base = format!("http://{}", hub.address());
        let (shutdown, stop) = tokio::sync::oneshot::channel::<()>();
        let served = tokio::spawn(hub.run_until(async move {
            // Only an explicit stop ends it: a test may let go of its `TestApp` and still use
            // the hub through its clients.
            if stop.await.is_err() {
                std::future::pending::<()>().await;
            }
        }));
        TestApp {
            base,
            db,
            smtp,
            config,
            shutdown,
            served,
        }
    }

    /// Stops the hub (it finishes the requests in flight, for up to ten seconds), its SMTP
    /// server, and closes its database connections: for tests that run many hubs one after the
    /// other. Clients from [`TestApp::bare_client`] let it stop at once; one that keeps
    /// connections alive may hold it up to those ten seconds.
    pub async fn stop(self) {
        let _ = self.shutdown.send(());
        let _ = tokio::time::timeout(std::time::Duration::from_secs(10), self.served).await;
        self.smtp.stop();
        self.db.close().await;
    }

    /// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .expect("an HTTP client")
    }

    /// A browser-like client (cookies kept, redirects not followed) whose requests reach the
    /// hub through a proxy that says they came from `address` (the test plays the proxy: it
    /// appends `X-Forwarded-For`). For hubs spawned with `behind_proxy`.
    pub fn client_from(&self, address: &str) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            address.parse().expect("an address fits a header"),
        );
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .default_headers(headers)
            .build()
            .expect("an HTTP client")
    }

    /// A client that keeps no cookies (the test sends the ones it means), follows no redirects
    /// and keeps no idle connection (so that [`TestApp::stop`] is quick).
    pub fn bare_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(Policy::none())
            .pool_max_idle_per_host(0)
            .build()
            .expect("an HTTP client")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The hub's signed head (`/api/v1/log/head`) once it covers at least `size` entries: the
    /// hub signs a checkpoint when its log has grown, a little after the decision.
    pub async fn signed_head(&self, size: u64) -> serde_json::Value {
        signed_head(&self.base, size).await
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

    /// Submits a form with files the way a browser does: `multipart/form-data`, the CSRF token of
    /// the page it is on as the first field (the hub reads only that part before the check).
    pub async fn upload(
        &self,
        client: &reqwest::Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> reqwest::Response {
        let (_, html) = self.get(client, page).await;
        let token = csrf_token(&html);
        let mut fields = fields.to_vec();
        fields.insert(0, ("csrf_token", &token));
        let (content_type, body) = multipart(&fields, files);
        client
            .post(self.url(action))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("POST answered")
    }

    /// The CSRF token of a first visit to the sign-in page, checked against the cookie that
    /// carries it: for a client that keeps no cookies ([`TestApp::bare_client`]) and sends
    /// `shutaf_csrf=<token>` itself.
    pub async fn csrf_cookie(&self, client: &reqwest::Client) -> String {
        let response = client
            .get(self.url("/signin"))
            .send()
            .await
            .expect("GET answered");
        let cookie = set_cookie(&response, "shutaf_csrf").expect("a CSRF cookie");
        let token = csrf_token(&response.text().await.expect("the sign-in page"));
        assert_eq!(cookie, token, "the page repeats its cookie's token");
        token
    }

    /// Signs `email` (made with [`PASSWORD`]) in through the form with the cookies the test
    /// sends itself (`cookies`: the CSRF cookie of `csrf`, and perhaps a session from before).
    /// Gives the answer: its `Set-Cookie` carries the new session ([`set_cookie`]).
    pub async fn sign_in_with_cookies(
        &self,
        client: &reqwest::Client,
        cookies: &str,
        csrf: &str,
        email: &str,
    ) -> reqwest::Response {
        client
            .post(self.url("/signin"))
            .header("cookie", cookies)
            .form(&[
                ("email", email),
                ("password", PASSWORD),
                ("next", "/profile"),
                ("csrf_token", csrf),
            ])
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

    /// Calls the JSON API (`path` under `/api/v1`) with a bearer token, in English: gives the
    /// status and the body (JSON, or null when there is none).
    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<&serde_json::Value>,
    ) -> (StatusCode, serde_json::Value) {
        let mut request = reqwest::Client::new()
            .request(method, self.url(&format!("/api/v1{path}")))
            .header("accept-language", "en")
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.expect("the API answered");
        let status = response.status();
        let text = response.text().await.expect("a body");
        (status, serde_json::from_str(&text).unwrap_or_default())
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
    Person::new(email).make(db).await
}

/// A person as a test needs them, made directly in the store with [`PASSWORD`]:
/// `Person { language: Some(Language::En), ..Person::new(email) }.make(&db)`.
#[derive(Debug, Clone, Copy)]
pub struct Person<'a> {
    pub email: &'a str,
    /// "Test Person" unless told otherwise.
    pub name: &'a str,
    pub language: Option<Language>,
    pub platform_admin: bool,
    /// Whether their address is confirmed (they can sign in).
    pub verified: bool,
}

/// The hash of [`PASSWORD`], made once: hashing is slow on purpose, and one hash serves every
/// person.
static PASSWORD_HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();

impl<'a> Person<'a> {
    /// A verified person of no preferred language, not a platform administrator.
    pub fn new(email: &'a str) -> Person<'a> {
        Person {
            email,
            name: "Test Person",
            language: None,
            platform_admin: false,
            verified: true,
        }
    }

    /// Makes the person. Gives their id.
    pub async fn make(&self, db: &Db) -> i64 {
        let hash = PASSWORD_HASH
            .get_or_init(|| async {
                shutaf_web::auth::hash_password(PASSWORD.into())
                    .await
                    .expect("hash the test password")
            })
            .await;
        db.create_user(
            self.email,
            self.name,
            hash,
            self.language,
            self.platform_admin,
            self.verified,
        )
        .await
        .expect("create the person")
        .id
    }
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
    organisation_from(db, owner, &org).await
}

/// An organisation as the test describes it (names, contributions, localities, ...), owned by
/// `owner`. Gives its id.
pub async fn organisation_from(db: &Db, owner: i64, new: &NewOrganisation) -> i64 {
    db.create_organisation(new, owner)
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

/// A `multipart/form-data` body as a browser sends it: the text fields, then the files, each
/// in a field named `file`. Gives the content type (with its boundary) and the body.
pub fn multipart<N: AsRef<str>, V: AsRef<str>>(
    fields: &[(N, V)],
    files: &[(&str, &[u8])],
) -> (String, Vec<u8>) {
    let boundary = "shutaf-test-boundary-5c2a9e";
    let mut body = Vec::new();
    for (name, value) in fields {
        let (name, value) = (name.as_ref(), value.as_ref());
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
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

/// The files alone as a `multipart/form-data` body (see [`multipart`]).
pub fn files_only(files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    multipart::<&str, &str>(&[], files)
}

/// The value a response sets for cookie `name` (none when it sets none, or clears it).
pub fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            c.strip_prefix(&prefix)
                .map(|rest| rest.split(';').next().unwrap_or("").to_owned())
        })
        .filter(|value| !value.is_empty())
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

/// The signed head of the hub at `base` once it covers at least `size` entries (waits up to
/// 30 s for the hub's checkpoint signer, then panics).
pub async fn signed_head(base: &str, size: u64) -> serde_json::Value {
    let client = reqwest::Client::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let head: serde_json::Value = client
            .get(format!("{base}/api/v1/log/head"))
            .send()
            .await
            .expect("the head answered")
            .json()
            .await
            .expect("the head is JSON");
        if head["size"].as_u64().is_some_and(|signed| signed >= size) {
            return head;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no checkpoint of {size} entries signed in 30 s: {head}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
