//! The API of gifts to the local authority and their donations-committee procedure: registered
//! by the convener's staff, checked by the committee, decided by the head (with reasons where the
//! decision departs from the recommendation), reported to the council. The record is public.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use shutaf_domain::donation::{self, DonationKind, DonationStep, HeadDecision, Recommendation};
use shutaf_store::donations::Donation;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::initiatives::agorot_text;
use super::{ApiJson, ApiWriter, ErrorBody, Paging, codes, nullable_codes, renamed};
use crate::AppState;
use crate::actions::donations::{self as act, DonationInput, StepInput};
use crate::error::AppError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_donations, register))
        .routes(routes!(get_donation))
        .routes(routes!(take_step))
}

fn kind_schema() -> utoipa::openapi::schema::Object {
    codes(DonationKind::ALL.iter().map(|k| k.code()))
}

fn step_schema() -> utoipa::openapi::schema::Object {
    codes(DonationStep::ALL.iter().map(|s| s.code()))
}

fn recommendation_schema() -> utoipa::openapi::schema::Object {
    codes(Recommendation::ALL.iter().map(|r| r.code()))
}

/// The recommendation as recorded: null until the committee has checked.
fn recommendation_or_null_schema() -> utoipa::openapi::schema::Object {
    nullable_codes(Recommendation::ALL.iter().map(|r| r.code()))
}

fn decision_schema() -> utoipa::openapi::schema::Object {
    codes(HeadDecision::ALL.iter().map(|d| d.code()))
}

/// The decision as recorded: null until the head has decided.
fn decision_or_null_schema() -> utoipa::openapi::schema::Object {
    nullable_codes(HeadDecision::ALL.iter().map(|d| d.code()))
}

fn step_taken_schema() -> utoipa::openapi::schema::Object {
    codes(["check", "decide", "report"].into_iter())
}

/// A gift to the local authority and how far its procedure has gone.
#[derive(Serialize, ToSchema)]
pub struct DonationBody {
    id: i64,
    locality_id: i64,
    /// The donor, when it is an organisation in the directory.
    donor_organisation_id: Option<i64>,
    donor_name: String,
    #[schema(schema_with = kind_schema)]
    kind: String,
    /// The value in agorot (needed for money).
    value_agorot: Option<i64>,
    purpose: String,
    /// The initiative the gift is for.
    initiative_id: Option<i64>,
    /// How far the procedure has gone.
    #[schema(schema_with = step_schema)]
    step: String,
    registered_at: i64,
    /// The donations committee's check.
    committee_check: Option<String>,
    #[schema(schema_with = recommendation_or_null_schema)]
    recommendation: Option<String>,
    checked_at: Option<i64>,
    /// The head of the authority's decision.
    #[schema(schema_with = decision_or_null_schema)]
    head_decision: Option<String>,
    /// The head's reasons (needed where the decision departs from the recommendation).
    head_reasons: Option<String>,
    decided_at: Option<i64>,
    /// Whether the head's decision departs from the committee's recommendation.
    departs_from_recommendation: bool,
    /// The report to the council.
    council_report: Option<String>,
    reported_at: Option<i64>,
    /// Changes with every step.
    revision: i64,
}

impl From<Donation> for DonationBody {
    fn from(d: Donation) -> Self {
        let departs = match (d.recommendation(), d.head_decision()) {
            (Some(recommendation), Some(decision)) => donation::departs(recommendation, decision),
            _ => false,
        };
        DonationBody {
            id: d.id,
            locality_id: d.locality_id,
            donor_organisation_id: d.donor_organisation_id,
            donor_name: d.donor_name,
            kind: d.kind.code().into(),
            value_agorot: d.value_agorot,
            purpose: d.purpose,
            initiative_id: d.initiative_id,
            step: d.step.code().into(),
            registered_at: d.registered_at,
            committee_check: d.committee_check,
            recommendation: d.recommendation,
            checked_at: d.checked_at,
            head_decision: d.head_decision,
            head_reasons: d.head_reasons,
            decided_at: d.decided_at,
            departs_from_recommendation: departs,
            council_report: d.council_report,
            reported_at: d.reported_at,
            revision: d.revision,
        }
    }
}

/// A page of a locality's donations, newest first.
#[derive(Serialize, ToSchema)]
pub struct DonationList {
    items: Vec<DonationBody>,
    limit: i64,
    offset: i64,
}

