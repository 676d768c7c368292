//! `shutaf verify`, database mode, beyond the log itself: the log's seals and the texts kept
//! beside it, and every table a decision entry describes, checked against that entry.
//!
//! The Merkle tree proves that no entry changed, but the pages read tables: a score changed in
//! its table re-ranked a call while the log still showed the old winner. So, in one snapshot of
//! the database ([`shutaf_store::audit`]):
//!
//! - **Seals**: each sealed commitment names a call still open (or, for who proposed an
//!   alternative, a notice still undecided), and each call's award or cancellation, and each
//!   notice's decision, opens exactly what it sealed, every opening matching its commitment
//!   ([`shutaf_domain::disclosure::Seals`]).
//! - **Beside the log**: each disclosure not redacted matches its entry's commitment (salt and
//!   text), a redacted one keeps neither, each sealed text of an undecided call or notice matches
//!   its commitment, and no commitment lacks its text.
//! - **Tables**: calls (publication, criteria and weights, deadline after re-runs, award or
//!   cancellation, the outcome's reasons), applications (who applied, when), scores (each
//!   evaluator's, and the award's totals and ranks recomputed from them), declarations and their
//!   ties, recusals, initiatives' stages, donations' steps, notices' closing times and outcomes,
//!   alternatives proposed to notices (who proposed, when: once the notice is decided, or while
//!   who proposed is kept sealed), each against the latest entry that describes it, and nothing in a table that the log never
//!   recorded. A text a table copies (a donor, a call's reasons) is compared with the one shown
//!   beside the entry while it is shown; once redacted, the copy holds the redaction's notice
//!   (`Db::redact_disclosure` replaces it in the same transaction) and is not compared.
//!
//! People are compared by pseudonym (the hub's key is in the snapshot). Entries of the first
//! encoding name people by name and seal nothing: what they say is checked where it can be.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::{Context, anyhow, bail};
use shutaf_domain::call::{Score, Weight, aggregate};
use shutaf_domain::decision_log::LogEntry;
use shutaf_domain::disclosure::{
    Opened, PseudonymKey, SealedFor, Seals, call_of, commitment, is_sealed, sealed_kind,
};
use shutaf_domain::integrity::Relation;
use shutaf_domain::journal::{
    Award, Matter, ScoresText, number_after, parse_applicant, parse_call_rerun, parse_party,
    parse_proposer, parse_ties,
};
use shutaf_domain::merkle::Hash;
use shutaf_store::Db;
use shutaf_store::audit::Described;
use shutaf_store::disclosures::Disclosure;

/// The most problems listed; the rest are counted.
const LISTED: usize = 20;
/// The most seconds an application's transaction may take between its time in the table and
/// its entry on the log (its files are written in between).
const SENDING: i64 = 60;

/// What was checked, for the report.
#[derive(Debug, Default)]
pub struct Summary {
    pub opened: usize,
    pub disclosures: usize,
    pub redacted: usize,
    pub sealed: usize,
    pub rows: usize,
}

/// A call as the log describes it.
#[derive(Debug, Default)]
struct CallFacts {
    /// The publishing entry and the criteria as it words them (`Name 40%; ...`).
    published: Option<(u64, String)>,
    /// The deadline now: the publication's, or the last re-run's; with its entry.
    deadline: Option<(u64, i64)>,
    /// The decision: its entry, and the award (none for a cancellation).
    decided: Option<(u64, Option<Award>)>,
}

/// A declaration or recusal on the log, its parties in clear or in a text by its entry.
#[derive(Debug)]
struct Step<T> {
    matter: Matter,
    index: u64,
    person: Option<String>,
    version: u32,
    /// What the detail says in clear; `None` when sealed (the text is beside or opened).
    clear: Option<T>,
}

/// What the log says, gathered in one pass.
#[derive(Debug, Default)]
struct Facts {
    commitments: HashMap<(u64, String), Hash>,
    /// Entries' matters (the call or notice their detail names), for the texts kept beside them.
    matters_of: HashMap<u64, Option<SealedFor>>,
    /// Sealed texts, opened on the log or kept beside it: by entry and field.
    texts: HashMap<(u64, String), String>,
    calls: BTreeMap<i64, CallFacts>,
    /// (call, application, entry, time, the applicant where the first encoding named it).
    received: Vec<(i64, i64, u64, i64, Option<i64>)>,
    /// (notice, proposal, entry, time, the proposer where the entry named it in clear).
    proposed: Vec<(i64, i64, u64, i64, Option<i64>)>,
    /// (call, application, entry, pseudonym).
    scored: Vec<(i64, i64, u64, Option<String>, u32)>,
    declared: Vec<Step<Vec<(i64, Relation)>>>,
    recused: Vec<Step<i64>>,
    /// Initiative → (entry, stage code).
    stages: HashMap<i64, (u64, String)>,
    /// Donation → (entry, step), and what its registration and decisions said.
    donations: BTreeMap<i64, DonationFacts>,
    notices: BTreeMap<i64, NoticeFacts>,
    /// Redactions on the log: (its entry, the entry redacted, the field).
    redactions: Vec<(u64, u64, String)>,
}

