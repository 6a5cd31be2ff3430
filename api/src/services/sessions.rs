//! Sessions: opaque refresh tokens that rotate on every use. A session is a
//! family of tokens; presenting a rotated token again means it was stolen, and the
//! whole family ends.

use base64::Engine;
use chrono::{Duration, Utc};
use entity::refresh_token;
use openapi::ErrorCode;
use rand::RngCore;
use sea_orm::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, QueryFilter, TransactionSession, TransactionTrait, sea_query::Expr,
};

use crate::db::begin_write;
use crate::digest::sha256_hex;
use crate::error::ApiError;
use crate::services::audit::{self, AuditEvent};

/// A refresh token as handed to the client, with the session it belongs to.
pub struct IssuedRefreshToken {
    pub token: String,
    pub session: String,
    pub account_id: i64,
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

async fn insert<C: ConnectionTrait>(
    db: &C,
    account_id: i64,
    session: &str,
    days: i64,
) -> Result<String, ApiError> {
    let token = new_token();
    let now = Utc::now();
    refresh_token::ActiveModel {
        account_id: Set(account_id),
        family_id: Set(session.to_owned()),
        token_hash: Set(sha256_hex(&token)),
        issued_at: Set(now),
        expires_at: Set(now + Duration::days(days)),
        rotated_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Starts a new session for a signed-in account.
pub async fn start<C: ConnectionTrait>(
    db: &C,
    account_id: i64,
    days: i64,
) -> Result<IssuedRefreshToken, ApiError> {
    let session = uuid::Uuid::new_v4().to_string();
    let token = insert(db, account_id, &session, days).await?;
    Ok(IssuedRefreshToken {
        token,
        session,
        account_id,
    })
}

/// Exchanges a refresh token for a new one in the same session.
pub async fn rotate<C: TransactionTrait>(
    db: &C,
    presented: &str,
    days: i64,
) -> Result<IssuedRefreshToken, ApiError> {
    let hash = sha256_hex(presented);
    let txn = begin_write(db).await?;
    let Some(current) = refresh_token::Entity::find()
        .filter(refresh_token::COLUMN.token_hash.eq(hash.as_str()))
        .one(&txn)
        .await?
    else {
        return Err(ApiError::Unauthorized(ErrorCode::RefreshTokenInvalid));
    };
    let now = Utc::now();
    if current.revoked_at.is_some() && current.rotated_at.is_none() {
        return Err(ApiError::Unauthorized(ErrorCode::RefreshTokenInvalid));
    }
    // Mark it used only if nobody else did first: of two concurrent refreshes
    // with one token, one wins and the other is reuse.
    let claimed = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RotatedAt, Expr::value(now))
        .filter(refresh_token::COLUMN.id.eq(current.id))
        .filter(refresh_token::COLUMN.rotated_at.is_null())
        .filter(refresh_token::COLUMN.revoked_at.is_null())
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if !claimed {
        end_family(&txn, &current.family_id).await?;
        audit::record(
            &txn,
            Some(current.account_id),
            None,
            AuditEvent::RefreshTokenReused {
                account_id: current.account_id,
                session: current.family_id.clone(),
            },
        )
        .await?;
        // Committed, so the family stays revoked although we answer 401.
        txn.commit().await?;
        return Err(ApiError::Unauthorized(ErrorCode::RefreshTokenReused));
    }
    if current.expires_at <= now {
        return Err(ApiError::Unauthorized(ErrorCode::RefreshTokenInvalid));
    }
    let token = insert(&txn, current.account_id, &current.family_id, days).await?;
    txn.commit().await?;
    Ok(IssuedRefreshToken {
        token,
        session: current.family_id,
        account_id: current.account_id,
    })
}

async fn end_family<C: ConnectionTrait>(db: &C, session: &str) -> Result<(), ApiError> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_token::COLUMN.family_id.eq(session))
        .filter(refresh_token::COLUMN.revoked_at.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of an account: logout, password change, disabling.
pub async fn end_all<C: ConnectionTrait>(db: &C, account_id: i64) -> Result<(), ApiError> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_token::COLUMN.account_id.eq(account_id))
        .filter(refresh_token::COLUMN.revoked_at.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Whether the session still stands: not ended, not past its refresh lifetime.
pub async fn is_live<C: ConnectionTrait>(
    db: &C,
    account_id: i64,
    session: &str,
) -> Result<bool, ApiError> {
    let live = refresh_token::Entity::find()
        .filter(refresh_token::COLUMN.family_id.eq(session))
        .filter(refresh_token::COLUMN.account_id.eq(account_id))
        .filter(refresh_token::COLUMN.revoked_at.is_null())
        .filter(refresh_token::COLUMN.expires_at.gt(Utc::now()))
        .count(db)
        .await?;
    Ok(live > 0)
}
