//! Starting the hub: the one way, used by `shutaf serve` and by every test.
//!
//! [`Application::build`] takes what the hub is made of (its configuration, an open and migrated
//! database, its two keys), binds the configured address and gives a hub ready to serve;
//! [`Application::run_until`] serves it until a shutdown signal, then finishes the requests in
//! flight. Tests bind `127.0.0.1:0` and read the port from [`Application::address`].
//!
//! The decision log's checkpoint signer starts with the hub: `build` signs the log's head if it
//! grew since the last checkpoint (so a hub always serves a checkpoint), and `run_until` runs the
//! signer beside the server ([`crate::actions::checkpoints`]).

use std::net::SocketAddr;

use shutaf_store::Db;

use crate::{AppState, Config, Mailer};

/// What a hub is made of.
pub struct Startup {
    pub config: Config,
    /// Open and migrated.
    pub db: Db,
    /// Keys the hashes of rate-limit records (at least 32 characters).
    pub secret: String,
    /// Signs the decision log's tree heads.
    pub log_key: ed25519_dalek::SigningKey,
}

/// Why a hub could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("mail settings: {0}")]
    Mail(String),
    #[error("checkpoint settings: {0}")]
    Checkpoints(String),
    #[error("cannot listen on {address}: {source}")]
    Listen {
        address: String,
        source: std::io::Error,
    },
}

/// A hub bound to its address, ready to serve.
pub struct Application {
    listener: tokio::net::TcpListener,
    address: SocketAddr,
    state: AppState,
}

impl Application {
    /// Binds `config.listen` and assembles the hub. An empty `config.base_url` becomes the
    /// address bound (`http://127.0.0.1:<port>`), which is what a test on a random port needs.
    pub async fn build(startup: Startup) -> Result<Application, StartupError> {
        let Startup {
            mut config,
            db,
            secret,
            log_key,
        } = startup;
        let mailer = Mailer::from_config(&config).map_err(|e| StartupError::Mail(e.to_string()))?;
        let listener = tokio::net::TcpListener::bind(&config.listen)
            .await
            .map_err(|source| StartupError::Listen {
                address: config.listen.clone(),
                source,
            })?;
        let address = listener
            .local_addr()
            .map_err(|source| StartupError::Listen {
                address: config.listen.clone(),
                source,
            })?;
        if config.base_url.is_empty() {
            config.base_url = format!("http://{address}");
        }
        crate::actions::checkpoints::check_config(&config).map_err(StartupError::Checkpoints)?;
        let state = AppState::new(db, config, mailer, secret, log_key);
        // Not fatal: a hub whose log cannot be signed still serves (and says why in its log).
        if let Err(e) = crate::actions::checkpoints::sign_if_grown(&state).await {
            tracing::error!("no checkpoint signed at startup: {e}");
        }
        Ok(Application {
            listener,
            address,
            state,
        })
    }

    /// The address the hub listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// What every handler reaches: the database, the configuration, the mailer, ...
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves, then finishes the requests in flight.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let signer = crate::actions::checkpoints::spawn_signer(self.state.clone());
        let served = crate::serve(self.listener, self.state, shutdown).await;
        signer.abort();
        served
    }
}
