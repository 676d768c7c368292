//! The checkup: the brief's rules run continuously over every initiative, each a named, pure
//! function giving a risk with its severity, or nothing. The explanation and the remedy of each
//! are Fluent messages `risk-<code>` and `risk-<code>-remedy`, with the risk's arguments.

use crate::coded::coded_enum;
use crate::expectations::{self, ExpectationAnswers};
use crate::initiative::{InitiativeFacts, Stage, WorkPlanPlacement};

/// An idea waits this long for the convener before it is a risk, and twice as long before it is
/// critical: the seed's first failure is the city brought in late.
pub const LATE_CONVENING_DAYS: i64 = 14;
/// Nothing recorded on a live initiative for this long is a risk.
pub const NO_ACTIVITY_DAYS: i64 = 60;
const DAY: i64 = 24 * 3600;

coded_enum!(
    /// The checkup's rules.
    Rule, "risk" {
        LateConvening => "late-convening",
        NoGoalFit => "no-goal-fit",
        NoBudgetFit => "no-budget-fit",
        UncoveredContributions => "uncovered-contributions",
        SingleSector => "single-sector",
        ExpectationsGap => "expectations-gap",
        MissingEndorsements => "missing-endorsements",
        IntegrityGap => "integrity-gap",
        NoIndicators => "no-indicators",
        NoActivity => "no-activity",
    }
);

coded_enum!(
    /// How urgent a risk is.
    Severity, "severity" {
        Notice => "notice",
        Warning => "warning",
        Critical => "critical",
    }
);

impl Rule {
    pub fn remedy_key(self) -> String {
        format!("risk-{}-remedy", self.code())
    }

    /// Runs the rule.
    pub fn check(self, facts: &InitiativeFacts) -> Option<Risk> {
        match self {
            Rule::LateConvening => late_convening(facts),
            Rule::NoGoalFit => no_goal_fit(facts),
            Rule::NoBudgetFit => no_budget_fit(facts),
            Rule::UncoveredContributions => uncovered_contributions(facts),
            Rule::SingleSector => single_sector(facts),
            Rule::ExpectationsGap => expectations_gap(facts),
            Rule::MissingEndorsements => missing_endorsements(facts),
            Rule::IntegrityGap => integrity_gap(facts),
            Rule::NoIndicators => no_indicators(facts),
            Rule::NoActivity => no_activity(facts),
        }
    }
}

/// A risk found by a rule: arguments fill the explanation (`count`, `days`, `items`: codes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Risk {
    pub rule: Rule,
    pub severity: Severity,
    pub count: i64,
    /// Codes the explanation lists (contribution types, questions), for the reader's language.
    pub items: Vec<&'static str>,
}

impl Risk {
    fn new(rule: Rule, severity: Severity) -> Risk {
        Risk {
            rule,
            severity,
            count: 0,
            items: Vec::new(),
        }
    }
}

/// Runs every rule; the risks come most severe first.
pub fn checkup(facts: &InitiativeFacts) -> Vec<Risk> {
    if facts.stage.is_final() {
        return Vec::new();
    }
    let mut risks: Vec<Risk> = Rule::ALL
        .iter()
        .filter_map(|rule| rule.check(facts))
        .collect();
    risks.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(&b.rule)));
    risks
}

fn escalate(facts: &InitiativeFacts, critical_from: Stage) -> Severity {
    if facts.stage.at_least(critical_from) {
        Severity::Critical
    } else {
        Severity::Warning
    }
}

/// The convener has not engaged with an idea for two weeks or more.
pub fn late_convening(facts: &InitiativeFacts) -> Option<Risk> {
    if facts.stage != Stage::Idea || facts.convener_engaged {
        return None;
    }
    let days = (facts.now - facts.created_at) / DAY;
    let severity = if days >= 2 * LATE_CONVENING_DAYS {
        Severity::Critical
    } else if days >= LATE_CONVENING_DAYS {
        Severity::Warning
    } else {
        return None;
    };
    Some(Risk {
        count: days,
        ..Risk::new(Rule::LateConvening, severity)
    })
}

