//! The decision log's signed checkpoints: the hub's signer and the witnesses' cosignatures.
//!
//! **The signer** ([`spawn_signer`], started with the hub by `startup`): every
//! `checkpoints.interval_ms` it looks at the log's size (one statement while nothing changes),
//! and when the log has grown it signs a checkpoint of the new head and keeps it
//! ([`sign_if_grown`]). Heads are never signed on a reader's demand: `GET /api/v1/log/head` and
//! `/api/v1/log/checkpoint` serve the latest kept checkpoint, with the time it was signed. Before
//! signing, the signer checks that the new head extends the latest kept checkpoint (a
//! consistency proof from the kept tree): a log rewritten behind the hub's back gets no new
//! signature. Every server on one database runs a signer; the store keeps one checkpoint a size
//! and never a smaller one after a larger, so they cannot disagree.
//!
//! Each checkpoint carries two signatures by the hub's log key, made once: the C2SP signed note
//! (Ed25519 under the origin as key name), and the `shutaf-tree-head/1` signature with the
//! signing time that `shutaf verify --url` has always checked.
//!
//! **Cosignatures** ([`accept_cosignatures`]): a witness sends a checkpoint's signed note with its
//! cosignature lines; those by configured witness keys (`checkpoints.witnesses`) that verify over
//! the exact text the hub signed are kept, and served after the hub's own line.

use std::time::Duration;

use ed25519_dalek::Signer;
use shutaf_domain::checkpoint::{Algorithm, Checkpoint, Note, Verification, VerifierKey};
use shutaf_domain::merkle;
use shutaf_store::{Cosignature, StoreError, StoredCheckpoint};

use crate::error::AppError;
use crate::{AppState, Config};

/// The log's origin (and the key name of its signatures): configured, or the base URL without
/// its scheme.
pub fn origin(config: &Config) -> String {
    config
        .checkpoints
        .origin
        .clone()
        .unwrap_or_else(|| shutaf_domain::checkpoint::origin_of_url(&config.base_url))
}

/// The hub's verifier key: its log key, Ed25519, under its origin.
pub fn log_vkey(state: &AppState) -> VerifierKey {
    VerifierKey::new(
        &origin(&state.config),
        Algorithm::Ed25519,
        state.log_key.verifying_key(),
    )
    .expect("the origin was checked at startup")
}

fn parse_keys(
    keys: &[String],
    algorithm: Algorithm,
    what: &str,
) -> Result<Vec<VerifierKey>, String> {
    keys.iter()
        .map(|text| {
            let key = VerifierKey::parse(text).map_err(|e| format!("{what} {text:?}: {e}"))?;
            if key.algorithm() != algorithm {
                return Err(format!(
                    "{what} {text:?}: the key's type must be {:02x}",
                    algorithm.byte()
                ));
            }
            Ok(key)
        })
        .collect()
}

/// The witnesses whose cosignatures the hub accepts.
pub fn witness_keys(config: &Config) -> Vec<VerifierKey> {
    parse_keys(
        &config.checkpoints.witnesses,
        Algorithm::CosignatureV1,
        "witness",
    )
    .unwrap_or_default()
}

/// The keys that signed this log before the current one.
pub fn previous_keys(config: &Config) -> Vec<VerifierKey> {
    parse_keys(
        &config.checkpoints.previous_keys,
        Algorithm::Ed25519,
        "previous key",
    )
    .unwrap_or_default()
}

/// Checks `[checkpoints]` at startup: a usable origin, well-formed keys.
pub fn check_config(config: &Config) -> Result<(), String> {
    let origin = origin(config);
    if !shutaf_domain::checkpoint::valid_name(&origin) {
        return Err(format!(
            "the origin {origin:?} may not be empty or hold spaces or '+'"
        ));
    }
    parse_keys(
        &config.checkpoints.witnesses,
        Algorithm::CosignatureV1,
        "witness",
    )?;
    parse_keys(
        &config.checkpoints.previous_keys,
        Algorithm::Ed25519,
        "previous key",
    )?;
    Ok(())
}

/// Why the signer did not sign.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("{0}")]
    Store(#[from] StoreError),
    /// The log no longer extends the latest checkpoint: rewritten behind the hub's back.
    #[error(
        "REFUSING TO SIGN: the decision log of {size} entries does not extend the checkpoint of {signed} entries signed before (rewritten or shrunk behind the hub's back); run `shutaf verify`"
    )]
    Inconsistent { signed: u64, size: u64 },
}

