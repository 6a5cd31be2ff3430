use actix_web::{HttpRequest, get, web};
use openapi::Problem;
use openapi::feedback::FeedbackStatus;
use serde::Deserialize;

use crate::error::ApiError;
use crate::routes::client_address;
use crate::services::feedback;
use crate::services::request_throttle::{self, Action};
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct LookupQuery {
    /// The phone number or e-mail address the feedback was sent with.
    pub contact: String,
}

/// The sender's view of their feedback: status, public steps, photos and the
/// published reply. A wrong contact answers exactly as an unknown code does. Each
/// client address may look up 30 times in 10 minutes (configurable), so codes
/// cannot be guessed.
#[utoipa::path(
    tag = "feedback",
    operation_id = "lookup_feedback",
    params(("code" = String, Path, description = "The tracking code, e.g. `PA-7K3MQ-9QXD2`"), LookupQuery),
    responses(
        (status = 200, description = "The feedback", body = FeedbackStatus),
        (status = 400, description = "No `contact`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No feedback with this code and this contact", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many lookups from this client (`too_many_requests`); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/feedback/{code}")]
pub async fn lookup(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<LookupQuery>,
) -> Result<web::Json<FeedbackStatus>, ApiError> {
    request_throttle::hit(
        &state.db,
        Action::FeedbackLookup,
        &client_address(&req),
        &state.config.lookup_rate_limits,
    )
    .await?;
    Ok(web::Json(
        feedback::lookup(&state.db, &path.into_inner(), &query.contact).await?,
    ))
}
