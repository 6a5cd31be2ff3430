use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // "Is there a newer live revision of this item?" is asked for every row of
        // every public list. Without this index SQLite answered it by scanning all
        // published revisions of every unit (the benchmark's news list: 5 req/s).
        manager
            .create_index(
                Index::create()
                    .name("idx_content_revision_item_state")
                    .table("content_revision")
                    .col("item_id")
                    .col("state")
                    .col("number")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_content_revision_item_state")
                    .table("content_revision")
                    .to_owned(),
            )
            .await
    }
}
