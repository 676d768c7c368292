//! Property tests of the lifecycle: whatever people do, in whatever order, no move reaches a
//! stage past a gate without meeting the gate's rule (however many stages it skips), no move is
//! taken, or refused, against who may take it, and nothing leaves a final stage.

use proptest::prelude::*;
use shutaf_domain::initiative::{IntegrityFacts, PartnerFacts, WorkPlanPlacement};
use shutaf_domain::lifecycle::{Party, Refusal, check_transition};
use shutaf_domain::{ContributionType, InitiativeFacts, Sector, Stage};

/// Something a person does: change the facts, or try to move the initiative.
#[derive(Debug, Clone)]
enum Op {
    Engage(bool),
    LinkGoals(usize),
    Place(u8),
    AddPartner {
        sector: u8,
        authority: bool,
        role: bool,
        committed: bool,
        endorsed: bool,
    },
    RemovePartner,
    RecordRoles,
    SettleIntegrity,
    EndorseAll,
    NewCharterVersion,
    Integrity {
        competition: bool,
        exemption: bool,
        undeclared: usize,
        deciders: usize,
    },
    Move {
        to: u8,
        parts: u8,
        reason: bool,
    },
    /// Ask for any move, and check the answer without taking it: a decline, a withdrawal or a
    /// skip is tried at every stage that play reaches, without ending the play.
    Probe {
        to: u8,
        parts: u8,
        reason: bool,
    },
    /// Try the next stage on the main path, as people mostly do.
    Advance {
        parts: u8,
    },
}

fn stage() -> impl Strategy<Value = u8> {
    prop_oneof![200 => 0u8..9, 1 => 9u8..11]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => any::<bool>().prop_map(Op::Engage),
        1 => (0usize..3).prop_map(Op::LinkGoals),
        1 => (0u8..3).prop_map(Op::Place),
        1 => (0u8..3, any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>())
            .prop_map(|(sector, authority, role, committed, endorsed)| Op::AddPartner { sector, authority, role, committed, endorsed }),
        1 => Just(Op::RemovePartner),
        2 => Just(Op::RecordRoles),
        2 => Just(Op::SettleIntegrity),
        2 => Just(Op::EndorseAll),
        1 => Just(Op::NewCharterVersion),
        1 => (any::<bool>(), any::<bool>(), 0usize..3, 0usize..3)
            .prop_map(|(competition, exemption, undeclared, deciders)| Op::Integrity { competition, exemption, undeclared, deciders }),
        // Moves are the point: make them frequent, and mostly along the main path, so that
        // random play gets far before it ends in a decline or withdrawal.
        4 => (stage(), 0u8..8, any::<bool>()).prop_map(|(to, parts, reason)| Op::Move { to, parts, reason }),
        4 => (0u8..8).prop_map(|parts| Op::Advance { parts }),
        4 => (0u8..11, 0u8..8, any::<bool>()).prop_map(|(to, parts, reason)| Op::Probe { to, parts, reason }),
    ]
}

fn parts(bits: u8) -> Vec<Party> {
    [
        (1, Party::ConvenerStaff),
        (2, Party::Lead),
        (4, Party::Partner),
    ]
    .into_iter()
    .filter(|(bit, _)| bits & bit != 0)
    .map(|(_, p)| p)
    .collect()
}

/// Who may take a step, restated independently of the transitions table: the convener engages
/// and declines, the lead withdraws, either of them moves the initiative on, and a partner that
/// is neither never moves it.
fn may_take(to: Stage, parts: &[Party]) -> bool {
    let allowed: &[Party] = match to {
        Stage::Convened | Stage::Declined => &[Party::ConvenerStaff],
        Stage::Withdrawn => &[Party::Lead],
        _ => &[Party::ConvenerStaff, Party::Lead],
    };
    allowed.iter().any(|p| parts.contains(p))
}

/// The rules for reaching `stage` from a stage before it, restated independently of
/// `Gate::is_met`: nothing passes `idea` before the convener engaged, `building` needs a goal of
/// the locality, and `agreed` needs every agreement rule.
fn entry_holds(stage: Stage, f: &InitiativeFacts) -> Result<(), String> {
    if !f.convener_engaged {
        return Err(format!("reached {stage:?} without the convener: {f:?}"));
    }
    if stage.at_least(Stage::Building) && f.linked_goals == 0 {
        return Err(format!("reached {stage:?} without a goal: {f:?}"));
    }
    if stage.at_least(Stage::Agreed) {
        agreement_holds(f)?;
    }
    Ok(())
}

