use actix_web::{delete, web};
use openapi::Problem;
use openapi::calendar::{CalendarYear, day_of_year, editable_year};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::routes::calendar::require_calendar_admin;
use crate::services::calendar_admin;
use crate::state::AppState;

/// Removes one day: it is a plain weekday or weekend day again. Allowed in a
/// confirmed year too, and recorded in the audit trail.
#[utoipa::path(
    tag = "calendar",
    operation_id = "remove_calendar_day",
    security(("bearer" = ["district_admin"])),
    params(
        ("year" = i32, Path, description = "e.g. 2028"),
        ("date" = String, Path, description = "A day of that year, `YYYY-MM-DD`"),
        NoQuery,
    ),
    responses(
        (status = 200, description = "The year without the day", body = CalendarYear),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a district admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The calendar has no such day", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A date outside the year (`date`) or a year outside 2000-2199 (`year`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/calendar/{year}/days/{date}")]
pub async fn remove_day(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(i32, String)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<CalendarYear>, ApiError> {
    let admin = require_calendar_admin(&user)?;
    let (year, date) = path.into_inner();
    let date = editable_year(year)
        .and_then(|year| day_of_year(year, &date))
        .map_err(ApiError::invalid)?;
    Ok(web::Json(
        calendar_admin::remove_day(&state.db, admin, date).await?,
    ))
}
