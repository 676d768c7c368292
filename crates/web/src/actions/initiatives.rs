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
    user: &User,
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
    let convener_staff =
        memberships.iter().any(|(org, _)| *org == convener) || user.platform_admin();
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
        user,
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
                    .facts_of_initiative(&self.initiative, &self.partners, shutaf_store::now())
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
    let standing = standing_of(user, &memberships, convener, &initiative, &partners);
    Ok(Scope {
        initiative,
        partners,
        convener,
        standing,
        facts: tokio::sync::OnceCell::new(),
    })
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

/// The facts of an initiative now.
pub async fn facts(state: &AppState, id: i64) -> ActionResult<InitiativeFacts> {
    Ok(state
        .db
        .facts(id, shutaf_store::now())
        .await?
        .ok_or(AppError::NotFound)?)
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
        .map_err(|r| ActionError::App(AppError::Refused(r)))?;
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

/// The convener engages: the person becomes the contact, and the idea is convened.
pub async fn engage(state: &AppState, user: &User, id: i64) -> ActionResult<()> {
    let Scope {
        initiative,
        standing,
        ..
    } = load(state, user, id).await?;
    if !standing.convener_staff {
        return Err(ActionError::App(AppError::Refused(
            lifecycle::Refusal::NotYourPart {
                allowed: vec![Party::ConvenerStaff],
            },
        )));
    }
    match state
        .db
        .set_convener_contact(id, initiative.revision, user.id, acting(user, None))
        .await
    {
        Err(StoreError::Conflict) => {
            return Err(ActionError::App(AppError::Conflict(
                "error-changed-meanwhile",
            )));
        }
        other => other?,
    }
    if initiative.stage == Stage::Idea {
        transition(state, user, id, Stage::Convened, None).await?;
    }
    Ok(())
}

/// The lead invites an organisation, or an organisation the person manages asks to join;
/// when both have happened it is a partner.
pub async fn propose_partner(
    state: &AppState,
    user: &User,
    id: i64,
    organisation_id: i64,
) -> ActionResult<PartnerStatus> {
    let Scope {
        initiative,
        standing,
        ..
    } = load(state, user, id).await?;
    if initiative.stage.is_final() {
        return Err(ActionError::Refused("refused-initiative-ended"));
    }
    let manages_it = state
        .db
        .role_in(organisation_id, user.id)
        .await?
        .is_some_and(MemberRole::manages);
    let status = if manages_it {
        PartnerStatus::Requested
    } else if standing.is(Party::Lead) {
        PartnerStatus::Invited
    } else {
        return Err(ActionError::Refused("refused-not-your-part"));
    };
    if state.db.organisation(organisation_id).await?.is_none() {
        return Err(ActionError::App(AppError::NotFound));
    }
    match state
        .db
        .propose_partner(
            id,
            organisation_id,
            status,
            acting(user, Some(organisation_id)),
        )
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::App(AppError::Conflict(
            "error-already-partner",
        ))),
        other => Ok(other?),
    }
}

/// The lead removes an organisation (or refuses its request); an organisation leaves.
pub async fn remove_partner(
    state: &AppState,
    user: &User,
    id: i64,
    organisation_id: i64,
) -> ActionResult<()> {
    let Scope {
        initiative,
        standing,
        ..
    } = load(state, user, id).await?;
    let own = state
        .db
        .role_in(organisation_id, user.id)
        .await?
        .is_some_and(MemberRole::manages);
    if !(own || standing.is(Party::Lead)) || organisation_id == initiative.initiator_organisation_id
    {
        return Err(ActionError::Refused("refused-not-your-part"));
    }
    Ok(state
        .db
        .remove_partner(id, organisation_id, acting(user, Some(organisation_id)))
        .await?)
}

fn require_manages(standing: &Standing, organisation_id: i64) -> ActionResult<()> {
    if standing.manages.contains(&organisation_id) {
        Ok(())
    } else {
        Err(ActionError::Refused("refused-not-your-part"))
    }
}

/// A partner records its role, interests and expected benefits.
pub async fn describe_partner(
    state: &AppState,
    user: &User,
    id: i64,
    organisation_id: i64,
    role: &str,
    interests: &str,
    benefits: &str,
) -> ActionResult<()> {
    let Scope { standing, .. } = load(state, user, id).await?;
    require_manages(&standing, organisation_id)?;
    let mut errors = FieldErrors::new();
    let role = errors
        .check("role", validate::optional_text(role, 2_000))
        .flatten();
    let interests = errors
        .check("interests", validate::optional_text(interests, 5_000))
        .flatten();
    let benefits = errors
        .check("benefits", validate::optional_text(benefits, 5_000))
        .flatten();
    errors.into_result().map_err(ActionError::Invalid)?;
    Ok(state
        .db
        .describe_partner(
            id,
            organisation_id,
            role.as_deref(),
            interests.as_deref(),
            benefits.as_deref(),
            acting(user, Some(organisation_id)),
        )
        .await?)
}

