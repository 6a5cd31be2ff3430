//! Ward information as the public reads it: organization, spokesperson, weekly
//! schedule, boundary (GeoJSON) and planning documents.

use gloo_net::http::Request;
use openapi::organization::Organization;
use openapi::planning::PlanningDocument;
use openapi::schedule::{PublishedWeek, Week};
use openapi::spokesperson::SpokespersonRecord;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::ApiError;
use super::client::{encode_component, fetch_json, request};

/// `GET /api/v1/units/{unit}/organization`; `None` while none is published.
pub async fn organization(unit: &str) -> Result<Option<Organization>, ApiError> {
    optional(&unit_url(unit, "organization")).await
}

/// `GET /api/v1/units/{unit}/spokesperson`: the current one (if any) and the history.
pub async fn spokesperson(unit: &str) -> Result<SpokespersonRecord, ApiError> {
    fetch_json(request(Request::get(&unit_url(unit, "spokesperson"))).build()).await
}

/// `GET /api/v1/units/{unit}/schedule?week=`: that week, or this week in Vietnam.
pub async fn schedule(unit: &str, week: Option<Week>) -> Result<PublishedWeek, ApiError> {
    fetch_json(request(Request::get(&schedule_url(unit, week, "schedule"))).build()).await
}

/// The address of the week's iCalendar file, for a download link.
pub fn schedule_ics_url(unit: &str, week: Week) -> String {
    schedule_url(unit, Some(week), "schedule.ics")
}

/// `GET /api/v1/units/{unit}/boundary`: a ward's Feature or a district's
/// FeatureCollection; `None` when the ward has none.
pub async fn boundary(unit: &str) -> Result<Option<Value>, ApiError> {
    optional(&unit_url(unit, "boundary")).await
}

/// `GET /api/v1/units/{unit}/planning`: the published planning documents.
pub async fn planning(unit: &str) -> Result<Vec<PlanningDocument>, ApiError> {
    fetch_json(request(Request::get(&unit_url(unit, "planning"))).build()).await
}

async fn optional<T: DeserializeOwned>(url: &str) -> Result<Option<T>, ApiError> {
    match fetch_json(request(Request::get(url)).build()).await {
        Err(ApiError::Problem(problem)) if problem.status == 404 => Ok(None),
        other => other.map(Some),
    }
}

fn unit_url(unit: &str, resource: &str) -> String {
    format!("/api/v1/units/{}/{resource}", encode_component(unit))
}

fn schedule_url(unit: &str, week: Option<Week>, resource: &str) -> String {
    let url = unit_url(unit, resource);
    match week {
        Some(week) => format!("{url}?week={week}"),
        None => url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_week_is_asked_for_by_its_iso_name() {
        let week = Week::parse("2026-W49");
        assert_eq!(
            schedule_url("phuong-1", week, "schedule"),
            "/api/v1/units/phuong-1/schedule?week=2026-W49"
        );
        assert_eq!(
            schedule_url("phuong-1", None, "schedule"),
            "/api/v1/units/phuong-1/schedule"
        );
        assert_eq!(
            schedule_ics_url("phuong-1", Week::parse("2026-W01").unwrap()),
            "/api/v1/units/phuong-1/schedule.ics?week=2026-W01"
        );
    }
}
