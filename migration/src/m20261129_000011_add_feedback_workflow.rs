use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What the workflow records on a feedback beyond its first slice. SQLite alters a
/// table one column at a time, hence one statement per column; the accounts named
/// here have no foreign keys for the same reason (SQLite cannot add one to an
/// existing table), and accounts are disabled, never deleted.
fn columns() -> Vec<ColumnDef> {
    vec![
        // The web officer's instruction when forwarding.
        text_null("instruction"),
        big_integer_null("forwarded_by"),
        timestamp_with_time_zone_null("forwarded_at"),
        // Who drafted the reply: the one reviewer who may never approve it.
        big_integer_null("answered_by"),
        timestamp_with_time_zone_null("answered_at"),
        text_null("return_reason"),
        big_integer_null("approved_by"),
        timestamp_with_time_zone_null("approved_at"),
        // The texts the public reads, redacted and fixed at approval.
        string_null("public_title"),
        text_null("public_content"),
        text_null("public_reply"),
        // The public texts folded (no case, no diacritics) for `LIKE` search, as
        // content revisions do.
        text_null("search_text"),
        string_null("rejection_kind"),
        text_null("rejection_reason"),
        string_null("duplicate_of"),
        string_null("competent_body"),
        timestamp_with_time_zone_null("closed_at"),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for mut column in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table("feedback")
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        // The public list: a unit's published feedback, newest first.
        manager
            .create_index(
                Index::create()
                    .name("idx_feedback_unit_published")
                    .table("feedback")
                    .col("unit_id")
                    .col("published_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_feedback_unit_published")
                    .table("feedback")
                    .to_owned(),
            )
            .await?;
        for column in columns().iter().rev() {
            manager
                .alter_table(
                    Table::alter()
                        .table("feedback")
                        .drop_column(column.get_column_name())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
