//! Organisations: the public directory, profiles, creating and editing, members and invitations.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::authz::{self, OrganisationAction};
use shutaf_domain::validate::FieldErrors;
use shutaf_domain::{ContributionType, MemberRole, OrganisationKind, Sector};
use shutaf_store::{Directory, DirectoryFilter, Invitation, Locality, Member, Organisation};
use tower_sessions::Session;

use super::{
    Ctx, FormFields, FormState, QueryFields, markdown, query_value, render, render_alike,
    render_status,
};
use crate::AppState;
use crate::actions::{self, ActionError, OrganisationInput};
use crate::auth::{self, MaybeUser, SignedIn};
use crate::error::{AppError, urlencode};

/// The routes of these pages.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/organisations", get(directory).post(create))
        .route("/organisations/new", get(new_form))
        .route("/organisations/{id}", get(show))
        .route("/organisations/{id}/edit", get(edit_form).post(update))
        .route("/organisations/{id}/members", get(members).post(invite))
        .route("/organisations/{id}/members/{user_id}", post(change_member))
        .route("/organisations/{id}/leave", post(leave))
        .route(
            "/invitations/{token}",
            get(invitation).post(accept_invitation),
        )
}

/// The organisation fields of a submitted form.
pub fn organisation_input(form: &FormFields) -> OrganisationInput {
    OrganisationInput {
        name_he: form.get("name_he").into(),
        name_ar: form.get("name_ar").into(),
        name_en: form.get("name_en").into(),
        sector: form.get("sector").into(),
        kind: form.get("kind").into(),
        description: form.get("description").into(),
        website: form.get("website").into(),
        contributions: form
            .all("contributions")
            .into_iter()
            .map(Into::into)
            .collect(),
        contributions_text: form.get("contributions_text").into(),
        localities: form.all("localities").into_iter().map(Into::into).collect(),
    }
}

/// Reads the directory filters from a query string; unknown values are ignored, not errors.
pub fn directory_filter(
    query: &[(String, String)],
    per_page: u32,
    lang: shutaf_domain::Language,
) -> DirectoryFilter {
    let q = query_value(query, "q").trim();
    DirectoryFilter {
        q: (!q.is_empty()).then(|| q.chars().take(200).collect()),
        sector: Sector::parse(query_value(query, "sector")),
        kind: OrganisationKind::parse(query_value(query, "kind")),
        locality_id: query_value(query, "locality").parse().ok(),
        contribution: ContributionType::parse(query_value(query, "contribution")),
        lang,
        cursor: shutaf_store::organisations::Cursor::parse(query_value(query, "cursor")),
        page: query_value(query, "page")
            .parse()
            .unwrap_or(1)
            .clamp(1, 1_000_000),
        per_page,
    }
}

#[derive(Template)]
#[template(path = "org_directory.html")]
pub struct DirectoryPage {
    pub ctx: Ctx,
    pub directory: Directory,
    pub filter: DirectoryFilter,
    pub localities: Vec<Locality>,
    pub q: String,
}

#[derive(Template)]
#[template(path = "org_results.html")]
pub struct DirectoryResults {
    pub ctx: Ctx,
    pub directory: Directory,
    pub filter: DirectoryFilter,
    pub q: String,
}

/// Links between pages keep the filters; a page is reached by its cursor (the number only
/// tells the reader where she is).
pub fn page_link(
    filter: &DirectoryFilter,
    q: &str,
    page: u32,
    cursor: Option<&shutaf_store::organisations::Cursor>,
) -> String {
    let mut parts: Vec<(&str, String)> = Vec::new();
    if !q.is_empty() {
        parts.push(("q", q.to_owned()));
    }
    if let Some(s) = filter.sector {
        parts.push(("sector", s.code().into()));
    }
    if let Some(k) = filter.kind {
        parts.push(("kind", k.code().into()));
    }
    if let Some(l) = filter.locality_id {
        parts.push(("locality", l.to_string()));
    }
    if let Some(c) = filter.contribution {
        parts.push(("contribution", c.code().into()));
    }
    // The first page is the plain address, however it was reached.
    if let (Some(cursor), true) = (cursor, page > 1) {
        parts.push(("cursor", cursor.encode()));
        parts.push(("page", page.to_string()));
    }
    format!(
        "/organisations?{}",
        serde_urlencoded::to_string(&parts).unwrap_or_default()
    )
}

/// The links and words of a directory page's pagination.
fn next_link(filter: &DirectoryFilter, q: &str, directory: &Directory) -> Option<String> {
    let next = directory.next.as_ref()?;
    Some(page_link(filter, q, directory.page + 1, Some(next)))
}

fn previous_link(filter: &DirectoryFilter, q: &str, directory: &Directory) -> Option<String> {
    let previous = directory.previous.as_ref()?;
    Some(page_link(
        filter,
        q,
        directory.page.saturating_sub(1).max(1),
        Some(previous),
    ))
}

