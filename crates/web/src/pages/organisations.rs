//! Organisations: the public directory, profiles, creating and editing, members and invitations.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::authz::{self, OrganisationAction};
use shutaf_domain::validate::{self, Email, FieldErrors};
use shutaf_domain::{ContributionType, MemberRole, OrganisationKind, Sector};
use shutaf_store::{Directory, DirectoryFilter, Invitation, Locality, Member, NewOrganisation, Organisation, StoreError};
use tower_sessions::Session;

use super::{Ctx, FormFields, FormState, QueryFields, markdown, render, render_status};
use crate::AppState;
use crate::auth::{self, MaybeUser, SignedIn};
use crate::error::{AppError, urlencode};

/// The organisation fields as typed, from a form or the API.
#[derive(Debug, Default, Clone)]
pub struct OrganisationInput {
    pub name_he: String,
    pub name_ar: String,
    pub name_en: String,
    pub sector: String,
    pub kind: String,
    pub description: String,
    pub website: String,
    pub contributions: Vec<String>,
    pub contributions_text: String,
    pub localities: Vec<String>,
}

impl OrganisationInput {
    pub fn from_form(form: &FormFields) -> OrganisationInput {
        OrganisationInput {
            name_he: form.get("name_he").into(),
            name_ar: form.get("name_ar").into(),
            name_en: form.get("name_en").into(),
            sector: form.get("sector").into(),
            kind: form.get("kind").into(),
            description: form.get("description").into(),
            website: form.get("website").into(),
            contributions: form.all("contributions").into_iter().map(Into::into).collect(),
            contributions_text: form.get("contributions_text").into(),
            localities: form.all("localities").into_iter().map(Into::into).collect(),
        }
    }
}

/// Validates an organisation against the rules and the localities that exist.
pub fn validate_organisation(input: &OrganisationInput, localities: &[Locality]) -> Result<NewOrganisation, FieldErrors> {
    let mut errors = FieldErrors::new();
    let names = validate::names_per_language(&mut errors, "name", &input.name_he, &input.name_ar, &input.name_en);
    let sector = errors.check("sector", Sector::parse(&input.sector).ok_or("error-choose-option"));
    let kind = errors.check("kind", OrganisationKind::parse(&input.kind).ok_or("error-choose-option"));
    if let (Some(sector), Some(kind)) = (sector, kind) {
        if !kind.fits(sector) {
            errors.add("kind", "error-kind-sector");
        }
    }
    let description = errors.check("description", validate::optional_text(&input.description, 10_000)).flatten();
    let website = errors.check("website", validate::optional_website(&input.website)).flatten();
    let contributions_text = errors.check("contributions_text", validate::optional_text(&input.contributions_text, 2_000)).flatten();
    let mut contributions = Vec::new();
    for code in &input.contributions {
        match ContributionType::parse(code) {
            Some(c) => contributions.push(c),
            None => errors.add("contributions", "error-choose-option"),
        }
    }
    let mut locality_ids = Vec::new();
    for id in &input.localities {
        match id.parse::<i64>().ok().filter(|id| localities.iter().any(|l| l.id == *id)) {
            Some(id) => locality_ids.push(id),
            None => errors.add("localities", "error-choose-option"),
        }
    }
    errors.into_result()?;
    Ok(NewOrganisation { names, sector, kind, description, website, contributions, contributions_text, locality_ids })
}

fn query_value<'a>(query: &'a [(String, String)], name: &str) -> &'a str {
    query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

