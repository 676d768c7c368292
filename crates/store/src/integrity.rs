//! Declarations of interest and recusals on a matter (an initiative or a call), and notices
//! inviting competing proposals for an initiative a business brought to the city.
//!
//! A declaration, each recusal, each notice and its outcome are decisions: they are appended to
//! the public log in the transaction that records them.

use serde::Serialize;
use shutaf_domain::Language;
use shutaf_domain::disclosure::SealedFor;
use shutaf_domain::integrity::{Declared, NoticeOutcome, Relation, recusals};
use shutaf_domain::journal::Event;
use sqlx::{AnyConnection, FromRow};

use crate::disclosures::{NameScope, Redacted};
use crate::organisations::pick_name;
use crate::read::args;
use crate::{Acting, Db, StoreError, StoreResult, abort, journal};

/// What a declaration is about (an initiative or a call).
pub use shutaf_domain::journal::Matter;

/// An organisation named on the record, in its three languages.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Named {
    pub id: i64,
    pub name_he: Option<String>,
    pub name_ar: Option<String>,
    pub name_en: Option<String>,
}

crate::read::record!(Named {
    id,
    name_he,
    name_ar,
    name_en
});

impl Named {
    pub fn name(&self, lang: Language) -> &str {
        pick_name([&self.name_he, &self.name_ar, &self.name_en], lang)
    }
}

/// A tie a person declared with an organisation.
#[derive(Debug, Clone, Serialize)]
pub struct Tie {
    pub organisation: Named,
    pub relation: Relation,
}

/// A public declaration of interests.
#[derive(Debug, Clone, Serialize)]
pub struct Declaration {
    pub user_id: i64,
    /// The name disclosed beside the declaration's entry (empty once redacted); the account's
    /// name where the log disclosed none (its first encoding named people on the entry).
    pub person: String,
    /// When and why the name was redacted beside the log.
    pub person_redacted: Option<Redacted>,
    /// The organisation they decide or evaluate for.
    pub organisation: Named,
    pub has_interests: bool,
    pub details: Option<String>,
    pub declared_at: i64,
    pub ties: Vec<Tie>,
}

/// A person who stepped aside, and from which party.
#[derive(Debug, Clone, Serialize)]
pub struct Recusal {
    pub user_id: i64,
    /// As a declaration's: the name disclosed beside the entry.
    pub person: String,
    pub person_redacted: Option<Redacted>,
    pub party: Named,
    pub recorded_at: i64,
}

/// What a person declares.
#[derive(Debug, Clone, Default)]
pub struct NewDeclaration {
    /// The organisation they decide or evaluate for.
    pub organisation_id: i64,
    pub details: Option<String>,
    pub ties: Vec<(i64, Relation)>,
}

/// A notice inviting competing proposals.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Notice {
    pub id: i64,
    pub initiative_id: i64,
    pub summary: String,
    pub closes_at: i64,
    pub published_at: i64,
    /// The outcome's code (see [`Notice::outcome`]).
    pub outcome: Option<String>,
    pub chosen_proposal_id: Option<i64>,
    pub outcome_reasons: Option<String>,
    pub decided_at: Option<i64>,
}

crate::read::record!(Notice {
    id,
    initiative_id,
    summary,
    closes_at,
    published_at,
    outcome,
    chosen_proposal_id,
    outcome_reasons,
    decided_at
});

impl Notice {
    /// The decision after the notice, once taken.
    pub fn outcome(&self) -> Option<NoticeOutcome> {
        self.outcome.as_deref().and_then(NoticeOutcome::parse)
    }
}

/// An alternative proposal sent in answer to a notice.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct AlternativeProposal {
    pub id: i64,
    pub notice_id: i64,
    pub organisation_id: i64,
    pub name_he: Option<String>,
    pub name_ar: Option<String>,
    pub name_en: Option<String>,
    pub summary: String,
    pub submitted_at: i64,
}

crate::read::record!(AlternativeProposal {
    id,
    notice_id,
    organisation_id,
    name_he,
    name_ar,
    name_en,
    summary,
    submitted_at
});

impl AlternativeProposal {
    pub fn name(&self, lang: Language) -> &str {
        pick_name([&self.name_he, &self.name_ar, &self.name_en], lang)
    }
}

