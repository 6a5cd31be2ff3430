use sea_orm::entity::prelude::*;

/// A photo of a feedback, in the order the citizen gave them.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback_photo")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub feedback_id: i64,
    #[sea_orm(unique)]
    pub upload_id: String,
    pub position: i32,
}

impl ActiveModelBehavior for ActiveModel {}
