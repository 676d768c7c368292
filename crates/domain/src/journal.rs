//! The journal: every kind of event in the life of a partnership, a call or a donation, and the
//! one author of the entry each decision puts on the public record.
//!
//! An [`Event`] is typed: it carries what happened with the ids, codes and reasons that matter.
//! [`Event::kind`] names it and [`Event::recorded`] writes its entry of the decision log
//! ([`crate::decision_log`]) in the current encoding, with the texts the entry withholds
//! ([`crate::disclosure`]): what the public may know goes in the entry's detail, a person is
//! named by pseudonym, free text and names are committed to and kept beside the log, and on an
//! open call who applied, the scores and the declarations' parties are sealed until the call's
//! decision opens them, and on a notice inviting competing proposals who proposed each
//! alternative until the notice's decision does. The same decision is so recorded the same way by the hub's actions, the
//! bulk loader and the scale generator alike. Because the entry is hashed, changing the wording
//! changes the public record: the forms below are fixed, and a golden test pins the root of a
//! generated log. [`Event::history_detail`] words the initiative's own history.

use crate::coded::coded_enum;
use crate::decision_log::{CURRENT_VERSION, LogEntry};
use crate::disclosure::{
    Opening, PseudonymKey, RedactionGround, Salt, SealedFor, Withheld, is_sealed, salt_of,
    sealed_kind,
};
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
        DisclosureRedacted => "disclosure-redacted",
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
    /// A person's declaration of interests: their ties to organisations, by relation. On a call
    /// not yet decided the ties are `sealed` (they tell who applied) until its decision.
    InterestsDeclared {
        matter: Matter,
        ties: Vec<(i64, Relation)>,
        sealed: bool,
    },
    /// A person steps aside from a matter because of a tie with `party`; on a call not yet
    /// decided the party is `sealed` (an applicant) until its decision.
    Recused {
        matter: Matter,
        party: i64,
        sealed: bool,
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
    /// An alternative proposed in answer to a notice; who proposed it (`organisation`) is sealed
    /// until the notice's decision.
    AlternativeProposed {
        notice: i64,
        proposal: i64,
        organisation: i64,
    },
    /// The convener's decision after a notice, opening who proposed each alternative.
    NoticeDecided {
        notice: i64,
        outcome: NoticeOutcome,
        chosen: Option<i64>,
        reasons: String,
        openings: Vec<Opening>,
    },
    /// A call opens, with its criteria as (name, weight in per cent).
    CallPublished {
        call: i64,
        deadline_at: i64,
        criteria: Vec<(String, i64)>,
    },
    /// An application on time; who applied (`organisation`) is sealed until the call's decision.
    ApplicationReceived {
        call: i64,
        application: i64,
        organisation: i64,
    },
    /// An evaluator's scores of an application, as (criterion, score); sealed until the decision.
    ApplicationScored {
        call: i64,
        application: i64,
        scores: Vec<(i64, i64)>,
    },
    /// A call's award to an application, with the results of every application, opening what
    /// the call sealed.
    CallAwarded {
        call: i64,
        application: i64,
        organisation: i64,
        results: Vec<Standing>,
        reasons: String,
        openings: Vec<Opening>,
    },
    /// A call ended without an award, opening what it sealed.
    CallCancelled {
        call: i64,
        reasons: String,
        openings: Vec<Opening>,
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
    /// A platform administrator erased the clear text of entry `entry`'s `field` beside the log.
    /// Names no person: the ground is coded.
    DisclosureRedacted {
        entry: u64,
        field: String,
        ground: RedactionGround,
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
            Event::DisclosureRedacted { .. } => EventKind::DisclosureRedacted,
        }
    }

    pub fn is_decision(&self) -> bool {
        self.kind().is_decision()
    }

    /// The entry this event makes at `index` of the log, taken at `at` by `actor`, and the texts
    /// it withholds (each with its salt, derived from `seed`; kept beside the log). `key` gives
    /// the pseudonym that names the acting person. The one place that words a decision.
    pub fn recorded(
        &self,
        index: u64,
        at: i64,
        place: Place,
        actor: &Actor,
        key: &PseudonymKey,
        seed: &Salt,
    ) -> Recorded {
        let pseudonym = actor.user_id.map(|user| key.pseudonym(user));
        let mut wording = self.wording(pseudonym.as_deref());
        if wording.anonymous {
            // Who acted would tell who applied or proposed: the sealed text says it, and the
            // decision opens it.
            return self.finish(index, at, place, None, None, wording, seed);
        }
        if self.kind().names_person()
            && let Some(name) = &actor.name
        {
            wording.texts.insert(0, ("person-name", name.clone()));
        }
        self.finish(
            index,
            at,
            place,
            actor.organisation_id,
            pseudonym,
            wording,
            seed,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        index: u64,
        at: i64,
        place: Place,
        organisation_id: Option<i64>,
        person: Option<String>,
        wording: Wording,
        seed: &Salt,
    ) -> Recorded {
        let matter = SealedFor::of_detail(wording.detail.as_deref());
        let withheld: Vec<Withheld> = wording
            .texts
            .into_iter()
            .map(|(field, text)| {
                let sealed_for =
                    matter.filter(|m| is_sealed(field) && m.kind() == sealed_kind(field));
                debug_assert!(
                    !is_sealed(field) || sealed_for.is_some(),
                    "a sealed {field} names the matter whose decision opens it"
                );
                Withheld {
                    field: field.to_owned(),
                    salt: salt_of(seed, field),
                    text,
                    sealed_for,
                }
            })
            .collect();
        Recorded {
            entry: LogEntry {
                index,
                at,
                kind: self.kind().code().to_owned(),
                locality_id: place.locality_id,
                initiative_id: place.initiative_id,
                organisation_id,
                person,
                detail: wording.detail,
                version: CURRENT_VERSION,
                commitments: withheld.iter().map(Withheld::commitment).collect(),
                openings: wording.openings,
            },
            withheld,
        }
    }

    /// What the entry says in clear and what it withholds. `by` is the acting person's
    /// pseudonym (an evaluator's scores name it, so that the opened scores say whose they are).
    fn wording(&self, by: Option<&str>) -> Wording {
        let mut texts: Vec<(&'static str, String)> = Vec::new();
        let mut openings = Vec::new();
        let mut anonymous = false;
        let detail = match self {
            Event::Proposed
            | Event::Edited
            | Event::ConvenerEngaged
            | Event::PartnerInvited
            | Event::PartnerRequested
            | Event::PartnerJoined { call: None }
            | Event::PartnerLeft
            | Event::PartnerDescribed
            | Event::ContributionWithdrawn
            | Event::ExpectationsAnswered => None,
            Event::PartnerJoined { call: Some(call) } => Some(format!("call:{call}")),
            Event::ContributionCommitted { contribution } => Some(contribution.code().to_owned()),
            Event::StageChanged { reason, .. } => {
                if let Some(reason) = reason {
                    texts.push(("reasons", reason.clone()));
                }
                None
            }
            Event::WorkPlanRecorded { placement } => Some(placement.code().to_owned()),
            Event::IntegrityRecorded { exemption } => exemption.clone(),
            Event::InterestsDeclared {
                matter,
                ties,
                sealed,
            } => {
                let ties = ties_text(*matter, ties);
                if *sealed {
                    texts.push(("ties", ties));
                    Some(matter.reference())
                } else {
                    Some(ties)
                }
            }
            Event::Recused {
                matter,
                party,
                sealed,
            } => {
                let party = format!("{} party: organisation:{party}", matter.reference());
                if *sealed {
                    texts.push(("party", party));
                    Some(matter.reference())
                } else {
                    Some(party)
                }
            }
            Event::CharterProposed { version } | Event::CharterEndorsed { version } => {
                Some(version.to_string())
            }
            Event::NoticePublished { notice, closes_at } => {
                Some(format!("notice:{notice} closes:{closes_at}"))
            }
            Event::AlternativeProposed {
                notice,
                proposal,
                organisation,
            } => {
                // Who proposed would tell competitors: sealed, for the notice's decision to open.
                anonymous = true;
                texts.push((
                    "proposer",
                    format!("notice:{notice} proposal:{proposal} organisation:{organisation}"),
                ));
                Some(format!("notice:{notice} proposal:{proposal}"))
            }
            Event::NoticeDecided {
                notice,
                outcome,
                chosen,
                reasons,
                openings: opened,
            } => {
                texts.push(("reasons", reasons.clone()));
                openings = opened.clone();
                Some(match chosen {
                    Some(proposal) => {
                        format!(
                            "notice:{notice} outcome:{} proposal:{proposal}",
                            outcome.code()
                        )
                    }
                    None => format!("notice:{notice} outcome:{}", outcome.code()),
                })
            }
            Event::CallPublished {
                call,
                deadline_at,
                criteria,
            } => Some(call_published_text(*call, *deadline_at, criteria)),
            Event::ApplicationReceived {
                call,
                application,
                organisation,
            } => {
                anonymous = true;
                texts.push((
                    "applicant",
                    format!("call:{call} application:{application} organisation:{organisation}"),
                ));
                Some(format!("call:{call} application:{application}"))
            }
            Event::ApplicationScored {
                call,
                application,
                scores,
            } => {
                texts.push((
                    "scores",
                    ScoresText {
                        call: *call,
                        application: *application,
                        by: by.map(str::to_owned),
                        scores: scores.clone(),
                    }
                    .to_string(),
                ));
                Some(format!("call:{call} application:{application}"))
            }
            Event::CallAwarded {
                call,
                application,
                organisation,
                results,
                reasons,
                openings: opened,
            } => {
                texts.push(("reasons", reasons.clone()));
                openings = opened.clone();
                Some(
                    Award {
                        call: *call,
                        application: *application,
                        organisation: *organisation,
                        results: results.clone(),
                    }
                    .to_string(),
                )
            }
            Event::CallCancelled {
                call,
                reasons,
                openings: opened,
            } => {
                texts.push(("reasons", reasons.clone()));
                openings = opened.clone();
                Some(format!("call:{call}"))
            }
            Event::CallRerun {
                call,
                deadline_at,
                reasons,
            } => {
                texts.push(("reasons", reasons.clone()));
                Some(format!("call:{call} deadline:{deadline_at}"))
            }
            Event::DonationRegistered {
                donation,
                donor,
                kind,
                value_agorot,
                purpose,
            } => {
                texts.push(("donor", donor.clone()));
                texts.push(("purpose", purpose.clone()));
                let value = value_agorot
                    .map(|v| format!(" value-agorot:{v}"))
                    .unwrap_or_default();
                Some(format!("donation:{donation} kind:{}{value}", kind.code()))
            }
            Event::DonationChecked {
                donation,
                recommendation,
                check,
            } => {
                texts.push(("check", check.clone()));
                Some(format!(
                    "donation:{donation} recommendation:{}",
                    recommendation.code()
                ))
            }
            Event::DonationDecided {
                donation,
                decision,
                reasons,
            } => {
                if let Some(reasons) = reasons {
                    texts.push(("reasons", reasons.clone()));
                }
                Some(format!("donation:{donation} decision:{}", decision.code()))
            }
            Event::DonationReported { donation, report } => {
                texts.push(("report", report.clone()));
                Some(format!("donation:{donation}"))
            }
            Event::DisclosureRedacted {
                entry,
                field,
                ground,
            } => Some(format!(
                "entry:{entry} field:{field} ground:{}",
                ground.code()
            )),
        };
        Wording {
            detail,
            texts,
            openings,
            anonymous,
        }
    }

    /// The particulars kept in the initiative's own history (not hashed: the hub's working
    /// record, worded as the log's first encoding worded them). A declaration's history row names
    /// no ties: those belong to the person, and are on the public log where the law wants them.
    pub fn history_detail(&self) -> Option<String> {
        match self {
            Event::InterestsDeclared { .. } => None,
            Event::StageChanged { reason, .. } => reason.clone(),
            Event::Recused { matter, party, .. } => Some(format!(
                "{} party: organisation:{party}",
                matter.reference()
            )),
            Event::NoticeDecided {
                notice,
                outcome,
                chosen,
                reasons,
                ..
            } => Some(match chosen {
                Some(proposal) => format!(
                    "notice:{notice} outcome:{} proposal:{proposal} reasons: {reasons}",
                    outcome.code()
                ),
                None => format!(
                    "notice:{notice} outcome:{} reasons: {reasons}",
                    outcome.code()
                ),
            }),
            other => other.wording(None).detail,
        }
    }
}

/// Where a decision belongs: its locality, and its initiative if it is about one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    pub locality_id: Option<i64>,
    pub initiative_id: Option<i64>,
}

/// Who took a decision, as the journal knows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    /// The organisation they acted for; named on the entry.
    pub organisation_id: Option<i64>,
    /// The person; named on the entry by pseudonym.
    pub user_id: Option<i64>,
    /// Their display name, disclosed beside the entry where the law makes their part public
    /// ([`EventKind::names_person`]).
    pub name: Option<String>,
}

