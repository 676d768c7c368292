//! Initiatives: proposed partnerships between organisations of a locality. In storage an
//! initiative is a row of `initiatives` (texts, model, stage, work-plan placement, integrity
//! record, revision) with its linked goals and needs, its partners (`initiative_partners`) and
//! what they committed, charter versions and endorsements, expectation answers, and the
//! activity record; from these come the facts the lifecycle rules are checked against.
//!
//! Every change bumps the initiative's `revision` and is recorded in `initiative_events` in the
//! same transaction. Stage changes are conditional on the revision the person saw, so two people
//! acting at once cannot both win: the second is told the initiative changed meanwhile.
//!
//! This module holds the shared types and the core: proposing, editing and reading initiatives,
//! the facts, stages and the convener's contact, the work plan and integrity record, declarations
//! of interest, events and notifications. The rest, by capability:
//! - `partners`: the organisations in an initiative and their committed contributions.
//! - `charter`: charter versions and the partners' endorsements of them.
//! - `expectations`: each partner's answers to the expectations questionnaire.

use std::collections::HashMap;

use serde::Serialize;
use shutaf_domain::expectations::ExpectationAnswers;
use shutaf_domain::initiative::{IntegrityFacts, PartnerFacts, WorkPlanPlacement};
use shutaf_domain::journal::{Event, Matter};
use shutaf_domain::{
    ContributionType, InitiativeFacts, Language, Management, OrganisationKind, PartnershipModel,
    Sector, Stage,
};
use sqlx::{AnyConnection, FromRow};

use crate::journal;
use crate::organisations::pick_name;
use crate::read::{Arg, args};
use crate::{Db, StoreError, StoreResult, abort};

mod charter;
mod expectations;
mod partners;

/// An initiative as stored.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Initiative {
    pub id: i64,
    pub locality_id: i64,
    pub initiator_organisation_id: i64,
    pub lead_organisation_id: Option<i64>,
    pub title_he: Option<String>,
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
    pub problem_he: Option<String>,
    pub problem_ar: Option<String>,
    pub problem_en: Option<String>,
    pub approach_he: Option<String>,
    pub approach_ar: Option<String>,
    pub approach_en: Option<String>,
    #[sqlx(try_from = "String")]
    pub model: PartnershipModel,
    #[sqlx(try_from = "String")]
    pub management: Management,
    #[sqlx(try_from = "String")]
    pub stage: Stage,
    pub stage_reason: Option<String>,
    pub convener_contact_user_id: Option<i64>,
    pub convened_at: Option<i64>,
    pub work_plan: String,
    pub work_plan_item: Option<String>,
    pub budget_line: Option<String>,
    pub no_budget_reason: Option<String>,
    pub integrity_competition: i64,
    pub integrity_exemption: Option<String>,
    pub integrity_exemption_text: Option<String>,
    pub revision: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub last_activity_at: i64,
    #[sqlx(skip)]
    pub goal_ids: Vec<i64>,
    /// The linked goals the locality still pursues (`active`): a goal it dropped or reached no
    /// longer makes the initiative fit its agenda.
    #[sqlx(skip)]
    pub active_goal_ids: Vec<i64>,
    #[sqlx(skip)]
    pub needs: Vec<ContributionType>,
}

crate::read::record!(Initiative { id, locality_id, initiator_organisation_id, lead_organisation_id, title_he, title_ar, title_en, problem_he, problem_ar, problem_en, approach_he, approach_ar, approach_en, model: try_from String, management: try_from String, stage: try_from String, stage_reason, convener_contact_user_id, convened_at, work_plan, work_plan_item, budget_line, no_budget_reason, integrity_competition, integrity_exemption, integrity_exemption_text, revision, created_at, updated_at, last_activity_at, goal_ids: skip, active_goal_ids: skip, needs: skip });

impl Initiative {
    pub fn title(&self, lang: Language) -> &str {
        pick_name([&self.title_he, &self.title_ar, &self.title_en], lang)
    }
    pub fn problem(&self, lang: Language) -> &str {
        pick_name([&self.problem_he, &self.problem_ar, &self.problem_en], lang)
    }
    pub fn approach(&self, lang: Language) -> &str {
        pick_name(
            [&self.approach_he, &self.approach_ar, &self.approach_en],
            lang,
        )
    }
    /// The lead partner: the one named, or the initiator.
    pub fn lead(&self) -> i64 {
        self.lead_organisation_id
            .unwrap_or(self.initiator_organisation_id)
    }
    pub fn work_plan_placement(&self) -> WorkPlanPlacement {
        match self.work_plan.as_str() {
            "placed" => WorkPlanPlacement::Placed,
            "no-budget-needed" => WorkPlanPlacement::NoBudgetNeeded,
            _ => WorkPlanPlacement::NotRecorded,
        }
    }
}

const INITIATIVE_COLUMNS: &str = "id, locality_id, initiator_organisation_id, lead_organisation_id, title_he, title_ar, title_en, \
    problem_he, problem_ar, problem_en, approach_he, approach_ar, approach_en, model, management, stage, stage_reason, \
    convener_contact_user_id, convened_at, work_plan, work_plan_item, budget_line, no_budget_reason, integrity_competition, \
    integrity_exemption, integrity_exemption_text, revision, created_at, updated_at, last_activity_at";

