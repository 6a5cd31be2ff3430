use sea_orm::entity::prelude::*;

/// A staff account working in a department (its inbox is theirs).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "department_member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub department_id: i64,
    pub account_id: i64,
}

impl ActiveModelBehavior for ActiveModel {}
