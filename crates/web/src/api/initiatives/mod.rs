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
use shutaf_store::{Initiative, Partner, PartnerContribution};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, ApiWriter, ErrorBody, LangQuery, MaybeApiUser, Names, language};
use crate::AppState;
use crate::actions::initiatives::{self as act, InitiativeInput};
use crate::actions::{self};
use crate::error::AppError;
use crate::i18n::Tr;

pub mod charter;
pub mod expectations;
pub mod integrity;
pub mod matching;
pub mod partners;

pub(crate) use integrity::{DeclarationBody, DeclarationWrite, RecusalBody};
pub(crate) use partners::agorot_text;

/// The routes of the initiatives' API: the core (lists, proposal, the initiative, engaging, stages,
/// the work plan) here, and each part's own.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_initiatives))
        .routes(routes!(create_initiative))
        .routes(routes!(get_initiative, update_initiative))
        .routes(routes!(engage))
        .routes(routes!(change_stage))
        .merge(partners::routes())
        .routes(routes!(work_plan))
        .merge(integrity::routes())
        .merge(charter::routes())
        .merge(expectations::routes())
        .merge(matching::routes())
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
    /// How many match (the stage filter included).
    total: i64,
    /// Pass as `before` for the next (older) page; absent on the last page.
    older_than: Option<i64>,
    /// Pass as `after` for the previous (newer) page; absent on the first page.
    newer_than: Option<i64>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// Only initiatives at this stage.
    stage: Option<String>,
    /// The page of the initiatives older than this id (an `older_than` of an earlier answer);
    /// 50 a page, newest first.
    before: Option<i64>,
    /// The page of the initiatives newer than this id (a `newer_than`).
    after: Option<i64>,
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
    let keyset = match (q.before, q.after) {
        (Some(id), _) => Some(shutaf_store::Keyset::Before(id)),
        (None, Some(id)) => Some(shutaf_store::Keyset::After(id)),
        (None, None) => None,
    };
    let (window, total) = state
        .db
        .initiatives_of_locality(id, stage, keyset, 50, state.db.now())
        .await?;
    Ok(Json(InitiativePage {
        total,
        older_than: window.older,
        newer_than: window.newer,
        items: window
            .items
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
    let facts = state
        .db
        .facts_of_initiative(&initiative, &partners, state.db.now())
        .await?;
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
