//! The public portal of a locality, for anyone without an account: every initiative with a
//! business partner and how that partner was chosen, the open calls and their results,
//! declarations and recusals, donations, and the decision log; with search, and the data for
//! download as CSV, JSON and OCDS release packages.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use shutaf_domain::integrity::{Choice, Exemption};
use shutaf_store::calls::CallSummary;
use shutaf_store::donations::Donation;
use shutaf_store::portal::{PortalDeclaration, PortalFilter, PortalInitiative, PortalRecusal};
use shutaf_store::{Locality, Organisation};

use super::{Ctx, query_value, render};
use crate::AppState;
use crate::error::AppError;

/// The routes of these pages.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/localities/{id}/portal", get(page))
        .route("/localities/{id}/portal/{file}", get(download))
}

/// Initiatives per portal page.
const PAGE: i64 = 25;
/// Rows per downloaded file (a `page` parameter gives the next ones).
const DOWNLOAD_ROWS: i64 = 5_000;
/// How many of the latest calls, declarations, recusals and donations the portal shows.
const LATEST: i64 = 20;

#[derive(Template)]
#[template(path = "portal.html")]
pub struct PortalPage {
    pub ctx: Ctx,
    pub locality: Locality,
    pub convener: Organisation,
    pub search: String,
    /// The stage and the way of choosing filtered by (codes, or empty).
    pub stage: String,
    pub chosen: String,
    pub initiatives: Vec<PortalInitiative>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub calls: Vec<CallSummary>,
    pub declarations: Vec<PortalDeclaration>,
    pub recusals: Vec<PortalRecusal>,
    pub donations: Vec<Donation>,
    pub log_size: u64,
    pub now: i64,
}

impl PortalPage {
    pub fn call_phase(&self, call: &CallSummary) -> String {
        self.ctx
            .t(shutaf_domain::call::Phase::of(call.status, call.deadline_at, self.now).label_key())
    }

    pub fn matter_link(&self, matter: &str, id: &i64) -> String {
        match matter {
            "call" => format!("/calls/{id}"),
            _ => format!("/initiatives/{id}"),
        }
    }

    pub fn matter_label(&self, matter: &str) -> String {
        self.ctx.t(format!("matter-{matter}"))
    }

    pub fn page_line(&self) -> String {
        self.ctx.page_of(self.page as u32, self.pages as u32)
    }

    pub fn value(&self, d: &Donation) -> String {
        super::donations::shekels(&d.value_agorot)
    }

    pub fn exemption_label(&self, i: &PortalInitiative) -> String {
        match i.choice() {
            shutaf_domain::integrity::Choice::Exempt(e) => self.ctx.t(e.label_key()),
            _ => String::new(),
        }
    }

    pub fn search_link(&self, page: i64) -> String {
        format!(
            "/localities/{}/portal?q={}&stage={}&chosen={}&page={page}",
            self.locality.id,
            crate::error::urlencode(&self.search),
            self.stage,
            self.chosen
        )
    }

