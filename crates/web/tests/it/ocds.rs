//! The OCDS export: calls built in a fresh database with the store's own API (on the backend
//! `SHUTAF_TEST_BACKEND` chooses) become a release package that validates offline against the
//! OCDS 1.1 schemas and codelists kept in `shared/data/ocds-1.1`, and says what happened.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;
use shutaf_domain::call::parse_deadline;
use shutaf_domain::{ContributionType, Language, LocalityKind, OrganisationKind, Sector};
use shutaf_store::calls::NewCall;
use shutaf_store::{Acting, Db, Locality, NewLocality, NewOrganisation, Organisation};
use shutaf_testkit::Person;
use shutaf_testkit::app::organisation_from;
use shutaf_testkit::database::fresh_db;
use shutaf_web::ocds::{CallRecord, OcdsSettings, release_package};

const PACKAGE_URI: &str = "https://hub.example.org/api/v1/localities/1/ocds.json";

// ---------------------------------------------------------------------------------------------
// The schemas and codelists, from the shared folder beside the repository.

fn schema_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ocds-1.1");
    assert!(
        dir.join("release-package-schema.json").is_file() && dir.join("codelists").is_dir(),
        "the OCDS 1.1 schemas and codelists are missing: expected them in {} (shared/data/ocds-1.1 \
         beside the repository, with release-package-schema.json, release-schema.json and codelists/)",
        dir.display()
    );
    dir
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Validates packages against the package schema, its reference to the release schema resolved
/// to the local copy: nothing is fetched (the retriever refuses any URI not registered).
struct Schemas {
    package: jsonschema::Validator,
    /// Every reference inlined: a second, independent check of each release.
    release: jsonschema::Validator,
}

impl Schemas {
    fn load() -> Schemas {
        let dir = schema_dir();
        let package_schema = read_json(&dir.join("release-package-schema.json"));
        let release_schema = read_json(&dir.join("release-schema.json"));
        let release_uri = package_schema["properties"]["releases"]["items"]["$ref"]
            .as_str()
            .expect("the package schema refers to the release schema");
        assert_eq!(
            release_schema["id"].as_str(),
            Some(release_uri),
            "the local release schema is the one the package schema refers to"
        );
        let registry = jsonschema::Registry::new()
            .draft(jsonschema::Draft::Draft4)
            .add(
                release_uri,
                jsonschema::Resource::from_contents(release_schema),
            )
            .expect("register the release schema")
            .prepare()
            .expect("prepare the registry offline");
        let package = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .should_validate_formats(true)
            .offline()
            .with_registry(&registry)
            .build(&package_schema)
            .expect("compile the release package schema");
        let release = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .should_validate_formats(true)
            .offline()
            .build(&read_json(&dir.join("dereferenced-release-schema.json")))
            .expect("compile the dereferenced release schema");
        Schemas { package, release }
    }

    /// The validation errors of a package, package schema and release schema together.
    fn errors(&self, package: &Value) -> Vec<String> {
        let mut errors: Vec<String> = self
            .package
            .iter_errors(package)
            .map(|e| format!("package {}: {e}", e.instance_path()))
            .collect();
        if let Some(releases) = package["releases"].as_array() {
            for (i, release) in releases.iter().enumerate() {
                errors.extend(
                    self.release
                        .iter_errors(release)
                        .map(|e| format!("release {i} {}: {e}", e.instance_path())),
                );
            }
        }
        errors
    }
}

