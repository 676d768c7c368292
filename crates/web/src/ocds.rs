//! Open calls and their awards as OCDS 1.1 release packages (the Open Contracting Data Standard),
//! so that watchdogs and journalists can read a locality's calls with the same tools they use
//! for public procurement.
//!
//! [`release_package`] is a pure function: the caller loads the locality, its convener and the
//! calls (with applications and documents) from the store and serves the result as
//! `application/json`. [`PackageWriter`] writes the same package in parts, for the portal's
//! download streamed a few calls at a time (the same bytes as the whole package pretty-printed). Each published call is one contracting process whose `ocid` is
//! `{prefix}-{locality}-call-{call}`; the package holds its latest release, a full snapshot:
//!
//! - an open call is a `tender` release with tender status `active`;
//! - an awarded call adds the award (tags `tender` and `award`, tender status `complete`), the
//!   winner as `supplier` and the convener's reasons as the award's description;
//! - a cancelled call is a `tenderCancellation` release (tender status `cancelled`), its reasons
//!   in a `cancellationDetails` document.
//!
//! Drafts never appear. Who applied is public once the call has ended (as on the hub's pages), so
//! an open call gives the number of applications but not the applicants. Calls carry no money:
//! no `value` fields. Every time is RFC 3339 with Israel's offset. A release's `id` carries the
//! call's status and revision and a digest of the release's content, so it changes whenever what
//! the release says changes (a new application, a document, a renamed organisation) and only then.

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use shutaf_domain::Language;
use shutaf_domain::call::{CallStatus, rfc3339};
use shutaf_store::calls::{Application, Attachment, Call};
use shutaf_store::{Locality, Organisation};

use crate::config::Config;

/// The OCDS version the packages follow.
pub const OCDS_VERSION: &str = "1.1";

/// The licence the published data is offered under, unless set otherwise.
pub const DEFAULT_LICENSE: &str = "https://creativecommons.org/licenses/by/4.0/";

/// Who publishes the packages and how their identifiers are made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcdsSettings {
    /// The OCID prefix registered with the Open Contracting Partnership (`ocds-...`).
    pub ocid_prefix: String,
    /// The hub's address; documents' URLs and the publisher's URI start with it.
    pub base_url: String,
    /// The publisher's name (the hub's operator).
    pub publisher_name: String,
    /// The licence of the data: a URL.
    pub license: String,
    /// The publication policy: a URL, omitted when there is none.
    pub publication_policy: Option<String>,
}

impl OcdsSettings {
    /// Settings from the hub's configuration; the publisher is named `Shutaf`, the licence is
    /// CC BY 4.0 and there is no publication policy until one is set.
    pub fn from_config(config: &Config) -> Self {
        OcdsSettings {
            ocid_prefix: config.ocid_prefix.clone(),
            base_url: config.base().to_owned(),
            publisher_name: "Shutaf".into(),
            license: DEFAULT_LICENSE.into(),
            publication_policy: None,
        }
    }

    fn base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }

    /// The Open Contracting ID of a call.
    pub fn ocid(&self, locality_id: i64, call_id: i64) -> String {
        format!("{}-{locality_id}-call-{call_id}", self.ocid_prefix)
    }
}

/// A call with what its release is made of.
#[derive(Debug, Clone)]
pub struct CallRecord {
    pub call: Call,
    pub applications: Vec<Application>,
    /// The call's own documents (attachments of applications are left out wherever given).
    pub documents: Vec<Attachment>,
}

impl CallRecord {
    /// Bundles a call with its applications and attachments, keeping only the call's own
    /// documents (`Db::attachments` gives the applications' too).
    pub fn new(call: Call, applications: Vec<Application>, attachments: Vec<Attachment>) -> Self {
        CallRecord {
            call,
            applications,
            documents: attachments
                .into_iter()
                .filter(|a| a.application_id.is_none())
                .collect(),
        }
    }
}

/// The release package of a locality's published calls, at `package_uri` (the address it is
/// served at). Drafts, and calls of other localities, are left out. `None` when no call is
/// left: an OCDS package holds at least one release, so the caller answers "not found" (or
/// with nothing) instead.
///
/// The package's `publishedDate` is the latest release's date, so the same data always gives
/// the same package.
pub fn release_package(
    settings: &OcdsSettings,
    package_uri: &str,
    locality: &Locality,
    convener: &Organisation,
    calls: &[CallRecord],
) -> Option<Value> {
    let mut records: Vec<&CallRecord> = calls
        .iter()
        .filter(|r| r.call.locality_id == locality.id && r.call.status != CallStatus::Draft)
        .collect();
    records.sort_by_key(|r| r.call.id);
    let latest = records.iter().map(|r| release_date(r)).max()?;
    let releases: Vec<Value> = records
        .iter()
        .map(|r| release(settings, locality, convener, r))
        .collect();
    let mut package = Map::new();
    package.insert("uri".into(), json!(package_uri));
    package.insert("version".into(), json!(OCDS_VERSION));
    package.insert("publishedDate".into(), json!(rfc3339(latest)));
    package.insert(
        "publisher".into(),
        json!({ "name": settings.publisher_name, "uri": settings.base() }),
    );
    package.insert("license".into(), json!(settings.license));
    if let Some(policy) = &settings.publication_policy {
        package.insert("publicationPolicy".into(), json!(policy));
    }
    package.insert("releases".into(), Value::Array(releases));
    Some(Value::Object(package))
}

