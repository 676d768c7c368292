//! The public decision log for auditors: the latest signed checkpoint (as the tree head of
//! `shutaf verify --url` and as a C2SP signed note), every checkpoint signed, entries by range,
//! and inclusion and consistency proofs, all computed as RFC 6962 / RFC 9162 define them; and
//! the door through which witnesses hand in their cosignatures. No token is needed: the record
//! is public, and a cosignature is checked against the configured witnesses' keys. A platform
//! administrator redacts a text shown beside an entry here too, with a write token
//! (`actions::redactions`, as the admin page and `shutaf redact` do).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use shutaf_domain::checkpoint::NoteSignature;
use shutaf_domain::decision_log::LogEntry;
use shutaf_store::StoredCheckpoint;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, ApiWriter, ErrorBody};
use crate::AppState;
use crate::actions::redactions::{self, RedactionInput};
use crate::actions::{ActionError, checkpoints};
use crate::error::AppError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(head))
        .routes(routes!(checkpoint))
        .routes(routes!(history))
        .routes(routes!(checkpoint_of_size))
        .routes(routes!(cosignatures))
        .routes(routes!(key))
        .routes(routes!(entries))
        .routes(routes!(redact))
        .routes(routes!(inclusion))
        .routes(routes!(consistency))
}

/// A signed tree head: the latest checkpoint the hub signed, with the time it signed it. The
/// hub's Ed25519 signature is over `shutaf-tree-head/1\nsize:<size>\nroot:<root>\nat:<at>\n`;
/// `checkpoint` is the same head as a C2SP signed note, with witnesses' cosignatures.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct TreeHeadBody {
    pub size: u64,
    /// Hex.
    pub root: String,
    /// When the hub signed this checkpoint, Unix seconds.
    pub at: i64,
    /// Hex, 64 bytes.
    pub signature: String,
    /// The hub's public key, hex (also at `/api/v1/log/key`).
    pub public_key: String,
    /// The log's origin: the checkpoint's first line and the key name of the hub's signature.
    // Hubs before checkpoints did not send it; a verifier reads their heads without it.
    #[serde(default)]
    #[schema(required = true)]
    pub origin: String,
    /// The checkpoint (C2SP tlog-checkpoint) as a signed note: the hub's signature line, then
    /// one line a witness that cosigned it (also at `/api/v1/log/checkpoint`, as text).
    #[serde(default)]
    #[schema(required = true)]
    pub checkpoint: String,
}

impl TreeHeadBody {
    fn of(checkpoint: &StoredCheckpoint, state: &AppState) -> TreeHeadBody {
        TreeHeadBody {
            size: checkpoint.size,
            root: hex::encode(checkpoint.root),
            at: checkpoint.at,
            signature: checkpoint.head_signature.clone(),
            public_key: hex::encode(state.log_key.verifying_key().to_bytes()),
            origin: checkpoints::origin(&state.config),
            checkpoint: checkpoint.note_with_cosignatures(),
        }
    }
}

/// The latest checkpoint; the first is signed here if the signer has not made one yet.
async fn latest(state: &AppState) -> Result<StoredCheckpoint, AppError> {
    match state.db.latest_checkpoint().await? {
        Some(latest) => Ok(latest),
        None => checkpoints::sign_if_grown(state)
            .await
            .map_err(|e| AppError::Internal(e.to_string())),
    }
}

/// The latest signed tree head: the latest checkpoint, signed when the log grew (not at this
/// request), so two requests between growths answer the same head with the same time.
#[utoipa::path(get, path = "/v1/log/head", tag = "decision log", responses((status = 200, body = TreeHeadBody)))]
async fn head(State(state): State<AppState>) -> Result<Json<TreeHeadBody>, AppError> {
    let latest = latest(&state).await?;
    Ok(Json(TreeHeadBody::of(&latest, &state)))
}

