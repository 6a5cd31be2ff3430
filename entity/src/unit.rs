use sea_orm::entity::prelude::*;

/// An administrative unit: city, district, ward or commune.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "unit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub code: String,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    /// `city`, `district`, `ward` or `commune`.
    pub kind: String,
    pub parent_id: Option<i64>,
    #[sea_orm(unique)]
    pub host: String,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
