//! What partner matching needs from storage: the candidates for an initiative, and the open
//! initiatives and goals where an organisation's contributions are needed.
//!
//! Matching is local, both ways: an initiative's candidates are the organisations that work in
//! its locality (an organisation says where it works; a national one names every locality it
//! serves), and an organisation's opportunities are the open initiatives of those localities.
//! On a national hub "everyone who offers community work" is tens of thousands of rows per
//! request, and a coordinator looks for partners who can show up. Within the locality,
//! candidates are narrowed in SQL to those that can score at all (offering a contribution type
//! still uncovered, or bringing a sector the initiative lacks), and every fact is read for
//! those candidates only; the ranking itself is `shutaf_domain::matching`.

use std::collections::HashMap;

use shutaf_domain::matching::{Candidate, Need};
use shutaf_domain::{ContributionType, Sector, Stage};

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

fn quoted(codes: impl Iterator<Item = &'static str>) -> String {
    // Codes come from the domain's fixed catalogue, never from input: safe to inline.
    codes
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(",")
}

impl Db {
    /// The candidates that could complete an initiative, with what matching needs to know.
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
        let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(&format!(
            "SELECT o.id, o.sector, oc.contribution FROM organisations o \
             LEFT JOIN organisation_contributions oc ON oc.organisation_id = o.id \
             WHERE o.id IN ({pool})"
        ))
        .bind(locality_id)
        .fetch_all(&self.pool)
        .await?;
        let goals: Vec<(i64, i64)> = sqlx::query_as(&format!(
            "SELECT DISTINCT p.organisation_id, l.sdg_goal FROM initiative_partners p \
             JOIN initiative_goals g ON g.initiative_id = p.initiative_id JOIN goal_sdg_links l ON l.goal_id = g.goal_id \
             WHERE p.status = 'active' AND p.organisation_id IN ({pool})"
        ))
        .bind(locality_id)
        .fetch_all(&self.pool)
        .await?;
        let records: Vec<(i64, i64)> = sqlx::query_as(&format!(
            "SELECT p.organisation_id, COUNT(*) FROM initiative_partners p JOIN initiatives i ON i.id = p.initiative_id \
             WHERE p.status = 'active' AND i.stage IN ({AGREED_STAGES}) AND p.organisation_id IN ({pool}) \
             GROUP BY p.organisation_id"
        ))
        .bind(locality_id)
        .fetch_all(&self.pool)
        .await?;

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
    /// types it offers and nobody covers yet, that it is not in; those it would cover most first.
    pub async fn opportunities(
        &self,
        organisation_id: i64,
        limit: i64,
    ) -> StoreResult<Vec<Opportunity>> {
        let rows: Vec<NeedRow> = sqlx::query_as(&format!(
            "SELECT i.id, i.locality_id, i.title_he, i.title_ar, i.title_en, i.stage, n.contribution \
             FROM initiatives i JOIN initiative_needs n ON n.initiative_id = i.id \
             JOIN organisation_contributions oc ON oc.contribution = n.contribution AND oc.organisation_id = $1 \
             WHERE i.locality_id IN (SELECT ol.locality_id FROM organisation_localities ol WHERE ol.organisation_id = $1) \
             AND i.stage IN ({OPEN_STAGES}) \
             AND NOT EXISTS (SELECT 1 FROM initiative_partners p WHERE p.initiative_id = i.id AND p.organisation_id = $1) \
             AND NOT EXISTS (SELECT 1 FROM partner_contributions pc WHERE pc.initiative_id = i.id AND pc.contribution = n.contribution) \
             ORDER BY i.id DESC LIMIT 2000"
        ))
        .bind(organisation_id)
        .fetch_all(&self.pool)
        .await?;
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
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT g.id FROM goals g JOIN organisation_localities ol ON ol.locality_id = g.locality_id \
             WHERE ol.organisation_id = $1 AND g.status = 'active' \
             AND NOT EXISTS (SELECT 1 FROM initiative_goals ig WHERE ig.goal_id = g.id) ORDER BY g.id LIMIT $2",
        )
        .bind(organisation_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        self.goals_by_ids(&ids).await
    }
}
