//! Declarations of interest and recusal, for initiatives and calls alike; notices inviting
//! competing proposals. Whoever decides checks in here first.

use shutaf_domain::integrity::{self, Bar, NoticeOutcome, Relation};
use shutaf_domain::validate::{self, FieldErrors};
use shutaf_store::integrity::{AlternativeProposal, Matter, NewDeclaration, Notice};
use shutaf_store::{Acting, StoreError, User};

use super::initiatives::{Scope, load};
use super::{ActionError, ActionResult};
use crate::AppState;
use crate::error::AppError;

/// A declaration as typed: none, or ties with organisations (and details in words).
#[derive(Debug, Clone, Default)]
pub struct DeclarationInput {
    pub has_interests: bool,
    pub details: String,
    /// Organisation id and relation code, as sent.
    pub ties: Vec<(String, String)>,
}

/// The most ties one declaration may name.
const MAX_TIES: usize = 30;

/// Validates a declaration; the organisations named must exist.
pub async fn validate_declaration(
    state: &AppState,
    input: &DeclarationInput,
    organisation_id: i64,
) -> ActionResult<NewDeclaration> {
    let mut errors = FieldErrors::new();
    let details = errors
        .check("details", validate::optional_text(&input.details, 5_000))
        .flatten();
    let mut ties = Vec::new();
    if input.has_interests {
        for (organisation, relation) in input
            .ties
            .iter()
            .filter(|(o, r)| !o.trim().is_empty() && !r.trim().is_empty())
        {
            let Ok(organisation) = organisation.trim().parse::<i64>() else {
                errors.add("ties", "error-choose-option");
                continue;
            };
            let Some(relation) = Relation::parse(relation.trim()) else {
                errors.add("ties", "error-choose-option");
                continue;
            };
            if !ties.iter().any(|(o, _)| *o == organisation) {
                ties.push((organisation, relation));
            }
        }
        if ties.len() > MAX_TIES {
            errors.add("ties", "error-too-many");
        }
        if ties.is_empty() && details.is_none() {
            errors.add("details", "error-declaration-empty");
        }
    }
    errors.into_result().map_err(ActionError::Invalid)?;
    for (organisation, _) in &ties {
        if state.db.organisation(*organisation).await?.is_none() {
            let mut errors = FieldErrors::new();
            errors.add("ties", "error-choose-option");
            return Err(ActionError::Invalid(errors));
        }
    }
    Ok(NewDeclaration {
        organisation_id,
        details: if input.has_interests { details } else { None },
        ties,
    })
}

/// Checks that a person may decide or evaluate on a matter whose parties are `parties`: they
/// belong to none of them, declared where `required`, and declared no tie with any party. A recusal found here is
/// recorded on the public log before the refusal is given.
pub async fn check_decider(
    state: &AppState,
    user: &User,
    matter: Matter,
    locality_id: i64,
    parties: &[i64],
    required: bool,
    acting_for: i64,
) -> ActionResult<()> {
    // A tie the hub knows (the person belongs to a party) bars them, declared or not.
    let memberships: Vec<i64> = state
        .db
        .memberships_of(user.id)
        .await?
        .into_iter()
        .map(|(organisation, _)| organisation)
        .collect();
    let known = integrity::known_ties(&memberships, parties);
    let declared = state.db.declared(matter, user.id).await?;
    let verdict = match known.first() {
        Some(&organisation_id) => Err(Bar::Recused { organisation_id }),
        None => integrity::may_decide(declared.as_ref(), parties, required),
    };
    match verdict {
        Ok(()) => Ok(()),
        Err(bar @ Bar::Recused { organisation_id }) => {
            state
                .db
                .recuse(
                    matter,
                    locality_id,
                    organisation_id,
                    Acting {
                        user_id: user.id,
                        organisation_id: Some(acting_for),
                    },
                )
                .await?;
            Err(ActionError::Refused(bar.key()))
        }
        Err(bar) => Err(ActionError::Refused(bar.key())),
    }
}

