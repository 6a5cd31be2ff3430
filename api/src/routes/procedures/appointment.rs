use actix_web::{get, web};
use chrono::DateTime;
use openapi::Problem;
use openapi::procedures::Appointment;
use serde::Deserialize;

use crate::error::ApiError;
use crate::services::{procedures, units};
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AppointmentQuery {
    /// When the dossier would be accepted, RFC 3339 with its offset, e.g.
    /// `2026-02-13T09:00:00+07:00`.
    pub accepted_at: Option<String>,
}

/// The appointment date (ngày hẹn trả kết quả) a dossier of this procedure would
/// get if accepted at `accepted_at`: working days in Vietnam time from the day
/// after acceptance, skipping weekends and holidays, counting declared working
/// Saturdays; accepted at or after 15:00 counts from the next working day. The same
/// calculator the officer's acceptance uses. A date in a year whose calendar an
/// administrator has not confirmed is refused, never guessed.
#[utoipa::path(
    tag = "procedures",
    operation_id = "procedure_appointment",
    params(
        ("unit" = String, Path, description = "The ward's slug"),
        ("code" = String, Path, description = "The procedure's code, e.g. `HT-KS`"),
        AppointmentQuery,
    ),
    responses(
        (status = 200, description = "The appointment date and what it counts from", body = Appointment),
        (status = 400, description = "`accepted_at` missing or not RFC 3339 (`invalid_query`), or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ward, or no such procedure in it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The date would fall in a year whose calendar is not confirmed (`calendar_not_confirmed`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/procedures/{code}/appointment")]
pub async fn appointment(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<AppointmentQuery>,
) -> Result<web::Json<Appointment>, ApiError> {
    let accepted_at = query
        .accepted_at
        .as_deref()
        .and_then(|text| DateTime::parse_from_rfc3339(text.trim()).ok())
        .ok_or_else(|| {
            ApiError::InvalidQuery(
                "accepted_at phải là một thời điểm RFC 3339, ví dụ 2026-02-13T09:00:00+07:00"
                    .to_owned(),
            )
        })?;
    let (slug, code) = path.into_inner();
    let unit = procedures::with_catalog(units::by_slug(&state.db, &slug).await?)?;
    Ok(web::Json(
        procedures::appointment(&state.db, &unit, &code, accepted_at).await?,
    ))
}
