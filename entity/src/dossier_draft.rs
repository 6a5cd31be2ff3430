use sea_orm::entity::prelude::*;

/// A form a citizen saved to finish later. It has no code: numbers are given at
/// submission only, so the daily sequence has no gaps.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier_draft")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    pub procedure_id: i64,
    pub account_id: i64,
    /// Field key → value as JSON, possibly incomplete.
    #[sea_orm(column_type = "Text")]
    pub form: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
