//! What the public portal of a locality reads: the initiatives with a business partner and how
//! each partner was chosen, and the declarations and recusals made in the locality. One query
//! per list, whatever its length. The list of initiatives goes by keyset (`before` an id) and is
//! counted up to a cap; the downloads read it, and the OCDS package's calls, a chunk at a time.

use serde::Serialize;
use shutaf_domain::{Language, Stage};
use sqlx::FromRow;

use crate::disclosures::{NamesBeside, Redacted};
use crate::integrity::Matter;
use crate::organisations::pick_name;
use crate::read::args;
use crate::{Db, StoreResult};

fn matter(kind: &str, id: i64) -> Matter {
    match kind {
        "call" => Matter::Call(id),
        _ => Matter::Initiative(id),
    }
}

/// Names each row's person as the log disclosed them.
fn named<'r>(
    names: &NamesBeside,
    rows: impl Iterator<
        Item = (
            &'r str,
            i64,
            i64,
            Option<i64>,
            &'r mut String,
            &'r mut Option<Redacted>,
        ),
    >,
) {
    for (kind, id, user, party, person, redacted) in rows {
        let (name, redaction) = names.shown(matter(kind, id), user, party, std::mem::take(person));
        *person = name;
        *redacted = redaction;
    }
}

/// An initiative with a business partner, as the portal lists it.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct PortalInitiative {
    pub id: i64,
    pub title_he: Option<String>,
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
    #[sqlx(try_from = "String")]
    pub stage: Stage,
    /// The business partners' names, `; `-separated, in Hebrew, Arabic and English (each
    /// name in the other languages where it has none in this one).
    #[sqlx(skip)]
    pub businesses_he: Option<String>,
    #[sqlx(skip)]
    pub businesses_ar: Option<String>,
    #[sqlx(skip)]
    pub businesses_en: Option<String>,
    pub integrity_competition: i64,
    pub integrity_exemption: Option<String>,
    pub integrity_exemption_text: Option<String>,
    #[sqlx(skip)]
    pub call_id: Option<i64>,
    #[sqlx(skip)]
    pub notice_outcome: Option<String>,
    #[sqlx(skip)]
    pub declarations: i64,
    #[sqlx(skip)]
    pub recusals: i64,
    pub created_at: i64,
}

crate::read::record!(PortalInitiative { id, title_he, title_ar, title_en, stage: try_from String, businesses_he: skip, businesses_ar: skip, businesses_en: skip, integrity_competition, integrity_exemption, integrity_exemption_text, call_id: skip, notice_outcome: skip, declarations: skip, recusals: skip, created_at });

impl PortalInitiative {
    pub fn title(&self, lang: Language) -> &str {
        pick_name([&self.title_he, &self.title_ar, &self.title_en], lang)
    }

    pub fn businesses(&self, lang: Language) -> &str {
        pick_name(
            [
                &self.businesses_he,
                &self.businesses_ar,
                &self.businesses_en,
            ],
            lang,
        )
    }

    /// How the business partner was chosen.
    pub fn choice(&self) -> shutaf_domain::integrity::Choice {
        shutaf_domain::integrity::Choice::of(
            self.call_id.is_some(),
            self.notice_outcome.is_some(),
            self.integrity_competition == 1,
            self.integrity_exemption
                .as_deref()
                .and_then(shutaf_domain::integrity::Exemption::parse),
        )
    }
}

/// A declaration made in the locality, with what it was about (on a call not decided yet,
/// without its ties and details: they would tell who applied).
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct PortalDeclaration {
    pub matter: String,
    pub matter_id: i64,
    /// Whose declaration (not published: the person is named as the log disclosed them).
    #[serde(skip)]
    pub user_id: i64,
    /// The name disclosed beside the declaration's entry (empty once redacted).
    pub person: String,
    #[sqlx(skip)]
    pub person_redacted: Option<Redacted>,
    pub has_interests: i64,
    pub details: Option<String>,
    pub declared_at: i64,
    /// Ties as `relation:organisation id` pairs, `;`-separated.
    pub ties: Option<String>,
}

crate::read::record!(PortalDeclaration {
    matter,
    matter_id,
    user_id,
    person,
    person_redacted: skip,
    has_interests,
    details,
    declared_at,
    ties
});

