//! `shutaf verify`: an independent check of the decision log in the database.
//!
//! It recomputes every entry's leaf hash from its fields (an edited entry shows), checks that no
//! index is missing (a removed entry shows), recomputes the Merkle root, and compares it with the
//! tree heads it has seen before, which it keeps in a file: the log of an earlier size must be
//! exactly the start of today's log, so an entry rewritten together with its hash shows too.

use std::path::Path;

use anyhow::{Context, bail};
use shutaf_domain::merkle;
use shutaf_store::Db;

/// A tree head seen before: size and root.
struct Seen {
    size: u64,
    root: String,
}

fn read_seen(path: &Path) -> anyhow::Result<Vec<Seen>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (size, root) = line
                .split_once(' ')
                .context("a seen head is `<size> <root>`")?;
            Ok(Seen {
                size: size.parse().context("a seen head's size")?,
                root: root.trim().to_owned(),
            })
        })
        .collect()
}

/// Checks the log in `db` against the heads in `seen_path`, then records today's head there.
pub async fn database(db: &Db, seen_path: &Path) -> anyhow::Result<()> {
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
    let root = hex::encode(merkle::root(&leaves));
    let seen = read_seen(seen_path)?;
    for head in &seen {
        if head.size > size {
            progress.abandon();
            bail!(
                "THE DECISION LOG SHRANK: a head of {} entries was seen, the log now has {size}",
                head.size
            );
        }
        let then = hex::encode(merkle::root(&leaves[..head.size as usize]));
        if then != head.root {
            progress.abandon();
            bail!(
                "THE DECISION LOG WAS REWRITTEN: its first {} entries no longer give the root seen before ({} now, {} then)",
                head.size,
                then,
                head.root
            );
        }
    }
    progress.finish_and_clear();
    if !seen.iter().any(|h| h.size == size) {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(seen_path)
            .with_context(|| format!("cannot write {}", seen_path.display()))?;
        writeln!(file, "{size} {root}")?;
    }
    println!(
        "decision log intact: {size} entries, root {root}; consistent with {} head(s) seen before",
        seen.len()
    );
    Ok(())
}