fn page_label(ctx: &Ctx, directory: &Directory) -> String {
    match directory.pages() {
        Some(pages) => ctx.page_of(directory.page, pages.max(directory.page)),
        None => ctx.a("pagination-page", "page", &directory.page.to_string()),
    }
}

impl DirectoryResults {
    pub fn next_link(&self) -> Option<String> {
        next_link(&self.filter, &self.q, &self.directory)
    }

    pub fn previous_link(&self) -> Option<String> {
        previous_link(&self.filter, &self.q, &self.directory)
    }

    pub fn page_label(&self) -> String {
        page_label(&self.ctx, &self.directory)
    }
}

impl DirectoryPage {
    pub fn locality_selected(&self, id: &i64) -> bool {
        self.filter.locality_id == Some(*id)
    }

    pub fn next_link(&self) -> Option<String> {
        next_link(&self.filter, &self.q, &self.directory)
    }

    pub fn previous_link(&self) -> Option<String> {
        previous_link(&self.filter, &self.q, &self.directory)
    }

    pub fn page_label(&self) -> String {
        page_label(&self.ctx, &self.directory)
    }
}

pub async fn directory(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    query: QueryFields,
) -> Result<Response, AppError> {
    let filter = directory_filter(&query.0, 20, ctx.lang());
    let q = filter.q.clone().unwrap_or_default();
    let directory = state.db.directory(&filter).await?;
    // htmx asks for the results only, to swap them in place as filters change.
    if headers.get("hx-request").is_some()
        && headers.get("hx-target").is_some_and(|t| t == "results")
    {
        return render_alike(&DirectoryResults {
            ctx,
            directory,
            filter,
            q,
        });
    }
    let localities = state.db.localities().await?;
    render_alike(&DirectoryPage {
        ctx,
        directory,
        filter,
        localities,
        q,
    })
}

#[derive(Template)]
#[template(path = "org_form.html")]
pub struct OrganisationFormPage {
    pub ctx: Ctx,
    pub form: FormState,
    pub localities: Vec<Locality>,
    /// `None` when creating.
    pub editing: Option<i64>,
}

#[derive(Template)]
#[template(path = "org_new_sector.html")]
pub struct ChooseSectorPage {
    pub ctx: Ctx,
}

