//! The cache of public pages (docs/PERFORMANCE.md, "Public pages cached"): a page read by
//! visitors who are not signed in is rendered once, served from memory with each visitor's own
//! CSRF token, and rendered afresh after any write (this hub's at once, another server's on the
//! same database within the poll), past its time to live, or when the hub's clock moves.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use shutaf_domain::{OrganisationKind, Sector};
use shutaf_store::{Db, DbSettings};
use shutaf_testkit::{TestApp, csrf_token, location, set_cookie};

/// Gets `path` with `client`: the status, the `X-Cache` header (empty when the cache was not
/// asked) and the body.
async fn fetch(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
) -> (StatusCode, String, String) {
    fetch_with(app, client.get(app.url(path))).await
}

async fn fetch_with(
    _app: &TestApp,
    request: reqwest::RequestBuilder,
) -> (StatusCode, String, String) {
    let response = request.send().await.expect("answered");
    let status = response.status();
    let cache = response
        .headers()
        .get("x-cache")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    (status, cache, response.text().await.expect("a body"))
}

/// The value of a counter or gauge on `/metrics` (0 when absent).
async fn metric(app: &TestApp, name: &str) -> u64 {
    let text = reqwest::get(app.url("/metrics"))
        .await
        .expect("metrics answered")
        .text()
        .await
        .expect("metrics text");
    text.lines()
        .find_map(|line| line.strip_prefix(&format!("{name} ")))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn a_public_page_is_served_from_memory_the_second_time() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let hits = metric(&app, "shutaf_page_cache_hits_total").await;

    let (status, cache, first) = fetch(&app, &client, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cache, "miss");
    let (status, cache, second) = fetch(&app, &client, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cache, "hit");
    assert_eq!(
        first, second,
        "the same page, with the same visitor's token"
    );
    assert_eq!(metric(&app, "shutaf_page_cache_hits_total").await, hits + 1);
    assert!(metric(&app, "shutaf_page_cache_misses_total").await >= 1);
    assert!(metric(&app, "shutaf_page_cache_entries").await >= 1);

    // The public API too, for a client without a token.
    let (_, cache, _) = fetch(&app, &client, "/api/v1/localities").await;
    assert_eq!(cache, "miss");
    let (status, cache, body) = fetch(&app, &client, "/api/v1/localities").await;
    assert_eq!((status, cache.as_str()), (StatusCode::OK, "hit"));
    assert!(body.starts_with('['), "{body}");

    // Error pages, the health check and the metrics are never kept.
    for _ in 0..2 {
        let (status, cache, _) = fetch(&app, &client, "/organisations/987654").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_ne!(cache, "hit");
        let (_, cache, _) = fetch(&app, &client, "/healthz").await;
        assert_eq!(cache, "");
        // Nor a mailed link's page: its token is one person's secret.
        let (_, cache, _) = fetch(&app, &client, "/password/reset?token=abc").await;
        assert_eq!(cache, "");
    }

    // htmx asks the directory for its results alone: another copy, not the whole page.
    let (_, _, whole) = fetch(&app, &client, "/organisations").await;
    let (_, cache, whole_again) = fetch(&app, &client, "/organisations").await;
    assert_eq!((cache.as_str(), &whole_again), ("hit", &whole));
    for expected in ["miss", "hit"] {
        let (status, cache, fragment) = fetch_with(
            &app,
            client
                .get(app.url("/organisations"))
                .header("hx-request", "true")
                .header("hx-target", "results"),
        )
        .await;
        assert_eq!((status, cache.as_str()), (StatusCode::OK, expected));
        assert!(!fragment.contains("<html"), "the results alone");
    }
}

#[tokio::test]
async fn a_write_through_the_hub_is_seen_by_the_next_visitor() {
    let app = TestApp::spawn().await;
    app.person("owner@solar.example").await;
    let visitor = app.client();
    let (_, _, before) = fetch(&app, &visitor, "/organisations").await;
    let (_, cache, _) = fetch(&app, &visitor, "/organisations").await;
    assert_eq!(cache, "hit");
    assert!(!before.contains("Cachetest Solar"));

    // A signed-in person registers an organisation through the form.
    let owner = app.signed_in("owner@solar.example").await;
    let response = app
        .post(
            &owner,
            "/organisations/new?sector=business",
            "/organisations",
            &[
                ("name_he", "Cachetest Solar"),
                ("name_en", "Cachetest Solar"),
                ("sector", "business"),
                ("kind", "company"),
                ("contributions", "budget"),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{}",
        location(&response)
    );

    let (status, cache, after) = fetch(&app, &visitor, "/organisations").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cache, "miss", "the write moved the data version");
    assert!(after.contains("Cachetest Solar"));

    // A write straight through the store (a `WriteTx` of this hub's database handle) too.
    let (_, cache, _) = fetch(&app, &visitor, "/organisations").await;
    assert_eq!(cache, "hit");
    let owner_id = app.person("other@ngo.example").await;
    app.organisation(
        owner_id,
        "Cachetest Greens",
        Sector::Third,
        OrganisationKind::Ngo,
    )
    .await;
    let (_, cache, after) = fetch(&app, &visitor, "/organisations").await;
    assert_eq!(cache, "miss");
    assert!(after.contains("Cachetest Greens"));
}

