//! Notifications to send. A message is written in the same transaction as the change
//! it announces; the delivery worker sends it later, and again after a failure.

use chrono::Utc;
use entity::outbox_message;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use crate::error::ApiError;

/// An e-mail announcing a change, e.g. a feedback's tracking code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// What it announces, e.g. `feedback_received`; kept for the operators.
    pub topic: &'static str,
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Queues `email` within `db`, which should be the transaction of the change.
pub async fn enqueue<C: ConnectionTrait>(db: &C, email: Email) -> Result<(), ApiError> {
    let now = Utc::now();
    outbox_message::ActiveModel {
        topic: Set(email.topic.to_owned()),
        recipient: Set(email.to),
        subject: Set(email.subject),
        body: Set(email.body),
        created_at: Set(now),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        sent_at: Set(None),
        last_error: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
