//! The lifecycle of an initiative as a state machine, and the gates that encode the seed.
//!
//! Each transition names who may make it and which gates it needs. A refused transition says
//! why: the person's role, a missing reason, or each unmet gate with its explanation and remedy
//! (Fluent keys `gate-<code>` and `gate-<code>-remedy`, in all three languages).

use crate::coded::coded_enum;
use crate::initiative::{InitiativeFacts, Stage, WorkPlanPlacement};

coded_enum!(
    /// The checks a transition may need.
    Gate, "gate" {
        /// Nothing moves past `idea` until the locality's convener has engaged.
        ConveneEarly => "convene-early",
        /// `building` needs at least one linked goal of the locality.
        FitAgenda => "fit-agenda",
        /// `agreed` needs the work-plan placement recorded.
        FitBudget => "fit-budget",
        /// `agreed` needs a role and contributions for every partner, from two sectors or more.
        KeepRoles => "keep-roles",
        /// `agreed` needs every partner's endorsement of the same (current) charter version.
        SharedVision => "shared-vision",
        /// The city with a business needs competition or an exemption, and declarations.
        Integrity => "integrity",
    }
);

impl Gate {
    /// The Fluent key of how to meet the gate.
    pub fn remedy_key(self) -> String {
        format!("gate-{}-remedy", self.code())
    }

    /// Whether the initiative meets this gate now.
    pub fn is_met(self, facts: &InitiativeFacts) -> bool {
        match self {
            Gate::ConveneEarly => facts.convener_engaged,
            Gate::FitAgenda => facts.linked_goals > 0,
            Gate::FitBudget => facts.work_plan != WorkPlanPlacement::NotRecorded,
            Gate::KeepRoles => {
                !facts.partners.is_empty()
                    && facts
                        .partners
                        .iter()
                        .all(|p| p.has_role && !p.committed.is_empty())
                    && facts.sectors().len() >= 2
            }
            Gate::SharedVision => {
                facts.charter_version.is_some()
                    && !facts.partners.is_empty()
                    && facts.partners.iter().all(|p| p.endorsed_current)
            }
            Gate::Integrity => {
                !facts.city_with_business()
                    || ((facts.integrity.competition || facts.integrity.exemption)
                        && facts.integrity.deciders > 0
                        && facts.integrity.undeclared_deciders == 0)
            }
        }
    }
}

/// The part a person plays in an initiative; one person may play several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Party {
    /// Staff of the locality's convener (members of the convener organisation).
    ConvenerStaff,
    /// Owners and administrators of the initiator or of the lead partner.
    Lead,
    /// Owners and administrators of any partner organisation.
    Partner,
}

/// One way from some stages to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub from: &'static [Stage],
    pub to: Stage,
    pub who: &'static [Party],
    pub gates: &'static [Gate],
    /// A published reason must come with it (declining, withdrawing).
    pub needs_reason: bool,
}

use Party::*;
use Stage::*;

const BEFORE_IMPLEMENTING: &[Stage] = &[Idea, Convened, Scoping, Building, Agreed];

