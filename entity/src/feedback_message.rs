use sea_orm::entity::prelude::*;

/// One message of a feedback's thread: public (citizen ↔ ward) or an internal note.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback_message")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub feedback_id: i64,
    /// The staff member, or the signed-in citizen; empty for a citizen who wrote
    /// with the code and their contact.
    pub author_id: Option<i64>,
    pub by_citizen: bool,
    /// Wire name of `openapi::feedback_thread::MessageVisibility`.
    pub visibility: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
