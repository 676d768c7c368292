//! The API of the agenda and the partnership lifecycle: goals, initiatives, stages, partners,
//! contributions, work plan, integrity, charter, endorsements and expectations.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use shutaf_domain::checkup::{self, Risk};
use shutaf_domain::expectations::Question;
use shutaf_domain::integrity::{Choice, Exemption, NoticeOutcome, Relation};
use shutaf_domain::lifecycle;
use shutaf_domain::{Language, Stage};
use shutaf_store::integrity::{Declaration, Matter, Recusal};
use shutaf_store::{Goal, Initiative, Partner, PartnerContribution};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, ApiWriter, ErrorBody, LangQuery, MaybeApiUser, Names, language};
use crate::AppState;
use crate::actions::initiatives::{self as act, InitiativeInput};
use crate::actions::{self, GoalInput};
use crate::error::AppError;
use crate::i18n::Tr;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_goals, create_goal))
        .routes(routes!(update_goal))
        .routes(routes!(list_local_targets, define_local_target))
        .routes(routes!(list_initiatives))
        .routes(routes!(create_initiative))
        .routes(routes!(get_initiative, update_initiative))
        .routes(routes!(engage))
        .routes(routes!(change_stage))
        .routes(routes!(add_partner))
        .routes(routes!(describe_partner, remove_partner))
        .routes(routes!(add_contribution))
        .routes(routes!(remove_contribution))
        .routes(routes!(work_plan))
        .routes(routes!(get_integrity, integrity))
        .routes(routes!(publish_notice))
        .routes(routes!(propose_alternative))
        .routes(routes!(decide_notice))
        .routes(routes!(declare))
        .routes(routes!(get_charter, propose_charter))
        .routes(routes!(endorse))
        .routes(routes!(get_expectations, answer_expectations))
        .routes(routes!(suggestions))
        .routes(routes!(opportunities))
}

/// A goal on a locality's agenda.
#[derive(Serialize, ToSchema)]
pub struct GoalBody {
    id: i64,
    locality_id: i64,
    title: String,
    titles: Names,
    descriptions: Names,
    department: Option<String>,
    horizon: Option<i64>,
    work_plan_year: Option<i64>,
    budget_line: Option<String>,
    /// `active`, `achieved` or `dropped`.
    status: String,
    /// SDG goals, targets and local targets it serves: `7`, `7.2`, `7.2.1`.
    sdg_codes: Vec<String>,
}

impl GoalBody {
    fn of(g: Goal, lang: Language) -> GoalBody {
        GoalBody {
            id: g.id,
            locality_id: g.locality_id,
            title: g.title(lang).to_owned(),
            titles: Names::of(&g.title_he, &g.title_ar, &g.title_en),
            descriptions: Names::of(&g.description_he, &g.description_ar, &g.description_en),
            department: g.department,
            horizon: g.horizon,
            work_plan_year: g.work_plan_year,
            budget_line: g.budget_line,
            status: g.status,
            sdg_codes: g.sdg_codes,
        }
    }
}

/// A goal to create or replace.
#[derive(Deserialize, ToSchema)]
pub struct GoalWrite {
    titles: Names,
    #[serde(default)]
    descriptions: Names,
    #[serde(default)]
    department: Option<String>,
    #[serde(default)]
    horizon: Option<i64>,
    #[serde(default)]
    work_plan_year: Option<i64>,
    #[serde(default)]
    budget_line: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    sdg_codes: Vec<String>,
}

impl GoalWrite {
    fn input(&self) -> GoalInput {
        GoalInput {
            titles: self.titles.strings(),
            descriptions: self.descriptions.strings(),
            department: self.department.clone().unwrap_or_default(),
            horizon: self.horizon.map(|y| y.to_string()).unwrap_or_default(),
            work_plan_year: self
                .work_plan_year
                .map(|y| y.to_string())
                .unwrap_or_default(),
            budget_line: self.budget_line.clone().unwrap_or_default(),
            status: self.status.clone().unwrap_or_default(),
            sdg_codes: self.sdg_codes.join(","),
        }
    }
}