/// An entry as the journal wrote it, with the texts kept beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub entry: LogEntry,
    pub withheld: Vec<Withheld>,
}

/// What an entry says and withholds, before salts and commitments.
struct Wording {
    detail: Option<String>,
    texts: Vec<(&'static str, String)>,
    openings: Vec<Opening>,
    /// The entry names neither organisation nor person.
    anonymous: bool,
}

fn ties_text(matter: Matter, ties: &[(i64, Relation)]) -> String {
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

fn call_published_text(call: i64, deadline_at: i64, criteria: &[(String, i64)]) -> String {
    let criteria = criteria
        .iter()
        .map(|(name, weight)| format!("{name} {weight}%"))
        .collect::<Vec<_>>()
        .join("; ");
    format!("call:{call} deadline:{deadline_at} criteria: {criteria}")
}

/// Reads `<prefix><decimal>` at the start of `text`; gives the number and the rest.
pub fn number_after<'t>(text: &'t str, prefix: &str) -> Option<(i64, &'t str)> {
    let rest = text.strip_prefix(prefix)?;
    let end = rest
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || (*i == 0 && *c == '-')))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    Some((rest[..end].parse().ok()?, &rest[end..]))
}

/// The matter a text begins with: `initiative:<id>` or `call:<id>`.
fn matter_at(text: &str) -> Option<(Matter, &str)> {
    if let Some((id, rest)) = number_after(text, "call:") {
        return Some((Matter::Call(id), rest));
    }
    number_after(text, "initiative:").map(|(id, rest)| (Matter::Initiative(id), rest))
}

