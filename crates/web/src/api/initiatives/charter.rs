//! The API of the partnership charter: its versions and endorsements.

use super::*;

/// The routes of this part.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_charter, propose_charter))
        .routes(routes!(endorse))
}

/// A charter version.
#[derive(Serialize, ToSchema)]
pub struct CharterVersionBody {
    version: i64,
    /// Sections by name: vision, objectives, roles, contributions, interests, governance,
    /// decisions, meetings, disputes, communication, publicity, review, exit.
    #[schema(value_type = Object)]
    sections: serde_json::Value,
    proposed_by_organisation_id: Option<i64>,
    created_at: i64,
    /// Organisations that endorsed this version.
    endorsed_by: Vec<i64>,
}

/// All versions of the charter, oldest first; the last is current.
#[utoipa::path(get, path = "/v1/initiatives/{id}/charter", tag = "initiatives", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<CharterVersionBody>), (status = 404, body = ErrorBody)))]
async fn get_charter(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<CharterVersionBody>>, AppError> {
    state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let mut out = Vec::new();
    for v in state.db.charter_versions(id).await? {
        out.push(CharterVersionBody {
            version: v.version,
            sections: serde_json::from_str(&v.content).unwrap_or_default(),
            proposed_by_organisation_id: v.proposed_by_organisation_id,
            created_at: v.created_at,
            endorsed_by: state.db.endorsements(id, v.version).await?,
        });
    }
    Ok(Json(out))
}

/// A proposed charter version.
#[derive(Deserialize, ToSchema)]
pub struct CharterWrite {
    /// The partner proposing (managed by the caller).
    organisation_id: i64,
    /// Sections by name; vision and objectives are needed.
    #[schema(value_type = Object)]
    sections: std::collections::BTreeMap<String, String>,
}

/// A partner proposes a new version; it clears all endorsements.
#[utoipa::path(post, path = "/v1/initiatives/{id}/charter", tag = "initiatives", params(("id" = i64, Path)), request_body = CharterWrite, security(("token" = [])),
    responses((status = 201, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn propose_charter(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CharterWrite>,
) -> Result<Response, AppError> {
    let sections: Vec<(String, String)> = body.sections.into_iter().collect();
    act::propose_charter(&state, &user, id, body.organisation_id, &sections).await?;
    Ok((StatusCode::CREATED, reply(&state, &user, id).await?).into_response())
}

/// The partner that endorses.
#[derive(Deserialize, ToSchema)]
pub struct EndorsementWrite {
    organisation_id: i64,
}

/// A partner endorses the current version (only the current one can be endorsed).
#[utoipa::path(post, path = "/v1/initiatives/{id}/charter/{version}/endorsements", tag = "initiatives", params(("id" = i64, Path), ("version" = i64, Path)), request_body = EndorsementWrite, security(("token" = [])),
    responses((status = 200, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn endorse(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, version)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<EndorsementWrite>,
) -> Result<Json<InitiativeBody>, AppError> {
    act::endorse(&state, &user, id, body.organisation_id, version).await?;
    reply(&state, &user, id).await
}
