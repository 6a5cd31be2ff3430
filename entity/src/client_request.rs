use sea_orm::entity::prelude::*;

/// One counted request of a client, for the limits on public submissions and
/// lookups.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "client_request")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// What was asked, e.g. `feedback`, `feedback_lookup`, `upload`.
    pub action: String,
    pub client_hash: String,
    pub requested_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
