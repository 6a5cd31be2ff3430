use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("account")
                    .col(big_pk_auto("id"))
                    .col(string("full_name"))
                    // Several NULLs are allowed by a unique index on both databases.
                    .col(string_null("email").unique_key())
                    .col(string_null("phone").unique_key())
                    .col(string("password_hash"))
                    .col(boolean("is_active"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("role_assignment")
                    .col(big_pk_auto("id"))
                    .col(big_integer("account_id"))
                    .col(string("role"))
                    .col(big_integer("unit_id"))
                    .col(timestamp_with_time_zone("granted_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_role_assignment_account")
                            .from("role_assignment", "account_id")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_role_assignment_unit")
                            .from("role_assignment", "unit_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_role_assignment_unique")
                    .table("role_assignment")
                    .col("account_id")
                    .col("role")
                    .col("unit_id")
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("refresh_token")
                    .col(big_pk_auto("id"))
                    .col(big_integer("account_id"))
                    // All tokens rotated from one sign-in share a family; reuse of any
                    // rotated token revokes the whole family.
                    .col(string("family_id"))
                    // SHA-256 of the opaque token: the token itself is never stored.
                    .col(string_uniq("token_hash"))
                    .col(timestamp_with_time_zone("issued_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("rotated_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_refresh_token_account")
                            .from("refresh_token", "account_id")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_refresh_token_family")
                    .table("refresh_token")
                    .col("family_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_refresh_token_account")
                    .table("refresh_token")
                    .col("account_id")
                    .to_owned(),
            )
            .await?;

        // Failed sign-ins are counted in the database, not in process memory, so the
        // limit holds across every server node.
        manager
            .create_table(
                Table::create()
                    .table("login_failure")
                    .col(big_pk_auto("id"))
                    // SHA-256 of the normalized login and of the client address:
                    // counts per account and per client without storing either.
                    .col(string("login_hash"))
                    .col(string("client_hash"))
                    .col(timestamp_with_time_zone("failed_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_login_failure_login")
                    .table("login_failure")
                    .col("login_hash")
                    .col("failed_at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_login_failure_client")
                    .table("login_failure")
                    .col("client_hash")
                    .col("failed_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "login_failure",
            "refresh_token",
            "role_assignment",
            "account",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
