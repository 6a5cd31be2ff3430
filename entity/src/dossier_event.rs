use sea_orm::entity::prelude::*;

/// One step of a dossier's process record (phiếu kiểm soát quá trình).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub dossier_id: i64,
    /// Wire name of `openapi::dossiers::DossierStep`.
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: String,
    /// Who took the step; the citizen's own steps have `by_citizen`.
    pub actor_id: Option<i64>,
    pub by_citizen: bool,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// The step's own data as JSON (missing items, a new date).
    #[sea_orm(column_type = "Text", nullable)]
    pub details: Option<String>,
    /// The due date in force when the step was taken.
    pub due_on: Option<Date>,
    /// Whether the step came by its due date; empty when no date applies.
    pub on_time: Option<bool>,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
