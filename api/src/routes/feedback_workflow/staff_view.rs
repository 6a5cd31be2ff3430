use actix_web::{get, web};
use openapi::Problem;
use openapi::feedback_workflow::StaffFeedback;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::feedback_staff;
use crate::state::AppState;

/// One feedback in full for staff: contact data, every step with its note, and
/// what the caller may do now. Department officers see their departments' only.
#[utoipa::path(
    tag = "feedback",
    operation_id = "show_staff_feedback",
    security(("bearer" = ["web_officer", "reviewer", "department_officer"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code"), NoQuery),
    responses(
        (status = 200, description = "The feedback", body = StaffFeedback),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Without a feedback role in this unit, or a department officer of another department", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/feedback/{code}/staff")]
pub async fn staff_view(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<StaffFeedback>, ApiError> {
    let (slug, code) = path.into_inner();
    let scoped = super::scoped(&state, &user, &slug, &code, &super::STAFF).await?;
    if !feedback_staff::may_read(&state.db, &scoped.record, scoped.caps, scoped.actor).await? {
        return Err(ApiError::Forbidden);
    }
    super::view_after(&state, &scoped).await
}