/// Creating starts by choosing the sector, so that the sector's usual contributions can be
/// pre-selected on the form that follows (without JavaScript).
pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    query: QueryFields,
) -> Result<Response, AppError> {
    if !user.is_verified() {
        return Err(AppError::Forbidden("refused-unverified"));
    }
    let Some(sector) = Sector::parse(query_value(&query.0, "sector")) else {
        return render(&ChooseSectorPage { ctx });
    };
    let mut values = vec![("sector".to_owned(), sector.code().to_owned())];
    values.extend(
        ContributionType::sector_defaults(sector)
            .iter()
            .map(|c| ("contributions".to_owned(), c.code().to_owned())),
    );
    let localities = state.db.localities().await?;
    render(&OrganisationFormPage {
        ctx,
        form: FormState::new(FieldErrors::new(), FormFields(values)),
        localities,
        editing: None,
    })
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    form: FormFields,
) -> Result<Response, AppError> {
    match actions::create_organisation(&state, &user, &organisation_input(&form)).await {
        Ok(created) => Ok(Redirect::to(&format!("/organisations/{}", created.id)).into_response()),
        Err(ActionError::Invalid(errors)) => {
            let localities = state.db.localities().await?;
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &OrganisationFormPage {
                    ctx,
                    form: FormState::new(errors, form),
                    localities,
                    editing: None,
                },
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "org_show.html")]
pub struct OrganisationPage {
    pub ctx: Ctx,
    pub org: Organisation,
    pub description_html: String,
    pub localities: Vec<Locality>,
    pub convenes: Vec<Locality>,
    pub role: Option<MemberRole>,
    pub can_edit: bool,
}

pub async fn show(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let org = state.db.organisation(id).await?.ok_or(AppError::NotFound)?;
    let role = match &user {
        Some(user) => state.db.role_in(id, user.id).await?,
        None => None,
    };
    let actor = user.as_ref().map(actions::actor).unwrap_or_default();
    let can_edit = authz::organisation(actor, role, OrganisationAction::Edit).is_ok();
    let all = state.db.localities().await?;
    let localities = all
        .iter()
        .filter(|l| org.locality_ids.contains(&l.id))
        .cloned()
        .collect();
    let convenes = state.db.localities_convened_by(id).await?;
    let description_html = org.description.as_deref().map(markdown).unwrap_or_default();
    render(&OrganisationPage {
        ctx,
        org,
        description_html,
        localities,
        convenes,
        role,
        can_edit,
    })
}

/// The form values of an existing organisation.
fn organisation_values(org: &Organisation) -> FormFields {
    let mut values: Vec<(String, String)> = vec![
        ("name_he".into(), org.name_he.clone().unwrap_or_default()),
        ("name_ar".into(), org.name_ar.clone().unwrap_or_default()),
        ("name_en".into(), org.name_en.clone().unwrap_or_default()),
        ("sector".into(), org.sector.code().into()),
        ("kind".into(), org.kind.code().into()),
        (
            "description".into(),
            org.description.clone().unwrap_or_default(),
        ),
        ("website".into(), org.website.clone().unwrap_or_default()),
        (
            "contributions_text".into(),
            org.contributions_text.clone().unwrap_or_default(),
        ),
    ];
    values.extend(
        org.contributions
            .iter()
            .map(|c| ("contributions".to_owned(), c.code().to_owned())),
    );
    values.extend(
        org.locality_ids
            .iter()
            .map(|l| ("localities".to_owned(), l.to_string())),
    );
    FormFields(values)
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (org, _) = actions::authorise(&state, &user, id, OrganisationAction::Edit).await?;
    let localities = state.db.localities().await?;
    render(&OrganisationFormPage {
        ctx,
        form: FormState::new(FieldErrors::new(), organisation_values(&org)),
        localities,
        editing: Some(id),
    })
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match actions::update_organisation(&state, &user, id, &organisation_input(&form)).await {
        Ok(_) => {
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/organisations/{id}")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let localities = state.db.localities().await?;
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &OrganisationFormPage {
                    ctx,
                    form: FormState::new(errors, form),
                    localities,
                    editing: Some(id),
                },
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "org_members.html")]
pub struct MembersPage {
    pub ctx: Ctx,
    pub org: Organisation,
    pub members: Vec<Member>,
    pub invitations: Vec<Invitation>,
    pub role: Option<MemberRole>,
    pub can_manage: bool,
    pub form: FormState,
    pub problem: Option<String>,
}

async fn members_page(
    state: &AppState,
    user: &shutaf_store::User,
    ctx: Ctx,
    id: i64,
    form: FormState,
    problem: Option<String>,
) -> Result<MembersPage, AppError> {
    let (org, role) = actions::authorise(state, user, id, OrganisationAction::SeeMembers).await?;
    let can_manage = authz::organisation(
        actions::actor(user),
        role,
        OrganisationAction::ManageMembers,
    )
    .is_ok();
    let members = state.db.members(id).await?;
    let invitations = if can_manage {
        state.db.pending_invitations(id).await?
    } else {
        Vec::new()
    };
    Ok(MembersPage {
        ctx,
        org,
        members,
        invitations,
        role,
        can_manage,
        form,
        problem,
    })
}

pub async fn members(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&members_page(&state, &user, ctx, id, FormState::empty(), None).await?)
}

pub async fn invite(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match actions::invite(
        &state,
        &user,
        id,
        form.get("email"),
        form.get("role"),
        ctx.lang(),
    )
    .await
    {
        Ok(_) => {
            auth::flash(&session, "flash-invited").await;
            Ok(Redirect::to(&format!("/organisations/{id}/members")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let page =
                members_page(&state, &user, ctx, id, FormState::new(errors, form), None).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn change_member(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path((id, member_id)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let new_role = match form.get("role") {
        "remove" => None,
        code => Some(MemberRole::parse(code).ok_or(AppError::BadRequest("error-choose-option"))?),
    };
    match actions::change_member(&state, &user, id, member_id, new_role).await {
        Ok(()) => {
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/organisations/{id}/members")).into_response())
        }
        // Refusals are shown on the members page itself, where the person can act on them.
        Err(ActionError::Refused(reason)) if reason != "refused-not-organisation-admin" => {
            let problem = Some(ctx.t(reason));
            let page = members_page(&state, &user, ctx, id, FormState::empty(), problem).await?;
            render_status(StatusCode::FORBIDDEN, &page)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn leave(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    match actions::leave(&state, &user, id).await {
        Ok(()) => {
            auth::flash(&session, "flash-left").await;
            Ok(Redirect::to("/profile").into_response())
        }
        Err(ActionError::Refused(reason)) => {
            let problem = Some(ctx.t(reason));
            let page = members_page(&state, &user, ctx, id, FormState::empty(), problem).await?;
            render_status(StatusCode::CONFLICT, &page)
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "invitation.html")]
pub struct InvitationPage {
    pub ctx: Ctx,
    pub invitation: Invitation,
    pub org: Organisation,
    pub token: String,
    pub signin_href: String,
    pub signup_href: String,
}

pub async fn invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let invitation = state
        .db
        .invitation_by_token(&token)
        .await?
        .ok_or(AppError::BadRequest("error-link-invalid"))?;
    let org = state
        .db
        .organisation(invitation.organisation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let here = urlencode(&ctx.here);
    render(&InvitationPage {
        signin_href: format!("/signin?next={here}"),
        signup_href: format!("/signup?next={here}"),
        ctx,
        invitation,
        org,
        token,
    })
}

pub async fn accept_invitation(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let id = actions::accept_invitation(&state, &user, &token).await?;
    auth::flash(&session, "flash-joined").await;
    Ok(Redirect::to(&format!("/organisations/{id}")).into_response())
}
