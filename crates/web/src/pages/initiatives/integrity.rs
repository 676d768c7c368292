//! Integrity: how the business partner was chosen, declarations of interest, and the notice
//! inviting competing proposals with its alternatives and decision.

use axum::Router;
use axum::routing::post;

use super::*;

/// The routes of this part.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/initiatives/{id}/integrity", post(integrity))
        .route("/initiatives/{id}/declaration", post(declare))
        .route("/initiatives/{id}/notice", post(publish_notice))
        .route(
            "/initiatives/{id}/notice/alternatives",
            post(propose_alternative),
        )
        .route("/initiatives/{id}/notice/decision", post(decide_notice))
}

pub async fn integrity(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let competition = form.get("competition") == "1";
    let result = act::record_integrity(
        &call.state,
        &call.user,
        call.id,
        competition,
        form.get("exemption"),
        form.get("exemption_text"),
    )
    .await;
    call.finish(form, result, "flash-saved", "/initiatives", initiative_page)
        .await
}

/// The declaration as a form sent it: ties are pairs of `tie_org` and `tie_relation` fields.
pub fn declaration_input(form: &FormFields) -> crate::actions::integrity::DeclarationInput {
    crate::actions::integrity::DeclarationInput {
        has_interests: form.get("has_interests") == "1",
        details: form.get("details").to_owned(),
        ties: form
            .all("tie_org")
            .into_iter()
            .zip(form.all("tie_relation"))
            .map(|(o, r)| (o.to_owned(), r.to_owned()))
            .collect(),
    }
}

pub async fn declare(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let input = declaration_input(&form);
    let result = act::declare_interests(&call.state, &call.user, call.id, &input)
        .await
        .map(|_| ());
    call.finish(
        form,
        result,
        "flash-declared",
        "/initiatives",
        initiative_page,
    )
    .await
}

pub async fn publish_notice(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let result = crate::actions::integrity::publish_notice(
        &call.state,
        &call.user,
        call.id,
        form.get("notice_summary"),
        form.get("notice_closes"),
    )
    .await
    .map(|_| ());
    call.finish(form, result, "flash-saved", "/initiatives", initiative_page)
        .await
}

pub async fn propose_alternative(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let result = crate::actions::integrity::propose_alternative(
        &call.state,
        &call.user,
        call.id,
        form.get("organisation"),
        form.get("alternative_summary"),
    )
    .await
    .map(|_| ());
    call.finish(form, result, "flash-saved", "/initiatives", initiative_page)
        .await
}

pub async fn decide_notice(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let result = crate::actions::integrity::decide_notice(
        &call.state,
        &call.user,
        call.id,
        form.get("outcome"),
        form.get("chosen"),
        form.get("outcome_reasons"),
    )
    .await;
    call.finish(form, result, "flash-saved", "/initiatives", initiative_page)
        .await
}
