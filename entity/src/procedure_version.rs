use sea_orm::entity::prelude::*;

/// One version of a procedure, kept whole for the dossiers filed under it.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "procedure_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub procedure_id: i64,
    /// 1 for the seeded catalog, one more for each edit.
    pub version: i32,
    #[sea_orm(column_type = "Text")]
    pub definition: String,
    /// The ward admin who saved it; empty for the seeded catalog.
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
