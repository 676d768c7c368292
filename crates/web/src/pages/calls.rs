//! Pages of open calls: the list of a locality's calls, writing a call, and one call's page,
//! where organisations apply, evaluators declare and score, the convener awards, and, once the
//! call has ended, everyone sees the scores and the reasons. Attachments are served here too.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::call as rules;
use shutaf_domain::call::{Phase, Ranked};
use shutaf_domain::validate::FieldErrors;
use shutaf_store::calls::{Application, Attachment, Call, CallSummary, ScoreRecord};
use shutaf_store::integrity::{Declaration, Recusal};
use shutaf_store::{Goal, Locality, User};
use tower_sessions::Session;

use super::PageAction;
use super::initiatives::declaration_input;
use super::{Ctx, FormFields, FormState, render, render_status};
use crate::AppState;
use crate::actions::ActionError;
use crate::actions::calls::{self as act, CallInput, Sight, Upload};
use crate::auth::{self, MaybeUser, SignedIn};
use crate::error::AppError;

/// The routes of these pages.
pub fn routes() -> axum::Router<AppState> {
    use axum::extract::DefaultBodyLimit;
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/localities/{id}/calls", get(list).post(create))
        .route("/localities/{id}/calls/new", get(new_form))
        .route("/calls/{id}", get(show))
        .route("/calls/{id}/edit", get(edit_form).post(update))
        .route(
            "/evaluations/{token}",
            get(evaluation_invitation).post(accept_evaluation),
        )
        .route("/calls/{id}/publish", post(publish))
        .route(
            "/calls/{id}/applications",
            post(apply).layer(DefaultBodyLimit::max(crate::security::UPLOAD_LIMIT)),
        )
        .route(
            "/calls/{id}/documents",
            post(add_documents).layer(DefaultBodyLimit::max(crate::security::UPLOAD_LIMIT)),
        )
        .route("/calls/{id}/declaration", post(declare))
        .route(
            "/calls/{id}/applications/{application_id}/scores",
            post(score),
        )
        .route("/calls/{id}/award", post(award))
        .route("/calls/{id}/cancel", post(cancel))
        .route("/calls/{id}/rerun", post(rerun))
        .route("/calls/{id}/initiative", post(start_initiative))
        .route("/attachments/{id}", get(attachment))
}

/// Calls shown a page at a time.
const PAGE: i64 = 50;

#[derive(Template)]
#[template(path = "call_list.html")]
pub struct CallListPage {
    pub ctx: Ctx,
    pub locality: Locality,
    pub calls: Vec<CallSummary>,
    pub staff: bool,
    pub page: i64,
    pub more: bool,
    pub now: i64,
}

impl CallListPage {
    pub fn phase_label(&self, call: &CallSummary) -> String {
        self.ctx
            .t(Phase::of(call.status, call.deadline_at, self.now).label_key())
    }
}

pub async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let staff = match &user {
        Some(user) => act::is_convener_staff(&state, user, id).await?,
        None => false,
    };
    let page = super::page_number(&query);
    let mut calls = state
        .db
        .calls_of_locality(id, staff, PAGE + 1, (page - 1) * PAGE)
        .await?;
    let more = calls.len() as i64 > PAGE;
    calls.truncate(PAGE as usize);
    render(&CallListPage {
        ctx,
        locality,
        calls,
        staff,
        page,
        more,
        now: state.db.now(),
    })
}

#[derive(Template)]
#[template(path = "call_form.html")]
pub struct CallFormPage {
    pub ctx: Ctx,
    pub locality: Locality,
    pub goals: Vec<Goal>,
    pub form: FormState,
    /// The draft being edited.
    pub editing: Option<i64>,
    /// Criterion rows to show (name, description, weight).
    pub criteria: Vec<(String, String, String)>,
}

impl CallFormPage {
    pub fn goal_checked(&self, id: &i64) -> bool {
        self.form
            .values
            .all("goals")
            .contains(&id.to_string().as_str())
    }
}

