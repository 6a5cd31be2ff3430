use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn to_account(
    table: &'static str,
    column: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(table, column)
        .to("account", "id")
        .on_delete(on_delete)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One citizen's application under a procedure, from submission to result.
        // `form` holds the field values as JSON (file fields: upload ids), judged
        // under `procedure_version_id`. `due_on` is the appointment date given at
        // acceptance and never moves; an apology sets `rescheduled_due_on`.
        // `revision` grows with every change, so two officers acting at once cannot
        // both win.
        manager
            .create_table(
                Table::create()
                    .table("dossier")
                    .col(big_pk_auto("id"))
                    .col(string_uniq("code"))
                    .col(big_integer("unit_id"))
                    .col(big_integer("procedure_id"))
                    .col(big_integer("procedure_version_id"))
                    .col(big_integer("applicant_id"))
                    .col(string("status"))
                    .col(text("form"))
                    .col(string("applicant_name"))
                    .col(string("contact_phone"))
                    .col(string_null("contact_email"))
                    .col(timestamp_with_time_zone("submitted_at"))
                    .col(timestamp_with_time_zone_null("accepted_at"))
                    .col(big_integer_null("accepted_by"))
                    .col(date_null("due_on"))
                    .col(date_null("rescheduled_due_on"))
                    .col(big_integer_null("assigned_to"))
                    .col(timestamp_with_time_zone_null("result_ready_at"))
                    .col(timestamp_with_time_zone_null("returned_at"))
                    .col(small_integer_null("rating"))
                    .col(text_null("rating_comment"))
                    .col(timestamp_with_time_zone_null("rated_at"))
                    .col(integer("revision"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dossier_unit_id")
                            .from("dossier", "unit_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dossier_procedure_id")
                            .from("dossier", "procedure_id")
                            .to("procedure", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dossier_procedure_version_id")
                            .from("dossier", "procedure_version_id")
                            .to("procedure_version", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(&mut to_account(
                        "dossier",
                        "applicant_id",
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut to_account(
                        "dossier",
                        "accepted_by",
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut to_account(
                        "dossier",
                        "assigned_to",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("idx_dossier_unit_status", &["unit_id", "status"][..]),
            (
                "idx_dossier_applicant",
                &["applicant_id", "submitted_at"][..],
            ),
            ("idx_dossier_assigned_to", &["assigned_to"][..]),
            // The intake inbox's live signal asks for a ward's latest change often.
            ("idx_dossier_unit_updated", &["unit_id", "updated_at"][..]),
        ] {
            let mut index = Index::create();
            index.name(name).table("dossier");
            for column in columns {
                index.col(*column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        // The last number handed out per unit and day (Vietnam civil date). Taken by
        // an upsert in the submission's transaction, whose row lock makes concurrent
        // submissions wait, and whose rollback returns the number: no gaps, no repeats.
        manager
            .create_table(
                Table::create()
                    .table("dossier_sequence")
                    .col(big_integer("unit_id"))
                    .col(date("day"))
                    .col(integer("last_number"))
                    .primary_key(Index::create().col("unit_id").col("day"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dossier_sequence_unit_id")
                            .from("dossier_sequence", "unit_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A form the citizen saved to finish later; it takes no code until submitted.
        manager
            .create_table(
                Table::create()
                    .table("dossier_draft")
                    .col(big_pk_auto("id"))
                    .col(big_integer("unit_id"))
                    .col(big_integer("procedure_id"))
                    .col(big_integer("account_id"))
                    .col(text("form"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dossier_draft_unit_id")
                            .from("dossier_draft", "unit_id")
                            .to("unit", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dossier_draft_procedure_id")
                            .from("dossier_draft", "procedure_id")
                            .to("procedure", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut to_account(
                        "dossier_draft",
                        "account_id",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_dossier_draft_account")
                    .table("dossier_draft")
                    .col("account_id")
                    .to_owned(),
            )
            .await?;
        // The files of a dossier per form field; `round` 0 came with the submission,
        // n with the nth supplement. An upload belongs to one dossier at most.
        manager
            .create_table(
                Table::create()
                    .table("dossier_file")
                    .col(big_pk_auto("id"))
                    .col(big_integer("dossier_id"))
                    .col(string("field_key"))
                    .col(string_len_uniq("upload_id", 36))
                    .col(integer("round"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dossier_file_dossier_id")
                            .from("dossier_file", "dossier_id")
                            .to("dossier", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dossier_file_upload_id")
                            .from("dossier_file", "upload_id")
                            .to("upload", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_dossier_file_dossier")
                    .table("dossier_file")
                    .col("dossier_id")
                    .to_owned(),
            )
            .await?;
        // The process record (phiếu kiểm soát quá trình): one row per step, with who,
        // when, the states it moved between, the due date in force and whether the
        // step came on time. `details` holds a step's own data as JSON (the missing
        // items of a supplement request, an apology's new date).
        manager
            .create_table(
                Table::create()
                    .table("dossier_event")
                    .col(big_pk_auto("id"))
                    .col(big_integer("dossier_id"))
                    .col(string("kind"))
                    .col(string_null("from_status"))
                    .col(string("to_status"))
                    .col(big_integer_null("actor_id"))
                    .col(boolean("by_citizen"))
                    .col(text_null("note"))
                    .col(text_null("details"))
                    .col(date_null("due_on"))
                    .col(boolean_null("on_time"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dossier_event_dossier_id")
                            .from("dossier_event", "dossier_id")
                            .to("dossier", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut to_account(
                        "dossier_event",
                        "actor_id",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_dossier_event_dossier")
                    .table("dossier_event")
                    .col("dossier_id")
                    .col("created_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "dossier_event",
            "dossier_file",
            "dossier_draft",
            "dossier_sequence",
            "dossier",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
