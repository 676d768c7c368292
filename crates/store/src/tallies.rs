//! Counts kept by the writes that change them (`tallies`, migration `20261208000001`).
//!
//! A national hub cannot count 100,000 organisations or a million decisions on every request.
//! Triggers move each count by one in the transaction of the change, whichever path writes
//! (the app, the bulk generator, a restore), so a total is one indexed read. What a count cannot
//! be kept for (a directory filtered by a combination, a search) is capped instead:
//! a capped count ([`Count::capped`]) stops past [`COUNT_CAP`] and the page says "1,000+".
//!
//! [`Db::tallies_agree`] recounts everything the slow way: `shutaf verify` and the tests use it
//! to prove the triggers exact.

use shutaf_domain::{Sector, Stage};

use crate::read::args;
use crate::{Db, StoreResult};

/// Filtered lists count at most this many rows past the page; more shows as "1,000+".
pub const COUNT_CAP: i64 = 1000;

/// A count that may have been capped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Count {
    /// Exact, or [`COUNT_CAP`] when `capped`.
    pub n: i64,
    /// There are more than `n`.
    pub capped: bool,
}

impl Count {
    pub fn exact(n: i64) -> Count {
        Count { n, capped: false }
    }

    /// From a count taken with `LIMIT COUNT_CAP + 1` (see [`CAPPED`]).
    pub fn capped(n: i64) -> Count {
        if n > COUNT_CAP {
            Count {
                n: COUNT_CAP,
                capped: true,
            }
        } else {
            Count::exact(n)
        }
    }
}

/// The limit inside a capped count: `SELECT COUNT(*) FROM (SELECT 1 ... LIMIT 1001) c`.
pub const CAPPED: i64 = COUNT_CAP + 1;

impl Db {
    async fn tally(&self, name: &str, scope: i64, part: Option<&str>) -> StoreResult<i64> {
        // One statement for one part or all of them: an empty part sums the scope's rows.
        let n: Option<i64> = self.read_scalar("SELECT CAST(SUM(n) AS BIGINT) FROM tallies WHERE name = $1 AND scope = $2 AND ($3 = '' OR part = $3)", args![name, scope, part.unwrap_or("")]).await?;
        Ok(n.unwrap_or(0))
    }

    /// Every organisation on the hub, or those of one sector.
    pub async fn organisation_count(&self, sector: Option<Sector>) -> StoreResult<i64> {
        self.tally("organisations", 0, sector.map(|s| s.code()))
            .await
    }

    /// The organisations that work in a locality.
    pub async fn member_count(&self, locality_id: i64) -> StoreResult<i64> {
        self.tally("members", locality_id, Some("")).await
    }

    /// A locality's initiatives, or those in one stage.
    pub async fn initiative_count(
        &self,
        locality_id: i64,
        stage: Option<Stage>,
    ) -> StoreResult<i64> {
        self.tally("initiatives", locality_id, stage.map(|s| s.code()))
            .await
    }

    /// A locality's initiatives in each stage that has any, in the lifecycle's order.
    pub async fn initiatives_by_stage(&self, locality_id: i64) -> StoreResult<Vec<(Stage, i64)>> {
        let rows: Vec<(String, i64)> = self
            .read_all(
                "SELECT part, n FROM tallies WHERE name = 'initiatives' AND scope = $1 AND n > 0",
                args![locality_id],
            )
            .await?;
        let mut counts: Vec<(Stage, i64)> = rows
            .into_iter()
            .filter_map(|(stage, n)| Some((Stage::parse(&stage)?, n)))
            .collect();
        counts.sort_by_key(|(stage, _)| Stage::ALL.iter().position(|s| s == stage));
        Ok(counts)
    }

    /// The entries of the decision log about a locality.
    pub async fn decision_count(&self, locality_id: i64) -> StoreResult<i64> {
        self.tally("decisions", locality_id, Some("")).await
    }