/// A declaration's ties as the record words them (`<matter> ties: organisation:5 employee; ...`
/// or `... ties: none`), read back.
pub fn parse_ties(text: &str) -> Option<(Matter, Vec<(i64, Relation)>)> {
    let (matter, rest) = matter_at(text)?;
    let rest = rest.strip_prefix(" ties: ")?;
    if rest == "none" {
        return Some((matter, Vec::new()));
    }
    let ties = rest
        .split("; ")
        .map(|tie| {
            let (organisation, relation) = number_after(tie, "organisation:")?;
            Some((organisation, Relation::parse(relation.strip_prefix(' ')?)?))
        })
        .collect::<Option<Vec<_>>>()?;
    Some((matter, ties))
}

/// A recusal's party as the record words it (`<matter> party: organisation:<id>`), read back.
pub fn parse_party(text: &str) -> Option<(Matter, i64)> {
    let (matter, rest) = matter_at(text)?;
    let (party, rest) = number_after(rest.strip_prefix(" party: ")?, "organisation:")?;
    rest.is_empty().then_some((matter, party))
}

/// Who applied, as a sealed `applicant` text says it: (call, application, organisation).
pub fn parse_applicant(text: &str) -> Option<(i64, i64, i64)> {
    let (call, rest) = number_after(text, "call:")?;
    let (application, rest) = number_after(rest, " application:")?;
    let (organisation, rest) = number_after(rest, " organisation:")?;
    rest.is_empty().then_some((call, application, organisation))
}

