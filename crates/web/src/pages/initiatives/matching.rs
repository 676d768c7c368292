//! Matching: organisations that would complete an initiative, and the opportunities where an
//! organisation's contributions are needed.

use axum::Router;
use axum::routing::get;

use super::*;

/// The routes of this part.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/initiatives/{id}/suggestions", get(suggestions))
        .route("/organisations/{id}/opportunities", get(opportunities))
}

/// A suggested organisation, with its reasons in the reader's language.
pub struct ShownSuggestion {
    pub organisation_id: i64,
    pub name: String,
    pub sector: shutaf_domain::Sector,
    pub score: u32,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "suggestions.html")]
pub struct SuggestionsPage {
    pub ctx: Ctx,
    pub initiative: Initiative,
    pub suggestions: Vec<ShownSuggestion>,
    pub can_invite: bool,
}

/// Organisations that would complete the initiative, and why.
pub async fn suggestions(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let initiative = state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let can_invite = match &user {
        Some(user) => act::standing(&state, user, &initiative, &state.db.partners(id).await?)
            .await?
            .is_lead(),
        None => false,
    };
    let ranked = act::suggestions(&state, id, 20).await?;
    let orgs = state
        .db
        .organisation_summaries(&ranked.iter().map(|s| s.organisation_id).collect::<Vec<_>>())
        .await?;
    let lang = ctx.lang();
    let suggestions = ranked
        .into_iter()
        .filter_map(|s| {
            let org = orgs.iter().find(|o| o.id == s.organisation_id)?;
            Some(ShownSuggestion {
                organisation_id: s.organisation_id,
                name: org.name(lang).to_owned(),
                sector: org.sector,
                score: s.score,
                reasons: s.reasons.iter().map(|r| reason_text(&ctx, r)).collect(),
            })
        })
        .collect();
    render(&SuggestionsPage {
        ctx,
        initiative,
        suggestions,
        can_invite,
    })
}

#[derive(Template)]
#[template(path = "opportunities.html")]
pub struct OpportunitiesPage {
    pub ctx: Ctx,
    pub organisation: shutaf_store::Organisation,
    pub opportunities: Vec<ShownOpportunity>,
    pub goals: Vec<Goal>,
}

/// An open initiative where the organisation is needed, as shown.
pub struct ShownOpportunity {
    pub initiative_id: i64,
    pub title: String,
    pub stage: Stage,
    pub covers: String,
}

/// Where an organisation's contributions are needed: open initiatives, and goals no initiative
/// serves yet in the localities it works in.
pub async fn opportunities(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let organisation = state.db.organisation(id).await?.ok_or(AppError::NotFound)?;
    let lang = ctx.lang();
    let opportunities = state
        .db
        .opportunities(id, 20)
        .await?
        .into_iter()
        .map(|o| ShownOpportunity {
            initiative_id: o.initiative_id,
            title: shutaf_store::organisations::pick_name(
                [&o.titles[0], &o.titles[1], &o.titles[2]],
                lang,
            )
            .to_owned(),
            stage: o.stage,
            covers: ctx.tr.join(
                &o.covers
                    .iter()
                    .map(|c| ctx.t(c.label_key()))
                    .collect::<Vec<_>>(),
            ),
        })
        .collect();
    let goals = state.db.open_goals_for(id, 20).await?;
    render(&OpportunitiesPage {
        ctx,
        organisation,
        opportunities,
        goals,
    })
}
