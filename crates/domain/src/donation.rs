//! Gifts to the local authority (money, goods, services, help without consideration) and the
//! donations-committee procedure they go through: the gift is registered, the committee checks
//! it and recommends, the head of the authority decides (with written reasons where the decision
//! departs from the recommendation), and the decision is reported to the council. Every step is
//! a decision on the public record.

use crate::coded::coded_enum;

coded_enum!(
    /// What is given.
    DonationKind, "donation-kind" {
        Money => "money",
        Goods => "goods",
        Services => "services",
        /// Help without consideration (volunteering, the use of premises, ...).
        Help => "help",
    }
);

coded_enum!(
    /// The committee's recommendation after its check.
    Recommendation, "recommendation" {
        Accept => "accept",
        /// Accept, with conditions the committee sets out.
        AcceptWithConditions => "accept-with-conditions",
        Decline => "decline",
    }
);

coded_enum!(
    /// The head of the authority's decision.
    HeadDecision, "head-decision" {
        Accept => "accept",
        Decline => "decline",
    }
);

coded_enum!(
    /// How far a donation has gone through the procedure.
    DonationStep, "donation-step" {
        /// Registered, waiting for the committee.
        Registered => "registered",
        /// The committee checked and recommended.
        Checked => "checked",
        /// The head decided.
        Decided => "decided",
        /// Reported to the council: the procedure is complete.
        Reported => "reported",
    }
);

impl DonationStep {
    /// The step that follows, if any.
    pub fn next(self) -> Option<DonationStep> {
        match self {
            DonationStep::Registered => Some(DonationStep::Checked),
            DonationStep::Checked => Some(DonationStep::Decided),
            DonationStep::Decided => Some(DonationStep::Reported),
            DonationStep::Reported => None,
        }
    }
}

/// Does the head's decision depart from the committee's recommendation (and so need reasons)?
pub fn departs(recommendation: Recommendation, decision: HeadDecision) -> bool {
    matches!(
        (recommendation, decision),
        (Recommendation::Decline, HeadDecision::Accept)
            | (
                Recommendation::Accept | Recommendation::AcceptWithConditions,
                HeadDecision::Decline
            )
    )
}

/// Checks that a step may be taken now: steps go in order, one at a time.
pub fn check_step(current: DonationStep, taking: DonationStep) -> Result<(), &'static str> {
    if current.next() == Some(taking) {
        Ok(())
    } else {
        Err("refused-donation-step")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_explains_departing_from_the_committee() {
        assert!(departs(Recommendation::Decline, HeadDecision::Accept));
        assert!(departs(Recommendation::Accept, HeadDecision::Decline));
        assert!(departs(
            Recommendation::AcceptWithConditions,
            HeadDecision::Decline
        ));
        assert!(!departs(Recommendation::Accept, HeadDecision::Accept));
        assert!(!departs(Recommendation::Decline, HeadDecision::Decline));
    }

    #[test]
    fn steps_go_in_order() {
        use DonationStep::*;
        assert_eq!(check_step(Registered, Checked), Ok(()));
        assert_eq!(
            check_step(Registered, Decided),
            Err("refused-donation-step")
        );
        assert_eq!(check_step(Checked, Decided), Ok(()));
        assert_eq!(check_step(Decided, Reported), Ok(()));
        assert_eq!(check_step(Reported, Reported), Err("refused-donation-step"));
        assert_eq!(Reported.next(), None);
    }
}