/// Who proposed an alternative, as a sealed `proposer` text says it: (notice, proposal,
/// organisation).
pub fn parse_proposer(text: &str) -> Option<(i64, i64, i64)> {
    let (notice, rest) = number_after(text, "notice:")?;
    let (proposal, rest) = number_after(rest, " proposal:")?;
    let (organisation, rest) = number_after(rest, " organisation:")?;
    rest.is_empty().then_some((notice, proposal, organisation))
}

/// A call's deadline as its publication's or re-run's detail words it: (call, deadline).
pub fn parse_call_rerun(text: &str) -> Option<(i64, i64)> {
    let (call, rest) = number_after(text, "call:")?;
    let (deadline, _) = number_after(rest, " deadline:")?;
    Some((call, deadline))
}

/// An evaluator's scores of one application, as the sealed `scores` text words them:
/// `call:<id> application:<id> by:<pseudonym> scores: criterion:<id> score:<n>; ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoresText {
    pub call: i64,
    pub application: i64,
    /// The evaluator's pseudonym.
    pub by: Option<String>,
    /// (criterion, score).
    pub scores: Vec<(i64, i64)>,
}

impl std::fmt::Display for ScoresText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scores = self
            .scores
            .iter()
            .map(|(criterion, score)| format!("criterion:{criterion} score:{score}"))
            .collect::<Vec<_>>()
            .join("; ");
        write!(
            f,
            "call:{} application:{} by:{} scores: {scores}",
            self.call,
            self.application,
            self.by.as_deref().unwrap_or("")
        )
    }
}

