use actix_web::{HttpResponse, put, web};
use openapi::Problem;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::accounts;
use crate::state::AppState;

/// Gives an account a role in the unit. Granting a role already held changes nothing.
#[utoipa::path(
    tag = "staff",
    security(("bearer" = ["ward_admin", "district_admin"])),
    params(
        ("unit" = String, Path, description = "The unit's slug"),
        ("account_id" = i64, Path, description = "The account to grant the role to"),
        ("role" = openapi::auth::Role, Path, description = "The role"),
        NoQuery,
    ),
    responses(
        (status = 204, description = "The account holds the role"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Signed in without an admin role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit or account, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown role", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/units/{unit}/staff/{account_id}/roles/{role}")]
pub async fn grant_role(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64, String)>,
    _: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let (slug, account_id, role) = path.into_inner();
    let (unit_id, role) = super::authorize_role_change(&user, &state.db, &slug, &role).await?;
    accounts::find_active(&state.db, account_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    accounts::grant_role(&state.db, Some(user.account.id), account_id, role, unit_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
