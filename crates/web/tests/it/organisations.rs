//! Organisations through the pages: created with their sector's contributions, edited, found in
//! the directory (Hebrew prefixes, Arabic, htmx results); members invited by mail, roles, and
//! the last owner who cannot leave.

use reqwest::StatusCode;
use shutaf_domain::{Language, MemberRole, OrganisationKind, Sector};
use shutaf_testkit::{TestApp, location};

#[tokio::test]
async fn organisations_are_created_edited_and_found() {
    let app = TestApp::spawn().await;
    app.person("owner@example.org").await;
    let client = app.signed_in("owner@example.org").await;

    let (status, html) = app.get(&client, "/organisations/new?sector=business").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("id=\"c-budget\" name=\"contributions\" value=\"budget\" checked"),
        "sector defaults are pre-selected"
    );

    // Missing name and a kind that does not fit the sector: errors, with the typed values kept.
    let response = app
        .post(
            &client,
            "/organisations/new?sector=business",
            "/organisations",
            &[
                ("sector", "business"),
                ("kind", "ngo"),
                ("website", "javascript:alert(1)"),
                ("contributions", "budget"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("id=\"e-name_he\"")
            && html.contains("id=\"e-kind\"")
            && html.contains("id=\"e-website\"")
    );
    assert!(
        html.contains("value=\"javascript:alert(1)\""),
        "kept as typed, escaped"
    );

    let response = app
        .post(
            &client,
            "/organisations/new?sector=business",
            "/organisations",
            &[
                ("name_he", "סולאר הגליל <script>alert(1)</script>"),
                ("name_en", "Galilee Solar"),
                ("sector", "business"),
                ("kind", "company"),
                (
                    "description",
                    "**Rooftop** solar <img src=x onerror=alert(1)>",
                ),
                ("website", "https://solar.example.org"),
                ("contributions", "budget"),
                ("contributions", "knowledge"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = location(&response);
    let (_, html) = app.get(&client, &page).await;
    assert!(
        html.contains("&#60;script&#62;") && !html.contains("<script>alert"),
        "names are escaped"
    );
    assert!(
        html.contains("<strong>Rooftop</strong>") && !html.contains("<img"),
        "Markdown is rendered and sanitised"
    );
    assert!(html.contains("/edit"), "the owner can edit");

    // Found in the directory by a Hebrew word with prefixes, in Arabic too (names fall back).
    let (_, html) = app
        .get(
            &client,
            "/organisations?q=%D7%95%D7%94%D7%A1%D7%95%D7%9C%D7%90%D7%A8",
        )
        .await; // והסולאר
    assert!(html.contains(&page), "found by והסולאר");
    let (_, html) = app.get(&client, "/organisations?sector=public").await;
    assert!(!html.contains(&page));
    // htmx asks for the results only.
    let partial = client
        .get(app.url("/organisations?q=galilee"))
        .header("hx-request", "true")
        .header("hx-target", "results")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(partial.contains(&page) && !partial.contains("<html"));

    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();
    let response = app
        .post(
            &client,
            &format!("/organisations/{id}/edit"),
            &format!("/organisations/{id}/edit"),
            &[
                ("name_en", "Galilee Solar Ltd"),
                ("sector", "business"),
                ("kind", "company"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let org = app.db.organisation(id).await.unwrap().unwrap();
    assert_eq!(org.name(Language::En), "Galilee Solar Ltd");
    assert!(
        org.contributions.is_empty(),
        "unticking all contributions is kept"
    );
}

#[tokio::test]
async fn members_are_invited_by_mail_and_the_last_owner_stays() {
    let app = TestApp::spawn().await;
    let owner = app.person("owner@example.org").await;
    app.person("guest@example.org").await;
    let org = app
        .organisation(owner, "עמותה", Sector::Third, OrganisationKind::Ngo)
        .await;
    let client = app.signed_in("owner@example.org").await;
    let members = format!("/organisations/{org}/members");

    let response = app
        .post(
            &client,
            &members,
            &members,
            &[("email", "bad"), ("role", "member")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = app
        .post(
            &client,
            &members,
            &members,
            &[("email", "guest@example.org"), ("role", "admin")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mail = app
        .smtp
        .wait_for("guest@example.org", "/invitations/")
        .await;
    let link = mail.link(&app.url("/invitations/")).unwrap();
    let path = link.trim_start_matches(&app.base).to_owned();

    let guest = app.signed_in("guest@example.org").await;
    let (status, _) = app.get(&guest, &path).await;
    assert_eq!(status, StatusCode::OK);
    let response = app.post(&guest, &path, &path, &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.db
            .role_in(
                org,
                app.db
                    .user_by_email("guest@example.org")
                    .await
                    .unwrap()
                    .unwrap()
                    .id
            )
            .await
            .unwrap(),
        Some(MemberRole::Admin)
    );

    // The last owner cannot leave; the refusal is explained on the page.
    let response = app
        .post(
            &client,
            &members,
            &format!("/organisations/{org}/leave"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(app.db.owner_count(org).await.unwrap(), 1);
    // An admin cannot make themself owner.
    let guest_id = app
        .db
        .user_by_email("guest@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let response = app
        .post(
            &guest,
            &members,
            &format!("/organisations/{org}/members/{guest_id}"),
            &[("role", "owner")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // The guest may leave.
    let response = app
        .post(
            &guest,
            &members,
            &format!("/organisations/{org}/leave"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.db.members(org).await.unwrap().len(), 1);
}