impl ScoresText {
    pub fn parse(text: &str) -> Option<ScoresText> {
        let (call, rest) = number_after(text, "call:")?;
        let (application, rest) = number_after(rest, " application:")?;
        let rest = rest.strip_prefix(" by:")?;
        let (by, rest) = rest.split_once(" scores: ")?;
        let scores = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split("; ")
                .map(|s| {
                    let (criterion, s) = number_after(s, "criterion:")?;
                    let (score, s) = number_after(s, " score:")?;
                    s.is_empty().then_some((criterion, score))
                })
                .collect::<Option<Vec<_>>>()?
        };
        Some(ScoresText {
            call,
            application,
            by: (!by.is_empty()).then(|| by.to_owned()),
            scores,
        })
    }
}

/// A call's award as its entry's detail words it: the winner and every application's standing.
#[derive(Debug, Clone, PartialEq)]
pub struct Award {
    pub call: i64,
    pub application: i64,
    pub organisation: i64,
    pub results: Vec<Standing>,
}

impl std::fmt::Display for Award {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let results = self
            .results
            .iter()
            .map(|s| {
                format!(
                    "application:{} total:{} rank:{}",
                    s.application, s.total, s.rank
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        write!(
            f,
            "call:{} application:{} organisation:{} results: {results}",
            self.call, self.application, self.organisation
        )
    }
}

impl Award {
    /// Reads an award's detail back; the first encoding's, which ended in ` reasons: ...`, too.
    pub fn parse(detail: &str) -> Option<Award> {
        let (call, rest) = number_after(detail, "call:")?;
        let (application, rest) = number_after(rest, " application:")?;
        let (organisation, rest) = number_after(rest, " organisation:")?;
        let rest = rest.strip_prefix(" results:")?;
        let rest = match rest.find(" reasons: ") {
            Some(end) => &rest[..end],
            None => rest,
        };
        let rest = rest.strip_prefix(' ').unwrap_or(rest).trim_end();
        let results = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split("; ")
                .map(|s| {
                    let (application, s) = number_after(s, "application:")?;
                    let s = s.strip_prefix(" total:")?;
                    let (total, rank) = s.split_once(" rank:")?;
                    Some(Standing {
                        application,
                        total: total.parse().ok()?,
                        rank: rank.parse().ok()?,
                    })
                })
                .collect::<Option<Vec<_>>>()?
        };
        Some(Award {
            call,
            application,
            organisation,
            results,
        })
    }
}

/// The scores a call's decision opened, each evaluator's latest scoring of each application
/// (evaluators told apart by pseudonym, numbered in the order they first appear).
pub fn opened_scores(entry: &LogEntry) -> Vec<crate::call::Score> {
    let mut latest: Vec<ScoresText> = Vec::new();
    for text in entry
        .openings
        .iter()
        .filter(|o| o.field == "scores")
        .filter_map(|o| ScoresText::parse(&o.text))
    {
        // Openings come in the order the scorings were made: a later one replaces an earlier.
        latest.retain(|t| !(t.application == text.application && t.by == text.by));
        latest.push(text);
    }
    let mut people: Vec<Option<String>> = Vec::new();
    let mut scores = Vec::new();
    for text in latest {
        let evaluator = match people.iter().position(|p| *p == text.by) {
            Some(i) => i,
            None => {
                people.push(text.by.clone());
                people.len() - 1
            }
        } as i64;
        for (criterion, score) in text.scores {
            scores.push(crate::call::Score {
                application_id: text.application,
                criterion_id: criterion,
                evaluator_id: evaluator,
                score,
            });
        }
    }
    scores
}

/// A decided call's results as its decision entry put them on the record: each criterion's
/// mean from the scores it opened (from `computed`, the tables' aggregate, for an entry of the
/// first encoding, which opened none), and for an award its published totals and ranks, in
/// its order. `applications` are the call's, for a cancellation (an award names its own).
pub fn published_results(
    entry: &LogEntry,
    applications: &[i64],
    weights: &[crate::call::Weight],
    computed: Vec<crate::call::Ranked>,
) -> Vec<crate::call::Ranked> {
    let award = entry.detail.as_deref().and_then(Award::parse);
    let mut ranked = if entry.version >= 2 {
        let ids: Vec<i64> = match &award {
            Some(award) => award.results.iter().map(|s| s.application).collect(),
            None => applications.to_vec(),
        };
        crate::call::aggregate(&ids, weights, &opened_scores(entry))
    } else {
        computed
    };
    if let Some(award) = award {
        ranked.retain(|r| {
            award
                .results
                .iter()
                .any(|s| s.application == r.application_id)
        });
        for r in &mut ranked {
            if let Some(s) = award
                .results
                .iter()
                .find(|s| s.application == r.application_id)
            {
                r.total = s.total;
                r.rank = s.rank;
            }
        }
        ranked.sort_by_key(|r| {
            award
                .results
                .iter()
                .position(|s| s.application == r.application_id)
        });
    }
    ranked
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

    fn record(event: &Event, actor: &Actor) -> Recorded {
        event.recorded(
            5,
            1_800_000_000,
            Place {
                locality_id: Some(1),
                initiative_id: None,
            },
            actor,
            &PseudonymKey([9; 32]),
            &[4; 32],
        )
    }

    fn convener() -> Actor {
        Actor {
            organisation_id: Some(2),
            user_id: Some(30),
            name: Some("Dana Levi".into()),
        }
    }

    /// The wording of every kind of decision, as hashed into the log: fixed. What is personal
    /// or free text is withheld (committed to and kept beside the log), never in the detail.
    #[test]
    fn details_are_worded_once_and_for_good() {
        type Case = (
            Event,
            Option<&'static str>,
            Vec<(&'static str, &'static str)>,
        );
        let cases: Vec<Case> = vec![
            (Event::Proposed, None, vec![]),
            (
                Event::PartnerJoined { call: Some(4) },
                Some("call:4"),
                vec![],
            ),
            (
                Event::StageChanged {
                    to: Stage::Declined,
                    reason: Some("Not this year".into()),
                },
                None,
                vec![("reasons", "Not this year")],
            ),
            (
                Event::WorkPlanRecorded {
                    placement: WorkPlanPlacement::NoBudgetNeeded,
                },
                Some("no-budget-needed"),
                vec![],
            ),
            (
                Event::InterestsDeclared {
                    matter: Matter::Initiative(9),
                    ties: vec![],
                    sealed: false,
                },
                Some("initiative:9 ties: none"),
                vec![("person-name", "Dana Levi")],
            ),
            (
                Event::InterestsDeclared {
                    matter: Matter::Call(2),
                    ties: vec![(5, Relation::Employee), (6, Relation::Relative)],
                    sealed: true,
                },
                Some("call:2"),
                vec![
                    ("person-name", "Dana Levi"),
                    (
                        "ties",
                        "call:2 ties: organisation:5 employee; organisation:6 relative",
                    ),
                ],
            ),
            (
                Event::Recused {
                    matter: Matter::Call(2),
                    party: 5,
                    sealed: false,
                },
                Some("call:2 party: organisation:5"),
                vec![("person-name", "Dana Levi")],
            ),
            (Event::CharterEndorsed { version: 3 }, Some("3"), vec![]),
            (
                Event::NoticeDecided {
                    notice: 1,
                    outcome: NoticeOutcome::Alternative,
                    chosen: Some(8),
                    reasons: "Better".into(),
                    openings: vec![],
                },
                Some("notice:1 outcome:alternative proposal:8"),
                vec![("reasons", "Better")],
            ),
            (
                Event::CallPublished {
                    call: 3,
                    deadline_at: 1_800_000_000,
                    criteria: vec![("Price".into(), 40), ("Quality".into(), 60)],
                },
                Some("call:3 deadline:1800000000 criteria: Price 40%; Quality 60%"),
                vec![],
            ),
            (
                Event::ApplicationScored {
                    call: 3,
                    application: 7,
                    scores: vec![(1, 8), (2, 6)],
                },
                Some("call:3 application:7"),
                vec![
                    ("person-name", "Dana Levi"),
                    (
                        "scores",
                        "call:3 application:7 by:p-782404a7a512 scores: criterion:1 score:8; criterion:2 score:6",
                    ),
                ],
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
                    openings: vec![],
                },
                Some(
                    "call:3 application:7 organisation:11 results: application:7 total:81.5 rank:1; \
                     application:8 total:70 rank:2",
                ),
                vec![("reasons", "Best")],
            ),
            (
                Event::DonationRegistered {
                    donation: 1,
                    donor: "Ltd".into(),
                    kind: DonationKind::Goods,
                    value_agorot: Some(1_800_000),
                    purpose: "Trees".into(),
                },
                Some("donation:1 kind:goods value-agorot:1800000"),
                vec![("donor", "Ltd"), ("purpose", "Trees")],
            ),
            (
                Event::DonationDecided {
                    donation: 1,
                    decision: HeadDecision::Accept,
                    reasons: None,
                },
                Some("donation:1 decision:accept"),
                vec![],
            ),
            (
                Event::DisclosureRedacted {
                    entry: 12,
                    field: "donor".into(),
                    ground: RedactionGround::ErasureRequest,
                },
                Some("entry:12 field:donor ground:erasure-request"),
                vec![],
            ),
        ];
        for (event, detail, withheld) in cases {
            let recorded = record(&event, &convener());
            assert_eq!(recorded.entry.detail.as_deref(), detail, "{event:?}");
            let texts: Vec<(&str, &str)> = recorded
                .withheld
                .iter()
                .map(|w| (w.field.as_str(), w.text.as_str()))
                .collect();
            assert_eq!(texts, withheld, "{event:?}");
            assert_eq!(recorded.entry.commitments.len(), withheld.len());
            for w in &recorded.withheld {
                assert!(crate::disclosure::matches(
                    &recorded.entry,
                    &w.field,
                    &w.salt,
                    &w.text
                ));
            }
            assert_eq!(recorded.entry.person.as_deref(), Some("p-782404a7a512"));
            assert_eq!(recorded.entry.organisation_id, Some(2));
            assert_eq!(recorded.entry.version, CURRENT_VERSION);
        }
        let declared = Event::InterestsDeclared {
            matter: Matter::Initiative(9),
            ties: vec![],
            sealed: false,
        };
        assert_eq!(declared.history_detail(), None);
        assert_eq!(
            Event::StageChanged {
                to: Stage::Declined,
                reason: Some("Not this year".into())
            }
            .history_detail()
            .as_deref(),
            Some("Not this year")
        );
    }

