//! A company alone cannot convene its initiative, is told why, and withdraws it with a reason
//! the public can read.

use std::time::Instant;

use shutaf_testkit::SmtpServer;
use shutaf_testkit::browser::{Browser, run};

use super::start_hub;
use super::story::{
    CSR, HE, Story, expect_flash, expect_stage, gate_text, he, offered_steps, problem, propose,
    sign_in_as, step_button,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_company_alone_is_stopped_with_a_clear_reason() {
    let started = Instant::now();
    let smtp = SmtpServer::start().await;
    let hub = start_hub("alone", &smtp).await;
    let story = Story::create(&hub.database_url).await;
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
