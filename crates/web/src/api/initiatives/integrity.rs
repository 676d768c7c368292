//! The API of an initiative's integrity record: how the business partner was chosen,
//! declarations of interest and recusals, the notice inviting competing proposals.

use super::*;

/// The routes of this part.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_integrity, integrity))
        .routes(routes!(publish_notice))
        .routes(routes!(propose_alternative))
        .routes(routes!(decide_notice))
        .routes(routes!(declare))
}

/// How the business partner was chosen.
#[derive(Deserialize, ToSchema)]
pub struct IntegrityWrite {
    /// An open call was run, or a competing-proposals notice published.
    #[serde(default)]
    competition: bool,
    /// `below-threshold`, `special-expertise`, `sole-provider` or `no-municipal-money`.
    #[serde(default)]
    exemption: String,
    #[serde(default)]
    exemption_text: String,
}

/// The convener records competition or an exemption reason.
#[utoipa::path(put, path = "/v1/initiatives/{id}/integrity", tag = "initiatives", params(("id" = i64, Path)), request_body = IntegrityWrite, security(("token" = [])),
    responses((status = 200, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn integrity(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<IntegrityWrite>,
) -> Result<Json<InitiativeBody>, AppError> {
    act::record_integrity(
        &state,
        &user,
        id,
        body.competition,
        &body.exemption,
        &body.exemption_text,
    )
    .await?;
    reply(&state, &user, id).await
}

/// A declaration of interests.
#[derive(Deserialize, ToSchema)]
pub struct DeclarationWrite {
    /// False: no interests to declare. True: name the ties and/or describe them.
    pub has_interests: bool,
    #[serde(default)]
    pub details: String,
    /// The organisations the person is tied to, and how.
    #[serde(default)]
    pub ties: Vec<TieWrite>,
}

/// A declared tie with an organisation.
#[derive(Deserialize, ToSchema)]
pub struct TieWrite {
    pub organisation_id: i64,
    /// employee, director, owner, relative, business, member or other.
    pub relation: String,
}

impl DeclarationWrite {
    pub fn input(&self) -> crate::actions::integrity::DeclarationInput {
        crate::actions::integrity::DeclarationInput {
            has_interests: self.has_interests,
            details: self.details.clone(),
            ties: self
                .ties
                .iter()
                .map(|t| (t.organisation_id.to_string(), t.relation.clone()))
                .collect(),
        }
    }
}

/// The caller, who decides for the convener or a business partner, declares their interests.
#[utoipa::path(post, path = "/v1/initiatives/{id}/declarations", tag = "initiatives", params(("id" = i64, Path)), request_body = DeclarationWrite, security(("token" = [])),
    responses((status = 200, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn declare(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<DeclarationWrite>,
) -> Result<Json<InitiativeBody>, AppError> {
    act::declare_interests(&state, &user, id, &body.input()).await?;
    reply(&state, &user, id).await
}

/// A declared tie with an organisation.
#[derive(Serialize, ToSchema)]
pub struct TieBody {
    organisation_id: i64,
    organisation: String,
    #[schema(schema_with = relation_schema)]
    relation: String,
}

fn relation_schema() -> utoipa::openapi::schema::Object {
    crate::api::codes(Relation::ALL.iter().map(|r| r.code()))
}

/// A public declaration of interests.
#[derive(Serialize, ToSchema)]
pub struct DeclarationBody {
    /// The person's name, as disclosed beside the declaration's entry on the decision log; once
    /// redacted there, "redacted on <date>: <ground>" in the answer's language.
    person: String,
    /// When the name was redacted beside the log (Unix seconds).
    person_redacted_at: Option<i64>,
    /// Why: `erasure-request`, `correction`, `legal-order` or `not-public`.
    person_redaction_ground: Option<String>,
    /// The organisation they decide or evaluate for.
    organisation_id: i64,
    organisation: String,
    has_interests: bool,
    details: Option<String>,
    declared_at: i64,
    ties: Vec<TieBody>,
}

impl DeclarationBody {
    pub(crate) fn of(d: Declaration, lang: Language) -> DeclarationBody {
        DeclarationBody {
            organisation: d.organisation.name(lang).to_owned(),
            organisation_id: d.organisation.id,
            person: person(d.person, d.person_redacted, lang),
            person_redacted_at: d.person_redacted.map(|r| r.at),
            person_redaction_ground: ground(d.person_redacted),
            has_interests: d.has_interests,
            details: d.details,
            declared_at: d.declared_at,
            ties: d
                .ties
                .into_iter()
                .map(|t| TieBody {
                    organisation_id: t.organisation.id,
                    organisation: t.organisation.name(lang).to_owned(),
                    relation: t.relation.code().into(),
                })
                .collect(),
        }
    }
}

/// A name read from beside the log, or its redaction in `lang`.
fn person(
    name: String,
    redacted: Option<shutaf_store::disclosures::Redacted>,
    lang: Language,
) -> String {
    match redacted {
        Some(r) => crate::i18n::Tr::new(lang).redaction(r.at, r.ground),
        None => name,
    }
}

fn ground(redacted: Option<shutaf_store::disclosures::Redacted>) -> Option<String> {
    redacted.and_then(|r| r.ground).map(|g| g.code().to_owned())
}

/// A person who stepped aside, and from which party.
#[derive(Serialize, ToSchema)]
pub struct RecusalBody {
    /// The person's name, as disclosed beside the recusal's entry; once redacted there,
    /// "redacted on <date>: <ground>" in the answer's language.
    person: String,
    /// When the name was redacted beside the log (Unix seconds).
    person_redacted_at: Option<i64>,
    /// Why: `erasure-request`, `correction`, `legal-order` or `not-public`.
    person_redaction_ground: Option<String>,
    /// The party they are tied to.
    organisation_id: i64,
    organisation: String,
    recorded_at: i64,
}

impl RecusalBody {
    pub(crate) fn of(r: Recusal, lang: Language) -> RecusalBody {
        RecusalBody {
            organisation: r.party.name(lang).to_owned(),
            organisation_id: r.party.id,
            person: person(r.person, r.person_redacted, lang),
            person_redacted_at: r.person_redacted.map(|r| r.at),
            person_redaction_ground: ground(r.person_redacted),
            recorded_at: r.recorded_at,
        }
    }
}

/// An alternative proposal sent in answer to a notice.
#[derive(Serialize, ToSchema)]
pub struct AlternativeBody {
    id: i64,
    organisation_id: i64,
    organisation: String,
    summary: String,
    submitted_at: i64,
}

/// A notice inviting competing proposals, its alternatives and its outcome.
#[derive(Serialize, ToSchema)]
pub struct NoticeBody {
    id: i64,
    summary: String,
    published_at: i64,
    /// When proposals close, in Unix seconds.
    closes_at: i64,
    /// When proposals close, in RFC 3339 with Israel's offset.
    closes: String,
    /// Alternatives are accepted now.
    open: bool,
    /// The alternatives the caller may see. Until the notice is decided who proposed is
    /// sealed: the convener's staff see every alternative, a proposer its own, and everyone
    /// else none (`alternatives_sealed`); the decision publishes them all.
    alternatives: Vec<AlternativeBody>,
    /// How many alternatives were proposed.
    alternative_count: i64,
    /// Who proposed is sealed from the caller until the notice is decided.
    alternatives_sealed: bool,
    /// `original`, `alternative`, `open-call` or `dropped`, once decided.
    #[schema(schema_with = outcome_or_null_schema)]
    outcome: Option<String>,
    chosen_alternative_id: Option<i64>,
    outcome_reasons: Option<String>,
    decided_at: Option<i64>,
}

fn outcome_schema() -> utoipa::openapi::schema::Object {
    crate::api::codes(NoticeOutcome::ALL.iter().map(|o| o.code()))
}

/// The outcome as recorded: null until the convener has decided.
fn outcome_or_null_schema() -> utoipa::openapi::schema::Object {
    crate::api::nullable_codes(NoticeOutcome::ALL.iter().map(|o| o.code()))
}

fn choice_schema() -> utoipa::openapi::schema::Object {
    crate::api::codes(
        [
            "open-call",
            "competing-proposals",
            "competition",
            "exemption",
            "unrecorded",
        ]
        .into_iter(),
    )
}

/// How the partner was chosen, and who declared what: the initiative's public integrity record.
#[derive(Serialize, ToSchema)]
pub struct IntegrityBody {
    initiative_id: i64,
    /// How the business partner was chosen, the strongest procedure on record first: an open
    /// call, a notice inviting competing proposals (decided), another competition, an exemption.
    #[schema(schema_with = choice_schema)]
    choice: String,
    /// The convener recorded a competitive procedure.
    competition_recorded: bool,
    /// `below-threshold`, `special-expertise`, `sole-provider` or `no-municipal-money`.
    exemption: Option<String>,
    exemption_text: Option<String>,
    /// The open call the initiative came from.
    from_call_id: Option<i64>,
    notice: Option<NoticeBody>,
    declarations: Vec<DeclarationBody>,
    recusals: Vec<RecusalBody>,
}

async fn integrity_body(
    state: &AppState,
    reader: Option<&shutaf_store::User>,
    id: i64,
    lang: Language,
) -> Result<IntegrityBody, AppError> {
    let initiative = state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let matter = Matter::Initiative(id);
    let notice = state.db.notice_of(id).await?;
    let from_call_id = state.db.call_of_initiative(id).await?;
    let exemption = initiative
        .integrity_exemption
        .as_deref()
        .and_then(Exemption::parse);
    let choice = Choice::of(
        from_call_id.is_some(),
        notice.as_ref().is_some_and(|n| n.outcome.is_some()),
        initiative.integrity_competition == 1,
        exemption,
    );
    let notice = match notice {
        Some(n) => {
            let alternatives =
                actions::integrity::notice_alternatives(state, reader, &n, initiative.locality_id)
                    .await?;
            let (alternative_count, alternatives_sealed) =
                (alternatives.total as i64, alternatives.sealed);
            let alternatives = alternatives
                .shown
                .into_iter()
                .map(|a| AlternativeBody {
                    organisation: a.name(lang).to_owned(),
                    id: a.id,
                    organisation_id: a.organisation_id,
                    summary: a.summary,
                    submitted_at: a.submitted_at,
                })
                .collect();
            Some(NoticeBody {
                open: n.outcome.is_none()
                    && shutaf_domain::integrity::window_open(n.closes_at, state.db.now()),
                id: n.id,
                summary: n.summary,
                published_at: n.published_at,
                closes_at: n.closes_at,
                closes: shutaf_domain::call::rfc3339(n.closes_at),
                alternatives,
                alternative_count,
                alternatives_sealed,
                outcome: n.outcome,
                chosen_alternative_id: n.chosen_proposal_id,
                outcome_reasons: n.outcome_reasons,
                decided_at: n.decided_at,
            })
        }
        None => None,
    };
    let (declarations, recusals) = declared_on(state, matter, lang).await?;
    Ok(IntegrityBody {
        initiative_id: id,
        choice: choice.code().into(),
        competition_recorded: initiative.integrity_competition == 1,
        exemption: initiative.integrity_exemption,
        exemption_text: initiative.integrity_exemption_text,
        from_call_id,
        notice,
        declarations,
        recusals,
    })
}

/// The public declarations (with their ties) and recusals on a matter, an initiative or a call.
pub(crate) async fn declared_on(
    state: &AppState,
    matter: Matter,
    lang: Language,
) -> Result<(Vec<DeclarationBody>, Vec<RecusalBody>), AppError> {
    let declarations = state.db.declarations(matter).await?;
    let recusals = state.db.recusals(matter).await?;
    Ok((
        declarations
            .into_iter()
            .map(|d| DeclarationBody::of(d, lang))
            .collect(),
        recusals
            .into_iter()
            .map(|r| RecusalBody::of(r, lang))
            .collect(),
    ))
}

/// The initiative's integrity record: how the partner was chosen (call, notice, competition or
/// exemption), the notice with its alternatives and outcome, declarations with their ties, and
/// recusals.
#[utoipa::path(get, path = "/v1/initiatives/{id}/integrity", tag = "initiatives", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = IntegrityBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_integrity(
    State(state): State<AppState>,
    MaybeApiUser(reader): MaybeApiUser,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<IntegrityBody>, AppError> {
    let lang = language(&q, &headers, &state);
    Ok(Json(
        integrity_body(&state, reader.as_ref(), id, lang).await?,
    ))
}

/// A notice inviting competing proposals.
#[derive(Deserialize, ToSchema)]
pub struct NoticeWrite {
    /// What is proposed, and what alternatives should offer.
    summary: String,
    /// When proposals close, as a civil time in Israel (Asia/Jerusalem), `YYYY-MM-DDTHH:MM`;
    /// it must be in the future.
    #[schema(example = "2026-12-31T12:00")]
    closes_local: String,
}

/// The convener publishes a notice inviting competing proposals (one per initiative).
#[utoipa::path(post, path = "/v1/initiatives/{id}/notice", tag = "initiatives", params(("id" = i64, Path)), request_body = NoticeWrite, security(("token" = [])),
    responses((status = 201, body = IntegrityBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn publish_notice(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<NoticeWrite>,
) -> Result<Response, AppError> {
    actions::integrity::publish_notice(&state, &user, id, &body.summary, &body.closes_local)
        .await
        .map_err(|e| {
            crate::api::renamed(
                e,
                &[
                    ("notice_summary", "summary"),
                    ("notice_closes", "closes_local"),
                ],
            )
        })?;
    let body = integrity_body(&state, Some(&user), id, act::language_of(&state, &user)).await?;
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// An alternative proposal.
#[derive(Deserialize, ToSchema)]
pub struct AlternativeWrite {
    /// The organisation proposing, which the caller manages (not a partner).
    organisation_id: i64,
    summary: String,
}

/// An organisation proposes an alternative while the notice is open (again: replaces its own).
#[utoipa::path(post, path = "/v1/initiatives/{id}/notice/alternatives", tag = "initiatives", params(("id" = i64, Path)), request_body = AlternativeWrite, security(("token" = [])),
    responses((status = 201, body = IntegrityBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn propose_alternative(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<AlternativeWrite>,
) -> Result<Response, AppError> {
    actions::integrity::propose_alternative(
        &state,
        &user,
        id,
        &body.organisation_id.to_string(),
        &body.summary,
    )
    .await
    .map_err(|e| {
        crate::api::renamed(
            e,
            &[
                ("organisation", "organisation_id"),
                ("alternative_summary", "summary"),
            ],
        )
    })?;
    let body = integrity_body(&state, Some(&user), id, act::language_of(&state, &user)).await?;
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// The convener's decision after a notice.
#[derive(Deserialize, ToSchema)]
pub struct NoticeDecisionWrite {
    #[schema(schema_with = outcome_schema)]
    outcome: String,
    /// With `alternative`: the alternative chosen (and only then).
    #[serde(default)]
    chosen_alternative_id: Option<i64>,
    /// Published reasons.
    reasons: String,
}

/// The convener decides after the notice has closed, with reasons.
#[utoipa::path(post, path = "/v1/initiatives/{id}/notice/decision", tag = "initiatives", params(("id" = i64, Path)), request_body = NoticeDecisionWrite, security(("token" = [])),
    responses((status = 200, body = IntegrityBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn decide_notice(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<NoticeDecisionWrite>,
) -> Result<Json<IntegrityBody>, AppError> {
    let chosen = body
        .chosen_alternative_id
        .map(|c| c.to_string())
        .unwrap_or_default();
    actions::integrity::decide_notice(&state, &user, id, &body.outcome, &chosen, &body.reasons)
        .await
        .map_err(|e| {
            crate::api::renamed(
                e,
                &[
                    ("chosen", "chosen_alternative_id"),
                    ("outcome_reasons", "reasons"),
                ],
            )
        })?;
    Ok(Json(
        integrity_body(&state, Some(&user), id, act::language_of(&state, &user)).await?,
    ))
}
