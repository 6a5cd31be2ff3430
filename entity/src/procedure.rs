use sea_orm::entity::prelude::*;

/// A ward's administrative procedure in its current version. The listed and
/// searched columns repeat what `definition` (the contract's `ProcedureDefinition`
/// as JSON) says.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "procedure")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    /// As in the national catalog, e.g. `HT-KS`; unique within a unit.
    pub code: String,
    pub name: String,
    pub field: String,
    /// Wire name of `openapi::procedures::OnlineLevel`.
    pub online_level: String,
    pub processing_working_days: i32,
    pub same_day: bool,
    /// Name, field and code folded (`text::fold`) for search.
    #[sea_orm(column_type = "Text")]
    pub search_text: String,
    #[sea_orm(column_type = "Text")]
    pub definition: String,
    /// The current `procedure_version.version`.
    pub version: i32,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
