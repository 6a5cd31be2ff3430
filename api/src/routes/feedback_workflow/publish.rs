use actix_web::{post, web};
use openapi::Problem;
use openapi::feedback_workflow::StaffFeedback;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::feedback_workflow;
use crate::state::AppState;

/// Puts the approved texts and reply on the ward's site and e-mails the citizen.
/// Refused for feedback the citizen asked to keep private: close it instead.
#[utoipa::path(
    tag = "feedback",
    operation_id = "publish_feedback",
    security(("bearer" = ["web_officer"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code")),
    responses(
        (status = 200, description = "The feedback, published", body = StaffFeedback),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a web officer of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not approved, or private (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/feedback/{code}/publish")]
pub async fn publish(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<web::Json<StaffFeedback>, ApiError> {
    let (slug, code) = path.into_inner();
    let scoped = super::scoped(&state, &user, &slug, &code, &super::WEB_OFFICERS).await?;
    feedback_workflow::publish(&state.db, &scoped.unit, &scoped.record, scoped.actor).await?;
    super::view_after(&state, &scoped).await
}
