//! The seed's story: a city, a company and an NGO partner up through the lifecycle's gates. Its
//! people and organisations, created directly in the hub's database, and what the stories read
//! on the initiative's page, in Hebrew and Arabic.

use shutaf_domain::{ContributionType, Language, LocalityKind, OrganisationKind, Sector};
use shutaf_store::{Db, DbSettings, NewLocality, NewOrganisation};
use shutaf_testkit::browser::{Browser, encode};
use shutaf_web::i18n::Tr;

use super::sign_in;

/// Hebrew, as the pages speak it to these tests.
pub const HE: Tr = Tr { lang: Language::He };

/// The Hebrew of `key`, which must exist (a missing key would show as itself on both sides).
pub fn he(key: &str) -> String {
    let text = HE.t(key);
    assert_ne!(text, key, "no Hebrew message {key}");
    text
}

/// Arabic, as the pages speak it to these tests.
pub const AR: Tr = Tr { lang: Language::Ar };

/// The Arabic of `key`, which must exist in Arabic (not only through the Hebrew fallback).
pub fn ar(key: &str) -> String {
    let text = AR.t(key);
    assert!(text != key && text != HE.t(key), "no Arabic message {key}");
    text
}

/// A person of the story: created verified in the database, signs in through the pages.
pub struct Person {
    pub name: &'static str,
    pub email: &'static str,
    pub password: &'static str,
}

/// The city's sustainability coordinator (an owner of the convener).
pub const COORDINATOR: Person = Person {
    name: "מיכל אברהם",
    email: "coordinator@karmiel.example",
    password: "the city plans a budget year ahead",
};
/// The company's CSR manager (an owner of the company).
pub const CSR: Person = Person {
    name: "דניאל לוי",
    email: "csr@solar.example",
    password: "results within a quarter please",
};
/// The NGO's director (an owner of the NGO).
pub const NGO: Person = Person {
    name: "סלמה חורי",
    email: "ngo@green.example",
    password: "the trust of the community",
};

pub const CITY_NAME: &str = "עיריית כרמיאל";
pub const COMPANY_NAME: &str = "סולאר הגליל";
pub const NGO_NAME: &str = "ירוק בגליל";

/// The locality and the three organisations of the story, created directly in the hub's
/// database (the pages that create them are the signup and admin stories').
#[derive(Clone, Copy)]
pub struct Story {
    pub locality: i64,
    pub city: i64,
    pub company: i64,
    pub ngo: i64,
}

/// A connection to the hub's database, behind its back (one connection: the hub has the rest).
pub async fn hub_db(database_url: &str) -> Db {
    let settings = DbSettings {
        max_connections: 1,
        ..DbSettings::default()
    };
    Db::connect(database_url, &settings)
        .await
        .expect("connect to the hub's database")
}

/// Creates a person, verified and speaking Hebrew, directly in the database; gives their id.
pub async fn create_person(db: &Db, person: &Person) -> i64 {
    let hash = shutaf_web::auth::hash_password(person.password.to_owned())
        .await
        .expect("hash a password");
    db.create_user(
        person.email,
        person.name,
        &hash,
        Some(Language::He),
        false,
        true,
    )
    .await
    .expect("create a person")
    .id
}

impl Story {
    /// Made in the hub's database (`database_url`).
    pub async fn create(database_url: &str) -> Story {
        let db = hub_db(database_url).await;
        let mut users = Vec::new();
        for person in [&COORDINATOR, &CSR, &NGO] {
            users.push(create_person(&db, person).await);
        }
        let organisation =
            |name_he: &str, name_en: &str, sector, kind, locality: Option<i64>| NewOrganisation {
                names: [Some(name_he.to_owned()), None, Some(name_en.to_owned())],
                sector: Some(sector),
                kind: Some(kind),
                contributions: ContributionType::sector_defaults(sector).to_vec(),
                locality_ids: locality.into_iter().collect(),
                ..NewOrganisation::default()
            };
        let city = db
            .create_organisation(
                &organisation(
                    CITY_NAME,
                    "Karmiel Municipality",
                    Sector::Public,
                    OrganisationKind::Municipality,
                    None,
                ),
                users[0],
            )
            .await
            .expect("create the city")
            .id;
        let locality = db
            .create_locality(&NewLocality {
                names: [Some("כרמיאל".into()), None, Some("Karmiel".into())],
                kind: LocalityKind::Municipality,
                convener_organisation_id: city,
                description: None,
            })
            .await
            .expect("create the locality")
            .id;
        let company = db
            .create_organisation(
                &organisation(
                    COMPANY_NAME,
                    "Galilee Solar",
                    Sector::Business,
                    OrganisationKind::Company,
                    Some(locality),
                ),
                users[1],
            )
            .await
            .expect("create the company")
            .id;
        let ngo = db
            .create_organisation(
                &organisation(
                    NGO_NAME,
                    "Green Galilee",
                    Sector::Third,
                    OrganisationKind::Ngo,
                    Some(locality),
                ),
                users[2],
            )
            .await
            .expect("create the NGO")
            .id;
        db.close().await;
        Story {
            locality,
            city,
            company,
            ngo,
        }
    }
}

