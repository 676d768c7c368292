//! Partners and their contributions: inviting and asking, leaving, describing a partner's part,
//! committing and withdrawing contributions.

use super::*;

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
