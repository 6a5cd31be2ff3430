//! Schema migrations, in order. They describe tables with sea-query only and never
//! import the `entity` crate, so an old migration keeps meaning what it meant.

pub use sea_orm_migration::prelude::*;

mod m20261129_000001_create_unit;
mod m20261129_000002_create_account;
mod m20261129_000003_create_audit_event;
mod m20261129_000004_create_content;
mod m20261129_000005_create_attachment;
mod m20261129_000006_index_live_revisions;
mod m20261129_000007_create_unit_boundary;
mod m20261129_000008_create_calendar;
mod m20261129_000009_create_feedback;
mod m20261129_000010_create_outbox;
mod m20261129_000011_add_feedback_workflow;
mod m20261129_000012_create_feedback_intake;
mod m20261129_000013_create_feedback_message;
mod m20261129_000014_create_api_key;
mod m20261129_000015_create_procedure;
mod m20261129_000016_create_dossier;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_create_unit::Migration),
            Box::new(m20261129_000002_create_account::Migration),
            Box::new(m20261129_000003_create_audit_event::Migration),
            Box::new(m20261129_000004_create_content::Migration),
            Box::new(m20261129_000005_create_attachment::Migration),
            Box::new(m20261129_000006_index_live_revisions::Migration),
            Box::new(m20261129_000007_create_unit_boundary::Migration),
            Box::new(m20261129_000008_create_calendar::Migration),
            Box::new(m20261129_000009_create_feedback::Migration),
            Box::new(m20261129_000010_create_outbox::Migration),
            Box::new(m20261129_000011_add_feedback_workflow::Migration),
            Box::new(m20261129_000012_create_feedback_intake::Migration),
            Box::new(m20261129_000013_create_feedback_message::Migration),
            Box::new(m20261129_000014_create_api_key::Migration),
            Box::new(m20261129_000015_create_procedure::Migration),
            Box::new(m20261129_000016_create_dossier::Migration),
        ]
    }
}
