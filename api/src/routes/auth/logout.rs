use actix_web::{HttpResponse, post, web};
use openapi::Problem;

use crate::auth::{CurrentUser, refresh_cookie};
use crate::error::ApiError;
use crate::services::accounts;
use crate::state::AppState;

/// Signs out everywhere: every session of the account ends, on every device.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Signed out; refresh cookie cleared"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    user: CurrentUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    accounts::sign_out(&state.db, user.account.id).await?;
    Ok(HttpResponse::NoContent()
        .cookie(refresh_cookie::clear())
        .finish())
}
