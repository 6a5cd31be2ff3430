use actix_web::{get, web};
use openapi::Problem;
use openapi::content::AnnouncementPage;
use serde::Deserialize;

use crate::error::ApiError;
use crate::routes::page_limit;
use crate::services::published::OffsetCursor;
use crate::services::{announcements, units};
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AnnouncementQuery {
    /// Also list announcements whose expiry has passed (default: only current ones).
    #[serde(default)]
    pub include_expired: bool,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    pub limit: Option<u64>,
}

/// Published announcements, newest first, current ones only unless asked. For a
/// district, its own and all its wards', each naming its unit.
#[utoipa::path(
    tag = "articles",
    operation_id = "list_announcements",
    params(("unit" = String, Path, description = "The unit's slug"), AnnouncementQuery),
    responses(
        (status = 200, description = "One page of announcements", body = AnnouncementPage),
        (status = 400, description = "Unknown parameter, bad cursor or limit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/announcements")]
pub async fn list(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<AnnouncementQuery>,
) -> Result<web::Json<AnnouncementPage>, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    let cursor = query
        .cursor
        .as_deref()
        .map(OffsetCursor::decode)
        .transpose()?;
    let limit = page_limit(query.limit)?;
    Ok(web::Json(
        announcements::list(&state.db, &unit, query.include_expired, cursor, limit).await?,
    ))
}
