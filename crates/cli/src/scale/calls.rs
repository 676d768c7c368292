//! Open calls and donations. They are planned before the initiatives, because their decisions
//! count in the log's size (the initiatives' histories fill the rest), and written after them: an
//! awarded call can end in an initiative (its winner the first partner, as
//! `initiative_from_call` makes it), and a gift can be for one.
//!
//! Every step the hub logs is on the log here too, with the kind, names and detail its store
//! writes: publication, each application, declarations of interest (and recusals) by the
//! evaluators and the convener's staff who decide, each evaluator's scoring of an application, a
//! re-run, the award with the aggregated results, a cancellation; a gift's registration, the
//! committee's check, the head's decision and the report to the council.

use shutaf_domain::call::{CallStatus, Score, Weight, aggregate};
use shutaf_domain::disclosure::Withheld;
use shutaf_domain::donation::{DonationKind, DonationStep, HeadDecision, Recommendation, departs};
use shutaf_domain::integrity::Relation;
use shutaf_domain::journal::{Actor, Place};
use shutaf_store::bulk::{
    BulkApplication, BulkCall, BulkCriterion, BulkDonation, BulkRecusal, BulkScore,
};

use super::*;

const CALLS_PER_BATCH: usize = 250;
const DONATIONS_PER_BATCH: usize = 2_000;
/// One call for this many initiatives, and one gift for this many.
const INITIATIVES_PER_CALL: u64 = 30;
const INITIATIVES_PER_DONATION: u64 = 25;
/// Calls and donations take at most this share of the log's room beyond the proposals.
const LOG_SHARE: u64 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Draft,
    /// Published, taking applications.
    Accepting,
    /// Past the deadline, being scored.
    Evaluating,
    Awarded,
    Cancelled,
}

/// Someone who declared on the call, and the applicant (its index) they declared a tie with.
#[derive(Debug, Clone)]
struct Declarer {
    user: i64,
    tie: Option<(usize, Relation)>,
}

/// A call's shape: everything that fixes how many decisions it logs.
#[derive(Debug, Clone)]
pub(super) struct CallPlan {
    id: i64,
    locality: usize,
    kind: Kind,
    rerun: bool,
    /// Criteria (their index in [`words::CRITERIA`]) with their weights, adding up to 100.
    criteria: Vec<(usize, i64)>,
    evaluators: Vec<i64>,
    /// The organisations that applied, in order.
    applicants: Vec<i64>,
    /// How many of them (the last) applied after the re-run.
    late: usize,
    /// The convener's staff member who decides the call (and wrote it).
    decider: i64,
    declarers: Vec<Declarer>,
    /// Each evaluator's scoring of one application (its index).
    scored: Vec<(i64, usize)>,
    /// The applicant (its index) the call is awarded to.
    winner: Option<usize>,
    /// The initiative the awarded call became.
    initiative: Option<i64>,
}

impl CallPlan {
    fn cost(&self) -> u64 {
        if self.kind == Kind::Draft {
            return 0;
        }
        let recusals = self.declarers.iter().filter(|d| d.tie.is_some()).count();
        let decided = matches!(self.kind, Kind::Awarded | Kind::Cancelled);
        (1 + self.applicants.len()
            + usize::from(self.rerun)
            + self.declarers.len()
            + recusals
            + self.scored.len()
            + usize::from(decided)) as u64
    }
}

#[derive(Debug, Clone)]
pub(super) struct DonationPlan {
    locality: usize,
    step: DonationStep,
}

impl DonationPlan {
    fn cost(&self) -> u64 {
        match self.step {
            DonationStep::Registered => 1,
            DonationStep::Checked => 2,
            DonationStep::Decided => 3,
            DonationStep::Reported => 4,
        }
    }
}

/// The calls and donations planned.
pub(super) struct Extras {
    calls: Vec<CallPlan>,
    donations: Vec<DonationPlan>,
}

impl Extras {
    /// The decisions they log.
    pub(super) fn cost(&self) -> u64 {
        self.calls.iter().map(CallPlan::cost).sum::<u64>()
            + self.donations.iter().map(DonationPlan::cost).sum::<u64>()
    }

