use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A unit's boundary as checked GeoJSON geometry, and where its office is.
        // `illustrative` marks demo boundaries until staff upload the surveyed one.
        manager
            .create_table(
                Table::create()
                    .table("unit_boundary")
                    .col(big_integer("unit_id").primary_key())
                    .col(text("geometry"))
                    .col(double_null("office_longitude"))
                    .col(double_null("office_latitude"))
                    .col(boolean("illustrative"))
                    .col(big_integer_null("updated_by"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_unit_boundary_unit")
                            .from("unit_boundary", "unit_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_unit_boundary_updated_by")
                            .from("unit_boundary", "updated_by")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("unit_boundary").to_owned())
            .await
    }
}