/// The release package written in parts, for a download streamed a few calls at a time: the
/// same bytes as [`release_package`]'s package pretty-printed (`serde_json::to_vec_pretty`),
/// given the page's latest release date beforehand (the package's `publishedDate` comes before
/// its releases) and the calls in the order of their ids.
pub struct PackageWriter {
    settings: OcdsSettings,
    package_uri: String,
    locality: Locality,
    convener: Organisation,
    /// Whether a release was written (a comma before the next; `]` on a line of its own).
    any: bool,
}

impl PackageWriter {
    pub fn new(
        settings: OcdsSettings,
        package_uri: String,
        locality: Locality,
        convener: Organisation,
    ) -> Self {
        PackageWriter {
            settings,
            package_uri,
            locality,
            convener,
            any: false,
        }
    }

    /// What comes before the first release: the package's fields that sort before `releases`
    /// (serde_json's maps keep their keys sorted), and the array's opening.
    pub fn head(&self, latest: i64) -> serde_json::Result<Vec<u8>> {
        let mut head = Map::new();
        head.insert("publishedDate".into(), json!(rfc3339(latest)));
        head.insert(
            "publisher".into(),
            json!({ "name": self.settings.publisher_name, "uri": self.settings.base() }),
        );
        head.insert("license".into(), json!(self.settings.license));
        if let Some(policy) = &self.settings.publication_policy {
            head.insert("publicationPolicy".into(), json!(policy));
        }
        debug_assert!(head.keys().all(|k| k.as_str() < "releases"));
        let mut bytes = serde_json::to_vec_pretty(&Value::Object(head))?;
        bytes.truncate(bytes.len() - b"\n}".len());
        bytes.extend_from_slice(b",\n  \"releases\": [");
        Ok(bytes)
    }

    /// The releases of `calls` (drafts and other localities' calls left out, as
    /// [`release_package`] does).
    pub fn releases(&mut self, calls: &[CallRecord]) -> serde_json::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        for record in calls.iter().filter(|r| {
            r.call.locality_id == self.locality.id && r.call.status != CallStatus::Draft
        }) {
            let release = release(&self.settings, &self.locality, &self.convener, record);
            bytes.extend_from_slice(if self.any { b",\n" } else { b"\n" });
            self.any = true;
            let text = serde_json::to_vec_pretty(&release)?;
            for (n, line) in text.split(|b| *b == b'\n').enumerate() {
                if n > 0 {
                    bytes.push(b'\n');
                }
                bytes.extend_from_slice(b"    ");
                bytes.extend_from_slice(line);
            }
        }
        Ok(bytes)
    }

    /// The array's end and the package's fields that sort after `releases`.
    pub fn tail(&self) -> serde_json::Result<Vec<u8>> {
        let mut tail = Map::new();
        tail.insert("uri".into(), json!(self.package_uri));
        tail.insert("version".into(), json!(OCDS_VERSION));
        let text = serde_json::to_vec_pretty(&Value::Object(tail))?;
        let mut bytes = if self.any {
            b"\n  ],".to_vec()
        } else {
            b"],".to_vec()
        };
        // `{` dropped: the fields continue the package's object.
        bytes.extend_from_slice(&text[1..]);
        Ok(bytes)
    }
}

/// When a release's information was last recorded: the decision for an ended call, else the
/// latest of publication, applications and documents.
fn release_date(record: &CallRecord) -> i64 {
    let call = &record.call;
    if let (CallStatus::Awarded | CallStatus::Cancelled, Some(decided)) =
        (call.status, call.decided_at)
    {
        return decided;
    }
    let published = call.published_at.unwrap_or(call.created_at);
    record
        .applications
        .iter()
        .map(|a| a.submitted_at)
        .chain(record.documents.iter().map(|d| d.uploaded_at))
        .fold(published, i64::max)
}

fn party_id(organisation_id: i64) -> String {
    format!("org-{organisation_id}")
}

/// A party of a release, gathering its roles.
struct Party {
    organisation_id: i64,
    name: String,
    roles: Vec<&'static str>,
}