    /// Whether every kept count equals a fresh `COUNT(*)`, and the directory's kept rows by
    /// place the organisations they copy; the first disagreement otherwise (`name scope part:
    /// kept k, counted c`).
    pub async fn tallies_agree(&self) -> StoreResult<Result<(), String>> {
        let counted: Vec<(String, i64, String, i64)> = self.read_all("SELECT 'organisations', CAST(0 AS BIGINT), sector, COUNT(*) FROM organisations GROUP BY sector \
             UNION ALL SELECT 'members', locality_id, '', COUNT(*) FROM organisation_localities GROUP BY locality_id \
             UNION ALL SELECT 'initiatives', locality_id, stage, COUNT(*) FROM initiatives GROUP BY locality_id, stage \
             UNION ALL SELECT 'decisions', COALESCE(locality_id, 0), '', COUNT(*) FROM decision_log GROUP BY COALESCE(locality_id, 0)", args![]).await?;
        let kept: Vec<(String, i64, String, i64)> = self
            .read_all(
                "SELECT name, scope, part, n FROM tallies WHERE n <> 0",
                args![],
            )
            .await?;
        for (name, scope, part, n) in &counted {
            let k = kept
                .iter()
                .find(|(kn, ks, kp, _)| kn == name && ks == scope && kp == part)
                .map_or(0, |row| row.3);
            if k != *n {
                return Ok(Err(format!("{name} {scope} {part}: kept {k}, counted {n}")));
            }
        }
        for (name, scope, part, k) in &kept {
            if !counted
                .iter()
                .any(|(cn, cs, cp, _)| cn == name && cs == scope && cp == part)
            {
                return Ok(Err(format!("{name} {scope} {part}: kept {k}, counted 0")));
            }
        }
        // The directory's rows by place (`directory_places`), kept by the same writes: one for
        // each locality an organisation works in, with its sector, sort keys and offers.
        let offers: Vec<(i64, String)> = self
            .read_all(
                "SELECT organisation_id, contribution FROM organisation_contributions",
                args![],
            )
            .await?;
        let mut bits: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
        for (organisation, code) in &offers {
            if let Some(c) = shutaf_domain::ContributionType::parse(code) {
                *bits.entry(*organisation).or_default() |= crate::matching::offer_bit(c);
            }
        }
        type Place = (i64, i64, String, i64, String, String, String);
        let places: Vec<(i64, i64, String, String, String, String)> = self
            .read_all(
                "SELECT ol.organisation_id, ol.locality_id, o.sector, o.sort_he, o.sort_ar, o.sort_en \
                 FROM organisation_localities ol JOIN organisations o ON o.id = ol.organisation_id \
                 ORDER BY ol.organisation_id, ol.locality_id",
                args![],
            )
            .await?;
        let expected: Vec<Place> = places
            .into_iter()
            .map(|(o, l, sector, he, ar, en)| {
                (o, l, sector, bits.get(&o).copied().unwrap_or(0), he, ar, en)
            })
            .collect();
        let kept: Vec<Place> = self
            .read_all(
                "SELECT organisation_id, locality_id, sector, offers_bits, sort_he, sort_ar, sort_en \
                 FROM directory_places ORDER BY organisation_id, locality_id",
                args![],
            )
            .await?;
        if kept != expected {
            let differs = kept
                .iter()
                .zip(&expected)
                .find(|(k, e)| k != e)
                .map(|(k, e)| format!("kept {k:?}, expected {e:?}"))
                .unwrap_or_default();
            return Ok(Err(format!(
                "directory places: {} kept, {} expected; {differs}",
                kept.len(),
                expected.len()
            )));
        }
        // They carry their organisation's matching profile too (the suggestions read it there).
        let unlike: Vec<(i64, i64)> = self
            .read_all(
                "SELECT d.organisation_id, d.locality_id FROM directory_places d \
                 LEFT JOIN matching_profiles mp ON mp.organisation_id = d.organisation_id \
                 WHERE mp.organisation_id IS NULL OR d.sector_bits <> mp.sector_bits \
                 OR d.offers_bits <> mp.offers_bits OR d.sdg_bits <> mp.sdg_bits OR d.record <> mp.record \
                 LIMIT 1",
                args![],
            )
            .await?;
        if let Some((organisation, locality)) = unlike.first() {
            return Ok(Err(format!(
                "directory place {organisation} in {locality}: not its matching profile"
            )));
        }
        Ok(Ok(()))
    }
}

/// Where a page of a newest-first list starts (keyset pagination by id: a page deep in the
/// list costs what the first does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyset {
    /// The rows older than this id (the "older" link).
    Before(i64),
    /// The rows newer than this id (the "newer" link).
    After(i64),
}

impl Keyset {
    /// From a page's query: `before=<id>` or `after=<id>`; anything else is the first page.
    pub fn from_query(before: &str, after: &str) -> Option<Keyset> {
        if let Ok(id) = before.trim().parse() {
            return Some(Keyset::Before(id));
        }
        after.trim().parse().ok().map(Keyset::After)
    }
}

/// One page of a newest-first list, with the ids its "older" and "newer" links start from.
#[derive(Debug, Clone)]
pub struct Window<T> {
    pub items: Vec<T>,
    /// `Keyset::Before` this id shows the next older page.
    pub older: Option<i64>,
    /// `Keyset::After` this id shows the next newer page.
    pub newer: Option<i64>,
}

impl<T> Window<T> {
    /// Cuts `rows` (read with one row more than `per_page`, newest first for the first page and
    /// `Before`, oldest first for `After`) into the page and its links.
    pub fn of(
        mut rows: Vec<T>,
        keyset: Option<Keyset>,
        per_page: usize,
        id: impl Fn(&T) -> i64,
    ) -> Window<T> {
        let beyond = rows.len() > per_page;
        rows.truncate(per_page);
        let after = matches!(keyset, Some(Keyset::After(_)));
        if after {
            rows.reverse();
        }
        let first = rows.first().map(&id);
        let last = rows.last().map(&id);
        let (older, newer) = match keyset {
            None => (if beyond { last } else { None }, None),
            Some(Keyset::Before(_)) => (if beyond { last } else { None }, first),
            Some(Keyset::After(_)) => (last, if beyond { first } else { None }),
        };
        Window {
            items: rows,
            older,
            newer,
        }
    }

    /// The statement's bound and order for `keyset`: `(comparison, id, order)`, to put in
    /// `WHERE id {comparison} $n ... ORDER BY id {order}` (two fixed statement texts).
    pub fn bounds(keyset: Option<Keyset>) -> (&'static str, i64, &'static str) {
        match keyset {
            None => ("<", i64::MAX, "DESC"),
            Some(Keyset::Before(id)) => ("<", id, "DESC"),
            Some(Keyset::After(id)) => (">", id, "ASC"),
        }
    }
}
