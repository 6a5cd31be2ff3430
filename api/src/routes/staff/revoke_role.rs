use actix_web::{HttpResponse, delete, web};
use openapi::Problem;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::accounts;
use crate::state::AppState;

/// Takes a role in the unit away from an account.
#[utoipa::path(
    tag = "staff",
    security(("bearer" = ["ward_admin", "district_admin"])),
    params(
        ("unit" = String, Path, description = "The unit's slug"),
        ("account_id" = i64, Path, description = "The account to take the role from"),
        ("role" = openapi::auth::Role, Path, description = "The role"),
        NoQuery,
    ),
    responses(
        (status = 204, description = "The role is revoked"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Signed in without an admin role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The account does not hold this role here, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown role", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/units/{unit}/staff/{account_id}/roles/{role}")]
pub async fn revoke_role(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64, String)>,
    _: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let (slug, account_id, role) = path.into_inner();
    let (unit_id, role) = super::authorize_role_change(&user, &state.db, &slug, &role).await?;
    accounts::revoke_role(&state.db, Some(user.account.id), account_id, role, unit_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
