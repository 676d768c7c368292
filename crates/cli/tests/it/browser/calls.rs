//! An open call: the city writes and publishes it, two organisations apply, evaluators declare
//! and score (one steps aside), the city awards it, and anyone can read the outcome.

use std::sync::Arc;
use std::time::Instant;

use serde_json::json;
use shutaf_testkit::browser::{Browser, run};
use shutaf_testkit::process::TempDir;
use shutaf_testkit::{SmtpServer, TestApp};

use super::story::{
    AR, CITY_NAME, COMPANY_NAME, COORDINATOR, CSR, HE, NGO, NGO_NAME, Person, Story, ar,
    create_person, expect_flash, expect_flash_text, he, hub_db, problem, sign_in_as,
};

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

/// Lets time pass on the hub's clock until a second after the call's deadline.
async fn pass_deadline(hub: &TestApp, call: i64) {
    let call = hub.db.call(call).await.unwrap().expect("the call");
    hub.db.clock.advance_to(call.deadline_at + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_call_is_scored_with_a_recusal_and_awarded_in_public() {
    let started = Instant::now();
    // In this process, so that the test moves the hub's clock past the deadline.
    let hub = Arc::new(TestApp::spawn().await);
    let story = Story::create(&hub.config.database_url).await;
    let db = hub_db(&hub.config.database_url).await;
    for evaluator in [&EVALUATOR_A, &EVALUATOR_B] {
        create_person(&db, evaluator).await;
    }
    db.close().await;
    let b = Browser::start("call", &hub.base).await;
    run(hub.as_ref(), &b, call_steps(b.clone(), story, hub.clone())).await;
    eprintln!("[call] passed in {:.1?}", started.elapsed());
}

/// The evaluator, signed in, opens the invitation to evaluate mailed to them and accepts it;
/// with `every_language`, after reading it in Arabic and English too (each page checked by axe).
async fn accept_invitation_to_evaluate(
    b: &Browser,
    smtp: &SmtpServer,
    person: &Person,
    page: &str,
    every_language: bool,
) {
    let mail = smtp.wait_for(person.email, "/evaluations/").await;
    let link = super::link_in(&mail, &format!("{}/evaluations/", b.base));
    let invitation = link.trim_start_matches(b.base.as_str()).to_owned();
    b.goto(&invitation).await;
    b.check(
        b.text("main h1").await == he("evaluation-invitation-title"),
        format!("{} sees the invitation", person.name),
    )
    .await;
    if every_language {
        let step = b.step_name();
        for (lang, dir) in [("ar", "rtl"), ("en", "ltr")] {
            b.step(&format!("{step}-invitation-{lang}"));
            b.navigate(&format!("nav.lang-switch a[hreflang='{lang}']"))
                .await;
            b.expect_language(lang, dir).await;
            b.expect_path(&invitation).await;
            let tr = shutaf_web::i18n::Tr::new(
                shutaf_domain::Language::parse(lang).expect("a language"),
            );
            let (title, accept) = (
                tr.t("evaluation-invitation-title"),
                tr.t("evaluation-invitation-accept"),
            );
            b.check(
                title != he("evaluation-invitation-title")
                    && b.text("main h1").await == title
                    && b.text("main form[action^='/evaluations/'] button[type=submit]")
                        .await
                        == accept,
                format!("{} reads the invitation in {lang}", person.name),
            )
            .await;
        }
        b.navigate("nav.lang-switch a[hreflang='he']").await;
        b.expect_language("he", "rtl").await;
        b.expect_path(&invitation).await;
        b.step(&step);
    }
    b.navigate("main form[action^='/evaluations/'] button[type=submit]")
        .await;
    b.expect_path(page).await;
    expect_flash(b, "flash-evaluating").await;
}

async fn call_steps(b: Browser, s: Story, hub: Arc<TestApp>) {
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
    let deadline = shutaf_domain::call::local_input(hub.db.now() + 30 * 60);
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
    // Evaluators are asked by mail, and none has accepted yet: the staff see whom they asked.
    let invited = b
        .texts(
            "section[aria-labelledby=call-about-heading] .table-wrap + h3 + ul + p.meta + ul > li",
        )
        .await;
    b.check(
        invited == [EVALUATOR_B.email, EVALUATOR_A.email],
        format!("the evaluators asked are listed ({invited:?})"),
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
        "form[action='{page}/applications'] button[type=submit]"
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
        "form[action='{page}/applications'] button[type=submit]"
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
    accept_invitation_to_evaluate(&b, &hub.smtp, &EVALUATOR_A, &page, true).await;
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
    accept_invitation_to_evaluate(&b, &hub.smtp, &EVALUATOR_B, &page, false).await;
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
    pass_deadline(&hub, call).await;
    b.navigate(&format!(
        "form[action='{page}/applications'] button[type=submit]"
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
        // The city decided the award and is named on the entry; the evaluator who stepped
        // aside is on the entry by a pseudonym, and named beside it (a disclosure that can be
        // redacted without breaking the log).
        let by = b.text("main table.data tbody td:nth-child(5)").await;
        let detail = b.text("main table.data tbody td:nth-child(6)").await;
        let named = if kind == "recused" {
            by.contains(" p-") && detail.contains(person)
        } else {
            by.contains(person)
        };
        b.check(
            named,
            format!("the {kind} entry names {person} ({by:?}; {detail:?})"),
        )
        .await;
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
