//! Open calls: the convener writes and publishes, organisations apply before the deadline,
//! evaluators declare and score, the convener awards (or cancels, or re-runs), and an awarded
//! call can become an initiative. Who may see what is decided here too.

use shutaf_domain::call::{self, Phase};
use shutaf_domain::validate::{self, FieldErrors};
use shutaf_domain::{Management, PartnershipModel};
use shutaf_store::calls::{Application, Call, NewAttachment, NewCall};
use shutaf_store::integrity::{Declaration, Matter, Recusal};
use shutaf_store::{Acting, NewInitiative, StoreError, User};

use super::integrity::{DeclarationInput, check_decider, convener_of, required_reasons};
use super::{ActionError, ActionResult};
use crate::AppState;
use crate::error::AppError;

/// The most attachments one application or call may carry.
pub const MAX_ATTACHMENTS: usize = 5;
/// Evaluators of one call, at most.
const MAX_EVALUATORS: usize = 20;

/// A call as typed.
#[derive(Debug, Clone, Default)]
pub struct CallInput {
    pub lang: String,
    pub title: String,
    pub purpose: String,
    pub sought: String,
    pub eligibility: String,
    /// A civil time in Israel, `YYYY-MM-DDTHH:MM`.
    pub deadline: String,
    /// Name, description, weight (as typed); rows with no name are ignored.
    pub criteria: Vec<(String, String, String)>,
    pub goals: Vec<String>,
    /// Evaluators' e-mail addresses.
    pub evaluators: Vec<String>,
}

/// A file sent with a form.
#[derive(Debug, Clone)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Is the person on the staff of the locality's convener? Running the hub is no municipal
/// authority: a platform administrator decides for a locality only as a member of its convener.
pub async fn is_convener_staff(
    state: &AppState,
    user: &User,
    locality_id: i64,
) -> ActionResult<bool> {
    let convener = convener_of(state, locality_id).await?;
    Ok(state.db.role_in(convener, user.id).await?.is_some())
}

fn acting(user: &User, organisation_id: i64) -> Acting {
    Acting {
        user_id: user.id,
        organisation_id: Some(organisation_id),
    }
}

/// A call the person may see: drafts only to the convener's staff.
pub async fn visible_call(state: &AppState, user: Option<&User>, id: i64) -> ActionResult<Call> {
    let call = state.db.call(id).await?.ok_or(AppError::NotFound)?;
    if call.status == call::CallStatus::Draft {
        let staff = match user {
            Some(user) => is_convener_staff(state, user, call.locality_id).await?,
            None => false,
        };
        if !staff {
            return Err(AppError::NotFound.into());
        }
    }
    Ok(call)
}

/// What a person may see of a call's applications.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sight {
    /// Every application in full (the convener's staff, the evaluators).
    All,
    /// Their own organisations' applications in full; the rest as the public sees them.
    Own,
}

/// The organisations a person manages.
pub async fn managed(state: &AppState, user: &User) -> ActionResult<Vec<i64>> {
    Ok(state
        .db
        .organisations_of(user.id)
        .await?
        .into_iter()
        .filter(|(_, role)| role.manages())
        .map(|(org, _)| org.id)
        .collect())
}

/// How much of the applications a person sees.
pub async fn sight(state: &AppState, user: Option<&User>, call: &Call) -> ActionResult<Sight> {
    Ok(match user {
        Some(user)
            if call.is_evaluator(user.id)
                || is_convener_staff(state, user, call.locality_id).await? =>
        {
            Sight::All
        }
        _ => Sight::Own,
    })
}

/// The declarations of interest and the recusals on a call, as a reader may see them.
#[derive(Debug, Clone, Default)]
pub struct CallIntegrity {
    pub declarations: Vec<Declaration>,
    /// The recusals whose party the reader may see.
    pub recusals: Vec<Recusal>,
    /// Who applied is sealed from this reader: the declarations come without their ties and
    /// details, and the recusals only as a count.
    pub sealed: bool,
    /// Recusals whose party is sealed from this reader: someone stepped aside from one
    /// application, which one is published with the decision.
    pub sealed_recusals: usize,
}

