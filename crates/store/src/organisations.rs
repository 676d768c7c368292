//! Organisations: the first-class accounts of the hub's partners, their members, invitations,
//! contributions, localities and the public directory.

use serde::Serialize;
use shutaf_domain::{ContributionType, Language, MemberRole, OrganisationKind, Sector, search};
use sqlx::{AnyConnection, FromRow};

use crate::journal;
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
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

/// One page of the directory.
#[derive(Debug, Clone, Serialize)]
pub struct Directory {
    pub items: Vec<OrganisationSummary>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

impl Directory {
    pub fn pages(&self) -> u32 {
        ((self.total.max(0) as u64).div_ceil(self.per_page.max(1) as u64)).max(1) as u32
    }
}

/// A member of an organisation.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Member {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: MemberRole,
}

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

const INVITATION_LIFETIME: i64 = 14 * 24 * 3600;

/// A value bound to a dynamically built query.
enum Bind {
    Int(i64),
    Text(String),
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
        let Some(mut org): Option<Organisation> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let codes: Vec<String> =
            sqlx::query_scalar("SELECT contribution FROM organisation_contributions WHERE organisation_id = $1 ORDER BY contribution")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        org.contributions = codes
            .iter()
            .filter_map(|c| ContributionType::parse(c))
            .collect();
        org.contributions.sort();
        org.locality_ids =
            sqlx::query_scalar("SELECT locality_id FROM organisation_localities WHERE organisation_id = $1 ORDER BY locality_id")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        Ok(Some(org))
    }

    /// One page of the public directory, with the total count for paging.
    pub async fn directory(&self, filter: &DirectoryFilter) -> StoreResult<Directory> {
        let mut conditions: Vec<String> = Vec::new();
        let mut binds: Vec<Bind> = Vec::new();
        let param = |binds: &mut Vec<Bind>, value: Bind| {
            binds.push(value);
            format!("${}", binds.len())
        };
        if let Some(sector) = filter.sector {
            let p = param(&mut binds, Bind::Text(sector.code().into()));
            conditions.push(format!("o.sector = {p}"));
        }
        if let Some(kind) = filter.kind {
            let p = param(&mut binds, Bind::Text(kind.code().into()));
            conditions.push(format!("o.kind = {p}"));
        }
        if let Some(locality) = filter.locality_id {
            let p = param(&mut binds, Bind::Int(locality));
            conditions.push(format!(
                "o.id IN (SELECT organisation_id FROM organisation_localities WHERE locality_id = {p})"
            ));
        }
        if let Some(contribution) = filter.contribution {
            let p = param(&mut binds, Bind::Text(contribution.code().into()));
            conditions.push(format!(
                "o.id IN (SELECT organisation_id FROM organisation_contributions WHERE contribution = {p})"
            ));
        }
        for group in search::query_terms(filter.q.as_deref().unwrap_or("")) {
            // Any form of the word exactly, or the word as typed so far as a prefix.
            let mut alternatives: Vec<String> = Vec::new();
            for form in &group {
                let p = param(&mut binds, Bind::Text(form.clone()));
                alternatives.push(format!("term = {p}"));
            }
            let low = param(&mut binds, Bind::Text(group[0].clone()));
            let high = param(&mut binds, Bind::Text(format!("{}\u{10FFFF}", group[0])));
            alternatives.push(format!("(term >= {low} AND term < {high})"));
            conditions.push(format!(
                "o.id IN (SELECT organisation_id FROM organisation_search_terms WHERE {})",
                alternatives.join(" OR ")
            ));
        }
        let filter_sql = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let per_page = filter.per_page.clamp(1, 100);
        let page = filter.page.max(1);

        let count_sql = format!("SELECT COUNT(*) FROM organisations o {filter_sql}");
        let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
        for bind in &binds {
            count = match bind {
                Bind::Int(v) => count.bind(*v),
                Bind::Text(v) => count.bind(v.as_str()),
            };
        }
        let total = count.fetch_one(&self.pool).await?;

        let list_sql = format!(
            "SELECT o.id, o.name_he, o.name_ar, o.name_en, o.sector, o.kind FROM organisations o {filter_sql} \
             ORDER BY o.{sort} , o.id LIMIT {per_page} OFFSET {}",
            (page as i64 - 1) * per_page as i64,
            sort = sort_column(filter.lang)
        );
        let mut list = sqlx::query_as::<_, OrganisationSummary>(&list_sql);
        for bind in &binds {
            list = match bind {
                Bind::Int(v) => list.bind(*v),
                Bind::Text(v) => list.bind(v.as_str()),
            };
        }
        let mut items = list.fetch_all(&self.pool).await?;
        self.attach_contributions(&mut items).await?;
        Ok(Directory {
            items,
            total,
            page,
            per_page,
        })
    }

    /// Loads the contributions of a page of organisations in one query (no N+1).
    async fn attach_contributions(&self, items: &mut [OrganisationSummary]) -> StoreResult<()> {
        if items.is_empty() {
            return Ok(());
        }
        let ids = items
            .iter()
            .map(|o| o.id.to_string())
            .collect::<Vec<_>>()
            .join(",");
        // The ids are integers read from the database, so inlining them is safe.
        let sql = format!(
            "SELECT organisation_id, contribution FROM organisation_contributions WHERE organisation_id IN ({ids}) ORDER BY contribution"
        );
        let rows: Vec<(i64, String)> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
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
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT organisation_id, role FROM memberships WHERE user_id = $1 ORDER BY organisation_id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
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
            sqlx::query_as("SELECT organisation_id, role FROM memberships WHERE user_id = $1 ORDER BY organisation_id")
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids = rows
            .iter()
            .map(|(id, _)| id.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let sql = format!(
            "SELECT id, name_he, name_ar, name_en, sector, kind FROM organisations WHERE id IN ({ids}) ORDER BY sort_he, id"
        );
        let mut orgs: Vec<OrganisationSummary> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
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
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!(
            "SELECT id, name_he, name_ar, name_en, sector, kind FROM organisations WHERE id IN ({list})"
        );
        let mut orgs: Vec<OrganisationSummary> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
        self.attach_contributions(&mut orgs).await?;
        Ok(orgs)
    }

    pub async fn role_in(
        &self,
        organisation_id: i64,
        user_id: i64,
    ) -> StoreResult<Option<MemberRole>> {
        let role: Option<String> = sqlx::query_scalar(
            "SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2",
        )
        .bind(organisation_id)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(role.as_deref().and_then(MemberRole::parse))
    }

    pub async fn members(&self, organisation_id: i64) -> StoreResult<Vec<Member>> {
        Ok(sqlx::query_as(
            "SELECT m.user_id, u.display_name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.organisation_id = $1 ORDER BY m.created_at, m.user_id",
        )
        .bind(organisation_id)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn owner_count(&self, organisation_id: i64) -> StoreResult<usize> {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND role = 'owner'",
        )
        .bind(organisation_id)
        .fetch_one(&self.pool)
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
        Ok(())
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
        Ok(sqlx::query_as(
            "SELECT id, organisation_id, email, role, created_at, expires_at, accepted_at FROM invitations \
             WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash(token))
        .bind(self.now())
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn pending_invitations(&self, organisation_id: i64) -> StoreResult<Vec<Invitation>> {
        Ok(sqlx::query_as(
            "SELECT id, organisation_id, email, role, created_at, expires_at, accepted_at FROM invitations \
             WHERE organisation_id = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY id",
        )
        .bind(organisation_id)
        .bind(self.now())
        .fetch_all(&self.pool)
        .await?)
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

    pub async fn count_organisations(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM organisations")
            .fetch_one(&self.pool)
            .await?)
    }
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