pub(crate) fn call_input(form: &FormFields) -> CallInput {
    let names = form.all("criterion_name");
    let descriptions = form.all("criterion_description");
    let weights = form.all("criterion_weight");
    CallInput {
        lang: form.get("lang").to_owned(),
        title: form.get("title").to_owned(),
        purpose: form.get("purpose").to_owned(),
        sought: form.get("sought").to_owned(),
        eligibility: form.get("eligibility").to_owned(),
        deadline: form.get("deadline").to_owned(),
        criteria: names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                (
                    (*name).to_owned(),
                    descriptions.get(i).copied().unwrap_or("").to_owned(),
                    weights.get(i).copied().unwrap_or("").to_owned(),
                )
            })
            .collect(),
        goals: form.all("goals").into_iter().map(str::to_owned).collect(),
        evaluators: form
            .get("evaluators")
            .split([',', '\n', ' ', ';'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned)
            .collect(),
    }
}

/// Criterion rows for the form: what was typed, padded to at least four empty rows' worth.
fn criterion_rows(input: &CallInput) -> Vec<(String, String, String)> {
    let mut rows = input.criteria.clone();
    while rows.len() < 4 {
        rows.push(Default::default());
    }
    rows.truncate(rules::MAX_CRITERIA);
    rows
}