/// The declarations and recusals on a call in `phase`, for a reader with `sight`. Until the
/// call is decided who applied is sealed (on the log, and so on the pages and in the API): a
/// declaration's ties and its free text, and a recusal's party, would tell competitors who
/// applied. Only those who see every application (the convener's staff, the evaluators) see
/// them before the decision; everyone else sees that a person declared, whether they have
/// interests, and how many times someone stepped aside.
pub async fn integrity_record(
    state: &AppState,
    call: &Call,
    phase: Phase,
    sight: Sight,
) -> ActionResult<CallIntegrity> {
    let mut declarations = state.db.declarations(Matter::Call(call.id)).await?;
    let recusals = state.db.recusals(Matter::Call(call.id)).await?;
    if sight == Sight::All || phase.results_public() {
        return Ok(CallIntegrity {
            declarations,
            recusals,
            sealed: false,
            sealed_recusals: 0,
        });
    }
    for d in &mut declarations {
        d.ties.clear();
        d.details = None;
    }
    Ok(CallIntegrity {
        declarations,
        recusals: Vec::new(),
        sealed: true,
        sealed_recusals: recusals.len(),
    })
}

/// Validates a call as typed.
pub async fn validate_call(
    state: &AppState,
    locality_id: i64,
    input: &CallInput,
) -> ActionResult<NewCall> {
    let mut errors = FieldErrors::new();
    let lang = match shutaf_domain::Language::parse(&input.lang) {
        Some(lang) => lang.code().to_owned(),
        None => {
            errors.add("lang", "error-choose-option");
            String::new()
        }
    };
    let line = |errors: &mut FieldErrors, field: &str, value: &str, max: usize| {
        let value = errors
            .check(field, validate::optional_line(value, max))
            .flatten();
        if value.is_none() && errors.for_field(field).is_none() {
            errors.add(field, "error-required");
        }
        value.unwrap_or_default()
    };
    let text = |errors: &mut FieldErrors, field: &str, value: &str| {
        let value = errors
            .check(field, validate::optional_text(value, 10_000))
            .flatten();
        if value.is_none() && errors.for_field(field).is_none() {
            errors.add(field, "error-required");
        }
        value.unwrap_or_default()
    };
    let title = line(&mut errors, "title", &input.title, 300);
    let purpose = text(&mut errors, "purpose", &input.purpose);
    let sought = text(&mut errors, "sought", &input.sought);
    let eligibility = text(&mut errors, "eligibility", &input.eligibility);
    let deadline_at = match call::parse_deadline(&input.deadline) {
        Ok(at) if at > state.db.now() => at,
        Ok(_) => {
            errors.add("deadline", "error-deadline-past");
            0
        }
        Err(key) => {
            errors.add("deadline", key);
            0
        }
    };
    let mut criteria = Vec::new();
    for (name, description, weight) in &input.criteria {
        if name.trim().is_empty() && weight.trim().is_empty() {
            continue;
        }
        let Some(name) = errors
            .check("criteria", validate::optional_line(name, 200))
            .flatten()
        else {
            errors.add("criteria", "error-criterion-name");
            continue;
        };
        let description = errors
            .check("criteria", validate::optional_text(description, 2_000))
            .flatten();
        match weight.trim().parse::<i64>() {
            Ok(weight) => criteria.push((name, description, weight)),
            Err(_) => errors.add("criteria", "error-weight-range"),
        }
    }
    if errors.for_field("criteria").is_none()
        && let Err(key) = call::check_weights(&criteria.iter().map(|c| c.2).collect::<Vec<_>>())
    {
        errors.add("criteria", key);
    }
    let goals = state.db.goals_of(locality_id).await?;
    let mut goal_ids = Vec::new();
    for goal in &input.goals {
        match goal.parse::<i64>() {
            Ok(id) if goals.iter().any(|g| g.id == id) => goal_ids.push(id),
            _ => errors.add("goals", "error-choose-option"),
        }
    }
    goal_ids.sort_unstable();
    goal_ids.dedup();
    // Evaluators are asked by address; nobody is looked up, so the form tells nothing about
    // who has an account, and nobody becomes an evaluator without accepting.
    let mut emails: Vec<String> = input
        .evaluators
        .iter()
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty())
        .collect();
    emails.sort_unstable();
    emails.dedup();
    if emails.len() > MAX_EVALUATORS {
        errors.add("evaluators", "error-too-many");
    } else if emails
        .iter()
        .any(|e| shutaf_domain::validate::Email::parse(e).is_err())
    {
        errors.add("evaluators", "error-email-invalid");
    } else if emails.is_empty() {
        errors.add("evaluators", "error-evaluators-required");
    }
    errors.into_result().map_err(ActionError::Invalid)?;
    Ok(NewCall {
        locality_id,
        lang,
        title,
        purpose,
        sought,
        eligibility,
        deadline_at,
        criteria,
        goal_ids,
        evaluator_ids: Vec::new(),
        invite: emails,
    })
}