/// A validated new initiative.
#[derive(Debug, Clone)]
pub struct NewInitiative {
    pub locality_id: i64,
    pub initiator_organisation_id: i64,
    pub titles: [Option<String>; 3],
    pub problems: [Option<String>; 3],
    pub approaches: [Option<String>; 3],
    pub model: PartnershipModel,
    pub management: Management,
    /// Goals of the same locality (checked by the caller).
    pub goal_ids: Vec<i64>,
    pub needs: Vec<ContributionType>,
    /// The partner leading a partnership led by one; `None` means the initiator.
    pub lead_organisation_id: Option<i64>,
}

/// Where an organisation stands in an initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartnerStatus {
    /// The lead invited it; it has not accepted yet.
    Invited,
    /// It asked to join; the lead has not accepted yet.
    Requested,
    /// A partner.
    Active,
}

impl PartnerStatus {
    pub fn code(self) -> &'static str {
        match self {
            PartnerStatus::Invited => "invited",
            PartnerStatus::Requested => "requested",
            PartnerStatus::Active => "active",
        }
    }
    fn parse(code: &str) -> Option<PartnerStatus> {
        match code {
            "invited" => Some(PartnerStatus::Invited),
            "requested" => Some(PartnerStatus::Requested),
            "active" => Some(PartnerStatus::Active),
            _ => None,
        }
    }
}

/// An organisation in an initiative, with what it said about its part.
#[derive(Debug, Clone, Serialize)]
pub struct Partner {
    pub organisation_id: i64,
    pub name_he: Option<String>,
    pub name_ar: Option<String>,
    pub name_en: Option<String>,
    pub sector: Sector,
    pub kind: OrganisationKind,
    pub status: PartnerStatus,
    pub role: Option<String>,
    pub interests: Option<String>,
    pub benefits: Option<String>,
}

impl Partner {
    pub fn name(&self, lang: Language) -> &str {
        pick_name([&self.name_he, &self.name_ar, &self.name_en], lang)
    }
}

/// One committed contribution of a partner.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct PartnerContribution {
    pub id: i64,
    pub organisation_id: i64,
    #[sqlx(try_from = "String")]
    pub contribution: ContributionType,
    pub description: Option<String>,
    pub cash_agorot: Option<i64>,
    pub in_kind_agorot: Option<i64>,
    pub period: Option<String>,
}

crate::read::record!(PartnerContribution { id, organisation_id, contribution: try_from String, description, cash_agorot, in_kind_agorot, period });

/// A new committed contribution.
#[derive(Debug, Clone)]
pub struct NewContribution {
    pub contribution: ContributionType,
    pub description: Option<String>,
    pub cash_agorot: Option<i64>,
    pub in_kind_agorot: Option<i64>,
    pub period: Option<String>,
}

/// A version of the charter.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct CharterVersion {
    pub version: i64,
    /// The charter's sections as a JSON object (section name to text).
    pub content: String,
    pub proposed_by_organisation_id: Option<i64>,
    pub created_at: i64,
}

crate::read::record!(CharterVersion {
    version,
    content,
    proposed_by_organisation_id,
    created_at
});

/// Something that happened on an initiative.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct InitiativeEvent {
    pub id: i64,
    pub kind: String,
    pub organisation_id: Option<i64>,
    pub user_id: Option<i64>,
    pub detail: Option<String>,
    pub created_at: i64,
}

crate::read::record!(InitiativeEvent {
    id,
    kind,
    organisation_id,
    user_id,
    detail,
    created_at
});

/// Who acts, for the activity record.
#[derive(Debug, Clone, Copy)]
pub struct Acting {
    pub user_id: i64,
    pub organisation_id: Option<i64>,
}

impl Acting {
    /// The same person acting for an organisation.
    pub fn for_organisation(self, organisation_id: i64) -> Acting {
        Acting {
            organisation_id: Some(organisation_id),
            ..self
        }
    }
}

/// An active partner as the facts need it: (initiative, organisation, sector, kind, role).
type ActivePartner = (i64, i64, Sector, OrganisationKind, Option<String>);

/// An initiative in a list, with the facts for its checkup.
#[derive(Debug, Clone)]
pub struct InitiativeListItem {
    pub initiative: Initiative,
    pub facts: InitiativeFacts,
}

/// Whether the initiative (`initiatives.id` in the statement) has a business among its active
/// partners: the value of `initiatives.business_partner`.
pub(crate) const BUSINESS_PARTNER: &str = "CASE WHEN EXISTS (SELECT 1 FROM initiative_partners bp \
     JOIN organisations bo ON bo.id = bp.organisation_id WHERE bp.initiative_id = initiatives.id \
     AND bp.status = 'active' AND bo.sector = 'business') THEN 1 ELSE 0 END";

