//! A person signs up (in Hebrew, then the directory in every language), creates an organisation
//! and invites a member, who signs up through the invitation.

use std::time::Instant;

use shutaf_testkit::SmtpServer;
use shutaf_testkit::browser::{Browser, encode, run};

use super::{labels, link_in, sign_up_and_in, start_hub};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_signs_up_creates_an_organisation_and_invites_a_member() {
    let started = Instant::now();
    let smtp = SmtpServer::start().await;
    let hub = start_hub("signup", &smtp).await;
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