/// Mails each new invitation to evaluate, in the call's language, with its link.
async fn mail_invitations(
    state: &AppState,
    user: &User,
    title: &str,
    lang: &str,
    invited: &[shutaf_store::calls::EvaluatorInvitation],
) {
    let tr = crate::i18n::Tr::new(shutaf_domain::Language::parse(lang).unwrap_or_default());
    for invitation in invited {
        let link = format!("{}/evaluations/{}", state.config.base(), invitation.token);
        let subject = tr.args("mail-evaluator-subject", &[("call", title)]);
        let body = tr.args(
            "mail-evaluator-body",
            &[
                ("call", title),
                ("inviter", user.display_name.as_str()),
                ("link", link.as_str()),
            ],
        );
        let (state, to) = (state.clone(), invitation.email.clone());
        tokio::spawn(async move {
            if let Err(e) = state.mailer.send(&to, &subject, &body).await {
                tracing::error!(error = %e, "an invitation to evaluate could not be mailed");
            }
        });
    }
}

/// The person accepts an invitation to evaluate a call that was mailed to their address.
pub async fn accept_evaluation(state: &AppState, user: &User, token: &str) -> ActionResult<i64> {
    state
        .db
        .accept_evaluator_invitation(token, user)
        .await?
        .ok_or(ActionError::Refused("error-evaluation-link"))
}

