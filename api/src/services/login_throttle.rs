//! Limits password guessing: after five failed sign-ins for one login within
//! fifteen minutes, that login is refused until the window has passed. Counted in
//! the database so the limit holds across every server node.

use chrono::{Duration, Utc};
use entity::login_failure;
use openapi::ErrorCode;
use sea_orm::Set;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder};

use crate::digest::sha256_hex;
use crate::error::ApiError;

pub const MAX_FAILURES: u64 = 5;
pub const WINDOW_MINUTES: i64 = 15;

pub async fn check<C: ConnectionTrait>(db: &C, login_key: &str) -> Result<(), ApiError> {
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    let recent = login_failure::Entity::find()
        .filter(login_failure::COLUMN.login_hash.eq(sha256_hex(login_key)))
        .filter(login_failure::COLUMN.failed_at.gt(since))
        .order_by_desc(login_failure::COLUMN.failed_at)
        .all(db)
        .await?;
    if (recent.len() as u64) < MAX_FAILURES {
        return Ok(());
    }
    // The lock lifts when the fifth most recent failure leaves the window.
    let oldest_counted = recent[MAX_FAILURES as usize - 1].failed_at;
    let retry_after = (oldest_counted - since).num_seconds().max(1) as u64;
    Err(ApiError::TooManyRequests {
        code: ErrorCode::TooManyLoginAttempts,
        retry_after,
    })
}

pub async fn record_failure<C: ConnectionTrait>(db: &C, login_key: &str) -> Result<(), ApiError> {
    login_failure::ActiveModel {
        login_hash: Set(sha256_hex(login_key)),
        failed_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn clear<C: ConnectionTrait>(db: &C, login_key: &str) -> Result<(), ApiError> {
    login_failure::Entity::delete_many()
        .filter(login_failure::COLUMN.login_hash.eq(sha256_hex(login_key)))
        .exec(db)
        .await?;
    Ok(())
}
