use actix_web::{post, web};
use openapi::Problem;
use openapi::feedback_workflow::{CloseRequest, StaffFeedback};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::feedback_workflow;
use crate::state::AppState;

/// Ends the handling of an approved or published feedback. Feedback the citizen
/// kept private ends here once approved; its reply is e-mailed to them alone.
#[utoipa::path(
    tag = "feedback",
    operation_id = "close_feedback",
    security(("bearer" = ["web_officer"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code")),
    request_body = CloseRequest,
    responses(
        (status = 200, description = "The feedback after the action", body = StaffFeedback),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Without the role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not approved or published (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/feedback/{code}/close")]
pub async fn close(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Json<CloseRequest>,
) -> Result<web::Json<StaffFeedback>, ApiError> {
    let (slug, code) = path.into_inner();
    let scoped = super::scoped(&state, &user, &slug, &code, &super::WEB_OFFICERS).await?;
    let note = body
        .into_inner()
        .note
        .map(|n| openapi::values::normalize_text(&n))
        .filter(|n| !n.is_empty());
    feedback_workflow::close(&state.db, &scoped.unit, &scoped.record, scoped.actor, note).await?;
    super::view_after(&state, &scoped).await
}
