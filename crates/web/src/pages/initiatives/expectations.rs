//! The expectations questionnaire: each partner's answers, and where the sectors diverge.

use axum::Router;
use axum::routing::get;

use super::*;

/// The routes of this part.
pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/initiatives/{id}/expectations",
        get(expectations_page).post(answer_expectations),
    )
}

#[derive(Template)]
#[template(path = "expectations.html")]
pub struct ExpectationsPage {
    pub ctx: Ctx,
    pub initiative: Initiative,
    /// For each question, each partner's answer position.
    pub table: Vec<QuestionRow>,
    pub divergences: Vec<Divergence>,
    pub names: Vec<(i64, String)>,
    pub standing: Standing,
    pub mine: Vec<MyAnswers>,
}

/// A question and each partner's answer (its position), in partner order.
pub struct QuestionRow {
    pub question: Question,
    pub answers: Vec<Option<usize>>,
}

/// The answers of an organisation the reader acts for, for its form.
pub struct MyAnswers {
    pub organisation: i64,
    pub name: String,
    /// (question code, answer code or empty)
    pub values: Vec<(String, String)>,
}

impl ExpectationsPage {
    pub fn answer_label(&self, question: &Question, position: &usize) -> String {
        question
            .answers()
            .get(*position)
            .map(|a| self.ctx.t(format!("expectation-{}-{a}", question.code())))
            .unwrap_or_default()
    }

    pub fn name(&self, id: &i64) -> String {
        self.names
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    }
}

pub async fn expectations_page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let initiative = state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let partners = state.db.partners(id).await?;
    let standing = match &user {
        Some(user) => act::standing(&state, user, &initiative, &partners).await?,
        None => Standing::default(),
    };
    let answers = state.db.expectations(id).await?;
    let lang = ctx.lang();
    let active: Vec<&Partner> = partners
        .iter()
        .filter(|p| p.status == PartnerStatus::Active)
        .collect();
    let names: Vec<(i64, String)> = active
        .iter()
        .map(|p| (p.organisation_id, p.name(lang).to_owned()))
        .collect();
    let table = Question::ALL
        .iter()
        .map(|q| QuestionRow {
            question: *q,
            answers: active
                .iter()
                .map(|p| answers.get(&p.organisation_id).and_then(|a| a.get(*q)))
                .collect(),
        })
        .collect();
    let pairs: Vec<(i64, &shutaf_domain::expectations::ExpectationAnswers)> =
        answers.iter().map(|(org, a)| (*org, a)).collect();
    let divergences = shutaf_domain::expectations::divergences(&pairs);
    let mine = standing
        .manages
        .iter()
        .map(|org| {
            let given = answers.get(org);
            let values = Question::ALL
                .iter()
                .map(|q| {
                    (
                        q.code().to_owned(),
                        given
                            .and_then(|a| a.get(*q))
                            .map(|p| q.answers()[p].to_owned())
                            .unwrap_or_default(),
                    )
                })
                .collect();
            MyAnswers {
                organisation: *org,
                name: names
                    .iter()
                    .find(|(i, _)| i == org)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                values,
            }
        })
        .collect();
    render(&ExpectationsPage {
        ctx,
        initiative,
        table,
        divergences,
        names,
        standing,
        mine,
    })
}

pub async fn answer_expectations(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let organisation: i64 = form
        .get("organisation")
        .parse()
        .map_err(|_| AppError::BadRequest("error-choose-option"))?;
    let answers: Vec<(String, String)> = Question::ALL
        .iter()
        .map(|q| (q.code().to_owned(), form.get(q.code()).to_owned()))
        .collect();
    act::answer_expectations(&state, &user, id, organisation, &answers).await?;
    auth::flash(&session, "flash-saved").await;
    Ok(Redirect::to(&format!("/initiatives/{id}/expectations")).into_response())
}
