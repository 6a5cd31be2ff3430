use actix_web::{post, web};
use openapi::Problem;
use openapi::feedback_workflow::{ForwardRequest, StaffFeedback};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::feedback_workflow;
use crate::state::AppState;

/// Forwards the feedback to a department of the ward with an instruction (again,
/// to another department, while none has answered). `multi_agency` gives the
/// department 15 working days from receipt instead of 10.
#[utoipa::path(
    tag = "feedback",
    operation_id = "forward_feedback",
    security(("bearer" = ["web_officer"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code")),
    request_body = ForwardRequest,
    responses(
        (status = 200, description = "The feedback after the action", body = StaffFeedback),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Without the role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not received or forwarded, or another officer acted first (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No instruction, or no such department; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/feedback/{code}/forward")]
pub async fn forward(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Json<ForwardRequest>,
) -> Result<web::Json<StaffFeedback>, ApiError> {
    let (slug, code) = path.into_inner();
    let scoped = super::scoped(&state, &user, &slug, &code, &super::WEB_OFFICERS).await?;
    let request = body.parse().map_err(ApiError::Validation)?;
    feedback_workflow::forward(&state.db, &scoped.record, scoped.actor, request).await?;
    super::view_after(&state, &scoped).await
}
