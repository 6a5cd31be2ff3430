//! The ward's procedure catalog: `GET /api/v1/units/{unit}/procedures`, one procedure,
//! the appointment date it would give, and a ward admin's edit.

use gloo_net::http::Request;
use openapi::procedures::{Appointment, Procedure, ProcedureDefinition, ProcedureList};

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};
use super::query::push_param;

fn procedures_url(unit: &str) -> String {
    format!("/api/v1/units/{}/procedures", encode_component(unit))
}

fn procedure_url(unit: &str, code: &str) -> String {
    format!("{}/{}", procedures_url(unit), encode_component(code))
}

fn list_url(unit: &str, query: Option<&str>, field: Option<&str>) -> String {
    let mut url = procedures_url(unit);
    push_param(&mut url, "q", query);
    push_param(&mut url, "field", field);
    url
}

fn appointment_url(unit: &str, code: &str, accepted_at: &str) -> String {
    let mut url = format!("{}/appointment", procedure_url(unit, code));
    push_param(&mut url, "accepted_at", Some(accepted_at));
    url
}

/// `GET /api/v1/units/{unit}/procedures?q=&field=`: `q` is matched without
/// diacritics; a district answers 404 (its wards have the catalogs).
pub async fn list(
    unit: &str,
    query: Option<&str>,
    field: Option<&str>,
) -> Result<ProcedureList, ApiError> {
    fetch_json(request(Request::get(&list_url(unit, query, field))).build()).await
}

/// `GET /api/v1/units/{unit}/procedures/{code}`: the current version.
pub async fn get(unit: &str, code: &str) -> Result<Procedure, ApiError> {
    fetch_json(request(Request::get(&procedure_url(unit, code))).build()).await
}

/// `GET …/procedures/{code}/appointment?accepted_at=` (RFC 3339): 422
/// `calendar_not_confirmed` when the date would fall in an unconfirmed year.
pub async fn appointment(
    unit: &str,
    code: &str,
    accepted_at: &str,
) -> Result<Appointment, ApiError> {
    fetch_json(request(Request::get(&appointment_url(unit, code, accepted_at))).build()).await
}

/// `PUT /api/v1/units/{unit}/procedures/{code}` (ward admins): answers the new version.
pub async fn update(
    token: &str,
    unit: &str,
    definition: &ProcedureDefinition,
) -> Result<Procedure, ApiError> {
    let url = procedure_url(unit, &definition.code);
    fetch_json(with_bearer(request(Request::put(&url)), token).json(definition)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_sends_only_the_filters_it_has() {
        assert_eq!(
            list_url("phuong-1", None, None),
            "/api/v1/units/phuong-1/procedures"
        );
        assert_eq!(
            list_url("phuong-1", Some("khai sinh"), Some("Hộ tịch")),
            "/api/v1/units/phuong-1/procedures?q=khai%20sinh&field=H%E1%BB%99%20t%E1%BB%8Bch"
        );
    }

    #[test]
    fn the_acceptance_time_keeps_its_plus_sign() {
        assert_eq!(
            appointment_url("phuong-1", "HT-XNHN", "2026-02-13T09:00:00+07:00"),
            "/api/v1/units/phuong-1/procedures/HT-XNHN/appointment?accepted_at=2026-02-13T09%3A00%3A00%2B07%3A00"
        );
    }
}
