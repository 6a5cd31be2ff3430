use sea_orm::entity::prelude::*;

/// A file sent ahead of a form; the bytes are in the file storage under
/// `storage_key`. `used_at` is set when a form takes it, which it can once.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "upload")]
pub struct Model {
    /// A random UUID, the only handle a form has on the file.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    #[sea_orm(unique)]
    pub storage_key: String,
    /// The name it was uploaded with.
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// The account that sent it, when signed in.
    pub uploaded_by: Option<i64>,
    pub created_at: DateTimeUtc,
    /// What took it, e.g. `feedback`.
    pub used_for: Option<String>,
    pub used_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
