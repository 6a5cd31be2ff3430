//! The public contract of Ward Portal.
//!
//! Every request and response body on the wire, the problem (error) body, and the
//! validated value types that the server and the web app both parse with. Nothing
//! here knows about the database or about HTTP frameworks.

pub mod api_keys;
pub mod attachments;
pub mod auth;
pub mod boundaries;
pub mod calendar;
pub mod content;
pub mod dossier_documents;
pub mod dossier_inbox;
pub mod dossier_statistics;
pub mod dossier_workflow;
pub mod dossiers;
pub mod feedback;
pub mod feedback_statistics;
pub mod feedback_thread;
pub mod feedback_workflow;
pub mod legal_documents;
pub mod open311;
pub mod organization;
pub mod planning;
pub mod problem;
pub mod procedures;
pub mod schedule;
pub mod search;
pub mod spokesperson;
pub mod units;
pub mod uploads;
pub mod values;

pub use problem::{ErrorCode, FieldError, Problem};
