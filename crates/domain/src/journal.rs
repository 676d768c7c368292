//! The journal: every kind of event in the life of a partnership, a call or a donation, and the
//! one author of the text each decision puts on the public record.
//!
//! An [`Event`] is typed: it carries what happened with the ids, codes and reasons that matter.
//! [`Event::kind`] names it and [`Event::detail`] writes its particulars in the canonical form
//! that is hashed into the decision log ([`crate::decision_log`]), so the same decision is worded
//! the same way by the hub's actions, the bulk loader and the scale generator alike. Because the
//! wording is hashed, changing it changes the public record: the forms below are fixed, and a
//! golden test pins the root of a generated log.

use crate::coded::coded_enum;
use crate::donation::{DonationKind, HeadDecision, Recommendation};
use crate::initiative::{Stage, WorkPlanPlacement};
use crate::integrity::{NoticeOutcome, Relation};
use crate::organisation::ContributionType;

coded_enum!(
    /// What happened, as stored in an initiative's history and on the decision log.
    EventKind, "event" {
        Proposed => "proposed",
        Edited => "edited",
        ConvenerEngaged => "convener-engaged",
        PartnerInvited => "partner-invited",
        PartnerRequested => "partner-requested",
        PartnerJoined => "partner-joined",
        PartnerLeft => "partner-left",
        PartnerDescribed => "partner-described",
        ContributionCommitted => "contribution-committed",
        ContributionWithdrawn => "contribution-withdrawn",
        ExpectationsAnswered => "expectations-answered",
        WorkPlanRecorded => "work-plan-recorded",
        IntegrityRecorded => "integrity-recorded",
        InterestsDeclared => "interests-declared",
        CharterProposed => "charter-proposed",
        CharterEndorsed => "charter-endorsed",
        Recused => "recused",
        NoticePublished => "notice-published",
        AlternativeProposed => "alternative-proposed",
        NoticeDecided => "notice-decided",
        CallPublished => "call-published",
        ApplicationReceived => "application-received",
        ApplicationScored => "application-scored",
        CallAwarded => "call-awarded",
        CallCancelled => "call-cancelled",
        CallRerun => "call-rerun",
        DonationRegistered => "donation-registered",
        DonationChecked => "donation-checked",
        DonationDecided => "donation-decided",
        DonationReported => "donation-reported",
        StageConvened => "stage-convened",
        StageScoping => "stage-scoping",
        StageBuilding => "stage-building",
        StageAgreed => "stage-agreed",
        StageImplementing => "stage-implementing",
        StageReviewing => "stage-reviewing",
        StageSustaining => "stage-sustaining",
        StageClosed => "stage-closed",
        StageDeclined => "stage-declined",
        StageWithdrawn => "stage-withdrawn",
    }
);

impl EventKind {
    /// The kind of a move to `stage`. No move leads back to an idea; the lifecycle refuses it
    /// before anything is recorded, and it would be logged as `proposed` again.
    pub fn stage(stage: Stage) -> EventKind {
        match stage {
            Stage::Idea => EventKind::Proposed,
            Stage::Convened => EventKind::StageConvened,
            Stage::Scoping => EventKind::StageScoping,
            Stage::Building => EventKind::StageBuilding,
            Stage::Agreed => EventKind::StageAgreed,
            Stage::Implementing => EventKind::StageImplementing,
            Stage::Reviewing => EventKind::StageReviewing,
            Stage::Sustaining => EventKind::StageSustaining,
            Stage::Closed => EventKind::StageClosed,
            Stage::Declined => EventKind::StageDeclined,
            Stage::Withdrawn => EventKind::StageWithdrawn,
        }
    }

