//! The API of open calls: the convener writes and publishes a call, organisations apply with
//! attachments, evaluators declare and score, the convener awards (or cancels, or re-runs), and
//! an awarded call becomes an initiative. Who sees what is decided by the actions, as in the pages.

use axum::Json;
use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use shutaf_domain::Language;
use shutaf_domain::call::{self, CallStatus, MAX_ATTACHMENT_BYTES, Phase};
use shutaf_store::User;
use shutaf_store::calls::{Attachment, Call, CallSummary};
use utoipa::ToSchema;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::initiatives::{DeclarationBody, DeclarationWrite, RecusalBody};
use super::{ApiJson, ApiWriter, ErrorBody, LangQuery, MaybeApiUser, Paging, language, renamed};
use crate::AppState;
use crate::actions::calls::{
    self as act, ApplicationInput, CallInput, MAX_ATTACHMENTS, Sight, Upload,
};
use crate::actions::initiatives::language_of;
use crate::error::AppError;

/// The largest upload request: one file more than an application may carry, so that a sixth
/// file is refused with a clear message rather than a cut connection.
const UPLOAD_BODY_LIMIT: usize = (MAX_ATTACHMENTS + 1) * MAX_ATTACHMENT_BYTES;

pub fn routes() -> OpenApiRouter<AppState> {
    let uploads = OpenApiRouter::new()
        .routes(routes!(add_documents))
        .routes(routes!(add_application_attachments))
        .layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT));
    OpenApiRouter::new()
        .routes(routes!(list_calls, create_call))
        .routes(routes!(get_call, update_call))
        .routes(routes!(publish_call))
        .routes(routes!(apply))
        .routes(routes!(list_declarations, declare))
        .routes(routes!(score))
        .routes(routes!(accept_evaluation))
        .routes(routes!(award))
        .routes(routes!(cancel))
        .routes(routes!(rerun))
        .routes(routes!(start_initiative))
        .routes(routes!(download_attachment))
        .merge(uploads)
}

fn status_schema() -> utoipa::openapi::schema::Object {
    super::codes(CallStatus::ALL.iter().map(|s| s.code()))
}

fn phase_schema() -> utoipa::openapi::schema::Object {
    super::codes(
        [
            Phase::Draft,
            Phase::Accepting,
            Phase::Evaluating,
            Phase::Awarded,
            Phase::Cancelled,
        ]
        .into_iter()
        .map(Phase::code),
    )
}

fn language_schema() -> utoipa::openapi::schema::Object {
    super::codes(Language::ALL.iter().map(|l| l.code()))
}

/// The form of a file in a `multipart/form-data` body.
fn files_schema() -> utoipa::openapi::schema::Array {
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .content_media_type("application/octet-stream"),
        )
        .min_items(Some(1))
        .max_items(Some(MAX_ATTACHMENTS))
        .build()
}

/// A call in a list.
#[derive(Serialize, ToSchema)]
pub struct CallListItem {
    id: i64,
    locality_id: i64,
    /// The language the call is written in.
    #[schema(schema_with = language_schema)]
    lang: String,
    title: String,
    #[schema(schema_with = status_schema)]
    status: String,
    /// Where the call stands now: `accepting` until the deadline, then `evaluating`.
    #[schema(schema_with = phase_schema)]
    phase: String,
    /// The deadline in Unix seconds.
    deadline_at: i64,
    /// The deadline in RFC 3339, with Israel's offset.
    deadline: String,
    published_at: Option<i64>,
    awarded_application_id: Option<i64>,
    /// How many organisations applied.
    applications: i64,
}

impl CallListItem {
    fn of(c: CallSummary, now: i64) -> CallListItem {
        CallListItem {
            id: c.id,
            locality_id: c.locality_id,
            lang: c.lang,
            title: c.title,
            status: c.status.code().into(),
            phase: Phase::of(c.status, c.deadline_at, now).code().into(),
            deadline_at: c.deadline_at,
            deadline: call::rfc3339(c.deadline_at),
            published_at: c.published_at,
            awarded_application_id: c.awarded_application_id,
            applications: c.applications,
        }
    }
}