/// Parses an amount in shekels ("12,500" or "12500.50") into agorot.
pub fn parse_shekels(input: &str) -> Result<Option<i64>, &'static str> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '₪' && !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > 2
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err("error-amount");
    }
    let whole: i64 = whole.parse().map_err(|_| "error-amount")?;
    let fraction: i64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| "error-amount")?;
    whole
        .checked_mul(100)
        .and_then(|a| a.checked_add(fraction))
        .filter(|a| *a <= 1_000_000_000_000)
        .map(Some)
        .ok_or("error-amount")
}

/// A partner commits a contribution.
pub async fn add_contribution(
    state: &AppState,
    user: &User,
    id: i64,
    organisation_id: i64,
    fields: [&str; 5], // type, description, cash, in-kind estimate, period
) -> ActionResult<i64> {
    let Scope { standing, .. } = load(state, user, id).await?;
    require_manages(&standing, organisation_id)?;
    let mut errors = FieldErrors::new();
    let contribution = errors.check(
        "contribution",
        ContributionType::parse(fields[0]).ok_or("error-choose-option"),
    );
    let description = errors
        .check("description", validate::optional_text(fields[1], 2_000))
        .flatten();
    let cash_agorot = errors.check("cash", parse_shekels(fields[2])).flatten();
    let in_kind_agorot = errors.check("in_kind", parse_shekels(fields[3])).flatten();
    let period = errors
        .check("period", validate::optional_line(fields[4], 200))
        .flatten();
    let (Some(contribution), true) = (contribution, errors.is_empty()) else {
        return Err(ActionError::Invalid(errors));
    };
    let new = NewContribution {
        contribution,
        description,
        cash_agorot,
        in_kind_agorot,
        period,
    };
    Ok(state
        .db
        .add_contribution(
            id,
            organisation_id,
            &new,
            acting(user, Some(organisation_id)),
        )
        .await?)
}

pub async fn remove_contribution(
    state: &AppState,
    user: &User,
    id: i64,
    organisation_id: i64,
    contribution_id: i64,
) -> ActionResult<()> {
    let Scope { standing, .. } = load(state, user, id).await?;
    require_manages(&standing, organisation_id)?;
    Ok(state
        .db
        .remove_contribution(
            id,
            organisation_id,
            contribution_id,
            acting(user, Some(organisation_id)),
        )
        .await?)
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

/// The convener records how the business partner was chosen.
pub async fn record_integrity(
    state: &AppState,
    user: &User,
    id: i64,
    competition: bool,
    exemption: &str,
    text: &str,
) -> ActionResult<()> {
    let scope = load(state, user, id).await?;
    let (standing,) = (&scope.standing,);
    if !standing.convener_staff {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    super::integrity::check_convener_decides(state, user, &scope).await?;
    let mut errors = FieldErrors::new();
    let exemption = match exemption {
        "" => None,
        code if Exemption::parse(code).is_some() => Some(code),
        _ => {
            errors.add("exemption", "error-choose-option");
            None
        }
    };
    let text = errors
        .check("exemption_text", validate::optional_text(text, 5_000))
        .flatten();
    if exemption.is_some() && text.is_none() {
        errors.add("exemption_text", "error-required");
    }
    errors.into_result().map_err(ActionError::Invalid)?;
    Ok(state
        .db
        .set_integrity(
            id,
            competition,
            exemption,
            text.as_deref(),
            acting(user, None),
        )
        .await?)
}

/// A person who decides declares their interests: none, or ties with organisations. A tie with
/// a partner means stepping aside from the initiative (recorded on the public log). Gives the
/// partners they stepped aside from.
pub async fn declare_interests(
    state: &AppState,
    user: &User,
    id: i64,
    input: &super::integrity::DeclarationInput,
) -> ActionResult<Vec<i64>> {
    let Scope {
        initiative,
        standing,
        ..
    } = load(state, user, id).await?;
    // The organisation the person decides for: the convener, or a partner they manage.
    let organisation_id = if standing.convener_staff {
        super::integrity::convener_of(state, initiative.locality_id).await?
    } else if let Some(org) = standing.manages.first() {
        *org
    } else {
        return Err(ActionError::Refused("refused-not-your-part"));
    };
    let declaration = super::integrity::validate_declaration(state, input, organisation_id).await?;
    Ok(state
        .db
        .declare_interests(id, &declaration, acting(user, Some(organisation_id)))
        .await?)
}

/// The sections of a charter, in order.
pub const CHARTER_SECTIONS: &[&str] = &[
    "vision",
    "objectives",
    "roles",
    "contributions",
    "interests",
    "governance",
    "decisions",
    "meetings",
    "disputes",
    "communication",
    "publicity",
    "review",
    "exit",
];

/// A partner proposes a new charter version (sections as typed). Vision and objectives are needed.
pub async fn propose_charter(
    state: &AppState,
    user: &User,
    id: i64,
    organisation_id: i64,
    sections: &[(String, String)],
) -> ActionResult<i64> {
    let Scope { standing, .. } = load(state, user, id).await?;
    require_manages(&standing, organisation_id)?;
    let mut errors = FieldErrors::new();
    let mut content = serde_json::Map::new();
    for section in CHARTER_SECTIONS {
        let value = sections
            .iter()
            .find(|(k, _)| k == section)
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        if let Some(text) = errors
            .check(section, validate::optional_text(value, 10_000))
            .flatten()
        {
            content.insert((*section).to_owned(), serde_json::Value::String(text));
        }
    }
    for required in ["vision", "objectives"] {
        if !content.contains_key(required) && errors.for_field(required).is_none() {
            errors.add(required, "error-required");
        }
    }
    errors.into_result().map_err(ActionError::Invalid)?;
    let json = serde_json::Value::Object(content).to_string();
    Ok(state
        .db
        .propose_charter(
            id,
            &json,
            organisation_id,
            acting(user, Some(organisation_id)),
        )
        .await?)
}

/// A partner endorses the current version (an owner or administrator of it acts).
pub async fn endorse(
    state: &AppState,
    user: &User,
    id: i64,
    organisation_id: i64,
    version: i64,
) -> ActionResult<()> {
    let scope = load(state, user, id).await?;
    let (initiative, standing) = (&scope.initiative, &scope.standing);
    require_manages(standing, organisation_id)?;
    if organisation_id == super::integrity::convener_of(state, initiative.locality_id).await? {
        super::integrity::check_convener_decides(state, user, &scope).await?;
    }
    match state
        .db
        .endorse(
            id,
            version,
            organisation_id,
            acting(user, Some(organisation_id)),
        )
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::App(AppError::Conflict(
            "error-charter-not-current",
        ))),
        other => Ok(other?),
    }
}

