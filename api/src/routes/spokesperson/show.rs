use actix_web::{get, web};
use openapi::Problem;
use openapi::spokesperson::SpokespersonRecord;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{spokesperson, units};
use crate::state::AppState;

/// Who speaks for the unit today, and every spokesperson it has published.
#[utoipa::path(
    tag = "ward information",
    operation_id = "show_spokesperson",
    params(("unit" = String, Path, description = "The unit's slug"), NoQuery),
    responses(
        (status = 200, description = "The current spokesperson (if any) and the history", body = SpokespersonRecord),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/spokesperson")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<SpokespersonRecord>, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    Ok(web::Json(spokesperson::record(&state.db, &unit).await?))
}
