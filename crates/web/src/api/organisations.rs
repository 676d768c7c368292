//! The API of organisations: the directory, profiles, members and invitations.

use super::*;

/// The routes of this part of the API.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_organisations, create_organisation))
        .routes(routes!(get_organisation, update_organisation))
        .routes(routes!(list_members))
        .routes(routes!(invite_member))
        .routes(routes!(change_member, remove_member))
        .routes(routes!(leave_organisation))
        .routes(routes!(accept_invitation))
}

/// An organisation's profile.
#[derive(Serialize, ToSchema)]
pub struct OrganisationBody {
    id: i64,
    /// The name in the requested language (or the first one given).
    name: String,
    names: Names,
    #[schema(schema_with = sector_schema)]
    sector: String,
    #[schema(schema_with = kind_schema)]
    kind: String,
    description: Option<String>,
    website: Option<String>,
    #[schema(schema_with = contributions_schema)]
    contributions: Vec<String>,
    contributions_text: Option<String>,
    locality_ids: Vec<i64>,
    created_at: i64,
    updated_at: i64,
}

pub(crate) fn contributions_schema() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(contribution_schema())
        .build()
}

impl OrganisationBody {
    fn of(org: Organisation, lang: Language) -> OrganisationBody {
        OrganisationBody {
            id: org.id,
            name: org.name(lang).to_owned(),
            names: Names::of(&org.name_he, &org.name_ar, &org.name_en),
            sector: org.sector.code().into(),
            kind: org.kind.code().into(),
            description: org.description,
            website: org.website,
            contributions: org
                .contributions
                .iter()
                .map(|c| c.code().to_owned())
                .collect(),
            contributions_text: org.contributions_text,
            locality_ids: org.locality_ids,
            created_at: org.created_at,
            updated_at: org.updated_at,
        }
    }
}

/// An organisation as listed.
#[derive(Serialize, ToSchema)]
pub struct OrganisationListItem {
    id: i64,
    name: String,
    names: Names,
    #[schema(schema_with = sector_schema)]
    sector: String,
    #[schema(schema_with = kind_schema)]
    kind: String,
    #[schema(schema_with = contributions_schema)]
    contributions: Vec<String>,
}

impl OrganisationListItem {
    fn of(org: &OrganisationSummary, lang: Language) -> OrganisationListItem {
        OrganisationListItem {
            id: org.id,
            name: org.name(lang).to_owned(),
            names: Names::of(&org.name_he, &org.name_ar, &org.name_en),
            sector: org.sector.code().into(),
            kind: org.kind.code().into(),
            contributions: org
                .contributions
                .iter()
                .map(|c| c.code().to_owned())
                .collect(),
        }
    }
}

/// One page of organisations.
#[derive(Serialize, ToSchema)]
pub struct OrganisationPage {
    items: Vec<OrganisationListItem>,
    /// How many organisations match; at most 1,000 when `total_capped`.
    total: i64,
    /// More than `total` match (a filtered count stops at 1,000).
    total_capped: bool,
    per_page: u32,
    /// Pass as `cursor` for the page after this one; absent on the last page.
    next_cursor: Option<String>,
    /// Pass as `cursor` for the page before this one; absent on the first page.
    previous_cursor: Option<String>,
}

/// Fields of an organisation to create or replace.
#[derive(Deserialize, ToSchema)]
pub struct OrganisationWrite {
    names: Names,
    #[schema(schema_with = sector_schema)]
    sector: String,
    #[schema(schema_with = kind_schema)]
    kind: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    #[schema(schema_with = contributions_schema)]
    contributions: Vec<String>,
    #[serde(default)]
    contributions_text: Option<String>,
    #[serde(default)]
    locality_ids: Vec<i64>,
}

impl OrganisationWrite {
    fn input(self) -> OrganisationInput {
        OrganisationInput {
            name_he: self.names.he.unwrap_or_default(),
            name_ar: self.names.ar.unwrap_or_default(),
            name_en: self.names.en.unwrap_or_default(),
            sector: self.sector,
            kind: self.kind,
            description: self.description.unwrap_or_default(),
            website: self.website.unwrap_or_default(),
            contributions: self.contributions,
            contributions_text: self.contributions_text.unwrap_or_default(),
            localities: self.locality_ids.iter().map(i64::to_string).collect(),
        }
    }
}

