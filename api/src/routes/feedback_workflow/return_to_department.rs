use actix_web::{post, web};
use openapi::Problem;
use openapi::feedback_workflow::{ReturnRequest, StaffFeedback};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::feedback_workflow;
use crate::state::AppState;

/// Sends the draft reply back to the department with the reason.
#[utoipa::path(
    tag = "feedback",
    operation_id = "return_feedback_to_department",
    security(("bearer" = ["reviewer"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code")),
    request_body = ReturnRequest,
    responses(
        (status = 200, description = "The feedback after the action", body = StaffFeedback),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Without the role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No draft reply waiting for review (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/feedback/{code}/return")]
pub async fn return_to_department(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Json<ReturnRequest>,
) -> Result<web::Json<StaffFeedback>, ApiError> {
    let (slug, code) = path.into_inner();
    let scoped = super::scoped(&state, &user, &slug, &code, &super::REVIEWERS).await?;
    let reason = body.parse().map_err(ApiError::Validation)?;
    feedback_workflow::return_to_department(&state.db, &scoped.record, scoped.actor, reason)
        .await?;
    super::view_after(&state, &scoped).await
}