/// Every transition there is. Anything not listed is not a way.
pub const TRANSITIONS: &[Transition] = &[
    // The convener engages: names a contact person (the ConveneEarly gate checks it).
    Transition {
        from: &[Idea],
        to: Convened,
        who: &[ConvenerStaff],
        gates: &[Gate::ConveneEarly],
        needs_reason: false,
    },
    Transition {
        from: &[Convened],
        to: Scoping,
        who: &[ConvenerStaff, Lead],
        gates: &[Gate::ConveneEarly],
        needs_reason: false,
    },
    Transition {
        from: &[Scoping],
        to: Building,
        who: &[ConvenerStaff, Lead],
        gates: &[Gate::ConveneEarly, Gate::FitAgenda],
        needs_reason: false,
    },
    Transition {
        from: &[Building],
        to: Agreed,
        who: &[ConvenerStaff, Lead],
        gates: &[
            Gate::ConveneEarly,
            Gate::FitAgenda,
            Gate::FitBudget,
            Gate::KeepRoles,
            Gate::SharedVision,
            Gate::Integrity,
        ],
        needs_reason: false,
    },
    Transition {
        from: &[Agreed],
        to: Implementing,
        who: &[ConvenerStaff, Lead],
        gates: &[],
        needs_reason: false,
    },
    Transition {
        from: &[Implementing],
        to: Reviewing,
        who: &[ConvenerStaff, Lead],
        gates: &[],
        needs_reason: false,
    },
    // After a review the work goes on, is carried on as a lasting outcome, or ends.
    Transition {
        from: &[Reviewing],
        to: Implementing,
        who: &[ConvenerStaff, Lead],
        gates: &[],
        needs_reason: false,
    },
    Transition {
        from: &[Reviewing],
        to: Sustaining,
        who: &[ConvenerStaff, Lead],
        gates: &[],
        needs_reason: false,
    },
    Transition {
        from: &[Reviewing, Sustaining],
        to: Closed,
        who: &[ConvenerStaff, Lead],
        gates: &[],
        needs_reason: false,
    },
    // Ways out before work starts, always with published reasons.
    Transition {
        from: BEFORE_IMPLEMENTING,
        to: Declined,
        who: &[ConvenerStaff],
        gates: &[],
        needs_reason: true,
    },
    Transition {
        from: BEFORE_IMPLEMENTING,
        to: Withdrawn,
        who: &[Lead],
        gates: &[],
        needs_reason: true,
    },
];

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// There is no way from the current stage to that one.
    NoSuchTransition { from: Stage, to: Stage },
    /// The person plays none of the parts that may make it.
    NotYourPart { allowed: Vec<Party> },
    /// A reason must be given (and will be published).
    ReasonRequired,
    /// Gates unmet, each with its explanation and remedy.
    GatesUnmet(Vec<Gate>),
}

impl Refusal {
    /// The Fluent key of the refusal's headline.
    pub fn key(&self) -> &'static str {
        match self {
            Refusal::NoSuchTransition { .. } => "refused-no-such-transition",
            Refusal::NotYourPart { .. } => "refused-not-your-part",
            Refusal::ReasonRequired => "refused-reason-required",
            Refusal::GatesUnmet(_) => "refused-gates-unmet",
        }
    }
}

/// The transitions from a stage.
pub fn transitions_from(stage: Stage) -> impl Iterator<Item = &'static Transition> {
    TRANSITIONS.iter().filter(move |t| t.from.contains(&stage))
}

/// Decides whether a person playing `parts` may move the initiative to `to`, with `reason`.
pub fn check_transition(
    facts: &InitiativeFacts,
    to: Stage,
    parts: &[Party],
    reason: Option<&str>,
) -> Result<&'static Transition, Refusal> {
    let transition =
        transitions_from(facts.stage)
            .find(|t| t.to == to)
            .ok_or(Refusal::NoSuchTransition {
                from: facts.stage,
                to,
            })?;
    if !transition.who.iter().any(|who| parts.contains(who)) {
        return Err(Refusal::NotYourPart {
            allowed: transition.who.to_vec(),
        });
    }
    if transition.needs_reason && reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(Refusal::ReasonRequired);
    }
    let unmet: Vec<Gate> = transition
        .gates
        .iter()
        .copied()
        .filter(|g| !g.is_met(facts))
        .collect();
    if !unmet.is_empty() {
        return Err(Refusal::GatesUnmet(unmet));
    }
    Ok(transition)
}