/// A recusal made in the locality.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct PortalRecusal {
    pub matter: String,
    pub matter_id: i64,
    #[serde(skip)]
    pub user_id: i64,
    /// The name disclosed beside the recusal's entry (empty once redacted).
    pub person: String,
    #[sqlx(skip)]
    pub person_redacted: Option<Redacted>,
    pub party_organisation_id: i64,
    pub party_he: Option<String>,
    pub party_ar: Option<String>,
    pub party_en: Option<String>,
    pub recorded_at: i64,
}

crate::read::record!(PortalRecusal {
    matter,
    matter_id,
    user_id,
    person,
    person_redacted: skip,
    party_organisation_id,
    party_he,
    party_ar,
    party_en,
    recorded_at
});

impl PortalRecusal {
    pub fn party(&self, lang: Language) -> &str {
        pick_name([&self.party_he, &self.party_ar, &self.party_en], lang)
    }
}

/// The names of a business partner in each language's order of preference: its own name in
/// the language, then the others (as the lists shown elsewhere fall back).
const NAME_ORDER: [[usize; 3]; 3] = [[0, 1, 2], [1, 0, 2], [2, 0, 1]];

/// What the portal's list of initiatives is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct PortalFilter {
    /// Words of the title.
    pub search: String,
    pub stage: Option<Stage>,
    /// How the business partner was chosen.
    pub choice: Option<shutaf_domain::integrity::Choice>,
}

/// The SQL condition for a way of choosing (no user input in it).
fn choice_condition(choice: shutaf_domain::integrity::Choice) -> &'static str {
    use shutaf_domain::integrity::Choice;
    const CALL: &str =
        "EXISTS (SELECT 1 FROM calls c WHERE c.initiative_id = i.id AND c.status = 'awarded')";
    match choice {
        Choice::OpenCall => CALL,
        Choice::CompetingProposals => {
            "(NOT EXISTS (SELECT 1 FROM calls c WHERE c.initiative_id = i.id AND c.status = 'awarded') \
             AND EXISTS (SELECT 1 FROM competition_notices n WHERE n.initiative_id = i.id AND n.outcome IS NOT NULL))"
        }
        Choice::Competition => {
            "(i.integrity_competition = 1 AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.initiative_id = i.id AND c.status = 'awarded') \
             AND NOT EXISTS (SELECT 1 FROM competition_notices n WHERE n.initiative_id = i.id AND n.outcome IS NOT NULL))"
        }
        Choice::Exempt(_) => {
            "(i.integrity_exemption IS NOT NULL AND i.integrity_competition = 0 \
             AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.initiative_id = i.id AND c.status = 'awarded') \
             AND NOT EXISTS (SELECT 1 FROM competition_notices n WHERE n.initiative_id = i.id AND n.outcome IS NOT NULL))"
        }
        Choice::Unrecorded => {
            "(i.integrity_exemption IS NULL AND i.integrity_competition = 0 \
             AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.initiative_id = i.id AND c.status = 'awarded') \
             AND NOT EXISTS (SELECT 1 FROM competition_notices n WHERE n.initiative_id = i.id AND n.outcome IS NOT NULL))"
        }
    }
}

/// The portal's list narrowed by `filter`: its condition (fixed texts, one for each combination
/// of filters used: no value is formatted into it) and the values bound to `$1`–`$3`.
fn filtered(filter: &PortalFilter) -> (String, String, &'static str) {
    let pattern = format!(
        "%{}%",
        filter.search.trim().to_lowercase().replace(['%', '_'], "")
    );
    let stage = filter.stage.map(|s| s.code()).unwrap_or("");
    let choice = filter.choice.map(choice_condition).unwrap_or("1 = 1");
    // The unused filters compare their (still bound) values only, touching no column: so
    // the unfiltered list and its count are read from the index alone.
    let search = if filter.search.trim().is_empty() {
        "$2 = '%%'"
    } else {
        "(LOWER(COALESCE(i.title_he, '')) LIKE $2 OR LOWER(COALESCE(i.title_ar, '')) LIKE $2 OR LOWER(COALESCE(i.title_en, '')) LIKE $2)"
    };
    let stage_condition = if stage.is_empty() {
        "$3 = ''"
    } else {
        "i.stage = $3"
    };
    (
        format!(
            "i.locality_id = $1 AND i.business_partner = 1 AND {search} AND {stage_condition} AND {choice}"
        ),
        pattern,
        stage,
    )
}

