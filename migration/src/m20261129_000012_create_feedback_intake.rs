use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Files sent ahead of a form, before they belong to anything. `id` is a random
        // UUID the form refers to; `used_at` is set once, when a form takes the file.
        manager
            .create_table(
                Table::create()
                    .table("upload")
                    .col(string_len("id", 36).primary_key())
                    .col(string_uniq("storage_key"))
                    .col(string("filename"))
                    .col(string("content_type"))
                    .col(big_integer("size_bytes"))
                    .col(big_integer_null("uploaded_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(string_null("used_for"))
                    .col(timestamp_with_time_zone_null("used_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_upload_uploaded_by")
                            .from("upload", "uploaded_by")
                            .to("account", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // The photos of a feedback, in the order the citizen gave them; an upload
        // belongs to one feedback at most.
        manager
            .create_table(
                Table::create()
                    .table("feedback_photo")
                    .col(big_pk_auto("id"))
                    .col(big_integer("feedback_id"))
                    .col(string_len_uniq("upload_id", 36))
                    .col(integer("position"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feedback_photo_feedback_id")
                            .from("feedback_photo", "feedback_id")
                            .to("feedback", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feedback_photo_upload_id")
                            .from("feedback_photo", "upload_id")
                            .to("upload", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_feedback_photo_feedback")
                    .table("feedback_photo")
                    .col("feedback_id")
                    .col("position")
                    .to_owned(),
            )
            .await?;
        // The first answer to a submission sent with an `Idempotency-Key`, so a retry
        // gets it again instead of submitting twice. The unique index makes a
        // concurrent duplicate wait for the first one's transaction.
        manager
            .create_table(
                Table::create()
                    .table("idempotency_record")
                    .col(big_pk_auto("id"))
                    .col(string("scope"))
                    .col(string("key"))
                    .col(string("request_hash"))
                    .col(integer("response_status"))
                    .col(text("response_body"))
                    .col(timestamp_with_time_zone("created_at"))
                    .index(
                        Index::create()
                            .name("idx_idempotency_record_key")
                            .col("scope")
                            .col("key")
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        // Requests counted per client (a fingerprint of its address) for the limits on
        // public submissions and lookups, shared by every server node.
        manager
            .create_table(
                Table::create()
                    .table("client_request")
                    .col(big_pk_auto("id"))
                    .col(string("action"))
                    .col(string("client_hash"))
                    .col(timestamp_with_time_zone("requested_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_client_request_window")
                    .table("client_request")
                    .col("action")
                    .col("client_hash")
                    .col("requested_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "client_request",
            "idempotency_record",
            "feedback_photo",
            "upload",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
