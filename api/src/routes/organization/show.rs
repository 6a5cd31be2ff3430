use actix_web::{get, web};
use openapi::Problem;
use openapi::organization::Organization;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{organization, units};
use crate::state::AppState;

/// The unit's bodies in chart order, each with its functions and members (the
/// public contact directory). Only what a reviewer approved.
#[utoipa::path(
    tag = "ward information",
    operation_id = "show_organization",
    params(("unit" = String, Path, description = "The unit's slug"), NoQuery),
    responses(
        (status = 200, description = "The organization", body = Organization),
        (status = 404, description = "No such unit, or no organization published yet", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/organization")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Organization>, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    Ok(web::Json(organization::show(&state.db, &unit).await?))
}
