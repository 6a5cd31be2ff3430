use actix_web::{get, web};
use openapi::Problem;
use openapi::calendar::CalendarYear;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::calendar;
use crate::state::AppState;

/// The year's holidays and declared working days, and whether an administrator has
/// confirmed the year (deadlines are never counted in an unconfirmed year).
#[utoipa::path(
    tag = "calendar",
    operation_id = "show_calendar_year",
    params(("year" = i32, Path, description = "e.g. 2026"), NoQuery),
    responses(
        (status = 200, description = "The year's calendar", body = CalendarYear),
        (status = 404, description = "Not a year", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/calendar/{year}")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<i32>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<CalendarYear>, ApiError> {
    Ok(web::Json(
        calendar::year(&state.db, path.into_inner()).await?,
    ))
}
