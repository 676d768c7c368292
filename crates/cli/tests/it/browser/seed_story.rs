//! The seed story in Hebrew: the city's coordinator sets a goal, the company proposes an
//! initiative, the city engages it, the NGO asks to join, and each partner commits, declares its
//! interests and endorses the charter, through the lifecycle's gates, until the initiative is
//! agreed; then its page in every language, the dashboard and the public record.

use std::time::Instant;

use shutaf_domain::Language;
use shutaf_testkit::SmtpServer;
use shutaf_testkit::browser::{Browser, run};
use shutaf_web::i18n::Tr;

use super::story::{
    CITY_NAME, COMPANY_NAME, COORDINATOR, CSR, HE, NGO, NGO_NAME, Story, card, expect_flash,
    expect_stage, gate_text, he, offered_steps, problem, propose, sign_in_as, step_button,
};
use super::{link_in, start_hub};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_seed_story_in_hebrew() {
    let started = Instant::now();
    let smtp = SmtpServer::start().await;
    let hub = start_hub("story", &smtp).await;
    let story = Story::create(&hub.database_url).await;
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
/// The gates still unmet on the way to `to`, as listed under its button: (gate, remedy) texts.
async fn unmet_gates(b: &Browser, id: i64, to: &str) -> Vec<String> {
    b.texts(&format!(
        "form[action='/initiatives/{id}/stage']:has(input[name=to][value='{to}']) ul.gates li"
    ))
    .await
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
