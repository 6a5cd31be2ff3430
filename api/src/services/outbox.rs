//! Notifications to send. A message is written in the same transaction as the change
//! it announces; a worker (`outbox_worker.rs`) claims it, sends it, and after a
//! failure tries again later.

use chrono::{DateTime, Utc};
use entity::outbox_message;
use sea_orm::prelude::*;
use sea_orm::sea_query::{ExprTrait, LockBehavior, LockType};
use sea_orm::{
    ActiveModelTrait, Condition, ConnectionTrait, DbBackend, QueryFilter, QueryOrder, QuerySelect,
    Set, TransactionSession, TransactionTrait,
};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::mailer::{Mailer, SendError};

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

/// How long a worker may take over one message before another may take it: well
/// beyond an SMTP conversation, so a message is sent twice only when a worker died
/// or hung after sending it.
pub const CLAIM_SECONDS: i64 = 5 * 60;
/// Attempts before a message is left for the operators, its `last_error` saying why.
pub const MAX_ATTEMPTS: i32 = 10;
const FIRST_RETRY_SECONDS: i64 = 60;
const LONGEST_WAIT_SECONDS: i64 = 6 * 3600;

/// The wait after the `attempts`-th failure: 1 minute, doubling, at most 6 hours.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let doublings = attempts.clamp(1, 20) - 1;
    chrono::Duration::seconds(Ord::min(
        FIRST_RETRY_SECONDS << doublings,
        LONGEST_WAIT_SECONDS,
    ))
}

/// Messages a worker may take at `now`: not sent, due, not given up, and not
/// claimed by a worker whose claim still runs.
fn due(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(outbox_message::COLUMN.sent_at.is_null())
        .add(outbox_message::COLUMN.next_attempt_at.lte(now))
        .add(outbox_message::COLUMN.attempts.lt(MAX_ATTEMPTS))
        .add(
            Condition::any()
                .add(outbox_message::COLUMN.locked_until.is_null())
                .add(outbox_message::COLUMN.locked_until.lte(now)),
        )
}

/// Takes `id` if it is still due, counting the attempt; whether it was taken. The
/// condition and the write are one statement, so of two workers only one succeeds.
async fn take<C: ConnectionTrait>(db: &C, id: i64, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let taken = outbox_message::Entity::update_many()
        .col_expr(
            outbox_message::COLUMN.locked_until,
            Expr::value(now + chrono::Duration::seconds(CLAIM_SECONDS)),
        )
        .col_expr(
            outbox_message::COLUMN.attempts,
            Expr::col(outbox_message::COLUMN.attempts).add(1),
        )
        .filter(outbox_message::COLUMN.id.eq(id))
        .filter(due(now))
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

/// Claims the message due longest, for this worker alone. On PostgreSQL the row is
/// picked with `FOR UPDATE SKIP LOCKED`, so workers on several nodes pick different
/// rows without waiting on each other; on SQLite, which serializes writes, the
/// conditional update alone decides, and a worker that loses tries the next row.
pub async fn claim_next<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    now: DateTime<Utc>,
) -> Result<Option<outbox_message::Model>, DbErr> {
    let oldest_due = || {
        outbox_message::Entity::find()
            .filter(due(now))
            .order_by_asc(outbox_message::COLUMN.next_attempt_at)
            .order_by_asc(outbox_message::COLUMN.id)
    };
    for _ in 0..5 {
        let id = if db.get_database_backend() == DbBackend::Postgres {
            let txn = begin_write(db).await?;
            let Some(candidate) = oldest_due()
                .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
                .one(&txn)
                .await?
            else {
                return Ok(None);
            };
            let taken = take(&txn, candidate.id, now).await?;
            txn.commit().await?;
            taken.then_some(candidate.id)
        } else {
            let Some(candidate) = oldest_due().one(db).await? else {
                return Ok(None);
            };
            take(db, candidate.id, now).await?.then_some(candidate.id)
        };
        if let Some(id) = id {
            return outbox_message::Entity::find_by_id(id).one(db).await;
        }
    }
    // Lost every race: other workers are busy with the queue; come back later.
    Ok(None)
}

async fn record_sent<C: ConnectionTrait>(db: &C, id: i64, now: DateTime<Utc>) -> Result<(), DbErr> {
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::COLUMN.sent_at, Expr::value(Some(now)))
        .col_expr(
            outbox_message::COLUMN.locked_until,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(outbox_message::COLUMN.id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Schedules the next attempt after a backoff, or gives up: after a permanent
/// failure or the last attempt the message stays unsent, for the operators.
async fn record_failure<C: ConnectionTrait>(
    db: &C,
    message: &outbox_message::Model,
    error: &SendError,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let attempts = match error {
        SendError::Permanent(_) => MAX_ATTEMPTS,
        SendError::Transient(_) => message.attempts,
    };
    let detail: String = error.to_string().chars().take(2_000).collect();
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::COLUMN.attempts, Expr::value(attempts))
        .col_expr(
            outbox_message::COLUMN.next_attempt_at,
            Expr::value(now + backoff(attempts)),
        )
        .col_expr(
            outbox_message::COLUMN.locked_until,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(outbox_message::COLUMN.last_error, Expr::value(Some(detail)))
        .filter(outbox_message::COLUMN.id.eq(message.id))
        .exec(db)
        .await?;
    Ok(attempts >= MAX_ATTEMPTS)
}

/// What one attempt came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    WillRetry,
    GaveUp,
}

/// Claims one due message and tries to send it; `None` when nothing is due.
pub async fn deliver_one<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    mailer: &Mailer,
    now: DateTime<Utc>,
) -> Result<Option<Outcome>, DbErr> {
    let Some(message) = claim_next(db, now).await? else {
        return Ok(None);
    };
    let outcome = match mailer.send(&message).await {
        Ok(()) => {
            record_sent(db, message.id, Utc::now()).await?;
            Outcome::Sent
        }
        Err(error) => {
            if record_failure(db, &message, &error, now).await? {
                tracing::error!(id = message.id, topic = message.topic, %error, "outbox message given up");
                Outcome::GaveUp
            } else {
                tracing::warn!(id = message.id, attempts = message.attempts, %error, "outbox message not sent, will retry");
                Outcome::WillRetry
            }
        }
    };
    let label = match outcome {
        Outcome::Sent => "sent",
        Outcome::WillRetry => "retry",
        Outcome::GaveUp => "given_up",
    };
    metrics::counter!("outbox_deliveries_total", "outcome" => label).increment(1);
    Ok(Some(outcome))
}

/// Tries every message due at `now` once; the outcomes, in order.
pub async fn deliver_due<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    mailer: &Mailer,
    now: DateTime<Utc>,
) -> Result<Vec<Outcome>, DbErr> {
    let mut outcomes = Vec::new();
    while let Some(outcome) = deliver_one(db, mailer, now).await? {
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_six_hours() {
        let waits: Vec<i64> = [1, 2, 3, 9, 10].map(|n| backoff(n).num_seconds()).into();
        assert_eq!(waits, [60, 120, 240, 256 * 60, 6 * 3600]);
    }
}