    /// Links awarded calls to initiatives the convener started from them: a plan the convener
    /// initiated, whose first partner becomes the call's winner (when that keeps its rules).
    pub(super) fn link(&mut self, world: &World, plans: &mut [Plan]) {
        let mut rng = rng_for(world.sizes.seed, 7);
        let mut candidates: Vec<Vec<usize>> = vec![Vec::new(); world.localities.len()];
        for (i, plan) in plans.iter().enumerate() {
            if plan.initiator == world.localities[plan.locality].convener
                && !plan.partners.is_empty()
            {
                candidates[plan.locality].push(i);
            }
        }
        for call in &mut self.calls {
            let Some(winner) = call.winner else { continue };
            if !rng.random_bool(0.6) {
                continue;
            }
            let winner = call.applicants[winner];
            let candidates = &mut candidates[call.locality];
            for _ in 0..candidates.len().min(8) {
                let slot = rng.random_range(0..candidates.len());
                let plan = &mut plans[candidates[slot]];
                if fits(world, plan, winner) {
                    plan.partners[0] = winner;
                    plan.from_call = Some(call.id);
                    call.initiative = Some(candidates[slot] as i64 + 1);
                    candidates.swap_remove(slot);
                    break;
                }
            }
        }
    }
}

/// Can `winner` be the first partner of `plan` (which the convener initiated)?
fn fits(world: &World, plan: &Plan, winner: i64) -> bool {
    if plan.partners[0] != winner && plan.involves(winner) {
        return false;
    }
    if !plan.at_least(Stage::Agreed) {
        return true;
    }
    // An agreed initiative keeps two sectors, and no business where none declared.
    let sector = world.org(winner).sector;
    let initiator = world.org(plan.initiator).sector;
    !plan.integrity
        && sector != Sector::Business
        && (sector != initiator
            || plan.partners[1..]
                .iter()
                .any(|p| world.org(*p).sector != initiator))
}

/// Plans the calls and donations, within their share of the log.
pub(super) fn plan(world: &World, ids: &mut Ids) -> Extras {
    let mut rng = rng_for(world.sizes.seed, 5);
    // Flatter than the initiatives' spread: a few calls in a small place, dozens in a city.
    let weights =
        Weighted::new((0..world.localities.len()).map(|rank| 1.0 / (rank as f64 + 1.0).powf(0.4)));
    let calls = world.sizes.initiatives.div_ceil(INITIATIVES_PER_CALL);
    let mut extras = Extras {
        calls: (0..calls)
            .map(|_| call_plan(world, &mut rng, &weights))
            .collect(),
        donations: (0..world.sizes.initiatives.div_ceil(INITIATIVES_PER_DONATION))
            .map(|_| DonationPlan {
                locality: weights.sample(&mut rng),
                step: [
                    DonationStep::Registered,
                    DonationStep::Checked,
                    DonationStep::Decided,
                    DonationStep::Reported,
                ][Weighted::new([12.0, 12.0, 16.0, 60.0]).sample(&mut rng)],
            })
            .collect(),
    };
    let room = (world.sizes.log_entries - world.sizes.initiatives) / LOG_SHARE;
    while extras.cost() > room {
        let calls: u64 = extras.calls.iter().map(CallPlan::cost).sum();
        let donations: u64 = extras.donations.iter().map(DonationPlan::cost).sum();
        if calls >= donations {
            extras.calls.pop();
        } else {
            extras.donations.pop();
        }
    }
    for call in &mut extras.calls {
        call.id = next(&mut ids.call);
    }
    extras
}

