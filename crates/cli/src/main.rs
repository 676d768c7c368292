//! `shutaf`: the one binary of the Shutaf partnership hub.
//!
//! `shutaf` (or `shutaf serve`) runs the hub; `migrate`, `demo`, `admin create` and `admin token`
//! look after its database; `verify` checks its decision log, or with `--url` another hub's;
//! `witness` cosigns other hubs' checkpoints.
//! Configuration comes from `shutaf.toml` and `SHUTAF_*` environment variables.

mod backup;
mod config;
mod demo;
mod redact;
mod scale;
mod verify;
mod witness;

use anyhow::Context;
use clap::{Parser, Subcommand};
use shutaf_store::{Db, DbSettings};
use shutaf_web::Config;
use shutaf_web::startup::{Application, Startup};

#[derive(Parser)]
#[command(
    name = "shutaf",
    version,
    about = "The Shutaf hub for cross-sector sustainability partnerships"
)]
struct Cli {
    /// Configuration file (TOML). Defaults to ./shutaf.toml when it exists.
    #[arg(long, global = true, env = "SHUTAF_CONFIG")]
    config: Option<std::path::PathBuf>,
    /// Log as JSON lines (for log collectors) instead of human-readable text.
    #[arg(long, global = true, env = "SHUTAF_LOG_JSON")]
    log_json: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the hub (the default). Migrates the database, and loads the demo into an empty one.
    Serve {
        /// Do not load the demo data into an empty database.
        #[arg(long)]
        no_demo: bool,
    },
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Load the demo locality, organisations and people into an empty database; or, with any of
    /// --organisations, --initiatives, --log-entries, --localities or --seed, a generated data
    /// set of that size (see `shutaf demo --help`).
    Demo {
        #[command(flatten)]
        scale: scale::ScaleArgs,
    },
    /// Check a decision log: every entry still matches its hash, none is missing, and the log
    /// only grew since the tree heads seen before (kept in a file). Checks this hub's database,
    /// or with --url another hub through its public endpoints only. Exits non-zero on any problem.
    Verify {
        /// Where the tree heads seen so far are kept: a `<size> <root>` line each. Defaults to
        /// shutaf-seen-heads.txt, and with --url to shutaf-seen-heads-<host>[-<port>].txt.
        #[arg(long)]
        seen: Option<std::path::PathBuf>,
        /// Check another hub (http:// or https://) instead of the database: its signed tree
        /// head, every entry rehashed, consistency proofs from the heads seen before, and
        /// inclusion proofs of a few entries. Needs no configuration or database. The hub's key
        /// is pinned in the seen-heads file on first use; a later run refuses another key.
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// With --url: a witness whose cosignatures count (its vkey, type 04). Repeat for
        /// several. The log must extend a checkpoint that --quorum of them cosigned.
        #[arg(long = "witness", value_name = "VKEY", requires = "url")]
        witnesses: Vec<String>,
        /// With --witness: how many of the witnesses must have cosigned (default: all of them).
        #[arg(long, value_name = "N", requires = "url")]
        quorum: Option<usize>,
        /// With --url: the hub's key as you know it (its vkey, from its /auditors page or its
        /// operator); checked, and pinned in place of the one pinned before (after a rotation).
        #[arg(long, value_name = "VKEY", requires = "url")]
        key: Option<String>,
    },
    /// Cosign other hubs' checkpoints as a witness (C2SP tlog-witness): keep the last checkpoint
    /// seen of each, check that each new one extends it, cosign, and publish the cosignature.
    Witness {
        #[command(subcommand)]
        command: witness::WitnessCommand,
    },
    /// Write a backup of the database to FILE (`-`: standard output) while the hub keeps
    /// serving: every table read in one consistent snapshot, a JSON line a row, portable between
    /// SQLite and PostgreSQL. Sign-in sessions and failed sign-ins are left out (ephemeral);
    /// everything else is kept, password and token hashes included. The instance's keys are
    /// files, not in the database: back up shutaf-log.key and shutaf-secret.key (or the
    /// SHUTAF_LOG_KEY / SHUTAF_SECRET_KEY values) as well.
    Backup {
        #[arg(value_name = "FILE")]
        file: std::path::PathBuf,
    },
    /// Restore a backup from FILE (`-`: standard input) into an empty database: sets up the
    /// schema at the backup's version if there is none, inserts every row with its id in one
    /// transaction, migrates to this version, and checks the decision log against the head the
    /// backup recorded (exits non-zero if it does not match). Refuses a database that holds
    /// data. Stop the hub first, and put its key files back beside it.
    Restore {
        #[arg(value_name = "FILE")]
        file: std::path::PathBuf,
    },
    /// Redact a text shown beside an entry of the decision log (a person's name, reasons, a
    /// donor, a gift's purpose, a committee's check or a report): its clear text and salt are
    /// erased, the entry keeps its commitment (so the log verifies as before), every copy the
    /// hub keeps becomes "redacted on <date>: <ground>" (in the hub's default language), the
    /// pages, feeds and API show that instead of the text, and a `disclosure-redacted` entry that
    /// names no person is appended. For platform administrators (who can also redact from the
    /// admin page or the API); see docs/PRIVACY.md.
    Redact {
        /// The entry's index on the log.
        #[arg(long)]
        entry: u64,
        /// What to redact: person-name, reasons, donor, purpose, check or report.
        #[arg(long)]
        field: String,
        /// Why: erasure-request, correction, legal-order or not-public.
        #[arg(long, value_parser = ["erasure-request", "correction", "legal-order", "not-public"])]
        ground: String,
    },
    /// Platform administration.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a platform administrator (or make an existing account one). Prints a generated
    /// password unless SHUTAF_ADMIN_PASSWORD is set.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Create a personal API token for an existing account and print it (shown once), for
    /// scripts and programs that use the JSON API.
    Token {
        #[arg(long)]
        email: String,
        /// `read` or `write`.
        #[arg(long, default_value = "read", value_parser = ["read", "write"])]
        scope: String,
        /// The token's name, as listed on the account's profile page.
        #[arg(long, default_value = "script")]
        name: String,
    },
}