fn add_party(parties: &mut Vec<Party>, organisation_id: i64, name: &str, role: &'static str) {
    match parties
        .iter_mut()
        .find(|p| p.organisation_id == organisation_id)
    {
        Some(party) => {
            if !party.roles.contains(&role) {
                party.roles.push(role);
            }
        }
        None => parties.push(Party {
            organisation_id,
            name: name.to_owned(),
            roles: vec![role],
        }),
    }
}

fn reference(organisation_id: i64, name: &str) -> Value {
    json!({ "id": party_id(organisation_id), "name": name })
}

/// Fixed wording, in the call's language.
struct Wording {
    method_details: &'static str,
    criteria_lead: &'static str,
    cancellation_title: &'static str,
}

fn wording(lang: Language) -> Wording {
    match lang {
        Language::He => Wording {
            method_details: "קול קורא פתוח לשותפות: כל ארגון רשאי להגיש בקשה עד המועד האחרון; \
                המעריכים מנקדים כל בקשה לפי אמות המידה המשוקללות, והגוף המזמן בוחר ומנמק.",
            criteria_lead: "כל בקשה מנוקדת מ־0 עד 10 לפי כל אמת מידה, והציון משוקלל:",
            cancellation_title: "נימוקי הביטול",
        },
        Language::Ar => Wording {
            method_details: "دعوة مفتوحة للشراكة: يحق لأي منظمة تقديم طلب حتى الموعد النهائي؛ \
                يقيّم المقيّمون كل طلب وفق المعايير الموزونة، وتختار الجهة الداعية مع ذكر الأسباب.",
            criteria_lead: "يُمنح كل طلب درجة من 0 إلى 10 في كل معيار، وتُوزن الدرجات:",
            cancellation_title: "أسباب الإلغاء",
        },
        Language::En => Wording {
            method_details: "Open call for partners: any organisation may apply until the deadline; \
                evaluators score every application on the weighted criteria, and the convener \
                awards with reasons.",
            criteria_lead: "Each application is scored 0 to 10 on every criterion, weighted:",
            cancellation_title: "Reasons for the cancellation",
        },
    }
}

