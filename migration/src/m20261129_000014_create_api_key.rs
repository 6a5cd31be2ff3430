use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Keys third parties send with Open311 requests, each held for one unit.
        // Only the SHA-256 of the key is stored: the key is long and random, so its
        // hash cannot be reversed by guessing, and a leaked table opens nothing.
        // `prefix` is the public start of the key, shown in lists to tell keys apart.
        manager
            .create_table(
                Table::create()
                    .table("api_key")
                    .col(big_pk_auto("id"))
                    .col(big_integer("unit_id"))
                    .col(string("label"))
                    // Space-separated, e.g. `feedback:read feedback:write`.
                    .col(string("scopes"))
                    .col(string_uniq("prefix"))
                    .col(string_uniq("secret_hash"))
                    .col(big_integer_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .col(timestamp_with_time_zone_null("last_used_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_api_key_unit_id")
                            .from("api_key", "unit_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_api_key_created_by")
                            .from("api_key", "created_by")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_api_key_unit")
                    .table("api_key")
                    .col("unit_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("api_key").to_owned())
            .await
    }
}
