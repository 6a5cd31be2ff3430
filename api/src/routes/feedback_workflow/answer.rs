use actix_web::{post, web};
use openapi::Problem;
use openapi::feedback_workflow::{AnswerRequest, StaffFeedback};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::feedback_workflow;
use crate::state::AppState;

/// The department's draft reply, by a member of the department it was forwarded to.
#[utoipa::path(
    tag = "feedback",
    operation_id = "answer_feedback",
    security(("bearer" = ["department_officer"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code")),
    request_body = AnswerRequest,
    responses(
        (status = 200, description = "The feedback after the action", body = StaffFeedback),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Without the role in this unit or not a member of the department", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not waiting for a department, or another officer acted first (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reply; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/feedback/{code}/answer")]
pub async fn answer(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Json<AnswerRequest>,
) -> Result<web::Json<StaffFeedback>, ApiError> {
    let (slug, code) = path.into_inner();
    let scoped = super::scoped(&state, &user, &slug, &code, &super::DEPARTMENT_OFFICERS).await?;
    let reply = body.parse().map_err(ApiError::Validation)?;
    feedback_workflow::answer(&state.db, &scoped.record, scoped.actor, reply).await?;
    super::view_after(&state, &scoped).await
}