#[derive(Debug, Default)]
struct DonationFacts {
    step: Option<(u64, &'static str)>,
    /// (kind, value), from an entry of the second encoding.
    registered: Option<(u64, String, Option<i64>)>,
    recommendation: Option<(u64, String)>,
    decision: Option<(u64, String)>,
}

#[derive(Debug, Default)]
struct NoticeFacts {
    closes: Option<(u64, i64)>,
    outcome: Option<(u64, String, Option<i64>)>,
}

/// The word after `prefix` up to the next space.
fn word_after<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let start = text.find(prefix)? + prefix.len();
    let rest = &text[start..];
    Some(rest.split(' ').next().unwrap_or(rest))
}

impl Facts {
    fn take(&mut self, entry: &LogEntry, opened: Vec<Opened>) {
        let index = entry.index;
        for c in &entry.commitments {
            self.commitments.insert((index, c.field.clone()), c.hash);
        }
        if !entry.commitments.is_empty() {
            self.matters_of
                .insert(index, SealedFor::of_detail(entry.detail.as_deref()));
        }
        for o in opened {
            self.texts.insert((o.sealed_by, o.field), o.text);
        }
        let detail = entry.detail.as_deref().unwrap_or("");
        let sealed = |field: &str| entry.commitment(field).is_some();
        match entry.kind.as_str() {
            "call-published" => {
                if let Some((call, deadline)) = parse_call_rerun(detail) {
                    let criteria = detail
                        .split_once(" criteria: ")
                        .map(|(_, c)| c.to_owned())
                        .unwrap_or_default();
                    let facts = self.calls.entry(call).or_default();
                    facts.published = Some((index, criteria));
                    facts.deadline = Some((index, deadline));
                }
            }
            "call-rerun" => {
                if let Some((call, deadline)) = parse_call_rerun(detail) {
                    self.calls.entry(call).or_default().deadline = Some((index, deadline));
                }
            }
            "call-awarded" => {
                if let Some(award) = Award::parse(detail) {
                    let call = award.call;
                    self.calls.entry(call).or_default().decided = Some((index, Some(award)));
                }
            }
            "call-cancelled" => {
                if let Some(call) = call_of(Some(detail)) {
                    self.calls.entry(call).or_default().decided = Some((index, None));
                }
            }
            "application-received" => {
                if let Some((call, rest)) = number_after(detail, "call:")
                    && let Some((application, _)) = number_after(rest, " application:")
                {
                    let named = (entry.version < 2)
                        .then_some(entry.organisation_id)
                        .flatten();
                    self.received
                        .push((call, application, index, entry.at, named));
                }
            }
            "alternative-proposed" => {
                if let Some((notice, rest)) = number_after(detail, "notice:")
                    && let Some((proposal, _)) = number_after(rest, " proposal:")
                {
                    // Entries written before notices sealed named the proposer in clear.
                    let named = (!sealed("proposer"))
                        .then_some(entry.organisation_id)
                        .flatten();
                    self.proposed
                        .push((notice, proposal, index, entry.at, named));
                }
            }
            "application-scored" => {
                if let Some((call, rest)) = number_after(detail, "call:")
                    && let Some((application, _)) = number_after(rest, " application:")
                {
                    self.scored.push((
                        call,
                        application,
                        index,
                        entry.person.clone(),
                        entry.version,
                    ));
                }
            }
            "interests-declared" => {
                let clear = parse_ties(detail);
                let matter = clear.as_ref().map(|(m, _)| *m).or_else(|| {
                    call_of(Some(detail))
                        .filter(|_| sealed("ties"))
                        .map(Matter::Call)
                });
                if let Some(matter) = matter {
                    self.declared.push(Step {
                        matter,
                        index,
                        person: entry.person.clone(),
                        version: entry.version,
                        clear: clear.map(|(_, ties)| ties),
                    });
                }
            }
            "recused" => {
                let clear = parse_party(detail);
                let matter = clear.map(|(m, _)| m).or_else(|| {
                    call_of(Some(detail))
                        .filter(|_| sealed("party"))
                        .map(Matter::Call)
                });
                if let Some(matter) = matter {
                    self.recused.push(Step {
                        matter,
                        index,
                        person: entry.person.clone(),
                        version: entry.version,
                        clear: clear.map(|(_, party)| party),
                    });
                }
            }
            "proposed" => {
                if let Some(initiative) = entry.initiative_id {
                    self.stages.insert(initiative, (index, "idea".to_owned()));
                }
            }
            kind if kind.starts_with("stage-") => {
                if let Some(initiative) = entry.initiative_id {
                    self.stages
                        .insert(initiative, (index, kind["stage-".len()..].to_owned()));
                }
            }
            kind if kind.starts_with("donation-") => {
                let Some((donation, rest)) = number_after(detail, "donation:") else {
                    return;
                };
                let facts = self.donations.entry(donation).or_default();
                match kind {
                    "donation-registered" => {
                        facts.step = Some((index, "registered"));
                        if entry.version >= 2 {
                            let kind = word_after(rest, " kind:").unwrap_or("").to_owned();
                            let value =
                                word_after(rest, " value-agorot:").and_then(|v| v.parse().ok());
                            facts.registered = Some((index, kind, value));
                        }
                    }
                    "donation-checked" => {
                        facts.step = Some((index, "checked"));
                        if let Some(r) = word_after(rest, " recommendation:") {
                            facts.recommendation = Some((index, r.to_owned()));
                        }
                    }
                    "donation-decided" => {
                        facts.step = Some((index, "decided"));
                        if let Some(d) = word_after(rest, " decision:") {
                            facts.decision = Some((index, d.to_owned()));
                        }
                    }
                    "donation-reported" => facts.step = Some((index, "reported")),
                    _ => {}
                }
            }
            "notice-published" => {
                if let Some((notice, rest)) = number_after(detail, "notice:")
                    && let Some((closes, _)) = number_after(rest, " closes:")
                {
                    self.notices.entry(notice).or_default().closes = Some((index, closes));
                }
            }
            "disclosure-redacted" => {
                if let Some((entry, rest)) = number_after(detail, "entry:")
                    && let Some(field) = word_after(rest, " field:")
                {
                    self.redactions
                        .push((index, entry as u64, field.to_owned()));
                }
            }
            "notice-decided" => {
                if let Some((notice, rest)) = number_after(detail, "notice:") {
                    let outcome = word_after(rest, " outcome:").unwrap_or("").to_owned();
                    // The first encoding went on with ` reasons: ...`: a proposal comes before.
                    let head = rest.split(" reasons: ").next().unwrap_or(rest);
                    let proposal = word_after(head, " proposal:").and_then(|p| p.parse().ok());
                    self.notices.entry(notice).or_default().outcome =
                        Some((index, outcome, proposal));
                }
            }
            _ => {}
        }
    }