/// Records a declaration within the caller's transaction: replaces the person's earlier one on
/// the matter, logs it with the person's name and ties, and records (and logs) a recusal from
/// each of `parties` they declared a tie with. Gives the parties they stepped aside from.
pub(crate) async fn declare_in(
    conn: &mut crate::WriteTx,
    matter: Matter,
    locality_id: i64,
    declaration: &NewDeclaration,
    parties: &[i64],
    acting: Acting,
) -> StoreResult<Vec<i64>> {
    let at = conn.at;
    sqlx::query(
        "INSERT INTO declarations (matter, matter_id, user_id, organisation_id, has_interests, details, declared_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (matter, matter_id, user_id) DO UPDATE SET \
         organisation_id = excluded.organisation_id, has_interests = excluded.has_interests, details = excluded.details, \
         declared_at = excluded.declared_at",
    )
    .bind(matter.kind())
    .bind(matter.id())
    .bind(acting.user_id)
    .bind(declaration.organisation_id)
    .bind(i64::from(
        !declaration.ties.is_empty() || declaration.details.is_some(),
    ))
    .bind(declaration.details.as_deref())
    .bind(at)
    .execute(&mut **conn)
    .await?;
    sqlx::query(
        "DELETE FROM declaration_ties WHERE matter = $1 AND matter_id = $2 AND user_id = $3",
    )
    .bind(matter.kind())
    .bind(matter.id())
    .bind(acting.user_id)
    .execute(&mut **conn)
    .await?;
    for (organisation_id, relation) in &declaration.ties {
        sqlx::query(
            "INSERT INTO declaration_ties (matter, matter_id, user_id, party_organisation_id, relation) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (matter, matter_id, user_id, party_organisation_id) DO UPDATE SET relation = excluded.relation",
        )
        .bind(matter.kind())
        .bind(matter.id())
        .bind(acting.user_id)
        .bind(organisation_id)
        .bind(relation.code())
        .execute(&mut **conn)
        .await?;
    }
    let sealed = sealed_on(conn, matter).await?;
    let event = Event::InterestsDeclared {
        matter,
        ties: declaration.ties.clone(),
        sealed,
    };
    let declarer = acting.for_organisation(declaration.organisation_id);
    // On an initiative the declaration is also a row of its history; on a call, the log alone.
    match matter {
        Matter::Initiative(id) => {
            journal::record(conn, id, declarer, &event).await?;
        }
        Matter::Call(_) => {
            journal::record_decision(conn, locality_id, None, declarer, &event).await?;
        }
    }
    let declared = Declared {
        ties: declaration.ties.iter().map(|(org, _)| *org).collect(),
    };
    let stepped_aside = recusals(&declared, parties);
    for party in &stepped_aside {
        recuse_in(conn, matter, locality_id, *party, acting, sealed).await?;
    }
    Ok(stepped_aside)
}

/// Whether what a declaration or recusal on `matter` says of its parties is sealed: on a call
/// still open its parties are applicants, whom the record does not name until the call's
/// decision. The call's row is locked for the transaction (as its award locks it), so a
/// decision cannot slip in between and leave a text sealed that nothing will open.
pub(crate) async fn sealed_on(conn: &mut AnyConnection, matter: Matter) -> StoreResult<bool> {
    let Matter::Call(call) = matter else {
        return Ok(false);
    };
    let status: Option<String> =
        sqlx::query_scalar("UPDATE calls SET revision = revision WHERE id = $1 RETURNING status")
            .bind(call)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(status.as_deref() == Some("open"))
}

/// Records, once, that a person steps aside from a matter because of a party; logs it.
pub(crate) async fn recuse_in(
    conn: &mut crate::WriteTx,
    matter: Matter,
    locality_id: i64,
    party: i64,
    acting: Acting,
    sealed: bool,
) -> StoreResult<()> {
    let inserted = sqlx::query(
        "INSERT INTO recusals (matter, matter_id, user_id, party_organisation_id, recorded_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (matter, matter_id, user_id, party_organisation_id) DO NOTHING",
    )
    .bind(matter.kind())
    .bind(matter.id())
    .bind(acting.user_id)
    .bind(party)
    .bind(conn.at)
    .execute(&mut **conn)
    .await?
    .rows_affected();
    if inserted > 0 {
        // The person's step, not a change of the initiative: the log alone.
        journal::record_decision(
            conn,
            locality_id,
            matter.initiative_id(),
            acting,
            &Event::Recused {
                matter,
                party,
                sealed,
            },
        )
        .await?;
    }
    Ok(())
}

const NAMED: &str = "o.id, o.name_he, o.name_ar, o.name_en";

impl Db {
    /// What a person declared on a matter (their ties), if they declared.
    pub async fn declared(&self, matter: Matter, user_id: i64) -> StoreResult<Option<Declared>> {
        let declared: Option<i64> = self.read_scalar_optional("SELECT declared_at FROM declarations WHERE matter = $1 AND matter_id = $2 AND user_id = $3", args![matter.kind(), matter.id(), user_id]).await?;
        if declared.is_none() {
            return Ok(None);
        }
        let ties: Vec<i64> = self.read_column("SELECT party_organisation_id FROM declaration_ties WHERE matter = $1 AND matter_id = $2 AND user_id = $3", args![matter.kind(), matter.id(), user_id]).await?;
        Ok(Some(Declared { ties }))
    }

