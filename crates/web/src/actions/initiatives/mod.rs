//! Initiatives: propose, engage, move through the stages, bring in partners and their
//! contributions, place in the work plan, charter and endorse, answer the expectations, and the
//! minimal integrity record. Each checks who may, against the domain's rules.

use shutaf_domain::initiative::WorkPlanPlacement;
use shutaf_domain::integrity::Exemption;
use shutaf_domain::lifecycle::{self, Party};
use shutaf_domain::validate::{self, FieldErrors};
use shutaf_domain::{
    ContributionType, InitiativeFacts, Language, Management, MemberRole, PartnershipModel, Stage,
};
use shutaf_store::{
    Acting, Initiative, NewContribution, NewInitiative, Partner, PartnerStatus, StoreError, User,
};

use super::{ActionError, ActionResult};
use crate::AppState;
use crate::error::AppError;
use crate::i18n::Tr;

mod charter;
mod expectations;
mod integrity;
mod matching;
mod partners;

pub use charter::*;
pub use expectations::*;
pub use integrity::*;
pub use matching::*;
pub use partners::*;

/// Who a person is in an initiative.
#[derive(Debug, Clone, Default)]
pub struct Standing {
    /// The parts they play (for the lifecycle's transitions).
    pub parties: Vec<Party>,
    /// The partner organisations (active) they manage, and so may act for.
    pub manages: Vec<i64>,
    /// Organisations they manage that are invited or asking, not partners yet.
    pub pending: Vec<(i64, PartnerStatus)>,
    /// They are on the convener's staff.
    pub convener_staff: bool,
}

impl Standing {
    pub fn is(&self, party: Party) -> bool {
        self.parties.contains(&party)
    }

    pub fn is_lead(&self) -> bool {
        self.is(Party::Lead)
    }
}

/// Works out a person's standing from their memberships (organisation, role) and the
/// locality's convener. Pure: the caller has read what it needs.
pub fn standing_of(
    memberships: &[(i64, MemberRole)],
    convener: i64,
    initiative: &Initiative,
    partners: &[Partner],
) -> Standing {
    let managed: Vec<i64> = memberships
        .iter()
        .filter(|(_, role)| role.manages())
        .map(|(org, _)| *org)
        .collect();
    // Only membership of the convener makes city staff: a platform administrator who is not a
    // member runs the hub, and decides nothing for the city.
    let convener_staff = memberships.iter().any(|(org, _)| *org == convener);
    let mut standing = Standing {
        convener_staff,
        ..Standing::default()
    };
    if convener_staff {
        standing.parties.push(Party::ConvenerStaff);
    }
    if managed.contains(&initiative.lead()) {
        standing.parties.push(Party::Lead);
    }
    for partner in partners {
        if managed.contains(&partner.organisation_id) {
            match partner.status {
                PartnerStatus::Active => standing.manages.push(partner.organisation_id),
                status => standing.pending.push((partner.organisation_id, status)),
            }
        }
    }
    if !standing.manages.is_empty() {
        standing.parties.push(Party::Partner);
    }
    standing
}

