//! What the store's tests share: the seed story's world ([`world`]) and the descriptions they
//! start from. People and organisations are made by the test kit.

use shutaf_domain::decision_log::LogEntry;
use shutaf_domain::{
    ContributionType, Language, LocalityKind, Management, OrganisationKind, PartnershipModel,
    Sector,
};
use shutaf_store::{Db, NewGoal, NewInitiative, NewLocality, NewOrganisation};
use shutaf_testkit::Person;
use shutaf_testkit::app::organisation_from;
use shutaf_testkit::database::fresh_db;

/// The log's latest entry.
pub async fn last_entry(db: &Db) -> LogEntry {
    let size = db.log_size().await.unwrap();
    db.log_entries(size - 1, size).await.unwrap().remove(0)
}

/// The sealed texts an entry opens, as (field, text).
pub fn opened(entry: &LogEntry) -> Vec<(&str, &str)> {
    entry
        .openings
        .iter()
        .map(|o| (o.field.as_str(), o.text.as_str()))
        .collect()
}

/// A verified person who reads Hebrew.
pub async fn user(db: &Db, email: &str) -> i64 {
    Person {
        language: Some(Language::He),
        ..Person::new(email)
    }
    .make(db)
    .await
}

/// An organisation named in Hebrew and English, offering its sector's usual contributions.
pub fn org(he: &str, en: &str, sector: Sector, kind: OrganisationKind) -> NewOrganisation {
    NewOrganisation {
        names: [Some(he.into()), None, Some(en.into())],
        sector: Some(sector),
        kind: Some(kind),
        contributions: ContributionType::sector_defaults(sector).to_vec(),
        ..Default::default()
    }
}

/// The seed story's world in storage: a city convening its locality (with a goal of three SDG
/// codes), an NGO and a company, each with its person.
pub struct World {
    pub db: Db,
    pub city: i64,
    pub ngo: i64,
    pub company: i64,
    pub coordinator: i64,
    pub csr: i64,
    pub locality: i64,
    pub goal: i64,
}

/// A fresh database with the seed story's world.
pub async fn world() -> World {
    let db = fresh_db().await;
    let coordinator = user(&db, "coordinator@city.example").await;
    let csr = user(&db, "csr@company.example").await;
    let ngo_person = user(&db, "ngo@ngo.example").await;
    let city = organisation_from(
        &db,
        coordinator,
        &org(
            "עיריית עמק",
            "Emek",
            Sector::Public,
            OrganisationKind::Municipality,
        ),
    )
    .await;
    let ngo = organisation_from(
        &db,
        ngo_person,
        &org("עמותה", "NGO", Sector::Third, OrganisationKind::Ngo),
    )
    .await;
    let company = organisation_from(
        &db,
        csr,
        &org(
            "חברה",
            "Company",
            Sector::Business,
            OrganisationKind::Company,
        ),
    )
    .await;
    let locality = db
        .create_locality(&NewLocality {
            names: [Some("עמק".into()), None, None],
            kind: LocalityKind::Municipality,
            convener_organisation_id: city,
            description: None,
        })
        .await
        .unwrap()
        .id;
    let goal = db
        .create_goal(
            locality,
            &NewGoal {
                titles: [Some("גגות סולאריים".into()), None, None],
                status: "active".into(),
                sdg_codes: vec!["7.2".into(), "7".into(), "13".into()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    World {
        db,
        city,
        ngo,
        company,
        coordinator,
        csr,
        locality,
        goal,
    }
}

/// The company's proposal: solar roofs for schools, needing budget, community trust and
/// authority.
pub fn proposal(w: &World) -> NewInitiative {
    NewInitiative {
        locality_id: w.locality,
        initiator_organisation_id: w.company,
        titles: [
            Some("גגות סולאריים לבתי ספר".into()),
            None,
            Some("Solar roofs for schools".into()),
        ],
        problems: [None, None, None],
        approaches: [None, None, None],
        model: PartnershipModel::JointAgenda,
        management: Management::Joint,
        goal_ids: vec![],
        needs: vec![
            ContributionType::Budget,
            ContributionType::CommunityTrust,
            ContributionType::Authority,
        ],
        lead_organisation_id: None,
    }
}
