//! A unit's API keys for third parties (Open311): `GET`/`POST
//! /api/v1/units/{unit}/api-keys` and `DELETE …/api-keys/{id}` (the unit's admins).

use gloo_net::http::Request;
use openapi::api_keys::{ApiKey, IssuedApiKey, NewApiKey};

use super::ApiError;
use super::client::{encode_component, fetch_empty, fetch_json, request, with_bearer};

fn keys_url(unit: &str) -> String {
    format!("/api/v1/units/{}/api-keys", encode_component(unit))
}

/// Every key of the unit, revoked ones included; never the keys themselves.
pub async fn list(token: &str, unit: &str) -> Result<Vec<ApiKey>, ApiError> {
    fetch_json(with_bearer(request(Request::get(&keys_url(unit))), token).build()).await
}

/// Makes a key (201); the answer holds the whole key, this once.
pub async fn create(token: &str, unit: &str, body: &NewApiKey) -> Result<IssuedApiKey, ApiError> {
    fetch_json(with_bearer(request(Request::post(&keys_url(unit))), token).json(body)).await
}

/// Revokes a key (204): requests with it are refused from now on.
pub async fn revoke(token: &str, unit: &str, id: i64) -> Result<(), ApiError> {
    let url = format!("{}/{id}", keys_url(unit));
    fetch_empty(with_bearer(request(Request::delete(&url)), token).build()).await
}
