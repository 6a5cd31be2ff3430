use sea_orm::entity::prelude::*;

/// The first answer to a submission sent with an `Idempotency-Key`, given again to
/// a retry of the same request.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "idempotency_record")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Which operation and who: e.g. `feedback:phuong-1:anonymous`.
    pub scope: String,
    pub key: String,
    /// SHA-256 of the request as understood, so a different request under the same
    /// key is recognised.
    pub request_hash: String,
    pub response_status: i32,
    pub response_body: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
