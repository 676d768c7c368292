//! Browser tests: the real `shutaf` binary, driven through Chromium with WebDriver.
//!
//! Each test starts its own hub (`shutaf serve --no-demo` as a child process, on a fresh database
//! of the backend `SHUTAF_TEST_BACKEND` chooses), its own SMTP server (the testkit's, so the hub's
//! real mail client delivers over TCP) and its own chromedriver and headless Chromium. Every page
//! the tests visit is checked with axe-core for WCAG 2.1 A and AA; any violation fails the test.
//! When a step fails, a screenshot and the page source are saved to
//! `test-artifacts/<test>-<step>.png` and `.html` at the root of the workspace; the hub's log is
//! kept there as `<test>-server.log`, with one screenshot per language of the directory, and of
//! the seed story's initiative page (whole) and dashboard. With `SHUTAF_BROWSER_SCREENSHOTS=1`,
//! every page checked is saved too, whole (`<test>-pageNN-<step>`).

use std::fmt::Display;
use std::future::Future;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::{CmdError, ErrorStatus};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use shutaf_domain::{ContributionType, Language, LocalityKind, OrganisationKind, Sector};
use shutaf_store::{Db, DbSettings, NewLocality, NewOrganisation};
use shutaf_testkit::database::fresh_database_url;
use shutaf_testkit::{ReceivedMail, SmtpServer};
use shutaf_web::i18n::Tr;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long to wait for an element, a page or a process to be ready.
const WAIT: Duration = Duration::from_secs(15);
const AXE_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn workspace() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn artifacts_dir() -> PathBuf {
    workspace().join("test-artifacts")
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

/// Percent-encodes a query value.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A directory that is removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!(
            "shutaf-browser-{label}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path).expect("create a temporary directory");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The hub, running as a child process; killed when dropped.
struct Hub {
    child: Child,
    base: String,
    database_url: String,
    log: PathBuf,
    dir: TempDir,
}

impl Hub {
    async fn start(test: &str, smtp: &SmtpServer) -> Hub {
        let database_url = fresh_database_url().await;
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let dir = TempDir::new("hub");
        std::fs::create_dir_all(artifacts_dir()).expect("create test-artifacts/");
        let log = artifacts_dir().join(format!("{test}-server.log"));
        let out = std::fs::File::create(&log).expect("create the server log");
        let err = out.try_clone().expect("clone the server log");
        let child = Command::new(env!("CARGO_BIN_EXE_shutaf"))
            .args(["serve", "--no-demo"])
            .current_dir(&dir.0)
            .env("SHUTAF_LISTEN", format!("127.0.0.1:{port}"))
            .env("SHUTAF_BASE_URL", &base)
            .env("SHUTAF_DATABASE_URL", &database_url)
            .env("SHUTAF_SMTP_HOST", "127.0.0.1")
            .env("SHUTAF_SMTP_PORT", smtp.port.to_string())
            .env_remove("SHUTAF_CONFIG")
            .env_remove("SHUTAF_DEFAULT_LANGUAGE")
            .env_remove("SHUTAF_BEHIND_PROXY")
            .env_remove("SHUTAF_SECRET_KEY")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .expect("start the shutaf binary");
        let mut hub = Hub {
            child,
            base,
            database_url,
            log,
            dir,
        };
        hub.wait_until_healthy().await;
        hub
    }

    async fn wait_until_healthy(&mut self) {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("HTTP client");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "the hub exited ({status}) before answering; its log is {}:\n{}",
                    self.log.display(),
                    self.log_text()
                );
            }
            let health = http.get(format!("{}/healthz", self.base)).send().await;
            if health.is_ok_and(|r| r.status() == reqwest::StatusCode::OK) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "the hub did not answer /healthz with 200 within a minute; its log is {}:\n{}",
                    self.log.display(),
                    self.log_text()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Runs another command of the binary against the hub's database.
    fn command(&self, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_shutaf"));
        command
            .args(args)
            .current_dir(&self.dir.0)
            .env("SHUTAF_DATABASE_URL", &self.database_url)
            .env_remove("SHUTAF_CONFIG");
        for (name, value) in env {
            command.env(name, value);
        }
        command.output().expect("run the shutaf binary")
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// chromedriver and the Chromium it starts; killed when dropped.
struct Driver {
    child: Child,
    _profile: TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // chromedriver runs in its own process group, with the browser it started: end them all.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Inner {
    client: Client,
    test: &'static str,
    base: String,
    step: Mutex<String>,
    saved: AtomicBool,
    /// Pages checked so far, to number screenshots when SHUTAF_BROWSER_SCREENSHOTS is set.
    pages: AtomicU64,
    axe_source: String,
    _driver: Driver,
}

/// A browser session for one test, with helpers that save artifacts before failing.
#[derive(Clone)]
struct Browser(Arc<Inner>);

impl Deref for Browser {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl Browser {
    async fn start(test: &'static str, base: &str) -> Browser {
        for (path, what) in [(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")] {
            if !Path::new(path).exists() {
                panic!(
                    "{path} is missing: the browser tests need Debian's {what}; run scripts/test, which installs it"
                );
            }
        }
        let axe_path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../node_modules/axe-core/axe.min.js"
        );
        let axe_source = std::fs::read_to_string(axe_path).unwrap_or_else(|e| {
            panic!(
                "cannot read {axe_path} ({e}): run `npm ci` at the workspace root, or scripts/test"
            )
        });

        let profile = TempDir::new("chromium");
        let port = free_port();
        let mut command = Command::new(CHROMEDRIVER);
        command
            .arg(format!("--port={port}"))
            .arg(format!(
                "--log-path={}",
                profile.0.join("chromedriver.log").display()
            ))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            command.process_group(0);
        }
        let child = command.spawn().unwrap_or_else(|e| {
            panic!("cannot start {CHROMEDRIVER} ({e}); run scripts/test, which installs it")
        });
        let user_data = profile.0.join("profile");
        let mut driver = Driver {
            child,
            _profile: profile,
        };

        let webdriver = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("HTTP client");
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!(
                    "chromedriver exited ({status}) on start; run scripts/test, which installs chromium-driver"
                );
            }
            if http
                .get(format!("{webdriver}/status"))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                break;
            }
            if Instant::now() > deadline {
                panic!("chromedriver did not answer on port {port}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        let args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--window-size=1280,1000".into(),
            format!("--user-data-dir={}", user_data.display()),
        ];
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": CHROMIUM, "args": args, "prefs": { "intl.accept_languages": "he" } }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&webdriver)
            .await
            .unwrap_or_else(|e| panic!("cannot start a Chromium session through chromedriver ({e}); run scripts/test to install them"));
        Browser(Arc::new(Inner {
            client,
            test,
            base: base.to_owned(),
            step: Mutex::new("start".into()),
            saved: AtomicBool::new(false),
            pages: AtomicU64::new(0),
            axe_source,
            _driver: driver,
        }))
    }

    /// Names the current step, for artifacts and messages.
    fn step(&self, name: &str) {
        eprintln!("[{}] {name}", self.test);
        *self.step.lock().unwrap() = name.to_owned();
    }

    fn step_name(&self) -> String {
        self.step.lock().unwrap().clone()
    }

    /// Saves a screenshot and the page source as `test-artifacts/<test>-<name>.{png,html}`.
    async fn save_as(&self, name: &str) {
        let dir = artifacts_dir();
        let _ = std::fs::create_dir_all(&dir);
        let base = dir.join(format!("{}-{name}", self.test));
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(base.with_extension("png"), png);
        }
        if let Ok(html) = self.client.source().await {
            let _ = std::fs::write(base.with_extension("html"), html);
        }
        eprintln!("[{}] saved {}.png and .html", self.test, base.display());
    }

    /// Saves the whole page, not only the window, as `save_as` does: the window grows to the
    /// page's height for the screenshot, then returns to its size.
    async fn save_whole_page(&self, name: &str) {
        let size = self.client.get_window_size().await;
        let (width, height) = self.ok(size, "reading the window's size").await;
        // The window is taller than the page's viewport by the browser's own bars.
        let script = "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight;";
        let page = self.client.execute(script, vec![]).await;
        let page = self.ok(page, "measuring the page").await.as_u64();
        let tall = page.unwrap_or(height).clamp(height, 10_000);
        let resized = self.client.set_window_size(width as u32, tall as u32).await;
        self.ok(resized, "growing the window").await;
        self.save_as(name).await;
        let restored = self
            .client
            .set_window_size(width as u32, height as u32)
            .await;
        self.ok(restored, "restoring the window").await;
    }

    /// Saves the artifacts of the failing step (once).
    async fn save_failure(&self) {
        if !self.saved.swap(true, Ordering::SeqCst) {
            self.save_as(&self.step_name()).await;
        }
    }

    /// Saves the artifacts and panics; `match b.fail(..).await {}` has any type.
    async fn fail(&self, message: impl Display) -> std::convert::Infallible {
        self.save_failure().await;
        let url = self
            .client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default();
        panic!(
            "[{} / {}] {message} (at {url})",
            self.test,
            self.step_name()
        );
    }

    async fn check(&self, condition: bool, what: impl Display) {
        if !condition {
            match self.fail(format!("check failed: {what}")).await {}
        }
    }

    async fn ok<T, E: Display>(&self, result: Result<T, E>, what: impl Display) -> T {
        match result {
            Ok(value) => value,
            Err(e) => match self.fail(format!("{what}: {e}")).await {},
        }
    }

    /// Opens a path of the hub, then checks the page with axe.
    async fn goto(&self, path: &str) {
        let url = if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        };
        let result = self.client.goto(&url).await;
        self.ok(result, format!("opening {url}")).await;
        self.wait_for_load().await;
        self.axe().await;
    }

    /// Clicks something that leads to another page (a link or a submit button), waits for the
    /// new page and checks it with axe.
    async fn navigate(&self, css: &str) {
        let element = self.visible(css).await;
        let marked = self
            .client
            .execute("window.__shutafOld = true; return true;", vec![])
            .await;
        self.ok(marked, "marking the page").await;
        let clicked = element.click().await;
        self.ok(clicked, format!("clicking {css}")).await;
        let deadline = Instant::now() + WAIT;
        loop {
            let fresh = self
                .client
                .execute(
                    "return window.__shutafOld !== true && document.readyState === 'complete';",
                    vec![],
                )
                .await;
            if matches!(fresh, Ok(Value::Bool(true))) {
                break;
            }
            if Instant::now() > deadline {
                match self
                    .fail(format!("clicking {css} did not lead to a new page"))
                    .await {}
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.axe().await;
    }

    async fn wait_for_load(&self) {
        let deadline = Instant::now() + WAIT;
        while !matches!(
            self.client
                .execute("return document.readyState === 'complete';", vec![])
                .await,
            Ok(Value::Bool(true))
        ) {
            if Instant::now() > deadline {
                match self.fail("the page did not finish loading").await {}
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until a script returns true.
    async fn wait_until(&self, script: &str, args: Vec<Value>, what: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            if matches!(
                self.client.execute(script, args.clone()).await,
                Ok(Value::Bool(true))
            ) {
                return;
            }
            if Instant::now() > deadline {
                match self.fail(format!("timed out waiting until {what}")).await {}
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn find(&self, css: &str) -> Element {
        let found = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await;
        self.ok(found, format!("waiting for {css}")).await
    }

    async fn exists(&self, css: &str) -> bool {
        match self.client.find(Locator::Css(css)).await {
            Ok(_) => true,
            Err(CmdError::Standard(e)) if e.error == ErrorStatus::NoSuchElement => false,
            Err(e) => match self.fail(format!("looking for {css}: {e}")).await {},
        }
    }

    async fn count(&self, css: &str) -> usize {
        let all = self.client.find_all(Locator::Css(css)).await;
        self.ok(all, format!("looking for {css}")).await.len()
    }

    async fn texts(&self, css: &str) -> Vec<String> {
        let all = self.client.find_all(Locator::Css(css)).await;
        let mut texts = Vec::new();
        for element in self.ok(all, format!("looking for {css}")).await {
            let text = element.text().await;
            texts.push(
                self.ok(text, format!("reading the text of {css}"))
                    .await
                    .trim()
                    .to_owned(),
            );
        }
        texts
    }

    async fn text(&self, css: &str) -> String {
        let text = self.find(css).await.text().await;
        self.ok(text, format!("reading the text of {css}"))
            .await
            .trim()
            .to_owned()
    }

    async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let value = self.find(css).await.attr(name).await;
        self.ok(value, format!("reading {name} of {css}")).await
    }

    async fn value(&self, css: &str) -> String {
        let value = self.find(css).await.prop("value").await;
        self.ok(value, format!("reading the value of {css}"))
            .await
            .unwrap_or_default()
    }

    async fn is_checked(&self, css: &str) -> bool {
        let selected = self.find(css).await.is_selected().await;
        self.ok(selected, format!("reading whether {css} is checked"))
            .await
    }

    async fn fill(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        let cleared = element.clear().await;
        self.ok(cleared, format!("clearing {css}")).await;
        let typed = element.send_keys(text).await;
        self.ok(typed, format!("typing into {css}")).await;
        let value = self.value(css).await;
        self.check(
            value == text,
            format!("{css} holds what was typed ({value:?} != {text:?})"),
        )
        .await;
    }

    /// Finds an element and scrolls it to the middle of the window at once: the stylesheet asks
    /// for smooth scrolling, and chromedriver would click before the scroll ends.
    async fn visible(&self, css: &str) -> Element {
        let element = self.find(css).await;
        let script = "arguments[0].scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' }); return true;";
        let scrolled = self.client.execute(script, vec![json!(element)]).await;
        self.ok(scrolled, format!("scrolling to {css}")).await;
        element
    }

    async fn click(&self, css: &str) {
        let clicked = self.visible(css).await.click().await;
        self.ok(clicked, format!("clicking {css}")).await;
    }

    async fn select(&self, css: &str, value: &str) {
        let selected = self.visible(css).await.select_by_value(value).await;
        self.ok(selected, format!("choosing {value:?} in {css}"))
            .await;
    }

    /// The path and query of the current page.
    async fn here(&self) -> String {
        let url = self.client.current_url().await;
        let url = self.ok(url, "reading the URL").await;
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    async fn expect_path(&self, expected: &str) {
        let here = self.here().await;
        let path = here.split('?').next().unwrap_or_default().to_owned();
        self.check(
            path == expected,
            format!("the page is {expected} (it is {here})"),
        )
        .await;
    }

    /// The id at the end of a path like `/organisations/12`.
    async fn id_in_path(&self, prefix: &str) -> i64 {
        let here = self.here().await;
        let id = here.strip_prefix(prefix).and_then(|rest| rest.parse().ok());
        match id {
            Some(id) => id,
            None => match self
                .fail(format!("expected a page {prefix}<id>, not {here}"))
                .await {},
        }
    }

    async fn expect_language(&self, lang: &str, dir: &str) {
        let (got_lang, got_dir) = (
            self.attr("html", "lang").await,
            self.attr("html", "dir").await,
        );
        self.check(
            got_lang.as_deref() == Some(lang) && got_dir.as_deref() == Some(dir),
            format!("<html lang={lang:?} dir={dir:?}> (got lang={got_lang:?} dir={got_dir:?})"),
        )
        .await;
    }

    /// Checks that an error message is shown just above its field.
    async fn expect_error_above(&self, error: &str, field: &str) {
        let error_box = self.find(error).await.rectangle().await;
        let error_box = self.ok(error_box, format!("measuring {error}")).await;
        let field_box = self.find(field).await.rectangle().await;
        let field_box = self.ok(field_box, format!("measuring {field}")).await;
        let gap = field_box.1 - (error_box.1 + error_box.3);
        self.check(
            (0.0..60.0).contains(&gap),
            format!("{error} is shown just above {field} (gap {gap}px)"),
        )
        .await;
    }

    /// Checks the page against WCAG 2.1 A and AA with axe-core; any violation fails the test.
    async fn axe(&self) {
        let loaded = self
            .client
            .execute("return typeof window.axe !== 'undefined';", vec![])
            .await;
        if !matches!(loaded, Ok(Value::Bool(true))) {
            let injected = self.client.execute(&self.axe_source, vec![]).await;
            self.ok(injected, "injecting axe-core").await;
        }
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
              .then(results => done({ violations: results.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({ target: n.target, html: n.html, summary: n.failureSummary })),
              })) }))
              .catch(error => done({ error: String(error) }));
        "#;
        let result = self
            .client
            .execute_async(script, vec![json!(AXE_TAGS)])
            .await;
        let result = self.ok(result, "running axe-core").await;
        if let Some(error) = result.get("error") {
            match self.fail(format!("axe-core failed: {error}")).await {}
        }
        let violations = result
            .get("violations")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if violations.is_empty() {
            if std::env::var_os("SHUTAF_BROWSER_SCREENSHOTS").is_some() {
                let n = self.pages.fetch_add(1, Ordering::Relaxed);
                self.save_whole_page(&format!("page{n:02}-{}", self.step_name()))
                    .await;
            }
            return;
        }
        let mut report = format!(
            "{} accessibility violation(s) on {}:\n",
            violations.len(),
            self.here().await
        );
        for v in &violations {
            let field = |name: &str| {
                v.get(name)
                    .and_then(Value::as_str)
                    .unwrap_or("?")
                    .to_owned()
            };
            report.push_str(&format!(
                "- {} ({}): {} <{}>\n",
                field("id"),
                field("impact"),
                field("help"),
                field("helpUrl")
            ));
            for node in v
                .get("nodes")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                report.push_str(&format!(
                    "    at {}\n      {}\n      {}\n",
                    node.get("target").map(Value::to_string).unwrap_or_default(),
                    node.get("html").and_then(Value::as_str).unwrap_or(""),
                    node.get("summary")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .replace('\n', "\n      "),
                ));
            }
        }
        match self.fail(report).await {}
    }

    /// Ends the WebDriver session (Chromium quits); chromedriver is killed on drop.
    async fn quit(&self) {
        let _ = self.client.clone().close().await;
    }
}

/// Runs a test's steps; a panic anywhere (an assertion, a mail that never came) first saves the
/// screenshot and page source of the step it happened in.
async fn run(hub: &Hub, browser: &Browser, steps: impl Future<Output = ()> + Send + 'static) {
    let outcome = tokio::spawn(steps).await;
    if let Err(error) = outcome {
        browser.save_failure().await;
        browser.quit().await;
        let log = hub.log_text();
        let tail: Vec<&str> = log.lines().rev().take(15).collect();
        eprintln!(
            "[{}] the last lines of the hub's log ({}):\n{}",
            browser.test,
            hub.log.display(),
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        );
        match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(error) => panic!("the test's steps did not finish: {error}"),
        }
    }
    browser.quit().await;
}

