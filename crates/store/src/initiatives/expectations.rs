//! The expectations questionnaire: each partner's answers, replaced as a whole.

use std::collections::HashMap;

use shutaf_domain::expectations::ExpectationAnswers;
use shutaf_domain::journal::Event;

use super::{Acting, group_answers};
use crate::journal;
use crate::read::args;
use crate::{Db, StoreResult};

impl Db {
    /// Replaces a partner's answers to the expectations questionnaire.
    pub async fn set_expectations(
        &self,
        id: i64,
        organisation_id: i64,
        answers: &[(&str, &str)],
        acting: Acting,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "DELETE FROM expectation_answers WHERE initiative_id = $1 AND organisation_id = $2",
        )
        .bind(id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
        let at = tx.at;
        for (question, answer) in answers {
            sqlx::query(
                "INSERT INTO expectation_answers (initiative_id, organisation_id, question, answer, answered_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(organisation_id)
            .bind(*question)
            .bind(*answer)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        journal::record(
            &mut tx,
            id,
            acting.for_organisation(organisation_id),
            &Event::ExpectationsAnswered,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Each partner's expectation answers.
    pub async fn expectations(&self, id: i64) -> StoreResult<HashMap<i64, ExpectationAnswers>> {
        let rows: Vec<(i64, String, String)> =
            self.read_all("SELECT organisation_id, question, answer FROM expectation_answers WHERE initiative_id = $1", args![id]).await?;
        Ok(
            group_answers(rows.into_iter().map(|(org, q, a)| (id, org, q, a)))
                .remove(&id)
                .unwrap_or_default(),
        )
    }
}
