//! A locality's agenda: its goals (from its sustainability plan and work plan), with the SDG
//! goals, targets and local targets each serves.

use serde::Serialize;
use shutaf_domain::Language;
use sqlx::FromRow;

use crate::journal;
use crate::organisations::pick_name;
use crate::read::args;
use crate::{Db, StoreError, StoreResult};

/// An item on a locality's agenda.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Goal {
    pub id: i64,
    pub locality_id: i64,
    pub title_he: Option<String>,
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
    pub description_he: Option<String>,
    pub description_ar: Option<String>,
    pub description_en: Option<String>,
    pub department: Option<String>,
    /// The year the goal aims at (2030, say).
    pub horizon: Option<i64>,
    pub work_plan_year: Option<i64>,
    pub budget_line: Option<String>,
    /// `active`, `achieved` or `dropped`.
    pub status: String,
    /// SDG codes it serves (`7`, `7.2`, `7.2.1`), sorted.
    #[sqlx(skip)]
    pub sdg_codes: Vec<String>,
}

crate::read::record!(Goal {
    id,
    locality_id,
    title_he,
    title_ar,
    title_en,
    description_he,
    description_ar,
    description_en,
    department,
    horizon,
    work_plan_year,
    budget_line,
    status,
    sdg_codes: skip
});

impl Goal {
    pub fn title(&self, lang: Language) -> &str {
        pick_name([&self.title_he, &self.title_ar, &self.title_en], lang)
    }

    pub fn description(&self, lang: Language) -> &str {
        pick_name(
            [
                &self.description_he,
                &self.description_ar,
                &self.description_en,
            ],
            lang,
        )
    }

    /// The SDG goal numbers it serves, without repeats.
    pub fn sdg_goals(&self) -> Vec<u8> {
        let mut goals: Vec<u8> = self
            .sdg_codes
            .iter()
            .filter_map(|c| c.split('.').next()?.parse().ok())
            .collect();
        goals.sort_unstable();
        goals.dedup();
        goals
    }
}

const GOAL_COLUMNS: &str = "id, locality_id, title_he, title_ar, title_en, description_he, description_ar, description_en, \
                            department, horizon, work_plan_year, budget_line, status";

/// A validated goal to create or replace.
#[derive(Debug, Clone, Default)]
pub struct NewGoal {
    pub titles: [Option<String>; 3],
    pub descriptions: [Option<String>; 3],
    pub department: Option<String>,
    pub horizon: Option<i64>,
    pub work_plan_year: Option<i64>,
    pub budget_line: Option<String>,
    pub status: String,
    /// Valid SDG codes (checked by `shutaf_domain::sdg::SdgCode`).
    pub sdg_codes: Vec<String>,
}

/// The SDG goal number a code lies under (`7` for `7.2.1`), as `goal_sdg_links.sdg_goal` keeps it.
pub(crate) fn sdg_goal_of(code: &str) -> i64 {
    code.split('.')
        .next()
        .and_then(|g| g.parse().ok())
        .unwrap_or(0)
}

