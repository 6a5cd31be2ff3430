//! The ward's procedure catalog as the dossier console reads it: the form of the
//! version a dossier was filed under (its field labels) and the appointment date an
//! acceptance now would give.
//!
//! The catalog's contract (`openapi::procedures::{Procedure, Appointment}`) is on
//! the `catalog` branch, not merged here yet; these read only the fields they need
//! from its documented answers, and the pages fall back (keys as words, the date
//! after accepting) while the endpoints answer 404. Once merged, decode into the
//! contract's types instead.

use chrono::NaiveDate;
use gloo_net::http::Request;
use openapi::procedures::FormField;
use serde::Deserialize;

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};
use super::query::push_param;

#[derive(Deserialize)]
struct ProcedureVersion {
    definition: Definition,
}

#[derive(Deserialize)]
struct Definition {
    form: Vec<FormField>,
}

/// What an acceptance at a given moment would give.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AppointmentPreview {
    /// The working day the acceptance counts on.
    pub counted_from: NaiveDate,
    /// Ngày hẹn trả kết quả.
    pub due_date: NaiveDate,
}

fn procedure_url(unit: &str, code: &str, rest: &str) -> String {
    format!(
        "/api/v1/units/{}/procedures/{}/{rest}",
        encode_component(unit),
        encode_component(code)
    )
}

/// `GET /api/v1/units/{unit}/procedures/{code}/versions/{version}`: the form's fields.
pub async fn version_form(
    token: &str,
    unit: &str,
    code: &str,
    version: i32,
) -> Result<Vec<FormField>, ApiError> {
    let url = procedure_url(unit, code, &format!("versions/{version}"));
    let procedure: ProcedureVersion =
        fetch_json(with_bearer(request(Request::get(&url)), token).build()).await?;
    Ok(procedure.definition.form)
}

fn appointment_url(unit: &str, code: &str, accepted_at: &str) -> String {
    let mut url = procedure_url(unit, code, "appointment");
    push_param(&mut url, "accepted_at", Some(accepted_at));
    url
}

/// `GET /api/v1/units/{unit}/procedures/{code}/appointment?accepted_at=` (RFC 3339).
pub async fn appointment(
    unit: &str,
    code: &str,
    accepted_at: &str,
) -> Result<AppointmentPreview, ApiError> {
    let url = appointment_url(unit, code, accepted_at);
    fetch_json(request(Request::get(&url)).build()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_and_the_moment_go_in_the_address() {
        assert_eq!(
            procedure_url("phuong-1", "HT-KS", "versions/2"),
            "/api/v1/units/phuong-1/procedures/HT-KS/versions/2"
        );
        assert_eq!(
            appointment_url("phuong-1", "HT-KS", "2026-11-29T08:00:00.000Z"),
            "/api/v1/units/phuong-1/procedures/HT-KS/appointment?accepted_at=2026-11-29T08%3A00%3A00.000Z"
        );
    }

    #[test]
    fn only_the_form_is_read_from_a_procedure() {
        let body = r#"{"definition": {"code": "HT-KS", "form": [
            {"key": "child_name", "label": "Họ tên trẻ", "type": "text", "required": true}
        ]}, "version": 1, "processing_time": "Trong ngày"}"#;
        let procedure: ProcedureVersion = serde_json::from_str(body).unwrap();
        assert_eq!(procedure.definition.form[0].label, "Họ tên trẻ");
    }
}