/// The link in a mail that starts with `prefix`. It must stand alone: an invisible direction mark
/// glued to it (as Fluent's bidi isolation would add) becomes part of the URL in mail clients.
fn link_in(mail: &ReceivedMail, prefix: &str) -> String {
    let link = mail
        .link(prefix)
        .unwrap_or_else(|| panic!("no link {prefix} in the mail:\n{}", mail.body()));
    let marks = |c: char| matches!(c, '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}');
    assert!(
        !link.contains(marks),
        "the link in the mail carries invisible direction marks: {link:?}"
    );
    link
}

/// Signs up through the form, confirms the address through the mailed link and signs in.
async fn sign_up_and_in(b: &Browser, smtp: &SmtpServer, name: &str, email: &str, password: &str) {
    b.fill("#f-display_name", name).await;
    b.fill("#f-email", email).await;
    b.fill("#f-password", password).await;
    b.fill("#f-password_confirm", password).await;
    b.navigate("form[action='/signup'] button[type=submit]")
        .await;
    b.check(
        !b.exists("form[action='/signup']").await,
        "the sign-up form is gone after a valid sign-up",
    )
    .await;
    b.check(
        b.text("main").await.contains(email),
        format!("the page says where the mail went ({email})"),
    )
    .await;

    b.step("verify-email");
    let mail = smtp.wait_for(email, "/verify-email").await;
    let link = link_in(&mail, &format!("{}/verify-email", b.base));
    b.goto(&link).await;
    b.expect_path("/signin").await;
    b.find("main .notice-success[role=status]").await;

    b.step("sign-in");
    sign_in(b, email, password).await;
    let shown = b.text(".user-menu a[href='/profile']").await;
    b.check(
        shown == name,
        format!("the header shows the person's name ({shown:?})"),
    )
    .await;
}

/// Fills and sends the sign-in form of the current page.
async fn sign_in(b: &Browser, email: &str, password: &str) {
    b.fill("#f-email", email).await;
    b.fill("#f-password", password).await;
    b.navigate("form[action='/signin'] button[type=submit]")
        .await;
    b.check(
        b.exists(".user-menu form[action='/signout']").await,
        "signed in (a sign-out button is shown)",
    )
    .await;
}