/// The latest checkpoint as a C2SP signed note (`text/plain`): `<origin>\n<size>\n<base64
/// root>\n`, a blank line, the hub's Ed25519 signature line, then each witness's cosignature
/// line. What transparency-log tools (and `shutaf witness`) read.
#[utoipa::path(get, path = "/v1/log/checkpoint", tag = "decision log",
    responses((status = 200, body = String, content_type = "text/plain")))]
async fn checkpoint(State(state): State<AppState>) -> Result<Response, AppError> {
    let latest = latest(&state).await?;
    Ok((
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        latest.note_with_cosignatures(),
    )
        .into_response())
}

/// A checkpoint the hub signed, with its cosignatures.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct CheckpointBody {
    pub size: u64,
    /// Hex.
    pub root: String,
    /// When the hub signed it, Unix seconds.
    pub at: i64,
    /// The signed note with every cosignature line.
    pub checkpoint: String,
    /// Hex Ed25519 signature over `shutaf-tree-head/1` with this size, root and time.
    pub signature: String,
    /// The names of the witnesses that cosigned it.
    pub witnesses: Vec<String>,
}

impl From<StoredCheckpoint> for CheckpointBody {
    fn from(c: StoredCheckpoint) -> Self {
        let witnesses = c
            .cosignatures
            .iter()
            .filter_map(|line| NoteSignature::parse_line(line.trim_end_matches('\n')).ok())
            .map(|s| s.name)
            .collect();
        CheckpointBody {
            size: c.size,
            root: hex::encode(c.root),
            at: c.at,
            checkpoint: c.note_with_cosignatures(),
            signature: c.head_signature,
            witnesses,
        }
    }
}

/// A page of checkpoints, newest first.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct CheckpointPage {
    pub checkpoints: Vec<CheckpointBody>,
    /// The `before` of the next page; absent on the last.
    #[serde(default)]
    pub next_before: Option<u64>,
}

#[derive(Deserialize, IntoParams)]
pub struct HistoryQuery {
    /// Only checkpoints of fewer entries than this (the previous page's `next_before`).
    before: Option<u64>,
    /// 1 to 100, default 20.
    limit: Option<u32>,
    /// Only checkpoints that at least one witness cosigned.
    cosigned: Option<bool>,
}

/// Every checkpoint the hub signed, newest first, a page at a time (keyset pagination by size).
#[utoipa::path(get, path = "/v1/log/checkpoints", tag = "decision log", params(HistoryQuery),
    responses((status = 200, body = CheckpointPage)))]
async fn history(
    State(state): State<AppState>,
    Query(q): Query<HistoryQuery>,
) -> Result<Json<CheckpointPage>, AppError> {
    let limit = q.limit.unwrap_or(20).clamp(1, 100);
    let page = state
        .db
        .checkpoints(q.before, limit, q.cosigned.unwrap_or(false))
        .await?;
    let next_before = (page.len() == limit as usize)
        .then(|| page.last().map(|c| c.size))
        .flatten()
        .filter(|size| *size > 0);
    Ok(Json(CheckpointPage {
        checkpoints: page.into_iter().map(CheckpointBody::from).collect(),
        next_before,
    }))
}

/// The checkpoint of `size` entries, if the hub signed one.
#[utoipa::path(get, path = "/v1/log/checkpoints/{size}", tag = "decision log",
    params(("size" = u64, Path, description = "The log's size at the checkpoint")),
    responses((status = 200, body = CheckpointBody), (status = 404, body = ErrorBody)))]
async fn checkpoint_of_size(
    State(state): State<AppState>,
    Path(size): Path<u64>,
) -> Result<Json<CheckpointBody>, AppError> {
    let found = state.db.checkpoint(size).await?.ok_or(AppError::NotFound)?;
    Ok(Json(found.into()))
}

/// The witnesses whose cosignatures were kept.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct CosignedBody {
    pub size: u64,
    pub witnesses: Vec<String>,
}