/// The stages a gate guards: reaching one of them, or any stage past it, needs its rules.
const GUARDED: [Stage; 4] = [
    Stage::Convened,
    Stage::Scoping,
    Stage::Building,
    Stage::Agreed,
];

/// The agreement rules restated independently of `Gate::is_met`.
fn agreement_holds(f: &InitiativeFacts) -> Result<(), String> {
    let sectors: std::collections::BTreeSet<Sector> = f.partners.iter().map(|p| p.sector).collect();
    let city = f.partners.iter().any(|p| p.is_local_authority);
    let business = f.partners.iter().any(|p| p.sector == Sector::Business);
    let checks = [
        (f.convener_engaged, "convener engaged"),
        (f.linked_goals >= 1, "a goal of the locality"),
        (
            f.work_plan != WorkPlanPlacement::NotRecorded,
            "work-plan placement",
        ),
        (
            !f.partners.is_empty()
                && f.partners
                    .iter()
                    .all(|p| p.has_role && !p.committed.is_empty()),
            "roles and contributions",
        ),
        (sectors.len() >= 2, "two sectors"),
        (
            f.charter_version.is_some() && f.partners.iter().all(|p| p.endorsed_current),
            "every endorsement of the current charter",
        ),
        (
            !(city && business)
                || ((f.integrity.competition || f.integrity.exemption)
                    && f.integrity.deciders > 0
                    && f.integrity.undeclared_deciders == 0),
            "integrity",
        ),
    ];
    match checks.iter().find(|(ok, _)| !ok) {
        Some((_, rule)) => Err(format!("reached agreed without {rule}: {f:?}")),
        None => Ok(()),
    }
}

fn apply(f: &mut InitiativeFacts, op: &Op) -> Result<(), String> {
    match op.clone() {
        Op::Engage(engaged) => f.convener_engaged = engaged,
        Op::LinkGoals(n) => f.linked_goals = n,
        Op::Place(p) => {
            f.work_plan = [
                WorkPlanPlacement::NotRecorded,
                WorkPlanPlacement::Placed,
                WorkPlanPlacement::NoBudgetNeeded,
            ][p as usize]
                .clone()
        }
        Op::AddPartner {
            sector,
            authority,
            role,
            committed,
            endorsed,
        } => {
            let sector = Sector::ALL[sector as usize];
            f.partners.push(PartnerFacts {
                organisation_id: f.partners.len() as i64 + 1,
                sector,
                is_local_authority: authority && sector == Sector::Public,
                has_role: role,
                committed: if committed {
                    vec![ContributionType::Knowledge]
                } else {
                    vec![]
                },
                endorsed_current: endorsed && f.charter_version.is_some(),
                expectations: None,
            })
        }
        Op::RemovePartner => {
            f.partners.pop();
        }
        Op::SettleIntegrity => {
            f.integrity = IntegrityFacts {
                competition: false,
                exemption: true,
                undeclared_deciders: 0,
                deciders: 2,
            }
        }
        Op::RecordRoles => f.partners.iter_mut().for_each(|p| {
            p.has_role = true;
            p.committed = vec![ContributionType::Budget];
        }),
        Op::EndorseAll => {
            if f.charter_version.is_some() {
                f.partners
                    .iter_mut()
                    .for_each(|p| p.endorsed_current = true)
            }
        }
        Op::NewCharterVersion => {
            // A new version clears every endorsement.
            f.charter_version = Some(f.charter_version.unwrap_or(0) + 1);
            f.partners
                .iter_mut()
                .for_each(|p| p.endorsed_current = false);
        }
        Op::Integrity {
            competition,
            exemption,
            undeclared,
            deciders,
        } => {
            f.integrity = IntegrityFacts {
                competition,
                exemption,
                undeclared_deciders: undeclared.min(deciders),
                deciders,
            }
        }
        Op::Advance { parts } => {
            let next = Stage::ALL
                .iter()
                .position(|s| *s == f.stage)
                .map_or(0, |i| (i + 1).min(8));
            return apply(
                f,
                &Op::Move {
                    to: next as u8,
                    parts,
                    reason: false,
                },
            );
        }
        Op::Move {
            to,
            parts: bits,
            reason,
        } => {
            if let Some(to) = try_move(f, to, bits, reason)? {
                f.stage = to;
            }
        }
        Op::Probe {
            to,
            parts: bits,
            reason,
        } => {
            try_move(f, to, bits, reason)?;
        }
    }
    Ok(())
}