    /// An application names neither who applied nor who sent it: it is sealed, for the call's
    /// decision to open.
    #[test]
    fn an_application_is_sealed_until_the_decision() {
        let applicant = Actor {
            organisation_id: Some(11),
            user_id: Some(40),
            name: Some("Avi Cohen".into()),
        };
        let received = record(
            &Event::ApplicationReceived {
                call: 3,
                application: 7,
                organisation: 11,
            },
            &applicant,
        );
        let entry = &received.entry;
        assert_eq!(entry.organisation_id, None);
        assert_eq!(entry.person, None);
        assert_eq!(entry.detail.as_deref(), Some("call:3 application:7"));
        let bytes = String::from_utf8(entry.canonical_bytes()).unwrap();
        assert!(!bytes.contains("11") && !bytes.contains("Avi"), "{bytes}");
        assert_eq!(received.withheld.len(), 1);
        let sealed = &received.withheld[0];
        assert_eq!(
            sealed.sealed_for,
            Some(crate::disclosure::SealedFor::Call(3))
        );
        assert_eq!(
            parse_applicant(&sealed.text),
            Some((3, 7, 11)),
            "the opening says who"
        );

        // The award opens it; the seals check.
        let mut seals = crate::disclosure::Seals::default();
        assert_eq!(seals.see(entry).unwrap(), vec![]);
        let award = record(
            &Event::CallAwarded {
                call: 3,
                application: 7,
                organisation: 11,
                results: vec![],
                reasons: "Best".into(),
                openings: vec![sealed.opening()],
            },
            &convener(),
        );
        let award_entry = LogEntry {
            index: 6,
            ..award.entry.clone()
        };
        let opened = seals.see(&award_entry).unwrap();
        assert_eq!(opened.len(), 1);
        assert_eq!(opened[0].sealed_by, 5);
        assert_eq!(opened[0].text, "call:3 application:7 organisation:11");

        // A tampered opening, or one left out, shows.
        let mut tampered = sealed.opening();
        tampered.text = "call:3 application:7 organisation:12".into();
        let mut seals = crate::disclosure::Seals::default();
        seals.see(entry).unwrap();
        let forged = LogEntry {
            openings: vec![tampered],
            ..award_entry.clone()
        };
        assert!(seals.see(&forged).is_err());
        let mut seals = crate::disclosure::Seals::default();
        seals.see(entry).unwrap();
        let silent = LogEntry {
            openings: vec![],
            ..award_entry.clone()
        };
        assert!(seals.see(&silent).unwrap_err().contains("unopened"));
    }

