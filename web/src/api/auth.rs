//! Sign-in, silent refresh and sign-out. The refresh token lives only in an HttpOnly
//! cookie that the browser sends with these same-origin requests.

use gloo_net::http::Request;
use openapi::auth::{LoginRequest, Me, RegisterRequest, TokenResponse};

use super::ApiError;
use super::client::{fetch_empty, fetch_json, request, with_bearer};

/// `POST /api/v1/auth/login`.
pub async fn login(credentials: &LoginRequest) -> Result<TokenResponse, ApiError> {
    fetch_json(request(Request::post("/api/v1/auth/login")).json(credentials)).await
}

/// `POST /api/v1/auth/register`: a citizen's new account (no roles).
pub async fn register(registration: &RegisterRequest) -> Result<Me, ApiError> {
    fetch_json(request(Request::post("/api/v1/auth/register")).json(registration)).await
}

/// `POST /api/v1/auth/refresh`: a new access token for the refresh cookie, which the
/// server rotates.
pub async fn refresh() -> Result<TokenResponse, ApiError> {
    fetch_json(request(Request::post("/api/v1/auth/refresh")).build()).await
}

/// `POST /api/v1/auth/logout`: ends the session on the server (204).
pub async fn logout(token: &str) -> Result<(), ApiError> {
    fetch_empty(with_bearer(request(Request::post("/api/v1/auth/logout")), token).build()).await
}
