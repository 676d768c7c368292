//! The browser for tests: a real headless Chromium driven through chromedriver (WebDriver), with
//! axe-core (from the workspace's `node_modules/`, `npm ci`) run on every page visited to check
//! it against WCAG 2.1 A and AA, in whatever language the page speaks; any violation fails the
//! test. Needs Debian's `chromium` and `chromium-driver` at `/usr/bin` (`scripts/test` installs
//! them).
//!
//! A [`Browser`] belongs to one test. Each step is named ([`Browser::step`]); when a step fails,
//! a screenshot and the page source are saved as `test-artifacts/<test>-<step>.png` and `.html`
//! at the root of the workspace. With `SHUTAF_BROWSER_SCREENSHOTS=1`, every page checked is
//! saved too, whole (`<test>-pageNN-<step>`). [`run`] runs a test's steps so that a panic
//! anywhere in them saves the failing step's artifacts and shows the end of the hub's log.

use std::fmt::Display;
use std::future::Future;
use std::ops::Deref;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::{CmdError, ErrorStatus};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use crate::process::{HubProcess, TempDir, artifacts_dir, free_port, workspace};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long to wait for an element, a page or a process to be ready.
const WAIT: Duration = Duration::from_secs(15);
const AXE_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
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

/// A WebDriver session and what a test has done in it.
pub struct Session {
    pub client: Client,
    /// Names the artifacts and prefixes the messages.
    pub test: &'static str,
    /// The hub's base URL, which relative paths are opened against.
    pub base: String,
    step: Mutex<String>,
    saved: AtomicBool,
    /// Pages checked so far, to number screenshots when SHUTAF_BROWSER_SCREENSHOTS is set.
    pages: AtomicU64,
    axe_source: String,
    _driver: Driver,
}

/// A browser session for one test, with helpers that save artifacts before failing.
#[derive(Clone)]
pub struct Browser(Arc<Session>);

impl Deref for Browser {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.0
    }
}

