use sea_orm::entity::prelude::*;

/// What a ward takes feedback about, routed to a department by default.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback_category")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    pub code: String,
    pub name: String,
    pub default_department_id: Option<i64>,
    pub display_order: i32,
}

impl ActiveModelBehavior for ActiveModel {}
