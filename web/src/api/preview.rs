//! `POST /api/v1/content/preview`: the server renders an editor's Markdown exactly as
//! it will publish it (sanitized), so the preview shows what readers will see.

use gloo_net::http::Request;
use openapi::content::{Preview, PreviewRequest};

use super::ApiError;
use super::client::{fetch_json, request, with_bearer};

/// The sanitized HTML of `body` (Markdown).
pub async fn render(token: &str, body: &str) -> Result<String, ApiError> {
    let builder = with_bearer(request(Request::post("/api/v1/content/preview")), token);
    let request = PreviewRequest {
        body: body.to_owned(),
    };
    let response: Preview = fetch_json(builder.json(&request)).await?;
    Ok(response.html)
}
