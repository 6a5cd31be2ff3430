use sea_orm::entity::prelude::*;

/// A key a third party sends with Open311 requests, held for one unit; the key
/// itself is stored only as its SHA-256 hash.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_key")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    pub label: String,
    /// Space-separated wire names of `openapi::api_keys::ApiKeyScope`.
    pub scopes: String,
    /// The public start of the key, e.g. `wpk_3f9a0c7b1e`.
    #[sea_orm(unique)]
    pub prefix: String,
    #[sea_orm(unique)]
    pub secret_hash: String,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    pub last_used_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
