//! Matching: the organisations that would best complete an initiative. At most
//! `AppState::matching` requests rank at once (a semaphore of [`MATCHING_PERMITS`]); the others
//! wait for a permit.

use super::*;

/// How many suggestion requests rank at once; the others wait (in order) for a permit. Each
/// is one statement over a locality's kept profiles, so a few keep both cores busy.
pub const MATCHING_PERMITS: usize = 4;

/// The organisations that would best complete an initiative, best first, with their reasons.
pub async fn suggestions(
    state: &AppState,
    id: i64,
    limit: usize,
) -> ActionResult<Vec<shutaf_domain::matching::Suggestion>> {
    use shutaf_domain::matching::Need;
    // A few at a time: 64 requests at once queue here instead of scoring (and allocating) together.
    let _permit = state
        .matching
        .acquire()
        .await
        .map_err(|e| AppError::Internal(format!("matching: {e}")))?;
    let initiative = state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let partners = state.db.partners(id).await?;
    let facts = state
        .db
        .facts_of_initiative(&initiative, &partners, state.db.now())
        .await?;
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
    // Ranked in SQL from the kept profiles; the domain words the reasons of the kept few.
    Ok(state
        .db
        .matching_suggestions(initiative.locality_id, &need, limit)
        .await?)
}
