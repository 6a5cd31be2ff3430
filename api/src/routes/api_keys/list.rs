use actix_web::{get, web};
use openapi::Problem;
use openapi::api_keys::ApiKey;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::routes::staff::MANAGERS;
use crate::services::{api_keys, units};
use crate::state::AppState;

/// The unit's API keys, newest first, revoked ones included; never the key itself.
#[utoipa::path(
    tag = "api keys",
    operation_id = "list_api_keys",
    security(("bearer" = ["ward_admin", "district_admin"])),
    params(("unit" = String, Path, description = "The unit's slug"), NoQuery),
    responses(
        (status = 200, description = "The keys", body = Vec<ApiKey>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Signed in without an admin role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/api-keys")]
pub async fn list(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<ApiKey>>, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &MANAGERS, &scope)?;
    let keys = api_keys::list(&state.db, unit.id).await?;
    Ok(web::Json(keys.iter().map(crate::wire::api_key).collect()))
}
