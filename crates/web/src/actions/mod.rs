//! What people do, once for the pages and the API alike: check who may, validate, store, notify.
//! Pages turn an `ActionError::Invalid` into the form shown again with its errors; the API into a
//! 422 with the same field errors. Authorisation lives here, so neither face can forget it.

use shutaf_domain::authz::{self, Actor, LocalityAction, OrganisationAction};
use shutaf_domain::validate::{self, Email, FieldErrors};
use shutaf_domain::{
    ContributionType, Language, LocalityKind, MemberRole, OrganisationKind, Sector,
};
use shutaf_store::{
    Invitation, Locality, NewLocality, NewOrganisation, Organisation, StoreError, User,
};

use crate::AppState;
use crate::error::AppError;
use crate::i18n::Tr;

/// Why an action did not happen.
#[derive(Debug)]
pub enum ActionError {
    /// The input has problems, field by field.
    Invalid(FieldErrors),
    /// The person may not do this; the Fluent key says why.
    Refused(&'static str),
    /// Anything else (not found, storage failure, ...).
    App(AppError),
}

impl From<AppError> for ActionError {
    fn from(error: AppError) -> Self {
        ActionError::App(error)
    }
}

impl From<StoreError> for ActionError {
    fn from(error: StoreError) -> Self {
        ActionError::App(error.into())
    }
}

impl From<ActionError> for AppError {
    fn from(error: ActionError) -> Self {
        match error {
            ActionError::Invalid(fields) => AppError::Invalid(fields),
            ActionError::Refused(key) => AppError::Forbidden(key),
            ActionError::App(error) => error,
        }
    }
}

pub type ActionResult<T> = Result<T, ActionError>;

pub fn actor(user: &User) -> Actor {
    Actor {
        signed_in: true,
        platform_admin: user.platform_admin(),
    }
}

/// The organisation fields as typed, from a form or the API.
#[derive(Debug, Default, Clone)]
pub struct OrganisationInput {
    pub name_he: String,
    pub name_ar: String,
    pub name_en: String,
    pub sector: String,
    pub kind: String,
    pub description: String,
    pub website: String,
    pub contributions: Vec<String>,
    pub contributions_text: String,
    pub localities: Vec<String>,
}

/// Validates an organisation against the rules and the localities that exist.
pub fn validate_organisation(
    input: &OrganisationInput,
    localities: &[Locality],
) -> Result<NewOrganisation, FieldErrors> {
    let mut errors = FieldErrors::new();
    let names = validate::names_per_language(
        &mut errors,
        "name",
        &input.name_he,
        &input.name_ar,
        &input.name_en,
    );
    let sector = errors.check(
        "sector",
        Sector::parse(&input.sector).ok_or("error-choose-option"),
    );
    let kind = errors.check(
        "kind",
        OrganisationKind::parse(&input.kind).ok_or("error-choose-option"),
    );
    if let (Some(sector), Some(kind)) = (sector, kind)
        && !kind.fits(sector)
    {
        errors.add("kind", "error-kind-sector");
    }
    let description = errors
        .check(
            "description",
            validate::optional_text(&input.description, 10_000),
        )
        .flatten();
    let website = errors
        .check("website", validate::optional_website(&input.website))
        .flatten();
    let contributions_text = errors
        .check(
            "contributions_text",
            validate::optional_text(&input.contributions_text, 2_000),
        )
        .flatten();
    let mut contributions = Vec::new();
    for code in &input.contributions {
        match ContributionType::parse(code) {
            Some(c) => contributions.push(c),
            None => errors.add("contributions", "error-choose-option"),
        }
    }
    let mut locality_ids = Vec::new();
    for id in &input.localities {
        match id
            .parse::<i64>()
            .ok()
            .filter(|id| localities.iter().any(|l| l.id == *id))
        {
            Some(id) => locality_ids.push(id),
            None => errors.add("localities", "error-choose-option"),
        }
    }
    errors.into_result()?;
    Ok(NewOrganisation {
        names,
        sector,
        kind,
        description,
        website,
        contributions,
        contributions_text,
        locality_ids,
    })
}

fn require_verified(user: &User) -> ActionResult<()> {
    if user.is_verified() {
        Ok(())
    } else {
        Err(ActionError::Refused("refused-unverified"))
    }
}

/// Loads an organisation and checks the person may act on it; gives their role too.
pub async fn authorise(
    state: &AppState,
    user: &User,
    id: i64,
    action: OrganisationAction,
) -> ActionResult<(Organisation, Option<MemberRole>)> {
    let org = state.db.organisation(id).await?.ok_or(AppError::NotFound)?;
    let role = state.db.role_in(id, user.id).await?;
    authz::organisation(actor(user), role, action).map_err(ActionError::Refused)?;
    Ok((org, role))
}

pub async fn create_organisation(
    state: &AppState,
    user: &User,
    input: &OrganisationInput,
) -> ActionResult<Organisation> {
    require_verified(user)?;
    authz::organisation(actor(user), None, OrganisationAction::Create)
        .map_err(ActionError::Refused)?;
    let localities = state.db.localities().await?;
    let org = validate_organisation(input, &localities).map_err(ActionError::Invalid)?;
    Ok(state.db.create_organisation(&org, user.id).await?)
}

pub async fn update_organisation(
    state: &AppState,
    user: &User,
    id: i64,
    input: &OrganisationInput,
) -> ActionResult<Organisation> {
    authorise(state, user, id, OrganisationAction::Edit).await?;
    let localities = state.db.localities().await?;
    let org = validate_organisation(input, &localities).map_err(ActionError::Invalid)?;
    state.db.update_organisation(id, &org).await?;
    Ok(state.db.organisation(id).await?.ok_or(AppError::NotFound)?)
}

/// Invites a person by email and mails them the link, in the inviter's language.
pub async fn invite(
    state: &AppState,
    user: &User,
    id: i64,
    email: &str,
    role: &str,
    lang: Language,
) -> ActionResult<Invitation> {
    let (org, actor_role) = authorise(state, user, id, OrganisationAction::Invite).await?;
    let mut errors = FieldErrors::new();
    let email = errors.check("email", Email::parse(email));
    let role = errors.check("role", MemberRole::parse(role).ok_or("error-choose-option"));
    if role == Some(MemberRole::Owner)
        && actor_role != Some(MemberRole::Owner)
        && !user.platform_admin()
    {
        errors.add("role", "refused-only-owner-manages-owners");
    }
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        return Err(ActionError::Invalid(errors));
    };
    let (invitation, token) = state
        .db
        .create_invitation(id, email.as_str(), role, user.id)
        .await?;
    let link = format!("{}/invitations/{token}", state.config.base());
    let tr = Tr::new(lang);
    let name = org.name(lang);
    let subject = tr.args("mail-invite-subject", &[("organisation", name)]);
    let body = tr.args(
        "mail-invite-body",
        &[
            ("organisation", name),
            ("inviter", &user.display_name),
            ("link", &link),
        ],
    );
    if let Err(e) = state.mailer.send(email.as_str(), &subject, &body).await {
        tracing::error!(error = %e, "invitation mail could not be sent");
    }
    Ok(invitation)
}

