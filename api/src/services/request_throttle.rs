//! Limits how often one client (its address) may send feedback, look feedback up
//! (so codes cannot be guessed) and upload files. Counted in the database, like
//! `login_throttle`, so the limits hold across every server node.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, Utc};
use entity::client_request;
use openapi::ErrorCode;
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionSession,
    TransactionTrait,
};

use crate::db::begin_write;
use crate::digest::sha256_hex;
use crate::error::ApiError;

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Feedback,
    FeedbackLookup,
    DossierLookup,
    Upload,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::Feedback => "feedback",
            Action::FeedbackLookup => "feedback_lookup",
            Action::DossierLookup => "dossier_lookup",
            Action::Upload => "upload",
        }
    }
}

/// At most `max` requests within `window`, written `COUNT/WINDOW` with the window
/// in seconds, minutes, hours or days: `5/10m`, `20/1d`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub window: Duration,
}

impl FromStr for Limit {
    type Err = String;

    fn from_str(text: &str) -> Result<Limit, String> {
        let wrong = || format!("`{text}`: expected COUNT/WINDOW such as 5/10m or 20/1d");
        let (max, window) = text.trim().split_once('/').ok_or_else(wrong)?;
        let max: u32 = max.trim().parse().map_err(|_| wrong())?;
        let window = window.trim();
        let unit_at = window.len().checked_sub(1).ok_or_else(wrong)?;
        let (amount, unit) = window.split_at(unit_at);
        let amount: i64 = amount.parse().map_err(|_| wrong())?;
        let window = match unit {
            "s" => Duration::seconds(amount),
            "m" => Duration::minutes(amount),
            "h" => Duration::hours(amount),
            "d" => Duration::days(amount),
            _ => return Err(wrong()),
        };
        if max == 0 || window <= Duration::zero() {
            return Err(wrong());
        }
        Ok(Limit { max, window })
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}s", self.max, self.window.num_seconds())
    }
}

/// Counts this request of `client` and refuses it (429, with the seconds to wait)
/// when it would pass one of `limits`. A refused request is not counted, so a
/// client that keeps trying is let in again once the window has passed.
///
/// Inside a caller's transaction the count is only kept if that transaction
/// commits: a submission that fails does not use up the client's allowance.
pub async fn hit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    action: Action,
    client: &str,
    limits: &[Limit],
) -> Result<(), ApiError> {
    if limits.is_empty() {
        return Ok(());
    }
    let client_hash = sha256_hex(client);
    let now = Utc::now();
    // Written first, so on SQLite the transaction holds the write lock before it
    // reads, and a concurrent request cannot slip in between.
    let txn = begin_write(db).await?;
    let counted = client_request::ActiveModel {
        action: Set(action.as_str().to_owned()),
        client_hash: Set(client_hash.clone()),
        requested_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for limit in limits {
        let since = now - limit.window;
        let earlier: Vec<DateTime<Utc>> = client_request::Entity::find()
            .filter(client_request::COLUMN.action.eq(action.as_str()))
            .filter(client_request::COLUMN.client_hash.eq(client_hash.as_str()))
            .filter(client_request::COLUMN.requested_at.gt(since))
            .filter(client_request::COLUMN.id.ne(counted.id))
            .order_by_desc(client_request::COLUMN.requested_at)
            .limit(u64::from(limit.max))
            .all(&txn)
            .await?
            .into_iter()
            .map(|request| request.requested_at)
            .collect();
        if earlier.len() >= limit.max as usize {
            txn.rollback().await?;
            // Allowed again when the oldest request counted leaves the window.
            let retry_after = (earlier[limit.max as usize - 1] - since)
                .num_seconds()
                .max(1) as u64;
            return Err(ApiError::TooManyRequests {
                code: ErrorCode::TooManyRequests,
                retry_after,
            });
        }
    }
    // What no window looks at any more is dropped, so the table stays small.
    if let Some(longest) = limits.iter().map(|limit| limit.window).max() {
        client_request::Entity::delete_many()
            .filter(client_request::COLUMN.action.eq(action.as_str()))
            .filter(client_request::COLUMN.client_hash.eq(client_hash.as_str()))
            .filter(client_request::COLUMN.requested_at.lt(now - longest))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_written_as_count_per_window() {
        let limit: Limit = "5/10m".parse().unwrap();
        assert_eq!(limit.max, 5);
        assert_eq!(limit.window, Duration::minutes(10));
        assert_eq!("20/1d".parse::<Limit>().unwrap().window, Duration::days(1));
    }

    #[test]
    fn a_limit_without_a_unit_or_of_zero_is_refused() {
        for wrong in ["5/10", "0/1m", "5", "x/1m", "5/-1m", "5/m"] {
            assert!(wrong.parse::<Limit>().is_err(), "{wrong}");
        }
    }
}