/// A page of a locality's calls, newest first.
#[derive(Serialize, ToSchema)]
pub struct CallList {
    items: Vec<CallListItem>,
    limit: i64,
    offset: i64,
}

/// A weighted criterion.
#[derive(Serialize, ToSchema)]
pub struct CriterionBody {
    id: i64,
    name: String,
    description: Option<String>,
    /// Its share of the total, in percent; the weights add up to 100.
    weight: i64,
}

/// A goal of the locality's agenda the call serves.
#[derive(Serialize, ToSchema)]
pub struct CallGoalBody {
    id: i64,
    title: String,
}

/// A file of a call or of an application (download it from `/api/v1/attachments/{id}`).
#[derive(Serialize, ToSchema)]
pub struct AttachmentBody {
    id: i64,
    file_name: String,
    content_type: String,
    size_bytes: i64,
    /// SHA-256 of the bytes, in hex.
    sha256: String,
    uploaded_at: i64,
}

impl From<&Attachment> for AttachmentBody {
    fn from(a: &Attachment) -> Self {
        AttachmentBody {
            id: a.id,
            file_name: a.file_name.clone(),
            content_type: a.content_type.clone(),
            size_bytes: a.size_bytes,
            sha256: a.sha256.clone(),
            uploaded_at: a.uploaded_at,
        }
    }
}

/// One evaluator's score of an application on one criterion, with the reason.
#[derive(Serialize, ToSchema)]
pub struct ScoreBody {
    criterion_id: i64,
    /// The evaluator's name.
    evaluator: String,
    /// 0 to 10.
    score: i64,
    reason: String,
    scored_at: i64,
}

/// An application to a call, as far as the reader may see it.
#[derive(Serialize, ToSchema)]
pub struct ApplicationBody {
    id: i64,
    organisation_id: i64,
    /// The organisation's name.
    organisation: String,
    summary: String,
    /// The full proposal: for the convener's staff, the evaluators and the applicant's managers.
    proposal: Option<String>,
    submitted_at: i64,
    /// Its files: for those who see the proposal.
    attachments: Vec<AttachmentBody>,
    /// The scores with their reasons: public once the call is awarded or cancelled; before,
    /// to the convener's staff, and to each evaluator their own.
    scores: Vec<ScoreBody>,
}

/// A criterion's mean score.
#[derive(Serialize, ToSchema)]
pub struct MeanBody {
    criterion_id: i64,
    /// The mean over the evaluators who scored it, 0 to 10.
    mean: f64,
}

/// An application's aggregated result.
#[derive(Serialize, ToSchema)]
pub struct ResultBody {
    application_id: i64,
    /// From 1; equal totals share a rank.
    rank: usize,
    /// The weighted total, 0 to 100.
    total: f64,
    means: Vec<MeanBody>,
    /// How many evaluators scored every criterion.
    complete_evaluations: usize,
}

