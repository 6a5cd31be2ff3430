use actix_web::{get, web};
use openapi::Problem;
use openapi::content::Announcement;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{announcements, units};
use crate::state::AppState;

/// One published announcement, also after it has expired.
#[utoipa::path(
    tag = "articles",
    operation_id = "show_announcement",
    params(("unit" = String, Path, description = "The unit's slug"), ("slug" = String, Path, description = "The announcement's slug"), NoQuery),
    responses(
        (status = 200, description = "The announcement", body = Announcement),
        (status = 404, description = "No such unit, or no published announcement with this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/announcements/{slug}")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Announcement>, ApiError> {
    let (unit_slug, slug) = path.into_inner();
    let unit = units::by_slug(&state.db, &unit_slug).await?;
    Ok(web::Json(
        announcements::show(&state.db, &unit, &slug).await?,
    ))
}