fn call_plan(world: &World, rng: &mut StdRng, weights: &Weighted) -> CallPlan {
    let locality = weights.sample(rng);
    let info = &world.localities[locality];
    const KINDS: [(Kind, f64); 5] = [
        (Kind::Draft, 8.0),
        (Kind::Accepting, 17.0),
        (Kind::Evaluating, 15.0),
        (Kind::Awarded, 45.0),
        (Kind::Cancelled, 15.0),
    ];
    let kind = KINDS[Weighted::new(KINDS.map(|(_, w)| w)).sample(rng)].0;
    let count = rng.random_range(2..=5);
    let parts: Vec<i64> = (0..count).map(|_| rng.random_range(2..=6)).collect();
    let sum: i64 = parts.iter().sum();
    let mut criteria: Vec<(usize, i64)> =
        rand::seq::index::sample(rng, words::CRITERIA.len(), count)
            .iter()
            .zip(&parts)
            .map(|(c, part)| (c, part * 100 / sum))
            .collect();
    let short = 100 - criteria.iter().map(|(_, w)| w).sum::<i64>();
    criteria[0].1 += short;

    // Evaluators: one or two of the convener's staff, and often someone from another
    // organisation of the locality.
    let mut evaluators: Vec<i64> = Vec::new();
    let staff_evaluators = rng.random_range(1..=2).min(info.staff.len());
    for i in rand::seq::index::sample(rng, info.staff.len(), staff_evaluators).iter() {
        evaluators.push(info.staff[i]);
    }
    let mut external: Option<(i64, i64)> = None;
    if info.organisations.len() > 1 && rng.random_bool(0.6) {
        let org = *pick(rng, &info.organisations[1..]);
        let user = world.org(org).owner;
        if !evaluators.contains(&user) {
            evaluators.push(user);
            external = Some((user, org));
        }
    }
    let applicants_wanted = match kind {
        Kind::Draft => 0,
        Kind::Accepting => rng.random_range(0..=4),
        Kind::Evaluating | Kind::Awarded => rng.random_range(2..=7),
        Kind::Cancelled => rng.random_range(0..=3),
    };
    let mut applicants: Vec<i64> = Vec::new();
    if info.organisations.len() > 1 {
        for _ in 0..applicants_wanted * 3 {
            if applicants.len() >= applicants_wanted {
                break;
            }
            let org = *pick(rng, &info.organisations[1..]);
            if !applicants.contains(&org) {
                applicants.push(org);
            }
        }
    }
    let kind = if kind == Kind::Awarded && applicants.is_empty() {
        Kind::Cancelled
    } else {
        kind
    };
    let decided = matches!(kind, Kind::Evaluating | Kind::Awarded | Kind::Cancelled);
    let rerun = decided && rng.random_bool(0.12);
    let late = if rerun {
        rng.random_range(0..=2).min(applicants.len())
    } else {
        0
    };
    let decider = *pick(rng, &info.staff);

    // Declarations after the deadline: the evaluators, and the staff member who decides.
    let mut declarers: Vec<Declarer> = Vec::new();
    if decided {
        let mut people: Vec<i64> = evaluators
            .iter()
            .copied()
            .filter(|_| match kind {
                Kind::Awarded => true,
                Kind::Evaluating => rng.random_bool(0.8),
                _ => rng.random_bool(0.3),
            })
            .collect();
        if (kind != Kind::Evaluating || rng.random_bool(0.5)) && !people.contains(&decider) {
            people.push(decider);
        }
        for user in people {
            let own = external
                .filter(|(u, _)| *u == user)
                .and_then(|(_, org)| applicants.iter().position(|a| *a == org));
            let tie = match own {
                Some(index) => Some((index, Relation::Director)),
                None if !applicants.is_empty() && rng.random_bool(0.04) => Some((
                    rng.random_range(0..applicants.len()),
                    *pick(
                        rng,
                        &[Relation::Relative, Relation::Business, Relation::Member],
                    ),
                )),
                None => None,
            };
            declarers.push(Declarer { user, tie });
        }
    }
    // Scoring: every evaluator who declared, each application they are clear of (all of them
    // once awarded, some while evaluating or before a cancellation).
    let mut scored = Vec::new();
    for d in declarers.iter().filter(|d| evaluators.contains(&d.user)) {
        let clear: Vec<usize> = (0..applicants.len())
            .filter(|i| d.tie.map(|(t, _)| t) != Some(*i))
            .collect();
        let done = match kind {
            Kind::Awarded => clear.len(),
            _ => rng.random_range(0..=clear.len()),
        };
        scored.extend(clear.into_iter().take(done).map(|i| (d.user, i)));
    }
    let winner = (kind == Kind::Awarded).then(|| {
        let scored_ones: Vec<usize> = (0..applicants.len())
            .filter(|i| scored.iter().any(|(_, a)| a == i))
            .collect();
        if scored_ones.is_empty() {
            rng.random_range(0..applicants.len())
        } else {
            *pick(rng, &scored_ones)
        }
    });
    CallPlan {
        id: 0,
        locality,
        kind,
        rerun,
        criteria,
        evaluators,
        applicants,
        late,
        decider,
        declarers,
        scored,
        winner,
        initiative: None,
    }
}

/// A call's decision, placed in time.
fn decision(at: i64, locality: i64, event: Event, organisation: i64, person: Option<i64>) -> Item {
    Item {
        at,
        initiative: None,
        locality,
        step: Step {
            event,
            organisation: Some(organisation),
            user: person,
            person,
            gap: Gap::None,
        },
        event: false,
        seed: None,
    }
}