/// A call, with what the reader may see of its applications.
#[derive(Serialize, ToSchema)]
pub struct CallBody {
    id: i64,
    locality_id: i64,
    /// The language the call is written in.
    #[schema(schema_with = language_schema)]
    lang: String,
    title: String,
    purpose: String,
    /// What is sought.
    sought: String,
    /// Who may apply.
    eligibility: String,
    #[schema(schema_with = status_schema)]
    status: String,
    /// Where the call stands now: `accepting` until the deadline, then `evaluating`.
    #[schema(schema_with = phase_schema)]
    phase: String,
    /// The deadline in Unix seconds.
    deadline_at: i64,
    /// The deadline in RFC 3339, with Israel's offset.
    deadline: String,
    /// The deadline as a civil time in Israel, `YYYY-MM-DDTHH:MM` (as written).
    deadline_local: String,
    published_at: Option<i64>,
    awarded_application_id: Option<i64>,
    /// The published reasons of the award or the cancellation.
    outcome_reasons: Option<String>,
    decided_at: Option<i64>,
    /// The initiative the awarded call became.
    initiative_id: Option<i64>,
    criteria: Vec<CriterionBody>,
    goals: Vec<CallGoalBody>,
    /// The evaluators' names (people who accepted the convener's invitation).
    evaluators: Vec<String>,
    /// The addresses asked to evaluate who have not accepted yet: to the convener's staff only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(required = false)]
    invited_evaluators: Vec<String>,
    /// The call's own documents.
    documents: Vec<AttachmentBody>,
    /// How many organisations applied.
    application_count: usize,
    /// The convener's staff and the evaluators see every application in full; an applicant's
    /// managers see their own; once the call is awarded or cancelled everyone sees who applied,
    /// with their summaries and scores.
    applications: Vec<ApplicationBody>,
    /// The aggregated results, best first: to the convener's staff, and to everyone once the
    /// call is awarded or cancelled; null to others.
    results: Option<Vec<ResultBody>>,
    /// Changes with every write.
    revision: i64,
}

async fn call_body(
    state: &AppState,
    user: Option<&User>,
    call: Call,
    lang: Language,
) -> Result<CallBody, AppError> {
    let phase = call.phase(state.db.now());
    let sight = act::sight(state, user, &call).await?;
    let (staff, own) = match user {
        Some(user) => (
            act::is_convener_staff(state, user, call.locality_id).await?,
            act::managed(state, user).await?,
        ),
        None => (false, Vec::new()),
    };
    let public = phase.results_public();
    let show_results = public || staff;
    let attachments = state.db.attachments(call.id).await?;
    let applications = state.db.applications(call.id).await?;
    let scores = if sight == Sight::All || public {
        state.db.scores(call.id).await?
    } else {
        Vec::new()
    };
    let results = if show_results {
        Some(
            act::results(state, &call, &applications)
                .await?
                .into_iter()
                .map(|r| ResultBody {
                    application_id: r.application_id,
                    rank: r.rank,
                    total: r.total,
                    means: r
                        .means
                        .into_iter()
                        .map(|(criterion_id, mean)| MeanBody { criterion_id, mean })
                        .collect(),
                    complete_evaluations: r.complete_evaluations,
                })
                .collect(),
        )
    } else {
        None
    };
    let goals = state
        .db
        .goals_by_ids(&call.goal_ids)
        .await?
        .into_iter()
        .map(|g| CallGoalBody {
            id: g.id,
            title: g.title(lang).to_owned(),
        })
        .collect();
    let application_count = applications.len();
    let shown = applications
        .into_iter()
        .filter_map(|a| {
            let full = sight == Sight::All || own.contains(&a.organisation_id);
            if !(full || public) {
                return None;
            }
            Some(ApplicationBody {
                id: a.id,
                organisation_id: a.organisation_id,
                organisation: a.name(lang).to_owned(),
                proposal: full.then(|| a.proposal.clone()),
                attachments: if full {
                    attachments
                        .iter()
                        .filter(|x| x.application_id == Some(a.id))
                        .map(AttachmentBody::from)
                        .collect()
                } else {
                    Vec::new()
                },
                scores: scores
                    .iter()
                    .filter(|s| {
                        s.application_id == a.id
                            && (show_results || user.is_some_and(|u| u.id == s.evaluator_id))
                    })
                    .map(|s| ScoreBody {
                        criterion_id: s.criterion_id,
                        evaluator: s.evaluator.clone(),
                        score: s.score,
                        reason: s.reason.clone(),
                        scored_at: s.scored_at,
                    })
                    .collect(),
                summary: a.summary,
                submitted_at: a.submitted_at,
            })
        })
        .collect();
    Ok(CallBody {
        id: call.id,
        locality_id: call.locality_id,
        lang: call.lang,
        title: call.title,
        purpose: call.purpose,
        sought: call.sought,
        eligibility: call.eligibility,
        status: call.status.code().into(),
        phase: phase.code().into(),
        deadline_at: call.deadline_at,
        deadline: call::rfc3339(call.deadline_at),
        deadline_local: call::local_input(call.deadline_at),
        published_at: call.published_at,
        awarded_application_id: call.awarded_application_id,
        outcome_reasons: call.outcome_reasons,
        decided_at: call.decided_at,
        initiative_id: call.initiative_id,
        criteria: call
            .criteria
            .into_iter()
            .map(|c| CriterionBody {
                id: c.id,
                name: c.name,
                description: c.description,
                weight: c.weight,
            })
            .collect(),
        goals,
        invited_evaluators: if staff {
            state.db.invited_evaluators(call.id).await?
        } else {
            Vec::new()
        },
        evaluators: call
            .evaluators
            .into_iter()
            .map(|e| e.display_name)
            .collect(),
        documents: attachments
            .iter()
            .filter(|a| a.application_id.is_none())
            .map(AttachmentBody::from)
            .collect(),
        application_count,
        applications: shown,
        results,
        revision: call.revision,
    })
}

