use gloo_net::http::Request;
use openapi::auth::Me;

use super::ApiError;
use super::client::{fetch_json, request, with_bearer};

/// `GET /api/v1/me`: the signed-in account and its roles.
pub async fn get(token: &str) -> Result<Me, ApiError> {
    fetch_json(with_bearer(request(Request::get("/api/v1/me")), token).build()).await
}
