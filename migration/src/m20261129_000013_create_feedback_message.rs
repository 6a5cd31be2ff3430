use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The thread of a feedback: public messages between the citizen and the ward,
        // and internal notes only staff read. A citizen may write without an account
        // (code + contact), so `author_id` is empty then and `by_citizen` says who wrote.
        manager
            .create_table(
                Table::create()
                    .table("feedback_message")
                    .col(big_pk_auto("id"))
                    .col(big_integer("feedback_id"))
                    .col(big_integer_null("author_id"))
                    .col(boolean("by_citizen"))
                    .col(string("visibility"))
                    .col(text("body"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feedback_message_feedback_id")
                            .from("feedback_message", "feedback_id")
                            .to("feedback", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feedback_message_author_id")
                            .from("feedback_message", "author_id")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_feedback_message_feedback")
                    .table("feedback_message")
                    .col("feedback_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("feedback_message").to_owned())
            .await
    }
}
