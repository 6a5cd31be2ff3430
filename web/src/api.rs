//! The JSON API client: one function per endpoint, each answering `Result<T, ApiError>`.

pub mod announcements;
pub mod api_keys;
pub mod articles;
pub mod attachments;
pub mod auth;
pub mod boundaries;
pub mod calendar;
mod client;
pub mod content;
pub mod departments;
pub mod documents;
pub mod dossier_actions;
pub mod dossier_drafts;
pub mod dossier_inbox;
pub mod dossier_statistics;
pub mod dossiers;
pub mod dossiers_staff;
pub mod downloads;
mod error;
pub mod feedback;
pub mod feedback_staff;
pub mod me;
pub mod pages;
pub mod preview;
pub mod procedures;
mod query;
pub mod search;
pub mod site;
pub mod staff;
pub mod uploads;
pub mod ward_info;

pub use client::encode_component;
pub use error::ApiError;
