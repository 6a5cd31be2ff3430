use actix_web::{get, web};
use openapi::Problem;
use openapi::auth::StaffMember;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{accounts, units};
use crate::state::AppState;

/// The staff of a unit and the roles each holds there.
#[utoipa::path(
    operation_id = "list_staff",
    tag = "staff",
    security(("bearer" = ["ward_admin", "district_admin"])),
    params(("unit" = String, Path, description = "The unit's slug"), NoQuery),
    responses(
        (status = 200, description = "Staff of the unit", body = Vec<StaffMember>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Signed in without an admin role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/staff")]
pub async fn list(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<StaffMember>>, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &super::MANAGERS, &scope)?;
    let staff = accounts::staff_of(&state.db, unit.id)
        .await?
        .into_iter()
        .map(|(account, roles)| crate::wire::staff_member(&account, roles))
        .collect();
    Ok(web::Json(staff))
}
