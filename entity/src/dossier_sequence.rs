use sea_orm::entity::prelude::*;

/// The last dossier number handed out by a unit on a day (Vietnam civil date).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier_sequence")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    pub last_number: i32,
}

impl ActiveModelBehavior for ActiveModel {}