    /// The sealed text of `field` by entry `index`, opened or kept beside the log.
    fn text(&self, index: u64, field: &str) -> Option<&str> {
        self.texts
            .get(&(index, field.to_owned()))
            .map(String::as_str)
    }
}

/// Checks the texts kept beside the log against the commitments; gathers the sealed ones.
fn check_beside(
    facts: &mut Facts,
    seals: &Seals,
    beside: &[Disclosure],
    problems: &mut Vec<String>,
    summary: &mut Summary,
) {
    let mut kept: BTreeSet<(u64, String)> = BTreeSet::new();
    for d in beside {
        let key = (d.entry_index, d.field.clone());
        kept.insert(key.clone());
        let Some(hash) = facts.commitments.get(&key).copied() else {
            problems.push(format!(
                "a {} is kept beside entry {}, which commits to none",
                d.field, d.entry_index
            ));
            continue;
        };
        let matches = match (&d.salt, &d.text) {
            (Some(salt), Some(text)) => commitment(&d.field, salt, text) == hash,
            _ => false,
        };
        if let Some(matter) = d.sealed_for {
            summary.sealed += 1;
            if !is_sealed(&d.field)
                || sealed_kind(&d.field) != matter.kind()
                || facts.matters_of.get(&d.entry_index) != Some(&Some(matter))
            {
                problems.push(format!(
                    "the {} kept sealed beside entry {} is not that entry's to seal for {matter}",
                    d.field, d.entry_index
                ));
            } else if !matches {
                problems.push(format!(
                    "the sealed {} kept beside entry {} does not match the entry's commitment",
                    d.field, d.entry_index
                ));
            } else if let Some(text) = &d.text {
                facts.texts.entry(key).or_insert_with(|| text.clone());
            }
        } else if d.redacted_at.is_some() {
            summary.redacted += 1;
            if d.salt.is_some() || d.text.is_some() {
                problems.push(format!(
                    "the {} of entry {} is marked redacted but its text is still kept",
                    d.field, d.entry_index
                ));
            }
        } else {
            summary.disclosures += 1;
            if !matches {
                problems.push(format!(
                    "THE TEXT SHOWN BESIDE ENTRY {} ({}) DOES NOT MATCH THE ENTRY'S COMMITMENT",
                    d.entry_index, d.field
                ));
            }
        }
    }
    // What the log says was redacted stays redacted (a backup restored from before brings it
    // back; `shutaf redact` puts it away again).
    for (by, index, field) in &facts.redactions {
        let redacted = beside
            .iter()
            .any(|d| d.entry_index == *index && d.field == *field && d.redacted_at.is_some());
        if !redacted {
            problems.push(format!(
                "A REDACTION ON THE LOG WAS UNDONE: the {field} of entry {index}, redacted by entry {by}, is kept beside the log again"
            ));
        }
    }
    // A disclosure's text is kept until it is redacted, and then its redaction is.
    for (index, field) in facts.commitments.keys() {
        if !is_sealed(field) && !kept.contains(&(*index, field.clone())) {
            problems.push(format!(
                "entry {index} commits to a {field} that is kept nowhere beside the log (neither shown nor redacted)"
            ));
        }
    }
    // What an open call or notice sealed waits beside the log for its decision to open it.
    for (matter, index, field) in seals.still_sealed() {
        if !kept.contains(&(index, field.to_owned())) {
            problems.push(format!(
                "the {field} that entry {index} sealed for {matter} is kept nowhere: its decision could not open it"
            ));
        }
    }
}

