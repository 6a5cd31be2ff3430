use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::Problem;
use openapi::feedback::{FeedbackReceipt, NewFeedback};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::client_address;
use crate::services::feedback_intake::{self, Sender};
use crate::services::idempotency::IdempotencyKey;
use crate::services::units;
use crate::state::AppState;

/// Sends feedback to the ward, with or without an account. The answer's code and
/// the phone or e-mail given are what the sender looks it up with later.
///
/// With an `Idempotency-Key` header, a retry of the same request gets the first
/// answer again (marked `Idempotent-Replayed: true`) and no second feedback is
/// made; the same key with another request is refused. Each client address may
/// send 5 feedback in 10 minutes and 20 a day (configurable).
#[utoipa::path(
    tag = "feedback",
    operation_id = "submit_feedback",
    params(
        ("unit" = String, Path, description = "The ward's slug"),
        ("Idempotency-Key" = Option<String>, Header, description = "Any unique string per submission (e.g. a UUID), 1–255 printable ASCII characters"),
    ),
    request_body = NewFeedback,
    responses(
        (status = 201, description = "Received: the tracking code and the due date", body = FeedbackReceipt),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid (no consent, no contact, unknown category, a location outside the ward, more than 5 photos, a photo id that is unknown or already used (`photos[i]`)…; see `errors`), or the `Idempotency-Key` was used for another request (`idempotency_key_reused`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too much feedback from this client (`too_many_requests`); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/feedback")]
pub async fn submit(
    req: HttpRequest,
    user: Option<CurrentUser>,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<NewFeedback>,
) -> Result<HttpResponse, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    let checked = body.parse().map_err(ApiError::Validation)?;
    let client = client_address(&req);
    let sender = Sender {
        account: user.map(|user| user.account.id),
        client: &client,
    };
    let key = match req.headers().get("Idempotency-Key") {
        Some(value) => Some(IdempotencyKey::new(
            value.to_str().unwrap_or_default(),
            feedback_intake::key_scope(&unit, &sender),
            &*body,
        )?),
        None => None,
    };
    let answer = feedback_intake::receive(
        &state.db,
        &unit,
        sender,
        &state.config.feedback_rate_limits,
        key.as_ref(),
        checked,
    )
    .await?;
    let status = StatusCode::from_u16(answer.status)
        .map_err(|e| anyhow::anyhow!("stored status unusable: {e}"))?;
    let mut response = HttpResponse::build(status);
    if answer.replayed {
        response.insert_header(("Idempotent-Replayed", "true"));
    }
    Ok(response.json(answer.body))
}
