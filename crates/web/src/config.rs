//! The hub's configuration: read by the `shutaf` binary from `shutaf.toml` and `SHUTAF_*`
//! environment variables, and handed to the web layer. Secrets never appear in `Debug` output.

use std::path::PathBuf;

use serde::Deserialize;
use shutaf_domain::Language;

/// Everything the running hub needs to know about its setting.
#[derive(Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address to listen on, such as `127.0.0.1:8080`.
    pub listen: String,
    /// The address people reach the hub at; used in mailed links. `https://...` turns on
    /// `Secure` cookies and HSTS.
    pub base_url: String,
    /// `sqlite://shutaf.db` (the default) or `postgres://user@host/db`.
    pub database_url: String,
    pub max_connections: u32,
    /// Take the migration lock when migrating (off for engines without advisory locks).
    pub migration_locking: bool,
    /// Key for hashing rate-limit keys and similar. Generated and kept in `secret_key_file` when
    /// not given; several servers on one database must share it.
    pub secret_key: Option<String>,
    pub secret_key_file: PathBuf,
    /// The Ed25519 key that signs the decision log's tree heads (64 hex digits of its seed).
    /// Generated and kept in `log_key_file` when not given; servers of one hub share it.
    pub log_key: Option<String>,
    pub log_key_file: PathBuf,
    pub default_language: Language,
    /// Trust `X-Forwarded-For` from a reverse proxy for the client's address.
    pub behind_proxy: bool,
    /// How many proxies in front of the hub append to `X-Forwarded-For`: the client's address is
    /// the one this many entries from the end (the one the outermost trusted proxy appended);
    /// entries before it are the client's own claims.
    pub trusted_proxy_hops: usize,
    /// Connections open at once; beyond that, new connections wait in the kernel's queue.
    pub max_connections_open: usize,
    /// Seconds a client has to send a request's head, and that an idle kept-alive connection
    /// stays open.
    pub header_read_timeout_seconds: u64,
    /// Request bodies (forms and uploads) held in memory at once, in MiB, across all requests;
    /// a body that does not fit is refused with 503.
    pub body_mib_in_flight: usize,
    /// Passwords hashed at once (Argon2id takes 19 MiB and tens of milliseconds each); beyond
    /// that, a sign-in, sign-up or reset waits briefly, then is refused with 503.
    pub max_hashing: usize,
    pub smtp: Option<SmtpConfig>,
    /// The sender of the hub's mail.
    pub mail_from: String,
    /// Without SMTP, mail is written here, one `.eml` file a message.
    pub outbox_dir: PathBuf,
    /// The prefix of the Open Contracting IDs (OCIDs) of calls exported as OCDS. Register one
    /// with the Open Contracting Partnership before publishing; the default is a placeholder.
    pub ocid_prefix: String,
    /// Requests served at once; beyond that a request is refused at once with 503 and
    /// `Retry-After` rather than queued (`/healthz` and `/metrics` are never refused).
    pub max_in_flight: usize,
    /// Seconds a request may take, reading its body included, before it is answered with 503.
    pub request_timeout_seconds: u64,
    /// Serve `/metrics` to any client. By default only loopback clients get it (or a client that
    /// sends `metrics_token` as a bearer token); others get 404.
    pub metrics_public: bool,
    /// A bearer token that opens `/metrics` from anywhere, for a Prometheus on another host.
    pub metrics_token: Option<String>,
    /// The decision log's signed checkpoints and witnesses (`[checkpoints]`).
    pub checkpoints: CheckpointConfig,
    /// The cache of public pages served to visitors who are not signed in (`[cache]`).
    pub cache: CacheConfig,
}

/// An SMTP relay. Plain SMTP on the given port; use a local relay for TLS to the outside.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub host: String,
    #[serde(default = "default_smtp_port")]
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
}

fn default_smtp_port() -> u16 {
    25
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: "127.0.0.1:8080".into(),
            base_url: "http://127.0.0.1:8080".into(),
            database_url: "sqlite://shutaf.db".into(),
            max_connections: 10,
            migration_locking: true,
            secret_key: None,
            secret_key_file: "shutaf-secret.key".into(),
            log_key: None,
            log_key_file: "shutaf-log.key".into(),
            default_language: Language::He,
            behind_proxy: false,
            trusted_proxy_hops: 1,
            max_connections_open: 1024,
            header_read_timeout_seconds: 10,
            body_mib_in_flight: 64,
            max_hashing: 4,
            smtp: None,
            mail_from: "Shutaf <noreply@shutaf.invalid>".into(),
            outbox_dir: "outbox".into(),
            ocid_prefix: "ocds-shutaf".into(),
            max_in_flight: 256,
            request_timeout_seconds: 30,
            metrics_public: false,
            metrics_token: None,
            checkpoints: CheckpointConfig::default(),
            cache: CacheConfig::default(),
        }
    }
}