/// Compares the tables with what the log says of them.
fn compare(
    facts: &Facts,
    tables: &Described,
    key: Option<&PseudonymKey>,
    beside: &[Disclosure],
    problems: &mut Vec<String>,
) {
    let pseudonym = |user: i64| key.map(|k| k.pseudonym(user));
    let shown = |index: u64, field: &str| {
        beside
            .iter()
            .find(|d| d.entry_index == index && d.field == field && d.sealed_for.is_none())
            .and_then(|d| d.text.as_deref())
    };

    // Calls: publication, criteria, deadline, decision.
    for call in &tables.calls {
        let id = call.id;
        let logged = facts.calls.get(&id);
        if call.status == "draft" {
            if logged.is_some_and(|c| c.published.is_some()) {
                problems.push(format!(
                    "call {id} is a draft in its table but the log published it"
                ));
            }
            continue;
        }
        let Some(logged) = logged.filter(|c| c.published.is_some()) else {
            problems.push(format!(
                "call {id} is {} in its table but the log never published it",
                call.status
            ));
            continue;
        };
        if let Some((index, criteria)) = &logged.published {
            let table: Vec<String> = call
                .criteria
                .iter()
                .map(|(_, name, weight)| format!("{name} {weight}%"))
                .collect();
            if table.join("; ") != *criteria {
                problems.push(format!(
                    "call {id}'s criteria are {:?} in its table, {criteria:?} on the log (entry {index})",
                    table.join("; ")
                ));
            }
        }
        if let Some((index, deadline)) = logged.deadline
            && deadline != call.deadline_at
        {
            problems.push(format!(
                "call {id}'s deadline is {} in its table, {deadline} on the log (entry {index})",
                call.deadline_at
            ));
        }
        match (&logged.decided, call.status.as_str()) {
            (None, "open") => {}
            (Some((index, Some(award))), "awarded") => {
                if call.awarded_application_id != Some(award.application) {
                    problems.push(format!(
                        "call {id} is awarded to application {:?} in its table, to application {} on the log (entry {index})",
                        call.awarded_application_id, award.application
                    ));
                }
            }
            (Some((_, None)), "cancelled") => {}
            (decided, status) => problems.push(format!(
                "call {id} is {status} in its table, {} on the log",
                match decided {
                    None => "still open".to_owned(),
                    Some((index, Some(_))) => format!("awarded (entry {index})"),
                    Some((index, None)) => format!("cancelled (entry {index})"),
                }
            )),
        }
        if let (Some((index, _)), Some(reasons)) = (&logged.decided, &call.outcome_reasons)
            && let Some(shown) = shown(*index, "reasons")
            && shown != reasons
        {
            problems.push(format!(
                "call {id}'s reasons in its table are not the ones published beside entry {index}"
            ));
        }
    }
    let table_calls: BTreeSet<i64> = tables.calls.iter().map(|c| c.id).collect();
    for (id, logged) in &facts.calls {
        if let Some((index, _)) = &logged.published
            && !table_calls.contains(id)
        {
            problems.push(format!(
                "the log published call {id} (entry {index}), which its table does not hold"
            ));
        }
    }

    // Applications: who applied and when, against what the log received (and, once a call is
    // decided or while its applicants are kept sealed, who).
    let mut received: BTreeMap<i64, (i64, u64, i64, Option<i64>)> = BTreeMap::new();
    for (call, application, index, at, named) in &facts.received {
        let organisation = named.or_else(|| {
            facts
                .text(*index, "applicant")
                .and_then(parse_applicant)
                .filter(|(c, a, _)| c == call && a == application)
                .map(|(_, _, o)| o)
        });
        // The latest entry of an application (it may be sent again) is its time.
        received.insert(*application, (*call, *index, *at, organisation));
    }
    for a in &tables.applications {
        match received.get(&a.id) {
            None => problems.push(format!(
                "application {} to call {} is in its table but was never received on the log",
                a.id, a.call_id
            )),
            Some((call, index, at, organisation)) => {
                if *call != a.call_id {
                    problems.push(format!(
                        "application {} is to call {} in its table, to call {call} on the log (entry {index})",
                        a.id, a.call_id
                    ));
                }
                // The table's time is taken when the transaction starts, the entry's when it
                // is appended (after the files, which may take a while): never later, and not
                // long before.
                if a.submitted_at > *at || *at - a.submitted_at > SENDING {
                    problems.push(format!(
                        "application {} was sent at {} by its table, at {at} by the log (entry {index})",
                        a.id, a.submitted_at
                    ));
                }
                if let Some(organisation) = organisation
                    && *organisation != a.organisation_id
                {
                    problems.push(format!(
                        "application {} is organisation {}'s in its table, organisation {organisation}'s on the log (entry {index})",
                        a.id, a.organisation_id
                    ));
                }
            }
        }
    }
    let table_applications: BTreeSet<i64> = tables.applications.iter().map(|a| a.id).collect();
    for (application, (call, index, ..)) in &received {
        if !table_applications.contains(application) {
            problems.push(format!(
                "application {application} to call {call} was received on the log (entry {index}) but is not in its table"
            ));
        }
    }

    // Alternatives to notices: who proposed and when, against what the log says (who, once the
    // notice is decided or while it is kept sealed, or where the entry named it in clear).
    let mut proposed: BTreeMap<i64, (i64, u64, i64, Option<i64>)> = BTreeMap::new();
    for (notice, proposal, index, at, named) in &facts.proposed {
        let organisation = named.or_else(|| {
            facts
                .text(*index, "proposer")
                .and_then(parse_proposer)
                .filter(|(n, p, _)| n == notice && p == proposal)
                .map(|(_, _, o)| o)
        });
        // The latest entry of a proposal (it may be sent again) is its time.
        proposed.insert(*proposal, (*notice, *index, *at, organisation));
    }
    for a in &tables.alternatives {
        match proposed.get(&a.id) {
            None => problems.push(format!(
                "alternative {} to notice {} is in its table but was never proposed on the log",
                a.id, a.notice_id
            )),
            Some((notice, index, at, organisation)) => {
                if *notice != a.notice_id {
                    problems.push(format!(
                        "alternative {} is to notice {} in its table, to notice {notice} on the log (entry {index})",
                        a.id, a.notice_id
                    ));
                }
                if a.submitted_at > *at || *at - a.submitted_at > SENDING {
                    problems.push(format!(
                        "alternative {} was proposed at {} by its table, at {at} by the log (entry {index})",
                        a.id, a.submitted_at
                    ));
                }
                if let Some(organisation) = organisation
                    && *organisation != a.organisation_id
                {
                    problems.push(format!(
                        "alternative {} is organisation {}'s in its table, organisation {organisation}'s on the log (entry {index})",
                        a.id, a.organisation_id
                    ));
                }
            }
        }
    }
    let table_alternatives: BTreeSet<i64> = tables.alternatives.iter().map(|a| a.id).collect();
    for (proposal, (notice, index, ..)) in &proposed {
        if !table_alternatives.contains(proposal) {
            problems.push(format!(
                "alternative {proposal} to notice {notice} was proposed on the log (entry {index}) but is not in its table"
            ));
        }
    }

    // Scores: each evaluator's latest scoring of an application, against its table.
    let mut scored: BTreeMap<(i64, String), (u64, Option<ScoresText>)> = BTreeMap::new();
    let mut first_encoding: BTreeSet<i64> = BTreeSet::new();
    for (_, application, index, person, version) in &facts.scored {
        if *version < 2 {
            first_encoding.insert(*application);
            continue;
        }
        let Some(person) = person else { continue };
        let text = facts.text(*index, "scores").and_then(ScoresText::parse);
        scored.insert((*application, person.clone()), (*index, text));
    }
    let mut table_scores: BTreeMap<(i64, String), BTreeMap<i64, i64>> = BTreeMap::new();
    if let Some(key) = key {
        for s in &tables.scores {
            table_scores
                .entry((s.application_id, key.pseudonym(s.evaluator_id)))
                .or_default()
                .insert(s.criterion_id, s.score);
        }
    }
    for ((application, person), table) in &table_scores {
        match scored.get(&(*application, person.clone())) {
            None if first_encoding.contains(application) => {}
            None => problems.push(format!(
                "scores of application {application} by {person} are in the table but were never scored on the log"
            )),
            Some((index, Some(text))) => {
                let logged: BTreeMap<i64, i64> = text.scores.iter().copied().collect();
                if logged != *table {
                    problems.push(format!(
                        "{person}'s scores of application {application} are {table:?} in the table, {logged:?} on the log (entry {index})"
                    ));
                }
            }
            Some((_, None)) => {}
        }
    }
    for ((application, person), (index, _)) in &scored {
        if key.is_some() && !table_scores.contains_key(&(*application, person.clone())) {
            problems.push(format!(
                "{person} scored application {application} on the log (entry {index}) but the table holds no such scores"
            ));
        }
    }
    // The award's totals and ranks, recomputed from the tables: the results the log published.
    for call in &tables.calls {
        let Some(CallFacts {
            decided: Some((index, Some(award))),
            ..
        }) = facts.calls.get(&call.id)
        else {
            continue;
        };
        let applications: Vec<i64> = tables
            .applications
            .iter()
            .filter(|a| a.call_id == call.id)
            .map(|a| a.id)
            .collect();
        let weights: Vec<Weight> = call
            .criteria
            .iter()
            .map(|(id, _, weight)| Weight {
                criterion_id: *id,
                weight: *weight,
            })
            .collect();
        let scores: Vec<Score> = tables
            .scores
            .iter()
            .filter(|s| s.call_id == call.id)
            .map(|s| Score {
                application_id: s.application_id,
                criterion_id: s.criterion_id,
                evaluator_id: s.evaluator_id,
                score: s.score,
            })
            .collect();
        let from_tables: BTreeMap<i64, (String, usize)> =
            aggregate(&applications, &weights, &scores)
                .iter()
                .map(|r| (r.application_id, (r.total.to_string(), r.rank)))
                .collect();
        let published: BTreeMap<i64, (String, usize)> = award
            .results
            .iter()
            .map(|s| (s.application, (s.total.to_string(), s.rank)))
            .collect();
        if from_tables != published {
            problems.push(format!(
                "call {}'s results from its tables ({}) are not the award's on the log (entry {index}: {})",
                call.id,
                results_text(&from_tables),
                results_text(&published)
            ));
        }
    }

    // Declarations: each person's latest on a matter, ties and all.
    let matter_of = |matter: &str, id: i64| match matter {
        "call" => Matter::Call(id),
        _ => Matter::Initiative(id),
    };
    // (matter, person) → (entry, ties where known).
    type Ties = Option<Vec<(i64, Relation)>>;
    let mut declared: BTreeMap<(String, String), (u64, Ties)> = BTreeMap::new();
    let mut named_by_name: BTreeSet<String> = BTreeSet::new();
    for step in &facts.declared {
        if step.version < 2 {
            named_by_name.insert(step.matter.reference());
            continue;
        }
        let Some(person) = &step.person else { continue };
        let ties = step.clear.clone().or_else(|| {
            facts
                .text(step.index, "ties")
                .and_then(parse_ties)
                .map(|(_, ties)| ties)
        });
        declared.insert(
            (step.matter.reference(), person.clone()),
            (step.index, ties),
        );
    }
    let mut table_declared = BTreeSet::new();
    for d in &tables.declarations {
        let matter = matter_of(&d.matter, d.matter_id).reference();
        let Some(person) = pseudonym(d.user_id) else {
            continue;
        };
        table_declared.insert((matter.clone(), person.clone()));
        match declared.get(&(matter.clone(), person.clone())) {
            None if named_by_name.contains(&matter) => {}
            None => problems.push(format!(
                "a declaration by {person} on {matter} is in its table but not on the log"
            )),
            Some((index, Some(ties))) => {
                let logged: BTreeSet<(i64, &str)> =
                    ties.iter().map(|(o, r)| (*o, r.code())).collect();
                let table: BTreeSet<(i64, &str)> =
                    d.ties.iter().map(|(o, r)| (*o, r.as_str())).collect();
                if logged != table {
                    problems.push(format!(
                        "{person}'s declared ties on {matter} are {table:?} in the table, {logged:?} on the log (entry {index})"
                    ));
                }
            }
            Some((_, None)) => {}
        }
    }
    if key.is_some() {
        for ((matter, person), (index, _)) in &declared {
            if !table_declared.contains(&(matter.clone(), person.clone())) {
                problems.push(format!(
                    "{person} declared on {matter} on the log (entry {index}) but the table holds no such declaration"
                ));
            }
        }
    }

    // Recusals: who stepped aside from what, and because of whom.
    let mut recused: BTreeMap<(String, String, i64), u64> = BTreeMap::new();
    let mut recused_by_name: BTreeSet<String> = BTreeSet::new();
    for step in &facts.recused {
        if step.version < 2 {
            recused_by_name.insert(step.matter.reference());
            continue;
        }
        let Some(person) = &step.person else { continue };
        let party = step.clear.or_else(|| {
            facts
                .text(step.index, "party")
                .and_then(parse_party)
                .map(|(_, p)| p)
        });
        if let Some(party) = party {
            recused.insert((step.matter.reference(), person.clone(), party), step.index);
        }
    }
    let mut table_recused = BTreeSet::new();
    for r in &tables.recusals {
        let matter = matter_of(&r.matter, r.matter_id).reference();
        let Some(person) = pseudonym(r.user_id) else {
            continue;
        };
        let key = (matter.clone(), person.clone(), r.party_organisation_id);
        table_recused.insert(key.clone());
        if !recused.contains_key(&key) && !recused_by_name.contains(&matter) {
            let sealed_unknown = facts.recused.iter().any(|s| {
                s.matter.reference() == matter
                    && s.clear.is_none()
                    && facts.text(s.index, "party").is_none()
            });
            if !sealed_unknown {
                problems.push(format!(
                    "a recusal of {person} on {matter} from organisation {} is in its table but not on the log",
                    r.party_organisation_id
                ));
            }
        }
    }
    if key.is_some() {
        for ((matter, person, party), index) in &recused {
            if !table_recused.contains(&(matter.clone(), person.clone(), *party)) {
                problems.push(format!(
                    "{person} stepped aside on {matter} from organisation {party} on the log (entry {index}) but the table holds no such recusal"
                ));
            }
        }
    }

    // Initiatives: the stage each is at is the last the log moved it to.
    for (id, stage) in &tables.stages {
        match facts.stages.get(id) {
            None => problems.push(format!(
                "initiative {id} is in its table but was never proposed on the log"
            )),
            Some((index, logged)) if logged != stage => problems.push(format!(
                "initiative {id} is at stage {stage} in its table, {logged} on the log (entry {index})"
            )),
            Some(_) => {}
        }
    }

    // Donations: the step each is at, and what its registration and decisions said.
    for d in &tables.donations {
        let Some(logged) = facts.donations.get(&d.id) else {
            problems.push(format!(
                "donation {} is in its table but was never registered on the log",
                d.id
            ));
            continue;
        };
        if let Some((index, step)) = logged.step
            && step != d.step
        {
            problems.push(format!(
                "donation {} is at step {} in its table, {step} on the log (entry {index})",
                d.id, d.step
            ));
        }
        if let Some((index, kind, value)) = &logged.registered {
            if *kind != d.kind || *value != d.value_agorot {
                problems.push(format!(
                    "donation {}'s kind and value are {} {:?} in its table, {kind} {value:?} on the log (entry {index})",
                    d.id, d.kind, d.value_agorot
                ));
            }
            if let Some(donor) = shown(*index, "donor")
                && donor != d.donor_name
            {
                problems.push(format!(
                    "donation {}'s donor in its table is not the one published beside entry {index}",
                    d.id
                ));
            }
        }
        if let Some((index, r)) = &logged.recommendation
            && d.recommendation.as_deref() != Some(r.as_str())
        {
            problems.push(format!(
                "donation {}'s recommendation is {:?} in its table, {r} on the log (entry {index})",
                d.id, d.recommendation
            ));
        }
        if let Some((index, decision)) = &logged.decision
            && d.head_decision.as_deref() != Some(decision.as_str())
        {
            problems.push(format!(
                "donation {}'s decision is {:?} in its table, {decision} on the log (entry {index})",
                d.id, d.head_decision
            ));
        }
    }

    // Notices: when they close and what was decided.
    for n in &tables.notices {
        let logged = facts.notices.get(&n.id);
        match logged.and_then(|l| l.closes) {
            None => problems.push(format!(
                "notice {} is in its table but was never published on the log",
                n.id
            )),
            Some((index, closes)) if closes != n.closes_at => problems.push(format!(
                "notice {} closes at {} by its table, at {closes} by the log (entry {index})",
                n.id, n.closes_at
            )),
            Some(_) => {}
        }
        let decided = logged.and_then(|l| l.outcome.as_ref());
        match (decided, &n.outcome) {
            (None, None) => {}
            (Some((_, outcome, chosen)), Some(table))
                if outcome == table && *chosen == n.chosen_proposal_id => {}
            (decided, table) => problems.push(format!(
                "notice {}'s outcome is {table:?} (proposal {:?}) in its table, {} on the log",
                n.id,
                n.chosen_proposal_id,
                match decided {
                    None => "none".to_owned(),
                    Some((index, outcome, chosen)) => {
                        format!("{outcome} (proposal {chosen:?}, entry {index})")
                    }
                }
            )),
        }
    }
}

