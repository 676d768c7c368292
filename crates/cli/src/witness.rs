//! `shutaf witness`: an independent party (another hub, the support centre) that cosigns hubs'
//! checkpoints, after checking that each one extends the last checkpoint it cosigned of that
//! hub (C2SP tlog-witness, cosignatures per tlog-cosignature: timestamped Ed25519, v1).
//!
//! The witness keeps, in a small JSON file, the last checkpoint it cosigned of each log it
//! watches (a log is a hub's vkey: its origin and key), and the checkpoints it refused (a
//! rewritten log: evidence to show). The checks are `shutaf_domain::checkpoint::
//! check_add_checkpoint`, the same for both ways of working:
//!
//! - `poll`: fetches each hub's latest checkpoint (`/api/v1/log/checkpoint`) and the
//!   consistency proof from the size cosigned last, checks, cosigns, and hands the cosignature
//!   back to the hub (`POST /api/v1/log/cosignatures`), which serves it with its checkpoint;
//! - `serve`: answers tlog-witness `POST /add-checkpoint` requests from any log client.
//!
//! Checking, cosigning and recording the new state happen under one lock, and the state is on
//! disk (written to a new file and renamed) before a cosignature leaves: a restarted witness
//! never cosigns a checkpoint inconsistent with one it cosigned before. One witness process a
//! state file: it holds an advisory lock on `<state>.lock` while it runs, and a second one is
//! refused.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use clap::Subcommand;
use serde::{Deserialize, Serialize};
use shutaf_domain::checkpoint::{
    self, AddCheckpoint, Algorithm, Checkpoint, Note, NoteSignature, Refusal, Verification,
    VerifierKey, Witnessed,
};
use shutaf_web::api::log::ConsistencyBody;

use crate::verify::remote::{Hub, excerpt, remote_proof};

/// Refused checkpoints kept per log at most (the oldest are dropped).
const MAX_REFUSED: usize = 100;

#[derive(Subcommand)]
pub enum WitnessCommand {
    /// Print the witness's verifier key (vkey, type 04), making its key file first if missing.
    /// Give it to the hubs that accept this witness (their `checkpoints.witnesses`) and to
    /// auditors (`shutaf verify --url ... --witness VKEY`).
    Key {
        #[command(flatten)]
        identity: Identity,
    },
    /// Poll hubs: fetch each one's latest checkpoint and the consistency proof from the one
    /// cosigned before, check, cosign, and hand the cosignature back to the hub. Exits non-zero
    /// with --once if a hub could not be cosigned (refused, unreachable, ...).
    Poll {
        #[command(flatten)]
        identity: Identity,
        #[command(flatten)]
        watch: Watch,
        /// A hub to poll (its address). Repeat for several; each must be one of the --log keys.
        #[arg(long = "hub", required = true, value_name = "URL")]
        hubs: Vec<String>,
        /// Seconds between rounds.
        #[arg(long, default_value_t = 60)]
        every: u64,
        /// One round, then exit.
        #[arg(long)]
        once: bool,
    },
    /// Serve the tlog-witness protocol (`POST /add-checkpoint`) for the --log keys.
    Serve {
        #[command(flatten)]
        identity: Identity,
        #[command(flatten)]
        watch: Watch,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8090")]
        listen: String,
    },
}

/// Who the witness is.
#[derive(clap::Args)]
pub struct Identity {
    /// The witness's key name, such as `witness.example.org/shutaf` (no spaces or '+').
    #[arg(long, env = "SHUTAF_WITNESS_NAME")]
    name: String,
    /// The witness's Ed25519 key (64 hex digits of its seed), made on first use (mode 0600).
    #[arg(
        long,
        env = "SHUTAF_WITNESS_KEY_FILE",
        default_value = "shutaf-witness.key"
    )]
    key_file: PathBuf,
}

/// What the witness watches.
#[derive(clap::Args)]
pub struct Watch {
    /// A log the witness watches: the hub's vkey as its /auditors page shows it,
    /// `<origin>+<key id>+<base64 key>`. Repeat for several (or for a hub's old and new key
    /// during a rotation).
    #[arg(long = "log", required = true, value_name = "VKEY")]
    logs: Vec<String>,
    /// Where the witness keeps the last checkpoint it cosigned of each log.
    #[arg(long, default_value = "shutaf-witness-state.json")]
    state: PathBuf,
}

/// What the witness remembers.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    /// By origin.
    logs: BTreeMap<String, Logged>,
}