/// The next steps a person could take now, each with the gates still unmet (empty when ready).
pub fn next_steps(facts: &InitiativeFacts, parts: &[Party]) -> Vec<(Stage, Vec<Gate>)> {
    transitions_from(facts.stage)
        .filter(|t| t.who.iter().any(|who| parts.contains(who)))
        .map(|t| {
            (
                t.to,
                t.gates
                    .iter()
                    .copied()
                    .filter(|g| !g.is_met(facts))
                    .collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::initiative::{IntegrityFacts, PartnerFacts};
    use crate::{ContributionType, Sector};

    const DAY: i64 = 24 * 3600;

    fn partner(id: i64, sector: Sector, authority: bool) -> PartnerFacts {
        PartnerFacts {
            organisation_id: id,
            sector,
            is_local_authority: authority,
            has_role: true,
            committed: vec![ContributionType::Budget],
            endorsed_current: true,
            expectations: None,
        }
    }

    /// An initiative that meets every gate: the city, an NGO and a business, all set.
    fn ready(stage: Stage) -> InitiativeFacts {
        InitiativeFacts {
            stage,
            convener_engaged: true,
            linked_goals: 1,
            work_plan: WorkPlanPlacement::Placed,
            partners: vec![
                partner(1, Sector::Public, true),
                partner(2, Sector::Third, false),
                partner(3, Sector::Business, false),
            ],
            charter_version: Some(1),
            integrity: IntegrityFacts {
                competition: false,
                exemption: true,
                undeclared_deciders: 0,
                deciders: 2,
            },
            ..InitiativeFacts::new_idea(100 * DAY)
        }
    }

    #[test]
    fn the_main_path_is_walkable_when_every_gate_is_met() {
        let mut facts = ready(Idea);
        for to in [
            Convened,
            Scoping,
            Building,
            Agreed,
            Implementing,
            Reviewing,
            Sustaining,
            Closed,
        ] {
            let parts = if to == Convened {
                &[ConvenerStaff][..]
            } else {
                &[Lead][..]
            };
            assert!(
                check_transition(&facts, to, parts, None).is_ok(),
                "{:?} -> {to:?}",
                facts.stage
            );
            facts.stage = to;
        }
    }

    #[test]
    fn convene_early_holds_everything_at_idea() {
        let mut facts = ready(Idea);
        facts.convener_engaged = false;
        assert_eq!(
            check_transition(&facts, Convened, &[ConvenerStaff], None),
            Err(Refusal::GatesUnmet(vec![Gate::ConveneEarly]))
        );
        assert!(matches!(
            check_transition(&facts, Scoping, &[Lead], None),
            Err(Refusal::NoSuchTransition { .. })
        ));
        // Only the convener engages; the initiator cannot move its own idea on.
        facts.convener_engaged = true;
        assert!(matches!(
            check_transition(&facts, Convened, &[Lead, Partner], None),
            Err(Refusal::NotYourPart { .. })
        ));
        // Declining needs published reasons; the convener can always decline an idea.
        assert_eq!(
            check_transition(&facts, Declined, &[ConvenerStaff], Some("  ")),
            Err(Refusal::ReasonRequired)
        );
        assert!(
            check_transition(
                &facts,
                Declined,
                &[ConvenerStaff],
                Some("Not on our agenda this year")
            )
            .is_ok()
        );
        assert!(check_transition(&facts, Withdrawn, &[Lead], Some("We go elsewhere")).is_ok());
        assert!(matches!(
            check_transition(&facts, Withdrawn, &[ConvenerStaff], Some("x")),
            Err(Refusal::NotYourPart { .. })
        ));
    }

    #[test]
    fn fit_the_agenda_before_building() {
        let mut facts = ready(Scoping);
        facts.linked_goals = 0;
        assert_eq!(
            check_transition(&facts, Building, &[Lead], None),
            Err(Refusal::GatesUnmet(vec![Gate::FitAgenda]))
        );
    }

    #[test]
    fn each_agreement_gate_is_checked() {
        let mut facts = ready(Building);
        facts.work_plan = WorkPlanPlacement::NotRecorded;
        assert_eq!(
            check_transition(&facts, Agreed, &[Lead], None),
            Err(Refusal::GatesUnmet(vec![Gate::FitBudget]))
        );
        facts.work_plan = WorkPlanPlacement::NoBudgetNeeded;
        assert!(
            check_transition(&facts, Agreed, &[Lead], None).is_ok(),
            "no municipal budget needed is a placement"
        );

        let mut roles = ready(Building);
        roles.partners[1].has_role = false;
        assert_eq!(
            check_transition(&roles, Agreed, &[Lead], None),
            Err(Refusal::GatesUnmet(vec![Gate::KeepRoles]))
        );
        let mut contributions = ready(Building);
        contributions.partners[2].committed.clear();
        assert_eq!(
            check_transition(&contributions, Agreed, &[Lead], None),
            Err(Refusal::GatesUnmet(vec![Gate::KeepRoles]))
        );
        let mut single = ready(Building);
        single.partners = vec![
            partner(2, Sector::Third, false),
            partner(4, Sector::Third, false),
        ];
        assert_eq!(
            check_transition(&single, Agreed, &[Lead], None),
            Err(Refusal::GatesUnmet(vec![Gate::KeepRoles]))
        );

        let mut vision = ready(Building);
        vision.partners[0].endorsed_current = false;
        assert_eq!(
            check_transition(&vision, Agreed, &[Lead], None),
            Err(Refusal::GatesUnmet(vec![Gate::SharedVision]))
        );
        let mut alone = ready(Building);
        alone.charter_version = None;
        assert_eq!(
            check_transition(&alone, Agreed, &[Lead], None),
            Err(Refusal::GatesUnmet(vec![Gate::SharedVision]))
        );
    }

    #[test]
    fn integrity_applies_to_the_city_with_a_business() {
        let mut facts = ready(Building);
        facts.integrity = IntegrityFacts::default();
        assert_eq!(
            check_transition(&facts, Agreed, &[Lead], None),
            Err(Refusal::GatesUnmet(vec![Gate::Integrity]))
        );
        facts.integrity = IntegrityFacts {
            competition: true,
            exemption: false,
            undeclared_deciders: 1,
            deciders: 2,
        };
        assert_eq!(
            check_transition(&facts, Agreed, &[Lead], None),
            Err(Refusal::GatesUnmet(vec![Gate::Integrity])),
            "declarations missing"
        );
        facts.integrity.undeclared_deciders = 0;
        assert!(check_transition(&facts, Agreed, &[Lead], None).is_ok());
        // Without a business partner, or without the city, the rule does not apply.
        let mut ngo_and_city = ready(Building);
        ngo_and_city.partners.pop();
        ngo_and_city.integrity = IntegrityFacts::default();
        assert!(Gate::Integrity.is_met(&ngo_and_city));
    }

    #[test]
    fn no_way_out_of_final_stages_and_no_decline_once_working() {
        for stage in [Closed, Declined, Withdrawn] {
            assert_eq!(transitions_from(stage).count(), 0, "{stage:?}");
        }
        let facts = ready(Implementing);
        assert!(matches!(
            check_transition(&facts, Declined, &[ConvenerStaff], Some("x")),
            Err(Refusal::NoSuchTransition { .. })
        ));
    }

    #[test]
    fn next_steps_show_what_is_missing() {
        let mut facts = ready(Building);
        facts.linked_goals = 0;
        facts.work_plan = WorkPlanPlacement::NotRecorded;
        let steps = next_steps(&facts, &[Lead]);
        let agreed = steps.iter().find(|(to, _)| *to == Agreed).unwrap();
        assert_eq!(agreed.1, vec![Gate::FitAgenda, Gate::FitBudget]);
        assert!(
            steps
                .iter()
                .any(|(to, gates)| *to == Withdrawn && gates.is_empty())
        );
    }

    #[test]
    fn stage_order() {
        assert!(Agreed.at_least(Building));
        assert!(Closed.at_least(Agreed));
        assert!(!Declined.at_least(Idea));
        assert!(!Scoping.at_least(Building));
    }
}
