//! The API of an initiative's partners and their contributions.

use super::*;

/// The routes of this part.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(add_partner))
        .routes(routes!(describe_partner, remove_partner))
        .routes(routes!(add_contribution))
        .routes(routes!(remove_contribution))
}

/// An organisation to add.
#[derive(Deserialize, ToSchema)]
pub struct PartnerWrite {
    organisation_id: i64,
}

/// The lead invites an organisation, or an organisation the caller manages asks to join; when
/// both happened it becomes a partner.
#[utoipa::path(post, path = "/v1/initiatives/{id}/partners", tag = "initiatives", params(("id" = i64, Path)), request_body = PartnerWrite, security(("token" = [])),
    responses((status = 200, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn add_partner(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PartnerWrite>,
) -> Result<Json<InitiativeBody>, AppError> {
    act::propose_partner(&state, &user, id, body.organisation_id).await?;
    reply(&state, &user, id).await
}

/// What a partner says of its part.
#[derive(Deserialize, ToSchema)]
pub struct PartnerDescription {
    #[serde(default)]
    role: String,
    #[serde(default)]
    interests: String,
    #[serde(default)]
    benefits: String,
}

/// A partner records its role, interests and expected benefits.
#[utoipa::path(put, path = "/v1/initiatives/{id}/partners/{organisation_id}", tag = "initiatives", params(("id" = i64, Path), ("organisation_id" = i64, Path)), request_body = PartnerDescription, security(("token" = [])),
    responses((status = 200, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn describe_partner(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, org)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<PartnerDescription>,
) -> Result<Json<InitiativeBody>, AppError> {
    act::describe_partner(
        &state,
        &user,
        id,
        org,
        &body.role,
        &body.interests,
        &body.benefits,
    )
    .await?;
    reply(&state, &user, id).await
}

/// The lead removes an organisation, or an organisation leaves.
#[utoipa::path(delete, path = "/v1/initiatives/{id}/partners/{organisation_id}", tag = "initiatives", params(("id" = i64, Path), ("organisation_id" = i64, Path)), security(("token" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn remove_partner(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, org)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    act::remove_partner(&state, &user, id, org).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A contribution to commit; amounts in shekels as text ("12500.50") or agorot.
#[derive(Deserialize, ToSchema)]
pub struct ContributionWrite {
    #[schema(schema_with = crate::api::contribution_schema)]
    contribution: String,
    #[serde(default)]
    description: String,
    /// Cash in agorot.
    #[serde(default)]
    cash_agorot: Option<i64>,
    /// In-kind estimate in agorot.
    #[serde(default)]
    in_kind_agorot: Option<i64>,
    #[serde(default)]
    period: String,
}

pub(crate) fn agorot_text(agorot: Option<i64>) -> String {
    agorot
        .map(|a| format!("{}.{:02}", a / 100, (a % 100).abs()))
        .unwrap_or_default()
}

/// A partner commits a contribution.
#[utoipa::path(post, path = "/v1/initiatives/{id}/partners/{organisation_id}/contributions", tag = "initiatives", params(("id" = i64, Path), ("organisation_id" = i64, Path)), request_body = ContributionWrite, security(("token" = [])),
    responses((status = 201, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_contribution(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, org)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<ContributionWrite>,
) -> Result<Response, AppError> {
    // Amounts go to the action as the form would type them; a negative one as a text it refuses
    // (after it has checked who is asking: an outsider learns nothing about the body).
    let amount = |agorot: Option<i64>| match agorot {
        Some(a) if a < 0 => "-".to_owned(),
        other => agorot_text(other),
    };
    let (cash, in_kind) = (amount(body.cash_agorot), amount(body.in_kind_agorot));
    act::add_contribution(
        &state,
        &user,
        id,
        org,
        [
            &body.contribution,
            &body.description,
            &cash,
            &in_kind,
            &body.period,
        ],
    )
    .await?;
    Ok((StatusCode::CREATED, reply(&state, &user, id).await?).into_response())
}

/// A partner withdraws a contribution.
#[utoipa::path(delete, path = "/v1/initiatives/{id}/partners/{organisation_id}/contributions/{contribution_id}", tag = "initiatives", params(("id" = i64, Path), ("organisation_id" = i64, Path), ("contribution_id" = i64, Path)), security(("token" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn remove_contribution(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, org, contribution)): Path<(i64, i64, i64)>,
) -> Result<StatusCode, AppError> {
    act::remove_contribution(&state, &user, id, org, contribution).await?;
    Ok(StatusCode::NO_CONTENT)
}
