use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Days that differ from the Monday-to-Friday week: holidays, and weekend days
        // declared working days. Deadlines are counted on these.
        manager
            .create_table(
                Table::create()
                    .table("calendar_day")
                    .col(date("date").primary_key())
                    .col(string("kind"))
                    .col(string("name"))
                    .col(string("status"))
                    .col(string_null("source"))
                    .to_owned(),
            )
            .await?;
        // A year deadlines may fall in: confirmed by an administrator (or by the seed
        // for a year whose official calendar is published).
        manager
            .create_table(
                Table::create()
                    .table("calendar_year")
                    .col(integer("year").primary_key())
                    .col(timestamp_with_time_zone("confirmed_at"))
                    .col(big_integer_null("confirmed_by"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_calendar_year_confirmed_by")
                            .from("calendar_year", "confirmed_by")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("calendar_year").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("calendar_day").to_owned())
            .await
    }
}