/// A locality's goals.
#[utoipa::path(get, path = "/v1/localities/{id}/goals", tag = "agenda", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = Vec<GoalBody>), (status = 404, body = ErrorBody)))]
async fn list_goals(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<Vec<GoalBody>>, AppError> {
    state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let lang = language(&q, &headers, &state);
    Ok(Json(
        state
            .db
            .goals_of(id)
            .await?
            .into_iter()
            .map(|g| GoalBody::of(g, lang))
            .collect(),
    ))
}

/// Adds a goal to a locality's agenda (its staff).
#[utoipa::path(post, path = "/v1/localities/{id}/goals", tag = "agenda", params(("id" = i64, Path)), request_body = GoalWrite, security(("token" = [])),
    responses((status = 201, body = GoalBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_goal(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<GoalWrite>,
) -> Result<Response, AppError> {
    let goal_id = actions::create_goal(&state, &user, id, &body.input()).await?;
    let goal = state.db.goal(goal_id).await?.ok_or(AppError::NotFound)?;
    Ok((
        StatusCode::CREATED,
        Json(GoalBody::of(goal, act::language_of(&state, &user))),
    )
        .into_response())
}

/// Replaces a goal (the locality's staff).
#[utoipa::path(put, path = "/v1/goals/{id}", tag = "agenda", params(("id" = i64, Path)), request_body = GoalWrite, security(("token" = [])),
    responses((status = 200, body = GoalBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_goal(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<GoalWrite>,
) -> Result<Json<GoalBody>, AppError> {
    actions::update_goal(&state, &user, id, &body.input()).await?;
    let goal = state.db.goal(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(GoalBody::of(goal, act::language_of(&state, &user))))
}

/// A locality's own target under an SDG target.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct LocalTargetBody {
    /// `<target>.<n>`, such as `7.2.1`.
    code: String,
    titles: Names,
}

/// A locality's own targets.
#[utoipa::path(get, path = "/v1/localities/{id}/local-targets", tag = "agenda", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<LocalTargetBody>), (status = 404, body = ErrorBody)))]
async fn list_local_targets(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<LocalTargetBody>>, AppError> {
    state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(
        state
            .db
            .local_targets_of(id)
            .await?
            .into_iter()
            .map(|t| LocalTargetBody {
                titles: Names::of(&t.title_he, &t.title_ar, &t.title_en),
                code: t.code,
            })
            .collect(),
    ))
}

/// Defines (or renames) one of the locality's own targets (its staff).
#[utoipa::path(post, path = "/v1/localities/{id}/local-targets", tag = "agenda", params(("id" = i64, Path)), request_body = LocalTargetBody, security(("token" = [])),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn define_local_target(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<LocalTargetBody>,
) -> Result<StatusCode, AppError> {
    actions::define_local_target(&state, &user, id, &body.code, &body.titles.strings()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A risk found by the checkup, explained.
#[derive(Serialize, ToSchema)]
pub struct RiskBody {
    /// The rule: `late-convening`, `no-goal-fit`, ...
    rule: String,
    /// `notice`, `warning` or `critical`.
    severity: String,
    message: String,
    remedy: String,
}

fn risks(tr: Tr, found: &[Risk]) -> Vec<RiskBody> {
    // Explained exactly as on the pages.
    let ctx = crate::view::Ctx::bare(tr, None, String::new());
    crate::view::show_risks(&ctx, found)
        .into_iter()
        .zip(found)
        .map(|(shown, risk)| RiskBody {
            rule: risk.rule.code().into(),
            severity: shown.severity.into(),
            message: shown.text,
            remedy: shown.remedy,
        })
        .collect()
}

/// An initiative in a list.
#[derive(Serialize, ToSchema)]
pub struct InitiativeListBody {
    id: i64,
    title: String,
    stage: String,
    initiator_organisation_id: i64,
    risks: Vec<RiskBody>,
}

/// One page of a locality's initiatives.
#[derive(Serialize, ToSchema)]
pub struct InitiativePage {
    items: Vec<InitiativeListBody>,
    total: i64,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// Only initiatives at this stage.
    stage: Option<String>,
    /// From 1; 50 a page.
    page: Option<u32>,
    lang: Option<String>,
}

/// A locality's initiatives with their stages and open risks (the convener's dashboard).
#[utoipa::path(get, path = "/v1/localities/{id}/initiatives", tag = "initiatives", params(("id" = i64, Path), ListQuery),
    responses((status = 200, body = InitiativePage), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_initiatives(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Json<InitiativePage>, AppError> {
    state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let stage = match q.stage.as_deref().filter(|s| !s.is_empty()) {
        Some(code) => Some(Stage::parse(code).ok_or(AppError::BadRequest("error-choose-option"))?),
        None => None,
    };
    let lang = language(
        &LangQuery {
            lang: q.lang.clone(),
        },
        &headers,
        &state,
    );
    let tr = Tr::new(lang);
    let (items, total) = state
        .db
        .initiatives_of_locality(
            id,
            stage,
            q.page.unwrap_or(1).clamp(1, 100_000),
            50,
            shutaf_store::now(),
        )
        .await?;
    Ok(Json(InitiativePage {
        total,
        items: items
            .into_iter()
            .map(|item| InitiativeListBody {
                id: item.initiative.id,
                title: item.initiative.title(lang).to_owned(),
                stage: item.initiative.stage.code().into(),
                initiator_organisation_id: item.initiative.initiator_organisation_id,
                risks: risks(tr, &checkup::checkup(&item.facts)),
            })
            .collect(),
    }))
}

/// Fields of an initiative to propose or replace.
#[derive(Deserialize, ToSchema)]
pub struct InitiativeWrite {
    /// When proposing: the locality (ignored when replacing).
    #[serde(default)]
    locality_id: Option<i64>,
    /// When proposing: the organisation proposing, which the token's person manages.
    #[serde(default)]
    initiator_organisation_id: Option<i64>,
    titles: Names,
    #[serde(default)]
    problems: Names,
    #[serde(default)]
    approaches: Names,
    /// `sustainable-practice`, `community-responsibility`, `green-economy` or `joint-agenda`.
    model: String,
    /// `joint` or `led-by-one`.
    management: String,
    #[serde(default)]
    goal_ids: Vec<i64>,
    #[serde(default)]
    #[schema(schema_with = super::contributions_schema)]
    needs: Vec<String>,
    /// With `led-by-one` management: the leading partner (omitted: the initiator).
    #[serde(default)]
    lead_organisation_id: Option<i64>,
}

impl InitiativeWrite {
    fn input(&self) -> InitiativeInput {
        InitiativeInput {
            locality: self.locality_id.map(|i| i.to_string()).unwrap_or_default(),
            initiator: self
                .initiator_organisation_id
                .map(|i| i.to_string())
                .unwrap_or_default(),
            titles: self.titles.strings(),
            problems: self.problems.strings(),
            approaches: self.approaches.strings(),
            model: self.model.clone(),
            management: self.management.clone(),
            goals: self.goal_ids.iter().map(i64::to_string).collect(),
            needs: self.needs.clone(),
            lead: self
                .lead_organisation_id
                .map(|l| l.to_string())
                .unwrap_or_default(),
        }
    }
}

/// A partner of an initiative.
#[derive(Serialize, ToSchema)]
pub struct PartnerBody {
    organisation_id: i64,
    name: String,
    sector: String,
    /// `active`, `invited` or `requested`.
    status: String,
    role: Option<String>,
    interests: Option<String>,
    benefits: Option<String>,
    contributions: Vec<ContributionBody>,
}

/// A committed contribution; amounts in agorot.
#[derive(Serialize, ToSchema)]
pub struct ContributionBody {
    id: i64,
    contribution: String,
    description: Option<String>,
    cash_agorot: Option<i64>,
    in_kind_agorot: Option<i64>,
    period: Option<String>,
}

impl From<&PartnerContribution> for ContributionBody {
    fn from(c: &PartnerContribution) -> Self {
        ContributionBody {
            id: c.id,
            contribution: c.contribution.code().into(),
            description: c.description.clone(),
            cash_agorot: c.cash_agorot,
            in_kind_agorot: c.in_kind_agorot,
            period: c.period.clone(),
        }
    }
}

/// A possible next step and what still stands in its way.
#[derive(Serialize, ToSchema)]
pub struct StepBody {
    to: String,
    /// Unmet gates: empty when the step can be taken now.
    unmet_gates: Vec<String>,
}

/// An initiative with everything known about it.
#[derive(Serialize, ToSchema)]
pub struct InitiativeBody {
    id: i64,
    locality_id: i64,
    initiator_organisation_id: i64,
    title: String,
    titles: Names,
    problems: Names,
    approaches: Names,
    model: String,
    management: String,
    stage: String,
    /// Published reasons of a decline or withdrawal.
    stage_reason: Option<String>,
    convener_engaged: bool,
    goal_ids: Vec<i64>,
    needs: Vec<String>,
    /// Needed contribution types nobody covers yet.
    uncovered: Vec<String>,
    /// `not-recorded`, `placed` or `no-budget-needed`.
    work_plan: String,
    charter_version: Option<u32>,
    partners: Vec<PartnerBody>,
    risks: Vec<RiskBody>,
    /// What the token's person can do next (empty without a token).
    next_steps: Vec<StepBody>,
    /// Changes with every write; shows whether the initiative changed since it was read.
    revision: i64,
}

async fn initiative_body(
    state: &AppState,
    user: Option<&shutaf_store::User>,
    initiative: Initiative,
    partners: Vec<Partner>,
    lang: Language,
) -> Result<InitiativeBody, AppError> {
    let facts = act::facts(state, initiative.id).await?;
    let contributions = state.db.contributions(initiative.id).await?;
    let steps = match user {
        Some(user) => {
            let standing = act::standing(state, user, &initiative, &partners).await?;
            lifecycle::next_steps(&facts, &standing.parties)
                .into_iter()
                .map(|(to, unmet)| StepBody {
                    to: to.code().into(),
                    unmet_gates: unmet.iter().map(|g| g.code().to_owned()).collect(),
                })
                .collect()
        }
        None => Vec::new(),
    };
    Ok(InitiativeBody {
        id: initiative.id,
        locality_id: initiative.locality_id,
        initiator_organisation_id: initiative.initiator_organisation_id,
        title: initiative.title(lang).to_owned(),
        titles: Names::of(
            &initiative.title_he,
            &initiative.title_ar,
            &initiative.title_en,
        ),
        problems: Names::of(
            &initiative.problem_he,
            &initiative.problem_ar,
            &initiative.problem_en,
        ),
        approaches: Names::of(
            &initiative.approach_he,
            &initiative.approach_ar,
            &initiative.approach_en,
        ),
        model: initiative.model.code().into(),
        management: initiative.management.code().into(),
        stage: initiative.stage.code().into(),
        stage_reason: initiative.stage_reason.clone(),
        convener_engaged: facts.convener_engaged,
        goal_ids: initiative.goal_ids.clone(),
        needs: initiative
            .needs
            .iter()
            .map(|c| c.code().to_owned())
            .collect(),
        uncovered: facts
            .uncovered()
            .iter()
            .map(|c| c.code().to_owned())
            .collect(),
        work_plan: initiative.work_plan.clone(),
        charter_version: facts.charter_version,
        partners: partners
            .iter()
            .map(|p| PartnerBody {
                organisation_id: p.organisation_id,
                name: p.name(lang).to_owned(),
                sector: p.sector.code().into(),
                status: p.status.code().into(),
                role: p.role.clone(),
                interests: p.interests.clone(),
                benefits: p.benefits.clone(),
                contributions: contributions
                    .iter()
                    .filter(|c| c.organisation_id == p.organisation_id)
                    .map(ContributionBody::from)
                    .collect(),
            })
            .collect(),
        risks: risks(Tr::new(lang), &checkup::checkup(&facts)),
        next_steps: steps,
        revision: initiative.revision,
    })
}

async fn reply(
    state: &AppState,
    user: &shutaf_store::User,
    id: i64,
) -> Result<Json<InitiativeBody>, AppError> {
    let initiative = state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let partners = state.db.partners(id).await?;
    Ok(Json(
        initiative_body(
            state,
            Some(user),
            initiative,
            partners,
            act::language_of(state, user),
        )
        .await?,
    ))
}

/// Proposes an initiative; the locality's convener is told at once.
#[utoipa::path(post, path = "/v1/initiatives", tag = "initiatives", request_body = InitiativeWrite, security(("token" = [])),
    responses((status = 201, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_initiative(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    ApiJson(body): ApiJson<InitiativeWrite>,
) -> Result<Response, AppError> {
    let id = act::propose(&state, &user, &body.input()).await?;
    Ok((StatusCode::CREATED, reply(&state, &user, id).await?).into_response())
}

/// An initiative, its partners, risks and (with a token) the caller's next steps.
#[utoipa::path(get, path = "/v1/initiatives/{id}", tag = "initiatives", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = InitiativeBody), (status = 404, body = ErrorBody)))]
async fn get_initiative(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    MaybeApiUser(user): MaybeApiUser,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<InitiativeBody>, AppError> {
    let initiative = state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let partners = state.db.partners(id).await?;
    let lang = language(&q, &headers, &state);
    Ok(Json(
        initiative_body(&state, user.as_ref(), initiative, partners, lang).await?,
    ))
}

/// Replaces the initiative's texts, model, goals and needs (its lead or the convener's staff).
#[utoipa::path(put, path = "/v1/initiatives/{id}", tag = "initiatives", params(("id" = i64, Path)), request_body = InitiativeWrite, security(("token" = [])),
    responses((status = 200, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_initiative(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<InitiativeWrite>,
) -> Result<Json<InitiativeBody>, AppError> {
    act::edit(&state, &user, id, &body.input()).await?;
    reply(&state, &user, id).await
}

/// The convener engages: the caller becomes its contact person and the idea is convened.
#[utoipa::path(post, path = "/v1/initiatives/{id}/engage", tag = "initiatives", params(("id" = i64, Path)), security(("token" = [])),
    responses((status = 200, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn engage(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
) -> Result<Json<InitiativeBody>, AppError> {
    act::engage(&state, &user, id).await?;
    reply(&state, &user, id).await
}

/// A move to another stage.
#[derive(Deserialize, ToSchema)]
pub struct StageWrite {
    /// The stage to move to.
    to: String,
    /// Published reasons: needed to decline or withdraw.
    #[serde(default)]
    reason: Option<String>,
}

/// Moves the initiative to another stage; a refusal names the unmet gates with their remedies.
#[utoipa::path(post, path = "/v1/initiatives/{id}/stage", tag = "initiatives", params(("id" = i64, Path)), request_body = StageWrite, security(("token" = [])),
    responses((status = 200, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn change_stage(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<StageWrite>,
) -> Result<Json<InitiativeBody>, AppError> {
    let to = Stage::parse(&body.to).ok_or(AppError::BadRequest("error-choose-option"))?;
    act::transition(&state, &user, id, to, body.reason.as_deref()).await?;
    reply(&state, &user, id).await
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
    #[schema(schema_with = super::contribution_schema)]
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

pub(super) fn agorot_text(agorot: Option<i64>) -> String {
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
    if body.cash_agorot.is_some_and(|a| a < 0) || body.in_kind_agorot.is_some_and(|a| a < 0) {
        let mut errors = shutaf_domain::validate::FieldErrors::new();
        errors.add("cash_agorot", "error-amount");
        return Err(AppError::Invalid(errors));
    }
    let (cash, in_kind) = (
        agorot_text(body.cash_agorot),
        agorot_text(body.in_kind_agorot),
    );
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

/// The work-plan placement.
#[derive(Deserialize, ToSchema)]
pub struct WorkPlanWrite {
    /// `placed` or `no-budget-needed`.
    placement: String,
    #[serde(default)]
    work_plan_item: String,
    #[serde(default)]
    budget_line: String,
    /// Needed with `no-budget-needed`.
    #[serde(default)]
    no_budget_reason: String,
}

/// The convener records the work-plan placement.
#[utoipa::path(put, path = "/v1/initiatives/{id}/work-plan", tag = "initiatives", params(("id" = i64, Path)), request_body = WorkPlanWrite, security(("token" = [])),
    responses((status = 200, body = InitiativeBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn work_plan(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<WorkPlanWrite>,
) -> Result<Json<InitiativeBody>, AppError> {
    act::place_in_work_plan(
        &state,
        &user,
        id,
        &body.placement,
        &body.work_plan_item,
        &body.budget_line,
        &body.no_budget_reason,
    )
    .await?;
    reply(&state, &user, id).await
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
    super::codes(Relation::ALL.iter().map(|r| r.code()))
}

/// A public declaration of interests.
#[derive(Serialize, ToSchema)]
pub struct DeclarationBody {
    /// The person's name.
    person: String,
    /// The organisation they decide or evaluate for.
    organisation_id: i64,
    organisation: String,
    has_interests: bool,
    details: Option<String>,
    declared_at: i64,
    ties: Vec<TieBody>,
}

impl DeclarationBody {
    pub(super) fn of(d: Declaration, lang: Language) -> DeclarationBody {
        DeclarationBody {
            organisation: d.organisation.name(lang).to_owned(),
            organisation_id: d.organisation.id,
            person: d.person,
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

/// A person who stepped aside, and from which party.
#[derive(Serialize, ToSchema)]
pub struct RecusalBody {
    /// The person's name.
    person: String,
    /// The party they are tied to.
    organisation_id: i64,
    organisation: String,
    recorded_at: i64,
}

impl RecusalBody {
    pub(super) fn of(r: Recusal, lang: Language) -> RecusalBody {
        RecusalBody {
            organisation: r.party.name(lang).to_owned(),
            organisation_id: r.party.id,
            person: r.person,
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
    alternatives: Vec<AlternativeBody>,
    /// `original`, `alternative`, `open-call` or `dropped`, once decided.
    #[schema(schema_with = outcome_or_null_schema)]
    outcome: Option<String>,
    chosen_alternative_id: Option<i64>,
    outcome_reasons: Option<String>,
    decided_at: Option<i64>,
}

fn outcome_schema() -> utoipa::openapi::schema::Object {
    super::codes(NoticeOutcome::ALL.iter().map(|o| o.code()))
}

/// The outcome as recorded: null until the convener has decided.
fn outcome_or_null_schema() -> utoipa::openapi::schema::Object {
    super::nullable_codes(NoticeOutcome::ALL.iter().map(|o| o.code()))
}

fn choice_schema() -> utoipa::openapi::schema::Object {
    super::codes(
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
            let alternatives = state
                .db
                .alternatives(n.id)
                .await?
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
                    && shutaf_domain::integrity::window_open(n.closes_at, shutaf_store::now()),
                id: n.id,
                summary: n.summary,
                published_at: n.published_at,
                closes_at: n.closes_at,
                closes: shutaf_domain::call::rfc3339(n.closes_at),
                alternatives,
                outcome: n.outcome,
                chosen_alternative_id: n.chosen_proposal_id,
                outcome_reasons: n.outcome_reasons,
                decided_at: n.decided_at,
            })
        }
        None => None,
    };
    Ok(IntegrityBody {
        initiative_id: id,
        choice: choice.code().into(),
        competition_recorded: initiative.integrity_competition == 1,
        exemption: initiative.integrity_exemption,
        exemption_text: initiative.integrity_exemption_text,
        from_call_id,
        notice,
        declarations: state
            .db
            .declarations(matter)
            .await?
            .into_iter()
            .map(|d| DeclarationBody::of(d, lang))
            .collect(),
        recusals: state
            .db
            .recusals(matter)
            .await?
            .into_iter()
            .map(|r| RecusalBody::of(r, lang))
            .collect(),
    })
}

/// The initiative's integrity record: how the partner was chosen (call, notice, competition or
/// exemption), the notice with its alternatives and outcome, declarations with their ties, and
/// recusals.
#[utoipa::path(get, path = "/v1/initiatives/{id}/integrity", tag = "initiatives", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = IntegrityBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_integrity(
    State(state): State<AppState>,
    MaybeApiUser(_reader): MaybeApiUser,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<IntegrityBody>, AppError> {
    let lang = language(&q, &headers, &state);
    Ok(Json(integrity_body(&state, id, lang).await?))
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
            super::renamed(
                e,
                &[
                    ("notice_summary", "summary"),
                    ("notice_closes", "closes_local"),
                ],
            )
        })?;
    let body = integrity_body(&state, id, act::language_of(&state, &user)).await?;
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
        super::renamed(
            e,
            &[
                ("organisation", "organisation_id"),
                ("alternative_summary", "summary"),
            ],
        )
    })?;
    let body = integrity_body(&state, id, act::language_of(&state, &user)).await?;
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
            super::renamed(
                e,
                &[
                    ("chosen", "chosen_alternative_id"),
                    ("outcome_reasons", "reasons"),
                ],
            )
        })?;
    Ok(Json(
        integrity_body(&state, id, act::language_of(&state, &user)).await?,
    ))
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

/// The partners' answers and where they diverge.
#[derive(Serialize, ToSchema)]
pub struct ExpectationsBody {
    /// For each partner organisation, its answers by question.
    #[schema(value_type = Object)]
    answers: std::collections::BTreeMap<i64, std::collections::BTreeMap<String, String>>,
    divergences: Vec<DivergenceBody>,
}

#[derive(Serialize, ToSchema)]
pub struct DivergenceBody {
    question: String,
    low_organisation_id: i64,
    low_answer: String,
    high_organisation_id: i64,
    high_answer: String,
    /// What to talk about.
    advice: String,
}

/// The expectations profile of an initiative.
#[utoipa::path(get, path = "/v1/initiatives/{id}/expectations", tag = "initiatives", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = ExpectationsBody), (status = 404, body = ErrorBody)))]
async fn get_expectations(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<ExpectationsBody>, AppError> {
    state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let tr = Tr::new(language(&q, &headers, &state));
    let answers = state.db.expectations(id).await?;
    let pairs: Vec<_> = answers.iter().map(|(org, a)| (*org, a)).collect();
    let divergences = shutaf_domain::expectations::divergences(&pairs)
        .into_iter()
        .map(|d| DivergenceBody {
            question: d.question.code().into(),
            low_organisation_id: d.low.0,
            low_answer: d.question.answers()[d.low.1].into(),
            high_organisation_id: d.high.0,
            high_answer: d.question.answers()[d.high.1].into(),
            advice: tr.t(&d.question.advice_key()),
        })
        .collect();
    let answers = answers
        .into_iter()
        .map(|(org, a)| {
            (
                org,
                a.0.iter()
                    .map(|(q, pos)| (q.code().to_owned(), q.answers()[*pos].to_owned()))
                    .collect(),
            )
        })
        .collect();
    Ok(Json(ExpectationsBody {
        answers,
        divergences,
    }))
}

/// A partner's answers to the questionnaire.
#[derive(Deserialize, ToSchema)]
pub struct ExpectationsWrite {
    organisation_id: i64,
    /// Answers by question code.
    #[schema(value_type = Object)]
    answers: std::collections::BTreeMap<String, String>,
}

/// A partner answers the expectations questionnaire (replacing its earlier answers).
#[utoipa::path(put, path = "/v1/initiatives/{id}/expectations", tag = "initiatives", params(("id" = i64, Path)), request_body = ExpectationsWrite, security(("token" = [])),
    responses((status = 200, body = ExpectationsBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn answer_expectations(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ExpectationsWrite>,
) -> Result<Json<ExpectationsBody>, AppError> {
    if body.answers.keys().any(|q| Question::parse(q).is_none()) {
        let mut errors = shutaf_domain::validate::FieldErrors::new();
        errors.add("answers", "error-choose-option");
        return Err(AppError::Invalid(errors));
    }
    let answers: Vec<(String, String)> = body.answers.into_iter().collect();
    act::answer_expectations(&state, &user, id, body.organisation_id, &answers).await?;
    get_expectations(
        State(state),
        Path(id),
        headers,
        Query(LangQuery { lang: None }),
    )
    .await
}

/// A suggested partner and why.
#[derive(Serialize, ToSchema)]
pub struct SuggestionBody {
    organisation_id: i64,
    name: String,
    sector: String,
    /// 0 to 1000.
    score: u32,
    /// The reasons, explained in the request's language.
    reasons: Vec<String>,
}

/// Organisations that would best complete the initiative, best first, with their reasons.
#[utoipa::path(get, path = "/v1/initiatives/{id}/suggestions", tag = "initiatives", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = Vec<SuggestionBody>), (status = 404, body = ErrorBody)))]
async fn suggestions(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<Vec<SuggestionBody>>, AppError> {
    let lang = language(&q, &headers, &state);
    let ranked = act::suggestions(&state, id, 20).await?;
    let orgs = state
        .db
        .organisation_summaries(&ranked.iter().map(|s| s.organisation_id).collect::<Vec<_>>())
        .await?;
    let ctx = crate::view::Ctx::bare(Tr::new(lang), None, String::new());
    Ok(Json(
        ranked
            .into_iter()
            .filter_map(|s| {
                let org = orgs.iter().find(|o| o.id == s.organisation_id)?;
                Some(SuggestionBody {
                    organisation_id: s.organisation_id,
                    name: org.name(lang).to_owned(),
                    sector: org.sector.code().into(),
                    score: s.score,
                    reasons: s
                        .reasons
                        .iter()
                        .map(|r| crate::view::reason_text(&ctx, r))
                        .collect(),
                })
            })
            .collect(),
    ))
}

/// An open initiative where an organisation is needed.
#[derive(Serialize, ToSchema)]
pub struct OpportunityBody {
    initiative_id: i64,
    locality_id: i64,
    title: String,
    stage: String,
    /// The needed contribution types it would bring.
    covers: Vec<String>,
}

/// Where an organisation's contributions are needed, and goals waiting for an initiative.
#[derive(Serialize, ToSchema)]
pub struct OpportunitiesBody {
    initiatives: Vec<OpportunityBody>,
    open_goals: Vec<GoalBody>,
}

/// Open initiatives that need what an organisation offers, and goals in its localities that no
/// initiative serves yet.
#[utoipa::path(get, path = "/v1/organisations/{id}/opportunities", tag = "organisations", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = OpportunitiesBody), (status = 404, body = ErrorBody)))]
async fn opportunities(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<OpportunitiesBody>, AppError> {
    state.db.organisation(id).await?.ok_or(AppError::NotFound)?;
    let lang = language(&q, &headers, &state);
    let initiatives = state
        .db
        .opportunities(id, 20)
        .await?
        .into_iter()
        .map(|o| OpportunityBody {
            initiative_id: o.initiative_id,
            locality_id: o.locality_id,
            title: shutaf_store::organisations::pick_name(
                [&o.titles[0], &o.titles[1], &o.titles[2]],
                lang,
            )
            .to_owned(),
            stage: o.stage.code().into(),
            covers: o.covers.iter().map(|c| c.code().to_owned()).collect(),
        })
        .collect();
    let open_goals = state
        .db
        .open_goals_for(id, 20)
        .await?
        .into_iter()
        .map(|g| GoalBody::of(g, lang))
        .collect();
    Ok(Json(OpportunitiesBody {
        initiatives,
        open_goals,
    }))
}