/// Reads the directory filters from a query string; unknown values are ignored, not errors.
pub fn directory_filter(query: &[(String, String)], per_page: u32, lang: shutaf_domain::Language) -> DirectoryFilter {
    let q = query_value(query, "q").trim();
    DirectoryFilter {
        q: (!q.is_empty()).then(|| q.chars().take(200).collect()),
        sector: Sector::parse(query_value(query, "sector")),
        kind: OrganisationKind::parse(query_value(query, "kind")),
        locality_id: query_value(query, "locality").parse().ok(),
        contribution: ContributionType::parse(query_value(query, "contribution")),
        lang,
        page: query_value(query, "page").parse().unwrap_or(1).clamp(1, 100_000),
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

/// Links between pages keep the filters.
pub fn page_link(filter: &DirectoryFilter, q: &str, page: u32) -> String {
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
    parts.push(("page", page.to_string()));
    format!("/organisations?{}", serde_urlencoded::to_string(&parts).unwrap_or_default())
}

impl DirectoryResults {
    pub fn link(&self, page: impl std::borrow::Borrow<u32>) -> String {
        page_link(&self.filter, &self.q, *page.borrow())
    }
}

impl DirectoryPage {
    pub fn locality_selected(&self, id: &i64) -> bool {
        self.filter.locality_id == Some(*id)
    }

    pub fn link(&self, page: impl std::borrow::Borrow<u32>) -> String {
        page_link(&self.filter, &self.q, *page.borrow())
    }
}

pub async fn directory(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap, query: QueryFields) -> Result<Response, AppError> {
    let filter = directory_filter(&query.0, 20, ctx.lang());
    let q = filter.q.clone().unwrap_or_default();
    let directory = state.db.directory(&filter).await?;
    // htmx asks for the results only, to swap them in place as filters change.
    if headers.get("hx-request").is_some() && headers.get("hx-target").is_some_and(|t| t == "results") {
        return render(&DirectoryResults { ctx, directory, filter, q });
    }
    let localities = state.db.localities().await?;
    render(&DirectoryPage { ctx, directory, filter, localities, q })
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

fn require_verified(user: &shutaf_store::User) -> Result<(), AppError> {
    if user.is_verified() { Ok(()) } else { Err(AppError::Forbidden("refused-unverified")) }
}

/// Creating starts by choosing the sector, so that the sector's usual contributions can be
/// pre-selected on the form that follows (without JavaScript).
pub async fn new_form(State(state): State<AppState>, SignedIn(user): SignedIn, ctx: Ctx, query: QueryFields) -> Result<Response, AppError> {
    require_verified(&user)?;
    let Some(sector) = Sector::parse(query_value(&query.0, "sector")) else {
        return render(&ChooseSectorPage { ctx });
    };
    let mut values = vec![("sector".to_owned(), sector.code().to_owned())];
    values.extend(ContributionType::sector_defaults(sector).iter().map(|c| ("contributions".to_owned(), c.code().to_owned())));
    let localities = state.db.localities().await?;
    render(&OrganisationFormPage { ctx, form: FormState::new(FieldErrors::new(), FormFields(values)), localities, editing: None })
}

pub async fn create(State(state): State<AppState>, SignedIn(user): SignedIn, ctx: Ctx, form: FormFields) -> Result<Response, AppError> {
    require_verified(&user)?;
    authz::organisation(SignedIn(user.clone()).actor(), None, OrganisationAction::Create).map_err(AppError::Forbidden)?;
    let localities = state.db.localities().await?;
    match validate_organisation(&OrganisationInput::from_form(&form), &localities) {
        Ok(org) => {
            let created = state.db.create_organisation(&org, user.id).await?;
            Ok(Redirect::to(&format!("/organisations/{}", created.id)).into_response())
        }
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &OrganisationFormPage { ctx, form: FormState::new(errors, form), localities, editing: None },
        ),
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

pub async fn show(State(state): State<AppState>, MaybeUser(user): MaybeUser, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let org = state.db.organisation(id).await?.ok_or(AppError::NotFound)?;
    let role = match &user {
        Some(user) => state.db.role_in(id, user.id).await?,
        None => None,
    };
    let actor = user.as_ref().map(|u| SignedIn(u.clone()).actor()).unwrap_or_default();
    let can_edit = authz::organisation(actor, role, OrganisationAction::Edit).is_ok();
    let all = state.db.localities().await?;
    let localities = all.iter().filter(|l| org.locality_ids.contains(&l.id)).cloned().collect();
    let convenes = state.db.localities_convened_by(id).await?;
    let description_html = org.description.as_deref().map(markdown).unwrap_or_default();
    render(&OrganisationPage { ctx, org, description_html, localities, convenes, role, can_edit })
}

/// Loads an organisation and checks the person may act on it.
async fn authorise(state: &AppState, user: &shutaf_store::User, id: i64, action: OrganisationAction) -> Result<(Organisation, Option<MemberRole>), AppError> {
    let org = state.db.organisation(id).await?.ok_or(AppError::NotFound)?;
    let role = state.db.role_in(id, user.id).await?;
    authz::organisation(SignedIn(user.clone()).actor(), role, action).map_err(AppError::Forbidden)?;
    Ok((org, role))
}

/// The form values of an existing organisation.
fn organisation_values(org: &Organisation) -> FormFields {
    let mut values: Vec<(String, String)> = vec![
        ("name_he".into(), org.name_he.clone().unwrap_or_default()),
        ("name_ar".into(), org.name_ar.clone().unwrap_or_default()),
        ("name_en".into(), org.name_en.clone().unwrap_or_default()),
        ("sector".into(), org.sector.code().into()),
        ("kind".into(), org.kind.code().into()),
        ("description".into(), org.description.clone().unwrap_or_default()),
        ("website".into(), org.website.clone().unwrap_or_default()),
        ("contributions_text".into(), org.contributions_text.clone().unwrap_or_default()),
    ];
    values.extend(org.contributions.iter().map(|c| ("contributions".to_owned(), c.code().to_owned())));
    values.extend(org.locality_ids.iter().map(|l| ("localities".to_owned(), l.to_string())));
    FormFields(values)
}

pub async fn edit_form(State(state): State<AppState>, SignedIn(user): SignedIn, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (org, _) = authorise(&state, &user, id, OrganisationAction::Edit).await?;
    let localities = state.db.localities().await?;
    render(&OrganisationFormPage { ctx, form: FormState::new(FieldErrors::new(), organisation_values(&org)), localities, editing: Some(id) })
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    authorise(&state, &user, id, OrganisationAction::Edit).await?;
    let localities = state.db.localities().await?;
    match validate_organisation(&OrganisationInput::from_form(&form), &localities) {
        Ok(org) => {
            state.db.update_organisation(id, &org).await?;
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/organisations/{id}")).into_response())
        }
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &OrganisationFormPage { ctx, form: FormState::new(errors, form), localities, editing: Some(id) },
        ),
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

async fn members_page(state: &AppState, user: &shutaf_store::User, ctx: Ctx, id: i64, form: FormState, problem: Option<String>) -> Result<MembersPage, AppError> {
    let (org, role) = authorise(state, user, id, OrganisationAction::SeeMembers).await?;
    let can_manage = authz::organisation(SignedIn(user.clone()).actor(), role, OrganisationAction::ManageMembers).is_ok();
    let members = state.db.members(id).await?;
    let invitations = if can_manage { state.db.pending_invitations(id).await? } else { Vec::new() };
    Ok(MembersPage { ctx, org, members, invitations, role, can_manage, form, problem })
}

pub async fn members(State(state): State<AppState>, SignedIn(user): SignedIn, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
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
    let (org, role) = authorise(&state, &user, id, OrganisationAction::Invite).await?;
    let mut errors = FieldErrors::new();
    let email = errors.check("email", Email::parse(form.get("email")));
    let invited_role = errors.check("role", MemberRole::parse(form.get("role")).ok_or("error-choose-option"));
    if invited_role == Some(MemberRole::Owner) && role != Some(MemberRole::Owner) && !user.platform_admin() {
        errors.add("role", "refused-only-owner-manages-owners");
    }
    let (Some(email), Some(invited_role), true) = (email, invited_role, errors.is_empty()) else {
        let page = members_page(&state, &user, ctx, id, FormState::new(errors, form), None).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let (_, token) = state.db.create_invitation(id, email.as_str(), invited_role, user.id).await?;
    let link = format!("{}/invitations/{token}", state.config.base());
    let tr = ctx.tr;
    let subject = tr.args("mail-invite-subject", &[("organisation", org.name(tr.lang))]);
    let body = tr.args(
        "mail-invite-body",
        &[("organisation", org.name(tr.lang)), ("inviter", &user.display_name), ("link", &link)],
    );
    if let Err(e) = state.mailer.send(email.as_str(), &subject, &body).await {
        tracing::error!(error = %e, "invitation mail could not be sent");
    }
    auth::flash(&session, "flash-invited").await;
    Ok(Redirect::to(&format!("/organisations/{id}/members")).into_response())
}

pub async fn change_member(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path((id, member_id)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (_, role) = authorise(&state, &user, id, OrganisationAction::ManageMembers).await?;
    let target = state.db.role_in(id, member_id).await?.ok_or(AppError::NotFound)?;
    let new_role = match form.get("role") {
        "remove" => None,
        code => Some(MemberRole::parse(code).ok_or(AppError::BadRequest("error-choose-option"))?),
    };
    let owners = state.db.owner_count(id).await?;
    if let Err(reason) = authz::change_role(SignedIn(user.clone()).actor(), role, target, new_role, owners) {
        let problem = Some(ctx.t(reason));
        let page = members_page(&state, &user, ctx, id, FormState::empty(), problem).await?;
        return render_status(StatusCode::FORBIDDEN, &page);
    }
    match state.db.set_member_role(id, member_id, new_role).await {
        Ok(()) => {}
        Err(StoreError::Conflict) => return Err(AppError::Conflict("refused-last-owner")),
        Err(e) => return Err(e.into()),
    }
    auth::flash(&session, "flash-saved").await;
    Ok(Redirect::to(&format!("/organisations/{id}/members")).into_response())
}

pub async fn leave(State(state): State<AppState>, SignedIn(user): SignedIn, session: Session, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let role = state.db.role_in(id, user.id).await?.ok_or(AppError::NotFound)?;
    let owners = state.db.owner_count(id).await?;
    if let Err(reason) = authz::leave(role, owners) {
        let problem = Some(ctx.t(reason));
        let page = members_page(&state, &user, ctx, id, FormState::empty(), problem).await?;
        return render_status(StatusCode::CONFLICT, &page);
    }
    match state.db.set_member_role(id, user.id, None).await {
        Ok(()) => {}
        Err(StoreError::Conflict) => return Err(AppError::Conflict("refused-last-owner")),
        Err(e) => return Err(e.into()),
    }
    auth::flash(&session, "flash-left").await;
    Ok(Redirect::to("/profile").into_response())
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

pub async fn invitation(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> Result<Response, AppError> {
    let invitation = state.db.invitation_by_token(&token).await?.ok_or(AppError::BadRequest("error-link-invalid"))?;
    let org = state.db.organisation(invitation.organisation_id).await?.ok_or(AppError::NotFound)?;
    let here = urlencode(&ctx.here);
    render(&InvitationPage {
        signin_href: format!("/signin?next={here}"),
        signup_href: "/signup".into(),
        ctx,
        invitation,
        org,
        token,
    })
}

pub async fn accept_invitation(State(state): State<AppState>, SignedIn(user): SignedIn, session: Session, Path(token): Path<String>) -> Result<Response, AppError> {
    require_verified(&user)?;
    let id = match state.db.accept_invitation(&token, user.id).await {
        Ok(id) => id,
        Err(StoreError::NotFound) => return Err(AppError::BadRequest("error-link-invalid")),
        Err(e) => return Err(e.into()),
    };
    auth::flash(&session, "flash-joined").await;
    Ok(Redirect::to(&format!("/organisations/{id}")).into_response())
}