/// A call's decisions that seal what they say of its applicants (an application, a scoring, a
/// declaration and its recusals): each gets a seed of the call's own, and what it seals is kept
/// for the decision that opens it, as the hub keeps it beside the log.
struct Sealing {
    key: PseudonymKey,
    seed: u64,
    call: i64,
    count: u64,
    /// The texts sealed so far, with when.
    sealed: Vec<(i64, Withheld)>,
}

impl Sealing {
    fn item(&mut self, at: i64, locality: i64, event: Event, organisation: i64, user: i64) -> Item {
        let seed = seed_of(self.seed, &[CALL_SEEDS, self.call as u64, self.count]);
        self.count += 1;
        let actor = Actor {
            organisation_id: Some(organisation),
            user_id: Some(user),
            name: None,
        };
        let recorded = event.recorded(0, at, Place::default(), &actor, &self.key, &seed);
        self.sealed.extend(
            recorded
                .withheld
                .into_iter()
                .filter(|w| w.sealed_for.is_some())
                .map(|w| (at, w)),
        );
        Item {
            seed: Some(seed),
            ..decision(at, locality, event, organisation, Some(user))
        }
    }

    /// The openings of everything sealed, in the order it was sealed.
    fn openings(&mut self) -> Vec<shutaf_domain::disclosure::Opening> {
        self.sealed.sort_by_key(|(at, _)| *at);
        self.sealed.iter().map(|(_, w)| w.opening()).collect()
    }
}

/// Writes the calls, their decisions going to `history`.
pub(super) fn calls(
    world: &World,
    extras: &Extras,
    linked: &HashMap<i64, Linked>,
    ids: &mut Ids,
    history: &mut Vec<Item>,
    send: &mut impl FnMut(Message) -> Result<(), Stopped>,
) -> Result<(), Stopped> {
    send(Message::Start {
        phase: Phase::Calls,
        total: extras.calls.len() as u64,
        done: 0,
    })?;
    let mut rng = rng_for(world.sizes.seed, 8);
    let mut batch = Batch::default();
    for plan in &extras.calls {
        let link = plan.initiative.and_then(|_| linked.get(&plan.id));
        batch
            .calls
            .push(call(world, &mut rng, plan, link, ids, history));
        if batch.calls.len() == CALLS_PER_BATCH {
            let count = batch.calls.len() as u64;
            send(Message::Rows {
                batch: Box::new(std::mem::take(&mut batch)),
                count,
            })?;
        }
    }
    let count = batch.calls.len() as u64;
    send(Message::Rows {
        batch: Box::new(batch),
        count,
    })
}

fn days(rng: &mut StdRng, range: std::ops::Range<i64>) -> i64 {
    rng.random_range(range) * DAY + rng.random_range(0..DAY)
}

