//! `shutaf verify`: an independent check of a decision log, either in this hub's own database
//! ([`database`]) or of another hub through its public endpoints only ([`remote::check`],
//! `--url`).
//!
//! Both recompute every entry's leaf hash from its fields (an edited entry shows), check that no
//! index is missing (a removed entry shows), recompute the Merkle root (the local check also
//! compares the whole tree the hub keeps to serve heads and proofs), and compare it with the
//! tree heads seen before, kept in a file: the log of an earlier size must be exactly the start
//! of today's log, so an entry rewritten together with its hash shows too. The seen-heads file
//! and its checks are shared by the two modes, here.
//!
//! The seen-heads file is text, a line each:
//!
//! ```text
//! # comments, and blank lines, are skipped
//! <size> <root, 64 hex digits>                          a head (the database mode writes these)
//! <size> <root> <base64 of the signed checkpoint>       a head with the hub's signed note, as
//!                                                       `--url` keeps it: evidence for others
//! key <vkey>                                            the hub's key, pinned on first use by
//!                                                       `--url` (the last such line counts)
//! ```
//!
//! Files of `<size> <root>` lines only, as earlier versions wrote them, are read as before.

pub mod remote;
mod tables;

use std::path::Path;

use anyhow::{Context, bail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use shutaf_domain::checkpoint::{Checkpoint, Note};
use shutaf_domain::merkle::{self, Hash};
use shutaf_store::Db;

/// A tree head seen before: size and root, and the hub's signed checkpoint of it when kept.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    size: u64,
    root: Hash,
    /// The signed note as the hub served it (with its cosignatures).
    checkpoint: Option<String>,
}

/// What a seen-heads file holds.
#[derive(Debug, Clone, Default)]
struct SeenFile {
    heads: Vec<Seen>,
    /// The hub's key pinned on first use (`--url`): a vkey, or the hex public key of a hub that
    /// serves no checkpoints.
    key: Option<String>,
}

/// A hash from its hex form, or `None` when it is not 64 hex digits.
fn parse_hash(text: &str) -> Option<Hash> {
    hex::decode(text.trim()).ok()?.try_into().ok()
}

/// The file at `path` (empty when it does not exist yet).
fn read_seen(path: &Path) -> anyhow::Result<SeenFile> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(SeenFile::default()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let mut file = SeenFile::default();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = || format!("{} line {}", path.display(), number + 1);
        if let Some(key) = line.strip_prefix("key ") {
            file.key = Some(key.trim().to_owned());
            continue;
        }
        let malformed = || {
            format!(
                "{}: a seen head is `<size> <root>`, the root 64 hex digits, optionally followed by its signed checkpoint in base64",
                at()
            )
        };
        let mut parts = line.split_whitespace();
        let (Some(size), Some(root)) = (parts.next(), parts.next()) else {
            bail!(malformed());
        };
        let size: u64 = size.parse().with_context(malformed)?;
        let root = parse_hash(root).with_context(malformed)?;
        let checkpoint = match parts.next() {
            None => None,
            Some(encoded) => {
                let note = STANDARD
                    .decode(encoded)
                    .ok()
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .with_context(malformed)?;
                // The evidence must say what the line says.
                let parsed = Note::parse(&note)
                    .ok()
                    .and_then(|n| Checkpoint::parse(&n.text).ok())
                    .with_context(|| format!("{}: the kept checkpoint is not one", at()))?;
                if parsed.size != size || parsed.root != root {
                    bail!("{}: the kept checkpoint is not of this size and root", at());
                }
                Some(note)
            }
        };
        if parts.next().is_some() {
            bail!(malformed());
        }
        file.heads.push(Seen {
            size,
            root,
            checkpoint,
        });
    }
    Ok(file)
}

/// A head seen before that today's log does not continue.
#[derive(Debug)]
struct Divergence<'a> {
    seen: &'a Seen,
    message: String,
}

/// Checks today's log, given as its leaf hashes, against the heads seen before: none is larger
/// than today's log, and the first entries of today's log give each one's root.
fn check_seen<'a>(leaves: &[Hash], seen: &'a [Seen]) -> Result<(), Divergence<'a>> {
    let size = leaves.len() as u64;
    for head in seen {
        if head.size > size {
            return Err(Divergence {
                seen: head,
                message: format!(
                    "THE DECISION LOG SHRANK: a head of {} entries was seen, the log now has {size}",
                    head.size
                ),
            });
        }
        let then = merkle::root(&leaves[..head.size as usize]);
        if then != head.root {
            return Err(Divergence {
                seen: head,
                message: format!(
                    "THE DECISION LOG WAS REWRITTEN: its first {} entries no longer give the root seen before ({} now, {} then)",
                    head.size,
                    hex::encode(then),
                    hex::encode(head.root)
                ),
            });
        }
    }
    Ok(())
}

/// Appends today's head to the seen-heads file (with the hub's signed checkpoint, if any),
/// unless a head of that size is there already (which [`check_seen`] has found equal); and the
/// hub's key, when it is not the one pinned.
fn record_seen(
    path: &Path,
    seen: &SeenFile,
    size: u64,
    root: &Hash,
    checkpoint: Option<&str>,
    key: Option<&str>,
) -> anyhow::Result<()> {
    use std::io::Write;
    let mut lines = String::new();
    if let Some(key) = key.filter(|key| seen.key.as_deref() != Some(*key)) {
        lines.push_str(&format!("key {key}\n"));
    }
    if !seen.heads.iter().any(|h| h.size == size) {
        lines.push_str(&format!("{size} {}", hex::encode(root)));
        if let Some(note) = checkpoint {
            lines.push_str(&format!(" {}", STANDARD.encode(note)));
        }
        lines.push('\n');
    }
    if lines.is_empty() {
        return Ok(());
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(lines.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Checks the log in `db` against the heads in `seen_path`, then records today's head there.
pub async fn database(db: &Db, seen_path: &Path) -> anyhow::Result<()> {
    let file = read_seen(seen_path)?;
    let seen = &file.heads;
    let size = db.log_size().await?;
    let progress = indicatif::ProgressBar::new_spinner();
    progress.set_message(format!("rehashing {size} decisions and checking the tree"));
    progress.enable_steady_tick(std::time::Duration::from_millis(120));
    let leaves = match db.log_leaves(size).await {
        Ok(leaves) => leaves,
        Err(e) => {
            progress.abandon();
            bail!("THE DECISION LOG IS NOT INTACT: {e}");
        }
    };
    let root = merkle::root(&leaves);
    // The hub serves heads and proofs from its kept tree: it must be the entries' own.
    let kept = match db.check_log_tree(&leaves).await {
        Ok(kept) => kept,
        Err(e) => Some(e.to_string()),
    };
    if let Some(problem) = kept {
        progress.abandon();
        bail!("THE DECISION LOG IS NOT INTACT: {problem}");
    }
    if let Err(divergence) = check_seen(&leaves, seen) {
        progress.abandon();
        bail!(divergence.message);
    }
    // The seals, the texts beside the log and the tables its entries describe (verify::tables).
    let described = match tables::check(db).await {
        Ok(summary) => summary,
        Err(e) => {
            progress.abandon();
            return Err(e);
        }
    };
    progress.finish_and_clear();
    record_seen(seen_path, &file, size, &root, None, None)?;
    println!(
        "decision log intact: {size} entries, root {}; consistent with {} head(s) seen before",
        hex::encode(root),
        seen.len()
    );
    tables::report(&described);
    Ok(())
}
