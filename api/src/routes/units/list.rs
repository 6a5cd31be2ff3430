use actix_web::{get, web};
use openapi::Problem;
use openapi::units::UnitNode;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::units;
use crate::state::AppState;

/// The unit tree: every unit with its children, roots first.
#[utoipa::path(
    operation_id = "list_units",
    tag = "units",
    params(NoQuery),
    responses(
        (status = 200, description = "Roots of the unit tree, each with its children", body = Vec<UnitNode>),
        (status = 400, description = "Unknown query parameter", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units")]
pub async fn list(
    state: web::Data<AppState>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<UnitNode>>, ApiError> {
    Ok(web::Json(units::tree(&state.db).await?))
}
