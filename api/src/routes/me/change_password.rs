use actix_web::{HttpResponse, post, web};
use openapi::Problem;
use openapi::auth::ChangePasswordRequest;

use crate::auth::{CurrentUser, refresh_cookie};
use crate::error::ApiError;
use crate::services::accounts;
use crate::state::AppState;

/// Changes the password and ends every session; sign in again afterwards.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Password changed; all sessions ended"),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong current password or too weak a new one", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/password")]
pub async fn change_password(
    user: CurrentUser,
    state: web::Data<AppState>,
    body: web::Json<ChangePasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    accounts::change_password(
        &state.db,
        user.account,
        &body.current_password,
        &body.new_password,
    )
    .await?;
    Ok(HttpResponse::NoContent()
        .cookie(refresh_cookie::clear())
        .finish())
}
