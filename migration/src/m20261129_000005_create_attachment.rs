use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The record of each uploaded file; its bytes live in the file storage under
        // `key`, a generated name that says nothing of the original one.
        manager
            .create_table(
                Table::create()
                    .table("attachment")
                    .col(big_pk_auto("id"))
                    .col(string_uniq("key"))
                    .col(big_integer("unit_id"))
                    .col(string("filename"))
                    .col(string("content_type"))
                    .col(big_integer("size_bytes"))
                    .col(big_integer("uploaded_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attachment_unit")
                            .from("attachment", "unit_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attachment_uploaded_by")
                            .from("attachment", "uploaded_by")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("attachment").to_owned())
            .await
    }
}
