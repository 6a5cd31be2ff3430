use actix_web::{get, web};
use openapi::Problem;
use openapi::content::PublishedPage;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{pages, units};
use crate::state::AppState;

/// One published page of a unit: the live revision, never a draft under review.
#[utoipa::path(
    tag = "articles",
    operation_id = "show_page",
    params(("unit" = String, Path, description = "The unit's slug"), ("slug" = String, Path, description = "The page's slug, e.g. `gioi-thieu`"), NoQuery),
    responses(
        (status = 200, description = "The page", body = PublishedPage),
        (status = 404, description = "No such unit, or no published page with this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/pages/{slug}")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<PublishedPage>, ApiError> {
    let (unit_slug, slug) = path.into_inner();
    let unit = units::by_slug(&state.db, &unit_slug).await?;
    Ok(web::Json(pages::show(&state.db, &unit, &slug).await?))
}
