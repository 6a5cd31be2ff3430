use actix_web::{put, web};
use openapi::Problem;
use openapi::calendar::{CalendarDayChange, CalendarYear};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::routes::calendar::require_calendar_admin;
use crate::services::calendar_admin;
use crate::state::AppState;

/// Adds or changes one day as the government published it: a day off, or a
/// Saturday or Sunday declared a working day. The day is confirmed at once. A
/// confirmed year may change too (the government moves days); the audit trail
/// records it.
#[utoipa::path(
    tag = "calendar",
    operation_id = "set_calendar_day",
    security(("bearer" = ["district_admin"])),
    params(
        ("year" = i32, Path, description = "e.g. 2028"),
        ("date" = String, Path, description = "A day of that year, `YYYY-MM-DD`"),
        NoQuery,
    ),
    request_body = CalendarDayChange,
    responses(
        (status = 200, description = "The year with the day", body = CalendarYear),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a district admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not a year", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A date outside the year (`date`), a weekday declared a working day (`kind`), no name (`name`), a year outside 2000-2199 (`year`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/calendar/{year}/days/{date}")]
pub async fn set_day(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(i32, String)>,
    _: web::Query<NoQuery>,
    body: web::Json<CalendarDayChange>,
) -> Result<web::Json<CalendarYear>, ApiError> {
    let admin = require_calendar_admin(&user)?;
    let (year, date) = path.into_inner();
    let change = body.parse(year, &date).map_err(ApiError::Validation)?;
    Ok(web::Json(
        calendar_admin::set_day(&state.db, admin, change).await?,
    ))
}