/// Splits a CSV line set into records (RFC 4180: quoted fields may hold commas and quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// The codes of a codelist (its "Code" column).
fn codelist(name: &str) -> BTreeSet<String> {
    let path = schema_dir().join("codelists").join(format!("{name}.csv"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read codelist {}: {e}", path.display()));
    let records = parse_csv(&text);
    let column = records[0]
        .iter()
        .position(|h| h == "Code")
        .unwrap_or_else(|| panic!("{} has no Code column", path.display()));
    let codes: BTreeSet<String> = records[1..]
        .iter()
        .filter_map(|r| r.get(column).cloned())
        .collect();
    assert!(!codes.is_empty(), "{} lists no codes", path.display());
    codes
}

/// Every codelist value the package uses, by codelist.
fn codes_used(package: &Value) -> BTreeMap<&'static str, Vec<String>> {
    let mut used: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut add = |list: &'static str, value: &Value| {
        let value = value
            .as_str()
            .unwrap_or_else(|| panic!("a {list} code that is not a string: {value}"));
        used.entry(list).or_default().push(value.to_owned());
    };
    for release in package["releases"].as_array().unwrap() {
        for tag in release["tag"].as_array().unwrap() {
            add("releaseTag", tag);
        }
        add("initiationType", &release["initiationType"]);
        let tender = &release["tender"];
        add("tenderStatus", &tender["status"]);
        add("method", &tender["procurementMethod"]);
        add("awardCriteria", &tender["awardCriteria"]);
        for document in tender["documents"].as_array().into_iter().flatten() {
            add("documentType", &document["documentType"]);
        }
        for award in release["awards"].as_array().into_iter().flatten() {
            add("awardStatus", &award["status"]);
            for document in award["documents"].as_array().into_iter().flatten() {
                add("documentType", &document["documentType"]);
            }
        }
        for party in release["parties"].as_array().unwrap() {
            for role in party["roles"].as_array().unwrap() {
                add("partyRole", role);
            }
        }
    }
    used
}

