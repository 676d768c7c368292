//! `shutaf demo --organisations N --initiatives N --log-entries N`: a small generated data set
//! loads completely (open calls in every status, notices, donations at every step among it), the
//! same seed gives the same data, the directory finds its Hebrew names as people type them, the
//! hub serves a generated locality's portal, calls and donations, `shutaf verify` accepts its
//! decision log, and a database with data in it is refused. Runs on the backend chosen by
//! SHUTAF_TEST_BACKEND.

use shutaf_domain::{Language, Sector};
use shutaf_store::{Db, DirectoryFilter};
use shutaf_testkit::database::fresh_database_url;
use shutaf_testkit::process::{TempDir, assert_success, run};
use shutaf_testkit::{HubOptions, HubProcess};

use crate::support::BINARY;

const SMALL: [&str; 11] = [
    "demo",
    "--organisations",
    "2000",
    "--initiatives",
    "1000",
    "--log-entries",
    "5000",
    "--localities",
    "25",
    "--seed",
    "42",
];

/// A table's rows as text, one string a row, in order: the same SQL on both backends.
async fn rows(db: &Db, sql: &str) -> Vec<String> {
    sqlx::query_scalar(sql).fetch_all(&db.pool).await.unwrap()
}

/// What two loads with the same seed must share: every generated table that matters, row by
/// row (the password hash aside: it is salted, and the password is made at load time).
async fn contents(db: &Db) -> Vec<Vec<String>> {
    let mut all = Vec::new();
    for sql in [
        "SELECT CAST(id AS TEXT) || '|' || COALESCE(name_he, '') || '|' || COALESCE(name_ar, '') || '|' || \
         COALESCE(name_en, '') || '|' || sort_he || '|' || sort_ar || '|' || sort_en || '|' || sector || '|' || kind || '|' || \
         COALESCE(description, '') || '|' || COALESCE(website, '') || '|' || CAST(created_at AS TEXT) FROM organisations ORDER BY id",
        "SELECT term || '|' || CAST(organisation_id AS TEXT) FROM organisation_search_terms ORDER BY organisation_id, term",
        "SELECT CAST(id AS TEXT) || '|' || email || '|' || display_name FROM users ORDER BY id",
        "SELECT CAST(organisation_id AS TEXT) || '|' || CAST(user_id AS TEXT) || '|' || role FROM memberships \
         ORDER BY organisation_id, user_id",
        "SELECT CAST(id AS TEXT) || '|' || COALESCE(name_he, '') || '|' || kind FROM localities ORDER BY id",
        "SELECT CAST(goal_id AS TEXT) || '|' || code FROM goal_sdg_links ORDER BY goal_id, code",
        "SELECT CAST(id AS TEXT) || '|' || COALESCE(title_he, '') || '|' || COALESCE(title_ar, '') || '|' || \
         COALESCE(title_en, '') || '|' || stage || '|' || CAST(revision AS TEXT) || '|' || CAST(created_at AS TEXT) || '|' || \
         CAST(last_activity_at AS TEXT) FROM initiatives ORDER BY id",
        "SELECT CAST(initiative_id AS TEXT) || '|' || CAST(organisation_id AS TEXT) || '|' || status || '|' || \
         COALESCE(role, '') FROM initiative_partners ORDER BY initiative_id, organisation_id",
        "SELECT CAST(id AS TEXT) || '|' || CAST(initiative_id AS TEXT) || '|' || kind || '|' || CAST(created_at AS TEXT) \
         FROM initiative_events ORDER BY id",
        "SELECT CAST(id AS TEXT) || '|' || CAST(locality_id AS TEXT) || '|' || title || '|' || status || '|' || \
         CAST(deadline_at AS TEXT) || '|' || COALESCE(CAST(initiative_id AS TEXT), '') FROM calls ORDER BY id",
        "SELECT CAST(id AS TEXT) || '|' || CAST(call_id AS TEXT) || '|' || CAST(organisation_id AS TEXT) FROM call_applications ORDER BY id",
        "SELECT CAST(application_id AS TEXT) || '|' || CAST(criterion_id AS TEXT) || '|' || CAST(evaluator_id AS TEXT) || '|' || \
         CAST(score AS TEXT) FROM call_scores ORDER BY application_id, criterion_id, evaluator_id",
        "SELECT CAST(id AS TEXT) || '|' || CAST(initiative_id AS TEXT) || '|' || COALESCE(outcome, '') FROM competition_notices ORDER BY id",
        "SELECT CAST(id AS TEXT) || '|' || donor_name || '|' || kind || '|' || step FROM donations ORDER BY id",
        "SELECT CAST(idx AS TEXT) || '|' || leaf_hash FROM decision_log ORDER BY idx",
    ] {
        all.push(rows(db, sql).await);
    }
    all
}

