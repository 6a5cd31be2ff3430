use actix_web::{get, web};
use openapi::Problem;
use openapi::feedback_workflow::PublishedFeedbackPage;
use serde::Deserialize;

use crate::error::ApiError;
use crate::routes::page_limit;
use crate::services::page_cursor::{TimeCursor, TimeList};
use crate::services::{feedback_published, units};
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PublishedFeedbackQuery {
    /// Words that must all appear in the title, text or reply; case and diacritics
    /// do not matter.
    pub q: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    pub limit: Option<u64>,
}

/// The feedback the ward answered and published, newest first; for a district,
/// its wards' feedback, each naming its ward. Nothing personal appears.
#[utoipa::path(
    tag = "feedback",
    operation_id = "list_published_feedback",
    params(("unit" = String, Path, description = "The unit's slug"), PublishedFeedbackQuery),
    responses(
        (status = 200, description = "One page of published feedback", body = PublishedFeedbackPage),
        (status = 400, description = "Unknown parameter, bad cursor or limit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/feedback")]
pub async fn list(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<PublishedFeedbackQuery>,
) -> Result<web::Json<PublishedFeedbackPage>, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    let cursor = query
        .cursor
        .as_deref()
        .map(|cursor| TimeCursor::decode(cursor, TimeList::Feedback))
        .transpose()?;
    let limit = page_limit(query.limit)? as u64;
    Ok(web::Json(
        feedback_published::list(&state.db, &unit, query.q.as_deref(), cursor, limit).await?,
    ))
}
