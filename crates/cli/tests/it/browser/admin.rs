//! An administrator creates a locality with its convener, and an organisation joins it; the
//! directory filters by locality.

use std::time::Instant;

use shutaf_testkit::SmtpServer;
use shutaf_testkit::browser::{Browser, run};

use super::{sign_in, start_hub};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_creates_a_locality_and_an_organisation_joins_it() {
    let started = Instant::now();
    let smtp = SmtpServer::start().await;
    let hub = start_hub("admin", &smtp).await;
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

    b.step("redact-invalid");
    // The record's "Redact" link fills the form in; without the confirmation (and with no
    // such text beside the log) it comes back with its errors and what was chosen.
    b.goto("/admin?entry=0&field=reasons#redact").await;
    b.check(
        b.value("#f-entry").await == "0" && b.value("#f-field").await == "reasons",
        "the link fills in the entry and the text",
    )
    .await;
    b.select("#f-ground", "correction").await;
    b.navigate("form[action='/admin/redactions'] button[type=submit]")
        .await;
    b.expect_path("/admin/redactions").await;
    b.find("main .notice-error[role=alert]").await;
    b.find(".field.has-error #e-confirm").await;
    b.check(
        b.value("#f-ground").await == "correction",
        "the chosen ground is kept",
    )
    .await;
    b.click("#f-confirm").await;
    b.navigate("form[action='/admin/redactions'] button[type=submit]")
        .await;
    // No such text beside the log (or no such entry yet): the form says so.
    b.find(".field.has-error #e-entry, .field.has-error #e-field")
        .await;
    b.goto("/admin").await;

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
