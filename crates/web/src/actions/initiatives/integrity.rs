//! The initiative's integrity record: how the business partner was chosen, and declarations of
//! interest by the people who decide.

use super::*;

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
    crate::actions::integrity::check_convener_decides(state, user, &scope).await?;
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
    input: &crate::actions::integrity::DeclarationInput,
) -> ActionResult<Vec<i64>> {
    let Scope {
        initiative,
        standing,
        ..
    } = load(state, user, id).await?;
    // The organisation the person decides for: the convener, or a partner they manage.
    let organisation_id = if standing.convener_staff {
        crate::actions::integrity::convener_of(state, initiative.locality_id).await?
    } else if let Some(org) = standing.manages.first() {
        *org
    } else {
        return Err(ActionError::Refused("refused-not-your-part"));
    };
    let declaration =
        crate::actions::integrity::validate_declaration(state, input, organisation_id).await?;
    Ok(state
        .db
        .declare_interests(id, &declaration, acting(user, Some(organisation_id)))
        .await?)
}
