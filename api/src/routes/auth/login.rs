use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::Problem;
use openapi::auth::{LoginRequest, TokenResponse};

use crate::error::ApiError;
use crate::routes::client_address;
use crate::services::accounts;
use crate::state::AppState;

/// Signs in with an e-mail address or phone number and a password.
///
/// Answers a short-lived access token and sets the refresh token in the
/// `wp_refresh` cookie (HttpOnly, Secure, SameSite=Strict, path `/api/v1/auth`).
/// After five failures for one login, or thirty from one client, within fifteen
/// minutes, that login or client is refused with 429 until the window passes.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; refresh cookie set", body = TokenResponse),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Login and password do not match (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The login is neither an e-mail nor a phone number", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed sign-ins (`too_many_login_attempts`); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let client = client_address(&req);
    let issued = accounts::sign_in(
        &state.db,
        &body.login,
        &body.password,
        &client,
        state.config.refresh_token_days,
    )
    .await?;
    super::session_response(&state, issued)
}