/// Not linked to any goal of the locality's agenda.
pub fn no_goal_fit(facts: &InitiativeFacts) -> Option<Risk> {
    (facts.linked_goals == 0).then(|| Risk::new(Rule::NoGoalFit, escalate(facts, Stage::Building)))
}

/// Building without the work-plan placement recorded.
pub fn no_budget_fit(facts: &InitiativeFacts) -> Option<Risk> {
    (facts.stage.at_least(Stage::Building) && facts.work_plan == WorkPlanPlacement::NotRecorded)
        .then(|| Risk::new(Rule::NoBudgetFit, escalate(facts, Stage::Agreed)))
}

/// Contribution types the initiative needs that no partner has committed.
pub fn uncovered_contributions(facts: &InitiativeFacts) -> Option<Risk> {
    if !facts.stage.at_least(Stage::Convened) {
        return None;
    }
    let uncovered = facts.uncovered();
    (!uncovered.is_empty()).then(|| Risk {
        count: uncovered.len() as i64,
        items: uncovered.iter().map(|c| c.code()).collect(),
        ..Risk::new(Rule::UncoveredContributions, escalate(facts, Stage::Agreed))
    })
}

/// All partners come from one sector (or there are none): not a cross-sector partnership.
pub fn single_sector(facts: &InitiativeFacts) -> Option<Risk> {
    (facts.stage.at_least(Stage::Convened) && facts.sectors().len() < 2)
        .then(|| Risk::new(Rule::SingleSector, escalate(facts, Stage::Agreed)))
}

/// Partners' expectations diverge on some questions.
pub fn expectations_gap(facts: &InitiativeFacts) -> Option<Risk> {
    let answers: Vec<(i64, &ExpectationAnswers)> = facts
        .partners
        .iter()
        .filter_map(|p| p.expectations.as_ref().map(|a| (p.organisation_id, a)))
        .collect();
    let gaps = expectations::divergences(&answers);
    (!gaps.is_empty()).then(|| Risk {
        count: gaps.len() as i64,
        items: gaps.iter().map(|g| g.question.code()).collect(),
        ..Risk::new(Rule::ExpectationsGap, Severity::Warning)
    })
}

/// Partners that have not endorsed the charter's current version (or there is no charter yet).
pub fn missing_endorsements(facts: &InitiativeFacts) -> Option<Risk> {
    if !facts.stage.at_least(Stage::Building) {
        return None;
    }
    let missing = if facts.charter_version.is_none() {
        facts.partners.len().max(1)
    } else {
        facts
            .partners
            .iter()
            .filter(|p| !p.endorsed_current)
            .count()
    };
    (missing > 0).then(|| Risk {
        count: missing as i64,
        ..Risk::new(Rule::MissingEndorsements, escalate(facts, Stage::Agreed))
    })
}

/// The city and a business together without competition or exemption, or without declarations.
pub fn integrity_gap(facts: &InitiativeFacts) -> Option<Risk> {
    if !facts.city_with_business() {
        return None;
    }
    let integrity = &facts.integrity;
    let unchosen = !(integrity.competition || integrity.exemption);
    let undeclared = integrity.deciders == 0 || integrity.undeclared_deciders > 0;
    (unchosen || undeclared).then(|| Risk {
        count: integrity.undeclared_deciders as i64,
        items: [
            unchosen.then_some("no-competition-or-exemption"),
            undeclared.then_some("declarations-missing"),
        ]
        .into_iter()
        .flatten()
        .collect(),
        ..Risk::new(Rule::IntegrityGap, escalate(facts, Stage::Agreed))
    })
}

/// Agreed or working without any indicator to measure it by.
pub fn no_indicators(facts: &InitiativeFacts) -> Option<Risk> {
    (facts.stage.at_least(Stage::Agreed) && facts.indicators == 0)
        .then(|| Risk::new(Rule::NoIndicators, Severity::Warning))
}

