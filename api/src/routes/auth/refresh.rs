use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::auth::TokenResponse;
use openapi::{ErrorCode, Problem};

use crate::auth::refresh_cookie;
use crate::error::ApiError;
use crate::services::sessions;
use crate::state::AppState;

/// Exchanges the refresh cookie for a new access token and a new refresh cookie.
///
/// Each refresh token works once. Presenting a used one again ends its whole
/// session (`refresh_token_reused`): someone else may hold a copy.
#[utoipa::path(
    tag = "auth",
    responses(
        (status = 200, description = "New access token; refresh cookie rotated", body = TokenResponse),
        (status = 401, description = "No, unknown or expired refresh cookie (`refresh_token_invalid`), or a reused one (`refresh_token_reused`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let presented =
        refresh_cookie::read(&req).ok_or(ApiError::Unauthorized(ErrorCode::RefreshTokenInvalid))?;
    let issued = sessions::rotate(&state.db, &presented, state.config.refresh_token_days).await?;
    super::session_response(&state, issued)
}
