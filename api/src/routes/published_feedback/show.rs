use actix_web::{get, web};
use openapi::Problem;
use openapi::feedback_workflow::PublishedFeedback;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{feedback_published, units};
use crate::state::AppState;

/// One published feedback: the texts as approved (redacted) and the reply.
#[utoipa::path(
    tag = "feedback",
    operation_id = "show_published_feedback",
    params(("unit" = String, Path, description = "The unit's slug"), ("code" = String, Path, description = "The tracking code"), NoQuery),
    responses(
        (status = 200, description = "The feedback", body = PublishedFeedback),
        (status = 404, description = "No such unit, or no feedback of it published with this code", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/feedback/{code}")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<PublishedFeedback>, ApiError> {
    let (slug, code) = path.into_inner();
    let unit = units::by_slug(&state.db, &slug).await?;
    Ok(web::Json(
        feedback_published::show(&state.db, &unit, &code).await?,
    ))
}
