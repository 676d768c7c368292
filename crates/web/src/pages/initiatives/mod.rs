//! Initiative pages: propose, the initiative's page with its checkup and next steps, partners
//! and their contributions, work plan, integrity, charter and endorsements, expectations, and the
//! convener's dashboard of a locality.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::Stage;
use shutaf_domain::checkup;
use shutaf_domain::expectations::{Divergence, Question};
use shutaf_domain::lifecycle::{self, Gate};
use shutaf_domain::validate::FieldErrors;
use shutaf_store::{
    CharterVersion, Goal, Initiative, InitiativeEvent, Locality, Partner, PartnerContribution,
    PartnerStatus,
};
use tower_sessions::Session;

use super::{
    Ctx, FormFields, FormState, PageAction, QueryFields, query_value, render, render_alike,
    render_status,
};
use crate::AppState;
use crate::actions::ActionError;
use crate::actions::initiatives::{self as act, CHARTER_SECTIONS, InitiativeInput, Standing};
use crate::auth::{self, MaybeUser, SignedIn};
use crate::error::AppError;
use crate::view::{ShownRisk, format_shekels, reason_text, sdg_label_with, show_risks};

pub mod charter;
pub mod expectations;
pub mod integrity;
pub mod matching;
pub mod partners;

pub use integrity::declaration_input;

/// The routes of an initiative's pages: its core (proposal, page, stages, work plan, the
/// locality's dashboard) here, and each part's own.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/initiatives/new", get(new_form))
        .route("/initiatives", post(create))
        .route("/initiatives/{id}", get(show))
        .route("/initiatives/{id}/edit", get(edit_form).post(update))
        .route("/initiatives/{id}/engage", post(engage))
        .route("/initiatives/{id}/stage", post(change_stage))
        .route("/initiatives/{id}/work-plan", post(work_plan))
        .route("/localities/{id}/initiatives", get(dashboard))
        .merge(partners::routes())
        .merge(integrity::routes())
        .merge(charter::routes())
        .merge(expectations::routes())
        .merge(matching::routes())
}

pub(crate) fn input_from(form: &FormFields) -> InitiativeInput {
    InitiativeInput {
        locality: form.get("locality").into(),
        initiator: form.get("initiator").into(),
        titles: [
            form.get("title_he").into(),
            form.get("title_ar").into(),
            form.get("title_en").into(),
        ],
        problems: [
            form.get("problem_he").into(),
            form.get("problem_ar").into(),
            form.get("problem_en").into(),
        ],
        approaches: [
            form.get("approach_he").into(),
            form.get("approach_ar").into(),
            form.get("approach_en").into(),
        ],
        model: form.get("model").into(),
        management: form.get("management").into(),
        goals: form.all("goals").into_iter().map(Into::into).collect(),
        needs: form.all("needs").into_iter().map(Into::into).collect(),
        lead: form.get("lead").into(),
    }
}

#[derive(Template)]
#[template(path = "initiative_form.html")]
pub struct InitiativeFormPage {
    pub ctx: Ctx,
    pub form: FormState,
    pub localities: Vec<Locality>,
    pub goals: Vec<Goal>,
    pub initiators: Vec<(i64, String)>,
    pub editing: Option<i64>,
    /// When editing: the active partners, one of which may lead.
    pub partners: Vec<(i64, String)>,
}

async fn form_page(
    state: &AppState,
    ctx: Ctx,
    user_id: i64,
    form: FormState,
    editing: Option<i64>,
) -> Result<InitiativeFormPage, AppError> {
    let localities = state.db.localities().await?;
    let locality: Option<i64> = form.value("locality").parse().ok();
    let goals = match locality {
        Some(id) => state.db.goals_of(id).await?,
        None => Vec::new(),
    };
    let lang = ctx.lang();
    let initiators = state
        .db
        .organisations_of(user_id)
        .await?
        .into_iter()
        .filter(|(_, role)| role.manages())
        .map(|(org, _)| (org.id, org.name(lang).to_owned()))
        .collect();
    let partners = match editing {
        Some(id) => state
            .db
            .partners(id)
            .await?
            .into_iter()
            .filter(|p| p.status == PartnerStatus::Active)
            .map(|p| (p.organisation_id, p.name(lang).to_owned()))
            .collect(),
        None => Vec::new(),
    };
    Ok(InitiativeFormPage {
        ctx,
        form,
        localities,
        goals,
        initiators,
        editing,
        partners,
    })
}