/// For `verify --url`: an entry as the hub sends it, in log order. Its openings must match what
/// its call or notice sealed ([`Seals`]), and each text shown beside it, with its salt, what it committed
/// to; a redacted one must show neither.
pub fn check_sent(
    seals: &mut Seals,
    entry: &LogEntry,
    shown: &[shutaf_web::api::log::DisclosureBody],
) -> anyhow::Result<()> {
    seals
        .see(entry)
        .map_err(|e| anyhow!("THE DECISION LOG'S SEALS DO NOT HOLD: {e}"))?;
    let index = entry.index;
    for d in shown {
        if is_sealed(&d.field) {
            bail!(
                "THE HUB SHOWS A SEALED TEXT: the {} of entry {index}, which only its call's or notice's decision may open",
                d.field
            );
        }
        match (&d.salt, &d.text, d.redacted_at) {
            (None, None, Some(_)) => {}
            (Some(salt), Some(text), None) => {
                let salt = shutaf_domain::disclosure::unhex32(salt).unwrap_or([0; 32]);
                if !shutaf_domain::disclosure::matches(entry, &d.field, &salt, text) {
                    bail!(
                        "THE TEXT SHOWN BESIDE ENTRY {index} ({}) DOES NOT MATCH THE ENTRY'S COMMITMENT",
                        d.field
                    );
                }
            }
            _ => bail!(
                "the {} shown beside entry {index} is neither a text with its salt nor a redaction",
                d.field
            ),
        }
    }
    Ok(())
}

