//! Bulk loading: large data sets (the scale demo, imports) written fast, with every invariant
//! the hub relies on kept.
//!
//! A [`Loader`] holds one connection and writes [`Batch`]es, each in one write transaction, with
//! multi-row `INSERT`s of up to [`MAX_ROWS`] rows a statement (fewer when a table is wide, so a
//! statement never binds more than [`MAX_PARAMETERS`], under SQLite's 32,766 and PostgreSQL's
//! 65,535). Within a batch, tables are written in the order their foreign keys need.
//!
//! One departure from the hub's single SQL dialect: on SQLite these statements use anonymous `?`
//! placeholders. SQLite keeps `$n` as *named* parameters and looks each name up in a list, so a
//! statement with thousands of them costs time quadratic in their number (seconds for one
//! statement); `?` is numbered as it is read. PostgreSQL gets `$n` as everywhere else.
//!
//! What the ordinary write paths derive, the loader derives the same way, from the same code:
//!
//! - organisations get their per-language sort keys and their directory search terms from
//!   [`crate::organisations::sort_names`] and [`crate::organisations::search_terms`], and their
//!   contributions and localities sorted and without repeats, as `create_organisation` does;
//! - localities get their sort name, and their convener comes to work in them, as
//!   `create_locality` does; goals get their SDG links with the goal number as `create_goal`
//!   keeps it; initiatives their goal links and needs as `write_links` writes them;
//! - decisions are appended to the public log exactly as [`crate::decision_log`]'s `append`
//!   does: the size row is advanced by the batch's count (which, as for `append`, makes
//!   appenders take turns), each entry gets the next contiguous index from the size before, its
//!   leaf hash is computed in Rust over the canonical [`LogEntry`] encoding and stored in hex,
//!   all in the batch's transaction. `shutaf verify` recomputes the same hashes.
//!
//! Rows with explicit ids (users, organisations, localities, goals, initiatives, calls with their
//! criteria and applications, notices with their alternatives, donations) are meant for an
//! empty database ([`Db::load_blockers`] says what is in the way); [`Loader::finish`] moves
//! PostgreSQL's identity sequences past them and runs `ANALYZE` on either backend.

use shutaf_domain::call::CallStatus;
use shutaf_domain::disclosure::{PseudonymKey, Salt};
use shutaf_domain::donation::{DonationKind, DonationStep, HeadDecision, Recommendation};
use shutaf_domain::integrity::{NoticeOutcome, Relation};
use shutaf_domain::journal::{Actor, Event, Place, Recorded};
use shutaf_domain::{
    ContributionType, Language, LocalityKind, Management, MemberRole, PartnershipModel, Stage,
};
use sqlx::{AnyConnection, ConnectOptions, Connection, Executor};

use crate::agenda::sdg_goal_of;
use crate::initiatives::PartnerStatus;
use crate::organisations::{NewOrganisation, search_terms, sort_names};
use crate::{Backend, Db, NewContribution, StoreResult};

/// At most this many rows in one `INSERT`.
pub const MAX_ROWS: usize = 1000;
/// At most this many bound parameters in one statement.
pub const MAX_PARAMETERS: usize = 32_000;

/// A person's account. The password hash is stored as given.
#[derive(Debug, Clone)]
pub struct BulkUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub preferred_language: Option<Language>,
    pub is_platform_admin: bool,
    pub email_verified_at: Option<i64>,
    pub created_at: i64,
}