    /// Decisions go on the public record; the rest (edits, descriptions, contributions,
    /// invitations and requests, answers to the questionnaire) stay in the initiative's history.
    pub fn is_decision(self) -> bool {
        !matches!(
            self,
            EventKind::Edited
                | EventKind::PartnerInvited
                | EventKind::PartnerRequested
                | EventKind::PartnerDescribed
                | EventKind::ContributionCommitted
                | EventKind::ContributionWithdrawn
                | EventKind::ExpectationsAnswered
        )
    }

    /// The kinds on the public record, in the order a reader filters them by.
    pub fn decisions() -> impl Iterator<Item = EventKind> {
        EventKind::ALL.iter().copied().filter(|k| k.is_decision())
    }

    /// Where the law makes a person's own part public (declarations of interest, recusals and
    /// evaluators' scores), the entry names them; everywhere else it names the organisation only.
    pub fn names_person(self) -> bool {
        matches!(
            self,
            EventKind::InterestsDeclared | EventKind::Recused | EventKind::ApplicationScored
        )
    }
}

/// The matter a declaration of interests or a recusal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Matter {
    Initiative(i64),
    Call(i64),
}

impl Matter {
    /// How the matter is stored: `initiative` or `call`.
    pub fn kind(self) -> &'static str {
        match self {
            Matter::Initiative(_) => "initiative",
            Matter::Call(_) => "call",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            Matter::Initiative(id) | Matter::Call(id) => id,
        }
    }

    /// The initiative, when the matter is one.
    pub fn initiative_id(self) -> Option<i64> {
        match self {
            Matter::Initiative(id) => Some(id),
            Matter::Call(_) => None,
        }
    }

    /// `initiative:<id>` or `call:<id>`, as the record names it.
    pub fn reference(self) -> String {
        format!("{}:{}", self.kind(), self.id())
    }
}

/// An application's place in a call's results, as the award publishes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub application: i64,
    /// Weighted total on a 0..=100 scale.
    pub total: f64,
    /// From 1, ties sharing a rank.
    pub rank: usize,
}

impl From<&crate::call::Ranked> for Standing {
    fn from(ranked: &crate::call::Ranked) -> Standing {
        Standing {
            application: ranked.application_id,
            total: ranked.total,
            rank: ranked.rank,
        }
    }
}

/// Something that happened, with its particulars.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Proposed,
    Edited,
    ConvenerEngaged,
    PartnerInvited,
    PartnerRequested,
    /// An organisation joined; `call` when it won the open call the initiative was made from.
    PartnerJoined {
        call: Option<i64>,
    },
    PartnerLeft,
    PartnerDescribed,
    ContributionCommitted {
        contribution: ContributionType,
    },
    ContributionWithdrawn,
    ExpectationsAnswered,
    /// A move in the lifecycle, with the reasons where there are (a decline, a withdrawal).
    StageChanged {
        to: Stage,
        reason: Option<String>,
    },
    WorkPlanRecorded {
        placement: WorkPlanPlacement,
    },
    /// How the business partner was chosen: an exemption's code, or none (a competition).
    IntegrityRecorded {
        exemption: Option<String>,
    },
    /// A person's declaration of interests: their ties to organisations, by relation.
    InterestsDeclared {
        matter: Matter,
        ties: Vec<(i64, Relation)>,
    },
    /// A person steps aside from a matter because of a tie with `party`.
    Recused {
        matter: Matter,
        party: i64,
    },
    CharterProposed {
        version: i64,
    },
    CharterEndorsed {
        version: i64,
    },
    NoticePublished {
        notice: i64,
        closes_at: i64,
    },
    AlternativeProposed {
        notice: i64,
        proposal: i64,
    },
    NoticeDecided {
        notice: i64,
        outcome: NoticeOutcome,
        chosen: Option<i64>,
        reasons: String,
    },
    /// A call opens, with its criteria as (name, weight in per cent).
    CallPublished {
        call: i64,
        deadline_at: i64,
        criteria: Vec<(String, i64)>,
    },
    ApplicationReceived {
        call: i64,
        application: i64,
    },
    ApplicationScored {
        call: i64,
        application: i64,
    },
    /// A call's award to an application, with the results of every application.
    CallAwarded {
        call: i64,
        application: i64,
        organisation: i64,
        results: Vec<Standing>,
        reasons: String,
    },
    CallCancelled {
        call: i64,
        reasons: String,
    },
    CallRerun {
        call: i64,
        deadline_at: i64,
        reasons: String,
    },
    DonationRegistered {
        donation: i64,
        donor: String,
        kind: DonationKind,
        value_agorot: Option<i64>,
        purpose: String,
    },
    DonationChecked {
        donation: i64,
        recommendation: Recommendation,
        check: String,
    },
    DonationDecided {
        donation: i64,
        decision: HeadDecision,
        reasons: Option<String>,
    },
    DonationReported {
        donation: i64,
        report: String,
    },
}

