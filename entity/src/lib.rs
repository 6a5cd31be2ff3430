//! sea-orm entities, one file per table. Only the `api` crate uses them, and it
//! never sends them to clients: wire types live in the `openapi` crate.

pub mod account;
pub mod api_key;
pub mod attachment;
pub mod audit_event;
pub mod calendar_day;
pub mod calendar_year;
pub mod client_request;
pub mod content_item;
pub mod content_revision;
pub mod content_transition;
pub mod department;
pub mod department_member;
pub mod dossier;
pub mod dossier_draft;
pub mod dossier_event;
pub mod dossier_file;
pub mod dossier_sequence;
pub mod feedback;
pub mod feedback_category;
pub mod feedback_event;
pub mod feedback_message;
pub mod feedback_photo;
pub mod idempotency_record;
pub mod login_failure;
pub mod outbox_message;
pub mod procedure;
pub mod procedure_version;
pub mod refresh_token;
pub mod role_assignment;
pub mod unit;
pub mod unit_boundary;
pub mod unit_lineage;
pub mod upload;
