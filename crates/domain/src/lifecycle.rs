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

/// What to tell a person whose move does not exist, in the seed's words where it has some: an
/// idea goes nowhere until the city engages (convene early), so asking to move an idea the city
/// has not engaged with further is answered with that gate and its remedy (ask the convener),
/// not with "no such step".
pub fn explain(facts: &InitiativeFacts, refusal: Refusal) -> Refusal {
    match refusal {
        Refusal::NoSuchTransition {
            from: Stage::Idea,
            to:
                Stage::Scoping
                | Stage::Building
                | Stage::Agreed
                | Stage::Implementing
                | Stage::Reviewing
                | Stage::Sustaining,
        } if !facts.convener_engaged => Refusal::GatesUnmet(vec![Gate::ConveneEarly]),
        other => other,
    }
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

    const ANYONE: &[Party] = &[ConvenerStaff, Lead];
    const AGREEMENT: &[Gate] = &[
        Gate::ConveneEarly,
        Gate::FitAgenda,
        Gate::FitBudget,
        Gate::KeepRoles,
        Gate::SharedVision,
        Gate::Integrity,
    ];

    /// From, to, who may, the gates, whether a reason is needed.
    type Way = (Stage, Stage, &'static [Party], &'static [Gate], bool);

    /// Every way there is, written out by hand: from, to, who may, the gates in the order they
    /// are reported, and whether a published reason is needed. Any change to [`TRANSITIONS`]
    /// must be made here too, on purpose.
    #[rustfmt::skip]
    const EXPECTED: &[Way] = &[
        (Idea, Convened, &[ConvenerStaff], &[Gate::ConveneEarly], false),
        (Convened, Scoping, ANYONE, &[Gate::ConveneEarly], false),
        (Scoping, Building, ANYONE, &[Gate::ConveneEarly, Gate::FitAgenda], false),
        (Building, Agreed, ANYONE, AGREEMENT, false),
        (Agreed, Implementing, ANYONE, &[], false),
        (Implementing, Reviewing, ANYONE, &[], false),
        (Reviewing, Implementing, ANYONE, &[], false),
        (Reviewing, Sustaining, ANYONE, &[], false),
        (Reviewing, Closed, ANYONE, &[], false),
        (Sustaining, Closed, ANYONE, &[], false),
        (Idea, Declined, &[ConvenerStaff], &[], true),
        (Convened, Declined, &[ConvenerStaff], &[], true),
        (Scoping, Declined, &[ConvenerStaff], &[], true),
        (Building, Declined, &[ConvenerStaff], &[], true),
        (Agreed, Declined, &[ConvenerStaff], &[], true),
        (Idea, Withdrawn, &[Lead], &[], true),
        (Convened, Withdrawn, &[Lead], &[], true),
        (Scoping, Withdrawn, &[Lead], &[], true),
        (Building, Withdrawn, &[Lead], &[], true),
        (Agreed, Withdrawn, &[Lead], &[], true),
    ];

    type Edge = (Stage, Stage, Vec<Party>, Vec<Gate>, bool);

    fn edges(rows: impl Iterator<Item = Edge>) -> Vec<Edge> {
        let mut edges: Vec<Edge> = rows.collect();
        edges.sort_by_key(|(from, to, ..)| (*from, *to));
        edges
    }

    fn expected(from: Stage, to: Stage) -> Option<&'static Way> {
        EXPECTED.iter().find(|(f, t, ..)| (*f, *t) == (from, to))
    }

    /// Every combination of parts a person may play, none included.
    fn all_parts() -> Vec<Vec<Party>> {
        (0..8u8)
            .map(|bits| {
                [ConvenerStaff, Lead, Partner]
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, p)| p)
                    .collect()
            })
            .collect()
    }

    /// An initiative that meets no gate at all: the city and a business with nothing recorded.
    fn bare(stage: Stage) -> InitiativeFacts {
        let nothing = |p: PartnerFacts| PartnerFacts {
            has_role: false,
            committed: vec![],
            endorsed_current: false,
            ..p
        };
        let facts = InitiativeFacts {
            stage,
            partners: vec![
                nothing(partner(1, Sector::Public, true)),
                nothing(partner(3, Sector::Business, false)),
            ],
            ..InitiativeFacts::new_idea(0)
        };
        assert!(Gate::ALL.iter().all(|g| !g.is_met(&facts)));
        facts
    }

    #[test]
    fn the_transitions_table_is_exactly_the_one_written_out() {
        let actual = edges(TRANSITIONS.iter().flat_map(|t| {
            t.from.iter().map(|from| {
                (
                    *from,
                    t.to,
                    t.who.to_vec(),
                    t.gates.to_vec(),
                    t.needs_reason,
                )
            })
        }));
        let wanted = edges(EXPECTED.iter().map(|(from, to, who, gates, reason)| {
            (*from, *to, who.to_vec(), gates.to_vec(), *reason)
        }));
        assert_eq!(actual, wanted);
        // One way per pair of stages: `check_transition` takes the first that matches.
        let mut pairs: Vec<(Stage, Stage)> = actual.iter().map(|(f, t, ..)| (*f, *t)).collect();
        pairs.dedup();
        assert_eq!(pairs.len(), EXPECTED.len());
    }

    /// Every pair of stages, every combination of parts, with and without reasons, with every
    /// gate met and with none: the answer is the one the written-out table gives.
    #[test]
    fn every_move_is_decided_by_the_table_for_every_part() {
        for &from in Stage::ALL {
            for &to in Stage::ALL {
                for parts in all_parts() {
                    for reason in [None, Some("  "), Some("Published reasons")] {
                        let given = reason.is_some_and(|r| !r.trim().is_empty());
                        let want_ready = match expected(from, to) {
                            None => Err(Refusal::NoSuchTransition { from, to }),
                            Some((_, _, who, _, _)) if !who.iter().any(|w| parts.contains(w)) => {
                                Err(Refusal::NotYourPart {
                                    allowed: who.to_vec(),
                                })
                            }
                            Some((_, _, _, _, true)) if !given => Err(Refusal::ReasonRequired),
                            Some(_) => Ok(to),
                        };
                        let want_bare = match (&want_ready, expected(from, to)) {
                            (Ok(_), Some((_, _, _, gates, _))) if !gates.is_empty() => {
                                Err(Refusal::GatesUnmet(gates.to_vec()))
                            }
                            _ => want_ready.clone(),
                        };
                        let case = format!("{from:?} -> {to:?} by {parts:?} with {reason:?}");
                        let got = check_transition(&ready(from), to, &parts, reason).map(|t| t.to);
                        assert_eq!(got, want_ready, "every gate met: {case}");
                        let got = check_transition(&bare(from), to, &parts, reason).map(|t| t.to);
                        assert_eq!(got, want_bare, "no gate met: {case}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_partner_alone_moves_nothing_the_lead_never_declines_and_the_convener_never_withdraws() {
        for (from, to, ..) in EXPECTED {
            assert!(
                matches!(
                    check_transition(&ready(*from), *to, &[Partner], Some("reasons")),
                    Err(Refusal::NotYourPart { .. })
                ),
                "a partner moved {from:?} -> {to:?}"
            );
        }
        for from in [Idea, Convened, Scoping, Building, Agreed] {
            let facts = ready(from);
            let declining = check_transition(&facts, Declined, &[Lead, Partner], Some("reasons"));
            assert_eq!(
                declining,
                Err(Refusal::NotYourPart {
                    allowed: vec![ConvenerStaff]
                })
            );
            let withdrawing = check_transition(
                &facts,
                Withdrawn,
                &[ConvenerStaff, Partner],
                Some("reasons"),
            );
            assert_eq!(
                withdrawing,
                Err(Refusal::NotYourPart {
                    allowed: vec![Lead]
                })
            );
        }
    }

    #[test]
    fn next_steps_are_the_ways_of_ones_parts_with_their_unmet_gates() {
        for &stage in Stage::ALL {
            for parts in all_parts() {
                for (facts, all_met) in [(ready(stage), true), (bare(stage), false)] {
                    let mut got = next_steps(&facts, &parts);
                    got.sort_by_key(|(to, _)| *to);
                    let want: Vec<(Stage, Vec<Gate>)> = EXPECTED
                        .iter()
                        .filter(|(from, _, who, ..)| {
                            *from == stage && who.iter().any(|w| parts.contains(w))
                        })
                        .map(|(_, to, _, gates, _)| {
                            (*to, if all_met { vec![] } else { gates.to_vec() })
                        })
                        .collect();
                    let mut want = want;
                    want.sort_by_key(|(to, _)| *to);
                    assert_eq!(got, want, "{stage:?} for {parts:?}, gates met: {all_met}");
                }
            }
        }
    }

    #[test]
    fn each_gate_is_met_exactly_when_its_rule_holds() {
        let met = |gate: Gate, change: &dyn Fn(&mut InitiativeFacts)| {
            let mut facts = ready(Building);
            change(&mut facts);
            gate.is_met(&facts)
        };
        assert!(!met(Gate::ConveneEarly, &|f| f.convener_engaged = false));
        assert!(!met(Gate::FitAgenda, &|f| f.linked_goals = 0));
        assert!(met(Gate::FitAgenda, &|f| f.linked_goals = 1));
        assert!(!met(Gate::FitBudget, &|f| f.work_plan =
            WorkPlanPlacement::NotRecorded));
        assert!(met(Gate::FitBudget, &|f| f.work_plan =
            WorkPlanPlacement::NoBudgetNeeded));

        assert!(!met(Gate::KeepRoles, &|f| f.partners.clear()));
        assert!(!met(Gate::KeepRoles, &|f| f.partners[0].has_role = false));
        assert!(!met(Gate::KeepRoles, &|f| f.partners[0].committed.clear()));
        // Two sectors are enough; one is not.
        assert!(met(Gate::KeepRoles, &|f| {
            f.partners.truncate(2);
        }));
        assert!(!met(Gate::KeepRoles, &|f| {
            f.partners.truncate(1);
        }));

        assert!(!met(Gate::SharedVision, &|f| f.charter_version = None));
        assert!(!met(Gate::SharedVision, &|f| f.partners.clear()));
        assert!(!met(Gate::SharedVision, &|f| f.partners[2]
            .endorsed_current = false));

        // Integrity: competition or an exemption, someone deciding, everyone declared.
        let integrity = |competition, exemption, undeclared_deciders, deciders| {
            met(Gate::Integrity, &|f| {
                f.integrity = IntegrityFacts {
                    competition,
                    exemption,
                    undeclared_deciders,
                    deciders,
                }
            })
        };
        assert!(integrity(true, false, 0, 1));
        assert!(integrity(false, true, 0, 1));
        assert!(integrity(true, true, 0, 3));
        assert!(
            !integrity(false, false, 0, 1),
            "neither competition nor exemption"
        );
        assert!(
            !integrity(true, false, 0, 0),
            "nobody declared, because nobody decides"
        );
        assert!(!integrity(false, true, 1, 2), "one decider undeclared");
        assert!(!integrity(false, false, 0, 0));
        // The rule applies only to the city with a business.
        let mut without_business = ready(Building);
        without_business.partners.pop();
        without_business.integrity = IntegrityFacts::default();
        assert!(Gate::Integrity.is_met(&without_business));
        let mut without_city = ready(Building);
        without_city.partners.remove(0);
        without_city.integrity = IntegrityFacts::default();
        assert!(Gate::Integrity.is_met(&without_city));
    }

    #[test]
    fn only_an_idea_the_city_has_not_engaged_with_is_explained_by_convene_early() {
        let no_way = |from, to| Refusal::NoSuchTransition { from, to };
        let mut idea = bare(Idea);
        assert_eq!(
            explain(&idea, no_way(Idea, Building)),
            Refusal::GatesUnmet(vec![Gate::ConveneEarly])
        );
        idea.convener_engaged = true;
        assert_eq!(
            explain(&idea, no_way(Idea, Building)),
            no_way(Idea, Building)
        );
        assert_eq!(
            explain(&bare(Convened), no_way(Convened, Agreed)),
            no_way(Convened, Agreed)
        );
    }

    #[test]
    fn refusals_and_gates_name_their_messages() {
        assert_eq!(
            Refusal::NoSuchTransition {
                from: Idea,
                to: Closed
            }
            .key(),
            "refused-no-such-transition"
        );
        assert_eq!(
            Refusal::NotYourPart { allowed: vec![] }.key(),
            "refused-not-your-part"
        );
        assert_eq!(Refusal::ReasonRequired.key(), "refused-reason-required");
        assert_eq!(Refusal::GatesUnmet(vec![]).key(), "refused-gates-unmet");
        assert_eq!(Gate::FitAgenda.remedy_key(), "gate-fit-agenda-remedy");
        assert_eq!(Gate::ConveneEarly.label_key(), "gate-convene-early");
    }
}
