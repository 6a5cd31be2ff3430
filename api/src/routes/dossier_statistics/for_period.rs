use actix_web::{get, web};
use chrono::{Months, NaiveDate};
use openapi::Problem;
use openapi::auth::Role;
use openapi::dossier_statistics::{DossierStatistics, MAX_DAYS};
use serde::Deserialize;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::local_time;
use crate::services::{dossier_statistics, units};
use crate::state::AppState;

const DOSSIER_STAFF: [Role; 4] = [
    Role::IntakeOfficer,
    Role::DepartmentOfficer,
    Role::WardAdmin,
    Role::DistrictAdmin,
];

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PeriodQuery {
    /// First day, `YYYY-MM-DD`; default: a year before `to`.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`; default: today (Vietnam).
    pub to: Option<String>,
}

fn day(name: &str, value: Option<&str>, default: NaiveDate) -> Result<NaiveDate, ApiError> {
    match value {
        None => Ok(default),
        Some(value) => NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
            .map_err(|_| ApiError::InvalidQuery(format!("{name} phải có dạng YYYY-MM-DD"))),
    }
}

/// Per ward and procedure for the period: dossiers received, accepted, refused,
/// results returned early / on time / late (against the original appointment date),
/// in progress and overdue now. For a district, each ward side by side.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "dossier_statistics",
    security(("bearer" = ["intake_officer", "department_officer", "ward_admin", "district_admin"])),
    params(("unit" = String, Path, description = "The ward's or the district's slug"), PeriodQuery),
    responses(
        (status = 200, description = "The counts of the period", body = DossierStatistics),
        (status = 400, description = "A day not `YYYY-MM-DD`, `from` after `to`, more than five years, or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No dossier role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or none the caller works in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/dossiers/statistics")]
pub async fn for_period(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<PeriodQuery>,
) -> Result<web::Json<DossierStatistics>, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &DOSSIER_STAFF, &scope)?;
    let today = local_time::today();
    let to = day("to", query.to.as_deref(), today)?;
    let a_year_before = to
        .checked_sub_months(Months::new(12))
        .and_then(|day| day.succ_opt())
        .unwrap_or(to);
    let from = day("from", query.from.as_deref(), a_year_before)?;
    let span = (to - from).num_days();
    if !(0..MAX_DAYS).contains(&span) {
        return Err(ApiError::InvalidQuery(
            "from phải trước hoặc bằng to, tối đa 5 năm".to_owned(),
        ));
    }
    Ok(web::Json(
        dossier_statistics::for_period(&state.db, &unit, from, to, today).await?,
    ))
}
