//! Loading configuration: defaults, then `shutaf.toml`, then `SHUTAF_*` environment variables.

use std::path::Path;

use anyhow::{Context, bail};
use shutaf_domain::Language;
use shutaf_web::Config;
use shutaf_web::config::SmtpConfig;

/// Reads the configuration. An explicit file must exist; `./shutaf.toml` is optional.
pub fn load(path: Option<&Path>) -> anyhow::Result<Config> {
    let mut config = match path {
        Some(path) => parse_file(path)?,
        None if Path::new("shutaf.toml").exists() => parse_file(Path::new("shutaf.toml"))?,
        None => Config::default(),
    };
    apply_environment(&mut config, |name| std::env::var(name).ok())?;
    Ok(config)
}

fn parse_file(path: &Path) -> anyhow::Result<Config> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    toml::from_str(&text)
        .with_context(|| format!("{} is not a valid configuration", path.display()))
}

fn flag(name: &str, value: &str) -> anyhow::Result<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => bail!("{name} must be true or false, not {value:?}"),
    }
}

/// Reads a number from the variable `name`, if set.
fn number<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    name: &str,
    into: &mut T,
) -> anyhow::Result<()> {
    if let Some(v) = get(name) {
        *into = v
            .parse()
            .map_err(|_| anyhow::anyhow!("{name} must be a number, not {v:?}"))?;
    }
    Ok(())
}

