//! Accounts: signing up with a confirmation by mail, signing in and out, coming back to an
//! invitation, a forgotten password reset by mail, form errors in the reader's language, and the
//! language itself (preference, cookie, browser).

use reqwest::StatusCode;
use shutaf_domain::{Language, MemberRole, OrganisationKind, Sector};
use shutaf_testkit::{PASSWORD, TestApp, csrf_token, location};

#[tokio::test]
async fn sign_up_verify_by_mail_sign_in_and_out() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let response = app
        .post(
            &client,
            "/signup",
            "/signup",
            &[
                ("display_name", "נועה כהן"),
                ("email", "Noa@Example.org"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("noa@example.org"));

    // Not verified yet: signing in says so (the password was right) and mails a new link.
    let response = app
        .post(
            &client,
            "/signin",
            "/signin",
            &[("email", "noa@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let mail = app
        .smtp
        .wait_for("noa@example.org", "/verify-email?token=")
        .await;
    let link = mail.link(&app.url("/verify-email")).unwrap();
    let response = client.get(&link).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/signin");
    let (_, html) = app.get(&client, "/signin").await;
    assert!(html.contains("notice-success"), "a confirmation is shown");
    let (_, html) = app.get(&client, "/signin").await;
    assert!(!html.contains("notice-success"), "once");
    // Opening the link again (as mail scanners do before people) still confirms, harmlessly;
    // a made-up link does not.
    assert_eq!(
        client.get(&link).send().await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    let forged = app.url(&format!("/verify-email?token={}", "0".repeat(64)));
    assert_eq!(
        client.get(&forged).send().await.unwrap().status(),
        StatusCode::BAD_REQUEST
    );

    let response = app
        .post(
            &client,
            "/signin",
            "/signin",
            &[
                ("email", "noa@example.org"),
                ("password", PASSWORD),
                ("next", "/profile"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/profile");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("shutaf_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let (status, html) = app.get(&client, "/profile").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("נועה כהן"));

    let session = cookie.split(';').next().unwrap().to_owned();
    let response = app.post(&client, "/profile", "/signout", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = client.get(app.url("/profile")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/signin?next="));
    // The old session cookie is dead on the server, not only forgotten by the browser.
    let stale = app.bare_client();
    let response = stale
        .get(app.url("/profile"))
        .header("cookie", session)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn signing_up_from_an_invitation_comes_back_to_it() {
    let app = TestApp::spawn().await;
    let owner = app.person("owner@example.org").await;
    let org = app
        .organisation(owner, "Org", Sector::Third, OrganisationKind::Ngo)
        .await;
    let (_, token) = app
        .db
        .create_invitation(org, "new@example.org", MemberRole::Member, owner)
        .await
        .unwrap();
    let client = app.client();
    let invitation = format!("/invitations/{token}");
    let (_, html) = app.get(&client, &invitation).await;
    let signup = format!("/signup?next=%2Finvitations%2F{token}");
    assert!(
        html.contains(&signup),
        "the invitation links to sign-up with a way back"
    );
    let fields = [
        ("display_name", "New"),
        ("email", "new@example.org"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
        ("next", invitation.as_str()),
    ];
    app.post(&client, &signup, "/signup", &fields).await;
    let mail = app
        .smtp
        .wait_for("new@example.org", "/verify-email?token=")
        .await;
    let response = client
        .get(mail.link(&app.url("/verify-email")).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(
        location(&response),
        format!("/signin?next=%2Finvitations%2F{token}")
    );
    let response = app
        .post(
            &client,
            &location(&response),
            "/signin",
            &[
                ("email", "new@example.org"),
                ("password", PASSWORD),
                ("next", invitation.as_str()),
            ],
        )
        .await;
    assert_eq!(location(&response), invitation);
}

#[tokio::test]
async fn form_errors_are_in_the_readers_language_and_keep_what_was_typed() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (_, page) = app.get(&client, "/signup").await;
    let token = csrf_token(&page);
    let response = client
        .post(app.url("/signup"))
        .header("accept-language", "ar")
        .form(&[
            ("display_name", "سلمى"),
            ("email", "not-an-email"),
            ("password", "short"),
            ("password_confirm", "short"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("lang=\"ar\" dir=\"rtl\""));
    assert!(
        html.contains("value=\"سلمى\"") && html.contains("value=\"not-an-email\""),
        "typed values are kept"
    );
    assert!(
        !html.contains("value=\"short\""),
        "passwords are not echoed back"
    );
    assert!(html.contains("id=\"e-email\"") && html.contains("aria-invalid=\"true\""));
    let expected = shutaf_web::i18n::Tr::new(Language::Ar).t("error-email-invalid");
    assert!(html.contains(&expected), "the error is in Arabic");
}

#[tokio::test]
async fn signing_up_again_reveals_nothing_and_tells_the_owner() {
    let app = TestApp::spawn().await;
    app.person("dana@example.org").await;
    let client = app.client();
    let fields = [
        ("display_name", "Someone"),
        ("email", "dana@example.org"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
    ];
    let response = app.post(&client, "/signup", "/signup", &fields).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "the same answer as for a new address"
    );
    let mail = app
        .smtp
        .wait_for("dana@example.org", "/password/forgot")
        .await;
    assert!(mail.data.contains("Subject:"));
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_mail() {
    let app = TestApp::spawn().await;
    app.person("dana@example.org").await;
    let client = app.client();
    let response = app
        .post(
            &client,
            "/password/forgot",
            "/password/forgot",
            &[("email", "dana@example.org")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // An unknown address gets the same answer and no mail.
    let response = app
        .post(
            &client,
            "/password/forgot",
            "/password/forgot",
            &[("email", "nobody@example.org")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let mail = app
        .smtp
        .wait_for("dana@example.org", "/password/reset?token=")
        .await;
    let link = mail.link(&app.url("/password/reset")).unwrap();
    let path = link.trim_start_matches(&app.base).to_owned();
    let token = path.split("token=").nth(1).unwrap().to_owned();
    let new_password = "another long passphrase";
    let response = app
        .post(
            &client,
            &path,
            "/password/reset",
            &[
                ("token", &token),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .post(
            &client,
            "/signin",
            "/signin",
            &[("email", "dana@example.org"), ("password", new_password)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(
        app.smtp
            .messages()
            .iter()
            .all(|m| !m.to.contains(&"nobody@example.org".to_owned()))
    );
}

#[tokio::test]
async fn language_comes_from_preference_cookie_or_browser() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (_, html) = app.get(&client, "/").await;
    assert!(
        html.contains("<html lang=\"he\" dir=\"rtl\">"),
        "Hebrew by default"
    );
    let html = client
        .get(app.url("/"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));

    let response = client
        .get(app.url("/language/ar?next=/organisations"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/organisations");
    let html = client
        .get(app.url("/organisations"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "the cookie beats the browser"
    );
    let response = client
        .get(app.url("/language/ar?next=https://evil.example.com"))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/", "no open redirect");

    // A signed-in person's preference beats the cookie.
    let id = app.person("dana@example.org").await;
    app.db
        .update_profile(id, "Dana", Some(Language::En))
        .await
        .unwrap();
    let dana = app.signed_in("dana@example.org").await;
    dana.get(app.url("/language/he?next=/"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        app.db.user_by_id(id).await.unwrap().unwrap().language(),
        Some(Language::He),
        "switching saves the preference"
    );
    app.db
        .update_profile(id, "Dana", Some(Language::En))
        .await
        .unwrap();
    let (_, html) = app.get(&dana, "/").await;
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
}
