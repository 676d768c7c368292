//! What partner matching needs from storage: the suggestions for an initiative, and the open
//! initiatives and goals where an organisation's contributions are needed.
//!
//! Matching is local, both ways: an initiative's candidates are the organisations that work in
//! its locality (an organisation says where it works; a national one names every locality it
//! serves), and an organisation's opportunities are the open initiatives of those localities.
//! On a national hub "everyone who offers community work" is tens of thousands of rows per
//! request, and a coordinator looks for partners who can show up.
//!
//! **Kept profiles** (issue 12). What matching knows of an organisation is kept in
//! `matching_profiles` (migration `20261208000002_matching_profiles`): its sector, the
//! contribution types it offers and the SDG goals of its active partnerships as bit sets, and
//! its record (active partnerships in initiatives that reached agreement) as a count. Triggers
//! keep every row exact in the transaction of each change that affects it: an organisation's
//! sector and contributions, a partner joining, leaving or changing status, an initiative's
//! stage and goals, a goal's SDG links; the app's writes, the bulk generator and a restore all
//! go through them. [`Db::matching_suggestions`] ranks a locality's profiles by the domain's
//! rule: it reads them from the directory's rows by place (`directory_places`, which copy them
//! by trigger, migration `20261210000001`), one range of one index for the locality
//! ([`PLACED_SQL`]), keeps them in memory at the data version they were read at ([`Placed`]),
//! scores them from their bits ([`quick_score`]: the points and caps of
//! `shutaf_domain::matching`, no allocation), keeps the best, and has the domain word the
//! reasons of those few.
//!
//! **Why in memory.** Scored in SQL, the largest locality's 14,791 rows took 6 ms a request on
//! SQLite (two thirds of it the score's expression) and a parallel scan on PostgreSQL; every
//! initiative's first visit paid it, and the first minute of a busy hub's suggestions queued
//! behind them (issue 12, docs/PERFORMANCE.md). Kept, a locality's rows are read once per data
//! version (any committed write moves it, another server's within the poll), and a ranking
//! is a pass over some 40 bytes a row. The rows kept are bounded ([`PLACED_ROWS_KEPT`]: a
//! national hub's every membership, about 8 MB); past it they are all let go and read again
//! as asked for.
//! [`Db::matching_candidates`] reads the same facts from their own tables: the reference the
//! tests hold the profiles and the SQL ranking to.
//!
//! **Kept needs.** The same migration keeps `matching_needs`, one row an initiative: its
//! locality, whether its stage still looks for partners, and the needed types no partner's
//! contribution covers as bits (triggers on the initiative, its needs and its partners'
//! contributions). [`Db::opportunities`] is one statement over the rows of the organisation's
//! localities ([`OPPORTUNITIES_SQL`]); [`Db::opportunities_from_tables`] is its reference.
//!
//! Both tables are derived: a backup skips them and a restore builds them again through the
//! triggers (`backup::SKIPPED`).

use std::collections::HashMap;
use std::sync::LazyLock;

use shutaf_domain::matching::{self as rule, Candidate, Need, Suggestion};
use shutaf_domain::{ContributionType, Sector, Stage};

use crate::read::args;
use crate::{Db, StoreResult};

/// Stages in which an initiative still looks for partners.
const OPEN_STAGES: &str = "'idea', 'convened', 'scoping', 'building'";
/// Stages that count as a partnership reached.
const AGREED_STAGES: &str = "'agreed', 'implementing', 'reviewing', 'sustaining', 'closed'";

/// An open initiative where an organisation's contributions are needed.
#[derive(Debug, Clone)]
pub struct Opportunity {
    pub initiative_id: i64,
    pub locality_id: i64,
    pub titles: [Option<String>; 3],
    pub stage: Stage,
    /// The needed types it would cover.
    pub covers: Vec<ContributionType>,
}

/// A row of the opportunities query: an open initiative and one need the organisation covers.
#[derive(sqlx::FromRow)]
struct NeedRow {
    id: i64,
    locality_id: i64,
    title_he: Option<String>,
    title_ar: Option<String>,
    title_en: Option<String>,
    stage: String,
    contribution: String,
}