#[tokio::test]
async fn a_small_scale_load_is_complete_repeatable_searchable_and_verifies() {
    let dir = TempDir::new("scale-load");
    let dir = dir.path();
    let first = fresh_database_url().await;
    let second = fresh_database_url().await;
    assert_success(&run(BINARY, dir, &first, &SMALL));
    assert_success(&run(BINARY, dir, &second, &SMALL));

    let db = shutaf_testkit::database::connect(&first).await;
    let count = |table: &'static str| {
        let db = db.clone();
        async move {
            let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&db.pool)
                .await
                .unwrap();
            n
        }
    };
    assert_eq!(count("organisations").await, 2000);
    assert_eq!(count("initiatives").await, 1000);
    assert_eq!(count("localities").await, 25);
    assert_eq!(count("decision_log").await, 5000);
    assert_eq!(db.log_size().await.unwrap(), 5000);
    assert!(
        count("users").await > 2000,
        "people come with organisations"
    );
    assert!(count("organisation_search_terms").await > 20_000);
    let stages: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT stage FROM initiatives ORDER BY stage")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert!(
        stages.len() >= 8,
        "initiatives in every part of the cycle: {stages:?}"
    );
    let languages: Vec<(i64, i64, i64)> =
        sqlx::query_as("SELECT COUNT(name_he), COUNT(name_ar), COUNT(name_en) FROM organisations")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let (he, ar, en) = languages[0];
    assert!(
        he > 500 && ar > 300 && en > 500,
        "trilingual: {he} {ar} {en}"
    );

    // The same seed, the same data (and so the same log root).
    let other = shutaf_testkit::database::connect(&second).await;
    let (mine, theirs) = (contents(&db).await, contents(&other).await);
    for (a, b) in mine.iter().zip(&theirs) {
        assert_eq!(a.len(), b.len());
        assert!(a == b, "the same seed gives the same rows");
    }
    assert_eq!(
        db.log_head().await.unwrap(),
        other.log_head().await.unwrap()
    );
    // And the same root as ever: the golden root of this seed (pinned in the generator's tests
    // too), so that no refactoring changes a byte of the public record by accident.
    assert_eq!(
        hex::encode(db.log_head().await.unwrap().root),
        "2336066eb5bb83626746d9843e3862a752bffc1f0d4a82267cf6acf86cad39ee"
    );

    // The directory finds a generated Hebrew name with a one-letter prefix glued to a word, and
    // a word as typed so far.
    let (id, name): (i64, String) = sqlx::query_as(
        "SELECT id, name_he FROM organisations WHERE name_he IS NOT NULL AND kind = 'ngo' ORDER BY id LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let hebrew = |w: &&str| {
        w.chars().count() >= 3 && w.chars().all(|c| ('\u{05D0}'..='\u{05EA}').contains(&c))
    };
    let words: Vec<&str> = name.split_whitespace().filter(hebrew).collect();
    let longest = *words.iter().max_by_key(|w| w.chars().count()).unwrap();
    let others: Vec<&str> = words.iter().copied().filter(|w| *w != longest).collect();
    let search = |q: String| {
        let db = db.clone();
        async move {
            db.directory(&DirectoryFilter {
                q: Some(q),
                lang: Language::He,
                per_page: 100,
                ..DirectoryFilter::default()
            })
            .await
            .unwrap()
        }
    };
    let prefixed = format!("ו{longest} {}", others.join(" "));
    let found = search(prefixed.clone()).await;
    assert!(
        found
            .items
            .iter()
            .any(|o| o.name_he.as_deref() == Some(name.as_str())),
        "{prefixed:?} finds {name:?} (organisation {id}): {:?} found",
        found.total
    );
    let typed: String = longest.chars().take(longest.chars().count() - 1).collect();
    let found = search(format!("{typed} {}", others.join(" "))).await;
    assert!(
        found
            .items
            .iter()
            .any(|o| o.name_he.as_deref() == Some(name.as_str())),
        "{typed:?} finds {name:?}"
    );

    // The kept counts agree with counting, after two thousand organisations, a thousand
    // initiatives and thousands of log entries written by the generator's triggers.
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));
    assert_eq!(db.count_organisations().await.unwrap(), 2000);

    // The directory walked by its cursors, forwards in pages of 97 then back, meets every
    // organisation once, in the order of names (keyset pagination, no OFFSET).
    let mut forwards: Vec<i64> = Vec::new();
    let mut filter = DirectoryFilter {
        lang: Language::Ar,
        per_page: 97,
        ..DirectoryFilter::default()
    };
    let last = loop {
        let page = db.directory(&filter).await.unwrap();
        assert_eq!(page.total, shutaf_store::Count::exact(2000));
        assert_eq!(page.page, filter.page.max(1));
        forwards.extend(page.items.iter().map(|o| o.id));
        match page.next {
            Some(next) => {
                filter.cursor = Some(next);
                filter.page = page.page + 1;
            }
            None => break page,
        }
    };
    assert_eq!(last.pages(), Some(21));
    assert_eq!(last.page, 21);
    let ordered: Vec<i64> = sqlx::query_scalar("SELECT id FROM organisations ORDER BY sort_ar, id")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert_eq!(forwards, ordered, "every organisation once, in name order");
    let mut backwards: Vec<i64> = last.items.iter().rev().map(|o| o.id).collect();
    let mut previous = last.previous.clone();
    while let Some(cursor) = previous {
        filter.cursor = Some(cursor);
        let page = db.directory(&filter).await.unwrap();
        assert_eq!(page.items.len(), 97, "whole pages going back");
        backwards.extend(page.items.iter().rev().map(|o| o.id));
        previous = page.previous;
    }
    backwards.reverse();
    assert_eq!(backwards, ordered, "and back again to the first");
    // A filter the counts do not follow is counted (up to a cap: the store's tests pass it).
    let (contribution, with_it): (String, i64) = sqlx::query_as(
        "SELECT contribution, COUNT(*) FROM organisation_contributions GROUP BY contribution \
         ORDER BY COUNT(*) DESC, contribution LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let widest = db
        .directory(&DirectoryFilter {
            contribution: shutaf_domain::ContributionType::parse(&contribution),
            per_page: 20,
            ..DirectoryFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(
        widest.total,
        shutaf_store::Count::capped(with_it),
        "{contribution}"
    );
    // The largest locality filtered by a sector and that contribution (the directory's kept
    // rows by place), walked forwards in pages of 7: the organisations a plain query finds, in
    // the order of Hebrew names.
    let (locality, sector): (i64, String) = sqlx::query_as(
        "SELECT ol.locality_id, o.sector FROM organisation_localities ol JOIN organisations o ON o.id = ol.organisation_id \
         GROUP BY ol.locality_id, o.sector ORDER BY COUNT(*) DESC, ol.locality_id LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let expected: Vec<i64> = sqlx::query_scalar(
        "SELECT o.id FROM organisations o JOIN organisation_localities ol ON ol.organisation_id = o.id \
         WHERE ol.locality_id = $1 AND o.sector = $2 AND EXISTS (SELECT 1 FROM organisation_contributions c \
         WHERE c.organisation_id = o.id AND c.contribution = $3) ORDER BY o.sort_he, o.id",
    )
    .bind(locality)
    .bind(&sector)
    .bind(&contribution)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert!(
        expected.len() > 7,
        "{} found: several pages",
        expected.len()
    );
    let mut filter = DirectoryFilter {
        locality_id: Some(locality),
        sector: Sector::parse(&sector),
        contribution: shutaf_domain::ContributionType::parse(&contribution),
        lang: Language::He,
        per_page: 7,
        ..DirectoryFilter::default()
    };
    let mut found: Vec<i64> = Vec::new();
    loop {
        let page = db.directory(&filter).await.unwrap();
        assert_eq!(
            page.total,
            shutaf_store::Count::capped(expected.len() as i64)
        );
        found.extend(page.items.iter().map(|o| o.id));
        match page.next {
            Some(next) => filter.cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(
        found, expected,
        "the locality's filtered directory, in name order"
    );

    // Open calls in every status, with evaluators' declarations and scores; awarded calls that
    // became initiatives, their winner a partner; notices with alternatives and outcomes;
    // donations at every step. Each step on the log.
    let calls = count("calls").await;
    assert!((20..=60).contains(&calls), "{calls} calls");
    let statuses: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT status FROM calls ORDER BY status")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(statuses, ["awarded", "cancelled", "draft", "open"]);
    assert!(count("call_applications").await >= calls);
    assert!(count("call_criteria").await >= 2 * calls);
    assert!(count("call_scores").await > 100);
    let linked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM calls c JOIN call_applications a ON a.id = c.awarded_application_id \
         JOIN initiative_partners p ON p.initiative_id = c.initiative_id AND p.organisation_id = a.organisation_id \
         JOIN initiatives i ON i.id = c.initiative_id AND i.initiator_organisation_id = \
         (SELECT convener_organisation_id FROM localities l WHERE l.id = c.locality_id)",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(linked >= 1, "an awarded call became an initiative");
    let unscored: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM call_scores s JOIN call_applications a ON a.id = s.application_id \
         WHERE NOT EXISTS (SELECT 1 FROM declarations d WHERE d.matter = 'call' AND d.matter_id = a.call_id \
         AND d.user_id = s.evaluator_id AND d.declared_at <= s.scored_at)",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(unscored, 0, "evaluators declare before they score");
    assert!(count("competition_notices").await >= 1);
    assert!(count("alternative_proposals").await >= 1);
    let steps: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT step FROM donations ORDER BY step")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(steps, ["checked", "decided", "registered", "reported"]);
    let kinds: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT kind FROM decision_log WHERE kind LIKE 'call-%' OR kind LIKE 'application-%' \
         OR kind LIKE 'donation-%' OR kind LIKE 'notice-%' OR kind IN ('alternative-proposed', 'recused') ORDER BY kind",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    for kind in [
        "application-received",
        "application-scored",
        "call-awarded",
        "call-cancelled",
        "call-published",
        "donation-checked",
        "donation-decided",
        "donation-registered",
        "donation-reported",
        "notice-decided",
        "notice-published",
    ] {
        assert!(
            kinds.iter().any(|k| k == kind),
            "{kind} on the log: {kinds:?}"
        );
    }
    let received: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM decision_log WHERE kind = 'application-received'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(received, count("call_applications").await);

    // The hub serves the busiest locality's portal, calls and donations, and the calls and
    // gifts themselves.
    let (locality,): (i64,) = sqlx::query_as(
        "SELECT locality_id FROM calls GROUP BY locality_id ORDER BY COUNT(*) DESC, locality_id LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let mut paths = vec![
        format!("/localities/{locality}/portal"),
        format!("/localities/{locality}/calls"),
        format!("/localities/{locality}/donations"),
        format!("/localities/{locality}/record?kind=call-awarded"),
    ];
    let published: Vec<i64> = sqlx::query_scalar(
        "SELECT MIN(id) FROM calls WHERE status <> 'draft' GROUP BY status ORDER BY MIN(id)",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    paths.extend(published.iter().map(|id| format!("/calls/{id}")));
    let donations: Vec<i64> =
        sqlx::query_scalar("SELECT MIN(id) FROM donations GROUP BY step ORDER BY MIN(id)")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    paths.extend(donations.iter().map(|id| format!("/donations/{id}")));
    let (noticed,): (i64,) = sqlx::query_as(
        "SELECT initiative_id FROM competition_notices WHERE outcome IS NOT NULL ORDER BY id LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    paths.push(format!("/initiatives/{noticed}"));
    {
        let hub = HubProcess::start(HubOptions {
            dir: Some(dir.to_owned()),
            ..HubOptions::new(BINARY, "scale", first.clone())
        })
        .await;
        let base = &hub.base;
        let client = reqwest::Client::new();
        for path in &paths {
            let response = client.get(format!("{base}{path}")).send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
        }
    }

    // The log verifies.
    let output = run(
        BINARY,
        dir,
        &first,
        &["verify", "--seen", dir.join("seen.txt").to_str().unwrap()],
    );
    assert_success(&output);
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("intact: 5000 entries"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );

    // New rows continue after the generated ids (PostgreSQL's sequences were moved on).
    let created = db
        .create_organisation_unowned(&shutaf_store::NewOrganisation {
            names: [Some("ארגון חדש".into()), None, None],
            sector: Some(shutaf_domain::Sector::Third),
            kind: Some(shutaf_domain::OrganisationKind::Ngo),
            ..shutaf_store::NewOrganisation::default()
        })
        .await
        .unwrap();
    assert_eq!(created, 2001);

    // A database with data in it is refused, and left alone.
    let output = run(BINARY, dir, &first, &SMALL);
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("not empty"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(count("organisations").await, 2001);
    db.close().await;
    other.close().await;
}

#[test]
fn impossible_sizes_are_explained() {
    let dir = TempDir::new("scale-sizes");
    let dir = dir.path();
    let url = format!("sqlite://{}", dir.join("unused.db").display());
    let output = run(
        BINARY,
        dir,
        &url,
        &["demo", "--initiatives", "100", "--log-entries", "50"],
    );
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("--log-entries must be at least"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !dir.join("unused.db").exists(),
        "nothing is opened before the sizes are checked"
    );
}
