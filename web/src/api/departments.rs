//! A department's members: `PUT`/`DELETE
//! /api/v1/units/{unit}/departments/{department}/members/{account_id}` (ward admins).
//! The list itself is [`super::feedback_staff::departments`].

use gloo_net::http::Request;
use openapi::feedback_workflow::Department;

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};

fn departments_url(unit: &str) -> String {
    format!("/api/v1/units/{}/departments", encode_component(unit))
}

fn member_url(unit: &str, department: &str, account_id: i64) -> String {
    format!(
        "{}/{}/members/{account_id}",
        departments_url(unit),
        encode_component(department)
    )
}

/// Makes a department officer a member; answers the department after it.
pub async fn add_member(
    token: &str,
    unit: &str,
    department: &str,
    account_id: i64,
) -> Result<Department, ApiError> {
    let url = member_url(unit, department, account_id);
    fetch_json(with_bearer(request(Request::put(&url)), token).build()).await
}

/// Takes a member out of the department; answers the department after it.
pub async fn remove_member(
    token: &str,
    unit: &str,
    department: &str,
    account_id: i64,
) -> Result<Department, ApiError> {
    let url = member_url(unit, department, account_id);
    fetch_json(with_bearer(request(Request::delete(&url)), token).build()).await
}
