use actix_web::{get, web};
use openapi::Problem;
use openapi::planning::PlanningDocument;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{planning, units};
use crate::state::AppState;

/// Published planning documents with their zones (GeoJSON), newest issue date
/// first. For a district, its own and its wards'.
#[utoipa::path(
    tag = "ward information",
    operation_id = "list_planning",
    params(("unit" = String, Path, description = "The unit's slug"), NoQuery),
    responses(
        (status = 200, description = "The planning documents", body = Vec<PlanningDocument>),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/planning")]
pub async fn list(
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<PlanningDocument>>, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    Ok(web::Json(planning::list(&state.db, &unit).await?))
}
