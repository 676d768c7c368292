//! A real SMTP server for the hub's mail.
//!
//! [`SmtpServer`] speaks enough SMTP (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT)
//! for the hub's real mail client to deliver to it over TCP on 127.0.0.1; tests then read the
//! messages it received. It is a peer of our code, not a mock of it: lettre does the real exchange.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A message as received.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    /// Headers and body as sent (dot-stuffing undone).
    pub data: String,
}

impl ReceivedMail {
    /// The body, decoded from quoted-printable or base64 when the message says so.
    pub fn body(&self) -> String {
        let (headers, body) = self.data.split_once("\r\n\r\n").unwrap_or(("", &self.data));
        let lower = headers.to_ascii_lowercase();
        if lower.contains("content-transfer-encoding: base64") {
            decode_base64(&body.split_whitespace().collect::<String>())
        } else if lower.contains("content-transfer-encoding: quoted-printable") {
            decode_quoted_printable(body)
        } else {
            body.to_owned()
        }
    }

    /// The first link in the body that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> Option<String> {
        let body = self.body();
        let start = body.find(prefix)?;
        let link: String = body[start..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        Some(link)
    }
}

fn decode_base64(text: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bytes = Vec::new();
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let Some(value) = ALPHABET.iter().position(|&a| a == c) else {
            continue;
        };
        buffer = (buffer << 6) | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn decode_quoted_printable(text: &str) -> String {
    let mut bytes = Vec::new();
    let raw = text.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'=' if raw.get(i + 1) == Some(&b'\r') && raw.get(i + 2) == Some(&b'\n') => i += 3,
            b'=' if raw.get(i + 1) == Some(&b'\n') => i += 2,
            b'=' if i + 2 < raw.len() => {
                let hex = std::str::from_utf8(&raw[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        bytes.push(b);
                        i += 3;
                    }
                    None => {
                        bytes.push(b'=');
                        i += 1;
                    }
                }
            }
            b => {
                bytes.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// An SMTP server on 127.0.0.1 that keeps every message it accepts.
#[derive(Clone)]
pub struct SmtpServer {
    pub port: u16,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    accepting: tokio::task::AbortHandle,
}

impl SmtpServer {
    /// Starts the server on a free port; it runs until the test's runtime ends, or until
    /// [`SmtpServer::stop`].
    pub async fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind SMTP test server");
        let port = listener.local_addr().expect("SMTP address").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        let accepting = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let _ = session(stream, store).await;
                });
            }
        });
        SmtpServer {
            port,
            received,
            accepting: accepting.abort_handle(),
        }
    }

    /// Stops accepting connections (and frees the port); what was received stays readable.
    pub fn stop(&self) {
        self.accepting.abort();
    }

    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.received.lock().map(|m| m.clone()).unwrap_or_default()
    }

    /// Waits (up to ten seconds) for a message to `to` whose data contains `containing`.
    pub async fn wait_for(&self, to: &str, containing: &str) -> ReceivedMail {
        for _ in 0..200 {
            if let Some(mail) = self.messages().into_iter().rev().find(|m| {
                m.to.iter().any(|t| t.eq_ignore_ascii_case(to))
                    && (containing.is_empty() || m.body().contains(containing))
            }) {
                return mail;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no mail to {to} containing {containing:?}; received: {:#?}",
            self.messages()
        );
    }
}

fn address(argument: &str) -> String {
    let start = argument.find('<').map(|i| i + 1).unwrap_or(0);
    let end = argument.rfind('>').unwrap_or(argument.len());
    argument.get(start..end).unwrap_or("").trim().to_owned()
}

async fn session(
    stream: tokio::net::TcpStream,
    store: Arc<Mutex<Vec<ReceivedMail>>>,
) -> std::io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut lines = BufReader::new(reader);
    writer.write_all(b"220 shutaf-test-smtp ready\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") {
            b"250-shutaf-test-smtp\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            b"250 OK\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            from = address(&command[10..]);
            to.clear();
            b"250 OK\r\n"
        } else if upper.starts_with("RCPT TO:") {
            to.push(address(&command[8..]));
            b"250 OK\r\n"
        } else if upper.starts_with("RSET") {
            from.clear();
            to.clear();
            b"250 OK\r\n"
        } else if upper == "DATA" {
            writer
                .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                .await?;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                let unstuffed = line.strip_prefix('.').unwrap_or(&line);
                data.push_str(unstuffed);
            }
            if let Ok(mut received) = store.lock() {
                received.push(ReceivedMail {
                    from: from.clone(),
                    to: to.clone(),
                    data,
                });
            }
            b"250 OK queued\r\n"
        } else if upper.starts_with("QUIT") {
            writer.write_all(b"221 Bye\r\n").await?;
            return Ok(());
        } else {
            b"502 Command not implemented\r\n"
        };
        writer.write_all(reply).await?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_transfer_encodings() {
        assert_eq!(decode_base64("16nXnNeV150="), "שלום");
        assert_eq!(decode_quoted_printable("a=3Db=\r\nc"), "a=bc");
        let mail = ReceivedMail {
            from: String::new(),
            to: vec![],
            data: "Subject: x\r\n\r\nopen https://hub.example/verify?token=abc now".into(),
        };
        assert_eq!(
            mail.link("https://hub.example/").as_deref(),
            Some("https://hub.example/verify?token=abc")
        );
    }
}