/// An organisation with its profile (contributions, localities and the texts searched).
#[derive(Debug, Clone)]
pub struct BulkOrganisation {
    pub id: i64,
    pub profile: NewOrganisation,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A locality; its convener organisation must exist (earlier, or in the same batch).
#[derive(Debug, Clone)]
pub struct BulkLocality {
    pub id: i64,
    pub names: [Option<String>; 3],
    pub kind: LocalityKind,
    pub convener_organisation_id: i64,
    pub description: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct BulkMembership {
    pub organisation_id: i64,
    pub user_id: i64,
    pub role: MemberRole,
    pub created_at: i64,
}

/// A goal on a locality's agenda with the SDG codes it serves (valid codes, checked by the caller).
#[derive(Debug, Clone)]
pub struct BulkGoal {
    pub id: i64,
    pub locality_id: i64,
    pub titles: [Option<String>; 3],
    pub descriptions: [Option<String>; 3],
    pub department: Option<String>,
    pub horizon: Option<i64>,
    pub work_plan_year: Option<i64>,
    pub budget_line: Option<String>,
    pub status: String,
    pub sdg_codes: Vec<String>,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct BulkLocalTarget {
    pub locality_id: i64,
    pub code: String,
    pub titles: [Option<String>; 3],
}

/// An organisation in an initiative.
#[derive(Debug, Clone)]
pub struct BulkPartner {
    pub organisation_id: i64,
    pub status: PartnerStatus,
    pub role: Option<String>,
    pub interests: Option<String>,
    pub benefits: Option<String>,
    pub created_at: i64,
    pub joined_at: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct BulkCharterVersion {
    pub version: i64,
    /// A JSON object of the charter's sections.
    pub content: String,
    pub organisation_id: i64,
    pub user_id: Option<i64>,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct BulkEndorsement {
    pub version: i64,
    pub organisation_id: i64,
    pub user_id: Option<i64>,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct BulkAnswer {
    pub organisation_id: i64,
    pub question: &'static str,
    pub answer: &'static str,
    pub answered_at: i64,
}

#[derive(Debug, Clone)]
pub struct BulkIndicator {
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<String>,
    pub target: Option<String>,
    pub due_at: Option<i64>,
    pub created_at: i64,
}

/// A declaration of interests by a person who decides on the matter (an initiative, a call),
/// with the organisations they declared a tie with.
#[derive(Debug, Clone)]
pub struct BulkDeclaration {
    pub user_id: i64,
    pub organisation_id: i64,
    pub has_interests: bool,
    pub details: Option<String>,
    pub declared_at: i64,
    pub ties: Vec<(i64, Relation)>,
}

/// A person who stepped aside from a matter because of a tie with a party to it.
#[derive(Debug, Clone)]
pub struct BulkRecusal {
    pub user_id: i64,
    pub party_organisation_id: i64,
    pub recorded_at: i64,
}

/// A notice inviting competing proposals for an initiative, with the alternatives received.
#[derive(Debug, Clone)]
pub struct BulkNotice {
    pub id: i64,
    pub summary: String,
    pub closes_at: i64,
    pub published_by: i64,
    pub published_at: i64,
    pub outcome: Option<NoticeOutcome>,
    pub chosen_proposal_id: Option<i64>,
    pub outcome_reasons: Option<String>,
    pub decided_at: Option<i64>,
    pub alternatives: Vec<BulkAlternative>,
}

#[derive(Debug, Clone)]
pub struct BulkAlternative {
    pub id: i64,
    pub organisation_id: i64,
    pub summary: String,
    pub submitted_by: i64,
    pub submitted_at: i64,
}

/// A weighted criterion of a call.
#[derive(Debug, Clone)]
pub struct BulkCriterion {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    pub weight: i64,
}

#[derive(Debug, Clone)]
pub struct BulkApplication {
    pub id: i64,
    pub organisation_id: i64,
    pub summary: String,
    pub proposal: String,
    pub submitted_by: i64,
    pub submitted_at: i64,
}

/// One evaluator's score of one application on one criterion.
#[derive(Debug, Clone)]
pub struct BulkScore {
    pub application_id: i64,
    pub criterion_id: i64,
    pub evaluator_id: i64,
    pub score: i64,
    pub reason: String,
    pub scored_at: i64,
}

/// An open call with everything attached to it. Its goals must belong to its locality, its
/// initiative (once awarded and started) must exist (earlier, or in an earlier batch).
#[derive(Debug, Clone)]
pub struct BulkCall {
    pub id: i64,
    pub locality_id: i64,
    pub lang: Language,
    pub title: String,
    pub purpose: String,
    pub sought: String,
    pub eligibility: String,
    pub deadline_at: i64,
    pub status: CallStatus,
    pub published_at: Option<i64>,
    pub awarded_application_id: Option<i64>,
    pub outcome_reasons: Option<String>,
    pub decided_at: Option<i64>,
    pub initiative_id: Option<i64>,
    pub created_by: i64,
    pub created_at: i64,
    pub revision: i64,
    /// In their order on the call.
    pub criteria: Vec<BulkCriterion>,
    pub goal_ids: Vec<i64>,
    pub evaluator_ids: Vec<i64>,
    pub applications: Vec<BulkApplication>,
    pub scores: Vec<BulkScore>,
    pub declarations: Vec<BulkDeclaration>,
    pub recusals: Vec<BulkRecusal>,
}

/// A gift to a locality's authority and how far its procedure has gone.
#[derive(Debug, Clone)]
pub struct BulkDonation {
    pub id: i64,
    pub locality_id: i64,
    pub donor_organisation_id: Option<i64>,
    pub donor_name: String,
    pub kind: DonationKind,
    pub value_agorot: Option<i64>,
    pub purpose: String,
    pub initiative_id: Option<i64>,
    pub step: DonationStep,
    pub registered_by: i64,
    pub registered_at: i64,
    pub committee_check: Option<String>,
    pub recommendation: Option<Recommendation>,
    pub checked_at: Option<i64>,
    pub head_decision: Option<HeadDecision>,
    pub head_reasons: Option<String>,
    pub decided_at: Option<i64>,
    pub council_report: Option<String>,
    pub reported_at: Option<i64>,
    pub revision: i64,
}

/// An initiative with everything attached to it. Its goals must belong to its locality, and its
/// partners, contributions, charter and declarations must name existing organisations and users.
#[derive(Debug, Clone)]
pub struct BulkInitiative {
    pub id: i64,
    pub locality_id: i64,
    pub initiator_organisation_id: i64,
    pub lead_organisation_id: Option<i64>,
    pub titles: [Option<String>; 3],
    pub problems: [Option<String>; 3],
    pub approaches: [Option<String>; 3],
    pub model: PartnershipModel,
    pub management: Management,
    pub stage: Stage,
    pub stage_reason: Option<String>,
    pub convener_contact_user_id: Option<i64>,
    pub convened_at: Option<i64>,
    /// `not-recorded`, `placed` or `no-budget-needed`.
    pub work_plan: &'static str,
    pub work_plan_item: Option<String>,
    pub budget_line: Option<String>,
    pub no_budget_reason: Option<String>,
    pub integrity_competition: bool,
    pub integrity_exemption: Option<&'static str>,
    pub integrity_exemption_text: Option<String>,
    pub revision: i64,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub last_activity_at: i64,
    pub goal_ids: Vec<i64>,
    pub needs: Vec<ContributionType>,
    pub partners: Vec<BulkPartner>,
    /// Committed contributions: (organisation, contribution, when).
    pub contributions: Vec<(i64, NewContribution, i64)>,
    pub charter_versions: Vec<BulkCharterVersion>,
    pub endorsements: Vec<BulkEndorsement>,
    pub expectations: Vec<BulkAnswer>,
    pub indicators: Vec<BulkIndicator>,
    pub declarations: Vec<BulkDeclaration>,
    /// A notice inviting competing proposals, if one was published.
    pub notice: Option<BulkNotice>,
}

/// Something that happened on an initiative (its activity record), worded by the journal.
#[derive(Debug, Clone)]
pub struct BulkEvent {
    pub initiative_id: i64,
    pub event: Event,
    pub organisation_id: Option<i64>,
    pub user_id: Option<i64>,
    pub created_at: i64,
}

/// An in-app notification.
#[derive(Debug, Clone)]
pub struct BulkNotification {
    pub user_id: i64,
    pub kind: &'static str,
    pub initiative_id: Option<i64>,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

/// A decision for the public log, with the time it was taken; its index is given by the log,
/// its entry by the journal ([`Event::recorded`]) as for the hub's own.
#[derive(Debug, Clone)]
pub struct BulkDecision {
    pub at: i64,
    pub event: Event,
    pub locality_id: Option<i64>,
    pub initiative_id: Option<i64>,
    pub organisation_id: Option<i64>,
    /// The person who took it, named by pseudonym.
    pub user_id: Option<i64>,
    /// Their name, disclosed beside the entry where the kind names the person
    /// ([`shutaf_domain::journal::EventKind::names_person`]).
    pub person: Option<String>,
    /// Seeds the salts of what the entry withholds (see [`crate::decision_log::append_all`]).
    pub seed: Salt,
}

impl BulkDecision {
    /// The entry this decision makes at `index` under the hub's pseudonym key, with the texts
    /// kept beside it: what the loader writes (and a test can recompute without a database).
    pub fn recorded(&self, index: u64, key: &PseudonymKey) -> Recorded {
        self.event
            .recorded(index, self.at, self.place(), &self.actor(), key, &self.seed)
    }

    fn place(&self) -> Place {
        Place {
            locality_id: self.locality_id,
            initiative_id: self.initiative_id,
        }
    }

    fn actor(&self) -> Actor {
        Actor {
            organisation_id: self.organisation_id,
            user_id: self.user_id,
            name: self.person.clone(),
        }
    }
}

/// Rows written in one transaction, in the order their foreign keys need.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub users: Vec<BulkUser>,
    pub organisations: Vec<BulkOrganisation>,
    pub localities: Vec<BulkLocality>,
    pub memberships: Vec<BulkMembership>,
    pub goals: Vec<BulkGoal>,
    pub local_targets: Vec<BulkLocalTarget>,
    pub initiatives: Vec<BulkInitiative>,
    pub calls: Vec<BulkCall>,
    pub donations: Vec<BulkDonation>,
    pub events: Vec<BulkEvent>,
    pub notifications: Vec<BulkNotification>,
    /// Appended to the log in this order, after what the log holds.
    pub decisions: Vec<BulkDecision>,
    /// The hub's pseudonym key, if it has none yet (generated data names its people with a
    /// seeded key, so that the same seed gives the same log).
    pub pseudonym_key: Option<PseudonymKey>,
}

/// A value for one cell, typed even when empty (PostgreSQL wants a typed NULL).
enum Value {
    Int(Option<i64>),
    Text(Option<String>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(Some(v))
    }
}
impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Value {
        Value::Int(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Int(Some(i64::from(v)))
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(Some(v))
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(Some(v.to_owned()))
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Value {
        Value::Text(v)
    }
}
impl From<Option<&str>> for Value {
    fn from(v: Option<&str>) -> Value {
        Value::Text(v.map(str::to_owned))
    }
}

/// The rows of one table, gathered row by row and written in multi-row statements.
struct Rows {
    backend: Backend,
    table: &'static str,
    columns: &'static [&'static str],
    /// What follows the VALUES list (`ON CONFLICT DO NOTHING`, say).
    tail: &'static str,
    values: Vec<Value>,
}

impl Rows {
    fn new(backend: Backend, table: &'static str, columns: &'static [&'static str]) -> Rows {
        Rows {
            backend,
            table,
            columns,
            tail: "",
            values: Vec::new(),
        }
    }

    fn on_conflict_do_nothing(mut self) -> Rows {
        self.tail = " ON CONFLICT DO NOTHING";
        self
    }

    /// Adds one row; its values in the order of the columns.
    fn row<const N: usize>(&mut self, values: [Value; N]) {
        debug_assert_eq!(N, self.columns.len(), "a row of {}", self.table);
        self.values.extend(values);
    }

    fn rows_per_statement(&self) -> usize {
        (MAX_PARAMETERS / self.columns.len()).clamp(1, MAX_ROWS)
    }

    fn sql(&self, rows: usize) -> String {
        let width = self.columns.len();
        let mut sql = format!(
            "INSERT INTO {} ({}) VALUES ",
            self.table,
            self.columns.join(", ")
        );
        for row in 0..rows {
            if row > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for column in 0..width {
                if column > 0 {
                    sql.push_str(", ");
                }
                match self.backend {
                    Backend::Sqlite => sql.push('?'),
                    Backend::Postgres => {
                        sql.push('$');
                        sql.push_str(&(row * width + column + 1).to_string());
                    }
                }
            }
            sql.push(')');
        }
        sql.push_str(self.tail);
        sql
    }

    async fn write(self, conn: &mut AnyConnection) -> StoreResult<()> {
        let width = self.columns.len();
        let per_statement = self.rows_per_statement();
        let total = self.values.len() / width;
        if total == 0 {
            return Ok(());
        }
        let full_sql = self.sql(per_statement.min(total));
        let mut values = self.values.into_iter();
        let mut done = 0;
        while done < total {
            let rows = per_statement.min(total - done);
            let partial_sql;
            let sql = if rows == per_statement.min(total) {
                &full_sql
            } else {
                partial_sql = Rows {
                    backend: self.backend,
                    table: self.table,
                    columns: self.columns,
                    tail: self.tail,
                    values: Vec::new(),
                }
                .sql(rows);
                &partial_sql
            };
            let mut query = sqlx::query(sql);
            for value in values.by_ref().take(rows * width) {
                query = match value {
                    Value::Int(v) => query.bind(v),
                    Value::Text(v) => query.bind(v),
                };
            }
            query.execute(&mut *conn).await?;
            done += rows;
        }
        Ok(())
    }
}

fn sorted<T: Ord + Clone>(items: &[T]) -> Vec<T> {
    let mut items = items.to_vec();
    items.sort();
    items.dedup();
    items
}

/// The tables whose ids a bulk load gives explicitly.
const TABLES_WITH_EXPLICIT_IDS: [&str; 11] = [
    "users",
    "organisations",
    "localities",
    "goals",
    "initiatives",
    "calls",
    "call_criteria",
    "call_applications",
    "competition_notices",
    "alternative_proposals",
    "donations",
];

impl Db {
    /// What stands in the way of a bulk load with explicit ids: the tables that already hold
    /// rows, with their counts (`["3 users", "15 organisations"]`), or nothing for an empty
    /// database.
    pub async fn load_blockers(&self) -> StoreResult<Vec<String>> {
        let mut found = Vec::new();
        for table in TABLES_WITH_EXPLICIT_IDS {
            let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&self.pool)
                .await?;
            if count > 0 {
                found.push(format!("{count} {table}"));
            }
        }
        let size = self.log_size().await?;
        if size > 0 {
            found.push(format!("{size} decisions on the log"));
        }
        Ok(found)
    }

    /// How many rows the main tables hold, for a load's report.
    pub async fn load_summary(&self) -> StoreResult<Vec<(&'static str, i64)>> {
        let mut counts = Vec::new();
        for table in [
            "localities",
            "organisations",
            "users",
            "memberships",
            "goals",
            "initiatives",
            "initiative_partners",
            "initiative_events",
            "calls",
            "call_applications",
            "call_scores",
            "competition_notices",
            "donations",
            "decision_log",
        ] {
            let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&self.pool)
                .await?;
            counts.push((table, count));
        }
        Ok(counts)
    }

    /// A loader on a connection of its own, opened like the pool's but without statement
    /// logging (a statement of a thousand rows would be logged whole whenever it took over a
    /// second).
    pub async fn loader(&self) -> StoreResult<Loader> {
        let options = (*self.pool.connect_options())
            .clone()
            .disable_statement_logging();
        let mut conn = AnyConnection::connect_with(&options).await?;
        if self.backend == Backend::Sqlite {
            // As every connection of the pool (see `Db::connect`), and a large page cache, which
            // keeps the indexes being filled in memory; the default, 2 MB, makes a large load seek.
            conn.execute(
                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; \
                 PRAGMA cache_size = -262144;",
            )
            .await?;
        }
        Ok(Loader {
            conn,
            backend: self.backend,
        })
    }
}

/// Writes batches on one connection; see the module's documentation.
pub struct Loader {
    conn: AnyConnection,
    backend: Backend,
}

impl Loader {
    /// Writes a batch in one transaction; gives the log's size after it.
    pub async fn write(&mut self, batch: Batch) -> StoreResult<u64> {
        let mut tx = match self.backend {
            Backend::Sqlite => self.conn.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.conn.begin().await?,
        };
        let size = write_batch(&mut tx, self.backend, batch).await?;
        // Servers running on this database drop the public pages they cached.
        crate::bump_data_version(&mut tx).await?;
        tx.commit().await?;
        Ok(size)
    }

    /// Ends a load: PostgreSQL's identity sequences continue after the ids given, and both
    /// backends gather statistics for the query planner.
    pub async fn finish(mut self) -> StoreResult<()> {
        // The portal's flag of initiatives with a business partner, for every loaded one.
        crate::initiatives::refresh_business_partner(&mut self.conn, "1 = 1", None).await?;
        match self.backend {
            Backend::Postgres => {
                for table in TABLES_WITH_EXPLICIT_IDS {
                    sqlx::query(&format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                         COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                    ))
                    .execute(&mut self.conn)
                    .await?;
                }
                sqlx::query("ANALYZE").execute(&mut self.conn).await?;
            }
            Backend::Sqlite => {
                // A full ANALYZE (about 10 s at 100,000 initiatives): sampled statistics
                // (`analysis_limit`) read the first rows of each sorted index only, and took one
                // organisation's thousand partnerships for everyone's, so the planner scanned
                // whole tables for the matching and portal queries (seconds a page).
                sqlx::query("ANALYZE").execute(&mut self.conn).await?;
                sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                    .execute(&mut self.conn)
                    .await?;
            }
        }
        self.conn.close().await?;
        Ok(())
    }
}

async fn write_batch(conn: &mut AnyConnection, backend: Backend, batch: Batch) -> StoreResult<u64> {
    let Batch {
        users,
        organisations,
        localities,
        memberships,
        goals,
        local_targets,
        initiatives,
        calls,
        donations,
        events,
        notifications,
        decisions,
        pseudonym_key,
    } = batch;

    let mut rows = Rows::new(
        backend,
        "users",
        &[
            "id",
            "email",
            "display_name",
            "password_hash",
            "email_verified_at",
            "preferred_language",
            "is_platform_admin",
            "created_at",
        ],
    );
    for u in users {
        rows.row([
            u.id.into(),
            u.email.into(),
            u.display_name.into(),
            u.password_hash.into(),
            u.email_verified_at.into(),
            u.preferred_language.map(Language::code).into(),
            u.is_platform_admin.into(),
            u.created_at.into(),
        ]);
    }
    rows.write(conn).await?;

    // Organisations first without their localities: a convener and its locality may come in
    // the same batch, and each needs the other.
    let mut rows = Rows::new(
        backend,
        "organisations",
        &[
            "id",
            "name_he",
            "name_ar",
            "name_en",
            "sort_he",
            "sort_ar",
            "sort_en",
            "sector",
            "kind",
            "description",
            "website",
            "contributions_text",
            "created_by",
            "created_at",
            "updated_at",
        ],
    );
    for o in &organisations {
        let p = &o.profile;
        let [sort_he, sort_ar, sort_en] = sort_names(&p.names);
        rows.row([
            o.id.into(),
            p.names[0].clone().into(),
            p.names[1].clone().into(),
            p.names[2].clone().into(),
            sort_he.into(),
            sort_ar.into(),
            sort_en.into(),
            p.sector.map(|s| s.code()).unwrap_or_default().into(),
            p.kind.map(|k| k.code()).unwrap_or_default().into(),
            p.description.clone().into(),
            p.website.clone().into(),
            p.contributions_text.clone().into(),
            o.created_by.into(),
            o.created_at.into(),
            o.updated_at.into(),
        ]);
    }
    rows.write(conn).await?;

    let mut rows = Rows::new(
        backend,
        "localities",
        &[
            "id",
            "name_he",
            "name_ar",
            "name_en",
            "sort_name",
            "kind",
            "convener_organisation_id",
            "description",
            "created_at",
        ],
    );
    let mut convenes = Rows::new(
        backend,
        "organisation_localities",
        &["organisation_id", "locality_id"],
    )
    .on_conflict_do_nothing();
    for l in localities {
        let sort_name = l
            .names
            .iter()
            .find_map(|n| n.as_deref())
            .map(shutaf_domain::search::normalise)
            .unwrap_or_default();
        convenes.row([l.convener_organisation_id.into(), l.id.into()]);
        let [he, ar, en] = l.names;
        rows.row([
            l.id.into(),
            he.into(),
            ar.into(),
            en.into(),
            sort_name.trim().into(),
            l.kind.code().into(),
            l.convener_organisation_id.into(),
            l.description.into(),
            l.created_at.into(),
        ]);
    }
    rows.write(conn).await?;
    convenes.write(conn).await?;

    let mut contributions = Rows::new(
        backend,
        "organisation_contributions",
        &["organisation_id", "contribution"],
    );
    let mut works_in = Rows::new(
        backend,
        "organisation_localities",
        &["organisation_id", "locality_id"],
    )
    .on_conflict_do_nothing();
    let mut terms = Rows::new(
        backend,
        "organisation_search_terms",
        &["term", "organisation_id"],
    );
    for o in &organisations {
        for c in sorted(&o.profile.contributions) {
            contributions.row([o.id.into(), c.code().into()]);
        }
        for l in sorted(&o.profile.locality_ids) {
            works_in.row([o.id.into(), l.into()]);
        }
        for term in search_terms(&o.profile) {
            terms.row([term.into(), o.id.into()]);
        }
    }
    contributions.write(conn).await?;
    works_in.write(conn).await?;
    terms.write(conn).await?;

    let mut rows = Rows::new(
        backend,
        "memberships",
        &["organisation_id", "user_id", "role", "created_at"],
    );
    for m in memberships {
        rows.row([
            m.organisation_id.into(),
            m.user_id.into(),
            m.role.code().into(),
            m.created_at.into(),
        ]);
    }
    rows.write(conn).await?;

    write_goals(conn, backend, goals, local_targets).await?;
    write_initiatives(conn, backend, initiatives).await?;
    write_calls(conn, backend, calls).await?;
    write_donations(conn, backend, donations).await?;

    let mut rows = Rows::new(
        backend,
        "initiative_events",
        &[
            "initiative_id",
            "kind",
            "organisation_id",
            "user_id",
            "detail",
            "created_at",
        ],
    );
    for e in events {
        rows.row([
            e.initiative_id.into(),
            e.event.kind().code().into(),
            e.organisation_id.into(),
            e.user_id.into(),
            e.event.history_detail().into(),
            e.created_at.into(),
        ]);
    }
    rows.write(conn).await?;

    let mut rows = Rows::new(
        backend,
        "notifications",
        &["user_id", "kind", "initiative_id", "created_at", "read_at"],
    );
    for n in notifications {
        rows.row([
            n.user_id.into(),
            n.kind.into(),
            n.initiative_id.into(),
            n.created_at.into(),
            n.read_at.into(),
        ]);
    }
    rows.write(conn).await?;

    append_decisions(conn, decisions, pseudonym_key.as_ref()).await
}

async fn write_goals(
    conn: &mut AnyConnection,
    backend: Backend,
    goals: Vec<BulkGoal>,
    local_targets: Vec<BulkLocalTarget>,
) -> StoreResult<()> {
    let mut rows = Rows::new(
        backend,
        "local_targets",
        &["locality_id", "code", "title_he", "title_ar", "title_en"],
    );
    for t in local_targets {
        let [he, ar, en] = t.titles;
        rows.row([
            t.locality_id.into(),
            t.code.into(),
            he.into(),
            ar.into(),
            en.into(),
        ]);
    }
    rows.write(conn).await?;

    let mut rows = Rows::new(
        backend,
        "goals",
        &[
            "id",
            "locality_id",
            "title_he",
            "title_ar",
            "title_en",
            "description_he",
            "description_ar",
            "description_en",
            "department",
            "horizon",
            "work_plan_year",
            "budget_line",
            "status",
            "created_at",
        ],
    );
    let mut links = Rows::new(backend, "goal_sdg_links", &["goal_id", "code", "sdg_goal"]);
    for g in goals {
        for code in sorted(&g.sdg_codes) {
            let sdg_goal = sdg_goal_of(&code);
            links.row([g.id.into(), code.into(), sdg_goal.into()]);
        }
        let [th, ta, te] = g.titles;
        let [dh, da, de] = g.descriptions;
        rows.row([
            g.id.into(),
            g.locality_id.into(),
            th.into(),
            ta.into(),
            te.into(),
            dh.into(),
            da.into(),
            de.into(),
            g.department.into(),
            g.horizon.into(),
            g.work_plan_year.into(),
            g.budget_line.into(),
            g.status.into(),
            g.created_at.into(),
        ]);
    }
    rows.write(conn).await?;
    links.write(conn).await
}

async fn write_initiatives(
    conn: &mut AnyConnection,
    backend: Backend,
    initiatives: Vec<BulkInitiative>,
) -> StoreResult<()> {
    let mut rows = Rows::new(
        backend,
        "initiatives",
        &[
            "id",
            "locality_id",
            "initiator_organisation_id",
            "lead_organisation_id",
            "title_he",
            "title_ar",
            "title_en",
            "problem_he",
            "problem_ar",
            "problem_en",
            "approach_he",
            "approach_ar",
            "approach_en",
            "model",
            "management",
            "stage",
            "stage_reason",
            "convener_contact_user_id",
            "convened_at",
            "work_plan",
            "work_plan_item",
            "budget_line",
            "no_budget_reason",
            "integrity_competition",
            "integrity_exemption",
            "integrity_exemption_text",
            "revision",
            "created_by",
            "created_at",
            "updated_at",
            "last_activity_at",
        ],
    );
    let mut goals = Rows::new(backend, "initiative_goals", &["initiative_id", "goal_id"]);
    let mut needs = Rows::new(
        backend,
        "initiative_needs",
        &["initiative_id", "contribution"],
    );
    let mut partners = Rows::new(
        backend,
        "initiative_partners",
        &[
            "initiative_id",
            "organisation_id",
            "status",
            "role",
            "interests",
            "benefits",
            "created_at",
            "joined_at",
        ],
    );
    let mut contributions = Rows::new(
        backend,
        "partner_contributions",
        &[
            "initiative_id",
            "organisation_id",
            "contribution",
            "description",
            "cash_agorot",
            "in_kind_agorot",
            "period",
            "created_at",
        ],
    );
    let mut charters = Rows::new(
        backend,
        "charter_versions",
        &[
            "initiative_id",
            "version",
            "content",
            "proposed_by_organisation_id",
            "proposed_by_user_id",
            "created_at",
        ],
    );
    let mut endorsements = Rows::new(
        backend,
        "endorsements",
        &[
            "initiative_id",
            "version",
            "organisation_id",
            "user_id",
            "created_at",
        ],
    );
    let mut answers = Rows::new(
        backend,
        "expectation_answers",
        &[
            "initiative_id",
            "organisation_id",
            "question",
            "answer",
            "answered_at",
        ],
    );
    let mut indicators = Rows::new(
        backend,
        "indicators",
        &[
            "initiative_id",
            "name",
            "unit",
            "baseline",
            "target",
            "due_at",
            "created_at",
        ],
    );
    let mut integrity = Integrity::new(backend);
    let mut notices = Rows::new(
        backend,
        "competition_notices",
        &[
            "id",
            "initiative_id",
            "summary",
            "closes_at",
            "published_by",
            "published_at",
            "outcome",
            "chosen_proposal_id",
            "outcome_reasons",
            "decided_at",
        ],
    );
    let mut alternatives = Rows::new(
        backend,
        "alternative_proposals",
        &[
            "id",
            "notice_id",
            "organisation_id",
            "summary",
            "submitted_by",
            "submitted_at",
        ],
    );
    for i in initiatives {
        let id = i.id;
        for goal in sorted(&i.goal_ids) {
            goals.row([id.into(), goal.into()]);
        }
        for need in sorted(&i.needs) {
            needs.row([id.into(), need.code().into()]);
        }
        for p in i.partners {
            partners.row([
                id.into(),
                p.organisation_id.into(),
                p.status.code().into(),
                p.role.into(),
                p.interests.into(),
                p.benefits.into(),
                p.created_at.into(),
                p.joined_at.into(),
            ]);
        }
        for (organisation, c, at) in i.contributions {
            contributions.row([
                id.into(),
                organisation.into(),
                c.contribution.code().into(),
                c.description.into(),
                c.cash_agorot.into(),
                c.in_kind_agorot.into(),
                c.period.into(),
                at.into(),
            ]);
        }
        for c in i.charter_versions {
            charters.row([
                id.into(),
                c.version.into(),
                c.content.into(),
                c.organisation_id.into(),
                c.user_id.into(),
                c.created_at.into(),
            ]);
        }
        for e in i.endorsements {
            endorsements.row([
                id.into(),
                e.version.into(),
                e.organisation_id.into(),
                e.user_id.into(),
                e.created_at.into(),
            ]);
        }
        for a in i.expectations {
            answers.row([
                id.into(),
                a.organisation_id.into(),
                a.question.into(),
                a.answer.into(),
                a.answered_at.into(),
            ]);
        }
        for n in i.indicators {
            indicators.row([
                id.into(),
                n.name.into(),
                n.unit.into(),
                n.baseline.into(),
                n.target.into(),
                n.due_at.into(),
                n.created_at.into(),
            ]);
        }
        for d in i.declarations {
            integrity.declare("initiative", id, d);
        }
        if let Some(n) = i.notice {
            for a in n.alternatives {
                alternatives.row([
                    a.id.into(),
                    n.id.into(),
                    a.organisation_id.into(),
                    a.summary.into(),
                    a.submitted_by.into(),
                    a.submitted_at.into(),
                ]);
            }
            notices.row([
                n.id.into(),
                id.into(),
                n.summary.into(),
                n.closes_at.into(),
                n.published_by.into(),
                n.published_at.into(),
                n.outcome.map(NoticeOutcome::code).into(),
                n.chosen_proposal_id.into(),
                n.outcome_reasons.into(),
                n.decided_at.into(),
            ]);
        }
        let [th, ta, te] = i.titles;
        let [ph, pa, pe] = i.problems;
        let [ah, aa, ae] = i.approaches;
        rows.row([
            id.into(),
            i.locality_id.into(),
            i.initiator_organisation_id.into(),
            i.lead_organisation_id.into(),
            th.into(),
            ta.into(),
            te.into(),
            ph.into(),
            pa.into(),
            pe.into(),
            ah.into(),
            aa.into(),
            ae.into(),
            i.model.code().into(),
            i.management.code().into(),
            i.stage.code().into(),
            i.stage_reason.into(),
            i.convener_contact_user_id.into(),
            i.convened_at.into(),
            i.work_plan.into(),
            i.work_plan_item.into(),
            i.budget_line.into(),
            i.no_budget_reason.into(),
            i.integrity_competition.into(),
            i.integrity_exemption.into(),
            i.integrity_exemption_text.into(),
            i.revision.into(),
            i.created_by.into(),
            i.created_at.into(),
            i.updated_at.into(),
            i.last_activity_at.into(),
        ]);
    }
    rows.write(conn).await?;
    for table in [
        goals,
        needs,
        partners,
        contributions,
        charters,
        endorsements,
        answers,
        indicators,
        notices,
        alternatives,
    ] {
        table.write(conn).await?;
    }
    integrity.write(conn).await
}

/// Declarations of interest with the ties they name, and recusals, on any matter.
struct Integrity {
    declarations: Rows,
    ties: Rows,
    recusals: Rows,
}

impl Integrity {
    fn new(backend: Backend) -> Integrity {
        Integrity {
            declarations: Rows::new(
                backend,
                "declarations",
                &[
                    "matter",
                    "matter_id",
                    "user_id",
                    "organisation_id",
                    "has_interests",
                    "details",
                    "declared_at",
                ],
            ),
            ties: Rows::new(
                backend,
                "declaration_ties",
                &[
                    "matter",
                    "matter_id",
                    "user_id",
                    "party_organisation_id",
                    "relation",
                ],
            ),
            recusals: Rows::new(
                backend,
                "recusals",
                &[
                    "matter",
                    "matter_id",
                    "user_id",
                    "party_organisation_id",
                    "recorded_at",
                ],
            ),
        }
    }

