//! Partner matching: which organisations would best complete an initiative, and why.
//!
//! A candidate scores for the contribution types it offers that nobody covers yet (most of the
//! weight: that is what the initiative lacks), for bringing a sector not yet among the partners,
//! for working in the initiative's locality, for sharing its SDG goals, and for a record of
//! earlier partnerships that reached agreement. Each suggestion carries its reasons, so the
//! ranking can be explained to the people who act on it. Ranking keeps only the best `limit`
//! candidates in a heap, so 100,000 organisations cost one pass.
//!
//! This module is the rule's definition. At national scale the hub ranks in SQL instead, from
//! a profile kept per organisation (`shutaf_store::matching`, the same points and caps), and
//! words each kept suggestion's reasons with [`score`]; the store's tests hold the SQL ranking
//! to [`rank`] on both backends.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::{ContributionType, Sector};

/// Points for each part of the score; the total is at most 1,000.
pub const COVERAGE_POINTS: u32 = 500;
pub const NEW_SECTOR_POINTS: u32 = 200;
pub const SAME_LOCALITY_POINTS: u32 = 150;
pub const SHARED_GOALS_POINTS: u32 = 100;
pub const RECORD_POINTS: u32 = 50;
/// Shared goals and past partnerships count up to these numbers.
pub const GOALS_CAP: u32 = 3;
pub const RECORD_CAP: u32 = 5;

/// What the initiative still needs.
#[derive(Debug, Clone, Default)]
pub struct Need {
    /// Needed contribution types that no partner covers yet.
    pub uncovered: Vec<ContributionType>,
    /// Sectors already among the partners.
    pub partner_sectors: Vec<Sector>,
    /// The SDG goals (1 to 17) the initiative's linked goals serve.
    pub sdg_goals: Vec<u8>,
    /// Organisations already partners or initiator: not suggested.
    pub exclude: Vec<i64>,
}

/// What is known of a candidate organisation.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub organisation_id: i64,
    pub sector: Sector,
    pub offers: Vec<ContributionType>,
    pub works_in_locality: bool,
    /// SDG goals of the initiatives it has been a partner in.
    pub sdg_goals: Vec<u8>,
    /// Earlier partnerships of it that reached agreement.
    pub record: u32,
}

/// Why a candidate is suggested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// It offers these contribution types that nobody covers yet.
    Covers(Vec<ContributionType>),
    /// It brings a sector not yet among the partners.
    NewSector(Sector),
    /// It already works in the locality.
    SameLocality,
    /// It has worked on these SDG goals too.
    SharedGoals(Vec<u8>),
    /// It has this many earlier partnerships that reached agreement.
    Record(u32),
}

/// A ranked candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub organisation_id: i64,
    pub score: u32,
    pub reasons: Vec<Reason>,
}

/// Scores one candidate; `None` when it is excluded or has nothing to offer the initiative.
pub fn score(need: &Need, candidate: &Candidate) -> Option<Suggestion> {
    if need.exclude.contains(&candidate.organisation_id) {
        return None;
    }
    let mut total = 0;
    let mut reasons = Vec::new();
    let covers: Vec<ContributionType> = need
        .uncovered
        .iter()
        .copied()
        .filter(|c| candidate.offers.contains(c))
        .collect();
    if !covers.is_empty() {
        total += COVERAGE_POINTS * covers.len() as u32 / need.uncovered.len() as u32;
        reasons.push(Reason::Covers(covers));
    }
    if !need.partner_sectors.contains(&candidate.sector) {
        total += NEW_SECTOR_POINTS;
        reasons.push(Reason::NewSector(candidate.sector));
    }
    if candidate.works_in_locality {
        total += SAME_LOCALITY_POINTS;
        reasons.push(Reason::SameLocality);
    }
    let mut shared: Vec<u8> = need
        .sdg_goals
        .iter()
        .copied()
        .filter(|g| candidate.sdg_goals.contains(g))
        .collect();
    shared.sort_unstable();
    shared.dedup();
    if !shared.is_empty() {
        total += SHARED_GOALS_POINTS * (shared.len() as u32).min(GOALS_CAP) / GOALS_CAP;
        reasons.push(Reason::SharedGoals(shared));
    }
    if candidate.record > 0 {
        total += RECORD_POINTS * candidate.record.min(RECORD_CAP) / RECORD_CAP;
        reasons.push(Reason::Record(candidate.record));
    }
    // A candidate that covers nothing and adds no sector does not complete the partnership.
    let completes = reasons
        .iter()
        .any(|r| matches!(r, Reason::Covers(_) | Reason::NewSector(_)));
    completes.then_some(Suggestion {
        organisation_id: candidate.organisation_id,
        score: total,
        reasons,
    })
}

/// Orders suggestions best first: higher score, then lower id (stable and deterministic).
fn better(a: &Suggestion, b: &Suggestion) -> Ordering {
    b.score
        .cmp(&a.score)
        .then(a.organisation_id.cmp(&b.organisation_id))
}

/// Heap entry whose maximum is the worst kept suggestion, so it can be replaced.
#[derive(PartialEq, Eq)]
struct Worst(Suggestion);

impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        better(&self.0, &other.0)
    }
}

