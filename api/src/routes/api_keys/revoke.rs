use actix_web::{HttpResponse, delete, web};
use openapi::Problem;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::routes::staff::MANAGERS;
use crate::services::{api_keys, units};
use crate::state::AppState;

/// Revokes a key of the unit for good: from now on it is refused (403). Revoking
/// it again changes nothing.
#[utoipa::path(
    tag = "api keys",
    operation_id = "revoke_api_key",
    security(("bearer" = ["ward_admin", "district_admin"])),
    params(
        ("unit" = String, Path, description = "The unit's slug"),
        ("id" = i64, Path, description = "The key's id"),
        NoQuery,
    ),
    responses(
        (status = 204, description = "The key is revoked"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Signed in without an admin role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such key in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/units/{unit}/api-keys/{id}")]
pub async fn revoke(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    _: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let (unit, scope) = units::scope(&state.db, &slug).await?;
    require_role(&user, &MANAGERS, &scope)?;
    api_keys::revoke(&state.db, unit.id, user.account.id, id).await?;
    Ok(HttpResponse::NoContent().finish())
}