crate::read::record!(NeedRow {
    id,
    locality_id,
    title_he,
    title_ar,
    title_en,
    stage,
    contribution
});

fn quoted(codes: impl Iterator<Item = &'static str>) -> String {
    // Codes come from the domain's fixed catalogue, never from input: safe to inline.
    codes
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The bit of a contribution type in `matching_profiles.offers_bits`: its place in the catalogue.
/// The migration's triggers spell the same places out: a new type needs a migration giving it
/// its bit (the store's matching test fails until then).
pub fn offer_bit(c: ContributionType) -> i64 {
    1 << ContributionType::ALL
        .iter()
        .position(|x| *x == c)
        .unwrap_or(0)
}

/// The contribution types of a set of offers' bits, in the catalogue's order.
pub fn offers(bits: i64) -> Vec<ContributionType> {
    let mut offered: Vec<ContributionType> = ContributionType::ALL
        .iter()
        .copied()
        .filter(|c| bits & offer_bit(*c) != 0)
        .collect();
    offered.sort();
    offered
}

/// The bit of a sector in `matching_profiles.sector_bits`: its place in `Sector::ALL`.
pub fn sector_bit(s: Sector) -> i64 {
    1 << Sector::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// The bit of an SDG goal (1 to 17) in `matching_profiles.sdg_bits`; 0 for anything else.
pub fn sdg_bit(goal: u8) -> i64 {
    if (1..=17).contains(&goal) {
        1 << goal
    } else {
        0
    }
}

// The statements count offers in two pieces of 12 bits.
const _: () = assert!(ContributionType::ALL.len() <= 24);

/// The number of set bits of a SQL expression worth less than 2^12, on both backends (SQLite
/// has no `popcount`): the 12 bits are copied five times 12 apart, the mask keeps one bit of
/// each in a distinct place 5 apart, and the sum of those ones is the remainder mod 31.
fn ones_of_12(expression: &str) -> String {
    format!("((({expression}) * 281543712968705) & 37191016277640225) % 31")
}

/// A locality's kept profiles as the directory's rows by place copy them: one range of the
/// index `directory_places_matching`, which holds every column read. `$1` the locality.
pub const PLACED_SQL: &str = "SELECT d.organisation_id, d.sector_bits, d.offers_bits, d.sdg_bits, d.record \
     FROM directory_places d WHERE d.locality_id = $1 AND d.sector_bits <> 0";

/// The one statement of an organisation's opportunities. Parameters: `$1` the organisation,
/// `$2` how many. The inner query scans the looking initiatives of its localities (an index
/// holds all it reads), keeps those needing a type it offers that it is not in, and orders
/// them by how many of those types they need; the outer one reads the few kept initiatives.
pub static OPPORTUNITIES_SQL: LazyLock<String> = LazyLock::new(|| {
    let covers = format!(
        "{} + {}",
        ones_of_12("(n.needs_bits & mp.offers_bits) & 4095"),
        ones_of_12("(n.needs_bits & mp.offers_bits) >> 12")
    );
    format!(
        "SELECT i.id, i.locality_id, i.title_he, i.title_ar, i.title_en, i.stage, t.covers_bits          FROM (SELECT n.initiative_id, n.needs_bits & mp.offers_bits AS covers_bits, {covers} AS covers          FROM matching_profiles mp JOIN organisation_localities ol ON ol.organisation_id = mp.organisation_id          JOIN matching_needs n ON n.locality_id = ol.locality_id AND n.looking = 1          WHERE mp.organisation_id = $1 AND (n.needs_bits & mp.offers_bits) <> 0          AND NOT EXISTS (SELECT 1 FROM initiative_partners p WHERE p.initiative_id = n.initiative_id AND p.organisation_id = $1)          ORDER BY covers DESC, n.initiative_id DESC LIMIT $2) t          JOIN initiatives i ON i.id = t.initiative_id ORDER BY t.covers DESC, i.id DESC"
    )
});

/// A row of [`OPPORTUNITIES_SQL`].
#[derive(sqlx::FromRow)]
struct OpportunityRow {
    id: i64,
    locality_id: i64,
    title_he: Option<String>,
    title_ar: Option<String>,
    title_en: Option<String>,
    stage: String,
    covers_bits: i64,
}

crate::read::record!(OpportunityRow {
    id,
    locality_id,
    title_he,
    title_ar,
    title_en,
    stage,
    covers_bits
});

/// A row of [`PLACED_SQL`]: an organisation's kept profile in a locality.
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
struct ProfileRow {
    organisation_id: i64,
    sector_bits: i64,
    offers_bits: i64,
    sdg_bits: i64,
    record: i64,
}

crate::read::record!(ProfileRow {
    organisation_id,
    sector_bits,
    offers_bits,
    sdg_bits,
    record
});

/// The rows kept by [`Placed`] at most, in all localities: 24 bytes each.
pub const PLACED_ROWS_KEPT: usize = 200_000;

/// A kept profile as [`Placed`] holds it: a row of [`PLACED_SQL`] in 24 bytes rather than 40
/// (a national hub's 190,000 memberships in 4.6 MB).
#[derive(Debug, Clone, Copy)]
struct Profile {
    organisation_id: i64,
    offers_bits: u32,
    sdg_bits: u32,
    record: u32,
    sector_bits: u8,
}

impl From<&ProfileRow> for Profile {
    fn from(row: &ProfileRow) -> Profile {
        // The bits fit by construction (24 contribution types, goals 1 to 17, a few sectors);
        // a value that does not is kept as none rather than cut.
        Profile {
            organisation_id: row.organisation_id,
            offers_bits: u32::try_from(row.offers_bits).unwrap_or(0),
            sdg_bits: u32::try_from(row.sdg_bits).unwrap_or(0),
            record: u32::try_from(row.record).unwrap_or(0),
            sector_bits: u8::try_from(row.sector_bits).unwrap_or(0),
        }
    }
}

impl Profile {
    /// The row it was read from.
    fn row(&self) -> ProfileRow {
        ProfileRow {
            organisation_id: self.organisation_id,
            sector_bits: self.sector_bits.into(),
            offers_bits: self.offers_bits.into(),
            sdg_bits: self.sdg_bits.into(),
            record: self.record.into(),
        }
    }
}

/// The localities' kept profiles, each as read at a data version (see the module's doc).
#[derive(Debug, Default)]
pub struct Placed {
    kept: std::sync::Mutex<PlacedKept>,
}

#[derive(Debug, Default)]
struct PlacedKept {
    /// The data version every locality here was read at.
    version: i64,
    rows: usize,
    localities: HashMap<i64, std::sync::Arc<[Profile]>>,
}

/// What a ranking asks, as bits.
struct NeedBits {
    uncovered: i64,
    /// How many needs are uncovered (the coverage's divisor).
    count: u32,
    sectors: i64,
    goals: i64,
}

/// `shutaf_domain::matching::score` of a kept profile, from its bits: the same points and caps,
/// without the reasons (worded for the few kept) and without an allocation. `None` where the
/// rule gives none: the profile neither covers a need nor brings a new sector. Every profile
/// works in the locality it was read for.
fn quick_score(row: &Profile, need: &NeedBits) -> Option<u32> {
    let covers = (i64::from(row.offers_bits) & need.uncovered).count_ones();
    let new_sector = i64::from(row.sector_bits) & need.sectors == 0;
    if covers == 0 && !new_sector {
        return None;
    }
    let mut total = rule::SAME_LOCALITY_POINTS;
    if covers > 0 {
        total += rule::COVERAGE_POINTS * covers / need.count.max(1);
    }
    if new_sector {
        total += rule::NEW_SECTOR_POINTS;
    }
    let shared = (i64::from(row.sdg_bits) & need.goals).count_ones();
    total += rule::SHARED_GOALS_POINTS * shared.min(rule::GOALS_CAP) / rule::GOALS_CAP;
    total += rule::RECORD_POINTS * row.record.min(rule::RECORD_CAP) / rule::RECORD_CAP;
    Some(total)
}

impl ProfileRow {
    /// What the domain knows of the candidate, read back from the bits.
    fn candidate(&self) -> Option<Candidate> {
        let sector = *Sector::ALL
            .iter()
            .find(|s| self.sector_bits == sector_bit(**s))?;
        Some(Candidate {
            organisation_id: self.organisation_id,
            sector,
            offers: ContributionType::ALL
                .iter()
                .copied()
                .filter(|c| self.offers_bits & offer_bit(*c) != 0)
                .collect(),
            works_in_locality: true,
            sdg_goals: (1..=17u8)
                .filter(|g| self.sdg_bits & sdg_bit(*g) != 0)
                .collect(),
            record: u32::try_from(self.record).unwrap_or(0),
        })
    }
}

impl Db {
    /// The best `limit` organisations of the locality to complete an initiative with this
    /// need, best first, with their reasons: ranked from the locality's kept profiles (see the
    /// module's doc), worded by `shutaf_domain::matching::score`.
    pub async fn matching_suggestions(
        &self,
        locality_id: i64,
        need: &Need,
        limit: usize,
    ) -> StoreResult<Vec<Suggestion>> {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        if limit == 0 {
            return Ok(Vec::new());
        }
        debug_assert!(
            need.uncovered
                .iter()
                .enumerate()
                .all(|(i, c)| !need.uncovered[..i].contains(c)),
            "the uncovered needs are a set"
        );
        let bits = NeedBits {
            uncovered: need
                .uncovered
                .iter()
                .fold(0, |bits, c| bits | offer_bit(*c)),
            count: u32::try_from(need.uncovered.len()).unwrap_or(u32::MAX),
            sectors: need
                .partner_sectors
                .iter()
                .fold(0, |bits, s| bits | sector_bit(*s)),
            goals: need.sdg_goals.iter().fold(0, |bits, g| bits | sdg_bit(*g)),
        };
        let rows = self.placed_profiles(locality_id).await?;
        // The best `limit` by score, then by the lower id (the domain's order): the heap's top
        // is the worst kept.
        let mut best: BinaryHeap<(Reverse<u32>, i64, usize)> = BinaryHeap::with_capacity(limit + 1);
        for (at, row) in rows.iter().enumerate() {
            if need.exclude.contains(&row.organisation_id) {
                continue;
            }
            let Some(score) = quick_score(row, &bits) else {
                continue;
            };
            let entry = (Reverse(score), row.organisation_id, at);
            if best.len() < limit {
                best.push(entry);
            } else if best.peek().is_some_and(|worst| entry < *worst) {
                best.pop();
                best.push(entry);
            }
        }
        let mut suggestions = Vec::with_capacity(best.len());
        for (Reverse(score), _, at) in best.into_sorted_vec() {
            let Some(suggestion) = rows[at]
                .row()
                .candidate()
                .and_then(|c| rule::score(need, &c))
            else {
                continue;
            };
            debug_assert_eq!(suggestion.score, score, "the quick score is the domain's");
            suggestions.push(suggestion);
        }
        Ok(suggestions)
    }

    /// The locality's kept profiles, read once per data version (see [`Placed`]).
    async fn placed_profiles(&self, locality_id: i64) -> StoreResult<std::sync::Arc<[Profile]>> {
        // Read before the rows: a write committed meanwhile makes them stale, not kept as new.
        let version = self.data_version();
        {
            let kept = self.placed.kept.lock().unwrap_or_else(|e| e.into_inner());
            if kept.version == version
                && let Some(rows) = kept.localities.get(&locality_id)
            {
                return Ok(rows.clone());
            }
        }
        let read: Vec<ProfileRow> = self.read_all(PLACED_SQL, args![locality_id]).await?;
        let rows: std::sync::Arc<[Profile]> = read.iter().map(Profile::from).collect();
        let mut kept = self.placed.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.version != version || kept.rows + rows.len() > PLACED_ROWS_KEPT {
            if kept.version > version {
                // Read at a version already passed: used once, not kept.
                return Ok(rows);
            }
            *kept = PlacedKept {
                version,
                ..PlacedKept::default()
            };
        }
        if let Some(old) = kept.localities.insert(locality_id, rows.clone()) {
            kept.rows -= old.len();
        }
        kept.rows += rows.len();
        Ok(rows)
    }

    /// The candidates that could complete an initiative, read from the tables the kept
    /// profiles derive from (contributions, partnerships, goals' SDG links, stages): the
    /// reference that `matching_suggestions` is tested against, not a request path.
    pub async fn matching_candidates(
        &self,
        locality_id: i64,
        need: &Need,
    ) -> StoreResult<Vec<Candidate>> {
        let uncovered = quoted(need.uncovered.iter().map(|c| c.code()));
        let missing: Vec<&'static str> = Sector::ALL
            .iter()
            .filter(|s| !need.partner_sectors.contains(s))
            .map(|s| s.code())
            .collect();
        let mut parts = Vec::new();
        if !uncovered.is_empty() {
            parts.push(format!("EXISTS (SELECT 1 FROM organisation_contributions c WHERE c.organisation_id = o.id AND c.contribution IN ({uncovered}))"));
        }
        if !missing.is_empty() {
            parts.push(format!("o.sector IN ({})", quoted(missing.into_iter())));
        }
        if parts.is_empty() {
            return Ok(Vec::new());
        }
        // The organisations of the locality that can score; the facts below are read for them.
        let pool = format!(
            "SELECT o.id FROM organisation_localities ol JOIN organisations o ON o.id = ol.organisation_id \
             WHERE ol.locality_id = $1 AND ({})",
            parts.join(" OR ")
        );
        let rows: Vec<(i64, String, Option<String>)> = self
            .read_all(
                &format!(
                    "SELECT o.id, o.sector, oc.contribution FROM organisations o \
             LEFT JOIN organisation_contributions oc ON oc.organisation_id = o.id \
             WHERE o.id IN ({pool})"
                ),
                args![locality_id],
            )
            .await?;
        let goals: Vec<(i64, i64)> = self.read_all(&format!(
            "SELECT DISTINCT p.organisation_id, l.sdg_goal FROM initiative_partners p \
             JOIN initiative_goals g ON g.initiative_id = p.initiative_id JOIN goal_sdg_links l ON l.goal_id = g.goal_id \
             WHERE p.status = 'active' AND p.organisation_id IN ({pool})"
        ), args![locality_id]).await?;
        let records: Vec<(i64, i64)> = self.read_all(&format!(
            "SELECT p.organisation_id, COUNT(*) FROM initiative_partners p JOIN initiatives i ON i.id = p.initiative_id \
             WHERE p.status = 'active' AND i.stage IN ({AGREED_STAGES}) AND p.organisation_id IN ({pool}) \
             GROUP BY p.organisation_id"
        ), args![locality_id]).await?;

        let mut by_id: HashMap<i64, Candidate> = HashMap::new();
        for (id, sector, contribution) in rows {
            let Some(sector) = Sector::parse(&sector) else {
                continue;
            };
            let candidate = by_id.entry(id).or_insert_with(|| Candidate {
                organisation_id: id,
                sector,
                offers: Vec::new(),
                works_in_locality: true,
                sdg_goals: Vec::new(),
                record: 0,
            });
            if let Some(c) = contribution.as_deref().and_then(ContributionType::parse) {
                candidate.offers.push(c);
            }
        }
        for (id, goal) in goals {
            if let Some(c) = by_id.get_mut(&id) {
                c.sdg_goals.push(goal as u8);
            }
        }
        for (id, count) in records {
            if let Some(c) = by_id.get_mut(&id) {
                c.record = count as u32;
            }
        }
        Ok(by_id.into_values().collect())
    }

    /// Open initiatives of the localities where the organisation works, needing contribution
    /// types it offers and nobody covers yet, that it is not in; those it would cover most
    /// first (then the newest). One statement ([`OPPORTUNITIES_SQL`]) over the kept
    /// `matching_needs` of its localities and its kept offers; `covers` in catalogue order.
    pub async fn opportunities(
        &self,
        organisation_id: i64,
        limit: i64,
    ) -> StoreResult<Vec<Opportunity>> {
        let rows: Vec<OpportunityRow> = self
            .read_all(
                OPPORTUNITIES_SQL.as_str(),
                args![organisation_id, limit.max(0)],
            )
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                Some(Opportunity {
                    initiative_id: r.id,
                    locality_id: r.locality_id,
                    titles: [r.title_he, r.title_ar, r.title_en],
                    stage: Stage::parse(&r.stage)?,
                    covers: ContributionType::ALL
                        .iter()
                        .copied()
                        .filter(|c| r.covers_bits & offer_bit(*c) != 0)
                        .collect(),
                })
            })
            .collect())
    }

    /// [`Db::opportunities`] read from the tables `matching_needs` derives from (the needs, the
    /// partners' contributions, the stages), at most 2,000 needs: the reference the tests hold
    /// the kept rows to, not a request path.
    pub async fn opportunities_from_tables(
        &self,
        organisation_id: i64,
        limit: i64,
    ) -> StoreResult<Vec<Opportunity>> {
        let rows: Vec<NeedRow> = self.read_all(&format!(
            "SELECT i.id, i.locality_id, i.title_he, i.title_ar, i.title_en, i.stage, n.contribution \
             FROM initiatives i JOIN initiative_needs n ON n.initiative_id = i.id \
             JOIN organisation_contributions oc ON oc.contribution = n.contribution AND oc.organisation_id = $1 \
             WHERE i.locality_id IN (SELECT ol.locality_id FROM organisation_localities ol WHERE ol.organisation_id = $1) \
             AND i.stage IN ({OPEN_STAGES}) \
             AND NOT EXISTS (SELECT 1 FROM initiative_partners p WHERE p.initiative_id = i.id AND p.organisation_id = $1) \
             AND NOT EXISTS (SELECT 1 FROM partner_contributions pc WHERE pc.initiative_id = i.id AND pc.contribution = n.contribution) \
             ORDER BY i.id DESC LIMIT 2000"
        ), args![organisation_id]).await?;
        let mut found: Vec<Opportunity> = Vec::new();
        for NeedRow {
            id,
            locality_id,
            title_he: he,
            title_ar: ar,
            title_en: en,
            stage,
            contribution,
        } in rows
        {
            let (Some(stage), Some(contribution)) =
                (Stage::parse(&stage), ContributionType::parse(&contribution))
            else {
                continue;
            };
            match found.iter_mut().find(|o| o.initiative_id == id) {
                Some(existing) => existing.covers.push(contribution),
                None => found.push(Opportunity {
                    initiative_id: id,
                    locality_id,
                    titles: [he, ar, en],
                    stage,
                    covers: vec![contribution],
                }),
            }
        }
        found.sort_by(|a, b| {
            b.covers
                .len()
                .cmp(&a.covers.len())
                .then(b.initiative_id.cmp(&a.initiative_id))
        });
        found.truncate(limit.max(0) as usize);
        Ok(found)
    }

    /// Active goals of the localities an organisation works in that no initiative serves yet:
    /// openings to propose one.
    pub async fn open_goals_for(
        &self,
        organisation_id: i64,
        limit: i64,
    ) -> StoreResult<Vec<crate::Goal>> {
        let ids: Vec<i64> = self.read_column("SELECT g.id FROM goals g JOIN organisation_localities ol ON ol.locality_id = g.locality_id \
             WHERE ol.organisation_id = $1 AND g.status = 'active' \
             AND NOT EXISTS (SELECT 1 FROM initiative_goals ig WHERE ig.goal_id = g.id) ORDER BY g.id LIMIT $2", args![organisation_id, limit]).await?;
        self.goals_by_ids(&ids).await
    }
}
