//! `shutaf verify`: an independent check of a decision log, either in this hub's own database
//! ([`database`]) or of another hub through its public endpoints only ([`remote::check`],
//! `--url`).
//!
//! Both recompute every entry's leaf hash from its fields (an edited entry shows), check that no
//! index is missing (a removed entry shows), recompute the Merkle root (the local check also
//! compares the whole tree the hub keeps to serve heads and proofs), and compare it with the
//! tree heads seen before, which they keep in a file of `<size> <root>` lines: the log of an
//! earlier size must be exactly the start of today's log, so an entry rewritten together with its
//! hash shows too. The seen-heads file and its checks are shared by the two modes, here.

pub mod remote;

use std::path::Path;

use anyhow::{Context, bail};
use shutaf_domain::merkle::{self, Hash};
use shutaf_store::Db;

/// A tree head seen before: size and root.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    size: u64,
    root: Hash,
}

/// A hash from its hex form, or `None` when it is not 64 hex digits.
fn parse_hash(text: &str) -> Option<Hash> {
    hex::decode(text.trim()).ok()?.try_into().ok()
}

/// The heads in `path` (none when the file does not exist yet). Blank lines and `#` comments are
/// skipped.
fn read_seen(path: &Path) -> anyhow::Result<Vec<Seen>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(number, line)| {
            let malformed = || {
                format!(
                    "{} line {}: a seen head is `<size> <root>`, the root 64 hex digits",
                    path.display(),
                    number + 1
                )
            };
            let (size, root) = line.trim().split_once(' ').with_context(malformed)?;
            Ok(Seen {
                size: size.parse().with_context(malformed)?,
                root: parse_hash(root).with_context(malformed)?,
            })
        })
        .collect()
}

/// Checks today's log, given as its leaf hashes, against the heads seen before: none is larger
/// than today's log, and the first entries of today's log give each one's root.
fn check_seen(leaves: &[Hash], seen: &[Seen]) -> anyhow::Result<()> {
    let size = leaves.len() as u64;
    for head in seen {
        if head.size > size {
            bail!(
                "THE DECISION LOG SHRANK: a head of {} entries was seen, the log now has {size}",
                head.size
            );
        }
        let then = merkle::root(&leaves[..head.size as usize]);
        if then != head.root {
            bail!(
                "THE DECISION LOG WAS REWRITTEN: its first {} entries no longer give the root seen before ({} now, {} then)",
                head.size,
                hex::encode(then),
                hex::encode(head.root)
            );
        }
    }
    Ok(())
}

/// Appends today's head to the seen-heads file, unless a head of that size is there already
/// (which [`check_seen`] has found equal).
fn record_seen(path: &Path, seen: &[Seen], size: u64, root: &Hash) -> anyhow::Result<()> {
    use std::io::Write;
    if seen.iter().any(|h| h.size == size) {
        return Ok(());
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    writeln!(file, "{size} {}", hex::encode(root))
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Checks the log in `db` against the heads in `seen_path`, then records today's head there.
pub async fn database(db: &Db, seen_path: &Path) -> anyhow::Result<()> {
    let seen = read_seen(seen_path)?;
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
    if let Err(e) = check_seen(&leaves, &seen) {
        progress.abandon();
        return Err(e);
    }
    progress.finish_and_clear();
    record_seen(seen_path, &seen, size, &root)?;
    println!(
        "decision log intact: {size} entries, root {}; consistent with {} head(s) seen before",
        hex::encode(root),
        seen.len()
    );
    Ok(())
}