/// The call as the writer now sees it.
async fn reply(state: &AppState, user: &User, id: i64) -> Result<Json<CallBody>, AppError> {
    let call = act::visible_call(state, Some(user), id).await?;
    Ok(Json(
        call_body(state, Some(user), call, language_of(state, user)).await?,
    ))
}

/// A criterion to weigh applications by.
#[derive(Deserialize, ToSchema)]
pub struct CriterionWrite {
    name: String,
    #[serde(default)]
    description: String,
    /// Its share of the total, 1 to 100; the weights add up to 100.
    weight: i64,
}

/// A call to write or rewrite (while a draft).
#[derive(Deserialize, ToSchema)]
pub struct CallWrite {
    /// The language the call is written in.
    #[schema(schema_with = language_schema)]
    lang: String,
    title: String,
    purpose: String,
    /// What is sought.
    sought: String,
    /// Who may apply.
    eligibility: String,
    /// The deadline as a civil time in Israel (Asia/Jerusalem), `YYYY-MM-DDTHH:MM`, such as
    /// `2026-12-31T12:00`, whatever the caller's time zone; it must be in the future.
    #[schema(example = "2026-12-31T12:00")]
    deadline_local: String,
    /// One to twelve criteria whose weights add up to 100.
    criteria: Vec<CriterionWrite>,
    /// Goals of the locality's agenda the call serves.
    #[serde(default)]
    goal_ids: Vec<i64>,
    /// The people asked to evaluate, by e-mail address (one to twenty). Each new address is
    /// mailed an invitation and evaluates once its owner accepts it; addresses left out are no
    /// longer asked. Whether an address has an account is never said.
    evaluator_emails: Vec<String>,
}

/// How the actions name a call's fields, and how the API does.
const CALL_FIELDS: &[(&str, &str)] = &[
    ("deadline", "deadline_local"),
    ("goals", "goal_ids"),
    ("evaluators", "evaluator_emails"),
];

impl CallWrite {
    fn input(&self) -> CallInput {
        CallInput {
            lang: self.lang.clone(),
            title: self.title.clone(),
            purpose: self.purpose.clone(),
            sought: self.sought.clone(),
            eligibility: self.eligibility.clone(),
            deadline: self.deadline_local.clone(),
            criteria: self
                .criteria
                .iter()
                .map(|c| (c.name.clone(), c.description.clone(), c.weight.to_string()))
                .collect(),
            goals: self.goal_ids.iter().map(i64::to_string).collect(),
            evaluators: self.evaluator_emails.clone(),
        }
    }
}