    pub fn stages(&self) -> &'static [shutaf_domain::Stage] {
        shutaf_domain::Stage::ALL
    }

    /// The ways of choosing a partner, for the filter.
    pub fn choices(&self) -> [Choice; 5] {
        ALL_CHOICES
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let convener = state
        .db
        .organisation(locality.convener_organisation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let search = query_value(&query, "q")
        .chars()
        .take(200)
        .collect::<String>();
    let stage = shutaf_domain::Stage::parse(query_value(&query, "stage"));
    let choice = choice_of(query_value(&query, "chosen"));
    let filter = PortalFilter {
        search: search.clone(),
        stage,
        choice,
    };
    let page = super::page_number(&query);
    let (initiatives, total) = state
        .db
        .portal_initiatives(id, &filter, PAGE, (page - 1) * PAGE)
        .await?;
    let calls = state.db.calls_of_locality(id, false, LATEST, 0).await?;
    let declarations = state.db.portal_declarations(id, LATEST, 0).await?;
    let recusals = state.db.portal_recusals(id, LATEST).await?;
    let donations = state.db.donations_of_locality(id, LATEST, 0).await?;
    let log_size = state.db.log_size().await?;
    render(&PortalPage {
        ctx,
        locality,
        convener,
        search,
        stage: stage.map(|s| s.code()).unwrap_or("").to_owned(),
        chosen: choice.map(Choice::code).unwrap_or("").to_owned(),
        initiatives,
        pages: (total + PAGE - 1) / PAGE,
        total,
        page,
        calls,
        declarations,
        recusals,
        donations,
        log_size,
        now: state.db.now(),
    })
}

const ALL_CHOICES: [Choice; 5] = [
    Choice::OpenCall,
    Choice::CompetingProposals,
    Choice::Competition,
    Choice::Exempt(Exemption::BelowThreshold),
    Choice::Unrecorded,
];

/// The way of choosing named by a filter's code.
fn choice_of(code: &str) -> Option<Choice> {
    ALL_CHOICES.into_iter().find(|c| c.code() == code)
}

/// A spreadsheet cannot be made to run a formula from our data: a cell that would start one
/// gets a leading apostrophe.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

fn csv_response(
    name: &str,
    header_row: &[&str],
    rows: Vec<Vec<String>>,
) -> Result<Response, AppError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| AppError::Internal(e.to_string());
    writer.write_record(header_row).map_err(internal)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|c| neutralise(c)))
            .map_err(internal)?;
    }
    let mut bytes = b"\xEF\xBB\xBF".to_vec(); // A BOM, so spreadsheets read Hebrew and Arabic as UTF-8.
    bytes.extend(
        writer
            .into_inner()
            .map_err(|e| AppError::Internal(e.to_string()))?,
    );
    file_response(name, "text/csv; charset=utf-8", bytes)
}

fn json_response(name: &str, value: &impl Serialize) -> Result<Response, AppError> {
    let bytes = serde_json::to_vec_pretty(value).map_err(|e| AppError::Internal(e.to_string()))?;
    file_response(name, "application/json", bytes)
}

