use actix_web::{get, web};
use openapi::Problem;
use openapi::feedback::FeedbackCategory;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{feedback, units};
use crate::state::AppState;

/// What the ward takes feedback about.
#[utoipa::path(
    tag = "feedback",
    operation_id = "list_feedback_categories",
    params(("unit" = String, Path, description = "The ward's slug"), NoQuery),
    responses(
        (status = 200, description = "The categories, in the ward's order", body = Vec<FeedbackCategory>),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/feedback-categories")]
pub async fn categories(
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<FeedbackCategory>>, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    Ok(web::Json(feedback::categories(&state.db, &unit).await?))
}
