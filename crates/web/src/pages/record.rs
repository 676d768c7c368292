//! The public record of a locality: its decision log as a readable page, filterable by
//! initiative, organisation and kind, and as an Atom feed. No account is needed.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use shutaf_domain::decision_log::LogEntry;
use shutaf_store::{Locality, LogFilter};

use super::{Ctx, QueryFields, query_value, render_alike};
use crate::AppState;
use crate::error::AppError;

/// The routes of these pages.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/localities/{id}/record", get(page))
        .route("/auditors", get(auditors))
        .route("/localities/{id}/record.atom", get(feed))
}

pub(crate) fn filter_of(query: &[(String, String)]) -> LogFilter {
    let kind = query_value(query, "kind");
    LogFilter {
        initiative_id: query_value(query, "initiative").parse().ok(),
        organisation_id: query_value(query, "organisation").parse().ok(),
        // Only the kinds the filter offers (calls', recusals' and donations' among them);
        // anything else would only ever match nothing.
        kind: KINDS.contains(&kind).then(|| kind.to_owned()),
    }
}

/// An entry as shown.
pub struct ShownEntry {
    pub entry: LogEntry,
    pub kind_label: String,
    pub organisation: String,
    pub initiative: String,
    /// The call or donation the entry is about (link, label), read from its detail.
    pub matter: Option<(String, String)>,
    /// What the entry withholds and the public may read beside it, and what it opens.
    pub beside: Vec<ShownText>,
}

/// A text shown beside an entry: a disclosure (or its redaction), or a sealed text the entry
/// opens.
pub struct ShownText {
    pub label: String,
    /// The clear text, while it is not redacted.
    pub text: Option<String>,
    /// "Redacted on <date>: <ground>", once it is.
    pub redacted: Option<String>,
    /// The field, for a disclosure a platform administrator may still redact.
    pub redactable: Option<String>,
}

/// The texts beside `entry`, in the reader's language.
fn beside(
    ctx: &Ctx,
    entry: &LogEntry,
    disclosures: &[shutaf_store::disclosures::Disclosure],
) -> Vec<ShownText> {
    let label = |field: &str| ctx.t(format!("disclosure-{field}"));
    let mut shown: Vec<ShownText> = disclosures
        .iter()
        .filter(|d| d.entry_index == entry.index)
        .map(|d| ShownText {
            label: label(&d.field),
            text: d.text.clone(),
            redacted: d
                .redacted_at
                .map(|at| ctx.tr.redaction(at, d.redaction_ground)),
            redactable: (d.redacted_at.is_none() && ctx.is_admin()).then(|| d.field.clone()),
        })
        .collect();
    shown.extend(entry.openings.iter().map(|o| ShownText {
        label: format!("{} ({})", label(&o.field), ctx.t("disclosure-opened")),
        text: Some(o.text.clone()),
        redacted: None,
        redactable: None,
    }));
    shown
}

/// The call or donation an entry's detail names (`call:12 ...`, `donation:3 ...`).
fn matter_of(ctx: &Ctx, detail: Option<&str>) -> Option<(String, String)> {
    let detail = detail?;
    for (prefix, path, key) in [
        ("call:", "calls", "matter-call"),
        ("donation:", "donations", "donation-title"),
    ] {
        if let Some(rest) = detail.strip_prefix(prefix) {
            let id: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !id.is_empty() {
                return Some((format!("/{path}/{id}"), format!("{} {id}", ctx.t(key))));
            }
        }
    }
    None
}