async fn write_codes(
    conn: &mut sqlx::AnyConnection,
    goal_id: i64,
    codes: &[String],
) -> StoreResult<()> {
    sqlx::query("DELETE FROM goal_sdg_links WHERE goal_id = $1")
        .bind(goal_id)
        .execute(&mut *conn)
        .await?;
    let mut codes = codes.to_vec();
    codes.sort();
    codes.dedup();
    for code in codes {
        let sdg_goal = sdg_goal_of(&code);
        sqlx::query("INSERT INTO goal_sdg_links (goal_id, code, sdg_goal) VALUES ($1, $2, $3)")
            .bind(goal_id)
            .bind(&code)
            .bind(sdg_goal)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

impl Db {
    pub async fn create_goal(&self, locality_id: i64, goal: &NewGoal) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO goals (locality_id, title_he, title_ar, title_en, description_he, description_ar, description_en, \
             department, horizon, work_plan_year, budget_line, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(locality_id)
        .bind(goal.titles[0].as_deref())
        .bind(goal.titles[1].as_deref())
        .bind(goal.titles[2].as_deref())
        .bind(goal.descriptions[0].as_deref())
        .bind(goal.descriptions[1].as_deref())
        .bind(goal.descriptions[2].as_deref())
        .bind(goal.department.as_deref())
        .bind(goal.horizon)
        .bind(goal.work_plan_year)
        .bind(goal.budget_line.as_deref())
        .bind(&goal.status)
        .bind(tx.at)
        .fetch_one(&mut *tx)
        .await?;
        write_codes(&mut tx, id, &goal.sdg_codes).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_goal(&self, id: i64, goal: &NewGoal) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(tx, sqlx::query(
            "UPDATE goals SET title_he = $1, title_ar = $2, title_en = $3, description_he = $4, description_ar = $5, \
             description_en = $6, department = $7, horizon = $8, work_plan_year = $9, budget_line = $10, status = $11 WHERE id = $12",
        )
        .bind(goal.titles[0].as_deref())
        .bind(goal.titles[1].as_deref())
        .bind(goal.titles[2].as_deref())
        .bind(goal.descriptions[0].as_deref())
        .bind(goal.descriptions[1].as_deref())
        .bind(goal.descriptions[2].as_deref())
        .bind(goal.department.as_deref())
        .bind(goal.horizon)
        .bind(goal.work_plan_year)
        .bind(goal.budget_line.as_deref())
        .bind(&goal.status)
        .bind(id), StoreError::NotFound).await?;
        write_codes(&mut tx, id, &goal.sdg_codes).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn goal(&self, id: i64) -> StoreResult<Option<Goal>> {
        let sql = format!("SELECT {GOAL_COLUMNS} FROM goals WHERE id = $1");
        let Some(goal): Option<Goal> = self.read_optional(&sql, args![id]).await? else {
            return Ok(None);
        };
        let mut goals = vec![goal];
        self.attach_sdg_codes(&mut goals).await?;
        Ok(goals.pop())
    }

    /// A locality's goals, with their SDG codes (two queries, whatever the number of goals).
    pub async fn goals_of(&self, locality_id: i64) -> StoreResult<Vec<Goal>> {
        let sql = format!(
            "SELECT {GOAL_COLUMNS} FROM goals WHERE locality_id = $1 ORDER BY id LIMIT 500"
        );
        let mut goals: Vec<Goal> = self.read_all(&sql, args![locality_id]).await?;
        self.attach_sdg_codes(&mut goals).await?;
        Ok(goals)
    }

    /// Goals by id, with their SDG codes.
    pub async fn goals_by_ids(&self, ids: &[i64]) -> StoreResult<Vec<Goal>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {GOAL_COLUMNS} FROM goals WHERE id {} ORDER BY id",
            self.in_ids(1)
        );
        let mut goals: Vec<Goal> = self
            .read_all(&sql, args![self.id_list(ids.iter().copied())])
            .await?;
        self.attach_sdg_codes(&mut goals).await?;
        Ok(goals)
    }

    async fn attach_sdg_codes(&self, goals: &mut [Goal]) -> StoreResult<()> {
        if goals.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "SELECT goal_id, code FROM goal_sdg_links WHERE goal_id {} ORDER BY code",
            self.in_ids(1)
        );
        let rows: Vec<(i64, String)> = self
            .read_all(&sql, args![self.id_list(goals.iter().map(|g| g.id))])
            .await?;
        for goal in goals.iter_mut() {
            goal.sdg_codes = rows
                .iter()
                .filter(|(id, _)| *id == goal.id)
                .map(|(_, code)| code.clone())
                .collect();
        }
        Ok(())
    }
}

/// A locality's own target under an SDG target, coded `<target>.<n>` (`7.2.1`).
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct LocalTarget {
    pub code: String,
    pub title_he: Option<String>,
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
}

crate::read::record!(LocalTarget {
    code,
    title_he,
    title_ar,
    title_en
});

impl LocalTarget {
    pub fn title(&self, lang: Language) -> &str {
        pick_name([&self.title_he, &self.title_ar, &self.title_en], lang)
    }
}

impl Db {
    pub async fn local_targets_of(&self, locality_id: i64) -> StoreResult<Vec<LocalTarget>> {
        let mut targets: Vec<LocalTarget> =
            self.read_all("SELECT code, title_he, title_ar, title_en FROM local_targets WHERE locality_id = $1 LIMIT 1000", args![locality_id]).await?;
        // Codes sort as numbers part by part: 7.2.10 after 7.2.9.
        targets.sort_by_key(|t| {
            t.code
                .split('.')
                .map(|p| (p.parse::<u32>().unwrap_or(u32::MAX), p.to_owned()))
                .collect::<Vec<_>>()
        });
        Ok(targets)
    }

    /// Defines or renames a local target.
    pub async fn set_local_target(
        &self,
        locality_id: i64,
        code: &str,
        titles: &[Option<String>; 3],
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO local_targets (locality_id, code, title_he, title_ar, title_en) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (locality_id, code) DO UPDATE SET title_he = excluded.title_he, title_ar = excluded.title_ar, \
             title_en = excluded.title_en",
        )
        .bind(locality_id)
        .bind(code)
        .bind(titles[0].as_deref())
        .bind(titles[1].as_deref())
        .bind(titles[2].as_deref())
        .execute(&self.pool)
        .await?;
        self.data_changed().await
    }
}
