use sea_orm::entity::prelude::*;

/// One step of a revision through review: who moved it, when, from where to where.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "content_transition")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub revision_id: i64,
    pub from_state: String,
    pub to_state: String,
    pub actor_id: i64,
    pub occurred_at: DateTimeUtc,
    #[sea_orm(column_type = "Text", nullable)]
    pub comment: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