fn call(
    world: &World,
    rng: &mut StdRng,
    plan: &CallPlan,
    link: Option<&Linked>,
    ids: &mut Ids,
    history: &mut Vec<Item>,
) -> BulkCall {
    let info = &world.localities[plan.locality];
    let convener = info.convener;
    let language = match link {
        Some(link) => link.language,
        None => primary_language(rng, info.culture),
    };
    let li = language_index(language);
    let topic = pick(rng, words::TOPICS);
    let (title, purpose) = match link {
        Some(link) => (link.title.clone(), link.problem.clone()),
        None => {
            let place = if li == 0 {
                after_prefix(&info.names[0])
            } else {
                &info.names[li]
            };
            let topic_title = in_sentence(topic.title[li], li);
            (
                fill(
                    pick(rng, words::CALL_TITLES)[li],
                    &[("{T}", topic_title.as_str()), ("{P}", place)],
                ),
                topic.problem[li].to_owned(),
            )
        }
    };
    let goal_ids = match link {
        Some(link) => link.goal_ids.clone(),
        None => {
            let mut goals: Vec<i64> = (0..rng.random_range(0..=2))
                .filter(|_| !info.goals.is_empty())
                .map(|_| pick(rng, &info.goals).0)
                .collect();
            goals.sort_unstable();
            goals.dedup();
            goals
        }
    };

    // The timeline, from publication: applications until the deadline (moved once on a
    // re-run), declarations, scores, then the award or cancellation.
    let first_deadline = days(rng, 21..61);
    let (rerun_at, deadline) = if plan.rerun {
        let at = first_deadline + days(rng, 2..16);
        (Some(at), at + days(rng, 14..31))
    } else {
        (None, first_deadline)
    };
    let on_time = plan.applicants.len() - plan.late;
    let mut applied: Vec<i64> = (0..plan.applicants.len())
        .map(|i| match (i < on_time, rerun_at) {
            (false, Some(rerun)) => rng.random_range(rerun + 3_600..deadline),
            _ => rng.random_range(3_600..first_deadline),
        })
        .collect();
    let declared: Vec<i64> = plan
        .declarers
        .iter()
        .map(|_| deadline + days(rng, 0..4))
        .collect();
    let scored_at: Vec<i64> = plan
        .scored
        .iter()
        .map(|(user, _)| {
            let since = plan
                .declarers
                .iter()
                .position(|d| d.user == *user)
                .map(|i| declared[i])
                .unwrap_or(deadline);
            since + rng.random_range(3_600..14 * DAY)
        })
        .collect();
    let decided = deadline + days(rng, 20..46);
    let end = match plan.kind {
        Kind::Awarded | Kind::Cancelled => decided,
        _ => scored_at
            .iter()
            .chain(&declared)
            .chain(&applied)
            .copied()
            .max()
            .unwrap_or(deadline),
    };
    // Placed in time: a linked call was awarded shortly before its initiative; an open one is
    // recent; a decided one anywhere in the window.
    let published_at = match (plan.kind, link) {
        (Kind::Draft, _) => ANCHOR - days(rng, 0..45),
        (Kind::Accepting, _) => ANCHOR - days(rng, 1..50),
        (Kind::Evaluating, _) => ANCHOR - end - days(rng, 1..20),
        (_, Some(link)) => link.created_at - days(rng, 1..30) - end,
        _ => {
            let latest = ANCHOR - end - DAY;
            let earliest = (ANCHOR - WINDOW).min(latest - DAY);
            rng.random_range(earliest..latest)
        }
    };
    let created_at = published_at - days(rng, 1..20);
    if plan.kind == Kind::Accepting {
        // Still taking applications: those so far came before the anchor.
        let open = (ANCHOR - published_at - 3_600).max(1);
        for at in &mut applied {
            *at = 3_600 + *at % open;
        }
    }
    let deadline_at = match plan.kind {
        Kind::Draft | Kind::Accepting => ANCHOR + days(rng, 40..240),
        _ => published_at + deadline,
    };
    let id = plan.id;
    let locality = info.id;
    let mut calls_history = Vec::new();
    let mut sealing = Sealing {
        key: pseudonym_key(world.sizes.seed),
        seed: world.sizes.seed,
        call: id,
        count: 0,
        sealed: Vec::new(),
    };

    let criteria: Vec<BulkCriterion> = plan
        .criteria
        .iter()
        .map(|(c, weight)| {
            let (name, description) = &words::CRITERIA[*c];
            BulkCriterion {
                id: next(&mut ids.criterion),
                name: name[li].to_owned(),
                description: rng.random_bool(0.7).then(|| description[li].to_owned()),
                weight: *weight,
            }
        })
        .collect();
    if plan.kind != Kind::Draft {
        let weights = criteria
            .iter()
            .map(|c| (c.name.clone(), c.weight))
            .collect();
        let original_deadline = match plan.kind {
            Kind::Accepting => deadline_at,
            _ => published_at + first_deadline,
        };
        calls_history.push(decision(
            published_at,
            locality,
            Event::CallPublished {
                call: id,
                deadline_at: original_deadline,
                criteria: weights,
            },
            convener,
            Some(plan.decider),
        ));
    }
    let applications: Vec<BulkApplication> = plan
        .applicants
        .iter()
        .zip(&applied)
        .enumerate()
        .map(|(i, (org, at))| {
            let summary = match (link, Some(i) == plan.winner) {
                (Some(link), true) => link.approach.clone(),
                _ => pick(rng, words::APPROACHES)[li].to_owned(),
            };
            let proposal = format!(
                "{} {}",
                pick(rng, words::APPROACHES)[li],
                pick(rng, words::PROPOSAL_CLOSINGS)[li]
            );
            BulkApplication {
                id: next(&mut ids.application),
                organisation_id: *org,
                summary,
                proposal,
                submitted_by: world.org(*org).owner,
                submitted_at: published_at + at,
            }
        })
        .collect();
    for a in &applications {
        calls_history.push(sealing.item(
            a.submitted_at,
            locality,
            Event::ApplicationReceived {
                call: id,
                application: a.id,
                organisation: a.organisation_id,
            },
            a.organisation_id,
            a.submitted_by,
        ));
    }
    if let Some(at) = rerun_at {
        calls_history.push(decision(
            published_at + at,
            locality,
            Event::CallRerun {
                call: id,
                deadline_at,
                reasons: pick(rng, words::RERUN_REASONS)[li].to_owned(),
            },
            convener,
            Some(plan.decider),
        ));
    }
    let mut declarations = Vec::new();
    let mut recusals = Vec::new();
    for (d, at) in plan.declarers.iter().zip(&declared) {
        let at = published_at + at;
        let ties: Vec<(i64, Relation)> = d
            .tie
            .iter()
            .map(|(index, relation)| (plan.applicants[*index], *relation))
            .collect();
        calls_history.push(sealing.item(
            at,
            locality,
            Event::InterestsDeclared {
                matter: Matter::Call(id),
                ties: ties.clone(),
                sealed: true,
            },
            convener,
            d.user,
        ));
        for (party, _) in &ties {
            calls_history.push(sealing.item(
                at,
                locality,
                Event::Recused {
                    matter: Matter::Call(id),
                    party: *party,
                    sealed: true,
                },
                convener,
                d.user,
            ));
            recusals.push(BulkRecusal {
                user_id: d.user,
                party_organisation_id: *party,
                recorded_at: at,
            });
        }
        declarations.push(BulkDeclaration {
            user_id: d.user,
            organisation_id: convener,
            has_interests: !ties.is_empty(),
            details: None,
            declared_at: at,
            ties,
        });
    }
    let mut scores = Vec::new();
    for ((user, index), at) in plan.scored.iter().zip(&scored_at) {
        let at = published_at + at;
        let application = &applications[*index];
        let favoured = Some(*index) == plan.winner;
        let mut given = Vec::new();
        for c in &criteria {
            let score = if favoured {
                rng.random_range(6..=10)
            } else {
                rng.random_range(2..=9)
            };
            let band = match score {
                8.. => 0,
                5..=7 => 1,
                _ => 2,
            };
            given.push((c.id, score));
            scores.push(BulkScore {
                application_id: application.id,
                criterion_id: c.id,
                evaluator_id: *user,
                score,
                reason: pick(rng, words::SCORE_REASONS[band])[li].to_owned(),
                scored_at: at,
            });
        }
        calls_history.push(sealing.item(
            at,
            locality,
            Event::ApplicationScored {
                call: id,
                application: application.id,
                scores: given,
            },
            convener,
            *user,
        ));
    }
    let (status, awarded, reasons, decided_at) = match plan.kind {
        Kind::Draft => (CallStatus::Draft, None, None, None),
        Kind::Accepting | Kind::Evaluating => (CallStatus::Open, None, None, None),
        Kind::Awarded => {
            let winner = &applications[plan.winner.unwrap_or_default()];
            let ranked = aggregate(
                &applications.iter().map(|a| a.id).collect::<Vec<_>>(),
                &criteria
                    .iter()
                    .map(|c| Weight {
                        criterion_id: c.id,
                        weight: c.weight,
                    })
                    .collect::<Vec<_>>(),
                &scores
                    .iter()
                    .map(|s| Score {
                        application_id: s.application_id,
                        criterion_id: s.criterion_id,
                        evaluator_id: s.evaluator_id,
                        score: s.score,
                    })
                    .collect::<Vec<_>>(),
            );
            let first = ranked.first().map(|r| r.application_id) == Some(winner.id);
            let reasons = if first {
                pick(rng, words::AWARD_REASONS)[li]
            } else {
                words::AWARD_REASONS[2][li]
            };
            let at = published_at + decided;
            calls_history.push(decision(
                at,
                locality,
                Event::CallAwarded {
                    call: id,
                    application: winner.id,
                    organisation: winner.organisation_id,
                    results: ranked.iter().map(Standing::from).collect(),
                    reasons: reasons.to_owned(),
                    openings: sealing.openings(),
                },
                convener,
                Some(plan.decider),
            ));
            (
                CallStatus::Awarded,
                Some(winner.id),
                Some(reasons.to_owned()),
                Some(at),
            )
        }
        Kind::Cancelled => {
            let reasons = pick(rng, words::CANCEL_REASONS)[li];
            let at = published_at + decided;
            calls_history.push(decision(
                at,
                locality,
                Event::CallCancelled {
                    call: id,
                    reasons: reasons.to_owned(),
                    openings: sealing.openings(),
                },
                convener,
                Some(plan.decider),
            ));
            (
                CallStatus::Cancelled,
                None,
                Some(reasons.to_owned()),
                Some(at),
            )
        }
    };
    // Scoring acts and declarations were drawn per person: the log takes them in time order.
    calls_history.sort_by_key(|item| item.at);
    history.extend(calls_history);
    let revision = match plan.kind {
        Kind::Draft => rng.random_range(0..=2),
        _ => 1 + i64::from(plan.rerun) + i64::from(decided_at.is_some()),
    };
    BulkCall {
        id,
        locality_id: locality,
        lang: language,
        title,
        purpose,
        sought: pick(rng, words::CALL_SOUGHT)[li].to_owned(),
        eligibility: pick(rng, words::CALL_ELIGIBILITY)[li].to_owned(),
        deadline_at,
        status,
        published_at: (plan.kind != Kind::Draft).then_some(published_at),
        awarded_application_id: awarded,
        outcome_reasons: reasons,
        decided_at,
        initiative_id: link.map(|l| l.initiative),
        created_by: plan.decider,
        created_at,
        revision,
        criteria,
        goal_ids,
        evaluator_ids: plan.evaluators.clone(),
        applications,
        scores,
        declarations,
        recusals,
    }
}

