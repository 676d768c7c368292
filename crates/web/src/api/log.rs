//! The public decision log for auditors: the current tree head, entries by range, and
//! inclusion and consistency proofs, all computed as RFC 6962 / RFC 9162 define them. No token is
//! needed: the record is public.

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use shutaf_domain::decision_log::LogEntry;
use shutaf_domain::merkle;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ErrorBody;
use crate::AppState;
use crate::error::AppError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(head))
        .routes(routes!(key))
        .routes(routes!(entries))
        .routes(routes!(inclusion))
        .routes(routes!(consistency))
}

/// A signed tree head: the log's size, the Merkle root over its entries, the time, and the
/// hub's Ed25519 signature over `shutaf-tree-head/1\nsize:<size>\nroot:<root>\nat:<at>\n`.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct TreeHeadBody {
    pub size: u64,
    /// Hex.
    pub root: String,
    /// Unix seconds.
    pub at: i64,
    /// Hex, 64 bytes.
    pub signature: String,
    /// The hub's public key, hex (also at `/api/v1/log/key`).
    pub public_key: String,
}

/// The current signed tree head.
#[utoipa::path(get, path = "/v1/log/head", tag = "decision log", responses((status = 200, body = TreeHeadBody)))]
async fn head(State(state): State<AppState>) -> Result<Json<TreeHeadBody>, AppError> {
    use ed25519_dalek::Signer;
    let head = state.db.log_head().await?;
    let at = shutaf_store::now();
    let signature = state
        .log_key
        .sign(&merkle::tree_head_bytes(head.size, &head.root, at));
    Ok(Json(TreeHeadBody {
        size: head.size,
        root: hex::encode(head.root),
        at,
        signature: hex::encode(signature.to_bytes()),
        public_key: hex::encode(state.log_key.verifying_key().to_bytes()),
    }))
}

/// The hub's public key for tree heads.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct KeyBody {
    /// Ed25519, hex.
    pub public_key: String,
}

/// The public key that verifies this hub's tree heads.
#[utoipa::path(get, path = "/v1/log/key", tag = "decision log", responses((status = 200, body = KeyBody)))]
async fn key(State(state): State<AppState>) -> Json<KeyBody> {
    Json(KeyBody {
        public_key: hex::encode(state.log_key.verifying_key().to_bytes()),
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
}

impl EntryBody {
    /// The entry its fields describe (what a verifier rehashes).
    pub fn entry(&self) -> LogEntry {
        LogEntry {
            index: self.index,
            at: self.at,
            kind: self.kind.clone(),
            locality_id: self.locality_id,
            initiative_id: self.initiative_id,
            organisation_id: self.organisation_id,
            person: self.person.clone(),
            detail: self.detail.clone(),
        }
    }
}

impl From<LogEntry> for EntryBody {
    fn from(e: LogEntry) -> Self {
        EntryBody {
            canonical: String::from_utf8_lossy(&e.canonical_bytes()).into_owned(),
            leaf_hash: hex::encode(e.leaf_hash()),
            index: e.index,
            at: e.at,
            kind: e.kind,
            locality_id: e.locality_id,
            initiative_id: e.initiative_id,
            organisation_id: e.organisation_id,
            person: e.person,
            detail: e.detail,
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
) -> Result<Json<Vec<EntryBody>>, AppError> {
    if q.end < q.start {
        return Err(AppError::BadRequest("error-log-range"));
    }
    Ok(Json(
        state
            .db
            .log_entries(q.start, q.end)
            .await?
            .into_iter()
            .map(EntryBody::from)
            .collect(),
    ))
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
