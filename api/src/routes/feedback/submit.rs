use actix_web::{HttpResponse, post, web};
use openapi::Problem;
use openapi::feedback::{FeedbackReceipt, NewFeedback};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::{feedback, units};
use crate::state::AppState;

/// Sends feedback to the ward, with or without an account. The answer's code and
/// the phone or e-mail given are what the sender looks it up with later.
#[utoipa::path(
    tag = "feedback",
    operation_id = "submit_feedback",
    params(("unit" = String, Path, description = "The ward's slug")),
    request_body = NewFeedback,
    responses(
        (status = 201, description = "Received: the tracking code and the due date", body = FeedbackReceipt),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid (no consent, no contact, unknown category, a location outside the ward…); see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/feedback")]
pub async fn submit(
    user: Option<CurrentUser>,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<NewFeedback>,
) -> Result<HttpResponse, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    let checked = body.parse().map_err(ApiError::Validation)?;
    let submitter = user.map(|user| user.account.id);
    let receipt = feedback::submit(&state.db, &unit, submitter, checked).await?;
    Ok(HttpResponse::Created().json(receipt))
}