/// Signs out whoever is signed in, and signs `person` in through the sign-in page, which leads
/// on to `next`.
pub async fn sign_in_as(b: &Browser, person: &Person, next: &str) {
    if b.exists(".user-menu form[action='/signout']").await {
        b.navigate(".user-menu form[action='/signout'] button[type=submit]")
            .await;
    }
    b.goto(&format!("/signin?next={}", encode(next))).await;
    sign_in(b, person.email, person.password).await;
    b.expect_path(next.split('?').next().unwrap_or(next)).await;
    b.expect_language("he", "rtl").await;
    let shown = b.text(".user-menu a[href='/profile']").await;
    b.check(
        shown == person.name,
        format!("{} is signed in ({shown:?})", person.name),
    )
    .await;
}

/// The message of the page's success notice is `key`'s.
pub async fn expect_flash(b: &Browser, key: &str) {
    expect_flash_text(b, key, &he(key)).await;
}

/// The page's success notice says `text`, the message of `key` in the page's language.
pub async fn expect_flash_text(b: &Browser, key: &str, text: &str) {
    let shown = b.text("main .notice-success[role=status]").await;
    b.check(shown == text, format!("the notice says {key} ({shown:?})"))
        .await;
}

/// The problem shown at the top of the page (a refusal or a form error).
pub async fn problem(b: &Browser) -> String {
    b.text("main .notice-error[role=alert]").await
}

/// The initiative's page shows it at `stage`.
pub async fn expect_stage(b: &Browser, stage: &str) {
    let shown = b.text("main .badge-stage").await;
    b.check(
        shown == he(&format!("stage-{stage}")),
        format!("the initiative is at stage {stage} ({shown:?})"),
    )
    .await;
}

/// The stages the initiative's page offers the reader as next steps.
pub async fn offered_steps(b: &Browser) -> Vec<String> {
    let script =
        "return Array.from(document.querySelectorAll('ul.steps input[name=to]'), i => i.value);";
    let listed = b.client.execute(script, vec![]).await;
    let listed = b.ok(listed, "listing the steps offered").await;
    listed
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// The button of the step to `to`.
pub fn step_button(id: i64, to: &str) -> String {
    format!(
        "form[action='/initiatives/{id}/stage']:has(input[name=to][value='{to}']) button[type=submit]"
    )
}

/// How a gate is listed: its explanation, then its remedy.
pub fn gate_text(gate: &str) -> String {
    format!(
        "{} {}",
        he(&format!("gate-{gate}")),
        he(&format!("gate-{gate}-remedy"))
    )
}

/// A partner's card on the initiative's page.
pub fn card(organisation: i64) -> String {
    format!("main article.card:has(h3 a[href='/organisations/{organisation}'])")
}

/// Proposes an initiative through the form on the current page (the locality already chosen),
/// and returns its id.
pub async fn propose(b: &Browser, title: &str, needs: &[&str]) -> i64 {
    b.fill("#f-title_he", title).await;
    b.fill(
        "#f-problem_he",
        "בתי הספר בעיר משלמים הרבה על חשמל, והגגות שלהם עומדים ריקים.",
    )
    .await;
    b.fill(
        "#f-approach_he",
        "החברה מתקינה מערכות סולאריות על גגות בתי הספר, והעמותה מלווה את הקהילה.",
    )
    .await;
    b.click("#model-joint-agenda").await;
    b.check(
        b.is_checked("#management-joint").await,
        "joint management is chosen by default",
    )
    .await;
    for need in needs {
        b.click(&format!("#need-{need}")).await;
    }
    b.navigate("form[action='/initiatives'] > button[type=submit]")
        .await;
    let id = b.id_in_path("/initiatives/").await;
    b.check(
        b.text("h1").await == title,
        "the page is titled with the initiative",
    )
    .await;
    expect_stage(b, "idea").await;
    id
}