/// The convener's staff deciding on an initiative: the partners (but their own organisation)
/// are the parties; a declaration is needed where the city and a business are partners.
pub async fn check_convener_decides(
    state: &AppState,
    user: &User,
    scope: &Scope,
) -> ActionResult<()> {
    if !scope.standing.convener_staff {
        return Ok(());
    }
    let convener = scope.convener;
    let facts = scope.facts(state).await?;
    let parties: Vec<i64> = scope
        .partners
        .iter()
        .filter(|p| p.status == shutaf_store::PartnerStatus::Active)
        .map(|p| p.organisation_id)
        .filter(|&o| o != convener)
        .collect();
    check_decider(
        state,
        user,
        Matter::Initiative(scope.initiative.id),
        scope.initiative.locality_id,
        &parties,
        facts.city_with_business(),
        convener,
    )
    .await
}

/// The convener organisation of a locality.
pub async fn convener_of(state: &AppState, locality_id: i64) -> ActionResult<i64> {
    Ok(state
        .db
        .locality(locality_id)
        .await?
        .ok_or(AppError::NotFound)?
        .convener_organisation_id)
}

/// Parses the reasons every public decision needs.
pub fn required_reasons(errors: &mut FieldErrors, field: &str, text: &str) -> Option<String> {
    let reasons = errors
        .check(field, validate::optional_text(text, 5_000))
        .flatten();
    if reasons.is_none() && errors.for_field(field).is_none() {
        errors.add(field, "error-required");
    }
    reasons
}

/// The convener publishes a notice inviting competing proposals for an initiative, open for
/// `days` days.
pub async fn publish_notice(
    state: &AppState,
    user: &User,
    id: i64,
    summary: &str,
    closes: &str,
) -> ActionResult<i64> {
    let scope = load(state, user, id).await?;
    let (initiative, standing) = (&scope.initiative, &scope.standing);
    if !standing.convener_staff {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    if initiative.stage.is_final() {
        return Err(ActionError::Refused("refused-initiative-ended"));
    }
    check_convener_decides(state, user, &scope).await?;
    if state.db.notice_of(id).await?.is_some() {
        return Err(ActionError::Refused("refused-notice-exists"));
    }
    let mut errors = FieldErrors::new();
    let summary = errors
        .check("notice_summary", validate::optional_text(summary, 5_000))
        .flatten();
    if summary.is_none() && errors.for_field("notice_summary").is_none() {
        errors.add("notice_summary", "error-required");
    }
    let closes_at = match shutaf_domain::call::parse_deadline(closes) {
        Ok(at) if at > state.db.now() => Some(at),
        Ok(_) => {
            errors.add("notice_closes", "error-deadline-past");
            None
        }
        Err(key) => {
            errors.add("notice_closes", key);
            None
        }
    };
    errors.into_result().map_err(ActionError::Invalid)?;
    let convener = convener_of(state, initiative.locality_id).await?;
    let (Some(summary), Some(closes_at)) = (summary, closes_at) else {
        unreachable!("errors were returned above")
    };
    Ok(state
        .db
        .publish_notice(
            id,
            &summary,
            closes_at,
            Acting {
                user_id: user.id,
                organisation_id: Some(convener),
            },
        )
        .await?)
}

/// An organisation (that a person manages, and is not a partner) proposes an alternative while
/// the notice's window is open.
pub async fn propose_alternative(
    state: &AppState,
    user: &User,
    id: i64,
    organisation: &str,
    summary: &str,
) -> ActionResult<i64> {
    let Scope { partners, .. } = load(state, user, id).await?;
    let notice = state.db.notice_of(id).await?.ok_or(AppError::NotFound)?;
    if !integrity::window_open(notice.closes_at, state.db.now()) {
        return Err(ActionError::Refused("refused-notice-closed"));
    }
    // Authorise before validating: only those who manage an organisation propose for one.
    super::require_manages_some(state, user).await?;
    let mut errors = FieldErrors::new();
    let organisation_id =
        super::managed_organisation(state, user, organisation, &mut errors).await?;
    if let Some(org) = organisation_id
        && partners.iter().any(|p| p.organisation_id == org)
    {
        errors.add("organisation", "error-already-partner");
    }
    let summary = errors
        .check(
            "alternative_summary",
            validate::optional_text(summary, 5_000),
        )
        .flatten();
    if summary.is_none() && errors.for_field("alternative_summary").is_none() {
        errors.add("alternative_summary", "error-required");
    }
    errors.into_result().map_err(ActionError::Invalid)?;
    let (Some(organisation_id), Some(summary)) = (organisation_id, summary) else {
        unreachable!("errors were returned above")
    };
    match state
        .db
        .propose_alternative(
            &notice,
            organisation_id,
            &summary,
            Acting {
                user_id: user.id,
                organisation_id: Some(organisation_id),
            },
        )
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::Refused("refused-notice-closed")),
        other => Ok(other?),
    }
}

