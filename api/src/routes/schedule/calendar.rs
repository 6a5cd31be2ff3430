use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, get, web};
use openapi::Problem;

use super::WeekQuery;
use crate::error::ApiError;
use crate::services::{schedule, units};
use crate::state::AppState;

/// The week's published schedule as an iCalendar file for calendar applications;
/// cancelled entries are marked cancelled.
#[utoipa::path(
    tag = "ward information",
    operation_id = "schedule_calendar",
    params(("unit" = String, Path, description = "The unit's slug"), WeekQuery),
    responses(
        (status = 200, description = "RFC 5545 calendar", body = String, content_type = "text/calendar"),
        (status = 400, description = "Not an ISO week, or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/schedule.ics")]
pub async fn calendar(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<WeekQuery>,
) -> Result<HttpResponse, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    let week = schedule::week(&state.db, &unit, query.week()?).await?;
    let filename = format!("lich-cong-tac-{}-{}.ics", unit.slug, week.week);
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(filename)],
        })
        .body(schedule::ics(&week)))
}
