//! The API of matching: suggested partners for an initiative, opportunities for an organisation.

use super::*;
use crate::api::agenda::GoalBody;

/// The routes of this part.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(suggestions))
        .routes(routes!(opportunities))
}

/// A suggested partner and why.
#[derive(Serialize, ToSchema)]
pub struct SuggestionBody {
    organisation_id: i64,
    name: String,
    sector: String,
    /// 0 to 1000.
    score: u32,
    /// The reasons, explained in the request's language.
    reasons: Vec<String>,
}

/// Organisations that would best complete the initiative, best first, with their reasons.
#[utoipa::path(get, path = "/v1/initiatives/{id}/suggestions", tag = "initiatives", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = Vec<SuggestionBody>), (status = 404, body = ErrorBody)))]
async fn suggestions(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<Vec<SuggestionBody>>, AppError> {
    let lang = language(&q, &headers, &state);
    let ranked = act::suggestions(&state, id, 20).await?;
    let orgs = state
        .db
        .organisation_summaries(&ranked.iter().map(|s| s.organisation_id).collect::<Vec<_>>())
        .await?;
    let ctx = crate::view::Ctx::bare(Tr::new(lang), None, String::new());
    Ok(Json(
        ranked
            .into_iter()
            .filter_map(|s| {
                let org = orgs.iter().find(|o| o.id == s.organisation_id)?;
                Some(SuggestionBody {
                    organisation_id: s.organisation_id,
                    name: org.name(lang).to_owned(),
                    sector: org.sector.code().into(),
                    score: s.score,
                    reasons: s
                        .reasons
                        .iter()
                        .map(|r| crate::view::reason_text(&ctx, r))
                        .collect(),
                })
            })
            .collect(),
    ))
}

/// An open initiative where an organisation is needed.
#[derive(Serialize, ToSchema)]
pub struct OpportunityBody {
    initiative_id: i64,
    locality_id: i64,
    title: String,
    stage: String,
    /// The needed contribution types it would bring.
    covers: Vec<String>,
}

/// Where an organisation's contributions are needed, and goals waiting for an initiative.
#[derive(Serialize, ToSchema)]
pub struct OpportunitiesBody {
    initiatives: Vec<OpportunityBody>,
    open_goals: Vec<GoalBody>,
}

/// Open initiatives that need what an organisation offers, and goals in its localities that no
/// initiative serves yet.
#[utoipa::path(get, path = "/v1/organisations/{id}/opportunities", tag = "organisations", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = OpportunitiesBody), (status = 404, body = ErrorBody)))]
async fn opportunities(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<OpportunitiesBody>, AppError> {
    state.db.organisation(id).await?.ok_or(AppError::NotFound)?;
    let lang = language(&q, &headers, &state);
    let initiatives = state
        .db
        .opportunities(id, 20)
        .await?
        .into_iter()
        .map(|o| OpportunityBody {
            initiative_id: o.initiative_id,
            locality_id: o.locality_id,
            title: shutaf_store::organisations::pick_name(
                [&o.titles[0], &o.titles[1], &o.titles[2]],
                lang,
            )
            .to_owned(),
            stage: o.stage.code().into(),
            covers: o.covers.iter().map(|c| c.code().to_owned()).collect(),
        })
        .collect();
    let open_goals = state
        .db
        .open_goals_for(id, 20)
        .await?
        .into_iter()
        .map(|g| GoalBody::of(g, lang))
        .collect();
    Ok(Json(OpportunitiesBody {
        initiatives,
        open_goals,
    }))
}