/// Asks to move to stage number `to` as the parts in `bits`, and checks the answer against the
/// rules restated here; the stage to move to, when the move is allowed.
fn try_move(f: &InitiativeFacts, to: u8, bits: u8, reason: bool) -> Result<Option<Stage>, String> {
    let to = Stage::ALL[to as usize];
    let from = f.stage;
    let parts = parts(bits);
    let reason = reason.then_some("published reasons");
    match check_transition(f, to, &parts, reason) {
        Ok(_) => {
            if from.is_final() {
                return Err(format!("left the final stage {from:?} for {to:?}"));
            }
            if !may_take(to, &parts) {
                return Err(format!("{parts:?} moved {from:?} -> {to:?}"));
            }
            if matches!(to, Stage::Declined | Stage::Withdrawn) {
                if reason.is_none() {
                    return Err("declined or withdrawn without reasons".into());
                }
                if from.at_least(Stage::Implementing) {
                    return Err(format!("{to:?} once working, from {from:?}"));
                }
            } else if !in_order(from, to) {
                return Err(format!("{from:?} -> {to:?} is not the next step"));
            }
            // Every guarded stage the move reaches or passes, not only its target.
            for guarded in GUARDED {
                if !from.at_least(guarded) && to.at_least(guarded) {
                    entry_holds(guarded, f).map_err(|e| format!("{from:?} -> {to:?}: {e}"))?;
                }
            }
            Ok(Some(to))
        }
        Err(Refusal::NotYourPart { allowed }) if may_take(to, &parts) => Err(format!(
            "{parts:?} refused {from:?} -> {to:?}, only {allowed:?} may"
        )),
        Err(_) => Ok(None),
    }
}

/// The main path is taken one stage at a time; only a review sends the work back, or ends it
/// without sustaining it.
fn in_order(from: Stage, to: Stage) -> bool {
    use Stage::*;
    const PATH: [Stage; 9] = [
        Idea,
        Convened,
        Scoping,
        Building,
        Agreed,
        Implementing,
        Reviewing,
        Sustaining,
        Closed,
    ];
    let next = PATH
        .iter()
        .position(|s| *s == from)
        .and_then(|i| PATH.get(i + 1));
    next == Some(&to) || (from == Reviewing && matches!(to, Implementing | Closed))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_actions_breaks_the_gates(ops in proptest::collection::vec(op(), 1..150)) {
        let mut facts = InitiativeFacts::new_idea(0);
        for op in &ops {
            if let Err(broken) = apply(&mut facts, op) {
                prop_assert!(false, "{broken}\nafter {ops:?}");
            }
        }
    }
}

/// The property is not vacuous: random play does reach `agreed` (and beyond) regularly.
#[test]
fn random_play_reaches_agreement() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = proptest::collection::vec(op(), 100..200);
    let mut agreed = 0;
    for _ in 0..300 {
        let ops = strategy.new_tree(&mut runner).unwrap().current();
        let mut facts = InitiativeFacts::new_idea(0);
        for op in &ops {
            apply(&mut facts, op).unwrap();
        }
        if facts.stage.at_least(Stage::Agreed) {
            agreed += 1;
        }
    }
    assert!(
        agreed >= 10,
        "random play reached agreement {agreed} times in 300: the property would test little"
    );
}

#[test]
fn an_idea_the_city_has_not_engaged_with_is_explained_not_just_refused() {
    use shutaf_domain::lifecycle::{Gate, Refusal, check_transition, explain};
    let mut facts = shutaf_domain::InitiativeFacts::new_idea(0);
    facts.convener_engaged = false;
    // The business that proposed it asks to scope it: the answer is the gate and its remedy.
    let refusal = check_transition(&facts, Stage::Scoping, &[Party::Lead], None).unwrap_err();
    assert_eq!(
        explain(&facts, refusal),
        Refusal::GatesUnmet(vec![Gate::ConveneEarly])
    );
    // Other refusals are given as they are.
    let refusal = check_transition(&facts, Stage::Closed, &[Party::Lead], None).unwrap_err();
    assert!(matches!(
        explain(&facts, refusal),
        Refusal::NoSuchTransition { .. }
    ));
}