/// Signs a checkpoint of the log's head when the log has grown since the latest kept one, and
/// keeps it; gives the latest checkpoint kept afterwards (another server's, if it was quicker).
pub async fn sign_if_grown(state: &AppState) -> Result<StoredCheckpoint, SignError> {
    let latest = state.db.latest_checkpoint().await?;
    let head = state.db.log_head().await?;
    if let Some(latest) = latest {
        let inconsistent = SignError::Inconsistent {
            signed: latest.size,
            size: head.size,
        };
        if latest.size > head.size {
            return Err(inconsistent);
        }
        if latest.size == head.size {
            return if latest.root != head.root {
                Err(inconsistent)
            } else if needs_endorsement(state, &latest) {
                endorse(state, latest).await
            } else {
                Ok(latest)
            };
        }
        let proof = state
            .db
            .log_consistency(latest.size, head.size)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !merkle::verify_consistency(latest.size, head.size, &latest.root, &head.root, &proof) {
            return Err(inconsistent);
        }
    }
    let at = state.db.now();
    let note = Checkpoint::new(&origin(&state.config), head.size, head.root)
        .sign(&state.log_key)
        .encode();
    let head_signature = state
        .log_key
        .sign(&merkle::tree_head_bytes(head.size, &head.root, at));
    Ok(state
        .db
        .keep_checkpoint(&StoredCheckpoint {
            size: head.size,
            root: head.root,
            at,
            note,
            head_signature: hex::encode(head_signature.to_bytes()),
            cosignatures: Vec::new(),
        })
        .await?)
}

/// Whether `checkpoint`, of this log's origin, lacks the current key's signature: so after a
/// key rotation. (After a change of origin, a new log identity, the next growth signs anew.)
fn needs_endorsement(state: &AppState, checkpoint: &StoredCheckpoint) -> bool {
    let Ok(note) = Note::parse(&checkpoint.note) else {
        return false;
    };
    let ours = Checkpoint::parse(&note.text).is_ok_and(|c| c.origin == origin(&state.config));
    ours && note.verify(&log_vkey(state)) != Verification::Valid(0)
}

/// After a key rotation, the latest checkpoint is signed again by the new key, the same text
/// with one more signature line (and its tree head with its own time): no new claim, and the
/// head is verifiable with the key the hub now publishes before the log grows again.
async fn endorse(
    state: &AppState,
    latest: StoredCheckpoint,
) -> Result<StoredCheckpoint, SignError> {
    let mut note = Note::parse(&latest.note)
        .map_err(|e| StoreError::Corrupt(format!("checkpoint {}: {e}", latest.size)))?;
    note.add(shutaf_domain::checkpoint::sign(
        &note.text,
        &origin(&state.config),
        &state.log_key,
    ));
    let head_signature = state.log_key.sign(&merkle::tree_head_bytes(
        latest.size,
        &latest.root,
        latest.at,
    ));
    state
        .db
        .endorse_checkpoint(
            latest.size,
            &latest.note,
            &note.encode(),
            &hex::encode(head_signature.to_bytes()),
        )
        .await?;
    tracing::info!(
        size = latest.size,
        "the latest checkpoint is signed again with the new log key"
    );
    Ok(state
        .db
        .latest_checkpoint()
        .await?
        .ok_or(StoreError::NotFound)?)
}

/// Starts the signer: it looks at the log every `checkpoints.interval_ms` and signs when it grew.
/// It runs until aborted; a failure is logged (once, until it changes) and tried again. With
/// `checkpoints.push_to`, a pusher beside it hands each new checkpoint to those witnesses.
pub fn spawn_signer(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let every = Duration::from_millis(state.config.checkpoints.interval_ms.max(10));
        let mut signed: Option<u64> = None;
        let mut complaint: Option<String> = None;
        let (latest_signed, pending) = tokio::sync::watch::channel(None::<StoredCheckpoint>);
        let _pusher = (!state.config.checkpoints.push_to.is_empty())
            .then(|| AbortOnDrop(tokio::spawn(push_to_witnesses(state.clone(), pending))));
        loop {
            tokio::time::sleep(every).await;
            // One statement while the log does not grow.
            match state.db.log_size().await {
                Ok(size) if Some(size) == signed => continue,
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!("the checkpoint signer cannot read the log's size: {e}");
                    continue;
                }
            }
            match sign_if_grown(&state).await {
                Ok(latest) => {
                    signed = Some(latest.size);
                    complaint = None;
                    latest_signed.send_replace(Some(latest));
                }
                Err(e) => {
                    let text = e.to_string();
                    if complaint.as_ref() != Some(&text) {
                        tracing::error!("{text}");
                    }
                    complaint = Some(text);
                }
            }
        }
    })
}

/// Ends a task when the one that started it ends.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// How long a witness may take to answer a checkpoint handed to it.
const PUSH_TIMEOUT: Duration = Duration::from_secs(10);

