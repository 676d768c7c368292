//! Open calls: the convener invites any organisation to apply, evaluators score every
//! application on every weighted criterion with reasons, the hub aggregates, and the convener
//! awards with reasons. Deadlines are civil times in Israel (Asia/Jerusalem), whatever the
//! server's zone; attachments are checked by what their bytes are, not by what they claim.

use std::collections::BTreeMap;

use crate::coded::coded_enum;

coded_enum!(
    /// Where a call stands, as stored. Whether an open call still takes applications depends on
    /// its deadline too: see [`Phase`].
    CallStatus, "call-status" {
        /// Being written; only the convener's staff see it.
        Draft => "draft",
        /// Published: applications until the deadline, then evaluation.
        Open => "open",
        /// Awarded to an application, with reasons.
        Awarded => "awarded",
        /// Ended without an award, with reasons.
        Cancelled => "cancelled",
    }
);

/// Where a call stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Draft,
    /// Taking applications.
    Accepting,
    /// Past the deadline, being evaluated.
    Evaluating,
    Awarded,
    Cancelled,
}

impl Phase {
    pub fn of(status: CallStatus, deadline_at: i64, now: i64) -> Self {
        match status {
            CallStatus::Draft => Phase::Draft,
            CallStatus::Open if now < deadline_at => Phase::Accepting,
            CallStatus::Open => Phase::Evaluating,
            CallStatus::Awarded => Phase::Awarded,
            CallStatus::Cancelled => Phase::Cancelled,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::Accepting => "accepting",
            Phase::Evaluating => "evaluating",
            Phase::Awarded => "awarded",
            Phase::Cancelled => "cancelled",
        }
    }

    pub fn label_key(self) -> String {
        format!("call-phase-{}", self.code())
    }

    /// Results (scores, reasons, who applied) are public once the call has ended.
    pub fn results_public(self) -> bool {
        matches!(self, Phase::Awarded | Phase::Cancelled)
    }
}

/// The most criteria a call may have.
pub const MAX_CRITERIA: usize = 12;
/// The top of the scoring scale (0 to this).
pub const MAX_SCORE: i64 = 10;

/// Checks a call's criterion weights: at least one criterion, each weight 1 to 100, and the
/// weights adding up to 100 (so a reader sees the share of each at once).
pub fn check_weights(weights: &[i64]) -> Result<(), &'static str> {
    if weights.is_empty() {
        return Err("error-criteria-required");
    }
    if weights.len() > MAX_CRITERIA {
        return Err("error-too-many-criteria");
    }
    if weights.iter().any(|w| !(1..=100).contains(w)) {
        return Err("error-weight-range");
    }
    if weights.iter().sum::<i64>() != 100 {
        return Err("error-weights-sum");
    }
    Ok(())
}

/// Checks one score.
pub fn check_score(score: i64) -> Result<(), &'static str> {
    if (0..=MAX_SCORE).contains(&score) {
        Ok(())
    } else {
        Err("error-score-range")
    }
}

/// One evaluator's score of one application on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub application_id: i64,
    pub criterion_id: i64,
    pub evaluator_id: i64,
    pub score: i64,
}

/// A criterion's weight, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weight {
    pub criterion_id: i64,
    pub weight: i64,
}

/// An application's aggregate: the mean score on each criterion, and the weighted total.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub application_id: i64,
    /// Mean score per criterion (criterion id → mean on 0..=10), where anyone scored it.
    pub means: BTreeMap<i64, f64>,
    /// Weighted total on a 0..=100 scale (criteria nobody scored count as 0).
    pub total: f64,
    /// How many evaluators scored every criterion of it.
    pub complete_evaluations: usize,
    /// Rank from 1, ties sharing a rank.
    pub rank: usize,
}