    /// An alternative to a notice names neither the organisation that proposed it nor the
    /// person who sent it: who proposed is sealed for the notice's decision to open.
    #[test]
    fn who_proposed_an_alternative_is_sealed_until_the_notice_is_decided() {
        let proposer = Actor {
            organisation_id: Some(11),
            user_id: Some(40),
            name: Some("Avi Cohen".into()),
        };
        let proposed = record(
            &Event::AlternativeProposed {
                notice: 4,
                proposal: 8,
                organisation: 11,
            },
            &proposer,
        );
        let entry = &proposed.entry;
        assert_eq!(
            (entry.organisation_id, entry.person.as_deref()),
            (None, None)
        );
        assert_eq!(entry.detail.as_deref(), Some("notice:4 proposal:8"));
        let bytes = String::from_utf8(entry.canonical_bytes()).unwrap();
        assert!(!bytes.contains("11") && !bytes.contains("Avi"), "{bytes}");
        assert_eq!(proposed.withheld.len(), 1);
        let sealed = &proposed.withheld[0];
        assert_eq!(sealed.field, "proposer");
        assert_eq!(
            sealed.sealed_for,
            Some(crate::disclosure::SealedFor::Notice(4))
        );
        assert_eq!(parse_proposer(&sealed.text), Some((4, 8, 11)));
        // Its history row says no more than the entry.
        assert_eq!(
            Event::AlternativeProposed {
                notice: 4,
                proposal: 8,
                organisation: 11,
            }
            .history_detail()
            .as_deref(),
            Some("notice:4 proposal:8")
        );

        let decided = record(
            &Event::NoticeDecided {
                notice: 4,
                outcome: NoticeOutcome::Alternative,
                chosen: Some(8),
                reasons: "Better".into(),
                openings: vec![sealed.opening()],
            },
            &convener(),
        );
        let decided_entry = LogEntry {
            index: 6,
            ..decided.entry.clone()
        };
        // The decision's reasons are a disclosure, not sealed.
        assert_eq!(decided.withheld[0].sealed_for, None);
        let mut seals = crate::disclosure::Seals::default();
        assert_eq!(seals.see(entry).unwrap(), vec![]);
        assert_eq!(seals.still_sealed().len(), 1);
        let opened = seals.see(&decided_entry).unwrap();
        assert_eq!(opened.len(), 1);
        assert_eq!(opened[0].sealed_by, 5);
        assert_eq!(opened[0].text, "notice:4 proposal:8 organisation:11");
        assert!(seals.still_sealed().is_empty());
    }

    #[test]
    fn the_record_reads_back() {
        let award = Award {
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
        };
        assert_eq!(Award::parse(&award.to_string()), Some(award.clone()));
        // The first encoding's award, reasons and all.
        assert_eq!(
            Award::parse(&format!("{award} reasons: Best; by far")),
            Some(award)
        );
        let scores = ScoresText {
            call: 1,
            application: 2,
            by: Some("p-0123456789ab".into()),
            scores: vec![(3, 4), (5, 10)],
        };
        assert_eq!(ScoresText::parse(&scores.to_string()), Some(scores));
        assert_eq!(
            parse_ties("call:2 ties: organisation:5 employee; organisation:6 relative"),
            Some((
                Matter::Call(2),
                vec![(5, Relation::Employee), (6, Relation::Relative)]
            ))
        );
        assert_eq!(
            parse_ties("initiative:9 ties: none"),
            Some((Matter::Initiative(9), vec![]))
        );
        assert_eq!(
            parse_party("call:2 party: organisation:5"),
            Some((Matter::Call(2), 5))
        );
        assert_eq!(parse_call_rerun("call:3 deadline:17"), Some((3, 17)));
    }
}