/// The form to propose an initiative (`?locality=` picks the locality and its goals).
pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    query: QueryFields,
) -> Result<Response, AppError> {
    let mut values = vec![(
        "locality".to_owned(),
        query_value(&query.0, "locality").to_owned(),
    )];
    values.push(("management".into(), "joint".into()));
    let form = FormState::new(FieldErrors::new(), FormFields(values));
    render(&form_page(&state, ctx, user.id, form, None).await?)
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    form: FormFields,
) -> Result<Response, AppError> {
    // "Show the goals" re-renders the form for the chosen locality without proposing.
    if form.get("refresh") == "1" {
        let page = form_page(
            &state,
            ctx,
            user.id,
            FormState::new(FieldErrors::new(), form),
            None,
        )
        .await?;
        return render(&page);
    }
    match act::propose(&state, &user, &input_from(&form)).await {
        Ok(id) => Ok(Redirect::to(&format!("/initiatives/{id}")).into_response()),
        Err(ActionError::Invalid(errors)) => {
            let page = form_page(&state, ctx, user.id, FormState::new(errors, form), None).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

fn initiative_values(initiative: &Initiative) -> FormFields {
    let mut values: Vec<(String, String)> = vec![
        ("locality".into(), initiative.locality_id.to_string()),
        (
            "initiator".into(),
            initiative.initiator_organisation_id.to_string(),
        ),
        ("model".into(), initiative.model.code().into()),
        ("management".into(), initiative.management.code().into()),
        (
            "lead".into(),
            initiative
                .lead_organisation_id
                .map(|l| l.to_string())
                .unwrap_or_default(),
        ),
    ];
    for (lang, title, problem, approach) in [
        (
            "he",
            &initiative.title_he,
            &initiative.problem_he,
            &initiative.approach_he,
        ),
        (
            "ar",
            &initiative.title_ar,
            &initiative.problem_ar,
            &initiative.approach_ar,
        ),
        (
            "en",
            &initiative.title_en,
            &initiative.problem_en,
            &initiative.approach_en,
        ),
    ] {
        values.push((format!("title_{lang}"), title.clone().unwrap_or_default()));
        values.push((
            format!("problem_{lang}"),
            problem.clone().unwrap_or_default(),
        ));
        values.push((
            format!("approach_{lang}"),
            approach.clone().unwrap_or_default(),
        ));
    }
    values.extend(
        initiative
            .goal_ids
            .iter()
            .map(|g| ("goals".to_owned(), g.to_string())),
    );
    values.extend(
        initiative
            .needs
            .iter()
            .map(|n| ("needs".to_owned(), n.code().to_owned())),
    );
    FormFields(values)
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let act::Scope {
        initiative,
        standing,
        ..
    } = act::load(&state, &user, id).await?;
    if !(standing.is(lifecycle::Party::Lead) || standing.convener_staff) {
        return Err(AppError::Forbidden("refused-not-your-part"));
    }
    let form = FormState::new(FieldErrors::new(), initiative_values(&initiative));
    render(&form_page(&state, ctx, user.id, form, Some(id)).await?)
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match act::edit(&state, &user, id, &input_from(&form)).await {
        Ok(()) => {
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/initiatives/{id}")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let page =
                form_page(&state, ctx, user.id, FormState::new(errors, form), Some(id)).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// A next step the reader could take, with what still stands in the way.
pub struct Step {
    pub to: Stage,
    pub needs_reason: bool,
    /// (what the gate requires, how to meet it)
    pub unmet: Vec<(String, String)>,
}

/// A partner as shown, with its contributions and whether the reader acts for it.
pub struct ShownPartner {
    pub partner: Partner,
    pub contributions: Vec<PartnerContribution>,
    pub managed: bool,
    pub endorsed: bool,
}

#[derive(Template)]
#[template(path = "initiative_show.html")]
pub struct InitiativePage {
    pub ctx: Ctx,
    pub initiative: Initiative,
    pub locality: Locality,
    pub initiator_name: String,
    pub goals: Vec<Goal>,
    pub partners: Vec<ShownPartner>,
    /// Needed types: (label, covered)
    pub needs: Vec<(String, bool)>,
    pub risks: Vec<ShownRisk>,
    pub steps: Vec<Step>,
    pub standing: Standing,
    pub signed_in: bool,
    /// Organisations the reader manages that could ask to join.
    pub can_ask: Vec<(i64, String)>,
    pub charter_version: Option<i64>,
    pub events: Vec<InitiativeEvent>,
    pub form: FormState,
    pub problem: Option<String>,
    pub exemptions: &'static [shutaf_domain::integrity::Exemption],
    /// The partners a declaration can name (id, name).
    pub tie_parties: Vec<(i64, String)>,
    pub city_with_business: bool,
    /// Public: who declared what, and who stepped aside.
    pub declarations: Vec<shutaf_store::integrity::Declaration>,
    pub recusals: Vec<shutaf_store::integrity::Recusal>,
    /// The notice inviting competing proposals, its alternatives, and whether it is open.
    pub notice: Option<shutaf_store::integrity::Notice>,
    /// The alternatives the reader may see: until the notice is decided, all of them to the
    /// convener's staff and each proposer its own ([`crate::actions::integrity::notice_alternatives`]).
    pub alternatives: Vec<shutaf_store::integrity::AlternativeProposal>,
    pub alternative_count: i64,
    /// Who proposed is sealed from the reader until the notice is decided.
    pub alternatives_sealed: bool,
    pub notice_open: bool,
    pub notice_outcomes: &'static [shutaf_domain::integrity::NoticeOutcome],
    /// The open call the initiative came from.
    pub from_call: Option<i64>,
    /// How the business partner was chosen, as the record shows it.
    pub choice: shutaf_domain::integrity::Choice,
    /// Organisations the reader manages that could propose an alternative.
    pub can_propose: Vec<(i64, String)>,
    /// The reader has declared on this initiative (the form stays folded once they have).
    pub declared: bool,
    pub local_targets: Vec<shutaf_store::LocalTarget>,
}

impl InitiativePage {
    pub fn declaration_action(&self) -> String {
        format!("/initiatives/{}/declaration", self.initiative.id)
    }

    pub fn stage_label(&self) -> String {
        self.ctx.t(self.initiative.stage.label_key())
    }

    pub fn work_plan_label(&self) -> String {
        self.ctx
            .t(format!("work-plan-{}", self.initiative.work_plan))
    }

    pub fn partner_name(&self, id: &Option<i64>) -> String {
        let lang = self.ctx.lang();
        id.and_then(|id| {
            self.partners
                .iter()
                .find(|p| p.partner.organisation_id == id)
                .map(|p| p.partner.name(lang).to_owned())
        })
        .unwrap_or_default()
    }

    pub fn shekels(&self, agorot: &Option<i64>) -> String {
        agorot.map(format_shekels).unwrap_or_default()
    }

    pub fn sdg_label(&self, code: &str) -> String {
        sdg_label_with(&self.ctx, code, &self.local_targets)
    }
}

async fn initiative_page(
    state: &AppState,
    user: Option<&shutaf_store::User>,
    ctx: Ctx,
    id: i64,
    form: FormState,
    problem: Option<String>,
) -> Result<InitiativePage, AppError> {
    let initiative = state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let partners = state.db.partners(id).await?;
    let standing = match user {
        Some(user) => act::standing(state, user, &initiative, &partners).await?,
        None => Standing::default(),
    };
    let locality = state
        .db
        .locality(initiative.locality_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = ctx.lang();
    let initiator_name = partners
        .iter()
        .find(|p| p.organisation_id == initiative.initiator_organisation_id)
        .map(|p| p.name(lang).to_owned())
        .unwrap_or_default();
    // From the initiative and partners already read (the gates' other facts in one round).
    let facts = state
        .db
        .facts_of_initiative(&initiative, &partners, state.db.now())
        .await?;
    let contributions = state.db.contributions(id).await?;
    let versions = state.db.charter_versions(id).await?;
    let charter_version = versions.last().map(|v| v.version);
    let endorsed = match charter_version {
        Some(v) => state.db.endorsements(id, v).await?,
        None => Vec::new(),
    };
    let goals = state.db.goals_by_ids(&initiative.goal_ids).await?;
    let needs = initiative
        .needs
        .iter()
        .map(|need| {
            (
                ctx.t(need.label_key()),
                contributions.iter().any(|c| c.contribution == *need),
            )
        })
        .collect();
    let risks = show_risks(&ctx, &checkup::checkup(&facts));
    let steps = lifecycle::next_steps(&facts, &standing.parties)
        .into_iter()
        .map(|(to, unmet)| Step {
            to,
            needs_reason: matches!(to, Stage::Declined | Stage::Withdrawn),
            unmet: unmet
                .iter()
                .map(|g: &Gate| (ctx.t(g.label_key()), ctx.t(g.remedy_key())))
                .collect(),
        })
        .collect();
    let can_ask = match user {
        Some(user) => state
            .db
            .organisations_of(user.id)
            .await?
            .into_iter()
            .filter(|(org, role)| {
                role.manages()
                    && !partners
                        .iter()
                        .any(|p| p.organisation_id == org.id && p.status != PartnerStatus::Invited)
            })
            .map(|(org, _)| (org.id, org.name(lang).to_owned()))
            .collect(),
        None => Vec::new(),
    };
    let shown: Vec<ShownPartner> = partners
        .into_iter()
        .map(|partner| ShownPartner {
            contributions: contributions
                .iter()
                .filter(|c| c.organisation_id == partner.organisation_id)
                .cloned()
                .collect(),
            managed: standing.manages.contains(&partner.organisation_id),
            endorsed: endorsed.contains(&partner.organisation_id),
            partner,
        })
        .collect();
    let events = state.db.events(id, 30).await?;
    let local_targets = state.db.local_targets_of(locality.id).await?;
    let matter = shutaf_store::integrity::Matter::Initiative(id);
    let declarations = state.db.declarations(matter).await?;
    let recusals = state.db.recusals(matter).await?;
    let declared = user.is_some_and(|u| declarations.iter().any(|d| d.user_id == u.id));
    let notice = state.db.notice_of(id).await?;
    let alternatives = match &notice {
        Some(n) => {
            crate::actions::integrity::notice_alternatives(state, user, n, initiative.locality_id)
                .await?
        }
        None => Default::default(),
    };
    let from_call = state.db.call_of_initiative(id).await?;
    let choice = shutaf_domain::integrity::Choice::of(
        from_call.is_some(),
        notice.as_ref().is_some_and(|n| n.outcome.is_some()),
        initiative.integrity_competition == 1,
        initiative
            .integrity_exemption
            .as_deref()
            .and_then(shutaf_domain::integrity::Exemption::parse),
    );
    let tie_parties: Vec<(i64, String)> = shown
        .iter()
        .map(|s| (s.partner.organisation_id, s.partner.name(lang).to_owned()))
        .collect();
    let can_propose: Vec<(i64, String)> = can_ask
        .iter()
        .filter(|(org, _)| {
            !shown
                .iter()
                .any(|s: &ShownPartner| s.partner.organisation_id == *org)
        })
        .cloned()
        .collect();
    Ok(InitiativePage {
        local_targets,
        signed_in: user.is_some(),
        city_with_business: facts.city_with_business(),
        ctx,
        initiative,
        locality,
        initiator_name,
        goals,
        partners: shown,
        needs,
        risks,
        steps,
        standing,
        can_ask,
        charter_version,
        events,
        form,
        problem,
        exemptions: shutaf_domain::integrity::Exemption::ALL,
        tie_parties,
        declarations,
        recusals,
        notice_open: notice
            .as_ref()
            .is_some_and(|n| shutaf_domain::integrity::window_open(n.closes_at, state.db.now())),
        notice,
        alternatives: alternatives.shown,
        alternative_count: alternatives.total as i64,
        alternatives_sealed: alternatives.sealed,
        notice_outcomes: shutaf_domain::integrity::NoticeOutcome::ALL,
        from_call,
        choice,
        can_propose,
        declared,
    })
}

pub async fn show(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&initiative_page(&state, user.as_ref(), ctx, id, FormState::empty(), None).await?)
}

pub async fn engage(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let result = act::engage(&call.state, &call.user, call.id).await;
    call.finish(
        form,
        result,
        "flash-engaged",
        "/initiatives",
        initiative_page,
    )
    .await
}

pub async fn change_stage(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let Some(to) = Stage::parse(form.get("to")) else {
        return Err(AppError::BadRequest("error-choose-option"));
    };
    let reason = Some(form.get("reason"))
        .filter(|r| !r.trim().is_empty())
        .map(str::to_owned);
    let result = act::transition(&call.state, &call.user, call.id, to, reason.as_deref()).await;
    call.finish(
        form,
        result,
        "flash-stage-changed",
        "/initiatives",
        initiative_page,
    )
    .await
}

pub async fn work_plan(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let result = act::place_in_work_plan(
        &call.state,
        &call.user,
        call.id,
        form.get("work_plan"),
        form.get("work_plan_item"),
        form.get("budget_line"),
        form.get("no_budget_reason"),
    )
    .await;
    call.finish(form, result, "flash-saved", "/initiatives", initiative_page)
        .await
}

/// A row of the convener's dashboard.
pub struct DashboardRow {
    pub initiative: Initiative,
    pub risks: Vec<ShownRisk>,
    pub worst: u8,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    pub ctx: Ctx,
    pub locality: Locality,
    pub rows: Vec<DashboardRow>,
    pub stage: Option<Stage>,
    pub sort: String,
    pub total: i64,
    /// The next (older) and previous (newer) pages' addresses.
    pub older: Option<String>,
    pub newer: Option<String>,
}

/// Every initiative of a locality with its stage and open risks; filter by stage, sort by risk.
pub async fn dashboard(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    query: QueryFields,
) -> Result<Response, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let stage = Stage::parse(query_value(&query.0, "stage"));
    let keyset = shutaf_store::Keyset::from_query(
        query_value(&query.0, "before"),
        query_value(&query.0, "after"),
    );
    let (window, total) = state
        .db
        .initiatives_of_locality(id, stage, keyset, 50, state.db.now())
        .await?;
    let sort = query_value(&query.0, "sort").to_owned();
    // The pages beside this one keep the filters.
    let link = |key: &str, at: Option<i64>| {
        let at = at?;
        let mut parts: Vec<(&str, String)> = Vec::new();
        if let Some(stage) = stage {
            parts.push(("stage", stage.code().into()));
        }
        if !sort.is_empty() {
            parts.push(("sort", sort.clone()));
        }
        parts.push((key, at.to_string()));
        Some(format!(
            "/localities/{id}/initiatives?{}",
            serde_urlencoded::to_string(&parts).unwrap_or_default()
        ))
    };
    let (older, newer) = (link("before", window.older), link("after", window.newer));
    let mut rows: Vec<DashboardRow> = window
        .items
        .into_iter()
        .map(|item| {
            let found = checkup::checkup(&item.facts);
            let worst = found
                .iter()
                .map(|r| r.severity as u8 + 1)
                .max()
                .unwrap_or(0);
            DashboardRow {
                risks: show_risks(&ctx, &found),
                worst,
                initiative: item.initiative,
            }
        })
        .collect();
    if sort == "risk" {
        rows.sort_by(|a, b| {
            b.worst
                .cmp(&a.worst)
                .then(b.risks.len().cmp(&a.risks.len()))
        });
    }
    // Public: everyone reads the same list (a signed-in reader gets it from the page cache).
    render_alike(&DashboardPage {
        ctx,
        locality,
        rows,
        stage,
        sort,
        total,
        older,
        newer,
    })
}