/// Prints what was checked beyond the log, after `verify`'s own line.
pub fn report(summary: &Summary) {
    println!(
        "seals and tables consistent with the log: {} sealed text(s) opened on it, {} still sealed beside it; \
         {} disclosure(s) match their commitments, {} redacted; {} table row(s) checked against the entries",
        summary.opened, summary.sealed, summary.disclosures, summary.redacted, summary.rows
    );
}

fn results_text(results: &BTreeMap<i64, (String, usize)>) -> String {
    results
        .iter()
        .map(|(application, (total, rank))| {
            format!("application {application}: {total} points, rank {rank}")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Checks the seals, the texts beside the log and the tables against the log, in one snapshot.
pub async fn check(db: &Db) -> anyhow::Result<Summary> {
    let mut audit = db.audit().await.context("cannot read the database")?;
    let size = audit.log_size().await?;
    let key = audit.pseudonym_key().await?;
    let mut seals = Seals::default();
    let mut facts = Facts::default();
    let mut summary = Summary::default();
    let mut next = 0;
    while next < size {
        let page = audit.log_entries(next, size.min(next + 1000)).await?;
        if page.is_empty() {
            bail!("THE DECISION LOG IS NOT INTACT: it has no entry {next}");
        }
        for entry in &page {
            let opened = seals
                .see(entry)
                .map_err(|e| anyhow!("THE DECISION LOG'S SEALS DO NOT HOLD: {e}"))?;
            summary.opened += opened.len();
            facts.take(entry, opened);
        }
        next += page.len() as u64;
    }
    let beside = audit.withheld().await?;
    let tables = audit.described().await?;
    audit.finish().await?;
    summary.rows = tables.calls.len()
        + tables.applications.len()
        + tables.scores.len()
        + tables.declarations.len()
        + tables.recusals.len()
        + tables.stages.len()
        + tables.donations.len()
        + tables.notices.len()
        + tables.alternatives.len();

    let mut problems = Vec::new();
    check_beside(&mut facts, &seals, &beside, &mut problems, &mut summary);
    compare(&facts, &tables, key.as_ref(), &beside, &mut problems);
    if !problems.is_empty() {
        let more = problems.len().saturating_sub(LISTED);
        let mut message = format!(
            "THE TABLES AND TEXTS BESIDE THE DECISION LOG DO NOT MATCH IT ({} problem(s)):",
            problems.len()
        );
        for problem in problems.iter().take(LISTED) {
            message.push_str("\n  - ");
            message.push_str(problem);
        }
        if more > 0 {
            message.push_str(&format!("\n  ... and {more} more"));
        }
        bail!(message);
    }
    Ok(summary)
}
