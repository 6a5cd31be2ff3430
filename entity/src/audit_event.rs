use sea_orm::entity::prelude::*;

/// One entry of the audit trail: who did what, when, to which unit.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub occurred_at: DateTimeUtc,
    pub actor_account_id: Option<i64>,
    pub unit_id: Option<i64>,
    /// snake_case name of the event, e.g. `sign_in_failed`.
    pub event: String,
    /// JSON object with the event's facts; never secrets or full ID numbers.
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    pub request_id: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
