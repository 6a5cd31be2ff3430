//! Limits password guessing. After five failed sign-ins for one login within
//! fifteen minutes, that login is refused until the window has passed; after thirty
//! from one client address (trying many logins), that client is. Counted in the
//! database so the limits hold across every server node.

use chrono::{DateTime, Duration, Utc};
use entity::login_failure;
use openapi::ErrorCode;
use sea_orm::Set;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::digest::sha256_hex;
use crate::error::ApiError;

pub const MAX_FAILURES_PER_LOGIN: usize = 5;
pub const MAX_FAILURES_PER_CLIENT: usize = 30;
pub const WINDOW_MINUTES: i64 = 15;

/// Who is signing in: the login they name and the address they come from.
pub struct Attempt<'a> {
    pub login_key: &'a str,
    pub client: &'a str,
}

pub async fn check<C: ConnectionTrait>(db: &C, attempt: &Attempt<'_>) -> Result<(), ApiError> {
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    let by_login = login_failure::COLUMN
        .login_hash
        .eq(sha256_hex(attempt.login_key));
    let by_client = login_failure::COLUMN
        .client_hash
        .eq(sha256_hex(attempt.client));
    for (filter, max) in [
        (by_login, MAX_FAILURES_PER_LOGIN),
        (by_client, MAX_FAILURES_PER_CLIENT),
    ] {
        let recent: Vec<DateTime<Utc>> = login_failure::Entity::find()
            .filter(filter)
            .filter(login_failure::COLUMN.failed_at.gt(since))
            .order_by_desc(login_failure::COLUMN.failed_at)
            .limit(max as u64)
            .all(db)
            .await?
            .into_iter()
            .map(|failure| failure.failed_at)
            .collect();
        if recent.len() >= max {
            // The lock lifts when the oldest failure counted leaves the window.
            let retry_after = (recent[max - 1] - since).num_seconds().max(1) as u64;
            return Err(ApiError::TooManyRequests {
                code: ErrorCode::TooManyLoginAttempts,
                retry_after,
            });
        }
    }
    Ok(())
}

pub async fn record_failure<C: ConnectionTrait>(
    db: &C,
    attempt: &Attempt<'_>,
) -> Result<(), ApiError> {
    login_failure::ActiveModel {
        login_hash: Set(sha256_hex(attempt.login_key)),
        client_hash: Set(sha256_hex(attempt.client)),
        failed_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A successful sign-in forgives that login's failures (not the client's).
pub async fn clear<C: ConnectionTrait>(db: &C, attempt: &Attempt<'_>) -> Result<(), ApiError> {
    login_failure::Entity::delete_many()
        .filter(
            login_failure::COLUMN
                .login_hash
                .eq(sha256_hex(attempt.login_key)),
        )
        .exec(db)
        .await?;
    Ok(())
}