/// Works out a person's standing in an initiative already read.
pub async fn standing(
    state: &AppState,
    user: &User,
    initiative: &Initiative,
    partners: &[Partner],
) -> ActionResult<Standing> {
    let memberships = state.db.memberships_of(user.id).await?;
    let locality = state
        .db
        .locality(initiative.locality_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(standing_of(
        &memberships,
        locality.convener_organisation_id,
        initiative,
        partners,
    ))
}

/// An initiative as one request sees it, read once and passed down: the initiative, its
/// partners, its locality's convener, the person's standing, and (read when first asked for)
/// the facts its gates need.
pub struct Scope {
    pub initiative: Initiative,
    pub partners: Vec<Partner>,
    /// The locality's convener organisation.
    pub convener: i64,
    pub standing: Standing,
    facts: tokio::sync::OnceCell<InitiativeFacts>,
}

impl Scope {
    /// The facts of the initiative as read with it, read once.
    pub async fn facts(&self, state: &AppState) -> ActionResult<&InitiativeFacts> {
        Ok(self
            .facts
            .get_or_try_init(|| async {
                state
                    .db
                    .facts_of_initiative(&self.initiative, &self.partners, state.db.now())
                    .await
            })
            .await?)
    }
}

/// Reads an initiative's scope for a person: the initiative, its partners, the locality and
/// the person's memberships, each once.
pub async fn load(state: &AppState, user: &User, id: i64) -> ActionResult<Scope> {
    let initiative = state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let partners = state.db.partners(id).await?;
    let memberships = state.db.memberships_of(user.id).await?;
    let convener = state
        .db
        .locality(initiative.locality_id)
        .await?
        .ok_or(AppError::NotFound)?
        .convener_organisation_id;
    let standing = standing_of(&memberships, convener, &initiative, &partners);
    Ok(Scope {
        initiative,
        partners,
        convener,
        standing,
        facts: tokio::sync::OnceCell::new(),
    })
}

/// Refused unless the person manages the partner `organisation_id` acts for.
pub(crate) fn require_manages(standing: &Standing, organisation_id: i64) -> ActionResult<()> {
    if standing.manages.contains(&organisation_id) {
        Ok(())
    } else {
        Err(ActionError::Refused("refused-not-your-part"))
    }
}

fn acting(user: &User, organisation_id: Option<i64>) -> Acting {
    Acting {
        user_id: user.id,
        organisation_id,
    }
}

/// The initiative's fields as typed.
#[derive(Debug, Default, Clone)]
pub struct InitiativeInput {
    pub locality: String,
    pub initiator: String,
    pub titles: [String; 3],
    pub problems: [String; 3],
    pub approaches: [String; 3],
    pub model: String,
    pub management: String,
    pub goals: Vec<String>,
    pub needs: Vec<String>,
    /// With management led by one: the leading partner (empty: the initiator).
    pub lead: String,
}

/// Validates an initiative; when proposing, the person must manage the initiator organisation.
pub async fn validate_initiative(
    state: &AppState,
    user: &User,
    input: &InitiativeInput,
    proposing: bool,
) -> ActionResult<NewInitiative> {
    let mut errors = FieldErrors::new();
    let titles = validate::names_per_language(
        &mut errors,
        "title",
        &input.titles[0],
        &input.titles[1],
        &input.titles[2],
    );
    let text = |errors: &mut FieldErrors, field: &str, values: &[String; 3]| {
        ["he", "ar", "en"]
            .iter()
            .zip(values)
            .map(|(lang, value)| {
                errors
                    .check(
                        &format!("{field}_{lang}"),
                        validate::optional_text(value, 10_000),
                    )
                    .flatten()
            })
            .collect::<Vec<_>>()
    };
    let problems = text(&mut errors, "problem", &input.problems);
    let approaches = text(&mut errors, "approach", &input.approaches);
    let model = errors.check(
        "model",
        PartnershipModel::parse(&input.model).ok_or("error-choose-option"),
    );
    let management = errors.check(
        "management",
        Management::parse(&input.management).ok_or("error-choose-option"),
    );
    let locality = match input.locality.parse::<i64>().ok() {
        Some(id) => state.db.locality(id).await?,
        None => None,
    };
    if locality.is_none() {
        errors.add("locality", "error-choose-option");
    }
    let initiator = input.initiator.parse::<i64>().ok();
    let manages = match initiator {
        Some(org) => state
            .db
            .role_in(org, user.id)
            .await?
            .is_some_and(MemberRole::manages),
        None => false,
    };
    if proposing && !manages {
        errors.add("initiator", "error-initiator-managed");
    }
    let mut goal_ids = Vec::new();
    if let Some(locality) = &locality {
        let goals = state.db.goals_of(locality.id).await?;
        for goal in &input.goals {
            match goal
                .parse::<i64>()
                .ok()
                .filter(|id| goals.iter().any(|g| g.id == *id))
            {
                Some(id) => goal_ids.push(id),
                None => errors.add("goals", "error-choose-option"),
            }
        }
    }
    let mut needs = Vec::new();
    for need in &input.needs {
        match ContributionType::parse(need) {
            Some(c) => needs.push(c),
            None => errors.add("needs", "error-choose-option"),
        }
    }
    errors.clone().into_result().map_err(ActionError::Invalid)?;
    let (Some(locality), Some(initiator), Some(model), Some(management)) =
        (locality, initiator, model, management)
    else {
        return Err(ActionError::Invalid(errors));
    };
    let three = |v: Vec<Option<String>>| -> [Option<String>; 3] {
        [v[0].clone(), v[1].clone(), v[2].clone()]
    };
    Ok(NewInitiative {
        locality_id: locality.id,
        initiator_organisation_id: initiator,
        titles,
        problems: three(problems),
        approaches: three(approaches),
        model,
        management,
        goal_ids,
        needs,
        lead_organisation_id: None,
    })
}

/// Proposes an initiative and tells the locality's convener at once, by mail and in the app.
pub async fn propose(state: &AppState, user: &User, input: &InitiativeInput) -> ActionResult<i64> {
    if !user.is_verified() {
        return Err(ActionError::Refused("refused-unverified"));
    }
    // Authorise before validating: only those who manage an organisation propose for one.
    super::require_manages_some(state, user).await?;
    let new = validate_initiative(state, user, input, true).await?;
    let (id, staff) = state
        .db
        .create_initiative(&new, acting(user, Some(new.initiator_organisation_id)))
        .await?;
    let link = format!("{}/initiatives/{id}", state.config.base());
    for staff_id in staff {
        if let Some(person) = state.db.user_by_id(staff_id).await? {
            let tr = Tr::new(person.language().unwrap_or(state.config.default_language));
            let title = new
                .titles
                .iter()
                .flatten()
                .next()
                .cloned()
                .unwrap_or_default();
            let subject = tr.args("mail-initiative-subject", &[("title", &title)]);
            let body = tr.args(
                "mail-initiative-body",
                &[("title", &title), ("link", &link)],
            );
            if let Err(e) = state.mailer.send(&person.email, &subject, &body).await {
                tracing::error!(error = %e, "convener notification could not be mailed");
            }
        }
    }
    Ok(id)
}

/// Edits the initiative's texts, goals and needs (the lead or the convener's staff).
pub async fn edit(
    state: &AppState,
    user: &User,
    id: i64,
    input: &InitiativeInput,
) -> ActionResult<()> {
    let Scope {
        initiative,
        partners,
        standing,
        ..
    } = load(state, user, id).await?;
    if !(standing.is(Party::Lead) || standing.convener_staff) || initiative.stage.is_final() {
        return Err(ActionError::Refused("refused-not-your-part"));
    }
    // The locality and the initiator do not change.
    let mut input = input.clone();
    input.locality = initiative.locality_id.to_string();
    input.initiator = initiative.initiator_organisation_id.to_string();
    let mut new = validate_initiative(state, user, &input, false).await?;
    // A partnership led by one names its lead among the partners; a joint one has none.
    if new.management == Management::LedByOne && !input.lead.is_empty() {
        let active = |org: &i64| {
            partners
                .iter()
                .any(|p| p.organisation_id == *org && p.status == PartnerStatus::Active)
        };
        match input.lead.parse::<i64>().ok().filter(active) {
            Some(org) => new.lead_organisation_id = Some(org),
            None => {
                let mut errors = FieldErrors::new();
                errors.add("lead", "error-choose-option");
                return Err(ActionError::Invalid(errors));
            }
        }
    }
    Ok(state
        .db
        .update_initiative(id, &new, acting(user, None))
        .await?)
}

/// Moves the initiative to another stage, if the person's part and the gates allow.
pub async fn transition(
    state: &AppState,
    user: &User,
    id: i64,
    to: Stage,
    reason: Option<&str>,
) -> ActionResult<()> {
    let scope = load(state, user, id).await?;
    let (initiative, standing) = (&scope.initiative, &scope.standing);
    let facts = scope.facts(state).await?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    // Who may take the step is decided before the reason's length is looked at.
    lifecycle::check_transition(facts, to, &standing.parties, reason)
        .map_err(|r| ActionError::App(AppError::Refused(lifecycle::explain(facts, r))))?;
    if let Some(reason) = reason
        && reason.chars().count() > 5_000
    {
        let mut errors = FieldErrors::new();
        errors.add("reason", "error-too-long");
        return Err(ActionError::Invalid(errors));
    }
    if standing.convener_staff {
        super::integrity::check_convener_decides(state, user, &scope).await?;
    }
    match state
        .db
        .set_stage(id, initiative.revision, to, reason, acting(user, None))
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::App(AppError::Conflict(
            "error-changed-meanwhile",
        ))),
        other => Ok(other?),
    }
}

