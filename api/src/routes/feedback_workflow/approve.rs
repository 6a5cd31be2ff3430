use actix_web::{post, web};
use openapi::Problem;
use openapi::feedback_workflow::{ApproveFeedbackRequest, StaffFeedback};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::feedback_workflow;
use crate::state::AppState;

/// Approves the draft reply and fixes the public texts: those given, else the
/// automatic redaction (`GET …/redaction`). Whoever answered never approves.
#[utoipa::path(
    tag = "feedback",
    operation_id = "approve_feedback",
    security(("bearer" = ["reviewer"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code")),
    request_body = ApproveFeedbackRequest,
    responses(
        (status = 200, description = "The feedback after the action", body = StaffFeedback),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Without the role in this unit or the one who answered (`cannot_review_own_work`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No draft reply waiting for review (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A text is empty or too long; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/feedback/{code}/approve")]
pub async fn approve(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Json<ApproveFeedbackRequest>,
) -> Result<web::Json<StaffFeedback>, ApiError> {
    let (slug, code) = path.into_inner();
    let scoped = super::scoped(&state, &user, &slug, &code, &super::REVIEWERS).await?;
    let texts = body.parse().map_err(ApiError::Validation)?;
    feedback_workflow::approve(&state.db, &scoped.record, scoped.actor, texts).await?;
    super::view_after(&state, &scoped).await
}
