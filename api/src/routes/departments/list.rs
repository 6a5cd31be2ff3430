use actix_web::{get, web};
use openapi::Problem;
use openapi::auth::Role;
use openapi::feedback_workflow::Department;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{departments, units};
use crate::state::AppState;

/// Who sees the departments: their ward admin, and the staff who route feedback.
const READERS: [Role; 4] = [
    Role::WardAdmin,
    Role::WebOfficer,
    Role::Reviewer,
    Role::DepartmentOfficer,
];

/// The ward's departments, each with its members.
#[utoipa::path(
    tag = "feedback",
    operation_id = "list_departments",
    security(("bearer" = ["ward_admin", "web_officer", "reviewer", "department_officer"])),
    params(("unit" = String, Path, description = "The ward's slug"), NoQuery),
    responses(
        (status = 200, description = "The departments, in the order they were set up", body = Vec<Department>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Without a staff role that needs them", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/departments")]
pub async fn list(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<Department>>, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &READERS, &scope)?;
    Ok(web::Json(departments::list(&state.db, unit.id).await?))
}
