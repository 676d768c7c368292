//! Equal opportunity and clean hands: declarations of interest, recusal, the exemptions that
//! mirror the municipal tender rules, and notices inviting competing proposals.
//!
//! The rule the whole module serves: whoever decides or evaluates on a matter (an initiative, a
//! call) first declares their interests: none, or ties to named organisations. A tie with a
//! party to the matter means that person steps aside from it (recusal). Where the integrity rules
//! apply, a decision by someone who has not declared is refused.

use crate::coded::coded_enum;

coded_enum!(
    /// How a person is tied to an organisation (closed list, so declarations compare).
    Relation, "relation" {
        /// Works for it, or did in the last two years.
        Employee => "employee",
        /// Sits on its board or management.
        Director => "director",
        /// Owns a share of it.
        Owner => "owner",
        /// A close relative works for it, runs it or owns it.
        Relative => "relative",
        /// It is their client or supplier.
        Business => "business",
        /// Volunteers or is a member there.
        Member => "member",
        /// Another tie, described in the details.
        Other => "other",
    }
);

coded_enum!(
    /// Why a business partner was chosen without competition (mirrors the municipal tender rules).
    Exemption, "exemption" {
        /// The value is below the tender threshold.
        BelowThreshold => "below-threshold",
        /// The work needs special expertise or a relationship of trust.
        SpecialExpertise => "special-expertise",
        /// Only one body can provide it.
        SoleProvider => "sole-provider",
        /// No municipal money or asset is involved.
        NoMunicipalMoney => "no-municipal-money",
    }
);

coded_enum!(
    /// What the convener decided after a notice inviting competing proposals.
    NoticeOutcome, "notice-outcome" {
        /// Go on with the original proposal.
        Original => "original",
        /// Go on with an alternative proposal received.
        Alternative => "alternative",
        /// Hold an open call instead.
        OpenCall => "open-call",
        /// Go on with none of them.
        Dropped => "dropped",
    }
);

/// What a person declared on a matter, as far as recusal is concerned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Declared {
    /// The organisations they declared a tie with.
    pub ties: Vec<i64>,
}

/// Why a person may not decide or evaluate on a matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bar {
    /// They have not declared their interests on it, and the rules need a declaration.
    Undeclared,
    /// They declared a tie with this party to the matter: they step aside.
    Recused { organisation_id: i64 },
}

impl Bar {
    /// The Fluent key of the explanation.
    pub fn key(self) -> &'static str {
        match self {
            Bar::Undeclared => "refused-undeclared",
            Bar::Recused { .. } => "refused-recused",
        }
    }
}

/// May a person with `declared` decide on a matter whose parties are `parties`?
/// `declaration_required` is whether the rules need a declaration first (a call's evaluators
/// always; convener staff where the city and a business are partners).
pub fn may_decide(
    declared: Option<&Declared>,
    parties: &[i64],
    declaration_required: bool,
) -> Result<(), Bar> {
    match declared {
        None if declaration_required => Err(Bar::Undeclared),
        None => Ok(()),
        Some(declared) => match parties.iter().find(|p| declared.ties.contains(p)) {
            Some(&organisation_id) => Err(Bar::Recused { organisation_id }),
            None => Ok(()),
        },
    }
}

/// The parties among `parties` that the person belongs to, as the hub itself records it (an
/// owner, manager or member of the organisation): ties that bar them whether or not they were
/// declared. A declaration adds what the hub cannot know; it cannot take these away.
pub fn known_ties(memberships: &[i64], parties: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = parties
        .iter()
        .copied()
        .filter(|p| memberships.contains(p))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The parties among `parties` that a declaration makes the person step aside from.
pub fn recusals(declared: &Declared, parties: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = parties
        .iter()
        .copied()
        .filter(|p| declared.ties.contains(p))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How the business partner of an initiative was chosen, as the public record shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// An open call, awarded to the partner.
    OpenCall,
    /// A notice invited competing proposals, and the convener decided after it.
    CompetingProposals,
    /// Some other competitive procedure, as the convener recorded it.
    Competition,
    /// Without competition, for a reason from the closed list.
    Exempt(Exemption),
    /// Not recorded (yet).
    Unrecorded,
}

impl Choice {
    /// Works out the choice from what is on record; an open call counts first.
    pub fn of(
        from_call: bool,
        notice_decided: bool,
        competition: bool,
        exemption: Option<Exemption>,
    ) -> Self {
        if from_call {
            Choice::OpenCall
        } else if notice_decided {
            Choice::CompetingProposals
        } else if competition {
            Choice::Competition
        } else if let Some(exemption) = exemption {
            Choice::Exempt(exemption)
        } else {
            Choice::Unrecorded
        }
    }

    /// The stable code used in exports.
    pub fn code(self) -> &'static str {
        match self {
            Choice::OpenCall => "open-call",
            Choice::CompetingProposals => "competing-proposals",
            Choice::Competition => "competition",
            Choice::Exempt(_) => "exemption",
            Choice::Unrecorded => "unrecorded",
        }
    }

    /// The Fluent key of the label.
    pub fn label_key(self) -> String {
        format!("choice-{}", self.code())
    }

    pub fn is_recorded(self) -> bool {
        self != Choice::Unrecorded
    }
}

