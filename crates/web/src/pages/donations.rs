//! Donations to the local authority: the public list of a locality's gifts with where each
//! stands in the donations-committee procedure, the convener's form to register one, and one
//! gift's page with the next step's form.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::donation::{DonationKind, DonationStep, HeadDecision, Recommendation};
use shutaf_store::Locality;
use shutaf_store::donations::Donation;
use tower_sessions::Session;

use super::{Ctx, FormFields, FormState, PageAction, render, render_status};
use crate::AppState;
use crate::actions::ActionError;
use crate::actions::calls::is_convener_staff;
use crate::actions::donations::{self as act, DonationInput, StepInput};
use crate::auth::{self, MaybeUser, SignedIn};
use crate::error::AppError;

/// The routes of these pages.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/localities/{id}/donations", get(list).post(register))
        .route("/donations/{id}", get(show).post(step))
}

const PAGE: i64 = 50;

/// Shekels with two decimals, from agorot.
pub fn shekels(agorot: &Option<i64>) -> String {
    match agorot {
        Some(a) => format!("₪{}.{:02}", a / 100, a % 100),
        None => "–".into(),
    }
}

#[derive(Template)]
#[template(path = "donations.html")]
pub struct DonationsPage {
    pub ctx: Ctx,
    pub locality: Locality,
    pub donations: Vec<Donation>,
    pub staff: bool,
    pub form: FormState,
    pub kinds: &'static [DonationKind],
    pub page: i64,
    pub more: bool,
}

impl DonationsPage {
    pub fn value(&self, d: &Donation) -> String {
        shekels(&d.value_agorot)
    }
}

async fn donations_page(
    state: &AppState,
    user: Option<&shutaf_store::User>,
    ctx: Ctx,
    id: i64,
    page: i64,
    form: FormState,
) -> Result<DonationsPage, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let staff = match user {
        Some(user) => is_convener_staff(state, user, id).await?,
        None => false,
    };
    let mut donations = state
        .db
        .donations_of_locality(id, PAGE + 1, (page - 1) * PAGE)
        .await?;
    let more = donations.len() as i64 > PAGE;
    donations.truncate(PAGE as usize);
    Ok(DonationsPage {
        ctx,
        locality,
        donations,
        staff,
        form,
        kinds: DonationKind::ALL,
        page,
        more,
    })
}

pub async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let page = super::page_number(&query);
    render(&donations_page(&state, user.as_ref(), ctx, id, page, FormState::empty()).await?)
}

pub async fn register(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let input = DonationInput {
        donor_organisation: form.get("donor_organisation").to_owned(),
        donor_name: form.get("donor_name").to_owned(),
        kind: form.get("kind").to_owned(),
        value: form.get("value").to_owned(),
        purpose: form.get("purpose").to_owned(),
        initiative: form.get("initiative").to_owned(),
    };
    match act::register(&state, &user, id, &input).await {
        Ok(donation) => {
            auth::flash(&session, "flash-saved").await;
            Ok(Redirect::to(&format!("/donations/{donation}")).into_response())
        }
        Err(ActionError::Invalid(errors)) => {
            let page = donations_page(
                &state,
                Some(&user),
                ctx,
                id,
                1,
                FormState::new(errors, form),
            )
            .await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "donation_show.html")]
pub struct DonationPage {
    pub ctx: Ctx,
    pub donation: Donation,
    pub locality: Locality,
    pub staff: bool,
    pub next: Option<DonationStep>,
    pub recommendations: &'static [Recommendation],
    pub decisions: &'static [HeadDecision],
    pub form: FormState,
    pub problem: Option<String>,
}

impl DonationPage {
    pub fn value(&self) -> String {
        shekels(&self.donation.value_agorot)
    }

    pub fn departed(&self) -> bool {
        match (
            self.donation.recommendation(),
            self.donation.head_decision(),
        ) {
            (Some(r), Some(d)) => shutaf_domain::donation::departs(r, d),
            _ => false,
        }
    }
}

async fn donation_page(
    state: &AppState,
    user: Option<&shutaf_store::User>,
    ctx: Ctx,
    id: i64,
    form: FormState,
    problem: Option<String>,
) -> Result<DonationPage, AppError> {
    let donation = state.db.donation(id).await?.ok_or(AppError::NotFound)?;
    let locality = state
        .db
        .locality(donation.locality_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let staff = match user {
        Some(user) => is_convener_staff(state, user, donation.locality_id).await?,
        None => false,
    };
    Ok(DonationPage {
        ctx,
        next: donation.step.next(),
        donation,
        locality,
        staff,
        recommendations: Recommendation::ALL,
        decisions: HeadDecision::ALL,
        form,
        problem,
    })
}

pub async fn show(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&donation_page(&state, user.as_ref(), ctx, id, FormState::empty(), None).await?)
}

pub async fn step(call: PageAction, form: FormFields) -> Result<Response, AppError> {
    let input = StepInput {
        step: form.get("step").to_owned(),
        check: form.get("check").to_owned(),
        recommendation: form.get("recommendation").to_owned(),
        decision: form.get("decision").to_owned(),
        reasons: form.get("reasons").to_owned(),
        report: form.get("report").to_owned(),
    };
    let result = act::take_step(&call.state, &call.user, call.id, &input)
        .await
        .map(|_| ());
    call.finish(form, result, "flash-saved", "/donations", donation_page)
        .await
}
