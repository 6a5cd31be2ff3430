//! API integration tests: each test starts the real server on a free port with a
//! fresh database, and runs once on SQLite and once on PostgreSQL.

// A failed setup step should fail the test loudly, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod helpers;

mod attachments;
mod auth;
mod calendar;
mod content;
mod content_kinds;
mod conventions;
mod demo;
mod dossier_arrange;
mod dossier_filing;
mod dossier_inbox;
mod feedback;
mod feedback_arrange;
mod feedback_intake;
mod feedback_statistics;
mod feedback_thread;
mod feedback_workflow;
mod open311;
mod openapi_drift;
mod outbox;
mod procedures;
mod search;
mod sessions;
mod site;
mod staff;
mod units;
mod ward_info;