/// Writes the donations, their steps going to `history`.
pub(super) fn donations(
    world: &World,
    extras: &Extras,
    ids: &mut Ids,
    history: &mut Vec<Item>,
    send: &mut impl FnMut(Message) -> Result<(), Stopped>,
) -> Result<(), Stopped> {
    send(Message::Start {
        phase: Phase::Donations,
        total: extras.donations.len() as u64,
        done: 0,
    })?;
    let mut rng = rng_for(world.sizes.seed, 9);
    let mut by_locality: Vec<Vec<(i64, i64)>> = vec![Vec::new(); world.localities.len()];
    for (index, (locality, created_at)) in world.initiatives.iter().enumerate() {
        by_locality[*locality].push((index as i64 + 1, *created_at));
    }
    let mut batch = Batch::default();
    for plan in &extras.donations {
        let d = donation(
            world,
            &mut rng,
            plan,
            &by_locality[plan.locality],
            ids,
            history,
        );
        batch.donations.push(d);
        if batch.donations.len() == DONATIONS_PER_BATCH {
            let count = batch.donations.len() as u64;
            send(Message::Rows {
                batch: Box::new(std::mem::take(&mut batch)),
                count,
            })?;
        }
    }
    let count = batch.donations.len() as u64;
    send(Message::Rows {
        batch: Box::new(batch),
        count,
    })
}

