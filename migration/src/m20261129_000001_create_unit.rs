use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("unit")
                    .col(big_pk_auto("id"))
                    // GSO codes pass from a dissolved unit to its successor: not unique.
                    .col(string("code"))
                    .col(string_uniq("slug"))
                    .col(string("name"))
                    .col(string("kind"))
                    .col(big_integer_null("parent_id"))
                    .col(string_uniq("host"))
                    .col(date("valid_from"))
                    .col(date_null("valid_to"))
                    .col(string_null("address"))
                    .col(string_null("phone"))
                    .col(string_null("email"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_unit_parent")
                            .from("unit", "parent_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_unit_parent")
                    .table("unit")
                    .col("parent_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_unit_code")
                    .table("unit")
                    .col("code")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("unit_lineage")
                    .col(big_pk_auto("id"))
                    .col(big_integer("predecessor_id"))
                    .col(big_integer("successor_id"))
                    .col(string("kind"))
                    .col(date("effective_on"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_unit_lineage_predecessor")
                            .from("unit_lineage", "predecessor_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_unit_lineage_successor")
                            .from("unit_lineage", "successor_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_unit_lineage_pair")
                    .table("unit_lineage")
                    .col("predecessor_id")
                    .col("successor_id")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("unit_lineage").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("unit").to_owned())
            .await
    }
}
