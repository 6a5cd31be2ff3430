use actix_web::{get, web};
use openapi::Problem;
use openapi::schedule::PublishedWeek;

use super::WeekQuery;
use crate::error::ApiError;
use crate::services::{schedule, units};
use crate::state::AppState;

/// The week's published schedule in time order; entries changed after the week was
/// first published carry what changed (added, changed fields, cancelled).
#[utoipa::path(
    tag = "ward information",
    operation_id = "show_schedule",
    params(("unit" = String, Path, description = "The unit's slug"), WeekQuery),
    responses(
        (status = 200, description = "The week (no entries when nothing is published for it)", body = PublishedWeek),
        (status = 400, description = "Not an ISO week, or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/schedule")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<WeekQuery>,
) -> Result<web::Json<PublishedWeek>, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    Ok(web::Json(
        schedule::week(&state.db, &unit, query.week()?).await?,
    ))
}