/// A witness hands in its cosignatures of a checkpoint: the body is the checkpoint's signed note
/// (`text/plain`) with the witness's cosignature lines (C2SP tlog-cosignature, Ed25519 v1).
/// Cosignatures by the witnesses this hub is configured with that verify over the text of its
/// own checkpoint of that size are kept and served with it; others are ignored. No token: the
/// signature is the witness's credential.
#[utoipa::path(post, path = "/v1/log/cosignatures", tag = "decision log",
    request_body(content = String, content_type = "text/plain"),
    responses((status = 200, body = CosignedBody),
        (status = 400, body = ErrorBody, description = "Not a signed checkpoint"),
        (status = 403, body = ErrorBody, description = "No cosignature by a configured witness verifies"),
        (status = 404, body = ErrorBody, description = "The hub signed no checkpoint of that size"),
        (status = 409, body = ErrorBody, description = "The checkpoint is not the one the hub signed at that size")))]
async fn cosignatures(
    State(state): State<AppState>,
    body: String,
) -> Result<Json<CosignedBody>, AppError> {
    let accepted = checkpoints::accept_cosignatures(&state, &body).await?;
    Ok(Json(CosignedBody {
        size: accepted.size,
        witnesses: accepted.witnesses,
    }))
}

/// The hub's public key for tree heads.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct KeyBody {
    /// Ed25519, hex.
    pub public_key: String,
    /// The log's origin, the key name of its checkpoint signatures.
    #[serde(default)]
    #[schema(required = true)]
    pub origin: String,
    /// The key as a C2SP verifier key: `<origin>+<key id>+<base64(0x01 || key)>`.
    #[serde(default)]
    #[schema(required = true)]
    pub vkey: String,
    /// 8 hex digits: the first four bytes of SHA-256(origin || 0x0A || 0x01 || key).
    #[serde(default)]
    #[schema(required = true)]
    pub key_id: String,
    /// The witnesses whose cosignatures the hub accepts and serves, as vkeys (type 04).
    #[serde(default)]
    #[schema(required = true)]
    pub witnesses: Vec<String>,
    /// Keys that signed this log's earlier checkpoints, before a rotation, as vkeys.
    #[serde(default)]
    #[schema(required = true)]
    pub previous_keys: Vec<String>,
}

/// The public key that verifies this hub's tree heads and checkpoints.
#[utoipa::path(get, path = "/v1/log/key", tag = "decision log", responses((status = 200, body = KeyBody)))]
async fn key(State(state): State<AppState>) -> Json<KeyBody> {
    let vkey = checkpoints::log_vkey(&state);
    Json(KeyBody {
        public_key: hex::encode(state.log_key.verifying_key().to_bytes()),
        origin: vkey.name().to_owned(),
        key_id: format!("{:08x}", vkey.key_id()),
        vkey: vkey.to_string(),
        witnesses: checkpoints::witness_keys(&state.config)
            .iter()
            .map(ToString::to_string)
            .collect(),
        previous_keys: checkpoints::previous_keys(&state.config)
            .iter()
            .map(ToString::to_string)
            .collect(),
    })
}