fn file_response(
    name: &str,
    content_type: &'static str,
    bytes: Vec<u8>,
) -> Result<Response, AppError> {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

fn opt(value: &Option<impl ToString>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// The portal's data for download: `initiatives`, `calls`, `donations` and `declarations` as
/// `.csv` or `.json`, and `calls.ocds.json`, the calls and awards as an OCDS release package.
pub async fn download_file(
    state: &AppState,
    id: i64,
    file: &str,
    page: i64,
) -> Result<Response, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let offset = (page - 1) * DOWNLOAD_ROWS;
    let lang = shutaf_domain::Language::He;
    let base = format!("locality-{id}");
    match file {
        "initiatives.csv" | "initiatives.json" => {
            let (rows, _) = state
                .db
                .portal_initiatives(id, &PortalFilter::default(), DOWNLOAD_ROWS, offset)
                .await?;
            if file.ends_with(".json") {
                return json_response(&format!("{base}-initiatives.json"), &rows);
            }
            csv_response(
                &format!("{base}-initiatives.csv"),
                &[
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
                ],
                rows.iter()
                    .map(|i| {
                        vec![
                            i.id.to_string(),
                            opt(&i.title_he),
                            opt(&i.title_ar),
                            opt(&i.title_en),
                            i.stage.code().to_owned(),
                            i.businesses(lang).to_owned(),
                            i.choice().code().to_owned(),
                            opt(&i.integrity_exemption),
                            opt(&i.integrity_exemption_text),
                            opt(&i.call_id),
                            i.declarations.to_string(),
                            i.recusals.to_string(),
                            format!("{}/initiatives/{}", state.config.base(), i.id),
                        ]
                    })
                    .collect(),
            )
        }
        "calls.csv" | "calls.json" => {
            let rows = state
                .db
                .calls_of_locality(id, false, DOWNLOAD_ROWS, offset)
                .await?;
            if file.ends_with(".json") {
                return json_response(&format!("{base}-calls.json"), &rows);
            }
            csv_response(
                &format!("{base}-calls.csv"),
                &[
                    "id",
                    "title",
                    "language",
                    "status",
                    "published_at",
                    "deadline",
                    "applications",
                    "awarded_application_id",
                    "url",
                ],
                rows.iter()
                    .map(|c| {
                        vec![
                            c.id.to_string(),
                            c.title.clone(),
                            c.lang.clone(),
                            c.status.code().to_owned(),
                            c.published_at
                                .map(shutaf_domain::call::rfc3339)
                                .unwrap_or_default(),
                            shutaf_domain::call::rfc3339(c.deadline_at),
                            c.applications.to_string(),
                            opt(&c.awarded_application_id),
                            format!("{}/calls/{}", state.config.base(), c.id),
                        ]
                    })
                    .collect(),
            )
        }
        "donations.csv" | "donations.json" => {
            let rows = state
                .db
                .donations_of_locality(id, DOWNLOAD_ROWS, offset)
                .await?;
            if file.ends_with(".json") {
                return json_response(&format!("{base}-donations.json"), &rows);
            }
            csv_response(
                &format!("{base}-donations.csv"),
                &[
                    "id",
                    "donor",
                    "kind",
                    "value_agorot",
                    "purpose",
                    "step",
                    "recommendation",
                    "committee_check",
                    "head_decision",
                    "head_reasons",
                    "council_report",
                    "registered_at",
                ],
                rows.iter()
                    .map(|d| {
                        vec![
                            d.id.to_string(),
                            d.donor_name.clone(),
                            d.kind.code().to_owned(),
                            opt(&d.value_agorot),
                            d.purpose.clone(),
                            d.step.code().to_owned(),
                            opt(&d.recommendation),
                            opt(&d.committee_check),
                            opt(&d.head_decision),
                            opt(&d.head_reasons),
                            opt(&d.council_report),
                            shutaf_domain::call::rfc3339(d.registered_at),
                        ]
                    })
                    .collect(),
            )
        }
        "declarations.csv" | "declarations.json" => {
            let rows = state
                .db
                .portal_declarations(id, DOWNLOAD_ROWS, offset)
                .await?;
            if file.ends_with(".json") {
                return json_response(&format!("{base}-declarations.json"), &rows);
            }
            csv_response(
                &format!("{base}-declarations.csv"),
                &[
                    "matter",
                    "matter_id",
                    "person",
                    "has_interests",
                    "ties",
                    "details",
                    "declared_at",
                ],
                rows.iter()
                    .map(|d| {
                        vec![
                            d.matter.clone(),
                            d.matter_id.to_string(),
                            match d.person_redacted {
                                Some(r) => crate::i18n::Tr::new(lang).redaction(r.at, r.ground),
                                None => d.person.clone(),
                            },
                            d.has_interests.to_string(),
                            opt(&d.ties),
                            opt(&d.details),
                            shutaf_domain::call::rfc3339(d.declared_at),
                        ]
                    })
                    .collect(),
            )
        }
        "calls.ocds.json" => {
            let package = ocds_package(state, &locality, page).await?;
            json_response(&format!("{base}-calls.ocds.json"), &package)
        }
        _ => Err(AppError::NotFound),
    }
}

pub async fn download(
    State(state): State<AppState>,
    Path((id, file)): Path<(i64, String)>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let page = super::page_number(&query);
    download_file(&state, id, &file, page).await
}

/// Calls per OCDS file (each call carries its applications and documents).
const OCDS_CALLS: i64 = 500;

/// The locality's published calls and awards as an OCDS release package, a page of calls at a
/// time; an empty package when nothing is published (the schema needs one release at least, so
/// that answers 404).
pub async fn ocds_package(
    state: &AppState,
    locality: &Locality,
    page: i64,
) -> Result<serde_json::Value, AppError> {
    let convener = state
        .db
        .organisation(locality.convener_organisation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let records: Vec<crate::ocds::CallRecord> = state
        .db
        .published_calls_in_full(locality.id, OCDS_CALLS, (page - 1) * OCDS_CALLS)
        .await?
        .into_iter()
        .map(|(call, applications, attachments)| {
            crate::ocds::CallRecord::new(call, applications, attachments)
        })
        .collect();
    let settings = crate::ocds::OcdsSettings::from_config(&state.config);
    let uri = format!(
        "{}/localities/{}/portal/calls.ocds.json?page={page}",
        state.config.base(),
        locality.id
    );
    crate::ocds::release_package(&settings, &uri, locality, &convener, &records)
        .ok_or(AppError::NotFound)
}
