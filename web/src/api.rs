//! The JSON API client: one function per endpoint, each answering `Result<T, ApiError>`.

pub mod auth;
mod client;
mod error;
pub mod me;
pub mod site;

pub use error::ApiError;
