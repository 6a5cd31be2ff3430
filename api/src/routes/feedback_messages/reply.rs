use actix_web::{HttpResponse, post, web};
use openapi::Problem;
use openapi::feedback_thread::{NewCitizenMessage, PublicMessage};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::feedback_thread;
use crate::state::AppState;

/// The citizen adds information or replies while the feedback is open: signed in
/// as its sender, or with the phone or e-mail it was sent with in `contact`.
#[utoipa::path(
    tag = "feedback",
    operation_id = "reply_to_feedback",
    params(("code" = String, Path, description = "The tracking code")),
    request_body = NewCitizenMessage,
    responses(
        (status = 201, description = "Posted", body = PublicMessage),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No feedback with this code and this contact (or sent by the signed-in account)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The feedback is published, rejected or closed (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An empty or overlong `body`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/feedback/{code}/messages")]
pub async fn reply(
    user: Option<CurrentUser>,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<NewCitizenMessage>,
) -> Result<HttpResponse, ApiError> {
    let text = body.parse().map_err(ApiError::Validation)?;
    let message = feedback_thread::post_as_citizen(
        &state.db,
        &path.into_inner(),
        user.map(|user| user.account.id),
        body.contact.as_deref(),
        text,
    )
    .await?;
    Ok(HttpResponse::Created().json(message))
}
