use actix_web::{HttpResponse, post, web};
use openapi::Problem;
use openapi::feedback_thread::{NewStaffMessage, ThreadMessage};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::feedback_thread;
use crate::state::AppState;

/// A public message to the citizen (by e-mail too when they gave an address, under
/// the unit's name) or an internal note for staff.
#[utoipa::path(
    tag = "feedback",
    operation_id = "post_feedback_message",
    security(("bearer" = ["web_officer", "reviewer", "ward_admin", "department_officer", "district_admin"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code")),
    request_body = NewStaffMessage,
    responses(
        (status = 201, description = "Posted", body = ThreadMessage),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No feedback role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or not assigned to the caller's department", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An empty or overlong `body`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/feedback/{code}/messages")]
pub async fn post(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Json<NewStaffMessage>,
) -> Result<HttpResponse, ApiError> {
    let (slug, code) = path.into_inner();
    let (unit, record) = super::scoped_feedback(&state, &user, &slug, &code).await?;
    let text = body.parse().map_err(ApiError::Validation)?;
    let message = feedback_thread::post_as_staff(
        &state.db,
        &unit,
        &record,
        &user.account,
        body.visibility,
        text,
    )
    .await?;
    Ok(HttpResponse::Created().json(message))
}