/// A partner answers the expectations questionnaire.
pub async fn answer_expectations(
    state: &AppState,
    user: &User,
    id: i64,
    organisation_id: i64,
    answers: &[(String, String)],
) -> ActionResult<()> {
    let Scope { standing, .. } = load(state, user, id).await?;
    require_manages(&standing, organisation_id)?;
    let given: Vec<(&str, &str)> = answers
        .iter()
        .filter(|(_, a)| !a.is_empty())
        .map(|(q, a)| (q.as_str(), a.as_str()))
        .collect();
    if let Err(code) =
        shutaf_domain::expectations::ExpectationAnswers::from_codes(given.iter().copied())
    {
        let mut errors = FieldErrors::new();
        errors.add("answers", code);
        return Err(ActionError::Invalid(errors));
    }
    Ok(state
        .db
        .set_expectations(
            id,
            organisation_id,
            &given,
            acting(user, Some(organisation_id)),
        )
        .await?)
}

/// The language to write to a person in.
pub fn language_of(state: &AppState, user: &User) -> Language {
    user.language().unwrap_or(state.config.default_language)
}

/// The organisations that would best complete an initiative, best first, with their reasons.
pub async fn suggestions(
    state: &AppState,
    id: i64,
    limit: usize,
) -> ActionResult<Vec<shutaf_domain::matching::Suggestion>> {
    use shutaf_domain::matching::{Need, rank};
    let initiative = state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let partners = state.db.partners(id).await?;
    let facts = facts(state, id).await?;
    let goals = state.db.goals_by_ids(&initiative.goal_ids).await?;
    let mut sdg_goals: Vec<u8> = goals.iter().flat_map(|g| g.sdg_goals()).collect();
    sdg_goals.sort_unstable();
    sdg_goals.dedup();
    let need = Need {
        uncovered: facts.uncovered(),
        partner_sectors: partners
            .iter()
            .filter(|p| p.status == PartnerStatus::Active)
            .map(|p| p.sector)
            .collect(),
        sdg_goals,
        exclude: partners.iter().map(|p| p.organisation_id).collect(),
    };
    let candidates = state
        .db
        .matching_candidates(initiative.locality_id, &need)
        .await?;
    Ok(rank(&need, candidates, limit))
}
