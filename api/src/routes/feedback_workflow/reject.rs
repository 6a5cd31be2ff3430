use actix_web::{post, web};
use openapi::Problem;
use openapi::feedback_workflow::{RejectRequest, StaffFeedback};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::feedback_workflow;
use crate::state::AppState;

/// Does not take the feedback up: spam, a duplicate of another feedback of the ward,
/// or outside the ward's competence (naming the competent body). The citizen is told.
#[utoipa::path(
    tag = "feedback",
    operation_id = "reject_feedback",
    security(("bearer" = ["web_officer"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code")),
    request_body = RejectRequest,
    responses(
        (status = 200, description = "The feedback after the action", body = StaffFeedback),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Without the role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already answered or settled (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason, an unknown duplicate code or no competent body; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/feedback/{code}/reject")]
pub async fn reject(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Json<RejectRequest>,
) -> Result<web::Json<StaffFeedback>, ApiError> {
    let (slug, code) = path.into_inner();
    let scoped = super::scoped(&state, &user, &slug, &code, &super::WEB_OFFICERS).await?;
    let rejection = body.parse().map_err(ApiError::Validation)?;
    feedback_workflow::reject(
        &state.db,
        &scoped.unit,
        &scoped.record,
        scoped.actor,
        rejection,
    )
    .await?;
    super::view_after(&state, &scoped).await
}
