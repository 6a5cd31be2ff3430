use sea_orm::entity::prelude::*;

/// A year whose calendar an administrator confirmed: deadlines may fall in it.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_year")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub year: i32,
    pub confirmed_at: DateTimeUtc,
    pub confirmed_by: Option<i64>,
}

impl ActiveModelBehavior for ActiveModel {}