/// Aggregates the scores: per criterion the mean over the evaluators who scored it, then the
/// weighted sum scaled to 100. Best first; equal totals share a rank and keep application order.
pub fn aggregate(applications: &[i64], weights: &[Weight], scores: &[Score]) -> Vec<Ranked> {
    let mut results: Vec<Ranked> = applications
        .iter()
        .map(|&application_id| {
            let mut sums: BTreeMap<i64, (i64, usize)> = BTreeMap::new();
            let mut by_evaluator: BTreeMap<i64, usize> = BTreeMap::new();
            for s in scores.iter().filter(|s| s.application_id == application_id) {
                if !weights.iter().any(|w| w.criterion_id == s.criterion_id) {
                    continue;
                }
                let entry = sums.entry(s.criterion_id).or_default();
                entry.0 += s.score;
                entry.1 += 1;
                *by_evaluator.entry(s.evaluator_id).or_default() += 1;
            }
            let means: BTreeMap<i64, f64> = sums
                .into_iter()
                .map(|(criterion, (sum, n))| (criterion, sum as f64 / n as f64))
                .collect();
            let total = weights
                .iter()
                .map(|w| {
                    means.get(&w.criterion_id).copied().unwrap_or(0.0) * w.weight as f64
                        / MAX_SCORE as f64
                })
                .sum::<f64>();
            Ranked {
                application_id,
                means,
                total: (total * 100.0).round() / 100.0,
                complete_evaluations: by_evaluator
                    .values()
                    .filter(|&&n| n == weights.len())
                    .count(),
                rank: 0,
            }
        })
        .collect();
    results.sort_by(|a, b| b.total.total_cmp(&a.total));
    let mut rank = 0;
    let mut previous = f64::NAN;
    for (i, result) in results.iter_mut().enumerate() {
        if result.total != previous {
            rank = i + 1;
            previous = result.total;
        }
        result.rank = rank;
    }
    results
}

/// Israel's time zone, for deadlines.
fn israel() -> jiff::tz::TimeZone {
    jiff::tz::db()
        .get("Asia/Jerusalem")
        .expect("the bundled time-zone database has Asia/Jerusalem")
}

/// Reads a deadline typed as a civil time in Israel (`2026-12-31T12:00`, as a
/// `datetime-local` field sends it) into Unix seconds. In the hour skipped when the clocks go
/// forward, the later reading is taken; in the hour repeated, the earlier. Years are 1 to
/// 9999, as the field and [`local_input`] write them (the parser alone would also take
/// `-0061200615`, a day in the year -6120, whose deadline could not be shown again).
pub fn parse_deadline(local: &str) -> Result<i64, &'static str> {
    let civil: jiff::civil::DateTime = local.trim().parse().map_err(|_| "error-deadline-format")?;
    if !(1..=9999).contains(&civil.year()) {
        return Err("error-deadline-format");
    }
    let zoned = civil
        .to_zoned(israel())
        .map_err(|_| "error-deadline-format")?;
    Ok(zoned.timestamp().as_second())
}

/// A moment as a civil time in Israel, `YYYY-MM-DDTHH:MM` (for a `datetime-local` field).
pub fn local_input(at: i64) -> String {
    match jiff::Timestamp::from_second(at) {
        Ok(ts) => ts.to_zoned(israel()).strftime("%Y-%m-%dT%H:%M").to_string(),
        Err(_) => String::new(),
    }
}

/// A moment as people in Israel read it: `31/12/2026 12:00`.
pub fn local_display(at: i64) -> String {
    match jiff::Timestamp::from_second(at) {
        Ok(ts) => ts.to_zoned(israel()).strftime("%d/%m/%Y %H:%M").to_string(),
        Err(_) => String::new(),
    }
}

/// A moment as an RFC 3339 time with Israel's offset (for exports).
pub fn rfc3339(at: i64) -> String {
    match jiff::Timestamp::from_second(at) {
        Ok(ts) => ts
            .to_zoned(israel())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string(),
        Err(_) => String::new(),
    }
}

/// The largest attachment accepted, in bytes.
pub const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;