/// What the witness remembers of one log.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Logged {
    /// The latest checkpoint cosigned: its size, root (base64) and signed note as received.
    size: u64,
    root: String,
    checkpoint: String,
    /// When it was cosigned (Unix seconds).
    cosigned_at: u64,
    /// Checkpoints refused, with why: a hub that signed them misbehaved.
    #[serde(default)]
    refused: Vec<RefusedCheckpoint>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct RefusedCheckpoint {
    at: u64,
    reason: String,
    checkpoint: String,
}

/// A witness at work: its key, the logs it watches, its state file behind one lock.
struct Witness {
    name: String,
    key: ed25519_dalek::SigningKey,
    logs: Vec<VerifierKey>,
    state: PathBuf,
    lock: Mutex<()>,
    /// Held while the witness runs (an advisory lock on `<state>.lock`): a second process on
    /// the same state could cosign a checkpoint inconsistent with one the first cosigned.
    _exclusive: std::fs::File,
}

/// Why a checkpoint was not cosigned.
#[derive(Debug, thiserror::Error)]
enum WitnessError {
    #[error("{0}")]
    Refused(#[from] Refusal),
    #[error("{0:#}")]
    State(anyhow::Error),
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The witness's key: read from `path`, or made there (mode 0600).
fn load_key(path: &Path) -> anyhow::Result<ed25519_dalek::SigningKey> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let seed: [u8; 32] = hex::decode(text.trim())
                .ok()
                .and_then(|bytes| bytes.try_into().ok())
                .with_context(|| format!("{} must hold 64 hex digits", path.display()))?;
            Ok(ed25519_dalek::SigningKey::from_bytes(&seed))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let seed: [u8; 32] = rand::random();
            crate::config::write_private(path, &hex::encode(seed))
                .with_context(|| format!("cannot write the witness key {}", path.display()))?;
            eprintln!("made a new witness key in {}", path.display());
            Ok(ed25519_dalek::SigningKey::from_bytes(&seed))
        }
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

impl Identity {
    /// The key and the vkey others verify its cosignatures with.
    fn open(&self) -> anyhow::Result<(ed25519_dalek::SigningKey, VerifierKey)> {
        let key = load_key(&self.key_file)?;
        let vkey = VerifierKey::new(&self.name, Algorithm::CosignatureV1, key.verifying_key())
            .map_err(|e| anyhow!("--name: {e}"))?;
        Ok((key, vkey))
    }
}

/// Takes the lock of a state file, or says which process must stop first.
fn exclusive(state: &Path) -> anyhow::Result<std::fs::File> {
    let mut path = state.to_path_buf().into_os_string();
    path.push(".lock");
    let path = PathBuf::from(path);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "another witness process is using {}: one process a state file",
            state.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}

impl Witness {
    fn new(identity: &Identity, watch: &Watch) -> anyhow::Result<Witness> {
        let (key, _) = identity.open()?;
        let logs = watch
            .logs
            .iter()
            .map(|text| {
                let key = VerifierKey::parse(text).map_err(|e| anyhow!("--log {text}: {e}"))?;
                if key.algorithm() != Algorithm::Ed25519 {
                    bail!("--log {text}: a hub's key is of type 01 (Ed25519)");
                }
                Ok(key)
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let exclusive = exclusive(&watch.state)?;
        let witness = Witness {
            name: identity.name.clone(),
            key,
            logs,
            state: watch.state.clone(),
            lock: Mutex::new(()),
            _exclusive: exclusive,
        };
        witness.load()?;
        Ok(witness)
    }

    fn vkey(&self) -> VerifierKey {
        VerifierKey::new(
            &self.name,
            Algorithm::CosignatureV1,
            self.key.verifying_key(),
        )
        .expect("the name was checked")
    }

    fn load(&self) -> anyhow::Result<State> {
        match std::fs::read_to_string(&self.state) {
            Ok(text) => serde_json::from_str(&text)
                .with_context(|| format!("{} is not a witness state", self.state.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", self.state.display())),
        }
    }

    /// Writes the state to a new file beside it, then renames it over the old one: a crash
    /// leaves the old state or the new, never half of one.
    fn save(&self, state: &State) -> anyhow::Result<()> {
        let mut fresh = self.state.clone().into_os_string();
        fresh.push(".new");
        let fresh = PathBuf::from(fresh);
        let text = serde_json::to_string_pretty(state)?;
        std::fs::write(&fresh, text)
            .and_then(|()| std::fs::File::open(&fresh)?.sync_all())
            .and_then(|()| std::fs::rename(&fresh, &self.state))
            .with_context(|| format!("cannot write {}", self.state.display()))
    }

    /// The latest checkpoint cosigned of `origin`.
    fn last(&self, origin: &str) -> anyhow::Result<Option<Logged>> {
        let _held = self
            .lock
            .lock()
            .map_err(|_| anyhow!("the state lock is poisoned"))?;
        Ok(self.load()?.logs.get(origin).cloned())
    }

    /// tlog-witness add-checkpoint: checks `request` against the state, and if it passes,
    /// cosigns and records it before giving the cosignature; a refused checkpoint is kept as
    /// evidence. All under the lock.
    fn add_checkpoint(&self, request: &AddCheckpoint) -> Result<NoteSignature, WitnessError> {
        let _held = self
            .lock
            .lock()
            .map_err(|_| WitnessError::State(anyhow!("the state lock is poisoned")))?;
        let mut state = self.load().map_err(WitnessError::State)?;
        let checked = checkpoint::check_add_checkpoint(request, &self.logs, |origin| {
            let logged = state.logs.get(origin)?;
            let root = STANDARD.decode(&logged.root).ok()?.try_into().ok()?;
            Some(Witnessed {
                size: logged.size,
                root,
            })
        });
        let (checkpoint, note) = match checked {
            Ok(checked) => checked,
            Err(refusal) => {
                // Signed by the log's key and inconsistent: proof of misbehaviour, kept.
                if let (Refusal::Forked { .. } | Refusal::Inconsistent { .. }, Ok(note)) =
                    (&refusal, Note::parse(&request.checkpoint))
                    && let Ok(refused) = Checkpoint::parse(&note.text)
                    && let Some(logged) = state.logs.get_mut(&refused.origin)
                {
                    logged.refused.push(RefusedCheckpoint {
                        at: now(),
                        reason: refusal.to_string(),
                        checkpoint: request.checkpoint.clone(),
                    });
                    let excess = logged.refused.len().saturating_sub(MAX_REFUSED);
                    logged.refused.drain(..excess);
                    self.save(&state).map_err(WitnessError::State)?;
                }
                return Err(refusal.into());
            }
        };
        let time = now();
        let signature = checkpoint::cosign(&note.text, &self.name, &self.key, time);
        let refused = state
            .logs
            .get(&checkpoint.origin)
            .map(|logged| logged.refused.clone())
            .unwrap_or_default();
        state.logs.insert(
            checkpoint.origin.clone(),
            Logged {
                size: checkpoint.size,
                root: STANDARD.encode(checkpoint.root),
                checkpoint: request.checkpoint.clone(),
                cosigned_at: time,
                refused,
            },
        );
        self.save(&state).map_err(WitnessError::State)?;
        Ok(signature)
    }

    /// One hub, once: its latest checkpoint cosigned and handed back, or why not.
    async fn poll(&self, hub: &Hub) -> anyhow::Result<String> {
        let message = hub.get_text("/api/v1/log/checkpoint").await?;
        let mut note = Note::parse(&message)
            .map_err(|e| anyhow!("{}: the checkpoint served is not one: {e}", hub.base))?;
        let checkpoint = Checkpoint::parse(&note.text)
            .map_err(|e| anyhow!("{}: the checkpoint served is not one: {e}", hub.base))?;
        let origin = checkpoint.origin.clone();
        let last = self.last(&origin)?;
        let old_size = last.as_ref().map_or(0, |logged| logged.size);
        if old_size == checkpoint.size
            && last
                .as_ref()
                .is_some_and(|l| l.root == STANDARD.encode(checkpoint.root))
            && matches!(note.verify(&self.vkey()), Verification::Valid(_))
        {
            return Ok(format!(
                "{origin}: {} entries, cosigned before; nothing new",
                checkpoint.size
            ));
        }
        let proof = if old_size > 0 && old_size < checkpoint.size {
            let body: ConsistencyBody = hub
                .get(&format!(
                    "/api/v1/log/proof/consistency?first={old_size}&second={}",
                    checkpoint.size
                ))
                .await?;
            remote_proof(&body.proof, "the consistency proof")?
        } else {
            Vec::new()
        };
        let request = AddCheckpoint {
            old_size,
            proof,
            checkpoint: message,
        };
        let signature = self.add_checkpoint(&request).map_err(|e| match e {
            WitnessError::Refused(
                refusal @ (Refusal::Forked { .. } | Refusal::Inconsistent { .. }),
            ) => anyhow!(
                "REFUSED TO COSIGN {origin} at {} entries: {refusal} (the checkpoint is kept in {} as evidence)",
                checkpoint.size,
                self.state.display()
            ),
            WitnessError::Refused(refusal) => anyhow!(
                "REFUSED TO COSIGN {origin} at {} entries: {refusal}",
                checkpoint.size
            ),
            WitnessError::State(e) => e,
        })?;
        note.add(signature);
        let (status, answer) = hub
            .post_text("/api/v1/log/cosignatures", note.encode())
            .await?;
        if !status.is_success() {
            bail!(
                "{origin}: cosigned {} entries, but the hub did not take the cosignature ({status}): {}",
                checkpoint.size,
                excerpt(answer.as_bytes())
            );
        }
        Ok(format!(
            "{origin}: cosigned {} entries (consistent with {old_size} cosigned before); the hub serves it",
            checkpoint.size
        ))
    }
}

/// Runs `shutaf witness ...`.
pub async fn run(command: WitnessCommand) -> anyhow::Result<()> {
    match command {
        WitnessCommand::Key { identity } => {
            let (_, vkey) = identity.open()?;
            println!("{vkey}");
            Ok(())
        }
        WitnessCommand::Poll {
            identity,
            watch,
            hubs,
            every,
            once,
        } => {
            let witness = Witness::new(&identity, &watch)?;
            let hubs = hubs
                .iter()
                .map(|url| Hub::new(url))
                .collect::<anyhow::Result<Vec<_>>>()?;
            loop {
                let mut failed = 0;
                for hub in &hubs {
                    match witness.poll(hub).await {
                        Ok(done) => println!("{done}"),
                        Err(e) => {
                            failed += 1;
                            eprintln!("{}: {e:#}", hub.base);
                        }
                    }
                }
                if once {
                    if failed > 0 {
                        bail!("{failed} of {} hub(s) not cosigned", hubs.len());
                    }
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_secs(every.max(1))).await;
            }
        }
        WitnessCommand::Serve {
            identity,
            watch,
            listen,
        } => serve(Witness::new(&identity, &watch)?, &listen).await,
    }
}

/// Serves `POST /add-checkpoint` until Ctrl-C.
async fn serve(witness: Witness, listen: &str) -> anyhow::Result<()> {
    use axum::routing::post;
    let witness = Arc::new(witness);
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    println!(
        "witness {} listening on {}",
        witness.vkey(),
        listener.local_addr()?
    );
    let app = axum::Router::new()
        .route("/add-checkpoint", post(add_checkpoint))
        .layer(axum::extract::DefaultBodyLimit::max(
            checkpoint::MAX_NOTE_BYTES * 2,
        ))
        .with_state(witness);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the witness server failed")
}

/// tlog-witness add-checkpoint: 200 with the cosignature line; 400, 403, 404, 409 (with the
/// latest size as `text/x.tlog.size` when the old size is stale), 422 as the spec says.
async fn add_checkpoint(
    axum::extract::State(witness): axum::extract::State<Arc<Witness>>,
    body: String,
) -> axum::response::Response {
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;
    let text = |status: StatusCode, body: String| {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            body,
        )
            .into_response()
    };
    let request = match AddCheckpoint::parse(&body) {
        Ok(request) => request,
        Err(e) => return text(StatusCode::BAD_REQUEST, format!("{e}\n")),
    };
    let outcome = tokio::task::spawn_blocking(move || witness.add_checkpoint(&request)).await;
    match outcome {
        Ok(Ok(signature)) => text(StatusCode::OK, signature.line()),
        Ok(Err(WitnessError::Refused(Refusal::StaleOldSize { latest, .. }))) => (
            StatusCode::CONFLICT,
            [(header::CONTENT_TYPE, "text/x.tlog.size")],
            format!("{latest}\n"),
        )
            .into_response(),
        Ok(Err(WitnessError::Refused(refusal))) => text(
            StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::BAD_REQUEST),
            format!("{refusal}\n"),
        ),
        Ok(Err(WitnessError::State(e))) => {
            eprintln!("witness state: {e:#}");
            text(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the witness cannot keep its state\n".into(),
            )
        }
        Err(_) => text(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the witness failed\n".into(),
        ),
    }
}
