//! Outgoing mail: through an SMTP relay when one is configured, otherwise into an outbox folder
//! (one `.eml` file a message, its path logged) so a fresh hub works without a mail server.

use std::path::PathBuf;

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Config;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("could not build message: {0}")]
    Build(String),
    #[error("could not send: {0}")]
    Send(String),
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(PathBuf),
}

/// Sends the hub's mail.
#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl Mailer {
    pub fn from_config(config: &Config) -> Result<Mailer, MailError> {
        let from: Mailbox = config
            .mail_from
            .parse()
            .map_err(|e| MailError::Address(format!("mail_from: {e}")))?;
        let transport = match &config.smtp {
            Some(smtp) => {
                let mut builder =
                    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
                        .port(smtp.port);
                if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
                    builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
                }
                Transport::Smtp(
                    builder
                        .timeout(Some(std::time::Duration::from_secs(20)))
                        .build(),
                )
            }
            None => Transport::Outbox(config.outbox_dir.clone()),
        };
        Ok(Mailer { transport, from })
    }

    /// Sends a plain-text message.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), MailError> {
        let to: Mailbox = to.parse().map_err(|e| MailError::Address(format!("{e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(transport) => {
                transport
                    .send(message)
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
            }
            Transport::Outbox(dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
                let name = format!(
                    "{}-{}.eml",
                    shutaf_store::system_now(),
                    &shutaf_store::random_token()[..12]
                );
                let path = dir.join(name);
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
                tracing::info!(path = %path.display(), "no SMTP configured: mail written to the outbox");
            }
        }
        Ok(())
    }
}
