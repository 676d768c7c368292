//! The API of the expectations questionnaire.

use super::*;

/// The routes of this part.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_expectations, answer_expectations))
}

/// The partners' answers and where they diverge.
#[derive(Serialize, ToSchema)]
pub struct ExpectationsBody {
    /// For each partner organisation, its answers by question.
    #[schema(value_type = Object)]
    answers: std::collections::BTreeMap<i64, std::collections::BTreeMap<String, String>>,
    divergences: Vec<DivergenceBody>,
}

#[derive(Serialize, ToSchema)]
pub struct DivergenceBody {
    question: String,
    low_organisation_id: i64,
    low_answer: String,
    high_organisation_id: i64,
    high_answer: String,
    /// What to talk about.
    advice: String,
}

/// The expectations profile of an initiative.
#[utoipa::path(get, path = "/v1/initiatives/{id}/expectations", tag = "initiatives", params(("id" = i64, Path), LangQuery),
    responses((status = 200, body = ExpectationsBody), (status = 404, body = ErrorBody)))]
async fn get_expectations(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Result<Json<ExpectationsBody>, AppError> {
    state.db.initiative(id).await?.ok_or(AppError::NotFound)?;
    let tr = Tr::new(language(&q, &headers, &state));
    let answers = state.db.expectations(id).await?;
    let pairs: Vec<_> = answers.iter().map(|(org, a)| (*org, a)).collect();
    let divergences = shutaf_domain::expectations::divergences(&pairs)
        .into_iter()
        .map(|d| DivergenceBody {
            question: d.question.code().into(),
            low_organisation_id: d.low.0,
            low_answer: d.question.answers()[d.low.1].into(),
            high_organisation_id: d.high.0,
            high_answer: d.question.answers()[d.high.1].into(),
            advice: tr.t(&d.question.advice_key()),
        })
        .collect();
    let answers = answers
        .into_iter()
        .map(|(org, a)| {
            (
                org,
                a.0.iter()
                    .map(|(q, pos)| (q.code().to_owned(), q.answers()[*pos].to_owned()))
                    .collect(),
            )
        })
        .collect();
    Ok(Json(ExpectationsBody {
        answers,
        divergences,
    }))
}

/// A partner's answers to the questionnaire.
#[derive(Deserialize, ToSchema)]
pub struct ExpectationsWrite {
    organisation_id: i64,
    /// Answers by question code.
    #[schema(value_type = Object)]
    answers: std::collections::BTreeMap<String, String>,
}

/// A partner answers the expectations questionnaire (replacing its earlier answers).
#[utoipa::path(put, path = "/v1/initiatives/{id}/expectations", tag = "initiatives", params(("id" = i64, Path)), request_body = ExpectationsWrite, security(("token" = [])),
    responses((status = 200, body = ExpectationsBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn answer_expectations(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(id): Path<i64>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ExpectationsWrite>,
) -> Result<Json<ExpectationsBody>, AppError> {
    if body.answers.keys().any(|q| Question::parse(q).is_none()) {
        let mut errors = shutaf_domain::validate::FieldErrors::new();
        errors.add("answers", "error-choose-option");
        return Err(AppError::Invalid(errors));
    }
    let answers: Vec<(String, String)> = body.answers.into_iter().collect();
    act::answer_expectations(&state, &user, id, body.organisation_id, &answers).await?;
    get_expectations(
        State(state),
        Path(id),
        headers,
        Query(LangQuery { lang: None }),
    )
    .await
}