#[tokio::test]
async fn a_write_by_another_server_on_the_database_is_seen_within_the_poll() {
    let app = TestApp::spawn().await;
    // A second server on the same database, with its own database handle (its own pool and
    // its own idea of the data version), as another machine behind the load balancer.
    let other_db = Db::connect(&app.config.database_url, &DbSettings::default())
        .await
        .expect("a second handle on the database");
    let other = TestApp::spawn_on(other_db, app.config.database_url.clone(), |_| {}).await;
    let owner = other.person("owner@solar.example").await;

    let visitor = app.client();
    // Let this server's poller catch up with the person just made, then warm its cache.
    tokio::time::sleep(Duration::from_millis(600)).await;
    fetch(&app, &visitor, "/organisations").await;
    let (_, cache, before) = fetch(&app, &visitor, "/organisations").await;
    assert_eq!(cache, "hit");
    assert!(!before.contains("Cachetest Elsewhere"));

    other
        .organisation(
            owner,
            "Cachetest Elsewhere",
            Sector::Business,
            OrganisationKind::Company,
        )
        .await;
    let (_, _, on_other) = fetch(&other, &other.client(), "/organisations").await;
    assert!(on_other.contains("Cachetest Elsewhere"));

    let written = Instant::now();
    let seen = loop {
        let (_, _, html) = fetch(&app, &visitor, "/organisations").await;
        if html.contains("Cachetest Elsewhere") {
            break written.elapsed();
        }
        assert!(
            written.elapsed() < Duration::from_secs(5),
            "the other server's write never reached this server's cache"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    };
    // The poll is every 250 ms; allow for a loaded machine, but far below the time to live.
    assert!(seen < Duration::from_secs(3), "seen after {seen:?}");
    other.stop().await;
}

#[tokio::test]
async fn signed_in_visitors_get_a_page_alike_for_everyone_with_their_own_header() {
    let app = TestApp::spawn().await;
    let c = crate::support::city(&app).await;
    let acting = c.company_acting(&app).await;
    app.db
        .create_initiative(&c.company_idea([None, None, Some("Shade trees")]), acting)
        .await
        .unwrap();
    let dashboard = format!("/localities/{}/initiatives", c.locality);
    // Two readers of their own names.
    let (coordinator, csr) = ("Dana Dashboard", "Rami Reader");
    for (email, name) in [
        ("dana@city.example", coordinator),
        ("rami@ngo.example", csr),
    ] {
        shutaf_testkit::Person {
            name,
            ..shutaf_testkit::Person::new(email)
        }
        .make(&app.db)
        .await;
    }
    let first = app.signed_in("dana@city.example").await;
    let second = app.signed_in("rami@ngo.example").await;
    let (status, cache, mine) = fetch(&app, &first, &dashboard).await;
    assert_eq!((status, cache.as_str()), (StatusCode::OK, "miss"));
    assert!(mine.contains(coordinator) && mine.contains("Shade trees"));
    // Another person gets the kept page, with their own name, link and token in the header.
    let (status, cache, theirs) = fetch(&app, &second, &dashboard).await;
    assert_eq!((status, cache.as_str()), (StatusCode::OK, "hit"));
    assert!(theirs.contains(csr) && theirs.contains("Shade trees"));
    assert!(!theirs.contains(coordinator), "no one else's name");
    let token = csrf_token(&theirs);
    assert_ne!(token, csrf_token(&mine));
    assert_eq!(
        theirs.matches(&token).count(),
        mine.matches(&csrf_token(&mine)).count(),
        "every place of the token is the reader's, the sign-out form's too"
    );
    assert!(theirs.contains("action=\"/signout\""));
    // A visitor who is not signed in gets it too, with the header of a visitor.
    let visitor = app.client();
    let (_, cache, public) = fetch(&app, &visitor, &dashboard).await;
    assert_eq!(cache, "hit");
    assert!(!public.contains(coordinator) && !public.contains(csr));
    assert!(public.contains("href=\"/signin\"") && !public.contains("action=\"/signout\""));
    // A person with a message waiting gets the page rendered for them, with the message, and
    // the kept page once it is shown.
    let response = app
        .post(
            &second,
            "/profile",
            "/profile",
            &[("display_name", csr), ("preferred_language", "")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, cache, _) = fetch(&app, &first, &dashboard).await;
    assert_eq!(cache, "miss", "kept again after the write");
    let (_, cache, html) = fetch(&app, &second, &dashboard).await;
    assert_ne!(cache, "hit");
    assert!(html.contains("notice-success"), "the message is shown");
    let (_, cache, html) = fetch(&app, &second, &dashboard).await;
    assert_eq!(cache, "hit");
    assert!(!html.contains("notice-success"), "once");
    // The signed-in person can act with the token their kept page gave them.
    let response = app.post(&second, &dashboard, "/signout", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Apart from the header, the pages are the same page.
    let body = |html: &str| html[html.find("</header>").unwrap()..].to_owned();
    assert_eq!(
        body(&theirs).replace(&token, "T"),
        body(&mine).replace(&csrf_token(&mine), "T")
    );
}

#[tokio::test]
async fn signed_in_requests_are_never_cached() {
    let app = TestApp::spawn().await;
    let id = app.person("reader@city.example").await;
    let reader = app.signed_in("reader@city.example").await;
    let name = app.db.user_by_id(id).await.unwrap().unwrap().display_name;
    for _ in 0..2 {
        let (status, cache, html) = fetch(&app, &reader, "/").await;
        assert_eq!(status, StatusCode::OK);
        assert_ne!(
            cache, "hit",
            "a page that shows the person is never kept for anyone"
        );
        assert!(html.contains(&name));
    }
    // What anonymous visitors get never shows the person.
    let visitor = app.client();
    for _ in 0..2 {
        let (_, _, html) = fetch(&app, &visitor, "/").await;
        assert!(!html.contains(&name));
        assert!(html.contains("href=\"/signin\""));
    }
    // Nor does a request with a bearer token (the API's own people).
    let token = app.api_token("reader@city.example", "read").await;
    for _ in 0..2 {
        let (status, cache, _) = fetch_with(
            &app,
            app.bare_client()
                .get(app.url("/api/v1/localities"))
                .bearer_auth(&token),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(cache, "");
    }
}

#[tokio::test]
async fn each_visitor_gets_a_token_of_their_own_and_can_use_it() {
    let app = TestApp::spawn().await;
    app.person("first@city.example").await;
    app.person("second@city.example").await;

    let first = app.client();
    let response = first.get(app.url("/signin")).send().await.unwrap();
    let first_cookie = set_cookie(&response, "shutaf_csrf").expect("a CSRF cookie");
    assert_eq!(response.headers()["x-cache"], "miss");
    let first_html = response.text().await.unwrap();
    assert_eq!(csrf_token(&first_html), first_cookie);

    let second = app.client();
    let response = second.get(app.url("/signin")).send().await.unwrap();
    assert_eq!(response.headers()["x-cache"], "hit");
    let second_cookie = set_cookie(&response, "shutaf_csrf")
        .expect("a first visitor gets the cookie from a kept page too");
    let second_html = response.text().await.unwrap();
    assert_ne!(first_cookie, second_cookie);
    assert_eq!(csrf_token(&second_html), second_cookie);
    assert!(
        !second_html.contains(&first_cookie),
        "no other visitor's token"
    );
    assert_eq!(
        second_html.matches(&second_cookie).count(),
        first_html.matches(&first_cookie).count(),
        "every place of the token is the visitor's"
    );

    // Both sign in with the token their page gave them (served from memory both times).
    for (client, email) in [
        (&first, "first@city.example"),
        (&second, "second@city.example"),
    ] {
        let response = app
            .post(
                client,
                "/signin",
                "/signin",
                &[
                    ("email", email),
                    ("password", shutaf_testkit::PASSWORD),
                    ("next", "/profile"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{email}");
        assert_eq!(location(&response), "/profile");
    }
}

#[tokio::test]
async fn each_language_has_its_own_copy() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (_, cache, hebrew) = fetch(&app, &client, "/").await;
    assert_eq!(cache, "miss");
    assert!(hebrew.contains("<html lang=\"he\""));

    // By the browser's language...
    for (code, expected) in [("en", "miss"), ("en", "hit"), ("ar", "miss")] {
        let (_, cache, html) = fetch_with(
            &app,
            client.get(app.url("/")).header("accept-language", code),
        )
        .await;
        assert_eq!(cache, expected, "{code}");
        assert!(html.contains(&format!("<html lang=\"{code}\"")), "{code}");
    }

    // ... and by the choice the language link remembers in a cookie.
    let response = client
        .get(app.url("/language/en?next=/"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, cache, html) = fetch(&app, &client, "/").await;
    assert_eq!(cache, "hit", "the English copy made above");
    assert!(html.contains("<html lang=\"en\""));
    let (_, _, html) = fetch_with(
        &app,
        client.get(app.url("/")).header("accept-language", "ar"),
    )
    .await;
    assert!(
        html.contains("<html lang=\"en\""),
        "the cookie goes before the browser"
    );
}

#[tokio::test]
async fn time_passing_on_the_hubs_clock_renders_afresh() {
    let app = TestApp::spawn().await;
    let client = app.client();
    fetch(&app, &client, "/").await;
    let (_, cache, _) = fetch(&app, &client, "/").await;
    assert_eq!(cache, "hit");
    // Past the time to live (30 s by default).
    app.db.clock.advance(31);
    let (status, cache, _) = fetch(&app, &client, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cache, "miss");
    let (_, cache, _) = fetch(&app, &client, "/").await;
    assert_eq!(cache, "hit");
    // Any move of the clock, however small, in a test.
    app.db.clock.advance(1);
    let (_, cache, _) = fetch(&app, &client, "/").await;
    assert_eq!(cache, "miss");
}

#[tokio::test]
async fn the_cache_can_be_turned_off() {
    let app = TestApp::spawn_with(|config| config.cache.mb = 0).await;
    let client = app.client();
    for _ in 0..2 {
        let (status, cache, _) = fetch(&app, &client, "/").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(cache, "");
    }
}

/// A range of the decision log's entries goes through the cache without being kept: large,
/// quick to make and seldom asked for twice (`page_cache::NotKept`); the signed head is kept.
#[tokio::test]
async fn ranges_of_the_log_are_not_kept() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let mut seen = Vec::new();
    for path in [
        "/api/v1/log/entries?start=0&end=1",
        "/api/v1/log/entries?start=0&end=1",
        "/api/v1/log/head",
        "/api/v1/log/head",
    ] {
        let (status, cache, _) = fetch(&app, &client, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        seen.push(cache);
    }
    // The ranges are passed on as made (no `X-Cache`: nothing was kept or served from memory).
    assert_eq!(seen, ["", "", "miss", "hit"]);
}

/// Kept answers are compressed: one with nothing to write in (the API's) goes to a client that
/// takes gzip as it is kept, and inflated to any other; a page, which gets the visitor's token
/// and header written in, is inflated and served whole.
#[tokio::test]
async fn kept_answers_are_compressed_and_served_whole() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let path = "/api/v1/localities";
    let (_, cache, plain) = fetch(&app, &client, path).await;
    assert_eq!(cache, "miss");
    let zipped = client
        .get(app.url(path))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(zipped.headers()["x-cache"], "hit");
    assert_eq!(zipped.headers()["content-encoding"], "gzip");
    assert!(
        zipped
            .headers()
            .get_all("vary")
            .iter()
            .any(|v| v.to_str().unwrap_or("").contains("accept-encoding")),
        "caches in between must know"
    );
    let compressed = zipped.bytes().await.unwrap();
    let inflated = crate::support::gunzip(&compressed);
    assert_eq!(
        String::from_utf8(inflated).unwrap(),
        plain,
        "the same answer"
    );
    let (_, cache, again) = fetch(&app, &client, path).await;
    assert_eq!((cache.as_str(), again.as_str()), ("hit", plain.as_str()));

    // A page: kept compressed (the entry, headers and all, takes less room than the page's
    // text), written into for each visitor, so served inflated, and whole.
    let held = metric(&app, "shutaf_page_cache_bytes").await;
    let (_, cache, first) = fetch(&app, &client, "/localities").await;
    assert_eq!(cache, "miss");
    let grown = metric(&app, "shutaf_page_cache_bytes").await - held;
    assert!(
        grown < first.len() as u64,
        "{grown} bytes kept for a page of {}",
        first.len()
    );
    let page = client
        .get(app.url("/localities"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(page.headers()["x-cache"], "hit");
    assert!(page.headers().get("content-encoding").is_none());
    assert_eq!(
        page.text().await.unwrap(),
        first,
        "the same page, the same token"
    );
}
