//! The partnership charter: its versions side by side, proposing a new one, endorsing.

use axum::Router;
use axum::routing::{get, post};

use super::*;

/// The routes of this part.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/initiatives/{id}/charter",
            get(charter).post(propose_charter),
        )
        .route("/initiatives/{id}/charter/{version}/endorse", post(endorse))
}

/// Two charter versions side by side.
pub struct Comparison {
    pub a: i64,
    pub b: i64,
    pub rows: Vec<CompareRow>,
}

/// One section in two versions.
pub struct CompareRow {
    pub section: String,
    pub a: String,
    pub b: String,
    pub changed: bool,
}

#[derive(Template)]
#[template(path = "charter.html")]
pub struct CharterPage {
    pub ctx: Ctx,
    pub initiative: Initiative,
    pub versions: Vec<CharterVersion>,
    /// The version shown, its sections as (section, text).
    pub current: Option<(i64, Vec<(String, String)>)>,
    /// Side by side: the two versions and their sections.
    pub compare: Option<Comparison>,
    pub partners: Vec<(String, bool)>,
    pub standing: Standing,
    pub form: FormState,
    pub sections: &'static [&'static str],
}

fn sections_of(version: &CharterVersion) -> Vec<(String, String)> {
    let parsed: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&version.content).unwrap_or_default();
    CHARTER_SECTIONS
        .iter()
        .filter_map(|s| {
            parsed
                .get(*s)
                .and_then(|v| v.as_str())
                .map(|text| ((*s).to_owned(), text.to_owned()))
        })
        .collect()
}

async fn charter_page(
    state: &AppState,
    user: Option<&shutaf_store::User>,
    ctx: Ctx,
    id: i64,
    query: &[(String, String)],
    form: Option<FormState>,
) -> Result<CharterPage, AppError> {
    let initiative = state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let partners = state.db.partners(id).await?;
    let standing = match user {
        Some(user) => act::standing(state, user, &initiative, &partners).await?,
        None => Standing::default(),
    };
    let versions = state.db.charter_versions(id).await?;
    let current = versions.last().map(|v| (v.version, sections_of(v)));
    let endorsed = match versions.last() {
        Some(v) => state.db.endorsements(id, v.version).await?,
        None => Vec::new(),
    };
    let lang = ctx.lang();
    let partner_list = partners
        .iter()
        .filter(|p| p.status == PartnerStatus::Active)
        .map(|p| {
            (
                p.name(lang).to_owned(),
                endorsed.contains(&p.organisation_id),
            )
        })
        .collect();
    let pick = |name: &str| {
        query_value(query, name)
            .parse::<i64>()
            .ok()
            .and_then(|n| versions.iter().find(|v| v.version == n))
    };
    let compare = match (pick("a"), pick("b")) {
        (Some(a), Some(b)) => {
            let (sa, sb) = (sections_of(a), sections_of(b));
            let rows = CHARTER_SECTIONS
                .iter()
                .map(|s| {
                    let ta = sa
                        .iter()
                        .find(|(k, _)| k == s)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default();
                    let tb = sb
                        .iter()
                        .find(|(k, _)| k == s)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default();
                    let changed = ta != tb;
                    CompareRow {
                        section: (*s).to_owned(),
                        a: ta,
                        b: tb,
                        changed,
                    }
                })
                .collect();
            Some(Comparison {
                a: a.version,
                b: b.version,
                rows,
            })
        }
        _ => None,
    };
    // The proposal form starts from the current text.
    let form = form.unwrap_or_else(|| {
        FormState::new(
            FieldErrors::new(),
            FormFields(current.as_ref().map(|(_, s)| s.clone()).unwrap_or_default()),
        )
    });
    Ok(CharterPage {
        ctx,
        initiative,
        versions,
        current,
        compare,
        partners: partner_list,
        standing,
        form,
        sections: CHARTER_SECTIONS,
    })
}

pub async fn charter(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ctx: Ctx,
    Path(id): Path<i64>,
    query: QueryFields,
) -> Result<Response, AppError> {
    render(&charter_page(&state, user.as_ref(), ctx, id, &query.0, None).await?)
}

pub async fn propose_charter(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let organisation: i64 = form
        .get("organisation")
        .parse()
        .map_err(|_| AppError::BadRequest("error-choose-option"))?;
    match act::propose_charter(&state, &user, id, organisation, &form.0).await {
        Ok(_) => {
            auth::flash(&session, "flash-charter-proposed").await;
            Ok(Redirect::to(&format!("/initiatives/{id}/charter")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let page = charter_page(
                &state,
                Some(&user),
                ctx,
                id,
                &[],
                Some(FormState::new(errors, form)),
            )
            .await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn endorse(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    Path((id, version)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let organisation: i64 = form
        .get("organisation")
        .parse()
        .map_err(|_| AppError::BadRequest("error-choose-option"))?;
    act::endorse(&state, &user, id, organisation, version).await?;
    auth::flash(&session, "flash-endorsed").await;
    Ok(Redirect::to(&format!("/initiatives/{id}/charter")).into_response())
}
