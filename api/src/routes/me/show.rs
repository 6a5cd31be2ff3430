use actix_web::{get, web};
use openapi::Problem;
use openapi::auth::Me;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::accounts;
use crate::state::AppState;

/// The signed-in account and the roles it holds, unit by unit.
#[utoipa::path(
    operation_id = "show_me",
    tag = "auth",
    security(("bearer" = [])),
    params(NoQuery),
    responses(
        (status = 200, description = "The signed-in account", body = Me),
        (status = 401, description = "Not signed in, or the token expired (`token_expired`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn show(
    user: CurrentUser,
    state: web::Data<AppState>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Me>, ApiError> {
    Ok(web::Json(
        accounts::me(&state.db, &user.account, &user.grants).await?,
    ))
}
