//! Organisations: the first-class accounts of the hub's partners, their members, invitations,
//! contributions, localities and the public directory.

use serde::Serialize;
use shutaf_domain::{ContributionType, Language, MemberRole, OrganisationKind, Sector, search};
use sqlx::{AnyConnection, FromRow};

use crate::journal;
use crate::read::args;
use crate::{Db, StoreError, StoreResult, abort, random_token, token_hash};

/// Picks the name in `lang`, else the first one given (Hebrew, Arabic, English).
pub fn pick_name(names: [&Option<String>; 3], lang: Language) -> &str {
    let index = match lang {
        Language::He => 0,
        Language::Ar => 1,
        Language::En => 2,
    };
    names[index]
        .as_deref()
        .or_else(|| names.iter().find_map(|n| n.as_deref()))
        .unwrap_or("")
}

/// An organisation's full profile.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Organisation {
    pub id: i64,
    pub name_he: Option<String>,
    pub name_ar: Option<String>,
    pub name_en: Option<String>,
    #[sqlx(try_from = "String")]
    pub sector: Sector,
    #[sqlx(try_from = "String")]
    pub kind: OrganisationKind,
    pub description: Option<String>,
    pub website: Option<String>,
    pub contributions_text: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    #[sqlx(skip)]
    pub contributions: Vec<ContributionType>,
    #[sqlx(skip)]
    pub locality_ids: Vec<i64>,
}

crate::read::record!(Organisation { id, name_he, name_ar, name_en, sector: try_from String, kind: try_from String, description, website, contributions_text, created_at, updated_at, contributions: skip, locality_ids: skip });

impl Organisation {
    pub fn name(&self, lang: Language) -> &str {
        pick_name([&self.name_he, &self.name_ar, &self.name_en], lang)
    }
}

const ORGANISATION_COLUMNS: &str = "id, name_he, name_ar, name_en, sector, kind, description, website, contributions_text, created_at, updated_at";

/// An organisation as listed in the directory.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct OrganisationSummary {
    pub id: i64,
    pub name_he: Option<String>,
    pub name_ar: Option<String>,
    pub name_en: Option<String>,
    #[sqlx(try_from = "String")]
    pub sector: Sector,
    #[sqlx(try_from = "String")]
    pub kind: OrganisationKind,
    #[sqlx(skip)]
    pub contributions: Vec<ContributionType>,
}

crate::read::record!(OrganisationSummary { id, name_he, name_ar, name_en, sector: try_from String, kind: try_from String, contributions: skip });

impl OrganisationSummary {
    pub fn name(&self, lang: Language) -> &str {
        pick_name([&self.name_he, &self.name_ar, &self.name_en], lang)
    }
}

/// A validated organisation profile, for creating or updating.
#[derive(Debug, Clone, Default)]
pub struct NewOrganisation {
    /// Names in Hebrew, Arabic and English; at least one.
    pub names: [Option<String>; 3],
    pub sector: Option<Sector>,
    pub kind: Option<OrganisationKind>,
    pub description: Option<String>,
    pub website: Option<String>,
    pub contributions: Vec<ContributionType>,
    pub contributions_text: Option<String>,
    pub locality_ids: Vec<i64>,
}

/// Filters of the public directory; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct DirectoryFilter {
    pub q: Option<String>,
    pub sector: Option<Sector>,
    pub kind: Option<OrganisationKind>,
    pub locality_id: Option<i64>,
    pub contribution: Option<ContributionType>,
    /// The reader's language, for ordering by name.
    pub lang: Language,
    /// Where the page starts: none for the first page.
    pub cursor: Option<Cursor>,
    /// The page's number as the reader counts (1-based): shown, never used to skip rows.
    pub page: u32,
    pub per_page: u32,
}

/// A place in the directory's order (keyset pagination: a page starts from the last name
/// seen, so page 5,000 costs what page 1 does, and rows added meanwhile shift nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    /// The rows after this one.
    After { key: String, id: i64 },
    /// The rows before this one (a "previous" link).
    Before { key: String, id: i64 },
}