/// A member of an organisation.
#[derive(Serialize, ToSchema)]
pub struct MemberBody {
    user_id: i64,
    display_name: String,
    email: String,
    #[schema(schema_with = role_schema)]
    role: String,
}

impl From<Member> for MemberBody {
    fn from(m: Member) -> Self {
        MemberBody {
            user_id: m.user_id,
            display_name: m.display_name,
            email: m.email,
            role: m.role.code().into(),
        }
    }
}

/// An invitation to send.
#[derive(Deserialize, ToSchema)]
pub struct InvitationWrite {
    email: String,
    #[schema(schema_with = role_schema)]
    role: String,
}

/// An invitation as sent (its secret link goes only to the invited address).
#[derive(Serialize, ToSchema)]
pub struct InvitationBody {
    id: i64,
    organisation_id: i64,
    email: String,
    #[schema(schema_with = role_schema)]
    role: String,
    expires_at: i64,
}

impl From<Invitation> for InvitationBody {
    fn from(i: Invitation) -> Self {
        InvitationBody {
            id: i.id,
            organisation_id: i.organisation_id,
            email: i.email,
            role: i.role.code().into(),
            expires_at: i.expires_at,
        }
    }
}

/// A new role for a member.
#[derive(Deserialize, ToSchema)]
pub struct RoleWrite {
    #[schema(schema_with = role_schema)]
    role: String,
}

/// The organisation joined by accepting an invitation.
#[derive(Serialize, ToSchema)]
pub struct Joined {
    organisation_id: i64,
}

/// Directory filters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct DirectoryQuery {
    /// Words to find; Hebrew prefixes and Hebrew and Arabic vowel marks are ignored.
    q: Option<String>,
    /// `public`, `third` or `business`.
    sector: Option<String>,
    kind: Option<String>,
    locality: Option<i64>,
    contribution: Option<String>,
    /// Where the page starts: a `next_cursor` or `previous_cursor` of an earlier answer;
    /// absent for the first page.
    cursor: Option<String>,
    /// 1 to 100, default 20.
    per_page: Option<u32>,
    /// `he`, `ar` or `en`: the language of `name` and of the order.
    lang: Option<String>,
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

/// The public directory of organisations, filtered and paged.
#[utoipa::path(get, path = "/v1/organisations", tag = "organisations", params(DirectoryQuery),
    responses((status = 200, body = OrganisationPage), (status = 400, body = ErrorBody)))]
async fn list_organisations(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    Query(q): Query<DirectoryQuery>,
) -> Result<Json<OrganisationPage>, AppError> {
    let lang = language(
        &LangQuery {
            lang: q.lang.clone(),
        },
        &headers,
        &state,
    );
    let filter = shutaf_store::DirectoryFilter {
        q: non_empty(&q.q).map(|s| s.chars().take(200).collect()),
        sector: match non_empty(&q.sector) {
            Some(code) => {
                Some(Sector::parse(code).ok_or(AppError::BadRequest("error-choose-option"))?)
            }
            None => None,
        },
        kind: match non_empty(&q.kind) {
            Some(code) => Some(
                OrganisationKind::parse(code).ok_or(AppError::BadRequest("error-choose-option"))?,
            ),
            None => None,
        },
        locality_id: q.locality,
        contribution: match non_empty(&q.contribution) {
            Some(code) => Some(
                ContributionType::parse(code).ok_or(AppError::BadRequest("error-choose-option"))?,
            ),
            None => None,
        },
        lang,
        cursor: match non_empty(&q.cursor) {
            Some(text) => Some(
                shutaf_store::organisations::Cursor::parse(text)
                    .ok_or(AppError::BadRequest("error-invalid-cursor"))?,
            ),
            None => None,
        },
        page: 1,
        per_page: q.per_page.unwrap_or(20).clamp(1, 100),
    };
    let directory = state.db.directory(&filter).await?;
    Ok(Json(OrganisationPage {
        items: directory
            .items
            .iter()
            .map(|o| OrganisationListItem::of(o, lang))
            .collect(),
        total: directory.total.n,
        total_capped: directory.total.capped,
        per_page: directory.per_page,
        next_cursor: directory.next.as_ref().map(|c| c.encode()),
        previous_cursor: directory.previous.as_ref().map(|c| c.encode()),
    }))
}

