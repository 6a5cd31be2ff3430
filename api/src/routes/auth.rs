use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use openapi::auth::TokenResponse;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::refresh_cookie;
use crate::error::ApiError;
use crate::services::sessions::IssuedRefreshToken;
use crate::state::AppState;

mod login;
mod logout;
mod refresh;
mod register;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(register::register)
        .service(login::login)
        .service(refresh::refresh)
        .service(logout::logout);
}

/// The answer to a sign-in or refresh: an access token in the body, the refresh
/// token in its cookie.
fn session_response(
    state: &AppState,
    issued: IssuedRefreshToken,
) -> Result<HttpResponse, ApiError> {
    let access_token = state.tokens.issue(issued.account_id, &issued.session)?;
    Ok(HttpResponse::build(StatusCode::OK)
        .cookie(refresh_cookie::set(
            &issued.token,
            state.config.refresh_token_days,
        ))
        .json(TokenResponse {
            access_token,
            token_type: "Bearer".to_owned(),
            expires_in: state.tokens.lifetime_seconds,
        }))
}
