use actix_web::{HttpResponse, post, web};
use openapi::Problem;
use openapi::auth::{Me, RegisterRequest};

use crate::error::ApiError;
use crate::services::accounts;
use crate::state::AppState;

/// A citizen creates an account with an e-mail address and/or a phone number.
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "The new account (no roles)", body = Me),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "E-mail (`email_taken`) or phone (`phone_taken`) already registered", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    body: web::Json<RegisterRequest>,
) -> Result<HttpResponse, ApiError> {
    let new = body.parse().map_err(ApiError::Validation)?;
    let account = accounts::register(&state.db, new).await?;
    let me = accounts::me(&state.db, &account, &[]).await?;
    Ok(HttpResponse::Created().json(me))
}