/// The convener engages: the person becomes the contact, and an idea is convened, in one
/// transaction (the move is checked first, as it will stand once the contact is named).
pub async fn engage(state: &AppState, user: &User, id: i64) -> ActionResult<()> {
    let scope = load(state, user, id).await?;
    if !scope.standing.convener_staff {
        return Err(ActionError::App(AppError::Refused(
            lifecycle::Refusal::NotYourPart {
                allowed: vec![Party::ConvenerStaff],
            },
        )));
    }
    let convene = scope.initiative.stage == Stage::Idea;
    if convene {
        let mut engaged = scope.facts(state).await?.clone();
        engaged.convener_engaged = true;
        lifecycle::check_transition(&engaged, Stage::Convened, &scope.standing.parties, None)
            .map_err(|r| ActionError::App(AppError::Refused(r)))?;
        super::integrity::check_convener_decides(state, user, &scope).await?;
    }
    match state
        .db
        .engage(
            id,
            scope.initiative.revision,
            user.id,
            convene,
            acting(user, None),
        )
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::App(AppError::Conflict(
            "error-changed-meanwhile",
        ))),
        other => Ok(other?),
    }
}

/// The convener records the work-plan placement.
pub async fn place_in_work_plan(
    state: &AppState,
    user: &User,
    id: i64,
    placement: &str,
    item: &str,
    budget_line: &str,
    reason: &str,
) -> ActionResult<()> {
    let scope = load(state, user, id).await?;
    let (standing,) = (&scope.standing,);
    if !standing.convener_staff {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    super::integrity::check_convener_decides(state, user, &scope).await?;
    let mut errors = FieldErrors::new();
    let item = errors
        .check("work_plan_item", validate::optional_line(item, 300))
        .flatten();
    let budget_line = errors
        .check("budget_line", validate::optional_line(budget_line, 100))
        .flatten();
    let reason = errors
        .check("no_budget_reason", validate::optional_text(reason, 2_000))
        .flatten();
    let placement = match placement {
        "placed" => {
            if item.is_none() {
                errors.add("work_plan_item", "error-required");
            }
            WorkPlanPlacement::Placed
        }
        "no-budget-needed" => {
            if reason.is_none() {
                errors.add("no_budget_reason", "error-required");
            }
            WorkPlanPlacement::NoBudgetNeeded
        }
        _ => {
            errors.add("work_plan", "error-choose-option");
            WorkPlanPlacement::NotRecorded
        }
    };
    errors.into_result().map_err(ActionError::Invalid)?;
    Ok(state
        .db
        .set_work_plan(
            id,
            &placement,
            item.as_deref(),
            budget_line.as_deref(),
            reason.as_deref(),
            acting(user, None),
        )
        .await?)
}
