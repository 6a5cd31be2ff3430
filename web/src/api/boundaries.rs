//! A unit's boundary: `GET /api/v1/units/{unit}/boundary` (public) and `PUT` (the
//! unit's admins).

use gloo_net::http::Request;
use openapi::ErrorCode;
use openapi::boundaries::BoundaryUpload;
use serde_json::Value;

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};

fn boundary_url(unit: &str) -> String {
    format!("/api/v1/units/{}/boundary", encode_component(unit))
}

/// The stored boundary as a GeoJSON Feature; `None` while the unit has none.
pub async fn show(unit: &str) -> Result<Option<Value>, ApiError> {
    match fetch_json(request(Request::get(&boundary_url(unit))).build()).await {
        Ok(feature) => Ok(Some(feature)),
        Err(error) if error.code() == Some(ErrorCode::NotFound) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Replaces the boundary; answers the stored Feature.
pub async fn update(token: &str, unit: &str, body: &BoundaryUpload) -> Result<Value, ApiError> {
    fetch_json(with_bearer(request(Request::put(&boundary_url(unit))), token).json(body)).await
}