/// The best `limit` suggestions among the candidates, best first.
pub fn rank(
    need: &Need,
    candidates: impl IntoIterator<Item = Candidate>,
    limit: usize,
) -> Vec<Suggestion> {
    if limit == 0 {
        return Vec::new();
    }
    let mut kept: BinaryHeap<Worst> = BinaryHeap::with_capacity(limit + 1);
    for candidate in candidates {
        let Some(suggestion) = score(need, &candidate) else {
            continue;
        };
        if kept.len() < limit {
            kept.push(Worst(suggestion));
        } else if let Some(worst) = kept.peek()
            && better(&suggestion, &worst.0) == Ordering::Less
        {
            kept.pop();
            kept.push(Worst(suggestion));
        }
    }
    let mut out: Vec<Suggestion> = kept.into_iter().map(|w| w.0).collect();
    out.sort_by(better);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ContributionType::*;

    fn candidate(
        id: i64,
        sector: Sector,
        offers: &[ContributionType],
        here: bool,
        goals: &[u8],
        record: u32,
    ) -> Candidate {
        Candidate {
            organisation_id: id,
            sector,
            offers: offers.to_vec(),
            works_in_locality: here,
            sdg_goals: goals.to_vec(),
            record,
        }
    }

    /// The seed's story: a company's idea with the city; what is missing is the community.
    fn need() -> Need {
        Need {
            uncovered: vec![CommunityTrust, LocalNetworks],
            partner_sectors: vec![Sector::Public, Sector::Business],
            sdg_goals: vec![7, 11],
            exclude: vec![1, 2],
        }
    }

    #[test]
    fn hand_checked_scores() {
        // A local NGO that covers both missing types, a new sector, shares goal 11, 2 past deals.
        let ngo = candidate(
            10,
            Sector::Third,
            &[CommunityTrust, LocalNetworks, Flexibility],
            true,
            &[11, 4],
            2,
        );
        let s = score(&need(), &ngo).unwrap();
        assert_eq!(s.score, 500 + 200 + 150 + 33 + 20);
        assert_eq!(
            s.reasons,
            vec![
                Reason::Covers(vec![CommunityTrust, LocalNetworks]),
                Reason::NewSector(Sector::Third),
                Reason::SameLocality,
                Reason::SharedGoals(vec![11]),
                Reason::Record(2),
            ]
        );
        // Another business elsewhere covering one of two: half the coverage, nothing else.
        let business = candidate(11, Sector::Business, &[LocalNetworks], false, &[], 0);
        assert_eq!(score(&need(), &business).unwrap().score, 250);
        assert_eq!(
            score(&need(), &business).unwrap().reasons,
            vec![Reason::Covers(vec![LocalNetworks])],
            "no record is no reason"
        );
        // Shared goals count up to three, records up to five.
        let goals = |shared: &[u8], record| {
            let mut need = need();
            need.sdg_goals = vec![1, 2, 3, 4, 5];
            score(
                &need,
                &candidate(13, Sector::Third, &[], false, shared, record),
            )
            .unwrap()
            .score
        };
        assert_eq!(goals(&[1, 2], 0), 200 + 66);
        assert_eq!(goals(&[1, 2, 3, 4], 0), 200 + 100);
        assert_eq!(goals(&[], 4), 200 + 40);
        assert_eq!(goals(&[], 9), 200 + 50);
        // A business that covers nothing missing and adds no sector is no suggestion.
        let other = candidate(12, Sector::Business, &[Budget], true, &[7, 11], 9);
        assert_eq!(score(&need(), &other), None);
        // Partners already in are not suggested again.
        assert_eq!(
            score(
                &need(),
                &candidate(2, Sector::Third, &[CommunityTrust], true, &[], 0)
            ),
            None
        );
    }

    #[test]
    fn ranking_keeps_the_best_in_order_with_ties_by_id() {
        let candidates = vec![
            candidate(30, Sector::Third, &[CommunityTrust], false, &[], 0), // 250 + 200 = 450
            candidate(
                20,
                Sector::Third,
                &[CommunityTrust, LocalNetworks],
                false,
                &[],
                0,
            ), // 700
            candidate(25, Sector::Third, &[CommunityTrust], false, &[], 0), // 450, lower id than 30
            candidate(40, Sector::Business, &[Budget], false, &[], 0),      // none
            candidate(50, Sector::Third, &[], true, &[], 0),                // 200 + 150 = 350
        ];
        let ranked = rank(&need(), candidates.clone(), 3);
        let ids: Vec<(i64, u32)> = ranked
            .iter()
            .map(|s| (s.organisation_id, s.score))
            .collect();
        assert_eq!(ids, vec![(20, 700), (25, 450), (30, 450)]);
        assert_eq!(rank(&need(), candidates.clone(), 10).len(), 4);
        assert!(rank(&need(), candidates, 0).is_empty());
    }

    #[test]
    fn ranking_equals_sorting_everything() {
        // The heap gives the same top as scoring and sorting all candidates.
        let sectors = [Sector::Public, Sector::Third, Sector::Business];
        let catalogue = ContributionType::ALL;
        let candidates: Vec<Candidate> = (0..500i64)
            .map(|i| {
                let offers: Vec<ContributionType> = catalogue
                    .iter()
                    .copied()
                    .filter(|c| (i as usize + *c as usize).is_multiple_of(5))
                    .collect();
                candidate(
                    i,
                    sectors[(i % 3) as usize],
                    &offers,
                    i % 4 == 0,
                    &[(i % 17 + 1) as u8],
                    (i % 7) as u32,
                )
            })
            .collect();
        let need = Need {
            uncovered: vec![CommunityTrust, Budget, Knowledge],
            partner_sectors: vec![Sector::Public],
            sdg_goals: vec![3, 7],
            exclude: vec![],
        };
        let mut all: Vec<Suggestion> = candidates.iter().filter_map(|c| score(&need, c)).collect();
        all.sort_by(better);
        all.truncate(25);
        assert_eq!(rank(&need, candidates, 25), all);
    }
}
