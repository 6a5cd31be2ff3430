use sea_orm::entity::prelude::*;

/// One merge or split: the successor took over all (`whole`) or a `part` of the
/// predecessor's territory on `effective_on`.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "unit_lineage")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub predecessor_id: i64,
    pub successor_id: i64,
    pub kind: String,
    pub effective_on: Date,
}

impl ActiveModelBehavior for ActiveModel {}
