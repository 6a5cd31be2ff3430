//! API keys for third parties: made by a unit's admins with scopes, shown once,
//! stored as a SHA-256 hash, revocable; each accepted use is recorded.

use base64::Engine;
use chrono::Utc;
use entity::api_key;
use openapi::api_keys::{ApiKeyScope, CheckedApiKey};
use rand::RngCore;
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, QueryFilter, QueryOrder, Set, TransactionSession, TransactionTrait,
    sea_query::Expr,
};

use crate::db::begin_write;
use crate::digest::sha256_hex;
use crate::error::ApiError;
use crate::services::audit::{self, AuditEvent};
use crate::services::units::UnitScope;

/// What every key starts with, so a leaked one is recognisable (secret scanners).
const KEY_PREFIX: &str = "wpk_";

/// A new key: `wpk_` and 10 hex digits shown in lists, then 256 random bits. The
/// random part makes the key unguessable, so a plain SHA-256 is enough to store it
/// (a slow password hash protects only guessable secrets).
fn new_key() -> (String, String) {
    let mut id = [0u8; 5];
    let mut secret = [0u8; 32];
    rand::rng().fill_bytes(&mut id);
    rand::rng().fill_bytes(&mut secret);
    let prefix = format!(
        "{KEY_PREFIX}{}",
        id.iter().map(|b| format!("{b:02x}")).collect::<String>()
    );
    let key = format!(
        "{prefix}_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret)
    );
    (prefix, key)
}

pub fn scopes_of(record: &api_key::Model) -> Vec<ApiKeyScope> {
    record
        .scopes
        .split_whitespace()
        .filter_map(ApiKeyScope::parse)
        .collect()
}

/// Makes a key for `unit_id`; answers the stored record and the key itself, which
/// is never available again.
pub async fn create<C: TransactionTrait>(
    db: &C,
    unit_id: i64,
    actor: i64,
    new: CheckedApiKey,
) -> Result<(api_key::Model, String), ApiError> {
    let (prefix, key) = new_key();
    let scopes: Vec<&str> = new.scopes.iter().map(|s| s.as_str()).collect();
    let txn = begin_write(db).await?;
    let record = api_key::ActiveModel {
        unit_id: Set(unit_id),
        label: Set(new.label),
        scopes: Set(scopes.join(" ")),
        prefix: Set(prefix),
        secret_hash: Set(sha256_hex(&key)),
        created_by: Set(Some(actor)),
        created_at: Set(Utc::now()),
        revoked_at: Set(None),
        last_used_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let event = AuditEvent::ApiKeyCreated {
        api_key_id: record.id,
        prefix: record.prefix.clone(),
        scopes: record.scopes.clone(),
    };
    audit::record(&txn, Some(actor), Some(unit_id), event).await?;
    txn.commit().await?;
    Ok((record, key))
}

/// The unit's keys, newest first, revoked ones included.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
) -> Result<Vec<api_key::Model>, ApiError> {
    Ok(api_key::Entity::find()
        .filter(api_key::COLUMN.unit_id.eq(unit_id))
        .order_by_desc(api_key::COLUMN.id)
        .all(db)
        .await?)
}

/// Revokes a key of `unit_id` for good; revoking it again changes nothing.
pub async fn revoke<C: TransactionTrait>(
    db: &C,
    unit_id: i64,
    actor: i64,
    id: i64,
) -> Result<(), ApiError> {
    let txn = begin_write(db).await?;
    let record = api_key::Entity::find_by_id(id)
        .filter(api_key::COLUMN.unit_id.eq(unit_id))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    if record.revoked_at.is_none() {
        api_key::Entity::update_many()
            .col_expr(api_key::Column::RevokedAt, Expr::value(Utc::now()))
            .filter(api_key::COLUMN.id.eq(record.id))
            .exec(&txn)
            .await?;
        let event = AuditEvent::ApiKeyRevoked {
            api_key_id: record.id,
            prefix: record.prefix,
        };
        audit::record(&txn, Some(actor), Some(unit_id), event).await?;
    }
    Ok(txn.commit().await?)
}

/// Why a key was not accepted. Each answers 403; the reason is told to the client,
/// which holds the key and may know which of its keys it sent.
#[derive(Debug)]
pub enum KeyRefusal {
    Missing,
    Unknown,
    Revoked,
    OtherUnit,
    MissingScope(ApiKeyScope),
}

impl KeyRefusal {
    pub fn description(&self) -> String {
        match self {
            KeyRefusal::Missing => "Cần khóa API (api_key) do phường cấp".to_owned(),
            KeyRefusal::Unknown => "Khóa API không hợp lệ".to_owned(),
            KeyRefusal::Revoked => "Khóa API đã bị thu hồi".to_owned(),
            KeyRefusal::OtherUnit => "Khóa API không được cấp cho đơn vị này".to_owned(),
            KeyRefusal::MissingScope(scope) => {
                format!("Khóa API không có quyền {}", scope.as_str())
            }
        }
    }
}

/// The key `presented`, if it is live, holds `scope` and was given for `unit` or a
/// unit above it (a district's key serves its wards). Records the use.
pub async fn authenticate<C: ConnectionTrait>(
    db: &C,
    presented: Option<&str>,
    scope: ApiKeyScope,
    unit: &UnitScope,
) -> Result<Result<api_key::Model, KeyRefusal>, ApiError> {
    let Some(presented) = presented.map(str::trim).filter(|k| !k.is_empty()) else {
        return Ok(Err(KeyRefusal::Missing));
    };
    let Some(record) = api_key::Entity::find()
        .filter(api_key::COLUMN.secret_hash.eq(sha256_hex(presented)))
        .one(db)
        .await?
    else {
        return Ok(Err(KeyRefusal::Unknown));
    };
    if record.revoked_at.is_some() {
        return Ok(Err(KeyRefusal::Revoked));
    }
    if record.unit_id != unit.id && !unit.ancestor_ids.contains(&record.unit_id) {
        return Ok(Err(KeyRefusal::OtherUnit));
    }
    if !scopes_of(&record).contains(&scope) {
        return Ok(Err(KeyRefusal::MissingScope(scope)));
    }
    let now = Utc::now();
    api_key::Entity::update_many()
        .col_expr(api_key::Column::LastUsedAt, Expr::value(now))
        .filter(api_key::COLUMN.id.eq(record.id))
        .exec(db)
        .await?;
    Ok(Ok(api_key::Model {
        last_used_at: Some(now),
        ..record
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_starts_with_its_listed_prefix_and_is_long_and_random() {
        let (prefix, key) = new_key();
        assert!(prefix.starts_with("wpk_") && prefix.len() == 14, "{prefix}");
        assert!(key.starts_with(&format!("{prefix}_")));
        assert!(key.len() >= 14 + 1 + 43);
        assert_ne!(new_key().1, key);
    }
}
