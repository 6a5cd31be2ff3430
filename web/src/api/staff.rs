//! A unit's staff: `GET /api/v1/units/{unit}/staff` (the unit's admins).

use gloo_net::http::Request;
use openapi::auth::StaffMember;

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};

/// Every account holding a role in the unit, with the roles it holds there.
pub async fn list(token: &str, unit: &str) -> Result<Vec<StaffMember>, ApiError> {
    let url = format!("/api/v1/units/{}/staff", encode_component(unit));
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}
