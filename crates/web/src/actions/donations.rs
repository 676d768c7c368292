//! Gifts to the local authority: registered by the convener's staff, then checked by the
//! donations committee, decided by the head of the authority (with reasons where the decision
//! departs from the recommendation), and reported to the council. The steps go in order.

use shutaf_domain::donation::{self, DonationKind, HeadDecision, Recommendation};
use shutaf_domain::validate::{self, FieldErrors};
use shutaf_store::donations::{Donation, DonationAction, NewDonation};
use shutaf_store::{Acting, StoreError, User};

use super::calls::is_convener_staff;
use super::integrity::{convener_of, required_reasons};
use super::{ActionError, ActionResult};
use crate::AppState;
use crate::error::AppError;

/// A gift as typed.
#[derive(Debug, Clone, Default)]
pub struct DonationInput {
    /// A directory organisation's id, or empty.
    pub donor_organisation: String,
    /// The donor's name, needed when no organisation is chosen.
    pub donor_name: String,
    pub kind: String,
    /// In shekels, as typed.
    pub value: String,
    pub purpose: String,
    /// An initiative of the locality the gift is for, or empty.
    pub initiative: String,
}

async fn staff_acting(state: &AppState, user: &User, locality_id: i64) -> ActionResult<Acting> {
    if !is_convener_staff(state, user, locality_id).await? {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    Ok(Acting {
        user_id: user.id,
        organisation_id: Some(convener_of(state, locality_id).await?),
    })
}

/// The convener's staff register a gift to the authority.
pub async fn register(
    state: &AppState,
    user: &User,
    locality_id: i64,
    input: &DonationInput,
) -> ActionResult<i64> {
    state
        .db
        .locality(locality_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let acting = staff_acting(state, user, locality_id).await?;
    let mut errors = FieldErrors::new();
    let donor_organisation = match input.donor_organisation.trim() {
        "" => None,
        typed => match typed.parse::<i64>() {
            Ok(id) => match state.db.organisation(id).await? {
                Some(org) => Some(org),
                None => {
                    errors.add("donor_organisation", "error-choose-option");
                    None
                }
            },
            Err(_) => {
                errors.add("donor_organisation", "error-choose-option");
                None
            }
        },
    };
    let typed_name = errors
        .check(
            "donor_name",
            validate::optional_line(&input.donor_name, 300),
        )
        .flatten();
    let lang = super::initiatives::language_of(state, user);
    let donor_name = match (&donor_organisation, typed_name) {
        (_, Some(name)) => name,
        (Some(org), None) => org.name(lang).to_owned(),
        (None, None) => {
            if errors.for_field("donor_name").is_none() {
                errors.add("donor_name", "error-required");
            }
            String::new()
        }
    };
    let kind = DonationKind::parse(&input.kind);
    if kind.is_none() {
        errors.add("kind", "error-choose-option");
    }
    let value_agorot = match super::initiatives::parse_shekels(&input.value) {
        Ok(value) => value,
        Err(key) => {
            errors.add("value", key);
            None
        }
    };
    if kind == Some(DonationKind::Money)
        && value_agorot.is_none()
        && errors.for_field("value").is_none()
    {
        errors.add("value", "error-required");
    }
    let purpose = required_reasons(&mut errors, "purpose", &input.purpose);
    let initiative_id = match input.initiative.trim() {
        "" => None,
        typed => match typed.parse::<i64>() {
            Ok(id) => match state.db.initiative(id).await? {
                Some(i) if i.locality_id == locality_id => Some(id),
                _ => {
                    errors.add("initiative", "error-choose-option");
                    None
                }
            },
            Err(_) => {
                errors.add("initiative", "error-choose-option");
                None
            }
        },
    };
    errors.into_result().map_err(ActionError::Invalid)?;
    let (Some(kind), Some(purpose)) = (kind, purpose) else {
        unreachable!("errors were returned above")
    };
    Ok(state
        .db
        .register_donation(
            &NewDonation {
                locality_id,
                donor_organisation_id: donor_organisation.map(|o| o.id),
                donor_name,
                kind,
                value_agorot,
                purpose,
                initiative_id,
            },
            acting,
        )
        .await?)
}

/// A step as typed: `check` (check, recommendation), `decide` (decision, reasons) or `report`.
#[derive(Debug, Clone, Default)]
pub struct StepInput {
    pub step: String,
    pub check: String,
    pub recommendation: String,
    pub decision: String,
    pub reasons: String,
    pub report: String,
}

/// Takes the next step of a donation's procedure.
pub async fn take_step(
    state: &AppState,
    user: &User,
    id: i64,
    input: &StepInput,
) -> ActionResult<Donation> {
    let donation = state.db.donation(id).await?.ok_or(AppError::NotFound)?;
    let acting = staff_acting(state, user, donation.locality_id).await?;
    let mut errors = FieldErrors::new();
    let action = match input.step.as_str() {
        "check" => {
            let check = required_reasons(&mut errors, "check", &input.check);
            let recommendation = Recommendation::parse(&input.recommendation);
            if recommendation.is_none() {
                errors.add("recommendation", "error-choose-option");
            }
            check
                .zip(recommendation)
                .map(|(check, recommendation)| DonationAction::Check {
                    check,
                    recommendation,
                })
        }
        "decide" => {
            let decision = HeadDecision::parse(&input.decision);
            if decision.is_none() {
                errors.add("decision", "error-choose-option");
            }
            let reasons = errors
                .check("reasons", validate::optional_text(&input.reasons, 5_000))
                .flatten();
            if let (Some(recommendation), Some(decision)) = (donation.recommendation(), decision)
                && donation::departs(recommendation, decision)
                && reasons.is_none()
                && errors.for_field("reasons").is_none()
            {
                errors.add("reasons", "error-departure-reasons");
            }
            decision.map(|decision| DonationAction::Decide { decision, reasons })
        }
        "report" => required_reasons(&mut errors, "report", &input.report)
            .map(|report| DonationAction::Report { report }),
        _ => {
            errors.add("step", "error-choose-option");
            None
        }
    };
    errors.into_result().map_err(ActionError::Invalid)?;
    let Some(action) = action else {
        unreachable!("errors were returned above")
    };
    if donation::check_step(donation.step, action.step()).is_err() {
        return Err(ActionError::Refused("refused-donation-step"));
    }
    match state.db.donation_step(&donation, &action, acting).await {
        Err(StoreError::Conflict) => Err(ActionError::App(AppError::Conflict(
            "error-changed-meanwhile",
        ))),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(state.db.donation(id).await?.ok_or(AppError::NotFound)?),
    }
}
