//! Initiatives: proposed partnerships, their stages, models and the facts the rules look at.
//!
//! [`InitiativeFacts`] is everything the gates ([`crate::lifecycle`]) and the checkup
//! ([`crate::checkup`]) need to know about one initiative, gathered by storage in one go. The
//! rules are pure functions of it, so they can be tested exhaustively and explained exactly.

use crate::coded::coded_enum;
use crate::expectations::ExpectationAnswers;
use crate::{ContributionType, Sector};

coded_enum!(
    /// The partnering cycle: scoping and building, managing and maintaining, reviewing,
    /// sustaining outcomes; with the ways out.
    Stage, "stage" {
        Idea => "idea",
        Convened => "convened",
        Scoping => "scoping",
        Building => "building",
        Agreed => "agreed",
        Implementing => "implementing",
        Reviewing => "reviewing",
        Sustaining => "sustaining",
        Closed => "closed",
        Declined => "declined",
        Withdrawn => "withdrawn",
    }
);

impl Stage {
    /// No way leads out of these.
    pub fn is_final(self) -> bool {
        matches!(self, Stage::Closed | Stage::Declined | Stage::Withdrawn)
    }

    /// The stages before work starts, from which an initiative can still be declined or withdrawn.
    pub fn is_before_implementing(self) -> bool {
        matches!(
            self,
            Stage::Idea | Stage::Convened | Stage::Scoping | Stage::Building | Stage::Agreed
        )
    }

    /// Position along the main path, for "at or after" comparisons; ways out come last.
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// At or past `other` on the main path (a declined or withdrawn initiative is on no path).
    pub fn at_least(self, other: Stage) -> bool {
        !matches!(self, Stage::Declined | Stage::Withdrawn) && self.rank() >= other.rank()
    }
}

coded_enum!(
    /// The four partnership models of the source report.
    PartnershipModel, "model" {
        /// 1. The city helps businesses move to sustainable practice.
        SustainablePractice => "sustainable-practice",
        /// 2. Businesses act for the community (corporate social responsibility).
        CommunityResponsibility => "community-responsibility",
        /// 3. A green, sustainable local economy.
        GreenEconomy => "green-economy",
        /// 4. The city and businesses jointly advance an agenda or project (a council, say).
        JointAgenda => "joint-agenda",
    }
);

coded_enum!(
    /// How the partnership is managed.
    Management, "management" {
        /// Managed jointly by the partners.
        Joint => "joint",
        /// Led by one partner, the others in an ideational partnership.
        LedByOne => "led-by-one",
    }
);

/// Money in agorot (hundredths of a shekel), so sums are exact on every database.
pub type Agorot = i64;

/// What one partner brings to the initiative, as facts for the rules.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerFacts {
    pub organisation_id: i64,
    pub sector: Sector,
    /// The partner is a local authority (municipality, council or cluster).
    pub is_local_authority: bool,
    /// A role has been recorded for this partner.
    pub has_role: bool,
    /// The contribution types it has committed to this initiative.
    pub committed: Vec<ContributionType>,
    /// It endorsed the charter's current version.
    pub endorsed_current: bool,
    /// Its answers to the expectations questionnaire, if given.
    pub expectations: Option<ExpectationAnswers>,
}

/// The integrity record so far (the full workflow of calls and declarations comes later).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IntegrityFacts {
    /// An open call was run, or a competing-proposals notice published.
    pub competition: bool,
    /// An exemption reason from the closed list was recorded.
    pub exemption: bool,
    /// How many of the people who decide have not declared their interests.
    pub undeclared_deciders: usize,
    /// How many people decide at all (declarations are needed from each).
    pub deciders: usize,
}

/// Where the initiative stands in the city's work plan and budget.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum WorkPlanPlacement {
    #[default]
    NotRecorded,
    /// A work-plan item and budget line.
    Placed,
    /// Recorded that no municipal budget is needed, with a reason.
    NoBudgetNeeded,
}

impl WorkPlanPlacement {
    /// The stable code stored in the database and used by the API.
    pub fn code(&self) -> &'static str {
        match self {
            WorkPlanPlacement::NotRecorded => "not-recorded",
            WorkPlanPlacement::Placed => "placed",
            WorkPlanPlacement::NoBudgetNeeded => "no-budget-needed",
        }
    }
}

/// Everything the gates and the checkup need to know about an initiative.
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeFacts {
    pub stage: Stage,
    /// When it was proposed (Unix seconds).
    pub created_at: i64,
    /// The locality's convener engaged: named a contact person.
    pub convener_engaged: bool,
    /// How many of the locality's goals it is linked to.
    pub linked_goals: usize,
    pub work_plan: WorkPlanPlacement,
    /// The contribution types the initiative needs.
    pub needed: Vec<ContributionType>,
    pub partners: Vec<PartnerFacts>,
    /// The charter's current version, if there is a charter.
    pub charter_version: Option<u32>,
    pub integrity: IntegrityFacts,
    pub indicators: usize,
    /// The last time anything happened on it (Unix seconds).
    pub last_activity_at: i64,
    /// The time of the check (Unix seconds), passed in: the domain does not read clocks.
    pub now: i64,
}

impl InitiativeFacts {
    /// A fresh idea with nothing recorded yet: the starting point of tests and of new initiatives.
    pub fn new_idea(now: i64) -> InitiativeFacts {
        InitiativeFacts {
            stage: Stage::Idea,
            created_at: now,
            convener_engaged: false,
            linked_goals: 0,
            work_plan: WorkPlanPlacement::NotRecorded,
            needed: Vec::new(),
            partners: Vec::new(),
            charter_version: None,
            integrity: IntegrityFacts::default(),
            indicators: 0,
            last_activity_at: now,
            now,
        }
    }

    /// The sectors among the partners, without repeats.
    pub fn sectors(&self) -> Vec<Sector> {
        let mut sectors: Vec<Sector> = self.partners.iter().map(|p| p.sector).collect();
        sectors.sort();
        sectors.dedup();
        sectors
    }

    /// Needed contribution types that no partner has committed.
    pub fn uncovered(&self) -> Vec<ContributionType> {
        let mut uncovered: Vec<ContributionType> = self
            .needed
            .iter()
            .copied()
            .filter(|need| !self.partners.iter().any(|p| p.committed.contains(need)))
            .collect();
        uncovered.sort();
        uncovered.dedup();
        uncovered
    }

    /// The local authority and a business are partners together: the integrity rules apply.
    pub fn city_with_business(&self) -> bool {
        self.partners.iter().any(|p| p.is_local_authority)
            && self.partners.iter().any(|p| p.sector == Sector::Business)
    }
}