/// An entry with its canonical bytes (as UTF-8 text) and leaf hash, to recompute.
///
/// The wire shape of an entry, read back by `shutaf verify --url`, which recomputes the
/// canonical bytes and the hash from the fields ([`EntryBody::entry`]) and trusts neither.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct EntryBody {
    pub index: u64,
    pub at: i64,
    pub kind: String,
    pub locality_id: Option<i64>,
    pub initiative_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub person: Option<String>,
    pub detail: Option<String>,
    /// The canonical encoding the leaf hash is computed over.
    // Always sent; a verifier reads entries without it too (it recomputes it from the fields).
    #[serde(default)]
    #[schema(required = true)]
    pub canonical: String,
    /// SHA-256(0x00 || canonical), hex.
    #[serde(default)]
    #[schema(required = true)]
    pub leaf_hash: String,
    /// The encoding the entry is written in: 1, or 2 since the record withholds personal
    /// details (absent from hubs before it: 1).
    #[serde(default = "first_version")]
    #[schema(required = true)]
    pub version: u32,
    /// Commitments to the texts the entry withholds (hashed with the entry).
    #[serde(default)]
    #[schema(required = true)]
    pub commitments: Vec<CommitmentBody>,
    /// Sealed texts of earlier entries that this one opens: a call's decision opens who
    /// applied, the scores and the declarations' parties (hashed with the entry).
    #[serde(default)]
    #[schema(required = true)]
    pub openings: Vec<OpeningBody>,
    /// The withheld texts shown beside the entry (not hashed): with its salt, to check against
    /// the commitment, or the date and ground of its redaction.
    #[serde(default)]
    #[schema(required = true)]
    pub disclosures: Vec<DisclosureBody>,
}

fn first_version() -> u32 {
    1
}

/// A commitment: SHA-256 over `shutaf-commitment/1`, the field, the salt and the text.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct CommitmentBody {
    pub field: String,
    /// Hex.
    pub hash: String,
}

/// A sealed text opened: its field, salt (hex) and text.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct OpeningBody {
    pub field: String,
    pub salt: String,
    pub text: String,
}

/// A text kept beside an entry: shown with its salt (hex) until redacted, then only when and
/// why it was redacted.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct DisclosureBody {
    pub field: String,
    pub text: Option<String>,
    pub salt: Option<String>,
    /// Unix seconds.
    pub redacted_at: Option<i64>,
    /// `erasure-request`, `correction`, `legal-order` or `not-public`.
    pub redaction_ground: Option<String>,
}

impl From<&shutaf_store::disclosures::Disclosure> for DisclosureBody {
    fn from(d: &shutaf_store::disclosures::Disclosure) -> Self {
        DisclosureBody {
            field: d.field.clone(),
            text: d.text.clone(),
            salt: d.salt.map(|salt| shutaf_domain::disclosure::hex(&salt)),
            redacted_at: d.redacted_at,
            redaction_ground: d.redaction_ground.map(|g| g.code().to_owned()),
        }
    }
}

/// 32 bytes from hex; what is not (a hostile hub's answer) reads as zeros, which no honest
/// entry hashes to, so the entry fails to verify.
fn bytes32(text: &str) -> [u8; 32] {
    shutaf_domain::disclosure::unhex32(text.trim()).unwrap_or([0; 32])
}

impl EntryBody {
    /// The entry its fields describe (what a verifier rehashes).
    pub fn entry(&self) -> LogEntry {
        use shutaf_domain::disclosure::{Commitment, Opening};
        LogEntry {
            index: self.index,
            at: self.at,
            kind: self.kind.clone(),
            locality_id: self.locality_id,
            initiative_id: self.initiative_id,
            organisation_id: self.organisation_id,
            person: self.person.clone(),
            detail: self.detail.clone(),
            version: self.version,
            commitments: self
                .commitments
                .iter()
                .map(|c| Commitment {
                    field: c.field.clone(),
                    hash: bytes32(&c.hash),
                })
                .collect(),
            openings: self
                .openings
                .iter()
                .map(|o| Opening {
                    field: o.field.clone(),
                    salt: bytes32(&o.salt),
                    text: o.text.clone(),
                })
                .collect(),
        }
    }
}