/// The document types accepted, recognised by their first bytes: PDF, PNG, JPEG, and the
/// OpenDocument and Office Open XML formats (zip files, told apart by the name's ending).
/// Gives the content type to serve it with.
pub fn attachment_type(file_name: &str, bytes: &[u8]) -> Result<&'static str, &'static str> {
    if bytes.is_empty() {
        return Err("error-attachment-empty");
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err("error-attachment-too-large");
    }
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let content_type = if bytes.starts_with(b"%PDF-") {
        Some(("pdf", "application/pdf"))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("png", "image/png"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("jpg", "image/jpeg"))
    } else if bytes.starts_with(b"PK\x03\x04") {
        match extension.as_str() {
            "odt" => Some(("odt", "application/vnd.oasis.opendocument.text")),
            "ods" => Some(("ods", "application/vnd.oasis.opendocument.spreadsheet")),
            "docx" => Some((
                "docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )),
            "xlsx" => Some((
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )),
            _ => None,
        }
    } else {
        None
    };
    match content_type {
        Some((kind, content_type))
            if extension == kind || (kind == "jpg" && extension == "jpeg") =>
        {
            Ok(content_type)
        }
        _ => Err("error-attachment-type"),
    }
}

/// A file name safe to show and to put in a `Content-Disposition` header: no paths, no
/// control characters, at most 120 characters, no surrounding spaces and no leading dot (not a
/// hidden file, whatever spaces hide the dot: ". .bashrc").
pub fn safe_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        // Bidi controls too: `invoice\u{202e}fdp.exe` would display as `invoice.exe.pdf`.
        .filter(|c| {
            !crate::validate::is_forbidden_char(*c) && !c.is_control() && !matches!(c, '"' | ';')
        })
        .take(120)
        .collect();
    let cleaned = cleaned
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end()
        .to_owned();
    if cleaned.is_empty() {
        "file".into()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_must_share_out_a_hundred() {
        assert_eq!(check_weights(&[]), Err("error-criteria-required"));
        assert_eq!(check_weights(&[50, 40]), Err("error-weights-sum"));
        assert_eq!(check_weights(&[0, 100]), Err("error-weight-range"));
        assert_eq!(check_weights(&[60, 40]), Ok(()));
        assert_eq!(check_weights(&[100]), Ok(()));
        assert_eq!(check_weights(&[5; 20]), Err("error-too-many-criteria"));
        assert_eq!(check_score(11), Err("error-score-range"));
        assert_eq!(check_score(-1), Err("error-score-range"));
        assert_eq!(check_score(0), Ok(()));
    }

    #[test]
    fn aggregation_is_the_weighted_mean_of_evaluators_means() {
        let weights = [
            Weight {
                criterion_id: 1,
                weight: 60,
            },
            Weight {
                criterion_id: 2,
                weight: 40,
            },
        ];
        let s = |application_id, criterion_id, evaluator_id, score| Score {
            application_id,
            criterion_id,
            evaluator_id,
            score,
        };
        let scores = [
            // Application 10: evaluator 1 gives 8 and 6, evaluator 2 gives 6 and 10.
            s(10, 1, 1, 8),
            s(10, 2, 1, 6),
            s(10, 1, 2, 6),
            s(10, 2, 2, 10),
            // Application 20: only evaluator 1 scored, and only the first criterion.
            s(20, 1, 1, 10),
            // A score on a criterion that is not the call's is ignored.
            s(20, 99, 1, 10),
        ];
        let results = aggregate(&[20, 10, 30], &weights, &scores);
        assert_eq!(results[0].application_id, 10);
        // (7 × 60 + 8 × 40) / 10 = 74
        assert_eq!(results[0].total, 74.0);
        assert_eq!(results[0].means[&1], 7.0);
        assert_eq!(results[0].complete_evaluations, 2);
        assert_eq!(results[0].rank, 1);
        assert_eq!(results[1].application_id, 20);
        assert_eq!(results[1].total, 60.0);
        assert_eq!(results[1].complete_evaluations, 0);
        assert_eq!(results[2].application_id, 30);
        assert_eq!(results[2].total, 0.0);
        assert_eq!(results[2].rank, 3);
    }

    #[test]
    fn equal_totals_share_a_rank() {
        let weights = [Weight {
            criterion_id: 1,
            weight: 100,
        }];
        let scores = [
            Score {
                application_id: 1,
                criterion_id: 1,
                evaluator_id: 9,
                score: 5,
            },
            Score {
                application_id: 2,
                criterion_id: 1,
                evaluator_id: 9,
                score: 5,
            },
            Score {
                application_id: 3,
                criterion_id: 1,
                evaluator_id: 9,
                score: 4,
            },
        ];
        let ranks: Vec<(i64, usize)> = aggregate(&[1, 2, 3], &weights, &scores)
            .iter()
            .map(|r| (r.application_id, r.rank))
            .collect();
        assert_eq!(ranks, vec![(1, 1), (2, 1), (3, 3)]);
    }

    #[test]
    fn deadlines_are_israeli_civil_time_across_daylight_saving() {
        // Winter: UTC+2. 31 Dec 2026 12:00 in Jerusalem is 10:00 UTC.
        let winter = parse_deadline("2026-12-31T12:00").unwrap();
        assert_eq!(winter, 1_798_711_200);
        assert_eq!(local_input(winter), "2026-12-31T12:00");
        assert_eq!(local_display(winter), "31/12/2026 12:00");
        assert_eq!(rfc3339(winter), "2026-12-31T12:00:00+02:00");
        // Summer: UTC+3. 1 Jul 2026 12:00 in Jerusalem is 09:00 UTC.
        let summer = parse_deadline("2026-07-01T12:00").unwrap();
        assert_eq!(summer, 1_782_896_400);
        assert_eq!(rfc3339(summer), "2026-07-01T12:00:00+03:00");
        assert_eq!(parse_deadline("tomorrow"), Err("error-deadline-format"));
        assert_eq!(parse_deadline(""), Err("error-deadline-format"));
        // Far years in the extended format: read, they could not be shown again.
        assert_eq!(parse_deadline("-0061200615"), Err("error-deadline-format"));
        assert_eq!(
            parse_deadline("+010000-01-01T00:00"),
            Err("error-deadline-format")
        );
        assert_eq!(
            local_input(parse_deadline("0001-01-01T00:00").unwrap()),
            "0001-01-01T00:00"
        );
    }

    #[test]
    fn a_call_accepts_until_its_deadline_and_publishes_results_when_ended() {
        assert_eq!(Phase::of(CallStatus::Open, 100, 99), Phase::Accepting);
        assert_eq!(Phase::of(CallStatus::Open, 100, 100), Phase::Evaluating);
        assert_eq!(Phase::of(CallStatus::Draft, 100, 1), Phase::Draft);
        assert!(!Phase::Evaluating.results_public());
        assert!(Phase::Awarded.results_public());
        assert!(Phase::Cancelled.results_public());
    }

    #[test]
    fn attachments_are_what_their_bytes_say() {
        assert_eq!(
            attachment_type("plan.pdf", b"%PDF-1.7 ..."),
            Ok("application/pdf")
        );
        assert_eq!(
            attachment_type("plan.PDF", b"%PDF-1.7 ..."),
            Ok("application/pdf")
        );
        assert_eq!(
            attachment_type("photo.jpeg", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok("image/jpeg")
        );
        // An HTML page dressed up as a PDF is refused.
        assert_eq!(
            attachment_type("plan.pdf", b"<html><script>"),
            Err("error-attachment-type")
        );
        // A PDF named .png is refused too: the name and the bytes must agree.
        assert_eq!(
            attachment_type("plan.png", b"%PDF-1.7"),
            Err("error-attachment-type")
        );
        assert_eq!(
            attachment_type("a.zip", b"PK\x03\x04"),
            Err("error-attachment-type")
        );
        assert_eq!(
            attachment_type("budget.ods", b"PK\x03\x04"),
            Ok("application/vnd.oasis.opendocument.spreadsheet")
        );
        assert_eq!(attachment_type("x.pdf", b""), Err("error-attachment-empty"));
        let big = vec![b'%'; MAX_ATTACHMENT_BYTES + 1];
        assert_eq!(
            attachment_type("x.pdf", &big),
            Err("error-attachment-too-large")
        );
    }

    #[test]
    fn file_names_lose_paths_and_header_breakers() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\x\\תכנית.pdf"), "תכנית.pdf");
        assert_eq!(safe_file_name("a\"b;\r\nc.pdf"), "abc.pdf");
        assert_eq!(safe_file_name(".."), "file");
        assert_eq!(safe_file_name(". .bashrc"), "bashrc");
        assert_eq!(safe_file_name("invoice\u{202e}fdp.exe"), "invoicefdp.exe");
        assert_eq!(safe_file_name("a\u{fffe}\u{2067}b.pdf"), "ab.pdf");
        assert_eq!(safe_file_name(" . . "), "file");
        assert_eq!(safe_file_name(&"א".repeat(300)).chars().count(), 120);
    }
}
