//! The partners of an initiative and what each contributes: asking and inviting, describing
//! a partner's role, interests and benefits, committing and withdrawing contributions.

use axum::Router;
use axum::routing::post;

use super::*;

/// The routes of this part.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/initiatives/{id}/partners", post(add_partner))
        .route("/initiatives/{id}/partners/{org}", post(describe_partner))
        .route(
            "/initiatives/{id}/partners/{org}/remove",
            post(remove_partner),
        )
        .route(
            "/initiatives/{id}/partners/{org}/contributions",
            post(add_contribution),
        )
        .route(
            "/initiatives/{id}/partners/{org}/contributions/{contribution}/remove",
            post(remove_contribution),
        )
}

pub async fn add_partner(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let organisation: i64 = form
        .get("organisation")
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("error-choose-option"))?;
    let result = act::propose_partner(&call.state, &call.user, call.id, organisation)
        .await
        .map(|_| ());
    call.finish(form, result, "flash-saved", "/initiatives", initiative_page)
        .await
}

pub async fn remove_partner(
    call: PageAction,
    Path((_, organisation)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let result = act::remove_partner(&call.state, &call.user, call.id, organisation).await;
    call.finish(form, result, "flash-saved", "/initiatives", initiative_page)
        .await
}

pub async fn describe_partner(
    call: PageAction,
    Path((_, organisation)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let result = act::describe_partner(
        &call.state,
        &call.user,
        call.id,
        organisation,
        form.get("role"),
        form.get("interests"),
        form.get("benefits"),
    )
    .await;
    call.finish(form, result, "flash-saved", "/initiatives", initiative_page)
        .await
}

pub async fn add_contribution(
    call: PageAction,
    Path((_, organisation)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let fields = [
        form.get("contribution"),
        form.get("description"),
        form.get("cash"),
        form.get("in_kind"),
        form.get("period"),
    ];
    let result = act::add_contribution(&call.state, &call.user, call.id, organisation, fields)
        .await
        .map(|_| ());
    call.finish(form, result, "flash-saved", "/initiatives", initiative_page)
        .await
}

pub async fn remove_contribution(
    call: PageAction,
    Path((_, organisation, contribution)): Path<(i64, i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let result =
        act::remove_contribution(&call.state, &call.user, call.id, organisation, contribution)
            .await;
    call.finish(form, result, "flash-saved", "/initiatives", initiative_page)
        .await
}