impl Db {
    /// A locality's initiatives with an active business partner, newest first, narrowed by
    /// `filter`: at most `limit` of them, those with ids below `before` (keyset pagination:
    /// `None` from the newest; the next page starts before the last id of this one). Each page
    /// costs the same wherever it is in the list, and there is no total: see
    /// [`Db::portal_initiative_count`].
    ///
    /// The page's ids are chosen from the index `(locality_id, business_partner, id)` first;
    /// the per-row columns are computed for those only. The declarations and recusals are
    /// counted by correlated subqueries, each an index seek on the tables' primary keys
    /// `(matter, matter_id, …)` (checked with `EXPLAIN`): a grouped query for the page's ids
    /// would read the same index entries in one more statement.
    pub async fn portal_initiatives(
        &self,
        locality_id: i64,
        filter: &PortalFilter,
        before: Option<i64>,
        limit: i64,
    ) -> StoreResult<Vec<PortalInitiative>> {
        let (condition, pattern, stage) = filtered(filter);
        let sql = format!(
            "SELECT i.id, i.title_he, i.title_ar, i.title_en, i.stage, \
             i.integrity_competition, i.integrity_exemption, i.integrity_exemption_text, i.created_at \
             FROM initiatives i WHERE i.id IN (SELECT i.id FROM initiatives i WHERE {condition} AND i.id < $4 ORDER BY i.id DESC LIMIT $5) \
             ORDER BY i.id DESC"
        );
        let mut rows: Vec<PortalInitiative> = self
            .read_all(
                &sql,
                args![
                    locality_id,
                    &pattern,
                    stage,
                    before.unwrap_or(i64::MAX),
                    limit
                ],
            )
            .await?;
        self.attach_businesses(&mut rows).await?;
        self.attach_choices(&mut rows).await?;
        Ok(rows)
    }

    /// Each initiative's awarded call (the first, by id), its competition notice's outcome,
    /// and its declarations and recusals counted, for all the rows in one statement: four
    /// correlated subqueries a row took 40 of the largest locality's download's 185 ms.
    async fn attach_choices(&self, rows: &mut [PortalInitiative]) -> StoreResult<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "SELECT 'call', c.initiative_id, MIN(c.id), CAST(NULL AS TEXT) FROM calls c \
             WHERE c.initiative_id {ids} AND c.status = 'awarded' GROUP BY c.initiative_id \
             UNION ALL SELECT 'notice', n.initiative_id, CAST(NULL AS BIGINT), n.outcome FROM competition_notices n \
             WHERE n.initiative_id {ids} \
             UNION ALL SELECT 'declarations', d.matter_id, COUNT(*), CAST(NULL AS TEXT) FROM declarations d \
             WHERE d.matter = 'initiative' AND d.matter_id {ids} GROUP BY d.matter_id \
             UNION ALL SELECT 'recusals', r.matter_id, COUNT(*), CAST(NULL AS TEXT) FROM recusals r \
             WHERE r.matter = 'initiative' AND r.matter_id {ids} GROUP BY r.matter_id",
            ids = self.in_ids(1)
        );
        let found: Vec<(String, i64, Option<i64>, Option<String>)> = self
            .read_all(&sql, args![self.id_list(rows.iter().map(|r| r.id))])
            .await?;
        let at: std::collections::HashMap<i64, usize> =
            rows.iter().enumerate().map(|(at, r)| (r.id, at)).collect();
        for (what, initiative, number, outcome) in found {
            let Some(row) = at.get(&initiative).map(|&at| &mut rows[at]) else {
                continue;
            };
            match what.as_str() {
                "call" => row.call_id = number,
                "notice" => row.notice_outcome = outcome,
                "declarations" => row.declarations = number.unwrap_or(0),
                "recusals" => row.recusals = number.unwrap_or(0),
                _ => {}
            }
        }
        Ok(())
    }

    /// Each initiative's active business partners' names, for all the rows in one statement.
    /// Three correlated subqueries a row (one a language) took two thirds of the largest
    /// locality's download: 135 of 185 ms for its 6,600 rows (issue 12).
    async fn attach_businesses(&self, rows: &mut [PortalInitiative]) -> StoreResult<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "SELECT p.initiative_id, o.name_he, o.name_ar, o.name_en FROM initiative_partners p \
             JOIN organisations o ON o.id = p.organisation_id \
             WHERE p.initiative_id {} AND p.status = 'active' AND o.sector = 'business' \
             ORDER BY p.initiative_id, o.id",
            self.in_ids(1)
        );
        type Names = (i64, Option<String>, Option<String>, Option<String>);
        let found: Vec<Names> = self
            .read_all(&sql, args![self.id_list(rows.iter().map(|r| r.id))])
            .await?;
        let mut by_initiative: std::collections::HashMap<i64, Vec<[Option<String>; 3]>> =
            std::collections::HashMap::new();
        for (initiative, he, ar, en) in found {
            by_initiative
                .entry(initiative)
                .or_default()
                .push([he, ar, en]);
        }
        for row in rows.iter_mut() {
            let Some(partners) = by_initiative.get(&row.id) else {
                continue;
            };
            let [he, ar, en] = NAME_ORDER.map(|order| {
                let names: Vec<&str> = partners
                    .iter()
                    .filter_map(|names| order.iter().find_map(|&at| names[at].as_deref()))
                    .collect();
                (!names.is_empty()).then(|| names.join("; "))
            });
            (row.businesses_he, row.businesses_ar, row.businesses_en) = (he, ar, en);
        }
        Ok(())
    }

    /// How many initiatives [`Db::portal_initiatives`] lists, counting at most `cap + 1` of
    /// them: a result above `cap` means "more than `cap`" (shown as "1,000+"). No request
    /// counts a large city's whole list.
    pub async fn portal_initiative_count(
        &self,
        locality_id: i64,
        filter: &PortalFilter,
        cap: i64,
    ) -> StoreResult<i64> {
        let (condition, pattern, stage) = filtered(filter);
        self.read_scalar(&format!(
            "SELECT COUNT(*) FROM (SELECT i.id FROM initiatives i WHERE {condition} LIMIT $4) capped"
        ), args![locality_id, &pattern, stage, cap.saturating_add(1)]).await
    }

    /// The id of the list's row after the first `skip` (newest first), where the downloads'
    /// `?page=n` starts: `None` past the end. One walk over `skip` entries of the index (the
    /// portal's own pages never skip: they go by keyset).
    pub async fn portal_initiative_at(
        &self,
        locality_id: i64,
        filter: &PortalFilter,
        skip: i64,
    ) -> StoreResult<Option<i64>> {
        let (condition, pattern, stage) = filtered(filter);
        self.read_scalar_optional(&format!(
            "SELECT i.id FROM initiatives i WHERE {condition} ORDER BY i.id DESC LIMIT 1 OFFSET $4"
        ), args![locality_id, &pattern, stage, skip]).await
    }
}

