//! A locality's public portal: searching its initiatives, filtering by stage and by how the
//! business partner was chosen, and downloads that neutralise spreadsheet formulas.

use reqwest::StatusCode;
use serde_json::Value;
use shutaf_testkit::TestApp;

use crate::support::city;

#[tokio::test]
async fn portal_downloads_neutralise_spreadsheet_formulas() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let acting = c.company_acting(&app).await;
    let (id, _) = app
        .db
        .create_initiative(&c.company_idea([None, None, Some("=1+1 roofs")]), acting)
        .await
        .unwrap();
    let visitor = app.client();
    let response = visitor
        .get(app.url(&format!(
            "/localities/{}/portal/initiatives.csv",
            c.locality
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    assert!(csv.contains("'=1+1 roofs"), "{csv}");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(!csv.contains(",=1+1"));
    let (status, json) = app
        .get(
            &visitor,
            &format!("/localities/{}/portal/initiatives.json", c.locality),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let rows: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["id"], id);
    assert_eq!(
        rows[0]["title_en"], "=1+1 roofs",
        "JSON keeps the data as it is"
    );
    assert_eq!(
        app.get(
            &visitor,
            &format!("/localities/{}/portal/secrets.csv", c.locality)
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
    // The portal searches titles.
    let (_, html) = app
        .get(
            &visitor,
            &format!("/localities/{}/portal?q=roofs", c.locality),
        )
        .await;
    assert!(html.contains("=1+1 roofs"));
    let (_, html) = app
        .get(
            &visitor,
            &format!("/localities/{}/portal?q=gardens", c.locality),
        )
        .await;
    assert!(!html.contains("=1+1 roofs"));
    // And filters by stage and by how the business partner was chosen.
    for (query, shown) in [
        ("stage=idea", true),
        ("stage=agreed", false),
        ("chosen=unrecorded", true),
        ("chosen=open-call", false),
        ("chosen=exemption", false),
        ("stage=idea&chosen=unrecorded&q=roofs", true),
    ] {
        let (status, html) = app
            .get(
                &visitor,
                &format!("/localities/{}/portal?{query}", c.locality),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(html.contains("=1+1 roofs"), shown, "{query}");
    }
}

/// Copies initiative `id` `n` times in one statement (titles `copy 1` … `copy n`), with its
/// partners: a long portal list without a long test.
async fn copies(app: &TestApp, id: i64, n: i64) {
    sqlx::query(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $2) \
         INSERT INTO initiatives (locality_id, initiator_organisation_id, title_en, model, management, stage, \
         created_at, updated_at, last_activity_at, business_partner) \
         SELECT i.locality_id, i.initiator_organisation_id, 'copy ' || n.k, i.model, i.management, i.stage, \
         i.created_at, i.updated_at, i.last_activity_at, i.business_partner FROM initiatives i, n WHERE i.id = $1",
    )
    .bind(id)
    .bind(n)
    .execute(&app.db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO initiative_partners (initiative_id, organisation_id, status, created_at, joined_at) \
         SELECT c.id, p.organisation_id, p.status, p.created_at, p.joined_at \
         FROM initiatives c, initiative_partners p WHERE c.id > $1 AND p.initiative_id = $1",
    )
    .bind(id)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

/// The ids of the initiatives a portal page lists, in order.
fn listed(html: &str) -> Vec<i64> {
    html.split("<a href=\"/initiatives/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

/// The portal's downloads are streamed a chunk of rows at a time, and give the same bytes as
/// the whole file built at once: the JSON array pretty-printed, the CSV with its byte-order
/// mark, header row and neutralised cells; 5,000 rows a file, `?page=2` for the next. The page
/// goes by keyset (`?before=`), each initiative once, and counts up to 1,000 ("more than").
#[tokio::test]
async fn portal_downloads_stream_and_its_pages_go_by_keyset() {
    use shutaf_store::portal::PortalFilter;
    use shutaf_web::pages::portal::{CHUNK_ROWS, neutralise};
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let acting = c.company_acting(&app).await;
    let (first, _) = app
        .db
        .create_initiative(
            &c.company_idea([Some("גגות סולאריים"), None, Some("-2 roofs")]),
            acting,
        )
        .await
        .unwrap();
    copies(&app, first, 5_200).await;
    let all = app
        .db
        .portal_initiatives(c.locality, &PortalFilter::default(), None, 10_000)
        .await
        .unwrap();
    assert_eq!(all.len(), 5_201);
    assert!(all.len() as i64 > 10 * CHUNK_ROWS);
    let visitor = app.client();
    let portal = format!("/localities/{}/portal", c.locality);

    // JSON: byte for byte the list pretty-printed whole, a page of 5,000 rows at a time.
    for (page, rows) in [(1, &all[..5_000]), (2, &all[5_000..]), (3, &all[..0])] {
        let response = visitor
            .get(app.url(&format!("{portal}/initiatives.json?page={page}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/json");
        let body = response.bytes().await.unwrap();
        assert!(
            body[..] == serde_json::to_vec_pretty(rows).unwrap()[..],
            "page {page} of the JSON differs"
        );
    }

    // CSV: the same rows as the whole file written at once.
    let expected = |rows: &[shutaf_store::portal::PortalInitiative]| {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record([
                "id",
                "title_he",
                "title_ar",
                "title_en",
                "stage",
                "business_partners",
                "chosen_by",
                "exemption",
                "exemption_reasons",
                "call_id",
                "declarations",
                "recusals",
                "url",
            ])
            .unwrap();
        for i in rows {
            let cells = [
                i.id.to_string(),
                i.title_he.clone().unwrap_or_default(),
                i.title_ar.clone().unwrap_or_default(),
                i.title_en.clone().unwrap_or_default(),
                i.stage.code().to_owned(),
                i.businesses(shutaf_domain::Language::He).to_owned(),
                i.choice().code().to_owned(),
                i.integrity_exemption.clone().unwrap_or_default(),
                i.integrity_exemption_text.clone().unwrap_or_default(),
                i.call_id.map(|c| c.to_string()).unwrap_or_default(),
                i.declarations.to_string(),
                i.recusals.to_string(),
                format!("{}/initiatives/{}", app.config.base(), i.id),
            ];
            writer
                .write_record(cells.iter().map(|c| neutralise(c)))
                .unwrap();
        }
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(writer.into_inner().unwrap());
        bytes
    };
    for (page, rows) in [(1, &all[..5_000]), (2, &all[5_000..]), (3, &all[..0])] {
        let response = visitor
            .get(app.url(&format!("{portal}/initiatives.csv?page={page}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.bytes().await.unwrap();
        assert!(
            body[..] == expected(rows)[..],
            "page {page} of the CSV differs"
        );
    }
    let (_, csv) = app
        .get(&visitor, &format!("{portal}/initiatives.csv?page=2"))
        .await;
    assert!(
        csv.contains(",'-2 roofs,"),
        "the first row, neutralised: {csv}"
    );

    // The page counts up to 1,000 and walks the list by keyset: each initiative once, newest
    // first, with a way back to the first page.
    let (status, html) = app.get(&visitor, &portal).await;
    assert_eq!(status, StatusCode::OK);
    let he = shutaf_web::i18n::Tr::new(shutaf_domain::Language::He);
    let more = he.count("portal-initiative-count-more", "count", 1_000);
    assert!(html.contains(&more), "a capped count: {more}");
    assert!(
        !html.contains("rel=\"first\""),
        "the first page links to itself"
    );
    let mut seen = Vec::new();
    let mut page = format!("{portal}?q=copy+5");
    let mut pages = 0;
    loop {
        let (status, html) = app.get(&visitor, &page).await;
        assert_eq!(status, StatusCode::OK);
        pages += 1;
        if pages == 1 {
            let exact = he.count("portal-initiative-count", "count", 312);
            assert!(
                html.contains(&exact),
                "an exact count under the cap: {exact}"
            );
        } else {
            assert!(
                html.contains("rel=\"first\""),
                "a later page links to the first"
            );
        }
        seen.extend(listed(&html));
        let Some(next) = html
            .split("\" rel=\"next\"")
            .next()
            .filter(|_| html.contains("rel=\"next\""))
        else {
            break;
        };
        page = next.rsplit("href=\"").next().unwrap().replace("&#38;", "&");
        assert!(page.contains("before="), "{page}");
    }
    // copy 5, copy 50–59, copy 500–599 and copy 5000–5200.
    assert_eq!(seen.len(), 312);
    assert_eq!(pages, 13);
    assert!(seen.windows(2).all(|pair| pair[0] > pair[1]), "{seen:?}");
}

/// The portal's downloads stream, and the page cache keeps the copy of one that streamed whole:
/// the next visitor gets the same bytes from memory, until a write moves the data on.
#[tokio::test]
async fn a_portal_download_is_kept_once_streamed_and_dropped_by_a_write() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let acting = c.company_acting(&app).await;
    let new = |title: &str| c.company_idea([None, None, Some(title)]);
    let (first, _) = app
        .db
        .create_initiative(&new("Roofs"), acting)
        .await
        .unwrap();
    // Several chunks of the stream.
    copies(&app, first, 1_200).await;
    let visitor = app.client();
    let csv = app.url(&format!(
        "/localities/{}/portal/initiatives.csv",
        c.locality
    ));
    let get = async || {
        let response = visitor.get(&csv).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        let cache = response.headers()["x-cache"].to_str().unwrap().to_owned();
        (cache, response.bytes().await.unwrap())
    };
    let (cache, streamed) = get().await;
    assert_eq!(cache, "miss");
    let (cache, kept) = get().await;
    assert_eq!(cache, "hit");
    assert_eq!(streamed, kept, "the kept copy is the streamed file");
    assert_eq!(
        String::from_utf8_lossy(&kept).lines().count(),
        1 + 1_201,
        "the head and every row"
    );
    // A client that takes gzip (every browser) gets the kept copy compressed; it is the file.
    let zipped = visitor
        .get(&csv)
        .header("accept-encoding", "br, gzip;q=0.8")
        .send()
        .await
        .unwrap();
    assert_eq!(zipped.headers()["x-cache"], "hit");
    assert_eq!(zipped.headers()["content-encoding"], "gzip");
    assert_eq!(zipped.headers()["vary"], "accept-encoding");
    let compressed = zipped.bytes().await.unwrap();
    assert!(compressed.len() * 4 < kept.len(), "kept compressed");
    let inflated = crate::support::gunzip(&compressed);
    assert_eq!(inflated, kept, "the compressed copy is the file");
    // One that refuses gzip gets it inflated, as it is sent (the file is larger than what is
    // inflated at once).
    assert!(kept.len() > 64 * 1024, "{} bytes", kept.len());
    let refused = visitor
        .get(&csv)
        .header("accept-encoding", "gzip;q=0")
        .send()
        .await
        .unwrap();
    assert!(refused.headers().get("content-encoding").is_none());
    assert_eq!(refused.bytes().await.unwrap(), kept);

    // A write through the hub: the next visitor gets the file afresh, with the new row.
    app.db
        .create_initiative(&new("Later roofs"), acting)
        .await
        .unwrap();
    let (cache, fresh) = get().await;
    assert_eq!(cache, "miss");
    assert!(String::from_utf8_lossy(&fresh).contains("Later roofs"));
    assert_eq!(String::from_utf8_lossy(&fresh).lines().count(), 1 + 1_202);
}
