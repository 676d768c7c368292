//! The partnership charter: proposing a version, endorsing the current one.

use super::*;

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
    if organisation_id
        == crate::actions::integrity::convener_of(state, initiative.locality_id).await?
    {
        crate::actions::integrity::check_convener_decides(state, user, &scope).await?;
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

/// The language to write to a person in.
pub fn language_of(state: &AppState, user: &User) -> Language {
    user.language().unwrap_or(state.config.default_language)
}
