//! Public pages of localities: who convenes there, the agenda's goals, who works there.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::authz::LocalityAction;
use shutaf_domain::validate::FieldErrors;
use shutaf_store::{Goal, Locality, Organisation};
use tower_sessions::Session;

use super::{Ctx, FormFields, FormState, render, render_alike, render_status};
use crate::AppState;
use crate::actions::{self, ActionError, LocalityInput};
use crate::auth::{self, MaybeUser, SignedIn};
use crate::error::AppError;

/// The routes of these pages.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/localities", get(list))
        .route("/localities/{id}", get(show))
        .route("/localities/{id}/edit", get(edit_form).post(update))
        .route("/localities/{id}/goals", post(create_goal))
        .route("/localities/{id}/local-targets", post(define_local_target))
        .route("/localities/{id}/goals/new", get(new_goal))
        .route("/goals/{id}/edit", get(edit_goal).post(update_goal))
}

#[derive(Template)]
#[template(path = "localities.html")]
pub struct LocalitiesPage {
    pub ctx: Ctx,
    pub localities: Vec<Locality>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let localities = state.db.localities().await?;
    render_alike(&LocalitiesPage { ctx, localities })
}

#[derive(Template)]
#[template(path = "locality_show.html")]
pub struct LocalityPage {
    pub ctx: Ctx,
    pub locality: Locality,
    pub convener: Organisation,
    pub goals: Vec<Goal>,
    pub organisation_count: i64,
    pub can_edit: bool,
    pub can_edit_agenda: bool,
    pub local_targets: Vec<shutaf_store::LocalTarget>,
    pub form: FormState,
}

impl LocalityPage {
    pub fn sdg_label(&self, code: &str) -> String {
        crate::view::sdg_label_with(&self.ctx, code, &self.local_targets)
    }
}

async fn locality_page(
    state: &AppState,
    user: Option<&shutaf_store::User>,
    ctx: Ctx,
    id: i64,
    form: FormState,
) -> Result<LocalityPage, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let convener = state
        .db
        .organisation(locality.convener_organisation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let goals = state.db.goals_of(id).await?;
    let organisation_count = state.db.member_count(id).await?;
    let can_edit = match user {
        Some(user) => actions::authorise_locality(state, user, id, LocalityAction::Edit)
            .await
            .is_ok(),
        None => false,
    };
    let can_edit_agenda = match user {
        Some(user) => {
            let role = state
                .db
                .role_in(locality.convener_organisation_id, user.id)
                .await?;
            shutaf_domain::authz::edit_agenda(actions::actor(user), role).is_ok()
        }
        None => false,
    };
    let local_targets = state.db.local_targets_of(id).await?;
    Ok(LocalityPage {
        ctx,
        locality,
        convener,
        goals,
        organisation_count,
        can_edit,
        can_edit_agenda,
        local_targets,
        form,
    })
}

pub async fn show(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&locality_page(&state, user.as_ref(), ctx, id, FormState::empty()).await?)
}

#[derive(Template)]
#[template(path = "locality_form.html")]
pub struct LocalityFormPage {
    pub ctx: Ctx,
    pub id: i64,
    pub form: FormState,
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let locality = actions::authorise_locality(&state, &user, id, LocalityAction::Edit).await?;
    let values = vec![
        (
            "name_he".to_owned(),
            locality.name_he.clone().unwrap_or_default(),
        ),
        (
            "name_ar".to_owned(),
            locality.name_ar.clone().unwrap_or_default(),
        ),
        (
            "name_en".to_owned(),
            locality.name_en.clone().unwrap_or_default(),
        ),
        ("kind".to_owned(), locality.kind.code().to_owned()),
        (
            "description".to_owned(),
            locality.description.clone().unwrap_or_default(),
        ),
    ];
    let form = FormState::new(FieldErrors::new(), FormFields(values));
    render(&LocalityFormPage { ctx, id, form })
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let input = LocalityInput {
        name_he: form.get("name_he").into(),
        name_ar: form.get("name_ar").into(),
        name_en: form.get("name_en").into(),
        kind: form.get("kind").into(),
        convener: String::new(),
        description: form.get("description").into(),
    };
    match actions::update_locality(&state, &user, id, &input).await {
        Ok(_) => {
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/localities/{id}")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let page = LocalityFormPage {
                ctx,
                id,
                form: FormState::new(errors, form),
            };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "goal_form.html")]
