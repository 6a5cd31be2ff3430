use actix_web::{get, web};
use openapi::Problem;
use openapi::content::PublicChange;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{articles, units};
use crate::state::AppState;

/// The public change log of an article: when each revision went public, and who
/// approved it.
#[utoipa::path(
    tag = "articles",
    operation_id = "article_changes",
    params(("unit" = String, Path, description = "The unit's slug"), ("slug" = String, Path, description = "The article's slug"), NoQuery),
    responses(
        (status = 200, description = "Published revisions, newest first", body = Vec<PublicChange>),
        (status = 404, description = "No such unit, or no published article with this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/articles/{slug}/changes")]
pub async fn changes(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<PublicChange>>, ApiError> {
    let (unit_slug, slug) = path.into_inner();
    let unit = units::by_slug(&state.db, &unit_slug).await?;
    Ok(web::Json(articles::changes(&state.db, &unit, &slug).await?))
}
