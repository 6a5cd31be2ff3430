use actix_web::{delete, web};
use openapi::Problem;
use openapi::feedback_workflow::Department;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::staff::MANAGERS;
use crate::services::{departments, units};
use crate::state::AppState;

/// Takes the account out of the department: its feedback no longer reaches them.
#[utoipa::path(
    tag = "feedback",
    operation_id = "remove_department_member",
    security(("bearer" = ["ward_admin"])),
    params(
        ("unit" = String, Path, description = "The ward's slug"),
        ("department" = String, Path, description = "The department's slug"),
        ("account_id" = i64, Path, description = "The staff account"),
    ),
    responses(
        (status = 200, description = "The department with its members", body = Department),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a ward admin of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such department or member in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),

    )
)]
#[delete("/units/{unit}/departments/{department}/members/{account_id}")]
pub async fn remove_member(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String, i64)>,
) -> Result<web::Json<Department>, ApiError> {
    let (slug, department_slug, account_id) = path.into_inner();
    let (unit, scope) = units::scope(&state.db, &slug).await?;
    require_role(&user, &MANAGERS, &scope)?;
    let department = departments::by_slug(&state.db, unit.id, &department_slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    departments::remove_member(&state.db, &department, account_id, user.account.id).await?;
    Ok(web::Json(departments::one(&state.db, department).await?))
}
