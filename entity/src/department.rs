use sea_orm::entity::prelude::*;

/// A specialist office of a ward, which feedback is forwarded to.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "department")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    pub slug: String,
    pub name: String,
}

impl ActiveModelBehavior for ActiveModel {}