impl Event {
    pub fn kind(&self) -> EventKind {
        match self {
            Event::Proposed => EventKind::Proposed,
            Event::Edited => EventKind::Edited,
            Event::ConvenerEngaged => EventKind::ConvenerEngaged,
            Event::PartnerInvited => EventKind::PartnerInvited,
            Event::PartnerRequested => EventKind::PartnerRequested,
            Event::PartnerJoined { .. } => EventKind::PartnerJoined,
            Event::PartnerLeft => EventKind::PartnerLeft,
            Event::PartnerDescribed => EventKind::PartnerDescribed,
            Event::ContributionCommitted { .. } => EventKind::ContributionCommitted,
            Event::ContributionWithdrawn => EventKind::ContributionWithdrawn,
            Event::ExpectationsAnswered => EventKind::ExpectationsAnswered,
            Event::StageChanged { to, .. } => EventKind::stage(*to),
            Event::WorkPlanRecorded { .. } => EventKind::WorkPlanRecorded,
            Event::IntegrityRecorded { .. } => EventKind::IntegrityRecorded,
            Event::InterestsDeclared { .. } => EventKind::InterestsDeclared,
            Event::Recused { .. } => EventKind::Recused,
            Event::CharterProposed { .. } => EventKind::CharterProposed,
            Event::CharterEndorsed { .. } => EventKind::CharterEndorsed,
            Event::NoticePublished { .. } => EventKind::NoticePublished,
            Event::AlternativeProposed { .. } => EventKind::AlternativeProposed,
            Event::NoticeDecided { .. } => EventKind::NoticeDecided,
            Event::CallPublished { .. } => EventKind::CallPublished,
            Event::ApplicationReceived { .. } => EventKind::ApplicationReceived,
            Event::ApplicationScored { .. } => EventKind::ApplicationScored,
            Event::CallAwarded { .. } => EventKind::CallAwarded,
            Event::CallCancelled { .. } => EventKind::CallCancelled,
            Event::CallRerun { .. } => EventKind::CallRerun,
            Event::DonationRegistered { .. } => EventKind::DonationRegistered,
            Event::DonationChecked { .. } => EventKind::DonationChecked,
            Event::DonationDecided { .. } => EventKind::DonationDecided,
            Event::DonationReported { .. } => EventKind::DonationReported,
        }
    }

    pub fn is_decision(&self) -> bool {
        self.kind().is_decision()
    }