/// Creates an organisation; the token's person becomes its owner.
#[utoipa::path(post, path = "/v1/organisations", tag = "organisations", request_body = OrganisationWrite, security(("token" = [])),
    responses((status = 201, body = OrganisationBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_organisation(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    ApiJson(body): ApiJson<OrganisationWrite>,
) -> Result<Response, AppError> {
    let org = actions::create_organisation(&state, &user, &body.input()).await?;
    let lang = user.language().unwrap_or(state.config.default_language);
    Ok((StatusCode::CREATED, Json(OrganisationBody::of(org, lang))).into_response())
}

/// An organisation's public profile.
#[utoipa::path(get, path = "/v1/organisations/{id}", tag = "organisations", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = OrganisationBody), (status = 404, body = ErrorBody)))]
async fn get_organisation(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: axum::http::HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<OrganisationBody>, AppError> {
    let org = state.db.organisation(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(OrganisationBody::of(
        org,
        language(&q, &headers, &state),
    )))
}

/// Replaces an organisation's profile (owners and administrators of the organisation).
#[utoipa::path(put, path = "/v1/organisations/{id}", tag = "organisations", params(("id" = i64, Path)), request_body = OrganisationWrite, security(("token" = [])),
    responses((status = 200, body = OrganisationBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_organisation(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<OrganisationWrite>,
) -> Result<Json<OrganisationBody>, AppError> {
    let org = actions::update_organisation(&state, &user, id, &body.input()).await?;
    Ok(Json(OrganisationBody::of(
        org,
        user.language().unwrap_or(state.config.default_language),
    )))
}

/// The members of an organisation (its members only).
#[utoipa::path(get, path = "/v1/organisations/{id}/members", tag = "organisations", params(("id" = i64, Path)), security(("token" = [])),
    responses((status = 200, body = Vec<MemberBody>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_members(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<i64>,
) -> Result<Json<Vec<MemberBody>>, AppError> {
    actions::authorise(
        &state,
        &api.user,
        id,
        shutaf_domain::authz::OrganisationAction::SeeMembers,
    )
    .await?;
    Ok(Json(
        state
            .db
            .members(id)
            .await?
            .into_iter()
            .map(MemberBody::from)
            .collect(),
    ))
}

/// Invites a person by email; the link goes to them by mail.
#[utoipa::path(post, path = "/v1/organisations/{id}/invitations", tag = "organisations", params(("id" = i64, Path)), request_body = InvitationWrite, security(("token" = [])),
    responses((status = 201, body = InvitationBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn invite_member(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<InvitationWrite>,
) -> Result<Response, AppError> {
    let lang = user.language().unwrap_or(state.config.default_language);
    let invitation = actions::invite(&state, &user, id, &body.email, &body.role, lang).await?;
    Ok((StatusCode::CREATED, Json(InvitationBody::from(invitation))).into_response())
}

/// Changes a member's role.
#[utoipa::path(put, path = "/v1/organisations/{id}/members/{user_id}", tag = "organisations", params(("id" = i64, Path), ("user_id" = i64, Path)), request_body = RoleWrite, security(("token" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn change_member(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, member)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<RoleWrite>,
) -> Result<StatusCode, AppError> {
    // Who may manage members is decided before the role asked for is looked at.
    actions::authorise(
        &state,
        &user,
        id,
        shutaf_domain::authz::OrganisationAction::ManageMembers,
    )
    .await?;
    let Some(role) = MemberRole::parse(&body.role) else {
        let mut errors = shutaf_domain::validate::FieldErrors::new();
        errors.add("role", "error-choose-option");
        return Err(AppError::Invalid(errors));
    };
    actions::change_member(&state, &user, id, member, Some(role)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a member from an organisation.
#[utoipa::path(delete, path = "/v1/organisations/{id}/members/{user_id}", tag = "organisations", params(("id" = i64, Path), ("user_id" = i64, Path)), security(("token" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn remove_member(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path((id, member)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    actions::change_member(&state, &user, id, member, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Leaves an organisation (not as its last owner).
#[utoipa::path(post, path = "/v1/organisations/{id}/leave", tag = "organisations", params(("id" = i64, Path)), security(("token" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn leave_organisation(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    actions::leave(&state, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Accepts an invitation with the secret from its link.
#[utoipa::path(post, path = "/v1/invitations/{token}/accept", tag = "organisations", params(("token" = String, Path)), security(("token" = [])),
    responses((status = 200, body = Joined), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn accept_invitation(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(token): Path<String>,
) -> Result<Json<Joined>, AppError> {
    let organisation_id = actions::accept_invitation(&state, &user, &token).await?;
    Ok(Json(Joined { organisation_id }))
}
