use actix_web::{post, web};
use openapi::Problem;
use openapi::calendar::{CalendarYear, editable_year};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::routes::calendar::require_calendar_admin;
use crate::services::calendar_admin;
use crate::state::AppState;

/// Proposes the year's public holidays: the fixed ones and the lunar ones (Tết,
/// Giỗ Tổ Hùng Vương) by the lunar conversion, with a compensating day after each
/// one on a weekend. They are added as `proposed` days beside the days already
/// there, which stay as they are; the year still needs confirming.
#[utoipa::path(
    tag = "calendar",
    operation_id = "propose_calendar_year",
    security(("bearer" = ["district_admin"])),
    params(("year" = i32, Path, description = "e.g. 2028"), NoQuery),
    responses(
        (status = 200, description = "The year with the proposed days", body = CalendarYear),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a district admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not a year", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The year is confirmed already: change its days one by one", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A year outside 2000-2199 (`year`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/calendar/{year}/proposal")]
pub async fn propose(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<CalendarYear>, ApiError> {
    let admin = require_calendar_admin(&user)?;
    let year = editable_year(path.into_inner()).map_err(ApiError::invalid)?;
    Ok(web::Json(
        calendar_admin::propose(&state.db, admin, year).await?,
    ))
}