/// Every time in the package, with where it is.
fn times(value: &Value, path: &str, found: &mut Vec<(String, String)>) {
    const TIME_KEYS: [&str; 6] = [
        "date",
        "publishedDate",
        "startDate",
        "endDate",
        "datePublished",
        "dateModified",
    ];
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let here = format!("{path}/{key}");
                match value {
                    Value::String(s) if TIME_KEYS.contains(&key.as_str()) => {
                        found.push((here, s.clone()))
                    }
                    _ => times(value, &here, found),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                times(item, &format!("{path}/{i}"), found);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// The data: one locality, its convener, and calls in every state.

/// A person who reads Hebrew.
async fn user(db: &Db, email: &str) -> i64 {
    Person {
        language: Some(Language::He),
        ..Person::new(email)
    }
    .make(db)
    .await
}

/// An organisation named in the languages given, offering its sector's usual contributions.
async fn organisation(
    db: &Db,
    names: [Option<&str>; 3],
    sector: Sector,
    kind: OrganisationKind,
    owner: i64,
) -> i64 {
    let new = NewOrganisation {
        names: names.map(|n| n.map(str::to_owned)),
        sector: Some(sector),
        kind: Some(kind),
        contributions: ContributionType::sector_defaults(sector).to_vec(),
        ..Default::default()
    };
    organisation_from(db, owner, &new).await
}

/// Jerusalem civil time to Unix seconds.
fn israel(local: &str) -> i64 {
    parse_deadline(local).unwrap()
}

/// A past publication and deadline in summer (UTC+3) and a future deadline in winter (UTC+2).
const PAST_SUMMER_PUBLICATION: &str = "2025-06-01T09:00";
const PAST_SUMMER_DEADLINE: &str = "2025-07-01T12:00";
const FUTURE_WINTER_DEADLINE: &str = "2030-01-15T12:00";

struct World {
    db: Db,
    settings: OcdsSettings,
    locality: Locality,
    convener: Organisation,
    city: i64,
    ngo: i64,
    company: i64,
    csr: Acting,
    awarded: i64,
    open: i64,
    cancelled: i64,
    draft: i64,
    call_document: i64,
    application_document: i64,
}

fn new_call(locality_id: i64, lang: &str, title: &str, deadline: &str) -> NewCall {
    NewCall {
        locality_id,
        lang: lang.into(),
        title: title.into(),
        purpose: format!("{title}: purpose"),
        sought: "A partner to run it".into(),
        eligibility: "Any organisation working in the locality".into(),
        deadline_at: israel(deadline),
        criteria: vec![
            ("Impact".into(), Some("Tonnes of CO2 avoided".into()), 60),
            ("Community reach".into(), None, 40),
        ],
        goal_ids: vec![],
        evaluator_ids: vec![],
        invite: Vec::new(),
    }
}

/// Moves a call's publication and deadline into the past (the store refuses late applications
/// and early awards, so a test that needs a past deadline sets it after applying, as the store's
/// own tests do).
async fn backdate(db: &Db, call_id: i64, published: &str, deadline: &str) {
    sqlx::query("UPDATE calls SET published_at = $1, deadline_at = $2 WHERE id = $3")
        .bind(israel(published))
        .bind(israel(deadline))
        .bind(call_id)
        .execute(&db.pool)
        .await
        .unwrap();
}

async fn world() -> World {
    let db = fresh_db().await;
    let coordinator = user(&db, "coordinator@city.example").await;
    let csr_person = user(&db, "csr@company.example").await;
    let ngo_person = user(&db, "ngo@ngo.example").await;
    let city = organisation(
        &db,
        [
            Some("עיריית עמק"),
            Some("بلدية عيمك"),
            Some("Emek Municipality"),
        ],
        Sector::Public,
        OrganisationKind::Municipality,
        coordinator,
    )
    .await;
    // Hebrew and English names only: an Arabic call falls back to the Hebrew one.
    let company = organisation(
        &db,
        [Some("שמש בע\"מ"), None, Some("Shemesh Ltd")],
        Sector::Business,
        OrganisationKind::Company,
        csr_person,
    )
    .await;
    let ngo = organisation(
        &db,
        [Some("עמותת ירוק"), None, Some("Green NGO")],
        Sector::Third,
        OrganisationKind::Ngo,
        ngo_person,
    )
    .await;
    let locality = db
        .create_locality(&NewLocality {
            names: [Some("עמק".into()), None, Some("Emek".into())],
            kind: LocalityKind::Municipality,
            convener_organisation_id: city,
            description: None,
        })
        .await
        .unwrap();
    let convener_acting = Acting {
        user_id: coordinator,
        organisation_id: Some(city),
    };
    let csr = Acting {
        user_id: csr_person,
        organisation_id: Some(company),
    };
    let ngo_acting = Acting {
        user_id: ngo_person,
        organisation_id: Some(ngo),
    };

    // Awarded, in Hebrew: two applications, a call document, an application's attachment.
    let awarded = db
        .create_call(
            &new_call(
                locality.id,
                "he",
                "קול קורא: גגות סולאריים",
                FUTURE_WINTER_DEADLINE,
            ),
            convener_acting,
        )
        .await
        .unwrap();
    db.publish_call(awarded, convener_acting).await.unwrap();
    let call_document = db
        .add_attachment(
            awarded,
            None,
            "terms.pdf",
            "application/pdf",
            b"%PDF-1.7 terms",
            convener_acting,
        )
        .await
        .unwrap();
    let company_application = db
        .apply_to_call(awarded, company, "Panels", "We install", csr)
        .await
        .unwrap();
    db.apply_to_call(awarded, ngo, "Community", "We organise", ngo_acting)
        .await
        .unwrap();
    let application_document = db
        .add_attachment(
            awarded,
            Some(company_application),
            "offer.pdf",
            "application/pdf",
            b"%PDF-1.7 offer",
            csr,
        )
        .await
        .unwrap();
    backdate(&db, awarded, PAST_SUMMER_PUBLICATION, PAST_SUMMER_DEADLINE).await;
    let call = db.call(awarded).await.unwrap().unwrap();
    let applications = db.applications(awarded).await.unwrap();
    let winner = applications
        .iter()
        .find(|a| a.id == company_application)
        .unwrap();
    let results = db.call_results(&call, &applications).await.unwrap();
    db.award_call(
        &call,
        winner,
        "Best value for the roofs",
        &results,
        convener_acting,
    )
    .await
    .unwrap();

    // Open, in English, one application so far.
    let open = db
        .create_call(
            &new_call(
                locality.id,
                "en",
                "Call: community composting",
                FUTURE_WINTER_DEADLINE,
            ),
            convener_acting,
        )
        .await
        .unwrap();
    db.publish_call(open, convener_acting).await.unwrap();
    db.apply_to_call(open, ngo, "Compost", "We compost", ngo_acting)
        .await
        .unwrap();

    // Cancelled, in Arabic, after one application.
    let cancelled = db
        .create_call(
            &new_call(
                locality.id,
                "ar",
                "دعوة: إنارة الشوارع",
                FUTURE_WINTER_DEADLINE,
            ),
            convener_acting,
        )
        .await
        .unwrap();
    db.publish_call(cancelled, convener_acting).await.unwrap();
    db.apply_to_call(cancelled, company, "LEDs", "We light", csr)
        .await
        .unwrap();
    let call = db.call(cancelled).await.unwrap().unwrap();
    db.cancel_call(&call, "The budget was withdrawn", convener_acting)
        .await
        .unwrap();

    // A draft: never exported.
    let draft = db
        .create_call(
            &new_call(locality.id, "he", "טיוטה סודית", FUTURE_WINTER_DEADLINE),
            convener_acting,
        )
        .await
        .unwrap();

    let convener = db.organisation(city).await.unwrap().unwrap();
    World {
        db,
        settings: OcdsSettings {
            ocid_prefix: "ocds-test01".into(),
            base_url: "https://hub.example.org/".into(),
            publisher_name: "Shutaf test hub".into(),
            license: shutaf_web::ocds::DEFAULT_LICENSE.into(),
            publication_policy: Some("https://hub.example.org/about/open-data".into()),
        },
        locality,
        convener,
        city,
        ngo,
        company,
        csr,
        awarded,
        open,
        cancelled,
        draft,
        call_document,
        application_document,
    }
}

/// The locality's calls as the web layer loads them: drafts included, so that the export itself
/// is what leaves them out.
async fn records(w: &World) -> Vec<CallRecord> {
    let mut records = Vec::new();
    for summary in
        w.db.calls_of_locality(w.locality.id, true, 100, 0)
            .await
            .unwrap()
    {
        let call = w.db.call(summary.id).await.unwrap().unwrap();
        let applications = w.db.applications(call.id).await.unwrap();
        let attachments = w.db.attachments(call.id).await.unwrap();
        records.push(CallRecord::new(call, applications, attachments));
    }
    assert_eq!(
        records.len(),
        4,
        "the fixture has four calls, a draft among them"
    );
    records
}

async fn package(w: &World) -> Value {
    release_package(
        &w.settings,
        PACKAGE_URI,
        &w.locality,
        &w.convener,
        &records(w).await,
    )
    .expect("published calls make a package")
}

fn release<'a>(package: &'a Value, w: &World, call_id: i64) -> &'a Value {
    let ocid = format!("ocds-test01-{}-call-{call_id}", w.locality.id);
    package["releases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ocid"] == ocid.as_str())
        .unwrap_or_else(|| panic!("no release with ocid {ocid}"))
}

