use actix_web::{post, web};
use openapi::Problem;
use openapi::calendar::{CalendarYear, editable_year};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::routes::calendar::require_calendar_admin;
use crate::services::calendar_admin;
use crate::state::AppState;

/// Confirms the year as it stands: every proposed day becomes confirmed, and from
/// now on deadlines may fall in the year. Confirming again changes nothing.
#[utoipa::path(
    tag = "calendar",
    operation_id = "confirm_calendar_year",
    security(("bearer" = ["district_admin"])),
    params(("year" = i32, Path, description = "e.g. 2028"), NoQuery),
    responses(
        (status = 200, description = "The confirmed year", body = CalendarYear),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a district admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not a year", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A year outside 2000-2199 (`year`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/calendar/{year}/confirm")]
pub async fn confirm(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<CalendarYear>, ApiError> {
    let admin = require_calendar_admin(&user)?;
    let year = editable_year(path.into_inner()).map_err(ApiError::invalid)?;
    Ok(web::Json(
        calendar_admin::confirm(&state.db, admin, year).await?,
    ))
}
