use sea_orm::entity::prelude::*;

/// A unit's boundary (checked GeoJSON geometry) and its office location.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "unit_boundary")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: i64,
    #[sea_orm(column_type = "Text")]
    pub geometry: String,
    pub office_longitude: Option<f64>,
    pub office_latitude: Option<f64>,
    /// Drawn for the demo, not surveyed.
    pub illustrative: bool,
    pub updated_by: Option<i64>,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
