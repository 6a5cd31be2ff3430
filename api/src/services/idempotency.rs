//! `Idempotency-Key` for submissions: the first answer to a request is stored with
//! its key, in the same transaction as what the request did, and a retry with the
//! same key and the same request gets that answer again instead of a second
//! submission. The same key with another request is refused.
//!
//! The key is unique per scope in the database. A concurrent duplicate therefore
//! waits for the first one's transaction (PostgreSQL holds its insert on the unique
//! index; SQLite has one writer at a time) and then finds the stored answer.

use chrono::{Duration, Utc};
use entity::idempotency_record;
use openapi::FieldError;
use sea_orm::prelude::*;
use sea_orm::{DatabaseTransaction, QueryFilter, Set, SqlErr, TransactionTrait};
use serde::Serialize;

use crate::db::begin_write;
use crate::digest::sha256_hex;
use crate::error::ApiError;

/// How long an answer is kept for retries.
const KEPT_FOR_HOURS: i64 = 24;

const MAX_KEY_CHARS: usize = 255;

/// A key as sent by the client, bound to where and by whom it was used and to the
/// request it came with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey {
    scope: String,
    key: String,
    request_hash: String,
}

impl IdempotencyKey {
    /// `scope` names the operation and the sender (`feedback:phuong-1:anonymous`);
    /// `request` is the request as understood, so that spacing or field order of
    /// the JSON does not make a retry look different.
    pub fn new(raw: &str, scope: String, request: &impl Serialize) -> Result<Self, ApiError> {
        let key = raw.trim();
        if key.is_empty()
            || key.chars().count() > MAX_KEY_CHARS
            || !key.chars().all(|c| c.is_ascii_graphic())
        {
            return Err(ApiError::invalid(FieldError::new(
                "Idempotency-Key",
                "invalid_format",
                "Idempotency-Key gồm 1 đến 255 ký tự ASCII in được, ví dụ một UUID",
            )));
        }
        let request = serde_json::to_vec(request)
            .map_err(|e| anyhow::anyhow!("request not serializable: {e}"))?;
        Ok(IdempotencyKey {
            scope,
            key: key.to_owned(),
            request_hash: sha256_hex(request),
        })
    }
}

/// What to answer: the status and the JSON body, and whether it is a stored one.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub status: u16,
    pub body: serde_json::Value,
    pub replayed: bool,
}

/// Runs `operation` in one transaction, at most once per key: with a key already
/// answered for the same request, answers as the first time without running it.
/// Without a key it simply runs. A failed operation stores nothing, so the client
/// may retry it.
pub async fn once<C, T>(
    db: &C,
    key: Option<&IdempotencyKey>,
    status: u16,
    operation: impl AsyncFnOnce(&DatabaseTransaction) -> Result<T, ApiError>,
) -> Result<Answer, ApiError>
where
    C: TransactionTrait<Transaction = DatabaseTransaction>,
    T: Serialize,
{
    let txn = begin_write(db).await?;
    let claimed = match key {
        Some(key) => match claim(&txn, key).await? {
            Claim::Answered(answer) => return Ok(answer),
            Claim::Mine(id) => Some(id),
        },
        None => None,
    };
    let result = operation(&txn).await?;
    let body = serde_json::to_value(&result)
        .map_err(|e| anyhow::anyhow!("answer not serializable: {e}"))?;
    if let Some(id) = claimed {
        idempotency_record::ActiveModel {
            id: Set(id),
            response_status: Set(i32::from(status)),
            response_body: Set(body.to_string()),
            ..Default::default()
        }
        .update(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Answer {
        status,
        body,
        replayed: false,
    })
}

enum Claim {
    /// The key is new: this transaction holds it under this record id.
    Mine(i64),
    /// The key was answered before, for the same request.
    Answered(Answer),
}

async fn claim(txn: &DatabaseTransaction, key: &IdempotencyKey) -> Result<Claim, ApiError> {
    let now = Utc::now();
    // A savepoint, so that losing the race leaves the transaction usable.
    #[expect(
        clippy::disallowed_methods,
        reason = "a savepoint inside a transaction begun with begin_write"
    )]
    let attempt = txn.begin().await?;
    let inserted = idempotency_record::ActiveModel {
        scope: Set(key.scope.clone()),
        key: Set(key.key.clone()),
        request_hash: Set(key.request_hash.clone()),
        response_status: Set(0),
        response_body: Set(String::new()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&attempt)
    .await;
    match inserted {
        Ok(record) => {
            attempt.commit().await?;
            idempotency_record::Entity::delete_many()
                .filter(idempotency_record::COLUMN.scope.eq(key.scope.as_str()))
                .filter(
                    idempotency_record::COLUMN
                        .created_at
                        .lt(now - Duration::hours(KEPT_FOR_HOURS)),
                )
                .exec(txn)
                .await?;
            Ok(Claim::Mine(record.id))
        }
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            attempt.rollback().await?;
            let first = idempotency_record::Entity::find()
                .filter(idempotency_record::COLUMN.scope.eq(key.scope.as_str()))
                .filter(idempotency_record::COLUMN.key.eq(key.key.as_str()))
                .one(txn)
                .await?
                .ok_or_else(|| anyhow::anyhow!("idempotency record vanished"))?;
            if first.request_hash != key.request_hash {
                return Err(ApiError::IdempotencyKeyReused);
            }
            let body = serde_json::from_str(&first.response_body)
                .map_err(|e| anyhow::anyhow!("stored answer unreadable: {e}"))?;
            Ok(Claim::Answered(Answer {
                status: u16::try_from(first.response_status)
                    .map_err(|e| anyhow::anyhow!("stored status unreadable: {e}"))?,
                body,
                replayed: true,
            }))
        }
        Err(error) => Err(error.into()),
    }
}
