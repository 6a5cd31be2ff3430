use gloo_net::http::Request;
use openapi::units::Site;

use super::ApiError;
use super::client::{fetch_json, request};

/// `GET /api/v1/site`: the unit whose site this host name is (the server reads `Host`).
pub async fn get() -> Result<Site, ApiError> {
    fetch_json(request(Request::get("/api/v1/site")).build()).await
}
