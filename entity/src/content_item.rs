use sea_orm::entity::prelude::*;

/// An article, page, announcement or legal document of a unit.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "content_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    /// Wire name of `openapi::content::ContentKind`.
    pub kind: String,
    pub slug: String,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
    pub archived_at: Option<DateTimeUtc>,
    #[sea_orm(has_many)]
    pub revisions: HasMany<super::content_revision::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
