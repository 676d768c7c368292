//! The expectations questionnaire.

use super::*;

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