    /// The particulars in their canonical form: the `detail` of the log entry (and of the
    /// initiative's history). The one place that words them.
    pub fn detail(&self) -> Option<String> {
        Some(match self {
            Event::Proposed
            | Event::Edited
            | Event::ConvenerEngaged
            | Event::PartnerInvited
            | Event::PartnerRequested
            | Event::PartnerJoined { call: None }
            | Event::PartnerLeft
            | Event::PartnerDescribed
            | Event::ContributionWithdrawn
            | Event::ExpectationsAnswered => return None,
            Event::PartnerJoined { call: Some(call) } => format!("call:{call}"),
            Event::ContributionCommitted { contribution } => contribution.code().to_owned(),
            Event::StageChanged { reason, .. } => return reason.clone(),
            Event::WorkPlanRecorded { placement } => placement.code().to_owned(),
            Event::IntegrityRecorded { exemption } => return exemption.clone(),
            Event::InterestsDeclared { matter, ties } => {
                let ties = if ties.is_empty() {
                    "none".to_owned()
                } else {
                    ties.iter()
                        .map(|(organisation, relation)| {
                            format!("organisation:{organisation} {}", relation.code())
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                format!("{} ties: {ties}", matter.reference())
            }
            Event::Recused { matter, party } => {
                format!("{} party: organisation:{party}", matter.reference())
            }
            Event::CharterProposed { version } | Event::CharterEndorsed { version } => {
                version.to_string()
            }
            Event::NoticePublished { notice, closes_at } => {
                format!("notice:{notice} closes:{closes_at}")
            }
            Event::AlternativeProposed { notice, proposal } => {
                format!("notice:{notice} proposal:{proposal}")
            }
            Event::NoticeDecided {
                notice,
                outcome,
                chosen,
                reasons,
            } => match chosen {
                Some(proposal) => format!(
                    "notice:{notice} outcome:{} proposal:{proposal} reasons: {reasons}",
                    outcome.code()
                ),
                None => format!(
                    "notice:{notice} outcome:{} reasons: {reasons}",
                    outcome.code()
                ),
            },
            Event::CallPublished {
                call,
                deadline_at,
                criteria,
            } => {
                let criteria = criteria
                    .iter()
                    .map(|(name, weight)| format!("{name} {weight}%"))
                    .collect::<Vec<_>>()
                    .join("; ");
                format!("call:{call} deadline:{deadline_at} criteria: {criteria}")
            }
            Event::ApplicationReceived { call, application }
            | Event::ApplicationScored { call, application } => {
                format!("call:{call} application:{application}")
            }
            Event::CallAwarded {
                call,
                application,
                organisation,
                results,
                reasons,
            } => {
                let results = results
                    .iter()
                    .map(|s| {
                        format!(
                            "application:{} total:{} rank:{}",
                            s.application, s.total, s.rank
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                format!(
                    "call:{call} application:{application} organisation:{organisation} results: {results} reasons: {reasons}"
                )
            }
            Event::CallCancelled { call, reasons } => format!("call:{call} reasons: {reasons}"),
            Event::CallRerun {
                call,
                deadline_at,
                reasons,
            } => format!("call:{call} deadline:{deadline_at} reasons: {reasons}"),
            Event::DonationRegistered {
                donation,
                donor,
                kind,
                value_agorot,
                purpose,
            } => {
                let value = value_agorot
                    .map(|v| format!(" value-agorot:{v}"))
                    .unwrap_or_default();
                format!(
                    "donation:{donation} donor: {donor} kind:{}{value} purpose: {purpose}",
                    kind.code()
                )
            }
            Event::DonationChecked {
                donation,
                recommendation,
                check,
            } => format!(
                "donation:{donation} recommendation:{} check: {check}",
                recommendation.code()
            ),
            Event::DonationDecided {
                donation,
                decision,
                reasons,
            } => format!(
                "donation:{donation} decision:{} reasons: {}",
                decision.code(),
                reasons.as_deref().unwrap_or("")
            ),
            Event::DonationReported { donation, report } => {
                format!("donation:{donation} report: {report}")
            }
        })
    }

    /// The particulars kept in the initiative's own history. A declaration's history row names
    /// no ties: those belong to the person, and are on the public log where the law wants them.
    pub fn history_detail(&self) -> Option<String> {
        match self {
            Event::InterestsDeclared { .. } => None,
            _ => self.detail(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_coded_and_decisions_named() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.code()), Some(*kind));
        }
        assert!(EventKind::StageAgreed.is_decision());
        assert!(EventKind::CharterEndorsed.is_decision());
        assert!(!EventKind::Edited.is_decision());
        assert!(!EventKind::ExpectationsAnswered.is_decision());
        assert_eq!(
            EventKind::stage(Stage::Declined).code(),
            "stage-declined",
            "a stage's kind is its code after `stage-`"
        );
        for stage in Stage::ALL.iter().filter(|s| **s != Stage::Idea) {
            assert_eq!(
                EventKind::stage(*stage).code(),
                format!("stage-{}", stage.code())
            );
        }
        assert!(EventKind::decisions().all(EventKind::is_decision));
    }

    /// The wording of every kind of decision, as hashed into the log: fixed.
    #[test]
    fn details_are_worded_once_and_for_good() {
        let cases: Vec<(Event, Option<&str>)> = vec![
            (Event::Proposed, None),
            (Event::PartnerJoined { call: Some(4) }, Some("call:4")),
            (
                Event::StageChanged {
                    to: Stage::Declined,
                    reason: Some("Not this year".into()),
                },
                Some("Not this year"),
            ),
            (
                Event::WorkPlanRecorded {
                    placement: WorkPlanPlacement::NoBudgetNeeded,
                },
                Some("no-budget-needed"),
            ),
            (
                Event::InterestsDeclared {
                    matter: Matter::Initiative(9),
                    ties: vec![],
                },
                Some("initiative:9 ties: none"),
            ),
            (
                Event::InterestsDeclared {
                    matter: Matter::Call(2),
                    ties: vec![(5, Relation::Employee), (6, Relation::Relative)],
                },
                Some("call:2 ties: organisation:5 employee; organisation:6 relative"),
            ),
            (
                Event::Recused {
                    matter: Matter::Call(2),
                    party: 5,
                },
                Some("call:2 party: organisation:5"),
            ),
            (Event::CharterEndorsed { version: 3 }, Some("3")),
            (
                Event::NoticeDecided {
                    notice: 1,
                    outcome: NoticeOutcome::Alternative,
                    chosen: Some(8),
                    reasons: "Better".into(),
                },
                Some("notice:1 outcome:alternative proposal:8 reasons: Better"),
            ),
            (
                Event::CallPublished {
                    call: 3,
                    deadline_at: 1_800_000_000,
                    criteria: vec![("Price".into(), 40), ("Quality".into(), 60)],
                },
                Some("call:3 deadline:1800000000 criteria: Price 40%; Quality 60%"),
            ),
            (
                Event::CallAwarded {
                    call: 3,
                    application: 7,
                    organisation: 11,
                    results: vec![
                        Standing {
                            application: 7,
                            total: 81.5,
                            rank: 1,
                        },
                        Standing {
                            application: 8,
                            total: 70.0,
                            rank: 2,
                        },
                    ],
                    reasons: "Best".into(),
                },
                Some(
                    "call:3 application:7 organisation:11 results: application:7 total:81.5 rank:1; \
                     application:8 total:70 rank:2 reasons: Best",
                ),
            ),
            (
                Event::DonationRegistered {
                    donation: 1,
                    donor: "Ltd".into(),
                    kind: DonationKind::Goods,
                    value_agorot: Some(1_800_000),
                    purpose: "Trees".into(),
                },
                Some("donation:1 donor: Ltd kind:goods value-agorot:1800000 purpose: Trees"),
            ),
            (
                Event::DonationDecided {
                    donation: 1,
                    decision: HeadDecision::Accept,
                    reasons: None,
                },
                Some("donation:1 decision:accept reasons: "),
            ),
        ];
        for (event, detail) in cases {
            assert_eq!(event.detail().as_deref(), detail, "{event:?}");
        }
        let declared = Event::InterestsDeclared {
            matter: Matter::Initiative(9),
            ties: vec![],
        };
        assert_eq!(declared.history_detail(), None);
    }
}