impl From<LogEntry> for EntryBody {
    fn from(e: LogEntry) -> Self {
        // Encoded once: the leaf hash is over the same bytes.
        let canonical = e.canonical_bytes();
        EntryBody {
            leaf_hash: shutaf_domain::disclosure::hex(&shutaf_domain::merkle::leaf_hash(
                &canonical,
            )),
            canonical: String::from_utf8(canonical)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            index: e.index,
            at: e.at,
            kind: e.kind,
            locality_id: e.locality_id,
            initiative_id: e.initiative_id,
            organisation_id: e.organisation_id,
            person: e.person,
            detail: e.detail,
            version: e.version,
            commitments: e
                .commitments
                .iter()
                .map(|c| CommitmentBody {
                    field: c.field.clone(),
                    hash: shutaf_domain::disclosure::hex(&c.hash),
                })
                .collect(),
            openings: e
                .openings
                .iter()
                .map(|o| OpeningBody {
                    field: o.field.clone(),
                    salt: shutaf_domain::disclosure::hex(&o.salt),
                    text: o.text.clone(),
                })
                .collect(),
            disclosures: Vec::new(),
        }
    }
}

#[derive(Deserialize, IntoParams)]
pub struct RangeQuery {
    /// First index (from 0).
    start: u64,
    /// One past the last index; at most 1,000 entries a request.
    end: u64,
}

/// Entries `start..end`.
#[utoipa::path(get, path = "/v1/log/entries", tag = "decision log", params(RangeQuery),
    responses((status = 200, body = Vec<EntryBody>), (status = 400, body = ErrorBody)))]
async fn entries(
    State(state): State<AppState>,
    Query(q): Query<RangeQuery>,
) -> Result<Response, AppError> {
    // Beyond 2^63 no index exists: refuse rather than let a bound wrap around to 0.
    if q.end < q.start || q.end > i64::MAX as u64 {
        return Err(AppError::BadRequest("error-log-range"));
    }
    let entries = state.db.log_entries(q.start, q.end).await?;
    // What each entry withholds and may be shown, beside it: one more statement a page.
    let indexes: Vec<u64> = entries.iter().map(|e| e.index).collect();
    let disclosures = state.db.disclosures(&indexes).await?;
    let bodies: Vec<EntryBody> = entries
        .into_iter()
        .map(|e| {
            let index = e.index;
            let mut body = EntryBody::from(e);
            body.disclosures = disclosures
                .iter()
                .filter(|d| d.entry_index == index)
                .map(DisclosureBody::from)
                .collect();
            body
        })
        .collect();
    // Written once into a buffer of about the answer's size (an entry is some 700 bytes):
    // growing from a few bytes copied the answer over and over.
    let mut bytes = Vec::with_capacity(bodies.len() * 1024 + 2);
    serde_json::to_writer(&mut bytes, &bodies).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut response = ([(header::CONTENT_TYPE, "application/json")], bytes).into_response();
    response.extensions_mut().insert(crate::page_cache::NotKept);
    Ok(response)
}

#[derive(Deserialize, IntoParams)]
pub struct InclusionQuery {
    /// The entry's index.
    index: u64,
    /// The size of the tree (a published tree head's size).
    size: u64,
}

/// An audit path.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct InclusionBody {
    pub index: u64,
    pub size: u64,
    pub leaf_hash: String,
    /// Sibling hashes from the leaf up (hex).
    pub audit_path: Vec<String>,
}

/// The inclusion proof of an entry in the tree of a given size.
#[utoipa::path(get, path = "/v1/log/proof/inclusion", tag = "decision log", params(InclusionQuery),
    responses((status = 200, body = InclusionBody), (status = 400, body = ErrorBody)))]
