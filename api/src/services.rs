//! The rules of the portal: plain async functions over a database connection or
//! transaction, with no HTTP types. Handlers call one of them.

pub mod accounts;
pub mod announcements;
pub mod api_keys;
pub mod articles;
pub mod attachments;
pub mod audit;
pub mod boundaries;
pub mod calendar;
pub mod content;
pub mod departments;
pub mod feedback;
pub mod feedback_intake;
pub mod feedback_published;
pub mod feedback_staff;
pub mod feedback_statistics;
pub mod feedback_thread;
pub mod feedback_workflow;
pub mod idempotency;
pub mod legal_documents;
pub mod login_throttle;
pub mod open311;
pub mod organization;
pub mod outbox;
pub mod pages;
pub mod planning;
pub mod procedures;
pub mod published;
pub mod request_throttle;
pub mod schedule;
pub mod search;
pub mod sessions;
pub mod spokesperson;
pub mod units;
pub mod uploads;