/// Overlays `SHUTAF_*` variables (read through `get`, so tests need not touch the environment).
pub fn apply_environment(
    config: &mut Config,
    get: impl Fn(&str) -> Option<String>,
) -> anyhow::Result<()> {
    if let Some(v) = get("SHUTAF_LISTEN") {
        config.listen = v;
    }
    if let Some(v) = get("SHUTAF_BASE_URL") {
        config.base_url = v;
    }
    if let Some(v) = get("SHUTAF_DATABASE_URL") {
        config.database_url = v;
    }
    if let Some(v) = get("SHUTAF_MAX_CONNECTIONS") {
        config.max_connections = v
            .parse()
            .with_context(|| format!("SHUTAF_MAX_CONNECTIONS must be a number, not {v:?}"))?;
    }
    if let Some(v) = get("SHUTAF_MIGRATION_LOCKING") {
        config.migration_locking = flag("SHUTAF_MIGRATION_LOCKING", &v)?;
    }
    if let Some(v) = get("SHUTAF_SECRET_KEY") {
        config.secret_key = Some(v);
    }
    if let Some(v) = get("SHUTAF_SECRET_KEY_FILE") {
        config.secret_key_file = v.into();
    }
    if let Some(v) = get("SHUTAF_LOG_KEY") {
        config.log_key = Some(v);
    }
    if let Some(v) = get("SHUTAF_LOG_KEY_FILE") {
        config.log_key_file = v.into();
    }
    if let Some(v) = get("SHUTAF_DEFAULT_LANGUAGE") {
        config.default_language = Language::parse(&v)
            .with_context(|| format!("SHUTAF_DEFAULT_LANGUAGE must be he, ar or en, not {v:?}"))?;
    }
    if let Some(v) = get("SHUTAF_BEHIND_PROXY") {
        config.behind_proxy = flag("SHUTAF_BEHIND_PROXY", &v)?;
    }
    number(
        &get,
        "SHUTAF_TRUSTED_PROXY_HOPS",
        &mut config.trusted_proxy_hops,
    )?;
    number(
        &get,
        "SHUTAF_MAX_CONNECTIONS_OPEN",
        &mut config.max_connections_open,
    )?;
    number(
        &get,
        "SHUTAF_HEADER_READ_TIMEOUT_SECONDS",
        &mut config.header_read_timeout_seconds,
    )?;
    number(
        &get,
        "SHUTAF_BODY_MIB_IN_FLIGHT",
        &mut config.body_mib_in_flight,
    )?;
    number(&get, "SHUTAF_MAX_HASHING", &mut config.max_hashing)?;
    if let Some(v) = get("SHUTAF_MAIL_FROM") {
        config.mail_from = v;
    }
    if let Some(v) = get("SHUTAF_OUTBOX_DIR") {
        config.outbox_dir = v.into();
    }
    if let Some(v) = get("SHUTAF_OCID_PREFIX") {
        config.ocid_prefix = v;
    }
    if let Some(v) = get("SHUTAF_MAX_IN_FLIGHT") {
        config.max_in_flight = v
            .parse()
            .with_context(|| format!("SHUTAF_MAX_IN_FLIGHT must be a number, not {v:?}"))?;
    }
    if let Some(v) = get("SHUTAF_REQUEST_TIMEOUT_SECONDS") {
        config.request_timeout_seconds = v.parse().with_context(|| {
            format!("SHUTAF_REQUEST_TIMEOUT_SECONDS must be a number, not {v:?}")
        })?;
    }
    if let Some(v) = get("SHUTAF_METRICS_PUBLIC") {
        config.metrics_public = flag("SHUTAF_METRICS_PUBLIC", &v)?;
    }
    if let Some(v) = get("SHUTAF_METRICS_TOKEN") {
        config.metrics_token = Some(v);
    }
    if let Some(v) = get("SHUTAF_LOG_ORIGIN") {
        config.checkpoints.origin = Some(v);
    }
    if let Some(v) = get("SHUTAF_CHECKPOINT_INTERVAL_MS") {
        config.checkpoints.interval_ms = v.parse().with_context(|| {
            format!("SHUTAF_CHECKPOINT_INTERVAL_MS must be a number, not {v:?}")
        })?;
    }
    if let Some(v) = get("SHUTAF_WITNESSES") {
        // Vkeys hold neither spaces nor commas.
        config.checkpoints.witnesses = v
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|key| !key.is_empty())
            .map(str::to_owned)
            .collect();
    }
    if let Some(v) = get("SHUTAF_WITNESS_PUSH") {
        config.checkpoints.push_to = v
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|url| !url.is_empty())
            .map(str::to_owned)
            .collect();
    }
    number(&get, "SHUTAF_PAGE_CACHE_MB", &mut config.cache.mb)?;
    number(
        &get,
        "SHUTAF_PAGE_CACHE_TTL_SECONDS",
        &mut config.cache.ttl_seconds,
    )?;
    number(&get, "SHUTAF_PAGE_CACHE_POLL_MS", &mut config.cache.poll_ms)?;
    if let Some(host) = get("SHUTAF_SMTP_HOST") {
        let port = match get("SHUTAF_SMTP_PORT") {
            Some(p) => p
                .parse()
                .with_context(|| format!("SHUTAF_SMTP_PORT must be a port number, not {p:?}"))?,
            None => config.smtp.as_ref().map(|s| s.port).unwrap_or(25),
        };
        config.smtp = Some(SmtpConfig {
            host,
            port,
            username: get("SHUTAF_SMTP_USERNAME"),
            password: get("SHUTAF_SMTP_PASSWORD"),
        });
    }
    for (name, value) in [
        ("max_in_flight", config.max_in_flight),
        ("trusted_proxy_hops", config.trusted_proxy_hops),
        ("max_connections_open", config.max_connections_open),
        (
            "header_read_timeout_seconds",
            config.header_read_timeout_seconds as usize,
        ),
        ("body_mib_in_flight", config.body_mib_in_flight),
        ("max_hashing", config.max_hashing),
    ] {
        if value == 0 {
            bail!("{name} must be at least 1");
        }
    }
    if config.request_timeout_seconds == 0 {
        bail!("request_timeout_seconds must be at least 1");
    }
    if config.metrics_token.as_ref().is_some_and(|t| t.len() < 16) {
        bail!("metrics_token must be at least 16 characters long");
    }
    if !(config.base_url.starts_with("http://") || config.base_url.starts_with("https://")) {
        bail!(
            "base_url must start with http:// or https://, not {:?}",
            config.base_url
        );
    }
    Ok(())
}

/// The instance secret: configured, or kept in a file created on first start (mode 0600).
pub fn secret(config: &Config) -> anyhow::Result<String> {
    if let Some(secret) = &config.secret_key {
        if secret.len() < 32 {
            bail!("the secret key must be at least 32 characters long");
        }
        return Ok(secret.clone());
    }
    let path = &config.secret_key_file;
    if let Ok(existing) = std::fs::read_to_string(path) {
        let existing = existing.trim().to_owned();
        if existing.len() >= 32 {
            return Ok(existing);
        }
    }
    let secret = shutaf_store::random_token();
    write_private(path, &secret)
        .with_context(|| format!("cannot write the secret key file {}", path.display()))?;
    tracing::info!(path = %path.display(), "generated a new instance secret");
    Ok(secret)
}