impl Config {
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// The base URL without a trailing slash, for building links.
    pub fn base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}

fn redacted(secret: &Option<String>) -> &'static str {
    if secret.is_some() { "<set>" } else { "<unset>" }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("base_url", &self.base_url)
            .field("database_url", &redact_url(&self.database_url))
            .field("max_connections", &self.max_connections)
            .field("migration_locking", &self.migration_locking)
            .field("secret_key", &redacted(&self.secret_key))
            .field("log_key", &redacted(&self.log_key))
            .field("default_language", &self.default_language)
            .field("behind_proxy", &self.behind_proxy)
            .field("trusted_proxy_hops", &self.trusted_proxy_hops)
            .field("max_connections_open", &self.max_connections_open)
            .field(
                "header_read_timeout_seconds",
                &self.header_read_timeout_seconds,
            )
            .field("body_mib_in_flight", &self.body_mib_in_flight)
            .field("max_hashing", &self.max_hashing)
            .field("smtp", &self.smtp)
            .field("mail_from", &self.mail_from)
            .field("outbox_dir", &self.outbox_dir)
            .field("ocid_prefix", &self.ocid_prefix)
            .field("max_in_flight", &self.max_in_flight)
            .field("request_timeout_seconds", &self.request_timeout_seconds)
            .field("metrics_public", &self.metrics_public)
            .field("metrics_token", &redacted(&self.metrics_token))
            .field("checkpoints", &self.checkpoints)
            .field("cache", &self.cache)
            .finish()
    }
}

impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("password", &redacted(&self.password))
            .finish()
    }
}

/// The decision log's signed checkpoints (C2SP tlog-checkpoint) and the witnesses whose
/// cosignatures the hub accepts: the `[checkpoints]` table of `shutaf.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckpointConfig {
    /// The log's origin line and key name, such as `hub.example.org`. By default the base URL
    /// without its scheme. Changing it makes a new log identity (a new key id): set it once.
    pub origin: Option<String>,
    /// Milliseconds between the signer's looks at the log: a checkpoint is signed when the log
    /// grew, at most this often.
    pub interval_ms: u64,
    /// Witnesses whose cosignatures are accepted and served: vkeys of type 04 (cosignature/v1),
    /// `<name>+<key id>+<base64 key>`.
    pub witnesses: Vec<String>,
    /// Witnesses' C2SP tlog-witness `add-checkpoint` addresses
    /// (`https://witness.example.org/add-checkpoint`): each new checkpoint is handed to them, and
    /// the cosignatures they answer with are kept when their keys are among `witnesses`.
    pub push_to: Vec<String>,
    /// Vkeys of the keys that signed this log's checkpoints before the current one (after a key
    /// rotation): published, so that older checkpoints stay verifiable.
    pub previous_keys: Vec<String>,
}

impl Default for CheckpointConfig {
    fn default() -> Self {
        CheckpointConfig {
            origin: None,
            interval_ms: 2000,
            witnesses: Vec::new(),
            push_to: Vec::new(),
            previous_keys: Vec::new(),
        }
    }
}

/// The cache of public pages (`crate::page_cache`): the `[cache]` table of `shutaf.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CacheConfig {
    /// Memory for cached pages, in MiB (the bodies and their headers); 0 turns the cache off.
    pub mb: usize,
    /// Seconds, by the hub's clock, a cached page is served at most: what depends on the time
    /// alone (a call's phase, a notice's window) is at most this late.
    pub ttl_seconds: u64,
    /// Milliseconds between reads of the database's data version, by which writes of other
    /// servers and of `shutaf` commands reach this server's cache; 0 turns the poll off (for a
    /// server alone on its database, whose own writes move the version at once).
    pub poll_ms: u64,
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig {
            mb: 24,
            ttl_seconds: 30,
            poll_ms: 250,
        }
    }
}

/// A database URL with any password replaced, safe to log.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}://{user}:***{}", &url[..scheme_end], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_not_in_debug_output() {
        let config = Config {
            secret_key: Some("very-secret".into()),
            log_key: Some("log-key-secret".into()),
            metrics_token: Some("metrics-token-secret".into()),
            database_url: "postgres://app:hunter2@db/shutaf".into(),
            smtp: Some(SmtpConfig {
                host: "mail".into(),
                port: 25,
                username: Some("u".into()),
                password: Some("pw-secret".into()),
            }),
            ..Config::default()
        };
        let shown = format!("{config:?}");
        assert!(!shown.contains("very-secret"));
        assert!(!shown.contains("log-key-secret"));
        assert!(!shown.contains("hunter2"));
        assert!(!shown.contains("pw-secret"));
        assert!(!shown.contains("metrics-token-secret"));
        assert!(shown.contains("metrics_token: \"<set>\""));
        assert!(shown.contains("postgres://app:***@db/shutaf"));
    }
}
