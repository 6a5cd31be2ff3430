use sea_orm::entity::prelude::*;

/// An uploaded file of a unit; the bytes are in the file storage under `key`.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attachment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub key: String,
    pub unit_id: i64,
    /// The name it was uploaded with, given back on download.
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_by: i64,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
