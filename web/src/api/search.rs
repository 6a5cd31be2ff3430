//! Public search over what is published.

use gloo_net::http::Request;
use openapi::search::SearchResults;

use super::ApiError;
use super::client::{encode_component, fetch_json, request};

/// `GET /api/v1/search?q=&unit=`: best matches first; `unit` narrows to that unit
/// (for a district: and its wards).
pub async fn run(query: &str, unit: &str) -> Result<SearchResults, ApiError> {
    let url = format!(
        "/api/v1/search?q={}&unit={}",
        encode_component(query),
        encode_component(unit)
    );
    fetch_json(request(Request::get(&url)).build()).await
}