/// A notice's window: proposals are accepted while `now < closes_at`.
pub fn window_open(closes_at: i64, now: i64) -> bool {
    now < closes_at
}

/// After a notice, going with an alternative needs one chosen; any outcome needs reasons.
pub fn check_notice_outcome(
    outcome: NoticeOutcome,
    chosen_alternative: Option<i64>,
    alternatives: &[i64],
    window_closed: bool,
) -> Result<(), &'static str> {
    if !window_closed {
        return Err("refused-notice-window-open");
    }
    match (outcome, chosen_alternative) {
        (NoticeOutcome::Alternative, None) => Err("error-choose-alternative"),
        (NoticeOutcome::Alternative, Some(id)) if !alternatives.contains(&id) => {
            Err("error-choose-alternative")
        }
        (NoticeOutcome::Alternative, Some(_)) => Ok(()),
        (_, Some(_)) => Err("error-alternative-not-chosen"),
        (_, None) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_declaration_only_optional_matters_may_be_decided() {
        assert_eq!(may_decide(None, &[1, 2], true), Err(Bar::Undeclared));
        assert_eq!(may_decide(None, &[1, 2], false), Ok(()));
    }

    #[test]
    fn a_tie_with_a_party_means_stepping_aside() {
        let declared = Declared { ties: vec![7, 2] };
        assert_eq!(
            may_decide(Some(&declared), &[1, 2, 3], true),
            Err(Bar::Recused { organisation_id: 2 })
        );
        assert_eq!(may_decide(Some(&declared), &[1, 3], true), Ok(()));
        assert_eq!(recusals(&declared, &[3, 2, 7, 2]), vec![2, 7]);
        let none = Declared::default();
        assert_eq!(may_decide(Some(&none), &[1, 2, 3], true), Ok(()));
        assert!(recusals(&none, &[1]).is_empty());
    }

    #[test]
    fn the_choice_prefers_the_strongest_procedure_on_record() {
        assert_eq!(
            Choice::of(true, true, true, Some(Exemption::SoleProvider)),
            Choice::OpenCall
        );
        assert_eq!(
            Choice::of(false, true, false, None),
            Choice::CompetingProposals
        );
        assert_eq!(Choice::of(false, false, true, None), Choice::Competition);
        assert_eq!(
            Choice::of(false, false, false, Some(Exemption::BelowThreshold)),
            Choice::Exempt(Exemption::BelowThreshold)
        );
        assert_eq!(Choice::of(false, false, false, None), Choice::Unrecorded);
        assert!(!Choice::Unrecorded.is_recorded());
        assert_eq!(
            Exemption::parse("sole-provider"),
            Some(Exemption::SoleProvider)
        );
        assert_eq!(Exemption::parse("because"), None);
    }

    #[test]
    fn a_notice_is_decided_after_its_window_with_a_valid_choice() {
        use NoticeOutcome::*;
        assert_eq!(
            check_notice_outcome(Original, None, &[], false),
            Err("refused-notice-window-open")
        );
        assert_eq!(check_notice_outcome(Original, None, &[4], true), Ok(()));
        assert_eq!(
            check_notice_outcome(Alternative, None, &[4], true),
            Err("error-choose-alternative")
        );
        assert_eq!(
            check_notice_outcome(Alternative, Some(5), &[4], true),
            Err("error-choose-alternative")
        );
        assert_eq!(
            check_notice_outcome(Alternative, Some(4), &[4], true),
            Ok(())
        );
        assert_eq!(
            check_notice_outcome(Dropped, Some(4), &[4], true),
            Err("error-alternative-not-chosen")
        );
        assert!(window_open(100, 99));
        assert!(!window_open(100, 100));
    }
}
