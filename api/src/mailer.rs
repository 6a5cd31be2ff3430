//! Sending e-mail: through an SMTP server when `SMTP_URL` is set, otherwise into
//! `.eml` files in `DATA_DIR/outbox`, which any mail reader opens, so development and
//! tests need no mail server.

use std::path::{Path, PathBuf};
use std::time::Duration;

use entity::outbox_message;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Longest an SMTP conversation may take; the outbox claims a message for longer.
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(60);

/// Why a message was not sent.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// Trying again cannot help: the address is malformed, or the server refused
    /// the message for good.
    #[error("{0}")]
    Permanent(String),
    /// The server is unreachable or busy, the directory not writable…: try later.
    #[error("{0}")]
    Transient(String),
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

impl Mailer {
    /// Sends through the SMTP server of `url` (`smtp://`, `smtps://user:pass@host`,
    /// `smtp://host?tls=required`).
    pub fn smtp(url: &str, from: &str) -> anyhow::Result<Mailer> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|error| anyhow::anyhow!("SMTP_URL is not usable: {error}"))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        Ok(Mailer {
            from: sender(from)?,
            transport: Transport::Smtp(transport),
        })
    }

    /// Writes each message as a file in `dir`.
    pub fn files(dir: &Path, from: &str) -> anyhow::Result<Mailer> {
        Ok(Mailer {
            from: sender(from)?,
            transport: Transport::Files(dir.to_path_buf()),
        })
    }

    pub async fn send(&self, message: &outbox_message::Model) -> Result<(), SendError> {
        let email = self.build(message)?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(email).await.map(drop).map_err(|error| {
                if error.is_permanent() {
                    SendError::Permanent(error.to_string())
                } else {
                    SendError::Transient(error.to_string())
                }
            }),
            Transport::Files(dir) => {
                let (dir, id, bytes) = (dir.clone(), message.id, email.formatted());
                tokio::task::spawn_blocking(move || write_eml(&dir, id, &bytes))
                    .await
                    .map_err(|error| SendError::Transient(error.to_string()))?
                    .map_err(|error| SendError::Transient(error.to_string()))
            }
        }
    }

    fn build(&self, message: &outbox_message::Model) -> Result<Message, SendError> {
        let to: Mailbox = message
            .recipient
            .parse()
            .map_err(|error| SendError::Permanent(format!("recipient: {error}")))?;
        // Readable 8-bit UTF-8 (every current server takes 8BITMIME) in short lines; a
        // word too long for a line falls back to an encoding that wraps.
        let text = wrap(&message.body, LINE_BYTES);
        let body = Body::new_with_encoding(text.clone(), ContentTransferEncoding::EightBit)
            .unwrap_or_else(|_| Body::new(text));
        Message::builder()
            // The same id on every attempt, so a receiving server can drop the second
            // copy if a worker's claim ran out while the first was still on its way.
            .message_id(Some(format!(
                "<outbox-{}@{}>",
                message.id,
                self.from.email.domain()
            )))
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(body),
            )
            .map_err(|error| SendError::Permanent(error.to_string()))
    }
}

/// Longest line of an 8-bit body lettre accepts is 75 bytes; Vietnamese letters
/// take two or three.
const LINE_BYTES: usize = 72;

/// `text` with each line broken between words to at most `width` bytes.
fn wrap(text: &str, width: usize) -> String {
    let mut wrapped = String::with_capacity(text.len() + text.len() / width);
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            wrapped.push('\n');
        }
        let mut length = 0;
        for word in line.split(' ').filter(|word| !word.is_empty()) {
            if length > 0 && length + 1 + word.len() > width {
                wrapped.push('\n');
                length = 0;
            } else if length > 0 {
                wrapped.push(' ');
                length += 1;
            }
            wrapped.push_str(word);
            length += word.len();
        }
    }
    wrapped
}

fn sender(from: &str) -> anyhow::Result<Mailbox> {
    from.parse()
        .map_err(|error| anyhow::anyhow!("MAIL_FROM {from:?} is not an address: {error}"))
}

/// Written under a temporary name, then renamed, so a reader never sees half a
/// message; the outbox id leads the name so an operator finds the row.
fn write_eml(dir: &Path, id: i64, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let name = format!("{id}-{}.eml", uuid::Uuid::new_v4().simple());
    let partial = dir.join(format!(".{name}.part"));
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, dir.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_break_between_words_and_paragraphs_stay() {
        let text = "Phường 1 đã tiếp nhận phản ánh \"Đèn đường hỏng\" của bạn, mã PA-X2F2T-BKKJ6.\n\nCảm ơn.";
        let wrapped = wrap(text, LINE_BYTES);
        assert!(
            wrapped.lines().all(|line| line.len() <= LINE_BYTES),
            "{wrapped}"
        );
        assert!(wrapped.contains("\n\nCảm ơn."));
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }
}