fn release(
    settings: &OcdsSettings,
    locality: &Locality,
    convener: &Organisation,
    record: &CallRecord,
) -> Value {
    let call = &record.call;
    let lang = Language::parse(&call.lang).unwrap_or_default();
    let words = wording(lang);
    let ocid = settings.ocid(locality.id, call.id);
    let ended = matches!(call.status, CallStatus::Awarded | CallStatus::Cancelled);
    let convener_name = convener.name(lang);
    let winner = call
        .awarded_application_id
        .filter(|_| call.status == CallStatus::Awarded)
        .and_then(|id| record.applications.iter().find(|a| a.id == id));

    let mut parties = Vec::new();
    add_party(&mut parties, convener.id, convener_name, "buyer");
    add_party(&mut parties, convener.id, convener_name, "procuringEntity");
    // Who applied is public once the call has ended.
    let tenderers: Vec<&Application> = if ended {
        record.applications.iter().collect()
    } else {
        Vec::new()
    };
    for application in &tenderers {
        add_party(
            &mut parties,
            application.organisation_id,
            application.name(lang),
            "tenderer",
        );
    }
    if let Some(winner) = winner {
        add_party(
            &mut parties,
            winner.organisation_id,
            winner.name(lang),
            "supplier",
        );
    }
    let parties: Vec<Value> = parties
        .iter()
        .map(|p| {
            let mut party = json!({
                "id": party_id(p.organisation_id),
                "name": p.name,
                "roles": p.roles,
            });
            if p.organisation_id == convener.id {
                party["address"] = json!({ "locality": locality.name(lang) });
            }
            party
        })
        .collect();

    let mut tender = Map::new();
    tender.insert("id".into(), json!(format!("{ocid}-tender")));
    tender.insert("title".into(), json!(call.title));
    tender.insert("description".into(), json!(call.purpose));
    tender.insert(
        "status".into(),
        json!(match call.status {
            CallStatus::Awarded => "complete",
            CallStatus::Cancelled => "cancelled",
            CallStatus::Open | CallStatus::Draft => "active",
        }),
    );
    tender.insert(
        "procuringEntity".into(),
        reference(convener.id, convener_name),
    );
    tender.insert("procurementMethod".into(), json!("open"));
    tender.insert(
        "procurementMethodDetails".into(),
        json!(words.method_details),
    );
    tender.insert("awardCriteria".into(), json!("ratedCriteria"));
    let criteria = call
        .criteria
        .iter()
        .map(
            |c| match c.description.as_deref().filter(|d| !d.trim().is_empty()) {
                Some(description) => format!("{} ({}%): {description}", c.name, c.weight),
                None => format!("{} ({}%)", c.name, c.weight),
            },
        )
        .collect::<Vec<_>>()
        .join("; ");
    tender.insert(
        "awardCriteriaDetails".into(),
        json!(format!("{} {criteria}", words.criteria_lead)),
    );
    if !call.eligibility.trim().is_empty() {
        tender.insert("eligibilityCriteria".into(), json!(call.eligibility));
    }
    let mut tender_period = Map::new();
    if let Some(published) = call.published_at {
        tender_period.insert("startDate".into(), json!(rfc3339(published)));
    }
    tender_period.insert("endDate".into(), json!(rfc3339(call.deadline_at)));
    tender.insert("tenderPeriod".into(), Value::Object(tender_period));
    // Evaluation runs from the deadline to the decision; a call cancelled before its deadline
    // had none.
    match call.decided_at.filter(|_| ended) {
        Some(decided) if decided >= call.deadline_at => {
            tender.insert(
                "awardPeriod".into(),
                json!({ "startDate": rfc3339(call.deadline_at), "endDate": rfc3339(decided) }),
            );
        }
        Some(_) => {}
        None => {
            tender.insert(
                "awardPeriod".into(),
                json!({ "startDate": rfc3339(call.deadline_at) }),
            );
        }
    }
    tender.insert("numberOfTenderers".into(), json!(record.applications.len()));
    if ended {
        tender.insert(
            "tenderers".into(),
            Value::Array(
                tenderers
                    .iter()
                    .map(|a| reference(a.organisation_id, a.name(lang)))
                    .collect(),
            ),
        );
    }
    let mut documents: Vec<Value> = record
        .documents
        .iter()
        .filter(|d| d.application_id.is_none() && d.call_id == call.id)
        .map(|d| {
            json!({
                "id": format!("attachment-{}", d.id),
                "documentType": "biddingDocuments",
                "title": d.file_name,
                "url": format!("{}/attachments/{}", settings.base(), d.id),
                "format": d.content_type,
                "datePublished": rfc3339(d.uploaded_at),
            })
        })
        .collect();
    if call.status == CallStatus::Cancelled {
        let mut cancellation = json!({
            "id": "cancellation",
            "documentType": "cancellationDetails",
            "title": words.cancellation_title,
            "description": call.outcome_reasons.as_deref().unwrap_or(""),
            "language": lang.code(),
        });
        if let Some(decided) = call.decided_at {
            cancellation["datePublished"] = json!(rfc3339(decided));
        }
        documents.push(cancellation);
    }
    if !documents.is_empty() {
        tender.insert("documents".into(), Value::Array(documents));
    }

    let tag: &[&str] = match call.status {
        CallStatus::Awarded => &["tender", "award"],
        CallStatus::Cancelled => &["tenderCancellation"],
        CallStatus::Open | CallStatus::Draft => &["tender"],
    };
    let mut release = Map::new();
    release.insert("ocid".into(), json!(ocid));
    release.insert("date".into(), json!(rfc3339(release_date(record))));
    release.insert("tag".into(), json!(tag));
    release.insert("initiationType".into(), json!("tender"));
    release.insert("language".into(), json!(lang.code()));
    release.insert("parties".into(), Value::Array(parties));
    release.insert("buyer".into(), reference(convener.id, convener_name));
    release.insert("tender".into(), Value::Object(tender));
    if call.status == CallStatus::Awarded {
        let mut award = Map::new();
        let award_key = call
            .awarded_application_id
            .map_or_else(|| "award".to_owned(), |id| format!("award-{id}"));
        award.insert("id".into(), json!(format!("{ocid}-{award_key}")));
        award.insert("title".into(), json!(call.title));
        if let Some(reasons) = call.outcome_reasons.as_deref() {
            award.insert("description".into(), json!(reasons));
        }
        award.insert("status".into(), json!("active"));
        if let Some(decided) = call.decided_at {
            award.insert("date".into(), json!(rfc3339(decided)));
        }
        award.insert(
            "suppliers".into(),
            Value::Array(
                winner
                    .map(|w| reference(w.organisation_id, w.name(lang)))
                    .into_iter()
                    .collect(),
            ),
        );
        release.insert("awards".into(), json!([Value::Object(award)]));
    }
    // The id: status and revision for people, a digest of everything else for change.
    let digest = Sha256::digest(Value::Object(release.clone()).to_string().as_bytes());
    let id = format!(
        "{ocid}-{}-{}-{}",
        call.status.code(),
        call.revision,
        &hex::encode(digest)[..12]
    );
    let mut with_id = Map::new();
    with_id.insert("ocid".into(), json!(ocid));
    with_id.insert("id".into(), json!(id));
    for (key, value) in release {
        with_id.entry(key).or_insert(value);
    }
    Value::Object(with_id)
}