impl Cursor {
    /// `a<id>-<sort key>` or `b<id>-<sort key>`: what links and the API carry.
    pub fn encode(&self) -> String {
        match self {
            Cursor::After { key, id } => format!("a{id}-{key}"),
            Cursor::Before { key, id } => format!("b{id}-{key}"),
        }
    }

    /// A cursor read back; anything else is `None` (the first page).
    pub fn parse(text: &str) -> Option<Cursor> {
        let (direction, rest) = text.split_at_checked(1)?;
        let (id, key) = rest.split_once('-')?;
        let id: i64 = id.parse().ok()?;
        let key = key.chars().take(400).collect();
        match direction {
            "a" => Some(Cursor::After { key, id }),
            "b" => Some(Cursor::Before { key, id }),
            _ => None,
        }
    }
}

/// One page of the directory.
#[derive(Debug, Clone)]
pub struct Directory {
    pub items: Vec<OrganisationSummary>,
    /// Kept for the unfiltered directory, a sector or a locality; capped for the rest.
    pub total: crate::Count,
    pub page: u32,
    pub per_page: u32,
    /// The page after this one, if any.
    pub next: Option<Cursor>,
    /// The page before this one, if any (`None` also on the first page).
    pub previous: Option<Cursor>,
}

impl Directory {
    /// How many pages there are, when the total is exact.
    pub fn pages(&self) -> Option<u32> {
        (!self.total.capped).then(|| {
            ((self.total.n.max(0) as u64).div_ceil(self.per_page.max(1) as u64)).max(1) as u32
        })
    }
}

/// A directory row with the key it is ordered by (for the cursors).
#[derive(FromRow)]
struct KeyedSummary {
    #[sqlx(flatten)]
    summary: OrganisationSummary,
    sort_key: String,
    /// The contributions it offers, as `matching_profiles.offers_bits` keeps them.
    offers_bits: i64,
}

crate::read::record!(KeyedSummary {
    summary: flatten,
    sort_key,
    offers_bits
});

/// A member of an organisation.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Member {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: MemberRole,
}

crate::read::record!(Member { user_id, display_name, email, role: try_from String });

/// An invitation to join an organisation.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Invitation {
    pub id: i64,
    pub organisation_id: i64,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: MemberRole,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
}

crate::read::record!(Invitation { id, organisation_id, email, role: try_from String, created_at, expires_at, accepted_at });

const INVITATION_LIFETIME: i64 = 14 * 24 * 3600;

/// A value bound to a dynamically built query.
enum Bind {
    Int(i64),
    Text(String),
}

fn bind_args(binds: &[Bind]) -> Vec<crate::read::Arg> {
    binds
        .iter()
        .map(|bind| match bind {
            Bind::Int(v) => (*v).into(),
            Bind::Text(v) => v.into(),
        })
        .collect()
}

/// Sort keys in Hebrew, Arabic and English order: each the normalised name in that language, or
/// the first name given when there is none. Bulk loads ([`crate::bulk`]) fill them the same way.
pub(crate) fn sort_names(names: &[Option<String>; 3]) -> [String; 3] {
    let first = names.iter().find_map(|n| n.as_deref()).unwrap_or("");
    let key = |name: &Option<String>| {
        search::normalise(name.as_deref().unwrap_or(first))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    [key(&names[0]), key(&names[1]), key(&names[2])]
}

fn sort_column(lang: Language) -> &'static str {
    match lang {
        Language::He => "sort_he",
        Language::Ar => "sort_ar",
        Language::En => "sort_en",
    }
}

/// The directory's search terms of an organisation: every form of every word of its names,
/// description and free-text contributions (at most 2,000). Bulk loads use the same terms.
pub(crate) fn search_terms(org: &NewOrganisation) -> Vec<String> {
    let text = [
        org.names[0].as_deref(),
        org.names[1].as_deref(),
        org.names[2].as_deref(),
        org.description.as_deref(),
        org.contributions_text.as_deref(),
    ]
    .iter()
    .flatten()
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    search::index_terms(&text).into_iter().take(2000).collect()
}