/// The text of the labels of some checkboxes on the current form, to find them again elsewhere
/// whatever the language.
async fn labels(b: &Browser, ids: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for id in ids {
        out.push(b.text(&format!("label[for='{id}']")).await);
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_signs_up_creates_an_organisation_and_invites_a_member() {
    let started = Instant::now();
    let smtp = SmtpServer::start().await;
    let hub = Hub::start("signup", &smtp).await;
    let b = Browser::start("signup", &hub.base).await;
    run(&hub, &b, signup_steps(b.clone(), smtp)).await;
    eprintln!("[signup] passed in {:.1?}", started.elapsed());
}

async fn signup_steps(b: Browser, smtp: SmtpServer) {
    let base = b.base.clone();
    let (noa, noa_email, noa_password) =
        ("נועה כהן", "noa@example.org", "sunlight over the galilee");
    let (omar, omar_email, omar_password) =
        ("عمر خليل", "omar@example.org", "olive trees and solar");

    b.step("home");
    b.goto("/").await;
    b.expect_language("he", "rtl").await;
    b.check(
        !b.exists(".site-nav a[href='/admin']").await,
        "no admin link for a visitor",
    )
    .await;

    b.step("signup-mismatch");
    b.navigate(".user-menu a[href='/signup']").await;
    b.expect_path("/signup").await;
    b.fill("#f-display_name", noa).await;
    b.fill("#f-email", noa_email).await;
    b.fill("#f-password", noa_password).await;
    b.fill("#f-password_confirm", "sunlight over the negev")
        .await;
    b.navigate("form[action='/signup'] button[type=submit]")
        .await;
    b.find("main .notice-error[role=alert]").await;
    b.find(".field.has-error #e-password_confirm").await;
    let input = "#f-password_confirm";
    b.check(
        b.attr(input, "aria-invalid").await.as_deref() == Some("true"),
        "the confirmation is marked invalid",
    )
    .await;
    b.check(
        b.attr(input, "aria-describedby").await.as_deref() == Some("e-password_confirm"),
        "the confirmation is described by its error",
    )
    .await;
    b.expect_error_above("#e-password_confirm", input).await;
    b.check(
        !b.text("#e-password_confirm").await.is_empty(),
        "the error says something",
    )
    .await;
    b.check(
        b.value("#f-email").await == noa_email,
        "the typed email is kept",
    )
    .await;
    b.check(
        b.value("#f-display_name").await == noa,
        "the typed name is kept",
    )
    .await;
    b.check(
        b.value("#f-password").await.is_empty(),
        "the password is not sent back",
    )
    .await;

    b.step("signup");
    sign_up_and_in(&b, &smtp, noa, noa_email, noa_password).await;
    b.expect_path("/").await;
    b.check(
        !b.exists(".site-nav a[href='/admin']").await,
        "no admin link for an ordinary person",
    )
    .await;

    b.step("choose-sector");
    b.navigate("main a[href='/organisations/new']").await;
    b.expect_path("/organisations/new").await;
    b.navigate("main a[href='/organisations/new?sector=business']")
        .await;

    b.step("organisation-form");
    b.check(
        b.is_checked("#sector-business").await,
        "the business sector is chosen",
    )
    .await;
    for code in ["budget", "prestige", "connections"] {
        b.check(
            b.is_checked(&format!("#c-{code}")).await,
            format!("#c-{code} is pre-checked for a business"),
        )
        .await;
    }
    b.check(
        !b.is_checked("#c-knowledge").await,
        "#c-knowledge is not pre-checked for a business",
    )
    .await;
    b.check(
        !b.is_checked("#c-authority").await,
        "#c-authority is not pre-checked for a business",
    )
    .await;
    let contribution_labels = labels(&b, &["c-budget", "c-prestige", "c-knowledge"]).await;
    b.fill("#f-name_he", "סולאר הגליל").await;
    b.fill("#f-name_en", "Galilee Solar").await;
    b.select("#f-kind", "company").await;
    b.click("#c-knowledge").await;
    b.check(
        b.is_checked("#c-knowledge").await,
        "#c-knowledge is now checked",
    )
    .await;
    b.navigate("form[action='/organisations'] button[type=submit]")
        .await;

    b.step("organisation-page");
    let org = b.id_in_path("/organisations/").await;
    b.check(
        b.text("h1").await == "סולאר הגליל",
        "the page is titled with the Hebrew name",
    )
    .await;
    b.check(
        b.text("bdi[lang=en]").await == "Galilee Solar",
        "the English name is shown",
    )
    .await;
    b.check(
        b.attr("bdi[lang=en]", "lang").await.as_deref() == Some("en"),
        "the English name is marked as English, isolated from the surrounding direction",
    )
    .await;
    let shown = b.texts("main h2 + ul.tag-list li").await;
    for label in &contribution_labels {
        b.check(
            shown.contains(label),
            format!("the contribution {label:?} is listed ({shown:?})"),
        )
        .await;
    }
    b.check(
        shown.len() == 6,
        format!("the five business defaults and knowledge are listed: {shown:?}"),
    )
    .await;

    b.step("members");
    b.navigate(&format!("main a[href='/organisations/{org}/members']"))
        .await;
    b.expect_path(&format!("/organisations/{org}/members"))
        .await;
    b.check(
        b.texts("table.data tbody td:nth-child(2) bdi").await == [noa_email],
        "the creator is the only member",
    )
    .await;
    b.fill("#f-email", omar_email).await;
    b.check(
        b.value("#f-role").await == "member",
        "a new invitation is for a member by default",
    )
    .await;
    b.select("#f-role", "member").await;
    b.navigate(&format!(
        "form[action='/organisations/{org}/members'] button[type=submit]"
    ))
    .await;
    b.expect_path(&format!("/organisations/{org}/members"))
        .await;
    b.find("main .notice-success[role=status]").await;
    let pending = b.texts("main ul li bdi").await;
    b.check(
        pending.iter().any(|e| e == omar_email),
        format!("the invitation is pending ({pending:?})"),
    )
    .await;
    let invitation = smtp.wait_for(omar_email, "/invitations/").await;
    let invitation_link = link_in(&invitation, &format!("{base}/invitations/"));
    b.check(
        invitation_link.len() > format!("{base}/invitations/").len() + 16,
        "the invitation link carries a token",
    )
    .await;

    b.step("directory-search");
    for query in ["בסולאר", "והסולאר", "סוֹלָאר", "בגליל"] {
        b.goto(&format!("/organisations?q={}", encode(query))).await;
        b.check(
            b.value("#f-q").await == query,
            format!("the search field keeps {query:?}"),
        )
        .await;
        b.check(
            b.exists(&format!("#results a[href='/organisations/{org}']"))
                .await,
            format!("searching {query:?} finds the organisation"),
        )
        .await;
    }
    b.goto(&format!("/organisations?q={}", encode("גשם"))).await;
    b.check(
        b.count("#results li.card").await == 0,
        "an unrelated word finds nothing",
    )
    .await;

    b.step("directory-live-search");
    b.goto("/organisations").await;
    b.fill("#f-q", "לסולאר").await;
    b.wait_until(
        "return location.search.includes('q=') && document.querySelectorAll('#results li.card').length === 1;",
        vec![],
        "the results update in place as one types",
    )
    .await;
    b.axe().await;
    b.fill("#f-q", "גשם").await;
    b.wait_until(
        "return document.querySelectorAll('#results li.card').length === 0;",
        vec![],
        "the results empty as one types",
    )
    .await;
    b.axe().await;
    b.goto(&format!("/organisations?q={}", encode("בסולאר")))
        .await;
    b.save_as("directory-he").await;

    for (lang, dir) in [("ar", "rtl"), ("en", "ltr")] {
        b.step(&format!("language-{lang}"));
        b.navigate(&format!("nav.lang-switch a[hreflang='{lang}']"))
            .await;
        b.expect_language(lang, dir).await;
        b.expect_path("/organisations").await;
        b.check(
            b.attr(
                &format!("nav.lang-switch a[hreflang='{lang}']"),
                "aria-current",
            )
            .await
            .as_deref()
                == Some("true"),
            "the switcher marks the current language",
        )
        .await;
        b.check(
            b.exists(&format!("#results a[href='/organisations/{org}']"))
                .await,
            "the search is kept across the switch",
        )
        .await;
        b.save_as(&format!("directory-{lang}")).await;
        b.goto(&format!("/organisations/{org}")).await;
        b.expect_language(lang, dir).await;
        let title = b.text("h1").await;
        let expected = if lang == "en" {
            "Galilee Solar"
        } else {
            "סולאר הגליל"
        };
        b.check(
            title == expected,
            format!("the name in {lang} falls back sensibly ({title:?})"),
        )
        .await;
        b.navigate(&format!("main a[href='/organisations/{org}/members']"))
            .await;
        b.expect_language(lang, dir).await;
        b.navigate(".user-menu a[href='/profile']").await;
        b.expect_language(lang, dir).await;
        b.check(
            b.value("#f-preferred_language").await == lang,
            "switching language saves it as the preference",
        )
        .await;
        b.check(
            b.exists(&format!("main a[href='/organisations/{org}']"))
                .await,
            "the profile lists the organisation",
        )
        .await;
        b.goto(&format!("/organisations?q={}", encode("בסולאר")))
            .await;
        b.expect_language(lang, dir).await;
    }

    b.step("back-to-hebrew");
    b.navigate("nav.lang-switch a[hreflang='he']").await;
    b.expect_language("he", "rtl").await;

    b.step("sign-out");
    b.navigate(".user-menu form[action='/signout'] button[type=submit]")
        .await;
    b.expect_path("/").await;
    b.check(b.exists(".user-menu a[href='/signin']").await, "signed out")
        .await;

    b.step("invitation-anonymous");
    b.goto(&invitation_link).await;
    b.expect_language("he", "rtl").await;
    b.check(
        b.text("main .lead").await.contains("סולאר הגליל"),
        "the invitation names the organisation",
    )
    .await;
    b.check(
        !b.exists("main form[action^='/invitations/']").await,
        "no accept button before signing in",
    )
    .await;
    b.navigate("main .actions a[href^='/signup?next=']").await;

    b.step("invitee-signup");
    sign_up_and_in(&b, &smtp, omar, omar_email, omar_password).await;

    b.step("invitation-accept");
    // Sign-up, the confirmation link and sign-in carried the invitation along: back on it.
    let invitation_path = format!(
        "/invitations/{}",
        invitation_link.rsplit('/').next().unwrap_or_default()
    );
    b.expect_path(&invitation_path).await;
    b.navigate("main form[action^='/invitations/'] button[type=submit]")
        .await;
    b.expect_path(&format!("/organisations/{org}")).await;
    b.find("main .notice-success[role=status]").await;
    b.check(
        !b.exists(&format!("main a[href='/organisations/{org}/edit']"))
            .await,
        "a member cannot edit the organisation",
    )
    .await;

    b.step("members-after");
    b.navigate(&format!("main a[href='/organisations/{org}/members']"))
        .await;
    let members = b.texts("table.data tbody td:nth-child(2) bdi").await;
    b.check(
        members.iter().any(|e| e == omar_email) && members.iter().any(|e| e == noa_email),
        format!("both people are members ({members:?})"),
    )
    .await;
    b.check(!b.exists("#f-email").await, "a member cannot invite")
        .await;
    b.check(
        b.count("table.data select").await == 0,
        "a member cannot change roles",
    )
    .await;

    b.step("invitation-used");
    b.goto(&invitation_link).await;
    b.find("main .notice-error[role=alert]").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_creates_a_locality_and_an_organisation_joins_it() {
    let started = Instant::now();
    let smtp = SmtpServer::start().await;
    let hub = Hub::start("admin", &smtp).await;
    let password = "a long admin password";
    let output = hub.command(
        &[
            "admin",
            "create",
            "--email",
            "admin@example.org",
            "--name",
            "Admin",
        ],
        &[("SHUTAF_ADMIN_PASSWORD", password)],
    );
    assert!(
        output.status.success(),
        "admin create failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let b = Browser::start("admin", &hub.base).await;
    run(&hub, &b, admin_steps(b.clone(), password.to_owned())).await;
    eprintln!("[admin] passed in {:.1?}", started.elapsed());
}

async fn admin_steps(b: Browser, password: String) {
    b.step("home");
    b.goto("/").await;
    b.expect_language("he", "rtl").await;
    b.check(
        !b.exists(".site-nav a[href='/admin']").await,
        "no admin link for a visitor",
    )
    .await;

    b.step("sign-in");
    b.navigate(".user-menu a[href='/signin']").await;
    sign_in(&b, "admin@example.org", &password).await;
    b.check(
        b.exists(".site-nav a[href='/admin']").await,
        "the admin link is shown to an administrator",
    )
    .await;

    b.step("convener");
    b.goto("/organisations/new?sector=public").await;
    b.check(
        b.is_checked("#sector-public").await,
        "the public sector is chosen",
    )
    .await;
    b.check(
        b.is_checked("#c-authority").await,
        "#c-authority is pre-checked for a public body",
    )
    .await;
    b.fill("#f-name_he", "עיריית כרמיאל").await;
    b.fill("#f-name_ar", "بلدية كرميئيل").await;
    b.fill("#f-name_en", "Karmiel Municipality").await;
    b.select("#f-kind", "municipality").await;
    b.navigate("form[action='/organisations'] button[type=submit]")
        .await;
    let municipality = b.id_in_path("/organisations/").await;
    b.check(
        b.text("h1").await == "עיריית כרמיאל",
        "the municipality is created",
    )
    .await;

    b.step("admin-invalid");
    b.navigate(".site-nav a[href='/admin']").await;
    b.expect_path("/admin").await;
    b.check(
        b.attr(".site-nav a[href='/admin']", "aria-current")
            .await
            .as_deref()
            == Some("page"),
        "the nav marks the admin page",
    )
    .await;
    b.check(
        b.exists(&format!("#f-convener option[value='{municipality}']"))
            .await,
        "the municipality may convene",
    )
    .await;
    b.fill("#f-name_he", "כרמיאל").await;
    b.fill("#f-name_ar", "كرميئيل").await;
    b.fill("#f-name_en", "Karmiel").await;
    b.select("#f-kind", "municipality").await;
    b.navigate("form[action='/admin/localities'] button[type=submit]")
        .await;
    b.expect_path("/admin/localities").await;
    b.find("main .notice-error[role=alert]").await;
    b.find(".field.has-error #e-convener").await;
    b.check(
        b.value("#f-name_he").await == "כרמיאל",
        "the typed names are kept",
    )
    .await;
    b.check(
        b.value("#f-kind").await == "municipality",
        "the chosen kind is kept",
    )
    .await;

    b.step("admin-locality");
    b.select("#f-convener", &municipality.to_string()).await;
    b.navigate("form[action='/admin/localities'] button[type=submit]")
        .await;
    let locality = b.id_in_path("/localities/").await;
    b.find("main .notice-success[role=status]").await;
    b.check(
        b.text("h1").await == "כרמיאל",
        "the locality page has the Hebrew name",
    )
    .await;
    let convener = b
        .text(&format!(
            "main dl.facts a[href='/organisations/{municipality}']"
        ))
        .await;
    b.check(
        convener == "עיריית כרמיאל",
        format!("the locality shows its convener ({convener:?})"),
    )
    .await;
    let count_link = format!("main dl.facts a[href='/organisations?locality={locality}']");
    let count_before = b.text(&count_link).await;

    b.step("localities");
    b.navigate(".site-nav a[href='/localities']").await;
    b.check(
        b.exists(&format!("main a[href='/localities/{locality}']"))
            .await,
        "the locality is listed",
    )
    .await;
    b.goto(&format!("/organisations?locality={locality}")).await;
    b.check(
        b.count("#results li.card").await == 1,
        "only the convener works in the new locality",
    )
    .await;
    let heading = b.text("#results-heading").await;
    b.check(
        heading == count_before,
        format!("the locality's count is the directory's ({heading:?} vs {count_before:?})"),
    )
    .await;

    b.step("convener-works-there");
    b.goto(&format!("/organisations/{municipality}")).await;
    b.check(
        b.count(&format!("main a[href='/localities/{locality}']"))
            .await
            == 2,
        "the convener works in the locality it convenes (listed under both)",
    )
    .await;
    b.navigate(&format!(
        "main a[href='/organisations/{municipality}/edit']"
    ))
    .await;
    b.check(
        b.value("#f-name_he").await == "עיריית כרמיאל",
        "the edit form holds the names",
    )
    .await;
    b.check(
        b.is_checked("#sector-public").await,
        "the edit form holds the sector",
    )
    .await;
    b.check(
        b.is_checked(&format!("#l-{locality}")).await,
        "the convener's locality is ticked",
    )
    .await;

    b.step("new-ngo");
    b.goto("/organisations/new").await;
    b.navigate("main a[href='/organisations/new?sector=third']")
        .await;
    b.check(
        b.is_checked("#sector-third").await,
        "the third sector is chosen",
    )
    .await;
    b.check(
        b.is_checked("#c-community-trust").await,
        "#c-community-trust is pre-checked for an NGO",
    )
    .await;
    b.check(
        !b.is_checked(&format!("#l-{locality}")).await,
        "no locality is ticked for a new organisation",
    )
    .await;
    b.fill("#f-name_he", "ירוק בגליל").await;
    b.select("#f-kind", "ngo").await;
    b.navigate("form[action='/organisations'] button[type=submit]")
        .await;
    let ngo = b.id_in_path("/organisations/").await;
    b.check(
        b.count(&format!("main a[href='/localities/{locality}']"))
            .await
            == 0,
        "the NGO works nowhere yet",
    )
    .await;

    b.step("edit-ngo");
    b.navigate(&format!("main a[href='/organisations/{ngo}/edit']"))
        .await;
    b.check(
        b.value("#f-name_he").await == "ירוק בגליל",
        "the edit form holds the name",
    )
    .await;
    b.check(
        b.value("#f-kind").await == "ngo",
        "the edit form holds the kind",
    )
    .await;
    b.check(
        !b.is_checked(&format!("#l-{locality}")).await,
        "the locality is not ticked yet",
    )
    .await;
    b.click(&format!("#l-{locality}")).await;
    b.navigate(&format!(
        "form[action='/organisations/{ngo}/edit'] button[type=submit]"
    ))
    .await;
    b.expect_path(&format!("/organisations/{ngo}")).await;
    b.find("main .notice-success[role=status]").await;
    let place = b
        .text(&format!("main dl.facts a[href='/localities/{locality}']"))
        .await;
    b.check(
        place == "כרמיאל",
        format!("the NGO now works in the locality ({place:?})"),
    )
    .await;

    b.step("locality-count");
    b.goto(&format!("/localities/{locality}")).await;
    let count_after = b.text(&count_link).await;
    b.check(
        count_after != count_before,
        format!("the count changed ({count_before:?} -> {count_after:?})"),
    )
    .await;
    b.navigate(&count_link).await;

    b.step("directory-locality");
    b.expect_path("/organisations").await;
    b.check(
        b.here().await.contains(&format!("locality={locality}")),
        "the directory is filtered by the locality",
    )
    .await;
    b.check(
        b.value("#f-locality").await == locality.to_string(),
        "the filter shows the locality",
    )
    .await;
    let heading = b.text("#results-heading").await;
    b.check(
        heading == count_after,
        format!("the locality's count is the directory's ({heading:?} vs {count_after:?})"),
    )
    .await;
    b.check(
        b.count("#results li.card").await == 2,
        "two organisations work in the locality",
    )
    .await;
    for id in [municipality, ngo] {
        b.check(
            b.exists(&format!("#results a[href='/organisations/{id}']"))
                .await,
            format!("organisation {id} is listed"),
        )
        .await;
    }

    b.step("directory-live-filter");
    b.select("#f-sector", "third").await;
    b.wait_until(
        "return location.search.includes('sector=third') && document.querySelectorAll('#results li.card').length === 1;",
        vec![],
        "the sector filter updates the results in place",
    )
    .await;
    b.check(
        b.exists(&format!("#results a[href='/organisations/{ngo}']"))
            .await,
        "the NGO remains",
    )
    .await;
    b.axe().await;
    b.save_as("directory-he").await;
}

// The seed's story: a city, a company and an NGO partner up through the lifecycle's gates.

/// Hebrew, as the pages speak it to these tests.
const HE: Tr = Tr { lang: Language::He };

/// The Hebrew of `key`, which must exist (a missing key would show as itself on both sides).
fn he(key: &str) -> String {
    let text = HE.t(key);
    assert_ne!(text, key, "no Hebrew message {key}");
    text
}

/// Arabic, as the pages speak it to these tests.
const AR: Tr = Tr { lang: Language::Ar };

/// The Arabic of `key`, which must exist in Arabic (not only through the Hebrew fallback).
fn ar(key: &str) -> String {
    let text = AR.t(key);
    assert!(text != key && text != HE.t(key), "no Arabic message {key}");
    text
}

/// A person of the story: created verified in the database, signs in through the pages.
struct Person {
    name: &'static str,
    email: &'static str,
    password: &'static str,
}

/// The city's sustainability coordinator (an owner of the convener).
const COORDINATOR: Person = Person {
    name: "מיכל אברהם",
    email: "coordinator@karmiel.example",
    password: "the city plans a budget year ahead",
};
/// The company's CSR manager (an owner of the company).
const CSR: Person = Person {
    name: "דניאל לוי",
    email: "csr@solar.example",
    password: "results within a quarter please",
};
/// The NGO's director (an owner of the NGO).
const NGO: Person = Person {
    name: "סלמה חורי",
    email: "ngo@green.example",
    password: "the trust of the community",
};

const CITY_NAME: &str = "עיריית כרמיאל";
const COMPANY_NAME: &str = "סולאר הגליל";
const NGO_NAME: &str = "ירוק בגליל";

/// The locality and the three organisations of the story, created directly in the hub's
/// database (the pages that create them are covered by the tests above).
#[derive(Clone, Copy)]
struct Story {
    locality: i64,
    city: i64,
    company: i64,
    ngo: i64,
}

/// A connection to the hub's database, behind its back (one connection: the hub has the rest).
async fn hub_db(database_url: &str) -> Db {
    let settings = DbSettings {
        max_connections: 1,
        ..DbSettings::default()
    };
    Db::connect(database_url, &settings)
        .await
        .expect("connect to the hub's database")
}

/// Creates a person, verified and speaking Hebrew, directly in the database; gives their id.
async fn create_person(db: &Db, person: &Person) -> i64 {
    let hash = shutaf_web::auth::hash_password(person.password.to_owned())
        .await
        .expect("hash a password");
    db.create_user(
        person.email,
        person.name,
        &hash,
        Some(Language::He),
        false,
        true,
    )
    .await
    .expect("create a person")
    .id
}

impl Story {
    async fn create(hub: &Hub) -> Story {
        let db = hub_db(&hub.database_url).await;
        let mut users = Vec::new();
        for person in [&COORDINATOR, &CSR, &NGO] {
            users.push(create_person(&db, person).await);
        }
        let organisation =
            |name_he: &str, name_en: &str, sector, kind, locality: Option<i64>| NewOrganisation {
                names: [Some(name_he.to_owned()), None, Some(name_en.to_owned())],
                sector: Some(sector),
                kind: Some(kind),
                contributions: ContributionType::sector_defaults(sector).to_vec(),
                locality_ids: locality.into_iter().collect(),
                ..NewOrganisation::default()
            };
        let city = db
            .create_organisation(
                &organisation(
                    CITY_NAME,
                    "Karmiel Municipality",
                    Sector::Public,
                    OrganisationKind::Municipality,
                    None,
                ),
                users[0],
            )
            .await
            .expect("create the city")
            .id;
        let locality = db
            .create_locality(&NewLocality {
                names: [Some("כרמיאל".into()), None, Some("Karmiel".into())],
                kind: LocalityKind::Municipality,
                convener_organisation_id: city,
                description: None,
            })
            .await
            .expect("create the locality")
            .id;
        let company = db
            .create_organisation(
                &organisation(
                    COMPANY_NAME,
                    "Galilee Solar",
                    Sector::Business,
                    OrganisationKind::Company,
                    Some(locality),
                ),
                users[1],
            )
            .await
            .expect("create the company")
            .id;
        let ngo = db
            .create_organisation(
                &organisation(
                    NGO_NAME,
                    "Green Galilee",
                    Sector::Third,
                    OrganisationKind::Ngo,
                    Some(locality),
                ),
                users[2],
            )
            .await
            .expect("create the NGO")
            .id;
        db.close().await;
        Story {
            locality,
            city,
            company,
            ngo,
        }
    }
}

/// Signs out whoever is signed in, and signs `person` in through the sign-in page, which leads
/// on to `next`.
async fn sign_in_as(b: &Browser, person: &Person, next: &str) {
    if b.exists(".user-menu form[action='/signout']").await {
        b.navigate(".user-menu form[action='/signout'] button[type=submit]")
            .await;
    }
    b.goto(&format!("/signin?next={}", encode(next))).await;
    sign_in(b, person.email, person.password).await;
    b.expect_path(next.split('?').next().unwrap_or(next)).await;
    b.expect_language("he", "rtl").await;
    let shown = b.text(".user-menu a[href='/profile']").await;
    b.check(
        shown == person.name,
        format!("{} is signed in ({shown:?})", person.name),
    )
    .await;
}

/// The message of the page's success notice is `key`'s.
async fn expect_flash(b: &Browser, key: &str) {
    expect_flash_text(b, key, &he(key)).await;
}

/// The page's success notice says `text`, the message of `key` in the page's language.
async fn expect_flash_text(b: &Browser, key: &str, text: &str) {
    let shown = b.text("main .notice-success[role=status]").await;
    b.check(shown == text, format!("the notice says {key} ({shown:?})"))
        .await;
}

/// The problem shown at the top of the page (a refusal or a form error).
async fn problem(b: &Browser) -> String {
    b.text("main .notice-error[role=alert]").await
}

/// The initiative's page shows it at `stage`.
async fn expect_stage(b: &Browser, stage: &str) {
    let shown = b.text("main .badge-stage").await;
    b.check(
        shown == he(&format!("stage-{stage}")),
        format!("the initiative is at stage {stage} ({shown:?})"),
    )
    .await;
}

/// The stages the initiative's page offers the reader as next steps.
async fn offered_steps(b: &Browser) -> Vec<String> {
    let script =
        "return Array.from(document.querySelectorAll('ul.steps input[name=to]'), i => i.value);";
    let listed = b.client.execute(script, vec![]).await;
    let listed = b.ok(listed, "listing the steps offered").await;
    listed
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// The button of the step to `to`.
fn step_button(id: i64, to: &str) -> String {
    format!(
        "form[action='/initiatives/{id}/stage']:has(input[name=to][value='{to}']) button[type=submit]"
    )
}

/// The gates still unmet on the way to `to`, as listed under its button: (gate, remedy) texts.
async fn unmet_gates(b: &Browser, id: i64, to: &str) -> Vec<String> {
    b.texts(&format!(
        "form[action='/initiatives/{id}/stage']:has(input[name=to][value='{to}']) ul.gates li"
    ))
    .await
}

/// How a gate is listed: its explanation, then its remedy.
fn gate_text(gate: &str) -> String {
    format!(
        "{} {}",
        he(&format!("gate-{gate}")),
        he(&format!("gate-{gate}-remedy"))
    )
}

/// A partner's card on the initiative's page.
fn card(organisation: i64) -> String {
    format!("main article.card:has(h3 a[href='/organisations/{organisation}'])")
}

/// The partner's status line in its card starts with the status's name.
async fn expect_partner_status(b: &Browser, organisation: i64, status: &str) {
    let shown = b.text(&format!("{} p.meta", card(organisation))).await;
    b.check(
        shown.starts_with(&he(&format!("partner-status-{status}"))),
        format!("organisation {organisation} is {status} ({shown:?})"),
    )
    .await;
}

/// The button that asks to join for, invites or accepts an organisation (who sees which).
fn partner_button(id: i64, organisation: i64) -> String {
    format!(
        "form[action='/initiatives/{id}/partners']:has(input[name=organisation][value='{organisation}']) button[type=submit]"
    )
}

/// What a partner writes about its part, and the contribution it commits.
struct Part {
    role: &'static str,
    interests: &'static str,
    contribution: &'static str,
    description: &'static str,
    cash: &'static str,
}

/// A partner describes its role and commits a contribution, through the forms of its card.
async fn describe_and_commit(b: &Browser, id: i64, organisation: i64, part: &Part) {
    let org = organisation;
    b.click(&format!("details:has(#role-{org}) > summary"))
        .await;
    b.fill(&format!("#role-{org}"), part.role).await;
    b.fill(&format!("#interests-{org}"), part.interests).await;
    b.navigate(&format!(
        "form[action='/initiatives/{id}/partners/{org}'] button[type=submit]"
    ))
    .await;
    b.expect_path(&format!("/initiatives/{id}")).await;
    expect_flash(b, "flash-saved").await;
    let shown = b.texts(&format!("{} > p", card(org))).await;
    b.check(
        shown
            .iter()
            .any(|p| p == &format!("{} {}", he("field-partner-role"), part.role)),
        format!("the card shows the role ({shown:?})"),
    )
    .await;

    b.click(&format!("details:has(#contribution-{org}) > summary"))
        .await;
    b.select(&format!("#contribution-{org}"), part.contribution)
        .await;
    b.fill(&format!("#description-{org}"), part.description)
        .await;
    if !part.cash.is_empty() {
        b.fill(&format!("#cash-{org}"), part.cash).await;
    }
    b.navigate(&format!(
        "form[action='/initiatives/{id}/partners/{org}/contributions'] button[type=submit]"
    ))
    .await;
    b.expect_path(&format!("/initiatives/{id}")).await;
    expect_flash(b, "flash-saved").await;
    let committed = b.texts(&format!("{} > ul > li", card(org))).await;
    let label = he(&format!("contribution-{}", part.contribution));
    b.check(
        committed
            .iter()
            .any(|c| c.starts_with(&format!("{label}: {}", part.description))),
        format!("the card lists the contribution ({committed:?})"),
    )
    .await;
}

/// The SDG labels shown for codes 7 and 7.2, in Hebrew.
fn sdg_labels() -> Vec<String> {
    vec![
        format!(
            "SDG 7: {}",
            shutaf_domain::sdg::goal_short(7, Language::He).unwrap_or_default()
        ),
        format!(
            "7.2: {}",
            shutaf_domain::sdg::target_title("7.2", Language::He).unwrap_or_default()
        ),
    ]
}

/// Proposes an initiative through the form on the current page (the locality already chosen),
/// and returns its id.
async fn propose(b: &Browser, title: &str, needs: &[&str]) -> i64 {
    b.fill("#f-title_he", title).await;
    b.fill(
        "#f-problem_he",
        "בתי הספר בעיר משלמים הרבה על חשמל, והגגות שלהם עומדים ריקים.",
    )
    .await;
    b.fill(
        "#f-approach_he",
        "החברה מתקינה מערכות סולאריות על גגות בתי הספר, והעמותה מלווה את הקהילה.",
    )
    .await;
    b.click("#model-joint-agenda").await;
    b.check(
        b.is_checked("#management-joint").await,
        "joint management is chosen by default",
    )
    .await;
    for need in needs {
        b.click(&format!("#need-{need}")).await;
    }
    b.navigate("form[action='/initiatives'] > button[type=submit]")
        .await;
    let id = b.id_in_path("/initiatives/").await;
    b.check(
        b.text("h1").await == title,
        "the page is titled with the initiative",
    )
    .await;
    expect_stage(b, "idea").await;
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_seed_story_in_hebrew() {
    let started = Instant::now();
    let smtp = SmtpServer::start().await;
    let hub = Hub::start("story", &smtp).await;
    let story = Story::create(&hub).await;
    let b = Browser::start("story", &hub.base).await;
    run(&hub, &b, story_steps(b.clone(), smtp, story)).await;
    eprintln!("[story] passed in {:.1?}", started.elapsed());
}

async fn story_steps(b: Browser, smtp: SmtpServer, s: Story) {
    const GOAL: &str = "גג סולארי על כל מבנה ציבור";
    const TITLE: &str = "גגות סולאריים לבתי הספר";
    const VISION: &str = "כל בית ספר בכרמיאל מייצר חשמל נקי, והקהילה שותפה לכך.";
    const OBJECTIVES_1: &str = "עשרה גגות סולאריים עד סוף 2027.";
    const OBJECTIVES_2: &str =
        "עשרה גגות סולאריים עד סוף 2027, ותוכנית לימודים על אנרגיה בכל בית ספר.";
    let (loc, company, city, ngo) = (s.locality, s.company, s.city, s.ngo);

    b.step("goal-invalid");
    sign_in_as(&b, &COORDINATOR, &format!("/localities/{loc}")).await;
    b.check(
        b.text("main p.empty").await == he("locality-no-goals"),
        "the city has no goals yet",
    )
    .await;
    b.navigate(&format!("main a[href='/localities/{loc}/goals/new']"))
        .await;
    b.fill("#f-title_he", GOAL).await;
    b.fill("#f-department", "הנדסה").await;
    b.fill("#f-work_plan_year", "2027").await;
    b.fill("#f-budget_line", "1-7400-930").await;
    b.fill("#f-sdg_codes", "7, 7.99").await;
    b.navigate(&format!(
        "form[action='/localities/{loc}/goals'] button[type=submit]"
    ))
    .await;
    b.expect_path(&format!("/localities/{loc}/goals")).await;
    b.check(
        problem(&b).await == he("form-has-errors"),
        "the page says the form has errors",
    )
    .await;
    b.find(".field.has-error #e-sdg_codes").await;
    b.check(
        b.text("#e-sdg_codes").await == he("error-sdg-unknown-target"),
        "the error says 7.99 is no target",
    )
    .await;
    b.expect_error_above("#e-sdg_codes", "#f-sdg_codes").await;
    b.check(
        b.attr("#f-sdg_codes", "aria-invalid").await.as_deref() == Some("true"),
        "the codes are marked invalid",
    )
    .await;
    let described = b
        .attr("#f-sdg_codes", "aria-describedby")
        .await
        .unwrap_or_default();
    b.check(
        described.split(' ').any(|id| id == "e-sdg_codes"),
        format!("the codes are described by their error ({described:?})"),
    )
    .await;
    b.check(
        b.value("#f-sdg_codes").await == "7, 7.99",
        "the typed codes are kept",
    )
    .await;
    b.check(b.value("#f-title_he").await == GOAL, "the title is kept")
        .await;

    b.step("goal");
    b.fill("#f-sdg_codes", "7, 7.2").await;
    b.navigate(&format!(
        "form[action='/localities/{loc}/goals'] button[type=submit]"
    ))
    .await;
    b.expect_path(&format!("/localities/{loc}")).await;
    expect_flash(&b, "flash-saved").await;
    let edit = b
        .attr("main table.data a[href^='/goals/']", "href")
        .await
        .unwrap_or_default();
    let goal: i64 = edit
        .trim_start_matches("/goals/")
        .trim_end_matches("/edit")
        .parse()
        .unwrap_or_default();
    b.check(goal > 0, format!("the goal has an edit link ({edit:?})"))
        .await;
    b.check(
        b.text("main table.data tbody td:first-child")
            .await
            .starts_with(GOAL),
        "the goal is listed",
    )
    .await;
    let labels = b.texts("main table.data tbody td:nth-child(2) li").await;
    b.check(
        labels == sdg_labels(),
        format!("the goal shows its SDG goal and target ({labels:?})"),
    )
    .await;

    b.step("propose-form");
    sign_in_as(&b, &CSR, "/initiatives/new").await;
    b.check(
        b.value("#f-initiator").await == company.to_string(),
        "the company proposes",
    )
    .await;
    b.check(
        !b.exists(&format!("#goal-{goal}")).await,
        "no goals before a locality is chosen",
    )
    .await;
    b.fill("#f-title_he", TITLE).await;
    b.select("#f-locality", &loc.to_string()).await;
    b.navigate("form[action='/initiatives'] button[name=refresh]")
        .await;
    b.check(
        b.text(&format!("label[for='goal-{goal}']")).await == GOAL,
        "the city's goals are shown for the chosen locality",
    )
    .await;
    b.check(
        b.value("#f-title_he").await == TITLE,
        "the typed title is kept",
    )
    .await;
    b.check(
        !b.is_checked(&format!("#goal-{goal}")).await,
        "the goal is not linked",
    )
    .await;

    b.step("propose");
    let id = propose(&b, TITLE, &["budget", "community-trust", "authority"]).await;
    let page = format!("/initiatives/{id}");
    let needs = b.texts("main dl.facts li.uncovered").await;
    b.check(
        needs.len() == 3,
        format!("the three needs are listed, uncovered ({needs:?})"),
    )
    .await;

    b.step("company-cannot-convene");
    let offered = offered_steps(&b).await;
    b.check(
        offered == ["withdrawn"],
        format!("the company may only withdraw its idea ({offered:?})"),
    )
    .await;
    b.check(
        !b.exists(&format!("form[action='{page}/engage']")).await,
        "the company cannot engage as the convener",
    )
    .await;
    let waiting = b
        .text("section[aria-labelledby=steps-heading] .notice[role=note]")
        .await;
    b.check(
        waiting == gate_text("convene-early"),
        format!("the page explains that the city must come in first ({waiting:?})"),
    )
    .await;

    b.step("convener-mail");
    let mail = smtp.wait_for(COORDINATOR.email, &page).await;
    let link = link_in(&mail, &format!("{}{page}", b.base));
    b.check(
        link == format!("{}{page}", b.base),
        format!("the mail links to the initiative ({link})"),
    )
    .await;
    b.check(mail.body().contains(TITLE), "the mail names the initiative")
        .await;

    b.step("engage");
    sign_in_as(&b, &COORDINATOR, &page).await;
    b.goto(&link).await;
    let engage = format!("form[action='{page}/engage'] button[type=submit]");
    b.check(
        b.text(&engage).await == he("initiative-engage"),
        "the coordinator is offered to engage",
    )
    .await;
    b.navigate(&engage).await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-engaged").await;
    expect_stage(&b, "convened").await;
    b.check(!b.exists(&engage).await, "engaged once").await;

    b.step("scoping");
    sign_in_as(&b, &CSR, &page).await;
    let offered = offered_steps(&b).await;
    b.check(
        offered == ["scoping", "withdrawn"],
        format!("the company may now start scoping ({offered:?})"),
    )
    .await;
    b.navigate(&step_button(id, "scoping")).await;
    expect_flash(&b, "flash-stage-changed").await;
    expect_stage(&b, "scoping").await;

    b.step("building-without-goal");
    let gates = unmet_gates(&b, id, "building").await;
    b.check(
        gates == [gate_text("fit-agenda")],
        format!("building waits for a goal of the city ({gates:?})"),
    )
    .await;
    b.navigate(&step_button(id, "building")).await;
    let refused = problem(&b).await;
    b.check(
        refused.starts_with(&he("refused-gates-unmet"))
            && refused.contains(&he("gate-fit-agenda"))
            && refused.contains(&he("gate-fit-agenda-remedy")),
        format!("the refusal names the fit-agenda gate and its remedy ({refused:?})"),
    )
    .await;
    expect_stage(&b, "scoping").await;

    b.step("link-goal");
    b.navigate(&format!("main a[href='{page}/edit']")).await;
    b.check(
        b.value("#f-title_he").await == TITLE,
        "the edit form holds the title",
    )
    .await;
    for need in ["budget", "community-trust", "authority"] {
        b.check(
            b.is_checked(&format!("#need-{need}")).await,
            format!("the edit form holds the need {need}"),
        )
        .await;
    }
    b.click(&format!("#goal-{goal}")).await;
    b.navigate(&format!("form[action='{page}/edit'] > button[type=submit]"))
        .await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-saved").await;
    let labels = b
        .texts("main dl.facts ul.tag-list:not(:has(.meta)) li")
        .await;
    b.check(
        labels == sdg_labels(),
        format!("the linked goal shows its SDG codes ({labels:?})"),
    )
    .await;

    b.step("building");
    b.check(
        unmet_gates(&b, id, "building").await.is_empty(),
        "nothing stands in the way of building",
    )
    .await;
    b.navigate(&step_button(id, "building")).await;
    expect_stage(&b, "building").await;

    b.step("ngo-asks");
    sign_in_as(&b, &NGO, &page).await;
    b.check(
        b.text("section[aria-labelledby=steps-heading] p.empty")
            .await
            == he("steps-none"),
        "no steps for an organisation outside the partnership",
    )
    .await;
    let ask = partner_button(id, ngo);
    b.check(
        b.text(&ask).await == HE.args("partner-ask-to-join", &[("organisation", NGO_NAME)]),
        "the NGO may ask to join",
    )
    .await;
    b.navigate(&ask).await;
    expect_flash(&b, "flash-saved").await;
    expect_partner_status(&b, ngo, "requested").await;

    b.step("company-accepts");
    sign_in_as(&b, &CSR, &page).await;
    b.navigate(&partner_button(id, ngo)).await;
    expect_flash(&b, "flash-saved").await;
    expect_partner_status(&b, ngo, "active").await;

    b.step("company-invites-city");
    b.fill("#f-organisation", &city.to_string()).await;
    b.navigate("form:has(#f-organisation) button[type=submit]")
        .await;
    expect_flash(&b, "flash-saved").await;
    expect_partner_status(&b, city, "invited").await;

    b.step("cash-invalid");
    // "12.500" (a dot for thousands) is not read as twelve and a half shekels: refused, and
    // shown next to the field with what was typed.
    b.click(&format!("details:has(#contribution-{company}) > summary"))
        .await;
    b.select(&format!("#contribution-{company}"), "budget")
        .await;
    b.fill(&format!("#description-{company}"), "מימון ההתקנה")
        .await;
    b.fill(&format!("#cash-{company}"), "12.500").await;
    b.navigate(&format!(
        "form[action='{page}/partners/{company}/contributions'] button[type=submit]"
    ))
    .await;
    b.check(
        problem(&b).await == he("form-has-errors"),
        "the page says the form has errors",
    )
    .await;
    let error = format!("#e-cash-{company}");
    let cash = format!("#cash-{company}");
    b.check(
        b.text(&error).await == he("error-amount"),
        "the amount is refused, in view",
    )
    .await;
    b.expect_error_above(&error, &cash).await;
    b.check(
        b.attr(&cash, "aria-invalid").await.as_deref() == Some("true")
            && b.attr(&cash, "aria-describedby").await == Some(error[1..].to_owned()),
        "the amount is marked invalid and described by its error",
    )
    .await;
    b.check(
        b.value(&cash).await == "12.500"
            && b.value(&format!("#description-{company}")).await == "מימון ההתקנה"
            && b.value(&format!("#contribution-{company}")).await == "budget",
        "what was typed is kept",
    )
    .await;

    b.step("company-commits");
    describe_and_commit(
        &b,
        id,
        company,
        &Part {
            role: "מממנת ומתקינה את המערכות הסולאריות",
            interests: "חיסכון באנרגיה ומוניטין בקהילה",
            contribution: "budget",
            description: "מימון ההתקנה בבית הספר הראשון",
            cash: "12,500",
        },
    )
    .await;
    let committed = b
        .text(&format!("{} > ul > li bdi[dir=ltr]", card(company)))
        .await;
    b.check(
        committed == "₪12,500",
        format!("the cash is shown in shekels ({committed:?})"),
    )
    .await;

    b.step("city-accepts");
    sign_in_as(&b, &COORDINATOR, &page).await;
    let join = partner_button(id, city);
    b.check(
        b.text(&join).await == HE.args("partner-ask-to-join", &[("organisation", CITY_NAME)]),
        "the coordinator may answer the invitation for the city",
    )
    .await;
    b.navigate(&join).await;
    expect_flash(&b, "flash-saved").await;
    expect_partner_status(&b, city, "active").await;

    b.step("city-commits");
    describe_and_commit(
        &b,
        id,
        city,
        &Part {
            role: "מובילה את האישורים ומתאמת עם בתי הספר",
            interests: "הפחתת פליטות לפי תוכנית הקיימות",
            contribution: "authority",
            description: "היתרים וגישה לגגות בתי הספר",
            cash: "",
        },
    )
    .await;

    b.step("agreed-gates");
    let gates = unmet_gates(&b, id, "agreed").await;
    let expected: Vec<String> = ["fit-budget", "keep-roles", "shared-vision", "integrity"]
        .iter()
        .map(|g| gate_text(g))
        .collect();
    b.check(
        gates == expected,
        format!(
            "agreeing waits for the budget, the NGO's role, the charter and integrity ({gates:?})"
        ),
    )
    .await;
    b.navigate(&step_button(id, "agreed")).await;
    let refused = problem(&b).await;
    for gate in ["fit-budget", "keep-roles", "shared-vision", "integrity"] {
        b.check(
            refused.contains(&he(&format!("gate-{gate}"))),
            format!("the refusal names the {gate} gate ({refused:?})"),
        )
        .await;
    }
    expect_stage(&b, "building").await;

    b.step("work-plan-undeclared");
    b.click("#wp-placed").await;
    b.fill("#f-work_plan_item", "אנרגיה מתחדשת במבני ציבור")
        .await;
    b.navigate(&format!(
        "form[action='{page}/work-plan'] button[type=submit]"
    ))
    .await;
    let refused = problem(&b).await;
    b.check(
        refused == he("refused-undeclared"),
        format!("the convener decides only after declaring ({refused:?})"),
    )
    .await;

    b.step("city-declares");
    b.goto(&page).await;
    b.check(b.is_checked("#decl-none").await, "no interests by default")
        .await;
    b.navigate(&format!(
        "form[action='{page}/declaration'] button[type=submit]"
    ))
    .await;
    expect_flash(&b, "flash-declared").await;

    b.step("work-plan");
    b.click("#wp-placed").await;
    b.fill("#f-work_plan_item", "אנרגיה מתחדשת במבני ציבור")
        .await;
    b.fill("#f-budget_line", "1-7400-930").await;
    b.navigate(&format!(
        "form[action='{page}/work-plan'] button[type=submit]"
    ))
    .await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-saved").await;

    b.step("exemption-without-text");
    b.select("#f-exemption", "no-municipal-money").await;
    b.navigate(&format!(
        "form[action='{page}/integrity'] button[type=submit]"
    ))
    .await;
    b.find(".has-error #f-exemption_text").await;
    b.check(
        b.text(".has-error:has(#f-exemption_text) .field-error")
            .await
            == he("error-required"),
        "the explanation of the exemption is required",
    )
    .await;

    b.step("exemption");
    b.select("#f-exemption", "no-municipal-money").await;
    b.fill(
        "#f-exemption_text",
        "העירייה אינה משלמת דבר: החברה מממנת, והעירייה נותנת היתרים בלבד.",
    )
    .await;
    b.navigate(&format!(
        "form[action='{page}/integrity'] button[type=submit]"
    ))
    .await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-saved").await;
    b.check(
        b.value("#f-exemption").await == "no-municipal-money",
        "the exemption is recorded",
    )
    .await;

    let gates = unmet_gates(&b, id, "agreed").await;
    let expected: Vec<String> = ["keep-roles", "shared-vision", "integrity"]
        .iter()
        .map(|g| gate_text(g))
        .collect();
    b.check(
        gates == expected,
        format!("the budget gate is met; the company has yet to declare ({gates:?})"),
    )
    .await;

    b.step("company-declares");
    sign_in_as(&b, &CSR, &page).await;
    b.navigate(&format!(
        "form[action='{page}/declaration'] button[type=submit]"
    ))
    .await;
    expect_flash(&b, "flash-declared").await;
    let gates = unmet_gates(&b, id, "agreed").await;
    let expected: Vec<String> = ["keep-roles", "shared-vision"]
        .iter()
        .map(|g| gate_text(g))
        .collect();
    b.check(gates == expected, format!("integrity is met ({gates:?})"))
        .await;

    b.step("charter-invalid");
    b.navigate(&format!("main a[href='{page}/charter']")).await;
    b.check(
        b.text("main p.empty").await == he("charter-none"),
        "no charter yet",
    )
    .await;
    b.fill("#f-vision", VISION).await;
    b.navigate(&format!(
        "form[action='{page}/charter'] > button[type=submit]"
    ))
    .await;
    b.find(".field.has-error #e-objectives").await;
    let described = b
        .attr("#f-objectives", "aria-describedby")
        .await
        .unwrap_or_default();
    b.check(
        described == "h-objectives e-objectives",
        format!("the objectives are described by their hint and error ({described:?})"),
    )
    .await;
    b.expect_error_above("#e-objectives", "#f-objectives").await;
    b.check(
        b.value("#f-vision").await == VISION,
        "the typed vision is kept",
    )
    .await;

    b.step("charter-1");
    b.fill("#f-objectives", OBJECTIVES_1).await;
    b.fill("#f-governance", "ועדת היגוי משותפת, בראשות העירייה.")
        .await;
    b.navigate(&format!(
        "form[action='{page}/charter'] > button[type=submit]"
    ))
    .await;
    b.expect_path(&format!("{page}/charter")).await;
    expect_flash(&b, "flash-charter-proposed").await;
    b.check(
        b.text("#current-heading").await == format!("{} 1", he("charter-version")),
        "version 1 is shown",
    )
    .await;
    b.navigate(&format!(
        "form[action='{page}/charter/1/endorse'] button[type=submit]"
    ))
    .await;
    expect_flash(&b, "flash-endorsed").await;
    let endorsements = b
        .texts("section[aria-labelledby=current-heading] ul li")
        .await;
    b.check(
        endorsements.contains(&format!("{COMPANY_NAME}: {}", he("charter-endorsed"))),
        format!("the company endorsed version 1 ({endorsements:?})"),
    )
    .await;

    b.step("ngo-commits");
    sign_in_as(&b, &NGO, &page).await;
    describe_and_commit(
        &b,
        id,
        ngo,
        &Part {
            role: "מלווה את ההורים והתלמידים ומובילה את הפעילות החינוכית",
            interests: "חינוך לקיימות בשכונות",
            contribution: "community-trust",
            description: "מפגשים עם ועדי ההורים",
            cash: "",
        },
    )
    .await;

    b.step("charter-2");
    b.navigate(&format!("main a[href='{page}/charter']")).await;
    b.check(
        b.value("#f-vision").await == VISION && b.value("#f-objectives").await == OBJECTIVES_1,
        "the proposal form starts from the current version",
    )
    .await;
    b.fill("#f-objectives", OBJECTIVES_2).await;
    b.navigate(&format!(
        "form[action='{page}/charter'] > button[type=submit]"
    ))
    .await;
    expect_flash(&b, "flash-charter-proposed").await;
    b.check(
        b.text("#current-heading").await == format!("{} 2", he("charter-version")),
        "version 2 is shown",
    )
    .await;
    let endorsements = b
        .texts("section[aria-labelledby=current-heading] ul li")
        .await;
    b.check(
        endorsements.contains(&format!("{COMPANY_NAME}: {}", he("charter-not-endorsed"))),
        format!("a new version needs new endorsements ({endorsements:?})"),
    )
    .await;

    b.step("charter-compare");
    b.select("#f-a", "1").await;
    b.select("#f-b", "2").await;
    b.navigate(&format!(
        "form[method=get][action='{page}/charter'] button[type=submit]"
    ))
    .await;
    b.check(
        b.here().await.ends_with("?a=1&b=2"),
        "the comparison is a link",
    )
    .await;
    let changed = b.texts("main table.data tbody tr.changed th").await;
    b.check(
        changed
            == [format!(
                "{} {}",
                he("charter-objectives"),
                he("charter-changed")
            )],
        format!("only the objectives changed ({changed:?})"),
    )
    .await;
    let sides = b.texts("main table.data tbody tr.changed td").await;
    b.check(
        sides == [OBJECTIVES_1, OBJECTIVES_2],
        format!("the two versions side by side ({sides:?})"),
    )
    .await;
    b.navigate(&format!(
        "form[action='{page}/charter/2/endorse'] button[type=submit]"
    ))
    .await;
    expect_flash(&b, "flash-endorsed").await;

    b.step("company-endorses-and-expects");
    sign_in_as(&b, &CSR, &format!("{page}/charter")).await;
    b.navigate(&format!(
        "form[action='{page}/charter/2/endorse'] button[type=submit]"
    ))
    .await;
    expect_flash(&b, "flash-endorsed").await;
    b.navigate(&format!("main p.meta a[href='{page}']")).await;
    b.navigate(&format!("main a[href='{page}/expectations']"))
        .await;
    b.select(&format!("#q-{company}-time-to-first-result"), "quarter")
        .await;
    b.navigate(&format!(
        "form[action='{page}/expectations'] button[type=submit]"
    ))
    .await;
    b.expect_path(&format!("{page}/expectations")).await;
    expect_flash(&b, "flash-saved").await;
    b.check(
        b.text("section[aria-labelledby=gaps-heading] p.empty")
            .await
            == he("expectations-no-gaps"),
        "no gap with one answer",
    )
    .await;

    b.step("city-endorses-and-expects");
    sign_in_as(&b, &COORDINATOR, &format!("{page}/charter")).await;
    b.navigate(&format!(
        "form[action='{page}/charter/2/endorse'] button[type=submit]"
    ))
    .await;
    expect_flash(&b, "flash-endorsed").await;
    let endorsements = b
        .texts("section[aria-labelledby=current-heading] ul li")
        .await;
    b.check(
        endorsements.len() == 3
            && endorsements
                .iter()
                .all(|e| e.ends_with(&format!(": {}", he("charter-endorsed")))),
        format!("all three endorsed version 2 ({endorsements:?})"),
    )
    .await;
    b.goto(&format!("{page}/expectations")).await;
    b.select(&format!("#q-{city}-time-to-first-result"), "year")
        .await;
    b.navigate(&format!(
        "form[action='{page}/expectations'] button[type=submit]"
    ))
    .await;
    expect_flash(&b, "flash-saved").await;
    let gaps = b.texts("section[aria-labelledby=gaps-heading] li").await;
    let question = he("expectation-time-to-first-result");
    let expected = format!(
        "{question} {COMPANY_NAME}: {} · {CITY_NAME}: {}\n{} {}",
        he("expectation-time-to-first-result-quarter"),
        he("expectation-time-to-first-result-year"),
        he("expectations-talk-about"),
        he("expectation-time-to-first-result-advice"),
    );
    b.check(
        gaps == [expected],
        format!("the gap on time to first result is shown with advice ({gaps:?})"),
    )
    .await;

    b.step("agreed");
    b.navigate(&format!("main p.meta a[href='{page}']")).await;
    b.check(
        unmet_gates(&b, id, "agreed").await.is_empty(),
        "every gate of agreeing is met",
    )
    .await;
    b.navigate(&step_button(id, "agreed")).await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-stage-changed").await;
    expect_stage(&b, "agreed").await;
    let risks = b.texts("main ul.risk-list li").await;
    let remaining = [
        // Inside the sentence the question loses its question mark.
        HE.args_mixed("risk-expectations-gap", 1, question.trim_end_matches('?')),
        he("risk-no-indicators"),
    ];
    b.check(
        risks.len() == 2
            && remaining
                .iter()
                .all(|r| risks.iter().any(|shown| shown.contains(r.as_str()))),
        format!("the expectations gap and the missing indicators remain ({risks:?})"),
    )
    .await;
    b.save_whole_page("initiative-he").await;

    for (lang, dir) in [("ar", "rtl"), ("en", "ltr")] {
        b.step(&format!("initiative-{lang}"));
        b.navigate(&format!("nav.lang-switch a[hreflang='{lang}']"))
            .await;
        b.expect_language(lang, dir).await;
        b.expect_path(&page).await;
        let stage = Tr::new(Language::parse(lang).unwrap_or(Language::He)).t("stage-agreed");
        b.check(
            b.text("main .badge-stage").await == stage,
            format!("the stage is named in {lang}"),
        )
        .await;
        b.save_whole_page(&format!("initiative-{lang}")).await;
    }
    b.navigate("nav.lang-switch a[hreflang='he']").await;
    b.expect_language("he", "rtl").await;

    b.step("dashboard");
    b.navigate(&format!(
        "main p.meta a[href='/localities/{loc}/initiatives']"
    ))
    .await;
    let row = format!("main table.data tbody tr:has(a[href='{page}'])");
    b.check(
        b.text(&format!("{row} td:nth-child(2)")).await == he("stage-agreed"),
        "the dashboard lists the initiative as agreed",
    )
    .await;
    let risks = b.texts(&format!("{row} li.risk")).await;
    b.check(
        risks.len() == 2
            && remaining
                .iter()
                .all(|r| risks.iter().any(|shown| shown.ends_with(r.as_str()))),
        format!("with its remaining risks ({risks:?})"),
    )
    .await;
    b.save_whole_page("dashboard-he").await;

    b.step("public-record");
    // The locality's public record lists the decisions, the agreement among them.
    b.goto(&format!("/localities/{loc}/record")).await;
    let kinds = b.texts("main table.data tbody td:nth-child(3)").await;
    b.check(
        kinds.contains(&he("event-stage-agreed")) && kinds.contains(&he("event-charter-endorsed")),
        format!("the record shows the agreement and the endorsements ({kinds:?})"),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_company_alone_is_stopped_with_a_clear_reason() {
    let started = Instant::now();
    let smtp = SmtpServer::start().await;
    let hub = Hub::start("alone", &smtp).await;
    let story = Story::create(&hub).await;
    let b = Browser::start("alone", &hub.base).await;
    run(&hub, &b, alone_steps(b.clone(), story)).await;
    eprintln!("[alone] passed in {:.1?}", started.elapsed());
}

async fn alone_steps(b: Browser, s: Story) {
    const TITLE: &str = "פאנלים סולאריים בחניון העירוני";
    const REASON: &str = "החלטנו להתמקד בפרויקט בעיר אחרת; נשמח לחזור לרעיון בשנה הבאה.";

    b.step("propose");
    sign_in_as(
        &b,
        &CSR,
        &format!("/initiatives/new?locality={}", s.locality),
    )
    .await;
    b.check(
        b.value("#f-locality").await == s.locality.to_string(),
        "the locality is chosen from the link",
    )
    .await;
    let id = propose(&b, TITLE, &["budget", "authority"]).await;
    let page = format!("/initiatives/{id}");

    b.step("no-convene-step");
    let offered = offered_steps(&b).await;
    b.check(
        offered == ["withdrawn"],
        format!("the company is offered no way on, only to withdraw ({offered:?})"),
    )
    .await;
    b.check(
        !b.exists(&format!("form[action='{page}/engage']")).await,
        "the company cannot engage as the convener",
    )
    .await;
    let waiting = b
        .text("section[aria-labelledby=steps-heading] .notice[role=note]")
        .await;
    b.check(
        waiting == gate_text("convene-early"),
        format!("the page explains that the city must come in first ({waiting:?})"),
    )
    .await;
    let risks = b.texts("main ul.risk-list li").await;
    b.check(
        risks.iter().any(|r| r.contains(&he("risk-no-goal-fit"))),
        format!("the checkup says the idea fits no goal of the city ({risks:?})"),
    )
    .await;

    b.step("convene-anyway");
    // Even a hand-edited form cannot convene: the hub refuses it, and says why.
    let edited = b
        .client
        .execute(
            "document.querySelector(\"ul.steps input[name=to][value=withdrawn]\").value = 'convened'; return true;",
            vec![],
        )
        .await;
    b.ok(edited, "editing the form").await;
    b.navigate(&step_button(id, "convened")).await;
    b.check(
        problem(&b).await
            == format!(
                "{} {}",
                he("refused-not-your-part"),
                HE.args(
                    "refused-who-may",
                    &[("parties", he("party-convener-staff").as_str())]
                )
            ),
        "the hub refuses: convening is not the company's part, and says whose it is",
    )
    .await;
    expect_stage(&b, "idea").await;

    b.step("withdraw-without-reason");
    b.navigate(&step_button(id, "withdrawn")).await;
    b.check(
        problem(&b).await == he("refused-reason-required"),
        "withdrawing needs published reasons",
    )
    .await;
    expect_stage(&b, "idea").await;

    b.step("withdraw");
    b.fill("#reason-withdrawn", REASON).await;
    b.navigate(&step_button(id, "withdrawn")).await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-stage-changed").await;
    expect_stage(&b, "withdrawn").await;
    let published = format!("{} {REASON}", he("initiative-published-reasons"));
    b.check(
        b.text("main .notice[role=note]").await == published,
        "the reasons are published",
    )
    .await;
    b.check(offered_steps(&b).await.is_empty(), "nothing is left to do")
        .await;

    b.step("public");
    b.navigate(".user-menu form[action='/signout'] button[type=submit]")
        .await;
    b.goto(&page).await;
    b.expect_language("he", "rtl").await;
    expect_stage(&b, "withdrawn").await;
    b.check(
        b.text("main .notice[role=note]").await == published,
        "the public sees the reasons",
    )
    .await;
    b.check(
        b.text("section[aria-labelledby=steps-heading] p.empty")
            .await
            == he("refused-initiative-ended"),
        "the public is told the initiative has ended",
    )
    .await;
    b.check(
        !b.exists("main form[method=post]").await,
        "no forms for the public",
    )
    .await;
    b.save_whole_page("withdrawn-public-he").await;
}

// An open call: the city writes and publishes it, two organisations apply, evaluators declare
// and score (one steps aside), the city awards it, and anyone can read the outcome.

/// An evaluator who works for the company, and says so.
const EVALUATOR_A: Person = Person {
    name: "יוסי מזרחי",
    email: "yossi@evaluators.example",
    password: "a fair score for every proposal",
};
/// An evaluator with no ties.
const EVALUATOR_B: Person = Person {
    name: "רונית שגיא",
    email: "ronit@evaluators.example",
    password: "reasons for every number given",
};

/// Sets a field's value as a script would (a `datetime-local` field does not take typing in
/// one format across locales), and checks the field holds it.
async fn set_value(b: &Browser, css: &str, value: &str) {
    let element = b.find(css).await;
    let script = "arguments[0].value = arguments[1]; \
        arguments[0].dispatchEvent(new Event('input', { bubbles: true })); \
        arguments[0].dispatchEvent(new Event('change', { bubbles: true })); \
        return arguments[0].value;";
    let set = b
        .client
        .execute(script, vec![json!(element), json!(value)])
        .await;
    let set = b.ok(set, format!("setting {css}")).await;
    b.check(
        set.as_str() == Some(value),
        format!("{css} holds {value:?} ({set})"),
    )
    .await;
}

/// The id of the application whose card is headed with the organisation's name.
async fn application_id(b: &Browser, organisation: &str) -> i64 {
    let script = "return Array.from(document.querySelectorAll('main article.card h3[id^=\"application-\"]'), \
        h => [h.id.slice('application-'.length), h.textContent.trim()]);";
    let cards = b.client.execute(script, vec![]).await;
    let cards = b.ok(cards, "listing the applications").await;
    let ids: Vec<i64> = cards
        .as_array()
        .into_iter()
        .flatten()
        .filter(|card| {
            card[1]
                .as_str()
                .is_some_and(|h| h.starts_with(organisation))
        })
        .filter_map(|card| card[0].as_str().and_then(|id| id.parse().ok()))
        .collect();
    match ids[..] {
        [id] => id,
        _ => match b
            .fail(format!(
                "expected one application of {organisation} ({cards})"
            ))
            .await {},
    }
}

/// The criteria of the call, in order, as the scoring form of an application names them.
async fn criterion_ids(b: &Browser, call: i64, application: i64) -> Vec<i64> {
    let css = format!(
        "form[action='/calls/{call}/applications/{application}/scores'] input[name=criterion]"
    );
    let script = "return Array.from(document.querySelectorAll(arguments[0]), i => i.value);";
    let listed = b.client.execute(script, vec![json!(css)]).await;
    let listed = b.ok(listed, "listing the criteria").await;
    listed
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().and_then(|id| id.parse().ok()))
        .collect()
}

/// The card of an application on a call's page.
fn application_card(application: i64) -> String {
    format!("main article.card:has(#application-{application})")
}

/// An evaluator opens an application's scoring form, scores each criterion with a reason and
/// sends it.
async fn send_scores(
    b: &Browser,
    call: i64,
    application: i64,
    criteria: &[i64],
    scores: &[(&str, &str)],
) {
    b.click(&format!(
        "{} details:has(form) > summary",
        application_card(application)
    ))
    .await;
    for (criterion, (score, reason)) in criteria.iter().zip(scores) {
        b.fill(&format!("#s-{application}-{criterion}"), score)
            .await;
        b.fill(&format!("#r-{application}-{criterion}"), reason)
            .await;
    }
    b.navigate(&format!(
        "form[action='/calls/{call}/applications/{application}/scores'] button[type=submit]"
    ))
    .await;
}

/// Fetches a path with the page's cookies: its status, content type and first eight characters.
async fn fetch_start(b: &Browser, path: &str) -> (u64, String, String) {
    let script = "const done = arguments[arguments.length - 1]; \
        fetch(arguments[0]).then(async r => done([r.status, r.headers.get('content-type') || '', \
            r.ok ? (await r.text()).slice(0, 8) : ''])).catch(e => done([0, String(e), '']));";
    let got = b.client.execute_async(script, vec![json!(path)]).await;
    let got = b.ok(got, format!("fetching {path}")).await;
    (
        got[0].as_u64().unwrap_or_default(),
        got[1].as_str().unwrap_or_default().to_owned(),
        got[2].as_str().unwrap_or_default().to_owned(),
    )
}

/// Moves the call's deadline a second into the past, behind the hub's back.
async fn pass_deadline(database_url: &str, call: i64) {
    let db = hub_db(database_url).await;
    let moved = sqlx::query("UPDATE calls SET deadline_at = $1 WHERE id = $2")
        .bind(shutaf_store::now() - 1)
        .bind(call)
        .execute(&db.pool)
        .await
        .expect("move the deadline");
    assert_eq!(moved.rows_affected(), 1, "the call's deadline was moved");
    db.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_call_is_scored_with_a_recusal_and_awarded_in_public() {
    let started = Instant::now();
    let smtp = SmtpServer::start().await;
    let hub = Hub::start("call", &smtp).await;
    let story = Story::create(&hub).await;
    let db = hub_db(&hub.database_url).await;
    for evaluator in [&EVALUATOR_A, &EVALUATOR_B] {
        create_person(&db, evaluator).await;
    }
    db.close().await;
    let b = Browser::start("call", &hub.base).await;
    run(
        &hub,
        &b,
        call_steps(b.clone(), story, hub.database_url.clone()),
    )
    .await;
    eprintln!("[call] passed in {:.1?}", started.elapsed());
}

async fn call_steps(b: Browser, s: Story, database_url: String) {
    const TITLE: &str = "קול קורא: גינות קהילתיות בשכונות";
    const CRITERION_1: &str = "התאמה למטרות העיר";
    const CRITERION_2: &str = "ניסיון ויכולת ביצוע";
    const COMPANY_SUMMARY: &str = "החברה תקים גינות על גגות מבני ציבור ותממן את ההשקיה.";
    const LATE_SUMMARY: &str = "גרסה מתוקנת, שנשלחה אחרי המועד.";
    const NGO_SUMMARY: &str = "تقيم الجمعية حدائق مجتمعية مع السكان في كل حي وترافقها لمدة سنتين.";
    const NGO_PROPOSAL: &str = "خطة عمل مفصلة: ثلاث حدائق في السنة الأولى، وورشات للأهالي.";
    const PDF_NAME: &str = "خطة-العمل.pdf";
    const AWARD_REASONS: &str =
        "לעמותה הציון הגבוה ביותר בשני המדדים, וניסיון של שנים בעבודה עם התושבים.";
    let loc = s.locality;
    let a_scores_ngo = [
        ("8", "הגינות עונות על מטרת העיר לשטחים ירוקים."),
        ("7", "לעמותה ניסיון, אך צוות קטן."),
    ];
    let b_scores_ngo = [
        ("9", "תוכנית ברורה שמשתפת את התושבים."),
        ("8", "שלוש גינות הוקמו בהצלחה בעבר."),
    ];
    let b_scores_company = [
        ("6", "ההצעה מתמקדת בגגות ולא בשכונות."),
        ("5", "אין לחברה ניסיון בגינון קהילתי."),
    ];

    b.step("calls-empty");
    sign_in_as(&b, &COORDINATOR, &format!("/localities/{loc}/calls")).await;
    b.check(
        b.text("main p.empty").await == he("calls-empty"),
        "no calls yet",
    )
    .await;
    b.navigate(&format!("main a[href='/localities/{loc}/calls/new']"))
        .await;

    b.step("call-weights-invalid");
    b.check(
        b.value("#f-lang").await == "he",
        "the call is written in the page's language by default",
    )
    .await;
    let deadline = shutaf_domain::call::local_input(shutaf_store::now() + 30 * 60);
    b.fill("#f-title", TITLE).await;
    b.fill(
        "#f-purpose",
        "העירייה מחפשת שותף להקמת גינות קהילתיות בשכונות הוותיקות.",
    )
    .await;
    b.fill("#f-sought", "ארגון שיקים ויתחזק גינות יחד עם התושבים.")
        .await;
    b.fill("#f-eligibility", "עמותות וחברות הפועלות בכרמיאל.")
        .await;
    set_value(&b, "#f-deadline", &deadline).await;
    b.fill("#c-name-1", CRITERION_1).await;
    b.fill("#c-weight-1", "60").await;
    b.fill("#c-name-2", CRITERION_2).await;
    b.fill("#c-description-2", "גינות שהארגון הקים ותחזק").await;
    b.fill("#c-weight-2", "30").await;
    b.fill(
        "#f-evaluators",
        &format!("{}, {}", EVALUATOR_A.email, EVALUATOR_B.email),
    )
    .await;
    b.navigate(&format!(
        "form[action='/localities/{loc}/calls'] button[type=submit]"
    ))
    .await;
    b.expect_path(&format!("/localities/{loc}/calls")).await;
    b.check(
        problem(&b).await == he("form-has-errors"),
        "the page says the form has errors",
    )
    .await;
    b.check(
        b.text("fieldset.has-error #e-criteria").await == he("error-weights-sum"),
        "the criteria say their weights must add up to 100",
    )
    .await;
    b.check(
        b.attr("fieldset.has-error", "aria-describedby")
            .await
            .as_deref()
            == Some("e-criteria"),
        "the criteria are described by their error",
    )
    .await;
    b.expect_error_above("#e-criteria", "fieldset.has-error .criterion-row")
        .await;
    let kept = [
        ("#c-name-1", CRITERION_1),
        ("#c-weight-1", "60"),
        ("#c-name-2", CRITERION_2),
        ("#c-weight-2", "30"),
        ("#f-title", TITLE),
        ("#f-deadline", deadline.as_str()),
    ];
    for (css, typed) in kept {
        b.check(
            b.value(css).await == typed,
            format!("{css} keeps what was typed"),
        )
        .await;
    }

    b.step("call-draft");
    b.fill("#c-weight-2", "40").await;
    b.navigate(&format!(
        "form[action='/localities/{loc}/calls'] button[type=submit]"
    ))
    .await;
    let call = b.id_in_path("/calls/").await;
    let page = format!("/calls/{call}");
    expect_flash(&b, "flash-call-drafted").await;
    b.check(
        b.text("main .badge").await == he("call-phase-draft"),
        "the call is a draft",
    )
    .await;
    let rows = b
        .texts("section[aria-labelledby=call-about-heading] table.data tbody tr")
        .await;
    b.check(
        rows.len() == 2
            && rows[0].starts_with(CRITERION_1)
            && rows[0].ends_with("60%")
            && rows[1].starts_with(CRITERION_2)
            && rows[1].ends_with("40%"),
        format!("the criteria and their weights are listed ({rows:?})"),
    )
    .await;
    let evaluators = b
        .texts("section[aria-labelledby=call-about-heading] .table-wrap + h3 + ul > li")
        .await;
    b.check(
        evaluators == [EVALUATOR_A.name, EVALUATOR_B.name],
        format!("the evaluators are named ({evaluators:?})"),
    )
    .await;

    b.step("publish");
    b.navigate(&format!(
        "form[action='{page}/publish'] button[type=submit]"
    ))
    .await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-call-published").await;
    b.check(
        b.text("main .badge").await == he("call-phase-accepting"),
        "the call accepts applications",
    )
    .await;
    let shown = b.text("main dl.facts dd bdi").await;
    b.check(
        shown
            == shutaf_domain::call::local_display(
                shutaf_domain::call::parse_deadline(&deadline).unwrap_or_default(),
            ),
        format!("the deadline is shown in Israel's time ({shown:?} for {deadline:?})"),
    )
    .await;
    b.check(
        !b.exists("#f-organisation").await,
        "the convener cannot apply to its own call",
    )
    .await;
    b.navigate(&format!("main p.meta a[href='/localities/{loc}/calls']"))
        .await;
    let listed = b
        .text(&format!("main table.data tbody tr:has(a[href='{page}'])"))
        .await;
    b.check(
        listed.starts_with(TITLE) && listed.contains(&he("call-phase-accepting")),
        format!("the list shows the call accepting applications ({listed:?})"),
    )
    .await;

    b.step("company-applies");
    sign_in_as(&b, &CSR, &page).await;
    b.check(
        b.value("#f-organisation").await == s.company.to_string(),
        "the company applies",
    )
    .await;
    b.fill("#f-summary", COMPANY_SUMMARY).await;
    b.fill(
        "#f-proposal",
        "פירוט: עשרה גגות, מערכת השקיה בטפטוף ותחזוקה לשנה.",
    )
    .await;
    b.navigate(&format!(
        "form[action^='{page}/applications?'] button[type=submit]"
    ))
    .await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-applied").await;
    let company_application = application_id(&b, COMPANY_NAME).await;
    b.check(
        b.count("main article.card").await == 1,
        "the company sees its own application only",
    )
    .await;

    b.step("ngo-applies-in-arabic");
    sign_in_as(&b, &NGO, &page).await;
    b.navigate("nav.lang-switch a[hreflang='ar']").await;
    b.expect_language("ar", "rtl").await;
    b.expect_path(&page).await;
    b.check(
        b.text("section[aria-labelledby=applications-heading] p.empty")
            .await
            == ar("call-no-applications-shown"),
        "the NGO does not see the company's application",
    )
    .await;
    b.check(
        b.value("#f-organisation").await == s.ngo.to_string(),
        "the NGO applies",
    )
    .await;
    b.fill("#f-summary", NGO_SUMMARY).await;
    b.fill("#f-proposal", NGO_PROPOSAL).await;
    let files = TempDir::new("attachment");
    let pdf = files.0.join(PDF_NAME);
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
    .expect("write the PDF");
    let chosen = b
        .find("#f-files")
        .await
        .send_keys(&pdf.display().to_string())
        .await;
    b.ok(chosen, "choosing the PDF").await;
    let count = b
        .client
        .execute(
            "return document.querySelector('#f-files').files.length;",
            vec![],
        )
        .await;
    b.check(
        b.ok(count, "counting the chosen files").await == json!(1),
        "the PDF is chosen",
    )
    .await;
    b.navigate(&format!(
        "form[action^='{page}/applications?'] button[type=submit]"
    ))
    .await;
    b.expect_path(&page).await;
    b.expect_language("ar", "rtl").await;
    expect_flash_text(&b, "flash-applied", &ar("flash-applied")).await;
    let ngo_application = application_id(&b, NGO_NAME).await;
    let link = format!(
        "{} a[href^='/attachments/']",
        application_card(ngo_application)
    );
    b.check(
        b.text(&link).await == PDF_NAME,
        "the attachment is listed by its name",
    )
    .await;
    let attachment = b.attr(&link, "href").await.unwrap_or_default();
    let (status, content_type, start) = fetch_start(&b, &attachment).await;
    b.check(
        status == 200 && content_type == "application/pdf" && start == "%PDF-1.4",
        format!("the PDF is kept as sent ({status} {content_type:?} {start:?})"),
    )
    .await;

    b.step("evaluator-a-declares-a-tie");
    sign_in_as(&b, &EVALUATOR_A, &page).await;
    b.check(
        b.count("main article.card").await == 2,
        "an evaluator sees both applications",
    )
    .await;
    b.click("#decl-some").await;
    b.select(&format!("#tie-{}", s.company), "employee").await;
    b.navigate(&format!(
        "form[action='{page}/declaration'] button[type=submit]"
    ))
    .await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-declared").await;
    let integrity = "section[aria-labelledby=call-integrity-heading]";
    let declared = b
        .texts(&format!("{integrity} ul.declaration-list > li"))
        .await;
    b.check(
        declared.len() == 1
            && declared[0].starts_with(EVALUATOR_A.name)
            && declared[0].ends_with(&format!("{}: {COMPANY_NAME}", he("relation-employee"))),
        format!("the tie is declared publicly ({declared:?})"),
    )
    .await;
    let recusal = HE.args(
        "recusal-line",
        &[("person", EVALUATOR_A.name), ("organisation", COMPANY_NAME)],
    );
    let recusals = b.texts(&format!("{integrity} ul.recusal-list > li")).await;
    b.check(
        recusals.len() == 1 && recusals[0].starts_with(&recusal),
        format!("the evaluator stepped aside from the company ({recusals:?})"),
    )
    .await;

    b.step("evaluator-b-declares-none");
    sign_in_as(&b, &EVALUATOR_B, &page).await;
    b.check(b.is_checked("#decl-none").await, "no interests by default")
        .await;
    b.navigate(&format!(
        "form[action='{page}/declaration'] button[type=submit]"
    ))
    .await;
    expect_flash(&b, "flash-declared").await;
    let declared = b
        .texts(&format!("{integrity} ul.declaration-list > li"))
        .await;
    b.check(
        declared.len() == 2
            && declared[1].starts_with(EVALUATOR_B.name)
            && declared[1].ends_with(&he("declaration-none")),
        format!("the declaration of no interests is public ({declared:?})"),
    )
    .await;

    b.step("late-application");
    // The company's page still has the form; the deadline passes before it is sent.
    sign_in_as(&b, &CSR, &page).await;
    b.fill("#f-summary", LATE_SUMMARY).await;
    b.fill("#f-proposal", "גרסה מאוחרת.").await;
    pass_deadline(&database_url, call).await;
    b.navigate(&format!(
        "form[action^='{page}/applications?'] button[type=submit]"
    ))
    .await;
    b.check(
        problem(&b).await == he("refused-call-closed"),
        "the late application is refused",
    )
    .await;
    b.check(
        !b.exists("#f-summary").await,
        "the form to apply is gone once the deadline passed",
    )
    .await;
    let summary = b
        .text(&format!(
            "{} > p.prose",
            application_card(company_application)
        ))
        .await;
    b.check(
        summary == COMPANY_SUMMARY,
        format!("the application on time stands ({summary:?})"),
    )
    .await;

    b.step("evaluator-a-recused");
    sign_in_as(&b, &EVALUATOR_A, &page).await;
    b.check(
        b.text("main .badge").await == he("call-phase-evaluating"),
        "the call is being evaluated",
    )
    .await;
    let criteria = criterion_ids(&b, call, company_application).await;
    b.check(
        criteria.len() == 2,
        format!("two criteria to score ({criteria:?})"),
    )
    .await;
    send_scores(
        &b,
        call,
        company_application,
        &criteria,
        &[("9", "הצעה טובה."), ("9", "ניסיון רב.")],
    )
    .await;
    b.check(
        problem(&b).await == he("refused-recused"),
        "an evaluator tied to the company may not score it",
    )
    .await;
    b.check(
        !b.exists(&format!(
            "{} details ul.plain-list",
            application_card(company_application)
        ))
        .await,
        "no score of the company was kept",
    )
    .await;

    b.step("evaluator-a-scores");
    send_scores(&b, call, ngo_application, &criteria, &a_scores_ngo).await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-scored").await;
    let rescore = b
        .text(&format!(
            "{} details:has(form) > summary",
            application_card(ngo_application)
        ))
        .await;
    b.check(
        rescore.starts_with(&he("call-rescore")),
        format!("the evaluator may change the scores given ({rescore:?})"),
    )
    .await;

    b.step("evaluator-b-scores");
    sign_in_as(&b, &EVALUATOR_B, &page).await;
    send_scores(&b, call, company_application, &criteria, &b_scores_company).await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-scored").await;
    send_scores(&b, call, ngo_application, &criteria, &b_scores_ngo).await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-scored").await;

    b.step("award-undeclared");
    sign_in_as(&b, &COORDINATOR, &page).await;
    let rank = he("call-rank");
    let headings = [
        (
            company_application,
            format!("{COMPANY_NAME} · {rank} 2 · 56.0/100"),
        ),
        (ngo_application, format!("{NGO_NAME} · {rank} 1 · 81.0/100")),
    ];
    for (application, expected) in &headings {
        let shown = b.text(&format!("#application-{application}")).await;
        b.check(
            &shown == expected,
            format!("the convener sees the ranks and totals ({shown:?})"),
        )
        .await;
    }
    b.select("#f-application", &ngo_application.to_string())
        .await;
    b.fill("#f-award_reasons", AWARD_REASONS).await;
    b.navigate(&format!("form[action='{page}/award'] button[type=submit]"))
        .await;
    b.check(
        problem(&b).await == he("refused-undeclared"),
        "the convener must declare before deciding",
    )
    .await;
    b.check(
        b.value("#f-award_reasons").await == AWARD_REASONS,
        "the typed reasons are kept",
    )
    .await;

    b.step("award");
    b.check(b.is_checked("#decl-none").await, "no interests by default")
        .await;
    b.navigate(&format!(
        "form[action='{page}/declaration'] button[type=submit]"
    ))
    .await;
    expect_flash(&b, "flash-declared").await;
    b.select("#f-application", &ngo_application.to_string())
        .await;
    b.fill("#f-award_reasons", AWARD_REASONS).await;
    b.navigate(&format!("form[action='{page}/award'] button[type=submit]"))
        .await;
    b.expect_path(&page).await;
    expect_flash(&b, "flash-awarded").await;
    b.check(
        b.text("main .badge").await == he("call-phase-awarded"),
        "the call is awarded",
    )
    .await;

    b.step("visitor-portal");
    // A visitor with a browser of their own: no session, no chosen language.
    let cleared = b.client.delete_all_cookies().await;
    b.ok(cleared, "forgetting the cookies").await;
    b.goto(&format!("/localities/{loc}")).await;
    b.expect_language("he", "rtl").await;
    b.check(
        b.exists(".user-menu a[href='/signin']").await,
        "nobody is signed in",
    )
    .await;
    b.navigate("nav.lang-switch a[hreflang='ar']").await;
    b.expect_language("ar", "rtl").await;
    b.navigate(&format!("main a[href='/localities/{loc}/portal']"))
        .await;
    b.expect_path(&format!("/localities/{loc}/portal")).await;
    b.expect_language("ar", "rtl").await;
    let listed = b
        .text(&format!(
            "section[aria-labelledby=calls-heading] li:has(a[href='{page}'])"
        ))
        .await;
    let expected = format!(
        "{TITLE} · {}: {NGO_NAME} · {}",
        ar("call-phase-awarded"),
        AR.count("call-application-count", "count", 2)
    );
    b.check(
        listed == expected,
        format!("the portal lists the call as awarded ({listed:?})"),
    )
    .await;
    let declarations = "section[aria-labelledby=declarations-heading]";
    let declared = b.count(&format!("{declarations} h2 + ul > li")).await;
    b.check(
        declared == 3,
        format!("the three declarations are public ({declared})"),
    )
    .await;
    let recusal = AR.args(
        "recusal-line",
        &[("person", EVALUATOR_A.name), ("organisation", COMPANY_NAME)],
    );
    let recusals = b.texts(&format!("{declarations} h3 + ul > li")).await;
    b.check(
        recusals.len() == 1
            && recusals[0].starts_with(&recusal)
            && recusals[0].contains(&format!("{} {call}", ar("matter-call"))),
        format!("the recusal is public, with its call ({recusals:?})"),
    )
    .await;
    let log_size = b
        .text("section[aria-labelledby=log-heading] > p:first-of-type")
        .await;

    b.step("visitor-call");
    b.navigate(&format!(
        "section[aria-labelledby=calls-heading] a[href='{page}']"
    ))
    .await;
    b.expect_language("ar", "rtl").await;
    let applications = "section[aria-labelledby=applications-heading]";
    b.check(
        b.text(&format!("{applications} > p:has(strong)")).await
            == format!("{}: {NGO_NAME}", ar("call-awarded-to")),
        "the page says who won",
    )
    .await;
    b.check(
        b.text(&format!("{applications} > p.prose")).await == AWARD_REASONS,
        "the reasons for the award are public",
    )
    .await;
    let rank = ar("call-rank");
    let headings = [
        (
            company_application,
            format!("{COMPANY_NAME} · {rank} 2 · 56.0/100"),
        ),
        (ngo_application, format!("{NGO_NAME} · {rank} 1 · 81.0/100")),
    ];
    for (application, expected) in &headings {
        let shown = b.text(&format!("#application-{application}")).await;
        b.check(
            &shown == expected,
            format!("everyone sees the ranks and totals ({shown:?})"),
        )
        .await;
    }
    let means = b
        .texts(&format!(
            "{} table.data tbody td:nth-child(3)",
            application_card(ngo_application)
        ))
        .await;
    b.check(
        means == ["8.5", "7.5"],
        format!("the mean score of each criterion ({means:?})"),
    )
    .await;
    b.check(
        b.text(&format!("{} > p.prose", application_card(ngo_application)))
            .await
            == NGO_SUMMARY,
        "the winner's summary is public",
    )
    .await;
    let line = |evaluator: &Person, criterion: &str, (score, reason): (&str, &str)| {
        format!("{} · {criterion}: {score}/10 · {reason}", evaluator.name)
    };
    let expected_scores = [
        (
            company_application,
            vec![
                line(&EVALUATOR_B, CRITERION_1, b_scores_company[0]),
                line(&EVALUATOR_B, CRITERION_2, b_scores_company[1]),
            ],
        ),
        (
            ngo_application,
            vec![
                line(&EVALUATOR_A, CRITERION_1, a_scores_ngo[0]),
                line(&EVALUATOR_A, CRITERION_2, a_scores_ngo[1]),
                line(&EVALUATOR_B, CRITERION_1, b_scores_ngo[0]),
                line(&EVALUATOR_B, CRITERION_2, b_scores_ngo[1]),
            ],
        ),
    ];
    for (application, expected) in &expected_scores {
        let card = application_card(*application);
        b.click(&format!("{card} details > summary")).await;
        let mut shown = b.texts(&format!("{card} details ul.plain-list > li")).await;
        shown.sort();
        let mut expected = expected.clone();
        expected.sort();
        b.check(
            shown == expected,
            format!("every score is public with its reason ({shown:?})"),
        )
        .await;
    }
    b.axe().await;
    let recusals = b.texts(&format!("{integrity} ul.recusal-list > li")).await;
    b.check(
        recusals.len() == 1 && recusals[0].starts_with(&recusal),
        format!("the call's page shows the recusal ({recusals:?})"),
    )
    .await;
    b.check(
        !b.exists("main a[href^='/attachments/']").await,
        "the applications' files are not public",
    )
    .await;
    let (status, _, _) = fetch_start(&b, &attachment).await;
    b.check(
        status == 404,
        format!("the attachment cannot be fetched without an account ({status})"),
    )
    .await;
    b.check(
        !b.exists("main form[method=post]").await,
        "no forms for a visitor",
    )
    .await;
    b.save_whole_page("call-public-ar").await;

    b.step("visitor-record");
    b.goto(&format!("/localities/{loc}/portal")).await;
    b.navigate(&format!(
        "section[aria-labelledby=log-heading] a[href='/localities/{loc}/record']"
    ))
    .await;
    b.expect_language("ar", "rtl").await;
    for (kind, person) in [("call-awarded", CITY_NAME), ("recused", EVALUATOR_A.name)] {
        b.select("#f-kind", kind).await;
        b.navigate(&format!(
            "form[action='/localities/{loc}/record'] button[type=submit]"
        ))
        .await;
        b.check(
            b.here().await.contains(&format!("kind={kind}")),
            "the filter is in the address",
        )
        .await;
        let kinds = b.texts("main table.data tbody td:nth-child(3)").await;
        b.check(
            kinds == [ar(&format!("event-{kind}"))],
            format!("one {kind} entry ({kinds:?})"),
        )
        .await;
        let by = b.text("main table.data tbody td:nth-child(5)").await;
        b.check(
            by.contains(person),
            format!("the {kind} entry names {person} ({by:?})"),
        )
        .await;
        let detail = b.text("main table.data tbody td:nth-child(6)").await;
        b.check(
            detail.contains(&format!("call:{call}")),
            format!("the {kind} entry names the call ({detail:?})"),
        )
        .await;
    }

    b.step("visitor-auditors");
    b.goto(&format!("/localities/{loc}/portal")).await;
    b.navigate("section[aria-labelledby=log-heading] a[href='/auditors']")
        .await;
    b.expect_language("ar", "rtl").await;
    b.check(
        b.text("h1").await == ar("auditors-title"),
        "the page for auditors",
    )
    .await;
    let size: i64 = b.text("main dl.facts dd").await.parse().unwrap_or_default();
    b.check(
        log_size == AR.count("portal-log-size", "count", size),
        format!(
            "the portal and the auditors' page count the same decisions ({log_size:?}, {size})"
        ),
    )
    .await;
}
