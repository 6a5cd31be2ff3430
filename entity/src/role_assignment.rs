use sea_orm::entity::prelude::*;

/// A staff role held by an account for one unit.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "role_assignment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub account_id: i64,
    /// Wire name of `openapi::auth::Role`, e.g. `reviewer`.
    pub role: String,
    pub unit_id: i64,
    pub granted_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