    fn declare(&mut self, matter: &'static str, id: i64, d: BulkDeclaration) {
        for (organisation, relation) in &d.ties {
            self.ties.row([
                matter.into(),
                id.into(),
                d.user_id.into(),
                (*organisation).into(),
                relation.code().into(),
            ]);
        }
        self.declarations.row([
            matter.into(),
            id.into(),
            d.user_id.into(),
            d.organisation_id.into(),
            d.has_interests.into(),
            d.details.into(),
            d.declared_at.into(),
        ]);
    }

    fn recuse(&mut self, matter: &'static str, id: i64, r: BulkRecusal) {
        self.recusals.row([
            matter.into(),
            id.into(),
            r.user_id.into(),
            r.party_organisation_id.into(),
            r.recorded_at.into(),
        ]);
    }

    async fn write(self, conn: &mut AnyConnection) -> StoreResult<()> {
        self.declarations.write(conn).await?;
        self.ties.write(conn).await?;
        self.recusals.write(conn).await
    }
}

async fn write_calls(
    conn: &mut AnyConnection,
    backend: Backend,
    calls: Vec<BulkCall>,
) -> StoreResult<()> {
    let mut rows = Rows::new(
        backend,
        "calls",
        &[
            "id",
            "locality_id",
            "lang",
            "title",
            "purpose",
            "sought",
            "eligibility",
            "deadline_at",
            "status",
            "published_at",
            "awarded_application_id",
            "outcome_reasons",
            "decided_at",
            "initiative_id",
            "created_by",
            "created_at",
            "revision",
        ],
    );
    let mut criteria = Rows::new(
        backend,
        "call_criteria",
        &["id", "call_id", "position", "name", "description", "weight"],
    );
    let mut goals = Rows::new(backend, "call_goals", &["call_id", "goal_id"]);
    let mut evaluators = Rows::new(backend, "call_evaluators", &["call_id", "user_id"]);
    let mut applications = Rows::new(
        backend,
        "call_applications",
        &[
            "id",
            "call_id",
            "organisation_id",
            "summary",
            "proposal",
            "submitted_by",
            "submitted_at",
        ],
    );
    let mut scores = Rows::new(
        backend,
        "call_scores",
        &[
            "application_id",
            "criterion_id",
            "evaluator_id",
            "score",
            "reason",
            "scored_at",
        ],
    );
    let mut integrity = Integrity::new(backend);
    for c in calls {
        let id = c.id;
        for (position, k) in c.criteria.into_iter().enumerate() {
            criteria.row([
                k.id.into(),
                id.into(),
                (position as i64).into(),
                k.name.into(),
                k.description.into(),
                k.weight.into(),
            ]);
        }
        for goal in sorted(&c.goal_ids) {
            goals.row([id.into(), goal.into()]);
        }
        for user in sorted(&c.evaluator_ids) {
            evaluators.row([id.into(), user.into()]);
        }
        for a in c.applications {
            applications.row([
                a.id.into(),
                id.into(),
                a.organisation_id.into(),
                a.summary.into(),
                a.proposal.into(),
                a.submitted_by.into(),
                a.submitted_at.into(),
            ]);
        }
        for s in c.scores {
            scores.row([
                s.application_id.into(),
                s.criterion_id.into(),
                s.evaluator_id.into(),
                s.score.into(),
                s.reason.into(),
                s.scored_at.into(),
            ]);
        }
        for d in c.declarations {
            integrity.declare("call", id, d);
        }
        for r in c.recusals {
            integrity.recuse("call", id, r);
        }
        rows.row([
            id.into(),
            c.locality_id.into(),
            c.lang.code().into(),
            c.title.into(),
            c.purpose.into(),
            c.sought.into(),
            c.eligibility.into(),
            c.deadline_at.into(),
            c.status.code().into(),
            c.published_at.into(),
            c.awarded_application_id.into(),
            c.outcome_reasons.into(),
            c.decided_at.into(),
            c.initiative_id.into(),
            c.created_by.into(),
            c.created_at.into(),
            c.revision.into(),
        ]);
    }
    rows.write(conn).await?;
    for table in [criteria, goals, evaluators, applications, scores] {
        table.write(conn).await?;
    }
    integrity.write(conn).await
}

async fn write_donations(
    conn: &mut AnyConnection,
    backend: Backend,
    donations: Vec<BulkDonation>,
) -> StoreResult<()> {
    let mut rows = Rows::new(
        backend,
        "donations",
        &[
            "id",
            "locality_id",
            "donor_organisation_id",
            "donor_name",
            "kind",
            "value_agorot",
            "purpose",
            "initiative_id",
            "step",
            "registered_by",
            "registered_at",
            "committee_check",
            "recommendation",
            "checked_at",
            "head_decision",
            "head_reasons",
            "decided_at",
            "council_report",
            "reported_at",
            "revision",
        ],
    );
    for d in donations {
        rows.row([
            d.id.into(),
            d.locality_id.into(),
            d.donor_organisation_id.into(),
            d.donor_name.into(),
            d.kind.code().into(),
            d.value_agorot.into(),
            d.purpose.into(),
            d.initiative_id.into(),
            d.step.code().into(),
            d.registered_by.into(),
            d.registered_at.into(),
            d.committee_check.into(),
            d.recommendation.map(Recommendation::code).into(),
            d.checked_at.into(),
            d.head_decision.map(HeadDecision::code).into(),
            d.head_reasons.into(),
            d.decided_at.into(),
            d.council_report.into(),
            d.reported_at.into(),
            d.revision.into(),
        ]);
    }
    rows.write(conn).await
}

/// Appends decisions to the log through the log's one path ([`crate::decision_log::append_all`]),
/// worded by the journal. Gives the new size.
async fn append_decisions(
    conn: &mut AnyConnection,
    decisions: Vec<BulkDecision>,
    key: Option<&PseudonymKey>,
) -> StoreResult<u64> {
    let entries: Vec<(i64, crate::Decision<'_>)> = decisions
        .iter()
        .map(|d| {
            (
                d.at,
                crate::Decision {
                    event: &d.event,
                    place: d.place(),
                    actor: d.actor(),
                    seed: d.seed,
                },
            )
        })
        .collect();
    let first = crate::decision_log::append_all(conn, &entries, key).await?;
    Ok(first + entries.len() as u64)
}