async fn inclusion(
    State(state): State<AppState>,
    Query(q): Query<InclusionQuery>,
) -> Result<Json<InclusionBody>, AppError> {
    let (leaf, path) = state
        .db
        .log_inclusion(q.index, q.size)
        .await?
        .ok_or(AppError::BadRequest("error-log-range"))?;
    Ok(Json(InclusionBody {
        index: q.index,
        size: q.size,
        leaf_hash: hex::encode(leaf),
        audit_path: path.iter().map(hex::encode).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct ConsistencyQuery {
    /// The earlier tree size.
    first: u64,
    /// The later tree size.
    second: u64,
}

/// A consistency proof.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct ConsistencyBody {
    pub first: u64,
    pub second: u64,
    pub proof: Vec<String>,
}

/// The proof that the tree of `second` entries extends the tree of `first` entries unchanged.
#[utoipa::path(get, path = "/v1/log/proof/consistency", tag = "decision log", params(ConsistencyQuery),
    responses((status = 200, body = ConsistencyBody), (status = 400, body = ErrorBody)))]
async fn consistency(
    State(state): State<AppState>,
    Query(q): Query<ConsistencyQuery>,
) -> Result<Json<ConsistencyBody>, AppError> {
    let proof = state
        .db
        .log_consistency(q.first, q.second)
        .await?
        .ok_or(AppError::BadRequest("error-log-range"))?;
    Ok(Json(ConsistencyBody {
        first: q.first,
        second: q.second,
        proof: proof.iter().map(hex::encode).collect(),
    }))
}

fn redactable_schema() -> utoipa::openapi::schema::Object {
    super::codes(shutaf_domain::disclosure::DISCLOSED.iter().copied())
}

fn ground_schema() -> utoipa::openapi::schema::Object {
    super::codes(
        shutaf_domain::disclosure::RedactionGround::ALL
            .iter()
            .map(|g| g.code()),
    )
}

/// A text beside an entry to redact, and why.
#[derive(Deserialize, ToSchema)]
pub struct RedactionWrite {
    /// Which text: a person's name, reasons, a donor, a gift's purpose, the committee's check
    /// or the report to the council.
    #[schema(schema_with = redactable_schema)]
    pub field: String,
    /// Why: the person asked for erasure, a correction, a legal order, or it should never have
    /// been public.
    #[schema(schema_with = ground_schema)]
    pub ground: String,
}

/// A redaction made.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct RedactionBody {
    /// The entry the text was beside.
    pub entry: u64,
    pub field: String,
    pub ground: String,
    /// The `disclosure-redacted` entry that records the redaction on the log.
    pub redaction_index: u64,
}

/// Redacts a text shown beside an entry (platform administrators, write token). The text and
/// its salt are erased beside the log, every page, feed, API answer, file and OCDS release that
/// showed it shows "redacted on <date>: <ground>" instead (in the administrator's language
/// where the hub keeps a copy), and a `disclosure-redacted` entry naming no person is appended.
/// The entry itself does not change: the log verifies as before. Once only: 409 when the text
/// is redacted already, 422 when the entry shows no such text (a sealed text is opened only by
/// its call's decision).
#[utoipa::path(post, path = "/v1/log/entries/{index}/redactions", tag = "decision log",
    params(("index" = u64, Path, description = "The entry the text is beside")),
    request_body = RedactionWrite, security(("token" = [])),
    responses((status = 201, body = RedactionBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn redact(
    State(state): State<AppState>,
    ApiWriter(user): ApiWriter,
    Path(index): Path<u64>,
    ApiJson(body): ApiJson<RedactionWrite>,
) -> Result<Response, AppError> {
    let lang = user.language().unwrap_or(state.config.default_language);
    let input = RedactionInput {
        entry: index.to_string(),
        field: body.field,
        ground: body.ground,
        // A program's request is its confirmation.
        confirmed: true,
    };
    match redactions::redact(&state, &user, lang, &input).await {
        Ok(done) => Ok((
            StatusCode::CREATED,
            Json(RedactionBody {
                entry: done.entry,
                field: done.field.to_owned(),
                ground: done.ground.code().to_owned(),
                redaction_index: done.index,
            }),
        )
            .into_response()),
        Err(ActionError::Invalid(errors))
            if errors.for_field("entry") == Some("error-redaction-no-entry") =>
        {
            Err(AppError::NotFound)
        }
        Err(ActionError::Invalid(errors))
            if errors.for_field("field") == Some("error-redaction-already") =>
        {
            Err(AppError::Conflict("error-redaction-already"))
        }
        Err(other) => Err(other.into()),
    }
}