pub struct GoalFormPage {
    pub ctx: Ctx,
    pub locality: Locality,
    pub form: FormState,
    /// `None` when adding.
    pub editing: Option<i64>,
    pub statuses: &'static [&'static str],
}

pub(crate) fn goal_input(form: &FormFields) -> actions::GoalInput {
    actions::GoalInput {
        titles: [
            form.get("title_he").into(),
            form.get("title_ar").into(),
            form.get("title_en").into(),
        ],
        descriptions: [
            form.get("description_he").into(),
            form.get("description_ar").into(),
            form.get("description_en").into(),
        ],
        department: form.get("department").into(),
        horizon: form.get("horizon").into(),
        work_plan_year: form.get("work_plan_year").into(),
        budget_line: form.get("budget_line").into(),
        status: form.get("status").into(),
        sdg_codes: form.get("sdg_codes").into(),
    }
}

pub async fn new_goal(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let role = state
        .db
        .role_in(locality.convener_organisation_id, user.id)
        .await?;
    shutaf_domain::authz::edit_agenda(actions::actor(&user), role).map_err(AppError::Forbidden)?;
    let form = FormState::new(
        FieldErrors::new(),
        FormFields(vec![("status".into(), "active".into())]),
    );
    render(&GoalFormPage {
        ctx,
        locality,
        form,
        editing: None,
        statuses: actions::GOAL_STATUSES,
    })
}

pub async fn create_goal(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match actions::create_goal(&state, &user, id, &goal_input(&form)).await {
        Ok(_) => {
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/localities/{id}")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
            let page = GoalFormPage {
                ctx,
                locality,
                form: FormState::new(errors, form),
                editing: None,
                statuses: actions::GOAL_STATUSES,
            };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn edit_goal(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    Path(goal_id): Path<i64>,
) -> Result<Response, AppError> {
    let goal = state.db.goal(goal_id).await?.ok_or(AppError::NotFound)?;
    let locality = state
        .db
        .locality(goal.locality_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let role = state
        .db
        .role_in(locality.convener_organisation_id, user.id)
        .await?;
    shutaf_domain::authz::edit_agenda(actions::actor(&user), role).map_err(AppError::Forbidden)?;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let values = vec![
        ("title_he".to_owned(), opt(&goal.title_he)),
        ("title_ar".to_owned(), opt(&goal.title_ar)),
        ("title_en".to_owned(), opt(&goal.title_en)),
        ("description_he".to_owned(), opt(&goal.description_he)),
        ("description_ar".to_owned(), opt(&goal.description_ar)),
        ("description_en".to_owned(), opt(&goal.description_en)),
        ("department".to_owned(), opt(&goal.department)),
        (
            "horizon".to_owned(),
            goal.horizon.map(|y| y.to_string()).unwrap_or_default(),
        ),
        (
            "work_plan_year".to_owned(),
            goal.work_plan_year
                .map(|y| y.to_string())
                .unwrap_or_default(),
        ),
        ("budget_line".to_owned(), opt(&goal.budget_line)),
        ("status".to_owned(), goal.status.clone()),
        ("sdg_codes".to_owned(), goal.sdg_codes.join(", ")),
    ];
    let form = FormState::new(FieldErrors::new(), FormFields(values));
    render(&GoalFormPage {
        ctx,
        locality,
        form,
        editing: Some(goal_id),
        statuses: actions::GOAL_STATUSES,
    })
}

pub async fn update_goal(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(goal_id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match actions::update_goal(&state, &user, goal_id, &goal_input(&form)).await {
        Ok(locality_id) => {
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/localities/{locality_id}")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let goal = state.db.goal(goal_id).await?.ok_or(AppError::NotFound)?;
            let locality = state
                .db
                .locality(goal.locality_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let page = GoalFormPage {
                ctx,
                locality,
                form: FormState::new(errors, form),
                editing: Some(goal_id),
                statuses: actions::GOAL_STATUSES,
            };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// The locality's staff define a local target.
pub async fn define_local_target(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let titles = [
        form.get("title_he").to_owned(),
        form.get("title_ar").to_owned(),
        form.get("title_en").to_owned(),
    ];
    match actions::define_local_target(&state, &user, id, form.get("code"), &titles).await {
        Ok(()) => {
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/localities/{id}")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let page =
                locality_page(&state, Some(&user), ctx, id, FormState::new(errors, form)).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}