/// The key that signs tree heads: configured (hex seed), or kept in a file made on first start.
pub fn log_key(config: &Config) -> anyhow::Result<ed25519_dalek::SigningKey> {
    let parse = |text: &str| -> anyhow::Result<ed25519_dalek::SigningKey> {
        let bytes = hex::decode(text.trim()).context("the log key must be 64 hex digits")?;
        let seed: [u8; 32] = bytes
            .try_into()
            .map_err(|_| anyhow::anyhow!("the log key must be 64 hex digits"))?;
        Ok(ed25519_dalek::SigningKey::from_bytes(&seed))
    };
    if let Some(key) = &config.log_key {
        return parse(key);
    }
    let path = &config.log_key_file;
    if let Ok(existing) = std::fs::read_to_string(path) {
        return parse(&existing).with_context(|| format!("{} holds no valid key", path.display()));
    }
    let seed = shutaf_store::random_token();
    write_private(path, &seed)
        .with_context(|| format!("cannot write the log key file {}", path.display()))?;
    tracing::info!(path = %path.display(), "generated the key that signs the decision log");
    parse(&seed)
}

pub(crate) fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(content.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn environment_overrides_the_file() {
        let mut config: Config =
            toml::from_str("listen = \"0.0.0.0:9000\"\ndefault_language = \"ar\"\n").unwrap();
        assert_eq!(config.listen, "0.0.0.0:9000");
        assert_eq!(config.default_language, Language::Ar);
        let env: HashMap<&str, &str> = [
            ("SHUTAF_DATABASE_URL", "postgres://app@db/shutaf"),
            ("SHUTAF_DEFAULT_LANGUAGE", "en"),
            ("SHUTAF_SMTP_HOST", "mail.example.org"),
            ("SHUTAF_SMTP_PORT", "2525"),
            ("SHUTAF_MIGRATION_LOCKING", "false"),
            ("SHUTAF_OCID_PREFIX", "ocds-abc123"),
            ("SHUTAF_MAX_IN_FLIGHT", "64"),
            ("SHUTAF_REQUEST_TIMEOUT_SECONDS", "120"),
            ("SHUTAF_METRICS_PUBLIC", "yes"),
            ("SHUTAF_METRICS_TOKEN", "a-metrics-token-long-enough"),
        ]
        .into_iter()
        .collect();
        apply_environment(&mut config, |k| env.get(k).map(|v| v.to_string())).unwrap();
        assert_eq!(config.database_url, "postgres://app@db/shutaf");
        assert_eq!(config.default_language, Language::En);
        assert_eq!(config.smtp.as_ref().unwrap().port, 2525);
        assert!(!config.migration_locking);
        assert_eq!(config.ocid_prefix, "ocds-abc123");
        assert_eq!(config.max_in_flight, 64);
        assert_eq!(config.request_timeout_seconds, 120);
        assert!(config.metrics_public);
        assert_eq!(
            config.metrics_token.as_deref(),
            Some("a-metrics-token-long-enough")
        );
        assert_eq!(config.listen, "0.0.0.0:9000");
    }

    #[test]
    fn the_example_configuration_is_valid() {
        let config: Config = toml::from_str(include_str!("../../../shutaf.example.toml")).unwrap();
        assert_eq!(config.listen, Config::default().listen);
        assert_eq!(config.database_url, "sqlite://shutaf.db");
        assert_eq!(config.ocid_prefix, Config::default().ocid_prefix);
        assert_eq!(config.max_in_flight, Config::default().max_in_flight);
        assert_eq!(
            config.request_timeout_seconds,
            Config::default().request_timeout_seconds
        );
        assert_eq!(config.metrics_public, Config::default().metrics_public);
    }

    #[test]
    fn bad_values_are_explained() {
        let mut config = Config::default();
        let error = apply_environment(&mut config, |k| {
            (k == "SHUTAF_DEFAULT_LANGUAGE").then(|| "fr".to_owned())
        })
        .unwrap_err();
        assert!(error.to_string().contains("he, ar or en"));
        assert!(toml::from_str::<Config>("no_such_setting = 1").is_err());
        let error = apply_environment(&mut Config::default(), |k| {
            (k == "SHUTAF_MAX_IN_FLIGHT").then(|| "many".to_owned())
        })
        .unwrap_err();
        assert!(error.to_string().contains("SHUTAF_MAX_IN_FLIGHT"));
        let error = apply_environment(&mut Config::default(), |k| {
            (k == "SHUTAF_MAX_IN_FLIGHT").then(|| "0".to_owned())
        })
        .unwrap_err();
        assert!(error.to_string().contains("at least 1"));
        let error = apply_environment(&mut Config::default(), |k| {
            (k == "SHUTAF_METRICS_TOKEN").then(|| "short".to_owned())
        })
        .unwrap_err();
        assert!(error.to_string().contains("metrics_token"));
    }
}
