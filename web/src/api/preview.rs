//! `POST /api/v1/content/preview`: the server renders an editor's Markdown exactly as
//! it will publish it (sanitized), so the preview shows what readers will see.

use gloo_net::http::Request;
use serde::{Deserialize, Serialize};

use super::ApiError;
use super::client::{fetch_json, request, with_bearer};

// The contract crate does not carry these two yet (the endpoint is being added);
// once it does, these give way to its types.
#[derive(Serialize)]
struct PreviewRequest<'a> {
    body: &'a str,
}

#[derive(Deserialize)]
struct PreviewResponse {
    html: String,
}

/// The sanitized HTML of `body` (Markdown).
pub async fn render(token: &str, body: &str) -> Result<String, ApiError> {
    let builder = with_bearer(request(Request::post("/api/v1/content/preview")), token);
    let response: PreviewResponse = fetch_json(builder.json(&PreviewRequest { body })).await?;
    Ok(response.html)
}
