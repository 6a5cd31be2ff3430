use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A ward's administrative procedure (thủ tục hành chính). The columns the
        // catalog lists and searches by sit beside `definition`, the whole procedure
        // as the contract's JSON (documents, fee, form schema), which a ward admin
        // edits; every edit is a new `procedure_version` and `version` names the
        // current one.
        manager
            .create_table(
                Table::create()
                    .table("procedure")
                    .col(big_pk_auto("id"))
                    .col(big_integer("unit_id"))
                    .col(string("code"))
                    .col(string("name"))
                    .col(string("field"))
                    .col(string("online_level"))
                    .col(integer("processing_working_days"))
                    .col(boolean("same_day"))
                    .col(text("search_text"))
                    .col(text("definition"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_procedure_unit_id")
                            .from("procedure", "unit_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_procedure_unit_code")
                    .table("procedure")
                    .col("unit_id")
                    .col("code")
                    .unique()
                    .to_owned(),
            )
            .await?;
        // Every version a procedure had, kept whole: a dossier is read and judged
        // under the version it was filed under, whatever the catalog says later.
        manager
            .create_table(
                Table::create()
                    .table("procedure_version")
                    .col(big_pk_auto("id"))
                    .col(big_integer("procedure_id"))
                    .col(integer("version"))
                    .col(text("definition"))
                    .col(big_integer_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_procedure_version_procedure_id")
                            .from("procedure_version", "procedure_id")
                            .to("procedure", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_procedure_version_created_by")
                            .from("procedure_version", "created_by")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_procedure_version_procedure_version")
                    .table("procedure_version")
                    .col("procedure_id")
                    .col("version")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("procedure_version").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("procedure").to_owned())
            .await
    }
}
