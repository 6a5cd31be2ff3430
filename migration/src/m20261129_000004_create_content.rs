use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One row per article, page, announcement or legal document of a unit; its
        // text lives in revisions, so the published one stays live while an edit
        // is reviewed.
        manager
            .create_table(
                Table::create()
                    .table("content_item")
                    .col(big_pk_auto("id"))
                    .col(big_integer("unit_id"))
                    .col(string("kind"))
                    .col(string("slug"))
                    .col(big_integer("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("archived_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_content_item_unit")
                            .from("content_item", "unit_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_content_item_created_by")
                            .from("content_item", "created_by")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_content_item_slug")
                    .table("content_item")
                    .col("unit_id")
                    .col("kind")
                    .col("slug")
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("content_revision")
                    .col(big_pk_auto("id"))
                    .col(big_integer("item_id"))
                    .col(integer("number"))
                    .col(string("state"))
                    .col(string("title"))
                    .col(string_null("category"))
                    .col(text("summary"))
                    .col(text("body_markdown"))
                    // Rendered and sanitized once, on write.
                    .col(text("body_html"))
                    // Title, summary and body folded (no case, no diacritics) for search.
                    .col(text("search_text"))
                    // Fields of one kind only (expiry, document number…), as JSON.
                    .col(text("details"))
                    .col(big_integer("author_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(timestamp_with_time_zone_null("submitted_at"))
                    .col(big_integer_null("reviewed_by"))
                    .col(timestamp_with_time_zone_null("reviewed_at"))
                    .col(text_null("return_reason"))
                    // Visible to the public from this instant (now, or a scheduled time).
                    .col(timestamp_with_time_zone_null("publish_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_content_revision_item")
                            .from("content_revision", "item_id")
                            .to("content_item", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_content_revision_author")
                            .from("content_revision", "author_id")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_content_revision_number")
                    .table("content_revision")
                    .col("item_id")
                    .col("number")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_content_revision_state")
                    .table("content_revision")
                    .col("state")
                    .col("publish_at")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("content_transition")
                    .col(big_pk_auto("id"))
                    .col(big_integer("revision_id"))
                    .col(string("from_state"))
                    .col(string("to_state"))
                    .col(big_integer("actor_id"))
                    .col(timestamp_with_time_zone("occurred_at"))
                    .col(text_null("comment"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_content_transition_revision")
                            .from("content_transition", "revision_id")
                            .to("content_revision", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_content_transition_revision")
                    .table("content_transition")
                    .col("revision_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["content_transition", "content_revision", "content_item"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