async fn write_details(
    conn: &mut AnyConnection,
    id: i64,
    org: &NewOrganisation,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM organisation_contributions WHERE organisation_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let mut contributions = org.contributions.clone();
    contributions.sort();
    contributions.dedup();
    for contribution in contributions {
        sqlx::query("INSERT INTO organisation_contributions (organisation_id, contribution) VALUES ($1, $2)")
            .bind(id)
            .bind(contribution.code())
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM organisation_localities WHERE organisation_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let mut localities = org.locality_ids.clone();
    localities.sort();
    localities.dedup();
    for locality in localities {
        sqlx::query(
            "INSERT INTO organisation_localities (organisation_id, locality_id) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(locality)
        .execute(&mut *conn)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(db) if db.is_foreign_key_violation() => StoreError::NotFound,
            _ => StoreError::Database(e),
        })?;
    }
    sqlx::query("DELETE FROM organisation_search_terms WHERE organisation_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for term in search_terms(org) {
        sqlx::query(
            "INSERT INTO organisation_search_terms (term, organisation_id) VALUES ($1, $2)",
        )
        .bind(term)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

impl Db {
    /// Creates an organisation with its creator as owner, in one transaction.
    pub async fn create_organisation(
        &self,
        org: &NewOrganisation,
        owner: i64,
    ) -> StoreResult<Organisation> {
        let mut tx = self.write_tx().await?;
        let id = insert_organisation(&mut tx, org, Some(owner)).await?;
        sqlx::query("INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(owner)
            .bind(MemberRole::Owner.code())
            .bind(tx.at)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.organisation(id).await?.ok_or(StoreError::NotFound)
    }

    /// Creates an organisation without members (for the demo and imports).
    pub async fn create_organisation_unowned(&self, org: &NewOrganisation) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let id = insert_organisation(&mut tx, org, None).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_organisation(&self, id: i64, org: &NewOrganisation) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let [sort_he, sort_ar, sort_en] = sort_names(&org.names);
        let mut tx = journal::guarded(tx, sqlx::query(
            "UPDATE organisations SET name_he = $1, name_ar = $2, name_en = $3, sort_he = $4, sort_ar = $5, sort_en = $6, \
             sector = $7, kind = $8, description = $9, website = $10, contributions_text = $11, updated_at = $12 WHERE id = $13",
        )
        .bind(org.names[0].as_deref())
        .bind(org.names[1].as_deref())
        .bind(org.names[2].as_deref())
        .bind(sort_he)
        .bind(sort_ar)
        .bind(sort_en)
        .bind(org.sector.map(Sector::code).unwrap_or_default())
        .bind(org.kind.map(OrganisationKind::code).unwrap_or_default())
        .bind(org.description.as_deref())
        .bind(org.website.as_deref())
        .bind(org.contributions_text.as_deref())
        .bind(self.now())
        .bind(id), StoreError::NotFound).await?;
        write_details(&mut tx, id, org).await?;
        // Its sector may have changed: the portal's flag of its partnerships follows.
        crate::initiatives::refresh_business_partner(
            &mut tx,
            "id IN (SELECT initiative_id FROM initiative_partners WHERE organisation_id = $1)",
            Some(id),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// An organisation with its contributions and localities.
    pub async fn organisation(&self, id: i64) -> StoreResult<Option<Organisation>> {
        let sql = format!("SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE id = $1");
        let Some(mut org): Option<Organisation> = self.read_optional(&sql, args![id]).await? else {
            return Ok(None);
        };
        let codes: Vec<String> =
            self.read_column("SELECT contribution FROM organisation_contributions WHERE organisation_id = $1 ORDER BY contribution", args![id]).await?;
        org.contributions = codes
            .iter()
            .filter_map(|c| ContributionType::parse(c))
            .collect();
        org.contributions.sort();
        org.locality_ids =
            self.read_column("SELECT locality_id FROM organisation_localities WHERE organisation_id = $1 ORDER BY locality_id", args![id]).await?;
        Ok(Some(org))
    }

    /// One page of the public directory, with its total (kept or capped) and the cursors of
    /// the pages beside it. Keyset pagination: the page is the `per_page` rows after (or
    /// before) the cursor in the reader's name order, read from the sort index.
    pub async fn directory(&self, filter: &DirectoryFilter) -> StoreResult<Directory> {
        let searching = filter.q.as_deref().is_some_and(|q| !q.trim().is_empty());
        // The total: kept where the filter is one the tallies follow, capped otherwise.
        let only = |sector: bool, locality: bool| {
            !searching
                && filter.kind.is_none()
                && filter.contribution.is_none()
                && filter.sector.is_some() == sector
                && filter.locality_id.is_some() == locality
        };
        let kept = if only(false, false) || only(true, false) {
            Some(crate::Count::exact(
                self.organisation_count(filter.sector).await?,
            ))
        } else if let (true, Some(locality)) = (only(false, true), filter.locality_id) {
            Some(crate::Count::exact(self.member_count(locality).await?))
        } else {
            None
        };
        // Filtered by a locality, a page is one range of the locality's kept name index
        // (`directory_places`), the sector and the contributions checked in the index itself;
        // otherwise the organisations' own name index is walked, the filters checked row by
        // row.
        let placed = filter.locality_id.is_some();
        let from = if placed {
            "directory_places d JOIN organisations o ON o.id = d.organisation_id"
        } else {
            "organisations o"
        };
        let words_alone = searching
            && !placed
            && filter.kind.is_none()
            && filter.sector.is_none()
            && filter.contribution.is_none();
        let word_count = words_alone
            .then(|| word_count_sql(filter.q.as_deref(), crate::tallies::CAPPED))
            .flatten();
        let total = match (kept, word_count) {
            (Some(total), _) => total,
            (None, Some((sql, binds))) => {
                crate::Count::capped(self.read_scalar_by_values(&sql, &bind_args(&binds)).await?)
            }
            (None, None) => {
                let (conditions, binds) = directory_conditions(filter, self.backend);
                // Only a kind or words need the organisation itself; the rest is in the index.
                let from = if placed && filter.kind.is_none() && !searching {
                    "directory_places d"
                } else {
                    from
                };
                let count_sql = format!(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM {from} WHERE {} LIMIT {}) c",
                    conditions.join(" AND "),
                    crate::tallies::CAPPED
                );
                crate::Count::capped(
                    self.read_scalar_by_values(&count_sql, &bind_args(&binds))
                        .await?,
                )
            }
        };
        let per_page = filter.per_page.clamp(1, 100);
        let sort = sort_column(filter.lang);
        // The key the page is ordered by: the locality's row's copy, or the organisation's.
        // The contributions come with the row: the locality's row has them, the organisations'
        // kept profile otherwise (read for the page's rows only).
        let (key, id, offers) = if placed {
            (format!("d.{sort}"), "d.organisation_id", "d.offers_bits")
        } else {
            (
                format!("o.{sort}"),
                "o.id",
                "(SELECT mp.offers_bits FROM matching_profiles mp WHERE mp.organisation_id = o.id)",
            )
        };
        let (mut conditions, mut binds) = directory_conditions(filter, self.backend);
        let param = |binds: &mut Vec<Bind>, value: Bind| {
            binds.push(value);
            format!("${}", binds.len())
        };

        let (backwards, order) = match &filter.cursor {
            Some(Cursor::After {
                key: after,
                id: after_id,
            }) => {
                let k = param(&mut binds, Bind::Text(after.clone()));
                let i = param(&mut binds, Bind::Int(*after_id));
                conditions.push(format!("({key}, {id}) > ({k}, {i})"));
                (false, "ASC")
            }
            Some(Cursor::Before {
                key: before,
                id: before_id,
            }) => {
                let k = param(&mut binds, Bind::Text(before.clone()));
                let i = param(&mut binds, Bind::Int(*before_id));
                conditions.push(format!("({key}, {id}) < ({k}, {i})"));
                (true, "DESC")
            }
            None => (false, "ASC"),
        };
        let filter_sql = format!("WHERE {}", conditions.join(" AND "));
        // One row more than the page says whether there is a page beyond it.
        // Searched without a locality, the page's ids are chosen first, by the sort key alone,
        // and only they are read whole: ordering a common word's 12,600 matches with all the
        // columns (and each one's offers) took 47 ms, its ids alone 21 ms.
        let columns = format!(
            "o.id, o.name_he, o.name_ar, o.name_en, o.sector, o.kind, {key} AS sort_key, {offers} AS offers_bits"
        );
        let order_by = format!("ORDER BY {key} {order}, {id} {order}");
        let rows_wanted = per_page + 1;
        let list_sql = if searching && !placed {
            format!(
                "SELECT {columns} FROM organisations o WHERE o.id IN \
                 (SELECT o.id FROM {from} {filter_sql} {order_by} LIMIT {rows_wanted}) {order_by}"
            )
        } else {
            format!("SELECT {columns} FROM {from} {filter_sql} {order_by} LIMIT {rows_wanted}")
        };
        let mut rows: Vec<KeyedSummary> = self
            .read_all_by_values(&list_sql, &bind_args(&binds))
            .await?;
        let beyond = rows.len() > per_page as usize;
        rows.truncate(per_page as usize);
        if backwards {
            rows.reverse();
        }
        let at = |row: Option<&KeyedSummary>, after: bool| {
            row.map(|r| {
                let (key, id) = (r.sort_key.clone(), r.summary.id);
                if after {
                    Cursor::After { key, id }
                } else {
                    Cursor::Before { key, id }
                }
            })
        };
        let (next, previous) = match (&filter.cursor, backwards) {
            (None, _) => (beyond.then(|| at(rows.last(), true)).flatten(), None),
            (Some(_), false) => (
                beyond.then(|| at(rows.last(), true)).flatten(),
                at(rows.first(), false),
            ),
            (Some(_), true) => (
                at(rows.last(), true),
                beyond.then(|| at(rows.first(), false)).flatten(),
            ),
        };
        let items: Vec<OrganisationSummary> = rows
            .into_iter()
            .map(|r| OrganisationSummary {
                contributions: crate::matching::offers(r.offers_bits),
                ..r.summary
            })
            .collect();
        Ok(Directory {
            items,
            total,
            page: if filter.cursor.is_some() {
                filter.page.max(1)
            } else {
                1
            },
            per_page,
            next,
            previous,
        })
    }

    /// Loads the contributions of a page of organisations in one query (no N+1).
    async fn attach_contributions(&self, items: &mut [OrganisationSummary]) -> StoreResult<()> {
        if items.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "SELECT organisation_id, contribution FROM organisation_contributions WHERE organisation_id {} ORDER BY contribution",
            self.in_ids(1)
        );
        let rows: Vec<(i64, String)> = self
            .read_all(&sql, args![self.id_list(items.iter().map(|o| o.id))])
            .await?;
        for item in items.iter_mut() {
            item.contributions = rows
                .iter()
                .filter(|(id, _)| *id == item.id)
                .filter_map(|(_, code)| ContributionType::parse(code))
                .collect();
            item.contributions.sort();
        }
        Ok(())
    }

    /// The organisations a person belongs to, with their role.
    /// The organisations a person is a member of, with their role: ids only, in one statement
    /// (what deciding who may act needs).
    pub async fn memberships_of(&self, user_id: i64) -> StoreResult<Vec<(i64, MemberRole)>> {
        let rows: Vec<(i64, String)> = self.read_all("SELECT organisation_id, role FROM memberships WHERE user_id = $1 ORDER BY organisation_id", args![user_id]).await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, role)| Some((id, MemberRole::parse(&role)?)))
            .collect())
    }

    pub async fn organisations_of(
        &self,
        user_id: i64,
    ) -> StoreResult<Vec<(OrganisationSummary, MemberRole)>> {
        let rows: Vec<(i64, String)> =
            self.read_all("SELECT organisation_id, role FROM memberships WHERE user_id = $1 ORDER BY organisation_id", args![user_id]).await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT id, name_he, name_ar, name_en, sector, kind FROM organisations WHERE id {} ORDER BY sort_he, id",
            self.in_ids(1)
        );
        let mut orgs: Vec<OrganisationSummary> = self
            .read_all(&sql, args![self.id_list(rows.iter().map(|(id, _)| *id))])
            .await?;
        self.attach_contributions(&mut orgs).await?;
        Ok(orgs
            .into_iter()
            .filter_map(|org| {
                let role = rows
                    .iter()
                    .find(|(id, _)| *id == org.id)
                    .and_then(|(_, r)| MemberRole::parse(r))?;
                Some((org, role))
            })
            .collect())
    }

    /// Organisations by id, as listed (contributions included), in no particular order.
    pub async fn organisation_summaries(
        &self,
        ids: &[i64],
    ) -> StoreResult<Vec<OrganisationSummary>> {
        let mut orgs = self.organisation_names(ids).await?;
        self.attach_contributions(&mut orgs).await?;
        Ok(orgs)
    }

    /// Organisations by id with their names, sector and kind but not their contributions (left
    /// empty), in no particular order: what a page that only names them needs, in one statement.
    pub async fn organisation_names(&self, ids: &[i64]) -> StoreResult<Vec<OrganisationSummary>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT id, name_he, name_ar, name_en, sector, kind FROM organisations WHERE id {}",
            self.in_ids(1)
        );
        self.read_all(&sql, args![self.id_list(ids.iter().copied())])
            .await
    }

    pub async fn role_in(
        &self,
        organisation_id: i64,
        user_id: i64,
    ) -> StoreResult<Option<MemberRole>> {
        let role: Option<String> = self
            .read_scalar_optional(
                "SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2",
                args![organisation_id, user_id],
            )
            .await?;
        Ok(role.as_deref().and_then(MemberRole::parse))
    }

    pub async fn members(&self, organisation_id: i64) -> StoreResult<Vec<Member>> {
        self.read_all("SELECT m.user_id, u.display_name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.organisation_id = $1 ORDER BY m.created_at, m.user_id", args![organisation_id]).await
    }

    pub async fn owner_count(&self, organisation_id: i64) -> StoreResult<usize> {
        let count: i64 = self
            .read_scalar(
                "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND role = 'owner'",
                args![organisation_id],
            )
            .await?;
        Ok(count as usize)
    }

    pub async fn add_member(
        &self,
        organisation_id: i64,
        user_id: i64,
        role: MemberRole,
    ) -> StoreResult<()> {
        sqlx::query("INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)")
            .bind(organisation_id)
            .bind(user_id)
            .bind(role.code())
            .bind(self.now())
            .execute(&self.pool)
            .await
            .map_err(StoreError::from_write)?;
        // An organisation's page counts its members.
        self.data_changed().await
    }

    /// Sets a member's role, or removes the member with `None`. The caller has checked the rules
    /// (see `shutaf_domain::authz::change_role`); the last-owner rule is checked again here inside
    /// the transaction so two concurrent changes cannot leave an organisation without an owner.
    pub async fn set_member_role(
        &self,
        organisation_id: i64,
        user_id: i64,
        role: Option<MemberRole>,
    ) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let statement = match role {
            Some(role) => sqlx::query(
                "UPDATE memberships SET role = $1 WHERE organisation_id = $2 AND user_id = $3",
            )
            .bind(role.code()),
            None => {
                sqlx::query("DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2")
            }
        };
        let mut tx = journal::guarded(
            tx,
            statement.bind(organisation_id).bind(user_id),
            StoreError::NotFound,
        )
        .await?;
        if let Err(error) = ensure_owner_remains(&mut tx, organisation_id).await {
            return abort(tx, error).await;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Invites an email address; returns the invitation and the secret for the link.
    pub async fn create_invitation(
        &self,
        organisation_id: i64,
        email: &str,
        role: MemberRole,
        invited_by: i64,
    ) -> StoreResult<(Invitation, String)> {
        let token = random_token();
        let at = self.now();
        let invitation = sqlx::query_as(
            "INSERT INTO invitations (organisation_id, email, role, token_hash, invited_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, organisation_id, email, role, created_at, expires_at, accepted_at",
        )
        .bind(organisation_id)
        .bind(email)
        .bind(role.code())
        .bind(token_hash(&token))
        .bind(invited_by)
        .bind(at)
        .bind(at + INVITATION_LIFETIME)
        .fetch_one(&self.pool)
        .await?;
        Ok((invitation, token))
    }

    /// A live (unaccepted, unexpired) invitation by its secret.
    pub async fn invitation_by_token(&self, token: &str) -> StoreResult<Option<Invitation>> {
        self.read_optional("SELECT id, organisation_id, email, role, created_at, expires_at, accepted_at FROM invitations \
             WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2", args![token_hash(token), self.now()]).await
    }

    pub async fn pending_invitations(&self, organisation_id: i64) -> StoreResult<Vec<Invitation>> {
        self.read_all("SELECT id, organisation_id, email, role, created_at, expires_at, accepted_at FROM invitations \
             WHERE organisation_id = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY id", args![organisation_id, self.now()]).await
    }

    /// Accepts an invitation for a person: they become a member with the invited role (a person
    /// already in the organisation keeps their role). Gives the organisation's id.
    pub async fn accept_invitation(&self, token: &str, user_id: i64) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let at = tx.at;
        let found: Option<(i64, String)> = sqlx::query_as(
            "UPDATE invitations SET accepted_at = $1 WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $3 \
             RETURNING organisation_id, role",
        )
        .bind(at)
        .bind(token_hash(token))
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        let (organisation_id, role) = found.ok_or(StoreError::NotFound)?;
        sqlx::query(
            "INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (organisation_id, user_id) DO NOTHING",
        )
        .bind(organisation_id)
        .bind(user_id)
        .bind(role)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(organisation_id)
    }

    /// Every organisation on the hub (a kept count: [`crate::tallies`]).
    pub async fn count_organisations(&self) -> StoreResult<i64> {
        self.organisation_count(None).await
    }
}

