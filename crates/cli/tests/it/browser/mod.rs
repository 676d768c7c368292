//! Browser tests: the real `shutaf` binary, driven through Chromium with WebDriver, one module
//! a story. The browser is the test kit's ([`shutaf_testkit::browser`]): every page a test
//! visits is checked with axe-core for WCAG 2.1 A and AA, and any violation fails the test.
//!
//! Each test starts its own hub (`shutaf serve --no-demo` as a child process, on a fresh database
//! of the backend `SHUTAF_TEST_BACKEND` chooses), its own SMTP server (the kit's, so the hub's
//! real mail client delivers over TCP) and its own chromedriver and headless Chromium. When a
//! step fails, a screenshot and the page source are saved to `test-artifacts/<test>-<step>.png`
//! and `.html` at the root of the workspace; the hub's log is kept there as
//! `<test>-<n>-server.log`, with one screenshot per language of the directory, and of the seed
//! story's initiative page (whole) and dashboard. With `SHUTAF_BROWSER_SCREENSHOTS=1`, every
//! page checked is saved too, whole (`<test>-pageNN-<step>`).
//!
//! This module holds what the stories share about the hub's pages (signing up and in); `story`
//! holds the seed story's people and organisations and the initiative page as they read it.

mod admin;
mod calls;
mod company_alone;
mod seed_story;
mod signup;
mod story;

use shutaf_testkit::browser::Browser;
use shutaf_testkit::database::fresh_database_url;
use shutaf_testkit::{HubOptions, HubProcess, ReceivedMail, SmtpServer};

use crate::support::BINARY;

/// Starts the hub of the browser test `test` on a fresh database, sending its mail to `smtp`.
async fn start_hub(test: &str, smtp: &SmtpServer) -> HubProcess {
    HubProcess::start(HubOptions {
        smtp_port: Some(smtp.port),
        ..HubOptions::new(BINARY, test, fresh_database_url().await)
    })
    .await
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