impl Browser {
    /// Starts chromedriver and a headless Chromium that asks for Hebrew first, for the hub at
    /// `base`; `test` names the artifacts.
    pub async fn start(test: &'static str, base: &str) -> Browser {
        for (path, what) in [(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")] {
            if !Path::new(path).exists() {
                panic!(
                    "{path} is missing: the browser tests need Debian's {what}; run scripts/test, which installs it"
                );
            }
        }
        let axe_path = workspace().join("node_modules/axe-core/axe.min.js");
        let axe_source = std::fs::read_to_string(&axe_path).unwrap_or_else(|e| {
            panic!(
                "cannot read {} ({e}): run `npm ci` at the workspace root, or scripts/test",
                axe_path.display()
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
        Browser(Arc::new(Session {
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
    pub fn step(&self, name: &str) {
        eprintln!("[{}] {name}", self.test);
        *self.step.lock().unwrap() = name.to_owned();
    }

    /// The current step's name.
    pub fn step_name(&self) -> String {
        self.step.lock().unwrap().clone()
    }

    /// Saves a screenshot and the page source as `test-artifacts/<test>-<name>.{png,html}`.
    pub async fn save_as(&self, name: &str) {
        let base = artifacts_dir().join(format!("{}-{name}", self.test));
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
    pub async fn save_whole_page(&self, name: &str) {
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
    pub async fn save_failure(&self) {
        if !self.saved.swap(true, Ordering::SeqCst) {
            self.save_as(&self.step_name()).await;
        }
    }

    /// Saves the artifacts and panics; `match b.fail(..).await {}` has any type.
    pub async fn fail(&self, message: impl Display) -> std::convert::Infallible {
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

    /// Fails the step (artifacts saved) unless `condition` holds; `what` says what should.
    pub async fn check(&self, condition: bool, what: impl Display) {
        if !condition {
            match self.fail(format!("check failed: {what}")).await {}
        }
    }

    /// The value of a WebDriver call, or the step fails saying what was being done.
    pub async fn ok<T, E: Display>(&self, result: Result<T, E>, what: impl Display) -> T {
        match result {
            Ok(value) => value,
            Err(e) => match self.fail(format!("{what}: {e}")).await {},
        }
    }

    /// Opens a path of the hub, then checks the page with axe.
    pub async fn goto(&self, path: &str) {
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
    pub async fn navigate(&self, css: &str) {
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

    /// Waits until the current page has finished loading.
    pub async fn wait_for_load(&self) {
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
    pub async fn wait_until(&self, script: &str, args: Vec<Value>, what: &str) {
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

    /// The element `css` finds, waited for.
    pub async fn find(&self, css: &str) -> Element {
        let found = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await;
        self.ok(found, format!("waiting for {css}")).await
    }

    /// Whether the page has an element `css` finds now (no waiting).
    pub async fn exists(&self, css: &str) -> bool {
        match self.client.find(Locator::Css(css)).await {
            Ok(_) => true,
            Err(CmdError::Standard(e)) if e.error == ErrorStatus::NoSuchElement => false,
            Err(e) => match self.fail(format!("looking for {css}: {e}")).await {},
        }
    }

    /// How many elements `css` finds now.
    pub async fn count(&self, css: &str) -> usize {
        let all = self.client.find_all(Locator::Css(css)).await;
        self.ok(all, format!("looking for {css}")).await.len()
    }

    /// The trimmed texts of every element `css` finds now.
    pub async fn texts(&self, css: &str) -> Vec<String> {
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

    /// The trimmed text of the element `css` finds.
    pub async fn text(&self, css: &str) -> String {
        let text = self.find(css).await.text().await;
        self.ok(text, format!("reading the text of {css}"))
            .await
            .trim()
            .to_owned()
    }

    /// An attribute of the element `css` finds.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let value = self.find(css).await.attr(name).await;
        self.ok(value, format!("reading {name} of {css}")).await
    }

    /// The current value of the form field `css` finds.
    pub async fn value(&self, css: &str) -> String {
        let value = self.find(css).await.prop("value").await;
        self.ok(value, format!("reading the value of {css}"))
            .await
            .unwrap_or_default()
    }

    /// Whether the checkbox or radio button `css` finds is checked.
    pub async fn is_checked(&self, css: &str) -> bool {
        let selected = self.find(css).await.is_selected().await;
        self.ok(selected, format!("reading whether {css} is checked"))
            .await
    }

    /// Types `text` into the field `css` finds, in place of what it held, and checks it holds it.
    pub async fn fill(&self, css: &str, text: &str) {
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
    pub async fn visible(&self, css: &str) -> Element {
        let element = self.find(css).await;
        let script = "arguments[0].scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' }); return true;";
        let scrolled = self.client.execute(script, vec![json!(element)]).await;
        self.ok(scrolled, format!("scrolling to {css}")).await;
        element
    }

    /// Clicks the element `css` finds (on the same page; see [`Browser::navigate`]).
    pub async fn click(&self, css: &str) {
        let clicked = self.visible(css).await.click().await;
        self.ok(clicked, format!("clicking {css}")).await;
    }

    /// Chooses the option of value `value` in the list `css` finds.
    pub async fn select(&self, css: &str, value: &str) {
        let selected = self.visible(css).await.select_by_value(value).await;
        self.ok(selected, format!("choosing {value:?} in {css}"))
            .await;
    }

    /// The path and query of the current page.
    pub async fn here(&self) -> String {
        let url = self.client.current_url().await;
        let url = self.ok(url, "reading the URL").await;
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// The current page's path (its query aside) is `expected`.
    pub async fn expect_path(&self, expected: &str) {
        let here = self.here().await;
        let path = here.split('?').next().unwrap_or_default().to_owned();
        self.check(
            path == expected,
            format!("the page is {expected} (it is {here})"),
        )
        .await;
    }

    /// The id at the end of a path like `/organisations/12`.
    pub async fn id_in_path(&self, prefix: &str) -> i64 {
        let here = self.here().await;
        let id = here.strip_prefix(prefix).and_then(|rest| rest.parse().ok());
        match id {
            Some(id) => id,
            None => match self
                .fail(format!("expected a page {prefix}<id>, not {here}"))
                .await {},
        }
    }

    /// The page speaks `lang` in direction `dir` (`<html lang dir>`).
    pub async fn expect_language(&self, lang: &str, dir: &str) {
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
    pub async fn expect_error_above(&self, error: &str, field: &str) {
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
    pub async fn axe(&self) {
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
    pub async fn quit(&self) {
        let _ = self.client.clone().close().await;
    }
}

/// A hub that a browser test drives: a process, or a [`crate::TestApp`] in the test's own
/// process (when the test moves the hub's clock).
pub trait ServedHub {
    /// Where its log is, and its last lines, for the report of a failure.
    fn log_report(&self) -> String;
}

impl ServedHub for HubProcess {
    fn log_report(&self) -> String {
        format!("({}):\n{}", self.log.display(), self.log_tail(15))
    }
}

impl ServedHub for crate::TestApp {
    fn log_report(&self) -> String {
        "(in this test's own output: the hub ran in its process)".into()
    }
}

/// Runs a test's steps; a panic anywhere (an assertion, a mail that never came) first saves the
/// screenshot and page source of the step it happened in.
pub async fn run(
    hub: &impl ServedHub,
    browser: &Browser,
    steps: impl Future<Output = ()> + Send + 'static,
) {
    let outcome = tokio::spawn(steps).await;
    if let Err(error) = outcome {
        browser.save_failure().await;
        browser.quit().await;
        eprintln!(
            "[{}] the last lines of the hub's log {}",
            browser.test,
            hub.log_report()
        );
        match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(error) => panic!("the test's steps did not finish: {error}"),
        }
    }
    browser.quit().await;
}
