use actix_web::{put, web};
use openapi::Problem;
use openapi::feedback_workflow::Department;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::staff::MANAGERS;
use crate::services::{departments, units};
use crate::state::AppState;

/// Makes a department officer of the ward a member of the department, so its
/// feedback reaches them; adding a member twice changes nothing.
#[utoipa::path(
    tag = "feedback",
    operation_id = "add_department_member",
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
        (status = 404, description = "No such department in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The account is not a department officer of this ward (`not_department_officer`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/units/{unit}/departments/{department}/members/{account_id}")]
pub async fn add_member(
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
    departments::add_member(&state.db, &department, account_id, user.account.id).await?;
    Ok(web::Json(departments::one(&state.db, department).await?))
}
