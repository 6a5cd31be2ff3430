use actix_web::{get, web};
use chrono::{Datelike, Months, NaiveDate};
use openapi::Problem;
use openapi::feedback_statistics::{FeedbackStatistics, MAX_MONTHS, parse_month};
use serde::Deserialize;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::local_time;
use crate::routes::feedback_messages::FEEDBACK_STAFF;
use crate::services::{feedback_statistics, units};
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct StatisticsQuery {
    /// First month, `YYYY-MM`; default: eleven months before `to`.
    pub from: Option<String>,
    /// Last month, `YYYY-MM`; default: the current month.
    pub to: Option<String>,
}

fn month(name: &str, value: Option<&str>, default: NaiveDate) -> Result<NaiveDate, ApiError> {
    match value {
        None => Ok(default),
        Some(value) => parse_month(value)
            .ok_or_else(|| ApiError::InvalidQuery(format!("{name} phải có dạng YYYY-MM"))),
    }
}

/// Per month: feedback received, answered (reply approved or published), rejected,
/// and overdue (not answered by its due date). For a district, each ward side by
/// side and the total.
#[utoipa::path(
    tag = "feedback",
    operation_id = "feedback_statistics",
    security(("bearer" = ["web_officer", "reviewer", "ward_admin", "department_officer", "district_admin"])),
    params(("unit" = String, Path, description = "The ward's or the district's slug"), StatisticsQuery),
    responses(
        (status = 200, description = "The months of the period", body = FeedbackStatistics),
        (status = 400, description = "A month not `YYYY-MM`, `from` after `to`, more than 60 months, or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No feedback role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or none the caller works in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/feedback/statistics")]
pub async fn monthly(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<StatisticsQuery>,
) -> Result<web::Json<FeedbackStatistics>, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &FEEDBACK_STAFF, &scope)?;
    let today = local_time::today();
    let this_month = today.with_day(1).unwrap_or(today);
    let to = month("to", query.to.as_deref(), this_month)?;
    let a_year_before = to.checked_sub_months(Months::new(11)).unwrap_or(to);
    let from = month("from", query.from.as_deref(), a_year_before)?;
    let span = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32 + 1;
    if span < 1 || span as usize > MAX_MONTHS {
        return Err(ApiError::InvalidQuery(format!(
            "from phải trước hoặc bằng to, tối đa {MAX_MONTHS} tháng"
        )));
    }
    Ok(web::Json(
        feedback_statistics::monthly(&state.db, &unit, from, to, today).await?,
    ))
}
