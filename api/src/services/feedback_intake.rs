//! Feedback as it arrives over the web: at most once per `Idempotency-Key`, and
//! within the limits per client. The feedback itself is made by
//! `feedback::submit`, the one way to create it (Open311 calls it too).

use entity::unit;
use openapi::feedback::CheckedFeedback;
use sea_orm::{DatabaseTransaction, TransactionTrait};

use crate::error::ApiError;
use crate::services::feedback;
use crate::services::idempotency::{self, Answer, IdempotencyKey};
use crate::services::request_throttle::{self, Action, Limit};

/// Who is sending: their account when signed in, and the address they come from.
pub struct Sender<'a> {
    pub account: Option<i64>,
    pub client: &'a str,
}

/// Where a key is valid: the ward and the account, or every anonymous sender. Not
/// the address, since a phone changing networks retries from another one; a key
/// only answers the request it came with, so sharing the scope reveals nothing.
pub fn key_scope(unit: &unit::Model, sender: &Sender<'_>) -> String {
    match sender.account {
        Some(account) => format!("feedback:{}:account:{account}", unit.slug),
        None => format!("feedback:{}:anonymous", unit.slug),
    }
}

/// Receives the feedback (201 with its receipt), or answers a retry as the first
/// time. Only feedback actually received counts against the client's limits.
pub async fn receive<C: TransactionTrait<Transaction = DatabaseTransaction>>(
    db: &C,
    unit: &unit::Model,
    sender: Sender<'_>,
    limits: &[Limit],
    key: Option<&IdempotencyKey>,
    new: CheckedFeedback,
) -> Result<Answer, ApiError> {
    idempotency::once(db, key, 201, async |txn| {
        request_throttle::hit(txn, Action::Feedback, sender.client, limits).await?;
        feedback::submit(txn, unit, sender.account, new).await
    })
    .await
}