async fn shown(
    state: &AppState,
    ctx: &Ctx,
    entries: Vec<LogEntry>,
) -> Result<Vec<ShownEntry>, AppError> {
    let lang = ctx.lang();
    let mut org_ids: Vec<i64> = entries.iter().filter_map(|e| e.organisation_id).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs = state.db.organisation_names(&org_ids).await?;
    let mut initiative_ids: Vec<i64> = entries.iter().filter_map(|e| e.initiative_id).collect();
    initiative_ids.sort_unstable();
    initiative_ids.dedup();
    let titles: Vec<(i64, String)> = state
        .db
        .initiative_titles(&initiative_ids)
        .await?
        .into_iter()
        .map(|(id, he, ar, en)| {
            (
                id,
                shutaf_store::organisations::pick_name([&he, &ar, &en], lang).to_owned(),
            )
        })
        .collect();
    let indexes: Vec<u64> = entries.iter().map(|e| e.index).collect();
    let disclosures = state.db.disclosures(&indexes).await?;
    Ok(entries
        .into_iter()
        .map(|entry| ShownEntry {
            beside: beside(ctx, &entry, &disclosures),
            kind_label: ctx.t(format!("event-{}", entry.kind)),
            matter: matter_of(ctx, entry.detail.as_deref()),
            organisation: entry
                .organisation_id
                .and_then(|id| {
                    orgs.iter()
                        .find(|o| o.id == id)
                        .map(|o| o.name(lang).to_owned())
                })
                .unwrap_or_default(),
            initiative: entry
                .initiative_id
                .and_then(|id| {
                    titles
                        .iter()
                        .find(|(i, _)| *i == id)
                        .map(|(_, t)| t.clone())
                })
                .unwrap_or_default(),
            entry,
        })
        .collect())
}

#[derive(Template)]
#[template(path = "record.html")]
pub struct RecordPage {
    pub ctx: Ctx,
    pub locality: Locality,
    pub entries: Vec<ShownEntry>,
    pub total: shutaf_store::Count,
    /// The next (older) and previous (newer) pages' addresses.
    pub older: Option<String>,
    pub newer: Option<String>,
    pub kind: String,
    pub kinds: Vec<(&'static str, String)>,
}

/// The kinds of decision, for the filter.
const KINDS: &[&str] = &[
    "proposed",
    "convener-engaged",
    "partner-joined",
    "partner-left",
    "work-plan-recorded",
    "integrity-recorded",
    "interests-declared",
    "charter-proposed",
    "charter-endorsed",
    "recused",
    "notice-published",
    "alternative-proposed",
    "notice-decided",
    "call-published",
    "application-received",
    "application-scored",
    "call-awarded",
    "call-cancelled",
    "call-rerun",
    "donation-registered",
    "donation-checked",
    "donation-decided",
    "donation-reported",
    "disclosure-redacted",
    "stage-convened",
    "stage-scoping",
    "stage-building",
    "stage-agreed",
    "stage-implementing",
    "stage-reviewing",
    "stage-sustaining",
    "stage-closed",
    "stage-declined",
    "stage-withdrawn",
];

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    query: QueryFields,
) -> Result<Response, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let filter = filter_of(&query.0);
    let keyset = shutaf_store::Keyset::from_query(
        query_value(&query.0, "before"),
        query_value(&query.0, "after"),
    );
    let window = state.db.log_of_locality(id, &filter, keyset, 50).await?;
    let total = state.db.log_count(id, &filter).await?;
    // The pages beside this one keep the filters.
    let link = |key: &str, at: Option<i64>| {
        let at = at?;
        let mut parts: Vec<(&str, String)> = Vec::new();
        for (name, value) in [
            ("initiative", filter.initiative_id),
            ("organisation", filter.organisation_id),
        ] {
            if let Some(value) = value {
                parts.push((name, value.to_string()));
            }
        }
        if let Some(kind) = filter.kind.as_ref().filter(|k| !k.is_empty()) {
            parts.push(("kind", kind.clone()));
        }
        parts.push((key, at.to_string()));
        Some(format!(
            "/localities/{id}/record?{}",
            serde_urlencoded::to_string(&parts).unwrap_or_default()
        ))
    };
    let (older, newer) = (link("before", window.older), link("after", window.newer));
    let entries = shown(&state, &ctx, window.items).await?;
    let kinds = KINDS
        .iter()
        .map(|k| (*k, ctx.t(format!("event-{k}"))))
        .collect();
    render_alike(&RecordPage {
        ctx,
        locality,
        entries,
        total,
        older,
        newer,
        kind: filter.kind.unwrap_or_default(),
        kinds,
    })
}

