use sea_orm::entity::prelude::*;

/// A file of a dossier, for one form field.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier_file")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub dossier_id: i64,
    pub field_key: String,
    #[sea_orm(unique)]
    pub upload_id: String,
    /// 0 with the submission, n with the nth supplement.
    pub round: i32,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
