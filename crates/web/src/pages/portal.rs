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

use super::{Ctx, query_value, render_alike};
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
/// The most initiatives the portal counts: beyond, it says "more than 1,000".
pub const COUNT_CAP: i64 = 1_000;
/// Rows per downloaded file (a `page` parameter gives the next ones).
const DOWNLOAD_ROWS: i64 = 5_000;
/// Rows a streamed download reads in one statement (and holds in memory at once).
pub const CHUNK_ROWS: i64 = 500;
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
    /// How many initiatives the list holds, counted up to one past [`COUNT_CAP`].
    pub total: i64,
    /// Whether this is a later page (`?before=`), with a link back to the first.
    pub later: bool,
    /// Where the next (older) page starts, if there are more.
    pub older: Option<i64>,
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

    /// "12 initiatives", or "More than 1000 initiatives" when the count stopped at its cap.
    pub fn count_line(&self) -> String {
        if self.total > COUNT_CAP {
            self.ctx
                .tr
                .count("portal-initiative-count-more", "count", COUNT_CAP)
        } else {
            self.ctx
                .tr
                .count("portal-initiative-count", "count", self.total)
        }
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

    /// The list with the same filters: from the newest (`None`), or the page of those older
    /// than `before` (keyset pagination: a page deep in the list costs what the first does).
    pub fn search_link(&self, before: Option<i64>) -> String {
        let mut link = format!(
            "/localities/{}/portal?q={}&stage={}&chosen={}",
            self.locality.id,
            crate::error::urlencode(&self.search),
            self.stage,
            self.chosen
        );
        if let Some(before) = before {
            link.push_str(&format!("&before={before}"));
        }
        link
    }

    /// The next page: those older than the last one shown.
    pub fn older_link(&self) -> Option<String> {
        self.older.map(|before| self.search_link(Some(before)))
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
    // Keyset pagination: `?before=<id>` gives the page of those older than the id.
    let before = query_value(&query, "before")
        .parse::<i64>()
        .ok()
        .filter(|b| *b > 0);
    let mut initiatives = state
        .db
        .portal_initiatives(id, &filter, before, PAGE + 1)
        .await?;
    let older = if initiatives.len() as i64 > PAGE {
        initiatives.truncate(PAGE as usize);
        initiatives.last().map(|i| i.id)
    } else {
        None
    };
    let total = state
        .db
        .portal_initiative_count(id, &filter, COUNT_CAP)
        .await?;
    let calls = state.db.calls_of_locality(id, false, LATEST, 0).await?;
    let declarations = state.db.portal_declarations(id, LATEST, 0).await?;
    let recusals = state.db.portal_recusals(id, LATEST).await?;
    let donations = state.db.donations_of_locality(id, LATEST, 0).await?;
    let log_size = state.db.log_size().await?;
    render_alike(&PortalPage {
        ctx,
        locality,
        convener,
        search,
        stage: stage.map(|s| s.code()).unwrap_or("").to_owned(),
        chosen: choice.map(Choice::code).unwrap_or("").to_owned(),
        initiatives,
        total,
        later: before.is_some(),
        older,
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
    kept_download(file_response(name, "text/csv; charset=utf-8", bytes))
}

fn json_response(name: &str, value: &impl Serialize) -> Result<Response, AppError> {
    let bytes = serde_json::to_vec_pretty(value).map_err(|e| AppError::Internal(e.to_string()))?;
    kept_download(file_response(name, "application/json", bytes))
}

fn file_response(
    name: &str,
    content_type: &'static str,
    body: impl IntoResponse,
) -> Result<Response, AppError> {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// A streamed download the page cache may keep once it has streamed whole.
fn kept_download(response: Result<Response, AppError>) -> Result<Response, AppError> {
    response.map(|mut response| {
        response
            .extensions_mut()
            .insert(crate::page_cache::KeptDownload);
        response
    })
}

fn opt(value: &Option<impl ToString>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// The portal's data for download: `initiatives`, `calls`, `donations` and `declarations` as
/// `.csv` or `.json`, and `calls.ocds.json`, the calls and awards as an OCDS release package.
/// The initiatives and the OCDS package are streamed a chunk at a time (see [`streamed`]); the
/// other files (calls, donations, declarations) are still built whole, up to 5,000 rows.
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
            let format = if file.ends_with(".json") {
                Format::Json
            } else {
                Format::Csv
            };
            initiatives_file(state, id, format, page).await
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
        "calls.ocds.json" => ocds_file(state, &locality, page).await,
        _ => Err(AppError::NotFound),
    }
}

/// The columns of `initiatives.csv`.
const INITIATIVE_COLUMNS: [&str; 13] = [
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
];

/// How a streamed download is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

/// Writes the list of initiatives a chunk at a time, giving the same bytes as the whole file
/// written at once: for CSV the byte-order mark and the header row, then each row; for JSON
/// the array pretty-printed (`serde_json::to_vec_pretty` of the whole list), its items
/// separated by commas.
struct InitiativesWriter {
    format: Format,
    /// The hub's address, for each row's `url`.
    base: String,
    /// Whether an item was written (JSON: a comma before the next, `]` on a line of its own).
    any: bool,
}

impl InitiativesWriter {
    fn head(&self) -> Result<Vec<u8>, String> {
        match self.format {
            Format::Csv => {
                // A BOM, so spreadsheets read Hebrew and Arabic as UTF-8.
                let mut bytes = b"\xEF\xBB\xBF".to_vec();
                let mut writer = csv::Writer::from_writer(Vec::new());
                writer
                    .write_record(INITIATIVE_COLUMNS)
                    .map_err(|e| e.to_string())?;
                bytes.extend(writer.into_inner().map_err(|e| e.to_string())?);
                Ok(bytes)
            }
            Format::Json => Ok(b"[".to_vec()),
        }
    }

    fn rows(&mut self, rows: &[PortalInitiative]) -> Result<Vec<u8>, String> {
        match self.format {
            Format::Csv => {
                let lang = shutaf_domain::Language::He;
                let mut writer = csv::Writer::from_writer(Vec::new());
                for i in rows {
                    let row = [
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
                        format!("{}/initiatives/{}", self.base, i.id),
                    ];
                    writer
                        .write_record(row.iter().map(|c| neutralise(c)))
                        .map_err(|e| e.to_string())?;
                }
                writer.into_inner().map_err(|e| e.to_string())
            }
            Format::Json => {
                let mut bytes = Vec::new();
                for i in rows {
                    bytes.extend_from_slice(if self.any { b",\n" } else { b"\n" });
                    self.any = true;
                    json_item(&mut bytes, i).map_err(|e| e.to_string())?;
                }
                Ok(bytes)
            }
        }
    }

    fn tail(&self) -> &'static [u8] {
        match (self.format, self.any) {
            (Format::Csv, _) => b"",
            (Format::Json, true) => b"\n]",
            (Format::Json, false) => b"]",
        }
    }
}

/// An item of a pretty-printed JSON array: the item pretty-printed, every line indented one
/// level (a string's line breaks are escaped, so every line break is the printer's own).
fn json_item(bytes: &mut Vec<u8>, item: &impl Serialize) -> serde_json::Result<()> {
    let text = serde_json::to_vec_pretty(item)?;
    for (n, line) in text.split(|b| *b == b'\n').enumerate() {
        if n > 0 {
            bytes.push(b'\n');
        }
        bytes.extend_from_slice(b"  ");
        bytes.extend_from_slice(line);
    }
    Ok(())
}

/// `initiatives.csv` and `initiatives.json`, streamed (see [`streamed`]): the rows are read
/// [`CHUNK_ROWS`] at a time by keyset, each chunk those older than the last row sent.
async fn initiatives_file(
    state: &AppState,
    locality: i64,
    format: Format,
    page: i64,
) -> Result<Response, AppError> {
    // A later page of the file starts where a walk over the index lands.
    let before = if page > 1 {
        state
            .db
            .portal_initiative_at(
                locality,
                &PortalFilter::default(),
                (page - 1) * DOWNLOAD_ROWS,
            )
            .await?
            .map(|id| id.saturating_add(1))
    } else {
        Some(i64::MAX)
    };
    let writer = InitiativesWriter {
        format,
        base: state.config.base().to_owned(),
        any: false,
    };
    let head = writer.head().map_err(AppError::Internal)?;
    let chunks = InitiativeChunks {
        locality,
        before,
        left: DOWNLOAD_ROWS,
        writer,
    };
    let (name, content_type) = match format {
        Format::Csv => ("initiatives.csv", "text/csv; charset=utf-8"),
        Format::Json => ("initiatives.json", "application/json"),
    };
    let name = format!("locality-{locality}-{name}");
    kept_download(file_response(
        &name,
        content_type,
        streamed(state, head, chunks).await?,
    ))
}

/// The rest of a download, a chunk at a time.
trait Chunks: Send + 'static {
    /// The next chunk's bytes (the last one with the file's end); `None` once the file is
    /// complete.
    fn next(
        &mut self,
        state: &AppState,
    ) -> impl std::future::Future<Output = Option<Result<Vec<u8>, String>>> + Send;
}

/// A download's body: `head` and the first chunk, then the others, each read and written
/// before the next is read, so the memory a download holds does not grow with the file.
///
/// The first chunk is read before the answer starts, so a failure there is an error page like
/// any other. A failure after the first bytes cannot become a status any more: it is logged and
/// the body ends with an error, which closes the connection without the chunked encoding's end,
/// so a client sees a broken download rather than a short file that looks complete. The chunks
/// are separate statements, not one snapshot: a row changed while a download runs may show its
/// old or its new state (none is sent twice or skipped: the chunks go by id).
async fn streamed(
    state: &AppState,
    mut head: Vec<u8>,
    mut chunks: impl Chunks,
) -> Result<axum::body::Body, AppError> {
    use futures_util::StreamExt;
    let Some(first) = chunks.next(state).await else {
        return Ok(head.into());
    };
    head.extend(first.map_err(AppError::Internal)?);
    let first = futures_util::stream::iter([Ok(axum::body::Bytes::from(head))]);
    let rest = futures_util::stream::unfold(Some((state.clone(), chunks)), |going| async move {
        let (state, mut chunks) = going?;
        match chunks.next(&state).await? {
            Ok(bytes) => Some((Ok(axum::body::Bytes::from(bytes)), Some((state, chunks)))),
            Err(e) => {
                tracing::error!(error = %e, "a streamed download stopped");
                Some((Err(std::io::Error::other(e)), None))
            }
        }
    });
    Ok(axum::body::Body::from_stream(first.chain(rest)))
}

/// Where `initiatives.csv` or `.json` is in its list.
struct InitiativeChunks {
    locality: i64,
    /// The next chunk's rows are older than this id (`None`: the list has ended).
    before: Option<i64>,
    /// Rows the file may still hold.
    left: i64,
    writer: InitiativesWriter,
}

impl Chunks for InitiativeChunks {
    async fn next(&mut self, state: &AppState) -> Option<Result<Vec<u8>, String>> {
        if self.left <= 0 {
            return None;
        }
        let limit = self.left.min(CHUNK_ROWS);
        let rows = match self.before {
            Some(before) => match state
                .db
                .portal_initiatives(self.locality, &PortalFilter::default(), Some(before), limit)
                .await
            {
                Ok(rows) => rows,
                Err(e) => return Some(Err(e.to_string())),
            },
            None => Vec::new(),
        };
        self.left -= rows.len() as i64;
        self.before = match rows.last() {
            Some(last) if rows.len() as i64 == limit => Some(last.id),
            _ => None,
        };
        if self.before.is_none() {
            // A short chunk: the list has ended.
            self.left = 0;
        }
        let mut bytes = match self.writer.rows(&rows) {
            Ok(bytes) => bytes,
            Err(e) => return Some(Err(e)),
        };
        if self.left == 0 {
            bytes.extend_from_slice(self.writer.tail());
        }
        Some(Ok(bytes))
    }
}

/// Calls an OCDS download reads in full at once (each with its applications and documents).
pub const OCDS_CHUNK_CALLS: i64 = 50;

/// `calls.ocds.json`, streamed (see [`streamed`]): one statement tells the page's calls (their
/// ids' range and the latest release date, which the package gives before its releases), then
/// the calls are read in full [`OCDS_CHUNK_CALLS`] at a time, oldest first, by keyset.
async fn ocds_file(state: &AppState, locality: &Locality, page: i64) -> Result<Response, AppError> {
    let convener = state
        .db
        .organisation(locality.convener_organisation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let calls = state
        .db
        .ocds_calls_page(locality.id, OCDS_CALLS, (page - 1) * OCDS_CALLS)
        .await?;
    // An OCDS package holds one release at least: nothing published answers 404.
    let (Some(first_id), Some(last_id), Some(latest)) =
        (calls.first_id, calls.last_id, calls.latest)
    else {
        return Err(AppError::NotFound);
    };
    let uri = format!(
        "{}/localities/{}/portal/calls.ocds.json?page={page}",
        state.config.base(),
        locality.id
    );
    let writer = crate::ocds::PackageWriter::new(
        crate::ocds::OcdsSettings::from_config(&state.config),
        uri,
        locality.clone(),
        convener,
    );
    let head = writer
        .head(latest)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let chunks = OcdsChunks {
        locality: locality.id,
        from: Some(first_id),
        to: last_id,
        writer,
    };
    let name = format!("locality-{}-calls.ocds.json", locality.id);
    kept_download(file_response(
        &name,
        "application/json",
        streamed(state, head, chunks).await?,
    ))
}

/// Where `calls.ocds.json` is in its page of calls.
struct OcdsChunks {
    locality: i64,
    /// The next chunk's calls have this id or a later one (`None`: the page has ended).
    from: Option<i64>,
    /// The page's last call.
    to: i64,
    writer: crate::ocds::PackageWriter,
}

impl Chunks for OcdsChunks {
    async fn next(&mut self, state: &AppState) -> Option<Result<Vec<u8>, String>> {
        let from = self.from?;
        let calls = match state
            .db
            .published_calls_in_full_between(self.locality, from, self.to, OCDS_CHUNK_CALLS)
            .await
        {
            Ok(calls) => calls,
            Err(e) => return Some(Err(e.to_string())),
        };
        self.from = match calls.last() {
            Some((last, _, _)) if calls.len() as i64 == OCDS_CHUNK_CALLS && last.id < self.to => {
                Some(last.id + 1)
            }
            _ => None,
        };
        let records: Vec<crate::ocds::CallRecord> = calls
            .into_iter()
            .map(|(call, applications, attachments)| {
                crate::ocds::CallRecord::new(call, applications, attachments)
            })
            .collect();
        let written = self.writer.releases(&records).and_then(|mut bytes| {
            if self.from.is_none() {
                bytes.extend(self.writer.tail()?);
            }
            Ok(bytes)
        });
        Some(written.map_err(|e| e.to_string()))
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