/// Escapes text for the Atom feed, leaving out what XML 1.0 cannot carry at all (input refuses
/// it, but one stored before, or by another path, must not break the feed for everyone).
fn xml(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        })
        .collect();
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// The locality's record as an Atom feed, newest 50 first.
pub async fn feed(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    query: QueryFields,
) -> Result<Response, AppError> {
    let locality = state.db.locality(id).await?.ok_or(AppError::NotFound)?;
    let entries = state
        .db
        .log_of_locality(id, &filter_of(&query.0), None, 50)
        .await?
        .items;
    let updated = entries.first().map(|e| e.at).unwrap_or(locality.created_at);
    let entries = shown(&state, &ctx, entries).await?;
    let base = state.config.base();
    let title = format!("{}: {}", ctx.t("record-title"), locality.name(ctx.lang()));
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{}</title>\n<id>{base}/localities/{id}/record</id>\n<link rel=\"alternate\" href=\"{base}/localities/{id}/record\"/>\n<link rel=\"self\" href=\"{base}/localities/{id}/record.atom\"/>\n<updated>{}</updated>\n",
        ctx.tr.code(),
        xml(&title),
        rfc3339(updated)
    );
    for shown in entries {
        let e = &shown.entry;
        let beside: Vec<String> = shown
            .beside
            .iter()
            .map(|b| {
                format!(
                    "{}: {}",
                    b.label,
                    b.text.as_deref().or(b.redacted.as_deref()).unwrap_or("")
                )
            })
            .collect();
        let summary = [
            shown.initiative.as_str(),
            shown.organisation.as_str(),
            e.person.as_deref().unwrap_or(""),
            e.detail.as_deref().unwrap_or(""),
        ]
        .iter()
        .copied()
        .chain(beside.iter().map(String::as_str))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        let link = match e.initiative_id {
            Some(i) => format!("{base}/initiatives/{i}"),
            None => format!("{base}/localities/{id}/record"),
        };
        out.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{base}/api/v1/log/entries?start={}&amp;end={}</id>\n<link href=\"{}\"/>\n<updated>{}</updated>\n<summary>{}</summary>\n</entry>\n",
            xml(&shown.kind_label),
            e.index,
            e.index + 1,
            xml(&link),
            rfc3339(e.at),
            xml(&summary)
        ));
    }
    out.push_str("</feed>\n");
    let mut response = out.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    Ok(response)
}

#[derive(Template)]
#[template(path = "auditors.html")]
pub struct AuditorsPage {
    pub ctx: Ctx,
    pub public_key: String,
    pub size: u64,
    pub root: String,
    pub base: String,
    /// The log's origin, the hub's vkey and its key id (8 hex digits).
    pub origin: String,
    pub vkey: String,
    pub key_id: String,
    /// The latest checkpoint: its size, when it was signed, and the signed note with every
    /// cosignature.
    pub checkpoint: Option<(u64, i64, String)>,
    /// The witnesses that cosigned the latest checkpoint.
    pub cosigners: Vec<String>,
    /// The witnesses the hub accepts (vkeys), and the keys that signed before a rotation.
    pub witnesses: Vec<String>,
    pub previous_keys: Vec<String>,
}

/// For auditors: how the decision log is built, its latest signed checkpoint and its witnesses,
/// where to fetch it all, and how to check it, with a witness, with nothing but published keys.
pub async fn auditors(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    use crate::actions::checkpoints;
    let head = state.db.log_head().await?;
    let latest = state.db.latest_checkpoint().await?;
    let vkey = checkpoints::log_vkey(&state);
    let cosigners = latest
        .iter()
        .flat_map(|c| c.cosignatures.iter())
        .filter_map(|line| {
            shutaf_domain::checkpoint::NoteSignature::parse_line(line.trim_end_matches('\n')).ok()
        })
        .map(|signature| signature.name)
        .collect();
    render_alike(&AuditorsPage {
        ctx,
        public_key: hex::encode(state.log_key.verifying_key().to_bytes()),
        size: head.size,
        root: hex::encode(head.root),
        base: state.config.base().to_owned(),
        origin: vkey.name().to_owned(),
        key_id: format!("{:08x}", vkey.key_id()),
        vkey: vkey.to_string(),
        checkpoint: latest.map(|c| (c.size, c.at, c.note_with_cosignatures())),
        cosigners,
        witnesses: state.config.checkpoints.witnesses.clone(),
        previous_keys: state.config.checkpoints.previous_keys.clone(),
    })
}
