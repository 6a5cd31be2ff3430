use actix_web::{get, web};
use openapi::Problem;
use openapi::units::UnitDetail;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::units;
use crate::state::AppState;

/// One unit with its ancestors, children and lineage.
#[utoipa::path(
    operation_id = "show_unit",
    tag = "units",
    params(("unit" = String, Path, description = "The unit's slug, e.g. `phuong-1`"), NoQuery),
    responses(
        (status = 200, description = "The unit", body = UnitDetail),
        (status = 400, description = "Unknown query parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No unit with this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<UnitDetail>, ApiError> {
    Ok(web::Json(
        units::detail(&state.db, &path.into_inner()).await?,
    ))
}
