//! `shutaf demo --organisations N --initiatives N --log-entries N [--localities N] [--seed S]`:
//! fills an empty database with a large, varied, trilingual world, the same for the same seed,
//! on SQLite or PostgreSQL, to see how the hub behaves at scale.
//!
//! [`generate`] makes the world (deterministically; no database), [`words`] holds what its texts
//! are made of, and [`load`] writes it through [`shutaf_store::bulk`], which keeps the invariants
//! of the ordinary write paths (sort keys, search terms, links, the decision log's hashes and
//! indexes). Generation runs on a thread of its own while the database writes, with a progress
//! bar per phase.
//!
//! Every generated person signs in with one password, generated at load time and printed once
//! (the hash is computed once: hashing a hundred thousand passwords would take hours). So the
//! password hashes are the one thing two loads with the same seed do not share.

pub mod generate;
pub mod words;

use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use indicatif::{
    HumanCount, MultiProgress, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle,
};
use shutaf_store::Db;

pub use generate::Sizes;
use generate::{Message, Phase, Stopped};

/// The flags of `shutaf demo` that ask for a scale load instead of the small demo.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ScaleArgs {
    /// Instead of the small demo, generate this many organisations (with their people) into an
    /// empty database. Any of these flags asks for the generated data set; the others default to
    /// 100,000 organisations, as many initiatives as organisations, ten log entries an
    /// initiative, and 250 localities.
    #[arg(long, value_name = "N")]
    pub organisations: Option<u64>,
    /// Initiatives to generate, in every stage, with partners, charters and histories.
    #[arg(long, value_name = "N")]
    pub initiatives: Option<u64>,
    /// Decisions on the public log (at least one for each initiative: its proposal).
    #[arg(long, value_name = "N")]
    pub log_entries: Option<u64>,
    /// Localities (each with its convener among the organisations).
    #[arg(long, value_name = "N")]
    pub localities: Option<u64>,
    /// The seed: the same seed gives the same data.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
}

impl ScaleArgs {
    /// The sizes asked for, or `None` for the small demo.
    pub fn sizes(&self) -> anyhow::Result<Option<Sizes>> {
        if self.organisations.is_none()
            && self.initiatives.is_none()
            && self.log_entries.is_none()
            && self.localities.is_none()
            && self.seed.is_none()
        {
            return Ok(None);
        }
        let organisations = self.organisations.unwrap_or(100_000);
        let localities = self.localities.unwrap_or(250.min(organisations));
        let initiatives = self.initiatives.unwrap_or(organisations);
        let log_entries = self.log_entries.unwrap_or(initiatives.saturating_mul(10));
        if localities == 0 {
            bail!("--localities must be at least 1");
        }
        if organisations < localities {
            bail!(
                "--organisations must be at least --localities ({localities}): every locality's convener is an organisation"
            );
        }
        if log_entries < initiatives {
            bail!(
                "--log-entries must be at least --initiatives ({initiatives}): every initiative's proposal is on the log"
            );
        }
        if organisations > 10_000_000 || initiatives > 10_000_000 || log_entries > 100_000_000 {
            bail!(
                "at most 10,000,000 organisations or initiatives and 100,000,000 log entries: the generator keeps histories in memory"
            );
        }
        Ok(Some(Sizes {
            organisations,
            initiatives,
            log_entries,
            localities,
            seed: self.seed.unwrap_or(42),
        }))
    }
}

fn bar(progress: &MultiProgress, phase: Phase, total: u64, done: u64) -> ProgressBar {
    let bar = progress.add(ProgressBar::new(total));
    bar.set_style(
        ProgressStyle::with_template(
            "{prefix:>13} [{bar:30}] {human_pos:>11}/{human_len:11} {rate:>9}/s {elapsed:>4}",
        )
        .expect("a valid progress template")
        .with_key(
            "rate",
            |state: &ProgressState, out: &mut dyn std::fmt::Write| {
                let _ = write!(out, "{}", HumanCount(state.per_sec() as u64));
            },
        )
        .progress_chars("=> "),
    );
    bar.set_prefix(phase.label());
    bar.set_position(done);
    bar
}