/// Hands each new checkpoint to the witnesses at `checkpoints.push_to` (C2SP tlog-witness
/// `add-checkpoint`: the size the witness cosigned last, a consistency proof from there, the
/// signed note) and keeps the cosignatures they answer with, as if handed in
/// ([`accept_cosignatures`]). A witness that has cosigned another size answers 409 with it, and
/// is asked again from there; one that is down is tried again with the next checkpoint.
async fn push_to_witnesses(
    state: AppState,
    mut pending: tokio::sync::watch::Receiver<Option<StoredCheckpoint>>,
) {
    let client = match reqwest::Client::builder().timeout(PUSH_TIMEOUT).build() {
        Ok(client) => client,
        Err(e) => {
            tracing::error!("no client to hand checkpoints to witnesses: {e}");
            return;
        }
    };
    // The size each witness cosigned last, as far as this server knows (0: a log it never saw).
    let mut cosigned: std::collections::HashMap<String, u64> = Default::default();
    while pending.changed().await.is_ok() {
        let Some(checkpoint) = pending.borrow_and_update().clone() else {
            continue;
        };
        for url in &state.config.checkpoints.push_to {
            let old = cosigned.get(url).copied().unwrap_or(0);
            match push_one(&state, &client, url, old, &checkpoint).await {
                Ok(size) => {
                    cosigned.insert(url.clone(), size);
                }
                Err(e) => tracing::warn!(witness = %url, size = checkpoint.size, "{e}"),
            }
        }
    }
}

/// Hands `checkpoint` to the witness at `url` from size `old` (once more from the size the
/// witness names, if it names another); gives the size it cosigned.
async fn push_one(
    state: &AppState,
    client: &reqwest::Client,
    url: &str,
    mut old: u64,
    checkpoint: &StoredCheckpoint,
) -> Result<u64, String> {
    for _ in 0..2 {
        if old > checkpoint.size {
            old = 0;
        }
        let proof = if old == 0 || old == checkpoint.size {
            Vec::new()
        } else {
            state
                .db
                .log_consistency(old, checkpoint.size)
                .await
                .map_err(|e| e.to_string())?
                .ok_or("no consistency proof")?
        };
        let request = shutaf_domain::checkpoint::AddCheckpoint {
            old_size: old,
            proof,
            checkpoint: checkpoint.note.clone(),
        };
        let response = client
            .post(url)
            .header("content-type", "text/plain; charset=utf-8")
            .body(request.encode())
            .send()
            .await
            .map_err(|e| format!("the witness did not answer: {e}"))?;
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        match status.as_u16() {
            200 => {
                let message = format!("{}{body}", checkpoint.note);
                return match accept_cosignatures(state, &message).await {
                    Ok(_) => Ok(checkpoint.size),
                    Err(e) => Err(format!("the witness's cosignature was not kept: {e:?}")),
                };
            }
            409 => match body.trim().parse() {
                Ok(size) => old = size,
                Err(_) => return Err(format!("409 without a size: {body}")),
            },
            _ => return Err(format!("the witness refused ({status}): {}", body.trim())),
        }
    }
    Err("the witness cosigned another size twice".into())
}

/// What [`accept_cosignatures`] kept.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub size: u64,
    /// The names of the witnesses whose cosignatures verified (kept now or before).
    pub witnesses: Vec<String>,
}

/// Keeps the cosignatures in `message` (a checkpoint's signed note with witnesses' lines) by
/// the configured witnesses that verify over the text of the hub's own checkpoint of that size.
/// 400 when it is not a signed checkpoint, 404 when the hub kept no checkpoint of that size,
/// 409 when its text is not the hub's, 403 when no configured witness's cosignature verifies.
pub async fn accept_cosignatures(state: &AppState, message: &str) -> Result<Accepted, AppError> {
    let malformed = |_| AppError::BadRequest("error-note-malformed");
    let note = Note::parse(message).map_err(malformed)?;
    let checkpoint = Checkpoint::parse(&note.text).map_err(malformed)?;
    let stored = state
        .db
        .checkpoint(checkpoint.size)
        .await?
        .ok_or(AppError::NotFound)?;
    let ours = Note::parse(&stored.note)
        .map_err(|e| AppError::Internal(format!("kept checkpoint {}: {e}", stored.size)))?;
    if ours.text != note.text {
        // Someone holds another checkpoint of this size: worth an operator's look.
        tracing::warn!(
            size = checkpoint.size,
            "a cosignature was offered for a checkpoint that is not the hub's: {:?}",
            note.text
        );
        return Err(AppError::Conflict("error-checkpoint-differs"));
    }
    let mut witnesses = Vec::new();
    for witness in witness_keys(&state.config) {
        let Verification::Valid(time) = note.verify(&witness) else {
            continue;
        };
        let Some(signature) = note.signatures.iter().find(|s| witness.names(s)) else {
            continue;
        };
        state
            .db
            .keep_cosignature(&Cosignature {
                size: checkpoint.size,
                witness: witness.name().to_owned(),
                key_id: witness.key_id(),
                line: signature.line(),
                at: time.min(i64::MAX as u64) as i64,
            })
            .await?;
        witnesses.push(witness.name().to_owned());
    }
    if witnesses.is_empty() {
        return Err(AppError::Forbidden("error-cosignature-unknown"));
    }
    Ok(Accepted {
        size: checkpoint.size,
        witnesses,
    })
}
