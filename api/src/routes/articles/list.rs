use actix_web::{get, web};
use openapi::Problem;
use openapi::content::ArticlePage;
use serde::Deserialize;

use crate::error::ApiError;
use crate::routes::page_limit;
use crate::services::articles::{self, Cursor};
use crate::services::units;
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ArticleQuery {
    /// Only this category, e.g. `tin-tuc` or `hoat-dong`.
    pub category: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    pub limit: Option<u64>,
}

/// Published articles, newest first. For a district, its own and all its wards'
/// articles, each naming its unit.
#[utoipa::path(
    tag = "articles",
    operation_id = "list_articles",
    params(("unit" = String, Path, description = "The unit's slug"), ArticleQuery),
    responses(
        (status = 200, description = "One page of articles", body = ArticlePage),
        (status = 400, description = "Unknown parameter, bad cursor or limit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/articles")]
pub async fn list(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<ArticleQuery>,
) -> Result<web::Json<ArticlePage>, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    let cursor = query.cursor.as_deref().map(Cursor::decode).transpose()?;
    let limit = page_limit(query.limit)? as u64;
    Ok(web::Json(
        articles::list(&state.db, &unit, query.category.as_deref(), cursor, limit).await?,
    ))
}