/// Nothing has happened for two months.
pub fn no_activity(facts: &InitiativeFacts) -> Option<Risk> {
    let days = (facts.now - facts.last_activity_at) / DAY;
    (days >= NO_ACTIVITY_DAYS).then(|| Risk {
        count: days,
        ..Risk::new(Rule::NoActivity, Severity::Warning)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::initiative::{IntegrityFacts, PartnerFacts};
    use crate::{ContributionType, Sector};

    /// A day in seconds, written out rather than taken from the code: a wrong `DAY` must show.
    const DAY: i64 = 86_400;

    fn partner(id: i64, sector: Sector, committed: &[ContributionType]) -> PartnerFacts {
        PartnerFacts {
            organisation_id: id,
            sector,
            is_local_authority: sector == Sector::Public,
            has_role: true,
            committed: committed.to_vec(),
            endorsed_current: true,
            expectations: None,
        }
    }

    fn healthy(stage: Stage) -> InitiativeFacts {
        InitiativeFacts {
            stage,
            convener_engaged: true,
            linked_goals: 2,
            work_plan: WorkPlanPlacement::Placed,
            needed: vec![ContributionType::Budget, ContributionType::CommunityTrust],
            partners: vec![
                partner(1, Sector::Public, &[ContributionType::Authority]),
                partner(2, Sector::Third, &[ContributionType::CommunityTrust]),
                partner(3, Sector::Business, &[ContributionType::Budget]),
            ],
            charter_version: Some(2),
            integrity: IntegrityFacts {
                competition: true,
                exemption: false,
                undeclared_deciders: 0,
                deciders: 3,
            },
            indicators: 1,
            ..InitiativeFacts::new_idea(1_000 * DAY)
        }
    }

    fn rules(facts: &InitiativeFacts) -> Vec<(Rule, Severity)> {
        checkup(facts)
            .into_iter()
            .map(|r| (r.rule, r.severity))
            .collect()
    }

    #[test]
    fn a_healthy_partnership_has_no_risks_at_any_live_stage() {
        for stage in [
            Stage::Convened,
            Stage::Scoping,
            Stage::Building,
            Stage::Agreed,
            Stage::Implementing,
            Stage::Reviewing,
            Stage::Sustaining,
        ] {
            assert_eq!(rules(&healthy(stage)), vec![], "{stage:?}");
        }
        let mut ended = healthy(Stage::Declined);
        ended.linked_goals = 0;
        assert!(
            checkup(&ended).is_empty(),
            "ended initiatives are not checked"
        );
    }

    #[test]
    fn late_convening_grows_with_time() {
        let mut facts = InitiativeFacts::new_idea(0);
        facts.linked_goals = 1;
        facts.now = 13 * DAY;
        assert_eq!(late_convening(&facts), None);
        facts.now = 14 * DAY;
        assert_eq!(late_convening(&facts).unwrap().severity, Severity::Warning);
        facts.now = 30 * DAY;
        let risk = late_convening(&facts).unwrap();
        assert_eq!((risk.severity, risk.count), (Severity::Critical, 30));
        facts.convener_engaged = true;
        assert_eq!(late_convening(&facts), None);
    }

    #[test]
    fn goal_and_budget_fit() {
        let mut facts = healthy(Stage::Scoping);
        facts.linked_goals = 0;
        assert_eq!(no_goal_fit(&facts).unwrap().severity, Severity::Warning);
        facts.stage = Stage::Building;
        assert_eq!(no_goal_fit(&facts).unwrap().severity, Severity::Critical);
        let mut facts = healthy(Stage::Scoping);
        facts.work_plan = WorkPlanPlacement::NotRecorded;
        assert_eq!(
            no_budget_fit(&facts),
            None,
            "not yet expected while scoping"
        );
        facts.stage = Stage::Building;
        assert_eq!(no_budget_fit(&facts).unwrap().severity, Severity::Warning);
        facts.stage = Stage::Implementing;
        assert_eq!(no_budget_fit(&facts).unwrap().severity, Severity::Critical);
    }

    #[test]
    fn uncovered_contributions_are_listed() {
        let mut facts = healthy(Stage::Building);
        facts.needed.push(ContributionType::RapidExecution);
        facts.needed.push(ContributionType::Knowledge);
        let risk = uncovered_contributions(&facts).unwrap();
        assert_eq!(risk.items, vec!["knowledge", "rapid-execution"]);
        assert_eq!(risk.count, 2);
    }

    #[test]
    fn single_sector_and_missing_endorsements() {
        let mut facts = healthy(Stage::Convened);
        facts.partners.truncate(1);
        assert_eq!(single_sector(&facts).unwrap().severity, Severity::Warning);
        facts.partners.clear();
        assert!(
            single_sector(&facts).is_some(),
            "no partners is no partnership"
        );

        let mut facts = healthy(Stage::Building);
        facts.partners[2].endorsed_current = false;
        assert_eq!(missing_endorsements(&facts).unwrap().count, 1);
        facts.charter_version = None;
        assert_eq!(missing_endorsements(&facts).unwrap().count, 3);
        facts.stage = Stage::Scoping;
        assert_eq!(missing_endorsements(&facts), None);
    }

    #[test]
    fn expectations_gaps_come_from_the_answers() {
        let mut facts = healthy(Stage::Scoping);
        facts.partners[1].expectations =
            Some(ExpectationAnswers::from_codes([("time-to-first-result", "year")]).unwrap());
        facts.partners[2].expectations =
            Some(ExpectationAnswers::from_codes([("time-to-first-result", "quarter")]).unwrap());
        let risk = expectations_gap(&facts).unwrap();
        assert_eq!(risk.items, vec!["time-to-first-result"]);
    }

    #[test]
    fn integrity_gaps_for_the_city_with_a_business() {
        let mut facts = healthy(Stage::Building);
        facts.integrity = IntegrityFacts {
            competition: false,
            exemption: false,
            undeclared_deciders: 2,
            deciders: 2,
        };
        let risk = integrity_gap(&facts).unwrap();
        assert_eq!(
            risk.items,
            vec!["no-competition-or-exemption", "declarations-missing"]
        );
        assert_eq!(risk.severity, Severity::Warning);
        facts.stage = Stage::Agreed;
        assert_eq!(integrity_gap(&facts).unwrap().severity, Severity::Critical);
        facts.partners.retain(|p| p.sector != Sector::Business);
        assert_eq!(integrity_gap(&facts), None);
    }

    #[test]
    fn indicators_and_activity() {
        let mut facts = healthy(Stage::Implementing);
        facts.indicators = 0;
        assert!(no_indicators(&facts).is_some());
        facts.stage = Stage::Building;
        assert!(no_indicators(&facts).is_none());
        facts.last_activity_at = facts.now - 61 * DAY;
        assert_eq!(no_activity(&facts).unwrap().count, 61);
    }

    #[test]
    fn risks_come_most_severe_first() {
        let mut facts = healthy(Stage::Agreed);
        facts.indicators = 0;
        facts.work_plan = WorkPlanPlacement::NotRecorded;
        let found = rules(&facts);
        assert_eq!(
            found,
            vec![
                (Rule::NoBudgetFit, Severity::Critical),
                (Rule::NoIndicators, Severity::Warning)
            ]
        );
    }

    #[test]
    fn days_are_counted_in_whole_days_of_86_400_seconds() {
        // An idea proposed on day 1,000, not on day 0: the age is now minus then.
        let created = 1_000 * 86_400;
        let mut facts = InitiativeFacts::new_idea(created);
        facts.now = created + 14 * 86_400 - 1;
        assert_eq!(late_convening(&facts), None, "a second short of 14 days");
        facts.now = created + 14 * 86_400;
        let risk = late_convening(&facts).unwrap();
        assert_eq!((risk.severity, risk.count), (Severity::Warning, 14));
        facts.now = created + 28 * 86_400 - 1;
        let risk = late_convening(&facts).unwrap();
        assert_eq!((risk.severity, risk.count), (Severity::Warning, 27));
        facts.now = created + 28 * 86_400;
        let risk = late_convening(&facts).unwrap();
        assert_eq!((risk.severity, risk.count), (Severity::Critical, 28));

        let mut facts = healthy(Stage::Implementing);
        facts.last_activity_at = facts.now - 60 * 86_400 + 1;
        assert_eq!(no_activity(&facts), None, "a second short of 60 days");
        facts.last_activity_at = facts.now - 60 * 86_400;
        let risk = no_activity(&facts).unwrap();
        assert_eq!(
            (risk.rule, risk.severity, risk.count),
            (Rule::NoActivity, Severity::Warning, 60)
        );
    }

    #[test]
    fn only_an_idea_waits_for_the_convener() {
        let mut facts = InitiativeFacts::new_idea(0);
        facts.now = 100 * 86_400;
        assert!(late_convening(&facts).is_some());
        // Past `idea` the convener has engaged once; a contact removed later is no late convening.
        facts.stage = Stage::Convened;
        assert_eq!(late_convening(&facts), None);
    }

    #[test]
    fn two_sectors_make_a_partnership_one_does_not() {
        let mut facts = healthy(Stage::Convened);
        facts.partners.truncate(2);
        assert_eq!(single_sector(&facts), None);
        facts.partners.truncate(1);
        assert!(single_sector(&facts).is_some());
        facts.stage = Stage::Idea;
        assert_eq!(single_sector(&facts), None, "not yet expected of an idea");
    }

    #[test]
    fn an_expectations_gap_counts_the_questions() {
        let mut facts = healthy(Stage::Scoping);
        facts.partners[1].expectations =
            Some(ExpectationAnswers::from_codes([("time-to-first-result", "year")]).unwrap());
        facts.partners[2].expectations =
            Some(ExpectationAnswers::from_codes([("time-to-first-result", "quarter")]).unwrap());
        let risk = expectations_gap(&facts).unwrap();
        assert_eq!((risk.count, risk.severity), (1, Severity::Warning));
        assert_eq!(expectations_gap(&healthy(Stage::Scoping)), None);
    }

    #[test]
    fn the_integrity_risk_fires_on_either_cause_alone() {
        let gap = |competition, exemption, undeclared_deciders, deciders| {
            let mut facts = healthy(Stage::Building);
            facts.integrity = IntegrityFacts {
                competition,
                exemption,
                undeclared_deciders,
                deciders,
            };
            integrity_gap(&facts).map(|risk| (risk.items, risk.count))
        };
        assert_eq!(gap(true, false, 0, 2), None);
        assert_eq!(gap(false, true, 0, 2), None);
        assert_eq!(
            gap(false, false, 0, 2),
            Some((vec!["no-competition-or-exemption"], 0)),
            "declared, but chosen without competition or exemption"
        );
        assert_eq!(
            gap(true, false, 1, 2),
            Some((vec!["declarations-missing"], 1)),
            "competition, but one decider undeclared"
        );
        assert_eq!(
            gap(false, true, 0, 0),
            Some((vec!["declarations-missing"], 0)),
            "nobody has declared, since nobody decides"
        );
    }

    #[test]
    fn rules_run_by_their_name_and_name_their_messages() {
        let mut facts = healthy(Stage::Building);
        facts.linked_goals = 0;
        assert_eq!(Rule::NoGoalFit.check(&facts), no_goal_fit(&facts));
        assert!(Rule::NoGoalFit.check(&facts).is_some());
        assert_eq!(Rule::NoGoalFit.remedy_key(), "risk-no-goal-fit-remedy");
        assert_eq!(Rule::IntegrityGap.label_key(), "risk-integrity-gap");
    }
}