/// One condition on `organisation_search_terms t` for each word searched: any form of the word
/// exactly, or the word as typed so far as a prefix. Their values are bound after `binds`.
fn term_conditions(q: Option<&str>, binds: &mut Vec<Bind>) -> Vec<String> {
    let mut param = |value: String| {
        binds.push(Bind::Text(value));
        format!("${}", binds.len())
    };
    search::query_terms(q.unwrap_or(""))
        .into_iter()
        .map(|group| {
            let mut alternatives: Vec<String> = group
                .iter()
                .map(|form| format!("t.term = {}", param(form.clone())))
                .collect();
            let low = param(group[0].clone());
            let high = param(format!("{}\u{10FFFF}", group[0]));
            alternatives.push(format!("(t.term >= {low} AND t.term < {high})"));
            alternatives.join(" OR ")
        })
        .collect()
}

/// The capped count of a search by words alone, from the words' index entries: every term
/// belongs to an organisation (the key cascades), so the organisations' rows are not read.
/// Counting through the organisations read every match's row (10 ms for a word 12,600
/// organisations use, against 0.3 ms). `None` without words.
fn word_count_sql(q: Option<&str>, cap: i64) -> Option<(String, Vec<Bind>)> {
    let mut binds = Vec::new();
    let words = term_conditions(q, &mut binds);
    let (first, rest) = words.split_first()?;
    let mut sql = format!(
        "SELECT COUNT(*) FROM (SELECT DISTINCT t.organisation_id FROM organisation_search_terms t WHERE ({first})"
    );
    for other in rest {
        sql.push_str(&format!(
            " AND t.organisation_id IN (SELECT t.organisation_id FROM organisation_search_terms t WHERE {other})"
        ));
    }
    sql.push_str(&format!(" LIMIT {cap}) c"));
    Some((sql, binds))
}