/// Loads the generated world for `sizes` into `db`, which must be empty.
pub async fn load(db: &Db, sizes: Sizes) -> anyhow::Result<()> {
    let blockers = db.load_blockers().await?;
    if !blockers.is_empty() {
        bail!(
            "the database is not empty ({}): the generated data set loads only into an empty database. \
             Point SHUTAF_DATABASE_URL (or database_url) at a new one",
            blockers.join(", ")
        );
    }
    let started = Instant::now();
    tracing::info!(
        organisations = sizes.organisations,
        initiatives = sizes.initiatives,
        log_entries = sizes.log_entries,
        localities = sizes.localities,
        seed = sizes.seed,
        "generating the scale demo"
    );
    let password = format!("scale-{}", &shutaf_store::random_token()[..12]);
    let hash = shutaf_web::auth::hash_password(password.clone())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;

    // The generator runs on a thread of its own, a couple of batches ahead of the writer.
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<Message>(2);
    let generator = std::thread::spawn(move || {
        generate::generate(sizes, hash, |message| {
            sender.blocking_send(message).map_err(|_| Stopped)
        })
    });

    let progress = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
    let mut loader = db.loader().await?;
    let mut current: Option<(Phase, ProgressBar, Instant)> = None;
    let finish = |current: &mut Option<(Phase, ProgressBar, Instant)>| {
        if let Some((phase, bar, since)) = current.take() {
            bar.finish();
            // Logged with the bars out of the way, so that the two do not garble each other.
            progress.suspend(|| {
                tracing::info!(
                    "{}: {} in {:.1} s",
                    phase.label(),
                    bar.position(),
                    since.elapsed().as_secs_f64()
                )
            });
        }
    };
    let mut written = Ok(());
    while let Some(message) = receiver.recv().await {
        match message {
            Message::Start { phase, total, done } => {
                finish(&mut current);
                current = Some((phase, bar(&progress, phase, total, done), Instant::now()));
            }
            Message::Rows { batch, count } => {
                if let Err(e) = loader.write(*batch).await {
                    written = Err(e);
                    break;
                }
                if let Some((_, bar, _)) = &current {
                    bar.inc(count);
                }
            }
        }
    }
    drop(receiver);
    let generated = generator.join();
    if let Err(e) = written {
        if let Some((_, bar, _)) = current.take() {
            bar.abandon();
        }
        return Err(e).context(
            "writing the generated data (the batches written before stay: start again on a new database)",
        );
    }
    match generated {
        Ok(Ok(())) => {}
        Ok(Err(Stopped)) => bail!("generation stopped before the end"),
        Err(_) => bail!("the generator failed"),
    }
    finish(&mut current);

    let spinner = progress.add(ProgressBar::new_spinner());
    spinner.set_message("statistics for the query planner");
    spinner.enable_steady_tick(Duration::from_millis(120));
    let analysed = Instant::now();
    loader.finish().await.context("finishing the load")?;
    spinner.finish_and_clear();
    tracing::info!("statistics in {:.1} s", analysed.elapsed().as_secs_f64());

    let size = db.log_size().await?;
    if size != sizes.log_entries {
        bail!(
            "the log holds {size} entries, not the {} asked for",
            sizes.log_entries
        );
    }
    let counts = db.load_summary().await?;
    let summary = counts
        .iter()
        .map(|(table, n)| format!("{n} {table}"))
        .collect::<Vec<_>>()
        .join(", ");
    tracing::info!(
        seconds = started.elapsed().as_secs(),
        "scale demo loaded: {summary}"
    );
    // Printed plainly, once, like the small demo's: throwaway accounts on generated data.
    eprintln!(
        "\nEvery generated person signs in with the password {password}\n  \
         admin@scale.example.org is a platform administrator; the others' addresses are in the users table.\n"
    );
    Ok(())
}
