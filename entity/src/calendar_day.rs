use sea_orm::entity::prelude::*;

/// A day that differs from the Monday-to-Friday week.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_day")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub date: Date,
    /// Wire name of `openapi::calendar::DayKind`.
    pub kind: String,
    pub name: String,
    /// Wire name of `openapi::calendar::DayStatus`.
    pub status: String,
    pub source: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