/// The directory's conditions with their values (`$1`, `$2`, ... in order), on `o` (the
/// organisation) and, when a locality is asked for, `d` (its row in `directory_places`).
/// There the sector and the contribution type are checked in the locality's name index; without
/// a locality a contribution type is probed by key for each row of the organisations' name
/// index (each is offered by a large share of organisations).
///
/// Search words always drive: a name's first word decides where it sorts, so the organisations
/// sharing a common word sit together far along the name index, and walking the index to them
/// costs a scan of most of it (measured: 370 ms at 100,000 organisations, against 10 ms
/// reading and ordering them). A driving set is `IN (subquery)` on SQLite, whose planner reads
/// it first. PostgreSQL's turns `IN` into a semi-join and, ordered by name with a `LIMIT`,
/// walks the name index probing each organisation: for a rare word the whole index (1.5 s at
/// 100,000 organisations). There the set is read once into an array (`= ANY(ARRAY(...))`),
/// which the planner looks up by primary key and orders.
fn directory_conditions(
    filter: &DirectoryFilter,
    backend: crate::Backend,
) -> (Vec<String>, Vec<Bind>) {
    let placed = filter.locality_id.is_some();
    let id = if placed { "d.organisation_id" } else { "o.id" };
    let driving = |subquery: String| match backend {
        crate::Backend::Sqlite => format!("{id} IN ({subquery})"),
        crate::Backend::Postgres => format!("{id} = ANY(ARRAY({subquery}))"),
    };
    let mut conditions: Vec<String> = Vec::new();
    let mut binds: Vec<Bind> = Vec::new();
    let param = |binds: &mut Vec<Bind>, value: Bind| {
        binds.push(value);
        format!("${}", binds.len())
    };
    if let Some(locality) = filter.locality_id {
        let p = param(&mut binds, Bind::Int(locality));
        conditions.push(format!("d.locality_id = {p}"));
    }
    if let Some(sector) = filter.sector {
        let p = param(&mut binds, Bind::Text(sector.code().into()));
        conditions.push(if placed {
            format!("d.sector = {p}")
        } else {
            format!("o.sector = {p}")
        });
    }
    if let Some(kind) = filter.kind {
        let p = param(&mut binds, Bind::Text(kind.code().into()));
        conditions.push(format!("o.kind = {p}"));
    }
    if let Some(contribution) = filter.contribution {
        if placed {
            let p = param(
                &mut binds,
                Bind::Int(crate::matching::offer_bit(contribution)),
            );
            conditions.push(format!("(d.offers_bits & {p}) <> 0"));
        } else {
            let p = param(&mut binds, Bind::Text(contribution.code().into()));
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM organisation_contributions c WHERE c.organisation_id = o.id AND c.contribution = {p})"
            ));
        }
    }
    for words in term_conditions(filter.q.as_deref(), &mut binds) {
        conditions.push(driving(format!(
            "SELECT t.organisation_id FROM organisation_search_terms t WHERE {words}"
        )));
    }
    if conditions.is_empty() {
        conditions.push("1 = 1".into());
    }
    (conditions, binds)
}