fn donation(
    world: &World,
    rng: &mut StdRng,
    plan: &DonationPlan,
    initiatives: &[(i64, i64)],
    ids: &mut Ids,
    history: &mut Vec<Item>,
) -> BulkDonation {
    let info = &world.localities[plan.locality];
    let language = primary_language(rng, info.culture);
    let li = language_index(language);
    let registered_by = *pick(rng, &info.staff);
    // A company of the locality most often; some gifts come from people.
    let donor = if info.organisations.len() > 1 && rng.random_bool(0.65) {
        let mut org = *pick(rng, &info.organisations[1..]);
        for _ in 0..5 {
            if world.org(org).sector == Sector::Business {
                break;
            }
            org = *pick(rng, &info.organisations[1..]);
        }
        Some(org)
    } else {
        None
    };
    let donor_name = match donor {
        Some(org) => {
            let names = &world.org(org).names;
            names[li]
                .clone()
                .or_else(|| names.iter().flatten().next().cloned())
                .unwrap_or_default()
        }
        None => {
            let arabic = li == 1;
            let families: Vec<&(Tri, bool)> = words::FAMILY_NAMES
                .iter()
                .filter(|(_, is_arabic)| *is_arabic == arabic)
                .collect();
            let family = pick(rng, &families).0;
            fill(pick(rng, words::PRIVATE_DONORS)[li], &[("{N}", family[li])])
        }
    };
    const KINDS: [(DonationKind, f64); 4] = [
        (DonationKind::Money, 45.0),
        (DonationKind::Goods, 25.0),
        (DonationKind::Services, 15.0),
        (DonationKind::Help, 15.0),
    ];
    let kind_index = Weighted::new(KINDS.map(|(_, w)| w)).sample(rng);
    let kind = KINDS[kind_index].0;
    let value_agorot = match kind {
        DonationKind::Money => Some(rng.random_range(10..2_000) * 100 * 100),
        DonationKind::Goods | DonationKind::Services if rng.random_bool(0.6) => {
            Some(rng.random_range(5..500) * 100 * 100)
        }
        _ => None,
    };
    let purpose = pick(rng, words::DONATION_PURPOSES[kind_index])[li].to_owned();

    // The steps' gaps, then the whole placed before the anchor (after the initiative it is
    // for, if any).
    let steps = plan.cost() as usize;
    let gaps = [0, days(rng, 7..41), days(rng, 3..31), days(rng, 14..91)];
    let span: i64 = gaps[..steps].iter().sum();
    let latest = ANCHOR - span - days(rng, 1..30);
    let mut initiative = None;
    let mut earliest = ANCHOR - WINDOW;
    if !initiatives.is_empty() && rng.random_bool(0.3) {
        let (id, created_at) = *pick(rng, initiatives);
        if created_at + DAY < latest {
            initiative = Some(id);
            earliest = earliest.max(created_at + DAY);
        }
    }
    let registered_at = rng.random_range(earliest.min(latest - 1)..latest);
    let mut at = registered_at;
    let mut times = [registered_at; 4];
    for (step, gap) in gaps.iter().enumerate().take(steps) {
        at += gap;
        times[step] = at;
    }
    let id = next(&mut ids.donation);
    let locality = info.id;
    let convener = info.convener;
    let entry = |at: i64, event: Event| Item {
        at,
        initiative,
        locality,
        step: Step {
            event,
            organisation: Some(convener),
            user: Some(registered_by),
            person: None,
            gap: Gap::None,
        },
        event: false,
        seed: None,
    };
    history.push(entry(
        registered_at,
        Event::DonationRegistered {
            donation: id,
            donor: donor_name.clone(),
            kind,
            value_agorot,
            purpose: purpose.clone(),
        },
    ));
    let mut d = BulkDonation {
        id,
        locality_id: locality,
        donor_organisation_id: donor,
        donor_name,
        kind,
        value_agorot,
        purpose,
        initiative_id: initiative,
        step: plan.step,
        registered_by,
        registered_at,
        committee_check: None,
        recommendation: None,
        checked_at: None,
        head_decision: None,
        head_reasons: None,
        decided_at: None,
        council_report: None,
        reported_at: None,
        revision: steps as i64 - 1,
    };
    if steps >= 2 {
        const RECOMMENDATIONS: [Recommendation; 3] = [
            Recommendation::Accept,
            Recommendation::AcceptWithConditions,
            Recommendation::Decline,
        ];
        let index = Weighted::new([60.0, 25.0, 15.0]).sample(rng);
        let recommendation = RECOMMENDATIONS[index];
        let check = words::COMMITTEE_CHECKS[index][li].to_owned();
        history.push(entry(
            times[1],
            Event::DonationChecked {
                donation: id,
                recommendation,
                check: check.clone(),
            },
        ));
        d.committee_check = Some(check);
        d.recommendation = Some(recommendation);
        d.checked_at = Some(times[1]);
        if steps >= 3 {
            // The head mostly follows the committee.
            let follows = rng.random_bool(0.9);
            let decision = if (recommendation == Recommendation::Decline) == follows {
                HeadDecision::Decline
            } else {
                HeadDecision::Accept
            };
            let reasons = departs(recommendation, decision)
                .then(|| pick(rng, words::HEAD_REASONS)[li].to_owned());
            history.push(entry(
                times[2],
                Event::DonationDecided {
                    donation: id,
                    decision,
                    reasons: reasons.clone(),
                },
            ));
            d.head_decision = Some(decision);
            d.head_reasons = reasons;
            d.decided_at = Some(times[2]);
            if steps >= 4 {
                let report = pick(rng, words::COUNCIL_REPORTS)[li].to_owned();
                history.push(entry(
                    times[3],
                    Event::DonationReported {
                        donation: id,
                        report: report.clone(),
                    },
                ));
                d.council_report = Some(report);
                d.reported_at = Some(times[3]);
            }
        }
    }
    d
}