/// A locality's calls, newest first; drafts only for the convener's staff.
#[utoipa::path(get, path = "/v1/localities/{id}/calls", tag = "calls", params(("id" = i64, Path), Paging),
    responses((status = 200, body = CallList), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_calls(
    State(state): State<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    Path(id): Path<i64>,
    Query(paging): Query<Paging>,
) -> Result<Json<CallList>, AppError> {
    state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let with_drafts = match &user {
        Some(user) => act::is_convener_staff(&state, user, id).await?,
        None => false,
    };
    let (limit, offset) = (paging.limit(), paging.offset());
    let now = state.db.now();
    let items = state
        .db
        .calls_of_locality(id, with_drafts, limit, offset)
        .await?
        .into_iter()
        .map(|c| CallListItem::of(c, now))
        .collect();
    Ok(Json(CallList {
        items,
        limit,
        offset,
    }))
}

/// The convener's staff write a draft call.
#[utoipa::path(post, path = "/v1/localities/{id}/calls", tag = "calls", params(("id" = i64, Path)), request_body = CallWrite, security(("token" = [])),
    responses((status = 201, body = CallBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_call(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CallWrite>,
) -> Result<Response, AppError> {
    let call = act::create_call(&state, &user, id, &body.input())
        .await
        .map_err(|e| renamed(e, CALL_FIELDS))?;
    Ok((StatusCode::CREATED, reply(&state, &user, call).await?).into_response())
}

/// A call with its criteria, goals, evaluators, documents and what the reader may see of its
/// applications, scores and results. Drafts only for the convener's staff.
#[utoipa::path(get, path = "/v1/calls/{id}", tag = "calls", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = CallBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_call(
    State(state): State<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<CallBody>, AppError> {
    let call = act::visible_call(&state, user.as_ref(), id).await?;
    let lang = language(&q, &headers, &state);
    Ok(Json(call_body(&state, user.as_ref(), call, lang).await?))
}

/// The convener's staff rewrite a draft (a published call stays as published).
#[utoipa::path(put, path = "/v1/calls/{id}", tag = "calls", params(("id" = i64, Path)), request_body = CallWrite, security(("token" = [])),
    responses((status = 200, body = CallBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_call(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CallWrite>,
) -> Result<Json<CallBody>, AppError> {
    act::update_call(&state, &user, id, &body.input())
        .await
        .map_err(|e| renamed(e, CALL_FIELDS))?;
    reply(&state, &user, id).await
}

/// The convener's staff publish a draft whose deadline is still ahead; organisations may apply
/// until the deadline.
#[utoipa::path(post, path = "/v1/calls/{id}/publish", tag = "calls", params(("id" = i64, Path)), security(("token" = [])),
    responses((status = 200, body = CallBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn publish_call(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
) -> Result<Json<CallBody>, AppError> {
    act::publish_call(&state, &user, id)
        .await
        .map_err(|e| renamed(e, CALL_FIELDS))?;
    reply(&state, &user, id).await
}

/// An application (files are added with `POST .../applications/{application_id}/attachments`).
#[derive(Deserialize, ToSchema)]
pub struct ApplicationWrite {
    /// The organisation applying, which the caller manages (not the convener).
    organisation_id: i64,
    /// A short summary, published with the results.
    summary: String,
    /// The full proposal.
    proposal: String,
}

/// The application received.
#[derive(Serialize, ToSchema)]
pub struct ApplicationCreated {
    application_id: i64,
}

/// An organisation the caller manages applies before the deadline; applying again replaces its
/// application.
#[utoipa::path(post, path = "/v1/calls/{id}/applications", tag = "calls", params(("id" = i64, Path)), request_body = ApplicationWrite, security(("token" = [])),
    responses((status = 201, body = ApplicationCreated), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn apply(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ApplicationWrite>,
) -> Result<Response, AppError> {
    let input = ApplicationInput {
        organisation: body.organisation_id.to_string(),
        summary: body.summary,
        proposal: body.proposal,
    };
    let application_id = act::apply(&state, &user, id, &input, &[])
        .await
        .map_err(|e| renamed(e, &[("organisation", "organisation_id")]))?;
    Ok((
        StatusCode::CREATED,
        Json(ApplicationCreated { application_id }),
    )
        .into_response())
}

/// Files to upload, as `multipart/form-data`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct FilesUpload {
    /// Up to five files, each in a field named `file` (repeat the field), each at most 5 MB:
    /// PDF, PNG, JPEG, ODT, ODS, DOCX or XLSX, recognised by their bytes and their name's ending.
    #[schema(schema_with = files_schema)]
    file: Vec<Vec<u8>>,
}

fn multipart_error(error: MultipartError) -> AppError {
    tracing::debug!("unreadable upload: {error}");
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::TooLarge
    } else {
        AppError::BadRequest("error-bad-multipart")
    }
}

/// Reads the files sent in fields named `file` (other fields are ignored). A file past the size
/// limit is cut just past it, for the action to refuse with its message.
async fn read_files(
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Vec<Upload>, AppError> {
    let mut multipart = multipart.map_err(|rejection| {
        tracing::debug!("rejected upload: {rejection}");
        AppError::BadRequest("error-bad-multipart")
    })?;
    let mut uploads = Vec::new();
    while let Some(mut field) = multipart.next_field().await.map_err(multipart_error)? {
        if field.name() != Some("file") {
            continue;
        }
        let file_name = field.file_name().unwrap_or("").to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
            if bytes.len() <= MAX_ATTACHMENT_BYTES {
                bytes.extend_from_slice(&chunk);
            }
        }
        uploads.push(Upload { file_name, bytes });
    }
    Ok(uploads)
}

/// The convener's staff attach documents to a call (while a draft or taking applications).
#[utoipa::path(post, path = "/v1/calls/{id}/documents", tag = "calls", params(("id" = i64, Path)),
    request_body(content = inline(FilesUpload), content_type = "multipart/form-data"), security(("token" = [])),
    responses((status = 201, body = Vec<AttachmentBody>, description = "The call's documents"), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_documents(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let uploads = read_files(multipart).await?;
    act::add_call_documents(&state, &user, id, &uploads).await?;
    let documents: Vec<AttachmentBody> = state
        .db
        .attachments(id)
        .await?
        .iter()
        .filter(|a| a.application_id.is_none())
        .map(AttachmentBody::from)
        .collect();
    Ok((StatusCode::CREATED, Json(documents)).into_response())
}

/// The managers of the organisation that applied attach files to its application, until the
/// deadline; an application carries at most five.
#[utoipa::path(post, path = "/v1/calls/{id}/applications/{application_id}/attachments", tag = "calls", params(("id" = i64, Path), ("application_id" = i64, Path)),
    request_body(content = inline(FilesUpload), content_type = "multipart/form-data"), security(("token" = [])),
    responses((status = 201, body = Vec<AttachmentBody>, description = "The application's files"), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_application_attachments(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, application_id)): Path<(i64, i64)>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let uploads = read_files(multipart).await?;
    act::add_application_attachments(&state, &user, id, application_id, &uploads).await?;
    let files: Vec<AttachmentBody> = state
        .db
        .attachments(id)
        .await?
        .iter()
        .filter(|a| a.application_id == Some(application_id))
        .map(AttachmentBody::from)
        .collect();
    Ok((StatusCode::CREATED, Json(files)).into_response())
}

/// Downloads a file: a call's documents are public once the call is; an application's files
/// only to its organisation's managers, the evaluators and the convener's staff.
#[utoipa::path(get, path = "/v1/attachments/{id}", tag = "calls", params(("id" = i64, Path)),
    responses((status = 200, description = "The file, as an attachment, with its checked content type", content_type = "application/octet-stream", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn download_attachment(
    State(state): State<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (attachment, bytes) = state.db.attachment(id).await?.ok_or(AppError::NotFound)?;
    if !act::may_download(&state, user.as_ref(), &attachment).await? {
        return Err(AppError::NotFound);
    }
    Ok(crate::security::attachment_response(&attachment, bytes))
}

/// The organisations an evaluator stepped aside from by declaring.
#[derive(Serialize, ToSchema)]
pub struct DeclaredBody {
    /// Applicants the caller declared a tie with: they will not score these.
    recused_from: Vec<i64>,
}

/// An evaluator, or one of the convener's staff (who decide the award), declares their
/// interests on the call; a tie with an applicant is a public recusal.
#[utoipa::path(post, path = "/v1/calls/{id}/declarations", tag = "calls", params(("id" = i64, Path)), request_body = DeclarationWrite, security(("token" = [])),
    responses((status = 200, body = DeclaredBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn declare(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<DeclarationWrite>,
) -> Result<Json<DeclaredBody>, AppError> {
    let recused_from = act::declare_on_call(&state, &user, id, &body.input()).await?;
    Ok(Json(DeclaredBody { recused_from }))
}

/// The public declarations of interest on a call, and who stepped aside from which applicant.
/// Until the call is decided who applied is sealed, from everyone but the convener's staff and
/// the evaluators: then `sealed` is true, each declaration comes without its ties and details,
/// and the recusals only as a count.
#[derive(Serialize, ToSchema)]
pub struct CallDeclarationsBody {
    /// Who applied is sealed from the caller until the call is decided.
    sealed: bool,
    declarations: Vec<DeclarationBody>,
    /// The recusals with their party; empty while sealed.
    recusals: Vec<RecusalBody>,
    /// How many times someone stepped aside from an application whose applicant is sealed
    /// from the caller (0 once the call is decided).
    sealed_recusals: i64,
}

/// The declarations of interest and the recusals on a call; while the call is undecided,
/// without what would tell who applied (see `sealed`).
#[utoipa::path(get, path = "/v1/calls/{id}/declarations", tag = "calls", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = CallDeclarationsBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_declarations(
    State(state): State<AppState>,
    MaybeApiUser(user): MaybeApiUser,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<CallDeclarationsBody>, AppError> {
    let call = act::visible_call(&state, user.as_ref(), id).await?;
    let lang = language(&q, &headers, &state);
    let sight = act::sight(&state, user.as_ref(), &call).await?;
    let phase = call.phase(state.db.now());
    let record = act::integrity_record(&state, &call, phase, sight).await?;
    Ok(Json(CallDeclarationsBody {
        sealed: record.sealed,
        declarations: record
            .declarations
            .into_iter()
            .map(|d| DeclarationBody::of(d, lang))
            .collect(),
        recusals: record
            .recusals
            .into_iter()
            .map(|r| RecusalBody::of(r, lang))
            .collect(),
        sealed_recusals: record.sealed_recusals as i64,
    }))
}

/// A score on one criterion, with its reason.
#[derive(Deserialize, ToSchema)]
pub struct ScoreWrite {
    criterion_id: i64,
    /// 0 to 10.
    score: i64,
    /// Published with the results.
    reason: String,
}

/// An evaluator who declared, and is clear of the applicant, scores an application on every
/// criterion with reasons, after the deadline and before the award; scoring again replaces.
/// Field errors name `score_{criterion_id}` and `reason_{criterion_id}`.
#[utoipa::path(post, path = "/v1/calls/{id}/applications/{application_id}/scores", tag = "calls", params(("id" = i64, Path), ("application_id" = i64, Path)), request_body = Vec<ScoreWrite>, security(("token" = [])),
    responses((status = 200, body = CallBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn score(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, application_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<Vec<ScoreWrite>>,
) -> Result<Json<CallBody>, AppError> {
    let scores: Vec<(String, String, String)> = body
        .into_iter()
        .map(|s| (s.criterion_id.to_string(), s.score.to_string(), s.reason))
        .collect();
    act::score(&state, &user, id, application_id, &scores).await?;
    reply(&state, &user, id).await
}

/// The award.
#[derive(Deserialize, ToSchema)]
pub struct AwardWrite {
    application_id: i64,
    /// Published reasons.
    reasons: String,
}

/// Published reasons.
#[derive(Deserialize, ToSchema)]
pub struct ReasonsWrite {
    reasons: String,
}

/// A re-run: a new deadline, with reasons.
#[derive(Deserialize, ToSchema)]
pub struct RerunWrite {
    /// The new deadline as a civil time in Israel (Asia/Jerusalem), `YYYY-MM-DDTHH:MM`.
    #[schema(example = "2026-12-31T12:00")]
    deadline_local: String,
    /// Published reasons.
    reasons: String,
}

/// The convener's staff, declared and clear of every applicant, award the call after the
/// deadline; the results become public.
#[utoipa::path(post, path = "/v1/calls/{id}/award", tag = "calls", params(("id" = i64, Path)), request_body = AwardWrite, security(("token" = [])),
    responses((status = 200, body = CallBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn award(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<AwardWrite>,
) -> Result<Json<CallBody>, AppError> {
    act::award(
        &state,
        &user,
        id,
        &body.application_id.to_string(),
        &body.reasons,
    )
    .await
    .map_err(|e| {
        renamed(
            e,
            &[
                ("application", "application_id"),
                ("award_reasons", "reasons"),
            ],
        )
    })?;
    reply(&state, &user, id).await
}

/// The convener's staff end the call after the deadline without an award, with reasons.
#[utoipa::path(post, path = "/v1/calls/{id}/cancel", tag = "calls", params(("id" = i64, Path)), request_body = ReasonsWrite, security(("token" = [])),
    responses((status = 200, body = CallBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn cancel(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ReasonsWrite>,
) -> Result<Json<CallBody>, AppError> {
    act::cancel(&state, &user, id, &body.reasons)
        .await
        .map_err(|e| renamed(e, &[("cancel_reasons", "reasons")]))?;
    reply(&state, &user, id).await
}

/// The convener's staff re-run the call after the deadline with a new one, with reasons; the
/// applications stay.
#[utoipa::path(post, path = "/v1/calls/{id}/rerun", tag = "calls", params(("id" = i64, Path)), request_body = RerunWrite, security(("token" = [])),
    responses((status = 200, body = CallBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn rerun(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<RerunWrite>,
) -> Result<Json<CallBody>, AppError> {
    act::rerun(&state, &user, id, &body.deadline_local, &body.reasons)
        .await
        .map_err(|e| {
            renamed(
                e,
                &[
                    ("rerun_deadline", "deadline_local"),
                    ("rerun_reasons", "reasons"),
                ],
            )
        })?;
    reply(&state, &user, id).await
}

/// The initiative an awarded call became.
#[derive(Serialize, ToSchema)]
pub struct InitiativeCreated {
    initiative_id: i64,
}

/// The convener's staff turn an awarded call into an initiative, the winner its partner.
#[utoipa::path(post, path = "/v1/calls/{id}/initiative", tag = "calls", params(("id" = i64, Path)), security(("token" = [])),
    responses((status = 201, body = InitiativeCreated), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn start_initiative(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let initiative_id = act::start_initiative(&state, &user, id).await?;
    Ok((
        StatusCode::CREATED,
        Json(InitiativeCreated { initiative_id }),
    )
        .into_response())
}

/// The call an accepted invitation made the person an evaluator of.
#[derive(Serialize, ToSchema)]
pub struct EvaluatingBody {
    call_id: i64,
}

/// Accepts an invitation to evaluate a call, with the secret from its mailed link: the token's
/// person must have the address it was sent to.
#[utoipa::path(post, path = "/v1/evaluator-invitations/{token}/accept", tag = "calls", params(("token" = String, Path)), security(("token" = [])),
    responses((status = 200, body = EvaluatingBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn accept_evaluation(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(token): Path<String>,
) -> Result<Json<EvaluatingBody>, AppError> {
    let call_id = act::accept_evaluation(&state, &user, &token).await?;
    Ok(Json(EvaluatingBody { call_id }))
}