/// The convener's staff write a draft call.
pub async fn create_call(
    state: &AppState,
    user: &User,
    locality_id: i64,
    input: &CallInput,
) -> ActionResult<i64> {
    state
        .db
        .locality(locality_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !is_convener_staff(state, user, locality_id).await? {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    let new = validate_call(state, locality_id, input).await?;
    let convener = convener_of(state, locality_id).await?;
    let (id, invited) = state
        .db
        .create_call_inviting(&new, acting(user, convener))
        .await?;
    mail_invitations(state, user, &new.title, &new.lang, &invited).await;
    Ok(id)
}

/// The convener's staff rewrite a draft.
pub async fn update_call(
    state: &AppState,
    user: &User,
    id: i64,
    input: &CallInput,
) -> ActionResult<()> {
    // A draft is not there for anyone outside its convener: 404, as for a call that never was.
    let call = visible_call(state, Some(user), id).await?;
    if !is_convener_staff(state, user, call.locality_id).await? {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    if call.status != call::CallStatus::Draft {
        return Err(ActionError::Refused("refused-call-published"));
    }
    let new = validate_call(state, call.locality_id, input).await?;
    match state.db.update_call_inviting(id, &new, user.id).await {
        Err(StoreError::Conflict) => Err(ActionError::Refused("refused-call-published")),
        Err(other) => Err(other.into()),
        Ok(invited) => {
            mail_invitations(state, user, &new.title, &new.lang, &invited).await;
            Ok(())
        }
    }
}

/// The convener's staff publish a draft whose deadline is still ahead.
pub async fn publish_call(state: &AppState, user: &User, id: i64) -> ActionResult<()> {
    // A draft is not there for anyone outside its convener: 404, as for a call that never was.
    let call = visible_call(state, Some(user), id).await?;
    if !is_convener_staff(state, user, call.locality_id).await? {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    if call.status != call::CallStatus::Draft {
        return Err(ActionError::Refused("refused-call-published"));
    }
    if call.deadline_at <= state.db.now() {
        let mut errors = FieldErrors::new();
        errors.add("deadline", "error-deadline-past");
        return Err(ActionError::Invalid(errors));
    }
    let convener = convener_of(state, call.locality_id).await?;
    match state.db.publish_call(id, acting(user, convener)).await {
        Err(StoreError::Conflict) => Err(ActionError::Refused("refused-call-published")),
        other => Ok(other?),
    }
}

/// Checks uploads: at most [`MAX_ATTACHMENTS`], each of an accepted type and size. Gives each
/// with its safe name and content type.
pub fn check_uploads(
    uploads: &[Upload],
    errors: &mut FieldErrors,
) -> Vec<(String, &'static str, Vec<u8>)> {
    let uploads: Vec<&Upload> = uploads
        .iter()
        .filter(|u| !u.bytes.is_empty() || !u.file_name.is_empty())
        .collect();
    if uploads.len() > MAX_ATTACHMENTS {
        errors.add("attachments", "error-too-many");
        return Vec::new();
    }
    let mut out = Vec::new();
    for upload in uploads {
        let name = call::safe_file_name(&upload.file_name);
        match call::attachment_type(&name, &upload.bytes) {
            Ok(content_type) => out.push((name, content_type, upload.bytes.clone())),
            Err(key) => errors.add("attachments", key),
        }
    }
    out
}

/// The convener's staff attach documents to a call (while it is a draft or accepting).
pub async fn add_call_documents(
    state: &AppState,
    user: &User,
    id: i64,
    uploads: &[Upload],
) -> ActionResult<()> {
    // A draft is not there for anyone outside its convener: 404, as for a call that never was.
    let call = visible_call(state, Some(user), id).await?;
    if !is_convener_staff(state, user, call.locality_id).await? {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    if !matches!(call.phase(state.db.now()), Phase::Draft | Phase::Accepting) {
        return Err(ActionError::Refused("refused-call-closed"));
    }
    let mut errors = FieldErrors::new();
    let files = check_uploads(uploads, &mut errors);
    if files.is_empty() && errors.is_empty() {
        errors.add("attachments", "error-required");
    }
    errors.into_result().map_err(ActionError::Invalid)?;
    let convener = convener_of(state, call.locality_id).await?;
    state
        .db
        .add_attachments(id, None, &new_attachments(&files), acting(user, convener))
        .await?;
    Ok(())
}

/// The checked files as the store takes them.
fn new_attachments<'a>(files: &'a [(String, &'static str, Vec<u8>)]) -> Vec<NewAttachment<'a>> {
    files
        .iter()
        .map(|(file_name, content_type, bytes)| NewAttachment {
            file_name,
            content_type,
            bytes,
        })
        .collect()
}

/// The answer when the database found an application's files past its limit (uploads made at
/// the same moment): the same field error as when the form counted them.
fn too_many_attachments() -> ActionError {
    let mut errors = FieldErrors::new();
    errors.add("attachments", "error-too-many");
    ActionError::Invalid(errors)
}

/// The managers of the organisation that applied attach more files to its application, while
/// the call accepts applications; an application carries at most [`MAX_ATTACHMENTS`] in all.
pub async fn add_application_attachments(
    state: &AppState,
    user: &User,
    id: i64,
    application_id: i64,
    uploads: &[Upload],
) -> ActionResult<()> {
    let call = visible_call(state, Some(user), id).await?;
    let application = state
        .db
        .applications(id)
        .await?
        .into_iter()
        .find(|a| a.id == application_id)
        .ok_or(AppError::NotFound)?;
    if !managed(state, user)
        .await?
        .contains(&application.organisation_id)
    {
        return Err(ActionError::Refused("refused-not-organisation-admin"));
    }
    if call.phase(state.db.now()) != Phase::Accepting {
        return Err(ActionError::Refused("refused-call-closed"));
    }
    let mut errors = FieldErrors::new();
    let files = check_uploads(uploads, &mut errors);
    if files.is_empty() && errors.is_empty() {
        errors.add("attachments", "error-required");
    }
    let existing = state
        .db
        .attachments(id)
        .await?
        .iter()
        .filter(|a| a.application_id == Some(application_id))
        .count();
    if existing + files.len() > MAX_ATTACHMENTS && errors.for_field("attachments").is_none() {
        errors.add("attachments", "error-too-many");
    }
    errors.into_result().map_err(ActionError::Invalid)?;
    match state
        .db
        .add_attachments(
            id,
            Some(application_id),
            &new_attachments(&files),
            acting(user, application.organisation_id),
        )
        .await
    {
        Err(StoreError::LimitReached) => Err(too_many_attachments()),
        other => Ok(other.map(drop)?),
    }
}

/// An application as typed.
#[derive(Debug, Clone, Default)]
pub struct ApplicationInput {
    pub organisation: String,
    pub summary: String,
    pub proposal: String,
}

/// An organisation the person manages applies, with attachments, before the deadline.
pub async fn apply(
    state: &AppState,
    user: &User,
    id: i64,
    input: &ApplicationInput,
    uploads: &[Upload],
) -> ActionResult<i64> {
    let call = visible_call(state, Some(user), id).await?;
    if call.phase(state.db.now()) != Phase::Accepting {
        return Err(ActionError::Refused("refused-call-closed"));
    }
    if !user.is_verified() {
        return Err(ActionError::Refused("refused-unverified"));
    }
    // Authorise before validating: only those who manage an organisation apply for one.
    super::require_manages_some(state, user).await?;
    let mut errors = FieldErrors::new();
    let organisation_id =
        super::managed_organisation(state, user, &input.organisation, &mut errors).await?;
    if organisation_id == Some(convener_of(state, call.locality_id).await?) {
        errors.add("organisation", "error-convener-cannot-apply");
    }
    let required = |errors: &mut FieldErrors, field: &str, value: &str, max: usize| {
        let value = errors
            .check(field, validate::optional_text(value, max))
            .flatten();
        if value.is_none() && errors.for_field(field).is_none() {
            errors.add(field, "error-required");
        }
        value.unwrap_or_default()
    };
    let summary = required(&mut errors, "summary", &input.summary, 1_000);
    let proposal = required(&mut errors, "proposal", &input.proposal, 20_000);
    let files = check_uploads(uploads, &mut errors);
    errors.into_result().map_err(ActionError::Invalid)?;
    let Some(organisation_id) = organisation_id else {
        unreachable!("errors were returned above")
    };
    let application = match state
        .db
        .apply_to_call_with_files(
            id,
            organisation_id,
            &summary,
            &proposal,
            &new_attachments(&files),
            acting(user, organisation_id),
        )
        .await
    {
        // The deadline passed between the page and the store: late is late.
        Err(StoreError::Conflict) => return Err(ActionError::Refused("refused-call-closed")),
        Err(StoreError::LimitReached) => return Err(too_many_attachments()),
        other => other?,
    };
    Ok(application)
}

/// An evaluator (or one of the convener's staff, who decide the award) declares on a call.
/// Gives the applicants they stepped aside from.
pub async fn declare_on_call(
    state: &AppState,
    user: &User,
    id: i64,
    input: &DeclarationInput,
) -> ActionResult<Vec<i64>> {
    let call = visible_call(state, Some(user), id).await?;
    let staff = is_convener_staff(state, user, call.locality_id).await?;
    if !(call.is_evaluator(user.id) || staff) {
        return Err(ActionError::Refused("refused-not-evaluator"));
    }
    let convener = convener_of(state, call.locality_id).await?;
    let declaration = super::integrity::validate_declaration(state, input, convener).await?;
    let parties: Vec<i64> = state
        .db
        .applications(id)
        .await?
        .iter()
        .map(|a| a.organisation_id)
        .collect();
    Ok(state
        .db
        .declare_on_call(&call, &declaration, &parties, acting(user, convener))
        .await?)
}

/// An evaluator scores one application on every criterion, with a reason for each.
/// `scores`: criterion id, score, reason (as typed).
pub async fn score(
    state: &AppState,
    user: &User,
    id: i64,
    application_id: i64,
    scores: &[(String, String, String)],
) -> ActionResult<()> {
    let call = visible_call(state, Some(user), id).await?;
    if !call.is_evaluator(user.id) {
        return Err(ActionError::Refused("refused-not-evaluator"));
    }
    match call.phase(state.db.now()) {
        Phase::Evaluating => {}
        Phase::Accepting => return Err(ActionError::Refused("refused-call-still-open")),
        _ => return Err(ActionError::Refused("refused-call-decided")),
    }
    let application = state
        .db
        .applications(id)
        .await?
        .into_iter()
        .find(|a| a.id == application_id)
        .ok_or(AppError::NotFound)?;
    let convener = convener_of(state, call.locality_id).await?;
    check_decider(
        state,
        user,
        Matter::Call(id),
        call.locality_id,
        &[application.organisation_id],
        true,
        convener,
    )
    .await?;
    let mut errors = FieldErrors::new();
    let mut checked = Vec::new();
    for criterion in &call.criteria {
        let field = format!("score_{}", criterion.id);
        let typed = scores
            .iter()
            .find(|(c, _, _)| c.trim() == criterion.id.to_string());
        let (score, reason) = typed
            .map(|(_, s, r)| (s.as_str(), r.as_str()))
            .unwrap_or(("", ""));
        let score = match score.trim().parse::<i64>() {
            Ok(score) => match call::check_score(score) {
                Ok(()) => Some(score),
                Err(key) => {
                    errors.add(&field, key);
                    None
                }
            },
            Err(_) => {
                errors.add(&field, "error-score-range");
                None
            }
        };
        let reason = required_reasons(&mut errors, &format!("reason_{}", criterion.id), reason);
        if let (Some(score), Some(reason)) = (score, reason) {
            checked.push((criterion.id, score, reason));
        }
    }
    errors.into_result().map_err(ActionError::Invalid)?;
    match state
        .db
        .score_application(&call, application_id, &checked, acting(user, convener))
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::Refused("refused-call-decided")),
        other => Ok(other?),
    }
}

/// The aggregated results of a call, best first. Once the call is decided they are the ones
/// its decision put on the public record (totals and ranks as the award published them, each
/// criterion's mean from the scores it opened), not a second copy computed from the tables;
/// before, the convener's staff see them computed from the scores so far.
pub async fn results(
    state: &AppState,
    call: &Call,
    applications: &[Application],
) -> ActionResult<Vec<call::Ranked>> {
    let computed = state.db.call_results(call, applications).await?;
    if !matches!(
        call.status,
        call::CallStatus::Awarded | call::CallStatus::Cancelled
    ) {
        return Ok(computed);
    }
    let Some(entry) = state
        .db
        .call_decision_entry(call.locality_id, call.id)
        .await?
    else {
        return Ok(computed);
    };
    let weights: Vec<call::Weight> = call
        .criteria
        .iter()
        .map(|c| call::Weight {
            criterion_id: c.id,
            weight: c.weight,
        })
        .collect();
    let ids: Vec<i64> = applications.iter().map(|a| a.id).collect();
    Ok(shutaf_domain::journal::published_results(
        &entry, &ids, &weights, computed,
    ))
}

/// The convener's staff who decide on a call: past the deadline, declared, clear of every
/// applicant. Gives the call and its applications.
async fn convener_decides(
    state: &AppState,
    user: &User,
    id: i64,
) -> ActionResult<(Call, Vec<Application>, i64)> {
    let call = visible_call(state, Some(user), id).await?;
    if !is_convener_staff(state, user, call.locality_id).await? {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    match call.phase(state.db.now()) {
        Phase::Evaluating => {}
        Phase::Accepting | Phase::Draft => {
            return Err(ActionError::Refused("refused-call-still-open"));
        }
        _ => return Err(ActionError::Refused("refused-call-decided")),
    }
    let applications = state.db.applications(id).await?;
    let convener = convener_of(state, call.locality_id).await?;
    let parties: Vec<i64> = applications.iter().map(|a| a.organisation_id).collect();
    check_decider(
        state,
        user,
        Matter::Call(id),
        call.locality_id,
        &parties,
        true,
        convener,
    )
    .await?;
    Ok((call, applications, convener))
}

/// The convener awards the call to an application, with reasons.
pub async fn award(
    state: &AppState,
    user: &User,
    id: i64,
    application: &str,
    reasons: &str,
) -> ActionResult<()> {
    let (call, applications, convener) = convener_decides(state, user, id).await?;
    let mut errors = FieldErrors::new();
    let chosen = application
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|a| applications.iter().find(|x| x.id == a));
    if chosen.is_none() {
        errors.add("application", "error-choose-option");
    }
    let reasons = required_reasons(&mut errors, "award_reasons", reasons);
    errors.into_result().map_err(ActionError::Invalid)?;
    let (Some(chosen), Some(reasons)) = (chosen, reasons) else {
        unreachable!("errors were returned above")
    };
    let ranked = results(state, &call, &applications).await?;
    match state
        .db
        .award_call(&call, chosen, &reasons, &ranked, acting(user, convener))
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::App(AppError::Conflict(
            "error-changed-meanwhile",
        ))),
        other => Ok(other?),
    }
}

/// The convener ends the call without an award, with reasons.
pub async fn cancel(state: &AppState, user: &User, id: i64, reasons: &str) -> ActionResult<()> {
    let (call, _, convener) = convener_decides(state, user, id).await?;
    let mut errors = FieldErrors::new();
    let reasons = required_reasons(&mut errors, "cancel_reasons", reasons);
    errors.into_result().map_err(ActionError::Invalid)?;
    let reasons = reasons.unwrap_or_default();
    match state
        .db
        .cancel_call(&call, &reasons, acting(user, convener))
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::App(AppError::Conflict(
            "error-changed-meanwhile",
        ))),
        other => Ok(other?),
    }
}

/// The convener re-runs the call with a new deadline, with reasons.
pub async fn rerun(
    state: &AppState,
    user: &User,
    id: i64,
    deadline: &str,
    reasons: &str,
) -> ActionResult<()> {
    let (call, _, convener) = convener_decides(state, user, id).await?;
    let mut errors = FieldErrors::new();
    let deadline_at = match call::parse_deadline(deadline) {
        Ok(at) if at > state.db.now() => Some(at),
        Ok(_) => {
            errors.add("rerun_deadline", "error-deadline-past");
            None
        }
        Err(key) => {
            errors.add("rerun_deadline", key);
            None
        }
    };
    let reasons = required_reasons(&mut errors, "rerun_reasons", reasons);
    errors.into_result().map_err(ActionError::Invalid)?;
    let (Some(deadline_at), Some(reasons)) = (deadline_at, reasons) else {
        unreachable!("errors were returned above")
    };
    match state
        .db
        .rerun_call(&call, deadline_at, &reasons, acting(user, convener))
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::App(AppError::Conflict(
            "error-changed-meanwhile",
        ))),
        other => Ok(other?),
    }
}

