use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(
    table: &'static str,
    column: &'static str,
    to: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(table, column)
        .to(to, "id")
        .on_delete(on_delete)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A ward's specialist offices, which feedback is forwarded to.
        manager
            .create_table(
                Table::create()
                    .table("department")
                    .col(big_pk_auto("id"))
                    .col(big_integer("unit_id"))
                    .col(string("slug"))
                    .col(string("name"))
                    .foreign_key(&mut fk(
                        "department",
                        "unit_id",
                        "unit",
                        ForeignKeyAction::Restrict,
                    ))
                    .index(
                        Index::create()
                            .name("idx_department_slug")
                            .col("unit_id")
                            .col("slug")
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("department_member")
                    .col(big_pk_auto("id"))
                    .col(big_integer("department_id"))
                    .col(big_integer("account_id"))
                    .foreign_key(&mut fk(
                        "department_member",
                        "department_id",
                        "department",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "department_member",
                        "account_id",
                        "account",
                        ForeignKeyAction::Cascade,
                    ))
                    .index(
                        Index::create()
                            .name("idx_department_member")
                            .col("department_id")
                            .col("account_id")
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        // What a ward takes feedback about, each routed to a department by default.
        manager
            .create_table(
                Table::create()
                    .table("feedback_category")
                    .col(big_pk_auto("id"))
                    .col(big_integer("unit_id"))
                    .col(string("code"))
                    .col(string("name"))
                    .col(big_integer_null("default_department_id"))
                    .col(integer("display_order"))
                    .foreign_key(&mut fk(
                        "feedback_category",
                        "unit_id",
                        "unit",
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "feedback_category",
                        "default_department_id",
                        "department",
                        ForeignKeyAction::SetNull,
                    ))
                    .index(
                        Index::create()
                            .name("idx_feedback_category_code")
                            .col("unit_id")
                            .col("code")
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        // One citizen's feedback. Contact data is never published; `code` is the
        // random tracking code the citizen looks it up with.
        manager
            .create_table(
                Table::create()
                    .table("feedback")
                    .col(big_pk_auto("id"))
                    .col(string_uniq("code"))
                    .col(big_integer("unit_id"))
                    .col(big_integer("category_id"))
                    .col(string("title"))
                    .col(text("content"))
                    .col(string_null("address"))
                    .col(double_null("latitude"))
                    .col(double_null("longitude"))
                    .col(string("contact_name"))
                    .col(string_null("contact_phone"))
                    .col(string_null("contact_email"))
                    .col(string("consent_policy_version"))
                    .col(timestamp_with_time_zone("consented_at"))
                    .col(boolean("public"))
                    .col(big_integer_null("submitted_by"))
                    .col(string("state"))
                    .col(big_integer_null("department_id"))
                    .col(boolean("multi_agency"))
                    .col(date_null("due_on"))
                    .col(timestamp_with_time_zone("received_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(text_null("reply"))
                    .col(timestamp_with_time_zone_null("published_at"))
                    .foreign_key(&mut fk(
                        "feedback",
                        "unit_id",
                        "unit",
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "feedback",
                        "category_id",
                        "feedback_category",
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "feedback",
                        "submitted_by",
                        "account",
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "feedback",
                        "department_id",
                        "department",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_feedback_unit_state")
                    .table("feedback")
                    .col("unit_id")
                    .col("state")
                    .to_owned(),
            )
            .await?;
        // Every step of a feedback: who moved it where, when, with which note.
        manager
            .create_table(
                Table::create()
                    .table("feedback_event")
                    .col(big_pk_auto("id"))
                    .col(big_integer("feedback_id"))
                    .col(string_null("from_state"))
                    .col(string("to_state"))
                    .col(big_integer_null("actor_id"))
                    .col(timestamp_with_time_zone("occurred_at"))
                    .col(text_null("note"))
                    .foreign_key(&mut fk(
                        "feedback_event",
                        "feedback_id",
                        "feedback",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "feedback_event",
                        "actor_id",
                        "account",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_feedback_event_feedback")
                    .table("feedback_event")
                    .col("feedback_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "feedback_event",
            "feedback",
            "feedback_category",
            "department_member",
            "department",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