/// The alternatives to a notice, as a reader may see them.
#[derive(Debug, Clone, Default)]
pub struct NoticeAlternatives {
    /// The alternatives the reader may see.
    pub shown: Vec<AlternativeProposal>,
    /// How many were proposed.
    pub total: usize,
    /// Who proposed is sealed from this reader until the notice is decided.
    pub sealed: bool,
}

/// The alternatives to `notice` (of an initiative in `locality_id`) that `user` may see. Until
/// the notice is decided who proposed an alternative is sealed, as who applied to an open call
/// is: the convener's staff, who decide, see every one; a proposer sees its own; everyone else
/// (the initiative's partners too) only how many came. The decision publishes them all.
pub async fn notice_alternatives(
    state: &AppState,
    user: Option<&User>,
    notice: &Notice,
    locality_id: i64,
) -> ActionResult<NoticeAlternatives> {
    let all = state.db.alternatives(notice.id).await?;
    let total = all.len();
    if notice.outcome.is_some() {
        return Ok(NoticeAlternatives {
            shown: all,
            total,
            sealed: false,
        });
    }
    let Some(user) = user else {
        return Ok(NoticeAlternatives {
            shown: Vec::new(),
            total,
            sealed: true,
        });
    };
    if super::calls::is_convener_staff(state, user, locality_id).await? {
        return Ok(NoticeAlternatives {
            shown: all,
            total,
            sealed: false,
        });
    }
    let own = super::calls::managed(state, user).await?;
    Ok(NoticeAlternatives {
        shown: all
            .into_iter()
            .filter(|a| own.contains(&a.organisation_id))
            .collect(),
        total,
        sealed: true,
    })
}

/// The convener decides after the notice's window, with reasons.
pub async fn decide_notice(
    state: &AppState,
    user: &User,
    id: i64,
    outcome: &str,
    chosen: &str,
    reasons: &str,
) -> ActionResult<()> {
    let scope = load(state, user, id).await?;
    let (initiative, standing) = (&scope.initiative, &scope.standing);
    if !standing.convener_staff {
        return Err(ActionError::Refused("refused-convener-only"));
    }
    let notice = state.db.notice_of(id).await?.ok_or(AppError::NotFound)?;
    if notice.outcome.is_some() {
        return Err(ActionError::Refused("refused-notice-decided"));
    }
    check_convener_decides(state, user, &scope).await?;
    let alternatives = state.db.alternatives(notice.id).await?;
    let mut errors = FieldErrors::new();
    let outcome = NoticeOutcome::parse(outcome);
    if outcome.is_none() {
        errors.add("outcome", "error-choose-option");
    }
    let chosen = match chosen.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("chosen", "error-choose-option");
                None
            }
        },
    };
    let reasons = required_reasons(&mut errors, "outcome_reasons", reasons);
    if let Some(outcome) = outcome {
        let ids: Vec<i64> = alternatives.iter().map(|a| a.id).collect();
        let closed = !integrity::window_open(notice.closes_at, state.db.now());
        match integrity::check_notice_outcome(outcome, chosen, &ids, closed) {
            Ok(()) => {}
            Err("refused-notice-window-open") => {
                return Err(ActionError::Refused("refused-notice-window-open"));
            }
            Err(key) => errors.add("chosen", key),
        }
    }
    errors.into_result().map_err(ActionError::Invalid)?;
    let convener = convener_of(state, initiative.locality_id).await?;
    let (Some(outcome), Some(reasons)) = (outcome, reasons) else {
        unreachable!("errors were returned above")
    };
    match state
        .db
        .decide_notice(
            &notice,
            outcome,
            chosen,
            &reasons,
            Acting {
                user_id: user.id,
                organisation_id: Some(convener),
            },
        )
        .await
    {
        Err(StoreError::Conflict) => Err(ActionError::Refused("refused-notice-decided")),
        other => Ok(other?),
    }
}