    /// Records that a person steps aside from a matter (once), logging it.
    pub async fn recuse(
        &self,
        matter: Matter,
        locality_id: i64,
        party: i64,
        acting: Acting,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let sealed = sealed_on(&mut tx, matter).await?;
        recuse_in(&mut tx, matter, locality_id, party, acting, sealed).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The declarations on a matter, for the public record (three queries, whatever their
    /// number), people named as the log disclosed them.
    pub async fn declarations(&self, matter: Matter) -> StoreResult<Vec<Declaration>> {
        #[derive(FromRow)]
        struct Row {
            user_id: i64,
            person: String,
            id: i64,
            name_he: Option<String>,
            name_ar: Option<String>,
            name_en: Option<String>,
            has_interests: i64,
            details: Option<String>,
            declared_at: i64,
        }

        crate::read::record!(Row {
            user_id,
            person,
            id,
            name_he,
            name_ar,
            name_en,
            has_interests,
            details,
            declared_at
        });
        let rows: Vec<Row> = self.read_all(&format!(
            "SELECT d.user_id, u.display_name AS person, {NAMED}, d.has_interests, d.details, d.declared_at \
             FROM declarations d JOIN users u ON u.id = d.user_id JOIN organisations o ON o.id = d.organisation_id \
             WHERE d.matter = $1 AND d.matter_id = $2 ORDER BY d.declared_at, d.user_id"
        ), args![matter.kind(), matter.id()]).await?;
        #[derive(FromRow)]
        struct TieRow {
            user_id: i64,
            relation: String,
            id: i64,
            name_he: Option<String>,
            name_ar: Option<String>,
            name_en: Option<String>,
        }

        crate::read::record!(TieRow {
            user_id,
            relation,
            id,
            name_he,
            name_ar,
            name_en
        });
        let ties: Vec<TieRow> = self.read_all(&format!(
            "SELECT t.user_id, t.relation, {NAMED} FROM declaration_ties t JOIN organisations o ON o.id = t.party_organisation_id \
             WHERE t.matter = $1 AND t.matter_id = $2 ORDER BY t.user_id, o.id"
        ), args![matter.kind(), matter.id()]).await?;
        let names = self
            .names_beside("interests-declared", NameScope::Matter(matter))
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let (person, person_redacted) = names.shown(matter, r.user_id, None, r.person);
                Declaration {
                    user_id: r.user_id,
                    person,
                    person_redacted,
                    organisation: Named {
                        id: r.id,
                        name_he: r.name_he,
                        name_ar: r.name_ar,
                        name_en: r.name_en,
                    },
                    has_interests: r.has_interests == 1,
                    details: r.details,
                    declared_at: r.declared_at,
                    ties: ties
                        .iter()
                        .filter(|t| t.user_id == r.user_id)
                        .filter_map(|t| {
                            Some(Tie {
                                relation: Relation::parse(&t.relation)?,
                                organisation: Named {
                                    id: t.id,
                                    name_he: t.name_he.clone(),
                                    name_ar: t.name_ar.clone(),
                                    name_en: t.name_en.clone(),
                                },
                            })
                        })
                        .collect(),
                }
            })
            .collect())
    }

    /// The recusals on a matter, people named as the log disclosed them.
    pub async fn recusals(&self, matter: Matter) -> StoreResult<Vec<Recusal>> {
        #[derive(FromRow)]
        struct Row {
            user_id: i64,
            person: String,
            id: i64,
            name_he: Option<String>,
            name_ar: Option<String>,
            name_en: Option<String>,
            recorded_at: i64,
        }

        crate::read::record!(Row {
            user_id,
            person,
            id,
            name_he,
            name_ar,
            name_en,
            recorded_at
        });
        let rows: Vec<Row> = self.read_all(&format!(
            "SELECT r.user_id, u.display_name AS person, {NAMED}, r.recorded_at FROM recusals r \
             JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = r.party_organisation_id \
             WHERE r.matter = $1 AND r.matter_id = $2 ORDER BY r.recorded_at, r.user_id"
        ), args![matter.kind(), matter.id()]).await?;
        let names = self
            .names_beside("recused", NameScope::Matter(matter))
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let (person, person_redacted) =
                    names.shown(matter, r.user_id, Some(r.id), r.person);
                Recusal {
                    user_id: r.user_id,
                    person,
                    person_redacted,
                    party: Named {
                        id: r.id,
                        name_he: r.name_he,
                        name_ar: r.name_ar,
                        name_en: r.name_en,
                    },
                    recorded_at: r.recorded_at,
                }
            })
            .collect())
    }

    /// The convener publishes a notice inviting competing proposals until `closes_at`.
    pub async fn publish_notice(
        &self,
        initiative_id: i64,
        summary: &str,
        closes_at: i64,
        acting: Acting,
    ) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO competition_notices (initiative_id, summary, closes_at, published_by, published_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(initiative_id)
        .bind(summary)
        .bind(closes_at)
        .bind(acting.user_id)
        .bind(tx.at)
        .fetch_one(&mut *tx)
        .await?;
        journal::record(
            &mut tx,
            initiative_id,
            acting,
            &Event::NoticePublished {
                notice: id,
                closes_at,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The notice of an initiative, if one was published.
    pub async fn notice_of(&self, initiative_id: i64) -> StoreResult<Option<Notice>> {
        self.read_optional("SELECT id, initiative_id, summary, closes_at, published_at, outcome, chosen_proposal_id, outcome_reasons, decided_at \
             FROM competition_notices WHERE initiative_id = $1", args![initiative_id]).await
    }

    /// The alternatives proposed in answer to a notice, oldest first.
    pub async fn alternatives(&self, notice_id: i64) -> StoreResult<Vec<AlternativeProposal>> {
        self.read_all("SELECT a.id, a.notice_id, a.organisation_id, o.name_he, o.name_ar, o.name_en, a.summary, a.submitted_at \
             FROM alternative_proposals a JOIN organisations o ON o.id = a.organisation_id WHERE a.notice_id = $1 ORDER BY a.id", args![notice_id]).await
    }

    /// An organisation proposes an alternative (one each; a second replaces the first). The
    /// entry names neither the organisation nor the person: who proposed is sealed beside the
    /// log until the notice's decision opens it. `Conflict` once the notice is decided (nothing
    /// would open the seal); the notice's row is locked for the transaction, as its decision
    /// locks it, so a decision cannot slip in between.
    pub async fn propose_alternative(
        &self,
        notice: &Notice,
        organisation_id: i64,
        summary: &str,
        acting: Acting,
    ) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let outcome: Option<Option<String>> = sqlx::query_scalar(
            "UPDATE competition_notices SET outcome = outcome WHERE id = $1 RETURNING outcome",
        )
        .bind(notice.id)
        .fetch_optional(&mut *tx)
        .await?;
        match outcome {
            None => return abort(tx, StoreError::NotFound).await,
            Some(Some(_)) => return abort(tx, StoreError::Conflict).await,
            Some(None) => {}
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO alternative_proposals (notice_id, organisation_id, summary, submitted_by, submitted_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (notice_id, organisation_id) DO UPDATE SET summary = excluded.summary, \
             submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at RETURNING id",
        )
        .bind(notice.id)
        .bind(organisation_id)
        .bind(summary)
        .bind(acting.user_id)
        .bind(tx.at)
        .fetch_one(&mut *tx)
        .await?;
        journal::record(
            &mut tx,
            notice.initiative_id,
            acting.for_organisation(organisation_id),
            &Event::AlternativeProposed {
                notice: notice.id,
                proposal: id,
                organisation: organisation_id,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The convener decides after the notice, with reasons; the decision opens on the log who
    /// proposed each alternative (sealed beside it until now), in the same transaction.
    pub async fn decide_notice(
        &self,
        notice: &Notice,
        outcome: NoticeOutcome,
        chosen: Option<i64>,
        reasons: &str,
        acting: Acting,
    ) -> StoreResult<()> {
        let tx = self.write_tx().await?;
        let mut tx = journal::guarded(
            tx,
            sqlx::query(
                "UPDATE competition_notices SET outcome = $1, chosen_proposal_id = $2, outcome_reasons = $3, decided_at = $4 \
                 WHERE id = $5 AND outcome IS NULL",
            )
            .bind(outcome.code())
            .bind(chosen)
            .bind(reasons)
            .bind(self.now())
            .bind(notice.id),
            StoreError::Conflict,
        )
        .await?;
        // Who proposed the alternatives goes on the record now.
        let sealed = crate::decision_log::unseal(&mut tx, SealedFor::Notice(notice.id)).await?;
        let event = Event::NoticeDecided {
            notice: notice.id,
            outcome,
            chosen,
            reasons: reasons.to_owned(),
            openings: sealed.iter().map(|w| w.opening()).collect(),
        };
        journal::record(&mut tx, notice.initiative_id, acting, &event).await?;
        tx.commit().await?;
        Ok(())
    }
}
