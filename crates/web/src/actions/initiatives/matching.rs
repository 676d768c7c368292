//! Matching: the organisations that would best complete an initiative.

use super::*;

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
