use actix_web::{get, web};
use openapi::Problem;
use openapi::feedback_thread::ThreadMessage;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::feedback_thread;
use crate::state::AppState;

/// The whole thread of a feedback, public messages and internal notes, oldest first.
#[utoipa::path(
    tag = "feedback",
    operation_id = "list_feedback_messages",
    security(("bearer" = ["web_officer", "reviewer", "ward_admin", "department_officer", "district_admin"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code"), NoQuery),
    responses(
        (status = 200, description = "The thread", body = Vec<ThreadMessage>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No feedback role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or not assigned to the caller's department", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/feedback/{code}/messages")]
pub async fn list(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<ThreadMessage>>, ApiError> {
    let (slug, code) = path.into_inner();
    let (_, record) = super::scoped_feedback(&state, &user, &slug, &code).await?;
    Ok(web::Json(
        feedback_thread::staff_thread(&state.db, &record).await?,
    ))
}