async fn insert_organisation(
    tx: &mut crate::WriteTx,
    org: &NewOrganisation,
    created_by: Option<i64>,
) -> StoreResult<i64> {
    let at = tx.at;
    let [sort_he, sort_ar, sort_en] = sort_names(&org.names);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (name_he, name_ar, name_en, sort_he, sort_ar, sort_en, sector, kind, description, website, \
         contributions_text, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
         RETURNING id",
    )
    .bind(org.names[0].as_deref())
    .bind(org.names[1].as_deref())
    .bind(org.names[2].as_deref())
    .bind(sort_he)
    .bind(sort_ar)
    .bind(sort_en)
    .bind(org.sector.map(Sector::code).unwrap_or_default())
    .bind(org.kind.map(OrganisationKind::code).unwrap_or_default())
    .bind(org.description.as_deref())
    .bind(org.website.as_deref())
    .bind(org.contributions_text.as_deref())
    .bind(created_by)
    .bind(at)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    write_details(tx, id, org).await?;
    Ok(id)
}

async fn ensure_owner_remains(conn: &mut AnyConnection, organisation_id: i64) -> StoreResult<()> {
    let owners: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND role = 'owner'",
    )
    .bind(organisation_id)
    .fetch_one(&mut *conn)
    .await?;
    if owners == 0 {
        Err(StoreError::Conflict)
    } else {
        Ok(())
    }
}