fn settings(config: &Config) -> DbSettings {
    DbSettings {
        max_connections: config.max_connections,
        migration_locking: config.migration_locking,
    }
}

async fn open_database(config: &Config) -> anyhow::Result<Db> {
    let settings = settings(config);
    let db = Db::connect(&config.database_url, &settings)
        .await
        .with_context(|| {
            format!(
                "cannot open the database {}",
                shutaf_web::config::redact_url(&config.database_url)
            )
        })?;
    db.migrate(&settings)
        .await
        .context("cannot migrate the database")?;
    Ok(db)
}

/// Says what went wrong, with its causes, in one message and exits with 1: never a Rust
/// backtrace (which `RUST_BACKTRACE` would add to an error returned from `main`), since a failing
/// `shutaf verify` is an answer, not a crash.
#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    init_logging(cli.log_json);
    let command = cli.command.unwrap_or(Command::Serve { no_demo: false });
    // Checking another hub needs neither this hub's configuration nor its database.
    if let Command::Verify {
        seen,
        url: Some(url),
        witnesses,
        quorum,
        key,
    } = &command
    {
        let seen = match seen {
            Some(seen) => seen.clone(),
            None => verify::remote::default_seen_file(url)?,
        };
        let options = verify::remote::options(witnesses, *quorum, key.clone())?;
        return verify::remote::check(url, &seen, &options).await;
    }
    // Nor does a witness.
    if let Command::Witness { command } = command {
        return witness::run(command).await;
    }
    let config = config::load(cli.config.as_deref())?;
    match command {
        Command::Serve { no_demo } => serve(config, no_demo).await,
        Command::Migrate => {
            open_database(&config).await?;
            tracing::info!("database is up to date");
            Ok(())
        }
        Command::Witness { .. } => unreachable!("run above"),
        Command::Verify { seen, .. } => {
            let db = open_database(&config).await?;
            let seen = seen.unwrap_or_else(|| "shutaf-seen-heads.txt".into());
            verify::database(&db, &seen).await
        }
        Command::Redact {
            entry,
            field,
            ground,
        } => {
            let db = open_database(&config).await?;
            redact::redact(&db, config.default_language, entry, &field, &ground).await
        }
        Command::Backup { file } => backup::backup(&config, &file).await,
        Command::Restore { file } => backup::restore(&config, &file).await,
        Command::Demo { scale } => {
            let sizes = scale.sizes()?;
            let db = open_database(&config).await?;
            match sizes {
                Some(sizes) => scale::load(&db, sizes).await?,
                None => demo::load(&db).await?,
            }
            Ok(())
        }
        Command::Admin {
            command: AdminCommand::Create { email, name },
        } => {
            let db = open_database(&config).await?;
            demo::create_admin(&db, &email, &name).await
        }
        Command::Admin {
            command: AdminCommand::Token { email, scope, name },
        } => {
            let db = open_database(&config).await?;
            demo::create_token(&db, &email, &scope, &name).await
        }
    }
}

fn init_logging(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("SHUTAF_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn serve(config: Config, no_demo: bool) -> anyhow::Result<()> {
    tracing::info!(?config, "starting Shutaf");
    let db = open_database(&config).await?;
    if !no_demo && db.count_users().await? == 0 && db.count_organisations().await? == 0 {
        demo::load(&db).await?;
    }
    let secret = config::secret(&config)?;
    let log_key = config::log_key(&config)?;
    let hub = Application::build(Startup {
        config,
        db: db.clone(),
        secret,
        log_key,
    })
    .await?;
    tracing::info!(address = %hub.address(), base_url = %hub.state().config.base_url, "Shutaf is listening");
    hub.run_until(shutdown_signal()).await?;
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, so that requests in flight finish before the process ends.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