impl Db {
    /// The declarations made on the locality's initiatives and calls, newest first.
    pub async fn portal_declarations(
        &self,
        locality_id: i64,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<PortalDeclaration>> {
        let ties = match self.backend {
            crate::Backend::Sqlite => {
                "GROUP_CONCAT(t.relation || ':' || t.party_organisation_id, ';')"
            }
            crate::Backend::Postgres => {
                "STRING_AGG(t.relation || ':' || t.party_organisation_id, ';' ORDER BY t.party_organisation_id)"
            }
        };
        // The locality's newest from its own index (each declaration carries its matter's
        // locality), and only the page's rows joined to their people: an `OR` of initiatives
        // and calls had PostgreSQL hash every user of the hub for each portal page (125 ms).
        // On a call not decided yet the ties and the details would tell who applied: sealed.
        // Looked up by key for the page's calls (a list of every undecided call was read for
        // each page).
        let sealed = "d.matter = 'call' AND EXISTS (SELECT 1 FROM calls c WHERE c.id = d.matter_id AND c.status IN ('draft', 'open'))";
        let mut rows: Vec<PortalDeclaration> = self.read_all(&format!(
            "SELECT d.matter, d.matter_id, d.user_id, u.display_name AS person, d.has_interests, \
             CASE WHEN {sealed} THEN NULL ELSE d.details END AS details, d.declared_at, \
             CASE WHEN {sealed} THEN NULL ELSE \
             (SELECT {ties} FROM declaration_ties t WHERE t.matter = d.matter AND t.matter_id = d.matter_id AND t.user_id = d.user_id) END AS ties \
             FROM (SELECT d.* FROM declarations d WHERE d.locality_id = $1 \
                   ORDER BY d.declared_at DESC, d.matter_id DESC LIMIT $2 OFFSET $3) d \
             JOIN users u ON u.id = d.user_id ORDER BY d.declared_at DESC, d.matter_id DESC"
        ), args![locality_id, limit, offset]).await?;
        if rows.is_empty() {
            return Ok(rows);
        }
        let matters: Vec<Matter> = rows
            .iter()
            .map(|d| matter(&d.matter, d.matter_id))
            .collect();
        let names = self
            .names_beside_page("interests-declared", locality_id, &matters)
            .await?;
        named(
            &names,
            rows.iter_mut().map(|d| {
                (
                    d.matter.as_str(),
                    d.matter_id,
                    d.user_id,
                    None,
                    &mut d.person,
                    &mut d.person_redacted,
                )
            }),
        );
        Ok(rows)
    }

    /// The recusals on the locality's initiatives and decided calls, newest first. A recusal on
    /// a call not decided yet names an applicant, sealed until the decision: it is left out.
    pub async fn portal_recusals(
        &self,
        locality_id: i64,
        limit: i64,
    ) -> StoreResult<Vec<PortalRecusal>> {
        let mut rows: Vec<PortalRecusal> = self.read_all(
            "SELECT r.matter, r.matter_id, r.user_id, u.display_name AS person, r.party_organisation_id, o.name_he AS party_he, \
             o.name_ar AS party_ar, o.name_en AS party_en, r.recorded_at \
             FROM recusals r JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = r.party_organisation_id \
             WHERE r.locality_id = $1 AND NOT (r.matter = 'call' AND EXISTS (SELECT 1 FROM calls c \
                 WHERE c.id = r.matter_id AND c.status IN ('draft', 'open'))) \
             ORDER BY r.recorded_at DESC LIMIT $2",
        args![locality_id, limit]).await?;
        if rows.is_empty() {
            return Ok(rows);
        }
        let matters: Vec<Matter> = rows
            .iter()
            .map(|r| matter(&r.matter, r.matter_id))
            .collect();
        let names = self
            .names_beside_page("recused", locality_id, &matters)
            .await?;
        named(
            &names,
            rows.iter_mut().map(|r| {
                (
                    r.matter.as_str(),
                    r.matter_id,
                    r.user_id,
                    Some(r.party_organisation_id),
                    &mut r.person,
                    &mut r.person_redacted,
                )
            }),
        );
        Ok(rows)
    }
}

/// A page of a locality's published calls as the OCDS download pages them (newest first), told
/// before any call is read in full: how many, their lowest and highest ids, and the latest date
/// any of their releases carries (the package's `publishedDate`, written before the releases).
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromRow)]
pub struct CallsPage {
    pub calls: i64,
    pub first_id: Option<i64>,
    pub last_id: Option<i64>,
    pub latest: Option<i64>,
}