async fn call_form(
    state: &AppState,
    ctx: Ctx,
    locality: Locality,
    form: FormState,
    editing: Option<i64>,
) -> Result<CallFormPage, AppError> {
    let goals = state.db.goals_of(locality.id).await?;
    let criteria = criterion_rows(&call_input(&form.values));
    Ok(CallFormPage {
        ctx,
        locality,
        goals,
        form,
        editing,
        criteria,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    if !act::is_convener_staff(&state, &user, id).await? {
        return Err(AppError::Forbidden("refused-convener-only"));
    }
    let lang = ctx.lang().code().to_owned();
    let values = FormFields(vec![("lang".into(), lang)]);
    let page = call_form(
        &state,
        ctx,
        locality,
        FormState::new(FieldErrors::new(), values),
        None,
    )
    .await?;
    render(&page)
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match act::create_call(&state, &user, id, &call_input(&form)).await {
        Ok(call_id) => {
            auth::flash(&session, "flash-call-drafted").await;
            Ok(Redirect::to(&format!("/calls/{call_id}")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
            let page = call_form(&state, ctx, locality, FormState::new(errors, form), None).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let call = act::visible_call(&state, Some(&user), id).await?;
    if !act::is_convener_staff(&state, &user, call.locality_id).await?
        || call.status != rules::CallStatus::Draft
    {
        return Err(AppError::Forbidden("refused-call-published"));
    }
    let locality = state
        .db
        .locality(call.locality_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Those who accepted and those still asked: the form lists everyone the staff asked.
    let mut evaluators = state.db.evaluator_emails(id).await?;
    evaluators.extend(state.db.invited_evaluators(id).await?);
    evaluators.sort();
    let mut values = vec![
        ("lang".to_owned(), call.lang.clone()),
        ("title".to_owned(), call.title.clone()),
        ("purpose".to_owned(), call.purpose.clone()),
        ("sought".to_owned(), call.sought.clone()),
        ("eligibility".to_owned(), call.eligibility.clone()),
        ("deadline".to_owned(), rules::local_input(call.deadline_at)),
        ("evaluators".to_owned(), evaluators.join(", ")),
    ];
    for criterion in &call.criteria {
        values.push(("criterion_name".into(), criterion.name.clone()));
        values.push((
            "criterion_description".into(),
            criterion.description.clone().unwrap_or_default(),
        ));
        values.push(("criterion_weight".into(), criterion.weight.to_string()));
    }
    for goal in &call.goal_ids {
        values.push(("goals".into(), goal.to_string()));
    }
    let form = FormState::new(FieldErrors::new(), FormFields(values));
    render(&call_form(&state, ctx, locality, form, Some(id)).await?)
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match act::update_call(&state, &user, id, &call_input(&form)).await {
        Ok(()) => {
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/calls/{id}")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let call = state.db.call(id).await?.ok_or(AppError::NotFound)?;
            let locality = state
                .db
                .locality(call.locality_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let page = call_form(
                &state,
                ctx,
                locality,
                FormState::new(errors, form),
                Some(id),
            )
            .await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// One application as the page shows it, with what the reader may see of it.
pub struct ShownApplication {
    pub application: Application,
    /// The proposal and attachments are shown (to its organisation, evaluators, convener).
    pub full: bool,
    pub attachments: Vec<Attachment>,
    pub result: Option<Ranked>,
    /// Scores of it, when the reader may see them.
    pub scores: Vec<ScoreRecord>,
    /// The reader (an evaluator) has scored it.
    pub scored_by_me: bool,
}

#[derive(Template)]
#[template(path = "call_show.html")]
pub struct CallPage {
    pub ctx: Ctx,
    pub call: Call,
    pub locality: Locality,
    pub goals: Vec<Goal>,
    pub phase: Phase,
    pub documents: Vec<Attachment>,
    pub applications: Vec<ShownApplication>,
    pub application_count: usize,
    pub staff: bool,
    pub evaluator: bool,
    /// Addresses asked to evaluate who have not accepted yet (shown to the staff only).
    pub invited_evaluators: Vec<String>,
    /// The reader's organisations that may apply (id, name).
    pub can_apply: Vec<(i64, String)>,
    pub declarations: Vec<Declaration>,
    pub recusals: Vec<Recusal>,
    /// Who applied is sealed from this reader until the decision: declarations come without
    /// their ties, and recusals only as a count ([`act::integrity_record`]).
    pub sealed: bool,
    pub sealed_recusals: i64,
    /// The applicants a declaration can name (id, name).
    pub tie_parties: Vec<(i64, String)>,
    /// The reader has declared on this call.
    pub declared: bool,
    pub form: FormState,
    pub problem: Option<String>,
    pub signed_in: bool,
    pub max_attachment_mb: usize,
}

impl CallPage {
    pub fn criterion_name(&self, id: &i64) -> String {
        self.call
            .criteria
            .iter()
            .find(|c| c.id == *id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    }

    pub fn winner(&self) -> Option<&Application> {
        self.applications
            .iter()
            .map(|a| &a.application)
            .find(|a| Some(a.id) == self.call.awarded_application_id)
    }

    pub fn total(&self, result: &Ranked) -> String {
        format!("{:.1}", result.total)
    }

    pub fn mean(&self, result: &Ranked, criterion: &i64) -> String {
        result
            .means
            .get(criterion)
            .map(|m| format!("{m:.1}"))
            .unwrap_or_else(|| "–".into())
    }

    pub fn size(&self, attachment: &Attachment) -> String {
        format!("{:.1}", attachment.size_bytes as f64 / 1024.0)
    }

    pub fn declaration_action(&self) -> String {
        format!("/calls/{}/declaration", self.call.id)
    }

    /// The upload form's action: the CSRF token rides in the query string (see `security`).
    /// Where a form with files goes. Its CSRF token is its first field (checked before the
    /// files are read), never in the address, which ends up in logs.
    pub fn upload_action(&self, what: &str) -> String {
        format!("/calls/{}/{what}", self.call.id)
    }
}

pub async fn call_page(
    state: &AppState,
    user: Option<&User>,
    ctx: Ctx,
    id: i64,
    form: FormState,
    problem: Option<String>,
) -> Result<CallPage, AppError> {
    let call = act::visible_call(state, user, id).await?;
    let now = state.db.now();
    let phase = call.phase(now);
    let locality = state
        .db
        .locality(call.locality_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let goals = state.db.goals_by_ids(&call.goal_ids).await?;
    let sight = act::sight(state, user, &call).await?;
    let staff = match user {
        Some(user) => act::is_convener_staff(state, user, call.locality_id).await?,
        None => false,
    };
    let evaluator = user.is_some_and(|u| call.is_evaluator(u.id));
    let own = match user {
        Some(user) => act::managed(state, user).await?,
        None => Vec::new(),
    };
    let attachments = state.db.attachments(id).await?;
    let applications = state.db.applications(id).await?;
    let application_count = applications.len();
    let results = act::results(state, &call, &applications).await?;
    let public_results = phase.results_public();
    let scores = if sight == Sight::All || public_results {
        state.db.scores(id).await?
    } else {
        Vec::new()
    };
    let shown: Vec<ShownApplication> = applications
        .into_iter()
        .filter(|a| sight == Sight::All || public_results || own.contains(&a.organisation_id))
        .map(|application| {
            let full = sight == Sight::All || own.contains(&application.organisation_id);
            let show_scores = public_results || staff;
            ShownApplication {
                full,
                attachments: if full {
                    attachments
                        .iter()
                        .filter(|x| x.application_id == Some(application.id))
                        .cloned()
                        .collect()
                } else {
                    Vec::new()
                },
                result: if show_scores {
                    results
                        .iter()
                        .find(|r| r.application_id == application.id)
                        .cloned()
                } else {
                    None
                },
                scores: scores
                    .iter()
                    .filter(|s| {
                        s.application_id == application.id
                            && (show_scores || user.is_some_and(|u| u.id == s.evaluator_id))
                    })
                    .cloned()
                    .collect(),
                scored_by_me: user.is_some_and(|u| {
                    scores
                        .iter()
                        .any(|s| s.application_id == application.id && s.evaluator_id == u.id)
                }),
                application,
            }
        })
        .collect();
    let documents = attachments
        .iter()
        .filter(|a| a.application_id.is_none())
        .cloned()
        .collect();
    let convener = locality.convener_organisation_id;
    let can_apply = match user {
        Some(user) if phase == Phase::Accepting => state
            .db
            .organisations_of(user.id)
            .await?
            .into_iter()
            .filter(|(org, role)| role.manages() && org.id != convener)
            .map(|(org, _)| (org.id, org.name(ctx.lang()).to_owned()))
            .collect(),
        _ => Vec::new(),
    };
    let tie_parties = shown
        .iter()
        .map(|a| {
            (
                a.application.organisation_id,
                a.application.name(ctx.lang()).to_owned(),
            )
        })
        .collect();
    let integrity = act::integrity_record(state, &call, phase, sight).await?;
    let declared = user.is_some_and(|u| integrity.declarations.iter().any(|d| d.user_id == u.id));
    let invited_evaluators = if staff {
        state.db.invited_evaluators(id).await?
    } else {
        Vec::new()
    };
    Ok(CallPage {
        invited_evaluators,
        signed_in: user.is_some(),
        ctx,
        call,
        locality,
        goals,
        phase,
        documents,
        applications: shown,
        application_count,
        staff,
        evaluator,
        can_apply,
        declarations: integrity.declarations,
        recusals: integrity.recusals,
        sealed: integrity.sealed,
        sealed_recusals: integrity.sealed_recusals as i64,
        tie_parties,
        declared,
        form,
        problem,
        max_attachment_mb: rules::MAX_ATTACHMENT_BYTES / (1024 * 1024),
    })
}

pub async fn show(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&call_page(&state, user.as_ref(), ctx, id, FormState::empty(), None).await?)
}

pub async fn publish(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let result = act::publish_call(&call.state, &call.user, call.id).await;
    call.finish(form, result, "flash-call-published", "/calls", call_page)
        .await
}

/// Reads a form with files: its fields, and its files (each cut off past the size limit, which
/// the action then refuses with a clear message rather than a broken connection).
pub(crate) async fn read_multipart(
    mut multipart: Multipart,
) -> Result<(FormFields, Vec<Upload>), AppError> {
    let mut fields = Vec::new();
    let mut uploads = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return Err(AppError::BadRequest("error-upload-broken")),
        };
        let name = field.name().unwrap_or("").to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                let mut bytes = Vec::new();
                let mut field = field;
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) => {
                            if bytes.len() <= rules::MAX_ATTACHMENT_BYTES {
                                bytes.extend_from_slice(&chunk);
                            }
                        }
                        Ok(None) => break,
                        Err(_) => return Err(AppError::BadRequest("error-upload-broken")),
                    }
                }
                if !file_name.is_empty() || !bytes.is_empty() {
                    uploads.push(Upload { file_name, bytes });
                }
            }
            None => {
                let text = field
                    .text()
                    .await
                    .map_err(|_| AppError::BadRequest("error-upload-broken"))?;
                fields.push((name, text));
            }
        }
    }
    Ok((FormFields(fields), uploads))
}

pub async fn apply(call: PageAction, multipart: Multipart) -> Result<Response, AppError> {
    let (form, uploads) = read_multipart(multipart).await?;
    let input = act::ApplicationInput {
        organisation: form.get("organisation").to_owned(),
        summary: form.get("summary").to_owned(),
        proposal: form.get("proposal").to_owned(),
    };
    let result = act::apply(&call.state, &call.user, call.id, &input, &uploads)
        .await
        .map(|_| ());
    call.finish(form, result, "flash-applied", "/calls", call_page)
        .await
}

pub async fn add_documents(call: PageAction, multipart: Multipart) -> Result<Response, AppError> {
    let (form, uploads) = read_multipart(multipart).await?;
    let result = act::add_call_documents(&call.state, &call.user, call.id, &uploads).await;
    call.finish(form, result, "flash-saved", "/calls", call_page)
        .await
}

pub async fn declare(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let input = declaration_input(&form);
    let result = act::declare_on_call(&call.state, &call.user, call.id, &input)
        .await
        .map(|_| ());
    call.finish(form, result, "flash-declared", "/calls", call_page)
        .await
}

pub async fn score(
    call: PageAction,
    Path((_, application_id)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let scores: Vec<(String, String, String)> = form
        .all("criterion")
        .into_iter()
        .map(|criterion| {
            (
                criterion.to_owned(),
                form.get(&format!("score_{criterion}")).to_owned(),
                form.get(&format!("reason_{criterion}")).to_owned(),
            )
        })
        .collect();
    let result = act::score(&call.state, &call.user, call.id, application_id, &scores).await;
    call.finish(form, result, "flash-scored", "/calls", call_page)
        .await
}

pub async fn award(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let result = act::award(
        &call.state,
        &call.user,
        call.id,
        form.get("application"),
        form.get("award_reasons"),
    )
    .await;
    call.finish(form, result, "flash-awarded", "/calls", call_page)
        .await
}

pub async fn cancel(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let result = act::cancel(&call.state, &call.user, call.id, form.get("cancel_reasons")).await;
    call.finish(form, result, "flash-saved", "/calls", call_page)
        .await
}

pub async fn rerun(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let result = act::rerun(
        &call.state,
        &call.user,
        call.id,
        form.get("rerun_deadline"),
        form.get("rerun_reasons"),
    )
    .await;
    call.finish(form, result, "flash-saved", "/calls", call_page)
        .await
}

pub async fn start_initiative(call: PageAction) -> Result<Response, AppError> {
    match act::start_initiative(&call.state, &call.user, call.id).await {
        Ok(initiative) => {
            auth::flash(&call.session, "flash-initiative-from-call").await;
            Ok(Redirect::to(&format!("/initiatives/{initiative}")).into_response())
        }
        Err(error) => {
            call.finish(
                FormFields(Vec::new()),
                Err(error),
                "flash-saved",
                "/calls",
                call_page,
            )
            .await
        }
    }
}

/// Serves an attachment to those who may have it, as a download that no browser will run:
/// its checked type, `attachment` disposition, no sniffing, and a sandbox.
pub async fn attachment(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (attachment, bytes) = state.db.attachment(id).await?.ok_or(AppError::NotFound)?;
    if !act::may_download(&state, user.as_ref(), &attachment).await? {
        return Err(AppError::NotFound);
    }
    Ok(crate::security::attachment_response(&attachment, bytes))
}

/// An invitation to evaluate a call, as its mailed link opens it.
#[derive(Template)]
#[template(path = "evaluation_invitation.html")]
pub struct EvaluationInvitationPage {
    pub ctx: Ctx,
    pub call: Call,
    pub token: String,
    pub signin_href: String,
    pub signup_href: String,
}

pub async fn evaluation_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (call_id, _) = state
        .db
        .evaluator_invitation(&token)
        .await?
        .ok_or(AppError::BadRequest("error-evaluation-link"))?;
    let call = state.db.call(call_id).await?.ok_or(AppError::NotFound)?;
    let here = crate::error::urlencode(&ctx.here);
    render(&EvaluationInvitationPage {
        signin_href: format!("/signin?next={here}"),
        signup_href: format!("/signup?next={here}"),
        ctx,
        call,
        token,
    })
}

pub async fn accept_evaluation(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let id = act::accept_evaluation(&state, &user, &token).await?;
    auth::flash(&session, "flash-evaluating").await;
    Ok(Redirect::to(&format!("/calls/{id}")).into_response())
}