/// A gift to register.
#[derive(Deserialize, ToSchema)]
pub struct DonationWrite {
    /// The donor, when it is an organisation in the directory.
    #[serde(default)]
    donor_organisation_id: Option<i64>,
    /// The donor's name: needed without `donor_organisation_id`.
    #[serde(default)]
    donor_name: Option<String>,
    #[schema(schema_with = kind_schema)]
    kind: String,
    /// The value in agorot: needed for money.
    #[serde(default)]
    value_agorot: Option<i64>,
    /// What the gift is for.
    purpose: String,
    /// An initiative of the locality the gift is for.
    #[serde(default)]
    initiative_id: Option<i64>,
}

/// The next step of the procedure.
#[derive(Deserialize, ToSchema)]
pub struct DonationStepWrite {
    /// `check` (with `check` and `recommendation`), `decide` (with `decision`, and `reasons`
    /// where it departs from the recommendation) or `report` (with `report`).
    #[schema(schema_with = step_taken_schema)]
    step: String,
    /// The committee's check.
    #[serde(default)]
    check: String,
    #[serde(default)]
    #[schema(schema_with = recommendation_schema)]
    recommendation: String,
    #[serde(default)]
    #[schema(schema_with = decision_schema)]
    decision: String,
    /// The head's reasons.
    #[serde(default)]
    reasons: String,
    /// The report to the council.
    #[serde(default)]
    report: String,
}

/// A locality's donations, newest first.
#[utoipa::path(get, path = "/v1/localities/{id}/donations", tag = "donations", params(("id" = i64, Path), Paging),
    responses((status = 200, body = DonationList), (status = 404, body = ErrorBody)))]
async fn list_donations(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(paging): Query<Paging>,
) -> Result<Json<DonationList>, AppError> {
    state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let (limit, offset) = (paging.limit(), paging.offset());
    let items = state
        .db
        .donations_of_locality(id, limit, offset)
        .await?
        .into_iter()
        .map(DonationBody::from)
        .collect();
    Ok(Json(DonationList {
        items,
        limit,
        offset,
    }))
}

/// The convener's staff register a gift to the authority; the procedure starts.
#[utoipa::path(post, path = "/v1/localities/{id}/donations", tag = "donations", params(("id" = i64, Path)), request_body = DonationWrite, security(("token" = [])),
    responses((status = 201, body = DonationBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn register(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<DonationWrite>,
) -> Result<Response, AppError> {
    if body.value_agorot.is_some_and(|v| v < 0) {
        let mut errors = shutaf_domain::validate::FieldErrors::new();
        errors.add("value_agorot", "error-amount");
        return Err(AppError::Invalid(errors));
    }
    let input = DonationInput {
        donor_organisation: body
            .donor_organisation_id
            .map(|o| o.to_string())
            .unwrap_or_default(),
        donor_name: body.donor_name.unwrap_or_default(),
        kind: body.kind,
        value: agorot_text(body.value_agorot),
        purpose: body.purpose,
        initiative: body
            .initiative_id
            .map(|i| i.to_string())
            .unwrap_or_default(),
    };
    let donation = act::register(&state, &user, id, &input)
        .await
        .map_err(|e| {
            renamed(
                e,
                &[
                    ("donor_organisation", "donor_organisation_id"),
                    ("value", "value_agorot"),
                    ("initiative", "initiative_id"),
                ],
            )
        })?;
    let donation = state
        .db
        .donation(donation)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(DonationBody::from(donation))).into_response())
}

/// A donation and its procedure so far.
#[utoipa::path(get, path = "/v1/donations/{id}", tag = "donations", params(("id" = i64, Path)),
    responses((status = 200, body = DonationBody), (status = 404, body = ErrorBody)))]
async fn get_donation(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<DonationBody>, AppError> {
    let donation = state.db.donation(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(donation.into()))
}

/// The convener's staff take the next step, in order: check, decide, report.
#[utoipa::path(post, path = "/v1/donations/{id}/steps", tag = "donations", params(("id" = i64, Path)), request_body = DonationStepWrite, security(("token" = [])),
    responses((status = 200, body = DonationBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn take_step(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<DonationStepWrite>,
) -> Result<Json<DonationBody>, AppError> {
    let input = StepInput {
        step: body.step,
        check: body.check,
        recommendation: body.recommendation,
        decision: body.decision,
        reasons: body.reasons,
        report: body.report,
    };
    let donation = act::take_step(&state, &user, id, &input).await?;
    Ok(Json(donation.into()))
}
