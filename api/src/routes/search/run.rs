use actix_web::{get, web};
use openapi::Problem;
use openapi::search::SearchResults;
use serde::Deserialize;

use crate::error::ApiError;
use crate::services::search;
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    /// The words to find, with or without diacritics, e.g. `thu tuc khai sinh`.
    pub q: String,
    /// Only this unit (for a district: and its wards).
    pub unit: Option<String>,
    /// At most this many hits, 1 to 50 (default 20).
    pub limit: Option<usize>,
}

/// Searches published content, insensitive to case and Vietnamese diacritics,
/// best matches first, each with a highlighted snippet.
#[utoipa::path(
    tag = "search",
    operation_id = "search",
    params(SearchQuery),
    responses(
        (status = 200, description = "Hits, best first", body = SearchResults),
        (status = 400, description = "Missing `q` or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`q` has no word to search for", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/search")]
pub async fn run(
    state: web::Data<AppState>,
    query: web::Query<SearchQuery>,
) -> Result<web::Json<SearchResults>, ApiError> {
    let limit = query.limit.unwrap_or(20);
    if !(1..=search::MAX_HITS).contains(&limit) {
        return Err(ApiError::InvalidQuery("limit phải từ 1 đến 50".to_owned()));
    }
    Ok(web::Json(
        search::search(&state.db, &query.q, query.unit.as_deref(), limit).await?,
    ))
}
