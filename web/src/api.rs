//! The JSON API client: one function per endpoint, each answering `Result<T, ApiError>`.

pub mod articles;
pub mod auth;
mod client;
mod error;
pub mod me;
pub mod site;

pub use client::encode_component;
pub use error::ApiError;