crate::read::record!(CallsPage {
    calls,
    first_id,
    last_id,
    latest
});

impl Db {
    /// The page of `limit` published calls from `offset` (newest first) of a locality, in
    /// one statement; see [`CallsPage`]. A release's date is its decision for an ended call,
    /// else the latest of its publication (or creation), its applications and its own
    /// documents (`web::ocds`, `release_date`).
    pub async fn ocds_calls_page(
        &self,
        locality_id: i64,
        limit: i64,
        offset: i64,
    ) -> StoreResult<CallsPage> {
        let greatest = match self.backend {
            crate::Backend::Sqlite => "MAX",
            crate::Backend::Postgres => "GREATEST",
        };
        self.read_one(&format!(
            "SELECT COUNT(*) AS calls, MIN(c.id) AS first_id, MAX(c.id) AS last_id, \
             MAX(CASE WHEN c.status IN ('awarded', 'cancelled') AND c.decided_at IS NOT NULL THEN c.decided_at \
             ELSE {greatest}(COALESCE(c.published_at, c.created_at), \
             COALESCE((SELECT MAX(a.submitted_at) FROM call_applications a WHERE a.call_id = c.id), 0), \
             COALESCE((SELECT MAX(t.uploaded_at) FROM attachments t WHERE t.call_id = c.id AND t.application_id IS NULL), 0)) \
             END) AS latest \
             FROM calls c WHERE c.id IN (SELECT id FROM calls WHERE locality_id = $1 AND status <> 'draft' \
             ORDER BY id DESC LIMIT $2 OFFSET $3)"
        ), args![locality_id, limit, offset]).await
    }
}