/// Changes a member's role, or removes them with `None`.
pub async fn change_member(
    state: &AppState,
    user: &User,
    id: i64,
    member_id: i64,
    new_role: Option<MemberRole>,
) -> ActionResult<()> {
    let (_, role) = authorise(state, user, id, OrganisationAction::ManageMembers).await?;
    let target = state
        .db
        .role_in(id, member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let owners = state.db.owner_count(id).await?;
    authz::change_role(actor(user), role, target, new_role, owners)
        .map_err(ActionError::Refused)?;
    match state.db.set_member_role(id, member_id, new_role).await {
        Err(StoreError::Conflict) => Err(ActionError::Refused("refused-last-owner")),
        other => Ok(other?),
    }
}

pub async fn leave(state: &AppState, user: &User, id: i64) -> ActionResult<()> {
    let role = state
        .db
        .role_in(id, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let owners = state.db.owner_count(id).await?;
    authz::leave(role, owners).map_err(ActionError::Refused)?;
    match state.db.set_member_role(id, user.id, None).await {
        Err(StoreError::Conflict) => Err(ActionError::Refused("refused-last-owner")),
        other => Ok(other?),
    }
}

/// Accepts an invitation; gives the organisation's id.
pub async fn accept_invitation(state: &AppState, user: &User, token: &str) -> ActionResult<i64> {
    require_verified(user)?;
    // An invitation is for the address it was sent to. Whoever else holds the link (forwarded,
    // leaked from a shared inbox or a log) does not become a member, administrator or owner.
    if let Some(invitation) = state.db.invitation_by_token(token).await?
        && !invitation
            .email
            .trim()
            .eq_ignore_ascii_case(user.email.trim())
    {
        return Err(ActionError::Refused("error-link-invalid"));
    }
    match state.db.accept_invitation(token, user.id).await {
        Ok(id) => Ok(id),
        Err(StoreError::NotFound) => {
            Err(ActionError::App(AppError::BadRequest("error-link-invalid")))
        }
        Err(e) => Err(e.into()),
    }
}

/// The locality fields as typed.
#[derive(Debug, Default, Clone)]
pub struct LocalityInput {
    pub name_he: String,
    pub name_ar: String,
    pub name_en: String,
    pub kind: String,
    pub convener: String,
    pub description: String,
}

pub(crate) fn locality_fields(
    errors: &mut FieldErrors,
    input: &LocalityInput,
) -> ([Option<String>; 3], Option<LocalityKind>, Option<String>) {
    let names = validate::names_per_language(
        errors,
        "name",
        &input.name_he,
        &input.name_ar,
        &input.name_en,
    );
    let kind = errors.check(
        "kind",
        LocalityKind::parse(&input.kind).ok_or("error-choose-option"),
    );
    let description = errors
        .check(
            "description",
            validate::optional_text(&input.description, 10_000),
        )
        .flatten();
    (names, kind, description)
}

/// Loads a locality and checks the person may act on it (platform admins; the convener's
/// owners and administrators may edit).
pub async fn authorise_locality(
    state: &AppState,
    user: &User,
    id: i64,
    action: LocalityAction,
) -> ActionResult<Locality> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let role = state
        .db
        .role_in(locality.convener_organisation_id, user.id)
        .await?;
    authz::locality(actor(user), role, action).map_err(ActionError::Refused)?;
    Ok(locality)
}

/// Edits a locality's profile.
pub async fn update_locality(
    state: &AppState,
    user: &User,
    id: i64,
    input: &LocalityInput,
) -> ActionResult<Locality> {
    authorise_locality(state, user, id, LocalityAction::Edit).await?;
    let mut errors = FieldErrors::new();
    let (names, kind, description) = locality_fields(&mut errors, input);
    let (Some(kind), true) = (kind, errors.is_empty()) else {
        return Err(ActionError::Invalid(errors));
    };
    state
        .db
        .update_locality(id, &names, kind, description.as_deref())
        .await?;
    Ok(state.db.locality(id).await?.ok_or(AppError::NotFound)?)
}

/// Creates a locality with its convener, which must be a public body.
pub async fn create_locality(
    state: &AppState,
    user: &User,
    input: &LocalityInput,
) -> ActionResult<Locality> {
    authz::locality(actor(user), None, LocalityAction::Create).map_err(ActionError::Refused)?;
    let mut errors = FieldErrors::new();
    let names = validate::names_per_language(
        &mut errors,
        "name",
        &input.name_he,
        &input.name_ar,
        &input.name_en,
    );
    let kind = errors.check(
        "kind",
        LocalityKind::parse(&input.kind).ok_or("error-choose-option"),
    );
    let convener = errors.check(
        "convener",
        input
            .convener
            .trim()
            .parse::<i64>()
            .map_err(|_| "error-choose-option"),
    );
    let description = errors
        .check(
            "description",
            validate::optional_text(&input.description, 10_000),
        )
        .flatten();
    if let Some(convener) = convener {
        match state.db.organisation(convener).await? {
            Some(org) if org.sector == Sector::Public => {}
            _ => errors.add("convener", "error-convener-public"),
        }
    }
    let (Some(kind), Some(convener_organisation_id), true) = (kind, convener, errors.is_empty())
    else {
        return Err(ActionError::Invalid(errors));
    };
    Ok(state
        .db
        .create_locality(&NewLocality {
            names,
            kind,
            convener_organisation_id,
            description,
        })
        .await?)
}
pub mod calls;
pub mod checkpoints;
pub mod donations;
pub mod initiatives;
pub mod integrity;
pub mod redactions;

/// A goal's fields as typed.
#[derive(Debug, Default, Clone)]
pub struct GoalInput {
    pub titles: [String; 3],
    pub descriptions: [String; 3],
    pub department: String,
    pub horizon: String,
    pub work_plan_year: String,
    pub budget_line: String,
    pub status: String,
    /// SDG codes separated by commas or spaces: `7, 7.2, 7.2.1`.
    pub sdg_codes: String,
}

/// Goal statuses.
pub const GOAL_STATUSES: &[&str] = &["active", "achieved", "dropped"];

fn year(errors: &mut FieldErrors, field: &str, input: &str) -> Option<i64> {
    let input = input.trim();
    if input.is_empty() {
        return None;
    }
    match input.parse::<i64>() {
        Ok(y) if (2000..=2100).contains(&y) => Some(y),
        _ => {
            errors.add(field, "error-year");
            None
        }
    }
}

/// Validates a goal, its SDG codes included.
pub fn validate_goal(
    input: &GoalInput,
    local_targets: &[String],
) -> Result<shutaf_store::NewGoal, FieldErrors> {
    let mut errors = FieldErrors::new();
    let titles = validate::names_per_language(
        &mut errors,
        "title",
        &input.titles[0],
        &input.titles[1],
        &input.titles[2],
    );
    let descriptions = ["he", "ar", "en"].map(|lang| lang.to_owned());
    let descriptions: Vec<Option<String>> = descriptions
        .iter()
        .zip(&input.descriptions)
        .map(|(lang, value)| {
            errors
                .check(
                    &format!("description_{lang}"),
                    validate::optional_text(value, 10_000),
                )
                .flatten()
        })
        .collect();
    let department = errors
        .check(
            "department",
            validate::optional_line(&input.department, 200),
        )
        .flatten();
    let horizon = year(&mut errors, "horizon", &input.horizon);
    let work_plan_year = year(&mut errors, "work_plan_year", &input.work_plan_year);
    let budget_line = errors
        .check(
            "budget_line",
            validate::optional_line(&input.budget_line, 100),
        )
        .flatten();
    let status = if input.status.is_empty() {
        "active"
    } else {
        input.status.as_str()
    };
    if !GOAL_STATUSES.contains(&status) {
        errors.add("status", "error-choose-option");
    }
    let mut sdg_codes = Vec::new();
    for code in input
        .sdg_codes
        .split([',', ' ', ';', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        match shutaf_domain::sdg::SdgCode::parse(code) {
            Ok(parsed) if parsed.is_local() && !local_targets.contains(&parsed.to_string()) => {
                if errors.for_field("sdg_codes").is_none() {
                    errors.add("sdg_codes", "error-sdg-local-undefined");
                }
            }
            Ok(parsed) => sdg_codes.push(parsed.to_string()),
            Err(key) => {
                if errors.for_field("sdg_codes").is_none() {
                    errors.add("sdg_codes", key);
                }
            }
        }
    }
    errors.into_result()?;
    Ok(shutaf_store::NewGoal {
        titles,
        descriptions: [
            descriptions[0].clone(),
            descriptions[1].clone(),
            descriptions[2].clone(),
        ],
        department,
        horizon,
        work_plan_year,
        budget_line,
        status: status.to_owned(),
        sdg_codes,
    })
}

async fn authorise_agenda(
    state: &AppState,
    user: &User,
    locality_id: i64,
) -> ActionResult<Locality> {
    let locality = state
        .db
        .locality(locality_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let role = state
        .db
        .role_in(locality.convener_organisation_id, user.id)
        .await?;
    authz::edit_agenda(actor(user), role).map_err(ActionError::Refused)?;
    Ok(locality)
}

/// The locality's staff add a goal to its agenda.
pub async fn create_goal(
    state: &AppState,
    user: &User,
    locality_id: i64,
    input: &GoalInput,
) -> ActionResult<i64> {
    authorise_agenda(state, user, locality_id).await?;
    let goal = validate_goal(input, &local_codes(state, locality_id).await?)
        .map_err(ActionError::Invalid)?;
    Ok(state.db.create_goal(locality_id, &goal).await?)
}

/// The locality's staff edit a goal.
pub async fn update_goal(
    state: &AppState,
    user: &User,
    goal_id: i64,
    input: &GoalInput,
) -> ActionResult<i64> {
    let existing = state.db.goal(goal_id).await?.ok_or(AppError::NotFound)?;
    authorise_agenda(state, user, existing.locality_id).await?;
    let goal = validate_goal(input, &local_codes(state, existing.locality_id).await?)
        .map_err(ActionError::Invalid)?;
    state.db.update_goal(goal_id, &goal).await?;
    Ok(existing.locality_id)
}

async fn local_codes(state: &AppState, locality_id: i64) -> ActionResult<Vec<String>> {
    Ok(state
        .db
        .local_targets_of(locality_id)
        .await?
        .into_iter()
        .map(|t| t.code)
        .collect())
}

/// The locality's staff define one of its own targets under an official SDG target.
pub async fn define_local_target(
    state: &AppState,
    user: &User,
    locality_id: i64,
    code: &str,
    titles: &[String; 3],
) -> ActionResult<()> {
    authorise_agenda(state, user, locality_id).await?;
    let mut errors = FieldErrors::new();
    match shutaf_domain::sdg::SdgCode::parse(code) {
        Ok(parsed) if parsed.is_local() => {}
        Ok(_) => errors.add("code", "error-sdg-local-code"),
        Err(key) => errors.add("code", key),
    }
    let names =
        validate::names_per_language(&mut errors, "title", &titles[0], &titles[1], &titles[2]);
    errors.into_result().map_err(ActionError::Invalid)?;
    Ok(state
        .db
        .set_local_target(locality_id, code.trim(), &names)
        .await?)
}

/// Acting for an organisation (proposing, applying, offering an alternative) needs owning or
/// administering one: a person who manages none is refused before what they sent is validated,
/// so that authorisation, not validation, answers them. Which of their organisations they chose
/// is then checked as a field ([`managed_organisation`]).
pub async fn require_manages_some(state: &AppState, user: &User) -> ActionResult<()> {
    let manages = state
        .db
        .organisations_of(user.id)
        .await?
        .iter()
        .any(|(_, role)| role.manages());
    if manages {
        Ok(())
    } else {
        Err(ActionError::Refused("refused-not-organisation-admin"))
    }
}

/// The organisation a person acts for, typed as its id in field `organisation`: it must be one
/// they own or administer. Adds the field's error otherwise.
pub async fn managed_organisation(
    state: &AppState,
    user: &User,
    typed: &str,
    errors: &mut FieldErrors,
) -> ActionResult<Option<i64>> {
    let Ok(id) = typed.trim().parse::<i64>() else {
        errors.add("organisation", "error-choose-option");
        return Ok(None);
    };
    let manages = state
        .db
        .role_in(id, user.id)
        .await?
        .is_some_and(|role| role.manages());
    if manages {
        Ok(Some(id))
    } else {
        errors.add("organisation", "error-organisation-managed");
        Ok(None)
    }
}
