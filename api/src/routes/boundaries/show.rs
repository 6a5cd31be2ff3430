use actix_web::{HttpResponse, get, web};
use openapi::Problem;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{boundaries, units};
use crate::state::AppState;

/// The unit's boundary as a GeoJSON Feature (properties: `slug`, `name`,
/// `illustrative`, `office` as `[longitude, latitude]`). For a district, a
/// FeatureCollection of its wards' boundaries.
#[utoipa::path(
    tag = "units",
    operation_id = "show_boundary",
    params(("unit" = String, Path, description = "The unit's slug"), NoQuery),
    responses(
        (status = 200, description = "GeoJSON Feature or FeatureCollection", body = Object, content_type = "application/geo+json"),
        (status = 404, description = "No such unit, or a ward without a boundary yet", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/boundary")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    let geojson = boundaries::show(&state.db, &unit).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/geo+json")
        .body(geojson.to_string()))
}