/// Sets `business_partner` afresh for the initiatives `which` selects (an SQL condition on
/// `initiatives`, no input in it), after partners or sectors changed outside the journal ([`crate::journal::record`]).
pub(crate) async fn refresh_business_partner(
    conn: &mut AnyConnection,
    which: &str,
    bind: Option<i64>,
) -> StoreResult<()> {
    let sql = format!("UPDATE initiatives SET business_partner = {BUSINESS_PARTNER} WHERE {which}");
    let mut query = sqlx::query(&sql);
    if let Some(value) = bind {
        query = query.bind(value);
    }
    query.execute(&mut *conn).await?;
    Ok(())
}

/// Proposes an initiative within the caller's transaction (see [`Db::create_initiative`]).
pub(crate) async fn create_initiative_in(
    conn: &mut crate::WriteTx,
    new: &NewInitiative,
    acting: Acting,
) -> StoreResult<(i64, Vec<i64>)> {
    let at = conn.at;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO initiatives (locality_id, initiator_organisation_id, title_he, title_ar, title_en, problem_he, problem_ar, \
         problem_en, approach_he, approach_ar, approach_en, model, management, stage, created_by, created_at, updated_at, \
         last_activity_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $16) RETURNING id",
    )
    .bind(new.locality_id)
    .bind(new.initiator_organisation_id)
    .bind(new.titles[0].as_deref())
    .bind(new.titles[1].as_deref())
    .bind(new.titles[2].as_deref())
    .bind(new.problems[0].as_deref())
    .bind(new.problems[1].as_deref())
    .bind(new.problems[2].as_deref())
    .bind(new.approaches[0].as_deref())
    .bind(new.approaches[1].as_deref())
    .bind(new.approaches[2].as_deref())
    .bind(new.model.code())
    .bind(new.management.code())
    .bind(Stage::Idea.code())
    .bind(acting.user_id)
    .bind(at)
    .fetch_one(&mut **conn)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(db) if db.is_foreign_key_violation() => StoreError::NotFound,
        _ => StoreError::Database(e),
    })?;
    write_links(conn, id, &new.goal_ids, &new.needs).await?;
    sqlx::query(
        "INSERT INTO initiative_partners (initiative_id, organisation_id, status, created_at, joined_at) VALUES ($1, $2, 'active', $3, $3)",
    )
    .bind(id)
    .bind(new.initiator_organisation_id)
    .bind(at)
    .execute(&mut **conn)
    .await?;
    refresh_business_partner(conn, "id = $1", Some(id)).await?;
    journal::record_proposal(
        conn,
        id,
        new.locality_id,
        new.initiator_organisation_id,
        acting,
        at,
    )
    .await?;
    // Convene early: the convener's staff hear of the idea at once.
    let staff: Vec<i64> = sqlx::query_scalar(
        "SELECT m.user_id FROM memberships m JOIN localities l ON l.convener_organisation_id = m.organisation_id \
         WHERE l.id = $1 ORDER BY m.user_id",
    )
    .bind(new.locality_id)
    .fetch_all(&mut **conn)
    .await?;
    for user in &staff {
        sqlx::query("INSERT INTO notifications (user_id, kind, initiative_id, created_at) VALUES ($1, 'initiative-proposed', $2, $3)")
            .bind(user)
            .bind(id)
            .bind(at)
            .execute(&mut **conn)
            .await?;
    }
    Ok((id, staff))
}