fn party(release: &Value, organisation_id: i64) -> &Value {
    let id = format!("org-{organisation_id}");
    release["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id.as_str())
        .unwrap_or_else(|| panic!("no party {id} in {}", release["ocid"]))
}

// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn calls_and_awards_export_as_valid_ocds_release_packages() {
    let schemas = Schemas::load();
    let w = world().await;
    let package = package(&w).await;

    // Valid against the package schema (release schema resolved locally) and, release by
    // release, against the dereferenced release schema.
    let errors = schemas.errors(&package);
    assert!(
        errors.is_empty(),
        "the package is not valid OCDS 1.1:\n{}\n{}",
        errors.join("\n"),
        serde_json::to_string_pretty(&package).unwrap()
    );

    // Every code from a codelist is in that codelist.
    let used = codes_used(&package);
    for list in [
        "releaseTag",
        "initiationType",
        "tenderStatus",
        "method",
        "awardCriteria",
        "awardStatus",
        "partyRole",
        "documentType",
    ] {
        let codes = codelist(list);
        let values = used
            .get(list)
            .unwrap_or_else(|| panic!("the package uses no {list} code"));
        for value in values {
            assert!(
                codes.contains(value),
                "{value:?} is not in the {list} codelist"
            );
        }
    }

    // The package.
    assert_eq!(package["version"], "1.1");
    assert_eq!(package["uri"], PACKAGE_URI);
    assert_eq!(package["publisher"]["name"], "Shutaf test hub");
    assert_eq!(package["publisher"]["uri"], "https://hub.example.org");
    assert_eq!(
        package["license"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    assert_eq!(
        package["publicationPolicy"],
        "https://hub.example.org/about/open-data"
    );

    // The draft is absent: three releases, none of them the draft's, nothing of its text.
    let releases = package["releases"].as_array().unwrap();
    assert_eq!(releases.len(), 3);
    let draft_ocid = format!("ocds-test01-{}-call-{}", w.locality.id, w.draft);
    assert!(releases.iter().all(|r| r["ocid"] != draft_ocid.as_str()));
    assert!(!package.to_string().contains("טיוטה סודית"));
    for r in releases {
        assert!(
            r["id"]
                .as_str()
                .unwrap()
                .starts_with(r["ocid"].as_str().unwrap()),
            "a release id starts with its ocid"
        );
        assert_eq!(r["initiationType"], "tender");
        let tender = &r["tender"];
        assert_eq!(tender["procurementMethod"], "open");
        assert_eq!(tender["awardCriteria"], "ratedCriteria");
        let details = tender["awardCriteriaDetails"].as_str().unwrap();
        assert!(
            details.contains("Impact (60%): Tonnes of CO2 avoided")
                && details.contains("Community reach (40%)"),
            "the criteria and their weights: {details}"
        );
        assert!(tender.get("value").is_none(), "calls carry no money");
        let convener = party(r, w.city);
        assert_eq!(
            convener["roles"],
            serde_json::json!(["buyer", "procuringEntity"])
        );
        assert_eq!(r["buyer"]["id"], format!("org-{}", w.city));
    }

    // The awarded call: the winner is the supplier, in Hebrew, with the reasons.
    let awarded = release(&package, &w, w.awarded);
    assert_eq!(awarded["tag"], serde_json::json!(["tender", "award"]));
    assert_eq!(awarded["language"], "he");
    assert_eq!(awarded["tender"]["status"], "complete");
    assert_eq!(awarded["tender"]["numberOfTenderers"], 2);
    assert_eq!(awarded["tender"]["tenderers"].as_array().unwrap().len(), 2);
    assert_eq!(awarded["buyer"]["name"], "עיריית עמק");
    let awards = awarded["awards"].as_array().unwrap();
    assert_eq!(awards.len(), 1);
    assert_eq!(awards[0]["status"], "active");
    assert_eq!(awards[0]["description"], "Best value for the roofs");
    assert_eq!(
        awards[0]["suppliers"],
        serde_json::json!([{ "id": format!("org-{}", w.company), "name": "שמש בע\"מ" }])
    );
    assert_eq!(
        party(awarded, w.company)["roles"],
        serde_json::json!(["tenderer", "supplier"])
    );
    assert_eq!(
        party(awarded, w.ngo)["roles"],
        serde_json::json!(["tenderer"])
    );
    // The call's own document, linked; the application's attachment is not there.
    let documents = awarded["tender"]["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(
        documents[0]["url"],
        format!("https://hub.example.org/attachments/{}", w.call_document)
    );
    assert_eq!(documents[0]["title"], "terms.pdf");
    assert!(!awarded.to_string().contains("offer.pdf"));
    assert!(
        !awarded
            .to_string()
            .contains(&format!("/attachments/{}\"", w.application_document))
    );
    // The deadline is a civil time in Israel: summer, so +03:00.
    assert_eq!(
        awarded["tender"]["tenderPeriod"],
        serde_json::json!({
            "startDate": "2025-06-01T09:00:00+03:00",
            "endDate": "2025-07-01T12:00:00+03:00"
        })
    );
    assert_eq!(
        awarded["tender"]["awardPeriod"]["startDate"], "2025-07-01T12:00:00+03:00",
        "evaluation starts at the deadline"
    );
    assert_eq!(
        awarded["tender"]["awardPeriod"]["endDate"],
        awards[0]["date"]
    );
    assert_eq!(
        awarded["date"], awards[0]["date"],
        "an awarded call's release is dated by its decision"
    );

    // The open call: applicants stay private until it ends; only their number shows.
    let open = release(&package, &w, w.open);
    assert_eq!(open["tag"], serde_json::json!(["tender"]));
    assert_eq!(open["language"], "en");
    assert_eq!(open["tender"]["status"], "active");
    assert_eq!(open["tender"]["numberOfTenderers"], 1);
    assert!(open["tender"].get("tenderers").is_none());
    assert!(open.get("awards").is_none());
    assert_eq!(open["parties"].as_array().unwrap().len(), 1);
    assert_eq!(open["buyer"]["name"], "Emek Municipality");
    assert!(!open.to_string().contains("Green NGO"));
    // A winter deadline: +02:00.
    assert_eq!(
        open["tender"]["tenderPeriod"]["endDate"],
        "2030-01-15T12:00:00+02:00"
    );

    // The cancelled call: a cancellation with its reasons; names fall back from Arabic.
    let cancelled = release(&package, &w, w.cancelled);
    assert_eq!(cancelled["tag"], serde_json::json!(["tenderCancellation"]));
    assert_eq!(cancelled["language"], "ar");
    assert_eq!(cancelled["tender"]["status"], "cancelled");
    assert!(cancelled.get("awards").is_none());
    assert_eq!(cancelled["buyer"]["name"], "بلدية عيمك");
    assert_eq!(
        party(cancelled, w.company)["name"],
        "שמש בע\"מ",
        "no Arabic name: the first one given"
    );
    let reasons = cancelled["tender"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["documentType"] == "cancellationDetails")
        .expect("the cancellation's reasons");
    assert_eq!(reasons["description"], "The budget was withdrawn");
    assert!(
        cancelled["tender"].get("awardPeriod").is_none(),
        "cancelled before its deadline: no evaluation"
    );

    // Every time carries Israel's offset.
    let mut found = Vec::new();
    times(&package, "", &mut found);
    assert!(found.len() >= 12, "times found: {found:?}");
    for (path, time) in &found {
        assert!(
            time.len() == 25 && (time.ends_with("+02:00") || time.ends_with("+03:00")),
            "{path} is {time:?}, not an RFC 3339 time in Israel"
        );
    }

    // The same data gives the same package.
    assert_eq!(package, self::package(&w).await);
}

/// A change that spoils a package.
type Tamper = dyn Fn(&mut Value);

#[tokio::test]
async fn tampered_packages_fail_validation() {
    let schemas = Schemas::load();
    let w = world().await;
    let package = package(&w).await;
    assert!(schemas.errors(&package).is_empty());

    let tamper = |change: &Tamper| {
        let mut tampered = package.clone();
        change(&mut tampered);
        schemas.errors(&tampered)
    };
    let cases: [(&str, &Tamper); 7] = [
        ("tag not an array", &|p| {
            p["releases"][0]["tag"] = "tender".into()
        }),
        ("a tag outside the codelist", &|p| {
            p["releases"][0]["tag"] = serde_json::json!(["awarded"])
        }),
        ("no ocid", &|p| {
            p["releases"][1].as_object_mut().unwrap().remove("ocid");
        }),
        ("a tender status outside the codelist", &|p| {
            p["releases"][0]["tender"]["status"] = "open".into()
        }),
        ("a date that is not a date", &|p| {
            p["releases"][2]["date"] = "31/12/2026 12:00".into()
        }),
        ("no publisher", &|p| {
            p.as_object_mut().unwrap().remove("publisher");
        }),
        ("no releases", &|p| p["releases"] = serde_json::json!([])),
    ];
    for (what, change) in cases {
        let errors = tamper(change);
        assert!(
            !errors.is_empty(),
            "a package with {what} passed validation"
        );
    }
    // The errors say where.
    let errors = tamper(&|p| p["releases"][0]["tag"] = "tender".into());
    assert!(
        errors.iter().any(|e| e.contains("/releases/0/tag")),
        "{errors:?}"
    );
}

#[tokio::test]
async fn a_release_id_changes_when_the_call_does_and_only_then() {
    let w = world().await;
    let before = package(&w).await;
    let ids = |p: &Value| -> BTreeMap<String, String> {
        p["releases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ocid"].as_str().unwrap().to_owned(),
                    r["id"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    // Another application to the open call.
    w.db.apply_to_call(w.open, w.company, "Bins", "We collect", w.csr)
        .await
        .unwrap();
    let after = package(&w).await;
    let (before_ids, after_ids) = (ids(&before), ids(&after));
    let open_ocid = format!("ocds-test01-{}-call-{}", w.locality.id, w.open);
    for (ocid, id) in &before_ids {
        if *ocid == open_ocid {
            assert_ne!(after_ids[ocid], *id, "the open call's release changed");
        } else {
            assert_eq!(after_ids[ocid], *id, "{ocid} did not change");
        }
    }
    assert_eq!(
        release(&after, &w, w.open)["tender"]["numberOfTenderers"],
        2
    );
    assert!(
        after["publishedDate"].as_str() >= before["publishedDate"].as_str(),
        "the package is dated by its latest change"
    );

    // A locality with nothing published has no package (OCDS needs at least one release).
    let drafts_only: Vec<CallRecord> = records(&w)
        .await
        .into_iter()
        .filter(|r| r.call.id == w.draft)
        .collect();
    assert!(
        release_package(
            &w.settings,
            PACKAGE_URI,
            &w.locality,
            &w.convener,
            &drafts_only
        )
        .is_none()
    );
}

/// The portal streams its package a few calls at a time: written in parts (its fields before
/// the releases, the releases a chunk at a time, the rest), it is the package built whole, byte
/// for byte; the store tells the page's latest release date (written before the releases) and
/// reads its calls by keyset, oldest first, as the whole package orders them.
#[tokio::test]
async fn a_package_streamed_in_parts_is_the_package_built_whole() {
    use shutaf_web::ocds::PackageWriter;
    let w = world().await;
    let whole = serde_json::to_vec_pretty(&package(&w).await).unwrap();
    let page = w.db.ocds_calls_page(w.locality.id, 500, 0).await.unwrap();
    assert_eq!(page.calls, 3, "the draft is not published");
    let (first, last) = (page.first_id.unwrap(), page.last_id.unwrap());
    let mut in_full = Vec::new();
    let mut from = first;
    loop {
        let chunk =
            w.db.published_calls_in_full_between(w.locality.id, from, last, 1)
                .await
                .unwrap();
        let Some((call, _, _)) = chunk.last() else {
            break;
        };
        from = call.id + 1;
        in_full.extend(chunk);
    }
    let ids: Vec<i64> = in_full.iter().map(|(c, _, _)| c.id).collect();
    assert_eq!(ids, {
        let mut ids = vec![w.awarded, w.open, w.cancelled];
        ids.sort();
        ids
    });
    let records: Vec<CallRecord> = in_full
        .into_iter()
        .map(|(call, applications, attachments)| CallRecord::new(call, applications, attachments))
        .collect();
    for size in [1, 2, 3] {
        let mut writer = PackageWriter::new(
            w.settings.clone(),
            PACKAGE_URI.into(),
            w.locality.clone(),
            w.convener.clone(),
        );
        let mut bytes = writer.head(page.latest.unwrap()).unwrap();
        for chunk in records.chunks(size) {
            bytes.extend(writer.releases(chunk).unwrap());
        }
        bytes.extend(writer.tail().unwrap());
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            String::from_utf8(whole.clone()).unwrap(),
            "in chunks of {size}"
        );
    }
}
