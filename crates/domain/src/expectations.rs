//! The expectations profile: each partner answers the same short questionnaire, and the hub
//! shows where partners diverge, with what to talk about. Mismatched expectations (a company
//! expecting results within a quarter while the city plans a budget year ahead) are one of the
//! known ways these partnerships fail.
//!
//! Every question's answers are ordered, so divergence is a distance: partners two or more
//! steps apart on a question have a gap worth a conversation.

use serde::{Deserialize, Serialize};

use crate::coded::coded_enum;

coded_enum!(
    /// The questions, each with ordered answers (see [`Question::answers`]).
    Question, "expectation" {
        /// When the first visible result is expected.
        TimeToFirstResult => "time-to-first-result",
        /// How fast decisions are expected to be taken.
        DecisionSpeed => "decision-speed",
        /// How much publicity the partner wants for the partnership.
        Publicity => "publicity",
        /// How much risk the partner will accept for a new approach.
        RiskAppetite => "risk-appetite",
        /// How certain the partner's budget for it is.
        BudgetCertainty => "budget-certainty",
        /// How long the partner means to stay in.
        Commitment => "commitment",
        /// How often the partner expects to hear about progress.
        ReportingCadence => "reporting-cadence",
    }
);

impl Question {
    /// The answer codes, in order (the distance between two answers is their index difference).
    /// Labels are Fluent keys `expectation-<question>-<answer>`.
    pub fn answers(self) -> &'static [&'static str] {
        match self {
            Question::TimeToFirstResult => &["quarter", "half-year", "year", "several-years"],
            Question::DecisionSpeed => &["days", "weeks", "months", "budget-cycle"],
            Question::Publicity => &["none", "low", "moderate", "high"],
            Question::RiskAppetite => &["low", "moderate", "high"],
            Question::BudgetCertainty => &["committed", "likely", "uncertain"],
            Question::Commitment => &["one-off", "one-year", "several-years", "open-ended"],
            Question::ReportingCadence => &["monthly", "quarterly", "yearly"],
        }
    }

    /// The position of an answer, if it is one of this question's.
    pub fn position(self, answer: &str) -> Option<usize> {
        self.answers().iter().position(|a| *a == answer)
    }

    /// The Fluent key of what partners far apart on this question should talk about.
    pub fn advice_key(self) -> String {
        format!("expectation-{}-advice", self.code())
    }
}

/// One partner's answers: for each question answered, the answer's position.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectationAnswers(pub Vec<(Question, usize)>);

impl ExpectationAnswers {
    /// Builds answers from codes, refusing unknown questions or answers.
    pub fn from_codes<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<ExpectationAnswers, &'static str> {
        let mut answers = Vec::new();
        for (question, answer) in pairs {
            let question = Question::parse(question).ok_or("error-choose-option")?;
            let position = question.position(answer).ok_or("error-choose-option")?;
            answers.retain(|(q, _)| *q != question);
            answers.push((question, position));
        }
        answers.sort();
        Ok(ExpectationAnswers(answers))
    }

    pub fn get(&self, question: Question) -> Option<usize> {
        self.0.iter().find(|(q, _)| *q == question).map(|(_, a)| *a)
    }
}

/// Two partners this far apart (in answer steps) on a question have a gap to talk about.
pub const GAP: usize = 2;

/// A question on which partners diverge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Divergence {
    pub question: Question,
    /// The partner (organisation id) at the low end and its answer position.
    pub low: (i64, usize),
    /// The partner at the high end and its answer position.
    pub high: (i64, usize),
}

impl Divergence {
    pub fn distance(&self) -> usize {
        self.high.1 - self.low.1
    }
}

/// The questions on which the partners' answers are [`GAP`] or more steps apart, widest first.
pub fn divergences(partners: &[(i64, &ExpectationAnswers)]) -> Vec<Divergence> {
    let mut found = Vec::new();
    for question in Question::ALL {
        let answered: Vec<(i64, usize)> = partners
            .iter()
            .filter_map(|(id, a)| a.get(*question).map(|pos| (*id, pos)))
            .collect();
        let low = answered.iter().min_by_key(|(_, pos)| *pos);
        let high = answered.iter().max_by_key(|(_, pos)| *pos);
        if let (Some(&low), Some(&high)) = (low, high)
            && high.1 - low.1 >= GAP
        {
            found.push(Divergence {
                question: *question,
                low,
                high,
            });
        }
    }
    found.sort_by(|a, b| {
        b.distance()
            .cmp(&a.distance())
            .then(a.question.cmp(&b.question))
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_business_in_a_hurry_and_a_city_on_a_budget_year_diverge() {
        let business = ExpectationAnswers::from_codes([
            ("time-to-first-result", "quarter"),
            ("decision-speed", "days"),
            ("publicity", "high"),
        ])
        .unwrap();
        let city = ExpectationAnswers::from_codes([
            ("time-to-first-result", "year"),
            ("decision-speed", "budget-cycle"),
            ("publicity", "moderate"),
        ])
        .unwrap();
        let ngo = ExpectationAnswers::from_codes([("time-to-first-result", "half-year")]).unwrap();
        let gaps = divergences(&[(1, &city), (2, &ngo), (3, &business)]);
        let questions: Vec<Question> = gaps.iter().map(|d| d.question).collect();
        assert_eq!(
            questions,
            vec![Question::DecisionSpeed, Question::TimeToFirstResult]
        );
        assert_eq!(gaps[0].low, (3, 0));
        assert_eq!(gaps[0].high, (1, 3));
        assert_eq!(gaps[1].distance(), 2);
    }

    #[test]
    fn close_answers_are_no_gap_and_unknown_answers_are_refused() {
        let a = ExpectationAnswers::from_codes([("risk-appetite", "low")]).unwrap();
        let b = ExpectationAnswers::from_codes([("risk-appetite", "moderate")]).unwrap();
        assert!(divergences(&[(1, &a), (2, &b)]).is_empty());
        assert!(divergences(&[(1, &a)]).is_empty());
        assert_eq!(
            ExpectationAnswers::from_codes([("risk-appetite", "reckless")]),
            Err("error-choose-option")
        );
        assert_eq!(
            ExpectationAnswers::from_codes([("mood", "low")]),
            Err("error-choose-option")
        );
    }

    #[test]
    fn the_last_answer_to_a_question_counts() {
        let a =
            ExpectationAnswers::from_codes([("publicity", "none"), ("publicity", "high")]).unwrap();
        assert_eq!(a.get(Question::Publicity), Some(3));
        assert_eq!(a.0.len(), 1);
    }
}