impl Db {
    /// Proposes an initiative: the initiator becomes its first partner, the locality's convener
    /// staff are notified in the app, and the event is recorded. Gives the id and the ids of the
    /// convener's staff (to mail them).
    pub async fn create_initiative(
        &self,
        new: &NewInitiative,
        acting: Acting,
    ) -> StoreResult<(i64, Vec<i64>)> {
        let mut tx = self.write_tx().await?;
        let created = create_initiative_in(&mut tx, new, acting).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Replaces the initiative's texts, model, linked goals and needs.
    pub async fn update_initiative(
        &self,
        id: i64,
        new: &NewInitiative,
        acting: Acting,
    ) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(tx, sqlx::query(
            "UPDATE initiatives SET title_he = $1, title_ar = $2, title_en = $3, problem_he = $4, problem_ar = $5, problem_en = $6, \
             approach_he = $7, approach_ar = $8, approach_en = $9, model = $10, management = $11, lead_organisation_id = $12 WHERE id = $13",
        )
        .bind(new.titles[0].as_deref())
        .bind(new.titles[1].as_deref())
        .bind(new.titles[2].as_deref())
        .bind(new.problems[0].as_deref())
        .bind(new.problems[1].as_deref())
        .bind(new.problems[2].as_deref())
        .bind(new.approaches[0].as_deref())
        .bind(new.approaches[1].as_deref())
        .bind(new.approaches[2].as_deref())
        .bind(new.model.code())
        .bind(new.management.code())
        .bind(new.lead_organisation_id)
        .bind(id), StoreError::NotFound).await?;
        write_links(&mut tx, id, &new.goal_ids, &new.needs).await?;
        journal::record(&mut tx, id, acting, &Event::Edited).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn initiative(&self, id: i64) -> StoreResult<Option<Initiative>> {
        let sql = format!("SELECT {INITIATIVE_COLUMNS} FROM initiatives WHERE id = $1");
        let Some(initiative): Option<Initiative> = self.read_optional(&sql, args![id]).await?
        else {
            return Ok(None);
        };
        let mut list = vec![initiative];
        self.attach_links(&mut list).await?;
        Ok(list.pop())
    }

    async fn attach_links(&self, initiatives: &mut [Initiative]) -> StoreResult<()> {
        if initiatives.is_empty() {
            return Ok(());
        }
        let ids = self.id_list(initiatives.iter().map(|i| i.id));
        let within = self.in_ids(1);
        let goals: Vec<(i64, i64, String)> = self.read_all(&format!(
            "SELECT ig.initiative_id, ig.goal_id, g.status FROM initiative_goals ig JOIN goals g ON g.id = ig.goal_id \
             WHERE ig.initiative_id {within} ORDER BY ig.goal_id"
        ), args![&ids]).await?;
        let needs: Vec<(i64, String)> = self.read_all(&format!(
            "SELECT initiative_id, contribution FROM initiative_needs WHERE initiative_id {within}"
        ), args![&ids]).await?;
        for initiative in initiatives.iter_mut() {
            initiative.goal_ids = goals
                .iter()
                .filter(|(i, _, _)| *i == initiative.id)
                .map(|(_, g, _)| *g)
                .collect();
            initiative.active_goal_ids = goals
                .iter()
                .filter(|(i, _, status)| *i == initiative.id && status == "active")
                .map(|(_, g, _)| *g)
                .collect();
            initiative.needs = needs
                .iter()
                .filter(|(i, _)| *i == initiative.id)
                .filter_map(|(_, c)| ContributionType::parse(c))
                .collect();
            initiative.needs.sort();
        }
        Ok(())
    }

    /// Moves the initiative to a stage, if nobody changed it since `revision` was read. The
    /// caller has checked the transition (`shutaf_domain::lifecycle::check_transition`) against
    /// facts read at that revision; the condition makes the check and the write one decision.
    pub async fn set_stage(
        &self,
        id: i64,
        revision: i64,
        to: Stage,
        reason: Option<&str>,
        acting: Acting,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let event = Event::StageChanged {
            to,
            reason: reason.map(str::to_owned),
        };
        // The stage, on the revision the caller read, in the journal's own statement.
        let reason = reason.map(str::to_owned);
        let change = journal::Change {
            set: "stage = $3, stage_reason = COALESCE($4, stage_reason)",
            guard: "AND revision = $5",
        };
        let result = journal::record_change(&mut tx, id, acting, &event, change, |statement| {
            statement.bind(to.code()).bind(reason).bind(revision)
        })
        .await;
        if let Err(e) = result {
            return abort(tx, e).await;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The convener engages: names its contact person (a member of the convener's staff) and,
    /// when `convene` (the initiative is still an idea), moves it to `convened`. One action,
    /// one transaction: both entries are on the log, or neither.
    pub async fn engage(
        &self,
        id: i64,
        revision: i64,
        contact_user_id: i64,
        convene: bool,
        acting: Acting,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let change = journal::Change {
            set: "convener_contact_user_id = $3, convened_at = COALESCE(convened_at, $1)",
            guard: "AND revision = $4",
        };
        let mut result = journal::record_change(
            &mut tx,
            id,
            acting,
            &Event::ConvenerEngaged,
            change,
            |statement| statement.bind(contact_user_id).bind(revision),
        )
        .await;
        if result.is_ok() && convene {
            let event = Event::StageChanged {
                to: Stage::Convened,
                reason: None,
            };
            let change = journal::Change {
                set: "stage = $3",
                guard: "AND revision = $4",
            };
            result = journal::record_change(&mut tx, id, acting, &event, change, |statement| {
                statement.bind(Stage::Convened.code()).bind(revision + 1)
            })
            .await;
        }
        if let Err(e) = result {
            return abort(tx, e).await;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records the work-plan placement: an item and budget line, or no municipal budget needed.
    pub async fn set_work_plan(
        &self,
        id: i64,
        placement: &WorkPlanPlacement,
        item: Option<&str>,
        budget_line: Option<&str>,
        no_budget_reason: Option<&str>,
        acting: Acting,
    ) -> StoreResult<()> {
        let code = placement.code();
        let mut tx = self.write_tx().await?;
        sqlx::query("UPDATE initiatives SET work_plan = $1, work_plan_item = $2, budget_line = $3, no_budget_reason = $4 WHERE id = $5")
            .bind(code)
            .bind(item)
            .bind(budget_line)
            .bind(no_budget_reason)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let event = Event::WorkPlanRecorded {
            placement: placement.clone(),
        };
        journal::record(&mut tx, id, acting, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records how the business partner was chosen: competition, or an exemption reason.
    pub async fn set_integrity(
        &self,
        id: i64,
        competition: bool,
        exemption: Option<&str>,
        exemption_text: Option<&str>,
        acting: Acting,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query("UPDATE initiatives SET integrity_competition = $1, integrity_exemption = $2, integrity_exemption_text = $3 WHERE id = $4")
            .bind(i64::from(competition))
            .bind(exemption)
            .bind(exemption_text)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let event = Event::IntegrityRecorded {
            exemption: exemption.map(str::to_owned),
        };
        journal::record(&mut tx, id, acting, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A person who decides declares their interests on the initiative: none, or ties with
    /// named organisations. A tie with a partner means stepping aside (recorded and logged).
    /// Gives the partners they stepped aside from.
    pub async fn declare_interests(
        &self,
        id: i64,
        declaration: &crate::integrity::NewDeclaration,
        acting: Acting,
    ) -> StoreResult<Vec<i64>> {
        let mut tx = self.write_tx().await?;
        let locality_id: i64 =
            sqlx::query_scalar("SELECT locality_id FROM initiatives WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
        let parties: Vec<i64> = sqlx::query_scalar(
            "SELECT organisation_id FROM initiative_partners WHERE initiative_id = $1 AND status = 'active'",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let acting = acting.for_organisation(declaration.organisation_id);
        let recused = crate::integrity::declare_in(
            &mut tx,
            Matter::Initiative(id),
            locality_id,
            declaration,
            &parties,
            acting,
        )
        .await?;
        tx.commit().await?;
        Ok(recused)
    }

    pub async fn events(&self, id: i64, limit: i64) -> StoreResult<Vec<InitiativeEvent>> {
        self.read_all("SELECT id, kind, organisation_id, user_id, detail, created_at FROM initiative_events WHERE initiative_id = $1 \
             ORDER BY id DESC LIMIT $2", args![id, limit]).await
    }

    /// The facts of one initiative for the gates and the checkup.
    pub async fn facts(&self, id: i64, at: i64) -> StoreResult<Option<InitiativeFacts>> {
        let Some(initiative) = self.initiative(id).await? else {
            return Ok(None);
        };
        let mut facts = self.facts_of(vec![initiative], at).await?;
        Ok(facts.pop().map(|item| item.facts))
    }

    /// The facts of an initiative already read with its partners (one request's scope), without
    /// reading either again.
    pub async fn facts_of_initiative(
        &self,
        initiative: &Initiative,
        partners: &[Partner],
        at: i64,
    ) -> StoreResult<InitiativeFacts> {
        let active = partners
            .iter()
            .filter(|p| p.status == PartnerStatus::Active)
            .map(|p| {
                (
                    initiative.id,
                    p.organisation_id,
                    p.sector,
                    p.kind,
                    p.role.clone(),
                )
            })
            .collect();
        let mut facts = self
            .facts_with(vec![initiative.clone()], Some(active), at)
            .await?;
        facts
            .pop()
            .map(|item| item.facts)
            .ok_or(StoreError::NotFound)
    }

    /// Initiatives of a locality, newest first, one page from `keyset`, each with its facts (a
    /// fixed number of queries whatever the page size), and how many there are (kept counts).
    pub async fn initiatives_of_locality(
        &self,
        locality_id: i64,
        stage: Option<Stage>,
        keyset: Option<crate::Keyset>,
        per_page: u32,
        at: i64,
    ) -> StoreResult<(crate::Window<InitiativeListItem>, i64)> {
        let per_page = per_page.clamp(1, 100);
        let total = self.initiative_count(locality_id, stage).await?;
        let (comparison, bound, order) = crate::Window::<Initiative>::bounds(keyset);
        // Two statement texts a direction: with a stage the (locality, stage, id) index serves,
        // without one the (locality, id) index.
        let stage_filter = if stage.is_some() {
            "AND stage = $4"
        } else {
            "AND $4 = ''"
        };
        let sql = format!(
            "SELECT {INITIATIVE_COLUMNS} FROM initiatives WHERE locality_id = $1 AND id {comparison} $2 {stage_filter} \
             ORDER BY id {order} LIMIT $3"
        );
        let rows: Vec<Initiative> = self
            .read_all(
                &sql,
                args![
                    locality_id,
                    bound,
                    per_page as i64 + 1,
                    stage.map(|s| s.code()).unwrap_or("")
                ],
            )
            .await?;
        let window = crate::Window::of(rows, keyset, per_page as usize, |i| i.id);
        let mut initiatives = window.items;
        self.attach_links(&mut initiatives).await?;
        Ok((
            crate::Window {
                items: self.facts_of(initiatives, at).await?,
                older: window.older,
                newer: window.newer,
            },
            total,
        ))
    }

    /// The initiatives an organisation takes part in (any status), newest first.
    pub async fn initiatives_of_organisation(
        &self,
        organisation_id: i64,
        limit: i64,
    ) -> StoreResult<Vec<Initiative>> {
        let sql = format!(
            "SELECT {INITIATIVE_COLUMNS} FROM initiatives WHERE id IN \
             (SELECT initiative_id FROM initiative_partners WHERE organisation_id = $1) ORDER BY id DESC LIMIT $2"
        );
        self.read_all(&sql, args![organisation_id, limit]).await
    }

    async fn facts_of(
        &self,
        initiatives: Vec<Initiative>,
        at: i64,
    ) -> StoreResult<Vec<InitiativeListItem>> {
        self.facts_with(initiatives, None, at).await
    }

    /// The facts of `initiatives`; their active partners are read unless given (as
    /// `(initiative, organisation, sector, kind, role)`).
    async fn facts_with(
        &self,
        initiatives: Vec<Initiative>,
        partners: Option<Vec<ActivePartner>>,
        at: i64,
    ) -> StoreResult<Vec<InitiativeListItem>> {
        if initiatives.is_empty() {
            return Ok(Vec::new());
        }
        let ids = self.id_list(initiatives.iter().map(|i| i.id));
        let mut localities: Vec<i64> = initiatives.iter().map(|i| i.locality_id).collect();
        localities.sort_unstable();
        localities.dedup();
        let localities = self.id_list(localities);
        let parts = facts_sql(self, partners.is_none());
        let business_ids = |partners: &[ActivePartner]| {
            let mut ids: Vec<i64> = partners
                .iter()
                .filter(|(_, _, sector, ..)| *sector == Sector::Business)
                .map(|(_, org, ..)| *org)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            self.id_list(ids)
        };
        // On PostgreSQL one statement, a round trip; on SQLite, whose reads cross no thread,
        // each part alone, the business partners' people read for the partners found (the
        // compound statement ran slower there: measured).
        let rows: Vec<FactRow> = match (self.backend, &partners) {
            (crate::Backend::Postgres, _) => {
                let known = partners.as_deref().map(business_ids);
                let sql = format!(
                    "{} UNION ALL {}",
                    parts.join(" UNION ALL "),
                    deciders_sql(self, known.is_some())
                );
                let mut bound = vec![Arg::from(&ids), Arg::from(&localities)];
                bound.extend(known.map(Arg::from));
                self.read_all(&sql, &bound).await?
            }
            (crate::Backend::Sqlite, _) => {
                let mut rows = Vec::new();
                for part in &parts {
                    rows.extend(
                        self.read_all::<FactRow>(part, args![&ids, &localities])
                            .await?,
                    );
                }
                let found: Vec<ActivePartner>;
                let known = match &partners {
                    Some(given) => given.as_slice(),
                    None => {
                        found = rows.iter().filter_map(partner_of).collect();
                        found.as_slice()
                    }
                };
                let businesses = business_ids(known);
                rows.extend(
                    self.read_all::<FactRow>(
                        &deciders_sql(self, true),
                        args![&ids, &localities, businesses],
                    )
                    .await?,
                );
                rows
            }
        };
        let mut read_partners: Vec<ActivePartner> = Vec::new();
        let mut committed: Vec<(i64, i64, String)> = Vec::new();
        let mut versions: Vec<(i64, i64)> = Vec::new();
        let mut endorsed: Vec<(i64, i64, i64)> = Vec::new();
        let mut answers: Vec<(i64, i64, String, String)> = Vec::new();
        let mut declarations: Vec<(i64, i64)> = Vec::new();
        let mut competed: Vec<i64> = Vec::new();
        let mut indicators: Vec<(i64, i64)> = Vec::new();
        // The people who decide: the convener's owners and administrators (with their
        // locality), and those of each business partner (declarations are needed from all).
        let mut deciding: Vec<(Option<i64>, i64, i64)> = Vec::new();
        for row in rows {
            if let Some(partner) = partner_of(&row) {
                read_partners.push(partner);
                continue;
            }
            let (what, initiative, a, b, x, y, _) = row;
            match (what.as_str(), initiative, a) {
                ("competed", Some(i), _) => competed.push(i),
                ("business", _, Some(org)) => deciding.extend(b.map(|user| (None, org, user))),
                (what, Some(i), Some(a)) => match what {
                    "committed" => committed.extend(x.map(|c| (i, a, c))),
                    "version" => versions.push((i, a)),
                    "endorsed" => endorsed.extend(b.map(|o| (i, a, o))),
                    "answer" => answers.extend(x.zip(y).map(|(q, v)| (i, a, q, v))),
                    "declared" => declarations.push((i, a)),
                    "indicators" => indicators.push((i, a)),
                    "convener" => deciding.extend(b.map(|user| (Some(i), a, user))),
                    _ => {}
                },
                _ => {}
            }
        }
        let partners = partners.unwrap_or(read_partners);
        let mut answers_by = group_answers(answers.into_iter());
        // Which business partners each initiative has, looked up for each person who decides.
        let businesses: std::collections::HashSet<(i64, i64)> = partners
            .iter()
            .filter(|(.., sector, _, _)| *sector == Sector::Business)
            .map(|(i, o, ..)| (*i, *o))
            .collect();

        let mut out = Vec::with_capacity(initiatives.len());
        for initiative in initiatives {
            let id = initiative.id;
            let version = versions.iter().find(|(i, _)| *i == id).map(|(_, v)| *v);
            let mut initiative_answers = answers_by.remove(&id).unwrap_or_default();
            // In organisation order, however the partners were read.
            let mut partner_facts: Vec<PartnerFacts> = partners
                .iter()
                .filter(|(i, ..)| *i == id)
                .map(|(_, org, sector, kind, role)| PartnerFacts {
                    organisation_id: *org,
                    sector: *sector,
                    is_local_authority: matches!(
                        kind,
                        OrganisationKind::Municipality
                            | OrganisationKind::LocalCouncil
                            | OrganisationKind::RegionalCouncil
                            | OrganisationKind::Cluster
                    ),
                    has_role: role.as_deref().is_some_and(|r| !r.trim().is_empty()),
                    committed: committed
                        .iter()
                        .filter(|(i, o, _)| *i == id && o == org)
                        .filter_map(|(_, _, c)| ContributionType::parse(c))
                        .collect(),
                    endorsed_current: version.is_some_and(|v| {
                        endorsed
                            .iter()
                            .any(|(i, ver, o)| *i == id && *ver == v && o == org)
                    }),
                    expectations: initiative_answers.remove(org),
                })
                .collect();
            partner_facts.sort_by_key(|p| p.organisation_id);
            let mut decider_ids: Vec<i64> = deciding
                .iter()
                .filter(|(locality, org, _)| match locality {
                    Some(locality) => *locality == initiative.locality_id,
                    None => businesses.contains(&(id, *org)),
                })
                .map(|(.., user)| *user)
                .collect();
            decider_ids.sort_unstable();
            decider_ids.dedup();
            let declared = declarations
                .iter()
                .filter(|(i, u)| *i == id && decider_ids.contains(u))
                .count();
            let facts = InitiativeFacts {
                stage: initiative.stage,
                created_at: initiative.created_at,
                convener_engaged: initiative.convener_contact_user_id.is_some(),
                linked_goals: initiative.active_goal_ids.len(),
                work_plan: initiative.work_plan_placement(),
                needed: initiative.needs.clone(),
                partners: partner_facts,
                charter_version: version.map(|v| v as u32),
                integrity: IntegrityFacts {
                    competition: initiative.integrity_competition == 1 || competed.contains(&id),
                    exemption: initiative.integrity_exemption.is_some(),
                    undeclared_deciders: decider_ids.len().saturating_sub(declared),
                    deciders: decider_ids.len(),
                },
                indicators: indicators
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map_or(0, |(_, n)| *n as usize),
                last_activity_at: initiative.last_activity_at,
                now: at,
            };
            out.push(InitiativeListItem { initiative, facts });
        }
        Ok(out)
    }

    /// In-app notifications of a person, newest first, with the count of unread ones.
    pub async fn notifications(
        &self,
        user_id: i64,
        limit: i64,
    ) -> StoreResult<(Vec<(i64, String, Option<i64>, i64, Option<i64>)>, i64)> {
        let list = self.read_all("SELECT id, kind, initiative_id, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT $2", args![user_id, limit]).await?;
        let unread: i64 = self
            .read_scalar(
                "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
                args![user_id],
            )
            .await?;
        Ok((list, unread))
    }

    pub async fn unread_notifications(&self, user_id: i64) -> StoreResult<i64> {
        self.read_scalar(
            "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
            args![user_id],
        )
        .await
    }

    pub async fn mark_notifications_read(&self, user_id: i64) -> StoreResult<()> {
        sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
            .bind(self.now())
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// A row of the facts' one statement (see [`facts_sql`]): what it tells, the initiative (the
/// locality, for a convener's people), two numbers and three texts.
type FactRow = (
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Everything the checkup reads of a list's initiatives (`$1`, their ids; `$2`, their
/// localities'), as parts of one statement (`UNION ALL`), each reading its own tables by the
/// initiatives' ids (on SQLite each part is a statement, the eight the list always took): on PostgreSQL each statement is a round trip and a plan executed, and the
/// eight a list took were a third of an initiative page's (issue 12). The active partners are
/// read too unless the caller has them (`with_partners` false); the people who decide are
/// read by [`deciders_sql`].
fn facts_sql(db: &Db, with_partners: bool) -> Vec<String> {
    let ids = db.in_ids(1);
    const NO_NUMBER: &str = "CAST(NULL AS BIGINT)";
    const NO_TEXT: &str = "CAST(NULL AS TEXT)";
    let mut parts = Vec::new();
    if with_partners {
        parts.push(format!(
            "SELECT 'partner', p.initiative_id, p.organisation_id, {NO_NUMBER}, o.sector, o.kind, p.role \
             FROM initiative_partners p JOIN organisations o ON o.id = p.organisation_id \
             WHERE p.initiative_id {ids} AND p.status = 'active'"
        ));
    }
    parts.extend([
        format!(
            "SELECT 'committed', initiative_id, organisation_id, {NO_NUMBER}, contribution, {NO_TEXT}, {NO_TEXT} \
             FROM partner_contributions WHERE initiative_id {ids}"
        ),
        // The current charter versions and the endorsements.
        format!(
            "SELECT 'version', initiative_id, MAX(version), {NO_NUMBER}, {NO_TEXT}, {NO_TEXT}, {NO_TEXT} \
             FROM charter_versions WHERE initiative_id {ids} GROUP BY initiative_id \
             UNION ALL SELECT 'endorsed', initiative_id, version, organisation_id, {NO_TEXT}, {NO_TEXT}, {NO_TEXT} \
             FROM endorsements WHERE initiative_id {ids}"
        ),
        format!(
            "SELECT 'answer', initiative_id, organisation_id, {NO_NUMBER}, question, answer, {NO_TEXT} \
             FROM expectation_answers WHERE initiative_id {ids}"
        ),
        format!(
            "SELECT 'declared', matter_id, user_id, {NO_NUMBER}, {NO_TEXT}, {NO_TEXT}, {NO_TEXT} \
             FROM declarations WHERE matter = 'initiative' AND matter_id {ids}"
        ),
        // A decided notice inviting competing proposals, or an awarded open call, is competition.
        format!(
            "SELECT 'competed', initiative_id, {NO_NUMBER}, {NO_NUMBER}, {NO_TEXT}, {NO_TEXT}, {NO_TEXT} \
             FROM competition_notices WHERE initiative_id {ids} AND outcome IS NOT NULL \
             UNION ALL SELECT 'competed', initiative_id, {NO_NUMBER}, {NO_NUMBER}, {NO_TEXT}, {NO_TEXT}, {NO_TEXT} \
             FROM calls WHERE initiative_id {ids} AND status = 'awarded'"
        ),
        format!(
            "SELECT 'indicators', initiative_id, COUNT(*), {NO_NUMBER}, {NO_TEXT}, {NO_TEXT}, {NO_TEXT} \
             FROM indicators WHERE initiative_id {ids} GROUP BY initiative_id"
        ),
    ]);
    parts
}

/// A partner of a [`FactRow`] of the `partner` part.
fn partner_of(row: &FactRow) -> Option<ActivePartner> {
    let (what, initiative, organisation, _, sector, kind, role) = row;
    (what == "partner").then_some(())?;
    Some((
        (*initiative)?,
        (*organisation)?,
        Sector::parse(sector.as_deref()?)?,
        OrganisationKind::parse(kind.as_deref()?)?,
        role.clone(),
    ))
}

/// The part of [`facts_sql`] that reads the people who decide: the conveners' owners and
/// administrators (`$2`, the localities), and the business partners': those of `$3` when
/// they are known, or found from the initiatives' active partners.
fn deciders_sql(db: &Db, businesses_known: bool) -> String {
    let localities = db.in_ids(2);
    let businesses = if businesses_known {
        db.in_ids(3)
    } else {
        format!(
            "IN (SELECT p.organisation_id FROM initiative_partners p JOIN organisations o ON o.id = p.organisation_id \
             WHERE p.initiative_id {} AND p.status = 'active' AND o.sector = 'business')",
            db.in_ids(1)
        )
    };
    const NO_TEXT: &str = "CAST(NULL AS TEXT)";
    format!(
        "SELECT 'convener', l.id, m.organisation_id, m.user_id, {NO_TEXT}, {NO_TEXT}, {NO_TEXT} \
         FROM localities l JOIN memberships m ON m.organisation_id = l.convener_organisation_id \
         WHERE l.id {localities} AND m.role IN ('owner', 'admin') \
         UNION ALL SELECT 'business', CAST(NULL AS BIGINT), m.organisation_id, m.user_id, {NO_TEXT}, {NO_TEXT}, {NO_TEXT} \
         FROM memberships m WHERE m.organisation_id {businesses} AND m.role IN ('owner', 'admin')"
    )
}

fn group_answers(
    rows: impl Iterator<Item = (i64, i64, String, String)>,
) -> HashMap<i64, HashMap<i64, ExpectationAnswers>> {
    let mut grouped: HashMap<i64, HashMap<i64, Vec<(String, String)>>> = HashMap::new();
    for (initiative, org, question, answer) in rows {
        grouped
            .entry(initiative)
            .or_default()
            .entry(org)
            .or_default()
            .push((question, answer));
    }
    grouped
        .into_iter()
        .map(|(initiative, orgs)| {
            let parsed = orgs
                .into_iter()
                .filter_map(|(org, pairs)| {
                    ExpectationAnswers::from_codes(
                        pairs.iter().map(|(q, a)| (q.as_str(), a.as_str())),
                    )
                    .ok()
                    .map(|a| (org, a))
                })
                .collect();
            (initiative, parsed)
        })
        .collect()
}

async fn write_links(
    conn: &mut AnyConnection,
    id: i64,
    goals: &[i64],
    needs: &[ContributionType],
) -> StoreResult<()> {
    sqlx::query("DELETE FROM initiative_goals WHERE initiative_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let mut goals = goals.to_vec();
    goals.sort_unstable();
    goals.dedup();
    for goal in goals {
        sqlx::query("INSERT INTO initiative_goals (initiative_id, goal_id) VALUES ($1, $2)")
            .bind(id)
            .bind(goal)
            .execute(&mut *conn)
            .await
            .map_err(|e| match &e {
                sqlx::Error::Database(db) if db.is_foreign_key_violation() => StoreError::NotFound,
                _ => StoreError::Database(e),
            })?;
    }
    sqlx::query("DELETE FROM initiative_needs WHERE initiative_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let mut needs = needs.to_vec();
    needs.sort();
    needs.dedup();
    for need in needs {
        sqlx::query("INSERT INTO initiative_needs (initiative_id, contribution) VALUES ($1, $2)")
            .bind(id)
            .bind(need.code())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

impl Db {
    /// The titles of initiatives by id (he, ar, en), in one query.
    pub async fn initiative_titles(
        &self,
        ids: &[i64],
    ) -> StoreResult<Vec<(i64, Option<String>, Option<String>, Option<String>)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.read_all(
            &format!(
                "SELECT id, title_he, title_ar, title_en FROM initiatives WHERE id {}",
                self.in_ids(1)
            ),
            args![self.id_list(ids.iter().copied())],
        )
        .await
    }
}
