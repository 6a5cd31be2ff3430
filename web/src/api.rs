//! The JSON API client: one function per endpoint, each answering `Result<T, ApiError>`.

pub mod articles;
pub mod attachments;
pub mod auth;
mod client;
pub mod content;
mod error;
pub mod me;
pub mod preview;
pub mod search;
pub mod site;

pub use client::encode_component;
pub use error::ApiError;
