//! What several capabilities' tests share: the seed story's world ([`story`]) and the city of the
//! equal-opportunity tests ([`city`]), made through the store; and reading the API's answers
//! ([`field_errors`], [`refusal`]). Starting the hub, people, organisations, signing in and
//! tokens come from the test kit.

use reqwest::StatusCode;
use serde_json::Value;
use shutaf_domain::{Language, OrganisationKind, Sector, Stage};
use shutaf_store::{NewGoal, NewLocality, NewOrganisation};
use shutaf_testkit::TestApp;

/// The seed story's world: a city convening its locality (with a goal of its agenda), a
/// company with an idea, and an NGO that works there and offers the community.
pub struct Story {
    pub app: TestApp,
    pub city: i64,
    pub ngo: i64,
    pub company: i64,
    pub locality: i64,
    pub goal: i64,
}

pub async fn story() -> Story {
    story_on(|_| {}).await
}

/// The seed story on a hub whose configuration `adjust` changes first.
pub async fn story_on(adjust: impl FnOnce(&mut shutaf_web::Config)) -> Story {
    let app = TestApp::spawn_with(adjust).await;
    let coordinator = app.person("coordinator@city.example").await;
    let csr = app.person("csr@company.example").await;
    let ngo_person = app.person("ngo@ngo.example").await;
    let city = app
        .organisation(
            coordinator,
            "עיריית עמק",
            Sector::Public,
            OrganisationKind::Municipality,
        )
        .await;
    let ngo = app
        .organisation(
            ngo_person,
            "עמותת ירוק",
            Sector::Third,
            OrganisationKind::Ngo,
        )
        .await;
    let company = app
        .organisation(
            csr,
            "סולאר בע\"מ",
            Sector::Business,
            OrganisationKind::Company,
        )
        .await;
    let locality = app
        .db
        .create_locality(&shutaf_store::NewLocality {
            names: [Some("עמק".into()), None, None],
            kind: shutaf_domain::LocalityKind::Municipality,
            convener_organisation_id: city,
            description: None,
        })
        .await
        .unwrap()
        .id;
    // The NGO works in the locality and offers what the company's idea will lack: the
    // community.
    let offers = NewOrganisation {
        names: [Some("עמותת ירוק".into()), None, Some("Green NGO".into())],
        sector: Some(Sector::Third),
        kind: Some(OrganisationKind::Ngo),
        contributions: vec![
            shutaf_domain::ContributionType::CommunityTrust,
            shutaf_domain::ContributionType::LocalNetworks,
        ],
        locality_ids: vec![locality],
        ..Default::default()
    };
    app.db.update_organisation(ngo, &offers).await.unwrap();
    let goal = app
        .db
        .create_goal(
            locality,
            &NewGoal {
                titles: [Some("גגות סולאריים".into()), None, None],
                status: "active".into(),
                sdg_codes: vec!["7.2".into()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    Story {
        app,
        city,
        ngo,
        company,
        locality,
        goal,
    }
}

/// Where an initiative stands now.
pub async fn stage(app: &TestApp, id: i64) -> Stage {
    app.db.initiative(id).await.unwrap().unwrap().stage
}

/// A civil time in Israel `days` from now (by the system's clock: before a test moves its hub's
/// clock), as the API takes deadlines.
pub fn local_in_days(days: i64) -> String {
    shutaf_domain::call::local_input(shutaf_store::system_now() + days * 86_400)
}

/// The field names and codes of a 422 answer.
pub async fn field_errors(response: reqwest::Response) -> Vec<(String, String)> {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid", "{body}");
    body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A refusal's status and message (asked in English).
pub async fn refusal(response: reqwest::Response) -> (StatusCode, String) {
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    (
        status,
        body["error"]["message"].as_str().unwrap_or("").to_owned(),
    )
}

/// A message in English.
pub fn en(key: &str) -> String {
    shutaf_web::i18n::Tr::new(Language::En).t(key)
}

/// Lets time pass until a minute after the call's deadline: the hub's clock moves, not the
/// deadline the record holds.
pub async fn pass_deadline(app: &TestApp, call: i64) {
    let call = app.db.call(call).await.unwrap().unwrap();
    app.db.clock.advance_to(call.deadline_at + 60);
}

/// A city with its locality, a company (whose name is a spreadsheet formula) and an NGO; its
/// people include two evaluators and a visitor.
pub struct City {
    pub locality: i64,
    pub city: i64,
    pub company: i64,
    pub ngo: i64,
}

impl City {
    /// The company's person acting for the company (to write through the store directly).
    pub async fn company_acting(&self, app: &TestApp) -> shutaf_store::Acting {
        let csr = app
            .db
            .user_by_email("csr@company.example")
            .await
            .unwrap()
            .unwrap()
            .id;
        shutaf_store::Acting {
            user_id: csr,
            organisation_id: Some(self.company),
        }
    }

    /// A new idea of the company's in the city, titled in Hebrew, Arabic and English as given.
    pub fn company_idea(&self, titles: [Option<&str>; 3]) -> shutaf_store::NewInitiative {
        shutaf_store::NewInitiative {
            locality_id: self.locality,
            initiator_organisation_id: self.company,
            titles: titles.map(|t| t.map(str::to_owned)),
            problems: [None, None, None],
            approaches: [None, None, None],
            model: shutaf_domain::PartnershipModel::JointAgenda,
            management: shutaf_domain::Management::Joint,
            goal_ids: vec![],
            needs: vec![],
            lead_organisation_id: None,
        }
    }
}

pub async fn city(app: &TestApp) -> City {
    let coordinator = app.person("coordinator@city.example").await;
    let csr = app.person("csr@company.example").await;
    let ngo_person = app.person("ngo@ngo.example").await;
    app.person("evaluator-a@city.example").await;
    app.person("evaluator-b@city.example").await;
    app.person("visitor@else.example").await;
    let city = app
        .organisation(
            coordinator,
            "Emek Municipality",
            Sector::Public,
            OrganisationKind::Municipality,
        )
        .await;
    let company = app
        .organisation(
            csr,
            "=HYPERLINK(\"http://evil\") Solar Ltd",
            Sector::Business,
            OrganisationKind::Company,
        )
        .await;
    let ngo = app
        .organisation(
            ngo_person,
            "Green Neighbours",
            Sector::Third,
            OrganisationKind::Ngo,
        )
        .await;
    let locality = app
        .db
        .create_locality(&NewLocality {
            names: [Some("עמק".into()), None, Some("Emek".into())],
            kind: shutaf_domain::LocalityKind::Municipality,
            convener_organisation_id: city,
            description: None,
        })
        .await
        .unwrap()
        .id;
    City {
        locality,
        city,
        company,
        ngo,
    }
}

/// The person at `email` accepts the invitation to evaluate mailed to them, through the API
/// with their `token`: gives the call it was for.
pub async fn accept_evaluation(app: &TestApp, email: &str, token: &str) -> i64 {
    let mail = app.smtp.wait_for(email, "/evaluations/").await;
    let link = mail
        .link(&app.url("/evaluations/"))
        .expect("the invitation's link");
    let secret = link.rsplit('/').next().unwrap().to_owned();
    let response = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/evaluator-invitations/{secret}/accept")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{email} accepts");
    let body: Value = response.json().await.unwrap();
    body["call_id"].as_i64().unwrap()
}

/// The bytes a gzip answer holds.
pub fn gunzip(compressed: &[u8]) -> Vec<u8> {
    let mut inflated = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(compressed), &mut inflated)
        .expect("a whole gzip");
    inflated
}