/// An awarded call becomes an initiative, the winner its partner. Gives the initiative's id.
pub async fn start_initiative(state: &AppState, user: &User, id: i64) -> ActionResult<i64> {
    let call = visible_call(state, Some(user), id).await?;
    if !is_convener_staff(state, user, call.locality_id).await? {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    if call.status != call::CallStatus::Awarded {
        return Err(ActionError::Refused("refused-call-not-awarded"));
    }
    if call.initiative_id.is_some() {
        return Err(ActionError::Refused("refused-call-has-initiative"));
    }
    let winner = state
        .db
        .applications(id)
        .await?
        .into_iter()
        .find(|a| Some(a.id) == call.awarded_application_id)
        .ok_or(AppError::NotFound)?;
    let convener = convener_of(state, call.locality_id).await?;
    let slot = |lang: &str, text: &str| -> [Option<String>; 3] {
        let mut out = [None, None, None];
        let index = match lang {
            "ar" => 1,
            "en" => 2,
            _ => 0,
        };
        out[index] = Some(text.to_owned());
        out
    };
    let new = NewInitiative {
        locality_id: call.locality_id,
        initiator_organisation_id: convener,
        titles: slot(&call.lang, &call.title),
        problems: slot(&call.lang, &call.purpose),
        approaches: slot(&call.lang, &winner.summary),
        model: PartnershipModel::JointAgenda,
        management: Management::Joint,
        goal_ids: call.goal_ids.clone(),
        needs: Vec::new(),
        lead_organisation_id: None,
    };
    match state
        .db
        .initiative_from_call(&call, &new, winner.organisation_id, acting(user, convener))
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::Refused("refused-call-has-initiative")),
        other => Ok(other?),
    }
}

/// May the person download this attachment? Call documents are public once the call is;
/// an application's files only to its organisation, the evaluators and the convener's staff.
pub async fn may_download(
    state: &AppState,
    user: Option<&User>,
    attachment: &shutaf_store::calls::Attachment,
) -> ActionResult<bool> {
    let call = match visible_call(state, user, attachment.call_id).await {
        Ok(call) => call,
        Err(_) => return Ok(false),
    };
    let Some(application_id) = attachment.application_id else {
        return Ok(true);
    };
    let Some(user) = user else {
        return Ok(false);
    };
    if sight(state, Some(user), &call).await? == Sight::All {
        return Ok(true);
    }
    let own = managed(state, user).await?;
    Ok(state
        .db
        .applications(call.id)
        .await?
        .iter()
        .any(|a| a.id == application_id && own.contains(&a.organisation_id)))
}
